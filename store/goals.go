package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"kopuro"
)

func (db *DB) institutionID(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, code string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, db.q(`SELECT id FROM institutions WHERE code = ?`), code).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, kopuro.Errorf(kopuro.ENotFound, "error.institution_not_found", "no institution %q", code).WithArg("Code", code)
	}
	return id, err
}

func nullFloat(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// AddGoal validates and stores a goal of its institution, returning it
// with its id. It checks what the goal says of itself (Goal.ValidateShape);
// that its metric exists is for the metric registry to say
// (plan.ValidateGoal, which insight.AddGoal calls first).
func (db *DB) AddGoal(ctx context.Context, g kopuro.Goal) (kopuro.Goal, error) {
	if err := g.ValidateShape(); err != nil {
		return g, err
	}
	err := db.writeTx(ctx, func(tx *sql.Tx) error {
		inst, err := db.institutionID(ctx, tx, g.Institution)
		if err != nil {
			return err
		}
		var base any
		prec := string(kopuro.ValueNone)
		if g.Baseline.OK() {
			base, prec = g.Baseline.V, string(g.Baseline.Prec)
		}
		ms := make([]string, len(g.Milestones))
		for i, m := range g.Milestones {
			ms[i] = strconv.FormatFloat(m, 'g', -1, 64)
		}
		return tx.QueryRowContext(ctx, db.q(`
INSERT INTO goals (institution_id, metric, platform, label, target, change_pct, baseline, baseline_precision,
  start_date, deadline, milestones, note, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			inst, g.Metric, string(g.Platform), g.Label, nullFloat(g.Target), nullFloat(g.Change), base, prec,
			g.Start.String(), g.Deadline.String(), strings.Join(ms, " "), g.Note, db.Now().Unix()).Scan(&g.ID)
	})
	return g, err
}

// Goals returns the goals of an institution, oldest first.
func (db *DB) Goals(ctx context.Context, code string) ([]kopuro.Goal, error) {
	if _, err := db.institutionID(ctx, db.sql, code); err != nil {
		return nil, err
	}
	rows, err := db.sql.QueryContext(ctx, db.q(`
SELECT g.id, g.metric, g.platform, g.label, g.target, g.change_pct, g.baseline, g.baseline_precision,
  g.start_date, g.deadline, g.milestones, g.note, g.reviewed_at
FROM goals g JOIN institutions i ON i.id = g.institution_id WHERE i.code = ? ORDER BY g.id`), code)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []kopuro.Goal{}
	for rows.Next() {
		g := kopuro.Goal{Institution: code}
		var target, change, base sql.NullFloat64
		var prec, start, deadline, ms string
		var reviewed sql.NullInt64
		if err := rows.Scan(&g.ID, &g.Metric, &g.Platform, &g.Label, &target, &change, &base, &prec,
			&start, &deadline, &ms, &g.Note, &reviewed); err != nil {
			return nil, err
		}
		if target.Valid {
			g.Target = &target.Float64
		}
		if change.Valid {
			g.Change = &change.Float64
		}
		g.Baseline = kopuro.MissingValue
		if base.Valid {
			g.Baseline = kopuro.Value{V: base.Float64, Prec: kopuro.ValuePrecision(prec)}
		}
		if start != "" {
			if g.Start, err = kopuro.ParseDate(start); err != nil {
				return nil, err
			}
		}
		if g.Deadline, err = kopuro.ParseDate(deadline); err != nil {
			return nil, err
		}
		for _, f := range strings.Fields(ms) {
			if v, err := strconv.ParseFloat(f, 64); err == nil {
				g.Milestones = append(g.Milestones, v)
			}
		}
		if reviewed.Valid {
			g.Reviewed = time.Unix(reviewed.Int64, 0).UTC()
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// ReviewGoals records that the institution's goals were looked at now
// (listing their progress is a review).
func (db *DB) ReviewGoals(ctx context.Context, code string) error {
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, db.q(`
UPDATE goals SET reviewed_at = ? WHERE institution_id = (SELECT id FROM institutions WHERE code = ?)`), db.Now().Unix(), code)
		return err
	})
}

// AddIndicator validates and stores an offline indicator.
func (db *DB) AddIndicator(ctx context.Context, in kopuro.OfflineIndicator) (kopuro.OfflineIndicator, error) {
	if err := in.Validate(); err != nil {
		return in, err
	}
	err := db.writeTx(ctx, func(tx *sql.Tx) error {
		inst, err := db.institutionID(ctx, tx, in.Institution)
		if err != nil {
			return err
		}
		var camp any
		if in.Campaign != "" {
			var id int64
			if err := tx.QueryRowContext(ctx, db.q(`SELECT id FROM campaigns WHERE code = ?`), in.Campaign).Scan(&id); err != nil {
				if err == sql.ErrNoRows {
					return kopuro.Errorf(kopuro.ENotFound, "error.campaign_not_found", "no campaign %q", in.Campaign).WithArg("Value", in.Campaign)
				}
				return err
			}
			camp = id
		}
		return tx.QueryRowContext(ctx, db.q(`
INSERT INTO offline_indicators (institution_id, kind, value, day, source, campaign_id, post_url, note, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			inst, in.Kind, in.Value, in.Date.String(), in.Source, camp, in.PostURL, in.Note, db.Now().Unix()).Scan(&in.ID)
	})
	return in, err
}

// Indicators returns an institution's offline indicators by date.
func (db *DB) Indicators(ctx context.Context, code string) ([]kopuro.OfflineIndicator, error) {
	rows, err := db.sql.QueryContext(ctx, db.q(`
SELECT o.id, o.kind, o.value, o.day, o.source, COALESCE(c.code, ''), o.post_url, o.note
FROM offline_indicators o JOIN institutions i ON i.id = o.institution_id
LEFT JOIN campaigns c ON c.id = o.campaign_id
WHERE i.code = ? ORDER BY o.day, o.id`), code)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []kopuro.OfflineIndicator
	for rows.Next() {
		in := kopuro.OfflineIndicator{Institution: code}
		var day string
		if err := rows.Scan(&in.ID, &in.Kind, &in.Value, &day, &in.Source, &in.Campaign, &in.PostURL, &in.Note); err != nil {
			return nil, err
		}
		if in.Date, err = kopuro.ParseDate(day); err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	return out, rows.Err()
}

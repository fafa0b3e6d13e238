package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"kopuro"
)

// AddCampaign validates and stores a shared campaign with the institutions
// that take part; a campaign code is stored once (conflict otherwise).
func (db *DB) AddCampaign(ctx context.Context, c kopuro.Campaign) (kopuro.Campaign, error) {
	if err := c.Validate(); err != nil {
		return c, err
	}
	err := db.writeTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, db.q(`SELECT COUNT(*) FROM campaigns WHERE code = ?`), c.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return kopuro.Errorf(kopuro.EConflict, "error.campaign_exists", "campaign %q exists already", c.ID).WithArg("Value", c.ID)
		}
		var id int64
		if err := tx.QueryRowContext(ctx, db.q(`
INSERT INTO campaigns (code, name, hashtag, from_date, to_date, sdgs, description, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			c.ID, c.Name, c.Hashtag, c.From.String(), c.To.String(), joinInts(c.SDGs), c.Description, db.Now().Unix()).Scan(&id); err != nil {
			return err
		}
		for _, code := range c.Institutions {
			inst, err := db.institutionID(ctx, tx, code)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, db.q(`INSERT INTO campaign_institutions (campaign_id, institution_id) VALUES (?, ?) ON CONFLICT DO NOTHING`), id, inst); err != nil {
				return err
			}
		}
		return nil
	})
	return c, err
}

// Campaigns returns every campaign, newest first.
func (db *DB) Campaigns(ctx context.Context) ([]kopuro.Campaign, error) {
	return db.queryCampaigns(ctx, ``)
}

// Campaign returns the campaign with code, or a not-found error.
func (db *DB) Campaign(ctx context.Context, code string) (kopuro.Campaign, error) {
	cs, err := db.queryCampaigns(ctx, `WHERE c.code = ?`, code)
	if err != nil {
		return kopuro.Campaign{}, err
	}
	if len(cs) == 0 {
		return kopuro.Campaign{}, kopuro.Errorf(kopuro.ENotFound, "error.campaign_not_found", "no campaign %q", code).WithArg("Value", code)
	}
	return cs[0], nil
}

func (db *DB) queryCampaigns(ctx context.Context, where string, args ...any) ([]kopuro.Campaign, error) {
	rows, err := db.sql.QueryContext(ctx, db.q(`
SELECT c.id, c.code, c.name, c.hashtag, c.from_date, c.to_date, c.sdgs, c.description FROM campaigns c `+where+`
ORDER BY c.from_date DESC, c.code`), args...)
	if err != nil {
		return nil, err
	}
	var out []kopuro.Campaign
	var ids []int64
	for rows.Next() {
		var c kopuro.Campaign
		var id int64
		var from, to, sdgs string
		if err := rows.Scan(&id, &c.ID, &c.Name, &c.Hashtag, &from, &to, &sdgs, &c.Description); err != nil {
			rows.Close()
			return nil, err
		}
		if c.From, err = kopuro.ParseDate(from); err == nil {
			c.To, err = kopuro.ParseDate(to)
		}
		if err != nil {
			rows.Close()
			return nil, err
		}
		if c.SDGs, err = splitInts(sdgs); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, c)
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i, id := range ids {
		r, err := db.sql.QueryContext(ctx, db.q(`
SELECT i.code FROM campaign_institutions ci JOIN institutions i ON i.id = ci.institution_id
WHERE ci.campaign_id = ? ORDER BY i.code`), id)
		if err != nil {
			return nil, err
		}
		for r.Next() {
			var code string
			if err := r.Scan(&code); err != nil {
				r.Close()
				return nil, err
			}
			out[i].Institutions = append(out[i].Institutions, code)
		}
		r.Close()
		if err := r.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// CampaignPosts calls fn with every post of an institution's account that
// carries the campaign's hashtag and was published within a day of the
// campaign's window (the tracker applies the exact window in the
// audience's time zone).
func (db *DB) CampaignPosts(ctx context.Context, c kopuro.Campaign, fn func(institution string, p kopuro.Post)) error {
	from := c.From.Start().Add(-24 * time.Hour)
	to := c.To.Start().Add(48 * time.Hour)
	rows, err := db.sql.QueryContext(ctx, db.q(`
SELECT i.code, p.platform, p.external_id, p.published, p.hashtags
FROM post_hashtags h
JOIN posts p ON p.id = h.post_id
JOIN accounts a ON a.id = p.account_id
JOIN institutions i ON i.id = a.institution_id
WHERE h.tag = ? AND p.published >= ? AND p.published < ?
ORDER BY p.published`), c.Tag(), from.Unix(), to.Unix())
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var code, tags string
		var p kopuro.Post
		var published int64
		if err := rows.Scan(&code, &p.Platform, &p.ExternalID, &published, &tags); err != nil {
			return err
		}
		p.Published = time.Unix(published, 0).UTC()
		p.Hashtags = strings.Fields(tags)
		fn(code, p)
	}
	return rows.Err()
}

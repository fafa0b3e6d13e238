package store

import (
	"context"
	"database/sql"

	"kopuro"
)

// SaveCalendarEntry validates and stores a calendar entry: a new one when
// its ID is 0 (created is true), else it replaces the entry with that ID,
// which must belong to the same institution — an entry never moves to
// another institution, so whoever may edit one institution's calendar
// cannot reach another's through an ID.
func (db *DB) SaveCalendarEntry(ctx context.Context, e kopuro.CalendarEntry) (saved kopuro.CalendarEntry, created bool, err error) {
	if err := e.Validate(); err != nil {
		return e, false, err
	}
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		inst, err := db.institutionID(ctx, tx, e.Institution)
		if err != nil {
			return err
		}
		now := db.Now().Unix()
		if e.ID == 0 {
			created = true
			return tx.QueryRowContext(ctx, db.q(`
INSERT INTO calendar_entries (institution_id, day, rubric, title, platform, note, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
				inst, e.Date.String(), e.Rubric, e.Title, string(e.Platform), e.Note, now, now).Scan(&e.ID)
		}
		res, err := tx.ExecContext(ctx, db.q(`
UPDATE calendar_entries SET day = ?, rubric = ?, title = ?, platform = ?, note = ?, updated_at = ?
WHERE id = ? AND institution_id = ?`),
			e.Date.String(), e.Rubric, e.Title, string(e.Platform), e.Note, now, e.ID, inst)
		if err != nil {
			return err
		}
		return oneRow(res, e.ID)
	})
	return e, created, err
}

// DeleteCalendarEntry deletes the entry with id of the institution code.
func (db *DB) DeleteCalendarEntry(ctx context.Context, code string, id int64) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		inst, err := db.institutionID(ctx, tx, code)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, db.q(`DELETE FROM calendar_entries WHERE id = ? AND institution_id = ?`), id, inst)
		if err != nil {
			return err
		}
		return oneRow(res, id)
	})
}

// oneRow turns "no row changed" into the entry's not-found error.
func oneRow(res sql.Result, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return kopuro.Errorf(kopuro.ENotFound, "error.entry_not_found", "no calendar entry %d", id).WithArg("Value", id)
	}
	return nil
}

// CalendarEntries returns the entries from one day to another (both
// included) of the institution code, or of every institution when code is
// "", by day, then institution, then id.
func (db *DB) CalendarEntries(ctx context.Context, from, to kopuro.Date, code string) ([]kopuro.CalendarEntry, error) {
	// Days are stored as ISO text, so text order is date order.
	q := `
SELECT e.id, i.code, e.day, e.rubric, e.title, e.platform, e.note
FROM calendar_entries e JOIN institutions i ON i.id = e.institution_id
WHERE e.day >= ? AND e.day <= ?`
	args := []any{from.String(), to.String()}
	if code != "" {
		q += ` AND i.code = ?`
		args = append(args, code)
	}
	rows, err := db.sql.QueryContext(ctx, db.q(q+` ORDER BY e.day, i.code, e.id`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []kopuro.CalendarEntry
	for rows.Next() {
		var e kopuro.CalendarEntry
		var day, platform string
		if err := rows.Scan(&e.ID, &e.Institution, &day, &e.Rubric, &e.Title, &platform, &e.Note); err != nil {
			return nil, err
		}
		if e.Date, err = kopuro.ParseDate(day); err != nil {
			return nil, err
		}
		e.Platform = kopuro.Platform(platform)
		out = append(out, e)
	}
	return out, rows.Err()
}

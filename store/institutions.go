package store

import (
	"context"
	"database/sql"
	"errors"

	"kopuro"
)

const institutionCols = `code, name_ky, name_ru, name_en, short_ky, short_ru, short_en, type, city, country, students`

func scanInstitution(sc interface{ Scan(...any) error }) (kopuro.Institution, error) {
	var in kopuro.Institution
	var students sql.NullInt64
	err := sc.Scan(&in.Code, &in.Name.KY, &in.Name.RU, &in.Name.EN, &in.Short.KY, &in.Short.RU, &in.Short.EN,
		&in.Type, &in.City, &in.Country, &students)
	in.Students = students.Int64
	return in, err
}

// Institutions returns every institution ordered by code.
func (db *DB) Institutions(ctx context.Context) ([]kopuro.Institution, error) {
	return queryAll(ctx, db, `SELECT `+institutionCols+` FROM institutions ORDER BY code`, func(rows *sql.Rows) (kopuro.Institution, error) {
		return scanInstitution(rows)
	})
}

// Institution returns the institution with code, or a not-found error.
func (db *DB) Institution(ctx context.Context, code string) (kopuro.Institution, error) {
	in, err := scanInstitution(db.sql.QueryRowContext(ctx, db.q(`SELECT `+institutionCols+` FROM institutions WHERE code = ?`), code))
	if errors.Is(err, sql.ErrNoRows) {
		return in, kopuro.Errorf(kopuro.ENotFound, "error.institution_not_found", "no institution %q", code).WithArg("Code", code)
	}
	return in, err
}

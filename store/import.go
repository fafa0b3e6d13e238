package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"strings"

	"kopuro"
)

// ImportTx is one import's transaction. It implements importer.Sink:
// upserts by natural key (institution code; platform + handle for accounts;
// account + metric + as_of for snapshots; platform + external id for posts;
// post + external id for comments), so importing the same file twice
// changes nothing.
type ImportTx struct {
	db       *DB
	tx       *sql.Tx
	conn     *sql.Conn // tx's connection when the import holds one (COPY needs it), else nil
	insts    map[string]int64
	accounts map[kopuro.AccountRef]int64
	posts    map[postKey]int64
	stmts    map[string]*sql.Stmt
	batches  *batcher
	// pending are the posts not yet written, pendingKeys their keys.
	pending     []pendingPost
	pendingKeys map[postKey]struct{}
	// pendingComments are comments of pending posts, written after them.
	pendingComments []kopuro.Comment
	// coded counts the machine codings PutCodedPost's posts brought that
	// were new or changed.
	coded int
	// written counts the posts given to PutPost and PutCodedPost.
	written int
	// staged is set once the staging table of a COPY import exists.
	staged bool
}

// stmt returns query prepared once in this transaction: an import runs
// the same few statements for every item, and parsing them again each
// time cost more than running them.
func (t *ImportTx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(ctx, t.db.q(query))
	if err != nil {
		return nil, err
	}
	t.stmts[query] = st
	return st, nil
}

// scan runs a one-row query with a cached statement and scans its columns.
func (t *ImportTx) scan(ctx context.Context, query string, dest []any, args ...any) error {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return err
	}
	return st.QueryRowContext(ctx, args...).Scan(dest...)
}

// exec runs a statement with a cached statement.
func (t *ImportTx) exec(ctx context.Context, query string, args ...any) error {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(ctx, args...)
	return err
}

// maxCachedPosts bounds the post ids an import remembers for its comments.
const maxCachedPosts = 20000

type postKey struct {
	platform kopuro.Platform
	id       string
}

// Import runs fn in one transaction: everything fn stored is committed if
// it returns nil and nothing is if it returns an error (or the process
// dies: SQLite's journal rolls an unfinished transaction back).
func (db *DB) Import(ctx context.Context, fn func(*ImportTx) error) error {
	before, after := db.d.importConn()
	if len(before) == 0 && !db.d.copyImport {
		return db.importTx(ctx, db.sql, nil, fn)
	}
	// The import needs one connection of the pool: for settings that hold
	// only during the import, or for COPY, which needs the driver's own
	// connection with the transaction begun on it.
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, q := range before {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	err = db.importTx(ctx, conn, conn, fn)
	// Put back even when ctx is done, so the pooled connection is as it was.
	for _, q := range after {
		if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), q); rerr != nil {
			// A connection that cannot be put back must not be reused.
			conn.Raw(func(any) error { return driver.ErrBadConn })
			if err == nil {
				err = rerr
			}
			break
		}
	}
	return err
}

// importTx runs an import in a write transaction begun on on; conn is
// that connection when the import holds one of its own, else nil.
func (db *DB) importTx(ctx context.Context, on txBeginner, conn *sql.Conn, fn func(*ImportTx) error) error {
	return db.writeTxOn(ctx, on, func(tx *sql.Tx) error {
		it := &ImportTx{db: db, tx: tx, conn: conn, insts: map[string]int64{}, accounts: map[kopuro.AccountRef]int64{}, posts: map[postKey]int64{},
			stmts: map[string]*sql.Stmt{}, batches: newBatcher(db, tx), pendingKeys: map[postKey]struct{}{}}
		if err := fn(it); err != nil {
			return err
		}
		if err := it.flushPosts(ctx); err != nil {
			return err
		}
		if q := db.d.bulkLoaded(it.written); q != "" {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	})
}

// Coded is how many posts got a new or changed machine coding with
// PutCodedPost; it is final once Import has returned.
func (t *ImportTx) Coded() int { return t.coded }

// PutInstitution inserts or updates an institution by code. Empty fields of
// in do not erase stored values (a ranking table knows names, not types).
func (t *ImportTx) PutInstitution(ctx context.Context, in kopuro.Institution) error {
	if err := in.Validate(); err != nil {
		return err
	}
	var students any
	if in.Students > 0 {
		students = in.Students
	}
	var id int64
	err := t.scan(ctx, `
INSERT INTO institutions (code, name_ky, name_ru, name_en, short_ky, short_ru, short_en, type, city, country, students)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (code) DO UPDATE SET
  name_ky = CASE WHEN excluded.name_ky <> '' THEN excluded.name_ky ELSE institutions.name_ky END,
  name_ru = CASE WHEN excluded.name_ru <> '' THEN excluded.name_ru ELSE institutions.name_ru END,
  name_en = CASE WHEN excluded.name_en <> '' THEN excluded.name_en ELSE institutions.name_en END,
  short_ky = CASE WHEN excluded.short_ky <> '' THEN excluded.short_ky ELSE institutions.short_ky END,
  short_ru = CASE WHEN excluded.short_ru <> '' THEN excluded.short_ru ELSE institutions.short_ru END,
  short_en = CASE WHEN excluded.short_en <> '' THEN excluded.short_en ELSE institutions.short_en END,
  type = CASE WHEN excluded.type <> '' THEN excluded.type ELSE institutions.type END,
  city = CASE WHEN excluded.city <> '' THEN excluded.city ELSE institutions.city END,
  country = excluded.country,
  students = COALESCE(excluded.students, institutions.students)
RETURNING id`, []any{&id}, in.Code, in.Name.KY, in.Name.RU, in.Name.EN, in.Short.KY, in.Short.RU, in.Short.EN,
		string(in.Type), in.City, in.Country, students)
	if err != nil {
		return err
	}
	t.insts[in.Code] = id
	return nil
}

func (t *ImportTx) institutionID(ctx context.Context, code string) (int64, error) {
	if id, ok := t.insts[code]; ok {
		return id, nil
	}
	var id int64
	err := t.scan(ctx, `SELECT id FROM institutions WHERE code = ?`, []any{&id}, code)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, kopuro.Errorf(kopuro.EInvalid, "error.unknown_institution", "unknown institution %q: import it first", code).WithArg("Code", code).InField("institution")
	}
	if err != nil {
		return 0, err
	}
	t.insts[code] = id
	return id, nil
}

// PutAccount inserts or updates an account and returns its id. An account
// given with a handle and an institution also adopts the institution's
// handle-less placeholder for that platform (made from Table 1), so that
// the history recorded there stays with the account.
func (t *ImportTx) PutAccount(ctx context.Context, a kopuro.Account) (int64, error) {
	if err := a.Validate(); err != nil {
		return 0, err
	}
	var inst any
	if a.Institution != "" {
		id, err := t.institutionID(ctx, a.Institution)
		if err != nil {
			return 0, err
		}
		inst = id
	}
	if a.Handle == "" {
		id, err := t.resolve(ctx, a.Ref(), true)
		if err != nil {
			return 0, err
		}
		err = t.exec(ctx, `UPDATE accounts SET url = CASE WHEN ? <> '' THEN ? ELSE url END, official = ? WHERE id = ?`, a.URL, a.URL, boolInt(a.Official), id)
		return id, err
	}
	var id int64
	err := t.scan(ctx, `
INSERT INTO accounts (institution_id, platform, handle, url, official, created_at) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (platform, handle) WHERE handle <> '' DO UPDATE SET
  institution_id = COALESCE(excluded.institution_id, accounts.institution_id),
  url = CASE WHEN excluded.url <> '' THEN excluded.url ELSE accounts.url END,
  official = excluded.official
RETURNING id`, []any{&id}, inst, string(a.Platform), a.Handle, a.URL, boolInt(a.Official), t.db.Now().Unix())
	if err != nil {
		return 0, err
	}
	if inst != nil {
		if err := t.adoptPlaceholder(ctx, inst.(int64), a.Platform, id); err != nil {
			return 0, err
		}
	}
	t.accounts[a.Ref()] = id
	return id, nil
}

// adoptPlaceholder moves the snapshots and posts of an institution's
// handle-less account on platform to account id, then deletes it.
func (t *ImportTx) adoptPlaceholder(ctx context.Context, inst int64, p kopuro.Platform, id int64) error {
	var ph int64
	err := t.scan(ctx, `SELECT id FROM accounts WHERE institution_id = ? AND platform = ? AND handle = ''`, []any{&ph}, inst, string(p))
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	// Pending posts may be the placeholder's: they must be there to move.
	if err := t.flushPosts(ctx); err != nil {
		return err
	}
	return moveAccount(ctx, t.db, t.tx, ph, id)
}

// resolve finds the account a reference names, creating it when create is
// set: by platform and handle, else the institution's account on the
// platform (its only one, or its handle-less placeholder).
func (t *ImportTx) resolve(ctx context.Context, ref kopuro.AccountRef, create bool) (int64, error) {
	if err := ref.Validate(); err != nil {
		return 0, err
	}
	if id, ok := t.accounts[ref]; ok {
		return id, nil
	}
	var id int64
	var err error
	if ref.Handle != "" {
		err = t.scan(ctx, `SELECT id FROM accounts WHERE platform = ? AND handle = ?`, []any{&id}, string(ref.Platform), ref.Handle)
		if errors.Is(err, sql.ErrNoRows) {
			return t.PutAccount(ctx, kopuro.Account{Institution: ref.Institution, Platform: ref.Platform, Handle: ref.Handle, Official: ref.Institution != ""})
		}
	} else {
		inst, ierr := t.institutionID(ctx, ref.Institution)
		if ierr != nil {
			return 0, ierr
		}
		// Prefer the handle-less placeholder, else the only official account.
		err = t.scan(ctx, `
SELECT id FROM accounts WHERE institution_id = ? AND platform = ?
ORDER BY CASE WHEN handle = '' THEN 0 ELSE 1 END, official DESC, id LIMIT 1`, []any{&id}, inst, string(ref.Platform))
		if errors.Is(err, sql.ErrNoRows) && create {
			err = t.scan(ctx, `INSERT INTO accounts (institution_id, platform, handle, url, official, created_at) VALUES (?, ?, '', '', 1, ?) RETURNING id`, []any{&id}, inst, string(ref.Platform), t.db.Now().Unix())
		}
	}
	if err != nil {
		return 0, err
	}
	t.accounts[ref] = id
	return id, nil
}

// PutSnapshot inserts or updates a snapshot of the account ref names.
func (t *ImportTx) PutSnapshot(ctx context.Context, ref kopuro.AccountRef, s kopuro.Snapshot) error {
	if err := s.Validate(); err != nil {
		return err
	}
	acc, err := t.resolve(ctx, ref, true)
	if err != nil {
		return err
	}
	err = t.exec(ctx, `
INSERT INTO snapshots (account_id, metric, value, precision, as_of, source, note) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (account_id, metric, as_of) DO UPDATE SET
  value = excluded.value, precision = excluded.precision, source = excluded.source, note = excluded.note`, acc, string(s.Metric), nullInt(s.Value), string(s.Precision), s.AsOf.String(), s.Source, s.Note)
	return err
}

// PutPost inserts or updates a post by platform and external id. A post of
// an account nobody registered is kept under an unlinked account. Posts are
// written in batches (see flushPosts), with the comments on them; whatever
// reads or moves posts in this transaction flushes the batch first.
func (t *ImportTx) PutPost(ctx context.Context, p kopuro.Post) error {
	return t.putPost(ctx, p, nil)
}

// PutCodedPost is PutPost with the post's machine coding (made from its
// text while the file was read), written in the same batch right after the
// post: the analysis that follows an import then has nothing left to read
// back for it. A stored coding that would not change is kept as it is.
func (t *ImportTx) PutCodedPost(ctx context.Context, p kopuro.Post, c kopuro.Coding) error {
	return t.putPost(ctx, p, &c)
}

func (t *ImportTx) putPost(ctx context.Context, p kopuro.Post, coding *kopuro.Coding) error {
	if err := p.Validate(); err != nil {
		return err
	}
	acc := p.AccountID
	if acc == 0 {
		var err error
		if acc, err = t.resolve(ctx, p.Account, true); err != nil {
			return err
		}
	}
	if p.Hashtags == nil {
		p.Hashtags = kopuro.Hashtags(p.Text)
	}
	if p.Mentions == nil {
		p.Mentions = kopuro.Mentions(p.Text)
	}
	imported := p.Source.ImportedAt
	if imported.IsZero() {
		imported = t.db.Now()
	}
	k := postKey{p.Platform, p.ExternalID}
	if _, dup := t.pendingKeys[k]; dup {
		// The same post twice in one batch: the second must update the
		// first, as it would one statement later.
		if err := t.flushPosts(ctx); err != nil {
			return err
		}
	}
	t.pendingKeys[k] = struct{}{}
	t.written++
	t.pending = append(t.pending, pendingPost{args: []any{
		string(p.Platform), p.ExternalID, acc, p.URL, p.Published.Unix(), p.Offset, p.Text, string(p.Format),
		nullInt(p.Likes), nullInt(p.Comments), nullInt(p.Shares), nullInt(p.Views), nullInt(p.Saves),
		strings.Join(p.Hashtags, " "), strings.Join(p.Mentions, " "),
		p.Source.Format, p.Source.File, p.Source.Version, imported.Unix()}, key: k, tags: p.Hashtags, coding: coding})
	if len(t.pending) >= postBatch {
		return t.flushPosts(ctx)
	}
	return nil
}

package web

import (
	"context"
	"net/http"

	"kopuro"
	"kopuro/importer"
	"kopuro/insight"
	"kopuro/store"
)

// maxUpload is the largest file the import page takes.
const maxUpload = 32 << 20

// importResult is what the import page shows after an upload.
type importResult struct {
	File   string
	Format string
	Items  map[string]int
	Coded  int
	// Errors are the per-line problems, translated.
	Errors []string
}

// importRoutes registers the upload page.
func (s *Server) importRoutes() {
	s.handle("GET /import", s.importPage)
	s.handle("POST /import", s.importPost)
}

func (s *Server) importPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderImport(w, r, nil)
}

func (s *Server) renderImport(w http.ResponseWriter, r *http.Request, res *importResult) error {
	u, err := s.requireUser(r)
	if err != nil {
		return err
	}
	all, err := s.db.Institutions(r.Context())
	if err != nil {
		return err
	}
	// Only the institutions the user may import for are offered.
	var mine []kopuro.Institution
	for _, in := range all {
		if u.Can(kopuro.ActionImport, in.Code) {
			mine = append(mine, in)
		}
	}
	p := s.newPage(w, r, "pages.import.title")
	p.Data = struct {
		Institutions []kopuro.Institution
		Result       *importResult
	}{mine, res}
	return s.render(w, "import", p)
}

// importPost takes a multipart upload (file, i = institution, partial) and
// runs it through the CLI's import path: importer.Run in one store
// transaction, then the analysis of the new posts. An editor's file may
// only touch their own institution: an item of another one fails the file
// with 400 (or, with partial, is skipped and listed by line).
func (s *Server) importPost(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload+1<<20)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		return kopuro.Errorf(kopuro.EInvalid, "pages.error.upload", "upload not readable: %v", err).WithArg("Max", maxUpload>>20)
	}
	code := r.FormValue("i")
	u, err := s.requireRole(r, kopuro.ActionImport, code)
	if err != nil {
		return err
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return kopuro.Errorf(kopuro.EInvalid, "pages.error.no_file", "no file uploaded").InField("file")
	}
	defer f.Close()
	guard, err := s.newImportGuard(r.Context(), u)
	if err != nil {
		return err
	}
	opts := importer.Options{Partial: r.FormValue("partial") == "on"}
	var rep importer.Report
	err = s.db.Import(r.Context(), func(tx *store.ImportTx) error {
		guard.Sink = tx
		var err error
		rep, err = importer.Run(r.Context(), f, hdr.Filename, opts, guard)
		return err
	})
	if err != nil {
		return err
	}
	coded, err := insight.CodePosts(r.Context(), s.db, s.eng, false)
	if err != nil {
		return err
	}
	res := &importResult{File: hdr.Filename, Format: rep.Format, Items: rep.Items, Coded: coded}
	lang := s.lang(w, r)
	for _, e := range rep.Errors {
		_, _, msg, _ := s.describe(r, lang, e)
		if ke := kopuro.AsError(e); ke != nil && ke.Line > 0 {
			msg = s.cat.T(lang, "pages.import.at_line", "Line", ke.Line, "Message", msg)
		}
		res.Errors = append(res.Errors, msg)
	}
	return s.renderImport(w, r, res)
}

// importGuard is the import sink of one user: every item whose
// institution is known must be one the user may import for.
type importGuard struct {
	importer.Sink
	user kopuro.User
	// owner maps platform/handle of stored accounts to their institution.
	owner map[string]string
}

func (s *Server) newImportGuard(ctx context.Context, u kopuro.User) (*importGuard, error) {
	g := &importGuard{user: u, owner: map[string]string{}}
	accounts, err := s.db.Accounts(ctx, "")
	if err != nil {
		return nil, err
	}
	for _, a := range accounts {
		g.owner[string(a.Platform)+"/"+kopuro.NormalizeHandle(a.Platform, a.Handle)] = a.Institution
	}
	return g, nil
}

// check refuses an item of an institution the user may not import for.
// The refusal is an invalid line (not 403), so that with partial the
// importer skips it and lists it with its line number like any bad line.
func (g *importGuard) check(inst string) error {
	if inst == "" || g.user.Can(kopuro.ActionImport, inst) {
		return nil
	}
	return kopuro.Errorf(kopuro.EInvalid, "pages.error.import_other", "item of institution %q not allowed for %s", inst, g.user.Email).WithArg("Value", inst)
}

// refInst is the institution an account reference points to: named in it,
// or the owner of the stored account with that handle.
func (g *importGuard) refInst(ref kopuro.AccountRef) string {
	if ref.Institution != "" {
		return ref.Institution
	}
	return g.owner[string(ref.Platform)+"/"+kopuro.NormalizeHandle(ref.Platform, ref.Handle)]
}

func (g *importGuard) PutInstitution(ctx context.Context, in kopuro.Institution) error {
	// The registry is the national office's: an editor may not change it.
	if !g.user.Can(kopuro.ActionImport, "") {
		return kopuro.Errorf(kopuro.EInvalid, "pages.error.import_registry", "institution records need an admin").WithArg("Value", in.Code)
	}
	return g.Sink.PutInstitution(ctx, in)
}

func (g *importGuard) PutAccount(ctx context.Context, a kopuro.Account) (int64, error) {
	inst := a.Institution
	if inst == "" {
		inst = g.refInst(kopuro.AccountRef{Platform: a.Platform, Handle: a.Handle})
	}
	if err := g.check(inst); err != nil {
		return 0, err
	}
	return g.Sink.PutAccount(ctx, a)
}

func (g *importGuard) PutSnapshot(ctx context.Context, ref kopuro.AccountRef, sn kopuro.Snapshot) error {
	if err := g.check(g.refInst(ref)); err != nil {
		return err
	}
	return g.Sink.PutSnapshot(ctx, ref, sn)
}

func (g *importGuard) PutPost(ctx context.Context, p kopuro.Post) error {
	if err := g.check(g.refInst(p.Account)); err != nil {
		return err
	}
	return g.Sink.PutPost(ctx, p)
}

// PutComment is for users who may import everywhere: a comment names only
// its post's external id, so whose post it hangs under is not known before
// it is stored; an editor's comments are refused rather than risk landing
// under another institution's post.
func (g *importGuard) PutComment(ctx context.Context, c kopuro.Comment) error {
	if !g.user.Can(kopuro.ActionImport, "") {
		return kopuro.Errorf(kopuro.EInvalid, "pages.error.import_comments", "comments need an admin")
	}
	return g.Sink.PutComment(ctx, c)
}

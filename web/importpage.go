package web

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"

	"kopuro"
	"kopuro/importer"
	"kopuro/insight"
)

// maxUpload is the largest file the import page takes.
const maxUpload = 32 << 20

// importView is what the import page shows of one job: progress while
// it runs, then what was stored and the per-line errors, translated.
type importView struct {
	ID          string         `json:"id"`
	File        string         `json:"file"`
	Institution string         `json:"institution"`
	State       string         `json:"state"` // running, done or failed
	BytesRead   int64          `json:"bytes_read"`
	Size        int64          `json:"size"`
	Percent     int            `json:"percent"`
	Stored      int64          `json:"items_stored"` // items stored so far
	Format      string         `json:"format,omitempty"`
	Items       map[string]int `json:"items"` // stored, by kind (when done)
	Coded       int            `json:"coded"`
	// Errors are the per-line problems; Failure why the whole file was
	// refused (without partial, the first bad line).
	Errors  []string `json:"errors"`
	Failure string   `json:"failure,omitempty"`
}

// Import job states.
const (
	importRunning = "running"
	importDone    = "done"
	importFailed  = "failed"
)

// importRoutes registers the upload page and its job's status.
func (s *Server) importRoutes() {
	s.handle("GET /import", s.importPage)
	s.handle("POST /import", s.importPost)
	s.handle("GET /api/v1/imports/{id}", s.apiImportStatus)
}

// importPage is the upload form, and with ?job=ID the job's progress or
// report; while the job runs the page refreshes itself (no script needed).
func (s *Server) importPage(w http.ResponseWriter, r *http.Request) error {
	u, err := s.requireUser(r)
	if err != nil {
		return err
	}
	var v *importView
	if id := r.URL.Query().Get("job"); id != "" {
		j, err := s.imports.get(id, u)
		if err != nil {
			return err
		}
		iv := s.viewImport(r, s.lang(w, r), j)
		v = &iv
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
		Job          *importView
	}{mine, v}
	return s.render(w, "import", p)
}

// apiImportStatus answers GET /api/v1/imports/{id}: the progress of an
// upload of the caller's, then its report with the per-line errors.
func (s *Server) apiImportStatus(w http.ResponseWriter, r *http.Request) error {
	u, err := s.requireUser(r)
	if err != nil {
		return err
	}
	j, err := s.imports.get(r.PathValue("id"), u)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, s.viewImport(r, s.lang(w, r), j))
}

// viewImport describes job j in lang.
func (s *Server) viewImport(r *http.Request, lang string, j *importJob) importView {
	st := j.status()
	v := importView{ID: j.ID, File: j.File, Institution: j.Institution, State: importRunning, BytesRead: st.Read, Size: j.Size,
		Stored: st.Items, Format: st.Report.Format, Items: st.Report.Items, Coded: st.Coded, Errors: []string{}}
	if v.Items == nil {
		v.Items = map[string]int{}
	}
	if j.Size > 0 {
		v.Percent = int(min(100, st.Read*100/j.Size))
	}
	if !st.Done {
		return v
	}
	v.State, v.Percent = importDone, 100
	for _, e := range st.Report.Errors {
		v.Errors = append(v.Errors, s.lineMessage(r, lang, j, e))
	}
	if st.Err != nil {
		v.State, v.Failure = importFailed, s.lineMessage(r, lang, j, st.Err)
	}
	return v
}

// lineMessage is a user-safe message for an error of job j, prefixed with
// its line when known; an internal error shows the upload's request id,
// under which it was logged.
func (s *Server) lineMessage(r *http.Request, lang string, j *importJob, err error) string {
	ke := kopuro.AsError(err)
	if ke == nil || ke.Code == kopuro.EInternal {
		return s.cat.T(lang, "error.internal", "RequestID", j.RequestID)
	}
	_, _, msg, _ := s.describe(r, lang, err)
	if ke.Line > 0 {
		msg = s.cat.T(lang, "pages.import.at_line", "Line", ke.Line, "Message", msg)
	}
	return msg
}

// importPost takes a multipart upload (file, i = institution, partial),
// keeps the file in a temporary file and starts an import job, then sends
// the browser to the job's page (303). The job runs the CLI's import
// path: importer.Run in one store transaction, then the analysis of the
// new posts. An editor's file may only touch their own institution: an
// item of another one fails the file (or, with partial, is skipped and
// listed by line).
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
	// The upload's own temporary files go when the request ends; the job
	// outlives it, so it gets a copy of its own.
	tmp, err := os.CreateTemp("", "kopuro-import-*")
	if err != nil {
		return err
	}
	size, err := io.Copy(tmp, f)
	if err == nil {
		_, err = tmp.Seek(0, io.SeekStart)
	}
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	guard, err := s.newImportGuard(r.Context(), u)
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	j := &importJob{User: u.ID, Institution: code, File: hdr.Filename, Partial: r.FormValue("partial") == "on", Size: size,
		Started: s.db.Now(), RequestID: requestID(r)}
	// The job must not end with the request: it keeps the request's values
	// but not its cancellation.
	ctx := context.WithoutCancel(r.Context())
	err = s.imports.start(j, func() {
		defer os.Remove(tmp.Name())
		defer tmp.Close()
		opts := importer.Options{Partial: j.Partial, Progress: func(n int) { j.items.Store(int64(n)) }}
		rep, coded, err := insight.ImportFile(ctx, s.db, s.eng, countingReader{tmp, &j.read}, j.File, opts,
			func(tx importer.Sink) importer.Sink { guard.Sink = tx; return guard })
		if err == nil {
			var more int
			more, err = insight.CodePosts(ctx, s.db, s.eng, false)
			coded += more
		}
		if err != nil && kopuro.ErrorCode(err) == kopuro.EInternal {
			s.log.Error("import failed", "id", j.RequestID, "job", j.ID, "file", j.File, "err", err)
		}
		// Noted before the job shows as done: the user's next page shows
		// what they imported.
		s.noteWrite(ctx, j.User)
		j.finish(rep, coded, err, s.db.Now())
	})
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	http.Redirect(w, r, "/import?"+url.Values{"job": {j.ID}}.Encode(), http.StatusSeeOther)
	return nil
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

// PutCodedPost is PutPost with the post's machine coding (importer.CodedSink),
// under the same check.
func (g *importGuard) PutCodedPost(ctx context.Context, p kopuro.Post, c kopuro.Coding) error {
	if err := g.check(g.refInst(p.Account)); err != nil {
		return err
	}
	cs, ok := g.Sink.(importer.CodedSink)
	if !ok {
		return g.Sink.PutPost(ctx, p)
	}
	return cs.PutCodedPost(ctx, p, c)
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

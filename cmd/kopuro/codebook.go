package main

import (
	"bufio"
	"context"
	"fmt"
	"strconv"
	"strings"

	"kopuro"
	"kopuro/codebook"
)

// runCodebook shows, exports or lists the terms of a codebook:
// kopuro codebook show|export|terms [--codebook FILE].
func runCodebook(ctx context.Context, e *env, args []string) error {
	action := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		action, args = args[0], args[1:]
	}
	fs := newFlags(e, "codebook")
	cbPath := codebookFlag(e, fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if action == "" && fs.NArg() > 0 {
		action = fs.Arg(0)
	}
	cb, err := loadCodebook(*cbPath)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	switch action {
	case "show":
		showCodebook(e, out, cb)
	case "export":
		_, err = out.Write(cb.Raw())
	case "terms":
		seen := map[string]bool{}
		for _, t := range cb.Terms() {
			if s := t.Surface(); !seen[s] {
				seen[s] = true
				fmt.Fprintln(out, s)
			}
		}
	default:
		fs.Usage()
		return kopuro.Errorf(kopuro.EInvalid, "codebook.error.action", "unknown action %q: use show, export or terms", action).WithArg("Value", action)
	}
	return err
}

// showCodebook prints a readable summary in the terminal's language.
func showCodebook(e *env, w *bufio.Writer, cb *codebook.Codebook) {
	lang := kopuro.Lang(e.lang)
	T := func(key string, kv ...any) string { return e.cat.T(e.lang, key, kv...) }
	counts := func(lx codebook.Lexicon) string {
		return T("codebook.term_counts", "KY", len(lx.KY), "RU", len(lx.RU), "EN", len(lx.EN))
	}
	fmt.Fprintln(w, T("codebook.version", "Version", cb.Version()))
	fmt.Fprintln(w, cb.Description.In(lang))
	section := func(title string) { fmt.Fprintf(w, "\n%s\n", title) }
	section(T("codebook.categories"))
	for _, c := range cb.Categories {
		fmt.Fprintf(w, "  %s (%s): %s\n    %s\n", c.Name.In(lang), c.ID, c.Definition.In(lang), counts(c.Terms))
	}
	section(T("codebook.areas"))
	for _, a := range cb.Areas {
		fmt.Fprintf(w, "  %s (%s): %s\n    %s\n", a.Name.In(lang), a.ID, a.Definition.In(lang), counts(a.Terms))
	}
	section(T("codebook.sdgs"))
	for _, g := range cb.SDGs {
		var tags []string
		for _, h := range cb.SDGHashtags(g.Goal) {
			tags = append(tags, h.Text)
		}
		fmt.Fprintf(w, "  %2s. %s: %s\n      %s; %s\n", strconv.Itoa(g.Goal), g.Name.In(lang), g.Definition.In(lang), strings.Join(tags, " "), counts(g.Terms))
	}
	section(T("codebook.styles"))
	for _, s := range cb.Styles {
		fmt.Fprintf(w, "  %s (%s): %s\n    %s; %s\n", s.Name.In(lang), s.ID, s.Definition.In(lang),
			T("codebook.threshold", "Value", strconv.FormatFloat(s.Threshold, 'g', -1, 64)), counts(s.Terms))
	}
	fmt.Fprintf(w, "\n%s\n", T("codebook.total_terms", "Count", len(cb.Terms())))
}

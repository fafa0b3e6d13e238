package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"kopuro"
	"kopuro/advise"
	"kopuro/insight"
)

// maxDraft bounds a draft read from standard input.
const maxDraft = 1 << 20

// runCheck checks a draft before it is posted:
//
//	kopuro check [--platform instagram|facebook|youtube|tiktok|telegram|x|linkedin] [--json] [--labels FILE] [--codebook FILE] TEXT|-
//
// The draft is analysed with the same engine as stored posts; --labels
// gives a coder's labels instead.
func runCheck(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "check")
	dsn := dbFlag(e, fs)
	platform := fs.String("platform", "", e.cat.T(e.lang, "cli.flag.platform"))
	asJSON := fs.Bool("json", false, e.cat.T(e.lang, "cli.flag.json"))
	labels := fs.String("labels", "", e.cat.T(e.lang, "cli.flag.labels"))
	media := fs.Bool("media", false, e.cat.T(e.lang, "cli.flag.media"))
	cb := codebookFlag(e, fs)
	var tags listFlag
	fs.Var(&tags, "campaign-tag", e.cat.T(e.lang, "cli.flag.campaign_tag"))
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	text := strings.Join(fs.Args(), " ")
	if text == "-" {
		b, err := io.ReadAll(io.LimitReader(e.stdin, maxDraft+1))
		if err != nil {
			return err
		}
		if len(b) > maxDraft {
			return kopuro.Errorf(kopuro.EInvalid, "error.draft_too_long", "the draft is over %d bytes", maxDraft).WithArg("Limit", maxDraft)
		}
		text = string(b)
	}
	d := advise.Draft{Text: text, Media: *media, CampaignTags: tags}
	if *platform != "" {
		p, err := kopuro.ParsePlatform(*platform)
		if err != nil {
			return err
		}
		d.Platform = p
	}
	var err error
	if d.Labels, d.Langs, err = labelDraft(text, *labels, *cb); err != nil {
		return err
	}
	if explicitDB(fs, e) {
		running, err := runningCampaignTags(ctx, *dsn, time.Now().UTC())
		if err != nil {
			return err
		}
		d.CampaignTags = append(d.CampaignTags, running...)
	}
	c := advise.CheckDraft(d, e.cat, e.lang)
	if *asJSON {
		return writeJSONOut(e, c)
	}
	if len(c.Suggestions) == 0 {
		fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.check.none"))
	}
	for _, s := range c.Suggestions {
		fmt.Fprintf(e.stdout, "- [%s] %s\n", s.ID, s.Text)
	}
	return nil
}

// labelDraft takes the labels from a JSON file (kopuro.Labels with an
// optional "langs" list) or from the analysis engine with the codebook in
// cbPath (empty: the embedded one).
func labelDraft(text, file, cbPath string) (kopuro.Labels, []kopuro.Lang, error) {
	if file == "" {
		eng, err := loadEngine(cbPath)
		if err != nil {
			return kopuro.Labels{}, nil, err
		}
		return eng.Analyze(text).Labels, insight.TextLangs(text), nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return kopuro.Labels{}, nil, err
	}
	var in struct {
		kopuro.Labels
		Langs []kopuro.Lang `json:"langs"`
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return kopuro.Labels{}, nil, kopuro.Errorf(kopuro.EInvalid, "error.labels_json", "%s: %v", file, err).WithArg("Reason", err.Error()).At(file, 0)
	}
	if err := in.Labels.Validate(); err != nil {
		return kopuro.Labels{}, nil, kopuro.AsError(err).At(file, 0)
	}
	return in.Labels, in.Langs, nil
}

// explicitDB reports whether a store was named (--db or $KOPURO_DB): the
// checker then suggests the hashtags of campaigns running today, and
// otherwise touches no file.
func explicitDB(fs *flag.FlagSet, e *env) bool {
	set := e.getenv("KOPURO_DB") != ""
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "db" {
			set = true
		}
	})
	return set
}

func runningCampaignTags(ctx context.Context, dsn string, now time.Time) ([]string, error) {
	db, err := openStore(ctx, dsn, false)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return insight.RunningCampaignTags(ctx, db, now)
}

package main

import (
	"context"
	"fmt"
	"strconv"

	"kopuro"
	"kopuro/plan"
)

// runOffline records offline indicators (event attendance, volunteers,
// partnerships, media mentions), which goals can target:
//
//	kopuro offline add --institution CODE --kind KIND --value N --date DATE --source TEXT [--campaign ID] [--post-url URL] [--note TEXT]
//	kopuro offline list --institution CODE [--json]
func runOffline(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "offline")
	dsn := dbFlag(e, fs)
	inst := fs.String("institution", "", e.cat.T(e.lang, "cli.flag.institution"))
	kind := fs.String("kind", "", e.cat.T(e.lang, "cli.flag.offline_kind"))
	value := fs.String("value", "", e.cat.T(e.lang, "cli.flag.value"))
	date := fs.String("date", "", e.cat.T(e.lang, "cli.flag.date"))
	source := fs.String("source", "", e.cat.T(e.lang, "cli.flag.source"))
	campaign := fs.String("campaign", "", e.cat.T(e.lang, "cli.flag.campaign_id"))
	postURL := fs.String("post-url", "", e.cat.T(e.lang, "cli.flag.post_url"))
	note := fs.String("note", "", e.cat.T(e.lang, "cli.flag.note"))
	asJSON := fs.Bool("json", false, e.cat.T(e.lang, "cli.flag.json"))
	sub, db, err := subcommandAndOpen(ctx, e, fs, dsn, "offline", args, "add", "list")
	if err != nil {
		return err
	}
	defer db.Close()
	if *inst == "" {
		fs.Usage()
		return errUsage
	}
	if sub == "list" {
		ins, err := db.Indicators(ctx, *inst)
		if err != nil {
			return err
		}
		if *asJSON {
			if ins == nil {
				ins = []plan.Indicator{}
			}
			return writeJSONOut(e, struct {
				Indicators []plan.Indicator `json:"indicators"`
			}{ins})
		}
		for _, in := range ins {
			fmt.Fprintf(e.stdout, "%s %-17s %8d  %s %s\n", in.Date, in.Kind, in.Value, in.Source, in.Campaign)
		}
		return nil
	}
	n, err := strconv.ParseInt(*value, 10, 64)
	if err != nil {
		return kopuro.Errorf(kopuro.EInvalid, "error.number", "value: %q is not a number", *value).WithArg("Value", *value).InField("value")
	}
	d, err := optDate(*date)
	if err != nil {
		return err
	}
	in, err := db.AddIndicator(ctx, plan.Indicator{Institution: *inst, Kind: *kind, Value: n, Date: d, Source: *source,
		Campaign: *campaign, PostURL: *postURL, Note: *note})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.offline.added", "ID", in.ID, "Kind", in.Kind, "Code", in.Institution))
	return nil
}

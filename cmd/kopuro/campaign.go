package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"

	"kopuro"
	"kopuro/insight"
	"kopuro/plan"
)

// runCampaign manages campaigns shared by several universities:
//
//	kopuro campaign add --id ID --name NAME --hashtag TAG --from DATE --to DATE [--institution CODE]... [--sdg N]...
//	kopuro campaign list [--json]
//	kopuro campaign report ID [--json]
func runCampaign(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
		fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli.campaign.usage"))
		return flag.ErrHelp
	}
	if len(args) == 0 || (args[0] != "add" && args[0] != "list" && args[0] != "report") {
		fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli.campaign.usage"))
		return errUsage
	}
	sub := args[0]
	fs := newFlags(e, "campaign")
	dsn := dbFlag(e, fs)
	id := fs.String("id", "", e.cat.T(e.lang, "cli.flag.campaign_id"))
	name := fs.String("name", "", e.cat.T(e.lang, "cli.flag.name"))
	tag := fs.String("hashtag", "", e.cat.T(e.lang, "cli.flag.hashtag"))
	fromS := fs.String("from", "", e.cat.T(e.lang, "cli.flag.from"))
	toS := fs.String("to", "", e.cat.T(e.lang, "cli.flag.to"))
	desc := fs.String("description", "", e.cat.T(e.lang, "cli.flag.description"))
	asJSON := fs.Bool("json", false, e.cat.T(e.lang, "cli.flag.json"))
	var insts, sdgs listFlag
	fs.Var(&insts, "institution", e.cat.T(e.lang, "cli.flag.institution"))
	fs.Var(&sdgs, "sdg", e.cat.T(e.lang, "cli.flag.sdg"))
	rest := args[1:]
	var pos []string
	for {
		if err := parseFlags(fs, rest); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		pos, rest = append(pos, fs.Arg(0)), fs.Args()[1:]
	}
	db, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer db.Close()
	switch {
	case sub == "add" && len(pos) == 0:
		c := plan.Campaign{ID: *id, Name: *name, Hashtag: *tag, Institutions: insts, Description: *desc}
		if c.From, err = optDate(*fromS); err != nil {
			return err
		}
		if c.To, err = optDate(*toS); err != nil {
			return err
		}
		for _, s := range sdgs {
			g, err := strconv.Atoi(s)
			if err != nil {
				return kopuro.Errorf(kopuro.EInvalid, "error.sdg", "SDG %q is not between 1 and 17", s).WithArg("Value", s)
			}
			c.SDGs = append(c.SDGs, g)
		}
		if c, err = db.AddCampaign(ctx, c); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.campaign.added", "ID", c.ID, "Hashtag", c.Hashtag))
		return nil
	case sub == "list" && len(pos) == 0:
		cs, err := db.Campaigns(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			if cs == nil {
				cs = []plan.Campaign{}
			}
			return writeJSONOut(e, struct {
				Campaigns []plan.Campaign `json:"campaigns"`
			}{cs})
		}
		for _, c := range cs {
			fmt.Fprintf(e.stdout, "%-16s %s..%s %-18s %s\n", c.ID, c.From, c.To, c.Hashtag, c.Name)
		}
		return nil
	case sub == "report" && len(pos) == 1:
		r, err := insight.CampaignReport(ctx, db, pos[0], insight.DefaultOptions())
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSONOut(e, r)
		}
		fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.campaign.report_header", "Hashtag", r.Campaign.Hashtag,
			"From", r.Campaign.From.String(), "To", r.Campaign.To.String(), "Posts", r.Posts, "Count", r.Participants))
		for _, row := range r.Rows {
			mark := " "
			if !row.Registered {
				mark = "+"
			}
			fmt.Fprintf(e.stdout, "%s %-16s %d\n", mark, row.Institution, row.Posts)
		}
		return nil
	}
	fmt.Fprintln(e.stderr, e.cat.T(e.lang, "cli.campaign.usage"))
	return errUsage
}

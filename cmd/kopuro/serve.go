package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"kopuro/web"
)

// runServe runs the dashboard and API:
//
//	kopuro serve [--addr 127.0.0.1:8080] [--db PATH] [--demo] [--dev] [--collect-every 24h] [--trusted-proxy 10.0.0.1]... [--cpuprofile FILE]
//
// --demo loads the bundled study data into an empty store first; --dev
// reads templates and assets from ./web on every request; --trusted-proxy
// (an address or network, repeatable) names the reverse proxies whose
// X-Forwarded-For the sign-in rate limit believes.
func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve")
	addr := fs.String("addr", "127.0.0.1:8080", e.cat.T(e.lang, "cli.flag.addr"))
	dsn := dbFlag(e, fs)
	demo := fs.Bool("demo", false, e.cat.T(e.lang, "cli.flag.demo"))
	dev := fs.Bool("dev", false, e.cat.T(e.lang, "cli.flag.dev"))
	every := fs.Duration("collect-every", 0, e.cat.T(e.lang, "cli.flag.collect_every"))
	var proxies listFlag
	fs.Var(&proxies, "trusted-proxy", e.cat.T(e.lang, "cli.flag.trusted_proxy"))
	cbPath := codebookFlag(e, fs)
	prof := profileFlag(e, fs)
	db, err := parseAndOpen(ctx, fs, dsn, args, false)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.MapReads(ctx); err != nil {
		return err
	}
	trusted, err := web.ParseTrustedProxies(proxies)
	if err != nil {
		return err
	}
	stop, err := startProfile(*prof)
	if err != nil {
		return err
	}
	defer stop()
	eng, err := loadEngine(*cbPath)
	if err != nil {
		return err
	}
	if *demo {
		c, err := db.Counts(ctx)
		if err != nil {
			return err
		}
		if c.Institutions == 0 {
			if err := seed(ctx, e, db); err != nil {
				return err
			}
		} else {
			fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.serve.demo_skipped"))
		}
	}
	logger := slog.New(slog.NewTextHandler(e.stderr, nil))
	cfg := web.Config{DB: db, Engine: eng, Logger: logger, TrustedProxies: trusted}
	if *dev {
		cfg.DevDir = "web"
	}
	h, err := web.New(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second,
		WriteTimeout: 120 * time.Second, IdleTimeout: 120 * time.Second}
	fmt.Fprintln(e.stdout, e.cat.T(e.lang, "cli.serve.listening", "URL", "http://"+ln.Addr().String()+"/"))
	if *every > 0 {
		t := time.NewTicker(*every)
		defer t.Stop()
		go collectOnSchedule(ctx, e, db, endpoints{}, t.C)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			return err
		}
		if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}

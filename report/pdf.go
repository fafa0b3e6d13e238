package report

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"

	"kopuro"
)

// Chromium is the browser the PDF is printed with: Debian's package.
const Chromium = "chromium"

// PDFTimeout bounds one print: a report prints in seconds.
const PDFTimeout = 2 * time.Minute

// FindChromium returns the path of the chromium binary, or a user-safe
// error that says how to install it.
func FindChromium() (string, error) {
	p, err := exec.LookPath(Chromium)
	if err != nil {
		return "", kopuro.Errorf(kopuro.EUnavailable, "report.error.chromium",
			"PDF needs Chromium, which is not installed: run `apt-get install chromium` (or choose --format html)")
	}
	return p, nil
}

// PDF prints the Doc's HTML with headless Chromium: a fresh profile in a
// temporary folder, no network services, A4 pages as the print
// stylesheet sets them.
func PDF(ctx context.Context, w io.Writer, d *Doc) error {
	bin, err := FindChromium()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "kopuro-report-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	var html bytes.Buffer
	if err := HTML(&html, d); err != nil {
		return err
	}
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, html.Bytes(), 0o600); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, PDFTimeout)
	defer cancel()
	actx, cancelA := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
	)
	defer cancelA()
	cctx, cancelC := chromedp.NewContext(actx)
	defer cancelC()
	if err := chromedp.Do(cctx, chromedp.Navigate("file://"+file)); err != nil {
		return kopuro.Errorf(kopuro.EUnavailable, "report.error.print", "Chromium could not print the report: %v", err)
	}
	pdf, err := chromedp.Run(cctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	if err != nil {
		return kopuro.Errorf(kopuro.EUnavailable, "report.error.print", "Chromium could not print the report: %v", err)
	}
	_, err = w.Write(pdf)
	return err
}

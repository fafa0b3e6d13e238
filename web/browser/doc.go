// Package browser holds the dashboard's tests in a real headless Chromium
// (Debian's chromium, driven by chromedp). It has no code of its own; the
// tests run with `go test ./...`, skip when no chromium is installed and
// fail instead when CI=true. Screenshots go to artifacts/screenshots/ at
// the repository root (git-ignored).
package browser

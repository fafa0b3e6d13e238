package browser

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"kopuro"
	"kopuro/plan"
	"kopuro/web/webtest"
)

// TestCalendarEntryLook: a planned post in the month view has a look of
// its own (not the international days' green) and, at phone width, stays
// inside its day's cell.
func TestCalendarEntryLook(t *testing.T) {
	s := newSession(t)
	day, _ := kopuro.ParseDate("2025-11-14")
	if _, _, err := s.db.SaveCalendarEntry(context.Background(), plan.Entry{Institution: webtest.PostsOf, Date: day,
		Rubric: "Impact Friday", Title: "Выпускники, которые учат детей в сёлах Нарынской области", Platform: kopuro.Instagram}); err != nil {
		t.Fatal(err)
	}
	s.do(chromedp.Navigate(s.base+"/login?lang=ru"),
		chromedp.WaitVisible(chromedp.CSS(`input[name="email"]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name="email"]`), editorEmail),
		chromedp.SendKeys(chromedp.CSS(`input[name="password"]`), editorPwd),
		chromedp.Submit(chromedp.CSS(`form.login`)),
		chromedp.WaitVisible(chromedp.CSS(`nav.who form[action="/logout"]`)),
		chromedp.EmulateViewport(375, 800),
		chromedp.Navigate(s.base+"/calendar?lang=ru&month=2025-11"),
		chromedp.WaitVisible(chromedp.CSS(`table.month span.ev.entry`)))
	look := run(s, chromedp.Evaluate[[]string](`(() => {
		const e = getComputedStyle(document.querySelector('table.month span.ev.entry'));
		const d = getComputedStyle(document.querySelector('table.month span.ev.international_day'));
		return [e.backgroundColor, d.backgroundColor, e.borderLeftStyle, e.borderLeftColor];
	})()`))
	if look[0] == look[1] || look[2] != "solid" {
		t.Errorf("entry looks like an international day: %q", look)
	}
	// The entry wraps inside its cell instead of widening the week.
	fits := run(s, chromedp.Evaluate[bool](`(() => {
		const e = document.querySelector('table.month span.ev.entry');
		const td = e.closest('td');
		return e.getBoundingClientRect().right <= td.getBoundingClientRect().right + 0.5 && td.scrollWidth <= td.clientWidth;
	})()`))
	if !fits {
		t.Error("at phone width the entry overflows its day")
	}
	s.shot("calendar-entry-phone")
	s.do(chromedp.EmulateViewport(1280, 900))
	if p := s.problems(); len(p) > 0 {
		t.Errorf("console problems or dialogs: %v", p)
	}
}

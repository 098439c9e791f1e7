//go:build !js

package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestWorkbookDeadline opens the small-island example, whose rank-1
// override carries a deadline the plan cannot meet: the priorities screen
// shows the deadline and the results screen the warning (with the
// renewal of the shared-service MoU, due before it expires, and the
// campaign the donor programme pays for, due before it ends). A new pin with a
// deadline before the session is refused; one with a later deadline is
// kept in the session beside its reason. The plan's warnings are scored
// for the results screen alone, and asked for again as it shows.
func TestWorkbookDeadline(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "deadline.html")
	s.open()
	s.openExample()

	s.goTo("results")
	s.wait("the deadline warning", `/\b3 deadlines at risk/.test(document.getElementById('h-warn').parentElement.textContent)`)
	if got := s.text("#h-warn + p + details"); !strings.Contains(got, "IRC-01") || !strings.Contains(got, "2027-06-01") {
		s.fatalf("the warnings do not name the late action and its deadline: %q", got)
	}

	s.goTo("priorities")
	s.wait("the pinned row", `document.querySelector('#priorities tbody tr:first-child').textContent.includes('due before 2027-06-01')`)

	// Pin the last priority with a deadline on the session date: refused.
	s.do("pin", chromedp.Click(chromedp.CSS(`#priorities tbody tr:last-child td:last-child button`)))
	indicator := evalJS[string](s, `document.querySelector('#priorities tbody tr:last-child td:nth-child(2) button').textContent`)
	s.do("pin with a past deadline",
		chromedp.SetValue(chromedp.ID("ov-rank"), "3"),
		chromedp.SendKeys(chromedp.ID("ov-reason"), "Needed before the election "+xss),
		chromedp.SetValue(chromedp.ID("ov-deadline"), "2026-10-14"),
		chromedp.Click(chromedp.CSS(`form.override button[type=submit]`)),
	)
	s.wait("the deadline error", `document.getElementById('ov-deadline-err').textContent === 'A deadline comes after the session (2026-10-14).'`)
	if got := s.stored(`(s.assessment.decisions.priorityOverrides.find((o) => o.indicator === '` + indicator + `') || null)`); got != "null" {
		s.fatalf("a refused pin was stored: %s", got)
	}

	// A later deadline is kept with the reason.
	s.do("pin with a deadline",
		chromedp.SetValue(chromedp.ID("ov-deadline"), "2028-03-31"),
		chromedp.Click(chromedp.CSS(`form.override button[type=submit]`)),
	)
	s.scored()
	got := s.stored(`s.assessment.decisions.priorityOverrides.find((o) => o.indicator === '` + indicator + `')`)
	if !strings.Contains(got, `"deadline":"2028-03-31"`) || !strings.Contains(got, `"rank":3`) {
		s.fatalf("the stored override is %s", got)
	}
	s.wait("the new pin's deadline", `[...document.querySelectorAll('#priorities tbody tr')].some((r) => r.textContent.includes('`+indicator+`') && r.textContent.includes('due before 2028-03-31'))`)
	s.shot("60-priorities-deadline")

	// The change was scored on the priorities screen, without the plan's
	// warnings; the results screen has them added as it shows.
	s.goTo("results")
	s.wait("the deadline warnings again", `/\bdeadlines? at risk/.test(document.getElementById('h-warn').parentElement.textContent) && !document.getElementById('plan-pending')`)
	s.noXSS()
}

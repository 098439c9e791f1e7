//go:build !js

package main

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestWorkbookKeyboard drives the Assess and Roles screens from the
// keyboard: Home and End go to the first and last indicator; browsing a
// select with the arrow keys acts on nothing until Enter confirms the
// choice; the skip link lands on the answer.
func TestWorkbookKeyboard(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "keyboard.html")
	s.open()
	s.openExample()
	s.goTo("assess")
	s.wait("r-gov-1", `document.getElementById('respondent').value === 'r-gov-1'`)

	// Home and End.
	s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
	s.key(kb.End)
	s.wait("the last indicator", `document.getElementById('ind-title').textContent.startsWith('OUT.TRU.2 ') && document.querySelector('.card .pos').textContent === '55 of 55'`)
	s.key(kb.Home)
	s.wait("the first indicator", `document.getElementById('ind-title').textContent.startsWith('GOV.STR.1 ')`)

	// "Answering as": the arrow keys browse, Enter chooses.
	answering := func(id string) string {
		return `location.hash.includes('r=` + id + `') && document.querySelector('section.answer').getAttribute('aria-label') === 'Answer of ' + [...document.getElementById('respondent').options].find((o) => o.value === '` + id + `').textContent.replace(/ \(.*$/, '')`
	}
	s.do("focus the select", chromedp.Focus(chromedp.ID("respondent")))
	s.key(kb.ArrowDown, kb.ArrowDown)
	if v := evalJS[string](s, `document.getElementById('respondent').value`); v != "r-gov-3" {
		s.fatalf("after two arrow keys the select shows %q", v)
	}
	if !evalJS[bool](s, answering("r-gov-1")) || evalJS[string](s, `document.activeElement.id`) != "respondent" {
		s.fatalf("browsing the select changed the respondent: %s, focus on %q", evalJS[string](s, `location.hash`), evalJS[string](s, `document.activeElement.id`))
	}
	s.key(kb.Enter)
	s.wait("r-gov-3 chosen", answering("r-gov-3"))
	// Escape after browsing goes back to the chosen respondent.
	s.do("focus the select", chromedp.Focus(chromedp.ID("respondent")))
	s.key(kb.ArrowDown, kb.Escape)
	if v := evalJS[string](s, `document.getElementById('respondent').value`); v != "r-gov-3" || !evalJS[bool](s, answering("r-gov-3")) {
		s.fatalf("after Escape the select shows %q", v)
	}
	// A choice with the mouse (change without keys) acts at once. It comes
	// after the key's own task, as a click does: a change evaluated before
	// the page has finished handling the arrow key would count as browsing.
	evalJS[bool](s, `(() => { setTimeout(() => { const el = document.getElementById('respondent'); el.value = 'r-gov-2'; el.dispatchEvent(new Event('change')); }, 20); return true; })()`)
	s.wait("r-gov-2 chosen", answering("r-gov-2"))

	// The skip link, the first stop of Tab on the page, lands on the answer.
	s.open()
	s.wait("the same place", `document.documentElement.dataset.screen === 'assess' && document.getElementById('respondent').value === 'r-gov-2'`)
	s.key(kb.Tab)
	if got := s.text("a.skip"); got != "Skip to the answer" || evalJS[string](s, `document.activeElement.className`) != "skip" {
		s.fatalf("the first Tab reaches %q (%q)", evalJS[string](s, `document.activeElement.outerHTML.slice(0, 80)`), got)
	}
	s.key(kb.Enter)
	s.wait("the answer", `document.activeElement.matches('button.level[data-level]') && document.activeElement.closest('section.answer')`)
	s.key("4")
	s.scored()
	if got := s.storedLevel("GOV.STR.1", "r-gov-2"); got != "4" {
		s.fatalf("level after the skip link: %q", got)
	}

	// Roles: "Assign…" acts on Enter, not on the arrow keys.
	s.goTo("roles")
	before := s.text("#role-summary")
	s.do("focus Assign", chromedp.Focus(chromedp.CSS(`#roles-table tr.unfilled select`)))
	s.key(kb.ArrowDown)
	if got := s.text("#role-summary"); got != before || evalJS[string](s, `document.activeElement.tagName`) != "SELECT" {
		s.fatalf("browsing Assign… assigned: %q", got)
	}
	s.key(kb.Enter)
	s.wait("the assignment", `document.getElementById('role-summary').textContent !== `+jsString(before))
	s.checkLocal()
}

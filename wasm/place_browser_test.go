//go:build !js

package main

import (
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestWorkbookPlace opens the file again, without the place in its
// address, and reloads it: the workbook comes back to the screen,
// indicator and respondent last shown; each session keeps its own place,
// and each window its own session across a reload.
func TestWorkbookPlace(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "place.html")
	s.open()
	s.openExample()
	s.goTo("assess")
	s.do("GOV.LAW.2", chromedp.Click(chromedp.CSS(`button.ind[data-ind="GOV.LAW.2"]`)))
	s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
	s.key("]", "]")
	here := `document.documentElement.dataset.screen === 'assess' && document.getElementById('ind-title').textContent.startsWith('GOV.LAW.2 ') && document.getElementById('respondent').value === 'r-gov-3'`
	s.wait("GOV.LAW.2 for r-gov-3", here)

	// The file opened again (no place in the address), then reloaded.
	s.open()
	if got := evalJS[string](s, `location.hash`); got != "" && !evalJS[bool](s, here) {
		s.fatalf("opened again with %q in the address", got)
	}
	s.wait("the same place after opening the file again", here)
	s.do("reload", chromedp.Reload())
	s.wait("ready", `document.documentElement.dataset.ncskitReady === 'true'`)
	s.wait("the same place after a reload", here)

	// Another session has its own place; going back to the first one
	// finds the first one's.
	s.goTo("sessions")
	other, _ := filepath.Abs(filepath.Join("..", "examples", "larger-state.json"))
	s.do("open another", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{other}))
	s.wait("Solandía", `document.getElementById('session-title').textContent.startsWith('República de Solandía')`)
	s.goTo("assess")
	s.wait("the first indicator of the other session", `document.getElementById('ind-title').textContent.startsWith('GOV.STR.1 ') && document.getElementById('respondent').value === 'r-ancs'`)
	s.do("IRC.MAN.2", chromedp.Click(chromedp.CSS(`button.ind[data-ind="IRC.MAN.2"]`)))
	s.goTo("results")
	s.goTo("sessions")
	s.do("back to Corallia", chromedp.Click(chromedp.CSS(`#session-list button[aria-label="Open Corallia 2026-10-14"]`)))
	s.wait("Corallia's place", here)
	s.goTo("sessions")
	s.do("back to Solandía", chromedp.Click(chromedp.CSS(`#session-list button[aria-label^="Open República de Solandía"]`)))
	s.wait("Solandía's screen", `document.documentElement.dataset.screen === 'results'`)
	s.goTo("assess")
	s.wait("Solandía's place", `document.getElementById('ind-title').textContent.startsWith('IRC.MAN.2 ') && document.getElementById('respondent').value === 'r-ancs'`)
	// Two windows on two sessions: a reload keeps each window's own.
	o := s.another("", "")
	o.open()
	o.goTo("sessions")
	o.do("open Corallia", chromedp.Click(chromedp.CSS(`#session-list button[aria-label="Open Corallia 2026-10-14"]`)))
	o.wait("Corallia's place", here)
	s.front()
	s.do("reload", chromedp.Reload())
	s.wait("ready", `document.documentElement.dataset.ncskitReady === 'true'`)
	s.wait("Solandía after the reload", `document.getElementById('session-title').textContent.startsWith('República de Solandía')`)
	o.front()
	o.do("reload", chromedp.Reload())
	o.wait("ready", `document.documentElement.dataset.ncskitReady === 'true'`)
	o.wait("Corallia after the reload", here)
	s.front()

	// The results screen is remembered too.
	s.goTo("results")
	s.open()
	s.wait("the results screen", `document.documentElement.dataset.screen === 'results' && document.getElementById('session-title').textContent.startsWith('República de Solandía')`)
}

//go:build !js

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestWorkbookSaveWithoutSession presses Save file before any session is
// open: the page says, in view, that there is nothing to save, and
// downloads nothing.
func TestWorkbookSaveWithoutSession(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "nothing.html")
	s.open()
	s.do("save the file", chromedp.Click(chromedp.ID("save-file")))
	s.wait("the message", `[...document.querySelectorAll('#toasts .toast[role=alert]')].some((t) => t.textContent.includes('No session is open, so there is nothing to save as a file'))`)
	s.wait("the message in view", inView("#toasts .toast[role=alert]"))
	s.shot("80-save-without-session")
	if entries, _ := os.ReadDir(s.downloads); len(entries) != 0 {
		s.fatalf("downloaded %d files with no session open", len(entries))
	}
	if got := s.text("#file-status"); got != "" {
		s.fatalf("file status with no session: %q", got)
	}

	// A PDF renamed to .json is said to be a PDF.
	pdf := filepath.Join(s.dir, "strategy.json")
	if err := os.WriteFile(pdf, []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n"+strings.Repeat("[", 40)+"\nendstream\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.do("open the PDF", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{pdf}))
	s.wait("the refusal", `document.getElementById('open-result').textContent.includes('was not opened')`)
	if got := s.text("#open-result"); !strings.Contains(got, "strategy.json: the file is not JSON but a PDF document (it starts with %PDF)") {
		s.fatalf("message for a PDF = %q", got)
	}
}

// TestWorkbookWorkshopDetails starts a session as a facilitator does and
// checks the small things a workshop trips on: Setup ends with the way to
// Assess; the radar draws the pillars nobody has assessed as missing, not
// as level 0 at the centre; the bar tells what this browser has kept apart
// from the session file; a pin's reason takes several lines, Enter making
// a new line.
func TestWorkbookWorkshopDetails(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "details.html")
	s.open()
	s.do("start a session",
		chromedp.SetValue(chromedp.CSS(`#new-session input[name=name]`), "Day 1"),
		chromedp.SetValue(chromedp.CSS(`#new-session input[name=country]`), "Corallia"),
		chromedp.SetValue(chromedp.CSS(`#new-session input[name=iso3166]`), "xc"),
		chromedp.SetValue(chromedp.CSS(`#new-session input[name=population]`), "104000"),
		chromedp.SetValue(chromedp.CSS(`#new-session input[name=leadMinistry]`), "Ministry of ICT"),
		chromedp.Click(chromedp.CSS(`#new-session button[type=submit]`)),
	)
	s.wait("the setup screen", `document.documentElement.dataset.screen === 'setup'`)
	s.do("add a stakeholder",
		chromedp.SendKeys(chromedp.ID("new-stakeholder"), "Ministry of ICT"),
		chromedp.Click(chromedp.CSS(`input[name=new-role][value="lead-cyber-agency"]`)),
		chromedp.Click(chromedp.CSS(`#stakeholders form.add button[type=submit]`)),
	)
	s.wait("the stakeholder", `document.querySelectorAll('#stakeholders tbody tr').length === 1`)
	s.do("add a respondent",
		chromedp.SendKeys(chromedp.ID("respondent-name"), "Ana"),
		chromedp.Click(chromedp.CSS(`#respondents form.add button[type=submit]`)),
	)
	s.wait("the respondent", `document.querySelectorAll('#respondents tbody tr').length === 1`)

	// The last thing on Setup leads to Assess.
	s.wait("the next step", `!!document.getElementById('setup-next')`)
	if last := evalJS[string](s, `[...document.querySelectorAll('#screen > *')].pop().querySelector('#setup-next') ? 'yes' : 'no'`); last != "yes" {
		s.fatalf("the way to Assess is not at the end of Setup")
	}
	s.do("scroll to it", chromedp.ScrollIntoView(chromedp.ID("setup-next")))
	s.shot("81-setup-next")
	s.do("go on", chromedp.Click(chromedp.ID("setup-next")))
	s.wait("the assess screen", `document.documentElement.dataset.screen === 'assess'`)

	// Two pillars answered, two not: the radar breaks at CAP and OUT.
	s.answer("GOV.STR.1", "3")
	s.answer("IRC.MAN.1", "2")
	s.goTo("results")
	// The screen may first show an older score: wait for the one of both
	// answers, then check what is drawn.
	s.wait("the radar", `!!document.querySelector('#radar .current') && document.querySelectorAll('#radar circle.dot').length >= 2`)
	if got := evalJS[[]string](s, `[...document.querySelectorAll('#radar .not-assessed')].map((e) => e.previousElementSibling.lastChild.textContent + ' ' + e.textContent)`); strings.Join(got, "|") != "CAP not assessed|OUT not assessed" {
		s.fatalf("axes marked: %q, want CAP and OUT not assessed", got)
	}
	// The centre of the chart is 200,200: nothing of the current line
	// and no dot may be drawn there.
	current := evalJS[string](s, `(() => { const c = document.querySelector('#radar .current'); return c.getAttribute('points') || c.getAttribute('d'); })()`)
	if strings.Contains(current, "200.0,200.0") {
		s.fatalf("the current line goes to the centre: %s", current)
	}
	if n := evalJS[int](s, `document.querySelectorAll('#radar circle.dot').length`); n != 2 {
		s.fatalf("%d dots on the radar, want 2", n)
	}
	if fill := evalJS[string](s, `getComputedStyle(document.querySelector('#radar .current')).fill`); fill != "none" {
		s.fatalf("the broken current line is filled: %s", fill)
	}
	s.shot("82-radar-not-assessed")
	s.do("radar by area", chromedp.Click(chromedp.CSS(`#radar .toggle button:last-child`)))
	s.wait("the area radar", `document.querySelectorAll('#radar text.axis-label').length > 10`)
	if n := evalJS[int](s, `document.querySelectorAll('#radar .not-assessed').length`); n != 17 {
		s.fatalf("%d areas marked not assessed, want 17 (two of 19 answered)", n)
	}
	s.shot("83-radar-areas-not-assessed")

	// Saved in this browser, and apart from it, the file.
	if got := s.text("#save-status"); !strings.HasPrefix(got, "Saved in this browser ") {
		s.fatalf("save status = %q", got)
	}
	if got := s.text("#file-status"); got != "No file saved yet" {
		s.fatalf("file status before Save file = %q", got)
	}
	s.do("save the file", chromedp.Click(chromedp.ID("save-file")))
	s.waitDownload(".ncskit-session.json")
	s.wait("the file status", `document.getElementById('file-status').textContent.startsWith('File saved ')`)
	s.barFits()
	s.shot("84-file-saved")

	// A reason of several lines: Enter makes a new line, Pin saves it.
	s.goTo("priorities")
	s.wait("priorities", `document.querySelectorAll('#priorities tbody tr').length > 0`)
	s.do("pin", chromedp.Click(chromedp.CSS(`#priorities tbody tr:last-child td:last-child button`)))
	s.wait("the pin form", `!!document.getElementById('ov-reason')`)
	s.do("the reason", chromedp.Focus(chromedp.ID("ov-reason")))
	s.do("first line", chromedp.SendKeys(chromedp.ID("ov-reason"), "The minister asked for it."))
	s.key(kb.Enter)
	s.do("second line", chromedp.SendKeys(chromedp.ID("ov-reason"), "Funding is already pledged."))
	if got := evalJS[string](s, `document.getElementById('ov-reason').value`); got != "The minister asked for it.\nFunding is already pledged." {
		s.fatalf("reason after Enter = %q (the form must stay open and keep the new line)", got)
	}
	s.shot("85-pin-reason")
	s.do("pin it", chromedp.Click(chromedp.CSS(`form.override button[type=submit]`)))
	s.scored()
	s.wait("the pinned row", `!!document.querySelector('#priorities tbody tr.pinned')`)
	if got := s.stored(`s.assessment.decisions.priorityOverrides[0].reason`); got != `"The minister asked for it.\nFunding is already pledged."` {
		s.fatalf("stored reason = %s", got)
	}
	if lines := evalJS[int](s, `document.querySelector('#priorities tbody tr.pinned td.reason').innerText.split('\n').length`); lines < 2 {
		s.fatalf("the reason shows on %d line", lines)
	}
}

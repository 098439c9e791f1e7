//go:build !js

package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
)

// TestWorkbookUndo clears a whole answer with Backspace on a level button,
// finds the old answer in the change log, and takes it back with Ctrl+Z,
// steps further back and forward again with Ctrl+Z, Ctrl+Shift+Z and the
// Undo and Redo buttons; the saved file keeps every old value and reads
// back in the library.
func TestWorkbookUndo(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "undo.html")
	s.open()
	s.openExample()
	s.goTo("assess")
	s.wait("GOV.STR.1 for r-gov-1", `document.getElementById('respondent').value === 'r-gov-1' && document.getElementById('ind-title').textContent.startsWith('GOV.STR.1 ')`)
	level := func() string { return s.storedLevel("GOV.STR.1", "r-gov-1") }
	evidence := func() string {
		return s.stored(`(s.assessment.responses.find((x) => x.indicator === 'GOV.STR.1' && x.respondent === 'r-gov-1') || {}).evidence`)
	}
	lastLog := func() map[string]any {
		var e map[string]any
		if err := json.Unmarshal([]byte(s.stored(`s.log[s.log.length - 1]`)), &e); err != nil {
			s.fatalf("the last log entry: %v", err)
		}
		return e
	}
	if got := level(); got != "2" {
		s.fatalf("GOV.STR.1 of r-gov-1 is %q in the example, want 2", got)
	}
	ev0 := evidence()

	// Level 4, then evidence typed; each log entry keeps the old value.
	s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
	s.key("4")
	s.scored()
	if e := lastLog(); e["what"] != "level" || e["old"] != 2.0 || e["value"] != 4.0 {
		s.fatalf("log entry of the level: %v", e)
	}
	evalJS[bool](s, `(() => { document.getElementById('f-evidence').value = ''; return true; })()`)
	s.do("evidence", chromedp.SendKeys(chromedp.ID("f-evidence"), "Cabinet paper "+xss), chromedp.Focus(chromedp.ID("ind-title")))
	s.scored()
	if e := lastLog(); e["what"] != "evidence" || e["value"] != "Cabinet paper "+xss {
		s.fatalf("log entry of the evidence: %v", e)
	}

	// Backspace on a level button clears the whole answer: the log keeps
	// it, a message says what went, with an Undo button.
	s.do("focus a level button", chromedp.Focus(chromedp.CSS(`button.level[data-level="4"]`)))
	s.key(kb.Backspace)
	s.scored()
	if got := level(); got != "" {
		s.fatalf("after Backspace the level is %q", got)
	}
	e := lastLog()
	old, _ := e["old"].(map[string]any)
	if e["what"] != "clear" || old == nil || old["level"] != 4.0 || old["evidence"] != "Cabinet paper "+xss {
		s.fatalf("log entry of the clear: %v", e)
	}
	s.wait("the message", `[...document.querySelectorAll('#toasts .toast')].some((t) => t.textContent.includes('Cleared the answer of') && t.textContent.includes('GOV.STR.1'))`)
	if !evalJS[bool](s, `(() => { const r = document.querySelector('#toasts .toast').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.width > 0; })()`) {
		s.fatalf("the message is not in view")
	}
	s.shot("50-cleared-with-undo")

	// Ctrl+Z brings the whole answer back.
	ctrl := chromedp.KeyModifiers(chromedp.ModifierCtrl)
	s.do("undo", chromedp.KeyEvent("z", ctrl))
	s.scored()
	if got, ev := level(), evidence(); got != "4" || ev != `"Cabinet paper `+strings.ReplaceAll(xss, `"`, `\"`)+`"` {
		s.fatalf("after Ctrl+Z: level %q, evidence %s", got, ev)
	}
	s.wait("the answer on screen", `document.querySelector('button.level[data-level="4"]').getAttribute('aria-pressed') === 'true' && document.getElementById('f-evidence').value.startsWith('Cabinet paper')`)
	if e := lastLog(); e["what"] != "undo" || e["indicator"] != "GOV.STR.1" || e["respondent"] != "r-gov-1" {
		s.fatalf("log entry of the undo: %v", e)
	}
	// Further back: the evidence, then the level.
	s.do("undo the evidence", chromedp.KeyEvent("z", ctrl))
	s.scored()
	s.do("undo the level", chromedp.KeyEvent("z", ctrl))
	s.scored()
	if got, ev := level(), evidence(); got != "2" || ev != ev0 {
		s.fatalf("after three undos: level %q, evidence %s, want 2 and %s", got, ev, ev0)
	}
	// Forward: Ctrl+Shift+Z, then the Redo button.
	s.do("redo the level", chromedp.KeyEvent("Z", chromedp.KeyModifiers(chromedp.ModifierCtrl|chromedp.ModifierShift)))
	s.scored()
	if got := level(); got != "4" {
		s.fatalf("after Ctrl+Shift+Z the level is %q", got)
	}
	if !evalJS[bool](s, `(() => { const b = document.getElementById('redo'); const r = b.getBoundingClientRect(); return !b.disabled && r.width > 0 && r.right <= innerWidth && b.getAttribute('aria-label').includes('evidence GOV.STR.1'); })()`) {
		s.fatalf("the Redo button: %s", evalJS[string](s, `document.getElementById('redo').outerHTML`))
	}
	s.do("redo button", chromedp.Click(chromedp.ID("redo")))
	s.scored()
	if ev := evidence(); !strings.HasPrefix(ev, `"Cabinet paper`) {
		s.fatalf("after Redo the evidence is %s", ev)
	}
	s.do("undo button", chromedp.Click(chromedp.ID("undo")))
	s.scored()
	if ev := evidence(); ev != ev0 {
		s.fatalf("after Undo the evidence is %s", ev)
	}
	s.shot("51-undo-redo")
	s.barFits()

	// Ctrl+Z in a text field is the field's own undo.
	n := s.stored(`s.log.length`)
	s.do("type", chromedp.Focus(chromedp.ID("f-evidence")), chromedp.KeyEvent("z", ctrl))
	if got := s.stored(`s.log.length`); got != n {
		s.fatalf("Ctrl+Z in the evidence field changed the log from %s to %s entries", n, got)
	}
	s.noXSS()

	// In projector mode a message stays small, over as little of the
	// levels as it can.
	s.do("projector", chromedp.Click(chromedp.ID("projector")))
	s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
	s.do("undo", chromedp.KeyEvent("z", ctrl))
	s.scored()
	s.wait("the message", `document.getElementById('toasts').textContent.includes('Undone: change')`)
	if h := evalJS[float64](s, `document.querySelector('#toasts .toast').getBoundingClientRect().height`); h > 80 {
		s.fatalf("in projector mode the message is %.0f px high", h)
	}
	s.do("projector off", chromedp.Click(chromedp.ID("projector")))

	// The saved file keeps the old values, and the library reads it.
	s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
	s.do("save the file", chromedp.Click(chromedp.ID("save-file")))
	data, err := os.ReadFile(s.waitDownload(".ncskit-session.json"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := load.ReadSession("saved.json", data, assess.Default())
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, c := range f.File.Log {
		kinds[c.What]++
		var o struct{ Level any }
		if c.What == "clear" && (json.Unmarshal(c.Old, &o) != nil || o.Level != 4.0) {
			t.Errorf("the clear in the file lost the answer: old = %s", c.Old)
		}
	}
	if kinds["undo"] != 5 || kinds["redo"] != 2 || kinds["clear"] != 1 {
		t.Errorf("log kinds %v", kinds)
	}
	s.checkLocal()
}

// barFits fails the test when a button of the bar is out of the window.
func (s *tab) barFits() {
	s.t.Helper()
	if out := evalJS[string](s, `[...document.querySelectorAll('.bar button')].filter((b) => { const r = b.getBoundingClientRect(); return r.right > innerWidth || r.width === 0; }).map((b) => b.id || b.textContent).join(', ')`); out != "" {
		s.fatalf("buttons of the bar out of the window (%d px wide): %s", evalJS[int](s, `innerWidth`), out)
	}
}

//go:build !js

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/schemas"
)

// bigSession writes a session file as a long workshop makes it: the
// example's profile and stakeholders, 30 respondents who answered all 55
// indicators with evidence, and snapshots (with ten, over 8 MiB in all).
func bigSession(t *testing.T, dir string, snapshots int) string {
	t.Helper()
	return workshopSession(t, dir, 30, snapshots)
}

// openWorkshop opens a workshop session (see workshopSession) in the tab
// and shows its Assess screen once the session is scored.
func (s *tab) openWorkshop(people, snapshots int) {
	s.t.Helper()
	file := workshopSession(s.t, s.dir, people, snapshots)
	s.do("open the session", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{file}))
	s.wait("the session", `document.getElementById('session-title').textContent === 'Corallia long day'`)
	s.scored()
	s.goTo("assess")
	s.wait("the card", `!!document.getElementById('ind-title')`)
}

// workshopSession is bigSession with a given number of respondents.
func workshopSession(t *testing.T, dir string, people, snapshots int) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "examples", "small-island.json"))
	if err != nil {
		t.Fatal(err)
	}
	var a map[string]any
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	stakeholders := a["stakeholders"].([]any)
	var respondents, responses []any
	for r := 0; r < people; r++ {
		id := fmt.Sprintf("r-big-%02d", r)
		respondents = append(respondents, map[string]any{"id": id, "name": fmt.Sprintf("Respondent %d %s", r+1, xss),
			"stakeholder": stakeholders[r%len(stakeholders)].(map[string]any)["id"]})
		for i, ind := range assess.Default().Indicators() {
			responses = append(responses, map[string]any{"indicator": ind.ID, "respondent": id, "level": 1 + (r+i)%5,
				"evidence": fmt.Sprintf("Evidence %d/%d: ", r, i) + strings.Repeat("minutes of the meeting, the circular and the budget line; ", 8)})
		}
	}
	a["respondents"] = respondents
	a["responses"] = responses
	a["decisions"] = map[string]any{}
	snaps := []any{}
	for i := 0; i < snapshots; i++ {
		snaps = append(snaps, map[string]any{"name": fmt.Sprintf("hour %d", i+1), "at": "2026-10-14T10:00:00Z", "seq": 1, "assessment": a})
	}
	s := map[string]any{"format": "ncskit-session", "version": 1, "id": "s-big", "name": "Corallia long day",
		"created": "2026-10-14T09:00:00Z", "updated": "2026-10-14T17:00:00Z", "template": "small-island-state",
		"assessment": a, "log": []any{map[string]any{"seq": 1, "at": "2026-10-14T09:00:00Z", "what": "session", "note": "created"}},
		"snapshots": snaps}
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, fmt.Sprintf("long-day-%d-%d.ncskit-session.json", people, snapshots))
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("big session: %d bytes (%.1f MiB)", len(out), float64(len(out))/(1<<20))
	return p
}

// inView is a JavaScript condition: the element sel is shown inside the
// window.
func inView(sel string) string {
	return fmt.Sprintf(`(() => { const el = document.querySelector(%q); if (!el) return false; const r = el.getBoundingClientRect();
		return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; })()`, sel)
}

// TestWorkbookBigSession opens a session of more than 8 MiB, saves it as a
// file the library reads, renames and deletes snapshots, and saves a
// session that has a problem anyway, saying so where the facilitator is
// looking.
func TestWorkbookBigSession(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "big.html")
	s.open()
	big := bigSession(t, s.dir, 10)
	s.do("open the big session", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{big}))
	s.wait("the big session or a refusal", `document.getElementById('session-title').textContent === 'Corallia long day' || document.getElementById('open-result').textContent.includes('was not opened')`)
	if got := s.text("#open-result"); got != "" {
		s.fatalf("the big session was refused: %s", got)
	}
	s.scored()
	s.goTo("setup")
	s.wait("the size of the session", `/The session file is \d+(\.\d)? MB; it may hold 67\.1 MB\./.test(document.getElementById('session-size').textContent)`)
	if n := evalJS[int](s, `document.querySelectorAll('#snapshots tbody tr').length`); n != 10 {
		s.fatalf("%d snapshots listed", n)
	}

	// Save file: the whole session is downloaded, and the library reads it.
	s.do("save the file", chromedp.Click(chromedp.ID("save-file")))
	saved := s.waitDownload(".ncskit-session.json")
	s.wait("the message", `document.getElementById('toasts').textContent.includes('Saved corallia-2026-10-14.ncskit-session.json')`)
	s.wait("the message in view", inView("#toasts .toast"))
	s.shot("60-big-session-saved")
	data, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	f, err := load.ReadSession("saved.json", data, assess.Default())
	if err != nil {
		t.Fatalf("the saved session (%d bytes): %v", len(data), err)
	}
	if len(data) <= schemas.MaxSize || len(f.Assessment.Responses) != 30*55 || len(f.File.Snapshots) != 10 {
		t.Fatalf("saved %d bytes, %d responses, %d snapshots", len(data), len(f.Assessment.Responses), len(f.File.Snapshots))
	}
	os.Remove(saved)

	// Rename a snapshot, delete another; the deletion can be undone.
	s.do("rename", chromedp.SetValue(chromedp.ID("snapshot-0"), "morning "+xss), chromedp.Focus(chromedp.ID("snapshot-name")))
	evalJS[bool](s, `(() => { document.getElementById('snapshot-0').dispatchEvent(new Event('change', {bubbles: true})); return true; })()`)
	s.scored()
	if got := s.stored(`s.snapshots[0].name`); got != fmt.Sprintf("%q", "morning "+xss) && !strings.HasPrefix(got, `"morning <img`) {
		s.fatalf("renamed snapshot: %s", got)
	}
	s.do("delete", chromedp.Click(chromedp.CSS(`#snapshots tbody tr:nth-child(2) button.delete-snapshot`)))
	s.scored()
	s.wait("nine snapshots", `document.querySelectorAll('#snapshots tbody tr').length === 9`)
	if got := s.stored(`s.snapshots.map((x) => x.name).join('|')`); strings.Contains(got, "hour 2") {
		s.fatalf("the deleted snapshot is still stored: %s", got)
	}
	s.wait("the message with Undo", `[...document.querySelectorAll('#toasts .toast')].some((t) => t.textContent.includes('Deleted snapshot "hour 2"') && t.querySelector('button.act'))`)
	s.wait("the message in view", inView("#toasts .toast"))
	s.do("undo", chromedp.Click(chromedp.CSS(`#toasts .toast button.act`)))
	s.scored()
	s.wait("ten snapshots", `document.querySelectorAll('#snapshots tbody tr').length === 10`)
	s.do("delete again", chromedp.Click(chromedp.CSS(`#snapshots tbody tr:nth-child(2) button.delete-snapshot`)))
	s.scored()
	s.wait("nine snapshots", `document.querySelectorAll('#snapshots tbody tr').length === 9`)
	s.noXSS()

	// Speed of a key press on this session: rescore and redraw, logged.
	s.goTo("assess")
	evalJS[bool](s, `(() => { window.ncskitStats.rescore.length = 0; window.ncskitStats.engine.length = 0; return true; })()`)
	s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
	for i := 0; i < 10; i++ {
		s.key([]string{"3", "4"}[i%2], kb.ArrowRight)
		s.scored()
	}
	// The key presses wrote the answers alone, not the snapshots again
	// (store.js): the store still holds all nine.
	if got := s.stored(`s.snapshots.map((x) => x.name).join('|')`); strings.Count(got, "|") != 8 || strings.Contains(got, "hour 2") {
		s.fatalf("after the key presses the store holds the snapshots %s", got)
	}
	t.Logf("parts %s", evalJS[string](s, `JSON.stringify(window.ncskitStats.parts.slice(-8))`))
	t.Logf("on 30 respondents and 9 snapshots: key press to redraw median %.1f ms (%v); in the engine median %.1f ms",
		median(evalJS[[]float64](s, `window.ncskitStats.rescore`)), evalJS[[]float64](s, `window.ncskitStats.rescore`), median(evalJS[[]float64](s, `window.ncskitStats.engine`)))

	// A control character pasted into evidence: the file is still saved,
	// and the message, in view, says what ncskit will refuse in it.
	evalJS[bool](s, `(() => { const el = document.getElementById('f-evidence'); el.value = 'pasted \u0001 from a PDF'; el.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`)
	s.scored()
	s.do("scroll down", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, document.body.scrollHeight)`))
	s.do("save the file", chromedp.Click(chromedp.ID("save-file")))
	saved = s.waitDownload(".ncskit-session.json")
	s.wait("the alert", `[...document.querySelectorAll('#toasts .toast[role=alert]')].some((t) => t.textContent.includes('ncskit will not open it until'))`)
	s.wait("the alert in view", inView("#toasts .toast[role=alert]"))
	s.shot("61-saved-with-a-problem")
	if data, err := os.ReadFile(saved); err != nil || !strings.Contains(string(data), `pasted \u0001 from a PDF`) {
		s.fatalf("the file saved with a problem: %v", err)
	}
	s.checkLocal()

	// After a reload the session comes back from the store with its snapshots.
	s.do("reload", chromedp.Reload())
	s.wait("ready", `document.documentElement.dataset.ncskitReady === 'true'`)
	s.goTo("setup")
	s.wait("nine snapshots after a reload", `document.querySelectorAll('#snapshots tbody tr').length === 9`)
}

// TestWorkbookSizeWarning runs the workbook in a browser that refuses
// IndexedDB, so that sessions go to localStorage, which holds a few
// megabytes: a session of half that is warned about at once, in view; one
// that does not fit is kept in memory, said so, and still saved as a file.
func TestWorkbookSizeWarning(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "small-storage.html")
	if _, err := chromedp.Call(s.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('refused by the test', 'SecurityError'); } });`,
	}); err != nil {
		t.Fatal(err)
	}
	s.open()
	medium := bigSession(t, s.dir, 2)
	s.do("open a medium session", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{medium}))
	s.wait("the session", `document.getElementById('session-title').textContent === 'Corallia long day'`)
	s.wait("the warning", `[...document.querySelectorAll('#toasts .toast[role=alert]')].some((t) => t.textContent.includes('this browser keeps it in localStorage, which holds about 4.5 MB'))`)
	s.wait("the warning in view", inView("#toasts .toast[role=alert]"))
	if got := s.text("#save-status"); !strings.HasPrefix(got, "Saved") {
		s.fatalf("save status %q: the medium session should fit", got)
	}
	s.shot("62-size-warning")

	big := bigSession(t, s.dir, 10)
	s.goTo("sessions")
	s.do("open the big session", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{big}))
	s.wait("the big session", `document.getElementById('session-title').textContent === 'Corallia long day (from file)' || document.getElementById('session-title').textContent === 'Corallia long day' && document.documentElement.dataset.ncskitBytes > 9e6`)
	s.wait("the alert", `[...document.querySelectorAll('#toasts .toast[role=alert]')].some((t) => t.textContent.includes('This session no longer fits in the storage this browser gives the page, so your work is NOT saved automatically'))`)
	if got := s.text("#save-status"); got != "Not stored" {
		s.fatalf("save status %q", got)
	}
	s.barFits()
	s.wait("the alert in view", inView("#toasts .toast[role=alert]"))
	s.shot("63-not-stored")
	s.do("save the file", chromedp.Click(chromedp.ID("save-file")))
	data, err := os.ReadFile(s.waitDownload(".ncskit-session.json"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := load.ReadSession("saved.json", data, assess.Default()); err != nil {
		t.Fatal(err)
	}
}

//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/questionnaire"
)

// TestWorkbookFacts records country facts on the Setup screen as a
// facilitator does: adds an instrument (the statuses offered follow the
// kind, from the engine's lists), meets a located problem beside the field
// it names, saves, edits, undoes the edit, removes; the facts survive a
// reload and the saved session file holds them and validates.
func TestWorkbookFacts(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "facts.html")
	t.Logf("screenshots in %s", s.artifacts)
	s.open()
	s.openExample()
	s.goTo("setup")
	s.wait("the facts section", `!!document.getElementById('facts')`)
	count := func() int {
		n, _ := jsonInt(s.stored(`(s.assessment.facts.instruments || []).length`))
		return n
	}
	n0 := count()
	if n0 == 0 {
		s.fatalf("the example has no instruments")
	}
	if got := evalJS[int](s, `document.querySelectorAll('#facts tbody tr').length`); got != n0 {
		s.fatalf("the list shows %d instruments, the session has %d", got, n0)
	}
	for _, sc := range []struct{ w, h int64 }{{1366, 768}, {1024, 768}} {
		s.do("size", chromedp.EmulateViewport(sc.w, sc.h))
		evalJS[bool](s, `(() => { document.getElementById('facts').scrollIntoView(); return true; })()`)
		s.shot(fmt.Sprintf("facts-list-%dx%d", sc.w, sc.h))
	}

	// Add: the statuses offered are those that fit the kind.
	s.press("add", "fact-add")
	s.wait("the form", `document.activeElement === document.getElementById('fact-kind')`)
	statuses := func() []string {
		var out []string
		if err := json.Unmarshal([]byte(evalJS[string](s, `JSON.stringify([...document.getElementById('fact-status').options].map((o) => o.value))`)), &out); err != nil {
			s.fatalf("statuses: %v", err)
		}
		return out
	}
	pick := func(id, value string) {
		evalJS[bool](s, fmt.Sprintf(`(() => { const el = document.getElementById(%q); el.value = %q; el.dispatchEvent(new Event('change', {bubbles: true})); return el.value === %q; })()`, id, value, value))
	}
	if got := evalJS[string](s, `document.getElementById('fact-kind').value`); got != "law" {
		s.fatalf("a new instrument is a %q", got)
	}
	if got := statuses(); !slices.Equal(got, assess.KindStatuses["law"]) {
		s.fatalf("statuses of a law = %q, want %q", got, assess.KindStatuses["law"])
	}
	for _, kind := range []string{"bill", "body", "agreement"} {
		pick("fact-kind", kind)
		if got := statuses(); !slices.Equal(got, assess.KindStatuses[kind]) {
			s.fatalf("statuses of %s = %q, want %q", kind, got, assess.KindStatuses[kind])
		}
	}
	if evalJS[bool](s, `document.getElementById('fact-amount').getClientRects().length > 0 || document.getElementById('fact-recurrent').getClientRects().length > 0`) {
		s.fatalf("an agreement offers an amount")
	}
	pick("fact-status", "draft")
	name := "Shared-service MoU with the Eastern Isles " + xss
	s.do("fill the instrument",
		chromedp.SendKeys(chromedp.ID("fact-name"), name),
		chromedp.SendKeys(chromedp.ID("fact-reference"), "MoU 3/2023"),
		chromedp.SendKeys(chromedp.ID("fact-adopted"), "2023-05"),
		chromedp.SendKeys(chromedp.ID("fact-expires"), "2022"),
		chromedp.SendKeys(chromedp.ID("fact-note"), "=cmd|' /C calc'!A0 "+xss),
	)
	pick("fact-owner", "coralcirt")
	evalJS[bool](s, `(() => { const el = document.getElementById('fact-indicators'); for (const o of el.options) o.selected = o.value === 'IRC.MAN.3' || o.value === 'IRC.OPS.4';
		el.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`)
	if got := s.text("#fact-indicators-chosen"); got != "Chosen: IRC.MAN.3, IRC.OPS.4" {
		s.fatalf("chosen indicators = %q", got)
	}
	s.press("save", "fact-save")
	// The engine's problem at /facts/instruments/N/expires shows beside
	// the expiry date, and nothing is saved.
	s.wait("the problem beside the expiry date", `!document.getElementById('fact-expires-err').hidden`)
	if got := s.text("#fact-expires-err"); !strings.Contains(got, "the expiry date (2022) is before the adoption date (2023-05)") {
		s.fatalf("message beside the expiry date = %q", got)
	}
	if !evalJS[bool](s, `document.getElementById('fact-expires').getAttribute('aria-invalid') === 'true' && document.activeElement.id === 'fact-expires' && document.getElementById('fact-adopted-err').hidden`) {
		s.fatalf("the expiry date is not the field marked and focused")
	}
	if got := count(); got != n0 {
		s.fatalf("an instrument with a problem was saved: %d instruments", got)
	}
	for _, sc := range []struct{ w, h int64 }{{1366, 768}, {1024, 768}} {
		s.do("size", chromedp.EmulateViewport(sc.w, sc.h))
		evalJS[bool](s, `(() => { document.getElementById('fact-expires').scrollIntoView({block: 'center'}); return true; })()`)
		s.shot(fmt.Sprintf("facts-problem-%dx%d", sc.w, sc.h))
	}
	evalJS[bool](s, `(() => { document.getElementById('fact-expires').value = ''; return true; })()`)
	pick("fact-status", "in-force")
	s.do("fix", chromedp.SendKeys(chromedp.ID("fact-expires"), "2027-05"))
	s.press("save", "fact-save")
	s.wait("the new row", fmt.Sprintf(`document.querySelectorAll('#facts tbody tr').length === %d`, n0+1))
	s.scored()
	at := fmt.Sprintf("s.assessment.facts.instruments[%d]", n0)
	var got assess.Instrument
	if err := json.Unmarshal([]byte(s.stored(at)), &got); err != nil {
		s.fatalf("stored instrument: %v", err)
	}
	want := assess.Instrument{ID: got.ID, Kind: "agreement", Name: name, Reference: "MoU 3/2023", Status: "in-force", Adopted: "2023-05", Expires: "2027-05",
		Owner: "coralcirt", Indicators: []string{"IRC.MAN.3", "IRC.OPS.4"}, Note: "=cmd|' /C calc'!A0 " + xss}
	if !strings.HasPrefix(got.ID, "shared-service-mou") || fmt.Sprint(got) != fmt.Sprint(want) {
		s.fatalf("stored instrument:\n%+v\nwant\n%+v", got, want)
	}
	var e map[string]any
	json.Unmarshal([]byte(s.stored(`s.log[s.log.length - 1]`)), &e)
	if e["what"] != "fact" || e["pointer"] != fmt.Sprintf("/facts/instruments/%d", n0) {
		s.fatalf("log entry: %v", e)
	}
	s.noXSS()

	// Edit: a new status; then undo takes it back.
	s.press("edit", fmt.Sprintf("fact-edit-%d", n0))
	s.wait("the edit form", `document.getElementById('fact-form-title').textContent.startsWith('Edit instrument')`)
	for _, sc := range []struct{ w, h int64 }{{1366, 768}, {1024, 768}} {
		s.do("size", chromedp.EmulateViewport(sc.w, sc.h))
		evalJS[bool](s, `(() => { document.getElementById('fact-form').scrollIntoView(); return true; })()`)
		s.shot(fmt.Sprintf("facts-edit-%dx%d", sc.w, sc.h))
	}
	s.press("projector", "projector")
	evalJS[bool](s, `(() => { document.getElementById('fact-form').scrollIntoView(); return true; })()`)
	s.shot("facts-edit-1024x768-projector")
	if !evalJS[bool](s, `document.getElementById('fact-form').getBoundingClientRect().right <= innerWidth && document.documentElement.scrollWidth <= innerWidth`) {
		s.fatalf("the form is wider than the window in projector mode")
	}
	s.press("projector off", "projector")
	if evalJS[bool](s, `document.getElementById('fact-amount').getClientRects().length > 0`) {
		s.fatalf("the edit form of an agreement offers an amount")
	}
	pick("fact-kind", "budget-line")
	if !evalJS[bool](s, `document.getElementById('fact-amount').getClientRects().length > 0 && document.getElementById('fact-recurrent').getClientRects().length > 0`) {
		s.fatalf("a budget line offers no amount")
	}
	pick("fact-kind", "agreement")
	pick("fact-status", "repealed")
	s.press("save the edit", "fact-save")
	s.wait("the edited row", fmt.Sprintf(`document.querySelector('#facts tbody tr:nth-child(%d)').textContent.includes('Repealed')`, n0+1))
	s.scored()
	if st := s.stored(at + ".status"); st != `"repealed"` {
		s.fatalf("status after the edit = %s", st)
	}
	s.do("focus the page", chromedp.Focus(chromedp.ID(fmt.Sprintf("fact-edit-%d", n0))))
	s.do("Ctrl+Z", chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	s.wait("the undo", fmt.Sprintf(`document.querySelector('#facts tbody tr:nth-child(%d)').textContent.includes('In force')`, n0+1))
	s.scored()
	if st := s.stored(at + ".status"); st != `"in-force"` {
		s.fatalf("status after undo = %s", st)
	}

	// Escape closes a form without saving.
	s.press("edit again", fmt.Sprintf("fact-edit-%d", n0))
	s.wait("the form", `!!document.getElementById('fact-form')`)
	s.key(kb.Escape)
	s.wait("the form closed", `!document.getElementById('fact-form')`)

	// A reload keeps the facts.
	s.do("reload", chromedp.Reload())
	s.wait("the workbook again", `document.documentElement.dataset.ncskitReady === 'true'`)
	s.goTo("setup")
	s.wait("the facts after the reload", fmt.Sprintf(`document.querySelectorAll('#facts tbody tr').length === %d && document.getElementById('facts').textContent.includes('Shared-service MoU')`, n0+1))

	// The other kinds: a staff record.
	s.press("staff", "facts-kind-staff")
	nStaff := evalJS[int](s, `document.querySelectorAll('#facts tbody tr').length`)
	s.press("add staff", "fact-add")
	s.wait("the staff form", `!!document.getElementById('fact-stakeholder')`)
	pick("fact-stakeholder", "rcpf")
	s.do("posts", chromedp.SendKeys(chromedp.ID("fact-unit"), "Cybercrime Unit"), chromedp.SendKeys(chromedp.ID("fact-established"), "4"), chromedp.SendKeys(chromedp.ID("fact-filled"), "6"))
	s.press("save staff", "fact-save")
	s.wait("the problem beside the filled posts", `!document.getElementById('fact-filled-err').hidden`)
	if got := s.text("#fact-filled-err"); !strings.Contains(got, "more posts filled (6) than established (4)") {
		s.fatalf("message beside the filled posts = %q", got)
	}
	evalJS[bool](s, `(() => { document.getElementById('fact-filled').value = '3'; return true; })()`)
	s.press("save staff", "fact-save")
	s.wait("the staff row", fmt.Sprintf(`document.querySelectorAll('#facts tbody tr').length === %d`, nStaff+1))
	s.press("instruments", "facts-kind-instruments")

	// Remove the new instrument, then save the file.
	evalJS[bool](s, fmt.Sprintf(`(() => { document.querySelector('#facts tbody tr:nth-child(%d) button[aria-label^="Remove"]').id = 'remove-it'; return true; })()`, n0+1))
	s.press("remove", "remove-it")
	s.wait("the row gone", fmt.Sprintf(`document.querySelectorAll('#facts tbody tr').length === %d`, n0))
	s.scored()
	if got := count(); got != n0 {
		s.fatalf("%d instruments after the removal, want %d", got, n0)
	}
	s.press("undo the removal", "undo")
	s.wait("the row back", fmt.Sprintf(`document.querySelectorAll('#facts tbody tr').length === %d`, n0+1))
	s.scored()
	s.press("save the file", "save-file")
	data, err := os.ReadFile(s.waitDownload(".ncskit-session.json"))
	if err != nil {
		s.fatalf("%v", err)
	}
	var v Validation
	call(t, "validate", data, &v)
	if !v.Valid {
		s.fatalf("the saved session file: %+v", v.Problems)
	}
	in, err := load.AssessmentOrSession("saved", data, assess.Default())
	if err != nil {
		s.fatalf("%v", err)
	}
	f := in.Assessment.Facts
	if len(f.Instruments) != n0+1 || f.Instruments[n0].Name != name || f.Instruments[n0].Note != "=cmd|' /C calc'!A0 "+xss {
		s.fatalf("saved instruments: %d, last %+v", len(f.Instruments), f.Instruments[len(f.Instruments)-1])
	}
	if last := f.Staff[len(f.Staff)-1]; last.Stakeholder != "rcpf" || last.Unit != "Cybercrime Unit" || *last.Established != 4 || *last.Filled != 3 {
		s.fatalf("saved staff: %+v", last)
	}
	s.noXSS()
}

// TestWorkbookImportFacts imports the lead agency's questionnaire, its
// facts sheet changed, on the Setup screen: the session's facts take the
// change, a snapshot keeps them as they were, and the result says how
// many facts came in.
func TestWorkbookImportFacts(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "import-facts.html")
	s.open()
	s.openExample()
	s.goTo("setup")
	data, err := os.ReadFile(filepath.Join("..", "examples", "small-island.json"))
	if err != nil {
		t.Fatal(err)
	}
	orig, err := load.Assessment("small-island.json", data, assess.Default())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := questionnaire.Write(&buf, assess.Default(), &questionnaire.Options{Prefill: orig, Respondent: "r-gov-1"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Facts")
	row := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == "ncsc" }) + 1
	if err := f.SetCellStr("Facts", fmt.Sprintf("E%d", row), "active"); err != nil {
		t.Fatal(err)
	}
	lead := filepath.Join(s.dir, "lead.xlsx")
	if err := f.SaveAs(lead); err != nil {
		t.Fatal(err)
	}
	s.do("import", chromedp.SetUploadFiles(chromedp.ID("import-files"), []string{lead}))
	s.wait("the import", `(document.getElementById('import-result') || {textContent: ''}).textContent.startsWith('Imported 1 questionnaire')`)
	s.scored()
	if got := s.text("#import-result"); !strings.Contains(got, "country facts merged") {
		s.fatalf("import result: %q", got)
	}
	if st := s.stored(`s.assessment.facts.instruments.find((x) => x.id === 'ncsc').status`); st != `"active"` {
		s.fatalf("the committee's status after the import: %s", st)
	}
	if st := s.stored(`s.snapshots[s.snapshots.length - 1].assessment.facts.instruments.find((x) => x.id === 'ncsc').status`); st != `"dormant"` {
		s.fatalf("the committee's status in the snapshot: %s", st)
	}
	s.wait("the list", `document.querySelector('#facts tbody tr:nth-child(3)').textContent.includes('Active')`)
}

// press presses Enter on the button id, as a facilitator at the
// keyboard does.
func (s *tab) press(what, id string) {
	s.t.Helper()
	s.do(what, chromedp.Focus(chromedp.ID(id)), chromedp.KeyEvent(kb.Enter))
}

// jsonInt reads a number the store returned as JSON.
func jsonInt(s string) (int, error) {
	var n int
	err := json.Unmarshal([]byte(s), &n)
	return n, err
}

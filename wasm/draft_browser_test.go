//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/tooltest"
	"github.com/ncskit/ncskit/questionnaire"
)

// TestWorkbookDraftInBrowser opens the example assessment in the page,
// previews its draft, exports the PDF and the XLSX and checks them with
// their real readers and against the CLI's bytes for the assessment of the
// saved session file; downloads the blank questionnaire; imports two
// filled questionnaires and refuses a corrupt one, all without a single
// network request.
func TestWorkbookDraftInBrowser(t *testing.T) {
	pdftotext := tooltest.Require(t, "pdftotext")
	qpdf := tooltest.Require(t, "qpdf")
	html := workbook(t)
	s := newTab(t, html, "draft.html")
	s.open()

	s.goTo("sessions")
	example, _ := filepath.Abs(filepath.Join("..", "examples", "small-island.json"))
	s.do("open the example", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{example}))
	s.wait("Corallia", `document.getElementById('session-title').textContent === 'Corallia 2026-10-14' && document.documentElement.dataset.screen === 'setup'`)

	// The Draft screen: the preview shows the country and the headings.
	s.goTo("draft")
	s.wait("the preview", `!!document.documentElement.dataset.ncskitPreview && !!document.getElementById('draft-preview') &&
		!!document.getElementById('draft-preview').contentDocument && !!document.getElementById('draft-preview').contentDocument.querySelector('main h2')`)
	country := evalJS[string](s, `document.getElementById('draft-preview').contentDocument.querySelector('.cover .country').textContent`)
	// The three documents, each with its cover: the brief, the strategy, the plan.
	titles := evalJS[[]string](s, `[...document.getElementById('draft-preview').contentDocument.querySelectorAll('.cover h1')].map((e) => e.textContent)`)
	title := ""
	if len(titles) == 3 {
		title = titles[1]
	}
	headings := evalJS[[]string](s, `[...document.getElementById('draft-preview').contentDocument.querySelectorAll('main h2')].map((e) => e.textContent)`)
	if country != "Corallia" || title != "National Cyber Security Strategy 2027–2031" || len(headings) < 8 ||
		!slices.ContainsFunc(headings, func(h string) bool { return strings.HasSuffix(h, "Implementation") }) {
		s.fatalf("preview: country %q, titles %q, headings %q", country, titles, headings)
	}
	// One document: the public strategy alone, marked for release.
	s.do("choose the strategy", chromedp.SetValue(chromedp.ID("draft-part"), "strategy"))
	evalJS[bool](s, `document.getElementById('draft-part').dispatchEvent(new Event('change'))`)
	s.wait("the strategy's preview", `(() => { const d = document.getElementById('draft-preview').contentDocument;
		return !!d && d.querySelectorAll('.cover').length === 1 && /TLP:CLEAR/.test(d.querySelector('.cover .marking').textContent); })()`)
	s.do("choose all three", chromedp.SetValue(chromedp.ID("draft-part"), "all"))
	evalJS[bool](s, `document.getElementById('draft-part').dispatchEvent(new Event('change'))`)
	s.wait("the preview of all three", `document.getElementById('draft-preview').contentDocument.querySelectorAll('.cover').length === 3`)
	if n := evalJS[int](s, `[...document.getElementById('draft-preview').contentDocument.images].filter((i) => i.complete && i.naturalWidth > 0).length`); n < 2 {
		s.fatalf("the preview shows %d charts", n)
	}
	s.shot("30-draft")
	s.fullShot("30-draft-full")

	// Export PDF and XLSX, twice each: the first calls and later ones.
	// Meanwhile the page's main thread keeps drawing frames: the longest
	// gap between two is logged.
	evalJS[bool](s, `(() => {
		window.__gap = 0;
		let last = performance.now();
		const tick = (t) => { window.__gap = Math.max(window.__gap, t - last); last = t; requestAnimationFrame(tick); };
		requestAnimationFrame(tick);
		return true;
	})()`)
	var got = map[string][]byte{}
	for round := 0; round < 2; round++ {
		for _, f := range []string{"pdf", "xlsx"} {
			n := evalJS[int](s, `(window.ncskitStats.exports || []).length`)
			s.do("export "+f, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#screen .downloads button[data-format=%q]`, f))))
			s.wait("the "+f+" export", fmt.Sprintf(`(window.ncskitStats.exports || []).length === %d && !document.querySelector('#export-status progress')`, n+1))
			if round == 0 {
				got[f] = s.readDownload("corallia-2026-10-14-strategy-draft." + f)
			}
		}
	}
	if got := s.text("#export-status"); !strings.HasPrefix(got, "Downloaded corallia-2026-10-14-strategy-draft.xlsx (") {
		s.fatalf("export status = %q", got)
	}
	// The other formats, from the keyboard: focus a button, press Enter.
	for _, f := range []string{"docx", "html", "md", "json"} {
		s.do("focus "+f, chromedp.Focus(chromedp.CSS(fmt.Sprintf(`#screen .downloads button[data-format=%q]`, f))))
		s.key(kb.Enter)
		got[f] = s.readDownload("corallia-2026-10-14-strategy-draft." + f)
	}
	t.Logf("exports in the browser (ms from click to bytes; in the engine): %s", evalJS[string](s, `JSON.stringify(window.ncskitStats.exports)`))
	t.Logf("preview of the HTML draft (ms): %v", evalJS[[]float64](s, `window.ncskitStats.preview`))
	t.Logf("longest gap between two frames of the page during the exports: %.0f ms", evalJS[float64](s, `window.__gap`))

	// Save the session file; the CLI's path on its assessment gives the
	// same bytes.
	s.do("save the file", chromedp.Click(chromedp.ID("save-file")))
	saved, err := os.ReadFile(s.waitDownload(".ncskit-session.json"))
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Template   string
		Assessment json.RawMessage
	}
	if err := json.Unmarshal(saved, &file); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"pdf", "xlsx", "docx", "html", "md", "json"} {
		if want := cliDraft(t, file.Assessment, f, file.Template, ""); !bytes.Equal(got[f], want) {
			t.Errorf("%s from the page: %d bytes; ncskit draft --template %s: %d bytes, and they differ", f, len(got[f]), file.Template, len(want))
		}
	}
	checkPDF(t, pdftotext, qpdf, s.downloads, got["pdf"])
	x, err := excelize.OpenReader(bytes.NewReader(got["xlsx"]))
	if err != nil {
		t.Fatalf("the XLSX does not open: %v", err)
	}
	if sheets := x.GetSheetList(); len(sheets) < 3 {
		t.Errorf("XLSX sheets %q", sheets)
	}
	x.Close()

	// The blank questionnaire, as "ncskit questionnaire --lang en" writes it.
	s.do("questionnaire", chromedp.Click(chromedp.ID("draft-questionnaire")))
	blank := s.readDownload("corallia-2026-10-14-questionnaire-en.xlsx")
	var want bytes.Buffer
	if err := questionnaire.Write(&want, assess.Default(), &questionnaire.Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(blank, want.Bytes()) {
		t.Errorf("the blank questionnaire differs from questionnaire.Write (%d and %d bytes)", len(blank), want.Len())
	}

	// Another template: the preview follows, and the choice is the session's.
	s.do("national template", chromedp.Click(chromedp.CSS(`input[name=draft-template][value=national]`)))
	s.wait("the national preview", `[...document.getElementById('draft-preview').contentDocument.querySelectorAll('td')].some((td) => td.textContent === 'National 1.0.0')`)
	s.do("projector", chromedp.Click(chromedp.ID("projector")))
	s.shot("31-draft-projector")
	s.do("projector off", chromedp.Click(chromedp.ID("projector")))

	// Import two filled questionnaires on the Setup screen.
	s.goTo("setup")
	respondents := evalJS[int](s, `document.querySelectorAll('#respondents tbody tr').length`)
	dir := t.TempDir()
	ana := filepath.Join(dir, "ana-perez.xlsx")
	ben := filepath.Join(dir, "ben-okafor.xlsx")
	os.WriteFile(ana, filledQuestionnaire(t, "Ana Pérez "+xss, "Ministry of Tourism "+xss, map[string][]string{
		"GOV.STR.1": {"3 - Defined", "4", "", "", "", "Cabinet paper " + xss}, "IRC.MAN.1": {"2"},
	}), 0o644)
	os.WriteFile(ben, filledQuestionnaire(t, "Ben Okafor", "Attorney General's Chambers", map[string][]string{
		"GOV.STR.1": {"1"}, "GOV.LAW.1": {"4"},
	}), 0o644)
	s.do("import", chromedp.SetUploadFiles(chromedp.ID("import-files"), []string{ana, ben}))
	s.wait("the import", `(document.getElementById('import-result') || {textContent: ''}).textContent.startsWith('Imported 2 questionnaires')`)
	s.scored()
	if got := s.text("#import-result"); !strings.Contains(got, "2 new respondents, 4 answers added") || !strings.Contains(got, "Ministry of Tourism "+xss) {
		s.fatalf("import result = %q", got)
	}
	names := evalJS[[]string](s, `[...document.querySelectorAll('#respondents tbody tr td:first-child span')].map((e) => e.textContent)`)
	if len(names) != respondents+2 || !slices.Contains(names, "Ana Pérez "+xss) || !slices.Contains(names, "Ben Okafor") {
		s.fatalf("respondents after the import: %q", names)
	}
	s.shot("32-import-result")
	s.fullShot("32-import-result-full")
	s.noXSS()

	// A corrupt file, with a good one: nothing is imported, and the message
	// names the file.
	corrupt := filepath.Join(dir, "corrupt.xlsx")
	data, _ := os.ReadFile(ben)
	os.WriteFile(corrupt, data[:len(data)/3], 0o644)
	other := filepath.Join(dir, "carla.xlsx")
	os.WriteFile(other, filledQuestionnaire(t, "Carla Diaz", "Ministry of Tourism", map[string][]string{"GOV.STR.2": {"2"}}), 0o644)
	s.do("import a corrupt file", chromedp.SetUploadFiles(chromedp.ID("import-files"), []string{other, corrupt}))
	s.wait("the refusal", `(document.getElementById('import-result') || {textContent: ''}).textContent.startsWith('Nothing was imported')`)
	if got := s.text("#import-result"); !strings.Contains(got, "corrupt.xlsx: the file is not an Excel workbook (.xlsx)") {
		s.fatalf("message for a corrupt file = %q", got)
	}
	if n := evalJS[int](s, `document.querySelectorAll('#respondents tbody tr').length`); n != respondents+2 {
		s.fatalf("a refused import changed the respondents: %d", n)
	}
	s.shot("33-import-corrupt")

	// The answers are there: Ana's level on the Assess screen, and the
	// change log names the import.
	s.goTo("assess")
	evalJS[bool](s, `(() => {
		const el = document.getElementById('respondent');
		el.value = [...el.options].find((o) => o.textContent.startsWith('Ana Pérez')).value;
		el.dispatchEvent(new Event('change'));
		return true;
	})()`)
	s.wait("Ana's answer", `document.querySelector('button.ind[data-ind="GOV.STR.1"] .mark').textContent === '3' && document.querySelector('button.ind[data-ind="IRC.MAN.1"] .mark').textContent === '2'`)
	s.shot("34-assess-imported")
	s.noXSS()

	// The imported free text reaches the draft's preview as text.
	s.goTo("draft")
	s.wait("the preview with Ana", `document.getElementById('draft-preview').contentDocument.body.textContent.includes('Ana Pérez <img src=x')`)
	if n := evalJS[int](s, `document.getElementById('draft-preview').contentDocument.querySelectorAll('img[src="x"], script, svg[onload]').length`); n != 0 {
		s.fatalf("the preview holds %d elements made from free text", n)
	}
	s.noXSS()

	// A spreadsheet given to "Open session file" is refused with a pointer
	// to the import.
	s.goTo("sessions")
	s.do("open a spreadsheet", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{ana}))
	s.wait("the refusal", `document.getElementById('open-result').textContent.includes('is a spreadsheet, not a session file')`)
	s.checkLocal()
}

// readDownload waits for a finished download named name and returns it.
func (s *tab) readDownload(name string) []byte {
	s.t.Helper()
	deadline := time.Now().Add(patience)
	p := filepath.Join(s.downloads, name)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(p); err == nil && len(data) > 0 {
			if _, err := os.Stat(p + ".crdownload"); os.IsNotExist(err) {
				return data
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.fatalf("no download %s", name)
	return nil
}

// checkLocal fails the test for any network request or loaded resource
// other than the page itself, blob: URLs (the worker, downloads) and
// data: URLs (images inside the page, such as the draft's charts), and
// for any error in the console.
func (s *tab) checkLocal() {
	s.t.Helper()
	s.mu.Lock()
	reqs := slices.Clone(s.requests)
	console := slices.Clone(s.console)
	s.mu.Unlock()
	for _, r := range reqs {
		if r != s.pageURL && !strings.HasPrefix(r, "blob:") && !strings.HasPrefix(r, "data:") && r != "about:srcdoc" {
			s.t.Errorf("network request: %s", r)
		}
	}
	for _, r := range evalJS[[]string](s, `performance.getEntriesByType('resource').map(e => e.name)`) {
		if !strings.HasPrefix(r, "blob:") {
			s.t.Errorf("resource loaded: %s", r)
		}
	}
	for _, c := range console {
		if strings.HasPrefix(c, "exception") || strings.HasPrefix(c, "error") {
			s.t.Errorf("console %s", c)
		}
	}
	s.t.Logf("%d requests seen, all local: %q", len(reqs), shorten(reqs))
}

// checkPDF checks a PDF with qpdf --check and pdftotext.
func checkPDF(t *testing.T, pdftotext, qpdf, dir string, data []byte) {
	t.Helper()
	p := filepath.Join(dir, "check.pdf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(qpdf, "--check", p).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command(pdftotext, "-layout", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(out)
	for _, want := range []string{"Corallia", "National Cyber Security Strategy", "Implementation", "Action plan"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text has no %q", want)
		}
	}
}

// TestStakeholderNamedByFacts opens the larger example, whose financial
// supervisor is named only by its country facts: its Remove button is
// disabled, so that removing it cannot leave a file that fails to load,
// while a stakeholder nothing names can still be removed.
func TestStakeholderNamedByFacts(t *testing.T) {
	s := newTab(t, workbook(t), "facts.html")
	s.open()
	s.goTo("sessions")
	example, _ := filepath.Abs(filepath.Join("..", "examples", "larger-state.json"))
	s.do("open the example", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{example}))
	s.wait("the setup screen", `document.documentElement.dataset.screen === 'setup' && document.querySelectorAll('button[aria-label^="Remove "]').length > 0`)
	state := func(id string) string {
		return evalJS[string](s, fmt.Sprintf(`(() => {
			const row = [...document.querySelectorAll('tr')].find((tr) => tr.textContent.includes('ID %s'));
			if (!row) return 'missing';
			return row.querySelector('button[aria-label^="Remove "]').disabled ? 'disabled' : 'enabled';
		})()`, id))
	}
	if got := state("sfs"); got != "disabled" {
		s.fatalf("the stakeholder named only by facts: Remove is %s, want disabled", got)
	}
	if got := state("crc"); got != "enabled" {
		s.fatalf("a stakeholder nothing names: Remove is %s, want enabled", got)
	}
}

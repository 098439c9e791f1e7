//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/tooltest"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/wasm/web"
)

// The browser tests open the single-file workbook from file:// in headless
// Chromium (Debian package chromium) and drive it as a facilitator would.
// They skip when chromium is missing, unless NCSKIT_REQUIRE_TOOLS=1 (CI),
// and save a screenshot of each screen under $NCSKIT_ARTIFACTS (or a
// temporary directory, named in the log).

// xss is typed into every free-text field. If any of it ran as markup,
// window.__xss would be set.
const xss = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>"'><svg onload=window.__xss=3>`

var (
	workbookOnce sync.Once
	workbookHTML []byte
	workbookErr  error
)

// workbook builds the page once per test binary, the way "ncskit
// workbook" does: compile ./wasm with the local Go toolchain and bundle.
func workbook(t *testing.T) []byte {
	t.Helper()
	workbookOnce.Do(func() {
		root, err := web.FindRoot(".")
		if err != nil {
			workbookErr = err
			return
		}
		wb, err := web.Build(context.Background(), &web.BuildOptions{Dir: root})
		if err != nil {
			workbookErr = err
			return
		}
		workbookHTML = wb.HTML
		gz := gzipSize(wb.HTML)
		fmt.Printf("workbook: %d bytes (%.2f MB, %.2f MiB), %d gzip (%.2f MB); engine %d bytes wasm, %d gzip, %d as text in the page\n",
			len(wb.HTML), float64(len(wb.HTML))/1e6, float64(len(wb.HTML))/(1<<20), gz, float64(gz)/1e6, wb.Wasm, wb.WasmGzip, wb.WasmText)
	})
	if workbookErr != nil {
		t.Fatal(workbookErr)
	}
	return workbookHTML
}

// session is one headless Chromium with one tab, for the whole test.
type tab struct {
	t         *testing.T
	ctx       context.Context
	dir       string // temporary files: the page, downloads
	artifacts string
	downloads string
	pageURL   string
	mu        sync.Mutex
	requests  []string
	console   []string
}

func newTab(t *testing.T, html []byte, name string) *tab {
	chromium := tooltest.Require(t, "chromium")
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	s := &tab{t: t, dir: t.TempDir()}
	s.artifacts = os.Getenv("NCSKIT_ARTIFACTS")
	if s.artifacts == "" {
		s.artifacts = filepath.Join(s.dir, "artifacts")
	}
	if err := os.MkdirAll(s.artifacts, 0o777); err != nil {
		t.Fatal(err)
	}
	s.downloads = filepath.Join(s.dir, "downloads")
	os.MkdirAll(s.downloads, 0o777)
	file := filepath.Join(s.dir, name)
	if err := os.WriteFile(file, html, 0o644); err != nil {
		t.Fatal(err)
	}
	s.pageURL = (&url.URL{Scheme: "file", Path: file}).String()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.UserDataDir(filepath.Join(s.dir, "profile")),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(1024, 768),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	s.ctx = ctx
	if err := chromedp.Do(ctx); err != nil { // start the browser, with no timeout
		t.Fatal(err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		s.mu.Lock()
		defer s.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			s.requests = append(s.requests, ev.Request.URL)
		case *network.EventWebSocketCreated:
			s.requests = append(s.requests, ev.URL)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			s.mu.Lock()
			s.console = append(s.console, fmt.Sprintf("%s: %s", m.Type, m.Text))
			s.mu.Unlock()
		}
	}()
	_, err = chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: s.downloads,
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// do runs actions with a timeout, failing the test with the console log.
func (s *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, patience)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		s.fatalf("%s: %v", what, err)
	}
}

func (s *tab) fatalf(format string, args ...any) {
	s.t.Helper()
	s.shot("failure")
	s.mu.Lock()
	log := strings.Join(s.console, "\n")
	s.mu.Unlock()
	s.t.Fatalf(format+"\nconsole:\n%s", append(args, log)...)
}

func evalJS[T any](s *tab, expr string) T {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, patience)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		s.fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// patience bounds every wait of the browser tests. The tests wait on
// conditions, never on times: a slow or busy machine only takes longer,
// and the bound is there so that a broken page fails instead of hanging.
const patience = 3 * time.Minute

// wait polls a JavaScript condition. An exception in the condition (an
// element not there yet) counts as false, so that polling goes on.
func (s *tab) wait(what, cond string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, patience)
	defer cancel()
	guarded := "(() => { try { return !!(" + cond + "); } catch (e) { return false; } })()"
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](guarded, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(0))); err != nil {
		s.fatalf("waiting for %s (%s): %v", what, cond, err)
	}
}

func (s *tab) text(sel string) string {
	s.t.Helper()
	return evalJS[string](s, fmt.Sprintf(`(document.querySelector(%q) || {textContent: ''}).textContent`, sel))
}

// shot saves a screenshot of the viewport (1024×768) as NAME.png.
func (s *tab) shot(name string) {
	ctx, cancel := context.WithTimeout(s.ctx, patience)
	defer cancel()
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		s.t.Logf("screenshot %s: %v", name, err)
		return
	}
	p := filepath.Join(s.artifacts, name+".png")
	if err := os.WriteFile(p, buf, 0o644); err != nil {
		s.t.Logf("screenshot %s: %v", name, err)
	}
}

// fullShot saves the whole page, beyond the viewport.
func (s *tab) fullShot(name string) {
	ctx, cancel := context.WithTimeout(s.ctx, patience)
	defer cancel()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err == nil {
		err = os.WriteFile(filepath.Join(s.artifacts, name+".png"), buf, 0o644)
	}
	if err != nil {
		s.t.Logf("screenshot %s: %v", name, err)
	}
}

// open loads the page and waits until it says it is usable.
func (s *tab) open() float64 {
	s.t.Helper()
	s.do("navigate", chromedp.Navigate(s.pageURL))
	s.wait("the workbook to be ready", `document.documentElement.dataset.ncskitReady === 'true' || !!document.documentElement.dataset.ncskitError`)
	if e := evalJS[string](s, `document.documentElement.dataset.ncskitError || ''`); e != "" {
		s.fatalf("the workbook failed to start (%s): %s", e, s.text("#boot"))
	}
	return evalJS[float64](s, `window.ncskitStats.ready`)
}

// openExample opens examples/small-island.json from the Sessions screen
// and waits for its session, Corallia's.
func (s *tab) openExample() {
	s.t.Helper()
	example, _ := filepath.Abs(filepath.Join("..", "examples", "small-island.json"))
	s.do("open the example", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{example}))
	s.wait("Corallia", `document.getElementById('session-title').textContent === 'Corallia 2026-10-14'`)
}

func (s *tab) key(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		s.do("key "+k, chromedp.KeyEvent(k))
	}
}

// goTo shows a screen through the navigation bar.
func (s *tab) goTo(screen string) {
	s.t.Helper()
	s.do("go to "+screen, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#nav button[data-screen=%q]`, screen))))
	s.wait(screen+" screen", fmt.Sprintf(`document.documentElement.dataset.screen === %q`, screen))
}

// consensus shows, on the Assess screen, the consensus of the
// respondents instead of one respondent's answers, and waits for its
// view: the table of ratings and the summary under it.
func (s *tab) consensus() {
	s.t.Helper()
	evalJS[bool](s, `(() => {
		const el = document.getElementById('respondent');
		el.value = 'consensus';
		el.dispatchEvent(new Event('change'));
		return true;
	})()`)
	s.wait("the consensus view", `!!document.getElementById('consensus-summary')`)
}

// The page numbers the states of its open session (data-ncskit-version
// on <html>): each change made in the window, each session opened and each
// session read again after another window's write is a new version.
// data-ncskit-scored-version is the version the result on screen was
// scored from, data-ncskit-written-version the one the browser's store
// holds.
const (
	scoredJS  = `document.documentElement.dataset.ncskitScoredVersion === document.documentElement.dataset.ncskitVersion`
	writtenJS = `document.documentElement.dataset.ncskitWrittenVersion === document.documentElement.dataset.ncskitVersion`
)

// scored waits until the engine has scored the open session as it is
// now, every change made so far included.
func (s *tab) scored() {
	s.t.Helper()
	s.wait("the score of the last change", scoredJS)
}

// written waits until the browser's store holds the open session as it
// is now: the page writes a change after drawing its score, so a test
// that reads the store after a change waits for this first.
func (s *tab) written() {
	s.t.Helper()
	s.wait("the write of the last change", writtenJS)
}

func (s *tab) noXSS() {
	s.t.Helper()
	if v := evalJS[string](s, `String(window.__xss)`); v != "undefined" {
		s.fatalf("an XSS payload ran: window.__xss = %s", v)
	}
}

func TestWorkbookInBrowser(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "ncskit-workbook.html")
	t.Logf("screenshots in %s", s.artifacts)

	ready := s.open()
	s.wait("the engine up", `!!window.ncskitStats.boot.engine`)
	t.Logf("first usable screen after %.0f ms (engine start %.0f ms in the worker; boot marks %s)", ready,
		evalJS[float64](s, `window.ncskitStats.startMs`), evalJS[string](s, `JSON.stringify(window.ncskitStats.boot)`))
	t.Logf("navigation timing: %s", evalJS[string](s, `(() => { const n = performance.getEntriesByType('navigation')[0];
		return ['responseEnd', 'domInteractive', 'domContentLoadedEventStart', 'loadEventEnd'].map(k => k + ' ' + Math.round(n[k])).join(', '); })()`))
	// The page carries the answers of the first calls (TestWorkbookFirstAnswers):
	// with no session, it asks the engine only to compile its schemas.
	if got := evalJS[string](s, `window.ncskitStats.boot.calls.map((c) => c[0]).join(' ')`); got != "" && got != "validate" {
		t.Errorf("calls at the start: %q, want only validate", got)
	}
	s.shot("01-sessions-empty")

	// Start a session with the XSS payload in every free-text field.
	s.do("fill the new session form",
		chromedp.SetValue(chromedp.CSS(`#new-session input[name=name]`), "Day 1 "+xss),
		chromedp.SetValue(chromedp.CSS(`#new-session input[name=country]`), "Corallia "+xss),
		chromedp.SetValue(chromedp.CSS(`#new-session input[name=iso3166]`), "xc"),
		chromedp.SetValue(chromedp.CSS(`#new-session input[name=population]`), "104000"),
		chromedp.SetValue(chromedp.CSS(`#new-session input[name=leadMinistry]`), "Ministry "+xss),
		chromedp.SetValue(chromedp.CSS(`#new-session input[name=sectors]`), "tourism, "+xss),
		chromedp.SetValue(chromedp.CSS(`#new-session input[name=place]`), "Port "+xss),
		chromedp.SetValue(chromedp.CSS(`#new-session input[name=facilitator]`), "Facilitator "+xss),
		chromedp.SetValue(chromedp.CSS(`#new-session input[name=classification]`), "TLP:AMBER"),
		chromedp.Click(chromedp.CSS(`#new-session button[type=submit]`)),
	)
	s.wait("the setup screen", `document.documentElement.dataset.screen === 'setup'`)
	if got := s.text("#session-title"); got != "Day 1 "+xss {
		s.fatalf("session title = %q", got)
	}

	// Two stakeholders, a point of contact without a deputy, two respondents.
	for i, name := range []string{"National CSIRT " + xss, "Ministry of Digital Affairs " + xss} {
		role := []string{"csirt", "lead-cyber-agency"}[i]
		s.do("add a stakeholder",
			chromedp.SendKeys(chromedp.ID("new-stakeholder"), name),
			chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name=new-role][value=%q]`, role))),
			chromedp.Click(chromedp.CSS(`#stakeholders form.add button[type=submit]`)),
		)
		s.wait("the stakeholder", fmt.Sprintf(`document.querySelectorAll('#stakeholders tbody tr').length === %d`, i+1))
	}
	s.do("add a point of contact",
		chromedp.SendKeys(chromedp.ID("contact-person"), "Leonard "+xss),
		chromedp.Click(chromedp.CSS(`#contacts form.add button[type=submit]`)),
	)
	s.wait("the contact", `document.querySelectorAll('#contacts tbody tr').length === 1`)
	for i, name := range []string{"Ana " + xss, "Ben " + xss} {
		s.do("add a respondent",
			chromedp.SendKeys(chromedp.ID("respondent-name"), name),
			chromedp.SendKeys(chromedp.ID("respondent-title"), "Director "+xss),
			chromedp.Click(chromedp.CSS(`#respondents form.add button[type=submit]`)),
		)
		s.wait("the respondent", fmt.Sprintf(`document.querySelectorAll('#respondents tbody tr').length === %d`, i+1))
	}
	s.do("snapshot", chromedp.SendKeys(chromedp.ID("snapshot-name"), "before "+xss), chromedp.Click(chromedp.CSS(`#snapshots button[type=submit]`)))
	s.wait("the snapshot", `document.querySelectorAll('#snapshots tbody tr').length === 1`)
	s.fullShot("02-setup")
	s.noXSS()

	// Assess: the first respondent answers three indicators with the keys.
	s.goTo("assess")
	s.wait("the first indicator", `document.getElementById('ind-title').textContent.startsWith('GOV.STR.1')`)
	s.do("focus the card", chromedp.Focus(chromedp.ID("ind-title")))
	s.key("1")
	s.do("evidence", chromedp.SendKeys(chromedp.ID("f-evidence"), "Draft only "+xss), chromedp.Focus(chromedp.ID("ind-title")))
	// The evidence stops typing at the limit the engine states.
	if got := evalJS[int](s, `document.getElementById('f-evidence').maxLength`); got != assess.MaxText {
		s.fatalf("maxlength of the evidence = %d, want %d", got, assess.MaxText)
	}
	s.key(kb.ArrowRight, "3", kb.ArrowRight, "u")
	s.scored()
	s.shot("03-assess-respondent")
	if got := s.text(`button.ind[data-ind="GOV.STR.2"] .mark`); got != "3" {
		s.fatalf("mark of GOV.STR.2 for the first respondent = %q, want 3", got)
	}

	// Results before the second respondent answers.
	s.goTo("results")
	coverage1 := s.text("#coverage")
	radar1 := evalJS[string](s, radarJS)

	// The second respondent: level 4 on GOV.STR.1 (a spread of 3), 3 on GOV.STR.2.
	s.goTo("assess")
	s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
	s.key("]", kb.ArrowLeft, kb.ArrowLeft, kb.ArrowLeft)
	s.wait("GOV.STR.1 for Ben", `document.getElementById('ind-title').textContent.startsWith('GOV.STR.1') && document.getElementById('respondent').selectedOptions[0].textContent.startsWith('Ben')`)
	t0 := time.Now()
	s.key("4")
	s.scored()
	t.Logf("key press to redraw, seen from the test: %v", time.Since(t0).Round(time.Millisecond))
	s.key(kb.ArrowRight, "3")
	s.scored()
	s.key("c")
	s.wait("the consensus view", `!!document.getElementById('consensus-summary')`)
	s.key(kb.ArrowLeft)
	s.wait("GOV.STR.1 consensus", `document.getElementById('ind-title').textContent.startsWith('GOV.STR.1') && document.getElementById('consensus-summary').textContent.includes('spread 3')`)
	if got := s.text("#consensus-summary"); !strings.Contains(got, "Disagreement") {
		s.fatalf("consensus summary = %q, want a disagreement", got)
	}
	if got := s.text(`button.ind[data-ind="GOV.STR.1"] .mark`); got != "1 !" {
		s.fatalf("consensus mark of GOV.STR.1 = %q, want \"1 !\"", got)
	}
	s.shot("04-consensus-disagreement")

	// Resolve it: the room agrees on 2, Ben dissents.
	s.do("record the agreed level",
		chromedp.SetValue(chromedp.ID("agreed-level"), "2"),
		chromedp.SendKeys(chromedp.ID("agreed-rationale"), "A draft exists "+xss),
		chromedp.SendKeys(chromedp.CSS(`input.dissent[aria-label^="Dissent of Ben"]`), "Adopted in cabinet "+xss),
		chromedp.Click(chromedp.CSS(`form.agreed button[type=submit]`)),
	)
	s.scored()
	s.wait("the agreed mark", `document.querySelector('button.ind[data-ind="GOV.STR.1"] .mark').textContent === '2 ✓'`)
	if got := s.text("#strip"); !strings.Contains(got, "Level 2 agreed by the room") {
		s.fatalf("strip = %q", got)
	}
	s.shot("05-consensus-agreed")
	s.noXSS()

	// Results and radar follow the answers.
	s.goTo("results")
	coverage2 := s.text("#coverage")
	radar2 := evalJS[string](s, radarJS)
	if radar1 == radar2 {
		s.fatalf("results did not change:\n%s\n%s\nradar %s\n%s", coverage1, coverage2, radar1, radar2)
	}
	if !strings.Contains(coverage2, "2 of 55 applicable indicators assessed") {
		s.fatalf("coverage = %q", coverage2)
	}
	s.shot("06-results")
	s.fullShot("06-results-full")
	s.do("radar by area", chromedp.Click(chromedp.CSS(`#radar .toggle button:last-child`)))
	s.wait("the area radar", `document.querySelectorAll('#radar text.axis-label').length > 10`)
	s.shot("07-results-by-area")

	// Priorities: pin one with a reason.
	s.goTo("priorities")
	s.wait("priorities", `document.querySelectorAll('#priorities tbody tr').length > 0`)
	s.do("pin", chromedp.Click(chromedp.CSS(`#priorities tbody tr:last-child td:last-child button`)))
	s.do("pin rank",
		chromedp.SetValue(chromedp.ID("ov-rank"), "1"),
		chromedp.SendKeys(chromedp.ID("ov-reason"), "The minister asked "+xss),
		chromedp.Click(chromedp.CSS(`form.override button[type=submit]`)),
	)
	s.scored()
	s.wait("the pinned row", `document.querySelector('#priorities tbody tr:first-child').classList.contains('pinned')`)
	s.shot("08-priorities")

	// Roles: assign an unfilled archetype.
	s.goTo("roles")
	before := s.text("#role-summary")
	evalJS[bool](s, `(() => {
		const el = document.querySelector('#roles-table tr.unfilled select');
		el.value = el.options[1].value;
		el.dispatchEvent(new Event('change'));
		return true;
	})()`)
	s.wait("the role summary", fmt.Sprintf(`document.getElementById('role-summary').textContent !== %q`, before))
	s.shot("09-roles")
	s.noXSS()

	// Projector mode.
	s.goTo("assess")
	s.do("projector", chromedp.Click(chromedp.ID("projector")))
	s.shot("10-assess-projector")
	s.goTo("results")
	s.shot("11-results-projector")
	s.do("projector off", chromedp.Click(chromedp.ID("projector")))

	// Save the session file; it is valid and carries the log and snapshot.
	s.do("save the file", chromedp.Click(chromedp.ID("save-file")))
	saved := s.waitDownload(".ncskit-session.json")
	data, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	checkSessionFile(t, data)

	// Reload: everything is still there.
	rescore := evalJS[[]float64](s, `window.ncskitStats.rescore`)
	engineMs := evalJS[[]float64](s, `window.ncskitStats.engine`)
	s.do("reload", chromedp.Reload())
	s.wait("ready again", `document.documentElement.dataset.ncskitReady === 'true'`)
	t.Logf("after a reload, first usable screen after %.0f ms (boot marks %s)", evalJS[float64](s, `window.ncskitStats.ready`),
		evalJS[string](s, `JSON.stringify(window.ncskitStats.boot)`))
	s.goTo("results")
	s.wait("the results after reload", `!!document.getElementById('coverage')`)
	if got := s.text("#coverage"); got != coverage2 {
		s.fatalf("after reload coverage = %q, want %q", got, coverage2)
	}
	s.goTo("assess")
	s.wait("the agreed mark after reload", `document.getElementById('respondent').value === 'consensus' && document.querySelector('button.ind[data-ind="GOV.STR.1"] .mark').textContent === '2 ✓'`)
	if got := s.text("#session-title"); got != "Day 1 "+xss {
		s.fatalf("after reload the session is %q", got)
	}

	// Open files: a corrupt one is refused with a message and changes
	// nothing; the example assessment opens; the saved session reopens.
	s.goTo("sessions")
	corrupt := filepath.Join(s.dir, "corrupt.json")
	os.WriteFile(corrupt, []byte(strings.Replace(string(data), `"level": 1`, `"level": 7`, 1)), 0o644)
	s.do("open a corrupt file", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{corrupt}))
	s.wait("the refusal", `document.getElementById('open-result').textContent.includes('was not opened')`)
	if got := s.text("#open-result"); !strings.Contains(got, "corrupt.json: /assessment/responses/0/level: 7 is above the highest level (5)") {
		s.fatalf("message for a corrupt file = %q", got)
	}
	truncated := filepath.Join(s.dir, "truncated.json")
	os.WriteFile(truncated, data[:len(data)/2], 0o644)
	s.do("open a truncated file", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{truncated}))
	s.wait("the refusal", `document.getElementById('open-result').textContent.includes('truncated.json was not opened')`)
	if got := s.text("#open-result"); !strings.Contains(got, "invalid JSON") {
		s.fatalf("message for a truncated file = %q", got)
	}
	s.shot("12-open-corrupt")
	if got := s.text("#session-title"); got != "Day 1 "+xss {
		s.fatalf("a refused file changed the session to %q", got)
	}
	example, _ := filepath.Abs(filepath.Join("..", "examples", "small-island.json"))
	s.do("open the example", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{example}))
	s.wait("Corallia", `document.getElementById('session-title').textContent === 'Corallia 2026-10-14' && document.documentElement.dataset.screen === 'setup'`)
	s.goTo("results")
	s.wait("full coverage", `(document.getElementById('coverage') || {textContent: ''}).textContent.startsWith('100% covered')`)
	s.shot("13-example-results")
	s.goTo("priorities")
	s.shot("14-example-priorities")
	s.goTo("roles")
	s.shot("15-example-roles")
	s.goTo("assess")
	s.consensus()
	s.wait("consensus", `!!document.getElementById('consensus-summary') && document.getElementById('consensus-summary').textContent.includes('spread')`)
	s.shot("16-example-consensus")
	// Speed on a full assessment (10 respondents, 146 answers): ten
	// answers by key, each rescored and redrawn.
	evalJS[bool](s, `(() => {
		const el = document.getElementById('respondent');
		el.value = el.options[0].value;
		el.dispatchEvent(new Event('change'));
		window.ncskitStats.rescore.length = 0;
		window.ncskitStats.engine.length = 0;
		return true;
	})()`)
	s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
	for i := 0; i < 10; i++ {
		s.key([]string{"3", "4"}[i%2], kb.ArrowRight)
		s.scored()
	}
	fullRescore := evalJS[[]float64](s, `window.ncskitStats.rescore`)
	fullEngine := evalJS[[]float64](s, `window.ncskitStats.engine`)
	t.Logf("on the full example: rescore and redraw median %.1f ms (%v); in the engine median %.1f ms (%v); parts %s",
		median(fullRescore), fullRescore, median(fullEngine), fullEngine, evalJS[string](s, `JSON.stringify(window.ncskitStats.parts.slice(-10))`))

	s.goTo("sessions")
	s.do("open the saved session", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{saved}))
	s.wait("the saved session", fmt.Sprintf(`document.getElementById('session-title').textContent === %q && document.documentElement.dataset.screen === 'setup'`, "Day 1 "+xss))
	s.goTo("sessions")
	s.shot("17-sessions-list")
	s.noXSS()

	s.mu.Lock()
	reqs := slices.Clone(s.requests)
	s.mu.Unlock()
	for _, r := range reqs {
		// blob: is the worker and the downloads; data: is Chromium's own
		// icon of the date picker. Nothing may use the network.
		if r != s.pageURL && !strings.HasPrefix(r, "blob:") && !strings.HasPrefix(r, "data:") {
			t.Errorf("network request: %s", r)
		}
	}
	res := evalJS[[]string](s, `performance.getEntriesByType('resource').map(e => e.name)`)
	for _, r := range res {
		if !strings.HasPrefix(r, "blob:") {
			t.Errorf("resource loaded: %s", r)
		}
	}
	t.Logf("%d requests seen, all local: %q", len(reqs), shorten(reqs))
	t.Logf("rescore and redraw after a change in the new session: median %.1f ms over %d changes (%v; in the engine %v)",
		median(rescore), len(rescore), rescore, engineMs)
	s.mu.Lock()
	for _, c := range s.console {
		if strings.HasPrefix(c, "exception") || strings.HasPrefix(c, "error") {
			t.Errorf("console %s", c)
		}
	}
	s.mu.Unlock()
}

// radarJS reads what the radar draws of the current progress: the line
// and the dots.
const radarJS = `(() => { const c = document.querySelector('#radar .current');
	return (c.getAttribute('points') || c.getAttribute('d')) + ' dots ' + [...document.querySelectorAll('#radar circle.dot')].map((d) => d.getAttribute('cx') + ',' + d.getAttribute('cy')).join(' '); })()`

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	sort.Float64s(s)
	return s[len(s)/2]
}

func shorten(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		if len(s) > 60 {
			s = s[:30] + "…" + s[len(s)-25:]
		}
		out[i] = s
	}
	return out
}

// waitDownload waits for a finished download whose name ends in suffix.
func (s *tab) waitDownload(suffix string) string {
	s.t.Helper()
	deadline := time.Now().Add(patience)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(s.downloads)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), suffix) {
				return filepath.Join(s.downloads, e.Name())
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.fatalf("no download ending in %s", suffix)
	return ""
}

// checkSessionFile checks a downloaded session file with the bridge's own
// code and the library: valid, with the answers, the agreed level, the
// log and the snapshot, and the free text kept as typed.
func checkSessionFile(t *testing.T, data []byte) {
	t.Helper()
	var v Validation
	call(t, "validate", data, &v)
	if !v.Valid || v.Kind != "session" {
		t.Fatalf("saved session: %+v", v)
	}
	var f struct {
		Assessment json.RawMessage
		Log        []load.Change
		Snapshots  []load.Snapshot
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	a, err := load.Assessment("saved", f.Assessment, assess.Default())
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Responses) != 5 || len(a.Decisions.Agreed) != 1 || a.Decisions.Agreed[0].Dissent[0].Note != "Adopted in cabinet "+xss {
		t.Errorf("saved assessment: %d responses, decisions %+v", len(a.Responses), a.Decisions)
	}
	if a.Profile.Country != "Corallia "+xss || a.Responses[0].Evidence != "Draft only "+xss {
		t.Errorf("free text changed: %q, %q", a.Profile.Country, a.Responses[0].Evidence)
	}
	if len(f.Snapshots) != 1 || f.Snapshots[0].Name != "before "+xss {
		t.Errorf("snapshots = %+v", f.Snapshots)
	}
	kinds := map[string]int{}
	for _, c := range f.Log {
		kinds[c.What]++
	}
	if kinds["level"] != 5 || kinds["agreed"] != 1 || kinds["evidence"] != 1 || kinds["override"] != 1 || kinds["respondent"] != 2 {
		t.Errorf("change log kinds = %v", kinds)
	}
	for _, c := range f.Log {
		if c.What == "level" && (c.Indicator == "" || c.Respondent == "" || c.Pointer == "") {
			t.Errorf("log entry without indicator, respondent or pointer: %+v", c)
		}
	}
}

// TestWorkbookNoStorage opens the page in a browser that refuses both
// IndexedDB and localStorage: the page works and says, visibly, that
// nothing is kept.
func TestWorkbookNoStorage(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "nostorage.html")
	_, err := chromedp.Call(s.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `for (const name of ['indexedDB', 'localStorage']) {
			Object.defineProperty(window, name, { get() { throw new DOMException('refused by the test', 'SecurityError'); } });
		}`,
	})
	if err != nil {
		t.Fatal(err)
	}
	s.open()
	if got := s.text("#warnings"); !strings.Contains(got, "This browser refuses to store data for this page, so your work is NOT saved automatically") {
		t.Errorf("warning = %q", got)
	}
	if visible := evalJS[bool](s, `document.querySelector('#warnings .banner').offsetHeight > 0`); !visible {
		t.Error("the warning is not visible")
	}
	s.shot("22-no-storage")
}

// TestWorkbookTooOld opens the page in a browser that lacks
// DecompressionStream: it must say so, not hang.
func TestWorkbookTooOld(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "old.html")
	_, err := chromedp.Call(s.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `delete window.DecompressionStream;`,
	})
	if err != nil {
		t.Fatal(err)
	}
	s.do("navigate", chromedp.Navigate(s.pageURL))
	s.wait("the error", `!!document.documentElement.dataset.ncskitError`)
	if got := evalJS[string](s, `document.documentElement.dataset.ncskitError`); got != "unsupported-browser" {
		t.Errorf("data-ncskit-error = %q", got)
	}
	if got := s.text("#boot"); !strings.Contains(got, "This browser is too old to run the ncskit workbook") {
		t.Errorf("message = %q", got)
	}
	if visible := evalJS[bool](s, `!document.getElementById('boot').hidden && document.getElementById('boot').offsetHeight > 0`); !visible {
		t.Error("the message is not visible")
	}
	s.shot("20-too-old")
}

// TestWorkbookEngineFailure bundles a broken engine: the page must set
// data-ncskit-error and show the reason.
func TestWorkbookEngineFailure(t *testing.T) {
	tooltest.Require(t, "chromium")
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	exe, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		t.Fatal(err)
	}
	wb, err := web.Bundle(&web.Page{Wasm: []byte("\x00asm\x01\x00\x00\x00 not really"), WasmExec: exe})
	if err != nil {
		t.Fatal(err)
	}
	s := newTab(t, wb.HTML, "broken.html")
	s.do("navigate", chromedp.Navigate(s.pageURL))
	s.wait("the error", `!!document.documentElement.dataset.ncskitError`)
	if got := evalJS[string](s, `document.documentElement.dataset.ncskitError`); got != "engine" {
		t.Errorf("data-ncskit-error = %q", got)
	}
	if got := s.text("#boot"); !strings.HasPrefix(got, "The workbook could not start its engine: ") {
		t.Errorf("message = %q", got)
	}
	s.shot("21-engine-failure")
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Len()
}

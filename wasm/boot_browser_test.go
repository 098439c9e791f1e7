//go:build !js

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// TestWorkbookBootTiming measures, in headless Chromium from file://, the
// phases of the workbook's start (the page's ncskitStats.boot) over ten
// loads, each in a new tab of one browser profile that no DevTools client
// watches until the page has started (see quietLoad), every other one
// without the answers the page keeps for its next start: median and
// slowest of each, for each kind of start.
// It asserts nothing about the times and runs only when NCSKIT_MEASURE=1.
func TestWorkbookBootTiming(t *testing.T) {
	if os.Getenv("NCSKIT_MEASURE") != "1" {
		t.Skip("a measurement, not a test: set NCSKIT_MEASURE=1 to run it")
	}
	pages := []struct {
		name string
		html []byte
	}{{"this workbook", workbook(t)}}
	// NCSKIT_MEASURE_OTHER names another workbook file (an older build) to
	// load in turn with this one, so that both see the same machine.
	if other := os.Getenv("NCSKIT_MEASURE_OTHER"); other != "" {
		data, err := os.ReadFile(other)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, struct {
			name string
			html []byte
		}{other, data})
	}
	s := newTab(t, pages[0].html, "boot.html")
	for i, p := range pages[1:] {
		if err := os.WriteFile(filepath.Join(s.dir, fmt.Sprintf("other-%d.html", i)), p.html, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Each phase as ms since the previous one, from the page's marks:
	// main module running (and within it the page parsed until the boot
	// script runs, its unpacking, the modules loaded), the payload posted
	// to the worker and received there, then in the worker the payload
	// decoded, the engine compiled and instantiated, Go started and the
	// first call; back in the page the engine ready (the info call's
	// round trip), the model and the words of the page's lists, the
	// stored session, the first screen drawn. A mark an older page does
	// not set reads -1 (its model and words phase runs to the stored
	// session).
	const phasesJS = `(() => {
		const b = window.ncskitStats.boot, w = b.worker, p = b.page || {};
		const v = (x) => Number.isFinite(x) ? x : -1;
		return [b.main, p.boot, p.unpacked - p.boot, b.main - p.unpacked, b.posted - b.main, w.received - b.posted, w.decode, w.instantiate - w.decode, w.run - w.instantiate, w.info,
			b.engine - w.received - w.run, (b.model ?? b.init) - b.engine, b.init - b.model, b.ready - b.init, b.ready, b.engine, b.kept ? 1 : 0].map(v);
	})()`
	names := []string{"navigation → main module", "  page parsed, boot script runs", "  boot script unpacks the scripts",
		"  unpacked → main module runs", "main module → payload posted", "posted → worker has it",
		"worker: decode payload", "worker: compile and instantiate", "worker: Go start-up", "worker: first info call",
		"Go started → engine ready (info)", "engine → model and words", "→ stored session open", "→ first screen drawn",
		"navigation → ready", "navigation → engine up (info)"}
	// Every other load of a page starts without the answers the page keeps
	// for its next start (see main.js): quietLoad forgets them after the
	// load before, so that both starts are measured, on the same machine.
	const loads = 10
	type load struct {
		v    []float64
		kept bool
	}
	runs := make([][]load, len(pages))
	first := s.pageURL
	for i := 0; i < loads; i++ {
		for k := range pages {
			s.pageURL = first
			if k > 0 {
				s.pageURL = strings.TrimSuffix(first, "boot.html") + fmt.Sprintf("other-%d.html", k-1)
			}
			var calls string
			v := quietLoad(s, phasesJS, &calls, i%2 == 1)
			runs[k] = append(runs[k], load{v[:len(v)-1], v[len(v)-1] == 1})
			if i >= loads-2 {
				// The calls before ready: function, ms in Go, ms of the round trip.
				t.Logf("%s, load %d: calls %s", pages[k].name, i+1, calls)
			}
		}
	}
	s.pageURL = first
	for k, p := range pages {
		for _, kept := range []bool{false, true} {
			var group [][]float64
			for _, r := range runs[k] {
				if r.kept == kept {
					group = append(group, r.v)
				}
			}
			if len(group) == 0 {
				continue
			}
			var b strings.Builder
			for j, name := range names {
				var v []float64
				for _, r := range group {
					v = append(v, r[j])
				}
				if quantile(v, 1) < 0 {
					fmt.Fprintf(&b, "\n  %-34s not marked", name)
					continue
				}
				fmt.Fprintf(&b, "\n  %-34s median %6.0f ms, slowest %6.0f ms", name, quantile(v, 0.5), quantile(v, 1))
			}
			how := map[bool]string{false: "without kept answers", true: "with the answers kept at the load before"}[kept]
			t.Logf("%s: %d loads of a %.2f MB page %s:%s", p.name, len(group), float64(len(p.html))/1e6, how, b.String())
		}
	}
}

// quietLoad opens s.pageURL in a new tab that no DevTools client watches
// while it starts, as a facilitator's browser: attaching enables the
// DOM, CSS and Network domains, whose tracking of a 5 MB page doubles its
// parse. It attaches once the page has had time to start (or waits there
// for it), and returns phasesJS's figures and the first calls. forget
// deletes the answers the page keeps for its next start.
func quietLoad(s *tab, phasesJS string, calls *string, forget bool) []float64 {
	s.t.Helper()
	browser := chromedp.FromContext(s.ctx).Browser
	var res target.CreateTargetResult
	if err := browser.Call(s.ctx, target.CommandCreateTarget, target.CreateTargetParams{URL: s.pageURL}, &res); err != nil {
		s.fatalf("open a tab: %v", err)
	}
	time.Sleep(4 * time.Second)
	ctx, cancel := chromedp.NewContext(s.ctx, chromedp.WithTargetID(res.TargetID))
	defer cancel()
	// Poll, which evaluates in the page's frame as it finds it, rather than
	// Evaluate, which waits for a frame that a late attach never announces.
	expr := `(() => { const r = document.documentElement.dataset; if (r.ncskitError) return JSON.stringify({error: r.ncskitError});
		if (r.ncskitReady !== 'true' || !window.ncskitStats.boot.engine) return null; return JSON.stringify({v: ` + phasesJS + `, calls: JSON.stringify(window.ncskitStats.boot.calls || null)}); })()`
	pctx, pcancel := context.WithTimeout(ctx, patience)
	defer pcancel()
	got, err := chromedp.Run(pctx, chromedp.Poll[string](expr, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(0)))
	if err != nil {
		s.fatalf("waiting for the workbook to be ready: %v", err)
	}
	var r struct {
		Error string
		V     []float64
		Calls string
	}
	if err := json.Unmarshal([]byte(got), &r); err != nil || r.Error != "" {
		s.fatalf("the workbook failed to start (%s): %v", r.Error, err)
	}
	*calls = r.Calls
	if forget {
		const forgetJS = `window.__forgot || (window.__forgetting = window.__forgetting || new Promise((ok) => {
			const r = indexedDB.open('ncskit-workbook');
			r.onsuccess = () => { const tx = r.result.transaction('meta', 'readwrite'); tx.objectStore('meta').delete('answers'); tx.oncomplete = () => { r.result.close(); window.__forgot = true; ok(); }; };
		}), false)`
		if _, err := chromedp.Run(pctx, chromedp.Poll[bool](forgetJS, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(0))); err != nil {
			s.fatalf("forget the kept answers: %v", err)
		}
	}
	if err := browser.Call(s.ctx, target.CommandCloseTarget, target.CloseTargetParams{TargetID: res.TargetID}, nil); err != nil {
		s.fatalf("close the tab: %v", err)
	}
	return r.V
}

// keptJS reads the answers the page keeps for its next start (see
// main.js): the build they belong to, and the keys of the answers.
const keptJS = `(async () => {
	` + openDBJS + `
	const k = await new Promise((ok, bad) => { const g = db.transaction('meta').objectStore('meta').get('answers'); g.onsuccess = () => ok(g.result); g.onerror = bad; });
	db.close();
	return k ? JSON.stringify({ build: k.build, keys: Object.keys(k.answers).sort(), info: k.info.length }) : '';
})()`

// TestWorkbookStartsWithKeptAnswers: a first start keeps the engine's
// first answers under the engine's build; the next start of the same
// file opens with them, before the engine runs: the stored session is on
// screen, scored once the engine is up, a key changes and scores it, and
// the screens and language lists are those of the engine's own answers.
// Answers kept for another build are not used, and are replaced.
func TestWorkbookStartsWithKeptAnswers(t *testing.T) {
	s := newTab(t, workbook(t), "kept.html")
	s.open()
	if evalJS[bool](s, `window.ncskitStats.boot.kept`) {
		s.fatalf("a first start used kept answers")
	}
	build := evalJS[string](s, `document.getElementById('ncskit-wasm').dataset.build`)
	want := fmt.Sprintf(`{"build":%q,"keys":["model\n{\"lang\":\"en\"}","vocab\n{\"lang\":\"en\"}","vocab\n{\"lang\":\"es\"}","vocab\n{\"lang\":\"fr\"}","vocab\n{\"lang\":\"pt\"}"]`, build)
	waitKept(s, "the answers kept", want)
	nav := evalJS[string](s, `[...document.querySelectorAll('#nav button')].map((b) => b.dataset.screen).join(' ')`)
	s.openWorkshop(3, 0)
	s.written()

	s.do("reload", chromedp.Reload())
	s.wait("ready again", `document.documentElement.dataset.ncskitReady === 'true'`)
	if !evalJS[bool](s, `window.ncskitStats.boot.kept`) {
		s.fatalf("the second start did not use the kept answers")
	}
	if got := evalJS[string](s, `[...document.querySelectorAll('#nav button')].map((b) => b.dataset.screen).join(' ')`); got != nav {
		s.fatalf("screens %q with kept answers, want %q", got, nav)
	}
	if got := evalJS[int](s, `document.getElementById('page-lang').options.length`); got != 4 {
		s.fatalf("the language switch offers %d languages", got)
	}
	s.wait("the assess screen", `document.documentElement.dataset.screen === 'assess'`)
	s.scored()
	s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
	ind, level := s.newLevel()
	s.key(level)
	s.scored()
	s.shot("05-kept-answers-assess")
	if got := s.storedLevel(ind, "r-big-00"); got != level {
		s.fatalf("stored level of %s = %q, want %s", ind, got, level)
	}

	// Answers of another build are left alone, and replaced.
	evalJS[bool](s, `(async () => {
		`+openDBJS+`
		const tx = db.transaction('meta', 'readwrite');
		const store = tx.objectStore('meta');
		await new Promise((ok, bad) => { const g = store.get('answers'); g.onsuccess = () => { store.put({ ...g.result, build: 'another build' }, 'answers'); ok(); }; g.onerror = bad; });
		await new Promise((ok) => { tx.oncomplete = ok; });
		db.close();
		return true;
	})()`)
	s.do("reload", chromedp.Reload())
	s.wait("ready again", `document.documentElement.dataset.ncskitReady === 'true'`)
	if evalJS[bool](s, `window.ncskitStats.boot.kept`) {
		s.fatalf("the page used answers kept for another build")
	}
	waitKept(s, "the answers kept again", want)
}

// waitKept waits until the answers kept begin as want says.
func waitKept(s *tab, what, want string) {
	s.t.Helper()
	deadline := time.Now().Add(patience)
	for {
		got := evalJS[string](s, keptJS)
		if strings.HasPrefix(got, want) {
			return
		}
		if time.Now().After(deadline) {
			s.fatalf("waiting for %s: kept %s, want %s…", what, got, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

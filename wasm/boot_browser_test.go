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
// watches until the page has started (see quietLoad): median and slowest
// of each.
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
	// Each phase as ms since the previous one, from the page's marks: on
	// the page's thread the main module running (and within it the page
	// parsed until the boot script runs, its unpacking, the modules
	// loaded), the payload posted to the worker, the model and the words
	// of the page's lists ready, the stored session, the first screen
	// drawn; in the worker the payload received, decoded, the engine
	// compiled and instantiated, Go started, and the page hearing of it.
	// A mark a page does not set reads -1.
	const phasesJS = `(() => {
		const b = window.ncskitStats.boot, w = b.worker, p = b.page || {};
		const v = (x) => Number.isFinite(x) ? x : -1;
		return [b.main, p.boot, p.unpacked - p.boot, b.main - p.unpacked, b.posted - b.main, (b.model ?? b.init) - b.posted, b.init - b.model, b.ready - b.init, b.ready,
			w.received - b.posted, w.decode, w.instantiate - w.decode, w.run - w.instantiate, w.info, b.engine - w.received - w.run, b.engine].map(v);
	})()`
	names := []string{"navigation → main module", "  page parsed, boot script runs", "  boot script unpacks the scripts",
		"  unpacked → main module runs", "main module → payload posted", "→ model and words ready", "→ stored session open",
		"→ first screen drawn", "navigation → ready",
		"posted → worker has it", "worker: decode payload", "worker: compile and instantiate", "worker: Go start-up",
		"worker: first info call", "Go started → page hears it", "navigation → engine up"}
	const loads = 10
	runs := make([][][]float64, len(pages))
	first := s.pageURL
	for i := 0; i < loads; i++ {
		for k := range pages {
			s.pageURL = first
			if k > 0 {
				s.pageURL = strings.TrimSuffix(first, "boot.html") + fmt.Sprintf("other-%d.html", k-1)
			}
			var calls string
			runs[k] = append(runs[k], quietLoad(s, phasesJS, &calls))
			if i >= loads-2 {
				// The calls before ready: function, ms in Go, ms of the round trip.
				t.Logf("%s, load %d: calls %s", pages[k].name, i+1, calls)
			}
		}
	}
	s.pageURL = first
	for k, p := range pages {
		var b strings.Builder
		for j, name := range names {
			var v []float64
			for _, r := range runs[k] {
				v = append(v, r[j])
			}
			if quantile(v, 1) < 0 {
				fmt.Fprintf(&b, "\n  %-34s not marked", name)
				continue
			}
			fmt.Fprintf(&b, "\n  %-34s median %6.0f ms, slowest %6.0f ms", name, quantile(v, 0.5), quantile(v, 1))
		}
		t.Logf("%s: %d loads of a %.2f MB page:%s", p.name, len(runs[k]), float64(len(p.html))/1e6, b.String())
	}
}

// quietLoad opens s.pageURL in a new tab that no DevTools client watches
// while it starts, as a facilitator's browser: attaching enables the
// DOM, CSS and Network domains, whose tracking of a 5 MB page doubles its
// parse. It attaches once the page has had time to start (or waits there
// for it), and returns phasesJS's figures and the first calls.
func quietLoad(s *tab, phasesJS string, calls *string) []float64 {
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
	if err := browser.Call(s.ctx, target.CommandCloseTarget, target.CloseTargetParams{TargetID: res.TargetID}, nil); err != nil {
		s.fatalf("close the tab: %v", err)
	}
	return r.V
}

// engineAnswersJS starts a second engine in the page, from the page's own
// worker source, engine and model, as main.js does, and compares its
// answers of "info", "model" and "vocab" in each language the page
// carries with the answers the page carries (#ncskit-first,
// #ncskit-model). It returns the calls whose answers differ, or "same".
const engineAnswersJS = `(async () => {
	const src = document.getElementById('ncskit-worker').textContent;
	const wasm = document.getElementById('ncskit-wasm');
	const model = document.getElementById('ncskit-model').textContent;
	const first = JSON.parse(document.getElementById('ncskit-first').textContent);
	const worker = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
	const answers = new Map();
	const done = new Promise((ok, bad) => {
		worker.onmessage = (e) => {
			const m = e.data;
			if (m.type === 'failed') bad(new Error(m.error));
			if (m.type !== 'result') return;
			if (!m.ok) bad(new Error(m.error));
			answers.set(m.id, JSON.parse(m.value));
			if (answers.size === calls.length) ok();
		};
	});
	const calls = [['info', {}, first.info], ['model', { lang: 'en' }, JSON.parse(model)],
		...Object.entries(first.vocab).map(([lang, v]) => ['vocab', { lang }, v])];
	worker.postMessage({ type: 'init', wasm: wasm.textContent, gzip: Number(wasm.dataset.gzip), model });
	calls.forEach(([fn, arg], i) => worker.postMessage({ type: 'call', id: i, fn, arg: JSON.stringify(arg) }));
	await done;
	worker.terminate();
	const differ = calls.filter(([fn, arg, want], i) => JSON.stringify(answers.get(i)) !== JSON.stringify(want)).map(([fn, arg]) => fn + ' ' + JSON.stringify(arg));
	return [calls.length + ' calls', differ.length ? 'differ: ' + differ.join(', ') : 'same'].join(', ');
})()`

// TestWorkbookFirstAnswers: the page opens with the engine's first
// answers that it carries (info, the model, the names of the values in
// its four languages), never asking the engine for them, and they are the
// answers of the engine it carries, which reads the model the page hands
// it. The first answers that earlier builds kept in the browser's store
// are freed.
func TestWorkbookFirstAnswers(t *testing.T) {
	s := newTab(t, workbook(t), "first.html")
	s.open()
	if got, want := evalJS[string](s, engineAnswersJS), "6 calls, same"; got != want {
		s.fatalf("the engine's answers against the page's: %s, want %s", got, want)
	}
	s.openWorkshop(3, 0)
	s.scored()
	s.wait("the engine up", `!!window.ncskitStats.boot.engine`)
	if got := evalJS[string](s, `window.ncskitStats.boot.calls.map((c) => c[0]).join(' ')`); strings.Contains(got, "info") || strings.Contains(got, "vocab") || strings.Contains(got, "model") {
		s.fatalf("the page asked the engine at its start: %s", got)
	}
	if got := evalJS[int](s, `document.getElementById('page-lang').options.length`); got != 4 {
		s.fatalf("the language switch offers %d languages", got)
	}
	s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
	ind, level := s.newLevel()
	s.key(level)
	s.scored()
	s.written()
	if got := s.storedLevel(ind, "r-big-00"); got != level {
		s.fatalf("stored level of %s = %q, want %s", ind, got, level)
	}

	// What an earlier build kept is freed once the engine is up.
	evalJS[bool](s, `(async () => {
		`+openDBJS+`
		const tx = db.transaction('meta', 'readwrite');
		tx.objectStore('meta').put({ build: 'an earlier build', info: '{}', answers: { model: 'x'.repeat(600000) } }, 'answers');
		await new Promise((ok) => { tx.oncomplete = ok; });
		db.close();
		return true;
	})()`)
	s.do("reload", chromedp.Reload())
	s.wait("ready again", `document.documentElement.dataset.ncskitReady === 'true'`)
	deadline := time.Now().Add(patience)
	for !evalJS[bool](s, `(async () => {
		`+openDBJS+`
		const k = await new Promise((ok, bad) => { const g = db.transaction('meta').objectStore('meta').get('answers'); g.onsuccess = () => ok(g.result); g.onerror = bad; });
		db.close();
		return k === null;
	})()`) {
		if time.Now().After(deadline) {
			s.fatalf("the answers an earlier build kept are still in the store")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

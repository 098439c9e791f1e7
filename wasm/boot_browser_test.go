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
			b.engine - w.received - w.run, (b.model ?? b.init) - b.engine, b.init - b.model, b.ready - b.init, b.ready].map(v);
	})()`
	names := []string{"navigation → main module", "  page parsed, boot script runs", "  boot script unpacks the scripts",
		"  unpacked → main module runs", "main module → payload posted", "posted → worker has it",
		"worker: decode payload", "worker: compile and instantiate", "worker: Go start-up", "worker: first info call",
		"Go started → engine ready (info)", "engine → model and words", "→ stored session open", "→ first screen drawn",
		"navigation → ready"}
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
			if i == loads-1 {
				// The calls before ready: function, ms in Go, ms of the round trip.
				t.Logf("%s, last load: calls %s", pages[k].name, calls)
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
				fmt.Fprintf(&b, "\n  %-34s not marked by this page", name)
				continue
			}
			fmt.Fprintf(&b, "\n  %-34s median %6.0f ms, slowest %6.0f ms", name, quantile(v, 0.5), quantile(v, 1))
		}
		t.Logf("%s: %d loads of a %.2f MB page:%s", p.name, loads, float64(len(p.html))/1e6, b.String())
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
		if (r.ncskitReady !== 'true') return null; return JSON.stringify({v: ` + phasesJS + `, calls: JSON.stringify(window.ncskitStats.boot.calls || null)}); })()`
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

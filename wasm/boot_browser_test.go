//go:build !js

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestWorkbookBootTiming measures, in headless Chromium from file://, the
// phases of the workbook's start (the page's ncskitStats.boot) over ten
// loads of an empty browser profile's page: median and slowest of each.
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
	// script runs, its unpacking, the modules loaded), the payload posted to the worker and received
	// there, then in the worker the payload decoded, the engine compiled
	// and instantiated, Go started and the first call; back in the page
	// the engine ready (the info call's round trip), the model and the
	// words of the page's lists, the stored session, the first screen
	// drawn. A mark an older page does not set reads -1 (its model and
	// words phase runs to the stored session).
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
			s.open()
			runs[k] = append(runs[k], evalJS[[]float64](s, phasesJS))
			if i == loads-1 {
				// The calls before ready: function, ms in Go, ms of the round trip.
				t.Logf("%s, last load: calls %s", pages[k].name, evalJS[string](s, `JSON.stringify(window.ncskitStats.boot.calls || null)`))
			}
			s.do("blank", chromedp.Navigate("about:blank"))
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

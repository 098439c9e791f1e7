//go:build !js

package main

import (
	"fmt"
	"os"
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
	html := workbook(t)
	s := newTab(t, html, "boot.html")
	// Each phase as ms since the previous one, from the page's marks:
	// main module running, then in the worker the payload decoded, the
	// engine compiled and instantiated, Go started, the first call, and
	// the page ready.
	const phasesJS = `(() => {
		const b = window.ncskitStats.boot, w = b.worker;
		return [b.main, w.decode, w.instantiate - w.decode, w.run - w.instantiate, w.info, b.ready];
	})()`
	names := []string{"navigation → main module", "worker: decode payload", "worker: compile and instantiate",
		"worker: Go start-up", "worker: first info call", "navigation → ready"}
	const loads = 10
	var runs [][]float64
	for i := 0; i < loads; i++ {
		s.open()
		runs = append(runs, evalJS[[]float64](s, phasesJS))
		s.do("blank", chromedp.Navigate("about:blank"))
	}
	var b strings.Builder
	for k, name := range names {
		var v []float64
		for _, r := range runs {
			v = append(v, r[k])
		}
		fmt.Fprintf(&b, "\n  %-34s median %6.0f ms, slowest %6.0f ms", name, quantile(v, 0.5), quantile(v, 1))
	}
	t.Logf("%d loads of a %.2f MB page:%s", loads, float64(len(html))/1e6, b.String())
}

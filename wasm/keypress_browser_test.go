//go:build !js

package main

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// keypressJS watches the Assess screen: for each level key pressed it
// records the time from the key event to the first frame after it, to
// the moment the list's mark of the indicator shows the new level and the
// strip under the card (the score, the spread and the disagreement cue)
// has been drawn for that change, to the next frame after that, to the
// moment the engine's own score of the change is in, and to the moment
// the change is written to the store.
const keypressJS = `(() => {
	const w = window.__keys = { first: [], dom: [], frame: [], scored: [], saved: [], pending: null };
	addEventListener('keydown', (e) => {
		const d = document.documentElement.dataset;
		if (!/^[1-5]$/.test(e.key)) return;
		const t0 = e.timeStamp;
		w.pending = { t0, key: e.key, want: Number(d.ncskitVersion) + 1, ind: document.querySelector('button.ind[aria-current]') ? document.querySelector('button.ind[aria-current]').dataset.ind : '' };
		requestAnimationFrame(() => w.first.push(performance.now() - t0));
	}, true);
	const check = () => {
		const p = w.pending;
		if (!p) return;
		const d = document.documentElement.dataset;
		const mark = document.querySelector('button.ind[data-ind="' + p.ind + '"] .mark');
		const strip = document.getElementById('strip');
		if (!p.drawn && mark && mark.textContent === p.key && strip && Number(strip.dataset.version) >= p.want) {
			p.drawn = performance.now();
			w.dom.push(p.drawn - p.t0);
			requestAnimationFrame(() => w.frame.push(performance.now() - p.t0));
		}
		if (!p.scored && Number(d.ncskitScoredVersion) >= p.want) {
			p.scored = performance.now();
			w.scored.push(p.scored - p.t0);
		}
		if (p.drawn && p.scored && Number(d.ncskitWrittenVersion) >= p.want) {
			w.pending = null;
			w.saved.push(performance.now() - p.t0);
		}
	};
	// The marks and the strip change in the screen, the versions scored
	// and written on <html>, in any order.
	new MutationObserver(check).observe(document.getElementById('screen'), { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-version'] });
	new MutationObserver(check).observe(document.documentElement, { attributes: true, attributeFilter: ['data-ncskit-scored-version', 'data-ncskit-written-version'] });
	return true;
})()`

// TestWorkbookKeypressTiming measures, in headless Chromium from file://,
// the time from a level key to the list mark and the disagreement cue
// being redrawn, on sessions of 3 and of 30 respondents who have answered
// every indicator, and of 30 with 10 snapshots of the whole assessment:
// median and 95th percentile over 40 presses, with the median of each
// part of the work (app.stats.parts), and its 95th percentile. In
// Chromium the engine's answer to a key is handled only once the frame
// after the key has been drawn: the strip drawn in that frame is the one
// the engine scored ahead (wasm/preview.go), and it reports how many keys
// used one.
// It asserts nothing about the times and runs only when
// NCSKIT_MEASURE=1.
func TestWorkbookKeypressTiming(t *testing.T) {
	if os.Getenv("NCSKIT_MEASURE") != "1" {
		t.Skip("a measurement, not a test: set NCSKIT_MEASURE=1 to run it")
	}
	html := workbook(t)
	for _, c := range []struct{ people, snapshots int }{{3, 0}, {30, 0}, {30, 10}} {
		people := c.people
		s := newTab(t, html, fmt.Sprintf("keys-%d-%d.html", people, c.snapshots))
		s.open()
		s.openWorkshop(people, c.snapshots)
		evalJS[bool](s, keypressJS)
		s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
		const presses = 40
		// Levels 5, 1, 4, 2, 3, ...: every press changes the answer, and
		// the spread with it; the first differs from the answer given.
		levels := []string{"5", "1", "4", "2", "3"}
		if evalJS[string](s, `document.querySelector('button.ind[aria-current] .mark').textContent`) == levels[0] {
			levels = []string{"1", "4", "2", "3", "5"}
		}
		for i := 0; i < presses; i++ {
			s.key(levels[i%5])
			s.wait("the redraw and the write", fmt.Sprintf(`window.__keys.frame.length === %d && window.__keys.saved.length === %d`, i+1, i+1))
		}
		first := evalJS[[]float64](s, `window.__keys.first`)
		dom := evalJS[[]float64](s, `window.__keys.dom`)
		frame := evalJS[[]float64](s, `window.__keys.frame`)
		parts := evalJS[[][]float64](s, `window.ncskitStats.parts.slice(-40)`)
		var medians []string
		for k := range parts[0] {
			var v []float64
			for _, p := range parts {
				if k < len(p) {
					v = append(v, p[k])
				}
			}
			medians = append(medians, fmt.Sprintf("%.1f/%.1f", quantile(v, 0.5), quantile(v, 0.95)))
		}
		saved := evalJS[[]float64](s, `window.__keys.saved`)
		scored := evalJS[[]float64](s, `window.__keys.scored`)
		t.Logf("%d respondents × 55 answers, %d snapshots, %d presses: key → first frame median %.1f ms, p95 %.1f ms; → mark and cue in the DOM median %.1f ms, p95 %.1f ms; → next frame median %.1f ms, p95 %.1f ms; → the engine's score in median %.1f ms, p95 %.1f ms (%d of %d keys drawn from the score made ahead); → written median %.1f ms, p95 %.1f ms; in the engine median %.1f ms; parts (median/p95 ms: %s) %s",
			people, c.snapshots, len(dom), quantile(first, 0.5), quantile(first, 0.95), quantile(dom, 0.5), quantile(dom, 0.95), quantile(frame, 0.5), quantile(frame, 0.95), quantile(scored, 0.5), quantile(scored, 0.95), evalJS[int](s, `window.ncskitStats.previewed || 0`), presses, quantile(saved, 0.5), quantile(saved, 0.95),
			quantile(evalJS[[]float64](s, `window.ncskitStats.engine.slice(-40)`), 0.5), evalJS[string](s, `window.ncskitStats.partNames || ''`), strings.Join(medians, " "))
	}
}

// quantile is the nearest-rank quantile q of v.
func quantile(v []float64, q float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	i := int(math.Ceil(q*float64(len(s)))) - 1
	return s[max(0, min(i, len(s)-1))]
}

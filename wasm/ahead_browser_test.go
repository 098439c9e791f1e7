//go:build !js

package main

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestWorkbookKeyDrawsAhead: a level key draws the strip under the card
// (level, spread, disagreement cue) as it handles the key, from the
// scores the engine made ahead for the shown indicator and respondent
// (wasm/preview.go), and the engine's own score of the change then
// draws the same strip. Levels, n/a and unknown are scored ahead, and a
// move to another indicator asks for its scores.
func TestWorkbookKeyDrawsAhead(t *testing.T) {
	s := newTab(t, workbook(t), "ahead.html")
	s.open()
	s.openWorkshop(3, 0)
	s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
	// Before the page handles a key (capture, on window) and right after
	// (bubble, on window, after the page's listener on document).
	evalJS[bool](s, `(() => {
		window.__strips = [];
		const strip = () => document.getElementById('strip').textContent;
		addEventListener('keydown', (e) => { if (/^[0-5u]$/.test(e.key)) window.__strips.push({ before: strip() }); }, true);
		addEventListener('keydown', (e) => { if (/^[0-5u]$/.test(e.key)) window.__strips[window.__strips.length - 1].atKey = strip(); });
		return true;
	})()`)
	keys := []string{"5", "1", "0", "4", "u", "2", kb.ArrowRight, "3", "1", "5"}
	pressed, changed := 0, 0
	for _, k := range keys {
		s.wait("the scores made ahead", aheadJS)
		shown := evalJS[string](s, `document.querySelector('button.ind[aria-current]').dataset.ind`)
		s.key(k)
		if k == kb.ArrowRight {
			s.wait("the next indicator", fmt.Sprintf(`document.querySelector('button.ind[aria-current]').dataset.ind !== %q && !!document.getElementById('strip').dataset.says`, shown))
			continue
		}
		pressed++
		s.scored()
		s.written()
		got := evalJS[[]string](s, fmt.Sprintf(`(() => { const r = window.__strips[%d]; return [r.before, r.atKey, document.getElementById('strip').textContent]; })()`, pressed-1))
		if got[1] != got[2] {
			s.fatalf("key %s: the strip at the key says %q, the engine's score %q", k, got[1], got[2])
		}
		if got[0] != got[1] {
			changed++
		}
	}
	if changed < pressed/2 {
		s.fatalf("the strip changed at %d of %d keys", changed, pressed)
	}
	if got := evalJS[int](s, `window.ncskitStats.previewed || 0`); got != pressed {
		s.fatalf("%d of %d keys drew the strip from the scores made ahead", got, pressed)
	}
}

// aheadJS says that the page holds the scores made ahead for the shown
// indicator and respondent at the engine's revision.
const aheadJS = `window.ncskitStats.ahead === window.ncskitStats.liveRev + ' ' + document.querySelector('button.ind[aria-current]').dataset.ind + ' ' + document.getElementById('respondent').value`

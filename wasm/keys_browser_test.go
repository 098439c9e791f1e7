//go:build !js

package main

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestWorkbookKeysMerged presses level keys on a session of 3
// respondents (so that one answer moves the consolidated levels), where
// the engine answers a key with what changed and the page merges it into
// the result it holds. The Results screen and the Assess list in the
// consensus view, with its summary, then read as they do after a reload,
// which scores the stored session whole. A key pressed just before a
// reload is kept.
func TestWorkbookKeysMerged(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "keys-merged.html")
	s.open()
	s.openWorkshop(3, 0)
	s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
	for i := 0; i < 12; i++ {
		s.key([]string{"1", "5", "2"}[i%3])
		s.scored()
		if i%3 == 2 {
			s.key(kb.ArrowRight)
		}
	}
	screens := func() (list, results string) {
		s.t.Helper()
		s.goTo("assess")
		s.consensus()
		s.wait("the consensus list", `!!document.getElementById('consensus-summary') && [...document.querySelectorAll('button.ind .mark')].filter((m) => m.textContent).length > 50`)
		list = evalJS[string](s, `[...document.querySelectorAll('button.ind')].map((b) => b.dataset.ind + ' ' + b.textContent).join('\n') + '\n' + document.getElementById('strip').textContent + '\n' + document.getElementById('consensus-summary').textContent`)
		s.goTo("results")
		s.wait("the results with the plan", `!!document.getElementById('coverage') && !document.getElementById('screen').textContent.includes('Checking what the plan can meet')`)
		results = evalJS[string](s, `document.getElementById('screen').innerText`)
		return list, results
	}
	if n := evalJS[int](s, `window.ncskitStats.merged`); n < 6 {
		s.fatalf("only %d of the 12 key presses were answered with what changed", n)
	}
	list, results := screens()
	s.do("reload", chromedp.Reload())
	s.wait("ready again", `document.documentElement.dataset.ncskitReady === 'true'`)
	list2, results2 := screens()
	if list2 != list {
		s.fatalf("the Assess list after the keys differs from the one after a reload:\n%s\n---\n%s", list, list2)
	}
	if results2 != results {
		s.fatalf("the Results screen after the keys differs from the one after a reload:\n%s\n---\n%s", results, results2)
	}
}

// TestWorkbookKeyThenReload reloads the page right after a level key on a
// session of 30 respondents, whose write to IndexedDB the reload would
// interrupt: the answer is kept, with its entry in the change log.
func TestWorkbookKeyThenReload(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "key-reload.html")
	s.open()
	s.openWorkshop(30, 0)
	logged := s.stored(`s.log.length`)
	s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
	ind, level := s.newLevel()
	s.key(level)
	s.do("reload at once", chromedp.Reload())
	s.wait("ready again", `document.documentElement.dataset.ncskitReady === 'true'`)
	s.goTo("assess")
	s.wait("the answer given before the reload", fmt.Sprintf(`(document.querySelector('button.ind[data-ind=%q] .mark') || {}).textContent === %q`, ind, level))
	s.scored()
	if got, want := s.stored(`s.log.length`), fmt.Sprint(atoi(logged)+1); got != want {
		s.fatalf("the stored change log has %s entries after the reload, want %s", got, want)
	}
}

// holdWritesJS, run in a page before its own scripts, holds back the
// page's notice that a write to IndexedDB has finished while
// window.__holdWrites is true: the write reaches the store, and its
// complete event waits in window.__held.
const holdWritesJS = `(() => {
	const transaction = IDBDatabase.prototype.transaction;
	window.__held = [];
	IDBDatabase.prototype.transaction = function (...args) {
		const tx = transaction.apply(this, args);
		if (args[1] !== 'readwrite') return tx;
		let handler = null;
		Object.defineProperty(tx, 'oncomplete', {
			get() { return handler; },
			set(fn) {
				handler = fn;
				tx.addEventListener('complete', (e) => {
					if (window.__holdWrites) window.__held.push(() => fn.call(tx, e));
					else fn.call(tx, e);
				});
			},
		});
		return tx;
	};
})()`

// TestWorkbookWrittenThenReload reloads the page when the write of one
// answer has reached the store but the page has not yet heard that it
// finished, and a second answer was given meanwhile: after the reload
// both answers are there, in the store too, each with its entry in the
// change log.
func TestWorkbookWrittenThenReload(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "written-reload.html")
	if _, err := chromedp.Call(s.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: holdWritesJS}); err != nil {
		t.Fatal(err)
	}
	s.open()
	s.openWorkshop(3, 0)
	logged := s.stored(`s.log.length`)
	s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
	evalJS[bool](s, `window.__holdWrites = true`)
	ind1, level1 := s.newLevel()
	s.key(level1)
	s.scored()
	s.wait("the first answer in the store, unheard of", `window.__held.length === 1`)
	s.key(kb.ArrowRight)
	s.wait("the next indicator", fmt.Sprintf(`document.querySelector('button.ind[aria-current]').dataset.ind !== %q`, ind1))
	ind2, level2 := s.newLevel()
	s.key(level2)
	s.scored()
	s.do("reload", chromedp.Reload())
	s.wait("ready again", `document.documentElement.dataset.ncskitReady === 'true'`)
	s.goTo("assess")
	for _, a := range [][2]string{{ind1, level1}, {ind2, level2}} {
		s.wait("the answer to "+a[0], fmt.Sprintf(`(document.querySelector('button.ind[data-ind=%q] .mark') || {}).textContent === %q`, a[0], a[1]))
	}
	s.scored()
	for _, a := range [][2]string{{ind1, level1}, {ind2, level2}} {
		if got := s.storedLevel(a[0], "r-big-00"); got != a[1] {
			s.fatalf("stored level of %s = %q, want %s", a[0], got, a[1])
		}
	}
	if got, want := s.stored(`s.log.length`), fmt.Sprint(atoi(logged)+2); got != want {
		s.fatalf("the stored change log has %s entries after the reload, want %s", got, want)
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// newLevel returns the indicator shown on the Assess screen and a level
// key that changes its answer (4, or 3 where the answer is 4).
func (s *tab) newLevel() (ind, level string) {
	s.t.Helper()
	ind = evalJS[string](s, `document.querySelector('button.ind[aria-current]').dataset.ind`)
	level = "4"
	if evalJS[string](s, `document.querySelector('button.ind[aria-current] .mark').textContent`) == level {
		level = "3"
	}
	return ind, level
}

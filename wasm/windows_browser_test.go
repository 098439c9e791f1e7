//go:build !js

package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// another opens a second tab in the browser of s, on the same page, or on
// a copy of it named file in the same directory. script, if any, runs in
// the tab before the page's own scripts.
func (s *tab) another(file, script string) *tab {
	s.t.Helper()
	o := &tab{t: s.t, dir: s.dir, artifacts: s.artifacts, downloads: s.downloads, pageURL: s.pageURL}
	if file != "" {
		u, err := url.Parse(s.pageURL)
		if err != nil {
			s.t.Fatal(err)
		}
		html, err := os.ReadFile(u.Path)
		if err != nil {
			s.t.Fatal(err)
		}
		p := filepath.Join(s.dir, file)
		os.MkdirAll(filepath.Dir(p), 0o777)
		if err := os.WriteFile(p, html, 0o644); err != nil {
			s.t.Fatal(err)
		}
		o.pageURL = (&url.URL{Scheme: "file", Path: p}).String()
	}
	ctx, cancel := chromedp.NewContext(s.ctx)
	s.t.Cleanup(cancel)
	o.ctx = ctx
	if err := chromedp.Do(ctx); err != nil {
		s.t.Fatal(err)
	}
	if script != "" {
		if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script}); err != nil {
			s.t.Fatal(err)
		}
	}
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			o.mu.Lock()
			o.console = append(o.console, fmt.Sprintf("%s: %s", m.Type, m.Text))
			o.mu.Unlock()
		}
	}()
	return o
}

// front brings the tab to the front, as a facilitator switching windows.
func (s *tab) front() {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, patience)
	defer cancel()
	if _, err := chromedp.Call(ctx, page.BringToFront, cdp.Empty{}); err != nil {
		s.fatalf("bring to front: %v", err)
	}
}

// openDBJS, in an async function of a page, opens the workbook's
// IndexedDB database as db.
const openDBJS = `const db = await new Promise((ok, bad) => { const r = indexedDB.open('ncskit-workbook'); r.onsuccess = () => ok(r.result); r.onerror = bad; });`

// stored evaluates expr on the session the tab has open, as the
// browser's store holds it (s, with its snapshots), and returns the
// result as JSON. It waits for the write of the last change first.
func (s *tab) stored(expr string) string {
	s.t.Helper()
	s.written()
	return evalJS[string](s, `(async () => {
		`+openDBJS+`
		const get = (store, key) => new Promise((ok, bad) => { const g = db.transaction(store).objectStore(store).get(key); g.onsuccess = () => ok(g.result); g.onerror = bad; });
		const s = await get('sessions', await get('meta', 'current'));
		// The snapshots are kept apart from the session (store.js).
		if (s && s.snapshots === null) s.snapshots = ((await get('sessions', s.id + '\u0000snapshots')) || { snapshots: 'none kept apart' }).snapshots;
		db.close();
		return JSON.stringify((() => (`+expr+`))()) ?? '';
	})()`)
}

// storedLevel reads, from the browser's store, the level respondent
// rid gave indicator ind in the session the tab has open ("" when none).
func (s *tab) storedLevel(ind, rid string) string {
	s.t.Helper()
	return strings.Trim(s.stored(fmt.Sprintf(`(s.assessment.responses.find((x) => x.indicator === %q && x.respondent === %q) || {level: ''}).level`, ind, rid)), `"`)
}

// answer shows indicator ind for the first respondent and presses a level.
func (s *tab) answer(ind, level string) {
	s.t.Helper()
	s.front()
	evalJS[bool](s, fmt.Sprintf(`(() => { document.querySelector('button.ind[data-ind=%q]').click(); return true; })()`, ind))
	s.wait(ind, fmt.Sprintf(`document.getElementById('ind-title').textContent.startsWith(%q + ' ')`, ind))
	s.do("focus the card", chromedp.Focus(chromedp.ID("ind-title")))
	s.key(level)
	s.scored()
}

// TestWorkbookTwoWindows opens one session in several tabs of one browser:
// an answer made in one tab shows in the other without a reload, the other
// tab's next answer keeps it, and a tab that did not hear of a change
// (no BroadcastChannel) merges its answer with it instead of overwriting.
// A copy of the file at another path sees the same sessions.
func TestWorkbookTwoWindows(t *testing.T) {
	html := workbook(t)
	a := newTab(t, html, "two-windows.html")
	a.open()
	a.openExample()
	a.goTo("assess")
	a.wait("the first respondent", `document.getElementById('respondent').value === 'r-gov-1'`)

	b := a.another("", "")
	b.open()
	b.wait("the session in the second tab", `document.documentElement.dataset.screen === 'assess' && document.getElementById('respondent').value === 'r-gov-1'`)
	mark := func(s *tab, ind string) string {
		return fmt.Sprintf(`document.querySelector('button.ind[data-ind=%q] .mark').textContent`, ind)
	}

	// A answers; B shows it without a reload.
	a.answer("GOV.STR.1", "5")
	b.wait("A's answer in B", mark(b, "GOV.STR.1")+` === '5'`)
	b.shot("40-second-window-follows")

	// B answers another indicator: A's answer stays, in the store and in A.
	b.answer("GOV.STR.2", "4")
	a.wait("B's answer in A", mark(a, "GOV.STR.2")+` === '4'`)
	if got := a.storedLevel("GOV.STR.1", "r-gov-1"); got != "5" {
		a.fatalf("after B's change the stored GOV.STR.1 is %q, want A's 5", got)
	}
	if got := a.storedLevel("GOV.STR.2", "r-gov-1"); got != "4" {
		a.fatalf("stored GOV.STR.2 = %q, want 4", got)
	}

	// C hears nothing from the others (no BroadcastChannel, no storage
	// events): its answer, made on an old copy, is merged with A's.
	c := a.another("", deafJS)
	c.open()
	c.wait("the session in the third tab", `document.documentElement.dataset.screen === 'assess' && document.getElementById('respondent').value === 'r-gov-1'`)
	a.answer("GOV.STR.3", "5")
	b.wait("A's third answer in B", mark(b, "GOV.STR.3")+` === '5'`)
	c.answer("GOV.LEAD.1", "5")
	c.wait("the merge", scoredJS+` && `+writtenJS+` && `+mark(c, "GOV.STR.3")+` === '5'`)
	if got := c.text("#toasts"); !strings.Contains(got, "Another window changed this session at the same moment. Both sets of changes are kept") {
		c.fatalf("no word of the merge: %q", got)
	}
	c.shot("41-third-window-merged")
	for ind, want := range map[string]string{"GOV.STR.1": "5", "GOV.STR.2": "4", "GOV.STR.3": "5", "GOV.LEAD.1": "5"} {
		if got := c.storedLevel(ind, "r-gov-1"); got != want {
			c.fatalf("stored %s = %q, want %q", ind, got, want)
		}
	}
	a.wait("C's answer in A", mark(a, "GOV.LEAD.1")+` === '5'`)
	b.wait("C's answer in B", mark(b, "GOV.LEAD.1")+` === '5'`)

	// A copy of the file elsewhere lists the same session, and says so.
	d := a.another(filepath.Join("elsewhere", "copy of the workbook.html"), "")
	d.open()
	d.goTo("sessions")
	d.wait("the session list", `document.querySelector('#session-list table') && document.querySelector('#session-list').textContent.includes('Corallia 2026-10-14')`)
	if got := d.text("#shared-storage"); !strings.Contains(got, "another copy of the workbook file") {
		d.fatalf("the Sessions screen says %q", got)
	}

	// D deletes the session: A, which shows it, says so and keeps it;
	// its next answer stores the session again, whole.
	d.front()
	d.do("delete", chromedp.Click(chromedp.CSS(`#session-list tbody tr:first-child button.delete`)))
	d.do("confirm", chromedp.Click(chromedp.CSS(`#delete-session button.confirm`)))
	d.wait("no session", `document.getElementById('session-list').textContent.includes('No session yet')`)
	a.wait("word of the deletion", `document.getElementById('toasts').textContent.includes('This session was deleted in another window. It stays open here')`)
	a.answer("GOV.LEAD.2", "5")
	for ind, want := range map[string]string{"GOV.STR.1": "5", "GOV.LEAD.1": "5", "GOV.LEAD.2": "5"} {
		if got := a.storedLevel(ind, "r-gov-1"); got != want {
			a.fatalf("after the deletion, stored %s = %q, want %q", ind, got, want)
		}
	}
	d.goTo("sessions")
	d.wait("the session back in the list", `document.querySelector('#session-list').textContent.includes('Corallia 2026-10-14')`)
	for _, s := range []*tab{a, b, c, d} {
		s.checkLocal()
	}
}

// deafJS, run in a page before its own scripts, keeps it from hearing of
// other windows' writes: no BroadcastChannel, no storage events.
const deafJS = `delete window.BroadcastChannel; window.addEventListener = ((add) => function (type, ...rest) {
	if (type === 'storage') return;
	return add.call(this, type, ...rest);
})(window.addEventListener);`

// dropWritesJS, run in a page before its own scripts, lets the next
// window.__passWrites writes of a session reach the store, once that is
// set, and then cuts every other one short: it is aborted and the page
// never hears how it ended, as when the page is reloaded while the write
// is under way. window.__dropped counts them.
const dropWritesJS = `(() => {
	const transaction = IDBDatabase.prototype.transaction;
	window.__dropped = 0;
	IDBDatabase.prototype.transaction = function (...args) {
		const tx = transaction.apply(this, args);
		if (args[1] !== 'readwrite' || ![].concat(args[0]).includes('sessions') || window.__passWrites === undefined) return tx;
		if (window.__passWrites > 0) {
			window.__passWrites--;
			return tx;
		}
		window.__dropped++;
		for (const on of ['oncomplete', 'onerror', 'onabort']) Object.defineProperty(tx, on, { get() { return null; }, set() {} });
		queueMicrotask(() => tx.abort());
		return tx;
	};
})();`

// TestWorkbookMergedThenReload reloads a tab whose answer met another
// tab's write of the same session, was merged with it, and whose write of
// the merged session was cut short by the reload: after the reload the
// tab shows both answers, and the store holds both.
func TestWorkbookMergedThenReload(t *testing.T) {
	html := workbook(t)
	a := newTab(t, html, "merged-reload.html")
	a.open()
	a.openExample()
	a.goTo("assess")
	a.wait("the first respondent", `document.getElementById('respondent').value === 'r-gov-1'`)
	c := a.another("", deafJS+dropWritesJS)
	c.open()
	c.wait("the session in the second tab", `document.documentElement.dataset.screen === 'assess' && document.getElementById('respondent').value === 'r-gov-1'`)
	mark := func(ind string) string {
		return fmt.Sprintf(`(document.querySelector('button.ind[data-ind=%q] .mark') || {}).textContent`, ind)
	}
	a.answer("GOV.STR.3", "5")
	a.written()
	evalJS[bool](c, `(window.__passWrites = 1, true)`)
	c.answer("GOV.LEAD.1", "5")
	c.wait("the merge, and its write cut short", `window.__dropped === 1 && document.getElementById('toasts').textContent.includes('Another window changed this session')`)
	c.do("reload", chromedp.Reload())
	c.wait("ready again", `document.documentElement.dataset.ncskitReady === 'true'`)
	c.wait("both answers after the reload", mark("GOV.LEAD.1")+` === '5' && `+mark("GOV.STR.3")+` === '5'`)
	for ind, want := range map[string]string{"GOV.STR.3": "5", "GOV.LEAD.1": "5"} {
		if got := c.storedLevel(ind, "r-gov-1"); got != want {
			c.fatalf("after the reload, stored %s = %q, want %q", ind, got, want)
		}
	}
}

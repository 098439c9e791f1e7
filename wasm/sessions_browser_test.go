//go:build !js

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
)

// TestWorkbookSessionsDeleteRename renames sessions on the Sessions
// screen, the open one and another, and deletes them: each deletion asks
// first and offers to save the session's file, which the library reads.
func TestWorkbookSessionsDeleteRename(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "sessions.html")
	s.open()
	for _, f := range []string{"small-island.json", "larger-state.json"} {
		p, _ := filepath.Abs(filepath.Join("..", "examples", f))
		s.goTo("sessions")
		s.do("open "+f, chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{p}))
		s.wait("the session", `document.documentElement.dataset.screen === 'setup'`)
	}
	s.goTo("sessions")
	s.wait("two sessions", `document.querySelectorAll('#session-list tbody tr').length === 2`)
	s.barFits()
	if out := evalJS[string](s, `[...document.querySelectorAll('#session-list button')].filter((b) => b.getBoundingClientRect().right > innerWidth).map((b) => b.textContent).join(', ')`); out != "" {
		s.fatalf("buttons of the list out of the window: %s", out)
	}
	corallia := evalJS[string](s, `[...document.querySelectorAll('#session-list tbody tr')].find((r) => r.textContent.includes('Corallia')).dataset.session`)
	row := `#session-list tr[data-session="` + corallia + `"]`

	// Rename a session that is not open.
	s.do("rename", chromedp.Click(chromedp.CSS(row+` button.rename`)))
	s.do("new name", chromedp.SetValue(chromedp.CSS(row+` form.rename input`), "Corallia day 1 "+xss), chromedp.Click(chromedp.CSS(row+` form.rename button[type=submit]`)))
	s.wait("the new name", `document.querySelector('`+row+` .name').textContent === `+jsString("Corallia day 1 "+xss))
	s.noXSS()

	// Rename the open one: the bar follows.
	open := `#session-list tr.current`
	s.do("rename the open one", chromedp.Click(chromedp.CSS(open+` button.rename`)))
	s.do("new name", chromedp.SetValue(chromedp.CSS(open+` form.rename input`), "Solandía taller"), chromedp.Focus(chromedp.CSS(open+` form.rename input`)))
	s.key(kb.Enter)
	s.wait("the new name in the bar", `document.getElementById('session-title').textContent === 'Solandía taller' && document.querySelector('`+open+` .name').textContent === 'Solandía taller'`)

	// Delete Corallia: asked first; its file saved from the dialog; Cancel
	// keeps it.
	s.do("delete", chromedp.Click(chromedp.CSS(row+` button.delete`)))
	s.wait("the question", `document.getElementById('delete-session').open && document.getElementById('delete-title').textContent.includes('Corallia day 1')`)
	if n := evalJS[int](s, `document.querySelectorAll('#session-list tbody tr').length`); n != 2 {
		s.fatalf("%d sessions before the deletion was confirmed", n)
	}
	s.shot("90-delete-session")
	s.do("save its file", chromedp.Click(chromedp.CSS(`#delete-session button.save-first`)))
	saved := s.waitDownload(".ncskit-session.json")
	data, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	f, err := load.ReadSession("saved.json", data, assess.Default())
	if err != nil || f.File.Name != "Corallia day 1 "+xss || f.Assessment.Profile.Country != "Corallia" {
		t.Fatalf("the file saved before deleting: %v, %+v", err, f)
	}
	if last := f.File.Log[len(f.File.Log)-1]; last.Note != `renamed to "Corallia day 1 `+xss+`"` || !strings.Contains(string(last.Old), "Corallia 2026-10-14") {
		t.Errorf("the rename in the log: %+v", last)
	}
	s.do("cancel", chromedp.Click(chromedp.CSS(`#delete-session button.cancel`)))
	s.wait("no question", `!document.getElementById('delete-session')`)
	if n := evalJS[int](s, `document.querySelectorAll('#session-list tbody tr').length`); n != 2 {
		s.fatalf("%d sessions after Cancel", n)
	}
	s.do("delete", chromedp.Click(chromedp.CSS(row+` button.delete`)))
	s.do("confirm", chromedp.Click(chromedp.CSS(`#delete-session button.confirm`)))
	s.wait("one session", `document.querySelectorAll('#session-list tbody tr').length === 1 && !document.getElementById('delete-session')`)
	if got := s.stored(`s.name`); got != `"Solandía taller"` {
		s.fatalf("the open session is now %s", got)
	}
	if got := evalJS[bool](s, `(async () => {
		const db = await new Promise((ok) => { const r = indexedDB.open('ncskit-workbook'); r.onsuccess = () => ok(r.result); });
		const get = (key) => new Promise((ok) => { const g = db.transaction('sessions').objectStore('sessions').get(key); g.onsuccess = () => ok(g.result); });
		const v = await get(`+jsString(corallia)+`);
		const apart = await get(`+jsString(corallia)+` + '\u0000snapshots');
		db.close();
		return v === undefined && apart === undefined && localStorage.getItem('ncskit.place.' + `+jsString(corallia)+`) === null;
	})()`); !got {
		s.fatalf("the deleted session is still stored")
	}

	// Delete the open session: the workbook has none open.
	s.do("delete the open one", chromedp.Click(chromedp.CSS(open+` button.delete`)))
	s.do("confirm", chromedp.Click(chromedp.CSS(`#delete-session button.confirm`)))
	s.wait("no session", `document.getElementById('session-title').textContent === 'No session open' && document.getElementById('session-list').textContent.includes('No session yet')`)
	s.do("reload", chromedp.Reload())
	s.wait("ready", `document.documentElement.dataset.ncskitReady === 'true'`)
	if got := s.text("#session-title"); got != "No session open" {
		s.fatalf("after a reload: %q", got)
	}
	s.checkLocal()
}

func jsString(v string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`).Replace(v) + "'"
}

//go:build !js

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/chromedp/chromedp"

	"github.com/ncskit/ncskit/internal/texttest"
)

// stopWords are English words that none of Spanish, French and
// Portuguese uses: the function words of texttest.EnglishWords and the
// words of the page's own controls (not "session", "file" or "change",
// which French has). One of them in a screen of the page in those
// languages is an English text left behind.
var stopWords = append(slices.Clone(texttest.EnglishWords),
	"your", "save", "saved", "open", "draft", "answer", "answers",
	"level", "target", "files", "add", "remove", "delete", "edit", "cancel", "undo", "redo",
	"yet", "none", "before", "after", "choose", "show", "download", "import", "respondent",
	"respondents", "stakeholder", "stakeholders", "indicator", "indicators",
	"gap", "progress", "priorities", "setup", "assess", "region", "back", "next", "step",
	"warnings", "keys", "language", "country", "profile", "name", "snapshot", "log",
)

// TestWorkbookLanguages opens an example session, switches the page to
// Spanish, French and Portuguese and shows every screen in each: no
// English word of stopWords is left in the text a person sees, outside
// the facilitator's own data (the strings of the session file). A name
// typed and not yet added survives the switch; the choice survives a
// reload, and sets <html lang>; the session's own language does not
// change. Each screen is saved as a picture at 1280×720 (a projector).
func TestWorkbookLanguages(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "languages.html")
	shots := os.Getenv("NCSKIT_LANGUAGE_SHOTS")
	if shots != "" {
		s.artifacts = shots
		os.MkdirAll(shots, 0o777)
	}
	s.do("a 1280×720 projector", chromedp.EmulateViewport(1280, 720))
	s.open()
	if got := evalJS[string](s, `document.documentElement.lang`); got != "en" {
		s.fatalf("the page starts in %q, not in the browser's English", got)
	}
	example, _ := filepath.Abs(filepath.Join("..", "examples", "small-island.json"))
	other, _ := filepath.Abs(filepath.Join("..", "examples", "larger-state.json"))
	s.goTo("sessions")
	s.do("open the example", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{example}))
	s.wait("Corallia", `document.getElementById('session-title').textContent === 'Corallia 2026-10-14' && document.documentElement.dataset.screen === 'setup'`)
	data := dataStrings(t, example, other)

	// Something typed in an add form, not yet added, survives a switch.
	s.do("type a stakeholder", chromedp.SendKeys(chromedp.ID("new-stakeholder"), "Autoridad Portuaria"))

	for _, lang := range []string{"es", "fr", "pt"} {
		choose(s, lang)
		// The header holds its longer words on a 1280-pixel projector.
		if over := evalJS[string](s, `(() => { const b = document.querySelector('.bar'); const tools = b.querySelector('.tools').getBoundingClientRect();
			return b.scrollWidth > b.clientWidth || tools.right > b.clientWidth || document.getElementById('session-title').clientWidth < 40
				? [...b.children, ...b.querySelector('.tools').children].map((c) => c.className + c.id + ' ' + Math.round(c.getBoundingClientRect().width)).join(', ') + ' of ' + b.clientWidth : ''; })()`); over != "" {
			s.shot(lang + "-bar")
			s.fatalf("%s: the header does not fit: %s", lang, over)
		}
		if lang == "es" {
			if got := evalJS[string](s, `document.getElementById('new-stakeholder').value`); got != "Autoridad Portuaria" {
				s.fatalf("the name being typed became %q after the switch", got)
			}
		}
		for _, screen := range []string{"sessions", "setup", "assess", "results", "priorities", "roles", "draft", "region"} {
			s.goTo(screen)
			switch screen {
			case "setup", "assess", "results", "priorities", "roles":
				s.scored()
			case "draft":
				s.wait("the preview", `!!document.documentElement.dataset.ncskitPreview && !!document.getElementById('draft-preview')`)
				// The draft stays in the session's language, English.
				if got := s.text(`#draft-lang option[value=""]`); !strings.HasSuffix(got, "(English)") {
					s.fatalf("%s: the draft's language reads %q", lang, got)
				}
			case "region":
				if evalJS[int](s, `document.querySelectorAll('#region-files li').length`) == 0 {
					s.do("add the open session", chromedp.Click(chromedp.ID("region-add-session")))
					s.do("add the other example", chromedp.SetUploadFiles(chromedp.ID("region-open"), []string{other}))
				}
				s.wait("the heat map", fmt.Sprintf(`document.querySelectorAll('#region-view table.region-heat tbody tr').length === 2 && document.documentElement.lang === %q`, lang))
			}
			if got := evalJS[string](s, `document.documentElement.lang`); got != lang {
				s.fatalf("%s: <html lang> is %q", screen, got)
			}
			text := evalJS[string](s, `(() => {
				// Text a person reads: the page, the titles and labels of its
				// controls, and the options of its lists.
				const parts = [document.body.innerText];
				for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
					for (const a of ['title', 'aria-label', 'placeholder']) if (el.getAttribute(a)) parts.push(el.getAttribute(a));
				}
				return parts.join('\n');
			})()`)
			// The change log's notes are records of the session, written in
			// the language the page had when each change was made.
			logged := evalJS[[]string](s, `[...document.querySelectorAll('#log tbody td:nth-child(5)')].map((e) => e.innerText).filter(Boolean)`)
			if words := english(lang, text, append(logged, data...)); len(words) > 0 {
				s.shot(fmt.Sprintf("%s-%s-english", lang, screen))
				s.fatalf("%s, %s screen: English words %q in\n%s", lang, screen, words, text)
			}
			s.shot(fmt.Sprintf("%s-%s", lang, screen))
			if cut := evalJS[[]string](s, `[...document.querySelectorAll('button, .bar *:not(#session-title), label, th')].filter((el) => el.offsetParent && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible').map((el) => el.textContent.trim())`); len(cut) > 0 {
				s.fatalf("%s, %s screen: text cut in %q", lang, screen, cut)
			}
		}
	}
	// The choice is kept: a reload shows the page in Portuguese.
	s.do("reload", chromedp.Reload())
	s.wait("the workbook to be ready again", `document.documentElement.dataset.ncskitReady === 'true'`)
	if got := evalJS[string](s, `document.documentElement.lang + ' ' + document.getElementById('page-lang').value + ' ' + document.querySelector('#nav button[data-screen="setup"]').textContent`); got != "pt pt Preparação" {
		s.fatalf("after a reload: %q", got)
	}
	// And back to English, by keyboard: the switch is a select.
	s.do("focus the switch", chromedp.Focus(chromedp.ID("page-lang")))
	choose(s, "en")
	if got := s.text("#nav button[data-screen=\"setup\"]"); got != "Setup" {
		s.fatalf("in English the Setup button reads %q", got)
	}
}

// choose picks lang in the language switch of the header, and waits
// until the page is drawn in it.
func choose(s *tab, lang string) {
	s.t.Helper()
	s.do("switch to "+lang, chromedp.SetValue(chromedp.ID("page-lang"), lang))
	evalJS[bool](s, `document.getElementById('page-lang').dispatchEvent(new Event('change'))`)
	s.wait("the page in "+lang, fmt.Sprintf(`document.documentElement.lang === %q && document.documentElement.dataset.screen !== undefined`, lang))
}

var wordRE = regexp.MustCompile(`\p{L}+`)

// english returns the stop words in text, written in lang, once every
// string of the facilitator's data is taken out of it.
func english(lang, text string, data []string) []string {
	for _, d := range data {
		text = cutWhole(text, d)
	}
	seen := map[string]bool{}
	var out []string
	for _, w := range wordRE.FindAllString(text, -1) {
		lw := strings.ToLower(w)
		if !seen[lw] && texttest.IsEnglish(lang, lw, stopWords) {
			seen[lw] = true
			out = append(out, w)
		}
	}
	return out
}

// cutWhole takes d out of text where it stands as whole words (no letter
// touches it on either side).
func cutWhole(text, d string) string {
	var b strings.Builder
	for {
		i := strings.Index(text, d)
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(d):])
		if (i == 0 || !unicode.IsLetter(before)) && (i+len(d) == len(text) || !unicode.IsLetter(after)) {
			b.WriteString(text[:i])
			b.WriteString(" ")
		} else {
			b.WriteString(text[:i+len(d)])
		}
		text = text[i+len(d):]
	}
}

// dataStrings returns every string of the files, longest first.
func dataStrings(t *testing.T, paths ...string) []string {
	t.Helper()
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			if len(v) > 1 {
				// The engine quotes a sentence without its full stop.
				out = append(out, v, strings.TrimRight(v, ". "))
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		walk(v)
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

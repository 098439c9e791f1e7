//go:build !js

package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// screens are the window sizes a workshop projects at, normal and in
// projector mode.
var screens = []struct {
	w, h      int64
	projector bool
}{{1366, 768, false}, {1024, 768, false}, {1366, 768, true}, {1024, 768, true}}

func (s *tab) screen(w, h int64, projector bool) string {
	s.t.Helper()
	s.do("the screen", chromedp.EmulateViewport(w, h))
	if on := evalJS[bool](s, `document.documentElement.classList.contains('projector')`); on != projector {
		s.do("projector", chromedp.Click(chromedp.ID("projector")))
	}
	mode := "normal"
	if projector {
		mode = "projector"
	}
	return fmt.Sprintf("%d×%d %s", w, h, mode)
}

// inWindow is a JavaScript condition: the element sel is shown whole in
// the window, below the bar, with the page scrolled to the top.
func inWindow(sel string) string {
	return fmt.Sprintf(`(() => { const el = document.querySelector(%q); if (!el || scrollY !== 0) return false; const r = el.getBoundingClientRect();
		return r.width > 0 && r.height > 0 && r.top >= document.querySelector('.bar').getBoundingClientRect().bottom - 1 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5; })()`, sel)
}

// TestWorkbookKeypressInView presses a level on every indicator at the
// sizes of a workshop screen: the median, spread and disagreement show
// beside the levels without scrolling. In the consensus view of 30
// respondents with evidence, the evidence is folded and the agreed-level
// form stays in the window.
func TestWorkbookKeypressInView(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "keypress.html")
	s.open()
	s.openExample()
	s.goTo("assess")
	s.wait("r-gov-1", `document.getElementById('respondent').value === 'r-gov-1'`)
	var problems []string
	for _, sc := range screens {
		name := s.screen(sc.w, sc.h, sc.projector)
		s.do("first indicator", chromedp.Evaluate[chromedp.Void](`document.querySelector('button.ind').click()`))
		s.wait("GOV.STR.1", `document.getElementById('ind-title').textContent.startsWith('GOV.STR.1 ')`)
		s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
		for i := 0; i < 55; i++ {
			id := evalJS[string](s, `document.getElementById('ind-title').querySelector('.id').textContent`)
			lv := []string{"1", "4"}[i%2]
			s.key(lv)
			s.scored()
			ok := evalJS[bool](s, `(`+inWindow("#strip")+`) && /^Level \d agreed by the room|^Level \d median of \d+ answers|^Not assessed/.test(document.getElementById('strip').textContent) && document.getElementById('strip').textContent.includes('spread')`)
			if !ok {
				problems = append(problems, fmt.Sprintf("%s %s: the score is not in view: %q at %s", name, id, s.text("#strip"),
					evalJS[string](s, `JSON.stringify(document.getElementById('strip').getBoundingClientRect()) + ' scrollY ' + scrollY`)))
			}
			if i == 32 {
				s.shot("80-" + strings.ReplaceAll(name, " ", "-"))
			}
			if i < 54 {
				s.key(kb.ArrowRight)
				s.wait("the next indicator", fmt.Sprintf(`!document.getElementById('ind-title').textContent.startsWith(%q)`, id+" "))
			}
		}
	}
	if len(problems) > 0 {
		s.fatalf("%d problems:\n%s", len(problems), strings.Join(problems[:min(len(problems), 30)], "\n"))
	}

	// Thirty respondents with evidence, in the consensus view.
	big := bigSession(t, s.dir, 0)
	s.screen(1024, 768, false)
	s.goTo("sessions")
	s.do("open thirty respondents", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{big}))
	s.wait("the session", `document.getElementById('session-title').textContent === 'Corallia long day'`)
	s.goTo("assess")
	s.consensus()
	s.wait("the consensus view", `document.querySelectorAll('.consensus tbody tr').length === 30`)
	// The summary under the table is filled when the engine's score comes
	// back, which on a loaded machine is after the table is drawn.
	s.wait("the consensus summary", `document.getElementById('consensus-summary').textContent !== ''`)
	for _, sc := range screens {
		name := s.screen(sc.w, sc.h, sc.projector)
		s.wait("the consensus summary", `document.getElementById('consensus-summary').textContent !== ''`)
		s.do("top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
		for _, sel := range []string{"#agreed-level", "#agreed-rationale", "form.agreed button[type=submit]", "#consensus-summary"} {
			if !evalJS[bool](s, inWindow(sel)) {
				problems = append(problems, fmt.Sprintf("%s: %s is not in the window: %s", name, sel, evalJS[string](s, fmt.Sprintf(`JSON.stringify(document.querySelector(%q).getBoundingClientRect())`, sel))))
			}
		}
		if got := evalJS[int](s, `document.querySelectorAll('td.ev details.fold:not([open])').length`); got != 30 {
			problems = append(problems, fmt.Sprintf("%s: %d folded evidence notes, want 30", name, got))
		}
		if h := evalJS[float64](s, `Math.max(...[...document.querySelectorAll('td.ev details')].map((d) => d.getBoundingClientRect().height / parseFloat(getComputedStyle(d).lineHeight)))`); h > 4.5 {
			problems = append(problems, fmt.Sprintf("%s: a folded evidence note takes %.1f lines", name, h))
		}
		if !sc.projector {
			if out := evalJS[string](s, `[...document.querySelectorAll('.consensus thead th')].filter((th) => th.getBoundingClientRect().right > document.querySelector('.card').getBoundingClientRect().right).map((th) => th.textContent).join(', ')`); out != "" {
				problems = append(problems, fmt.Sprintf("%s: columns out of the card: %s", name, out))
			}
		}
		s.shot("81-consensus-" + strings.ReplaceAll(name, " ", "-"))
		// Halfway down the answers, the form is still in the window.
		s.do("scroll", chromedp.Evaluate[chromedp.Void](`document.querySelector('.consensus tbody tr:nth-child(15)').scrollIntoView()`))
		if !evalJS[bool](s, strings.Replace(inWindow("#agreed-rationale"), "scrollY !== 0", "false", 1)) {
			problems = append(problems, name+": scrolled to the 15th answer, the form is out of the window")
		}
	}
	// A folded note opens whole, as text.
	s.do("unfold", chromedp.Click(chromedp.CSS(`.consensus tbody tr:nth-child(2) td.ev summary`)))
	s.wait("the whole note", `document.querySelector('.consensus tbody tr:nth-child(2) td.ev details').open && document.querySelector('.consensus tbody tr:nth-child(2) td.ev details p').textContent.endsWith('budget line; ')`)
	if len(problems) > 0 {
		s.fatalf("%d problems:\n%s", len(problems), strings.Join(problems, "\n"))
	}
	s.noXSS()
}

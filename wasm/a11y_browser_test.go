//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/internal/tooltest"
	"github.com/ncskit/ncskit/render/html"
)

// axePath is the pinned copy of axe-core (npm axe-core, MPL-2.0) that the
// accessibility tests inject into the page. It is a test asset only: the
// workbook never carries it.
const axePath = "testdata/axe/axe.min.js"

// axeSource reads the pinned axe-core. A missing copy skips the test, or
// fails it when NCSKIT_REQUIRE_TOOLS=1.
func axeSource(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(axePath)
	if err != nil {
		if os.Getenv(tooltest.Env) == "1" {
			t.Fatalf("axe-core is required (%s=1) but %s cannot be read: %v", tooltest.Env, axePath, err)
		}
		t.Skipf("axe-core not found (%v); set %s=1 to make this a failure", err, tooltest.Env)
	}
	return string(src)
}

// axeViolation is one rule that axe found broken, with the elements.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

func (v axeViolation) String() string {
	t := v.Targets
	more := ""
	if len(t) > 5 {
		more = fmt.Sprintf(" and %d more", len(t)-5)
		t = t[:5]
	}
	return fmt.Sprintf("%s (%s, %d elements): %s — %s%s", v.ID, v.Impact, len(v.Targets), v.Help, strings.Join(t, ", "), more)
}

// axe runs axe-core on the page as it is, with its experimental rules
// too (label-content-name-mismatch is one), and returns the violations.
// The page's Content-Security-Policy refuses a script element, so the
// source is evaluated through the DevTools protocol.
func (s *tab) axe(src string) []axeViolation {
	s.t.Helper()
	if !evalJS[bool](s, `typeof window.axe === 'object'`) {
		s.do("inject axe-core", chromedp.Evaluate[chromedp.Void](src+"\n;void 0"))
	}
	out := evalJS[string](s, `(async () => {
		const rules = {};
		for (const r of axe.getRules(['experimental'])) rules[r.ruleId] = { enabled: true };
		const res = await axe.run(document, { rules, resultTypes: ['violations'], iframes: false });
		return JSON.stringify(res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
			targets: v.nodes.map((n) => n.target.join(' ')) })));
	})()`)
	var vs []axeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		s.fatalf("axe results: %v", err)
	}
	return vs
}

// severe keeps the serious and critical violations.
func severe(vs []axeViolation) []axeViolation {
	var out []axeViolation
	for _, v := range vs {
		if v.Impact == "serious" || v.Impact == "critical" {
			out = append(out, v)
		}
	}
	return out
}

// TestWorkbookAccessibility runs axe-core on every screen of the workbook,
// in the normal and the projector mode, at 1366×768 and 1024×768, with the
// example assessment open (and on the Sessions screen with none), and
// fails on any serious or critical violation. It saves a screenshot of
// each screen as it checks it.
func TestWorkbookAccessibility(t *testing.T) {
	src := axeSource(t)
	html := workbook(t)
	s := newTab(t, html, "a11y.html")
	s.open()
	t.Logf("screenshots in %s", s.artifacts)
	var problems []string
	check := func(where string) {
		vs := s.axe(src)
		for _, v := range vs {
			t.Logf("%s: %s", where, v)
		}
		for _, v := range severe(vs) {
			problems = append(problems, where+": "+v.String())
		}
	}
	check("sessions, empty, normal")
	example, _ := filepath.Abs(filepath.Join("..", "examples", "small-island.json"))
	s.do("open the example", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{example}))
	s.wait("Corallia", `document.getElementById('session-title').textContent === 'Corallia 2026-10-14' && document.documentElement.dataset.screen === 'setup'`)
	s.scored()
	for _, size := range [][2]int64{{1366, 768}, {1024, 768}} {
		s.do("the screen size", chromedp.EmulateViewport(size[0], size[1]))
		for _, mode := range []string{"normal", "projector"} {
			if on := evalJS[bool](s, `document.documentElement.classList.contains('projector')`); on != (mode == "projector") {
				s.do("projector", chromedp.Click(chromedp.ID("projector")))
				s.wait("the mode", fmt.Sprintf(`document.documentElement.classList.contains('projector') === %t`, mode == "projector"))
			}
			for _, screen := range []string{"sessions", "setup", "assess", "consensus", "results", "priorities", "roles", "draft"} {
				switch screen {
				case "assess":
					s.goTo("assess")
					s.do("a respondent", chromedp.Evaluate[chromedp.Void](`(() => { const el = document.getElementById('respondent'); el.value = el.options[0].value; el.dispatchEvent(new Event('change')); })()`))
					s.wait("the level cards", `document.querySelectorAll('button.level[data-level]').length >= 5`)
				case "consensus":
					s.consensus()
				case "priorities":
					s.goTo(screen)
					s.wait("priorities", `document.querySelectorAll('#priorities tbody tr').length > 0`)
				case "draft":
					s.goTo(screen)
					s.wait("the preview", `!!document.getElementById('draft-preview') && !!document.getElementById('draft-preview').contentDocument.querySelector('main h2')`)
				default:
					s.goTo(screen)
				}
				where := fmt.Sprintf("%s, %d×%d, %s", screen, size[0], size[1], mode)
				s.do("scroll to the top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
				s.shot(fmt.Sprintf("a11y-%dx%d-%s-%s", size[0], size[1], mode, screen))
				check(where)
				if screen == "priorities" {
					s.do("open a pin form", chromedp.Evaluate[chromedp.Void](`document.querySelector('#priorities tbody tr:last-child td:last-child button').click()`))
					s.wait("the pin form", `!!document.getElementById('ov-reason')`)
					s.shot(fmt.Sprintf("a11y-%dx%d-%s-priorities-pin", size[0], size[1], mode))
					check(where + ", pin form open")
					s.do("cancel", chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('form.override button')].find((b) => b.textContent === 'Cancel').click()`))
				}
			}
		}
	}
	if len(problems) > 0 {
		s.fatalf("%d serious or critical accessibility violations:\n%s", len(problems), strings.Join(problems, "\n"))
	}
}

// TestDraftHTMLAccessibility opens the HTML draft of each example in the
// browser and runs axe-core on it: no serious or critical violation.
func TestDraftHTMLAccessibility(t *testing.T) {
	src := axeSource(t)
	var problems []string
	for _, name := range drafttest.Examples {
		var buf bytes.Buffer
		if err := html.Encode(&buf, drafttest.Draft(t, name), nil); err != nil {
			t.Fatal(err)
		}
		s := newTab(t, buf.Bytes(), name+".html")
		s.do("navigate", chromedp.Navigate(s.pageURL))
		s.wait("the draft", `!!document.querySelector('main h2')`)
		vs := s.axe(src)
		for _, v := range vs {
			t.Logf("%s draft: %s", name, v)
		}
		for _, v := range severe(vs) {
			problems = append(problems, name+" draft: "+v.String())
		}
		s.shot("a11y-draft-" + name)
	}
	if len(problems) > 0 {
		t.Fatalf("%d serious or critical accessibility violations:\n%s", len(problems), strings.Join(problems, "\n"))
	}
}

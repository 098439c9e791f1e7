//go:build !js

package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// contrastJS defines contrast(el): the WCAG contrast ratio of an element's
// text colour against the first opaque background behind it.
const contrastJS = `
const rgb = (s) => s.match(/[\d.]+/g).map(Number);
const lum = (c) => { const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const behind = (el) => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length < 4 || c[3] > 0) return c; } return [255, 255, 255]; };
const contrast = (el) => { const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(behind(el))].sort((x, y) => y - x); return (a + 0.05) / (b + 0.05); };
`

// layoutJS lists what is wrong with the Assess screen as shown: the
// question, the title or one of the five level cards not inside the window
// (below the bar) with the page scrolled to the top, a card whose text is
// cut, text with a contrast under 4.5:1, and in the list of indicators an
// ID that runs into its title or a title that is hidden or cut.
const layoutJS = `(() => {` + contrastJS + `
	const fail = [];
	const H = innerHeight, W = innerWidth;
	const bar = document.querySelector('.bar').getBoundingClientRect().bottom;
	const where = (el) => { const r = el.getBoundingClientRect(); return Math.round(r.left) + ',' + Math.round(r.top) + '–' + Math.round(r.right) + ',' + Math.round(r.bottom); };
	const inside = (el, what) => { const r = el.getBoundingClientRect();
		if (!(r.width > 0 && r.top >= bar - 1 && r.bottom <= H + 0.5 && r.left >= 0 && r.right <= W + 0.5)) fail.push(what + ' at ' + where(el)); };
	if (scrollY !== 0) fail.push('the page is scrolled by ' + scrollY + ' px');
	inside(document.getElementById('ind-title'), 'the title');
	inside(document.querySelector('.card .question'), 'the question');
	for (const b of document.querySelectorAll('button.level[data-level]:not(.other)')) {
		inside(b, 'level ' + b.dataset.level);
		for (const s of b.children) if (s.scrollHeight > s.clientHeight + 1 || s.scrollWidth > s.clientWidth + 1) fail.push('level ' + b.dataset.level + ': its ' + s.className + ' is cut');
	}
	for (const el of document.querySelectorAll('button.level > span, button.level.other, .card .question, #ind-title, .tree button.ind > span:not(.visually-hidden), .tree h2, .tree h3')) {
		const c = contrast(el);
		if (c < 4.5) fail.push('"' + el.textContent.slice(0, 24) + '" (' + el.className + '): contrast ' + c.toFixed(2) + ':1');
	}
	for (const b of document.querySelectorAll('.tree button.ind')) {
		const id = b.querySelector('.id'), t = b.querySelector('.t');
		const ri = id.getBoundingClientRect(), rt = t.getBoundingClientRect();
		if (getComputedStyle(t).display === 'none' || rt.width < 1) { fail.push(b.dataset.ind + ': the title is hidden'); continue; }
		if (ri.right > rt.left + 0.5 && ri.top < rt.bottom && rt.top < ri.bottom) fail.push(b.dataset.ind + ': the ID runs into the title');
		if (t.scrollWidth > t.clientWidth + 1 || id.scrollWidth > id.clientWidth + 1) fail.push(b.dataset.ind + ': cut in the list');
	}
	return [...new Set(fail)].slice(0, 20);
})()`

// TestWorkbookProjector shows every indicator on a 1024×768 screen, in
// the normal and the projector mode, with a level chosen: the question and
// the five levels are all in view without scrolling, every text has a
// contrast of 4.5:1 or more, and the list shows each indicator's ID and
// whole title apart.
func TestWorkbookProjector(t *testing.T) {
	html := workbook(t)
	s := newTab(t, html, "projector.html")
	s.do("a 1024×768 screen", chromedp.EmulateViewport(1024, 768))
	s.open()
	s.openExample()
	s.goTo("assess")
	s.wait("r-gov-1", `document.getElementById('respondent').value === 'r-gov-1'`)
	for _, mode := range []string{"normal", "projector"} {
		if mode == "projector" {
			s.do("projector", chromedp.Click(chromedp.ID("projector")))
			s.wait("the projector mode", `document.documentElement.classList.contains('projector')`)
		}
		s.do("first indicator", chromedp.Evaluate[chromedp.Void](`document.querySelector('button.ind').click()`))
		s.wait("GOV.STR.1", `document.getElementById('ind-title').textContent.startsWith('GOV.STR.1 ')`)
		s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
		var problems []string
		seen := map[string]int{}
		for i := 0; i < 55; i++ {
			id := evalJS[string](s, `document.getElementById('ind-title').querySelector('.id').textContent`)
			for _, lv := range []string{"3", "5"} {
				s.key(lv)
				s.wait("level "+lv, fmt.Sprintf(`document.querySelector('button.level[data-level="%s"]').getAttribute('aria-pressed') === 'true'`, lv))
				for _, p := range evalJS[[]string](s, layoutJS) {
					if seen[p]++; seen[p] == 1 {
						problems = append(problems, fmt.Sprintf("%s %s, level %s: %s", mode, id, lv, p))
					}
				}
			}
			if i == 0 || id == "CAP.SPE.2" || id == "GOV.LEAD.2" || id == "CAP.WF.1" {
				s.shot(fmt.Sprintf("70-%s-%s", mode, strings.ReplaceAll(id, ".", "-")))
			}
			if i < 54 {
				s.key(kb.ArrowRight)
				s.wait("the next indicator", fmt.Sprintf(`!document.getElementById('ind-title').textContent.startsWith(%q)`, id+" "))
			}
		}
		if len(problems) > 0 {
			if len(problems) > 40 {
				problems = append(problems[:40], fmt.Sprintf("… and %d more", len(problems)-40))
			}
			s.fatalf("on a 1024×768 screen:\n%s", strings.Join(problems, "\n"))
		}
	}
}

package pdf

import (
	"math"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/internal/locale"
	"github.com/ncskit/ncskit/strategy"
)

// pageHeader draws the running header of every page but the cover: the
// title on the left, the classification marking and the draft mark on the
// right.
func (e *encoder) pageHeader() {
	if e.covers[e.f.PageNo()] || e.dry {
		return
	}
	const top, h = 10.0, 5.0
	x := e.right - e.markBox(e.right, top, h, e.draftLabel, false)
	if e.classif != "" {
		x -= 2 + e.markBox(x-2, top, h, e.classif, true)
	}
	title := ellipsize(e.title, x-e.left-6, runStyle)
	e.text(e.left, top, h, title, runStyle)
	e.draw(rule)
	e.f.SetLineWidth(0.2)
	e.f.Line(e.left, top+h+2.5, e.right, top+h+2.5)
}

// pageFooter draws the country and period, the classification marking and
// "Page X of Y".
func (e *encoder) pageFooter() {
	page, total := e.pageNumber()
	if e.covers[e.f.PageNo()] || e.dry {
		return
	}
	top := e.pageH - 14.0
	const h = 4.0
	e.draw(rule)
	e.f.SetLineWidth(0.2)
	e.f.Line(e.left, top-1.5, e.right, top-1.5)
	num := e.pageLabel + " " + strconv.Itoa(page) + " " + e.ofLabel + " " + strconv.Itoa(total)
	e.textRight(e.right, top, h, num, runStyle)
	mid := (e.left + e.right) / 2
	cw := 0.0 // the classification's width, centred
	if e.classif != "" {
		st := style{bold: true, size: runStyle.size, color: ink}
		s := ellipsize(e.classif, 2*(e.right-mid-width(num, runStyle)-6), st)
		cw = width(s, st)
		e.textCenter(mid, top, h, s, st)
	}
	left := e.d.Meta.Country
	if e.d.Meta.Period != "" {
		left += " · " + e.d.Meta.Period
	}
	e.text(e.left, top, h, ellipsize(left, mid-cw/2-e.left-6, runStyle), runStyle)
}

// pageNumber returns the number of the current page and the number of
// pages of its document (from the previous pass), counting from the
// document's cover.
func (e *encoder) pageNumber() (page, total int) {
	page, first, next := e.f.PageNo(), 1, 0
	if e.part >= 0 && e.part < len(e.out.parts) {
		first = e.out.parts[e.part]
	}
	if e.prev != nil {
		next = e.prev.pages + 1
		if e.part >= 0 && e.part+1 < len(e.prev.parts) {
			next = e.prev.parts[e.part+1]
		}
	}
	total = page - first + 1
	if next > first {
		total = next - first
	}
	return page - first + 1, total
}

// partCover begins a document of the draft: its cover, with its marking,
// then its contents, then its first page; the running header and footer
// carry its title and marking from there.
func (e *encoder) partCover(p strategy.Part) {
	e.covers[e.f.PageNo()+1] = true
	e.newPage()
	e.part++
	e.out.parts = append(e.out.parts, e.f.PageNo())
	e.classif, e.title = p.Classification, p.Title
	e.drawCover(p)
	e.bookmark(p.Title, 1-e.outlineShift)
	e.contents(e.index + 1)
	e.newPage()
}

// markBox draws a marking right-aligned at x, a classification (white on
// black, in the TLP colour when it is one) or the draft mark (outlined),
// and returns its width.
func (e *encoder) markBox(x, top, h float64, s string, classification bool) float64 {
	st := style{bold: true, size: 7.5, color: accent}
	if classification {
		st.color = tlpColor(s)
	}
	s = ellipsize(s, 60, st)
	w := width(s, st) + 4
	if classification {
		e.fill(black)
		e.f.Rect(x-w, top, w, h, "F")
	} else {
		e.draw(accent)
		e.f.SetLineWidth(0.35)
		e.f.Rect(x-w, top, w, h, "D")
	}
	e.text(x-w+2, top, h, s, st)
	return w
}

// tlpColor is the colour the Traffic Light Protocol gives a marking, to
// be shown on black; other markings are white.
func tlpColor(s string) rgb {
	u := strings.ToUpper(s)
	switch {
	case strings.HasPrefix(u, "TLP:RED"):
		return rgb{0xff, 0x2b, 0x2b}
	case strings.HasPrefix(u, "TLP:AMBER"):
		return rgb{0xff, 0xc0, 0x00}
	case strings.HasPrefix(u, "TLP:GREEN"):
		return rgb{0x33, 0xff, 0x00}
	}
	return white
}

// cover draws the first page: country, title, subtitle, the document
// facts and the markings.
func (e *encoder) cover(p strategy.Part) {
	e.covers[e.f.PageNo()+1] = true
	e.newPage()
	e.drawCover(p)
}

// drawCover draws a cover on the current page.
func (e *encoder) drawCover(p strategy.Part) {
	m := e.d.Meta
	l := e.d.Labels
	x := e.left + 7
	w := e.right - x

	// markings, top right
	right := e.right - e.markBox(e.right, 14, 6.5, e.draftLabel, false)
	if p.Classification != "" {
		e.markBox(right-2, 14, 6.5, p.Classification, true)
	}

	y := e.pageH * 0.22
	start := y
	country := style{bold: true, size: 14, color: muted}
	for _, s := range clip(m.Country, w, country, 2) {
		e.text(x, y, lineHeight(country), s, country)
		y += lineHeight(country)
	}
	y += 4
	// A title too long for four lines (a plan named after the policy it
	// implements) is set smaller rather than cut.
	title := style{bold: true, size: 26, color: accent}
	if len(wrap(p.Title, w, title)) > 4 {
		title.size = 20
	}
	for _, s := range clip(p.Title, w, title, 6) {
		e.text(x, y, lineHeight(title)*0.92, s, title)
		y += lineHeight(title) * 0.92
	}
	y += 5
	sub := style{size: 12, color: ink}
	for _, s := range clip(p.Subtitle, w, sub, 5) {
		e.text(x, y, lineHeight(sub), s, sub)
		y += lineHeight(sub)
	}
	e.fill(accent)
	e.f.Rect(e.left, start, 2.2, y-start, "F")

	// document facts
	y = max(y+18, e.pageH*0.58)
	facts := [][2]string{
		{l.Get("r.period"), m.Period}, {l.Get("r.version"), m.Version},
		{l.Get("r.status"), m.Status}, {l.Get("r.date"), locale.For(m.Language).Date(m.Date)},
	}
	key := style{size: 9, color: muted}
	val := style{bold: true, size: 10.5, color: ink}
	keyW := 0.0
	for _, f := range facts {
		keyW = max(keyW, width(f[0], key))
	}
	keyW = min(keyW+6, w/3)
	e.draw(rule)
	e.f.SetLineWidth(0.2)
	for _, f := range facts {
		lh := lineHeight(val) + 1.5
		lines := clip(f[1], w-keyW, val, 3)
		e.f.Line(x, y, e.right, y)
		e.text(x, y+0.75, lh, ellipsize(f[0], keyW-2, key), key)
		for i, s := range lines {
			e.text(x+keyW, y+0.75+float64(i)*lineHeight(val), lh, s, val)
		}
		y += lh + float64(len(lines)-1)*lineHeight(val)
	}
	e.f.Line(x, y, e.right, y)
	e.evidenceNote(x, y+3, w)

	// owner and markings, bottom
	owner := style{bold: true, size: 10, color: ink}
	lines := clip(m.Author, w, owner, 3)
	y = e.pageH - 30 - float64(len(lines))*lineHeight(owner)
	for _, s := range lines {
		e.text(x, y, lineHeight(owner), s, owner)
		y += lineHeight(owner)
	}
	if p.Classification != "" {
		st := style{bold: true, size: 8, color: ink}
		e.textCenter(e.pageW/2, e.pageH-14, 4, ellipsize(p.Classification, w, st), st)
	}
}

// evidenceNote draws, under the document facts of the cover, the draft's
// note that it rests on partial evidence or is only an outline, in a
// warning box; nothing when the evidence is sufficient.
func (e *encoder) evidenceNote(x, y, w float64) {
	note := e.d.Meta.EvidenceNote
	if note == "" {
		return
	}
	st := style{bold: true, size: 10, color: ink}
	lines := clip(note, w-6, st, 5)
	h := float64(len(lines))*lineHeight(st) + 4
	e.fill(warmTint)
	e.f.Rect(x, y, w, h, "F")
	for i, s := range lines {
		e.text(x+3, y+2+float64(i)*lineHeight(st), lineHeight(st), s, st)
	}
}

// tocEntry is a line of the table of contents: a heading of level 1 or 2
// and its index among all headings.
type tocEntry struct {
	h     strategy.Heading
	index int
}

// contents draws the table of contents of the document whose blocks start
// at index from and run to the next Part block; nothing for a document
// without a chapter (a level 1 heading). The first pass leaves the page
// numbers out; the second writes them from the first pass's layout and
// links each entry to its heading. Both passes take the same room.
func (e *encoder) contents(from int) {
	var entries []tocEntry
	n, chapters := 0, 0
	for i, b := range e.d.Blocks {
		if _, ok := b.(strategy.Part); ok && i >= from {
			break
		}
		if h, ok := b.(strategy.Heading); ok {
			if h.Level <= 2 && i >= from {
				entries = append(entries, tocEntry{h, n})
			}
			if h.Level == 1 && i >= from {
				chapters++
			}
			n++
		}
	}
	if chapters == 0 {
		return
	}
	e.newPage()
	e.bookmark(e.d.Labels.Get("r.contents"), 1)
	e.drawLines(wrap(e.d.Labels.Get("r.contents"), e.textWidth(), h1Style), e.left, lineHeight(h1Style), h1Style)
	e.y += 1.5
	e.draw(accent)
	e.f.SetLineWidth(0.5)
	e.f.Line(e.left, e.y, e.right, e.y)
	e.y += 6

	one := style{bold: true, size: 10, color: ink}
	two := style{size: 9.5, color: ink}
	num1, num2 := 0.0, 0.0
	for _, t := range entries {
		if t.h.Level == 1 {
			num1 = max(num1, width(t.h.Number, one))
		} else {
			num2 = max(num2, width(t.h.Number, two))
		}
	}
	num1 = min(num1+4, e.textWidth()/4)
	num2 = min(num2+3, e.textWidth()/4)
	pageCol := 12.0
	for _, t := range entries {
		st, x, nw := one, e.left, num1
		if t.h.Level == 2 {
			st, x, nw = two, e.left+num1, num2
		}
		lh := lineHeight(st)
		if t.h.Level == 1 {
			e.y += 2.2
		}
		lines := e.lines(t.h.Text, e.right-pageCol-x-nw, st)
		e.ensure(float64(len(lines)) * lh)
		top := e.y
		page := 0
		if e.prev != nil && t.index < len(e.prev.heads) {
			page = e.prev.heads[t.index].page
		}
		e.text(x, top, lh, ellipsize(t.h.Number, nw-1, st), st)
		e.drawLines(lines, x+nw, lh, st)
		if page > 0 && e.y > top {
			last := e.y - lh
			end := x + nw + width(lines[len(lines)-1], st) + 1.5
			num := strconv.Itoa(page)
			e.textRight(e.right, last, lh, num, st)
			e.leader(end, e.right-width(num, st)-1.5, baseline(last, lh, st))
			link := e.f.AddLink()
			e.f.SetLink(link, e.prev.heads[t.index].y, page)
			e.f.Link(x, top, e.right-x, e.y-top, link)
		}
	}
}

// leader draws a dotted line from x1 to x2 at baseline y, its dots on a
// grid so that they line up from one entry to the next.
func (e *encoder) leader(x1, x2, y float64) {
	const step = 1.3
	x1 = math.Ceil(x1/step) * step
	if x2-x1 < 3 {
		return
	}
	e.draw(muted)
	e.f.SetLineWidth(0.3)
	e.f.SetLineCapStyle("round")
	e.f.SetDashPattern([]float64{0, step}, 0)
	e.f.Line(x1, y, x2, y)
	e.f.SetDashPattern(nil, 0)
	e.f.SetLineCapStyle("butt")
}

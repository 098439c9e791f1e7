package pdf

import (
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/strategy"
)

// Vertical rhythm, in millimetres.
const (
	paraGap = 2.6 // after a paragraph or list
	itemGap = 1.0 // between list items
)

func (e *encoder) textWidth() float64 { return e.right - e.left }

// atTop reports whether nothing has been drawn yet on the current page.
func (e *encoder) atTop() bool { return e.y <= e.top+0.01 }

func (e *encoder) newPage() {
	e.f.AddPage()
	e.y = e.top
}

// ensure starts a new page unless h millimetres fit below the current
// position.
func (e *encoder) ensure(h float64) {
	if e.y+h > e.bottom+0.01 && !e.atTop() {
		e.newPage()
	}
}

func (e *encoder) pageBreak() {
	if !e.atTop() {
		e.newPage()
	}
}

// flow draws n lines of height lh from the current position, breaking
// pages between lines so that no page starts or ends with a single line
// of a block when it can be helped. segment draws lines [from, to) with
// the first at top; it may decorate the segment (a box, a bar).
func (e *encoder) flow(n int, lh float64, segment func(from, to int, top float64)) {
	e.flowBox(n, lh, 0, segment)
}

// flowBox is flow for lines inside a box with padding pad above and below
// the lines of each page's segment.
func (e *encoder) flowBox(n int, lh, pad float64, segment func(from, to int, top float64)) {
	for i := 0; i < n; {
		top := e.y + pad
		fit := int((e.bottom - pad - top + 0.01) / lh)
		rest := n - i
		if fit >= rest {
			segment(i, n, top)
			e.y = top + float64(rest)*lh + pad
			return
		}
		take := fit
		if i == 0 && take == 1 && rest > 1 {
			take = 0 // a lone first line: move it along
		}
		if rest-take == 1 && take > 2 {
			take-- // a lone last line: take one with it
		}
		if take <= 0 && e.atTop() {
			take = max(fit, 1)
		}
		if take > 0 {
			segment(i, i+take, top)
			i += take
		}
		e.newPage()
	}
}

// drawLines draws lines at x in style st, one per lh.
func (e *encoder) drawLines(lines []string, x, lh float64, st style) {
	e.flow(len(lines), lh, func(from, to int, top float64) {
		for i := from; i < to; i++ {
			e.text(x, top+float64(i-from)*lh, lh, lines[i], st)
		}
	})
}

func (e *encoder) paragraphStyle(p strategy.Paragraph) (style, float64) {
	switch p.Style {
	case "lead":
		return leadStyle, 5 // indented by a bar
	case "small":
		return small, 0
	}
	return body, 0
}

func (e *encoder) paragraph(p strategy.Paragraph) {
	st, indent := e.paragraphStyle(p)
	lh := lineHeight(st)
	lines := e.lines(p.Text, e.textWidth()-indent, st)
	if strings.HasSuffix(strings.TrimSpace(p.Text), ":") && len(lines) <= 3 {
		e.ensure(float64(len(lines))*lh + paraGap + e.nextStart()) // it introduces what follows
	}
	if p.Style == "lead" {
		e.y += 1
		e.flow(len(lines), lh, func(from, to int, top float64) {
			e.fill(accent)
			e.f.Rect(e.left, top+0.6, 1.2, float64(to-from)*lh-1.2, "F")
			for i := from; i < to; i++ {
				e.text(e.left+indent, top+float64(i-from)*lh, lh, lines[i], st)
			}
		})
		e.y += 1
	} else {
		e.drawLines(lines, e.left+indent, lh, st)
	}
	e.y += paraGap
}

func (e *encoder) paragraphStart(p strategy.Paragraph) float64 {
	st, _ := e.paragraphStyle(p)
	return 2 * lineHeight(st)
}

// list draws bullets or numbers in a hanging indent.
func (e *encoder) list(l strategy.List) {
	lh := lineHeight(body)
	marks := make([]string, len(l.Items))
	indent := 5.0
	for i := range l.Items {
		marks[i] = "•"
		if l.Ordered {
			marks[i] = strconv.Itoa(i+1) + "."
			indent = max(indent, width(marks[i], body)+2.5)
		}
	}
	for i, item := range l.Items {
		lines := e.lines(item, e.textWidth()-indent-2, body)
		x := e.left + 2
		e.flow(len(lines), lh, func(from, to int, top float64) {
			if from == 0 {
				if l.Ordered {
					e.textRight(x+indent-1.5, top, lh, marks[i], body)
				} else {
					e.text(x+1, top, lh, marks[i], style{bold: true, size: body.size, color: accent})
				}
			}
			for k := from; k < to; k++ {
				e.text(x+indent, top+float64(k-from)*lh, lh, lines[k], body)
			}
		})
		if i < len(l.Items)-1 {
			e.y += itemGap
		}
	}
	e.y += paraGap
}

func (e *encoder) listStart(l strategy.List) float64 {
	if len(l.Items) == 0 {
		return 0
	}
	n := min(len(e.lines(l.Items[0], e.textWidth()-7, body)), 3)
	return float64(n) * lineHeight(body)
}

// headingText is the heading as shown: its number and its text.
func headingText(h strategy.Heading) string {
	if h.Number == "" {
		return h.Text
	}
	return h.Number + "  " + h.Text
}

func headingStyle(level int) style {
	switch level {
	case 1:
		return h1Style
	case 2:
		return h2Style
	}
	return h3Style
}

// chapterRoom is the share of a page's text height that must still be
// free for a chapter to start below the previous one rather than on a new
// page: a chapter that ends high on a page does not leave the rest of it
// blank, so that a strategy for adoption keeps to its 15 to 30 pages.
const chapterRoom = 0.5

// chapterGap is the space, in millimetres, above a chapter heading that
// starts below the previous chapter.
const chapterGap = 8.0

// heading starts a chapter on a new page, or below the previous one when
// at least chapterRoom of the page is free, adds an outline entry and
// keeps the heading with the start of what follows.
func (e *encoder) heading(h strategy.Heading) {
	st := headingStyle(h.Level)
	lh := lineHeight(st)
	lines := e.lines(headingText(h), e.textWidth(), st)
	if h.Level <= 1 {
		if e.bottom-e.y < (e.bottom-e.top)*chapterRoom {
			e.pageBreak()
		} else if !e.atTop() {
			e.y += chapterGap
		}
	} else {
		e.y += 3.5
		if e.y > e.bottom {
			e.newPage()
		}
		e.ensure(float64(len(lines))*lh + 2 + e.nextStart())
		if e.atTop() {
			e.y = e.top
		}
	}
	e.bookmark(strings.TrimSpace(h.Number+" "+h.Text), h.Level)
	e.out.heads = append(e.out.heads, mark{e.f.PageNo(), e.y})
	e.drawLines(lines, e.left, lh, st)
	if h.Level <= 1 {
		e.y += 1.5
		e.draw(accent)
		e.f.SetLineWidth(0.5)
		e.f.Line(e.left, e.y, e.right, e.y)
		e.y += 5
	} else {
		e.y += 1.5
	}
}

func (e *encoder) headingStart(h strategy.Heading) float64 {
	if h.Level <= 1 {
		return 0 // starts a page anyway
	}
	return lineHeight(headingStyle(h.Level)) + 5
}

// bookmark adds an outline entry at the current position. Outline levels
// may go down only one step at a time.
func (e *encoder) bookmark(s string, level int) {
	l := min(max(level-1+e.outlineShift, 0), e.outlineLevel+1)
	e.f.Bookmark(s, l, e.y)
	e.outlineLevel = l
}

// callout draws a boxed finding, note or warning, breaking across pages
// when it must.
func (e *encoder) callout(c strategy.Callout) {
	const pad, bar = 3.0, 1.4
	bg, barColor := paleTint, accent
	switch c.Tone {
	case "warning":
		bg, barColor = warmTint, black
	case "note":
		barColor = accent2
	}
	inner := e.textWidth() - bar - 2*pad
	title := style{bold: true, size: 9.5, color: ink}
	lh := lineHeight(body)
	var lines []string
	var bold []bool
	if c.Title != "" {
		for _, l := range e.lines(c.Title, inner, title) {
			lines, bold = append(lines, l), append(bold, true)
		}
	}
	for _, l := range e.lines(c.Text, inner, body) {
		lines, bold = append(lines, l), append(bold, false)
	}
	e.y += 1
	full := float64(len(lines))*lh + 2*pad
	if full > (e.bottom-e.top)*0.4 {
		full = 3*lh + 2*pad // a long callout may break; a short one moves whole
	}
	e.ensure(full)
	e.flowBox(len(lines), lh, pad, func(from, to int, top float64) {
		h := float64(to-from)*lh + 2*pad
		e.fill(bg)
		e.f.Rect(e.left, top-pad, e.textWidth(), h, "F")
		e.fill(barColor)
		e.f.Rect(e.left, top-pad, bar, h, "F")
		for i := from; i < to; i++ {
			st := body
			if bold[i] {
				st = title
			}
			e.text(e.left+bar+pad, top+float64(i-from)*lh, lh, lines[i], st)
		}
	})
	e.y += paraGap + 1
}

func (e *encoder) calloutStart(c strategy.Callout) float64 {
	return 3*lineHeight(body) + 8
}

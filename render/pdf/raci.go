package pdf

import (
	"strings"

	"github.com/ncskit/ncskit/internal/docshape"
	"github.com/ncskit/ncskit/strategy"
)

// raciLayout is the RACI matrix measured for the page: a narrow first
// column of action IDs, then one narrow column per institution with its
// name turned a quarter and wrapped, shortened only when it cannot fit.
type raciLayout struct {
	idW, colW float64
	headerH   float64
	header    [][]string
	lhH       float64
	rowH      float64
	caption   string
	captionH  float64
	startRows int
}

var (
	raciHead = style{size: 6.3, color: ink}
	raciCell = style{bold: true, size: 7, color: ink}
)

// startHeight is the room the matrix needs to begin: all of it when it
// fits on a page, else its header and eight rows, so that the tall header
// is not repeated for a handful of rows.
func (rl *raciLayout) startHeight() float64 {
	return rl.captionH + rl.headerH + float64(rl.startRows)*rl.rowH
}

// raciChunk is the most institution columns one matrix takes; more are
// drawn as further matrices under the same caption.
func (e *encoder) raciChunk(idW float64) int {
	return max(int((e.textWidth()-idW)/4.5), 1)
}

func (e *encoder) raciIDWidth(t strategy.Table) float64 {
	idW := width(t.Columns[0], style{bold: true, size: raciHead.size}) + 2*cellPadX
	for _, r := range t.Rows {
		idW = max(idW, width(r[0], raciCell)+2*cellPadX)
	}
	return min(max(idW, 12), e.textWidth()/4)
}

func (e *encoder) raciLayout(t strategy.Table, cols []string) *raciLayout {
	idW := e.raciIDWidth(t)
	cols = cols[:min(len(cols), e.raciChunk(idW))]
	rl := &raciLayout{idW: idW, rowH: 4.4, lhH: raciHead.size * ptToMM * 1.15, caption: t.Caption}
	rl.colW = (e.textWidth() - idW) / float64(len(cols))
	maxLines := max(int((rl.colW-1.6)/rl.lhH), 1)
	const maxH = 46.0
	long := maxH - 2*cellPadX
	longest := 0.0
	for _, c := range cols {
		lines := raciHeader(c, long, maxLines)
		for _, l := range lines {
			longest = max(longest, width(l, raciHead))
		}
		rl.header = append(rl.header, lines)
	}
	rl.headerH = max(longest+2*cellPadX+0.5, 16)
	if rl.caption != "" {
		rl.captionH = float64(len(wrap(rl.caption, e.textWidth(), caption)))*lineHeight(caption) + 1
	}
	rl.startRows = len(t.Rows)
	if rl.startHeight() > e.bottom-e.top {
		rl.startRows = min(len(t.Rows), 8)
	}
	return rl
}

// raciHeader wraps an institution's name into at most n lines of length
// w: whole when it fits, else without its longer parenthetical remarks,
// else cut with an ellipsis.
func raciHeader(name string, w float64, n int) []string {
	name = oneLine(name)
	if lines := wrap(name, w, raciHead); len(lines) <= n {
		return lines
	}
	if short := docshape.DropRemarks(name); short != name && short != "" {
		if lines := wrap(short, w, raciHead); len(lines) <= n {
			return lines
		}
		name = short
	}
	return clip(name, w, raciHead, n)
}

// raci draws the actions × institutions matrix, in as many column groups
// as the page width needs.
func (e *encoder) raci(t strategy.Table) {
	cols := t.Columns[1:]
	chunk := e.raciChunk(e.raciIDWidth(t))
	for start := 0; start < len(cols); start += chunk {
		end := min(start+chunk, len(cols))
		rl := e.raciLayout(t, cols[start:end])
		e.y += 1
		e.ensure(rl.startHeight())
		e.raciTop(t, rl, start > 0)
		for i, r := range t.Rows {
			if e.y+rl.rowH > e.bottom+0.01 {
				e.newPage()
				e.raciTop(t, rl, true)
			}
			e.raciRow(rl, i, r[0], r[1+start:1+end])
		}
		e.y += paraGap + 1.5
	}
}

func (e *encoder) raciTop(t strategy.Table, rl *raciLayout, continued bool) {
	e.tableCaption(rl.caption, continued)
	top := e.y
	h := rl.headerH
	e.fill(tint)
	e.f.Rect(e.left, top, e.textWidth(), h, "F")
	head := style{bold: true, size: raciHead.size, color: ink}
	e.text(e.left+cellPadX, top+h-lineHeight(head)-cellPadY, lineHeight(head), ellipsize(t.Columns[0], rl.idW-2*cellPadX, head), head)
	e.draw(white)
	e.f.SetLineWidth(0.4)
	x := e.left + rl.idW
	for _, lines := range rl.header {
		e.f.Line(x, top, x, top+h)
		left := x + (rl.colW-float64(len(lines))*rl.lhH)/2
		for k, s := range lines {
			if e.dry {
				break
			}
			bx := baseline(left+float64(k)*rl.lhH, rl.lhH, raciHead)
			by := top + h - cellPadX
			e.setStyle(raciHead)
			e.f.TransformBegin()
			e.f.TransformRotate(90, bx, by)
			e.f.Text(bx, by, s)
			e.f.TransformEnd()
		}
		x += rl.colW
	}
	e.y = top + h
}

// raciRow draws one action's row: A, R, C and I in cells whose shade
// darkens with the weight of the role.
func (e *encoder) raciRow(rl *raciLayout, i int, id string, cells []string) {
	top := e.y
	if i%2 == 1 {
		e.fill(paleTint)
		e.f.Rect(e.left, top, e.textWidth(), rl.rowH, "F")
	}
	idSt := style{bold: true, size: raciCell.size, color: accent}
	e.text(e.left+cellPadX, top, rl.rowH, ellipsize(id, rl.idW-2*cellPadX, idSt), idSt)
	x := e.left + rl.idW
	for _, c := range cells {
		c = strings.TrimSpace(oneLine(c))
		st := raciCell
		var bg *rgb
		switch c {
		case "A":
			bg, st.color = &accent, white
		case "R":
			bg, st.color = &accent2, white
		case "C":
			bg = &tint
		case "I":
			st.bold, st.color = false, muted
		}
		if bg != nil {
			e.fill(*bg)
			e.f.Rect(x+0.5, top+0.5, rl.colW-1, rl.rowH-1, "F")
		}
		if c != "" {
			e.textCenter(x+rl.colW/2, top, rl.rowH, ellipsize(c, rl.colW-1, st), st)
		}
		x += rl.colW
	}
	e.draw(rule)
	e.f.SetLineWidth(0.1)
	e.f.Line(e.left, top+rl.rowH, e.right, top+rl.rowH)
	e.y = top + rl.rowH
}

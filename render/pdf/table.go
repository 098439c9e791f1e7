package pdf

import (
	"slices"
	"strings"

	"github.com/ncskit/ncskit/internal/docshape"
	"github.com/ncskit/ncskit/internal/locale"
	"github.com/ncskit/ncskit/strategy"
)

// Cell padding in millimetres.
const cellPadX, cellPadY = 1.6, 1.1

const (
	alignLeft = iota
	alignRight
)

// tableLayout is a table measured for the page: column widths, and every
// cell wrapped to its column. A wide table with very long text in some
// columns (descriptions, evidence) shows those columns as full-width
// paragraphs under the other cells of each row, labelled with the column
// name, instead of squeezing them into narrow columns.
type tableLayout struct {
	st, hst  style // cells, header
	lh       float64
	cols     []int // the columns shown side by side
	widths   []float64
	aligns   []int
	header   [][]string // lines per column
	headerN  int        // lines in the header row
	rows     []tableRow
	caption  string
	headerH  float64
	captionH float64
	detailX  float64 // where the paragraphs of long columns start
}

type tableRow struct {
	cells  [][]string // lines per shown column
	indent []float64
	n      int        // lines of the cells
	detail []cellLine // lines of the long columns, below the cells
	bold   bool
	group  bool // a heading row of a grouped table (a pillar among its areas)
}

// lines is the height of the row in lines.
func (r *tableRow) lines() int { return r.n + len(r.detail) }

// cellLine is a line of a long column's paragraph; the first line of each
// paragraph carries the column name as its label.
type cellLine struct{ label, text string }

func (e *encoder) table(t strategy.Table) {
	t = docshape.Normalize(t)
	if len(t.Columns) == 0 {
		return
	}
	if t.Role == "raci" && len(t.Columns) > 1 {
		e.raci(t)
		return
	}
	tl := e.layoutTable(t)
	e.y += 1
	e.ensure(tl.startHeight())
	e.tableTop(tl, false)
	for i := range tl.rows {
		e.tableRow(tl, i)
	}
	e.y += paraGap + 1.5
}

func (e *encoder) tableStart(t strategy.Table) float64 {
	t = docshape.Normalize(t)
	if len(t.Columns) == 0 {
		return 0
	}
	if t.Role == "raci" && len(t.Columns) > 1 {
		return e.raciLayout(t, t.Columns[1:]).startHeight()
	}
	return e.layoutTable(t).startHeight() + 1
}

// startHeight is the room the caption, the header and the start of the
// first row need: a table never begins with its header alone.
func (tl *tableLayout) startHeight() float64 {
	h := tl.captionH + tl.headerH
	if len(tl.rows) > 0 {
		h += float64(min(tl.rows[0].lines(), 4))*tl.lh + 2*cellPadY
	}
	return h
}

// layoutTable measures t: it fits the columns to the text width, giving
// each column at least its longest word when it can, shrinking the type a
// little when it cannot, and wraps every cell.
func (e *encoder) layoutTable(t strategy.Table) *tableLayout {
	if tl, ok := e.cache.tables[e.index]; ok {
		return tl
	}
	tl := e.measureTable(t)
	e.cache.tables[e.index] = tl
	return tl
}

func (e *encoder) measureTable(t strategy.Table) *tableLayout {
	long := docshape.LongColumns(t)
	tl := &tableLayout{caption: t.Caption}
	for i := range t.Columns {
		if !slices.Contains(long, i) {
			tl.cols = append(tl.cols, i)
		}
	}
	shown := pick(t, tl.cols)
	st := tableStyle(t.Role)
	for {
		ok := false
		tl.widths, ok = e.columnWidths(shown, st, style{bold: true, size: st.size}, long != nil)
		if ok || st.size <= 6.5 {
			break
		}
		st.size -= 0.5
	}
	tl.st, tl.hst, tl.lh = st, style{bold: true, size: st.size, color: white}, lineHeight(st)*0.93
	tl.aligns = make([]int, len(tl.cols))
	for i := range tl.cols {
		if docshape.NumericColumn(shown.Rows, i) {
			tl.aligns[i] = alignRight
		}
	}
	for i, c := range shown.Columns {
		lines := clip(c, tl.widths[i]-2*cellPadX, tl.hst, 4)
		tl.header = append(tl.header, lines)
		tl.headerN = max(tl.headerN, len(lines))
	}
	tl.headerH = float64(tl.headerN)*tl.lh + 2*cellPadY
	if long != nil {
		tl.detailX = 3
		if len(tl.widths) > 1 && tl.widths[0] < e.textWidth()/5 {
			tl.detailX = tl.widths[0]
		}
	}
	grouped := false
	for _, r := range t.Rows {
		if n, _ := indentOf(r[0]); n > 0 {
			grouped = true
		}
	}
	total := e.d.Labels.Get("total")
	for _, r := range t.Rows {
		tl.rows = append(tl.rows, e.layoutRow(tl, t, r, long, grouped, total))
	}
	if t.Caption != "" {
		tl.captionH = float64(len(wrap(t.Caption, e.textWidth(), caption)))*lineHeight(caption) + 1
	}
	return tl
}

func (e *encoder) layoutRow(tl *tableLayout, t strategy.Table, r []string, long []int, grouped bool, total string) tableRow {
	row := tableRow{cells: make([][]string, len(tl.cols)), indent: make([]float64, len(tl.cols))}
	n, _ := indentOf(r[0])
	row.group = grouped && n == 0
	row.bold = row.group || strings.TrimSpace(r[0]) == total
	for i, c := range tl.cols {
		cst := tl.st
		cst.bold = row.bold || i == 0 && long != nil // the key of a row with paragraphs
		k, rest := indentOf(r[c])
		row.indent[i] = min(float64(k)*1.6, tl.widths[i]/3)
		row.cells[i] = wrap(rest, tl.widths[i]-2*cellPadX-row.indent[i], cst)
		row.n = max(row.n, len(row.cells[i]))
	}
	w := e.textWidth() - tl.detailX - 2*cellPadX
	for _, c := range long {
		text := strings.TrimSpace(r[c])
		if text == "" {
			continue
		}
		label := t.Columns[c] + locale.For(e.d.Meta.Language).Colon()
		lw := width(label, style{bold: true, size: tl.st.size})
		if lw > w/2 {
			label, lw = "", 0
		}
		for k, l := range wrapIndent(text, w, lw, tl.st) {
			cl := cellLine{text: l}
			if k == 0 {
				cl.label = label
			}
			row.detail = append(row.detail, cl)
		}
	}
	return row
}

// pick returns the table of columns cols.
func pick(t strategy.Table, cols []int) strategy.Table {
	out := strategy.Table{Role: t.Role, Caption: t.Caption}
	for _, c := range cols {
		out.Columns = append(out.Columns, t.Columns[c])
		w := 1.0
		if c < len(t.Widths) {
			w = t.Widths[c]
		}
		out.Widths = append(out.Widths, w)
	}
	for _, r := range t.Rows {
		row := make([]string, len(cols))
		for i, c := range cols {
			row[i] = r[c]
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// indentOf counts the leading spaces of a cell (a table's way of showing
// areas under their pillar) and returns the rest.
func indentOf(s string) (int, string) {
	rest := strings.TrimLeft(s, " ")
	return len(s) - len(rest), rest
}

// tableTop draws the caption (marked as continued on later pages) and
// the header row.
func (e *encoder) tableTop(tl *tableLayout, continued bool) {
	e.tableCaption(tl.caption, continued)
	top := e.y
	e.fill(accent)
	e.f.Rect(e.left, top, e.textWidth(), tl.headerH, "F")
	x := e.left
	for i, lines := range tl.header {
		off := float64(tl.headerN-len(lines)) * tl.lh // bottom-aligned
		for k, s := range lines {
			e.cellText(x, top+cellPadY+off+float64(k)*tl.lh, tl.widths[i], tl.lh, s, tl.hst, tl.aligns[i], 0)
		}
		x += tl.widths[i]
	}
	e.y = top + tl.headerH
}

// tableCaption draws a table's caption, on one line marked as continued
// on the pages after the first.
func (e *encoder) tableCaption(s string, continued bool) { e.label(s, continued, caption, 1) }

// label draws the title of a table or chart in style st followed by gap
// millimetres: wrapped on the first page, on one line marked as continued
// on the pages after.
func (e *encoder) label(s string, continued bool, st style, gap float64) {
	if s == "" {
		return
	}
	lh := lineHeight(st)
	if continued {
		e.text(e.left, e.y, lh, ellipsize(e.continued(s), e.textWidth(), st), st)
		e.y += lh + gap
		return
	}
	e.drawLines(e.lines(s, e.textWidth(), st), e.left, lh, st)
	e.y += gap
}

// cellText draws one line of a cell.
func (e *encoder) cellText(x, top, w, lh float64, s string, st style, align int, indent float64) {
	if align == alignRight {
		e.textRight(x+w-cellPadX, top, lh, s, st)
		return
	}
	e.text(x+cellPadX+indent, top, lh, s, st)
}

// tableRow draws row i, on the next page (under a repeated header) when
// it does not fit, and split between pages when it is too tall to move
// whole without leaving a large gap.
func (e *encoder) tableRow(tl *tableLayout, i int) {
	r := &tl.rows[i]
	n := r.lines()
	full := float64(n)*tl.lh + 2*cellPadY
	if r.group && i+1 < len(tl.rows) { // keep a group's heading row with its first row
		next := float64(min(tl.rows[i+1].lines(), 3))*tl.lh + 2*cellPadY
		if e.y+full+next > e.bottom+0.01 {
			e.newPage()
			e.tableTop(tl, true)
		}
	}
	page := e.bottom - e.top - tl.headerH - tl.captionH
	fresh := false
	for k := 0; k < n; {
		fit := int((e.bottom - e.y - 2*cellPadY + 0.01) / tl.lh)
		rest := n - k
		if fit >= rest {
			e.rowSegment(tl, i, k, n)
			return
		}
		take := fit
		if rest-take < 2 {
			take = rest - 2
		}
		if k == 0 && (full < page*0.2 || take < 4 || take < r.n) {
			take = 0 // move the row whole
		}
		if fresh {
			take = max(take, fit, 1)
		}
		if take > 0 {
			e.rowSegment(tl, i, k, k+take)
			k += take
		}
		e.newPage()
		e.tableTop(tl, true)
		fresh = true
	}
}

// rowSegment draws lines [from, to) of row i: its cells' lines, then its
// long columns' lines.
func (e *encoder) rowSegment(tl *tableLayout, i, from, to int) {
	r := &tl.rows[i]
	top := e.y
	h := float64(to-from)*tl.lh + 2*cellPadY
	switch {
	case r.group:
		e.fill(tint)
		e.f.Rect(e.left, top, e.textWidth(), h, "F")
	case i%2 == 1:
		e.fill(paleTint)
		e.f.Rect(e.left, top, e.textWidth(), h, "F")
	}
	x := e.left
	for c, lines := range r.cells {
		st := tl.st
		st.bold = r.bold || c == 0 && tl.detailX > 0
		for k := from; k < to && k < len(lines); k++ {
			e.cellText(x, top+cellPadY+float64(k-from)*tl.lh, tl.widths[c], tl.lh, lines[k], st, tl.aligns[c], r.indent[c])
		}
		x += tl.widths[c]
	}
	label := style{bold: true, size: tl.st.size, color: muted}
	for k := max(from, r.n); k < to; k++ {
		l := r.detail[k-r.n]
		y := top + cellPadY + float64(k-from)*tl.lh
		x := e.left + tl.detailX + cellPadX
		if l.label != "" {
			e.text(x, y, tl.lh, l.label, label)
			x += width(l.label, label)
		}
		e.text(x, y, tl.lh, l.text, tl.st)
	}
	e.draw(rule)
	e.f.SetLineWidth(0.15)
	e.f.Line(e.left, top+h, e.right, top+h)
	e.y = top + h
}

// tableStyle is the cell style: dense tables get a smaller size.
func tableStyle(role string) style {
	switch role {
	case "actions", "kpis", "assessment", "priorities":
		return style{size: 7.5, color: ink}
	}
	return style{size: 8, color: ink}
}

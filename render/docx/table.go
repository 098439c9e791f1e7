package docx

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ncskit/ncskit/internal/docshape"
	"github.com/ncskit/ncskit/internal/locale"
	"github.com/ncskit/ncskit/strategy"
)

const (
	// wideTable is the most columns a table has on a portrait page; a
	// wider one (the RACI matrix) gets a landscape section of its own.
	wideTable = 10
	// minColumn is the narrowest column, in twips (6 mm); a table whose
	// columns would be narrower even in landscape is split into column
	// groups, each repeating the first column.
	minColumn = 340
	// Colours of the header row and of group rows.
	headFill  = "1F3A5F"
	groupFill = "EAF0F7"
)

// table writes a table in the built-in style Table Grid, with its caption
// in the Caption style above it and a header row that Word and
// LibreOffice repeat on every page. Column widths follow the table's
// relative widths across the text width. A table too wide for a portrait
// page gets a landscape section.
func (e *encoder) table(t strategy.Table) {
	t = docshape.Normalize(t)
	if len(t.Columns) == 0 {
		if t.Caption != "" {
			e.para("Caption", t.Caption)
		}
		return
	}
	pg := e.page
	wide := len(t.Columns) > wideTable
	if wide {
		e.breakSection(e.page)
		pg, e.landscape = e.page.turned(), true
	}
	groups := columnGroups(len(t.Columns), pg.textWidth())
	var long []int
	if len(groups) == 1 {
		long = docshape.LongColumns(t)
		groups[0] = slices.DeleteFunc(groups[0], func(c int) bool { return slices.Contains(long, c) })
	}
	for k, cols := range groups {
		if t.Caption != "" {
			c := t.Caption
			if k > 0 {
				c = e.continued(c)
			}
			e.para("Caption", c)
		}
		e.grid(t, cols, long, pg.textWidth())
	}
	if wide {
		e.breakSection(pg)
	}
}

// continued marks a caption repeated over a further part of a table.
func (e *encoder) continued(s string) string {
	if l := e.d.Labels["pdf.continued"]; l != "" {
		return s + " (" + l + ")"
	}
	return s
}

// columnGroups splits n columns into groups that fit width at minColumn
// each; every group after the first repeats column 0.
func columnGroups(n, width int) [][]int {
	per := max(width/minColumn, 2)
	if n <= per {
		cols := make([]int, n)
		for i := range cols {
			cols[i] = i
		}
		return [][]int{cols}
	}
	var groups [][]int
	for start := 1; start < n; start += per - 1 {
		cols := []int{0}
		for c := start; c < min(start+per-1, n); c++ {
			cols = append(cols, c)
		}
		groups = append(groups, cols)
	}
	return groups
}

// widths returns the widths in twips of columns cols of t, which share
// width in proportion to the table's relative widths.
func widths(t strategy.Table, cols []int, width int) []int {
	rel := make([]float64, len(cols))
	total := 0.0
	for i, c := range cols {
		rel[i] = 1
		if c < len(t.Widths) && t.Widths[c] > 0 && t.Widths[c] < 1e6 {
			rel[i] = t.Widths[c]
		}
		total += rel[i]
	}
	out := make([]int, len(cols))
	used := 0
	for i := range cols {
		out[i] = int(float64(width) * rel[i] / total)
		used += out[i]
	}
	out[len(out)-1] += width - used
	return out
}

// grid writes columns cols of t as one table of the given width; the
// long columns, labelled with their names, fill a row of their own under
// each row, across all columns but the first.
func (e *encoder) grid(t strategy.Table, cols, long []int, width int) {
	ws := widths(t, cols, width)
	raci := t.Role == "raci"
	if raci && len(cols) > 1 {
		ws = raciWidths(t, len(cols), width)
	}
	b := &e.body
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="` + strconv.Itoa(width) + `" w:type="dxa"/><w:tblLayout w:type="fixed"/>` +
		`<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range ws {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)

	// The header row, repeated on every page.
	b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
	if raci {
		b.WriteString(`<w:trHeight w:val="3400" w:hRule="atLeast"/>`)
	}
	b.WriteString(`<w:tblHeader/></w:trPr>`)
	for i, c := range cols {
		head := t.Columns[c]
		vertical := raci && c > 0
		if vertical && utf8.RuneCountInString(head) > longHead {
			head = docshape.DropRemarks(head)
		}
		e.cell(ws[i], head, cellFormat{style: "TableHeading", fill: headFill, vertical: vertical})
	}
	b.WriteString(`</w:tr>`)

	numeric := make([]bool, len(cols))
	for i, c := range cols {
		numeric[i] = !raci && docshape.NumericColumn(t.Rows, c)
	}
	grouped := false
	for _, r := range t.Rows {
		if n, _ := indentOf(r[0]); n > 0 {
			grouped = true
		}
	}
	total := e.d.Labels.Get("total")
	for _, r := range t.Rows {
		n, _ := indentOf(r[0])
		group := grouped && n == 0
		bold := group || strings.TrimSpace(r[0]) == total
		b.WriteString(`<w:tr>`)
		if raci {
			b.WriteString(`<w:trPr><w:cantSplit/></w:trPr>`)
		}
		for i, c := range cols {
			f := cellFormat{style: "TableText", bold: bold, right: numeric[i]}
			if group {
				f.fill = groupFill
			}
			if raci && c > 0 {
				f = raciFormat(strings.TrimSpace(r[c]))
			} else if raci {
				f.bold = true
			}
			if long != nil && i == 0 {
				f.bold = true
			}
			e.cell(ws[i], r[c], f)
		}
		b.WriteString(`</w:tr>`)
		e.detail(t, r, long, ws)
	}
	b.WriteString(`</w:tbl>`)
	// A table must not touch what follows: an empty paragraph after it.
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="AfterTable"/></w:pPr></w:p>`)
}

// detail writes the row of row r's long columns: an empty cell under
// the first column, then one cell across the others with a paragraph for
// each long column that has text, led by the column's name in bold.
func (e *encoder) detail(t strategy.Table, r []string, long []int, ws []int) {
	var texts []int
	for _, c := range long {
		if strings.TrimSpace(r[c]) != "" {
			texts = append(texts, c)
		}
	}
	if len(texts) == 0 {
		return
	}
	b := &e.body
	rest := 0
	for _, w := range ws[1:] {
		rest += w
	}
	const noTop = `<w:tcBorders><w:top w:val="nil"/></w:tcBorders>`
	b.WriteString(`<w:tr><w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(ws[0]) + `" w:type="dxa"/>` + noTop + `</w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p></w:tc>`)
	b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(rest) + `" w:type="dxa"/><w:gridSpan w:val="` + strconv.Itoa(len(ws)-1) + `"/>` + noTop + `</w:tcPr>`)
	for _, c := range texts {
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>`)
		if name := strings.TrimSpace(t.Columns[c]); name != "" {
			run(b, `<w:b/><w:color w:val="666666"/>`, name+locale.For(e.d.Meta.Language).Colon())
		}
		run(b, "", strings.TrimSpace(r[c]))
		b.WriteString(`</w:p>`)
	}
	b.WriteString(`</w:tc></w:tr>`)
}

// raciWidths gives the RACI matrix's first column the width of its
// longest action ID (and of its head), bold at 7.5 points, and shares the
// rest equally among the n-1 institutions.
func raciWidths(t strategy.Table, n, width int) []int {
	longest := utf8.RuneCountInString(t.Columns[0])
	for _, r := range t.Rows {
		longest = max(longest, utf8.RuneCountInString(r[0]))
	}
	first := min(max(longest*105+220, 600), width/4)
	ws := make([]int, n)
	ws[0] = first
	for i := 1; i < n; i++ {
		ws[i] = (width - first) / (n - 1)
	}
	ws[n-1] += width - first - (width-first)/(n-1)*(n-1)
	return ws
}

// cellFormat is how a cell looks.
type cellFormat struct {
	style    string // paragraph style ID
	fill     string // shading, "" for none
	color    string // text colour, "" for the style's
	bold     bool
	right    bool // right-aligned (numbers)
	center   bool
	vertical bool // text turned a quarter, read from bottom to top
}

// raciFormat shades a RACI cell by the weight of the role: A darkest, R
// dark, C light, I plain.
func raciFormat(s string) cellFormat {
	f := cellFormat{style: "TableText", center: true, bold: true}
	switch s {
	case "A":
		f.fill, f.color = "1F3A5F", "FFFFFF"
	case "R":
		f.fill, f.color = "5B7FA6", "FFFFFF"
	case "C":
		f.fill = "DDE4EE"
	case "I":
		f.bold, f.color = false, "666666"
	}
	return f
}

// cell writes a table cell of width w: its text with line breaks kept,
// and the leading spaces with which a table shows areas under their
// pillar as an indent.
func (e *encoder) cell(w int, s string, f cellFormat) {
	b := &e.body
	b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(w) + `" w:type="dxa"/>`)
	if f.fill != "" {
		b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + f.fill + `"/>`)
	}
	if f.vertical {
		b.WriteString(`<w:textDirection w:val="btLr"/><w:vAlign w:val="bottom"/>`)
	}
	b.WriteString(`</w:tcPr><w:p><w:pPr><w:pStyle w:val="` + f.style + `"/>`)
	k, rest := indentOf(s)
	if k > 0 {
		b.WriteString(`<w:ind w:left="` + strconv.Itoa(min(k*90, w/3)) + `"/>`)
	}
	switch {
	case f.right:
		b.WriteString(`<w:jc w:val="right"/>`)
	case f.center:
		b.WriteString(`<w:jc w:val="center"/>`)
	}
	b.WriteString(`</w:pPr>`)
	rPr := ""
	if f.bold {
		rPr += `<w:b/>`
	}
	if f.color != "" {
		rPr += `<w:color w:val="` + f.color + `"/>`
	}
	run(b, rPr, rest)
	b.WriteString(`</w:p></w:tc>`)
}

// indentOf counts the leading spaces of a cell and returns the rest.
func indentOf(s string) (int, string) {
	rest := strings.TrimLeft(s, " ")
	return len(s) - len(rest), rest
}

// longHead is the longest institution's name a RACI matrix's upright
// header shows whole; a longer one loses its longer parenthetical remarks
// (as in the PDF draft), which the header row would cut off.
const longHead = 60

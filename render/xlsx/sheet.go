package xlsx

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// column is one column of a table sheet: the label key of its head, its
// width in characters and the style of its body cells. key names the
// column for formulas that refer to it.
type column struct {
	key   string
	head  string
	width float64
	style int
}

// cell returns the A1 name of a 1-based column and row.
func cell(col, row int) string {
	return colName(col) + itoa(row)
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

func itoa(n int) string { return strconv.Itoa(n) }

// str writes free or fixed text into a cell of a table's record: text
// longer than a cell holds continues in the cells below (see text and
// next).
func (e *encoder) str(sheet string, col, row int, s string) {
	e.text(sheet, col, row, s, down)
	e.grow(sheet, row, s, e.span(sheet, col, col), false)
}

// fixed writes text into a cell of a fixed layout, such as the document
// control of the Summary: text longer than a cell holds continues to the
// right of the sheet.
func (e *encoder) fixed(sheet string, col, row int, s string) {
	e.text(sheet, col, row, s, right)
	e.grow(sheet, row, s, e.span(sheet, col, col), false)
}

// head writes the text of a bold head cell.
func (e *encoder) head(sheet string, col, row int, s string) {
	e.text(sheet, col, row, s, right)
	e.grow(sheet, row, s, e.span(sheet, col, col), true)
}

// plain writes text whose row height is set otherwise: titles, rotated
// heads, text in merged cells.
func (e *encoder) plain(sheet string, col, row int, s string) {
	e.text(sheet, col, row, s, right)
}

func (e *encoder) int(sheet string, col, row int, n int) {
	e.check(e.f.SetCellInt(sheet, cell(col, row), int64(n)))
	e.touch(sheet, col, row)
}

func (e *encoder) float(sheet string, col, row int, x float64) {
	e.check(e.f.SetCellFloat(sheet, cell(col, row), x, -1, 64))
	e.touch(sheet, col, row)
}

func (e *encoder) formula(sheet string, col, row int, f string) {
	e.check(e.f.SetCellFormula(sheet, cell(col, row), f))
	e.touch(sheet, col, row)
}

func (e *encoder) style(sheet string, c1, r1, c2, r2, id int) {
	e.check(e.f.SetCellStyle(sheet, cell(c1, r1), cell(c2, r2), id))
}

// touch records that a sheet has a value at col, row, for its dimension.
func (e *encoder) touch(sheet string, col, row int) {
	x := e.ext[sheet]
	e.ext[sheet] = [2]int{max(x[0], col), max(x[1], row)}
}

// month writes a YYYY-MM month as the date of its first day, or of its
// last day when end is true, so that dates can be filtered and compared.
func (e *encoder) month(sheet string, col, row int, ym string, end bool) {
	t, err := time.Parse("2006-01", ym)
	if err != nil {
		e.str(sheet, col, row, ym)
		return
	}
	if end {
		t = t.AddDate(0, 1, -1)
	}
	e.int(sheet, col, row, serial(t))
}

// serial is the Excel serial number of a date (1900 date system).
func serial(t time.Time) int {
	return int(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// header writes a header row at row with the columns' heads, sets the
// widths and gives each column its body style, so that rows a planner
// adds later get the same format.
func (e *encoder) header(sheet string, cols []column, row, first int) {
	for i, c := range cols {
		n := first + i
		e.colWidth(sheet, n, n, c.width)
		if c.style != 0 {
			e.check(e.f.SetColStyle(sheet, colName(n), c.style))
		}
		e.head(sheet, n, row, e.l(c.head))
	}
	e.style(sheet, first, row, first+len(cols)-1, row, e.st.header)
}

// layout is the frame of a sheet: frozen panes, autofilter, print setup.
type layout struct {
	freeze string // the top-left cell of the scrolling pane, "" for none
	filter string // the autofilter range, "" for none
	titles string // the rows repeated on every printed page, "$1:$1"
}

// frame applies a layout and the common print setup to a sheet.
func (e *encoder) frame(sheet string, lay layout) {
	e.spillRight(sheet)
	e.fitRows(sheet)
	if x := e.ext[sheet]; x[0] > 0 {
		e.check(e.f.SetSheetDimension(sheet, "A1:"+cell(x[0], x[1])))
	}
	if lay.freeze != "" {
		col, row, err := excelize.CellNameToCoordinates(lay.freeze)
		e.check(err)
		pane := "bottomRight"
		switch {
		case col == 1:
			pane = "bottomLeft"
		case row == 1:
			pane = "topRight"
		}
		e.check(e.f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: col - 1, YSplit: row - 1,
			TopLeftCell: lay.freeze, ActivePane: pane,
			Selection: []excelize.Selection{{SQRef: lay.freeze, ActiveCell: lay.freeze, Pane: pane}}}))
	}
	if lay.filter != "" {
		e.check(e.f.AutoFilter(sheet, lay.filter, nil))
	}
	landscape, tall, fit := "landscape", 0, true
	paper, wide := e.paper(sheet)
	e.check(e.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &paper, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall}))
	e.check(e.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	m := func(x float64) *float64 { return &x }
	e.check(e.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: m(0.4), Right: m(0.4), Top: m(0.6), Bottom: m(0.6), Header: m(0.25), Footer: m(0.25)}))
	e.check(e.f.SetHeaderFooter(sheet, e.headerFooter()))
	if lay.titles != "" {
		e.check(e.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: ref(sheet, lay.titles), Scope: sheet}))
	}
	if e.o.Protect {
		e.check(e.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{AutoFilter: true, FormatColumns: true,
			FormatRows: true, SelectLockedCells: true, SelectUnlockedCells: true, Sort: true}))
	}
}

// headerFooter puts the classification marking, bold, in the centre of
// the page header and footer; the country and the sheet name in the
// header; the document and the page number in the footer.
func (e *encoder) headerFooter() *excelize.HeaderFooterOptions {
	m := e.d.Meta
	for limit := 80; ; limit -= 10 {
		cls := ""
		if m.Classification != "" {
			cls = "&C&\"-,Bold\"" + hf(m.Classification, limit)
		}
		head := "&L" + hf(m.Country, limit) + cls + "&R&A"
		foot := "&L" + hf(m.Title, limit) + " · " + hf(m.Version, 10) + cls + "&R" + hf(e.l("r.page"), 20) + " &P " + hf(e.l("r.of"), 10) + " &N"
		if utf16Len(head) <= 255 && utf16Len(foot) <= 255 || limit <= 10 {
			return &excelize.HeaderFooterOptions{OddHeader: head, OddFooter: foot}
		}
	}
}

// hf clips s to n characters and escapes it for a header or footer, where
// & starts a code.
func hf(s string, n int) string {
	r := []rune(strings.Map(func(r rune) rune {
		if r < ' ' {
			return ' '
		}
		return r
	}, s))
	if len(r) > n {
		r = append(r[:n-1], '…')
	}
	return strings.ReplaceAll(string(r), "&", "&&")
}

func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

// join joins the non-empty items with sep.
func join(items []string, sep string) string {
	out := items[:0:0]
	for _, s := range items {
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, sep)
}

// note writes a note in small italics across columns 1 to last of row r.
func (e *encoder) note(sheet string, r, last int, text string) {
	e.check(e.f.MergeCell(sheet, cell(1, r), cell(last, r)))
	e.plain(sheet, 1, r, text)
	e.grow(sheet, r, text, e.span(sheet, 1, last), false)
	e.style(sheet, 1, r, last, r, e.st.note)
	e.small(sheet)
}

// Paper sizes of the page setup.
const (
	paperA3 = 8
	paperA4 = 9
)

// printable widths in points of A4 and A3 landscape inside the margins
// of frame (0.4 inch on either side).
const (
	printA4 = (297/25.4 - 0.8) * 72
	printA3 = (420/25.4 - 0.8) * 72
)

// paper chooses the paper and the number of pages wide that print a
// sheet with its smallest text at 8 points or more: A4 landscape one page
// wide if the columns fit at that scale, else A3, else A3 over as many
// pages wide as needed.
func (e *encoder) paper(sheet string) (size, wide int) {
	px := 0.0
	for _, w := range e.h.width[sheet] {
		// Calibri 11 makes a character of width 7 pixels and 5 of
		// padding; where LibreOffice has neither Calibri nor Carlito it
		// measures with a wider face, up to 9.4 pixels a character.
		px += math.Trunc(w*9.4 + 5)
	}
	font := 11.0
	if e.smallText[sheet] {
		font = 9
	}
	scale := minPrintFont / font
	need := px * 0.75 * scale // points at that scale
	switch {
	case need <= printA4:
		return paperA4, 1
	case need <= printA3:
		return paperA3, 1
	}
	return paperA3, int(math.Ceil(need / printA3))
}

// minPrintFont is the smallest printed font size, in points, that the
// page setup allows, with a margin over 8.
const minPrintFont = 8.3

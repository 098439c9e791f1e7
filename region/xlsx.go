package region

import (
	"io"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ncskit/ncskit/internal/xlsxtext"
	"github.com/xuri/excelize/v2"
)

// EncodeXLSX writes r as an Excel workbook: a sheet per part of the report
// (Summary, Heat map, Distribution, Shared gaps, Programmes, Existing
// provision, Evidence in a restricted report, Progress, Directory, Notes).
// Every text is written as text, never as a formula, and the file is the
// same bytes for the same report.
func EncodeXLSX(w io.Writer, r *Report) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f, r: r, rows: map[string]int{}}
	x.styles()
	var order []string
	for _, t := range r.tables() {
		name := r.l(t.key)
		if _, ok := x.rows[name]; !ok {
			order = append(order, name)
			if len(order) == 1 {
				x.check(f.SetSheetName("Sheet1", name))
			} else {
				_, err := f.NewSheet(name)
				x.check(err)
			}
		}
		x.table(name, t)
	}
	for _, name := range order {
		x.page(name)
	}
	if x.err != nil {
		return x.err
	}
	return x.finish(w)
}

type xlsxWriter struct {
	f    *excelize.File
	r    *Report
	rows map[string]int // next free row of each sheet
	err  error
	// styles
	head, text, num, title, note int
	shade                        [5]int
	noLevel                      int
}

func (x *xlsxWriter) check(err error) {
	if err != nil && x.err == nil {
		x.err = err
	}
}

func (x *xlsxWriter) style(s *excelize.Style) int {
	if s.Font == nil {
		s.Font = &excelize.Font{}
	}
	s.Font.Family, s.Font.Size = "Calibri", 11
	id, err := x.f.NewStyle(s)
	x.check(err)
	return id
}

func (x *xlsxWriter) styles() {
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	x.head = x.style(&excelize.Style{NumFmt: 49, Border: border, Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F3864"}}, Alignment: top})
	x.text = x.style(&excelize.Style{NumFmt: 49, Border: border, Alignment: top})
	x.num = x.style(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top"}})
	x.title = x.style(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Bold: true, Color: "1F3864"}})
	x.note = x.style(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Italic: true}})
	fills := []string{"FFFFFF", "F6DCC4", "E9A86F", "B85C1E", "6B2C05"}
	for i, c := range fills {
		font := &excelize.Font{}
		if i >= 3 {
			font.Color = "FFFFFF"
		}
		x.shade[i] = x.style(&excelize.Style{NumFmt: 49, Border: border, Font: font,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	}
	x.noLevel = x.style(&excelize.Style{NumFmt: 49, Border: border,
		Fill: excelize.Fill{Type: "pattern", Pattern: 4, Color: []string{"D9D9D9"}}})
}

// table writes t below what the sheet already holds: its head in the first
// free row (the sheet's first row for its first table, which is frozen),
// its title above it otherwise.
func (x *xlsxWriter) table(sheet string, t table) {
	row := x.rows[sheet]
	if row == 0 {
		row = 1
	} else {
		row += 1
		x.str(sheet, 1, row, t.title, x.title)
		row++
	}
	if t.note != "" && row > 1 {
		x.str(sheet, 1, row, t.note, x.note)
		row++
	}
	for c, h := range t.head {
		x.str(sheet, c+1, row, h, x.head)
	}
	widths := make([]float64, len(t.head))
	for c := range t.head {
		width := 14.0
		if t.narrow {
			width = 10.5
		}
		if w, ok := t.wide[c]; ok {
			width = w
		} else if c == 0 {
			width = 22
		}
		name := colName(c + 1)
		if cur, err := x.f.GetColWidth(sheet, name); err == nil && cur > width && x.rows[sheet] > 0 {
			width = cur
		}
		x.check(x.f.SetColWidth(sheet, name, name, width))
		widths[c] = width
	}
	x.height(sheet, row, t.head, widths)
	for _, cells := range t.rows {
		row++
		texts := make([]string, len(cells))
		for c, v := range cells {
			x.cell(sheet, c+1, row, v)
			texts[c] = v.text
		}
		x.height(sheet, row, texts, widths)
	}
	if t.note != "" && row > 1 && x.rows[sheet] == 0 {
		// The note of a sheet's first table goes below it, the head
		// staying in the frozen first row.
		row += 2
		x.str(sheet, 1, row, t.note, x.note)
	}
	x.rows[sheet] = row + 1
}

// height sets the height of a row to the lines its longest wrapped text
// takes, so that a spreadsheet program shows and prints the whole text:
// LibreOffice does not grow rows on opening a file.
func (x *xlsxWriter) height(sheet string, row int, texts []string, widths []float64) {
	lines := 1
	for c, s := range texts {
		if c >= len(widths) || s == "" {
			continue
		}
		per := max(int(widths[c]*1.1)-1, 1) // characters per line, roughly
		n := 0
		for _, l := range strings.Split(s, "\n") {
			n += max(1, (utf8.RuneCountInString(l)+per-1)/per)
		}
		lines = max(lines, n)
	}
	if lines > 1 {
		x.check(x.f.SetRowHeight(sheet, row, min(409, 15*float64(lines))))
	}
}

func (x *xlsxWriter) cell(sheet string, col, row int, c cell) {
	ref := cellName(col, row)
	switch {
	case c.shade == -2:
		x.check(x.f.SetCellStyle(sheet, ref, ref, x.noLevel))
	case c.shade >= 0:
		x.str(sheet, col, row, c.text, x.shade[c.shade])
	case c.num != nil:
		x.check(x.f.SetCellFloat(sheet, ref, *c.num, -1, 64))
		x.check(x.f.SetCellStyle(sheet, ref, ref, x.num))
	default:
		x.str(sheet, col, row, c.text, x.text)
	}
}

// page freezes the head row and sets up printing: landscape, as wide as
// the page, the marking in the header and the page number in the footer.
func (x *xlsxWriter) page(sheet string) {
	f := x.f
	x.check(f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	landscape, wide, tall, fit := "landscape", 1, 0, true
	x.check(f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall}))
	x.check(f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	marking := x.r.Marking()
	x.check(f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: "&C&\"-,Bold\"" + headerText(marking, 200),
		OddFooter: "&L" + headerText(x.r.l("h.title")+" · "+sheet, 100) + "&R&P / &N",
	}))
}

// headerText escapes text for a page header or footer, where "&" starts a
// code, and keeps it short: Excel allows 255 characters in all.
func headerText(s string, limit int) string {
	r := []rune(s)
	if len(r) > limit {
		r = append(r[:limit-1], '…')
	}
	return strings.ReplaceAll(string(r), "&", "&&")
}

// maxCell is the most text a cell holds, in UTF-16 code units, with room
// for the mark of a cut.
const maxCell = 32000

// str writes s as text: never a formula, escaped so that "_x0041_" shows
// as written, cut with a mark when longer than a cell holds (the JSON
// report has it whole).
func (x *xlsxWriter) str(sheet string, col, row int, s string, style int) {
	ref := cellName(col, row)
	if len(utf16.Encode([]rune(s))) > maxCell {
		r := []rune(s)
		for len(utf16.Encode(r)) > maxCell {
			r = r[:len(r)*9/10]
		}
		s = string(r) + "… (cut: the JSON report has the whole text)"
	}
	if s != "" {
		x.check(xlsxtext.Set(x.f, sheet, ref, s))
	}
	x.check(x.f.SetCellStyle(sheet, ref, ref, style))
}

// finish fixes what would make the bytes differ between runs: the
// document properties (dated by the latest session) and the order of the
// content types.
func (x *xlsxWriter) finish(w io.Writer) error {
	date := x.r.Latest
	if len(date) != len("2006-01-02") {
		date = "2000-01-01"
	}
	stamp := date + "T00:00:00Z"
	category := x.r.Classification
	if x.r.Anonymised {
		category = ""
	}
	err := x.f.SetDocProps(&excelize.DocProperties{
		Title: x.r.l("h.title"), Creator: "ncskit", LastModifiedBy: "ncskit",
		Created: stamp, Modified: stamp, Language: x.r.Language, Category: category,
	})
	if err != nil {
		return err
	}
	x.f.SetActiveSheet(0)
	ct := x.f.ContentTypes
	sort.Slice(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	sort.Slice(ct.Overrides, func(i, j int) bool { return ct.Overrides[i].PartName < ct.Overrides[j].PartName })
	return x.f.Write(w)
}

func colName(c int) string {
	n, _ := excelize.ColumnNumberToName(c)
	return n
}

func cellName(c, r int) string {
	n, _ := excelize.CoordinatesToCellName(c, r)
	return n
}

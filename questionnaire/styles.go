package questionnaire

import (
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// styles are the cell styles of the workbook, by use.
type styles struct {
	title, subtitle, heading, note   int // instructions and sheet titles
	intro                            int // a paragraph under a title
	header, text, id, area, label    int // locked cells
	input, date, number, fixed, hint int // answer cells, and the fixed respondent ID
	para                             int // a paragraph of the instructions
}

// Sizes and colours. Body text is 10 pt; answer cells are yellow.
const (
	bodySize    = 10
	inputColour = "FFF2CC"
	headColour  = "1F4E79"
	areaColour  = "DDEBF7"
	lineColour  = "BFBFBF"
	noteColour  = "595959"
	textFormat  = 49 // the built-in "@" (text) number format
	fontFamily  = "Calibri"
)

func newStyles(f *excelize.File) (styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: lineColour, Style: 1}, {Type: "right", Color: lineColour, Style: 1},
		{Type: "top", Color: lineColour, Style: 1}, {Type: "bottom", Color: lineColour, Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	unlocked := &excelize.Protection{Locked: false}
	locked := &excelize.Protection{Locked: true}
	solid := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	font := func(bold, italic bool, size float64, colour string) *excelize.Font {
		return &excelize.Font{Bold: bold, Italic: italic, Size: size, Color: colour, Family: fontFamily}
	}
	dateFormat := "yyyy-mm-dd"
	var st styles
	defs := []struct {
		to *int
		s  excelize.Style
	}{
		{&st.title, excelize.Style{Font: font(true, false, 14, headColour), Protection: locked}},
		{&st.subtitle, excelize.Style{Font: font(false, true, bodySize, noteColour), Protection: locked}},
		{&st.intro, excelize.Style{Font: font(false, true, bodySize, noteColour), Alignment: top, Protection: locked}},
		{&st.heading, excelize.Style{Font: font(true, false, 12, headColour), Alignment: &excelize.Alignment{Vertical: "bottom"}, Protection: locked}},
		{&st.note, excelize.Style{Font: font(false, true, 9, noteColour), Alignment: top, Protection: locked}},
		{&st.header, excelize.Style{Font: font(true, false, bodySize, "FFFFFF"), Fill: solid(headColour), Border: border,
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, Protection: locked}},
		{&st.text, excelize.Style{Font: font(false, false, bodySize, ""), Alignment: top, Border: border, Protection: locked, NumFmt: textFormat}},
		{&st.id, excelize.Style{Font: font(true, false, bodySize, ""), Alignment: top, Border: border, Protection: locked, NumFmt: textFormat}},
		{&st.area, excelize.Style{Font: font(true, false, bodySize, headColour), Fill: solid(areaColour), Border: border,
			Alignment: &excelize.Alignment{Vertical: "center"}, Protection: locked}},
		{&st.label, excelize.Style{Font: font(true, false, bodySize, ""), Alignment: top, Protection: locked}},
		{&st.input, excelize.Style{Font: font(false, false, bodySize, ""), Fill: solid(inputColour), Border: border, Alignment: top,
			Protection: unlocked, NumFmt: textFormat}},
		{&st.date, excelize.Style{Font: font(false, false, bodySize, ""), Fill: solid(inputColour), Border: border,
			Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}, Protection: unlocked, CustomNumFmt: &dateFormat}},
		{&st.number, excelize.Style{Font: font(true, false, bodySize, ""), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}, Protection: locked}},
		{&st.fixed, excelize.Style{Font: font(false, false, bodySize, noteColour), Border: border, Alignment: top, Protection: locked, NumFmt: textFormat}},
		{&st.para, excelize.Style{Font: font(false, false, bodySize, ""), Alignment: top, Protection: locked}},
		{&st.hint, excelize.Style{Font: font(false, true, bodySize, noteColour), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true, Indent: 1}, Protection: locked}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.s)
		if err != nil {
			return st, err
		}
		*d.to = id
	}
	return st, nil
}

// Row heights. Spreadsheet programs do not grow a row to fit wrapped text
// written by another program, so Write estimates each row's height from
// its text and the column widths, on the safe side.
const (
	lineHeight = 13.0  // points per line of 10 pt text
	maxHeight  = 409.0 // the tallest row a spreadsheet allows
	// charsPerWidth is how many characters of 10 pt text fit in one unit
	// of column width (the width of a "0" in the 11 pt default font).
	charsPerWidth = 1.3
)

// lines estimates how many lines text takes when wrapped in a column of
// the given width, at 10 pt (size scales it for other sizes).
func lines(text string, width, size float64) int {
	per := int(width * charsPerWidth * bodySize / size)
	if per < 1 {
		per = 1
	}
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n++
		col := 0
		for _, w := range strings.Fields(para) {
			l := utf8.RuneCountInString(w)
			switch {
			case col == 0:
				col = l
			case col+1+l <= per:
				col += 1 + l
			default:
				n++
				col = l
			}
			for col > per { // a word longer than the line
				n++
				col -= per
			}
		}
	}
	return n
}

// height returns a row height that fits the given number of lines.
func height(n int) float64 {
	return min(float64(n)*lineHeight+4, maxHeight)
}

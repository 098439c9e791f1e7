package xlsx

import "github.com/xuri/excelize/v2"

// styles are the cell styles of the workbook. Colours are chosen to stay
// apart when printed in greyscale: the header is dark with white text,
// input cells are a light tint, and the RACI letters step from dark (A) to
// nearly white (I) besides being written out.
type styles struct {
	header, headerRot, headerCenter              int
	text, textBold, int, intBold, num2, num2Bold int
	general, month, money, moneyBold, intTotal   int
	inputText, inputDate, inputNum, inputInt     int
	date                                         int
	title, subtitle, section, label, value, note int
	quarter                                      int
	// conditional formats (dxf)
	raci                                        map[string]int
	running, completedRun, delayRun, ongoingRun int
	onTrack, atRisk, offTrack                   int
}

const (
	colHeader  = "1F3864" // dark navy
	colBorder  = "BFBFBF"
	colInput   = "FFF2CC" // light yellow: cells to edit
	colRunning = "2F5597"
	colTarget  = "C55A11" // dark orange, lighter than colHeader in greyscale
	fmtText    = 49       // "@"
)

func (e *encoder) newStyles() styles {
	border := []excelize.Border{
		{Type: "left", Color: colBorder, Style: 1}, {Type: "right", Color: colBorder, Style: 1},
		{Type: "top", Color: colBorder, Style: 1}, {Type: "bottom", Color: colBorder, Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	center := &excelize.Alignment{Vertical: "top", Horizontal: "center"}
	unlocked := &excelize.Protection{Locked: false}
	custom := func(s string) *string { return &s }
	bold := &excelize.Font{Bold: true}
	var s styles
	add := func(st *excelize.Style) int {
		if st.Font == nil {
			st.Font = &excelize.Font{}
		}
		st.Font = withFamily(*st.Font)
		id, err := e.f.NewStyle(st)
		e.check(err)
		return id
	}
	s.header = add(&excelize.Style{NumFmt: fmtText, Border: border, Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colHeader}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	s.headerCenter = add(&excelize.Style{NumFmt: fmtText, Border: border, Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colHeader}},
		Alignment: &excelize.Alignment{Vertical: "center", Horizontal: "center", WrapText: true}})
	s.headerRot = add(&excelize.Style{NumFmt: fmtText, Border: border, Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colHeader}},
		Alignment: &excelize.Alignment{Vertical: "bottom", Horizontal: "center", WrapText: true, TextRotation: 90}})
	s.text = add(&excelize.Style{Border: border, Alignment: top, NumFmt: fmtText})
	s.textBold = add(&excelize.Style{Border: border, Alignment: top, NumFmt: fmtText, Font: bold})
	s.int = add(&excelize.Style{Border: border, Alignment: center, NumFmt: 1})
	s.intBold = add(&excelize.Style{Border: border, Alignment: center, NumFmt: 1, Font: bold})
	s.num2 = add(&excelize.Style{Border: border, Alignment: center, NumFmt: 2})
	s.num2Bold = add(&excelize.Style{Border: border, Alignment: center, NumFmt: 2, Font: bold})
	s.general = add(&excelize.Style{Border: border, Alignment: center})
	s.month = add(&excelize.Style{Border: border, Alignment: center, CustomNumFmt: custom("yyyy-mm")})
	s.money = add(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top"}, NumFmt: 3})
	s.moneyBold = add(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top"}, NumFmt: 3, Font: bold})
	s.intTotal = add(&excelize.Style{Border: border, Alignment: center, NumFmt: 1, Font: bold})
	s.inputText = add(&excelize.Style{Border: border, Alignment: top, NumFmt: fmtText, Protection: unlocked,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colInput}}})
	s.inputDate = add(&excelize.Style{Border: border, Alignment: center, CustomNumFmt: custom("yyyy-mm-dd"), Protection: unlocked,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colInput}}})
	s.inputNum = add(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top"}, NumFmt: 4, Protection: unlocked,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colInput}}})
	s.inputInt = add(&excelize.Style{Border: border, Alignment: center, NumFmt: 1, Protection: unlocked,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colInput}}})
	s.date = add(&excelize.Style{Border: border, Alignment: center, CustomNumFmt: custom("yyyy-mm-dd")})
	s.title = add(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Color: colHeader}, NumFmt: fmtText,
		Alignment: &excelize.Alignment{Vertical: "center"}})
	s.subtitle = add(&excelize.Style{Font: &excelize.Font{Italic: true}, NumFmt: fmtText,
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	s.section = add(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Color: colHeader}, NumFmt: fmtText,
		Border: []excelize.Border{{Type: "bottom", Color: colHeader, Style: 2}}})
	s.label = add(&excelize.Style{Border: border, Font: bold, NumFmt: fmtText, Alignment: top,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}})
	s.value = add(&excelize.Style{Border: border, NumFmt: fmtText, Alignment: top})
	s.note = add(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 9, Color: "404040"}, NumFmt: fmtText,
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	s.quarter = add(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
		Font:   &excelize.Font{Color: colRunning},
		Border: []excelize.Border{{Type: "left", Color: "D9D9D9", Style: 1}, {Type: "right", Color: "D9D9D9", Style: 1}, {Type: "bottom", Color: "D9D9D9", Style: 1}}})

	cond := func(fill, font string, b bool) int {
		id, err := e.f.NewConditionalStyle(&excelize.Style{Font: withFamily(excelize.Font{Color: font, Bold: b}),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}}})
		e.check(err)
		return id
	}
	// Luminance falls from I to A, so the letters stay apart in greyscale.
	s.raci = map[string]int{
		"A": cond("1F3864", "FFFFFF", true),
		"R": cond("5B87C5", "FFFFFF", true),
		"C": cond("C9DAF0", "000000", false),
		"I": cond("F2F2F2", "404040", false),
	}
	s.running = cond(colRunning, colRunning, false)
	s.ongoingRun = cond("BDD7EE", colRunning, false)
	s.completedRun = cond("A6A6A6", "A6A6A6", false)
	s.delayRun = cond("C00000", "FFFFFF", true)
	// Traffic lights: the word says it; the fill falls in luminance from
	// on track to off track.
	s.onTrack = cond("C6EFCE", "006100", false)
	s.atRisk = cond("FFD966", "7F6000", true)
	s.offTrack = cond("C00000", "FFFFFF", true)
	return s
}

// withFamily names the font, so that no application falls back to its own
// default (LibreOffice would pick a serif face).
func withFamily(f excelize.Font) *excelize.Font {
	if f.Family == "" {
		f.Family = "Calibri"
	}
	if f.Size == 0 {
		f.Size = 11
	}
	return &f
}

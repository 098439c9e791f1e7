package xlsx

import "strings"

// set writes text into a cell as a string, never a formula, escaped so
// that spreadsheet programs show it as written (see escapeX). Every cell
// text of the workbook goes through set.
func (e *encoder) set(sheet string, col, row int, s string) {
	e.check(e.f.SetCellStr(sheet, cell(col, row), escapeX(s)))
	e.touch(sheet, col, row)
}

// escapeX protects text that looks like an escaped character of the XLSX
// format ("_x0041_" stands for "A") by escaping its underscore as
// "_x005F_", as Excel does. excelize v2.11.1's SetCellStr computes this
// escape but stores the unescaped text, so that "_x0041_" would show as
// "A" in Excel and LibreOffice. (questionnaire.escapeX does the same for
// the questionnaire.)
func escapeX(s string) string {
	var b strings.Builder
	from := 0
	for i := 0; i+7 <= len(s); i++ {
		if isEscape(s[i:]) {
			if from == 0 {
				b.Grow(len(s) + 6)
			}
			b.WriteString(s[from:i])
			b.WriteString("_x005F")
			from = i
			i += 6 // past the sequence: escapes do not overlap
		}
	}
	if b.Len() == 0 {
		return s
	}
	b.WriteString(s[from:])
	return b.String()
}

// isEscape reports whether s opens with an escape sequence of the XLSX
// format: "_x", four hexadecimal digits and "_".
func isEscape(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

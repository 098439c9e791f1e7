// Package xlsxtext writes free text into the cells of an XLSX file so that
// spreadsheet programs show it as written: as a string, never a formula,
// and with what looks like an escaped character of the format escaped
// itself. The draft's workbook, the regional workbook and the
// questionnaire all write their text through it.
//
//	err := xlsxtext.Set(f, "Sheet1", "B2", "=SUM(A1) and _x0041_")
package xlsxtext

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// Set writes s into the cell ref of sheet as a string cell, escaped (see
// Escape). A string cell is never evaluated: text that starts with =, +,
// -, @, a tab or a carriage return stays text.
func Set(f *excelize.File, sheet, ref, s string) error {
	return f.SetCellStr(sheet, ref, Escape(s))
}

// Escape protects text that looks like an escaped character of the XLSX
// format ("_x0041_" stands for "A") by escaping its underscore as
// "_x005F_", as Excel does: excelize v2.11.1's SetCellStr stores the text
// unescaped, so that "_x0041_" would show as "A" in Excel and LibreOffice.
// Every sequence is escaped, also one that shares its underscore with the
// one before it: "_x0041_x0042_" becomes "_x005F_x0041_x005F_x0042_",
// since a reader that decodes "_x005F_" goes on reading at "x0041_x0042_"
// and would take "_x0042_" for "B".
func Escape(s string) string {
	i := strings.Index(s, "_x")
	if i < 0 {
		return s
	}
	var b strings.Builder
	from, escaped := 0, false
	for ; i+7 <= len(s); i++ {
		if IsEscape(s[i:]) {
			if !escaped {
				b.Grow(len(s) + 6)
				escaped = true
			}
			b.WriteString(s[from:i])
			b.WriteString("_x005F")
			from = i
		}
	}
	if !escaped {
		return s
	}
	b.WriteString(s[from:])
	return b.String()
}

// IsEscape reports whether s opens with an escape sequence of the XLSX
// format: "_x", four hexadecimal digits and "_".
func IsEscape(s string) bool {
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

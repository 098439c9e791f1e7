package xlsx

import (
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ncskit/ncskit/internal/xlsxtext"
)

// Every piece of text the workbook shows in a cell goes through text:
// written as a string, never a formula; escaped so that spreadsheet
// programs show it as written (see xlsxtext.Escape); and, when it is longer than
// a cell holds, cut into pieces that continue in other cells, each piece
// marked so that a reader can follow it.
//
// A piece that continues ends with a line "… continued in the next row"
// (or "… continued in H4"); the pieces after the first open with a line
// "(continued 2/3)". Nothing else is added: the pieces without these
// lines, in order, are the text.

// maxCellChars is the most a cell holds, in UTF-16 code units: Excel's
// limit. excelize v2.11.1 cuts longer text without a word.
const maxCellChars = 32767

// flow says where the text of a cell goes on when it is longer than a
// cell holds.
type flow int

const (
	// down continues in the cells below, on rows the table keeps for it:
	// a table sheet moves to the row of its next record with next.
	down flow = iota
	// right continues in the same row, in the columns after the last one
	// the sheet uses, which frame places once the sheet is written. It is
	// for cells of a fixed layout (document control, titles, heads,
	// lists), where the rows below hold other things.
	right
)

// spill is text that continues to the right, waiting for frame.
type spill struct {
	col, row int
	pieces   []string
}

// text writes s into the cell at col, row; see flow for text longer than
// a cell holds.
func (e *encoder) text(sheet string, col, row int, s string, f flow) {
	if s == "" {
		return
	}
	pieces := e.pieces(s)
	switch {
	case len(pieces) == 1:
		e.set(sheet, col, row, s)
	case f == right:
		e.spills[sheet] = append(e.spills[sheet], spill{col, row, pieces})
	default:
		n := len(pieces)
		for k, p := range pieces {
			t := e.mark(p, k, n, e.labelOr("xlsx.continuedBelow", "continued in the next row"))
			e.set(sheet, col, row+k, t)
			if k > 0 {
				e.grow(sheet, row+k, t, e.span(sheet, col, col), false)
				e.filled[sheet][[2]int{col, row + k}] = true
			}
		}
		e.more[sheet][row] = max(e.more[sheet][row], n-1)
	}
}

// next returns the row of the record after the one at row r of a table
// sheet: r+1, or further down when text of the record continued on rows
// below. Those rows repeat the record's key in column keyCol, so that a
// reader sees whose text they hold.
func (e *encoder) next(sheet string, r, keyCol int, key string) int {
	n := e.more[sheet][r]
	for k := 1; k <= n; k++ {
		if !e.filled[sheet][[2]int{keyCol, r + k}] {
			e.text(sheet, keyCol, r+k, key, right)
		}
	}
	return r + 1 + n
}

// spillRight places the text that continues to the right (see right) in
// the columns after the last one the sheet uses, in the order it was
// written.
func (e *encoder) spillRight(sheet string) {
	first := e.ext[sheet][0] + 1
	taken := map[int]int{} // row → continuation columns used
	for _, sp := range e.spills[sheet] {
		n := len(sp.pieces)
		at := first + taken[sp.row] // the column of the second piece
		taken[sp.row] += n - 1
		for k, p := range sp.pieces {
			col := sp.col
			if k > 0 {
				col = at + k - 1
				if _, ok := e.h.width[sheet][col]; !ok {
					e.colWidth(sheet, col, col, 60)
				}
			}
			t := e.mark(p, k, n, e.labelOr("xlsx.continuedIn", "continued in")+" "+cell(at+k, sp.row))
			e.set(sheet, col, sp.row, t)
			if k > 0 {
				e.style(sheet, col, sp.row, col, sp.row, e.st.text)
				e.grow(sheet, sp.row, t, e.span(sheet, col, col), false)
			}
		}
	}
	e.spills[sheet] = nil
}

// set writes one cell's text, escaped.
func (e *encoder) set(sheet string, col, row int, s string) {
	e.check(xlsxtext.Set(e.f, sheet, cell(col, row), s))
	e.touch(sheet, col, row)
}

// mark adds to piece k (from 0) of n its marks: "(continued k+1/n)" before
// it unless it is the first, and "… where" after it unless it is the
// last.
func (e *encoder) mark(p string, k, n int, where string) string {
	if k > 0 {
		p = "(" + e.labelOr("xlsx.continued", "continued") + " " + itoa(k+1) + "/" + itoa(n) + ")\n" + p
	}
	if k < n-1 {
		p += "\n… " + where
	}
	return p
}

// labelOr returns the label for key, or fallback when the draft has none.
// The templates do not have the words of the continuation marks yet
// (xlsx.continued, xlsx.continuedBelow, xlsx.continuedIn): until they
// do, the marks are in English.
func (e *encoder) labelOr(key, fallback string) string {
	if s, ok := e.d.Labels[key]; ok {
		return s
	}
	return fallback
}

// pieces cuts s into pieces that each fit a cell, escaped and with their
// marks; text that fits is one piece, s itself.
func (e *encoder) pieces(s string) []string {
	if cellLen(s) <= maxCellChars {
		return []string{s}
	}
	// The marks of the longest kind: n is at most len(s).
	big := itoa(len(s))
	marks := max(cellLen(e.mark("", 1, 3, e.labelOr("xlsx.continuedBelow", "continued in the next row"))),
		cellLen(e.mark("", 1, 3, e.labelOr("xlsx.continuedIn", "continued in")+" XFD1048576"))) + 2*(len(big)-1)
	room := max(maxCellChars-marks, 16)
	var out []string
	for s != "" {
		n := cut(s, room)
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

// cut returns the length in bytes of the longest head of s that takes at
// most room UTF-16 code units once escaped, ended after a line break or a
// space when one falls in its second half. It cuts neither a character
// nor the head "_xHHHH" of an escape sequence (see unit), and takes at
// least one of them.
func cut(s string, room int) int {
	used, i, nl, sp := 0, 0, 0, 0
	for i < len(s) {
		size, units := unit(s[i:])
		if used+units > room && i > 0 {
			break
		}
		used += units
		i += size
		switch s[i-1] {
		case '\n':
			nl = i
		case ' ':
			sp = i
		}
	}
	switch {
	case i == len(s):
	case nl > i/2:
		i = nl
	case sp > i/2:
		i = sp
	}
	return i
}

// unit returns the size in bytes of the first character of s, or of the
// head "_xHHHH" of the escape sequence it opens, and how many UTF-16 code
// units it takes in a cell once escaped. The closing underscore is a unit
// of its own, as it may open the next sequence: "_x0041_x0042_" takes
// 12 + 12 + 1 units ("_x005F_x0041_x005F_x0042_").
func unit(s string) (size, units int) {
	if xlsxtext.IsEscape(s) {
		return 6, 12 // "_x0041" is written "_x005F_x0041"
	}
	r, size := utf8.DecodeRuneInString(s)
	if n := utf16.RuneLen(r); n > 0 {
		return size, n
	}
	return size, 1
}

// cellLen is the length of s in a cell once escaped, in UTF-16 code units.
func cellLen(s string) int {
	n := 0
	for s != "" {
		size, units := unit(s)
		n += units
		s = s[size:]
	}
	return n
}

package xlsx

import (
	"math"
	"sort"
	"unicode"
	"unicode/utf8"
)

// Row heights. LibreOffice does not fit the height of rows to wrapped text
// when it opens a workbook, and Excel does so only for rows it has not
// been told the height of; so the encoder estimates the height each row
// needs from the text it writes and the width of its columns, and sets it.
// The estimate leans to a line too many rather than text cut off.

const (
	lineHeight = 15.0 // points per line of 11-point Calibri or Carlito
	rowPad     = 3.0
)

// heights collects, per sheet, the widths of the columns and the height
// each row needs.
type heights struct {
	width map[string]map[int]float64
	need  map[string]map[int]float64
}

// colWidth sets the width of columns c1 to c2 and remembers it.
func (e *encoder) colWidth(sheet string, c1, c2 int, w float64) {
	e.check(e.f.SetColWidth(sheet, colName(c1), colName(c2), w))
	m := e.h.width[sheet]
	if m == nil {
		m = map[int]float64{}
		e.h.width[sheet] = m
	}
	for c := c1; c <= c2; c++ {
		m[c] = w
	}
}

// grow records that row needs to show s wrapped in a width of w characters.
func (e *encoder) grow(sheet string, row int, s string, w float64, bold bool) {
	n := lines(s, w, bold)
	if n <= 1 {
		return
	}
	if e.h.need[sheet] == nil {
		e.h.need[sheet] = map[int]float64{}
	}
	h := float64(n)*lineHeight + rowPad
	if h > e.h.need[sheet][row] {
		e.h.need[sheet][row] = min(h, 409) // Excel's largest row height
	}
}

// fitRows sets the heights a sheet's rows need.
func (e *encoder) fitRows(sheet string) {
	rows := make([]int, 0, len(e.h.need[sheet]))
	for r := range e.h.need[sheet] {
		rows = append(rows, r)
	}
	sort.Ints(rows)
	for _, r := range rows {
		e.check(e.f.SetRowHeight(sheet, r, e.h.need[sheet][r]))
	}
}

// lines estimates how many lines s takes when wrapped at word boundaries
// in a column w characters wide (the width of "0" in the default font).
func lines(s string, w float64, bold bool) int {
	avail := max(w-0.9, 1)
	scale := 1.04
	if bold {
		scale = 1.12
	}
	space := 0.46 * scale
	n, x, word := 1, 0.0, 0.0
	first := true // no word yet on this line
	flush := func() {
		switch {
		case first:
			x = word
		case x+space+word <= avail:
			x += space + word
		default:
			n++
			x = word
		}
		for x > avail { // a word longer than the column breaks anywhere
			n++
			x -= avail
		}
		first, word = false, 0
	}
	for _, r := range s {
		switch r {
		case ' ':
			flush()
		case '\n':
			flush()
			n++
			x, first = 0, true
		default:
			word += runeWidth(r) * scale
		}
	}
	flush()
	return n
}

// runeWidth estimates the width of r in widths of "0" of Calibri 11.
func runeWidth(r rune) float64 {
	switch r {
	case 'i', 'l', 'j', 't', 'f', 'r', 'I', '.', ',', ';', ':', '\'', '!', '|', '(', ')', '[', ']', '{', '}', '"', '`':
		return 0.5
	case 'm', 'w', 'M', 'W', '@', '%':
		return 1.4
	}
	switch {
	case r >= 'A' && r <= 'Z':
		return 1.08
	case r >= '0' && r <= '9':
		return 1
	case r < utf8.RuneSelf:
		return 0.86
	case unicode.IsUpper(r):
		return 1.08
	case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Hiragana, r):
		return 2
	}
	return 0.9
}

// span is the width of columns c1 to c2 of a sheet.
func (e *encoder) span(sheet string, c1, c2 int) float64 {
	w := 0.0
	for c := c1; c <= c2; c++ {
		if x, ok := e.h.width[sheet][c]; ok {
			w += x
		} else {
			w += 8.43
		}
	}
	return math.Max(w, 1)
}

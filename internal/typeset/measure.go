package typeset

import (
	"strings"
	"unicode/utf8"
)

// Font is a face of the embedded fonts at a size in points.
type Font struct {
	Bold bool
	Size float64
}

// ptToMM converts points to millimetres.
const ptToMM = 25.4 / 72

// Width is the width of s in millimetres in style st, computed from the
// font's own widths as fpdf does.
func Width(s string, st Font) float64 {
	return st.mm(ems(s, st))
}

// runeWidth is the width of r in millimetres in style st.
func runeWidth(r rune, st Font) float64 {
	return st.mm(em(r, faceOf(st)))
}

// ems is the width of s in thousandths of the font size.
func ems(s string, st Font) int {
	fc := faceOf(st)
	n := 0
	for _, r := range s {
		n += em(r, fc)
	}
	return n
}

// em is the width of r in thousandths of the font size.
func em(r rune, fc *face) int {
	if r < 0x80 {
		return int(fc.ascii[r])
	}
	return int(fc.width[r])
}

func faceOf(st Font) *face {
	if st.Bold {
		return faces[1]
	}
	return faces[0]
}

// mm converts a width in thousandths of the font size to millimetres.
// Widths are added in these integer units, so that the width of a piece of
// text is the same however it was cut.
func (st Font) mm(n int) float64 { return float64(n) * st.Size * ptToMM / 1000 }

// Wrap breaks s into lines no wider than w: at spaces, and inside a word
// only when the word alone is wider than a line (after a hyphen or slash
// when there is one). "\n" starts a new line.
func Wrap(s string, w float64, st Font) []string {
	return WrapIndent(s, w, 0, st)
}

// WrapIndent is Wrap with the first line shorter by indent, to follow a
// label.
func WrapIndent(s string, w, indent float64, st Font) []string {
	var lines []string
	for para := range strings.SplitSeq(s, "\n") {
		lines = wrapPara(lines, para, w, indent, st)
		indent = 0
	}
	return lines
}

// wrapPara appends the lines of one paragraph. It measures each word once
// and then only the piece it takes off a word too long for a line, so
// that its time grows with the length of the text, however long its
// words.
func wrapPara(lines []string, para string, w, indent float64, st Font) []string {
	space := Width(" ", st)
	var line strings.Builder
	lineW := indent
	empty := true
	for _, word := range Units(para) {
		n := ems(word, st)
		ww := st.mm(n)
		if !empty && lineW+space+ww <= w {
			line.WriteByte(' ')
			line.WriteString(word)
			lineW += space + ww
			continue
		}
		if !empty {
			lines = append(lines, line.String())
			line.Reset()
			lineW = 0
		}
		if empty && lineW > 0 && ww > w-lineW && ww <= w {
			lines = append(lines, "") // the word fits a whole line, not the rest of the first
			lineW = 0
		}
		for ww > w-lineW {
			head, tail, hn := breakWord(word, w-lineW, st)
			lines = append(lines, head)
			word, n = tail, n-hn
			ww = st.mm(n)
			lineW = 0
		}
		line.WriteString(word)
		lineW += ww
		empty = false
	}
	return append(lines, line.String())
}

// Units splits a paragraph into the pieces wrapping keeps whole: words,
// with a lone arrow or dash joined to the word before it, so that
// "2027-07 → 2027-12" never leaves the arrow alone on a line.
func Units(para string) []string {
	var out, unit []string
	flush := func() {
		if len(unit) > 0 {
			out = append(out, strings.Join(unit, " "))
			unit = unit[:0]
		}
	}
	for word := range strings.SplitSeq(para, " ") {
		switch {
		case word == "":
		case len(unit) > 0 && glue(word):
			unit = append(unit, word)
		default:
			flush()
			unit = append(unit, word)
		}
	}
	flush()
	return out
}

func glue(word string) bool {
	switch word {
	case "→", "←", "↔", "⇒", "⇔", "–", "—", "-", "=", "×", "+", "&":
		return true
	}
	return false
}

// breakWord splits a word wider than w into a head that fits and the
// rest, after the last hyphen or slash that fits in the second half of
// the line, else at the last character that fits. The head has at least
// one character, so that wrapping always advances. n is the width of the
// head in thousandths of the font size. breakWord reads no further into
// the word than one character past the line.
func breakWord(word string, w float64, st Font) (head, tail string, n int) {
	fc := faceOf(st)
	fit, soft := 0, 0
	fitN, softN, acc := 0, 0, 0
	for i, r := range word {
		acc += em(r, fc)
		if st.mm(acc) > w && fit > 0 {
			break
		}
		fit, fitN = i+utf8.RuneLen(r), acc
		if (r == '-' || r == '/') && st.mm(acc) > w/2 {
			soft, softN = fit, acc
		}
	}
	if soft > 0 && soft < len(word) {
		fit, fitN = soft, softN
	}
	return word[:fit], word[fit:], fitN
}

// Ellipsize shortens s to fit w, ending it with an ellipsis.
func Ellipsize(s string, w float64, st Font) string {
	if Width(s, st) <= w {
		return s
	}
	limit := w - Width("…", st)
	acc, cut := 0.0, 0
	for i, r := range s {
		acc += runeWidth(r, st)
		if acc > limit {
			break
		}
		cut = i + utf8.RuneLen(r)
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// Clip wraps s to w and keeps at most n lines, the last ellipsized when
// text was cut.
func Clip(s string, w float64, st Font, n int) []string {
	lines := Wrap(s, w, st)
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	lines[n-1] = Ellipsize(lines[n-1]+" …", w, st)
	return lines
}

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
	wr := wrapper{keep: true}
	wr.wrap(s, w, indent, st)
	return wr.lines
}

// Lines is len(Wrap(s, w, st)), found without building the lines.
func Lines(s string, w float64, st Font) int {
	var wr wrapper
	wr.wrap(s, w, 0, st)
	return wr.n
}

// wrapper breaks text into lines; it keeps them only when keep is set,
// and counts them always.
type wrapper struct {
	keep  bool
	lines []string
	n     int
	line  line
}

func (wr *wrapper) wrap(s string, w, indent float64, st Font) {
	for para := range strings.SplitSeq(s, "\n") {
		wr.para(para, w, indent, st)
		indent = 0
	}
}

// emit ends the line in hand.
func (wr *wrapper) emit(s string) {
	wr.n++
	if wr.keep {
		wr.lines = append(wr.lines, s)
	}
}

// para wraps one paragraph. It measures each unit once and then only the
// piece it takes off a unit too long for a line, so that its time grows
// with the length of the text, however long its words.
func (wr *wrapper) para(para string, w, indent float64, st Font) {
	fc := faceOf(st)
	space := st.mm(em(' ', fc))
	l := &wr.line
	l.reset(para, wr.keep)
	lineW := indent
	empty := true
	eachUnit(para, func(word string, at int) {
		n := ems(word, st)
		ww := st.mm(n)
		if !empty && lineW+space+ww <= w {
			l.add(word, at, true)
			lineW += space + ww
			return
		}
		if !empty {
			wr.emit(l.take())
			lineW = 0
		}
		if empty && lineW > 0 && ww > w-lineW && ww <= w {
			wr.emit("") // the word fits a whole line, not the rest of the first
			lineW = 0
		}
		for ww > w-lineW {
			head, tail, hn := breakWord(word, w-lineW, st)
			wr.emit(head)
			if at >= 0 {
				at += len(head)
			}
			word, n = tail, n-hn
			ww = st.mm(n)
			lineW = 0
		}
		l.add(word, at, false)
		lineW += ww
		empty = false
	})
	wr.emit(l.take())
}

// line is the line being filled: a piece of its paragraph while its
// units follow one another there with single spaces between them, else
// a copy. A line that is only counted is not built.
type line struct {
	para       string
	keep       bool
	start, end int // the line is para[start:end] unless copied
	copied     bool
	buf        []byte
}

func (l *line) reset(para string, keep bool) {
	l.para, l.keep, l.start, l.end, l.copied = para, keep, 0, 0, false
}

// add appends a unit found at offset at of the paragraph (-1: not found
// there as such), after a space when sep is set.
func (l *line) add(u string, at int, sep bool) {
	if !l.keep {
		return
	}
	if !l.copied {
		switch {
		case !sep && l.start == l.end && at >= 0:
			l.start, l.end = at, at+len(u)
			return
		case sep && at >= 0 && at == l.end+1 && l.para[l.end] == ' ':
			l.end = at + len(u)
			return
		}
		l.buf = append(l.buf[:0], l.para[l.start:l.end]...)
		l.copied = true
	}
	if sep {
		l.buf = append(l.buf, ' ')
	}
	l.buf = append(l.buf, u...)
}

// take returns the line and starts an empty one.
func (l *line) take() string {
	s := ""
	if l.copied {
		s = string(l.buf)
	} else if l.keep {
		s = l.para[l.start:l.end]
	}
	l.start, l.end, l.copied = 0, 0, false
	return s
}

// Units splits a paragraph into the pieces wrapping keeps whole: words,
// with a lone arrow or dash joined to the word before it, so that
// "2027-07 → 2027-12" never leaves the arrow alone on a line.
func Units(para string) []string {
	var out []string
	eachUnit(para, func(u string, _ int) { out = append(out, u) })
	return out
}

// eachUnit calls yield with each unit of para (see Units) and its offset
// in para, or -1 when its words are not separated by single spaces there
// and it is not a piece of para.
func eachUnit(para string, yield func(unit string, at int)) {
	at, end := 0, -1   // the unit in hand is para[at:end]; none when end < 0
	var words []string // its words, once they are not para[at:end]
	flush := func() {
		switch {
		case end < 0:
		case words != nil:
			yield(strings.Join(words, " "), -1)
		default:
			yield(para[at:end], at)
		}
		end, words = -1, nil
	}
	for i := 0; i <= len(para); {
		j := strings.IndexByte(para[i:], ' ')
		if j < 0 {
			j = len(para) - i
		}
		word := para[i : i+j]
		switch {
		case word == "":
		case end >= 0 && glue(word):
			if words == nil && i != end+1 {
				words = strings.Split(para[at:end], " ")
			}
			if words != nil {
				words = append(words, word)
			} else {
				end = i + j
			}
		default:
			flush()
			at, end = i, i+j
		}
		i += j + 1
	}
	flush()
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

package pdf

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ncskit/ncskit/internal/typeset"
	"github.com/ncskit/ncskit/strategy"
)

// columnWidths fits the columns to the text width. Each column gets at
// least its longest word and at most its longest text; between those,
// the widths follow the table's relative widths or the amount of text in
// each column, whichever makes the table shorter. ok is false when the
// words cannot all fit. boldFirst tells that the first column is set in
// bold; a total row is measured in bold, as it is set.
func (e *encoder) columnWidths(t strategy.Table, st, hst style, boldFirst bool) ([]float64, bool) {
	n := len(t.Columns)
	avail := e.textWidth()
	rel := make([]float64, n)
	lo := make([]float64, n)   // the longest word
	hi := make([]float64, n)   // the longest text on one line
	mean := make([]float64, n) // the average text on one line
	total := e.d.Labels.Get("total")
	for i := range rel {
		rel[i] = 1
		if i < len(t.Widths) && t.Widths[i] > 0 && t.Widths[i] < 1e6 {
			rel[i] = t.Widths[i]
		}
		lo[i] = longestWord(t.Columns[i], hst)
		hi[i] = longestLine(t.Columns[i], hst)
		for _, r := range t.Rows {
			cst := st
			cst.bold = i == 0 && boldFirst || strings.TrimSpace(r[0]) == total // a total row is set in bold
			lo[i] = max(lo[i], longestWord(r[i], cst))
			l := longestLine(r[i], cst)
			hi[i] = max(hi[i], l)
			mean[i] += l / float64(len(t.Rows))
		}
		pad := 2*cellPadX + 0.3
		lo[i] = min(lo[i]+pad, avail*0.4)
		hi[i] = max(hi[i]+pad, lo[i])
		mean[i] = max(mean[i], 1)
	}
	best, bestH := []float64(nil), math.Inf(1)
	ok := true
	var tried [][]float64
	for k, weights := range [][]float64{rel, mean, blend(rel, mean), sqrtAll(mean)} {
		w, fits := distribute(weights, lo, hi, avail)
		ok = fits
		if slices.ContainsFunc(tried, func(v []float64) bool { return slices.Equal(v, w) }) {
			continue // widths measured already, and not better the second time
		}
		tried = append(tried, w)
		h := tableLines(t, w, st)
		if k == 0 {
			h *= 0.97 // the author's widths win a near tie
		}
		if h < bestH {
			best, bestH = w, h
		}
	}
	return best, ok
}

// distribute shares total among columns in proportion to weights, keeping
// each between lo and hi where it can; ok is false when the lows do not
// fit.
func distribute(weights, lo, hi []float64, total float64) ([]float64, bool) {
	n := len(weights)
	w := make([]float64, n)
	fixed := make([]bool, n)
	for range n + 1 {
		free, sumW := total, 0.0
		for i := range w {
			if fixed[i] {
				free -= w[i]
			} else {
				sumW += weights[i]
			}
		}
		if sumW == 0 {
			break
		}
		changed := false
		for i := range w {
			if !fixed[i] {
				w[i] = max(free, 0) * weights[i] / sumW
			}
		}
		for i := range w {
			if fixed[i] {
				continue
			}
			if w[i] < lo[i] {
				w[i], fixed[i], changed = lo[i], true, true
			}
		}
		if !changed {
			for i := range w {
				if !fixed[i] && w[i] > hi[i] {
					w[i], fixed[i], changed = hi[i], true, true
				}
			}
		}
		if !changed {
			break
		}
	}
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	ok := sum <= total+0.01
	scale(w, total)
	return w, ok
}

func blend(a, b []float64) []float64 {
	sa, sb := 0.0, 0.0
	for i := range a {
		sa += a[i]
		sb += b[i]
	}
	out := make([]float64, len(a))
	for i := range a {
		out[i] = a[i]/sa + b[i]/sb
	}
	return out
}

func sqrtAll(a []float64) []float64 {
	out := make([]float64, len(a))
	for i, x := range a {
		out[i] = math.Sqrt(x)
	}
	return out
}

// tableLines is the height of the table's rows in lines for widths w.
func tableLines(t strategy.Table, w []float64, st style) float64 {
	total := 0
	for _, r := range t.Rows {
		n := 1
		for i, c := range r {
			n = max(n, lineCount(c, w[i]-2*cellPadX, st))
		}
		total += n
	}
	return float64(total)
}

// lineCount is len(wrap(s, w, st)), without building the lines.
func lineCount(s string, w float64, st style) int {
	if typeset.IsPlain(s) && width(s, st) <= w {
		return 1
	}
	return typeset.Lines(s, w, st.font())
}

// longestLine is the width of the longest line of s unwrapped.
func longestLine(s string, st style) float64 {
	best := 0.0
	for line := range strings.SplitSeq(s, "\n") {
		best = max(best, width(line, st))
	}
	return best
}

// longestWord is the width of the widest piece of s that wrapping should
// keep on one line: a word, or for a long word (more than 12 characters)
// the part up to a hyphen or slash, so that codes such as "GOV-07" never
// break.
func longestWord(s string, st style) float64 {
	best := 0.0
	for para := range strings.SplitSeq(s, "\n") {
		for _, word := range typeset.Units(para) {
			best = max(best, pieceWidth(word, st))
		}
	}
	return best
}

// pieceWidth is the width of the widest part of a word that should not
// break.
func pieceWidth(word string, st style) float64 {
	if utf8.RuneCountInString(word) <= 12 {
		return width(word, st)
	}
	best, start := 0.0, 0
	for i, r := range word {
		if r == '-' || r == '/' {
			best = max(best, width(word[start:i+1], st))
			start = i + 1
		}
	}
	return max(best, width(word[start:], st))
}

// scale makes the widths add up to total.
func scale(w []float64, total float64) {
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	if sum <= 0 {
		for i := range w {
			w[i] = total / float64(len(w))
		}
		return
	}
	for i := range w {
		w[i] *= total / sum
	}
}

package typeset

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// plainWrap is the wrapping rule written plainly: every unit is a word
// list joined afresh and every line built from its units. Wrap must give
// the same lines, found with fewer copies.
func plainWrap(s string, w, indent float64, st Font) []string {
	var lines []string
	for para := range strings.SplitSeq(s, "\n") {
		space := Width(" ", st)
		var line strings.Builder
		lineW := indent
		empty := true
		for _, word := range plainUnits(para) {
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
				lines = append(lines, "")
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
		lines = append(lines, line.String())
		indent = 0
	}
	return lines
}

func plainUnits(para string) []string {
	var out, unit []string
	for _, word := range strings.Split(para, " ") {
		switch {
		case word == "":
		case len(unit) > 0 && glue(word):
			unit = append(unit, word)
		default:
			if len(unit) > 0 {
				out = append(out, strings.Join(unit, " "))
			}
			unit = []string{word}
		}
	}
	if len(unit) > 0 {
		out = append(out, strings.Join(unit, " "))
	}
	return out
}

// randomText is words, arrows and dashes that glue to the word before
// them, single and repeated spaces, line breaks and words too long for a
// line.
func randomText(r *rand.Rand) string {
	pieces := []string{"the", "CSIRT", "Ministère", "→", "–", "-", "&", "GOV-07", "a/b/c/d/e/f", "2027-07",
		"évaluation", "x", strings.Repeat("Long-token/", 9), strings.Repeat("é", 70), "€"}
	seps := []string{" ", " ", " ", " ", "  ", "   ", "\n", "\n\n", " \n "}
	var b strings.Builder
	if r.IntN(4) == 0 {
		b.WriteString(seps[r.IntN(len(seps))])
	}
	for range r.IntN(40) {
		b.WriteString(pieces[r.IntN(len(pieces))])
		b.WriteString(seps[r.IntN(len(seps))])
	}
	if r.IntN(2) == 0 {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func TestWrapAsPlain(t *testing.T) {
	if err := Load(); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20000 {
		s := randomText(r)
		st := Font{Bold: r.IntN(2) == 0, Size: 6 + float64(r.IntN(25))/2}
		w := 1 + r.Float64()*170
		indent := 0.0
		if r.IntN(3) == 0 {
			indent = r.Float64() * w
		}
		want := plainWrap(s, w, indent, st)
		if got := WrapIndent(s, w, indent, st); !slices.Equal(got, want) {
			t.Fatalf("case %d: WrapIndent(%q, %g, %g, %+v)\n= %q\nwant %q", i, s, w, indent, st, got, want)
		}
		if indent == 0 {
			if n := Lines(s, w, st); n != len(want) {
				t.Fatalf("case %d: Lines(%q, %g, %+v) = %d, want %d", i, s, w, st, n, len(want))
			}
		}
		for _, para := range strings.Split(s, "\n") {
			if got, want := Units(para), plainUnits(para); !slices.Equal(got, want) {
				t.Fatalf("case %d: Units(%q) = %q, want %q", i, para, got, want)
			}
		}
	}
}

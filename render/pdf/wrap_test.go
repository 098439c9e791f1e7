package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ncskit/ncskit/internal/typeset"
)

// longToken is n bytes of text without a space: evidence pasted from a
// log, a URL list or a base64 blob.
func longToken(n int) string {
	const unit = "Evidence-ABCDEFGHIJ/klmnopqrst_0123456789éàüçñ€→"
	s := strings.Repeat(unit, n/len(unit)+1)
	for !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// shortWords is n bytes of short words separated by single spaces, with
// arrows and dashes that wrapping keeps with the word before them.
func shortWords(n int) string {
	words := []string{"the", "national", "CERT", "→", "response", "plan", "–", "was", "approved", "in", "2024;",
		"GOV-07", "a/b", "Ministère", "de", "l'Économie", "x", "incident", "reporting", "is", "voluntary."}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[(i*7+i/3)%len(words)])
	}
	return b.String()
}

// TestWrapLong wraps a 1 MB token without spaces and 1 MB of short
// words: every line fits the box, and the lines are the input in order
// with nothing lost but the spaces at which lines break.
func TestWrapLong(t *testing.T) {
	if err := typeset.Load(); err != nil {
		t.Fatal(err)
	}
	const size = 1 << 20
	for _, c := range []struct {
		name string
		text string
	}{
		{"token", longToken(size)},
		{"words", shortWords(size)},
	} {
		for _, st := range []style{body, h2Style} {
			for _, w := range []float64{2, 41.3, 170} {
				lines := wrapIndent(c.text, w, 7, st)
				for i, l := range lines {
					box := w
					if i == 0 {
						box -= 7
					}
					if lw := width(l, st); lw > box && len([]rune(l)) > 1 {
						t.Fatalf("%s, width %g: line %d is %.3f mm wide, more than %g: %.40q", c.name, w, i, lw, box, l)
					}
				}
				if pos, ok := rebuild(c.text, lines); !ok {
					t.Fatalf("%s, width %g: the lines are not the input at byte %d: %.40q", c.name, w, pos, c.text[pos:])
				}
			}
		}
	}
}

// rebuild walks s along the lines and reports whether they are s in
// order, less one space at some breaks between lines; pos is where they
// part. (In a column narrower than two characters, a word with an arrow
// glued to it may break at its space, which then stays on a line.)
func rebuild(s string, lines []string) (pos int, ok bool) {
	for _, l := range lines {
		switch {
		case strings.HasPrefix(s[pos:], l):
		case strings.HasPrefix(s[pos:], " "+l):
			pos++
		default:
			return pos, false
		}
		pos += len(l)
	}
	return pos, pos == len(s)
}

// BenchmarkWrapLongToken wraps 1 MB of text without a space in a table
// column: the cost must grow with the length of the text, not its square.
func BenchmarkWrapLongToken(b *testing.B) {
	if err := typeset.Load(); err != nil {
		b.Fatal(err)
	}
	s := longToken(1 << 20)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		wrap(s, 41.3, body)
	}
}

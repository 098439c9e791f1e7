package questionnaire

import (
	"regexp"
	"slices"
	"testing"
)

// TestCatalogue checks that every text of the workbook is written in every
// language of Languages, with the same placeholders as in English.
func TestCatalogue(t *testing.T) {
	placeholders := regexp.MustCompile(`\{[a-z]+\}`)
	for key, text := range catalogue() {
		want := placeholders.FindAllString(text["en"], -1)
		slices.Sort(want)
		for _, l := range Languages() {
			if text[l] == "" {
				t.Errorf("%s: no %s text", key, l)
				continue
			}
			got := placeholders.FindAllString(text[l], -1)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s: the %s text has the placeholders %v, English has %v", key, l, got, want)
			}
		}
		for l := range text {
			if !supported(l) {
				t.Errorf("%s: text in %q, which is not in Languages", key, l)
			}
		}
	}
	// Sheet names must be valid and distinct in every language.
	for _, l := range Languages() {
		if a, b := tr(l, "sheet.instructions"), tr(l, "sheet.respondent"); a == b || len([]rune(a)) > 31 || len([]rune(b)) > 31 {
			t.Errorf("%s: sheet names %q and %q", l, a, b)
		}
	}
}

func TestLines(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float64
		want  int
	}{
		{"", 10, 1},
		{"one line", 40, 1},
		{"first\nsecond", 40, 2},
		{"aaaa bbbb cccc dddd", 7.7, 2}, // 10 characters a line at 10 pt
		{"abcdefghijklmnopqrstuvwxyz", 7.7, 3},
	} {
		if got := lines(c.text, c.width, bodySize); got != c.want {
			t.Errorf("lines(%q, %g) = %d, want %d", c.text, c.width, got, c.want)
		}
	}
}

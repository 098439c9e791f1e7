package region

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/texttest"
)

// TestTexts: every word of the report is written in English, Spanish,
// French and Portuguese, with the same formatting verbs in each language.
func TestTexts(t *testing.T) {
	texttest.Check(t, texts(), []string{"en", "es", "fr", "pt"}, regexp.MustCompile(`%(\[\d+\])?[dsvqf%]`))
}

// TestDecimalComma: a Spanish or French report writes 2,33 where the
// English one writes 2.33, in numbers and in the heat map's figures.
func TestDecimalComma(t *testing.T) {
	point := regexp.MustCompile(`\d\.\d\d / \d`)
	comma := regexp.MustCompile(`\d,\d\d / \d`)
	for _, lang := range []string{"en", "es", "fr", "pt"} {
		r := build(t, examples(t, "small-island.json", "larger-state.json"), &Options{Lang: lang})
		var b strings.Builder
		if err := EncodeHTML(&b, r); err != nil {
			t.Fatal(err)
		}
		html := b.String()
		if got, want := comma.MatchString(html), lang != "en"; got != want || point.MatchString(html) == want {
			t.Errorf("%s: decimal comma %v, point %v", lang, got, point.MatchString(html))
		}
	}
}

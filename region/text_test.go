package region

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestTexts: every word of the report is written in English, Spanish,
// French and Portuguese, with the same formatting verbs in each language.
func TestTexts(t *testing.T) {
	verb := regexp.MustCompile(`%(\[\d+\])?[dsvqf%]`)
	for k, tx := range texts() {
		en := tx["en"]
		want := verb.FindAllString(en, -1)
		slices.Sort(want)
		for _, lang := range []string{"en", "es", "fr", "pt"} {
			s := tx[lang]
			if strings.TrimSpace(s) == "" || s != strings.TrimSpace(s) {
				t.Errorf("%s: %s is %q", k, lang, s)
				continue
			}
			got := verb.FindAllString(s, -1)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s: %s has verbs %q, English %q", k, lang, got, want)
			}
		}
	}
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

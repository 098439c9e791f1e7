package region

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestTexts: every word of the report is written in English, Spanish and
// French, with the same formatting verbs in each language.
func TestTexts(t *testing.T) {
	verb := regexp.MustCompile(`%(\[\d+\])?[dsvqf%]`)
	for k, tx := range texts {
		en := tx["en"]
		want := verb.FindAllString(en, -1)
		slices.Sort(want)
		for _, lang := range []string{"en", "es", "fr"} {
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

// Package texttest checks, in tests, that texts keyed by language are
// complete: every key has a text in every language, without white space
// at either end (a no-break space before French punctuation may open a
// fragment), holding the same placeholders as the English, and no
// language beyond those offered.
package texttest

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Check reports on t every key of texts whose words are missing or empty
// in one of langs, have spaces at either end, hold other placeholders
// (matches of ph, in any order) than the English, or come in a language
// not in langs.
func Check[T ~map[string]string](t testing.TB, texts map[string]T, langs []string, ph *regexp.Regexp) {
	t.Helper()
	if len(texts) == 0 {
		t.Error("no texts")
	}
	for _, key := range slices.Sorted(maps.Keys(texts)) {
		tx := texts[key]
		want := sorted(ph.FindAllString(tx["en"], -1))
		for _, lang := range langs {
			s := tx[lang]
			switch {
			case strings.TrimSpace(s) == "":
				t.Errorf("%s: no %s text", key, lang)
			case s != strings.Trim(s, " \t\r\n"):
				t.Errorf("%s: the %s text has spaces at an end: %q", key, lang, s)
			default:
				if got := sorted(ph.FindAllString(s, -1)); !slices.Equal(got, want) {
					t.Errorf("%s: %s has the placeholders %q, English %q", key, lang, got, want)
				}
			}
		}
		for lang := range tx {
			if !slices.Contains(langs, lang) {
				t.Errorf("%s: a text in %s, which is not offered", key, lang)
			}
		}
	}
}

func sorted(s []string) []string {
	slices.Sort(s)
	return s
}

package assess_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
)

// complete are the languages in which every text of the default model
// must be written; others are reported until they are.
var complete = []string{"en", "es", "fr", "pt"}

// TestTranslations fails on any text of the default model that is missing
// or empty in English, Spanish, French or Portuguese, and on a language the
// model lists without its being checked here.
func TestTranslations(t *testing.T) {
	m := assess.Default()
	for _, lang := range complete {
		if !slices.Contains(m.Languages, lang) {
			t.Errorf("the model's languages %q do not list %s", m.Languages, lang)
		}
		for _, miss := range assess.MissingText(m, lang) {
			t.Errorf("%s: %s: no text", lang, miss)
		}
		for _, tx := range m.Texts() {
			if s := tx.Text[lang]; s != "" && strings.TrimSpace(s) == "" {
				t.Errorf("%s: %s: blank text", lang, tx.At)
			}
		}
	}
	for _, lang := range m.Languages {
		if !slices.Contains(complete, lang) {
			t.Errorf("the model lists %s among its languages, but it is not checked as complete", lang)
		}
	}
}

var (
	placeholder = regexp.MustCompile(`\{[A-Za-z][A-Za-z0-9]*\}`)
	number      = regexp.MustCompile(`[0-9]+`)
)

// TestTranslationsAgree checks that every translation keeps the
// placeholders and the numbers of the English text (level numbers,
// periods, amounts, 24/7, standards), whatever their order.
func TestTranslationsAgree(t *testing.T) {
	for _, tx := range assess.Default().Texts() {
		en := tx.Text["en"]
		for _, lang := range complete[1:] {
			s := tx.Text[lang]
			if s == "" {
				continue // TestTranslations reports it
			}
			if got, want := sorted(placeholder.FindAllString(s, -1)), sorted(placeholder.FindAllString(en, -1)); !slices.Equal(got, want) {
				t.Errorf("%s: %s: placeholders %q, English has %q", lang, tx.At, got, want)
			}
			if got, want := sorted(number.FindAllString(s, -1)), sorted(number.FindAllString(en, -1)); !slices.Equal(got, want) {
				t.Errorf("%s: %s: numbers %q, English has %q\n\ten: %s\n\t%s: %s", lang, tx.At, got, want, en, lang, s)
			}
		}
	}
}

func sorted(s []string) []string {
	slices.Sort(s)
	return s
}

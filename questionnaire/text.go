package questionnaire

import (
	_ "embed"
	"encoding/json"
	"slices"
	"sync"

	"github.com/ncskit/ncskit/assess"
)

// The words of the workbook itself (sheet names, headers, instructions,
// prompts), by key and language. The model's own text (questions, level
// descriptions) comes from the model.
//
//go:embed text.json
var textJSON []byte

// catalogue is read on first use, not when a program that links the
// package starts (the workbook's engine starts faster).
var catalogue = sync.OnceValue(func() map[string]assess.Text { return mustCatalogue(textJSON) })

func mustCatalogue(data []byte) map[string]assess.Text {
	var c map[string]assess.Text
	if err := json.Unmarshal(data, &c); err != nil {
		// text.json is checked by the package tests.
		panic("questionnaire: text.json: " + err.Error())
	}
	return c
}

// Languages returns the languages the questionnaire's own text is written
// in, in code order: the values Options.Lang accepts.
func Languages() []string {
	return []string{"en", "es", "fr", "pt"}
}

func supported(lang string) bool { return slices.Contains(Languages(), lang) }

// tr returns the text of key in lang, with each "{name}" replaced by the
// value that follows it in args.
func tr(lang, key string, args ...string) string {
	t := catalogue()[key]
	if t.In(lang) == "" {
		panic("questionnaire: no text for " + key) // a typo in a key; the tests cover every key
	}
	return t.Fill(lang, args...)
}

// variants returns the text of key in every language, for the importer,
// which accepts an answer in any of them.
func variants(key string) []string {
	var out []string
	for _, l := range Languages() {
		if s := catalogue()[key].In(l); !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

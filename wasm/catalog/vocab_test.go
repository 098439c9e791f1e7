package catalog

import "testing"

// TestVocabText: every name in vocab.json is written in each language of
// the page.
func TestVocabText(t *testing.T) {
	words, err := vocabText()
	if err != nil {
		t.Fatal(err)
	}
	for key, text := range words {
		for _, lang := range []string{"en", "es", "fr", "pt"} {
			if text[lang] == "" {
				t.Errorf("vocab.json: %s has no %s", key, lang)
			}
		}
	}
}

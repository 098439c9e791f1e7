package markdown

import (
	"slices"
	"testing"

	"github.com/ncskit/ncskit/assess"
)

// TestModelLabels checks that every word of the model reference is
// written in every language of the default model, so that "ncskit model
// --lang L --format md" is not half in English.
func TestModelLabels(t *testing.T) {
	langs := assess.Default().Languages
	keys := make([]string, 0, len(modelLabels))
	for k := range modelLabels {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, lang := range langs {
		for _, k := range keys {
			if modelLabels[k][lang] == "" {
				t.Errorf("model label %q has no %s text", k, lang)
			}
		}
	}
}

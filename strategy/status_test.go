package strategy_test

import (
	"testing"

	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

// TestStatusVocabulary checks that every action of a new draft starts
// with the code not-started beside its name in the draft's language, and
// that the draft carries the statuses in the order of the follow-up
// workbook's list, named in that language.
func TestStatusVocabulary(t *testing.T) {
	codes := []string{strategy.StatusNotStarted, strategy.StatusInProgress, strategy.StatusCompleted, strategy.StatusDelayed, strategy.StatusCancelled}
	names := map[string]string{}
	for _, lang := range []string{"en", "es", "fr", "pt"} {
		d := drafttest.DraftIn(t, "small-island", lang)
		if len(d.Vocabulary.Statuses) != len(codes) {
			t.Fatalf("%s: statuses %v", lang, d.Vocabulary.Statuses)
		}
		for i, s := range d.Vocabulary.Statuses {
			if s.ID != codes[i] || s.Name == "" {
				t.Errorf("%s: status %d is %+v, want %s with its name", lang, i, s, codes[i])
			}
			if id, ok := d.Vocabulary.StatusID(s.Name); !ok || id != s.ID {
				t.Errorf("%s: StatusID(%q) = %q, %v", lang, s.Name, id, ok)
			}
		}
		for _, a := range d.Actions {
			if a.StatusID != strategy.StatusNotStarted || a.Status != d.Vocabulary.StatusName(strategy.StatusNotStarted) {
				t.Errorf("%s %s: status %q %q, want %s", lang, a.ID, a.StatusID, a.Status, strategy.StatusNotStarted)
			}
		}
		names[lang] = d.Vocabulary.StatusName(strategy.StatusNotStarted)
	}
	if names["en"] == names["es"] || names["en"] == names["fr"] {
		t.Errorf("the names of not-started are not translated: %v", names)
	}
}

package assess

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/texttest"
)

// TestMessages: every warning and reason is written in every message
// language, with the same placeholders as the English.
func TestMessages(t *testing.T) {
	texttest.Check(t, messages(), MessageLanguages, regexp.MustCompile(`\{[a-z]+\}`))
}

// TestScoreIn: a Spanish scoring writes its warnings and reasons in
// Spanish, with the placeholders filled and decimal commas; the English
// scoring is the one Score gives.
func TestScoreIn(t *testing.T) {
	m := Default()
	var a *Assessment
	data, err := os.ReadFile("../examples/larger-state.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	en, err := Score(m, a)
	if err != nil {
		t.Fatal(err)
	}
	es, err := ScoreIn(m, a, "es")
	if err != nil {
		t.Fatal(err)
	}
	if len(en.Warnings) == 0 || len(en.Warnings) != len(es.Warnings) || len(en.Priorities) != len(es.Priorities) {
		t.Fatalf("%d/%d warnings, %d/%d priorities", len(en.Warnings), len(es.Warnings), len(en.Priorities), len(es.Priorities))
	}
	for i, w := range es.Warnings {
		if w.Code != en.Warnings[i].Code || w.Message == en.Warnings[i].Message || strings.ContainsAny(w.Message, "{}") {
			t.Errorf("warning %d: %q (English %q)", i, w.Message, en.Warnings[i].Message)
		}
	}
	for i, p := range es.Priorities {
		if !strings.HasPrefix(p.Reason, "brecha ") || strings.ContainsAny(p.Reason, "{}") || p.Score != en.Priorities[i].Score {
			t.Errorf("priority %d: %q", i, p.Reason)
		}
		if p.Score != float64(int(p.Score)) && !strings.Contains(p.Reason, strings.Replace(number("en", p.Score), ".", ",", 1)) {
			t.Errorf("priority %d: %q lacks the score %v with a decimal comma", i, p.Reason, p.Score)
		}
	}
}

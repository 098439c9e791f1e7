package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// TestDraftSessionLanguage checks that the workbook drafts a Spanish
// session instead of failing: the model's text in Spanish, the rest in
// English, and the share of English on the cover, as "ncskit draft
// --partial-language" writes it.
func TestDraftSessionLanguage(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(readExample(t, "larger-state.json"), &doc); err != nil {
		t.Fatal(err)
	}
	doc["session"].(map[string]any)["language"] = "es"
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	out, err := handle("draft", draftRequest(t, map[string]any{"assessment": json.RawMessage(data), "format": "md"}))
	if err != nil {
		t.Fatalf("a Spanish session cannot be drafted: %v", err)
	}
	if !regexp.MustCompile(`El [1-9][0-9]?.% de su texto sigue en inglés`).Match(out) {
		t.Error("the cover does not state the share of English")
	}
	if !strings.Contains(string(out), "Estrategia, política y gobernanza") {
		t.Error("the model's text is not in Spanish")
	}
	if got := cliDraft(t, data, "md", "", "en"); string(got) == string(out) {
		t.Error("the bridge's Spanish draft is the English one")
	}
}

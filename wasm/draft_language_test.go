package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// TestDraftSessionLanguage checks that the workbook drafts a Spanish
// session in Spanish, complete (no note of English on the cover), as
// "ncskit draft --lang es" writes it.
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
	if regexp.MustCompile(`de su texto sigue en inglés`).Match(out) {
		t.Error("the cover says part of a complete Spanish draft is in English")
	}
	if !strings.Contains(string(out), "Estrategia, política y gobernanza") {
		t.Error("the model's text is not in Spanish")
	}
	if got := cliDraft(t, data, "md", "", "en"); string(got) == string(out) {
		t.Error("the bridge's Spanish draft is the English one")
	}
	if got := cliDraft(t, data, "md", "", "es"); string(got) != string(out) {
		t.Error("the bridge's Spanish draft differs from the command line's")
	}
}

package web

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/wasm/catalog"
)

// TestFirstAnswers: the page carries the engine's first answers: "info"
// for the engine's Go version, the names of the values in each language
// of the page, and the model's document, which parses into the default
// model.
func TestFirstAnswers(t *testing.T) {
	wb, err := Bundle(&Page{Wasm: fakeWasm, WasmExec: []byte("// wasm_exec.js\n"), GoVersion: "go1.99.1"})
	if err != nil {
		t.Fatal(err)
	}
	a := unpack(t, string(wb.HTML))
	var first struct {
		Info  catalog.Info
		Vocab map[string]catalog.Vocab
	}
	if err := json.Unmarshal([]byte(a.first), &first); err != nil {
		t.Fatalf("the first answers: %v", err)
	}
	d := assess.Default()
	if first.Info.Go != "go1.99.1" || first.Info.Model.ID != d.ID || first.Info.Model.Version != d.Version || !slices.Contains(first.Info.Functions, "vocab") {
		t.Errorf("info = %+v", first.Info)
	}
	for _, l := range Languages {
		v, ok := first.Vocab[l]
		if !ok || v.Lang != l || len(v.Templates) == 0 || len(v.Regions) == 0 {
			t.Errorf("vocab %s = %+v", l, v)
		}
	}
	if len(first.Vocab) != len(Languages) {
		t.Errorf("vocab in %d languages, want %d", len(first.Vocab), len(Languages))
	}
	m, err := assess.ParseModel([]byte(a.model))
	if err != nil {
		t.Fatalf("the model's document: %v", err)
	}
	if m.ID != d.ID || len(m.Pillars) != len(d.Pillars) || len(m.Indicators()) != len(d.Indicators()) {
		t.Errorf("the model's document holds %s with %d pillars", m.ID, len(m.Pillars))
	}
}

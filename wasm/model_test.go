package main

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/ncskit/ncskit/assess"
)

// TestModelJSON: the model the page receives, made from the embedded
// files without decoding the model, is the JSON encoding of
// assess.Default(), value for value; and what "info" says of it is
// Default's.
func TestModelJSON(t *testing.T) {
	m, err := defaultModelFiles()
	if err != nil {
		t.Fatal(err)
	}
	var got, want any
	if err := json.Unmarshal(m.Doc, &got); err != nil {
		t.Fatalf("the model's JSON does not decode: %v", err)
	}
	enc, err := marshal(assess.Default())
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(enc, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		g, w := got.(map[string]any), want.(map[string]any)
		for k := range w {
			if !reflect.DeepEqual(g[k], w[k]) {
				t.Errorf("/%s differs from the encoding of assess.Default()", k)
			}
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				t.Errorf("/%s is not in the encoding of assess.Default()", k)
			}
		}
	}
	d := assess.Default()
	if m.Head.ID != d.ID || m.Head.Version != d.Version || !slices.Equal(m.Head.Languages, d.Languages) {
		t.Errorf("head = %+v, want %s %s %q", m.Head, d.ID, d.Version, d.Languages)
	}
	out, err := handle("model", nil)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != string(m.Doc) {
		t.Error(`"model" does not answer the model's JSON`)
	}
}

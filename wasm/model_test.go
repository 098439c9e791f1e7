package main

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/strategy"
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
	if err := json.Unmarshal(m.json(), &got); err != nil {
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
	if m.head.ID != d.ID || m.head.Version != d.Version || !slices.Equal(m.head.Languages, d.Languages) {
		t.Errorf("head = %+v, want %s %s %q", m.head, d.ID, d.Version, d.Languages)
	}
	out, err := handle("model", nil)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != string(m.json()) {
		t.Error(`"model" does not answer the model's JSON`)
	}
}

// TestModelFilesBroken: a model file that does not read gives an error
// that names the file, never a panic.
func TestModelFilesBroken(t *testing.T) {
	good := `{"id": "x", "version": "1.0.0", "languages": ["en"], "include": ["p.json"]}`
	for _, c := range []struct {
		name  string
		files fstest.MapFS
		want  string
	}{
		{"not JSON", fstest.MapFS{"m/model.json": {Data: []byte(`{"id": `)}}, "m/model.json: unexpected end of JSON input"},
		{"no pillars", fstest.MapFS{"m/model.json": {Data: []byte(`{"id": "x", "version": "1.0.0"}`)}}, "m/model.json: the default model lists its pillar files under /include"},
		{"bad include", fstest.MapFS{"m/model.json": {Data: []byte(`{"include": "p.json"}`)}}, "m/model.json: /include: json: cannot unmarshal string"},
		{"missing pillar", fstest.MapFS{"m/model.json": {Data: []byte(good)}}, "open m/p.json: file does not exist"},
		{"empty pillar", fstest.MapFS{"m/model.json": {Data: []byte(good)}, "m/p.json": {Data: []byte("\n")}}, "m/p.json: not a JSON object"},
		{"cut pillar", fstest.MapFS{"m/model.json": {Data: []byte(good)}, "m/p.json": {Data: []byte(`{"id": "P", "areas": [`)}}, "m/p.json: not a JSON object"},
		{"bad languages", fstest.MapFS{"m/model.json": {Data: []byte(`{"languages": "en", "include": ["p.json"]}`)}}, "m/model.json: /languages: json: cannot unmarshal string"},
	} {
		_, err := readModelFiles(c.files, "m/model.json")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
	m, err := readModelFiles(fstest.MapFS{"m/model.json": {Data: []byte(good)}, "m/p.json": {Data: []byte("{\"id\": \"P\"}\n")}}, "m/model.json")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(m.json()), `{"id":"x","languages":["en"],"pillars":[{"id": "P"}],"version":"1.0.0"}`; got != want {
		t.Errorf("json = %s, want %s", got, want)
	}
}

// TestTemplateHead: the names "vocab" reads from a template's own file
// are those of the parsed template.
func TestTemplateHead(t *testing.T) {
	for _, id := range strategy.Templates {
		h, err := defaultTemplateHead(id)
		if err != nil {
			t.Fatal(err)
		}
		tm, err := strategy.DefaultTemplate(id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(h.Name, tm.Name) || !reflect.DeepEqual(h.Description, tm.Description) || len(h.Name) == 0 {
			t.Errorf("%s: head %+v, template %v %v", id, h, tm.Name, tm.Description)
		}
	}
	if _, err := defaultTemplateHead("nowhere"); err == nil {
		t.Error("an unknown template was read")
	}
}

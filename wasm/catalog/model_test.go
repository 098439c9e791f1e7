package catalog

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/strategy"
)

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
		_, err := ReadModelFiles(c.files, "m/model.json")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
	m, err := ReadModelFiles(fstest.MapFS{"m/model.json": {Data: []byte(good)}, "m/p.json": {Data: []byte("{\"id\": \"P\"}\n")}}, "m/model.json")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(m.Doc), `{"id":"x","languages":["en"],"pillars":[{"id": "P"}],"version":"1.0.0"}`; got != want {
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

// TestModelDocument: the document parses, as the workbook's engine reads
// it (assess.ParseModel, build tag ncskit_page), into the model that
// assess.Default reads from the files.
func TestModelDocument(t *testing.T) {
	m, err := ReadModelFiles(assess.EmbeddedFS(), "model/model.json")
	if err != nil {
		t.Fatal(err)
	}
	got, err := assess.ParseModel(m.Doc)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, assess.Default()) {
		t.Error("the document parses into another model than assess.Default()")
	}
	d := assess.Default()
	if m.Head.ID != d.ID || m.Head.Version != d.Version || !reflect.DeepEqual(m.Head.Languages, d.Languages) {
		t.Errorf("head = %+v, want %s %s %q", m.Head, d.ID, d.Version, d.Languages)
	}
}

package schemas_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/schemas"
	"github.com/ncskit/ncskit/strategy"
)

// TestEmbeddedDataValid validates every embedded data file of the default
// model against its schema: the model manifest, each pillar file, and the
// assembled model as "ncskit model" prints it.
func TestEmbeddedDataValid(t *testing.T) {
	fsys := assess.EmbeddedFS()
	files, err := fs.Glob(fsys, "model/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no embedded model files: %v", err)
	}
	for _, f := range files {
		data, _ := fs.ReadFile(fsys, f)
		kind := schemas.Pillar
		if filepath.Base(f) == "model.json" {
			kind = schemas.Model
		}
		for _, e := range schemas.Validate(kind, data) {
			t.Errorf("%s: %s", f, e)
		}
	}
	assembled, err := json.Marshal(assess.Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range schemas.Validate(schemas.Model, assembled) {
		t.Errorf("assembled default model: %s", e)
	}
	if _, err := assess.ParseModel(assembled); err != nil {
		t.Errorf("the assembled default model does not load back: %v", err)
	}
}

func TestExamplesValid(t *testing.T) {
	files, _ := filepath.Glob("../examples/*.json")
	if len(files) < 2 {
		t.Fatalf("want at least two examples, found %d", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range schemas.Validate(schemas.Assessment, data) {
			t.Errorf("%s: %s", f, e)
		}
	}
}

// TestSchemasPublished checks that each schema declares draft 2020-12 and
// the $id it is published under.
func TestSchemasPublished(t *testing.T) {
	for _, k := range schemas.Kinds {
		b, err := schemas.File(k)
		if err != nil {
			t.Fatal(err)
		}
		var head struct {
			Schema string `json:"$schema"`
			ID     string `json:"$id"`
		}
		if err := json.Unmarshal(b, &head); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		if head.Schema != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("%s: $schema is %q", k, head.Schema)
		}
		if head.ID != schemas.URL(k) {
			t.Errorf("%s: $id is %q, want %q", k, head.ID, schemas.URL(k))
		}
	}
}

func TestValidateMessages(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"empty", "  \n", "the file is empty; expected a JSON object"},
		{"syntax", "{\n  \"a\": 1,\n}", `line 3, column 1: invalid JSON: a comma before } is not allowed`},
		{"truncated", `{"a": [1, 2`, "line 1, column 12: invalid JSON: the file ends before the [ opened at line 1, column 7 is closed"},
		{"trailing", `{} {}`, "line 1, column 4: unexpected data after the JSON value"},
		{"deep", strings.Repeat("[", 40) + strings.Repeat("]", 40), "line 1, column 33: JSON nested deeper than 32 levels"},
		{"unknown fields sorted", `{"zeta": 1, "alpha": 2, "mid": 3, "schemaVersion": 1, "model": {"id": "x", "version": "1.0.0"}, "profile": {}, "session": {"date": "2026-01-01"}, "stakeholders": [], "respondents": [], "responses": []}`,
			`unknown fields "alpha", "mid", "zeta"; /profile: missing required fields "country", "iso3166", "region", "smallIslandState", "population", "languages", "leadMinistry", "framing"`},
		{"brackets in strings do not count", `{"x": "` + strings.Repeat("[", 40) + `"}`, `missing required fields "schemaVersion", "model", "profile", "session", "stakeholders", "respondents", "responses"; unknown field "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range schemas.Validate(schemas.Assessment, []byte(tt.doc)) {
				got = append(got, e.String())
			}
			if g := strings.Join(got, "; "); g != tt.want {
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
		})
	}
}

// TestEmbeddedTemplatesValid validates the embedded strategy templates
// against the template schema.
func TestEmbeddedTemplatesValid(t *testing.T) {
	fsys := strategy.EmbeddedFS()
	for _, id := range strategy.Templates {
		data, err := fs.ReadFile(fsys, "templates/"+id+".json")
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range schemas.Validate(schemas.Template, data) {
			t.Errorf("templates/%s.json: %s", id, e)
		}
	}
}

package load_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
)

// TestMigrate migrates the small-island example, made with model 1.1.0,
// to a version 2 of the model that renamed one indicator and retired
// another, as a bare assessment and inside a session file.
func TestMigrate(t *testing.T) {
	m2 := *assess.Default()
	m2.Version = "2.0.0"
	m2.Migrations = []assess.Migration{{From: "1", Renamed: map[string]string{"GOV.OLD.1": "GOV.STR.1"}, Retired: []string{"GOV.GONE.1"}}}

	old := validAssessment(t)
	old = bytes.Replace(old, []byte(`"indicator": "GOV.STR.1"`), []byte(`"indicator": "GOV.OLD.1"`), 1)
	old = bytes.Replace(old, []byte(`"indicator": "GOV.STR.2"`), []byte(`"indicator": "GOV.GONE.1"`), 1)
	if _, err := load.Assessment("old.json", old, &m2); err == nil || !strings.Contains(err.Error(), `migrate it first with "ncskit migrate FILE -o NEW.json"`) {
		t.Fatalf("loading the old file: %v", err)
	}
	for _, c := range []struct{ name, under string }{{"assessment", ""}, {"session", "/assessment"}} {
		t.Run(c.name, func(t *testing.T) {
			data := old
			if c.name == "session" {
				data = []byte(`{"format": "ncskit-session", "version": 1, "id": "s1", "name": "Day 1",
  "created": "2026-10-14T09:00:00Z", "updated": "2026-10-14T10:00:00Z", "assessment": ` + string(old) + `, "log": [], "snapshots": []}`)
			}
			a, notes, err := load.Migrate("old.json", data, &m2)
			if err != nil {
				t.Fatal(err)
			}
			if a.Model.Version != "2.0.0" || len(notes) != 3 ||
				!strings.HasPrefix(notes[0], "GOV.OLD.1 is now GOV.STR.1 (answer of ") ||
				!strings.HasPrefix(notes[1], "dropped the answer of ") || notes[2] != "model version 1.1.0 → 2.0.0" {
				t.Errorf("version %s, notes %q", a.Model.Version, notes)
			}
			// A file in the wrong shape is refused at its place, before any change.
			bad := bytes.Replace(data, []byte(`"level": 2,`), []byte(`"level": "two",`), 1)
			_, _, err = load.Migrate("old.json", bad, &m2)
			want := `old.json: ` + c.under + `/responses/`
			if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), `got "two"`) {
				t.Errorf("bad level: %v, want a problem under %s", err, want)
			}
		})
	}
	// A problem found after the migration is placed where the item is in
	// the file, although a retired answer before it was dropped.
	var doc assess.Assessment
	if err := json.Unmarshal(validAssessment(t), &doc); err != nil {
		t.Fatal(err)
	}
	doc.Model.Version = "1.0.0"
	doc.Responses[2].Indicator = "GOV.GONE.1"
	doc.Responses[5].Respondent = "nobody"
	orphan, _ := json.Marshal(doc)
	_, _, err := load.Migrate("old.json", orphan, &m2)
	if want := `old.json: /responses/5/respondent: unknown respondent "nobody"`; err == nil || err.Error() != want {
		t.Errorf("after migration: got %v, want %s", err, want)
	}
	// A later minor version of the same major is compatible: nothing is
	// migrated down.
	a, notes, err := load.Migrate("new.json", bytes.Replace(validAssessment(t), []byte(`"version": "1.1.0"`), []byte(`"version": "1.2.0"`), 1), assess.Default())
	if err != nil || len(notes) != 0 || a.Model.Version != "1.2.0" {
		t.Errorf("a 1.2.0 file against model 1.1.0: %v, notes %q, version %s", err, notes, a.Model.Version)
	}
	// No migration path: a located problem.
	_, _, err = load.Migrate("old.json", bytes.Replace(old, []byte(`"version": "1.1.0"`), []byte(`"version": "0.3.0"`), 1), &m2)
	if want := "old.json: /model: no migration from version 0.3.0 of model ncskit-cicte to version 2.0.0"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

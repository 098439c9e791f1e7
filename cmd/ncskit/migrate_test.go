package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
)

// TestMigrateHint: the model's check still words its hint as migrateHint,
// so that withModelFlag finds it, and a --model that a shell would split is
// quoted in it.
func TestMigrateHint(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "small-island.json"))
	if err != nil {
		t.Fatal(err)
	}
	m2 := *assess.Default()
	m2.Version = "2.0.0"
	m2.Migrations = []assess.Migration{{From: "1"}}
	_, err = load.Assessment("a.json", data, &m2)
	if err == nil || !strings.Contains(err.Error(), migrateHint) {
		t.Fatalf("the check of an older assessment does not say %s: %v", migrateHint, err)
	}
	for file, want := range map[string]string{
		"m2.json":           `"ncskit migrate FILE -o NEW.json --model m2.json"`,
		"models/my m2.json": `"ncskit migrate FILE -o NEW.json --model 'models/my m2.json'"`,
		"it's.json":         `"ncskit migrate FILE -o NEW.json --model 'it'\''s.json'"`,
	} {
		if got := withModelFlag(err, file).Error(); !strings.Contains(got, want) {
			t.Errorf("--model %s: got %s, want it to say %s", file, got, want)
		}
	}
	if got := withModelFlag(err, ""); got.Error() != err.Error() {
		t.Errorf("without --model: got %s", got)
	}
}

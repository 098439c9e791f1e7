package drafttest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FreeTextKeys are the assessment fields that hold free text.
var FreeTextKeys = map[string]bool{
	"country": true, "leadMinistry": true, "place": true, "facilitator": true, "classification": true,
	"name": true, "title": true, "person": true, "evidence": true, "rationale": true, "note": true, "reason": true,
}

// Hostile returns the JSON of an example assessment with every free-text
// field, and every sector, replaced by text chosen by pick from its path
// and old value. The result still validates.
func Hostile(t testing.TB, example string, pick func(key, old string) string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(ExamplesDir(), example+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	var walk func(key string, v any) any
	walk = func(key string, v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				x[k] = walk(k, c)
			}
		case []any:
			for i, c := range x {
				if key == "sectors" {
					x[i] = pick(key, c.(string))
					continue
				}
				x[i] = walk(key, c)
			}
		case string:
			if FreeTextKeys[key] {
				return pick(key, x)
			}
		}
		return v
	}
	out, err := json.Marshal(walk("", v))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

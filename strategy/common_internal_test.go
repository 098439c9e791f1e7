package strategy

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
)

// TestCommonVariants: every register variant of the common text words a
// key the common text has, selects by known registers, and uses only the
// placeholders the key's own text may use. A misspelt key would never be
// chosen and nothing else would say so.
func TestCommonVariants(t *testing.T) {
	c, err := loadCommon()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Variants) == 0 {
		t.Fatal("the common text has no variants")
	}
	for _, p := range c.checkVariants(c.Variants) {
		t.Error(p)
	}
	for _, k := range slices.Sorted(maps.Keys(c.Variants)) {
		for i, v := range c.Variants[k] {
			if len(v.When.Legal)+len(v.When.Region)+len(v.When.Size)+len(v.When.Framing) == 0 {
				t.Errorf("variants/%s/%d: a variant with an empty when hides the text for every register", k, i)
			}
		}
	}
	for i, p := range c.Principles {
		for j, v := range p.Variants {
			for _, msg := range v.When.check() {
				t.Errorf("principles/%d/variants/%d/when: %s", i, j, msg)
			}
		}
	}
}

// TestModelVariants: every register variant of a model text names a text
// the default model has, selects by known registers and is in every
// language of the model text it replaces.
func TestModelVariants(t *testing.T) {
	c, err := loadCommon()
	if err != nil {
		t.Fatal(err)
	}
	m := assess.Default()
	for _, k := range slices.Sorted(maps.Keys(c.ModelVariants)) {
		var base assess.Text
		parts := strings.Split(k, "/")
		switch {
		case len(parts) == 3 && parts[0] == "scale" && parts[2] == "meaning":
			for _, l := range m.Scale.Levels {
				if strconv.Itoa(l.Level) == parts[1] {
					base = l.Meaning
				}
			}
		case len(parts) == 3 && parts[0] == "role":
			if r, ok := m.Role(parts[1]); ok {
				base = map[string]assess.Text{"name": r.Name, "meaning": r.Meaning}[parts[2]]
			}
		case len(parts) == 2:
			if in := m.Indicator(parts[0]); in != nil {
				base = map[string]assess.Text{"title": in.Title, "question": in.Question, "evidence": in.Evidence}[parts[1]]
			}
		}
		if base == nil {
			t.Errorf("modelVariants/%s: the model has no such text", k)
			continue
		}
		for i, v := range c.ModelVariants[k] {
			for _, msg := range v.When.check() {
				t.Errorf("modelVariants/%s/%d/when: %s", k, i, msg)
			}
			for lang := range base {
				if v.Text[lang] == "" {
					t.Errorf("modelVariants/%s/%d: no %s text", k, i, lang)
				}
			}
		}
	}
}

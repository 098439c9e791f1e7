package strategy

import (
	"maps"
	"slices"
	"testing"
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

package strategy

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestSingularTexts: a text key+".one" is the singular of a text that
// counts: key fills {count}, and key+".one" says "one" in words in every
// language. A register variant of key has its own singular, so that a
// count of one keeps the register's wording.
func TestSingularTexts(t *testing.T) {
	c, err := loadCommon()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, k := range slices.Sorted(maps.Keys(c.Text)) {
		base, ok := strings.CutSuffix(k, ".one")
		if _, pair := c.Text[base+".other"]; !ok || pair {
			continue // not a singular, or one of a pair key.one / key.other that plural picks from
		}
		n++
		plural, ok := c.Text[base]
		if !ok {
			t.Errorf("%s: no text %s of which it is the singular", k, base)
			continue
		}
		for _, lang := range []string{"en", "es", "fr", "pt"} {
			if !strings.Contains(plural[lang], "{count}") {
				t.Errorf("%s in %s: the plural does not fill {count}", base, lang)
			}
			if strings.Contains(c.Text[k][lang], "{count}") {
				t.Errorf("%s in %s: the singular writes {count} rather than the word for one", k, lang)
			}
		}
		if len(c.Variants[base]) != len(c.Variants[k]) {
			t.Errorf("%s has %d register variants, its singular %d", base, len(c.Variants[base]), len(c.Variants[k]))
		}
	}
	if n < 10 {
		t.Errorf("%d texts have a singular, want the 10 or more that count", n)
	}
}

package strategy_test

import (
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

// TestMinimumPathFromTemplate: the summary's minimum viable path follows
// the template's minimumPath flag, not the template's ID, so a custom
// template can offer it (or leave it out) whatever it is called.
func TestMinimumPathFromTemplate(t *testing.T) {
	a, r := drafttest.Assessment(t, "larger-state")
	const words = "minimum viable path of"
	for _, on := range []bool{false, true} {
		tp, err := strategy.DefaultTemplate("national")
		if err != nil {
			t.Fatal(err)
		}
		tp.ID, tp.MinimumPath = "ministry-own", on
		d, err := strategy.Build(assess.Default(), a, r, tp, nil)
		if err != nil {
			t.Fatal(err)
		}
		said := false
		for _, b := range d.Blocks {
			if p, ok := b.(strategy.Paragraph); ok && strings.Contains(p.Text, words) {
				said = true
			}
		}
		if said != on {
			t.Errorf("minimumPath %v: the summary speaks of the minimum viable path: %v", on, said)
		}
	}
}

package strategy_test

import (
	"testing"

	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

// TestCARICOMCoverageInTheCaribbean: the plan's annex reports coverage of
// the CARICOM action plan for a Caribbean state, and not for a state
// elsewhere, which reports against the ITU focus areas.
func TestCARICOMCoverageInTheCaribbean(t *testing.T) {
	for name, want := range map[string]bool{"small-island": true, "larger-state": false} {
		d := drafttest.Draft(t, name)
		got := false
		for _, bl := range d.Blocks {
			if h, ok := bl.(strategy.Heading); ok && h.Anchor == "coverage-caricom" {
				got = true
			}
		}
		if got != want {
			t.Errorf("%s: CARICOM coverage in the plan's annex = %v, want %v", name, got, want)
		}
	}
}

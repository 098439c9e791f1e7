package strategy

import (
	"testing"

	"github.com/ncskit/ncskit/assess"
)

// TestEvidenceBaseEdges pins the thresholds at their edges: 60 % is
// enough, 59 % is partial, 25 % is partial, 24 % is an outline; a pillar
// counts by its own share, and a pillar with nothing applicable does not
// count.
func TestEvidenceBaseEdges(t *testing.T) {
	cov := func(assessed, total, na int) assess.Coverage {
		c := assess.Coverage{Total: total, Assessed: assessed, NA: na}
		if n := total - na; n > 0 {
			c.Percent = (assessed*100 + n/2) / n
		}
		return c
	}
	pillar := func(id string, c assess.Coverage) *assess.PillarScore {
		return &assess.PillarScore{ID: id, Rollup: assess.Rollup{Coverage: c}}
	}
	for _, c := range []struct {
		name    string
		overall assess.Coverage
		pillars []*assess.PillarScore
		want    string
		thin    int
	}{
		{"60 % everywhere", cov(60, 100, 0), []*assess.PillarScore{pillar("A", cov(30, 50, 0)), pillar("B", cov(30, 50, 0))}, EvidenceSufficient, 0},
		{"59 % overall", cov(59, 100, 0), []*assess.PillarScore{pillar("A", cov(30, 50, 0)), pillar("B", cov(29, 50, 0))}, EvidencePartial, 1},
		{"one pillar at 59 %", cov(89, 100, 0), []*assess.PillarScore{pillar("A", cov(59, 100, 0)), pillar("B", cov(30, 30, 0))}, EvidencePartial, 1},
		{"a pillar with nothing applicable", cov(10, 20, 10), []*assess.PillarScore{pillar("A", cov(10, 10, 0)), pillar("B", cov(0, 10, 10))}, EvidenceSufficient, 0},
		{"25 % overall", cov(25, 100, 0), []*assess.PillarScore{pillar("A", cov(25, 100, 0))}, EvidencePartial, 1},
		{"24 % overall", cov(24, 100, 0), []*assess.PillarScore{pillar("A", cov(24, 100, 0))}, EvidenceOutline, 1},
		{"24 % of the applicable", cov(24, 120, 20), []*assess.PillarScore{pillar("A", cov(24, 120, 20))}, EvidenceOutline, 1},
	} {
		got, thin := evidenceBase(c.overall, c.pillars)
		if got != c.want || len(thin) != c.thin {
			t.Errorf("%s: %q with %d thin pillars, want %q with %d", c.name, got, len(thin), c.want, c.thin)
		}
	}
	for _, c := range []struct {
		low, assessed int
		want          bool
	}{{3, 6, false}, {4, 6, true}, {1, 1, true}, {0, 0, false}} {
		if got := mostlyLow(c.low, c.assessed); got != c.want {
			t.Errorf("mostlyLow(%d, %d) = %v", c.low, c.assessed, got)
		}
	}
}

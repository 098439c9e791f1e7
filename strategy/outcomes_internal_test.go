package strategy

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
)

// TestCheckOutcomes pins the checks of the template's outcome indicators:
// the embedded ones pass, and each problem is refused at its JSON
// pointer in templates/common.json.
func TestCheckOutcomes(t *testing.T) {
	c, err := loadCommon()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Outcomes) < 8 {
		t.Fatalf("%d outcome indicators in the common template", len(c.Outcomes))
	}
	base, err := json.Marshal(c.Outcomes[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		edit func(o *Outcome)
		want string
	}{
		{"valid", func(o *Outcome) {}, ""},
		{"unknown unit kind", func(o *Outcome) { o.Unit = "barrels" }, `/outcomes/0/unit: unknown unit kind "barrels"`},
		{"unknown type", func(o *Outcome) { o.Type = "effect" }, `/outcomes/0/type: unknown KPI type "effect"`},
		{"no goal", func(o *Outcome) { o.Objectives = []string{"O-IRC.OPS"} },
			"/outcomes/0: objectives: an outcome measures at least one goal (G-PILLAR)"},
		{"unknown objective", func(o *Outcome) { o.Objectives = []string{"G-IRC", "O-IRC.XYZ"} },
			`/outcomes/0: objectives/1: "O-IRC.XYZ" is not a goal G-PILLAR or an objective O-AREA of the model`},
		{"unknown indicator", func(o *Outcome) { o.Indicator = "IRC.OPS.9" }, `/outcomes/0: unknown indicator "IRC.OPS.9"`},
		{"unknown size", func(o *Outcome) { o.When = &When{Size: []string{"tiny"}} }, `/outcomes/0: when: unknown size "tiny"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var o Outcome
			if err := json.Unmarshal(base, &o); err != nil {
				t.Fatal(err)
			}
			tc.edit(&o)
			got := strings.Join(checkOutcomes([]Outcome{o}, assess.Default()), "; ")
			if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

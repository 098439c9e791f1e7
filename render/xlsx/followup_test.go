package xlsx

import (
	"strconv"
	"testing"

	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

// TestKPIMeasure checks that the Indicators sheet shows the measure of a
// KPI as the draft carries it: type, unit, baseline value and year, a
// numeric target per year beside a formula for the actual, the counting
// rule, source owner, disaggregation; "no data" and the data-collection
// action where there is no baseline value; and an outcome indicator, with
// the objectives it measures, whose actuals are entered.
func TestKPIMeasure(t *testing.T) {
	d := drafttest.Draft(t, "small-island")
	y0 := d.Meta.StartYear
	v := func(x float64) *float64 { return &x }
	k := &d.KPIs[0]
	k.Type, k.TypeName, k.Unit, k.Rule, k.SourceOwner = "outcome", "Outcome", "incidents", "Incidents triaged by the CSIRT in the year", "National CSIRT"
	k.Disaggregation, k.DisaggregationNames = []string{"sector"}, []string{"Sector"}
	k.BaselineValue, k.BaselineYear, k.BaselineFrom = v(47), y0-1, "Country facts: incidents handled in the year"
	k.Yearly = []strategy.YearTarget{{Year: y0, Level: 2, Value: v(60)}, {Year: y0 + 4, Level: 4, Value: v(140)}}
	n := &d.KPIs[1]
	n.Unit, n.BaselineValue, n.DataAction = "hours", nil, d.Actions[3].ID
	d.Outcomes = []strategy.KPI{{ID: "OUT-1", Name: "Median time to triage", Unit: "hours", BaselineValue: v(72),
		Objectives: []string{"G-IRC", "O-IRC.OPS"}, Yearly: []strategy.YearTarget{{Year: y0, Value: v(48)}}}}
	f := open(t, encode(t, d, nil))
	sh := d.Labels.Get("xlsx.sheet.kpis")
	get := func(col, row int) string {
		c, _ := excelize.CoordinatesToCellName(col, row)
		s, _ := f.GetCellValue(sh, c, excelize.Options{RawCellValue: true})
		return s
	}
	formula := func(col, row int) string {
		c, _ := excelize.CoordinatesToCellName(col, row)
		s, _ := f.GetCellFormula(sh, c)
		return s
	}
	head := func(col int) string { return get(col, 1) }
	find := func(label string) int {
		for c := 1; c < 80; c++ {
			if head(c) == d.Labels.Get(label) {
				return c
			}
		}
		t.Fatalf("no column %q", d.Labels.Get(label))
		return 0
	}
	for _, c := range []struct {
		col, row int
		want     string
	}{
		{KPIType, 2, "Outcome"}, {KPIUnit, 2, "incidents"}, {KPIBaselineValue, 2, "47"}, {KPIBaselineYear, 2, strconv.Itoa(y0 - 1)},
		{KPIYearCol(0), 2, "60"}, {KPIYearCol(4), 2, "140"}, {KPIYearCol(1), 2, ""},
		{find("xlsx.col.rule"), 2, k.Rule}, {find("xlsx.col.sourceOwner"), 2, "National CSIRT"},
		{find("xlsx.col.disaggregation"), 2, "Sector"}, {find("xlsx.col.baselineFrom"), 2, k.BaselineFrom},
		{KPIUnit, 3, "hours"}, {KPIBaselineValue, 3, d.Labels.Get("xlsx.kpi.noData")}, {find("xlsx.col.dataAction"), 3, d.Actions[3].ID},
		{KPIID, len(d.KPIs) + 2, "OUT-1"}, {KPIAction, len(d.KPIs) + 2, ""}, {KPIYearCol(0), len(d.KPIs) + 2, "48"},
		{find("xlsx.col.objectives"), len(d.KPIs) + 2, "G-IRC, O-IRC.OPS"},
	} {
		if got := get(c.col, c.row); got != c.want {
			t.Errorf("%s %s%d = %q, want %q", sh, colName(c.col), c.row, got, c.want)
		}
	}
	if head(KPIYearCol(0)) != d.Labels.Get("xlsx.col.targetValue")+" "+strconv.Itoa(y0) || head(KPIYearCol(0)+1) != d.Labels.Get("xlsx.col.actualValue")+" "+strconv.Itoa(y0) {
		t.Errorf("year heads %q, %q", head(KPIYearCol(0)), head(KPIYearCol(0)+1))
	}
	// An action's KPI takes its actuals from Reporting; an outcome
	// indicator's are entered.
	if formula(KPIYearCol(0)+1, 2) == "" || formula(KPIYearCol(0)+1, len(d.KPIs)+2) != "" {
		t.Errorf("actual formulas: KPI %q, outcome %q", formula(KPIYearCol(0)+1, 2), formula(KPIYearCol(0)+1, len(d.KPIs)+2))
	}
}

// TestObjectiveIDs checks that the workbook numbers objectives as the
// draft does: the Objectives sheet has one row per goal and objective of
// the draft, with its ID, and every objective an action of the plan
// serves and every objective an outcome indicator measures is a row of
// it.
func TestObjectiveIDs(t *testing.T) {
	for _, ex := range []string{"small-island", "larger-state"} {
		d := drafttest.Draft(t, ex)
		f := open(t, encode(t, d, nil))
		rows := func(key string) [][]string {
			rs, err := f.GetRows(d.Labels.Get("xlsx.sheet."+key), excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			return rs
		}
		objs := rows("objectives")
		sheetIDs := map[string]bool{}
		for i, o := range d.Objectives {
			if got := objs[i+1][ObjID-1]; got != o.ID {
				t.Errorf("%s: Objectives!A%d = %q, want %s", ex, i+2, got, o.ID)
			}
			sheetIDs[o.ID] = true
		}
		n := 0
		for i, row := range rows("actionPlan")[1:] {
			id := row[PlanColumn("objectiveID")-1]
			if !sheetIDs[id] || strings.HasPrefix(id, "G-") {
				t.Errorf("%s: action plan row %d serves %q, not an objective of the Objectives sheet", ex, i+2, id)
			}
			n++
		}
		kp := rows("kpis")
		col := 0
		for c, h := range kp[0] {
			if h == d.Labels.Get("xlsx.col.objectives") {
				col = c
			}
		}
		for _, row := range kp[1:] {
			if col >= len(row) || row[col] == "" {
				continue
			}
			for _, id := range strings.Split(row[col], ", ") {
				if !sheetIDs[id] {
					t.Errorf("%s: indicator %s measures %q, not a row of the Objectives sheet", ex, row[0], id)
				}
				n++
			}
		}
		if n < len(d.Actions)+len(d.Outcomes) {
			t.Errorf("%s: %d references checked, want at least %d", ex, n, len(d.Actions)+len(d.Outcomes))
		}
	}
}

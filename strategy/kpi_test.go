package strategy_test

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

// idRange is "KPI-GOV-01 to KPI-GOV-04" or one ID, as an action names the
// KPIs whose baselines it measures.
var idRange = regexp.MustCompile(`\b((?:KPI-[A-Z]+|OI)-)(\d+)(?: to (?:KPI-[A-Z]+|OI)-(\d+))?\b`)

// namedIDs expands the KPI IDs a text names, ranges included.
func namedIDs(text string) map[string]bool {
	out := map[string]bool{}
	for _, m := range idRange.FindAllStringSubmatch(text, -1) {
		from, _ := strconv.Atoi(m[2])
		to := from
		if m[3] != "" {
			to, _ = strconv.Atoi(m[3])
		}
		for n := from; n <= to; n++ {
			out[fmt.Sprintf("%s%02d", m[1], n)] = true
		}
	}
	return out
}

// TestKPIMeasures pins what every indicator of a draft carries: a unit, a
// type, a counting rule and the institution that holds its source; a
// measured baseline with its year and source, or none and an action of
// the plan that measures it and names it; and a numeric target for every
// year up to its target year.
func TestKPIMeasures(t *testing.T) {
	for name, d := range drafts(t) {
		byID := map[string]strategy.Action{}
		for _, a := range d.Actions {
			byID[a.ID] = a
		}
		all := append(slices.Clone(d.KPIs), d.Outcomes...)
		for _, k := range all {
			if k.Unit == "" || !slices.Contains(strategy.KPITypes, k.Type) || k.TypeName == "" || k.Rule == "" || k.SourceOwner == "" {
				t.Errorf("%s: %s lacks its measure: unit %q, type %q (%q), rule %q, source owner %q", name, k.ID, k.Unit, k.Type, k.TypeName, k.Rule, k.SourceOwner)
			}
			if len(k.Disaggregation) != len(k.DisaggregationNames) {
				t.Errorf("%s: %s: breakdowns %v named %v", name, k.ID, k.Disaggregation, k.DisaggregationNames)
			}
			switch {
			case k.BaselineValue != nil:
				if k.BaselineYear < 2000 || k.BaselineYear >= d.Meta.StartYear || k.BaselineFrom == "" || k.DataAction != "" {
					t.Errorf("%s: %s: baseline %v in %d from %q, data action %q", name, k.ID, *k.BaselineValue, k.BaselineYear, k.BaselineFrom, k.DataAction)
				}
			default:
				a, ok := byID[k.DataAction]
				if !ok || a.Mode != "fact-finding" {
					t.Errorf("%s: %s has no baseline and its data action %q is not a fact-finding action of the plan", name, k.ID, k.DataAction)
				} else if !namedIDs(a.Description)[k.ID] {
					t.Errorf("%s: %s has no baseline, but %s does not name it: %q", name, k.ID, a.ID, a.Description)
				}
			}
			if len(k.Yearly) != k.TargetYear-d.Meta.StartYear+1 {
				t.Errorf("%s: %s has %d yearly targets up to %d", name, k.ID, len(k.Yearly), k.TargetYear)
			}
			for i, y := range k.Yearly {
				switch {
				case y.Year != d.Meta.StartYear+i:
					t.Errorf("%s: %s: target %d is for %d", name, k.ID, i, y.Year)
				case y.Value == nil:
					t.Errorf("%s: %s: no numeric target for %d", name, k.ID, y.Year)
				case k.Unit == "%" && (*y.Value < 0 || *y.Value > 100):
					t.Errorf("%s: %s: a share of %v in %d", name, k.ID, *y.Value, y.Year)
				}
			}
		}
	}
}

// TestKPIBaselinesFromFacts pins baselines read from the assessment's
// facts: the incidents handled in the latest year recorded (47 in 2025 in
// the small island, 6,930 in the larger state) with targets that grow from
// there, and the filled posts on record.
func TestKPIBaselinesFromFacts(t *testing.T) {
	for name, want := range map[string]struct {
		incidents float64
		year      int
		posts     float64
	}{
		"small-island": {47, 2025, 4},
		"larger-state": {6930, 2025, 184},
		"desk-review":  {2875, 2025, 20},
	} {
		d := drafttest.Draft(t, name)
		found := map[string]bool{}
		for _, k := range append(slices.Clone(d.KPIs), d.Outcomes...) {
			if k.BaselineValue == nil {
				continue
			}
			switch k.Unit {
			case "incidents":
				found["incidents"] = true
				if *k.BaselineValue != want.incidents || k.BaselineYear != want.year {
					t.Errorf("%s: %s baseline %v (%d), want %v (%d)", name, k.ID, *k.BaselineValue, k.BaselineYear, want.incidents, want.year)
				}
				last := *k.BaselineValue
				for _, y := range k.Yearly {
					if *y.Value < last {
						t.Errorf("%s: %s falls to %v in %d", name, k.ID, *y.Value, y.Year)
					}
					last = *y.Value
				}
				if last <= want.incidents {
					t.Errorf("%s: %s ends at %v, no more than its baseline", name, k.ID, last)
				}
			case "posts filled":
				found["posts"] = true
				if *k.BaselineValue != want.posts {
					t.Errorf("%s: %s baseline %v posts, want %v", name, k.ID, *k.BaselineValue, want.posts)
				}
			}
		}
		if !found["incidents"] || !found["posts"] {
			t.Errorf("%s: indicators with a baseline from the facts: %v, want incidents and posts", name, found)
		}
	}
}

// TestOutcomeIndicators pins the strategy's outcome indicators: 8 to 12
// per draft, each tied to objectives the draft has, shown in the
// strategy's monitoring chapter and in the implementation plan, with the
// objectives' IDs in the chapters that state them.
func TestOutcomeIndicators(t *testing.T) {
	for _, name := range drafttest.Examples {
		d := drafttest.Draft(t, name)
		if n := len(d.Outcomes); n < 8 || n > 12 {
			t.Errorf("%s: %d outcome indicators, want 8-12", name, n)
		}
		objectives := map[string]bool{}
		for _, o := range d.Objectives {
			objectives[o.ID] = true
		}
		strat, err := strategy.Select(d, strategy.PartStrategy)
		if err != nil {
			t.Fatal(err)
		}
		plan, err := strategy.Select(d, strategy.PartPlan)
		if err != nil {
			t.Fatal(err)
		}
		stext, ptext := markdownOf(t, strat), markdownOf(t, plan)
		for _, o := range d.Objectives {
			if !strings.Contains(stext, o.ID) {
				t.Errorf("%s: the strategy does not state objective %s", name, o.ID)
			}
		}
		for _, k := range d.Outcomes {
			if len(k.Objectives) == 0 {
				t.Errorf("%s: %s measures no objective", name, k.ID)
			}
			for _, id := range k.Objectives {
				if !objectives[id] {
					t.Errorf("%s: %s measures objective %s, which the draft does not have", name, k.ID, id)
				}
			}
			if !strings.Contains(stext, "| "+k.ID+" "+k.Name+" |") {
				t.Errorf("%s: %s %q is missing from the strategy", name, k.ID, k.Name)
			}
			if !strings.Contains(ptext, "| "+k.ID+" | "+k.Name+". ") {
				t.Errorf("%s: %s %q is missing from the implementation plan", name, k.ID, k.Name)
			}
		}
	}
}

// TestKPIsInDocuments pins how the documents show an indicator: its unit
// and type, its baseline with the year or "No data" with the action that
// measures it, and its targets by year.
func TestKPIsInDocuments(t *testing.T) {
	d := drafttest.Draft(t, "small-island")
	md, html := markdownOf(t, d), htmlOf(t, d)
	var noData, withData *strategy.KPI
	for i, k := range d.Outcomes {
		if k.BaselineValue == nil && noData == nil {
			noData = &d.Outcomes[i]
		}
		if k.Unit == "incidents" {
			withData = &d.Outcomes[i]
		}
	}
	if noData == nil || withData == nil {
		t.Fatal("the small island has no outcome indicator without a baseline, or none of incidents")
	}
	k := kpiOf(d, "KPI-IRC-01")
	for _, want := range []string{
		"| " + withData.ID + " " + withData.Name + " | incidents; outcome | G-IRC, O-IRC.OPS | 47 (2025) | " + targetsOf(withData) + " |",
		"| " + noData.ID + " " + noData.Name + " | " + noData.Unit + "; " + strings.ToLower(noData.TypeName) + " |",
		"No data (measured by " + noData.DataAction + ")",
		"| KPI-IRC-01 | " + k.Name + ". Counted as: " + k.Rule,
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the markdown draft lacks %q", want)
		}
	}
	if !strings.Contains(html, withData.ID+" "+withData.Name) || !strings.Contains(html, "47 (2025)") {
		t.Error("the HTML draft lacks the incidents indicator with its baseline")
	}
}

func targetsOf(k *strategy.KPI) string {
	var parts []string
	for _, y := range k.Yearly {
		parts = append(parts, fmt.Sprintf("%d: %s", y.Year, strconv.FormatFloat(*y.Value, 'f', -1, 64)))
	}
	return strings.Join(parts, "; ")
}

func kpiOf(d *strategy.Draft, id string) strategy.KPI {
	for _, k := range d.KPIs {
		if k.ID == id {
			return k
		}
	}
	return strategy.KPI{}
}

// TestKPIBaselinesAtZero pins the baselines that are zero by what the
// facts record: meetings of a committee recorded as dormant, which the
// small island's plan revives, and a count of indicators that rose since
// the assessment the plan starts from; each says why, and its targets
// rise from zero.
func TestKPIBaselinesAtZero(t *testing.T) {
	for _, c := range []struct{ example, action, why string }{
		{"small-island", "GOV.LEAD.a12", "National Cyber Security Committee is recorded as dormant"},
		{"larger-state", "GOV.STR.a5", "the count starts from the assessment of "},
		{"desk-review", "GOV.STR.a5", "the count starts from the assessment of "},
	} {
		d := drafttest.Draft(t, c.example)
		var k *strategy.KPI
		for _, a := range d.Actions {
			if a.LibraryID == c.action {
				for i := range d.KPIs {
					if d.KPIs[i].Action == a.ID {
						k = &d.KPIs[i]
					}
				}
			}
		}
		if k == nil {
			t.Errorf("%s: no KPI of %s", c.example, c.action)
			continue
		}
		if k.BaselineValue == nil || *k.BaselineValue != 0 || k.BaselineYear == 0 || !strings.Contains(k.BaselineFrom, c.why) || k.DataAction != "" {
			t.Errorf("%s: %s baseline %v (%d) from %q, data action %q; want 0 because %s", c.example, k.ID, k.BaselineValue, k.BaselineYear, k.BaselineFrom, k.DataAction, c.why)
			continue
		}
		if last := k.Yearly[len(k.Yearly)-1].Value; last == nil || *last <= 0 {
			t.Errorf("%s: %s targets %v do not rise from zero", c.example, k.ID, k.Yearly)
		}
	}
}

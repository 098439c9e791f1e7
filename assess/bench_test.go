package assess_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/ncskit/ncskit/assess"
)

// benchAssessment builds an assessment of the default model with n
// respondents who each answer every indicator, with some spread, targets,
// person-dependent and donor-funded answers, agreed levels and overrides.
func benchAssessment(m *assess.Model, n int) *assess.Assessment {
	a := &assess.Assessment{
		SchemaVersion: assess.SchemaVersion,
		Model:         assess.ModelRef{ID: m.ID, Version: m.Version},
		Profile:       assess.Profile{Country: "Benchland", SmallIslandState: true},
		Session:       assess.Session{Date: "2026-01-01"},
		Stakeholders:  []assess.Stakeholder{{ID: "s", Name: "Ministry", Roles: []string{"ict-ministry"}}},
	}
	for r := 0; r < n; r++ {
		id := fmt.Sprintf("r%d", r)
		a.Respondents = append(a.Respondents, assess.Respondent{ID: id, Name: id, Stakeholder: "s"})
		for i, in := range m.Indicators() {
			resp := assess.Response{Indicator: in.ID, Respondent: id, Level: assess.Rating(1 + (i+r)%5),
				Evidence: "Evidence note", Confidence: assess.Confidences[(i+r)%3], Provision: "national"}
			switch (i*7 + r) % 11 {
			case 0:
				resp.Level = assess.Unknown
			case 1:
				resp.PersonDependent = true
			case 2:
				resp.Provision = "donor-funded"
			case 3:
				resp.Target = 4
			}
			a.Responses = append(a.Responses, resp)
		}
	}
	for i, in := range m.Indicators()[:10] {
		a.Decisions.Agreed = append(a.Decisions.Agreed, assess.Agreed{Indicator: in.ID, Level: assess.Rating(1 + i%3), Rationale: "agreed"})
	}
	a.Decisions.PriorityOverrides = []assess.PriorityOverride{{Indicator: "GOV.LEAD.1", Rank: 1, Reason: "first"}}
	return a
}

func BenchmarkScore30(b *testing.B) {
	m := assess.Default()
	a := benchAssessment(m, 30)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := assess.Score(m, a); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBenchAssessmentScores(t *testing.T) {
	m := assess.Default()
	res, err := assess.Score(m, benchAssessment(m, 30))
	if err != nil {
		t.Fatal(err)
	}
	if res.Coverage.Assessed != len(m.Indicators()) {
		t.Errorf("assessed %d of %d", res.Coverage.Assessed, len(m.Indicators()))
	}
	if _, err := json.Marshal(res); err != nil {
		t.Fatal(err)
	}
}

// TestGapsOrder: the gaps list every indicator below its target once,
// largest gap first, then in model order.
func TestGapsOrder(t *testing.T) {
	m := assess.Default()
	res, err := assess.Score(m, benchAssessment(m, 30))
	if err != nil {
		t.Fatal(err)
	}
	place := map[string]int{}
	for i, in := range m.Indicators() {
		place[in.ID] = i
	}
	var below, sizes = 0, map[int]bool{}
	for _, in := range m.Indicators() {
		if is := res.Indicator(in.ID); is.Gap > 0 {
			below++
			sizes[is.Gap] = true
		}
	}
	if len(res.Gaps) != below || len(sizes) < 2 {
		t.Fatalf("%d gaps of %d sizes for %d indicators below target", len(res.Gaps), len(sizes), below)
	}
	for i := 1; i < len(res.Gaps); i++ {
		a, b := res.Gaps[i-1], res.Gaps[i]
		if a.Gap < b.Gap || a.Gap == b.Gap && place[a.Indicator] > place[b.Indicator] {
			t.Errorf("gap %d (%s, %d) before gap %d (%s, %d)", i-1, a.Indicator, a.Gap, i, b.Indicator, b.Gap)
		}
	}
}

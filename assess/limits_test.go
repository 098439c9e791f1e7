package assess_test

import (
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
)

// example decodes the small-island example, a valid assessment.
func example(t *testing.T) *assess.Assessment {
	t.Helper()
	var a assess.Assessment
	if err := json.Unmarshal(mustRead(t, "../examples/small-island.json"), &a); err != nil {
		t.Fatal(err)
	}
	if p := assess.Check(assess.Default(), &a); len(p) > 0 {
		t.Fatalf("the example does not check:\n%v", p)
	}
	return &a
}

// TestCheckLimits checks that Check reports, at their places and in the
// schema's words, the lists and texts of an assessment built in Go that
// are longer than the format allows.
func TestCheckLimits(t *testing.T) {
	long := func(n int) string { return strings.Repeat("é", n) } // characters, not bytes
	tests := []struct {
		name   string
		change func(a *assess.Assessment)
		want   []string
	}{{
		name: "at the limits",
		change: func(a *assess.Assessment) {
			a.Profile.Country = long(assess.MaxName)
			a.Session.Classification = long(assess.MaxClassification)
			a.Responses[3].Evidence = long(assess.MaxText)
		},
	}, {
		name: "one-line texts",
		change: func(a *assess.Assessment) {
			a.Schema = long(201)
			a.Profile.Country = long(201)
			a.Profile.LeadMinistry = long(201)
			a.Profile.Sectors = []string{"energy", long(300)}
			a.Profile.Targets = map[string]int{"GOV": 3, strings.Repeat("GOV.", 51): 3}
			a.Session.Place = long(201)
			a.Session.Facilitator = long(201)
			a.Session.Classification = long(81)
			a.Stakeholders[1].Name = long(201)
			a.Stakeholders[1].Roles = append(a.Stakeholders[1].Roles, long(201))
			a.PointsOfContact[0].Person = long(201)
			a.PointsOfContact[0].Deputy.Person = long(201)
			a.Respondents[2].Name = long(201)
			a.Respondents[2].Title = long(201)
		},
		want: []string{
			"/$schema: the text is 201 characters long; the limit is 200",
			"/pointsOfContact/0/deputy/person: the text is 201 characters long; the limit is 200",
			"/pointsOfContact/0/person: the text is 201 characters long; the limit is 200",
			"/profile/country: the text is 201 characters long; the limit is 200",
			"/profile/leadMinistry: the text is 201 characters long; the limit is 200",
			"/profile/sectors/1: the text is 300 characters long; the limit is 200",
			"/profile/targets/" + strings.Repeat("GOV.", 51) + ": the field name is 204 characters long; the limit is 200",
			"/profile/targets/" + strings.Repeat("GOV.", 51) + `: unknown pillar, area or indicator "` + strings.Repeat("GOV.", 51) + `"`,
			"/respondents/2/name: the text is 201 characters long; the limit is 200",
			"/respondents/2/title: the text is 201 characters long; the limit is 200",
			"/session/classification: the text is 81 characters long; the limit is 80",
			"/session/facilitator: the text is 201 characters long; the limit is 200",
			"/session/place: the text is 201 characters long; the limit is 200",
			"/stakeholders/1/name: the text is 201 characters long; the limit is 200",
			"/stakeholders/1/roles/1: the text is 201 characters long; the limit is 200",
			`/stakeholders/1/roles/1: unknown role archetype "` + long(201) + `"`,
		},
	}, {
		name: "free texts",
		change: func(a *assess.Assessment) {
			a.Responses[3].Evidence = long(9120)
			a.Decisions.Agreed[0].Rationale = long(8001)
			a.Decisions.Agreed[0].Dissent = []assess.Dissent{{Respondent: a.Respondents[0].ID, Note: long(8001)}}
			a.Decisions.PriorityOverrides[0].Reason = long(8001)
		},
		want: []string{
			"/decisions/agreed/0/dissent/0/note: the text is 8001 characters long; the limit is 8000",
			"/decisions/agreed/0/rationale: the text is 8001 characters long; the limit is 8000",
			"/decisions/priorityOverrides/0/reason: the text is 8001 characters long; the limit is 8000",
			"/responses/3/evidence: the text is 9120 characters long; the limit is 8000",
		},
	}, {
		name: "lists",
		change: func(a *assess.Assessment) {
			s := a.Stakeholders[0]
			for i := len(a.Stakeholders); i <= assess.MaxStakeholders; i++ {
				s.ID = fmt.Sprintf("s%d", i)
				a.Stakeholders = append(a.Stakeholders, s)
			}
			r := a.Respondents[0]
			for i := len(a.Respondents); i <= assess.MaxRespondents+1; i++ {
				r.ID = fmt.Sprintf("r%d", i)
				a.Respondents = append(a.Respondents, r)
			}
			for len(a.Responses) <= assess.MaxResponses {
				resp := a.Responses[0]
				resp.Respondent = a.Respondents[len(a.Responses)%len(a.Respondents)].ID
				ind := assess.Default().Indicators()
				resp.Indicator = ind[len(a.Responses)/len(a.Respondents)%len(ind)].ID
				a.Responses = append(a.Responses, resp)
			}
			a.Decisions.Agreed = slices.Repeat(a.Decisions.Agreed[:1], assess.MaxDecisions+1)
			dissent := make([]assess.Dissent, assess.MaxRespondents+1)
			for i := range dissent {
				dissent[i] = assess.Dissent{Respondent: a.Respondents[i].ID, Note: "no"}
			}
			a.Decisions.Agreed[0].Dissent = dissent
			a.Decisions.PriorityOverrides = slices.Repeat(a.Decisions.PriorityOverrides[:1], assess.MaxDecisions+1)
		},
		want: []string{
			"/decisions/agreed: the list has 1001 items; the limit is 1000",
			"/decisions/agreed/0/dissent: the list has 501 items; the limit is 500",
			"/decisions/priorityOverrides: the list has 1001 items; the limit is 1000",
			"/respondents: the list has 502 items; the limit is 500",
			"/responses: the list has 50001 items; the limit is 50000",
			"/stakeholders: the list has 501 items; the limit is 500",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := example(t)
			tt.change(a)
			var got []string
			for _, p := range assess.Check(assess.Default(), a) {
				// The lists repeat entries; keep the problems of the limits.
				if tt.name == "lists" && !strings.Contains(p.Message, "the limit is") {
					continue
				}
				got = append(got, p.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// gridModel returns the default model as JSON with its pillars replaced by
// pillars × areas × indicators generated ones, each indicator a copy of
// the first of the default model without dependencies.
func gridModel(t *testing.T, pillars, areas, indicators int) []byte {
	t.Helper()
	data, err := json.Marshal(assess.Default())
	if err != nil {
		t.Fatal(err)
	}
	var m assess.Model
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	proto := *m.Indicators()[0]
	proto.DependsOn = []string{}
	m.TargetProfiles = nil
	m.Pillars = nil
	letters := func(n int) string { return string(rune('A'+n/26)) + string(rune('A'+n%26)) }
	for i := range pillars {
		p := &assess.Pillar{ID: "P" + letters(i), Name: assess.Text{"en": "Pillar"}}
		for j := range areas {
			a := &assess.Area{ID: p.ID + "." + letters(j), Name: assess.Text{"en": "Area"}}
			for k := range indicators {
				in := proto
				in.ID = fmt.Sprintf("%s.%d", a.ID, k+1)
				a.Indicators = append(a.Indicators, &in)
			}
			p.Areas = append(p.Areas, a)
		}
		m.Pillars = append(m.Pillars, p)
	}
	if data, err = json.Marshal(&m); err != nil {
		t.Fatal(err)
	}
	return data
}

// TestModelLimit checks that a model with more indicators than
// MaxIndicators is refused, wherever it comes from: a pillar file is
// bounded by its schema, but a model may include any number of them.
func TestModelLimit(t *testing.T) {
	if _, err := assess.ParseModel(gridModel(t, 10, 10, 10)); err != nil {
		t.Fatalf("a model of MaxIndicators indicators: %v", err)
	}
	_, err := assess.ParseModel(gridModel(t, 7, 11, 13))
	if want := "/pillars: the model has 1001 indicators; the limit is 1000"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// TestCheckMemory checks that the memory Check needs grows with the size
// of the assessment, not with the product of the model's indicators and
// the respondents: a model of MaxIndicators indicators with 40,000
// respondents who gave 20 answers in all once took 1,000 × 40,000 × 4
// bytes, 178 MB (a custom model of 40,000 indicators and 150,000
// respondents, 24 GB).
func TestCheckMemory(t *testing.T) {
	m, err := assess.ParseModel(gridModel(t, 10, 10, 10))
	if err != nil {
		t.Fatal(err)
	}
	a := &assess.Assessment{
		SchemaVersion: assess.SchemaVersion,
		Model:         assess.ModelRef{ID: m.ID, Version: m.Version},
		Session:       assess.Session{Date: "2026-01-01"},
		Stakeholders:  []assess.Stakeholder{{ID: "s", Name: "Ministry"}},
	}
	const respondents = 40000
	for i := range respondents {
		id := fmt.Sprintf("r%d", i)
		a.Respondents = append(a.Respondents, assess.Respondent{ID: id, Name: id, Stakeholder: "s"})
	}
	ids := m.Indicators()
	for i := range 20 {
		a.Responses = append(a.Responses, assess.Response{Indicator: ids[i*50].ID, Respondent: a.Respondents[i*2000].ID, Level: 2})
	}
	a.Responses = append(a.Responses, a.Responses[7])

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	probs := assess.Check(m, a)
	runtime.ReadMemStats(&after)

	const budget = 50 << 20
	n := after.TotalAlloc - before.TotalAlloc
	t.Logf("Check allocated %.1f MB", float64(n)/(1<<20))
	if n > budget {
		t.Errorf("Check allocated %.0f MB, want at most %d MB", float64(n)/(1<<20), budget>>20)
	}
	want := []string{
		`/respondents: the list has 40000 items; the limit is 500`,
		`/responses/20: duplicate response: respondent "r14000" already answered PAD.AF.1 at /responses/7`,
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

package questionnaire_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/questionnaire"
)

// filled returns a questionnaire filled in by name of org and read back
// as file; answers maps indicator IDs to their answer cells, as for fill.
func filled(t *testing.T, file, name, org string, o *questionnaire.Options, answers map[string][]any) *questionnaire.Filled {
	t.Helper()
	f := open(t, write(t, o))
	filledRespondent(t, f, name, org)
	for id, cells := range answers {
		fill(t, f, id, cells...)
	}
	got, err := read(file, save(t, f))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// respondentOf returns the respondent with the given ID, or nil.
func respondentOf(a *assess.Assessment, id string) *assess.Respondent {
	for i := range a.Respondents {
		if a.Respondents[i].ID == id {
			return &a.Respondents[i]
		}
	}
	return nil
}

func TestMergeNewRespondents(t *testing.T) {
	m := assess.Default()
	a := example(t)
	nResp, nStake, nAns := len(a.Respondents), len(a.Stakeholders), len(a.Responses)
	ana := filled(t, "ana.xlsx", "Ana Pérez", "ministry of digital transformation and  public service", nil,
		map[string][]any{"GOV.STR.1": {"3"}, "IRC.MAN.1": {"2"}})
	// The same person again, with another answer: merged under one ID.
	ana2 := filled(t, "ana-2.xlsx", " ana perez ", "MDT", nil, map[string][]any{"CAP.WF.1": {"4"}, "GOV.STR.1": {"3"}})
	// Another Ana Pérez in a new organisation.
	other := filled(t, "other.xlsx", "Ana Pérez", "Port Authority", nil, map[string][]any{"OUT.AWA.1": {"n/a"}})
	if err := questionnaire.Merge(m, a, ana, ana2, other); err != nil {
		t.Fatal(err)
	}
	if got := len(a.Respondents) - nResp; got != 2 {
		t.Errorf("%d new respondents, want 2", got)
	}
	if r := respondentOf(a, "ana-perez"); r == nil || r.Stakeholder != "mdt" || r.Name != "Ana Pérez" {
		t.Errorf("ana-perez = %+v, want Ana Pérez of mdt", r)
	}
	if r := respondentOf(a, "ana-perez-2"); r == nil || r.Stakeholder != "port-authority" {
		t.Errorf("ana-perez-2 = %+v, want of port-authority", r)
	}
	if got := a.Stakeholders[len(a.Stakeholders)-1]; len(a.Stakeholders) != nStake+1 ||
		!reflect.DeepEqual(got, assess.Stakeholder{ID: "port-authority", Name: "Port Authority", Roles: []string{}}) {
		t.Errorf("new stakeholders: %+v", a.Stakeholders[nStake:])
	}
	if got := len(a.Responses) - nAns; got != 4 {
		t.Errorf("%d new responses, want 4 (the repeated identical answer is merged once)", got)
	}
	if probs := assess.Check(m, a); len(probs) > 0 {
		t.Errorf("the merged assessment does not check: %v", probs)
	}
}

func TestMergeProblems(t *testing.T) {
	m := assess.Default()
	gov1 := &questionnaire.Options{Prefill: example(t), Respondent: "r-gov-1"}
	cases := []struct {
		name  string
		files func(t *testing.T) []*questionnaire.Filled
		want  string
	}{
		{"conflict with the assessment", func(t *testing.T) []*questionnaire.Filled {
			f := open(t, write(t, gov1))
			fill(t, f, "GOV.STR.1", "3 - Defined")
			r, err := read("r-gov-1.xlsx", save(t, f))
			must(t, err)
			return []*questionnaire.Filled{r}
		}, `r-gov-1.xlsx: GOV!D5: conflicts with the answer of respondent "r-gov-1" to GOV.STR.1 at /responses/0 of the assessment (level 2 there, 3 here); nothing was replaced`},
		{"conflict in the evidence", func(t *testing.T) []*questionnaire.Filled {
			f := open(t, write(t, gov1))
			fill(t, f, "GOV.STR.1", nil, nil, nil, nil, nil, "new evidence")
			r, err := read("r-gov-1.xlsx", save(t, f))
			must(t, err)
			return []*questionnaire.Filled{r}
		}, `r-gov-1.xlsx: GOV!D5: conflicts with the answer of respondent "r-gov-1" to GOV.STR.1 at /responses/0 of the assessment (other evidence); nothing was replaced`},
		{"conflict between two files", func(t *testing.T) []*questionnaire.Filled {
			return []*questionnaire.Filled{
				filled(t, "a.xlsx", "Bo Li", "Ministry of Tests", nil, map[string][]any{"IRC.OPS.2": {"2", "3"}}),
				filled(t, "b.xlsx", "Bo Li", "Ministry of Tests", nil, map[string][]any{"IRC.OPS.2": {"2", "4"}}),
			}
		}, `b.xlsx: IRC!D10: conflicts with the answer of respondent "bo-li" to IRC.OPS.2 at a.xlsx: IRC!D10 (target 3 there, 4 here); nothing was replaced`},
		{"issued respondent renamed", func(t *testing.T) []*questionnaire.Filled {
			f := open(t, write(t, gov1))
			must(t, f.SetCellStr("Respondent", "B4", "Someone Else"))
			r, err := read("r-gov-1.xlsx", save(t, f))
			must(t, err)
			return []*questionnaire.Filled{r}
		}, `r-gov-1.xlsx: Respondent!B4: respondent "r-gov-1" is "Desirée Fontaine-Charles" of stakeholder "mdt" in the assessment, not "Someone Else" of "Ministry of Digital Transformation and Public Service": correct one or the other`},
		{"target below the agreed level", func(t *testing.T) []*questionnaire.Filled {
			return []*questionnaire.Filled{filled(t, "new.xlsx", "New Person", "MDT", nil, map[string][]any{"GOV.LAW.3": {"1", "1"}})}
		}, `new.xlsx: GOV!E16: target 1 is below the agreed level 2 of GOV.LAW.3: add a note in evidence saying why`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := example(t)
			before := fmt.Sprintf("%+v", a)
			err := questionnaire.Merge(m, a, c.files(t)...)
			if err == nil || err.Error() != c.want {
				t.Errorf("got  %v\nwant %s", err, c.want)
			}
			if fmt.Sprintf("%+v", a) != before {
				t.Error("Merge changed the assessment although it failed")
			}
		})
	}

	t.Run("another model", func(t *testing.T) {
		a := example(t)
		a.Model.Version = "2.0.0"
		err := questionnaire.Merge(m, a)
		want := "/model: the assessment was made with model ncskit-cicte 2.0.0, not ncskit-cicte 1.0.0"
		if err == nil || err.Error() != want {
			t.Errorf("got  %v\nwant %s", err, want)
		}
	})
}

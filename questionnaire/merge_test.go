package questionnaire_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
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
		want := "/model: the assessment was made with model ncskit-cicte 2.0.0, not ncskit-cicte 1.1.0"
		if err == nil || err.Error() != want {
			t.Errorf("got  %v\nwant %s", err, want)
		}
	})
}

// TestMergeAnyScript merges respondents whose names and organisations
// are written in other scripts than Latin: each person stays distinct,
// the same person in two files is merged, and the IDs do not depend on
// the order of the files.
func TestMergeAnyScript(t *testing.T) {
	m := assess.Default()
	const ministry = "Министерство цифрового развития"
	files := []*questionnaire.Filled{
		filled(t, "ivan.xlsx", "Иван Петров", ministry, nil, map[string][]any{"GOV.STR.1": {"3"}}),
		filled(t, "wang.xlsx", "王伟", "国家互联网应急中心", nil, map[string][]any{"GOV.STR.1": {"2"}}),
		filled(t, "mohamed.xlsx", "محمد علي", "وزارة الاتصالات", nil, map[string][]any{"GOV.STR.1": {"4"}}),
		filled(t, "nikos.xlsx", "Νίκος Παπαδόπουλος", "Υπουργείο Ψηφιακής Διακυβέρνησης", nil, map[string][]any{"GOV.STR.1": {"1"}}),
		// Another person of the same ministry as Иван Петров.
		filled(t, "sergei.xlsx", "Сергей Иванов", ministry, nil, map[string][]any{"GOV.STR.1": {"2"}}),
		// Иван Петров again, typed otherwise, with another answer.
		filled(t, "ivan-2.xlsx", " иван  ПЕТРОВ", "министерство цифрового развития", nil, map[string][]any{"IRC.MAN.1": {"2"}}),
		// Νίκος in capitals without accents, as people type them.
		filled(t, "nikos-2.xlsx", "ΝΙΚΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ", "ΥΠΟΥΡΓΕΙΟ ΨΗΦΙΑΚΗΣ ΔΙΑΚΥΒΕΡΝΗΣΗΣ", nil, map[string][]any{"IRC.MAN.1": {"3"}}),
		// A name partly in Latin letters.
		filled(t, "olga.xlsx", "Ольга Smith", ministry, nil, map[string][]any{"GOV.STR.1": {"3"}}),
	}
	type who struct{ id, name, stakeholder, org string }
	merge := func(files []*questionnaire.Filled) []who {
		t.Helper()
		a := &assess.Assessment{SchemaVersion: assess.SchemaVersion, Model: assess.ModelRef{ID: m.ID, Version: m.Version}, Profile: example(t).Profile}
		if err := questionnaire.Merge(m, a, files...); err != nil {
			t.Fatal(err)
		}
		if len(a.Responses) != len(files) {
			t.Errorf("%d responses, want %d", len(a.Responses), len(files))
		}
		orgs := map[string]string{}
		for _, s := range a.Stakeholders {
			orgs[s.ID] = s.Name
		}
		var out []who
		for _, r := range a.Respondents {
			out = append(out, who{r.ID, r.Name, r.Stakeholder, orgs[r.Stakeholder]})
		}
		slices.SortFunc(out, func(a, b who) int { return strings.Compare(a.id, b.id) })
		return out
	}
	want := []who{
		{"r-089bba3e", "Сергей Иванов", "s-2d7f4c19", ministry},
		{"r-0c6e5fe8", "王伟", "s-5b21539e", "国家互联网应急中心"},
		{"r-ac70bed1", "Νίκος Παπαδόπουλος", "s-ec3505bf", "Υπουργείο Ψηφιακής Διακυβέρνησης"},
		{"r-e8cb275e", "محمد علي", "s-dce00a4c", "وزارة الاتصالات"},
		{"r-e8eef5cd", "Иван Петров", "s-2d7f4c19", ministry},
		{"smith-8ec8988d", "Ольга Smith", "s-2d7f4c19", ministry},
	}
	got := merge(files)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("respondents:\n%q\nwant:\n%q", got, want)
	}
	// In the other order, the names are those of the first file that
	// gives them; the IDs are the same.
	backward := slices.Clone(files)
	slices.Reverse(backward)
	ids := func(ws []who) (out [][2]string) {
		for _, w := range ws {
			out = append(out, [2]string{w.id, w.stakeholder})
		}
		return out
	}
	if again := merge(backward); !slices.Equal(ids(again), ids(got)) {
		t.Errorf("in the other order:\n%q\nwant:\n%q", ids(again), ids(got))
	}
}

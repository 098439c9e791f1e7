package questionnaire_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/questionnaire"
)

// fileReport is what a test compares of an ImportedFile.
type fileReport struct {
	File, Respondent, Stakeholder string
	NewRespondent, NewStakeholder bool
	Answers, Added                int
}

func reports(files []questionnaire.ImportedFile) []fileReport {
	var out []fileReport
	for _, f := range files {
		out = append(out, fileReport{f.Filled.File, f.Respondent, f.Stakeholder, f.NewRespondent, f.NewStakeholder, f.Answers, f.Added})
	}
	return out
}

func marshal(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	must(t, err)
	return string(b)
}

// TestImport imports into the small island state: the issued
// questionnaire of a respondent it has, unchanged; a new respondent of a
// stakeholder it has; and a new respondent of a new organisation, twice,
// with one answer in both files.
func TestImport(t *testing.T) {
	m := assess.Default()
	into := example(t)
	before := marshal(t, into)
	gov1 := filled(t, "r-gov-1.xlsx", "Desirée Fontaine-Charles", "Ministry of Digital Transformation and Public Service",
		&questionnaire.Options{Prefill: example(t), Respondent: "r-gov-1"}, nil)
	ben := filled(t, "ben.xlsx", "Ben Okafor", "MDT", nil, map[string][]any{"GOV.STR.1": {"1"}, "GOV.LAW.1": {"4"}})
	ana := filled(t, "ana.xlsx", "Ana Pérez", "Ministry of Tourism", nil, map[string][]any{"GOV.STR.1": {"3"}, "IRC.MAN.1": {"2"}})
	ana2 := filled(t, "ana-2.xlsx", "ANA PEREZ", "ministry of tourism", nil, map[string][]any{"IRC.MAN.1": {"2"}, "CAP.WF.1": {"n/a"}})

	im, err := questionnaire.Import(m, into, []*questionnaire.Filled{gov1, ben, ana, ana2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if marshal(t, into) != before {
		t.Error("Import changed the assessment it imported into")
	}
	want := []fileReport{
		{"r-gov-1.xlsx", "r-gov-1", "mdt", false, false, len(gov1.Answers), 0},
		{"ben.xlsx", "ben-okafor", "mdt", true, false, 2, 2},
		{"ana.xlsx", "ana-perez", "ministry-of-tourism", true, true, 2, 2},
		{"ana-2.xlsx", "ana-perez", "ministry-of-tourism", true, true, 2, 1},
	}
	if got := reports(im.Files); !reflect.DeepEqual(got, want) {
		t.Errorf("files:\n%+v\nwant:\n%+v", got, want)
	}
	if len(gov1.Answers) == 0 || im.Files[0].Filled != gov1 {
		t.Errorf("the report of r-gov-1.xlsx: %d answers, file %p, want %p", len(gov1.Answers), im.Files[0].Filled, gov1)
	}
	if got := marshal(t, im.Stakeholders); got != `[{"id":"ministry-of-tourism","name":"Ministry of Tourism","roles":[]}]` {
		t.Errorf("stakeholders added: %s", got)
	}
	if got := marshal(t, im.Respondents); got != `[{"id":"ben-okafor","name":"Ben Okafor","stakeholder":"mdt"},{"id":"ana-perez","name":"Ana Pérez","stakeholder":"ministry-of-tourism"}]` {
		t.Errorf("respondents added: %s", got)
	}
	a := im.Assessment
	if im.Responses != 5 || len(a.Responses) != len(into.Responses)+5 {
		t.Errorf("%d responses added, %d in all, want 5 more than %d", im.Responses, len(a.Responses), len(into.Responses))
	}
	if !reflect.DeepEqual(a.Responses[:len(into.Responses)], into.Responses) || a.Profile.Country != into.Profile.Country {
		t.Error("the result does not hold the assessment as it was")
	}
	if _, err := load.Assessment("result.json", []byte(marshal(t, a)), m); err != nil {
		t.Errorf("the result does not load: %v", err)
	}

	// Again into the result: nothing is added, and the report still says
	// whose the answers are.
	again, err := questionnaire.Import(m, a, []*questionnaire.Filled{ana2, ben}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want = []fileReport{
		{"ana-2.xlsx", "ana-perez", "ministry-of-tourism", false, false, 2, 0},
		{"ben.xlsx", "ben-okafor", "mdt", false, false, 2, 0},
	}
	if got := reports(again.Files); !reflect.DeepEqual(got, want) || again.Responses != 0 || len(again.Respondents) != 0 || len(again.Stakeholders) != 0 {
		t.Errorf("importing again: files %+v, added %d responses, %v, %v", got, again.Responses, again.Respondents, again.Stakeholders)
	}
}

// TestImportNew imports into a new assessment with a placeholder profile.
func TestImportNew(t *testing.T) {
	m := assess.Default()
	x := open(t, write(t, &questionnaire.Options{Lang: "fr"}))
	must(t, x.SetCellStr("Répondant", "B4", "Jean Martin"))
	must(t, x.SetCellStr("Répondant", "B5", "Ministère de l'Intérieur"))
	fr, err := read("fr.xlsx", save(t, x))
	must(t, err)
	en := filled(t, "en.xlsx", "Ana Pérez", "Ministry of Tourism", nil, map[string][]any{"GOV.STR.1": {"3"}})
	fr.Date, en.Date = "2026-10-14", "2026-10-02"
	im, err := questionnaire.Import(m, nil, []*questionnaire.Filled{fr, en}, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := im.Assessment
	got := fmt.Sprintf("%s | %s | %s | %d | %v | %s | %s | %s | %s", a.Profile.Country, a.Profile.ISO3166, a.Profile.Region, a.Profile.Population,
		a.Profile.Languages, a.Profile.LeadMinistry, a.Profile.Framing, a.Session.Date, a.Session.Language)
	if want := "FILL IN: country | XX | caribbean | 1 | [en fr] | FILL IN: lead ministry | economy-infrastructure | 2026-10-14 | en"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if a.Schema != "https://ncskit.org/schemas/assessment-v1.schema.json" || len(a.Respondents) != 2 || len(a.Stakeholders) != 2 || len(a.Responses) != 1 {
		t.Errorf("schema %q, %d respondents, %d stakeholders, %d responses", a.Schema, len(a.Respondents), len(a.Stakeholders), len(a.Responses))
	}
	im, err = questionnaire.Import(m, nil, []*questionnaire.Filled{en}, &questionnaire.ImportOptions{Date: "2027-01-05"})
	if err != nil || im.Assessment.Session.Date != "2027-01-05" {
		t.Errorf("with a date: %v, %+v", err, im)
	}
}

// TestImportProblems checks the located problems of Import, and that it
// returns nothing with them.
func TestImportProblems(t *testing.T) {
	m := assess.Default()
	gov1 := &questionnaire.Options{Prefill: example(t), Respondent: "r-gov-1"}
	crowded := example(t)
	for i := len(crowded.Respondents); i < assess.MaxRespondents; i++ {
		crowded.Respondents = append(crowded.Respondents, assess.Respondent{ID: fmt.Sprintf("r-%d", i), Name: fmt.Sprintf("Person %d", i), Stakeholder: "mdt"})
	}
	otherModel := example(t)
	otherModel.Model.Version = "2.0.0"
	cases := []struct {
		name  string
		into  *assess.Assessment
		files func(t *testing.T) []*questionnaire.Filled
		want  string
	}{
		{"conflict with the assessment", example(t), func(t *testing.T) []*questionnaire.Filled {
			f := open(t, write(t, gov1))
			fill(t, f, "GOV.STR.1", "3 - Defined")
			r, err := read("r-gov-1.xlsx", save(t, f))
			must(t, err)
			return []*questionnaire.Filled{r}
		}, `r-gov-1.xlsx: GOV!D5: conflicts with the answer of respondent "r-gov-1" to GOV.STR.1 at /responses/0 of small-island.json (level 2 there, 3 here); nothing was replaced`},
		{"another model", otherModel, func(t *testing.T) []*questionnaire.Filled { return nil },
			"small-island.json: /model: the assessment was made with model ncskit-cicte 2.0.0, not ncskit-cicte 1.1.0"},
		{"too many respondents", crowded, func(t *testing.T) []*questionnaire.Filled {
			return []*questionnaire.Filled{filled(t, "new.xlsx", "New Person", "MDT", nil, nil)}
		}, "small-island.json: /respondents: the import would make 501 respondents; the limit is 500"},
		{"too many files", example(t), func(t *testing.T) []*questionnaire.Filled {
			return make([]*questionnaire.Filled, questionnaire.MaxFiles+1)
		}, "201 questionnaires; at most 200 can be imported at once"},
		{"the result does not read", example(t), func(t *testing.T) []*questionnaire.Filled {
			f := filled(t, "new.xlsx", "New Person", "MDT", nil, map[string][]any{"GOV.STR.1": {"3"}})
			f.Answers[0].Confidence = "certain" // not what Read returns
			return []*questionnaire.Filled{f}
		}, `new.xlsx: GOV!G5: expected one of "low", "medium", "high", got "certain"`},
		{"the result does not read, not located", nil, func(t *testing.T) []*questionnaire.Filled {
			f := filled(t, "new.xlsx", "New Person", "MDT", nil, nil)
			f.Lang = "English" // not what Read returns
			return []*questionnaire.Filled{f}
		}, `small-island.json: /profile/languages/0: after the import: expected a language code such as en, es or pt-BR, got "English"` + "\n" +
			`small-island.json: /session/language: after the import: expected a language code such as en, es or pt-BR, got "English"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var before string
			if c.into != nil {
				before = marshal(t, c.into)
			}
			im, err := questionnaire.Import(m, c.into, c.files(t), &questionnaire.ImportOptions{Name: "small-island.json"})
			if err == nil || err.Error() != c.want {
				t.Errorf("got  %v\nwant %s", err, c.want)
			}
			if im != nil {
				t.Error("a result together with problems")
			}
			if c.into != nil && marshal(t, c.into) != before {
				t.Error("Import changed the assessment")
			}
			for _, line := range strings.Split(fmt.Sprint(err), "\n") {
				if strings.HasSuffix(line, ".") {
					t.Errorf("message ends with a period: %q", line)
				}
			}
		})
	}
}

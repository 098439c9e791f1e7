package questionnaire_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/xlsxtext"
	"github.com/ncskit/ncskit/questionnaire"
	"github.com/xuri/excelize/v2"
)

// hostile is text that a spreadsheet program would take for a formula, a
// command or markup if it were not written and read as plain text.
var hostile = []string{
	`=HYPERLINK("http://x","click")`,
	`=1+1`,
	`+1`,
	`-1`,
	`@SUM(A1)`,
	"\t=1+1",
	"\r=1+1",
	"\r\n=cmd|' /C calc'!A0",
	`<script>alert("x")</script>`,
	`_x0041_ stays as typed`,
	`_x0041_x0042_ stays as typed too`,
	"two\nlines & \"quotes\" 'single' <b>",
	"Ñandú — 日本語 — émoji 🙂",
}

// rowOf returns the row of an indicator on its pillar sheet.
func rowOf(t testing.TB, f *excelize.File, id string) (sheet string, row int) {
	t.Helper()
	sheet = strings.SplitN(id, ".", 2)[0]
	rows, err := f.GetRows(sheet)
	must(t, err)
	for i, r := range rows {
		if len(r) > 0 && r[0] == id {
			return sheet, i + 1
		}
	}
	t.Fatalf("no row for %s", id)
	return "", 0
}

// fill sets the answer cells of an indicator: level, target, provision,
// confidence, person-dependent and evidence, from column D. A string is
// written as text, an int or float64 as a number, and a formula as a
// formula.
type formula string

func fill(t testing.TB, f *excelize.File, id string, values ...any) {
	t.Helper()
	sheet, row := rowOf(t, f, id)
	for i, v := range values {
		cell, _ := excelize.CoordinatesToCellName(4+i, row)
		switch v := v.(type) {
		case nil:
		case string:
			must(t, xlsxtext.Set(f, sheet, cell, v))
		case formula:
			must(t, f.SetCellFormula(sheet, cell, string(v)))
		default:
			must(t, f.SetCellValue(sheet, cell, v))
		}
	}
}

// TestRoundTrip fills a blank questionnaire the way people do and reads it
// back: every spelling of an answer gives the intended response, and free
// text, however hostile, stays literal.
func TestRoundTrip(t *testing.T) {
	f := open(t, write(t, nil))
	must(t, f.SetCellStr("Respondent", "B4", "  Ana Pérez-Smith "))
	must(t, f.SetCellStr("Respondent", "B5", "=Ministry of Tests"))
	must(t, f.SetCellStr("Respondent", "B6", "+1 Director"))
	must(t, f.SetCellStr("Respondent", "B7", "@ana"))
	must(t, f.SetCellValue("Respondent", "B8", time.Date(2026, 10, 14, 0, 0, 0, 0, time.UTC)))
	// The sheets in another order, and an extra sheet.
	must(t, f.MoveSheet("OUT", "Instructions"))
	_, err := f.NewSheet("My notes")
	must(t, err)
	must(t, f.SetCellStr("My notes", "A1", "IRC.MAN.1 3"))

	type want struct {
		id       string
		cells    []any
		response assess.Response
	}
	cases := []want{
		{"GOV.STR.1", []any{"3 - Defined", "4 - Managed", "National", "high", "no", "Cabinet conclusion 112/2020"},
			assess.Response{Level: 3, Target: 4, Provision: "national", Confidence: "high", Evidence: "Cabinet conclusion 112/2020"}},
		{"GOV.STR.2", []any{2, 3.0}, assess.Response{Level: 2, Target: 3}},
		{"GOV.STR.3", []any{"2", " 3 "}, assess.Response{Level: 2, Target: 3}},
		{"GOV.LEAD.1", []any{"Defined", "managed", "shared-regional", "MEDIUM", "Yes"},
			assess.Response{Level: 3, Target: 4, Provision: "shared-regional", Confidence: "medium", PersonDependent: true}},
		{"GOV.LEAD.2", []any{" 3 – defined  ", "4. Managed", " Donor-funded ", "Low ", "x"},
			assess.Response{Level: 3, Target: 4, Provision: "donor-funded", Confidence: "low", PersonDependent: true}},
		{"GOV.LEAD.3", []any{"n/a"}, assess.Response{Level: assess.NotApplicable}},
		{"GOV.LEAD.4", []any{"Not applicable"}, assess.Response{Level: assess.NotApplicable}},
		{"IRC.MAN.1", []any{"unknown", nil, nil, nil, nil, "nobody knew"}, assess.Response{Level: assess.Unknown, Evidence: "nobody knew"}},
		{"IRC.MAN.2", []any{"desconocido", "3 - DEFINED"}, assess.Response{Level: assess.Unknown, Target: 3}},
		{"IRC.MAN.3", []any{"5 - Adaptive", 5, "shared or  regional", "élevée", "oui"},
			assess.Response{Level: 5, Target: 5, Provision: "shared-regional", Confidence: "high", PersonDependent: true}},
		{"IRC.OPS.1", []any{1, nil, nil, nil, false}, assess.Response{Level: 1}},
		{"IRC.OPS.2", []any{"4", nil, nil, nil, true}, assess.Response{Level: 4, PersonDependent: true}},
		{"CAP.EXE.1", []any{"2", nil, nil, nil, nil, formula(`HYPERLINK("http://x","click")`)},
			assess.Response{Level: 2, Evidence: `=HYPERLINK("http://x","click")`}},
		{"OUT.AWA.1", []any{"3 - Defined", nil, nil, nil, nil, "trailing spaces go   \n "}, assess.Response{Level: 3, Evidence: "trailing spaces go"}},
	}
	used := map[string]bool{}
	for _, c := range cases {
		used[c.id] = true
	}
	var free []string
	for _, in := range assess.Default().Indicators() {
		if !used[in.ID] {
			free = append(free, in.ID)
		}
	}
	for i, h := range hostile {
		cases = append(cases, want{free[i], []any{"2 - Initial", nil, nil, nil, nil, h}, assess.Response{Level: 2, Evidence: h}})
	}
	for _, c := range cases {
		fill(t, f, c.id, c.cells...)
	}
	got, err := read("filled.xlsx", save(t, f))
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Ana Pérez-Smith" || got.Organisation != "=Ministry of Tests" || got.Title != "+1 Director" ||
		got.Contact != "@ana" || got.Date != "2026-10-14" || got.RespondentID != "" || got.Lang != "en" ||
		got.Model != (assess.ModelRef{ID: "ncskit-cicte", Version: "1.1.0"}) {
		t.Errorf("respondent: got %q %q %q %q %q %q %q %v", got.Name, got.Organisation, got.Title, got.Contact, got.Date, got.RespondentID, got.Lang, got.Model)
	}
	byID := map[string]questionnaire.Answer{}
	for _, a := range got.Answers {
		byID[a.Indicator] = a
	}
	if len(got.Answers) != len(cases) {
		t.Errorf("got %d answers, want %d", len(got.Answers), len(cases))
	}
	for _, c := range cases {
		c.response.Indicator = c.id
		a, ok := byID[c.id]
		if !ok {
			t.Errorf("%s: no answer", c.id)
			continue
		}
		if a.Response != c.response {
			t.Errorf("%s (%s):\n got %+v\nwant %+v", c.id, a.Cell, a.Response, c.response)
		}
	}
	// Answers come in the order of the sheets in the model, then rows.
	var order []string
	for _, a := range got.Answers {
		order = append(order, a.Indicator)
	}
	if !slices.IsSortedFunc(order, func(x, y string) int { return modelIndex(x) - modelIndex(y) }) {
		t.Errorf("answers not in model order: %v", order)
	}
	if a := byID["GOV.STR.1"]; a.Cell != "GOV!D5" {
		t.Errorf("GOV.STR.1 cell = %s, want GOV!D5", a.Cell)
	}
}

func modelIndex(id string) int {
	for i, in := range assess.Default().Indicators() {
		if in.ID == id {
			return i
		}
	}
	return -1
}

// TestPrefillRoundTrip pre-fills one questionnaire per respondent of the
// small island state, reads each back and merges them all into the
// assessment emptied of respondents and responses: the result is the
// original assessment.
func TestPrefillRoundTrip(t *testing.T) {
	orig := example(t)
	// Hostile evidence survives the trip too.
	for i, h := range hostile {
		orig.Responses[i].Evidence = strings.TrimRight(h, " \t\r\n")
	}
	var filled []*questionnaire.Filled
	for _, r := range orig.Respondents {
		data := write(t, &questionnaire.Options{Prefill: orig, Respondent: r.ID})
		f, err := read(r.ID+".xlsx", data)
		if err != nil {
			t.Fatal(err)
		}
		if f.RespondentID != r.ID || f.Name != r.Name || f.Title != r.Title {
			t.Errorf("%s: read %q %q %q", r.ID, f.RespondentID, f.Name, f.Title)
		}
		var want, got []assess.Response
		for _, resp := range orig.Responses {
			if resp.Respondent == r.ID {
				want = append(want, resp)
			}
		}
		for _, a := range f.Answers {
			a.Respondent = r.ID
			got = append(got, a.Response)
		}
		sortResponses(want)
		sortResponses(got)
		if len(got) != len(want) {
			t.Errorf("%s: %d answers, want %d", r.ID, len(got), len(want))
		}
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Errorf("%s: answer differs\n got %#v\nwant %#v", r.ID, got[i], want[i])
			}
		}
		filled = append(filled, f)
	}

	a := example(t)
	a.Respondents, a.Responses, a.Decisions = nil, nil, assess.Decisions{}
	if err := questionnaire.Merge(assess.Default(), a, filled...); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Respondents, orig.Respondents) {
		t.Errorf("respondents differ:\n got %+v\nwant %+v", a.Respondents, orig.Respondents)
	}
	if !reflect.DeepEqual(a.Stakeholders, orig.Stakeholders) {
		t.Errorf("stakeholders changed:\n got %+v\nwant %+v", a.Stakeholders, orig.Stakeholders)
	}
	got, want := slices.Clone(a.Responses), slices.Clone(orig.Responses)
	sortResponses(got)
	sortResponses(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("responses differ after the merge")
	}

	// Merging the same answers again changes nothing and is no error.
	// (Compared as JSON: the facts are behind a pointer.)
	before, _ := json.Marshal(a)
	if err := questionnaire.Merge(assess.Default(), a, filled...); err != nil {
		t.Fatal(err)
	}
	if after, _ := json.Marshal(a); string(after) != string(before) {
		t.Error("merging the same questionnaires twice changed the assessment")
	}
}

// TestHostileTextWrittenAsText checks that pre-filled free text is written
// as text cells, never formulas, in the very workbook Write produces.
func TestHostileTextWrittenAsText(t *testing.T) {
	a := example(t)
	a.Respondents[0].Name = `=HYPERLINK("http://x")`
	a.Respondents[0].Title = "@SUM(A1)"
	rid, i := a.Respondents[0].ID, 0
	for j := range a.Responses {
		if a.Responses[j].Respondent == rid && i < len(hostile) {
			a.Responses[j].Evidence = hostile[i]
			i++
		}
	}
	f := open(t, write(t, &questionnaire.Options{Prefill: a, Respondent: a.Respondents[0].ID}))
	check := func(sheet, cell, want string) {
		t.Helper()
		typ, err := f.GetCellType(sheet, cell)
		must(t, err)
		formula, err := f.GetCellFormula(sheet, cell)
		must(t, err)
		v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		must(t, err)
		if typ != excelize.CellTypeSharedString || formula != "" || v != want {
			t.Errorf("%s!%s: type %v, formula %q, value %q; want the text %q", sheet, cell, typ, formula, v, want)
		}
	}
	check("Respondent", "B4", `=HYPERLINK("http://x")`)
	check("Respondent", "B6", "@SUM(A1)")
	n := 0
	for _, r := range a.Responses {
		if r.Respondent != a.Respondents[0].ID || r.Evidence == "" {
			continue
		}
		sheet, row := rowOf(t, f, r.Indicator)
		check(sheet, fmt.Sprintf("I%d", row), r.Evidence)
		n++
	}
	if n == 0 {
		t.Fatal("no evidence checked")
	}
}

func sortResponses(rs []assess.Response) {
	slices.SortFunc(rs, func(x, y assess.Response) int {
		return strings.Compare(x.Respondent+" "+x.Indicator, y.Respondent+" "+y.Indicator)
	})
}

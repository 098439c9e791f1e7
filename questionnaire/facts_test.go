package questionnaire_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/questionnaire"
)

// factRow returns the row of the facts sheet whose column A is a.
func factRow(t testing.TB, f *excelize.File, a string) int {
	t.Helper()
	rows, err := f.GetRows("Facts")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == a {
			return i + 1
		}
	}
	t.Fatalf("no row %q on the facts sheet", a)
	return 0
}

// emptyRow returns the first empty row of the table under band.
func emptyRow(t testing.TB, f *excelize.File, band string) int {
	t.Helper()
	rows, _ := f.GetRows("Facts")
	for i := factRow(t, f, band) + 1; i < len(rows)+2; i++ {
		if i >= len(rows) || strings.Join(rows[i], "") == "" {
			return i + 1
		}
	}
	t.Fatalf("no empty row under %q", band)
	return 0
}

func setRow(t testing.TB, f *excelize.File, row int, values ...string) {
	t.Helper()
	for i, v := range values {
		if v == "" {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(i+1, row)
		must(t, f.SetCellStr("Facts", cell, v))
	}
}

const (
	bandInstruments = "Instruments: strategies, laws and bills, decrees, regulations, decisions, agreements, bodies, CSIRTs, budget lines, donor programmes"
	bandStaff       = "Posts: established and filled, per institution and year"
)

// TestFactsSheet checks who gets the facts sheet: the respondent of the
// lead agency, pre-filled; anyone when asked; nobody else.
func TestFactsSheet(t *testing.T) {
	a := example(t)
	for _, c := range []struct {
		o    *questionnaire.Options
		want bool
	}{
		{nil, false},
		{&questionnaire.Options{Prefill: a, Respondent: "r-gov-1"}, true}, // the Ministry holds lead-cyber-agency
		{&questionnaire.Options{Prefill: a, Respondent: "r-irc-1"}, false},
		{&questionnaire.Options{Prefill: a, Respondent: "r-irc-1", Facts: true}, true},
		{&questionnaire.Options{Facts: true}, true},
	} {
		f := open(t, write(t, c.o))
		if got := slices.Contains(f.GetSheetList(), "Facts"); got != c.want {
			t.Errorf("%+v: facts sheet %v, want %v", c.o, got, c.want)
		}
	}
	// The pre-filled sheet lists the example's instruments with their
	// owner by name, and the drop-down lists of kinds and statuses.
	f := open(t, write(t, &questionnaire.Options{Prefill: a, Respondent: "r-gov-1"}))
	row := factRow(t, f, "cd-47-2021")
	for col, want := range map[string]string{"B": "decision", "E": "in-force", "F": "2021", "J": "Ministry of Digital Transformation and Public Service", "K": "GOV.LEAD.1"} {
		if got, _ := f.GetCellValue("Facts", fmt.Sprintf("%s%d", col, row)); got != want {
			t.Errorf("Facts!%s%d = %q, want %q", col, row, got, want)
		}
	}
	dvs, err := f.GetDataValidations("Facts")
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string]bool{}
	for _, dv := range dvs {
		if dv.Type == "list" {
			lists[dv.Formula1] = true
		}
	}
	for _, name := range []string{"ncskit_kinds", "ncskit_statuses", "ncskit_treaty", "ncskit_networks", "ncskit_netstatus", "ncskit_stakeholders"} {
		if !lists[name] {
			t.Errorf("no drop-down list %s on the facts sheet (lists %v)", name, lists)
		}
	}
	kinds, _ := f.GetCellValue("ncskit", "I3")
	if kinds != assess.InstrumentKinds[2] {
		t.Errorf("the list of kinds has %q third, want %q", kinds, assess.InstrumentKinds[2])
	}
}

// TestFactsRoundTrip exports the lead agency's questionnaire pre-filled,
// changes and adds facts in its cells as a respondent would, imports it
// back, and finds the facts it holds in the assessment: changed records
// replaced, new ones added, the rest as they were, hostile text kept as
// text.
func TestFactsRoundTrip(t *testing.T) {
	orig := example(t)
	f := open(t, write(t, &questionnaire.Options{Prefill: orig, Respondent: "r-gov-1"}))

	// Unchanged, the sheet reads back to the same facts.
	same, err := read("same.xlsx", save(t, f))
	if err != nil {
		t.Fatal(err)
	}
	im, err := questionnaire.Import(assess.Default(), orig, []*questionnaire.Filled{same}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(im.Assessment.Facts, orig.Facts) {
		t.Fatalf("facts changed by a round trip without edits:\n got %+v\nwant %+v", im.Assessment.Facts, orig.Facts)
	}

	want := *example(t).Facts
	// The committee met again: a status changes.
	must(t, f.SetCellStr("Facts", fmt.Sprintf("E%d", factRow(t, f, "ncsc")), "active"))
	want.Instruments[2].Status = "active"
	// A new agreement, with hostile text in its note, one typed as a
	// formula in its source, and its owner by name.
	row := emptyRow(t, f, bandInstruments)
	setRow(t, f, row, "", "agreement", "MoU with the Eastern Isles <script>alert(1)</script>", "MoU 3/2025", "in-force", "2025-02", "", "2028", "",
		"national cyber incident response unit (coralcirt)", "irc.man.3; IRC.OPS.4", "", "", "", "", "=cmd|' /C calc'!A0")
	must(t, f.SetCellStr("Facts", fmt.Sprintf("J%d", row), "CoralCIRT"))
	must(t, f.SetCellFormula("Facts", fmt.Sprintf("O%d", row), "HYPERLINK(\"http://x\")"))
	want.Instruments = append(want.Instruments, assess.Instrument{ID: "mou-with-the-eastern-isles-script-alert-1-script", Kind: "agreement",
		Name: "MoU with the Eastern Isles <script>alert(1)</script>", Reference: "MoU 3/2025", Status: "in-force", Adopted: "2025-02", Expires: "2028",
		Owner: "coralcirt", Indicators: []string{"IRC.MAN.3", "IRC.OPS.4"}, Source: `=HYPERLINK("http://x")`, Note: "=cmd|' /C calc'!A0"})
	// Posts of the police unit, its name written in another case and
	// spacing.
	setRow(t, f, emptyRow(t, f, bandStaff), "royal corallia police force,  cybercrime unit", "Cybercrime Unit", "2026", "4", "3", "@establishment list")
	want.Staff = append(want.Staff, assess.Staffing{Stakeholder: "rcpf", Unit: "Cybercrime Unit", Year: 2026, Established: ptr(4), Filled: ptr(3), Source: "@establishment list"})
	// An institution the assessment does not know becomes a stakeholder.
	setRow(t, f, emptyRow(t, f, bandStaff), "Office of the Data Protection Commissioner", "", "2026", "", "1")
	want.Staff = append(want.Staff, assess.Staffing{Stakeholder: "office-of-the-data-protection-commissioner", Year: 2026, Filled: ptr(1)})
	// Signed the Budapest Convention.
	trow := factRow(t, f, "Budapest Convention on Cybercrime")
	setRow(t, f, trow, "", "signatory", "2026-09-01", "+ gazette notice")
	want.Treaties = &assess.Treaties{Budapest: &assess.TreatyStatus{Status: "signatory", Date: "2026-09-01", Source: "+ gazette notice", Note: orig.Facts.Treaties.Budapest.Note}}

	filled, err := read("lead.xlsx", save(t, f))
	if err != nil {
		t.Fatal(err)
	}
	im, err = questionnaire.Import(assess.Default(), orig, []*questionnaire.Filled{filled}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := im.Assessment.Facts; !reflect.DeepEqual(*got, want) {
		for i := range max(len(got.Instruments), len(want.Instruments)) {
			if i >= len(got.Instruments) || i >= len(want.Instruments) || !reflect.DeepEqual(got.Instruments[i], want.Instruments[i]) {
				t.Errorf("instrument %d:\n got %+v\nwant %+v", i, at(got.Instruments, i), at(want.Instruments, i))
			}
		}
		t.Fatalf("facts after the import:\n got %+v\nwant %+v", *got, want)
	}
	if n := len(im.Stakeholders); n != 1 || im.Stakeholders[0].Name != "Office of the Data Protection Commissioner" {
		t.Errorf("new stakeholders: %+v", im.Stakeholders)
	}
	if !reflect.DeepEqual(orig.Facts, example(t).Facts) {
		t.Error("the import changed the assessment imported into")
	}

	// Exported again, the hostile text is text, not a formula.
	g := open(t, write(t, &questionnaire.Options{Prefill: im.Assessment, Respondent: "r-gov-1"}))
	r := factRow(t, g, want.Instruments[len(want.Instruments)-1].ID)
	for _, col := range []string{"C", "O", "P"} {
		cell := fmt.Sprintf("%s%d", col, r)
		if fm, _ := g.GetCellFormula("Facts", cell); fm != "" {
			t.Errorf("Facts!%s is a formula: %q", cell, fm)
		}
		if typ, _ := g.GetCellType("Facts", cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			t.Errorf("Facts!%s has type %v, not text", cell, typ)
		}
	}
	if v, _ := g.GetCellValue("Facts", fmt.Sprintf("P%d", r)); v != "=cmd|' /C calc'!A0" {
		t.Errorf("the note reads %q", v)
	}
}

func at[T any](list []T, i int) any {
	if i < len(list) {
		return list[i]
	}
	return nil
}

func ptr(n int) *int { return &n }

// TestFactsErrors checks that bad facts are reported at their cell, all
// at once, and that nothing is imported.
func TestFactsErrors(t *testing.T) {
	a := example(t)
	f := open(t, write(t, &questionnaire.Options{Prefill: a, Respondent: "r-gov-1"}))
	row := emptyRow(t, f, bandInstruments)
	setRow(t, f, row, "", "treaty", "Convention", "", "in-effect", "2021-13", "", "", "", "", "", "12.5")
	setRow(t, f, row+1, "", "bill", "Cyber Crime Bill 2026", "", "in-force", "2026", "", "", "", "Ministry of Nowhere", "GOV.NOPE.1")
	setRow(t, f, emptyRow(t, f, bandStaff), "mdt", "", "2026", "2", "5")
	read1, err := read("bad.xlsx", save(t, f))
	if err == nil {
		t.Fatal("a facts sheet with a bad kind, status, date and amount was read")
	}
	want := []string{
		fmt.Sprintf(`bad.xlsx: Facts!B%d: "treaty" is not a kind of instrument (%s)`, row, strings.Join(assess.InstrumentKinds, ", ")),
		fmt.Sprintf(`bad.xlsx: Facts!E%d: "in-effect" is not a status (%s)`, row, strings.Join(assess.InstrumentStatuses, ", ")),
		fmt.Sprintf(`bad.xlsx: Facts!F%d: "2021-13" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`, row),
		fmt.Sprintf(`bad.xlsx: Facts!L%d: "12.5" is not a whole number`, row),
	}
	if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	_ = read1

	// What only the assessment's checks find is located too.
	setRow(t, f, row, "", "law", "Convention Act", "", "in-force", "2021-12", "", "", "", "", "", " ")
	must(t, f.SetCellStr("Facts", fmt.Sprintf("L%d", row), ""))
	filled, err := read("bad.xlsx", save(t, f))
	if err != nil {
		t.Fatal(err)
	}
	_, err = questionnaire.Import(assess.Default(), a, []*questionnaire.Filled{filled}, nil)
	if err == nil {
		t.Fatal("facts that fail the checks were imported")
	}
	staff := emptyRow(t, f, bandStaff) - 1
	for _, w := range []string{
		fmt.Sprintf(`bad.xlsx: Facts!E%d: a bill cannot be "in-force"; a bill is "draft", "before-parliament" or "lapsed" (once passed, record it as a law)`, row+1),
		fmt.Sprintf(`bad.xlsx: Facts!K%d: unknown indicator "GOV.NOPE.1"`, row+1),
		fmt.Sprintf(`bad.xlsx: Facts!E%d: more posts filled (5) than established (2); count only established posts that someone holds`, staff),
	} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("no problem\n%s\nin\n%v", w, err)
		}
	}
}

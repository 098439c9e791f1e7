package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/questionnaire"
)

type importFile struct {
	name string
	data []byte
}

func importRequest(t testing.TB, into []byte, files ...importFile) []byte {
	t.Helper()
	var fs []ImportFile
	for _, f := range files {
		fs = append(fs, ImportFile{Name: f.name, Data: base64.StdEncoding.EncodeToString(f.data)})
	}
	b, err := json.Marshal(ImportRequest{Files: fs, Into: into})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func problemStrings(im Imported) []string {
	var out []string
	for _, p := range im.Problems {
		out = append(out, p.String())
	}
	return out
}

// TestImport merges two filled questionnaires into the example: a new
// respondent of a new organisation and a new respondent of a stakeholder
// the assessment has. Everything that was there stays as it was.
func TestImport(t *testing.T) {
	data := readExample(t, "small-island.json")
	m := assess.Default()
	orig, err := load.Assessment("small-island.json", data, m)
	if err != nil {
		t.Fatal(err)
	}
	ana := filledQuestionnaire(t, "Ana Pérez", "Ministry of Tourism", map[string][]string{
		"GOV.STR.1": {"3 - Defined", "4"}, "IRC.MAN.1": {"2"}, "CAP.EDU.1": {"n/a"},
	})
	ben := filledQuestionnaire(t, "Ben Okafor", "Attorney General's Chambers", map[string][]string{
		"GOV.STR.1": {"1"}, "GOV.LAW.1": {"4", "", "", "high", "", "Act passed in 2025"},
	})
	var im Imported
	call(t, "import", importRequest(t, data, importFile{"ana.xlsx", ana}, importFile{"ben.xlsx", ben}), &im)
	if len(im.Problems) != 0 || im.Assessment == nil {
		t.Fatalf("problems:\n%s", strings.Join(problemStrings(im), "\n"))
	}
	a := im.Assessment
	if !slices.Equal(a.Responses[:len(orig.Responses)], orig.Responses) || !reflect.DeepEqual(a.Respondents[:len(orig.Respondents)], orig.Respondents) ||
		!reflect.DeepEqual(a.Stakeholders[:len(orig.Stakeholders)], orig.Stakeholders) || !reflect.DeepEqual(a.Profile, orig.Profile) ||
		!reflect.DeepEqual(a.Decisions, orig.Decisions) || !reflect.DeepEqual(a.PointsOfContact, orig.PointsOfContact) {
		t.Error("the import changed what the assessment held")
	}
	if len(im.Added.Stakeholders) != 1 || im.Added.Stakeholders[0].Name != "Ministry of Tourism" || len(im.Added.Stakeholders[0].Roles) != 0 {
		t.Errorf("added stakeholders %+v", im.Added.Stakeholders)
	}
	if len(im.Added.Respondents) != 2 || im.Added.Respondents[0].Name != "Ana Pérez" || im.Added.Respondents[1].Stakeholder != "agc" {
		t.Errorf("added respondents %+v", im.Added.Respondents)
	}
	if im.Added.Responses != 5 || len(a.Responses) != len(orig.Responses)+5 {
		t.Errorf("%d responses added, %d in all", im.Added.Responses, len(a.Responses))
	}
	want := []ImportedFile{
		{File: "ana.xlsx", Name: "Ana Pérez", Organisation: "Ministry of Tourism", Title: "Director", Date: "2026-10-01", Lang: "en", Respondent: "ana-perez", Answers: 3, Added: 3},
		{File: "ben.xlsx", Name: "Ben Okafor", Organisation: "Attorney General's Chambers", Title: "Director", Date: "2026-10-01", Lang: "en", Respondent: "ben-okafor", Answers: 2, Added: 2},
	}
	if !reflect.DeepEqual(im.Files, want) {
		t.Errorf("files\n%+v\nwant\n%+v", im.Files, want)
	}
	for _, r := range a.Responses[len(orig.Responses):] {
		if r.Indicator == "GOV.LAW.1" && (r.Level.String() != "4" || r.Evidence != "Act passed in 2025" || r.Confidence != "high") {
			t.Errorf("Ben's answer %+v", r)
		}
	}
	// The merged assessment scores, and importing the same files again
	// adds nothing.
	again, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var im2 Imported
	call(t, "import", importRequest(t, again, importFile{"ana.xlsx", ana}, importFile{"ben.xlsx", ben}), &im2)
	if len(im2.Problems) != 0 || im2.Added.Responses != 0 || len(im2.Added.Respondents) != 0 || im2.Files[0].Respondent != "ana-perez" {
		t.Errorf("importing again: %v, added %+v, files %+v", problemStrings(im2), im2.Added, im2.Files)
	}
	var s Scored
	call(t, "score", again, &s)
	if s.Result == nil {
		t.Errorf("the merged assessment does not score: %v", s.Problems)
	}
}

// TestImportProblems checks that every problem comes back located, and
// that no assessment comes back with them: nothing is half-applied.
func TestImportProblems(t *testing.T) {
	data := readExample(t, "small-island.json")
	good := filledQuestionnaire(t, "Ana Pérez", "Ministry of Tourism", map[string][]string{"GOV.STR.1": {"3"}})
	outside := filledQuestionnaire(t, "Ben Okafor", "Ministry of Tourism", map[string][]string{"GOV.STR.1": {"7"}})
	conflict := filledQuestionnaire(t, "Desirée Fontaine-Charles", "Ministry of Digital Transformation and Public Service", map[string][]string{"GOV.STR.1": {"4"}})
	for _, tc := range []struct {
		name  string
		into  []byte
		files []importFile
		want  []string
	}{
		{"corrupt", data, []importFile{{"good.xlsx", good}, {"corrupt.xlsx", good[:len(good)/2]}},
			[]string{"corrupt.xlsx: the file is not an Excel workbook (.xlsx): it is a damaged zip archive (zip: not a valid zip file)"}},
		{"not a workbook", data, []importFile{{"notes.xlsx", []byte("Name,Level\nAna,3\n")}},
			[]string{"notes.xlsx: the file is not an Excel workbook (.xlsx): save the questionnaire from Excel or LibreOffice as an Excel workbook"}},
		{"level outside the scale", data, []importFile{{"good.xlsx", good}, {"ben.xlsx", outside}},
			[]string{`ben.xlsx: GOV!D5: "7" is not a level (1-5)`}},
		{"conflict", data, []importFile{{"desiree.xlsx", conflict}},
			[]string{`desiree.xlsx: GOV!D5: conflicts with the answer of respondent "r-gov-1" to GOV.STR.1 at /responses/0 of the assessment (level 2 there, 4 here); nothing was replaced`}},
		{"not base64", data, []importFile{{"good.xlsx", good}, {"odd.xlsx", nil}}, nil},
		{"bad assessment", replaceFirst(t, data, `"level": 2,`, `"level": 7,`), []importFile{{"good.xlsx", good}},
			[]string{"/responses/0/level: 7 is above the highest level (5)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := importRequest(t, tc.into, tc.files...)
			if tc.name == "not base64" {
				req = []byte(strings.Replace(string(req), `"data":""`, `"data":"@@not base64@@"`, 1))
				tc.want = []string{"odd.xlsx: the data is not base64: illegal base64 data at input byte 0"}
			}
			var im Imported
			call(t, "import", req, &im)
			if im.Assessment != nil || !slices.Equal(problemStrings(im), tc.want) {
				t.Errorf("assessment %v, problems:\n%s\nwant:\n%s", im.Assessment != nil, strings.Join(problemStrings(im), "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
	for _, tc := range []struct{ req, want string }{
		{`{"into": {}}`, "import: no files: give the filled questionnaires as files: [{name, data}]"},
		{`{"files": [{"name": "a.xlsx", "data": ""}]}`, "import: into is required: the assessment to add the answers to"},
		{`{"files": [], "into": {}, "mode": "replace"}`, `import: the request is not the expected JSON: json: unknown field "mode"`},
	} {
		_, err := handle("import", []byte(tc.req))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: error %v, want %s", tc.req, err, tc.want)
		}
	}
}

// TestImportFacts imports the lead agency's questionnaire, pre-filled
// with the facts and one status changed on its facts sheet: the bridge
// returns the facts merged and says how many records the sheet held.
func TestImportFacts(t *testing.T) {
	data := readExample(t, "small-island.json")
	m := assess.Default()
	orig, err := load.Assessment("small-island.json", data, m)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := questionnaire.Write(&buf, m, &questionnaire.Options{Prefill: orig, Respondent: "r-gov-1"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Facts")
	row := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == "ncsc" }) + 1
	if row == 0 {
		t.Fatal("no row of the committee on the facts sheet")
	}
	if err := f.SetCellStr("Facts", fmt.Sprintf("E%d", row), "active"); err != nil {
		t.Fatal(err)
	}
	filled, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	var im Imported
	call(t, "import", importRequest(t, data, importFile{"lead.xlsx", filled.Bytes()}), &im)
	if len(im.Problems) != 0 || im.Assessment == nil {
		t.Fatalf("problems:\n%s", strings.Join(problemStrings(im), "\n"))
	}
	of := orig.Facts
	held := len(of.Instruments) + len(of.Staff) + len(of.Networks) + 1 // and the Budapest status
	if im.Added.Facts != held || im.Files[0].Facts != held {
		t.Errorf("facts merged %d (file %d), want %d", im.Added.Facts, im.Files[0].Facts, held)
	}
	got := im.Assessment.Facts
	if got.Instruments[2].ID != "ncsc" || got.Instruments[2].Status != "active" {
		t.Errorf("the committee after the import: %+v", got.Instruments[2])
	}
	got.Instruments[2].Status = of.Instruments[2].Status
	if !reflect.DeepEqual(got, of) {
		t.Errorf("facts other than the changed status differ:\n got %+v\nwant %+v", got, of)
	}
}

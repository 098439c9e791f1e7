package questionnaire_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ncskit/ncskit/internal/tooltest"
	"github.com/xuri/excelize/v2"
)

// TestLibreOffice has LibreOffice convert a blank and a filled
// questionnaire to XLSX (as a respondent who saves in LibreOffice would)
// and to PDF (as one who prints it). The conversions succeed, the key
// cells keep their values, free text stays text, and the workbook that
// LibreOffice saved reads back to the same answers.
func TestLibreOffice(t *testing.T) {
	soffice := tooltest.Require(t, "soffice")
	dir := t.TempDir()
	blank := write(t, nil)
	f := open(t, blank)
	must(t, f.SetCellStr("Respondent", "B4", "Ana Pérez"))
	must(t, f.SetCellStr("Respondent", "B5", "=Ministry of Tests"))
	must(t, f.SetCellValue("Respondent", "B8", time.Date(2026, 10, 14, 0, 0, 0, 0, time.UTC)))
	fill(t, f, "GOV.STR.1", "3 - Defined", "4 - Managed", "National", "high", "yes", hostile[0])
	fill(t, f, "IRC.SA.1", "n/a", nil, nil, nil, nil, "@SUM(A1)")
	fill(t, f, "CAP.WF.1", 2.0, nil, "Donor-funded", nil, nil, "\t=1+1")
	fill(t, f, "OUT.AWA.1", "unknown", nil, nil, "low", nil, "two\nlines")
	filledData := save(t, f)
	must(t, os.WriteFile(filepath.Join(dir, "blank.xlsx"), blank, 0o666))
	must(t, os.WriteFile(filepath.Join(dir, "filled.xlsx"), filledData, 0o666))

	out := filepath.Join(dir, "out")
	convert := func(format string, files ...string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
			"--headless", "--norestore", "--convert-to", format, "--outdir", out}
		for _, f := range files {
			args = append(args, filepath.Join(dir, f))
		}
		cmd := exec.CommandContext(ctx, soffice, args...)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice --convert-to %s: %v\n%s", format, err, b)
		}
	}
	convert("xlsx:Calc MS Excel 2007 XML", "blank.xlsx", "filled.xlsx")
	convert("pdf", "blank.xlsx")

	pdf, err := os.ReadFile(filepath.Join(out, "blank.pdf"))
	must(t, err)
	if !bytes.HasPrefix(pdf, []byte("%PDF")) || len(pdf) < 10000 {
		t.Errorf("blank.pdf: %d bytes, not a PDF of the questionnaire", len(pdf))
	}

	lo := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(out, name))
		must(t, err)
		return b
	}
	// Key cells of the blank questionnaire as LibreOffice saved it.
	g := open(t, lo("blank.xlsx"))
	for _, c := range []struct{ sheet, cell, want string }{
		{"Instructions", "A1", "National cyber-security maturity questionnaire"},
		{"Respondent", "A4", "Name *"},
		{"GOV", "A5", "GOV.STR.1"},
		{"IRC", "A3", "ID"},
		{"IRC", "D3", "Level"},
		{"IRC", "A14", "IRC.SA.1"},
		{"OUT", "I3", "Evidence and comments"},
		{"ncskit", "B2", "ncskit-cicte"},
		{"ncskit", "B3", "1.1.0"},
		{"ncskit", "D3", "3 - Defined"},
	} {
		if got, err := g.GetCellValue(c.sheet, c.cell); err != nil || got != c.want {
			t.Errorf("LibreOffice's blank.xlsx %s!%s = %q, %v; want %q", c.sheet, c.cell, got, err, c.want)
		}
	}
	if got := strings.Join(g.GetSheetList(), " "); got != "Instructions Respondent GOV IRC CAP OUT ncskit" {
		t.Errorf("LibreOffice's blank.xlsx has the sheets %s", got)
	}
	dvs, err := g.GetDataValidations("IRC")
	must(t, err)
	lists := map[string]string{}
	for _, dv := range dvs {
		lists[dv.Sqref] = dv.Type + " " + dv.Formula1
	}
	for sqref, want := range map[string]string{"D4:D24": "list ncskit_levels", "H4:H24": "list ncskit_yesno"} {
		if lists[sqref] != want {
			t.Errorf("LibreOffice's blank.xlsx: the validation of IRC!%s is %q, want %q (all: %v)", sqref, lists[sqref], want, lists)
		}
	}
	if _, err := read("blank.xlsx", lo("blank.xlsx")); err == nil ||
		err.Error() != "blank.xlsx: Respondent!B4: the respondent's name is missing\nblank.xlsx: Respondent!B5: the respondent's organisation is missing" {
		t.Errorf("reading LibreOffice's blank.xlsx: %v", err)
	}

	// The filled questionnaire reads the same after LibreOffice saved it,
	// and its free text is still text.
	want, err := read("filled.xlsx", filledData)
	must(t, err)
	got, err := read("filled.xlsx", lo("filled.xlsx"))
	if err != nil {
		t.Fatalf("reading LibreOffice's filled.xlsx: %v", err)
	}
	if got.Name != want.Name || got.Organisation != want.Organisation || got.Date != "2026-10-14" {
		t.Errorf("respondent after LibreOffice: %q %q %q", got.Name, got.Organisation, got.Date)
	}
	if len(got.Answers) != 4 {
		t.Errorf("%d answers after LibreOffice, want 4", len(got.Answers))
	}
	for i := range min(len(got.Answers), len(want.Answers)) {
		if !reflect.DeepEqual(got.Answers[i].Response, want.Answers[i].Response) || got.Answers[i].Cell != want.Answers[i].Cell {
			t.Errorf("after LibreOffice:\n got %+v\nwant %+v", got.Answers[i], want.Answers[i])
		}
	}
	h := open(t, lo("filled.xlsx"))
	for _, cell := range []string{"I5"} {
		if fm, err := h.GetCellFormula("GOV", cell); err != nil || fm != "" {
			t.Errorf("LibreOffice turned GOV!%s into a formula %q", cell, fm)
		}
		if v, _ := h.GetCellValue("GOV", cell, excelize.Options{RawCellValue: true}); v != hostile[0] {
			t.Errorf("GOV!%s = %q after LibreOffice, want %q", cell, v, hostile[0])
		}
	}
}

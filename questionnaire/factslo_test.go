package questionnaire_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ncskit/ncskit/internal/tooltest"
	"github.com/ncskit/ncskit/questionnaire"
)

// TestLibreOfficeFacts opens the lead agency's questionnaire, its facts
// sheet filled with a new row of hostile text, in LibreOffice, saves it
// as XLSX (as a respondent using LibreOffice does) and prints it to PDF
// (as one who prints it). The facts read back the same, the hostile text
// is still text, and the printed facts sheet carries its tables.
func TestLibreOfficeFacts(t *testing.T) {
	soffice := tooltest.Require(t, "soffice")
	pdftotext := tooltest.Require(t, "pdftotext")
	dir := t.TempDir()
	f := open(t, write(t, &questionnaire.Options{Prefill: example(t), Respondent: "r-gov-1"}))
	row := emptyRow(t, f, bandInstruments)
	setRow(t, f, row, "", "bill", "Critical Infrastructure Bill", "", "before-parliament", "2026-09", "", "", "", "mdt", "GOV.CI.3", "", "", "", "",
		"=cmd|' /C calc'!A0 <script>alert(1)</script>")
	data := save(t, f)
	must(t, os.WriteFile(filepath.Join(dir, "lead.xlsx"), data, 0o666))
	out := filepath.Join(dir, "out")
	for _, format := range []string{"xlsx:Calc MS Excel 2007 XML", "pdf"} {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
			"--headless", "--norestore", "--convert-to", format, "--outdir", out, filepath.Join(dir, "lead.xlsx"))
		cmd.Env = append(os.Environ(), "HOME="+dir)
		b, err := cmd.CombinedOutput()
		cancel()
		if err != nil {
			t.Fatalf("soffice --convert-to %s: %v\n%s", format, err, b)
		}
	}
	want, err := read("lead.xlsx", data)
	must(t, err)
	lo, err := os.ReadFile(filepath.Join(out, "lead.xlsx"))
	must(t, err)
	got, err := read("lead.xlsx", lo)
	if err != nil {
		t.Fatalf("reading LibreOffice's lead.xlsx: %v", err)
	}
	if !reflect.DeepEqual(got.Facts, want.Facts) {
		t.Errorf("facts after LibreOffice:\n got %+v\nwant %+v", got.Facts, want.Facts)
	}
	last := got.Facts.Instruments[len(got.Facts.Instruments)-1]
	if last.Note != "=cmd|' /C calc'!A0 <script>alert(1)</script>" || last.Status != "before-parliament" {
		t.Errorf("the new row after LibreOffice: %+v", last)
	}
	g := open(t, lo)
	if fm, _ := g.GetCellFormula("Facts", fmt.Sprintf("P%d", row)); fm != "" {
		t.Errorf("LibreOffice turned Facts!P%d into a formula %q", row, fm)
	}
	text, err := exec.Command(pdftotext, "-layout", filepath.Join(out, "lead.pdf"), "-").Output()
	must(t, err)
	for _, w := range []string{"What the country already has", "Budapest Convention", "Networks of CSIRTs and cybercrime contacts", "cd-47-2021", "Critical Infrastructure Bill"} {
		if !strings.Contains(string(text), w) {
			t.Errorf("the printed questionnaire lacks %q", w)
		}
	}
}

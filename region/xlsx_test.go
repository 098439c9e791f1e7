package region

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/tooltest"
	"github.com/xuri/excelize/v2"
)

// dumpXLSX reads a workbook back with excelize: every sheet, every
// non-empty cell as "REF: value", and the frozen panes.
func dumpXLSX(t testing.TB, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", sh)
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				fmt.Fprintf(&b, "%s: %s\n", ref, strings.ReplaceAll(v, "\n", `\n`))
			}
		}
	}
	return []byte(b.String())
}

// TestXLSXText: text that looks like a formula or an XLSX escape stays
// text, shown as written; the Directory sheet is there; the bytes are the
// same on every run.
func TestXLSXText(t *testing.T) {
	in := examples(t, "small-island.json", "larger-state.json")
	a := in[0].Assessment
	hostile := []string{"=HYPERLINK(\"http://x\",\"y\")", "+1-1", "@SUM(A1)", "_x0041_ and _x0041_x0042_"}
	a.Profile.Country = hostile[0]
	a.PointsOfContact[0].Person = hostile[1]
	a.Stakeholders[0].Name = hostile[2]
	a.PointsOfContact[2].Person = hostile[3]
	r := build(t, in, nil)
	var one, two bytes.Buffer
	if err := EncodeXLSX(&one, r); err != nil {
		t.Fatal(err)
	}
	if err := EncodeXLSX(&two, r); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(one.Bytes(), two.Bytes()) {
		t.Error("two runs give different bytes")
	}
	f, err := excelize.OpenReader(bytes.NewReader(one.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if idx, _ := f.GetSheetIndex("Directory"); idx < 0 {
		t.Fatalf("no Directory sheet in %v", f.GetSheetList())
	}
	found := map[string]bool{}
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for r, row := range rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if fm, _ := f.GetCellFormula(sh, ref); fm != "" {
					t.Errorf("%s!%s holds the formula %q", sh, ref, fm)
				}
				for _, h := range hostile {
					if v == h {
						found[h] = true
					}
				}
			}
		}
	}
	for _, h := range hostile {
		if !found[h] {
			t.Errorf("no cell shows %q as written", h)
		}
	}
}

// TestLibreOffice: LibreOffice opens the workbook of the examples and
// prints it; the PDF holds the states, the heat map and the directory.
func TestLibreOffice(t *testing.T) {
	soffice := tooltest.Require(t, "soffice")
	pdftotext := tooltest.Require(t, "pdftotext")
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := EncodeXLSX(&buf, build(t, examples(t, "small-island.json", "larger-state.json"), nil)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "region.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.Command(pdftotext, "-layout", filepath.Join(dir, "region.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(out)
	for _, want := range []string{"Corallia", "República de Solandía", "GOV.STR", "National Point of Contact", "Leonard Mathurin", "Shared CSIRT service"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF printed by LibreOffice lacks %q", want)
		}
	}
}

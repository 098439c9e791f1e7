package xlsxtext

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	_ "github.com/ncskit/ncskit/internal/golden"
)

var cases = []struct{ in, want string }{
	{"", ""},
	{"plain text", "plain text"},
	{"_x0041_ stays", "_x005F_x0041_ stays"},
	{"a_x0041_b_x00e9_", "a_x005F_x0041_b_x005F_x00e9_"},
	{"_x0041_x0042_", "_x005F_x0041_x005F_x0042_"}, // sequences that share an underscore
	{"_x0041_x0042_x0043_", "_x005F_x0041_x005F_x0042_x005F_x0043_"},
	{"_x005F_", "_x005F_x005F_"},
	{"_x004_ _xZZZZ_ _X0041_ x0041_ _x0041", "_x004_ _xZZZZ_ _X0041_ x0041_ _x0041"},
	{"é_x0041_😀", "é_x005F_x0041_😀"},
	{"=SUM(A1)", "=SUM(A1)"},
}

func TestEscape(t *testing.T) {
	for _, c := range cases {
		if got := Escape(c.in); got != c.want {
			t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestSet writes every case into a workbook, saves it and reads it back
// with excelize: each reads as written, and none is a formula.
func TestSet(t *testing.T) {
	f := excelize.NewFile()
	for i, c := range cases {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := Set(f, "Sheet1", ref, c.in); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		if got, _ := g.GetCellValue("Sheet1", ref); got != c.in {
			t.Errorf("%s = %q, want %q", ref, got, c.in)
		}
		if fm, _ := g.GetCellFormula("Sheet1", ref); fm != "" {
			t.Errorf("%s holds the formula %q", ref, fm)
		}
	}
}

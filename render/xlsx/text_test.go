package xlsx

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

func TestEscapeX(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"_x0041_ stays", "_x005F_x0041_ stays"},
		{"a_x0041_b_x00e9_", "a_x005F_x0041_b_x005F_x00e9_"},
		{"_x0041_x0042_", "_x005F_x0041_x0042_"}, // matches do not overlap
		{"_x005F_", "_x005F_x005F_"},
		{"_x004_ _xZZZZ_ _X0041_ x0041_ _x0041", "_x004_ _xZZZZ_ _X0041_ x0041_ _x0041"},
		{"é_x0041_😀", "é_x005F_x0041_😀"},
	} {
		if got := escapeX(c.in); got != c.want {
			t.Errorf("escapeX(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// xDraft is the small-island draft with every free-text field of the
// assessment set to text that looks like an XLSX escape.
func xDraft(t testing.TB) *strategy.Draft {
	t.Helper()
	data := drafttest.Hostile(t, "small-island", func(key, old string) string { return xText })
	a, r := drafttest.Parse(t, "x.json", data)
	return drafttest.Build(t, a, r)
}

const xText = "_x0041_ stays"

// TestXEscape writes text that looks like an XLSX escape ("_x0041_"
// stands for "A") and reads it back with excelize as written.
func TestXEscape(t *testing.T) {
	d := xDraft(t)
	f := open(t, encode(t, d, nil))
	found := 0
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if strings.Contains(v, "A stays") {
					t.Errorf("%s!%s = %q: the escape was read as a character", sh, cell(c+1, r+1), v)
				}
				found += strings.Count(v, xText)
			}
		}
	}
	if found < 50 {
		t.Errorf("%q found %d times, want it in every free-text cell", xText, found)
	}
	for sheet, refs := range map[string][]string{"summary": {"B4"}, "contacts": {"C2"}} {
		for _, ref := range refs {
			if got, _ := f.GetCellValue(d.Labels.Get("xlsx.sheet."+sheet), ref); got != xText {
				t.Errorf("%s!%s = %q, want %q", sheet, ref, got, xText)
			}
		}
	}
}

package xlsx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/internal/drafttest"
	goldenfile "github.com/ncskit/ncskit/internal/golden"
	"github.com/ncskit/ncskit/strategy"
)

var update = goldenfile.Update

func encode(t testing.TB, d *strategy.Draft, o *Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, d, o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestGolden reopens the workbook of each example with excelize and
// compares a text dump of it with testdata/NAME.golden.
func TestGolden(t *testing.T) {
	for _, name := range drafttest.Examples {
		t.Run(name, func(t *testing.T) {
			d := drafttest.Draft(t, name)
			got := "# The strategy workbook of examples/" + name + ".json, reopened with excelize (see README).\n" +
				dump(t, encode(t, d, nil))
			golden(t, filepath.Join("testdata", name+".golden"), got)
		})
	}
}

// TestProtect checks the protected variant: every sheet protected without
// a password, filtering allowed, the tracking cells of the action plan
// unlocked and the rest locked.
func TestProtect(t *testing.T) {
	d := drafttest.Draft(t, "small-island")
	f := open(t, encode(t, d, &Options{Protect: true, Top: 3}))
	for _, sh := range f.GetSheetList() {
		p, err := f.GetSheetProtection(sh)
		if err != nil {
			t.Fatal(err)
		}
		if !p.AutoFilter || !p.SelectLockedCells || p.Password != "" {
			t.Errorf("%s: protection %+v, want filtering allowed and no password", sh, p)
		}
	}
	// The action plan's tracking columns are formulas over the Reporting
	// sheet, where reporters write.
	plan := d.Labels.Get("xlsx.sheet.actionPlan")
	rep := d.Labels.Get("xlsx.sheet.reporting")
	for _, c := range []struct {
		sheet, ref string
		locked     bool
	}{{plan, "A2", true}, {plan, "D2", true}, {plan, "AB2", true}, {plan, "AC2", true}, {rep, "A1", true},
		{rep, "A2", false}, {rep, "D2", false}, {rep, "I2", false}, {rep, "A3001", false}} {
		id, _ := f.GetCellStyle(c.sheet, c.ref)
		s, _ := f.GetStyle(id)
		got := s.Protection == nil || s.Protection.Locked
		if got != c.locked {
			t.Errorf("%s!%s: locked %v, want %v", c.sheet, c.ref, got, c.locked)
		}
	}
	// Top: 3 priorities on the Summary, then the next section.
	rows, _ := f.GetRows(d.Labels.Get("xlsx.sheet.summary"))
	at := func(r int) string {
		if r < len(rows) && len(rows[r]) > 0 {
			return rows[r][0]
		}
		return ""
	}
	found := false
	for i := range rows {
		if at(i) == d.Labels.Get("xlsx.summary.priorities") {
			found = true
			if got := at(i + 4); got != "3" {
				t.Errorf("Summary row %d: rank %q, want 3", i+5, got)
			}
			if got := at(i + 5); got != "" {
				t.Errorf("Summary row %d: %q after 3 priorities, want a blank row", i+6, got)
			}
		}
	}
	if !found {
		t.Error("Summary: no top priorities")
	}
}

// TestDeterministic encodes each example twice, from drafts built
// separately, and wants the same bytes.
func TestDeterministic(t *testing.T) {
	for _, name := range drafttest.Examples {
		a := encode(t, drafttest.Draft(t, name), nil)
		b := encode(t, drafttest.Draft(t, name), nil)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two runs differ (%d and %d bytes)", name, len(a), len(b))
		}
	}
}

// TestEmpty encodes drafts with nothing in them: no error, no panic, a
// workbook with every sheet.
func TestEmpty(t *testing.T) {
	if err := Encode(&bytes.Buffer{}, nil, nil); err == nil {
		t.Error("Encode(nil draft): no error")
	}
	f := open(t, encode(t, &strategy.Draft{Labels: strategy.Labels{}}, nil))
	if n := len(f.GetSheetList()); n != len(sheets) {
		t.Errorf("empty draft: %d sheets, want %d", n, len(sheets))
	}
}

// hostile is text that a spreadsheet would run or reinterpret if it were
// written as a formula or typed into a cell.
var hostile = []string{`=HYPERLINK("http://x")`, "+1", "-2", "@SUM(A1)", "\tx", "\rx", "<script>"}

// hostileDraft builds the small-island example with every free-text field
// of the assessment replaced by hostile text, in turn.
func hostileDraft(t testing.TB) *strategy.Draft {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(drafttest.ExamplesDir(), "small-island.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	free := map[string]bool{"country": true, "leadMinistry": true, "sectors": true, "place": true, "facilitator": true,
		"classification": true, "name": true, "person": true, "title": true, "evidence": true, "rationale": true,
		"note": true, "reason": true}
	n := 0
	next := func() string { s := hostile[n%len(hostile)]; n++; return s }
	var walk func(v any) any
	walk = func(v any) any {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if !free[k] {
					v[k] = walk(x)
					continue
				}
				switch x := x.(type) {
				case string:
					v[k] = next()
				case []any:
					for i := range x {
						x[i] = next()
					}
				}
			}
		case []any:
			for i := range v {
				v[i] = walk(v[i])
			}
		}
		return v
	}
	walk(doc)
	// The country and the classification are the first thing a reader sees.
	doc["profile"].(map[string]any)["country"] = hostile[0]
	doc["session"].(map[string]any)["classification"] = hostile[3]
	data, err = json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	a, r := drafttest.Parse(t, "hostile.json", data)
	return drafttest.Build(t, a, r)
}

// TestHostile writes hostile free text and wants every cell that holds it
// to be a string cell with exactly that text, never a formula.
func TestHostile(t *testing.T) {
	d := hostileDraft(t)
	if d.Meta.Country != hostile[0] {
		t.Fatalf("draft country %q, want %q", d.Meta.Country, hostile[0])
	}
	f := open(t, encode(t, d, nil))
	whole := map[string]int{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c := range row {
				ref := cell(c+1, r+1)
				v, _ := f.GetCellValue(sh, ref, excelize.Options{RawCellValue: true})
				if !isHostile(v) {
					continue
				}
				if fm, _ := f.GetCellFormula(sh, ref); fm != "" {
					t.Errorf("%s!%s: formula %q", sh, ref, fm)
				}
				typ, _ := f.GetCellType(sh, ref)
				if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
					t.Errorf("%s!%s: cell type %v, want a string", sh, ref, typ)
				}
				id, _ := f.GetCellStyle(sh, ref)
				if s, _ := f.GetStyle(id); s == nil || s.NumFmt != fmtText {
					t.Errorf("%s!%s: %q without the text number format", sh, ref, v)
				}
				whole[v]++
			}
		}
	}
	for _, h := range hostile {
		if whole[h] == 0 {
			t.Errorf("no cell holds exactly %q", h)
		}
	}
	summary := d.Labels.Get("xlsx.sheet.summary")
	for ref, want := range map[string]string{"B4": hostile[0], "B8": hostile[3]} {
		if got, _ := f.GetCellValue(summary, ref); got != want {
			t.Errorf("%s!%s = %q, want %q", summary, ref, got, want)
		}
	}
	hf, _ := f.GetHeaderFooter(summary)
	if !strings.Contains(hf.OddHeader, "&C&\"-,Bold\"@SUM(A1)") || !strings.Contains(hf.OddHeader, `&L=HYPERLINK("http://x")`) {
		t.Errorf("page header %q: want the hostile country and classification as text", hf.OddHeader)
	}
}

func isHostile(v string) bool {
	for _, h := range hostile {
		if strings.Contains(v, h) {
			return true
		}
	}
	return false
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it):\n%s", path, diff(string(want), got))
	}
}

// diff shows the first lines that differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 12; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// TestVocabularyFromDraft: the names of cost bands, horizons and funding
// sources come from the draft (Draft.Vocabulary), so a draft built from
// a custom template shows its own words, not the embedded templates'.
func TestVocabularyFromDraft(t *testing.T) {
	d := drafttest.Draft(t, "small-island")
	d.Vocabulary.CostBands[0].Name = "Band A of the custom template"
	d.Vocabulary.Horizons[0].Name = "Custom first horizon"
	f := open(t, encode(t, d, nil))
	found := map[string]bool{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			for _, c := range r {
				found[c] = true
			}
		}
	}
	for _, want := range []string{"Band A of the custom template", "Custom first horizon"} {
		if !found[want] {
			t.Errorf("no cell says %q", want)
		}
	}
}

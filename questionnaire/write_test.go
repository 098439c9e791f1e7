package questionnaire_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/questionnaire"
	"github.com/xuri/excelize/v2"
)

// TestGolden writes questionnaires, reads them back with excelize and
// compares a text dump (sheets, protection, defined names, layout, data
// validation, every written or answer cell with its protection) with
// testdata/golden/NAME.txt. go test -run TestGolden -update rewrites them.
func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		o    *questionnaire.Options
	}{
		{"blank-en", nil},
		{"blank-es", &questionnaire.Options{Lang: "es"}},
		{"blank-fr", &questionnaire.Options{Lang: "fr"}},
		{"blank-pt", &questionnaire.Options{Lang: "pt"}},
		{"prefilled-en", &questionnaire.Options{Prefill: example(t), Respondent: "r-irc-1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := dump(t, write(t, c.o))
			file := filepath.Join("testdata", "golden", c.name+".txt")
			if *update {
				must(t, os.MkdirAll(filepath.Dir(file), 0o777))
				must(t, os.WriteFile(file, []byte(got), 0o666))
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("the dump differs from %s (go test -run TestGolden -update rewrites it):\n%s", file, diff(string(want), got))
			}
		})
	}
}

// TestDeterministic checks that the same input gives the same bytes.
func TestDeterministic(t *testing.T) {
	for _, o := range []*questionnaire.Options{nil, {Lang: "fr", Prefill: example(t), Respondent: "r-gov-2"}} {
		first := write(t, o)
		for range 3 {
			if !bytes.Equal(first, write(t, o)) {
				t.Fatalf("two writes with options %+v differ", o)
			}
		}
	}
	dated := write(t, &questionnaire.Options{Date: time.Date(2026, 10, 1, 9, 30, 0, 0, time.UTC)})
	props, err := open(t, dated).GetDocProps()
	must(t, err)
	if props.Created != "2026-10-01T09:30:00Z" || props.Modified != props.Created {
		t.Errorf("created %q, modified %q; want 2026-10-01T09:30:00Z", props.Created, props.Modified)
	}
}

// TestWriteErrors checks the options Write refuses.
func TestWriteErrors(t *testing.T) {
	a := example(t)
	other := example(t)
	other.Model = assess.ModelRef{ID: "other", Version: "1.0.0"}
	long := example(t)
	long.Responses[0].Evidence = strings.Repeat("x", 32768)
	cases := []struct {
		o    questionnaire.Options
		want string
	}{
		{questionnaire.Options{Lang: "de"}, `no questionnaire text in language "de" (available: en, es, fr, pt)`},
		{questionnaire.Options{Prefill: a}, "a pre-filled questionnaire needs the ID of the respondent whose answers it holds"},
		{questionnaire.Options{Prefill: a, Respondent: "r-nobody"}, `the assessment to pre-fill from has no respondent "r-nobody"`},
		{questionnaire.Options{Prefill: other, Respondent: "r-gov-1"}, "the assessment to pre-fill from was made with model other 1.0.0, not ncskit-cicte 1.1.0"},
		{questionnaire.Options{Respondent: "no spaces"}, `respondent ID "no spaces" is not an ID: use letters, digits, '.', '_' and '-' (at most 64)`},
		{questionnaire.Options{Prefill: long, Respondent: long.Responses[0].Respondent}, "GOV!I5: the text is 32768 characters long; a cell holds at most 32767"},
	}
	for _, c := range cases {
		err := questionnaire.Write(io.Discard, assess.Default(), &c.o)
		if err == nil || err.Error() != c.want {
			t.Errorf("Write(%+v) = %v\nwant %s", c.o, err, c.want)
		}
	}
}

// dump describes a workbook as text.
func dump(t *testing.T, data []byte) string {
	t.Helper()
	f := open(t, data)
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }

	props, err := f.GetDocProps()
	must(t, err)
	p("properties: title %q, subject %q, creator %q, language %q, created %s, modified %s",
		props.Title, props.Subject, props.Creator, props.Language, props.Created, props.Modified)
	for _, s := range xmlElements(t, data, "xl/workbook.xml", "workbookProtection", "sheet") {
		p("workbook: %s", s)
	}
	for _, d := range f.GetDefinedName() {
		p("defined name: %s = %s (scope %s)", d.Name, d.RefersTo, d.Scope)
	}
	p("active sheet: %s", f.GetSheetName(f.GetActiveSheetIndex()))
	for _, s := range f.GetSheetList() {
		dumpSheet(t, p, f, s)
	}
	return b.String()
}

func dumpSheet(t *testing.T, p func(string, ...any), f *excelize.File, s string) {
	p("\n== sheet %s", s)
	prot, err := f.GetSheetProtection(s)
	must(t, err)
	p("protection: %+v", prot)
	var widths []string
	for c := 1; c <= 10; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		w, err := f.GetColWidth(s, name)
		must(t, err)
		widths = append(widths, fmt.Sprintf("%s=%g", name, w))
	}
	p("widths: %s", strings.Join(widths, " "))
	panes, err := f.GetPanes(s)
	must(t, err)
	if panes.Freeze {
		p("frozen: %d columns, %d rows, top left %s", panes.XSplit, panes.YSplit, panes.TopLeftCell)
	}
	layout, err := f.GetPageLayout(s)
	must(t, err)
	props, err := f.GetSheetProps(s)
	must(t, err)
	p("page: %v, fit to %v wide by %v tall, fit to page %v", deref(layout.Orientation), deref(layout.FitToWidth), deref(layout.FitToHeight), deref(props.FitToPage))
	if hf, err := f.GetHeaderFooter(s); err == nil && hf != nil && hf.OddFooter != "" {
		p("footer: %q", hf.OddFooter)
	}
	merged, err := f.GetMergeCells(s)
	must(t, err)
	for _, m := range merged {
		p("merged: %s:%s", m.GetStartAxis(), m.GetEndAxis())
	}
	dvs, err := f.GetDataValidations(s)
	must(t, err)
	for _, dv := range dvs {
		p("validation %s: %s %s %q %q; prompt %q %q; error %v %q %q", dv.Sqref, dv.Type, dv.Operator, dv.Formula1, dv.Formula2,
			deref(dv.PromptTitle), deref(dv.Prompt), deref(dv.ErrorStyle), deref(dv.ErrorTitle), deref(dv.Error))
	}
	rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
	must(t, err)
	for r := 1; r <= len(rows)+1; r++ {
		h, err := f.GetRowHeight(s, r)
		must(t, err)
		var cells []string
		for c := 1; c <= 10; c++ {
			ref, _ := excelize.CoordinatesToCellName(c, r)
			v := ""
			if r <= len(rows) && c <= len(rows[r-1]) {
				v = rows[r-1][c-1]
			}
			style, err := f.GetCellStyle(s, ref)
			must(t, err)
			st, err := f.GetStyle(style)
			must(t, err)
			input := st.Protection != nil && !st.Protection.Locked
			formula, err := f.GetCellFormula(s, ref)
			must(t, err)
			if v == "" && !input {
				continue
			}
			kind := "text"
			switch {
			case formula != "":
				kind = "FORMULA"
			case input:
				kind = "input"
			}
			cells = append(cells, fmt.Sprintf("  %s %s %s", ref, kind, short(v)))
		}
		if len(cells) > 0 {
			p("row %d (%gpt)", r, h)
			for _, c := range cells {
				p("%s", c)
			}
		}
	}
}

// xmlElements returns the start tags of the given elements in a part of
// the zip archive, in order.
func xmlElements(t *testing.T, data []byte, part string, names ...string) []string {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	for _, f := range z.File {
		if f.Name != part {
			continue
		}
		rc, err := f.Open()
		must(t, err)
		b, err := io.ReadAll(rc)
		must(t, err)
		re := regexp.MustCompile(`<(` + strings.Join(names, "|") + `)\s[^>]*>`)
		return re.FindAllString(string(b), -1)
	}
	t.Fatalf("no %s", part)
	return nil
}

// short quotes a cell value, cut to 90 characters.
func short(s string) string {
	r := []rune(s)
	if len(r) <= 90 {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("%q… (%d characters)", string(r[:90]), len(r))
}

func deref[T any](p *T) any {
	if p == nil {
		return "-"
	}
	return *p
}

// diff shows the first lines where want and got differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out []string
	for i := 0; i < max(len(w), len(g)) && len(out) < 20; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			out = append(out, fmt.Sprintf("line %d:\n  want %s\n  got  %s", i+1, wl, gl))
		}
	}
	return strings.Join(out, "\n")
}

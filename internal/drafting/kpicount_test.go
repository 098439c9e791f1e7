package drafting_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafting"
	"github.com/ncskit/ncskit/internal/tooltest"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/render/xlsx"
	"github.com/ncskit/ncskit/strategy"
)

// kpiCount is what a draft says of its indicators: the action KPIs and
// the outcome indicators, and of each how many have a baseline value.
type kpiCount struct {
	KPIs, KPIsWithBaseline, Outcomes, OutcomesWithBaseline int
}

// add counts one indicator: an action's KPI or an outcome indicator, with
// a baseline value or none.
func (c *kpiCount) add(kpi, withBaseline bool) {
	switch {
	case kpi:
		c.KPIs++
		if withBaseline {
			c.KPIsWithBaseline++
		}
	default:
		c.Outcomes++
		if withBaseline {
			c.OutcomesWithBaseline++
		}
	}
}

// TestKPICounts makes the JSON, XLSX and PDF drafts of each example and
// counts the indicators in each: in the JSON draft its KPIs and outcome
// indicators with a baseline value or none; in the workbook the rows of
// the Indicators sheet, an action's KPI or an outcome indicator, with a
// number or "no data" as baseline value; in the PDF the rows of the
// indicator annexes of the implementation plan, by their IDs, with a
// baseline or "No data". The three agree.
func TestKPICounts(t *testing.T) {
	pdftotext := tooltest.Require(t, "pdftotext")
	m := assess.Default()
	for _, ex := range []string{"small-island", "larger-state", "desk-review"} {
		t.Run(ex, func(t *testing.T) {
			data, err := os.ReadFile("../../examples/" + ex + ".json")
			if err != nil {
				t.Fatal(err)
			}
			a, err := load.Assessment(ex+".json", data, m)
			if err != nil {
				t.Fatal(err)
			}
			tm, err := drafting.Template("", a.Profile)
			if err != nil {
				t.Fatal(err)
			}
			render := func(format string) []byte {
				out, err := drafting.Make(m, a, tm, &drafting.Options{Format: format, Lang: "en"})
				if err != nil {
					t.Fatalf("%s: %v", format, err)
				}
				return out
			}
			var d strategy.Draft
			if err := json.Unmarshal(render("json"), &d); err != nil {
				t.Fatal(err)
			}
			fromJSON := jsonCount(&d)
			fromXLSX := xlsxCount(t, render("xlsx"), &d)
			fromPDF := pdfCount(t, pdftotext, render("pdf"))
			t.Logf("%s: %d KPIs (%d with a baseline value, %d without), %d outcome indicators (%d with, %d without)", ex,
				fromJSON.KPIs, fromJSON.KPIsWithBaseline, fromJSON.KPIs-fromJSON.KPIsWithBaseline,
				fromJSON.Outcomes, fromJSON.OutcomesWithBaseline, fromJSON.Outcomes-fromJSON.OutcomesWithBaseline)
			if fromJSON.KPIs == 0 || fromJSON.Outcomes == 0 {
				t.Fatalf("JSON: %+v, want KPIs and outcome indicators", fromJSON)
			}
			if fromXLSX != fromJSON {
				t.Errorf("XLSX Indicators sheet %+v, JSON %+v", fromXLSX, fromJSON)
			}
			if fromPDF != fromJSON {
				t.Errorf("PDF indicator annexes %+v, JSON %+v", fromPDF, fromJSON)
			}
		})
	}
}

func jsonCount(d *strategy.Draft) kpiCount {
	var c kpiCount
	for _, k := range d.KPIs {
		c.add(true, k.BaselineValue != nil)
	}
	for _, k := range d.Outcomes {
		c.add(false, k.BaselineValue != nil)
	}
	return c
}

// xlsxCount counts the rows of the Indicators sheet: one per ID (text
// that continues below repeats the ID), an action's KPI when it names an
// action, an outcome indicator when not; with a baseline value when the
// cell holds a number.
func xlsxCount(t *testing.T, data []byte, d *strategy.Draft) kpiCount {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(d.Labels.Get("xlsx.sheet.kpis"), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	cellAt := func(row []string, c int) string {
		if c-1 < len(row) {
			return strings.TrimSpace(row[c-1])
		}
		return ""
	}
	noData := d.Labels.Get("xlsx.kpi.noData")
	var c kpiCount
	seen := map[string]bool{}
	for _, row := range rows[1:] {
		id := cellAt(row, xlsx.KPIID)
		if id == "" {
			break // the note below the table
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		base := cellAt(row, xlsx.KPIBaselineValue)
		c.add(cellAt(row, xlsx.KPIAction) != "", base != "" && base != noData)
	}
	return c
}

// annexRow is the first line of a row of the PDF's indicator tables: the
// ID, then a column gap.
var annexRow = regexp.MustCompile(`^\s*((KPI-[A-Z]+-\d+)|(OI-\d+))\s{2,}`)

// pdfCount counts the rows of the indicator annexes in the text of the
// implementation plan, the part after the strategy: a row whose baseline
// is "No data" has none.
func pdfCount(t *testing.T, pdftotext string, pdf []byte) kpiCount {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "draft.pdf")
	if err := os.WriteFile(in, pdf, 0o666); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-layout", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(out)
	i := strings.Index(text, "Implementation plan and annexes")
	if i < 0 {
		t.Fatal("PDF: no implementation plan")
	}
	var c kpiCount
	seen := map[string]bool{}
	for _, line := range strings.Split(text[i:], "\n") {
		m := annexRow.FindStringSubmatch(line)
		if m == nil || seen[m[1]] {
			continue
		}
		seen[m[1]] = true
		c.add(m[2] != "", !strings.Contains(line, "No data"))
	}
	return c
}

package xlsx

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/internal/tooltest"
	"github.com/ncskit/ncskit/strategy"
)

// TestLibreOffice has LibreOffice open the workbooks of both examples and
// of the hostile draft, compute their formulas and save every sheet as
// CSV. The conversion succeeds; key cells keep their values; the Budget,
// the plan progress and the Timeline that LibreOffice computed match the
// action plan; hostile text comes out as the same text. Text that looks
// like an XLSX escape shows as written, and text longer than a cell holds
// can be followed from cell to cell and comes out whole.
func TestLibreOffice(t *testing.T) {
	soffice := tooltest.Require(t, "soffice")
	dir := t.TempDir()
	drafts := map[string]*strategy.Draft{"hostile": hostileDraft(t), "x": xDraft(t), "long": longDraft(t)}
	for _, name := range drafttest.Examples {
		drafts[name] = drafttest.Draft(t, name)
	}
	var files []string
	for name, d := range drafts {
		path := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(path, encode(t, d, nil), 0o666); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()
	// CSV: comma, double quote, UTF-8, raw values (not as shown), every sheet.
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
		"--outdir", out}, files...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to csv: %v\n%s", err, b)
	}
	for name, d := range drafts {
		t.Run(name, func(t *testing.T) {
			sheet := func(key string) [][]string { return readCSV(t, out, name, d.Labels.Get("xlsx.sheet."+key)) }
			switch name {
			case "x":
				checkXCSV(t, d, out, name)
				return
			case "long":
				checkLongText(t, d, func(sh string) func(ref string) string {
					rows := readCSV(t, out, name, sh)
					return func(ref string) string { return at(rows, ref) }
				})
				return
			}
			sum := sheet("summary")
			want(t, sum, "B4", d.Meta.Country)
			want(t, sum, "B8", d.Meta.Classification)
			plan := sheet("actionPlan")
			a := d.Actions[0]
			col := func(key string) string { return colName(PlanColumn(key)) }
			want(t, plan, "A2", a.ID)
			want(t, plan, col("action")+"2", a.Title)
			want(t, plan, col("lead")+"2", a.Lead.Name)
			want(t, plan, col("status")+"2", a.Status)
			checkBudget(t, d, sheet("budget"), plan)
			checkProgress(t, d, sum)
			checkTimeline(t, d, sheet("timeline"))
			checkFollowup(t, d, sheet)
			if name == "hostile" {
				pr := sheet("priorities")
				want(t, pr, "H2", d.Priorities[0].Override)
				want(t, sheet("contacts"), "C2", d.Roles.Contacts[0].Person)
			}
		})
	}
}

// checkXCSV checks that text that looks like an XLSX escape comes out of
// LibreOffice as written, in every sheet: neither read as the character
// it stands for nor showing the escape of its underscore ("_x005F_").
// (LibreOffice 7.4 would show "_x0041_" as written even unescaped; Excel
// shows "A". TestXEscape reads the escape back with excelize.)
func checkXCSV(t *testing.T, d *strategy.Draft, dir, book string) {
	t.Helper()
	found := 0
	for _, s := range sheets {
		for r, row := range readCSV(t, dir, book, d.Labels.Get("xlsx.sheet."+s.key)) {
			for c, v := range row {
				if strings.Contains(v, "A stays") || strings.Contains(v, "B too") || strings.Contains(v, "_x005F_") {
					t.Errorf("%s!%s = %q, want %q as written", s.key, cell(c+1, r+1), v, xText)
				}
				found += strings.Count(v, xText)
			}
		}
	}
	if found < 50 {
		t.Errorf("%q found %d times, want it in every free-text cell", xText, found)
	}
	want(t, readCSV(t, dir, book, d.Labels.Get("xlsx.sheet.summary")), "B4", xText)
	want(t, readCSV(t, dir, book, d.Labels.Get("xlsx.sheet.contacts")), "C2", xText)
}

// readCSV reads the CSV LibreOffice wrote for one sheet of a workbook.
func readCSV(t *testing.T, dir, book, sheet string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, book+"-"+sheet+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s-%s.csv: %v", book, sheet, err)
	}
	return rows
}

func at(rows [][]string, ref string) string {
	c, r := parseRef(ref)
	if r-1 < len(rows) && c-1 < len(rows[r-1]) {
		return rows[r-1][c-1]
	}
	return ""
}

func parseRef(ref string) (col, row int) {
	i := strings.IndexAny(ref, "0123456789")
	for _, ch := range ref[:i] {
		col = col*26 + int(ch-'A'+1)
	}
	row, _ = strconv.Atoi(ref[i:])
	return col, row
}

func want(t *testing.T, rows [][]string, ref, text string) {
	t.Helper()
	// CSV has no carriage return of its own: a lone CR may come back as LF.
	norm := func(s string) string { return strings.ReplaceAll(s, "\r", "\n") }
	if got := at(rows, ref); norm(got) != norm(text) {
		t.Errorf("%s = %q, want %q", ref, got, text)
	}
}

func wantNum(t *testing.T, rows [][]string, ref string, n float64) {
	t.Helper()
	got, err := strconv.ParseFloat(at(rows, ref), 64)
	if err != nil || got != n {
		t.Errorf("%s = %q, want %g", ref, at(rows, ref), n)
	}
}

// checkBudget adds the mid-points of the cost bands in Go and compares
// with what LibreOffice computed from the formulas, row by row.
func checkBudget(t *testing.T, d *strategy.Draft, budget, plan [][]string) {
	t.Helper()
	voc := vocabulary(d)
	mid := map[string]float64{}
	for _, b := range voc.bands {
		mid[b.id] = b.midpoint
	}
	type sums struct{ n, oneOff, rec float64 }
	by := map[string]*sums{}
	add := func(key string, a strategy.Action, count, cost bool) {
		s := by[key]
		if s == nil {
			s = &sums{}
			by[key] = s
		}
		if count {
			s.n++
		}
		if !cost {
			return
		}
		if a.Recurrent {
			s.rec += mid[a.CostBand]
		} else {
			s.oneOff += mid[a.CostBand]
		}
	}
	for i, a := range d.Actions {
		add(a.Pillar, a, true, true)
		add(voc.horizon(a.Horizon), a, true, true)
		// An action counts under every funding source it names, as the
		// draft's funding table counts it; its cost under the main one.
		for j, f := range a.Funding {
			add(f, a, true, j == 0)
		}
		wantNum(t, plan, colName(PlanColumn("midpoint"))+strconv.Itoa(i+2), mid[a.CostBand])
	}
	// The funding table of the draft, which the PDF prints.
	for _, b := range d.Blocks {
		if tb, ok := b.(strategy.Table); ok && tb.Role == "funding" {
			for _, row := range tb.Rows {
				n, _ := strconv.Atoi(row[1])
				if s := by[row[0]]; s == nil || s.n != float64(n) {
					t.Errorf("funding %q: the draft counts %d actions, the workbook %v", row[0], n, s)
				}
			}
		}
	}
	total := d.Labels.Get("total")
	var all sums
	for _, a := range d.Actions {
		all.n++
		if a.Recurrent {
			all.rec += mid[a.CostBand]
		} else {
			all.oneOff += mid[a.CostBand]
		}
	}
	rows := 0
	for r := 2; r <= len(budget); r++ {
		item := at(budget, "B"+strconv.Itoa(r))
		if item == "" {
			continue
		}
		s := by[item]
		if item == total {
			s = &all
		} else if s == nil {
			s = &sums{}
		}
		rs := strconv.Itoa(r)
		wantNum(t, budget, "D"+rs, s.n)
		wantNum(t, budget, "E"+rs, s.oneOff)
		wantNum(t, budget, "F"+rs, s.rec)
		rows++
	}
	if want := 4 + len(voc.horizons) + len(voc.funding) + 3; rows != want {
		t.Errorf("Budget: %d rows of figures, want %d", rows, want)
	}
}

// checkProgress checks the plan-progress table of the Summary: every
// action not started, none completed.
func checkProgress(t *testing.T, d *strategy.Draft, sum [][]string) {
	t.Helper()
	count := map[string]float64{}
	for _, a := range d.Actions {
		count[a.Pillar]++
	}
	head := d.Labels.Get("xlsx.summary.progress")
	for r := range sum {
		if at(sum, "A"+strconv.Itoa(r+1)) != head {
			continue
		}
		for i, p := range []string{"GOV", "IRC", "CAP", "OUT"} {
			rs := strconv.Itoa(r + 3 + i)
			want(t, sum, "A"+rs, p)
			wantNum(t, sum, "C"+rs, count[p])
			wantNum(t, sum, "E"+rs, 0)
			wantNum(t, sum, "G"+rs, 0)
		}
		wantNum(t, sum, "C"+strconv.Itoa(r+7), float64(len(d.Actions)))
		return
	}
	t.Errorf("Summary: no %q section", head)
}

// checkTimeline checks that LibreOffice marked exactly the quarters from
// each action's start to its end.
func checkTimeline(t *testing.T, d *strategy.Draft, tl [][]string) {
	t.Helper()
	y0 := d.Meta.StartYear
	quarter := func(ym string) int { // quarters since the start of the period
		y, m := yearOf(ym), 0
		m, _ = strconv.Atoi(ym[5:])
		return (y-y0)*4 + (m-1)/3
	}
	for i, a := range d.Actions {
		row := tl[i+2]
		if row[0] != a.ID {
			t.Fatalf("Timeline row %d: %q, want %s", i+3, row[0], a.ID)
		}
		// Set-up quarters are marked ■, the quarters of ongoing
		// recurrent work after it →, the others are empty.
		from, to := quarter(a.Start), quarter(a.End)
		for q := 0; q+7 < len(row); q++ {
			want := ""
			switch {
			case q >= from && q <= to:
				want = "■"
			case a.Ongoing && q >= quarter(a.OngoingFrom):
				want = "→"
			}
			if got := row[q+7]; got != want {
				t.Errorf("Timeline %s quarter %d: %q, want %q (start %s, end %s, ongoing from %q)", a.ID, q+1, got, want, a.Start, a.End, a.OngoingFrom)
			}
		}
		if got := row[5]; got != a.Status {
			t.Errorf("Timeline %s: status %q, want %q", a.ID, got, a.Status)
		}
	}
}

// checkFollowup checks the follow-up sheets of a workbook with no report
// yet, as LibreOffice computed them: every action at its drafted status
// and 0%; each objective with its actions, their weights and 0%; the
// costs in local currency at the rate of 1; every traffic light "no data
// yet"; the print view following the plan.
func checkFollowup(t *testing.T, d *strategy.Draft, sheet func(string) [][]string) {
	t.Helper()
	plan := sheet("actionPlan")
	for i, a := range d.Actions {
		r := strconv.Itoa(i + 2)
		want(t, plan, colName(PlanColumn("status"))+r, a.Status)
		wantNum(t, plan, colName(PlanColumn("progress"))+r, 0)
		want(t, plan, colName(PlanColumn("latestPeriod"))+r, "")
	}
	e := &encoder{d: d}
	objs := sheet("objectives")
	for i, o := range e.objectiveList() {
		r := strconv.Itoa(i + 2)
		want(t, objs, "A"+r, o.id)
		wantNum(t, objs, "D"+r, float64(o.actions))
		wantNum(t, objs, "E"+r, float64(o.weight))
		wantNum(t, objs, "G"+r, 0)
	}
	costs := sheet("costs")
	_, y1 := e.years()
	voc := vocabulary(d)
	r, total := 2, 0.0
	for _, a := range d.Actions {
		years, usd := CostYearUSD(voc.midpoint(a.CostBand), a.Recurrent, a.Ongoing, a.Start, a.End, y1)
		var sum float64
		for i := range years {
			rs := strconv.Itoa(r)
			want(t, costs, "A"+rs, a.ID)
			wantNum(t, costs, "C"+rs, float64(years[i]))
			wantNum(t, costs, "G"+rs, usd[i])
			wantNum(t, costs, "J"+rs, usd[i])
			sum += usd[i]
			r++
		}
		if !a.Recurrent && len(years) > 0 && sum != voc.midpoint(a.CostBand) {
			t.Errorf("%s: one-off cost spread to %g, want the mid-point %g", a.ID, sum, voc.midpoint(a.CostBand))
		}
		total += sum
	}
	if total == 0 {
		t.Error("Costs: nothing planned")
	}
	kp := sheet("kpis")
	y0, _ := e.years()
	light := colName(KPIYearCol(y1-y0+1) + 1)
	for i := range d.KPIs {
		want(t, kp, light+strconv.Itoa(i+2), d.Labels.Get("xlsx.light.noData"))
	}
	pv := sheet("printView")
	for i, a := range d.Actions {
		r := strconv.Itoa(i + 2)
		want(t, pv, "A"+r, a.ID)
		want(t, pv, "G"+r, a.Status)
		wantNum(t, pv, "H"+r, 0)
	}
}

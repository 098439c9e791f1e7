package progress

import (
	"bytes"
	"context"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/internal/drafttest"
	_ "github.com/ncskit/ncskit/internal/golden"
	"github.com/ncskit/ncskit/internal/tooltest"
	"github.com/ncskit/ncskit/problem"
	"github.com/ncskit/ncskit/render/xlsx"
	"github.com/ncskit/ncskit/strategy"
)

func num(x float64) *float64 { return &x }

// measured returns the small island's draft with the measure of a KPI
// filled in on three KPIs (one falling: a time to triage; one without
// a baseline) and one outcome indicator, as the KPI fields of a draft
// carry them, and its first two actions serving one objective.
func measured(t testing.TB) *strategy.Draft { return measuredIn(t, "en") }

// measuredIn is measured in language lang.
func measuredIn(t testing.TB, lang string) *strategy.Draft {
	d := drafttest.DraftIn(t, "small-island", lang)
	y0 := d.Meta.StartYear
	set := func(k *strategy.KPI, unit string, base *float64, values ...float64) {
		k.Unit, k.BaselineValue = unit, base
		if base != nil {
			k.BaselineYear = y0 - 1
		}
		k.Yearly = nil
		for i, v := range values {
			k.Yearly = append(k.Yearly, strategy.YearTarget{Year: y0 + i, Level: 2 + i/2, Value: num(v)})
		}
	}
	set(&d.KPIs[0], "incidents", num(47), 60, 80, 100, 120, 140)
	set(&d.KPIs[1], "hours", num(72), 48, 36, 24, 12, 8)
	set(&d.KPIs[2], "%", nil, 20, 40, 60, 80, 100)
	out := strategy.KPI{ID: "OUT-1", Name: "Share of critical-infrastructure operators meeting the baseline", Objectives: []string{"G-GOV", "O-GOV.CI"}}
	set(&out, "%", num(10), 20, 35, 50, 65, 80)
	d.Outcomes = []strategy.KPI{out}
	// Two actions of unequal weight serve one objective.
	if a, b := &d.Actions[0], &d.Actions[1]; a.Pillar == b.Pillar && a.Weight != b.Weight {
		b.Area, b.Objective = a.Area, a.Objective
	} else {
		t.Fatalf("the first two actions: %s %d%%, %s %d%%", a.ID, a.Weight, b.ID, b.Weight)
	}
	return d
}

// goals returns the number of goals of a draft, the first rows of the
// Objectives sheet.
func goals(d *strategy.Draft) int {
	n := 0
	for _, o := range d.Objectives {
		if o.Area == "" {
			n++
		}
	}
	return n
}

func encode(t testing.TB, d *strategy.Draft) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.Encode(&buf, d, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fill writes reports on the Reporting sheet, and costs and an outcome
// actual, as a planning ministry fills the workbook at two reviews.
func fill(t testing.TB, data []byte, d *strategy.Draft, rows [][]any, edit func(f *excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	sh := d.Labels.Get("xlsx.sheet.reporting")
	for i, row := range rows {
		c, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(sh, c, &row); err != nil {
			t.Fatal(err)
		}
	}
	if edit != nil {
		edit(f)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// twoPeriods are the reports of two quarterly reviews on the measured
// draft: progress, a delay, indicator values in both years' periods.
func twoPeriods(d *strategy.Draft) [][]any {
	a := d.Actions
	y := strconv.Itoa(d.Meta.StartYear)
	st := d.Vocabulary.StatusName
	act := func(i int) string { return d.KPIs[i].Action }
	return [][]any{
		{y + "-Q1", act(0), st(strategy.StatusInProgress), 20, 52, "Ticket log Q1", "Triage desk staffed", "CSIRT lead", 46112},
		{y + "-Q1", act(1), st(strategy.StatusInProgress), 10, 60, "", "", "CSIRT lead", ""},
		{y + "-Q1", a[5].ID, st(strategy.StatusInProgress), 35, "", "", "Drafting under way", "", ""},
		{y + "-Q2", act(0), st(strategy.StatusInProgress), 45, 58, "Ticket log Q2", "=HYPERLINK(\"x\")", "CSIRT lead", 46203},
		{y + "-Q2", act(1), st(strategy.StatusDelayed), 15, 70, "", "Analyst post vacant", "CSIRT lead", ""},
		{y + "-Q2", act(2), st(strategy.StatusCompleted), 100, 5, "", "", "", ""},
		{y + "-Q2", a[5].ID, st(strategy.StatusInProgress), 50, "", "", "", "", ""},
	}
}

func edits(d *strategy.Draft) func(f *excelize.File) {
	return func(f *excelize.File) {
		costs := d.Labels.Get("xlsx.sheet.costs")
		f.SetCellValue(costs, "P1", "XCD")
		f.SetCellValue(costs, "P2", 2.7)
		f.SetCellValue(costs, "H2", 10000)
		f.SetCellValue(costs, "I2", 5000)
		f.SetCellValue(costs, "L2", 7000)
		f.SetCellValue(costs, "H3", 900000)
		// The outcome indicator's actual of the first year, entered.
		kp := d.Labels.Get("xlsx.sheet.kpis")
		c, _ := excelize.CoordinatesToCellName(xlsx.KPIYearCol(0)+1, len(d.KPIs)+2)
		f.SetCellValue(kp, c, 18)
		// The weight of the first pillar objective, after the goals.
		obj := d.Labels.Get("xlsx.sheet.objectives")
		f.SetCellValue(obj, "F"+strconv.Itoa(2+goals(d)), 70)
	}
}

// TestRoundTrip fills two reporting periods into the workbook of the
// measured draft, has LibreOffice open it, recompute it and save it as
// XLSX, and reads it back. The report comes out, and every figure of the
// workbook's formulas that LibreOffice saved — the latest period, status
// and progress of each action, the weighted progress of objectives and
// pillars, the actuals, latest actual and traffic light of each KPI, the
// costs in local currency — is the one Go computes.
func TestRoundTrip(t *testing.T) {
	soffice := tooltest.Require(t, "soffice")
	d := measured(t)
	data := fill(t, encode(t, d), d, twoPeriods(d), edits(d))
	dir := t.TempDir()
	in := filepath.Join(dir, "followup.xlsx")
	if err := os.WriteFile(in, data, 0o666); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to xlsx: %v\n%s", err, b)
	}
	saved, err := os.ReadFile(filepath.Join(out, "followup.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	w, err := Read("followup.xlsx", saved)
	if err != nil {
		t.Fatal(err)
	}
	rep := Compute(w)
	if len(w.Reports) != 7 || rep.AsOf != strconv.Itoa(d.Meta.StartYear)+"-Q2" {
		t.Fatalf("%d reports as of %q, want 7 as of the second quarter", len(w.Reports), rep.AsOf)
	}
	f, err := excelize.OpenReader(bytes.NewReader(saved))
	if err != nil {
		t.Fatal(err)
	}
	get := func(sheet string, col, row int) string {
		c, _ := excelize.CoordinatesToCellName(col, row)
		v, err := f.GetCellValue(d.Labels.Get("xlsx.sheet."+sheet), c, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	near := func(where, got string, want float64) {
		t.Helper()
		x, err := strconv.ParseFloat(got, 64)
		if err != nil || x-want > 1e-6 || want-x > 1e-6 {
			t.Errorf("%s: LibreOffice %q, Go %g", where, got, want)
		}
	}
	same := func(where, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s: LibreOffice %q, Go %q", where, got, want)
		}
	}
	pc := xlsx.PlanColumn
	moved := 0
	for i, a := range rep.Actions {
		r := i + 2 // the examples' plans have no text long enough to continue on a second row
		same(a.ID+" id", get("actionPlan", pc("id"), r), a.ID)
		same(a.ID+" latest period", get("actionPlan", pc("latestPeriod"), r), a.Period)
		same(a.ID+" status", get("actionPlan", pc("status"), r), a.Status)
		near(a.ID+" progress", get("actionPlan", pc("progress"), r), a.Progress)
		same(a.ID+" comment", get("actionPlan", pc("progressNote"), r), a.Comment)
		if a.Row > 0 {
			moved++
		}
	}
	if moved != 4 {
		t.Errorf("%d actions reported on, want 4", moved)
	}
	for i, o := range rep.Objectives {
		near(o.ID+" progress", get("objectives", xlsx.ObjProgress, i+2), o.Progress)
	}
	// The pillar table follows the objectives after a blank row, a title
	// and the heads.
	for i, p := range rep.Pillars {
		r := len(rep.Objectives) + 5 + i
		same("pillar row", get("objectives", 1, r), p.Pillar)
		near(p.Pillar+" progress", get("objectives", 7, r), p.Progress)
	}
	near("whole plan", get("objectives", 7, len(rep.Objectives)+5+len(rep.Pillars)), rep.Overall)
	if rep.Pillars[0].Progress == 0 || rep.Overall == 0 {
		t.Errorf("no progress computed: %+v", rep.Pillars)
	}
	lights := 0
	for i, k := range rep.Indicators {
		r := i + 2
		for y := range k.Years {
			got := get("kpis", xlsx.KPIYearCol(y)+1, r)
			if k.Actuals[y] == nil {
				same(k.ID+" actual", got, "")
			} else {
				near(k.ID+" actual "+strconv.Itoa(k.Years[y]), got, *k.Actuals[y])
			}
		}
		n := len(k.Years)
		if k.Latest != nil {
			near(k.ID+" latest", get("kpis", xlsx.KPIYearCol(n), r), *k.Latest)
		}
		same(k.ID+" light", get("kpis", xlsx.KPIYearCol(n)+1, r), rep.Labels[k.Light])
		if k.Light != "noData" {
			lights++
		}
	}
	if lights != 4 || len(rep.OffTrack) == 0 {
		t.Errorf("%d traffic lights, off track %v; want 4 lights and one off track or at risk", lights, rep.OffTrack)
	}
	for _, c := range w.Costs[:5] {
		near("planned "+c.Action, get("costs", xlsx.CostPlanned, c.Row), c.Planned)
		near("gap "+c.Action, get("costs", xlsx.CostGap, c.Row), max(0, c.Planned-c.Secured-c.Pledged))
	}
	if w.Rate != 2.7 || w.Currency != "XCD" || rep.Spending[0].Spent != 7000 {
		t.Errorf("rate %g %s, spending %+v", w.Rate, w.Currency, rep.Spending[0])
	}
	// The comment that looks like a formula stays text.
	for _, a := range rep.Actions {
		if strings.Contains(a.Comment, "HYPERLINK") && a.Comment != `=HYPERLINK("x")` {
			t.Errorf("comment %q", a.Comment)
		}
	}
}

// TestCompute checks the report's rules without LibreOffice: the latest
// report wins, a delayed action and one past its end are late, the
// weights weigh.
func TestCompute(t *testing.T) {
	d := measured(t)
	w, err := Read("f.xlsx", fill(t, encode(t, d), d, twoPeriods(d), edits(d)))
	if err != nil {
		t.Fatal(err)
	}
	rep := Compute(w)
	byID := map[string]ActionStatus{}
	for _, a := range rep.Actions {
		byID[a.ID] = a
	}
	k0, k1 := d.KPIs[0].Action, d.KPIs[1].Action
	if a := byID[k0]; a.Progress != 45 || a.Period != rep.AsOf || a.Late {
		t.Errorf("%s: %+v, want 45%% in %s, not late", k0, a, rep.AsOf)
	}
	if a := byID[k1]; !a.Late || a.StatusID != strategy.StatusDelayed || a.Status != d.Vocabulary.StatusName(strategy.StatusDelayed) {
		t.Errorf("%s: %+v, want delayed and late", k1, a)
	}
	// The first KPI rises from 47 to a target of 60 in the first year:
	// 58 is at risk (within a quarter of the way); the second falls from
	// 72 hours to 48: 70 is off track.
	lights := map[string]string{}
	for _, k := range rep.Indicators {
		lights[k.ID] = k.Light
	}
	if lights[d.KPIs[0].ID] != "atRisk" || lights[d.KPIs[1].ID] != "offTrack" || lights[d.KPIs[2].ID] != "offTrack" || lights["OUT-1"] != "atRisk" {
		t.Errorf("lights %v", lights)
	}
	// Weighted: an objective whose weight is raised pulls its pillar.
	var sum float64
	for _, p := range rep.Pillars {
		sum += p.Weight
	}
	if sum == 0 || rep.Overall <= 0 || rep.Overall >= 100 {
		t.Errorf("overall %g, weights %g", rep.Overall, sum)
	}
}

// TestStatusCodes checks that the same reports, entered in the words of
// a Spanish, French or Portuguese workbook, read back as the same status
// codes, and so the same late actions, as in the English one.
func TestStatusCodes(t *testing.T) {
	codes := func(lang string) (map[string]string, []string, *Report) {
		d := measuredIn(t, lang)
		w, err := Read("f.xlsx", fill(t, encode(t, d), d, twoPeriods(d), edits(d)))
		if err != nil {
			t.Fatal(err)
		}
		rep := Compute(w)
		out := map[string]string{}
		var words []string
		for _, a := range rep.Actions {
			out[a.ID] = a.StatusID
			if want := d.Vocabulary.StatusName(a.StatusID); a.Status != want {
				t.Errorf("%s %s: status %q, want %q, the word of %q", lang, a.ID, a.Status, want, a.StatusID)
			}
			words = append(words, a.Status)
		}
		return out, words, rep
	}
	en, enWords, enRep := codes("en")
	seen := map[string]bool{}
	for _, c := range en {
		seen[c] = true
	}
	for _, c := range []string{strategy.StatusNotStarted, strategy.StatusInProgress, strategy.StatusCompleted, strategy.StatusDelayed} {
		if !seen[c] {
			t.Errorf("en: no action with status %s: %v", c, en)
		}
	}
	for _, lang := range []string{"es", "fr", "pt"} {
		got, words, rep := codes(lang)
		if !maps.Equal(got, en) {
			t.Errorf("%s: status codes %v, want those of the English workbook %v", lang, got, en)
		}
		if slices.Equal(words, enWords) {
			t.Errorf("%s: the statuses are worded as in English: %q", lang, words)
		}
		if !slices.Equal(rep.Late, enRep.Late) {
			t.Errorf("%s: late %v, want %v", lang, rep.Late, enRep.Late)
		}
	}
}

// TestRefused checks that a tampered or inconsistent workbook is refused
// with the cell of each problem.
func TestRefused(t *testing.T) {
	d := measured(t)
	base := encode(t, d)
	y := strconv.Itoa(d.Meta.StartYear)
	id := d.Actions[0].ID
	st := d.Vocabulary.StatusName(strategy.StatusInProgress)
	rep := d.Labels.Get("xlsx.sheet.reporting")
	plan := d.Labels.Get("xlsx.sheet.actionPlan")
	objCell := func(r int) string {
		c, _ := excelize.CoordinatesToCellName(xlsx.PlanColumn("objectiveID"), r)
		return c
	}
	// servedBy returns the problems of the actions that serve objective
	// id when it is no longer on the Objectives sheet.
	servedBy := func(id string) []string {
		var out []string
		for i, a := range d.Actions {
			if "O-"+a.Area == id {
				out = append(out, `Action plan!`+objCell(i+2)+`: unknown objective "`+id+`"`)
			}
		}
		if len(out) == 0 {
			t.Fatalf("no action serves %s", id)
		}
		return out
	}
	// The cell of the outcome indicator's objectives, on its row after
	// the actions' KPIs.
	kpiObjCellName := ""
	kpiObjCell := func(f *excelize.File) string {
		sh := d.Labels.Get("xlsx.sheet.kpis")
		heads, _ := f.GetRows(sh)
		for c, h := range heads[0] {
			if h == d.Labels.Get("xlsx.col.objectives") {
				kpiObjCellName, _ = excelize.CoordinatesToCellName(c+1, len(d.KPIs)+2)
			}
		}
		return kpiObjCellName
	}
	kpiObjCell(func() *excelize.File { f, _ := excelize.OpenReader(bytes.NewReader(base)); return f }())
	cases := []struct {
		name string
		rows [][]any
		edit func(f *excelize.File)
		want []string
	}{
		{"progress", [][]any{{y + "-Q1", id, st, 140}}, nil, []string{"Reporting!D2: progress must be 0-100, not 140"}},
		{"not a number", [][]any{{y + "-Q1", id, st, "half"}}, nil, []string{`Reporting!D2: progress must be a number from 0 to 100, not "half"`}},
		{"action", [][]any{{y + "-Q1", "GOV-99", st, 10}}, nil, []string{`Reporting!B2: unknown action ID "GOV-99": it is not in the action plan`}},
		{"period", [][]any{{"2040-Q1", id, st, 10}, {y + "-Q5", id, st, 10}}, nil, []string{
			`Reporting!A2: "2040-Q1" is not a period of the plan`, `Reporting!A3: "` + y + `-Q5" is not a period of the plan`}},
		{"status", [][]any{{y + "-Q1", id, "Almost", 10}}, nil, []string{`Reporting!C2: unknown status "Almost"`}},
		{"twice", [][]any{{y + "-Q1", id, st, 10}, {y + "-Q1", id, st, 20}}, nil, []string{
			"Reporting!B3: " + id + " already has a report for " + y + "-Q1 in row 2"}},
		{"header", nil, func(f *excelize.File) { f.SetCellValue(rep, "D1", "Progress") }, []string{
			`Reporting!D1: the column head is "Progress", want "Progress (%)"`}},
		{"sheet", nil, func(f *excelize.File) { f.DeleteSheet(d.Labels.Get("xlsx.sheet.costs")) }, []string{
			`Costs: the sheet "Costs" is missing`}},
		{"rate", nil, func(f *excelize.File) { f.SetCellValue(d.Labels.Get("xlsx.sheet.costs"), "P2", 0) }, []string{
			`Costs!P2: the exchange rate must be a number above 0, not "0"`}},
		{"plan objective", nil, func(f *excelize.File) {
			f.SetCellValue(plan, objCell(3), "GOV-O1")
			f.SetCellValue(plan, objCell(4), "G-GOV")
		}, []string{
			`Action plan!` + objCell(3) + `: unknown objective "GOV-O1": it is not on the Objectives sheet`,
			`Action plan!` + objCell(4) + `: "G-GOV" is a goal`}},
		{"objective row", nil, func(f *excelize.File) {
			f.SetCellValue(d.Labels.Get("xlsx.sheet.objectives"), "A"+strconv.Itoa(2+goals(d)), "O-GOV.XX")
		}, servedBy(d.Objectives[goals(d)].ID)},
		{"indicator objective", nil, func(f *excelize.File) {
			f.SetCellValue(d.Labels.Get("xlsx.sheet.kpis"), kpiObjCell(f), "G-GOV, GOV-O1")
		}, []string{`Indicators!` + kpiObjCellName + `: unknown objective "GOV-O1": it is not on the Objectives sheet`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read("f.xlsx", fill(t, base, d, c.rows, c.edit))
			l, ok := err.(problem.List)
			if !ok {
				t.Fatalf("error %v (%T), want a problem list", err, err)
			}
			if len(l) != len(c.want) {
				t.Errorf("%d problems, want %d:\n%v", len(l), len(c.want), err)
			}
			for i, w := range c.want {
				if i < len(l) && !strings.HasPrefix(l[i].String(), "f.xlsx: "+w) {
					t.Errorf("problem %d: %q, want it to start %q", i, l[i].String(), "f.xlsx: "+w)
				}
			}
		})
	}
	if _, err := Read("f.xlsx", []byte("Indicator,Level\n")); err == nil || !strings.Contains(err.Error(), "not an Excel workbook") {
		t.Errorf("a CSV file: %v", err)
	}
}

// BenchmarkRead reads a five-year workbook with 20 quarterly reporting
// periods filled for every action.
func BenchmarkRead(b *testing.B) {
	d := measured(b)
	var rows [][]any
	st := d.Vocabulary.StatusName(strategy.StatusInProgress)
	for y := 0; y < 5; y++ {
		for q := 1; q <= 4; q++ {
			p := strconv.Itoa(d.Meta.StartYear+y) + "-Q" + strconv.Itoa(q)
			for _, a := range d.Actions {
				rows = append(rows, []any{p, a.ID, st, (y*4 + q) * 5, y*10 + q, "Minutes of the review", "On plan", "Planning unit", 46112 + 91*(y*4+q)})
			}
		}
	}
	data := fill(b, encode(b, d), d, rows, nil)
	b.ReportMetric(float64(len(rows)), "reports")
	b.ResetTimer()
	for range b.N {
		w, err := Read("f.xlsx", data)
		if err != nil {
			b.Fatal(err)
		}
		Compute(w)
	}
}

// TestEncode renders the report of two reviews as JSON, HTML and PDF:
// the same bytes twice, the HTML escaping text from the workbook, the PDF
// a PDF.
func TestEncode(t *testing.T) {
	d := measured(t)
	rows := twoPeriods(d)
	rows[3][6] = `<script>alert("x")</script> & more`
	w, err := Read("f.xlsx", fill(t, encode(t, d), d, rows, edits(d)))
	if err != nil {
		t.Fatal(err)
	}
	for _, enc := range []struct {
		name string
		f    func(io.Writer, *Report) error
	}{{"json", EncodeJSON}, {"html", EncodeHTML}, {"pdf", EncodePDF}} {
		var a, b bytes.Buffer
		if err := enc.f(&a, Compute(w)); err != nil {
			t.Fatal(err)
		}
		if err := enc.f(&b, Compute(w)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: not the same bytes twice", enc.name)
		}
		s := a.String()
		switch enc.name {
		case "html":
			if strings.Contains(s, "<script>") || !strings.Contains(s, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; more") {
				t.Error("html: the comment is not escaped")
			}
			if !strings.Contains(s, "Late actions") || !strings.Contains(s, d.KPIs[1].Action) {
				t.Error("html: no late action")
			}
		case "pdf":
			if !strings.HasPrefix(s, "%PDF-") {
				t.Errorf("pdf: starts %q", s[:min(len(s), 8)])
			}
		}
	}
}

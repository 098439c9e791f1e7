// Package progress reads a filled follow-up workbook (the XLSX draft of
// package render/xlsx, with reports on its Reporting sheet) back, checks
// it, and computes the progress report of the plan: progress by pillar
// and objective weighted as the workbook weights it, the latest status
// of every action, the late actions, the indicators off track and the
// spending against plan. Every problem of the workbook is reported at its
// cell ("Reporting!D12: progress must be 0-100, not 140").
//
// The report's figures are the ones the workbook's formulas compute;
// package render/xlsx's LibreOffice tests check that they agree.
package progress

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/problem"
	"github.com/ncskit/ncskit/render/xlsx"
)

// Workbook is what a follow-up workbook holds, as read.
type Workbook struct {
	Title, Country, Version, Language string
	Periods                           []string
	Actions                           []Action
	Objectives                        []Objective
	Reports                           []Entry
	KPIs                              []KPI
	Costs                             []Cost
	Currency                          string
	Rate                              float64
	layout                            *xlsx.Layout
}

// Action is a row of the action plan. Objective is the ID of the
// objective it serves, a row of the Objectives sheet. InitialStatus is
// the status the plan started it with, as the workbook words it, and
// InitialStatusID its code (a strategy.Status* constant).
type Action struct {
	ID, Pillar, Objective, Title   string
	End                            string // YYYY-MM, "" when none
	Weight                         float64
	InitialStatus, InitialStatusID string
}

// Objective is a row of the Objectives sheet: a goal of the strategy
// (ID "G-GOV"), which sums up the objectives of its pillar, or a pillar
// objective ("O-GOV.STR"), which actions serve.
type Objective struct {
	ID, Pillar, Text string
	Goal             bool
	Weight           float64 // of a pillar objective
}

// isGoal tells whether an objective ID is that of a goal.
func isGoal(id string) bool { return strings.HasPrefix(id, "G-") }

// Entry is a row of the Reporting sheet.
type Entry struct {
	Row             int // on the sheet
	Period          string
	Action          string
	Status          string // as the workbook words it
	StatusID        string // its code, a strategy.Status* constant
	Progress        float64
	Actual          *float64
	Evidence        string
	Comment         string
	ReportedBy      string
	Date            string // YYYY-MM-DD, "" when none
	periodNo        int    // 1-based position in Periods
	fromReportSheet bool
}

// KPI is a row of the Indicators sheet.
type KPI struct {
	Row           int
	ID, Action    string
	Name, Unit    string
	Objectives    []string // the objectives an outcome indicator measures
	BaselineValue *float64
	Targets       []*float64 // by year of the plan
	Entered       []*float64 // actuals entered in the sheet (outcome indicators)
}

// Cost is a row of the Costs sheet, in the local currency.
type Cost struct {
	Row                                          int
	Action, Funding                              string
	Year                                         int
	PlannedUSD, Planned, Secured, Pledged, Spent float64
}

// MaxSize is the largest workbook Read accepts, in bytes.
const MaxSize = 64 << 20

// Read reads a follow-up workbook. name is the file as the user named it,
// for the problems. The error is a problem.List when the workbook is not
// one or has mistakes.
func Read(name string, data []byte) (*Workbook, error) {
	fail := func(at, format string, args ...any) error {
		return problem.List{{File: name, At: at, Message: fmt.Sprintf(format, args...)}}
	}
	if len(data) == 0 {
		return nil, fail("", "the file is empty")
	}
	if len(data) > MaxSize {
		return nil, fail("", "the file is larger than %d MiB", MaxSize>>20)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fail("", "the file is not an Excel workbook (.xlsx): save the follow-up workbook from Excel or LibreOffice as an Excel workbook")
	}
	defer f.Close()
	w := &Workbook{Language: "en"}
	if p, err := f.GetDocProps(); err == nil {
		w.Title = p.Title
		if p.Language != "" {
			w.Language = p.Language
		}
		w.Version = p.Version
	}
	l, err := xlsx.FollowupLayout(w.Language)
	if err != nil {
		return nil, fail("", "%v", err)
	}
	w.layout = l
	r := &reader{f: f, l: l, w: w}
	r.read()
	if len(r.probs) > 0 {
		return nil, r.probs.In(name)
	}
	return w, nil
}

type reader struct {
	f     *excelize.File
	l     *xlsx.Layout
	w     *Workbook
	rows  map[string][][]string
	probs problem.List
}

// sheet returns the raw values of a sheet's rows, or nil (with a
// problem) when the workbook has no such sheet.
func (r *reader) sheet(key string) [][]string {
	name := r.l.Sheets[key]
	if rows, ok := r.rows[name]; ok {
		return rows
	}
	if idx, err := r.f.GetSheetIndex(name); err != nil || idx < 0 {
		r.probs.Add(name, "the sheet %q is missing: this is not a follow-up workbook, or a sheet was renamed or deleted", name)
		return nil
	}
	rows, err := r.f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		r.probs.Add(name, "cannot read the sheet: %v", err)
		return nil
	}
	if r.rows == nil {
		r.rows = map[string][][]string{}
	}
	r.rows[name] = rows
	return rows
}

func at(rows [][]string, row, col int) string {
	if row-1 < len(rows) && col-1 < len(rows[row-1]) && row > 0 && col > 0 {
		return strings.TrimSpace(rows[row-1][col-1])
	}
	return ""
}

func cellName(sheet string, col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return sheet + "!" + c
}

// heads checks that the header row of a sheet holds the heads want from
// column first; it reports the first that does not.
func (r *reader) heads(key string, rows [][]string, first int, want []string) bool {
	sh := r.l.Sheets[key]
	for i, h := range want {
		if got := at(rows, 1, first+i); got != h {
			r.probs.Add(cellName(sh, first+i, 1), "the column head is %q, want %q: the sheet was changed; restore the head (or the column) from a fresh workbook", got, h)
			return false
		}
	}
	return true
}

func (r *reader) read() {
	plan := r.sheet("actionPlan")
	rep := r.sheet("reporting")
	objs := r.sheet("objectives")
	kpis := r.sheet("kpis")
	costs := r.sheet("costs")
	lists := r.sheet("lists")
	if len(r.probs) > 0 {
		return
	}
	ok := r.heads("actionPlan", plan, 1, r.l.Plan)
	ok = r.heads("reporting", rep, 1, r.l.Reporting) && ok
	ok = r.heads("objectives", objs, 1, r.l.Objectives) && ok
	ok = r.heads("kpis", kpis, 1, r.l.KPIs) && ok
	ok = r.heads("costs", costs, 1, r.l.Costs) && ok
	if !ok {
		return
	}
	// The country is the first value of the Summary's document control.
	if c, err := r.f.GetCellValue(r.l.Sheets["summary"], "B4"); err == nil {
		r.w.Country = strings.TrimSpace(c)
	}
	r.readLists(lists)
	r.readObjectives(objs)
	r.readPlan(plan)
	r.readReports(rep)
	r.readKPIs(kpis)
	r.readCosts(costs)
}

func (r *reader) readLists(rows [][]string) {
	for i := 2; ; i++ {
		p := at(rows, i, xlsx.ListPeriod)
		if p == "" {
			break
		}
		r.w.Periods = append(r.w.Periods, p)
	}
	if len(r.w.Periods) == 0 {
		r.probs.Add(cellName(r.l.Sheets["lists"], xlsx.ListPeriod, 2), "no reporting periods: the Lists sheet was changed")
	}
}

func (r *reader) readPlan(rows [][]string) {
	sh := r.l.Sheets["actionPlan"]
	col := xlsx.PlanColumn
	seen := map[string]bool{}
	for i := 2; i <= len(rows); i++ {
		id := at(rows, i, col("id"))
		pillar := at(rows, i, col("pillar"))
		if id == "" || seen[id] || pillar == "" {
			continue // blank, or text of the action above continued
		}
		seen[id] = true
		a := Action{ID: id, Pillar: pillar, Objective: at(rows, i, col("objectiveID")), Title: at(rows, i, col("action")),
			InitialStatus: at(rows, i, col("initialStatus"))}
		if a.InitialStatus != "" {
			var ok bool
			if a.InitialStatusID, ok = r.statusID(a.InitialStatus); !ok {
				r.probs.Add(cellName(sh, col("initialStatus"), i), "unknown status %q: choose one of %s", a.InitialStatus, r.statusNames())
			}
		}
		switch o := r.objective(a.Objective); {
		case a.Objective == "":
			r.probs.Add(cellName(sh, col("objectiveID"), i), "the objective ID is missing: choose the objective the action serves from the Objectives sheet")
		case o == nil:
			r.probs.Add(cellName(sh, col("objectiveID"), i), "unknown objective %q: it is not on the Objectives sheet", a.Objective)
		case o.Goal:
			r.probs.Add(cellName(sh, col("objectiveID"), i), "%q is a goal, which sums up its pillar: an action serves one of the pillar's objectives", a.Objective)
		}
		if v := at(rows, i, col("weight")); v != "" {
			x, err := strconv.ParseFloat(v, 64)
			if err != nil || x < 0 {
				r.probs.Add(cellName(sh, col("weight"), i), "the weight must be a number of 0 or more, not %q", v)
			}
			a.Weight = x
		}
		if v := at(rows, i, col("end")); v != "" {
			if t, ok := date(v); ok {
				a.End = t[:7]
			}
		}
		r.w.Actions = append(r.w.Actions, a)
	}
	if len(r.w.Actions) == 0 {
		r.probs.Add(cellName(sh, 1, 2), "the action plan has no actions")
	}
}

func (r *reader) readObjectives(rows [][]string) {
	sh := r.l.Sheets["objectives"]
	for i := 2; i <= len(rows); i++ {
		id := at(rows, i, xlsx.ObjID)
		if id == "" {
			break
		}
		o := Objective{ID: id, Pillar: at(rows, i, xlsx.ObjPillar), Text: at(rows, i, xlsx.ObjText), Goal: isGoal(id)}
		if o.Pillar == "" {
			continue // text of the objective above continued
		}
		if o.Goal {
			// A goal's weight is the sum of its objectives', by formula.
			r.w.Objectives = append(r.w.Objectives, o)
			continue
		}
		v := at(rows, i, xlsx.ObjWeight)
		x, err := strconv.ParseFloat(v, 64)
		if v == "" {
			x, err = 0, nil
		}
		if err != nil || x < 0 {
			r.probs.Add(cellName(sh, xlsx.ObjWeight, i), "the objective weight must be a number of 0 or more, not %q", v)
		}
		o.Weight = x
		r.w.Objectives = append(r.w.Objectives, o)
	}
}

// objective returns the row of the Objectives sheet with ID id, or nil.
func (r *reader) objective(id string) *Objective {
	for i := range r.w.Objectives {
		if r.w.Objectives[i].ID == id {
			return &r.w.Objectives[i]
		}
	}
	return nil
}

// statusID returns the code of the status the workbook words as name,
// through the status list of the workbook's language, and whether there
// is one.
func (r *reader) statusID(name string) (string, bool) {
	for _, s := range r.l.Statuses {
		if s.Name == name {
			return s.ID, true
		}
	}
	return "", false
}

// statusNames lists the words of the workbook's status list.
func (r *reader) statusNames() string {
	names := make([]string, len(r.l.Statuses))
	for i, s := range r.l.Statuses {
		names[i] = s.Name
	}
	return strings.Join(names, ", ")
}

func (r *reader) readReports(rows [][]string) {
	sh := r.l.Sheets["reporting"]
	pno := map[string]int{}
	for i, p := range r.w.Periods {
		pno[p] = i + 1
	}
	ids := map[string]bool{}
	for _, a := range r.w.Actions {
		ids[a.ID] = true
	}
	first := map[[2]string]int{}
	for i := 2; i <= len(rows); i++ {
		get := func(c int) string { return at(rows, i, c) }
		blank := true
		for c := xlsx.RepPeriod; c <= xlsx.RepDate; c++ {
			if get(c) != "" {
				blank = false
			}
		}
		if blank {
			continue
		}
		if i > xlsx.ReportRows+1 {
			r.probs.Add(cellName(sh, 1, i), "reports go in rows 2 to %d: the workbook's formulas do not see row %d", xlsx.ReportRows+1, i)
			continue
		}
		bad := func(c int, format string, args ...any) { r.probs.Add(cellName(sh, c, i), format, args...) }
		rp := Entry{Row: i, Period: get(xlsx.RepPeriod), Action: get(xlsx.RepAction), Status: get(xlsx.RepStatus),
			Evidence: get(xlsx.RepEvidence), Comment: get(xlsx.RepComment), ReportedBy: get(xlsx.RepReportedBy), fromReportSheet: true}
		switch {
		case rp.Period == "":
			bad(xlsx.RepPeriod, "the period is missing")
		case pno[rp.Period] == 0:
			bad(xlsx.RepPeriod, "%q is not a period of the plan (%s to %s)", rp.Period, r.w.Periods[0], r.w.Periods[len(r.w.Periods)-1])
		}
		rp.periodNo = pno[rp.Period]
		switch {
		case rp.Action == "":
			bad(xlsx.RepAction, "the action ID is missing")
		case !ids[rp.Action]:
			bad(xlsx.RepAction, "unknown action ID %q: it is not in the action plan", rp.Action)
		}
		switch {
		case rp.Status == "":
			bad(xlsx.RepStatus, "the status is missing")
		default:
			var ok bool
			if rp.StatusID, ok = r.statusID(rp.Status); !ok {
				bad(xlsx.RepStatus, "unknown status %q: choose one of %s", rp.Status, r.statusNames())
			}
		}
		if v := get(xlsx.RepProgress); v == "" {
			bad(xlsx.RepProgress, "the progress is missing: a number from 0 to 100")
		} else if x, err := strconv.ParseFloat(v, 64); err != nil {
			bad(xlsx.RepProgress, "progress must be a number from 0 to 100, not %q", v)
		} else if x < 0 || x > 100 {
			bad(xlsx.RepProgress, "progress must be 0-100, not %s", v)
		} else {
			rp.Progress = x
		}
		if v := get(xlsx.RepActual); v != "" {
			x, err := strconv.ParseFloat(v, 64)
			if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
				bad(xlsx.RepActual, "the indicator value must be a number, not %q", v)
			} else {
				rp.Actual = &x
			}
		}
		if v := get(xlsx.RepDate); v != "" {
			d, ok := date(v)
			if !ok {
				bad(xlsx.RepDate, "the date must be a date such as 2027-03-31, not %q", v)
			}
			rp.Date = d
		}
		k := [2]string{rp.Action, rp.Period}
		if j, dup := first[k]; dup && rp.Action != "" && rp.Period != "" {
			bad(xlsx.RepAction, "%s already has a report for %s in row %d: correct that row instead of adding one", rp.Action, rp.Period, j)
		} else {
			first[k] = i
		}
		r.w.Reports = append(r.w.Reports, rp)
	}
}

func (r *reader) readKPIs(rows [][]string) {
	sh := r.l.Sheets["kpis"]
	years := 0
	for c := xlsx.KPIYearCol(0); strings.HasPrefix(at(rows, 1, c), r.l.Target); c += 2 {
		if !strings.HasPrefix(at(rows, 1, c+1), r.l.Actual) {
			r.probs.Add(cellName(sh, c+1, 1), "the column head is %q, want %q and the year", at(rows, 1, c+1), r.l.Actual)
			return
		}
		years++
	}
	num := func(i, c int) *float64 {
		v := at(rows, i, c)
		if v == "" {
			return nil
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			r.probs.Add(cellName(sh, c, i), "must be a number, not %q", v)
			return nil
		}
		return &x
	}
	ids := map[string]bool{}
	for _, a := range r.w.Actions {
		ids[a.ID] = true
	}
	objCol := 0
	for c := xlsx.KPIYearCol(0); c <= len(rows[0]); c++ {
		if at(rows, 1, c) == r.l.KPIObjectives {
			objCol = c
		}
	}
	if objCol == 0 {
		r.probs.Add(cellName(sh, xlsx.KPIYearCol(0), 1), "no column %q: the sheet was changed; restore the column from a fresh workbook", r.l.KPIObjectives)
	}
	seen := map[string]bool{}
	for i := 2; i <= len(rows); i++ {
		id := at(rows, i, xlsx.KPIID)
		if id == "" {
			break
		}
		name := at(rows, i, xlsx.KPIName)
		if seen[id] || name == "" {
			continue
		}
		seen[id] = true
		k := KPI{Row: i, ID: id, Action: at(rows, i, xlsx.KPIAction), Name: name, Unit: at(rows, i, xlsx.KPIUnit)}
		if k.Action != "" && !ids[k.Action] {
			r.probs.Add(cellName(sh, xlsx.KPIAction, i), "unknown action ID %q: it is not in the action plan", k.Action)
		}
		if v := at(rows, i, objCol); v != "" {
			for _, o := range strings.Split(v, ",") {
				o = strings.TrimSpace(o)
				if r.objective(o) == nil {
					r.probs.Add(cellName(sh, objCol, i), "unknown objective %q: it is not on the Objectives sheet", o)
				}
				k.Objectives = append(k.Objectives, o)
			}
		}
		if v := at(rows, i, xlsx.KPIBaselineValue); v != r.l.NoData {
			k.BaselineValue = num(i, xlsx.KPIBaselineValue)
		}
		for y := 0; y < years; y++ {
			k.Targets = append(k.Targets, num(i, xlsx.KPIYearCol(y)))
			if k.Action == "" {
				k.Entered = append(k.Entered, num(i, xlsx.KPIYearCol(y)+1))
			}
		}
		r.w.KPIs = append(r.w.KPIs, k)
	}
}

func (r *reader) readCosts(rows [][]string) {
	sh := r.l.Sheets["costs"]
	r.w.Currency = at(rows, 1, 16)
	rate, err := strconv.ParseFloat(at(rows, 2, 16), 64)
	if err != nil || rate <= 0 || math.IsInf(rate, 0) {
		r.probs.Add(sh+"!"+xlsx.CostRateCell, "the exchange rate must be a number above 0, not %q", at(rows, 2, 16))
		rate = 1
	}
	r.w.Rate = rate
	ids := map[string]bool{}
	for _, a := range r.w.Actions {
		ids[a.ID] = true
	}
	y0, y1 := 0, 0
	if len(r.w.Periods) > 0 {
		y0, _ = strconv.Atoi(r.w.Periods[0][:4])
		y1, _ = strconv.Atoi(r.w.Periods[len(r.w.Periods)-1][:4])
	}
	for i := 2; i <= len(rows); i++ {
		id := at(rows, i, xlsx.CostAction)
		if id == "" || at(rows, i, xlsx.CostYear) == "" && at(rows, i, xlsx.CostPlanned) == "" {
			continue
		}
		c := Cost{Row: i, Action: id, Funding: at(rows, i, xlsx.CostFunding)}
		if !ids[id] {
			r.probs.Add(cellName(sh, xlsx.CostAction, i), "unknown action ID %q: it is not in the action plan", id)
		}
		v := at(rows, i, xlsx.CostYear)
		y, err := strconv.Atoi(v)
		if err != nil || y < y0 || y > y1 {
			r.probs.Add(cellName(sh, xlsx.CostYear, i), "the year must be a year of the plan (%d to %d), not %q", y0, y1, v)
		}
		c.Year = y
		amount := func(col int) float64 {
			v := at(rows, i, col)
			if v == "" {
				return 0
			}
			x, err := strconv.ParseFloat(v, 64)
			if err != nil || x < 0 || math.IsInf(x, 0) {
				r.probs.Add(cellName(sh, col, i), "must be an amount of 0 or more, not %q", v)
				return 0
			}
			return x
		}
		c.PlannedUSD = amount(xlsx.CostPlannedUSD)
		// The planned amount is a formula over the US$ figure until a
		// planner types the budgeted figure over it.
		if fm, _ := r.f.GetCellFormula(sh, cellName("", xlsx.CostPlanned, i)[1:]); fm != "" {
			c.Planned = c.PlannedUSD * rate
		} else {
			c.Planned = amount(xlsx.CostPlanned)
		}
		c.Secured = amount(xlsx.CostSecured)
		c.Pledged = amount(xlsx.CostPledged)
		c.Spent = amount(xlsx.CostSpent)
		r.w.Costs = append(r.w.Costs, c)
	}
}

// date reads a date cell: a serial number (1900 date system) or
// YYYY-MM-DD text. It returns YYYY-MM-DD.
func date(v string) (string, bool) {
	if t, err := time.Parse("2006-01-02", v); err == nil {
		return t.Format("2006-01-02"), true
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || x < 1 || x > 2958465 {
		return "", false
	}
	t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(x))
	return t.Format("2006-01-02"), true
}

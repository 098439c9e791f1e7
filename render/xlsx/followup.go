package xlsx

import (
	"math"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/strategy"
)

// The follow-up sheets. A planning ministry reports on the plan in
// periodic cuts, one row per action and period on the Reporting sheet,
// and keeps every cut; the action plan, the Objectives, the Indicators and
// the Print view follow the latest cut by formulas. Package progress reads
// a filled workbook back and computes the same figures.

// ReportRows is the number of rows of the Reporting sheet that the
// formulas of the other sheets look at: five years of quarterly reports
// on 100 actions.
const ReportRows = 2000

// Columns of the Reporting sheet, 1-based.
const (
	RepPeriod = iota + 1
	RepAction
	RepStatus
	RepProgress
	RepActual
	RepEvidence
	RepComment
	RepReportedBy
	RepDate
	RepKey // hidden: the order of the report, see latestRow
)

// reportingColumns are the columns of the Reporting sheet, in the order
// of the Rep constants.
func (e *encoder) reportingColumns() []column {
	s := e.st
	return []column{
		{"period", "xlsx.col.period", 10, s.inputText},
		{"action", "xlsx.col.actionID", 10, s.inputText},
		{"status", "col.status", 13, s.inputText},
		{"progress", "xlsx.col.progressPct", 10, s.inputNum},
		{"actual", "xlsx.col.actual", 11, s.inputNum},
		{"evidence", "xlsx.col.evidence", 36, s.inputText},
		{"comment", "xlsx.col.comment", 36, s.inputText},
		{"reportedBy", "xlsx.col.reportedBy", 20, s.inputText},
		{"date", "xlsx.col.reportDate", 12, s.inputDate},
		{"key", "xlsx.col.reportKey", 10, s.int},
	}
}

// periods are the reporting periods, the quarters of the plan's years:
// "2027-Q1" to "2031-Q4". Their order is the order of the Lists sheet.
func (e *encoder) periods() []string {
	y0, y1 := e.years()
	var ps []string
	for y := y0; y <= y1 && y > 0; y++ {
		for q := 1; q <= 4; q++ {
			ps = append(ps, strconv.Itoa(y)+"-Q"+strconv.Itoa(q))
		}
	}
	return ps
}

// rep returns an absolute reference to the Reporting rows of column c,
// which the array formulas scan.
func (e *encoder) rep(c int) string {
	n := colName(c)
	return ref(e.name["reporting"], "$"+n+"$2:$"+n+"$"+itoa(ReportRows+1))
}

// repCol returns an absolute reference to the whole column c of the
// Reporting sheet, for INDEX.
func (e *encoder) repCol(c int) string {
	n := colName(c)
	return ref(e.name["reporting"], "$"+n+":$"+n)
}

// keyFormula is the order key of the report at row r of the Reporting
// sheet: the position of its period in the list of periods times 100000
// plus the row, 0 when the row has no known period. The largest key of
// an action's reports is its latest report: of the latest period, and of
// reports of one period the last row.
func (e *encoder) keyFormula(r int) string {
	rs := itoa(r)
	return `IF(OR($A` + rs + `="",$B` + rs + `=""),0,IFERROR(MATCH($A` + rs + "," + e.list.periods + ",0),0)*100000+ROW())"
}

// latestRow is an array expression: the row of the Reporting sheet whose
// report is the latest (by its order key) among those for which cond (an
// array expression) holds, 0 when there is none. A report without a
// known period has no key and is never the latest.
func (e *encoder) latestRow(cond string) string {
	k := e.rep(RepKey)
	return "MOD(MAX((" + cond + ")*(" + k + ">=100000)*" + k + "),100000)"
}

// array writes an array formula into one cell.
func (e *encoder) array(sheet string, col, row int, f string) {
	t, r := excelize.STCellFormulaTypeArray, cell(col, row)
	e.check(e.f.SetCellFormula(sheet, r, f, excelize.FormulaOpts{Type: &t, Ref: &r}))
	e.touch(sheet, col, row)
}

// tracking writes the tracking formulas of the action plan at row r: the
// row of the action's latest report, and from it the period, status,
// progress, date and comment. An action without a report keeps the
// status it was drafted with.
func (e *encoder) tracking(sh string, r int) {
	rs := itoa(r)
	row := "$" + cell(e.pc("reportRow"), r)
	e.array(sh, e.pc("reportRow"), r, e.latestRow(e.rep(RepAction)+"=$A"+rs))
	pick := func(c int) string { return "INDEX(" + e.repCol(c) + "," + row + ")" }
	e.formula(sh, e.pc("latestPeriod"), r, "IF("+row+`=0,"",`+pick(RepPeriod)+`&"")`)
	e.formula(sh, e.pc("status"), r, "IF("+row+"=0,$"+cell(e.pc("initialStatus"), r)+`&"",`+pick(RepStatus)+`&"")`)
	e.formula(sh, e.pc("progress"), r, "IF("+row+"=0,0,N("+pick(RepProgress)+"))")
	e.formula(sh, e.pc("lastUpdate"), r, "IF("+row+`=0,"",IF(ISNUMBER(`+pick(RepDate)+"),"+pick(RepDate)+`,""))`)
	e.formula(sh, e.pc("progressNote"), r, "IF("+row+`=0,"",`+pick(RepComment)+`&"")`)
}

// reporting writes the long-format Reporting sheet: a header, checks on
// every column a reporter fills, and no rows yet.
func (e *encoder) reporting() {
	sh := e.name["reporting"]
	cols := e.reportingColumns()
	e.header(sh, cols, 1, 1)
	whole := func(c int) string { return cell(c, 2) + ":" + cell(c, ReportRows+1) }
	list := func(c int, src, prompt string) {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(whole(c))
		dv.SetSqrefDropList(src)
		dv.SetError(excelize.DataValidationErrorStyleStop, e.l(cols[c-1].head), e.l("xlsx.error.list"))
		if prompt != "" {
			dv.SetInput(e.l(cols[c-1].head), e.l(prompt))
		}
		e.check(e.f.AddDataValidation(sh, dv))
	}
	list(RepPeriod, e.list.periods, "xlsx.prompt.period")
	list(RepAction, ref(e.name["actionPlan"], "$A$2:$A$"+itoa(max(e.planLast, 2))), "xlsx.prompt.action")
	list(RepStatus, e.list.status, "xlsx.prompt.status")
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(whole(RepProgress))
	e.check(dv.SetRange(0, 100, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
	dv.SetError(excelize.DataValidationErrorStyleStop, e.l("xlsx.col.progressPct"), e.l("xlsx.error.progress"))
	dv.SetInput(e.l("xlsx.col.progressPct"), e.l("xlsx.prompt.progress"))
	e.check(e.f.AddDataValidation(sh, dv))
	dv = excelize.NewDataValidation(true)
	dv.SetSqref(whole(RepActual))
	e.check(dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
	dv.SetError(excelize.DataValidationErrorStyleStop, e.l("xlsx.col.actual"), e.l("xlsx.error.number"))
	e.check(e.f.AddDataValidation(sh, dv))
	dv = excelize.NewDataValidation(true)
	dv.SetSqref(whole(RepDate))
	e.check(dv.SetRange(36526, 73050, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween))
	dv.SetError(excelize.DataValidationErrorStyleStop, e.l("xlsx.col.reportDate"), e.l("xlsx.error.date"))
	e.check(e.f.AddDataValidation(sh, dv))
	for r := 2; r <= ReportRows+1; r++ {
		e.formula(sh, RepKey, r, e.keyFormula(r))
	}
	e.check(e.f.SetColVisible(sh, colName(RepKey), false))
	n := len(cols)
	e.colWidth(sh, n+2, n+2, 60)
	e.fixed(sh, n+2, 1, e.l("xlsx.reporting.note"))
	e.style(sh, n+2, 1, n+2, 1, e.st.note)
	e.small(sh)
	e.frame(sh, layout{freeze: "C2", filter: "A1:" + cell(n, 1), titles: "$1:$1"})
}

// objective is a row of the Objectives sheet: a goal of the strategy
// (one per pillar, "G-GOV") or a pillar objective (one per area the plan
// acts on, "O-GOV.STR"), as the draft's Objectives number them, with the
// actions that serve it.
type objective struct {
	id, pillar, text string
	goal             bool
	weight           int // the sum of its actions' weights
	actions          int
}

// objectiveOf returns the ID of the objective an action serves: the
// pillar objective of its area.
func objectiveOf(a strategy.Action) string {
	if a.Area == "" {
		return ""
	}
	return "O-" + a.Area
}

// objectiveList returns the rows of the Objectives sheet in the draft's
// order: the goals, then the pillar objectives. An objective counts the
// actions whose area it covers; a goal, those of its pillar.
func (e *encoder) objectiveList() []objective {
	var out []objective
	for _, o := range e.d.Objectives {
		obj := objective{id: o.ID, pillar: o.Pillar, text: o.Text, goal: o.Area == ""}
		for _, a := range e.d.Actions {
			if obj.goal && a.Pillar == o.Pillar || !obj.goal && objectiveOf(a) == o.ID {
				obj.weight += a.Weight
				obj.actions++
			}
		}
		out = append(out, obj)
	}
	return out
}

// planRange returns an absolute reference to the rows of the action plan
// in column key, for SUMPRODUCT.
func (e *encoder) planRange(key string) string {
	c := colName(e.pc(key))
	return ref(e.name["actionPlan"], "$"+c+"$2:$"+c+"$"+itoa(max(e.planLast, 2)))
}

// objectiveChoice puts a drop-down list of the pillar objectives (rows
// first to last of the Objectives sheet) on the objective ID column of the action
// plan, so that a planner moves an action to an objective that exists.
func (e *encoder) objectiveChoice(first, last int) {
	if last < first {
		return
	}
	c := colName(e.pc("objectiveID"))
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(c + "2:" + c + "1048576")
	dv.SetSqrefDropList(ref(e.name["objectives"], "$A$"+itoa(first)+":$A$"+itoa(last)))
	dv.SetError(excelize.DataValidationErrorStyleStop, e.l("xlsx.col.objectiveID"), e.l("xlsx.error.list"))
	e.check(e.f.AddDataValidation(e.name["actionPlan"], dv))
}

// Columns of the Objectives sheet.
const (
	ObjID = iota + 1
	ObjPillar
	ObjText
	ObjActions
	ObjActionWeights
	ObjWeight
	ObjProgress
)

// objectives writes one row per objective with its weight (to edit) and
// its progress, the latest progress of its actions weighted by their
// weights; then the progress of each pillar weighted by the objective
// weights, and of the whole plan.
func (e *encoder) objectives() {
	sh := e.name["objectives"]
	s := e.st
	cols := []column{
		{"id", "xlsx.col.objectiveID", 11, s.text},
		{"pillar", "col.pillar", 7, s.text},
		{"objective", "xlsx.col.objective", 50, s.text},
		{"actions", "col.actions", 9, s.int},
		{"actionWeights", "xlsx.col.actionWeights", 12, s.int},
		{"weight", "xlsx.col.objectiveWeight", 12, s.inputNum},
		{"progress", "xlsx.col.weightedProgress", 12, s.num2},
	}
	e.header(sh, cols, 1, 1)
	pp, po, pw, pg := e.planRange("pillar"), e.planRange("objectiveID"), e.planRange("weight"), e.planRange("progress")
	r := 2
	objs := e.objectiveList()
	var goals []int
	firstObj := 0
	for _, o := range objs {
		rs := itoa(r)
		e.str(sh, ObjID, r, o.id)
		e.str(sh, ObjPillar, r, o.pillar)
		e.str(sh, ObjText, r, o.text)
		if o.goal {
			match := "(" + pp + "=$B" + rs + ")"
			e.formula(sh, ObjActions, r, "SUMPRODUCT("+match+")")
			e.formula(sh, ObjActionWeights, r, "SUMPRODUCT("+match+"*"+pw+")")
			e.style(sh, ObjID, r, ObjText, r, s.textBold)
			e.style(sh, ObjActions, r, ObjWeight, r, s.intTotal)
			e.style(sh, ObjProgress, r, ObjProgress, r, s.num2Bold)
			goals = append(goals, r)
		} else {
			if firstObj == 0 {
				firstObj = r
			}
			match := "(" + po + "=$A" + rs + ")"
			e.formula(sh, ObjActions, r, "SUMPRODUCT("+match+")")
			e.formula(sh, ObjActionWeights, r, "SUMPRODUCT("+match+"*"+pw+")")
			e.int(sh, ObjWeight, r, o.weight)
			e.formula(sh, ObjProgress, r, "IFERROR(SUMPRODUCT("+match+"*"+pw+"*"+pg+")/$E"+rs+",0)")
		}
		r = e.next(sh, r, 1, o.id)
	}
	last := r - 1
	e.objLast = last
	if firstObj == 0 {
		firstObj = r // no pillar objectives: an empty range below the goals
	}
	// The rows of the pillar objectives, which the goals and the pillars
	// sum up.
	rng := func(c int) string {
		n := colName(c)
		return "$" + n + "$" + itoa(firstObj) + ":$" + n + "$" + itoa(max(last, firstObj))
	}
	for _, g := range goals {
		gs := itoa(g)
		e.formula(sh, ObjWeight, g, "SUMIF("+rng(ObjPillar)+",$B"+gs+","+rng(ObjWeight)+")")
		e.formula(sh, ObjProgress, g, "IFERROR(SUMPRODUCT(("+rng(ObjPillar)+"=$B"+gs+")*"+rng(ObjWeight)+"*"+rng(ObjProgress)+")/$F"+gs+",0)")
	}
	e.objectiveChoice(firstObj, last)
	// Progress by pillar.
	r++
	e.section(sh, r, e.l("xlsx.objectives.byPillar"))
	r++
	e.heads(sh, r, "col.pillar", "xlsx.col.name", "xlsx.col.objectives", "col.actions", "xlsx.col.actionWeights", "xlsx.col.objectiveWeight", "xlsx.col.weightedProgress")
	first := r + 1
	for _, sc := range e.d.Scores {
		if sc.Kind != "pillar" {
			continue
		}
		r++
		rs := itoa(r)
		e.fixed(sh, 1, r, sc.ID)
		e.fixed(sh, 2, r, sc.Name)
		e.formula(sh, 3, r, "COUNTIF("+rng(ObjPillar)+",$A"+rs+")")
		e.formula(sh, 4, r, "SUMIF("+rng(ObjPillar)+",$A"+rs+","+rng(ObjActions)+")")
		e.formula(sh, 5, r, "SUMIF("+rng(ObjPillar)+",$A"+rs+","+rng(ObjActionWeights)+")")
		e.formula(sh, 6, r, "SUMIF("+rng(ObjPillar)+",$A"+rs+","+rng(ObjWeight)+")")
		e.formula(sh, 7, r, "IFERROR(SUMPRODUCT(("+rng(ObjPillar)+"=$A"+rs+")*"+rng(ObjWeight)+"*"+rng(ObjProgress)+")/$F"+rs+",0)")
		e.style(sh, 1, r, 2, r, s.text)
		e.style(sh, 3, r, 6, r, s.int)
		e.style(sh, 7, r, 7, r, s.num2)
	}
	r++
	e.fixed(sh, 1, r, e.l("total"))
	for c := 3; c <= 6; c++ {
		e.formula(sh, c, r, "SUM("+cell(c, first)+":"+cell(c, r-1)+")")
	}
	e.formula(sh, 7, r, "IFERROR(SUMPRODUCT("+rng(ObjWeight)+","+rng(ObjProgress)+")/SUM("+rng(ObjWeight)+"),0)")
	e.style(sh, 1, r, 2, r, s.textBold)
	e.style(sh, 3, r, 6, r, s.intTotal)
	e.style(sh, 7, r, 7, r, s.num2Bold)
	e.note(sh, r+2, len(cols), e.l("xlsx.objectives.note"))
	e.frame(sh, layout{freeze: "B2", filter: "A1:" + cell(len(cols), last), titles: "$1:$1"})
}

// Columns of the Costs sheet.
const (
	CostAction = iota + 1
	CostPillar
	CostYear
	CostFunding
	CostCode
	CostPlannedUSD
	CostPlanned
	CostSecured
	CostPledged
	CostGap
	CostGapUSD
	CostSpent
	CostSpentUSD
)

// CostYearUSD spreads the cost mid-point of an action over the years of
// the plan, in whole US$: a one-off cost over the months of its set-up,
// the last year taking what rounding leaves; a recurrent cost per year,
// for the months the action runs in each year (to the end of the period
// when it goes on). It returns the amounts by year, in order.
func CostYearUSD(mid float64, recurrent, ongoing bool, start, end string, lastYear int) (years []int, usd []float64) {
	m0, ok0 := monthIndex(start)
	m1, ok1 := monthIndex(end)
	if !ok0 || !ok1 || m1 < m0 || mid <= 0 {
		return nil, nil
	}
	if recurrent && ongoing && lastYear > 0 {
		m1 = max(m1, lastYear*12+11)
	}
	span := float64(m1 - m0 + 1)
	left := mid
	for y := m0 / 12; y <= m1/12; y++ {
		from, to := max(m0, y*12), min(m1, y*12+11)
		months := float64(to - from + 1)
		var v float64
		switch {
		case recurrent:
			v = math.Round(mid * months / 12)
		case y == m1/12:
			v = left
		default:
			v = math.Round(mid * months / span)
		}
		left -= v
		years = append(years, y)
		usd = append(usd, v)
	}
	return years, usd
}

// monthIndex returns year*12 + month-1 of a YYYY-MM month.
func monthIndex(ym string) (int, bool) {
	if len(ym) != 7 || ym[4] != '-' {
		return 0, false
	}
	y, err1 := strconv.Atoi(ym[:4])
	m, err2 := strconv.Atoi(ym[5:])
	if err1 != nil || err2 != nil || m < 1 || m > 12 {
		return 0, false
	}
	return y*12 + m - 1, true
}

// Cells of the Costs sheet that hold the currency and the exchange rate.
const (
	CostCurrencyCell = "P1"
	CostRateCell     = "P2"
)

// costs writes the costs of each action per year and funding source in
// long format: planned (from the cost mid-point, in US$ and in the local
// currency at the exchange rate), secured, pledged, the gap, and what was
// spent, with a budget programme code to fill.
func (e *encoder) costs() {
	sh := e.name["costs"]
	s := e.st
	cols := e.costColumns()
	e.header(sh, cols, 1, 1)
	// The currency and the rate, to the right of the table.
	e.colWidth(sh, 14, 14, 3)
	e.colWidth(sh, 15, 15, 30)
	e.colWidth(sh, 16, 16, 12)
	e.fixed(sh, 15, 1, e.l("xlsx.costs.currency"))
	e.fixed(sh, 15, 2, e.l("xlsx.costs.rate"))
	e.style(sh, 15, 1, 15, 2, s.label)
	e.str(sh, 16, 1, "USD")
	e.style(sh, 16, 1, 16, 1, s.inputText)
	e.float(sh, 16, 2, 1)
	e.style(sh, 16, 2, 16, 2, s.inputNum)
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(CostRateCell)
	e.check(dv.SetRange(0, 1e12, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorGreaterThan))
	dv.SetError(excelize.DataValidationErrorStyleStop, e.l("xlsx.costs.rate"), e.l("xlsx.error.number"))
	e.check(e.f.AddDataValidation(sh, dv))
	rate := "$P$2"
	_, y1 := e.years()
	r := 2
	for _, a := range e.d.Actions {
		years, usd := CostYearUSD(e.voc.midpoint(a.CostBand), a.Recurrent, a.Ongoing, a.Start, a.End, y1)
		for i, y := range years {
			rs := itoa(r)
			e.str(sh, CostAction, r, a.ID)
			e.str(sh, CostPillar, r, a.Pillar)
			e.int(sh, CostYear, r, y)
			if len(a.Funding) > 0 {
				e.str(sh, CostFunding, r, a.Funding[0])
			}
			e.float(sh, CostPlannedUSD, r, usd[i])
			e.formula(sh, CostPlanned, r, "$F"+rs+"*"+rate)
			e.formula(sh, CostGap, r, "MAX(0,$G"+rs+"-N($H"+rs+")-N($I"+rs+"))")
			e.formula(sh, CostGapUSD, r, "IFERROR($J"+rs+"/"+rate+",0)")
			e.formula(sh, CostSpentUSD, r, "IFERROR(N($L"+rs+")/"+rate+",0)")
			r = e.next(sh, r, 1, a.ID)
		}
	}
	last := r - 1
	dv = excelize.NewDataValidation(true)
	dv.SetSqref(cell(CostFunding, 2) + ":" + cell(CostFunding, ReportRows+1))
	dv.SetSqrefDropList(e.list.funding)
	dv.SetError(excelize.DataValidationErrorStyleStop, e.l("xlsx.col.mainFunding"), e.l("xlsx.error.list"))
	e.check(e.f.AddDataValidation(sh, dv))
	for _, c := range []int{CostSecured, CostPledged, CostSpent} {
		dv = excelize.NewDataValidation(true)
		dv.SetSqref(cell(c, 2) + ":" + cell(c, ReportRows+1))
		e.check(dv.SetRange(0, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
		dv.SetError(excelize.DataValidationErrorStyleStop, e.l(cols[c-1].head), e.l("xlsx.error.number"))
		e.check(e.f.AddDataValidation(sh, dv))
	}
	e.check(e.f.MergeCell(sh, cell(15, 4), cell(16, 4)))
	e.plain(sh, 15, 4, e.l("xlsx.costs.note"))
	e.style(sh, 15, 4, 16, 4, s.note)
	e.grow(sh, 4, e.l("xlsx.costs.note"), e.span(sh, 15, 16), false)
	e.small(sh)
	e.frame(sh, layout{freeze: "B2", filter: "A1:" + cell(len(cols), max(last, 1)), titles: "$1:$1"})
}

// costColumns are the columns of the Costs sheet, in the order of the
// Cost constants.
func (e *encoder) costColumns() []column {
	s := e.st
	return []column{
		{"action", "xlsx.col.actionID", 9, s.text},
		{"pillar", "col.pillar", 7, s.text},
		{"year", "xlsx.col.year", 7, s.int},
		{"funding", "xlsx.col.mainFunding", 24, s.text},
		{"code", "xlsx.col.programmeCode", 14, s.inputText},
		{"plannedUSD", "xlsx.col.plannedUSD", 13, s.money},
		{"planned", "xlsx.col.plannedLCU", 14, s.money},
		{"secured", "xlsx.col.secured", 14, s.inputNum},
		{"pledged", "xlsx.col.pledged", 14, s.inputNum},
		{"gap", "xlsx.col.gapLCU", 14, s.money},
		{"gapUSD", "xlsx.col.gapUSD", 13, s.money},
		{"spent", "xlsx.col.spent", 14, s.inputNum},
		{"spentUSD", "xlsx.col.spentUSD", 13, s.money},
	}
}

// midpoint returns the mid-point of a cost band.
func (v *vocab) midpoint(id string) float64 {
	for _, b := range v.bands {
		if b.id == id {
			return b.midpoint
		}
	}
	return 0
}

// raciList writes the RACI matrix in long format, one row per action,
// institution and letter, for filters and pivot tables.
func (e *encoder) raciList() {
	sh := e.name["raciList"]
	s := e.st
	cols := []column{
		{"id", "xlsx.col.actionID", 9, s.text},
		{"pillar", "col.pillar", 7, s.text},
		{"action", "col.action", 44, s.text},
		{"institution", "xlsx.col.institution", 40, s.text},
		{"letter", "xlsx.col.letter", 8, s.general},
	}
	e.header(sh, cols, 1, 1)
	m := e.d.Roles.RACI
	act := map[string]int{}
	for i, a := range e.d.Actions {
		act[a.ID] = i
	}
	r := 2
	for i, id := range m.Actions {
		if i >= len(m.Cells) {
			break
		}
		for _, k := range raciLetters {
			for j, v := range m.Cells[i] {
				if v != k || j >= len(m.Columns) {
					continue
				}
				e.str(sh, 1, r, id)
				if ai, ok := act[id]; ok {
					e.str(sh, 2, r, e.d.Actions[ai].Pillar)
					e.str(sh, 3, r, e.d.Actions[ai].Title)
				}
				e.str(sh, 4, r, m.Columns[j])
				e.str(sh, 5, r, v)
				r = e.next(sh, r, 1, id)
			}
		}
	}
	if r > 2 {
		e.raciColours(sh, cell(5, 2)+":"+cell(5, r-1))
	}
	e.frame(sh, layout{freeze: "B2", filter: "A1:" + cell(len(cols), max(r-1, 1)), titles: "$1:$1"})
}

// standingRisks are the risks every plan carries, by label key.
var standingRisks = []struct{ key, likelihood, impact string }{
	{"funding", "high", "high"},
	{"staffing", "high", "high"},
	{"legislative", "medium", "high"},
	{"election", "medium", "medium"},
	{"donorExit", "medium", "high"},
}

// risks writes the risk register, prefilled with the standing risks, each
// owned by the lead ministry until the steering committee names another.
func (e *encoder) risks() {
	sh := e.name["risks"]
	s := e.st
	cols := []column{
		{"risk", "xlsx.col.risk", 18, s.inputText},
		{"text", "xlsx.col.riskDescription", 44, s.inputText},
		{"likelihood", "xlsx.col.likelihood", 11, s.inputText},
		{"impact", "xlsx.col.impact", 11, s.inputText},
		{"owner", "xlsx.col.riskOwner", 26, s.inputText},
		{"mitigation", "xlsx.col.mitigation", 56, s.inputText},
		{"status", "xlsx.col.riskStatus", 24, s.inputText},
	}
	e.header(sh, cols, 1, 1)
	r := 2
	for _, k := range standingRisks {
		name := e.l("xlsx.risk." + k.key)
		e.str(sh, 1, r, name)
		e.str(sh, 2, r, e.l("xlsx.risk."+k.key+".text"))
		e.str(sh, 3, r, e.l("xlsx.risk.level."+k.likelihood))
		e.str(sh, 4, r, e.l("xlsx.risk.level."+k.impact))
		e.str(sh, 5, r, e.d.Meta.Author)
		e.str(sh, 6, r, e.l("xlsx.risk."+k.key+".mitigation"))
		r = e.next(sh, r, 1, name)
	}
	e.frame(sh, layout{freeze: "B2", filter: "A1:" + cell(len(cols), r-1), titles: "$1:$1"})
}

// changeLog writes the change log with its first entry: the workbook as
// produced from the draft.
func (e *encoder) changeLog() {
	sh := e.name["changeLog"]
	s := e.st
	cols := []column{
		{"date", "xlsx.col.changeDate", 11, s.inputDate},
		{"sheet", "xlsx.col.changeSheet", 16, s.inputText},
		{"item", "xlsx.col.changeItem", 18, s.inputText},
		{"before", "xlsx.col.changeBefore", 28, s.inputText},
		{"after", "xlsx.col.changeAfter", 28, s.inputText},
		{"reason", "xlsx.col.changeReason", 40, s.inputText},
		{"by", "xlsx.col.changeBy", 20, s.inputText},
		{"approved", "xlsx.col.changeApproved", 20, s.inputText},
	}
	e.header(sh, cols, 1, 1)
	m := e.d.Meta
	if t, ok := parseDate(m.Date); ok {
		e.int(sh, 1, 2, t)
	}
	e.str(sh, 5, 2, m.Version)
	e.str(sh, 6, 2, e.l("xlsx.changeLog.created"))
	e.str(sh, 7, 2, m.Generator)
	e.frame(sh, layout{freeze: "A2", filter: "A1:" + cell(len(cols), 2), titles: "$1:$1"})
}

// lightColours colours traffic-light words in rng; first is the top-left
// cell of rng, with a relative row.
func (e *encoder) lightColours(sh, rng, first string) {
	s := e.st
	e.check(e.f.SetConditionalFormat(sh, rng, []excelize.ConditionalFormatOptions{
		{Type: "formula", Criteria: first + "=" + e.list.onTrack, Format: &s.onTrack},
		{Type: "formula", Criteria: first + "=" + e.list.atRisk, Format: &s.atRisk},
		{Type: "formula", Criteria: first + "=" + e.list.offTrack, Format: &s.offTrack},
	}))
}

// small records that a sheet has text in the 9-point note style, which
// the print scale must keep legible.
func (e *encoder) small(sh string) {
	if e.smallText == nil {
		e.smallText = map[string]bool{}
	}
	e.smallText[sh] = true
}

// parseDate returns the serial number of a YYYY-MM-DD date.
func parseDate(s string) (int, bool) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, false
	}
	return serial(t), true
}

// printView writes the sheet a steering meeting prints: a dozen columns
// per action, from the action plan and the Indicators by formulas, on A4
// landscape at a legible size.
func (e *encoder) printView() {
	sh := e.name["printView"]
	s := e.st
	cols := []column{
		{"id", "xlsx.col.actionID", 8, s.text},
		{"objective", "xlsx.col.objectiveID", 9.5, s.text},
		{"action", "col.action", 24, s.text},
		{"lead", "col.lead", 15, s.text},
		{"end", "xlsx.col.end", 8.5, s.month},
		{"latestPeriod", "xlsx.col.latestPeriod", 8.5, s.text},
		{"status", "col.status", 11, s.text},
		{"progress", "xlsx.col.progressPct", 8.5, s.general},
		{"kpi", "col.kpi", 19.5, s.text},
		{"target", "xlsx.col.targetValue", 8.5, s.general},
		{"latest", "xlsx.col.latestActual", 8.5, s.general},
		{"light", "xlsx.col.light", 10, s.text},
	}
	e.header(sh, cols, 1, 1)
	plan, kp := e.name["actionPlan"], e.name["kpis"]
	y0, y1 := e.years()
	nYears := 0
	if y0 > 0 {
		nYears = y1 - y0 + 1
	}
	r := 2
	for _, a := range e.d.Actions {
		pr := e.planRow[a.ID]
		from := func(key string) string { return ref(plan, "$"+cell(e.pc(key), pr)) }
		e.str(sh, 1, r, a.ID)
		e.str(sh, 2, r, objectiveOf(a))
		e.str(sh, 3, r, a.Title)
		e.str(sh, 4, r, e.who(a.Lead))
		e.month(sh, 5, r, a.End, true)
		e.formula(sh, 6, r, from("latestPeriod")+`&""`)
		e.formula(sh, 7, r, from("status")+`&""`)
		e.formula(sh, 8, r, from("progress"))
		if k := e.kpiOf[a.ID]; k != nil {
			e.str(sh, 9, r, k.Name)
			kr := e.kpiRow[a.ID]
			if kr > 0 && nYears > 0 {
				t := ref(kp, "$"+cell(KPIYearCol(nYears-1), kr))
				e.formula(sh, 10, r, "IF(ISNUMBER("+t+"),"+t+`,"")`)
				e.formula(sh, 11, r, ref(kp, "$"+cell(KPIYearCol(nYears), kr)))
				e.formula(sh, 12, r, ref(kp, "$"+cell(KPIYearCol(nYears)+1, kr))+`&""`)
			}
		}
		r = e.next(sh, r, 1, a.ID)
	}
	if r > 2 {
		e.lightColours(sh, cell(12, 2)+":"+cell(12, r-1), "$L2")
	}
	e.frame(sh, layout{freeze: "C2", filter: "A1:" + cell(len(cols), max(r-1, 1)), titles: "$1:$1"})
}

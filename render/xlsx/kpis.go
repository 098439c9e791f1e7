package xlsx

import (
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/strategy"
)

// Columns of the Indicators sheet before the years; each year then has a
// target and an actual column, followed by the latest actual and the
// traffic light (see KPIYearCol).
const (
	KPIID = iota + 1
	KPIAction
	KPIType
	KPIName
	KPIUnit
	KPIBaselineValue
	KPIBaselineYear
	kpiFirstYear
)

// KPIYearCol returns the column of the target of year i (0 for the first
// year of the plan); the actual is the column after it.
func KPIYearCol(i int) int { return kpiFirstYear + 2*i }

// Light is the traffic light of a KPI: how its latest actual compares
// with the target of its year. dir is 1 when a higher value is better, -1
// when lower is; base is the baseline value (0 when there is none).
// Actuals and targets are numbers; ok is false when there is no actual or
// no target for the year of the latest actual.
func Light(actual, target, base float64, dir int) string {
	d := float64(dir)
	switch {
	case d*(actual-target) >= 0:
		return "onTrack"
	case d*(actual-target) >= -0.25*abs(target-base):
		return "atRisk"
	default:
		return "offTrack"
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// Direction returns 1 when a KPI's targets rise from its baseline (or it
// has no baseline), -1 when they fall: a median time to triage.
func Direction(k *strategy.KPI) int {
	if k.BaselineValue == nil {
		return 1
	}
	for i := len(k.Yearly) - 1; i >= 0; i-- {
		if v := k.Yearly[i].Value; v != nil {
			if *v < *k.BaselineValue {
				return -1
			}
			return 1
		}
	}
	return 1
}

// kpiColumns are the columns of the Indicators sheet before the years.
func kpiColumns(e *encoder) []column {
	s := e.st
	return []column{
		{"id", "xlsx.col.kpiID", 13, s.text},
		{"action", "xlsx.col.actionID", 9, s.text},
		{"type", "xlsx.col.type", 9, s.text},
		{"kpi", "col.kpi", 40, s.text},
		{"unit", "xlsx.col.unit", 12, s.text},
		{"baselineValue", "xlsx.col.baselineValue", 10, s.general},
		{"baselineYear", "xlsx.col.baselineYear", 8, s.int},
	}
}

// kpis writes one row per KPI of an action and then per outcome
// indicator of the strategy: its measure (type, unit, baseline value and
// year, or "no data"), a numeric target and an actual for each year of
// the period, the latest actual and a traffic light; then the maturity
// levels of the indicator it serves, how it is counted, from what source,
// held by whom, and its breakdowns. The actuals of an action's KPI come
// from the Reporting sheet; those of an outcome indicator are entered.
func (e *encoder) kpis() {
	sh := e.name["kpis"]
	s := e.st
	before := kpiColumns(e)
	y0, y1 := e.years()
	nYears := 0
	if y0 > 0 {
		nYears = y1 - y0 + 1
	}
	e.header(sh, before, 1, 1)
	for i := 0; i < nYears; i++ {
		c := KPIYearCol(i)
		y := strconv.Itoa(y0 + i)
		e.colWidth(sh, c, c+1, 9)
		e.check(e.f.SetColStyle(sh, colName(c), s.general))
		e.check(e.f.SetColStyle(sh, colName(c+1), s.general))
		e.head(sh, c, 1, e.l("xlsx.col.targetValue")+" "+y)
		e.head(sh, c+1, 1, e.l("xlsx.col.actualValue")+" "+y)
	}
	latest := KPIYearCol(nYears)
	light := latest + 1
	e.colWidth(sh, latest, latest, 9)
	e.colWidth(sh, light, light, 11)
	e.check(e.f.SetColStyle(sh, colName(latest), s.general))
	e.check(e.f.SetColStyle(sh, colName(light), s.text))
	e.head(sh, latest, 1, e.l("xlsx.col.latestActual"))
	e.head(sh, light, 1, e.l("xlsx.col.light"))
	e.style(sh, kpiFirstYear, 1, light, 1, s.headerCenter)
	levels := light + 1
	for i := 0; i < nYears; i++ {
		c := levels + i
		e.colWidth(sh, c, c, 7)
		e.check(e.f.SetColStyle(sh, colName(c), s.int))
		e.head(sh, c, 1, e.l("xlsx.col.levelTarget")+" "+strconv.Itoa(y0+i))
	}
	if nYears > 0 {
		e.style(sh, levels, 1, levels+nYears-1, 1, s.headerCenter)
	}
	after := []column{
		{"indicator", "col.indicator", 11, s.text},
		{"baseline", "col.baseline", 9, s.int},
		{"baselineText", "xlsx.col.baselineText", 40, s.text},
		{"targetYear", "xlsx.col.targetYear", 8, s.int},
		{"target", "col.targetLevel", 8, s.int},
		{"targetText", "xlsx.col.targetText", 40, s.text},
		{"frequency", "col.frequency", 12, s.text},
		{"rule", "xlsx.col.rule", 40, s.text},
		{"source", "col.source", 30, s.text},
		{"sourceOwner", "xlsx.col.sourceOwner", 26, s.text},
		{"owner", "col.owner", 26, s.text},
		{"disaggregation", "xlsx.col.disaggregation", 18, s.text},
		{"baselineFrom", "xlsx.col.baselineFrom", 30, s.text},
		{"dataAction", "xlsx.col.dataAction", 11, s.text},
		{"objectives", "xlsx.col.objectives", 14, s.text},
	}
	next := levels + nYears
	e.header(sh, after, 1, next)
	e.kpiRow = map[string]int{}
	r := 2
	rows := make([]strategy.KPI, 0, len(e.d.KPIs)+len(e.d.Outcomes))
	rows = append(rows, e.d.KPIs...)
	rows = append(rows, e.d.Outcomes...)
	for i := range rows {
		k := &rows[i]
		outcome := i >= len(e.d.KPIs)
		e.str(sh, KPIID, r, k.ID)
		e.str(sh, KPIAction, r, k.Action)
		if _, ok := e.kpiRow[k.Action]; !ok && k.Action != "" && !outcome {
			e.kpiRow[k.Action] = r
		}
		e.str(sh, KPIType, r, k.TypeName)
		e.str(sh, KPIName, r, k.Name)
		e.str(sh, KPIUnit, r, k.Unit)
		if k.BaselineValue != nil {
			e.float(sh, KPIBaselineValue, r, *k.BaselineValue)
		} else {
			e.str(sh, KPIBaselineValue, r, e.l("xlsx.kpi.noData"))
		}
		if k.BaselineYear > 0 {
			e.int(sh, KPIBaselineYear, r, k.BaselineYear)
		}
		for _, t := range k.Yearly {
			if t.Year >= y0 && t.Year <= y1 {
				if t.Value != nil {
					e.float(sh, KPIYearCol(t.Year-y0), r, *t.Value)
				}
				e.int(sh, levels+t.Year-y0, r, t.Level)
			}
		}
		for j := 0; j < nYears; j++ {
			c := KPIYearCol(j) + 1
			if outcome || k.Action == "" {
				e.style(sh, c, r, c, r, s.inputNum)
				continue
			}
			e.array(sh, c, r, e.actualFormula(r, y0+j))
		}
		e.formula(sh, latest, r, e.latestFormula(r, nYears))
		e.formula(sh, light, r, e.lightFormula(k, r, nYears))
		put := func(c int, v string) { e.str(sh, next+c, r, v) }
		put(0, k.Indicator)
		if k.Baseline > 0 {
			e.int(sh, next+1, r, k.Baseline)
		}
		put(2, k.BaselineText)
		if k.TargetYear > 0 {
			e.int(sh, next+3, r, k.TargetYear)
		}
		if k.Target > 0 {
			e.int(sh, next+4, r, k.Target)
		}
		put(5, k.TargetText)
		put(6, k.Frequency)
		put(7, k.Rule)
		put(8, k.Source)
		put(9, k.SourceOwner)
		put(10, k.Owner)
		put(11, strings.Join(k.DisaggregationNames, "; "))
		put(12, k.BaselineFrom)
		put(13, k.DataAction)
		put(14, strings.Join(k.Objectives, ", "))
		r = e.next(sh, r, 1, k.ID)
	}
	last := r - 1
	if last >= 2 {
		e.lightColours(sh, cell(light, 2)+":"+cell(light, last), "$"+cell(light, 2))
	}
	lastCol := next + len(after) - 1
	e.note(sh, last+2, 8, e.l("xlsx.kpis.note"))
	e.frame(sh, layout{freeze: "E2", filter: "A1:" + cell(lastCol, max(last, 1)), titles: "$1:$1"})
}

// actualFormula is the actual of the KPI at row r in year y: the
// indicator value of the latest report of its action in a period of that
// year, or "" when there is none.
func (e *encoder) actualFormula(r, y int) string {
	cond := "(" + e.rep(RepAction) + "=$B" + itoa(r) + ")*(LEFT(" + e.rep(RepPeriod) + `,4)="` + itoa(y) + `")*ISNUMBER(` + e.rep(RepActual) + ")"
	row := e.latestRow(cond)
	return "IF(" + row + `=0,"",INDEX(` + e.repCol(RepActual) + "," + row + "))"
}

// latestFormula is the latest actual of the KPI at row r: the actual of
// the last year that has one.
func (e *encoder) latestFormula(r, nYears int) string {
	f := `""`
	for j := 0; j < nYears; j++ {
		a := cell(KPIYearCol(j)+1, r)
		f = "IF(ISNUMBER(" + a + ")," + a + "," + f + ")"
	}
	return f
}

// lightFormula is the traffic light of the KPI at row r (see Light): the
// latest actual against the target of its year.
func (e *encoder) lightFormula(k *strategy.KPI, r, nYears int) string {
	base := 0.0
	if k.BaselineValue != nil {
		base = *k.BaselineValue
	}
	dir := strconv.Itoa(Direction(k))
	b := strconv.FormatFloat(base, 'g', -1, 64)
	f := e.list.noData
	for j := 0; j < nYears; j++ {
		a, t := cell(KPIYearCol(j)+1, r), cell(KPIYearCol(j), r)
		diff := dir + "*(" + a + "-" + t + ")"
		l := "IF(NOT(ISNUMBER(" + t + "))," + e.list.noData + ",IF(" + diff + ">=0," + e.list.onTrack +
			",IF(" + diff + ">=-0.25*ABS(" + t + "-(" + b + "))," + e.list.atRisk + "," + e.list.offTrack + ")))"
		f = "IF(ISNUMBER(" + a + ")," + l + "," + f + ")"
	}
	return f + `&""`
}

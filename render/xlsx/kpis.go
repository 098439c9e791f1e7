package xlsx

import "strconv"

// kpis writes one row per KPI: its baseline from the assessment, its
// target level for each year of the period (one column per year), the
// final target, how often it is measured, from what source and by whom.
func (e *encoder) kpis() {
	sh := e.name["kpis"]
	s := e.st
	before := []column{
		{"id", "xlsx.col.kpiID", 13, s.text},
		{"action", "xlsx.col.actionID", 9, s.text},
		{"indicator", "col.indicator", 11, s.text},
		{"kpi", "col.kpi", 40, s.text},
		{"baseline", "col.baseline", 9, s.int},
		{"baselineText", "xlsx.col.baselineText", 44, s.text},
	}
	after := []column{
		{"targetYear", "xlsx.col.targetYear", 8, s.int},
		{"target", "col.targetLevel", 8, s.int},
		{"targetText", "xlsx.col.targetText", 44, s.text},
		{"frequency", "col.frequency", 12, s.text},
		{"source", "col.source", 36, s.text},
		{"owner", "col.owner", 30, s.text},
	}
	y0, y1 := e.years()
	nYears := 0
	if y0 > 0 {
		nYears = y1 - y0 + 1
	}
	e.header(sh, before, 1, 1)
	first := len(before) + 1
	for i := 0; i < nYears; i++ {
		c := first + i
		e.colWidth(sh, c, c, 7)
		e.check(e.f.SetColStyle(sh, colName(c), s.int))
		e.head(sh, c, 1, e.l("xlsx.col.yearTarget")+" "+strconv.Itoa(y0+i))
	}
	if nYears > 0 {
		e.style(sh, first, 1, first+nYears-1, 1, s.headerCenter)
	}
	next := first + nYears
	e.header(sh, after, 1, next)
	r := 2
	for _, k := range e.d.KPIs {
		e.str(sh, 1, r, k.ID)
		e.str(sh, 2, r, k.Action)
		e.str(sh, 3, r, k.Indicator)
		e.str(sh, 4, r, k.Name)
		if k.Baseline > 0 {
			e.int(sh, 5, r, k.Baseline)
		}
		e.str(sh, 6, r, k.BaselineText)
		for _, t := range k.Yearly {
			if t.Year >= y0 && t.Year <= y1 {
				e.int(sh, first+t.Year-y0, r, t.Level)
			}
		}
		if k.TargetYear > 0 {
			e.int(sh, next, r, k.TargetYear)
		}
		e.int(sh, next+1, r, k.Target)
		e.str(sh, next+2, r, k.TargetText)
		e.str(sh, next+3, r, k.Frequency)
		e.str(sh, next+4, r, k.Source)
		e.str(sh, next+5, r, k.Owner)
		r = e.next(sh, r, 1, k.ID)
	}
	lastCol := next + len(after) - 1
	e.frame(sh, layout{freeze: "B2", filter: "A1:" + cell(lastCol, r-1), titles: "$1:$1"})
}

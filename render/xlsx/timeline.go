package xlsx

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/strategy"
)

// years returns the first and last year of the strategy period, widened to
// cover every action and KPI target.
func (e *encoder) years() (int, int) {
	y0, y1 := e.d.Meta.StartYear, e.d.Meta.HorizonYear
	widen := func(y int) {
		if y <= 0 {
			return
		}
		if y0 <= 0 || y < y0 {
			y0 = y
		}
		if y > y1 {
			y1 = y
		}
	}
	for _, a := range e.d.Actions {
		widen(yearOf(a.Start))
		widen(yearOf(a.End))
	}
	for _, k := range e.d.KPIs {
		for _, t := range k.Yearly {
			widen(t.Year)
		}
	}
	if y0 <= 0 {
		y0 = y1
	}
	return y0, y1
}

func yearOf(ym string) int {
	if i := strings.IndexByte(ym, '-'); i > 0 {
		y, _ := strconv.Atoi(ym[:i])
		return y
	}
	return 0
}

// timeline writes a Gantt-like view by quarter. Start, end and status are
// looked up in the action plan by action ID, and each quarter cell is a
// formula that marks the quarters the action runs in; conditional
// formatting fills them — dark while planned or running, grey once
// completed, red with a white mark when delayed, light with an arrow for
// recurrent work that goes on after its set-up — so the view follows the
// plan as it is updated.
func (e *encoder) timeline() {
	sh := e.name["timeline"]
	s := e.st
	cols := []column{
		{"id", "xlsx.col.actionID", 9, s.text},
		{"action", "col.action", 40, s.text},
		{"lead", "col.lead", 34, s.text},
		{"start", "xlsx.col.start", 9, s.month},
		{"end", "xlsx.col.end", 9, s.month},
		{"status", "col.status", 12, s.text},
		{"ongoing", "xlsx.col.ongoingFrom", 9, s.month},
	}
	const hr = 2
	e.header(sh, cols, hr, 1)
	e.plain(sh, 1, 1, e.l("chart.timeline"))
	e.check(e.f.MergeCell(sh, "A1", cell(len(cols), 1)))
	e.style(sh, 1, 1, len(cols), 1, s.section)
	y0, y1 := e.years()
	first := len(cols) + 1
	type quarter struct{ y, q int }
	var qs []quarter
	for y := y0; y <= y1 && y > 0; y++ {
		for q := 1; q <= 4; q++ {
			qs = append(qs, quarter{y, q})
		}
	}
	lastCol := first + len(qs) - 1
	if len(qs) > 0 {
		e.colWidth(sh, first, lastCol, 4.5)
		e.check(e.f.SetColStyle(sh, colName(first)+":"+colName(lastCol), s.quarter))
		for i := 0; i < len(qs); i += 4 {
			c := first + i
			e.plain(sh, c, 1, strconv.Itoa(qs[i].y))
			e.check(e.f.MergeCell(sh, cell(c, 1), cell(c+3, 1)))
			e.style(sh, c, 1, c+3, 1, s.headerCenter)
		}
		for i, q := range qs {
			e.plain(sh, first+i, hr, e.l("xlsx.quarter")+strconv.Itoa(q.q))
		}
		e.style(sh, first, hr, lastCol, hr, s.headerCenter)
	}
	match := func(key string, r int) string {
		return "INDEX(" + e.planRef(key) + ",MATCH($A" + itoa(r) + "," + e.planRef("id") + ",0))"
	}
	r := hr + 1
	for _, a := range e.d.Actions {
		e.str(sh, 1, r, a.ID)
		e.str(sh, 2, r, a.Title)
		e.str(sh, 3, r, e.who(a.Lead))
		e.formula(sh, 4, r, "IFERROR("+match("start", r)+`,"")`)
		e.formula(sh, 5, r, "IFERROR("+match("end", r)+`,"")`)
		e.formula(sh, 6, r, "IFERROR("+match("status", r)+`&"","")`)
		e.formula(sh, 7, r, "IFERROR(IF("+match("ongoing", r)+`="","",`+match("ongoing", r)+`),"")`)
		rs := itoa(r)
		for j, q := range qs {
			from := "DATE(" + itoa(q.y) + "," + itoa(3*q.q-2) + ",1)"
			to := "DATE(" + itoa(q.y) + "," + itoa(3*q.q+1) + ",1)"
			if q.q == 4 {
				to = "DATE(" + itoa(q.y+1) + ",1,1)"
			}
			e.formula(sh, first+j, r, "IF(AND(ISNUMBER($D"+rs+"),ISNUMBER($E"+rs+"),$D"+rs+"<"+to+",$E"+rs+">="+from+`),"■",`+
				"IF(AND(ISNUMBER($G"+rs+"),$G"+rs+"<"+to+`),"→",""))`)
		}
		r = e.next(sh, r, 1, a.ID)
	}
	last := r - 1
	if len(qs) > 0 && len(e.d.Actions) > 0 {
		tl := cell(first, hr+1)
		status := "$F" + itoa(hr+1)
		on := tl + `<>""`
		rules := []excelize.ConditionalFormatOptions{
			{Type: "formula", Criteria: "AND(" + on + "," + status + "=" + quote(e.status(strategy.StatusDelayed)) + ")", Format: &s.delayRun, StopIfTrue: true},
			{Type: "formula", Criteria: "AND(" + on + "," + status + "=" + quote(e.status(strategy.StatusCompleted)) + ")", Format: &s.completedRun, StopIfTrue: true},
			{Type: "formula", Criteria: tl + `="→"`, Format: &s.ongoingRun, StopIfTrue: true},
			{Type: "formula", Criteria: on, Format: &s.running},
		}
		e.check(e.f.SetConditionalFormat(sh, tl+":"+cell(lastCol, last), rules))
	}
	e.note(sh, last+2, len(cols), e.l("xlsx.timeline.note"))
	e.frame(sh, layout{freeze: "C3", filter: "A2:" + cell(max(lastCol, len(cols)), last), titles: "$1:$2"})
}

// quote writes s as a string literal in a formula.
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

package xlsx

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/strategy"
)

// planColumns are the columns of the action plan, in the order of a
// CONPES follow-up plan: what and why, when, who, how it is measured,
// what it costs and who pays, then the tracking columns: formulas that
// show the latest report of the action on the Reporting sheet.
func (e *encoder) planColumns() []column {
	s := e.st
	return []column{
		{"id", "xlsx.col.actionID", 8.5, s.text},
		{"pillar", "col.pillar", 6.5, s.text},
		{"objectiveID", "xlsx.col.objectiveID", 11, s.text},
		{"objective", "xlsx.col.objective", 30, s.text},
		{"action", "col.action", 34, s.text},
		{"description", "xlsx.col.description", 44, s.text},
		{"closes", "col.closes", 11, s.text},
		{"horizon", "col.horizon", 13, s.text},
		{"minimum", "xlsx.col.minimumPath", 8.5, s.text},
		{"start", "xlsx.col.start", 8.5, s.month},
		{"end", "xlsx.col.end", 8.5, s.month},
		{"ongoing", "xlsx.col.ongoingFrom", 8.5, s.month},
		{"milestone", "milestone", 30, s.text},
		{"lead", "col.lead", 22, s.text},
		{"responsible", "col.support", 22, s.text},
		{"consulted", "xlsx.col.consulted", 22, s.text},
		{"informed", "xlsx.col.informed", 18, s.text},
		{"contact", "xlsx.col.contact", 20, s.text},
		{"kpi", "col.kpi", 26, s.text},
		{"kpiTarget", "xlsx.col.kpiTarget", 7.5, s.int},
		{"weight", "xlsx.col.weight", 7.5, s.int},
		{"band", "xlsx.col.costBand", 6.5, s.text},
		{"costType", "xlsx.col.costType", 10, s.text},
		{"midpoint", "xlsx.col.midpoint", 11, s.money},
		{"funding", "xlsx.col.mainFunding", 20, s.text},
		{"otherFunding", "xlsx.col.otherFunding", 18, s.text},
		{"dependsOn", "xlsx.col.dependsOn", 10, s.text},
		{"latestPeriod", "xlsx.col.latestPeriod", 9, s.text},
		{"status", "col.status", 12, s.text},
		{"progress", "xlsx.col.progressPct", 9, s.general},
		{"lastUpdate", "xlsx.col.lastUpdate", 11, s.date},
		{"progressNote", "xlsx.col.progressNote", 26, s.text},
		{"note", "xlsx.col.note", 30, s.text},
		{"initialStatus", "xlsx.col.initialStatus", 12, s.text},
		{"reportRow", "xlsx.col.reportRow", 9, s.int},
	}
}

// pc returns the 1-based column of the action plan's column key.
func (e *encoder) pc(key string) int {
	for i, c := range e.plan {
		if c.key == key {
			return i + 1
		}
	}
	panic("xlsx: no action plan column " + key)
}

// planRef returns an absolute reference to a whole column of the action
// plan, for SUMIFS, COUNTIFS and lookups that keep working when a planner
// adds rows.
func (e *encoder) planRef(key string) string {
	c := colName(e.pc(key))
	return ref(e.name["actionPlan"], "$"+c+":$"+c)
}

// who names the stakeholder of an assignment, or the role nobody fills.
func (e *encoder) who(a strategy.Assignment) string {
	if a.Gap {
		return a.Name + " (" + e.l("unfilled") + ")"
	}
	return a.Name
}

func (e *encoder) whoAll(as []strategy.Assignment) string {
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = e.who(a)
	}
	return join(names, "; ")
}

// actionPlan writes one row per action.
func (e *encoder) actionPlan() {
	sh := e.name["actionPlan"]
	e.header(sh, e.plan, 1, 1)
	band := colName(e.pc("band"))
	r := 2
	e.planRow = map[string]int{}
	for _, a := range e.d.Actions {
		if _, ok := e.planRow[a.ID]; !ok {
			e.planRow[a.ID] = r
		}
		put := func(key, s string) { e.str(sh, e.pc(key), r, s) }
		put("id", a.ID)
		put("pillar", a.Pillar)
		put("objectiveID", objectiveOf(a))
		put("objective", a.Objective)
		put("action", a.Title)
		put("description", a.Description)
		put("closes", strings.Join(a.Indicators, ", "))
		put("horizon", e.voc.horizon(a.Horizon))
		if a.MinimumPath {
			put("minimum", e.l("xlsx.yes"))
		}
		e.month(sh, e.pc("start"), r, a.Start, false)
		e.month(sh, e.pc("end"), r, a.End, true)
		if a.Ongoing {
			e.month(sh, e.pc("ongoing"), r, a.OngoingFrom, false)
		}
		put("milestone", a.Milestone)
		put("lead", e.who(a.Lead))
		put("responsible", e.whoAll(a.Responsible))
		put("consulted", e.whoAll(a.Consulted))
		put("informed", e.whoAll(a.Informed))
		put("contact", a.Lead.Contact)
		if k := e.kpiOf[a.ID]; k != nil {
			put("kpi", k.Name)
			e.int(sh, e.pc("kpiTarget"), r, k.Target)
		}
		e.int(sh, e.pc("weight"), r, a.Weight)
		put("band", a.CostBand)
		if a.Recurrent {
			put("costType", e.l("xlsx.recurrent"))
		} else {
			put("costType", e.l("xlsx.oneOff"))
		}
		e.formula(sh, e.pc("midpoint"), r, "IFERROR(VLOOKUP("+band+itoa(r)+","+e.list.bandTable+",3,FALSE),0)")
		if len(a.Funding) > 0 {
			put("funding", a.Funding[0])
			put("otherFunding", strings.Join(a.Funding[1:], "; "))
		}
		put("dependsOn", strings.Join(a.DependsOn, ", "))
		put("initialStatus", a.Status)
		e.tracking(sh, r)
		put("note", a.Note)
		r = e.next(sh, r, e.pc("id"), a.ID)
	}
	e.planLast = r - 1
	e.planValidations(sh)
	// The status when drafted and the row of the latest report are
	// helpers of the tracking formulas: hidden, not deleted.
	for _, k := range []string{"initialStatus", "reportRow"} {
		e.check(e.f.SetColVisible(sh, colName(e.pc(k)), false))
	}
	e.frame(sh, layout{freeze: "C2", filter: "A1:" + cell(len(e.plan), r-1), titles: "$1:$1"})
}

// planValidations puts drop-down lists on the columns a planner changes,
// fed from the Lists sheet.
func (e *encoder) planValidations(sh string) {
	whole := func(key string) string {
		c := colName(e.pc(key))
		return c + "2:" + c + "1048576"
	}
	lists := []struct{ key, src string }{
		{"horizon", e.list.horizons},
		{"band", e.list.bands},
		{"costType", e.list.costTypes},
		{"funding", e.list.funding},
	}
	for _, l := range lists {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(whole(l.key))
		dv.SetSqrefDropList(l.src)
		dv.SetError(excelize.DataValidationErrorStyleStop, e.l(headOf(e.plan, l.key)), e.l("xlsx.error.list"))
		e.check(e.f.AddDataValidation(sh, dv))
	}
}

func headOf(cols []column, key string) string {
	for _, c := range cols {
		if c.key == key {
			return c.head
		}
	}
	return key
}

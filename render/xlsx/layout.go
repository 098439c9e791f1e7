package xlsx

import (
	"github.com/ncskit/ncskit/strategy"
)

// Layout is where the follow-up workbook keeps what package progress
// reads back: the names of its sheets and the heads of the columns, in
// one language. Column positions are the exported constants (RepPeriod,
// ObjWeight, KPIName, CostPlanned...) and PlanColumn.
type Layout struct {
	// Sheets maps a sheet key (actionPlan, reporting, objectives, kpis,
	// costs, lists) to its name.
	Sheets map[string]string
	// Plan, Reporting, Objectives and Costs are the column heads of those
	// sheets, in order.
	Plan, Reporting, Objectives, Costs []string
	// KPIs are the heads of the Indicators columns before the years.
	KPIs []string
	// KPIObjectives is the head of the Indicators column that lists the
	// objectives an outcome indicator measures, after the years.
	KPIObjectives string
	// Target and Actual start the heads of a year's columns on the
	// Indicators sheet ("Target 2027", "Actual 2027").
	Target, Actual string
	// Statuses are the status list: each status's code (the strategy
	// package's Status* constants) with the word the workbook shows, in
	// the list's order: not started, in progress, completed, delayed,
	// cancelled.
	Statuses []strategy.VocabularyTerm
	// Lights are the words of the traffic light by key: onTrack, atRisk,
	// offTrack, noData.
	Lights map[string]string
	// NoData is what a KPI without a baseline value shows in its place.
	NoData string
}

// Columns of the Lists sheet that package progress reads.
const (
	ListStatus = lStatus
	ListPeriod = lPeriod
)

// PlanColumn returns the 1-based column of the action plan's column key
// ("id", "pillar", "objective", "action", "end", "weight",
// "initialStatus"...), or 0 when there is none.
func PlanColumn(key string) int {
	for i, c := range (&encoder{}).planColumns() {
		if c.key == key {
			return i + 1
		}
	}
	return 0
}

// FollowupLayout returns the layout of the follow-up workbook in lang.
func FollowupLayout(lang string) (*Layout, error) {
	labels, voc, err := strategy.LabelsIn(lang)
	if err != nil {
		return nil, err
	}
	e := &encoder{d: &strategy.Draft{Labels: labels, Vocabulary: voc}}
	l := &Layout{Sheets: map[string]string{}, Lights: map[string]string{}}
	used := map[string]bool{}
	for _, s := range sheets {
		l.Sheets[s.key] = sheetName(e.l("xlsx.sheet."+s.key), used)
	}
	heads := func(cols []column) []string {
		out := make([]string, len(cols))
		for i, c := range cols {
			out[i] = e.l(c.head)
		}
		return out
	}
	l.Plan = heads(e.planColumns())
	l.Reporting = heads(e.reportingColumns())
	l.Objectives = []string{e.l("xlsx.col.objectiveID"), e.l("col.pillar"), e.l("xlsx.col.objective"), e.l("col.actions"),
		e.l("xlsx.col.actionWeights"), e.l("xlsx.col.objectiveWeight"), e.l("xlsx.col.weightedProgress")}
	l.KPIs = heads(kpiColumns(e))
	l.Costs = heads(e.costColumns())
	l.KPIObjectives = e.l("xlsx.col.objectives")
	l.Target, l.Actual = e.l("xlsx.col.targetValue")+" ", e.l("xlsx.col.actualValue")+" "
	l.Statuses = voc.Statuses
	for _, k := range []string{"onTrack", "atRisk", "offTrack", "noData"} {
		l.Lights[k] = e.l("xlsx.light." + k)
	}
	l.NoData = e.l("xlsx.kpi.noData")
	return l, nil
}

// statuses are the words of the status list, in its order.
func (e *encoder) statuses() []string {
	out := make([]string, len(e.d.Vocabulary.Statuses))
	for i, s := range e.d.Vocabulary.Statuses {
		out[i] = s.Name
	}
	return out
}

// status is the word of the status code id (a strategy.Status* constant).
func (e *encoder) status(id string) string { return e.d.Vocabulary.StatusName(id) }

package strategy

import (
	"math"
	"strconv"
	"strings"
)

// The indicators as the documents show them: the strategy's outcome
// indicators in its monitoring chapter, and every KPI with how it is
// counted in the implementation plan.

// number writes a value of a measure: whole numbers with thousands
// separators, else one decimal.
func (b *builder) number(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return b.loc.Int(int64(v))
	}
	return b.loc.Decimal(v, 1)
}

// baselineCell is a KPI's baseline: its value and year, with where it
// comes from when long is set, or "No data" and the action that measures
// it.
func (b *builder) baselineCell(k KPI, long bool) string {
	if k.BaselineValue == nil {
		s := b.label("kpi.noData")
		if k.DataAction != "" {
			s += " (" + b.label("kpi.measuredBy") + " " + k.DataAction + ")"
		}
		return s
	}
	s := b.number(*k.BaselineValue) + " (" + strconv.Itoa(k.BaselineYear) + ")"
	if long && k.BaselineFrom != "" {
		s += b.loc.Colon() + k.BaselineFrom
	}
	return s
}

// targetsCell lists a KPI's numeric target for each year: "2027: 52;
// 2028: 58".
func (b *builder) targetsCell(k KPI) string {
	var parts []string
	for _, t := range k.Yearly {
		if t.Value != nil {
			parts = append(parts, strconv.Itoa(t.Year)+b.loc.Colon()+b.number(*t.Value))
		}
	}
	return strings.Join(parts, b.loc.Semicolon())
}

// unitCell is a KPI's unit and type: "incidents; outcome".
func (b *builder) unitCell(k KPI) string {
	return k.Unit + b.loc.Semicolon() + strings.ToLower(k.TypeName)
}

// measureCell is a KPI's name with how it is counted and its breakdowns.
func (b *builder) measureCell(k KPI) string {
	s := k.Name + ". " + b.label("kpi.rule") + b.loc.Colon() + k.Rule
	if len(k.DisaggregationNames) > 0 {
		s += " " + b.label("kpi.by") + b.loc.Colon() + strings.Join(k.DisaggregationNames, ", ") + "."
	}
	return s
}

// levelCell is the maturity track beside a KPI: "2 Initial → 3 Defined
// (2029)"; a dash for an outcome indicator with no indicator of the model.
func (b *builder) levelCell(k KPI) string {
	if k.Indicator == "" || k.Target == 0 {
		return "—"
	}
	return k.Indicator + b.loc.Colon() + b.levelName(k.Baseline) + " → " + b.levelName(k.Target) + " (" + strconv.Itoa(k.TargetYear) + ")"
}

// sourceCell is a KPI's frequency, data source and the institution that
// holds it.
func sourceCell(k KPI) string {
	return k.Frequency + ". " + k.Source + " (" + k.SourceOwner + ")"
}

// outcomeTable is the strategy's table of outcome indicators.
func (b *builder) outcomeTable() {
	if len(b.d.Outcomes) == 0 {
		return
	}
	b.para(b.text("kpi.monitoring.outcomes"))
	var rows [][]string
	for _, k := range b.d.Outcomes {
		rows = append(rows, []string{k.ID + " " + k.Name, b.unitCell(k), strings.Join(k.Objectives, ", "),
			b.baselineCell(k, false), b.targetsCell(k)})
	}
	b.table("outcomes", b.text("kpi.table.outcomeCaption"),
		b.labels("kpi.col.indicator", "kpi.col.unitType", "kpi.col.objectives", "col.baseline", "kpi.col.yearlyTargets"),
		[]float64{2.6, 1.2, 1.1, 1.3, 2.6}, rows)
	b.dataGapPara()
}

// dataGapPara says how many indicators have no baseline and which action
// measures them.
func (b *builder) dataGapPara() {
	missing, total := 0, len(b.d.KPIs)+len(b.d.Outcomes)
	for _, ks := range [][]KPI{b.d.KPIs, b.d.Outcomes} {
		for _, k := range ks {
			if k.BaselineValue == nil {
				missing++
			}
		}
	}
	if missing == 0 {
		b.para(b.text("kpi.monitoring.allData"))
		return
	}
	b.para(b.counted("kpi.monitoring.noData", missing, "total", strconv.Itoa(total), "action", b.dataAction))
}

// kpiRows are the rows of the plan's table of KPIs.
func (b *builder) kpiRows(ks []KPI) [][]string {
	var rows [][]string
	for _, k := range ks {
		rows = append(rows, []string{k.ID, b.measureCell(k), b.unitCell(k), b.baselineCell(k, true), b.targetsCell(k),
			b.levelCell(k), sourceCell(k)})
	}
	return rows
}

package strategy

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/assess"
)

// baselinesSuffix ends the library ID of the action that measures the
// baselines the assessment's facts do not give, after the ID of the area
// of the indicator it serves: "GOV.STR.baselines".
const baselinesSuffix = ".baselines"

// isBaselines tells whether a library ID is that of the baseline action.
func isBaselines(id string) bool { return strings.HasSuffix(id, baselinesSuffix) }

// baselinePick returns, when some picked action's KPI has no baseline in
// the assessment's facts, a fact-finding action that measures those
// baselines in the first months of the plan, led by the lead agency with
// the holders of the data sources responsible; nil when every KPI has one
// or the model has no monitoring indicator to serve or no lead agency
// (assess.PurposeMonitoring, assess.PurposeLeadAgency). The action is added
// to the draft's own copy of the library, like the other actions Build
// derives; its description names the KPIs once they are numbered (see
// describeBaselines).
func (b *builder) baselinePick(picks []*pick, after int) *pick {
	in := b.m.IndicatorWithPurpose(assess.PurposeMonitoring)
	if in == nil || b.leadAgency == "" {
		return nil
	}
	if is := b.r.Indicator(in.ID); is == nil || is.Target < 1 {
		return nil
	}
	area := b.m.AreaOf(in.ID).ID
	owners := map[string]bool{}
	for _, pk := range picks {
		if b.baselineOf(&pk.lib.KPI, pk.indicators[0], instrumentID(pk.instrument)).value == nil {
			owners[pk.lib.KPI.SourceOwner] = true
		}
	}
	_, more := b.outcomesMissing()
	for _, r := range more {
		owners[r] = true
	}
	if len(owners) == 0 {
		return nil
	}
	la := &LibraryAction{expanded: true,
		ID: area + baselinesSuffix, Area: area, Indicators: []string{in.ID},
		Band: "any", Mode: "fact-finding", Lead: b.leadAgency, Horizon: "quick", Months: factFindingMonths,
		Cost: "A", Funding: []string{"national-budget"}, ITU: []string{"governance"}, CARICOM: []string{"sustainable-capacity"},
	}
	for _, r := range b.m.Roles {
		if owners[r.ID] && r.ID != la.Lead {
			la.Responsible = append(la.Responsible, r.ID)
		}
	}
	text := func(key string) assess.Text { return assess.Text{b.lang: b.text("kpi.baselines." + key)} }
	la.Title, la.Objective, la.Milestone = text("title"), text("objective"), text("milestone")
	la.KPI = derivedMeasure(text("kpi"), text("source"), text("rule"), nil, b.leadAgency, "kpi.from.baselines", 100)
	lib := &Library{Actions: b.lib.Actions, byID: maps.Clone(b.lib.byID)}
	lib.byID[la.ID] = la
	b.lib = lib
	return &pick{lib: la, indicators: la.Indicators, rank: after + 1}
}

// instrumentID is the ID of the instrument an action acts on, "" when
// none.
func instrumentID(in *assess.Instrument) string {
	if in == nil {
		return ""
	}
	return in.ID
}

// describeBaselines writes the description of the baseline action, which
// names the KPIs whose baselines it measures, once the actions are
// numbered, and remembers its ID for the KPIs.
func (b *builder) describeBaselines() {
	i := slices.IndexFunc(b.d.Actions, func(a Action) bool { return isBaselines(a.LibraryID) })
	if i < 0 {
		return
	}
	var ids []string
	for _, a := range b.d.Actions {
		if !isBaselines(a.LibraryID) && b.baselineOf(&b.lib.Action(a.LibraryID).KPI, a.Indicators[0], a.Instrument).value == nil {
			ids = append(ids, kpiID(a.ID))
		}
	}
	outcomes, _ := b.outcomesMissing()
	ids = append(ids, outcomes...)
	a := &b.d.Actions[i]
	a.Description = b.counted("kpi.baselines.description", len(ids), "kpis", idRanges(ids, b.label("kpi.to")))
	b.dataAction = a.ID
	b.noBaseline = ids
}

// idRanges writes IDs that end in consecutive numbers with the same
// prefix as ranges: "KPI-GOV-01 to KPI-GOV-04, KPI-GOV-07, OI-02".
func idRanges(ids []string, to string) string {
	split := func(id string) (string, int) {
		i := strings.LastIndexByte(id, '-')
		n, err := strconv.Atoi(id[i+1:])
		if err != nil {
			return id, -1
		}
		return id[:i], n
	}
	var out []string
	for i := 0; i < len(ids); {
		prefix, n := split(ids[i])
		j := i + 1
		for j < len(ids) {
			p, m := split(ids[j])
			if p != prefix || n < 0 || m != n+(j-i) {
				break
			}
			j++
		}
		switch j - i {
		case 1:
			out = append(out, ids[i])
		case 2:
			out = append(out, ids[i], ids[i+1])
		default:
			out = append(out, ids[i]+" "+to+" "+ids[j-1])
		}
		i = j
	}
	return strings.Join(out, ", ")
}

// baselineMonths is the month of the plan by which the schedule aims to
// have the baselines measured: before the first yearly report.
const baselineMonths = 12

// kpiID is the ID of the KPI of action id.
func kpiID(action string) string { return "KPI-" + action }

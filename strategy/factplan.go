package strategy

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/ncskit/ncskit/assess"
)

// facts returns what the conditions of library actions test for this
// draft.
func (b *builder) facts() *facts {
	return &facts{f: b.a.Facts, r: b.r, start: b.d.Meta.StartYear}
}

// actionText expands the placeholders of an action's text with the
// instrument it acts on, in one pass: text taken from the assessment is
// never expanded again.
func (b *builder) actionText(la *LibraryAction, t assess.Text, in *assess.Instrument) string {
	s := t.In(b.lang)
	if la.expanded {
		return s
	}
	vars := instrumentVars(in)
	if vars == nil {
		vars = map[string]string{}
	}
	vars["gazette"] = b.vars["gazette"]
	out, err := expand(s, vars)
	if err != nil {
		b.fail(fmt.Errorf("action %s: %w", la.ID, err))
	}
	return out
}

// outOfBand lists the indicators of a bundled action that are not in its
// band, with their levels: "GOV.STR.2 (3 Defined)".
func (b *builder) outOfBand(la *LibraryAction) string {
	var items []string
	for _, id := range la.Indicators {
		is := b.r.Indicator(id)
		if is == nil || is.Status == assess.StatusNA || Band(is.Level) == la.Band {
			continue
		}
		items = append(items, fmt.Sprintf("%s (%s)", id, b.levelName(is.Level)))
	}
	return b.join(items)
}

// factFinding is an action that establishes a fact nobody at the
// assessment could give.
type factFinding struct {
	lib       *LibraryAction
	indicator string
	rank      int
}

// factFindingMonths is how long a fact-finding action takes: a quick win.
const factFindingMonths = 3

// factFinding returns an action for every indicator of the highest weight
// whose level nobody could give, ranked after the gaps, and adds them to
// the draft's own copy of the library so that scheduling, roles and KPIs
// treat them like any other action.
func (b *builder) factFinding(after int) []factFinding {
	top := 0
	for _, in := range b.m.Indicators() {
		top = max(top, in.Weight)
	}
	var out []factFinding
	for _, p := range b.m.Pillars {
		for _, ar := range p.Areas {
			for _, in := range ar.Indicators {
				is := b.r.Indicator(in.ID)
				if is == nil || is.Status != assess.StatusUnknown || in.Weight < top || is.Target < 1 {
					continue
				}
				out = append(out, factFinding{lib: b.factFindingAction(ar.ID, in), indicator: in.ID, rank: after + len(out) + 1})
			}
		}
	}
	if len(out) > 0 {
		lib := &Library{Actions: b.lib.Actions, byID: maps.Clone(b.lib.byID)}
		for _, ff := range out {
			lib.byID[ff.lib.ID] = ff.lib
		}
		b.lib = lib
	}
	return out
}

// factFindingAction builds the fact-finding action of an indicator: led
// by the lead of the area's main action (its first low-band action for
// the template), else by the lead agency, else, in a model without one,
// by the indicator's first lead role.
func (b *builder) factFindingAction(area string, in *assess.Indicator) *LibraryAction {
	la := &LibraryAction{expanded: true,
		ID: area + ".ff" + in.ID[strings.LastIndexByte(in.ID, '.')+1:], Area: area, Indicators: []string{in.ID},
		Band: "any", Mode: "fact-finding", Lead: b.leadAgency, Horizon: "quick", Months: factFindingMonths,
		Cost: "A", Funding: []string{"national-budget"},
	}
	if la.Lead == "" && len(in.Lead) > 0 {
		la.Lead = in.Lead[0]
	}
	for _, main := range b.lib.Actions {
		if main.Area == area && main.Band == "low" && main.For(b.t.ID) {
			la.Lead, la.ITU, la.CARICOM = main.Lead, main.ITU, main.CARICOM
			break
		}
	}
	pairs := []string{"indicator", in.ID, "title", b.modelText(in.ID+"/title", in.Title), "question", b.modelText(in.ID+"/question", in.Question),
		"evidence", strings.TrimRight(b.modelText(in.ID+"/evidence", in.Evidence), ". ")}
	text := func(key string) assess.Text { return assess.Text{b.lang: b.text("plan.factFinding."+key, pairs...)} }
	la.Title, la.Objective, la.Description, la.Milestone = text("title"), text("objective"), text("description"), text("milestone")
	measure := func(key string) assess.Text { return assess.Text{b.lang: b.text("kpi.factFinding."+key, pairs...)} }
	la.KPI = derivedMeasure(text("kpi"), text("source"), measure("rule"), measure("counted"), la.Lead, "kpi.from.factFinding", 1)
	return la
}

// expiry is a generic renewal or handover of one instrument.
type expiry struct {
	lib        *LibraryAction
	in         *assess.Instrument
	indicators []string
	rank       int
}

// expiring returns the library's generic actions on instruments (band
// any, an anyIndicator condition) for every instrument they fit that no
// action of the plan acts on yet — the renewal of an agreement or the
// handover of a donor programme that ends within their reach, the passage
// of a pending bill: the action closes the gaps the instrument bears on, else
// the action's own indicators, and ranks with the best of them.
func (b *builder) expiring(fs *facts, used map[string]bool, after int) []expiry {
	rank := map[string]int{}
	for _, p := range b.r.Priorities {
		rank[p.Indicator] = p.Rank
	}
	var out []expiry
	for _, la := range b.lib.Actions {
		t := la.firstInstrumentTest()
		if t == nil || !t.AnyIndicator || !la.For(b.t.ID) {
			continue
		}
		for _, in := range fs.instruments(t, la) {
			if used[in.ID] || slices.ContainsFunc(la.Unless, func(c Condition) bool { _, ok := fs.holds(c, la); return ok }) {
				continue
			}
			ex := expiry{lib: la, in: in, rank: after + 1}
			for _, id := range in.Indicators {
				if r, ok := rank[id]; ok {
					ex.indicators = append(ex.indicators, id)
					ex.rank = min(ex.rank, r)
				}
			}
			if len(ex.indicators) == 0 && la.Mode == "statutory" {
				// A pending bill serves what it bears on.
				for _, id := range in.Indicators {
					if is := b.r.Indicator(id); is != nil && is.Target >= 1 {
						ex.indicators = append(ex.indicators, id)
					}
				}
			}
			if len(ex.indicators) == 0 {
				for _, id := range la.Indicators {
					if is := b.r.Indicator(id); is != nil && is.Target >= 1 {
						ex.indicators = append(ex.indicators, id)
					}
				}
			}
			if len(ex.indicators) > 0 {
				used[in.ID] = true
				out = append(out, ex)
			}
		}
	}
	return out
}

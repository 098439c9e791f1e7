package region

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/strategy"
)

// SharedGap is an indicator on which several states are below target.
type SharedGap struct {
	Indicator string `json:"indicator"`
	Title     string `json:"title"`
	Area      string `json:"area"`
	Pillar    string `json:"pillar"`
	// States is how many states have the gap, Assessed how many have a
	// level for the indicator at all: the gap is counted among those.
	States   int `json:"states"`
	Assessed int `json:"assessed"`
	// Total is the sum of the gaps (target − level) of those states, Mean
	// Total / States rounded to two decimals.
	Total int     `json:"total"`
	Mean  float64 `json:"mean"`
	// Affected lists the states with the gap, weakest first.
	Affected  []StateGap `json:"affected"`
	Programme Programme  `json:"programme"`
}

// StateGap is one state's gap on one indicator.
type StateGap struct {
	State  string `json:"state"`
	Level  int    `json:"level"`
	Target int    `json:"target"`
	Gap    int    `json:"gap"`
	// Provision is how the capability is provided today, when stated.
	Provision string `json:"provision,omitempty"`
	// Evidence is the agreed rationale, or the first evidence a
	// respondent gave; empty in an anonymised report.
	Evidence string `json:"evidence,omitempty"`
}

// Programme is a regional programme proposed for a shared gap: a kind
// (see ProgrammeKinds), the library action it builds on, the states that
// would take part and those that could lead.
type Programme struct {
	Kind string `json:"kind"`
	// Name is the kind in words.
	Name string `json:"name"`
	// Action is the ID of the library action for the band most
	// participants are in, ActionTitle its title; empty when the library
	// has none for the indicator.
	Action      string `json:"action,omitempty"`
	ActionTitle string `json:"actionTitle,omitempty"`
	Cost        string `json:"cost,omitempty"`
	// Summary says in one paragraph what the states would do together.
	Summary string   `json:"summary"`
	Members []string `json:"members"`
	// Leads are states at level 4 or 5 on the indicator.
	Leads []string `json:"leads"`
	// Builds lists what already serves several states on the indicator.
	Builds []string `json:"buildsOn,omitempty"`
}

// ProgrammeKinds are the kinds of regional programme, by the area of the
// gap: a shared CSIRT service for incident response, joint specialist
// training for the workforce and education, a regional exercise for
// exercises and crisis management, model legislation for the legal
// foundations, a common awareness campaign for public outreach, and
// regional peer support (model documents, peer review) for the rest.
var ProgrammeKinds = []string{"shared-csirt-service", "joint-training", "regional-exercise", "model-legislation", "awareness-campaign", "peer-support"}

// kindOf returns the programme kind for an area.
func kindOf(area string) string {
	switch {
	case area == "IRC.CRI" || area == "CAP.EXE":
		return "regional-exercise"
	case strings.HasPrefix(area, "IRC."):
		return "shared-csirt-service"
	case strings.HasPrefix(area, "CAP."):
		return "joint-training"
	case area == "GOV.LAW":
		return "model-legislation"
	case area == "OUT.AWA" || area == "OUT.BUS" || area == "OUT.TRU":
		return "awareness-campaign"
	}
	return "peer-support"
}

// sharedGaps finds the gaps at least o.MinStates states share and
// proposes a programme for each, ranked by how many states they affect,
// then by the total gap, then in model order.
func (r *Report) sharedGaps(m *assess.Model, lib *strategy.Library, o Options) {
	order := map[string]int{}
	for i, ind := range m.Indicators() {
		order[ind.ID] = i
	}
	for _, p := range m.Pillars {
		for _, a := range p.Areas {
			for _, ind := range a.Indicators {
				g := r.gapOf(ind.ID, a.ID, p.ID, o)
				if g.States >= o.MinStates {
					g.Title = ind.Title.In(o.Lang)
					g.Programme = r.programme(m, lib, g, o)
					r.SharedGaps = append(r.SharedGaps, g)
				}
			}
		}
	}
	sort.SliceStable(r.SharedGaps, func(i, j int) bool {
		a, b := r.SharedGaps[i], r.SharedGaps[j]
		if a.States != b.States {
			return a.States > b.States
		}
		if a.Total != b.Total {
			return a.Total > b.Total
		}
		return order[a.Indicator] < order[b.Indicator]
	})
}

// gapOf counts the states below target on one indicator.
func (r *Report) gapOf(id, area, pillar string, o Options) *SharedGap {
	g := &SharedGap{Indicator: id, Area: area, Pillar: pillar}
	for _, s := range r.States {
		is := s.res.Indicator(id)
		if is == nil || is.Status != assess.Assessed {
			continue
		}
		g.Assessed++
		if is.Gap <= 0 {
			continue
		}
		g.States++
		g.Total += is.Gap
		g.Affected = append(g.Affected, StateGap{State: s.Code, Level: is.Level, Target: is.Target,
			Gap: is.Gap, Provision: is.Provision, Evidence: evidenceOf(s.a, is)})
	}
	if g.States > 0 {
		g.Mean = round2(float64(g.Total) / float64(g.States))
	}
	sort.SliceStable(g.Affected, func(i, j int) bool { return g.Affected[i].Level < g.Affected[j].Level })
	return g
}

// evidenceOf returns the agreed rationale of an indicator, or the first
// evidence a respondent gave for it.
func evidenceOf(a *assess.Assessment, is *assess.IndicatorScore) string {
	if is.Agreed {
		for _, d := range a.Decisions.Agreed {
			if d.Indicator == is.ID && d.Rationale != "" {
				return d.Rationale
			}
		}
	}
	for _, rr := range is.Ratings {
		if e := a.Responses[rr.Response].Evidence; e != "" {
			return e
		}
	}
	return ""
}

// programme proposes the regional programme for a shared gap.
func (r *Report) programme(m *assess.Model, lib *strategy.Library, g *SharedGap, o Options) Programme {
	p := Programme{Kind: kindOf(g.Area)}
	p.Name = text(o.Lang, "kind."+p.Kind)
	var levels []int
	small := 0
	for _, a := range g.Affected {
		p.Members = append(p.Members, a.State)
		levels = append(levels, a.Level)
		if r.state(a.State).SmallIslandState {
			small++
		}
	}
	for _, s := range r.States {
		if is := s.res.Indicator(g.Indicator); is != nil && is.Status == assess.Assessed && is.Level >= 4 {
			p.Leads = append(p.Leads, s.Code)
		}
	}
	sort.Ints(levels)
	band := strategy.Band(levels[(len(levels)-1)/2])
	template := "national"
	if 2*small >= len(g.Affected) {
		template = "small-island-state"
	}
	if act := pickAction(lib, g.Indicator, band, template); act != nil {
		p.Action, p.ActionTitle, p.Cost = act.ID, act.Title.In(o.Lang), act.Cost
	}
	p.Builds = r.buildsOn(g.Indicator)
	p.Summary = r.summary(g, p, o.Lang)
	return p
}

// pickAction returns the library action for indicator id in band that
// fits template, else one in another band, nearest first; nil when the
// library has none for the indicator.
func pickAction(lib *strategy.Library, id, band, template string) *strategy.LibraryAction {
	bands := map[string][]string{"low": {"low", "mid", "high"}, "mid": {"mid", "low", "high"}, "high": {"high", "mid", "low"}}[band]
	for _, fit := range []bool{true, false} {
		for _, b := range bands {
			for _, a := range lib.Actions {
				if a.Band == b && (!fit || a.For(template)) && contains(a.Indicators, id) {
					return a
				}
			}
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// summary writes the paragraph of a programme proposal.
func (r *Report) summary(g *SharedGap, p Programme, lang string) string {
	var b strings.Builder
	fmt.Fprintf(&b, text(lang, "prog.shared"), g.States, g.Assessed, g.Total)
	b.WriteString(" ")
	b.WriteString(text(lang, "prog.does."+p.Kind))
	if p.ActionTitle != "" {
		b.WriteString(" ")
		fmt.Fprintf(&b, text(lang, "prog.action"), p.ActionTitle, p.Cost)
	}
	b.WriteString(" ")
	if len(p.Leads) > 0 {
		fmt.Fprintf(&b, text(lang, "prog.leads"), r.names(p.Leads))
	} else {
		b.WriteString(text(lang, "prog.noLead"))
	}
	return b.String()
}

// state returns the state with the given code.
func (r *Report) state(code string) *State {
	for _, s := range r.States {
		if s.Code == code {
			return s
		}
	}
	return nil
}

// names joins the labels of the states with the given codes.
func (r *Report) names(codes []string) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = r.label(r.state(c))
	}
	return strings.Join(out, ", ")
}

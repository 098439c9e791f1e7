package assess

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Priority is one entry of the ranked priority list.
type Priority struct {
	Rank      int    `json:"rank"`
	Indicator string `json:"indicator"`
	Area      string `json:"area"`
	Pillar    string `json:"pillar"`
	Level     int    `json:"level"`
	Target    int    `json:"target"`
	Gap       int    `json:"gap"`
	Weight    int    `json:"weight"`
	Urgency   int    `json:"urgency"`
	Cost      string `json:"cost"`
	// Score is gap × weight × urgency × the cost factor.
	Score float64 `json:"score"`
	// Effective is Score, raised to the Effective of any indicator that
	// depends on this one, so that prerequisites rank first.
	Effective float64 `json:"effective"`
	// Unlocks lists the indicators with a gap that depend on this one.
	Unlocks []string `json:"unlocks,omitempty"`
	// After lists the prerequisites with a gap that rank before this one.
	After []string `json:"after,omitempty"`
	// Reason explains the rank in one line.
	Reason string `json:"reason"`
	// Override is set when the facilitator pinned this rank.
	Override *Override `json:"override,omitempty"`
}

// Override records a facilitator's change to the computed rank.
type Override struct {
	Rank     int    `json:"rank"`
	Computed int    `json:"computed"` // the rank before the override; 0 when the indicator had no gap
	Reason   string `json:"reason"`
	// Deadline is the date (YYYY-MM-DD) before which the actions that
	// close the indicator must be done; empty when none was set.
	Deadline string `json:"deadline,omitempty"`
}

// CostFactors adjust the priority score for the cost of closing a gap:
// cheap steps rank higher, expensive ones lower.
var CostFactors = map[string]float64{"low": 1.25, "medium": 1, "high": 0.8}

func prioritise(m *Model, a *Assessment, res *Result, lang string, warn warnFunc) []Priority {
	var list []*Priority
	byID := map[string]*Priority{}
	block := make([]Priority, len(res.Gaps)) // one allocation for all
	for i, g := range res.Gaps {
		in := m.Indicator(g.Indicator)
		p := &block[i]
		*p = Priority{
			Indicator: g.Indicator, Area: g.Area, Pillar: g.Pillar,
			Level: g.Level, Target: g.Target, Gap: g.Gap,
			Weight: in.Weight, Urgency: in.Urgency, Cost: in.Cost,
		}
		p.Score = round2(float64(g.Gap*in.Weight*in.Urgency) * CostFactors[in.Cost])
		list = append(list, p)
		byID[p.Indicator] = p
	}
	// Dependents of each prerequisite, among indicators with a gap.
	for _, p := range list {
		for _, d := range m.Indicator(p.Indicator).DependsOn {
			if q := byID[d]; q != nil {
				q.Unlocks = append(q.Unlocks, p.Indicator)
				p.After = append(p.After, d)
			}
		}
	}
	effective := map[string]float64{}
	var eff func(p *Priority) float64
	eff = func(p *Priority) float64 {
		if v, ok := effective[p.Indicator]; ok {
			return v
		}
		v := p.Score
		for _, d := range p.Unlocks {
			v = max(v, eff(byID[d]))
		}
		effective[p.Indicator] = v
		return v
	}
	depth := map[string]int{}
	var dep func(p *Priority) int
	dep = func(p *Priority) int {
		if v, ok := depth[p.Indicator]; ok {
			return v
		}
		v := 0
		for _, d := range p.After {
			v = max(v, dep(byID[d])+1)
		}
		depth[p.Indicator] = v
		return v
	}
	for _, p := range list {
		p.Effective = eff(p)
		dep(p)
	}
	slices.SortStableFunc(list, func(a, b *Priority) int {
		if a.Effective != b.Effective {
			return cmp.Compare(b.Effective, a.Effective)
		}
		if da, db := depth[a.Indicator], depth[b.Indicator]; da != db {
			return cmp.Compare(da, db)
		}
		return cmp.Compare(m.order[a.Indicator], m.order[b.Indicator])
	})
	for i, p := range list {
		p.Rank = i + 1
		slices.SortFunc(p.Unlocks, func(x, y string) int { return m.order[x] - m.order[y] })
		p.Reason = reason(lang, p)
	}
	list = applyOverrides(m, a, res, list, lang, warn)
	out := make([]Priority, len(list))
	for i, p := range list {
		p.Rank = i + 1
		if p.Override != nil && p.Override.Rank != p.Rank {
			warn(WarnOverride, p.Indicator, "", "warn.override-short",
				"rank", strconv.Itoa(p.Override.Rank), "n", strconv.Itoa(len(list)), "ranked", strconv.Itoa(p.Rank))
			p.Override.Rank = p.Rank
		}
		out[i] = *p
	}
	return out
}

// warnFunc adds a warning: see scorer.warn.
type warnFunc func(code, indicator, pointer, key string, args ...string)

// reason explains a priority's score in lang.
func reason(lang string, p *Priority) string {
	itoa := strconv.Itoa
	var b strings.Builder
	b.Grow(320)
	say := func(key string, args ...string) { appendFill(&b, messageIn(lang, key), args) }
	say("reason.score", "gap", itoa(p.Gap), "level", itoa(p.Level), "target", itoa(p.Target),
		"weight", itoa(p.Weight), "urgency", itoa(p.Urgency), "cost", messageIn(lang, "reason.cost."+p.Cost),
		"factor", number(lang, CostFactors[p.Cost]), "score", number(lang, p.Score))
	if p.Effective > p.Score {
		say("reason.raised", "score", number(lang, p.Effective), "unlocks", strings.Join(p.Unlocks, ", "))
	} else if len(p.Unlocks) > 0 {
		say("reason.prerequisite", "unlocks", strings.Join(p.Unlocks, ", "))
	}
	if len(p.After) > 0 {
		say("reason.after", "after", strings.Join(p.After, ", "))
	}
	return b.String()
}

// applyOverrides moves pinned indicators to their ranks: all of them are
// taken out first, then put back in ascending rank order, so that each
// lands where it was pinned.
func applyOverrides(m *Model, a *Assessment, res *Result, list []*Priority, lang string, warn warnFunc) []*Priority {
	ovs := slices.Clone(a.Decisions.PriorityOverrides)
	if len(ovs) == 0 {
		return list
	}
	idx := map[string]int{}
	for i, o := range a.Decisions.PriorityOverrides {
		idx[o.Indicator] = i
	}
	sort.SliceStable(ovs, func(i, j int) bool { return ovs[i].Rank < ovs[j].Rank })
	pinned := map[string]*Priority{}
	for _, o := range ovs {
		pinned[o.Indicator] = nil
	}
	rest := list[:0:0]
	for _, p := range list {
		if _, ok := pinned[p.Indicator]; ok {
			pinned[p.Indicator] = p
			continue
		}
		rest = append(rest, p)
	}
	for _, ov := range ovs {
		p := pinned[ov.Indicator]
		computed := 0
		if p == nil {
			is := res.Indicator(ov.Indicator)
			in := m.Indicator(ov.Indicator)
			p = &Priority{
				Indicator: ov.Indicator, Area: parents(ov.Indicator)[0], Pillar: parents(ov.Indicator)[1],
				Level: is.Level, Target: is.Target, Gap: is.Gap,
				Weight: in.Weight, Urgency: in.Urgency, Cost: in.Cost,
				Reason: message(lang, "reason.no-gap"),
			}
			warn(WarnOverride, ov.Indicator, ptr("decisions", "priorityOverrides", idx[ov.Indicator]), "warn.override-no-gap",
				"rank", strconv.Itoa(ov.Rank))
		} else {
			computed = p.Rank
		}
		p.Override = &Override{Rank: ov.Rank, Computed: computed, Reason: ov.Reason, Deadline: ov.Deadline}
		p.Reason += message(lang, "reason.moved", "rank", strconv.Itoa(ov.Rank), "reason", strings.TrimRight(strings.TrimSpace(ov.Reason), "."))
		pos := min(ov.Rank-1, len(rest))
		rest = slices.Insert(rest, pos, p)
	}
	// Note a prerequisite that now ranks below what depends on it.
	at := map[string]int{}
	for i, p := range rest {
		at[p.Indicator] = i
	}
	for _, p := range rest {
		if p.Override == nil {
			continue
		}
		var below []string
		for _, d := range p.After {
			if at[d] > at[p.Indicator] {
				below = append(below, d)
			}
		}
		switch len(below) {
		case 0:
		case 1:
			p.Reason += message(lang, "reason.above.one", "after", below[0])
		default:
			p.Reason += message(lang, "reason.above.other", "after", strings.Join(below, ", "))
		}
	}
	return rest
}

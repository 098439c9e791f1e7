package assess

import (
	"slices"
	"strings"

	"github.com/ncskit/ncskit/problem"
)

var costs = map[string]bool{"low": true, "medium": true, "high": true}

// check reports every inconsistency of an assembled model that a schema
// cannot see: duplicate or misplaced IDs, references to unknown roles,
// indicators or crosswalk identifiers, dependency cycles, levels that do
// not match the scale, and more indicators than MaxIndicators (a model
// assembled from pillar files is not bounded by one schema).
func (m *Model) check() problem.List {
	var p problems
	if n := len(m.allIndicators()); n > MaxIndicators {
		p.add("/pillars", "the model has %d indicators; the limit is %d", n, MaxIndicators)
	}
	for i, l := range m.Scale.Levels {
		if l.Level != i+1 {
			p.add(ptr("scale", "levels", i, "level"), "level %d is out of order: expected %d", l.Level, i+1)
		}
	}
	max := m.Scale.Max()
	if max < 2 {
		p.add("/scale/levels", "the scale needs at least two levels")
	}
	if m.DefaultTarget < 1 || m.DefaultTarget > max {
		p.add("/defaultTarget", "%d is not a level of the scale (1-%d)", m.DefaultTarget, max)
	}
	if m.PersonDependentCap < 1 || m.PersonDependentCap > max {
		p.add("/personDependentCap", "%d is not a level of the scale (1-%d)", m.PersonDependentCap, max)
	}
	roles := map[string]bool{}
	purposes := map[string]string{} // "kind purpose" → pointer of its first holder
	purpose := func(at, kind, purpose string) {
		if purpose == "" {
			return
		}
		switch first, dup := purposes[kind+" "+purpose]; {
		case !slices.Contains(Purposes[kind], purpose):
			p.add(at+"/purpose", "unknown %s purpose %q: one of %s", kind, purpose, strings.Join(Purposes[kind], ", "))
		case dup:
			p.add(at+"/purpose", "purpose %q is already given at %s: a model gives it to one %s", purpose, first, kind)
		default:
			purposes[kind+" "+purpose] = at
		}
	}
	for i, r := range m.Roles {
		if roles[r.ID] {
			p.add(ptr("roles", i, "id"), "duplicate role %q", r.ID)
		}
		roles[r.ID] = true
		purpose(ptr("roles", i), "role", r.Purpose)
	}
	refs := map[string]bool{}
	for _, f := range m.Frameworks {
		for r := range f.Refs {
			refs[f.ID+":"+r] = true
		}
	}
	ids := map[string]bool{}
	deps := map[string][]string{}
	depPtr := map[string]string{}
	for pi, pl := range m.Pillars {
		pp := ptr("pillars", pi)
		if ids[pl.ID] {
			p.add(pp+"/id", "duplicate ID %q", pl.ID)
		}
		ids[pl.ID] = true
		purpose(pp, "pillar", pl.Purpose)
		if len(pl.Areas) == 0 {
			p.add(pp+"/areas", "pillar %s has no areas", pl.ID)
		}
		for ai, a := range pl.Areas {
			ap := ptr("pillars", pi, "areas", ai)
			if ids[a.ID] {
				p.add(ap+"/id", "duplicate ID %q", a.ID)
			}
			ids[a.ID] = true
			purpose(ap, "area", a.Purpose)
			if !strings.HasPrefix(a.ID, pl.ID+".") {
				p.add(ap+"/id", "area %s must start with its pillar ID %q", a.ID, pl.ID+".")
			}
			if len(a.Indicators) == 0 {
				p.add(ap+"/indicators", "area %s has no indicators", a.ID)
			}
			for ii, in := range a.Indicators {
				ip := ptr("pillars", pi, "areas", ai, "indicators", ii)
				if ids[in.ID] {
					p.add(ip+"/id", "duplicate ID %q", in.ID)
				}
				ids[in.ID] = true
				if !strings.HasPrefix(in.ID, a.ID+".") {
					p.add(ip+"/id", "indicator %s must start with its area ID %q", in.ID, a.ID+".")
				}
				m.checkIndicator(&p, ip, in, roles, refs)
				purpose(ip, "indicator", in.Purpose)
				deps[in.ID] = in.DependsOn
				depPtr[in.ID] = ip + "/dependsOn"
			}
		}
	}
	for _, in := range m.allIndicators() {
		for j, d := range in.DependsOn {
			if !ids[d] || strings.Count(d, ".") != 2 {
				p.add(depPtr[in.ID]+ptr(j), "unknown indicator %q", d)
			}
		}
	}
	if cyc, first := findCycle(m.allIndicators(), deps); cyc != "" {
		p.add(depPtr[first], "indicator dependencies form a cycle: %s", cyc)
	}
	for ti, tp := range m.TargetProfiles {
		for _, k := range sortedKeys(tp.Targets) {
			kp := ptr("targetProfiles", ti, "targets", k)
			if !ids[k] {
				p.add(kp, "unknown pillar, area or indicator %q", k)
			}
			if v := tp.Targets[k]; v < 1 || v > max {
				p.add(kp, "%d is not a level of the scale (1-%d)", v, max)
			}
		}
	}
	p.list.Sort()
	return p.list
}

func (m *Model) checkIndicator(p *problems, ip string, in *Indicator, roles, refs map[string]bool) {
	if len(in.Levels) != m.Scale.Max() {
		p.add(ip+"/levels", "%d level descriptors for a scale of %d levels", len(in.Levels), m.Scale.Max())
	}
	if in.Weight < 1 || in.Weight > 3 {
		p.add(ip+"/weight", "weight %d is outside 1-3", in.Weight)
	}
	if in.Urgency < 1 || in.Urgency > 3 {
		p.add(ip+"/urgency", "urgency %d is outside 1-3", in.Urgency)
	}
	if !costs[in.Cost] {
		p.add(ip+"/cost", "cost %q is not low, medium or high", in.Cost)
	}
	for j, r := range in.Lead {
		if !roles[r] {
			p.add(ip+ptr("lead", j), "unknown role archetype %q", r)
		}
	}
	for j, r := range in.Support {
		if !roles[r] {
			p.add(ip+ptr("support", j), "unknown role archetype %q", r)
		}
	}
	for j, c := range in.Crosswalk {
		if !refs[c] {
			p.add(ip+ptr("crosswalk", j), "unknown crosswalk reference %q", c)
		}
	}
}

func (m *Model) allIndicators() []*Indicator {
	var out []*Indicator
	for _, p := range m.Pillars {
		for _, a := range p.Areas {
			out = append(out, a.Indicators...)
		}
	}
	return out
}

// findCycle returns a dependency cycle as "A → B → A" and the indicator
// where it starts, or "".
func findCycle(order []*Indicator, deps map[string][]string) (string, string) {
	const (
		white = iota
		grey
		black
	)
	color := map[string]int{}
	var stack []string
	var visit func(id string) string
	visit = func(id string) string {
		color[id] = grey
		stack = append(stack, id)
		for _, d := range deps[id] {
			switch color[d] {
			case grey:
				i := len(stack) - 1
				for stack[i] != d {
					i--
				}
				return strings.Join(append(append([]string{}, stack[i:]...), d), " → ")
			case white:
				if _, ok := deps[d]; ok {
					if c := visit(d); c != "" {
						return c
					}
				}
			}
		}
		stack = stack[:len(stack)-1]
		color[id] = black
		return ""
	}
	for _, in := range order {
		if color[in.ID] == white {
			if c := visit(in.ID); c != "" {
				return c, strings.SplitN(c, " → ", 2)[0]
			}
		}
	}
	return "", ""
}

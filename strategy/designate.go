package strategy

import (
	"slices"

	"github.com/ncskit/ncskit/assess"
)

// designationPrefix starts the library ID of a designation action that
// Build adds to the plan (the embedded library has none with it).
const designationPrefix = "designate:"

// isDesignation reports whether la designates a role: a library action
// that names the role it designates, or one that Build added.
func isDesignation(la *LibraryAction) bool { return la.Designates != "" }

// designate adds to the picks, for every archetype that leads a picked
// action but that no stakeholder fills, an action that designates an
// institution for it, unless a picked library action already designates
// it. The designation ranks with the first action it unblocks and comes
// before it; linkDesignations then makes every action the role leads
// depend on it.
func (b *builder) designate(picks []*pick) []*pick {
	b.designated = map[string]string{}
	var order []string
	first := map[string]int{} // role → rank of the first action it leads
	count := map[string]int{}
	for _, pk := range picks {
		if isDesignation(pk.lib) {
			continue
		}
		role, _ := b.leadRole(pk.lib, pk.indicators)
		if b.filled(role) {
			continue
		}
		if _, ok := first[role]; !ok {
			order = append(order, role)
			first[role] = pk.rank
		}
		first[role] = min(first[role], pk.rank)
		count[role]++
	}
	var added []*pick
	for _, role := range order {
		if i := slices.IndexFunc(picks, func(pk *pick) bool { return pk.lib.Designates == role }); i >= 0 {
			b.designated[role] = picks[i].lib.ID
			continue
		}
		la := b.designation(role, count[role])
		if la == nil {
			continue
		}
		b.designated[role] = la.ID
		added = append(added, &pick{lib: la, indicators: la.Indicators, rank: first[role]})
	}
	if len(added) > 0 {
		extra := make([]*LibraryAction, len(added))
		for i, pk := range added {
			extra[i] = pk.lib
		}
		b.lib = b.lib.with(extra)
	}
	// In front, so that the stable sort by rank puts each designation
	// before the actions of the same rank.
	return append(added, picks...)
}

// designation builds the action that designates an institution for role,
// which leads n actions of the plan. It serves the model's indicator of a
// mandated lead agency (assess.PurposeLeadAgency) for the lead-agency
// role and that of the standing coordination body
// (assess.PurposeCoordination) for any other; nil when the model has no
// such indicator.
func (b *builder) designation(role string, n int) *LibraryAction {
	purpose := assess.PurposeCoordination
	if role == b.leadAgency {
		purpose = assess.PurposeLeadAgency
	}
	in := b.m.IndicatorWithPurpose(purpose)
	if in == nil || b.r.Indicator(in.ID) == nil {
		return nil
	}
	indicator := in.ID
	text := func(key string) assess.Text {
		if _, ok := b.t.raw(key+"."+role, b.lang, b.reg); ok {
			key += "." + role
		}
		return assess.Text{b.lang: b.counted(key, n, "role", b.roleName(role), "meaning", b.roleMeaning(role))}
	}
	la := &LibraryAction{expanded: true,
		ID:          designationPrefix + role,
		Area:        b.m.AreaOf(indicator).ID,
		Indicators:  []string{indicator},
		Band:        "any",
		Mode:        "formalise",
		Designates:  role,
		Title:       text("designate.title"),
		Objective:   text("designate.objective"),
		Description: text("designate.description"),
		Milestone:   text("designate.milestone"),
		Lead:        cabinetOfficeRole,
		Horizon:     "quick",
		Months:      3,
		Cost:        "A",
		Funding:     []string{"national-budget"},
		ITU:         []string{"governance"},
		CARICOM:     []string{"sustainable-capacity"},
		MinimumPath: true,
	}
	la.KPI = derivedMeasure(text("designate.kpi"), text("designate.kpiSource"), text("kpi.designateRule"), nil,
		cabinetOfficeRole, "kpi.from.designation", 100)
	return la
}

// linkDesignations makes every action led by a designated role depend on
// the action that designates it. idOf maps library IDs to action IDs.
func (b *builder) linkDesignations(idOf map[string]string) {
	for i := range b.d.Actions {
		a := &b.d.Actions[i]
		la := b.lib.Action(a.LibraryID)
		if isDesignation(la) {
			continue
		}
		role, _ := b.leadRole(la, a.Indicators)
		dep, ok := idOf[b.designated[role]]
		if !ok || dep == a.ID || slices.Contains(a.DependsOn, dep) {
			continue
		}
		a.DependsOn = append(a.DependsOn, dep)
	}
}

// with returns a copy of the library with extra actions added.
func (l *Library) with(extra []*LibraryAction) *Library {
	out := &Library{Actions: append(slices.Clone(l.Actions), extra...), byID: make(map[string]*LibraryAction, len(l.byID)+len(extra))}
	for id, a := range l.byID {
		out.byID[id] = a
	}
	for _, a := range extra {
		out.byID[a.ID] = a
	}
	return out
}

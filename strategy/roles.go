package strategy

import (
	"slices"
	"sort"
	"strings"

	"github.com/ncskit/ncskit/assess"
)

// Role archetypes that the rules of this file name.
const (
	ictMinistryRole   = "ict-ministry"
	cabinetOfficeRole = "cabinet-office"
)

// sectorRegulators are the archetypes that supervise a sector. A sector
// duty of the library (LibraryAction.SectorDuty) is led by one of them
// where the country has it.
var sectorRegulators = map[string]bool{"financial-regulator": true, "telecom-regulator": true, "utilities-regulator": true}

// standingInstitutions are archetypes that every government has: when no
// stakeholder holds one, the institution did not take part in the
// assessment rather than being missing, so the role gaps name them in one
// finding instead of one each.
var standingInstitutions = []string{cabinetOfficeRole, "parliament", "finance-ministry", "planning-ministry",
	"public-service-commission", "public-procurement"}

// holders returns the stakeholders that fill role, best first, for an
// action that serves indicators: the stakeholder the profile's
// leadMinistry names; then the one that owns the most instruments of the
// country's facts on those indicators (repealed, lapsed, expired and
// dormant ones left out); then assessment order.
func (b *builder) holders(role string, indicators []string) []assess.Stakeholder {
	list := b.byRole[role]
	if len(list) < 2 {
		return list
	}
	out := slices.Clone(list)
	score := map[string]int{}
	for _, s := range out {
		score[s.ID] = b.ownedInstruments(s.ID, indicators)
		if b.names(s) {
			score[s.ID] += 1 << 20
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return score[out[i].ID] > score[out[j].ID] })
	return out
}

// names reports whether the profile's leadMinistry names stakeholder s,
// by name or ID, ignoring case and surrounding space.
func (b *builder) names(s assess.Stakeholder) bool {
	lm := strings.TrimSpace(b.a.Profile.LeadMinistry)
	return lm != "" && (strings.EqualFold(lm, strings.TrimSpace(s.Name)) || strings.EqualFold(lm, s.ID))
}

// ownedInstruments counts the live instruments that stakeholder owns and
// that bear on any of indicators.
func (b *builder) ownedInstruments(stakeholder string, indicators []string) int {
	if b.a.Facts == nil || len(indicators) == 0 {
		return 0
	}
	n := 0
	for _, in := range b.a.Facts.Instruments {
		switch in.Status {
		case "repealed", "lapsed", "expired", "dormant":
			continue
		}
		if in.Owner == stakeholder && slices.ContainsFunc(in.Indicators, func(id string) bool { return slices.Contains(indicators, id) }) {
			n++
		}
	}
	return n
}

// filled reports whether a stakeholder holds role.
func (b *builder) filled(role string) bool { return len(b.byRole[role]) > 0 }

// assign maps a role archetype to the country's stakeholder that fills it
// for an action serving indicators (see holders). When none does, the
// assignment is a role gap.
func (b *builder) assign(role string, indicators ...string) Assignment {
	as := Assignment{Role: role, RoleName: b.roleName(role)}
	if list := b.holders(role, indicators); len(list) > 0 {
		return b.assignTo(as, list[0])
	}
	as.Name = as.RoleName
	as.Gap = true
	return as
}

func (b *builder) assignTo(as Assignment, s assess.Stakeholder) Assignment {
	as.Stakeholder = s.ID
	as.Name = s.Name
	as.Contact = b.contactOf(s.ID)
	return as
}

// owner is the political owner of the strategy, who leads the
// designation of roles nobody fills: the stakeholder the profile's
// leadMinistry names, else the holder of the cabinet-office role, else of
// the ict-ministry role; else the cabinet-office role as a gap (the
// Cabinet or the Presidency takes the decision).
func (b *builder) owner() Assignment {
	for _, s := range b.a.Stakeholders {
		if b.names(s) {
			role := cabinetOfficeRole
			if len(s.Roles) > 0 {
				role = s.Roles[0]
			}
			return b.assignTo(Assignment{Role: role, RoleName: b.roleName(role)}, s)
		}
	}
	if b.filled(cabinetOfficeRole) {
		return b.assign(cabinetOfficeRole)
	}
	if b.filled(ictMinistryRole) {
		return b.assign(ictMinistryRole)
	}
	return b.assign(cabinetOfficeRole)
}

// leadRole returns the archetype that leads library action la in this
// country. A sector duty is led by the first sector regulator of its
// responsible list that the country has, preferring one that owns an
// instrument on the action's indicators; with none, by the library's lead,
// and fallback is true.
func (b *builder) leadRole(la *LibraryAction, indicators []string) (role string, fallback bool) {
	if !la.SectorDuty {
		return la.Lead, false
	}
	best, bestScore := "", -1
	for _, r := range la.Responsible {
		if !sectorRegulators[r] || !b.filled(r) {
			continue
		}
		score := 0
		for _, s := range b.byRole[r] {
			score = max(score, b.ownedInstruments(s.ID, indicators))
		}
		if score > bestScore {
			best, bestScore = r, score
		}
	}
	if best == "" {
		return la.Lead, true
	}
	return best, false
}

// contactOf returns a person to contact at a stakeholder: a designated
// point of contact, else the first respondent from it.
func (b *builder) contactOf(stakeholder string) string {
	for _, c := range b.a.PointsOfContact {
		if c.Stakeholder == stakeholder {
			return c.Person
		}
	}
	for _, r := range b.a.Respondents {
		if r.Stakeholder == stakeholder {
			if r.Title != "" {
				return r.Name + ", " + r.Title
			}
			return r.Name
		}
	}
	return ""
}

var raciStrength = map[string]int{"A": 4, "R": 3, "C": 2, "I": 1, "": 0}

// roles assigns every action's RACI to stakeholders, builds the RACI
// matrix, the points-of-contact table and the role-gap findings.
func (b *builder) roles() {
	unfilled := map[string]bool{}
	var unfilledOrder []string
	note := func(as Assignment) {
		if as.Gap && !unfilled[as.Role] {
			unfilled[as.Role] = true
			unfilledOrder = append(unfilledOrder, as.Role)
		}
	}
	var fallbacks []string // sector duties led by the lead agency for want of a regulator
	for i := range b.d.Actions {
		a := &b.d.Actions[i]
		la := b.lib.Action(a.LibraryID)
		// One institution can fill several archetypes of an action; it
		// keeps only its strongest letter (A, then R, C, I).
		taken := map[string]bool{}
		take := func(as Assignment) (Assignment, bool) {
			key := as.Stakeholder
			if as.Gap {
				key = "role:" + as.Role
			}
			if taken[key] {
				return as, false
			}
			taken[key] = true
			note(as)
			return as, true
		}
		leadRole, fallback := b.leadRole(la, a.Indicators)
		lead := b.assign(leadRole, a.Indicators...)
		if isDesignation(la) && (lead.Gap || strings.HasPrefix(la.ID, designationPrefix)) {
			lead = b.owner()
		}
		a.Lead, _ = take(lead)
		if fallback {
			fallbacks = append(fallbacks, a.ID)
		}
		responsible := la.Responsible
		if leadRole != la.Lead {
			responsible = append([]string{la.Lead}, responsible...)
		}
		for _, r := range responsible {
			if as, ok := take(b.assign(r, a.Indicators...)); ok {
				a.Responsible = append(a.Responsible, as)
			}
		}
		for _, r := range la.Consulted {
			if as, ok := take(b.assign(r, a.Indicators...)); ok {
				a.Consulted = append(a.Consulted, as)
			}
		}
		for _, r := range la.Informed {
			if as, ok := take(b.assign(r, a.Indicators...)); ok {
				a.Informed = append(a.Informed, as)
			}
		}
	}

	roles := &b.d.Roles
	for _, s := range b.a.Stakeholders {
		sr := StakeholderRoles{ID: s.ID, Name: s.Name}
		for _, r := range s.Roles {
			sr.Roles = append(sr.Roles, b.roleName(r))
		}
		roles.Stakeholders = append(roles.Stakeholders, sr)
	}

	// The RACI matrix: one column per stakeholder, then one per unfilled
	// archetype, so that every letter has a column.
	col := map[string]int{}
	for _, s := range b.a.Stakeholders {
		col[s.ID] = len(roles.RACI.Columns)
		roles.RACI.Columns = append(roles.RACI.Columns, s.Name)
	}
	for _, r := range unfilledOrder {
		col["role:"+r] = len(roles.RACI.Columns)
		roles.RACI.Columns = append(roles.RACI.Columns, b.text("roles.unfilledColumn", "role", b.roleName(r)))
	}
	for _, a := range b.d.Actions {
		row := make([]string, len(roles.RACI.Columns))
		set := func(as Assignment, letter string) {
			key := as.Stakeholder
			if as.Gap {
				key = "role:" + as.Role
			}
			if j := col[key]; raciStrength[letter] > raciStrength[row[j]] {
				row[j] = letter
			}
		}
		set(a.Lead, "A")
		for _, as := range a.Responsible {
			set(as, "R")
		}
		for _, as := range a.Consulted {
			set(as, "C")
		}
		for _, as := range a.Informed {
			set(as, "I")
		}
		roles.RACI.Actions = append(roles.RACI.Actions, a.ID)
		roles.RACI.Cells = append(roles.RACI.Cells, row)
	}

	for _, c := range b.a.PointsOfContact {
		ct := Contact{Function: c.Function, Label: b.term(b.t.common.Contacts, c.Function), Pillar: c.Pillar,
			Person: c.Person, Stakeholder: b.stakeholders[c.Stakeholder].Name}
		if c.Pillar != "" {
			ct.Label += " — " + b.m.Pillar(c.Pillar).Name.In(b.lang)
		}
		if c.Deputy != nil {
			ct.Deputy = c.Deputy.Person + " (" + b.stakeholders[c.Deputy.Stakeholder].Name + ")"
		} else {
			roles.Gaps = append(roles.Gaps, RoleGap{Kind: "no-deputy", Role: ct.Label,
				Finding: b.text("roles.noDeputy", "function", ct.Label, "person", c.Person, "organisation", ct.Stakeholder)})
		}
		roles.Contacts = append(roles.Contacts, ct)
	}
	roles.Gaps = append(roles.Gaps, b.unfilledGaps(unfilledOrder)...)
	if len(fallbacks) > 0 {
		roles.Gaps = append(roles.Gaps, RoleGap{Kind: "sector-duty", Role: b.label("sectorRegulators"),
			Finding: b.text("roles.sectorDutyFallback", "lead", b.sectorFallbackLead(), "actions", b.join(fallbacks))})
	}
	roles.Gaps = append(roles.Gaps, b.associationGaps()...)
	// Designated functions that the programme expects but nobody holds.
	for _, f := range []string{"cicte-npc", "csirt", "cybercrime-24-7"} {
		if !slices.ContainsFunc(b.a.PointsOfContact, func(c assess.PointOfContact) bool { return c.Function == f }) {
			label := b.term(b.t.common.Contacts, f)
			roles.Gaps = append(roles.Gaps, RoleGap{Kind: "no-contact", Role: label, Finding: b.text("roles.noContact", "function", label)})
		}
	}
}

func (b *builder) roleMeaning(id string) string {
	if r, ok := b.m.Role(id); ok {
		return b.modelText("role/"+id+"/meaning", r.Meaning)
	}
	return ""
}

// unfilledGaps reports the archetypes that actions name but nobody fills:
// one finding per role, saying which actions it leads and which action
// designates it; the standing institutions of government in one finding
// with the actions that need them.
func (b *builder) unfilledGaps(unfilled []string) []RoleGap {
	var gaps []RoleGap
	var standing []string
	for _, r := range unfilled {
		if slices.Contains(standingInstitutions, r) {
			standing = append(standing, b.text("roles.standingItem", "role", b.roleName(r), "actions", b.join(b.actionsNaming(r))))
			continue
		}
		var ids []string
		for _, a := range b.d.Actions {
			if a.Lead.Gap && a.Lead.Role == r {
				ids = append(ids, a.ID)
			}
		}
		key := "roles.unfilled"
		if r == "regional-bodies" {
			key = "roles.unfilledRegional"
		}
		finding := b.text(key, "role", b.roleName(r), "meaning", b.roleMeaning(r))
		if des := b.actionOf(b.designated[r]); des != "" && len(ids) > 0 {
			finding += " " + b.text("roles.unfilledDesignated", "designation", des, "actions", b.join(ids))
		} else if len(ids) > 0 {
			finding += " " + b.text("roles.unfilledLeads", "actions", b.join(ids))
		}
		gaps = append(gaps, RoleGap{Kind: "unfilled-role", Role: b.roleName(r), Finding: finding})
	}
	if len(standing) > 0 {
		gaps = append(gaps, RoleGap{Kind: "not-represented", Role: b.label("standingInstitutions"),
			Finding: b.text("roles.standing", "list", b.join(standing))})
	}
	return gaps
}

// actionsNaming returns the IDs of the actions whose RACI names role
// without a holder.
func (b *builder) actionsNaming(role string) []string {
	var ids []string
	for _, a := range b.d.Actions {
		all := append(append(append([]Assignment{a.Lead}, a.Responsible...), a.Consulted...), a.Informed...)
		if slices.ContainsFunc(all, func(as Assignment) bool { return as.Gap && as.Role == role }) {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

// actionOf returns the plan's ID of the action made from library action
// libID, or "".
func (b *builder) actionOf(libID string) string {
	for _, a := range b.d.Actions {
		if libID != "" && a.LibraryID == libID {
			return a.ID
		}
	}
	return ""
}

// associationGaps reports a business association that stands in for the
// operators of critical infrastructure: it holds both the private-sector
// and the ci-operators role, but cannot commit the operators themselves.
func (b *builder) associationGaps() []RoleGap {
	var gaps []RoleGap
	for _, s := range b.a.Stakeholders {
		if slices.Contains(s.Roles, "private-sector") && slices.Contains(s.Roles, "ci-operators") {
			gaps = append(gaps, RoleGap{Kind: "operators-by-association", Role: b.roleName("ci-operators"),
				Finding: b.text("roles.operatorsByAssociation", "organisation", s.Name)})
		}
	}
	return gaps
}

// sectorFallbackLead names who leads a sector duty for want of a
// regulator: the lead agency, or its role name while it is open.
func (b *builder) sectorFallbackLead() string {
	if name := b.leadAgencyName(); name != "" {
		return name
	}
	return b.roleName(b.leadAgency)
}

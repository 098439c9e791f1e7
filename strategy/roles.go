package strategy

import (
	"slices"

	"github.com/ncskit/ncskit/assess"
)

// assign maps a role archetype to the country's stakeholder that fills it:
// the first stakeholder, in assessment order, that lists the archetype.
// When none does, the assignment is a role gap.
func (b *builder) assign(role string) Assignment {
	as := Assignment{Role: role, RoleName: b.roleName(role)}
	if list := b.byRole[role]; len(list) > 0 {
		as.Stakeholder = list[0].ID
		as.Name = list[0].Name
		as.Contact = b.contactOf(list[0].ID)
		return as
	}
	as.Name = as.RoleName
	as.Gap = true
	return as
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
	for i := range b.d.Actions {
		a := &b.d.Actions[i]
		la := b.lib.Action(a.LibraryID)
		// One institution can fill several archetypes of an action; it
		// keeps only its strongest letter (A, then R, C, I).
		taken := map[string]bool{}
		take := func(role string) (Assignment, bool) {
			as := b.assign(role)
			key := as.Stakeholder
			if as.Gap {
				key = "role:" + role
			}
			if taken[key] {
				return as, false
			}
			taken[key] = true
			note(as)
			return as, true
		}
		a.Lead, _ = take(la.Lead)
		for _, r := range la.Responsible {
			if as, ok := take(r); ok {
				a.Responsible = append(a.Responsible, as)
			}
		}
		for _, r := range la.Consulted {
			if as, ok := take(r); ok {
				a.Consulted = append(a.Consulted, as)
			}
		}
		for _, r := range la.Informed {
			if as, ok := take(r); ok {
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
	for _, r := range unfilledOrder {
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
		if len(ids) > 0 {
			finding += " " + b.text("roles.unfilledLeads", "actions", joinList(ids, b.label("and")))
		}
		roles.Gaps = append(roles.Gaps, RoleGap{Kind: "unfilled-role", Role: b.roleName(r), Finding: finding})
	}
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
		return r.Meaning.In(b.lang)
	}
	return ""
}

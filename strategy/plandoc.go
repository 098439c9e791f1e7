package strategy

import (
	"strings"
)

// The implementation plan: one card per action (the only place in the
// plan where an action's title is printed; elsewhere it is referred to by
// its ID), the schedule, the indicators, roles and contacts.

// planCards writes one card per action, pillar by pillar: its title as a
// heading, what it does and its milestone, and a table of its owners,
// dates, cost and links.
func (b *builder) planCards() {
	b.chapterHeading(b.label("ch.cards"), "action-cards")
	b.para(b.text("plan.cardsIntro"))
	kpi := map[string]KPI{}
	for _, k := range b.d.KPIs {
		kpi[k.Action] = k
	}
	for _, p := range b.r.Pillars {
		first := true
		for _, a := range b.d.Actions {
			if a.Pillar != p.ID {
				continue
			}
			if first {
				b.sectionHeading(p.ID+" — "+b.m.Pillar(p.ID).Name.In(b.lang), "cards-"+strings.ToLower(p.ID))
				first = false
			}
			b.add(Heading{Level: 3, Number: a.ID, Text: a.Title, Anchor: "action-" + strings.ToLower(a.ID)})
			text := a.Description + " " + b.label("milestone") + b.loc.Colon() + a.Milestone
			if a.Note != "" {
				text += " " + a.Note
			}
			b.para(text)
			b.table("card", "", b.labels("field", "value"), []float64{1, 3.4}, b.cardRows(a, kpi[a.ID]))
		}
	}
}

// cardRows are the facts of an action's card.
func (b *builder) cardRows(a Action, k KPI) [][]string {
	cost := a.CostBand + " " + b.label("oneOff")
	if a.Recurrent {
		cost = a.CostBand + " " + b.label("perYear")
	}
	rows := [][]string{
		{b.label("xlsx.col.objective"), a.Objective},
		{b.label("col.closes"), strings.Join(a.Indicators, ", ")},
		{b.label("col.lead"), a.Lead.Name},
	}
	if s := b.supporting(a); s != "" {
		rows = append(rows, []string{b.label("col.support"), s})
	}
	rows = append(rows,
		[]string{b.label("col.dates"), b.dates(a)},
		[]string{b.label("col.cost"), cost + b.loc.Semicolon() + strings.Join(a.Funding, b.loc.Semicolon())},
	)
	if len(a.DependsOn) > 0 {
		rows = append(rows, []string{b.label("col.dependsOn"), strings.Join(a.DependsOn, ", ")})
	}
	if a.Deadline != "" {
		rows = append(rows, []string{b.label("sec.deadlines"), a.Deadline})
	}
	if k.ID != "" {
		rows = append(rows,
			[]string{b.label("col.kpi"), k.ID + " " + k.Name + " (" + b.unitCell(k) + ")"},
			[]string{b.label("col.baseline"), b.baselineCell(k, false)},
			[]string{b.label("kpi.col.yearlyTargets"), b.targetsCell(k)},
			[]string{b.label("kpi.col.maturity"), b.levelCell(k)})
	}
	return rows
}

// planSchedule is the plan's schedule: the actions by horizon with their
// dates and leads, the timeline, the deadlines, the capacity of the
// leads, the dependencies and the minimum viable path, each action by ID.
func (b *builder) planSchedule() {
	b.chapterHeading(b.label("ch.schedule"), "schedule")
	b.para(b.text("implementation.intro"))
	for _, h := range []string{"quick", "medium", "long"} {
		var items []string
		for i, a := range b.d.Actions {
			if a.Horizon == h && b.slots[i].end <= b.months {
				items = append(items, a.ID+" ("+b.dates(a)+b.loc.Semicolon()+a.Lead.Name+")")
			}
		}
		if len(items) == 0 {
			continue
		}
		b.sectionHeading(b.term(b.t.common.Horizons, h), "horizon-"+h)
		b.list(false, items...)
	}
	b.beyondSection()
	b.add(Chart{Type: "timeline", Title: b.label("chart.timeline"), Spans: b.spans, Max: float64(b.months),
		Caption: b.text("chart.timelineCaption")})
	b.deadlineSection()
	b.capacitySection()
	var deps []string
	for _, a := range b.d.Actions {
		if len(a.DependsOn) > 0 {
			deps = append(deps, b.text("implementation.dependency", "action", a.ID, "after", b.join(a.DependsOn)))
		}
	}
	if len(deps) > 0 {
		b.sectionHeading(b.label("sec.dependencies"), "dependencies")
		b.para(b.text("implementation.dependencies"))
		b.list(false, deps...)
	}
	b.sectionHeading(b.label("sec.minimumPath"), "plan-minimum-path")
	mp := b.minimumPath()
	if len(mp) == 0 {
		b.para(b.text("implementation.noMinimumPath"))
		return
	}
	b.para(b.text("implementation.minimumPath"))
	var items []string
	for _, a := range mp {
		items = append(items, a.ID+" — "+b.label("costBand")+" "+a.CostBand+", "+a.Lead.Name)
	}
	b.list(true, items...)
}

// planIndicators is the table of every action's KPI.
func (b *builder) planIndicators() {
	b.chapterHeading(b.label("ch.monitoring"), "plan-kpis")
	b.para(b.text("kpi.monitoring.intro"))
	cols := b.labels("col.kpi", "col.measure", "kpi.col.unitType", "col.baseline", "kpi.col.yearlyTargets", "kpi.col.maturity", "kpi.col.sourceOwner")
	widths := []float64{0.9, 3, 1, 1.7, 1.5, 1.4, 1.9}
	b.table("kpis", b.text("table.kpiCaption"), cols, widths, b.kpiRows(b.d.KPIs))
	if len(b.d.Outcomes) > 0 {
		b.table("outcome-measures", b.text("kpi.table.planOutcomeCaption"), cols, widths, b.kpiRows(b.d.Outcomes))
	}
}

// planRoles is the RACI matrix, the points of contact with their deputies
// and the role gaps: the plan's, not the public strategy's, because they
// name people.
func (b *builder) planRoles() {
	b.chapterHeading(b.label("ch.rolesContacts"), "roles-contacts")
	b.sectionHeading(b.label("sec.raci"), "raci")
	b.para(b.text("annex.raciIntro"))
	raci := b.d.Roles.RACI
	cols := append([]string{b.label("col.action")}, raci.Columns...)
	widths := []float64{1}
	for range raci.Columns {
		widths = append(widths, 1)
	}
	var rrows [][]string
	for i, id := range raci.Actions {
		rrows = append(rrows, append([]string{id}, raci.Cells[i]...))
	}
	b.table("raci", b.text("table.raciCaption"), cols, widths, rrows)
	b.sectionHeading(b.label("sec.contacts"), "contacts")
	b.para(b.text("governance.contacts"))
	var crow [][]string
	for _, c := range b.d.Roles.Contacts {
		crow = append(crow, []string{c.Label, c.Person, c.Stakeholder, orDash(c.Deputy)})
	}
	if len(crow) > 0 {
		b.table("contacts", "", b.labels("col.function", "col.person", "col.organisation", "col.deputy"), []float64{2, 1.5, 2, 2}, crow)
	}
	if len(b.d.Roles.Gaps) > 0 {
		b.sectionHeading(b.label("sec.roleGaps"), "role-gaps")
		b.para(b.counted("governance.gapsIntro", len(b.d.Roles.Gaps)))
		for _, g := range b.d.Roles.Gaps {
			b.callout("finding", g.Role, g.Finding)
		}
	}
}

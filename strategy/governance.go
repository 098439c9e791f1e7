package strategy

// The strategy's vision, principles and governance chapters.

import (
	"strings"
)

func (b *builder) vision() {
	b.chapterHeading(b.label("ch.vision"), "vision")
	b.leadPara(b.text("vision.statement"))
	b.para(b.text("vision.goalsIntro"))
	var goals []string
	for _, p := range b.r.Pillars {
		for _, o := range b.objectivesOf(p.ID, false) {
			goals = append(goals, o.ID+b.loc.Colon()+o.Text)
		}
	}
	b.list(true, goals...)
	b.visionFacts()
}

// leadPrinciple is the principle that leads the list for each framing of
// cyber security.
var leadPrinciple = map[string]string{
	"economy-infrastructure": "risk-based",
	"inclusion-education":    "inclusion",
	"rights-democracy":       "rights",
}

func (b *builder) principles() {
	b.chapterHeading(b.label("ch.principles"), "principles")
	b.para(b.text("principles.intro." + b.a.Profile.Framing))
	first := leadPrinciple[b.a.Profile.Framing]
	var items []string
	for _, p := range b.t.common.Principles {
		item := p.Title.In(b.lang) + ". " + b.principleText(p)
		if p.ID == first {
			items = append([]string{item}, items...)
		} else {
			items = append(items, item)
		}
	}
	b.list(false, items...)
	b.principleFacts()
}

func (b *builder) governance() {
	b.chapterHeading(b.label("ch.governance"), "governance")
	b.para(b.text("governance.intro"))
	b.governanceFacts()
	b.sectionHeading(b.label("sec.structure"), "structure")
	if lead := b.leadAgencyName(); lead != "" {
		b.para(b.text("governance.structure", "lead", lead, "csirt", b.assign("csirt").Name))
	} else {
		text := b.text("governance.structureOpen", "csirt", b.assign("csirt").Name)
		if des := b.actionOf(b.designated[b.leadAgency]); b.leadAgency != "" && des != "" {
			text += " " + b.text("governance.designationAction", "designation", des)
		}
		b.para(text)
	}
	b.para(b.text("governance.rhythm"))
	b.sectionHeading(b.label("sec.roles"), "roles")
	var rows [][]string
	for _, r := range b.m.Roles {
		holder := b.label("unfilled")
		if list := b.holders(r.ID, nil); len(list) > 0 {
			names := make([]string, len(list))
			for i, s := range list {
				names[i] = s.Name
			}
			holder = strings.Join(names, b.loc.Semicolon())
		}
		rows = append(rows, []string{b.roleName(r.ID), holder, b.text("governance.role." + r.ID)})
	}
	b.table("roles", b.text("table.rolesCaption"), b.labels("col.role", "col.holder", "col.responsibility"), []float64{1.4, 1.6, 3}, rows)
	b.para(b.text("governance.contactsInPlan"))
}

package strategy

import (
	"strings"
)

// document lays out the three documents of the draft. The Cabinet brief
// first; then the strategy for adoption, in the order of a regional
// strategy: document control, foreword, summary, introduction, context,
// vision, principles, governance, pillars, implementation, resourcing,
// monitoring and review; then the implementation plan: the action cards,
// the schedule, the indicators, the roles and contacts, the consultation
// record, and the annexes.
func (b *builder) document() {
	b.startPart(PartBrief)
	b.brief()
	b.startPart(PartStrategy)
	b.documentControl()
	b.foreword()
	b.summary()
	b.introduction()
	b.context()
	b.vision()
	b.principles()
	b.governance()
	b.pillars()
	b.implementation()
	b.resourcing()
	b.monitoring()
	b.review()
	b.startPart(PartPlan)
	b.planCards()
	b.planSchedule()
	b.planIndicators()
	b.planRoles()
	b.consultation()
	b.annexAssessment()
	b.annexPriorities()
	b.annexCoverage()
	b.annexGlossary()
}

func (b *builder) documentControl() {
	b.add(Heading{Level: 1, Text: b.label("documentControl"), Anchor: "document-control"})
	mt := b.d.Meta
	rows := [][]string{
		{b.label("dc.title"), mt.Title},
		{b.label("dc.kind"), b.kindName},
		{b.label("dc.country"), mt.Country},
		{b.label("dc.period"), mt.Period},
		{b.label("dc.version"), mt.Version},
		{b.label("dc.status"), mt.Status},
		b.evidenceRow(),
		{b.label("dc.approval"), mt.Approval},
		{b.label("dc.owner"), mt.Author},
		{b.label("dc.date"), b.loc.Date(mt.Date)},
		{b.label("dc.nextReview"), b.loc.Date(mt.NextReview)},
		{b.label("dc.classification"), orDash(b.markings()[b.part])},
		{b.label("dc.basis"), b.mtext("dc.basis", "model", b.m.Name.In(b.lang), "modelVersion", b.m.Version)},
		{b.label("dc.template"), b.t.Name.In(b.lang) + " " + b.t.Version},
		{b.label("dc.generator"), mt.Generator},
	}
	b.table("document-control", "", b.labels("field", "value"), []float64{1, 3}, rows)
	b.small(b.text("dc.note"))
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func (b *builder) foreword() {
	b.chapterHeading(b.label("ch.foreword"), "foreword")
	b.para(b.mtext("foreword.placeholder"))
	b.forewordFacts()
}

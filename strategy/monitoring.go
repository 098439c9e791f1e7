package strategy

// The strategy's monitoring and review chapters, and the consultation
// record of the implementation plan.

import (
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/assess"
)

func (b *builder) monitoring() {
	b.chapterHeading(b.label("ch.monitoring"), "monitoring")
	b.para(b.text("kpi.monitoring.summary", "kpis", strconv.Itoa(len(b.d.KPIs))))
	b.monitoringFacts()
	b.para(b.text("monitoring.rhythm"))
	b.outcomeTable()
	var pillarRows [][]string
	for _, p := range b.r.Pillars {
		pillarRows = append(pillarRows, []string{p.ID + " " + b.m.Pillar(p.ID).Name.In(b.lang), b.levelName(p.Achieved),
			b.progressText(p.Coverage.Assessed, p.Progress), b.levelName(p.Target), b.loc.Decimal(p.TargetProgress, 2)})
	}
	b.table("pillar-kpis", b.text("table.pillarKpiCaption"), b.labels("col.pillar", "col.baselineAchieved", "col.baselineProgress", "col.targetAchieved", "col.targetProgress"),
		[]float64{3, 1.5, 1.2, 1.5, 1.2}, pillarRows)
}

func (b *builder) review() {
	b.chapterHeading(b.label("ch.review"), "review")
	b.para(b.text("review.schedule", "nextReview", b.d.Meta.NextReview))
	b.list(false, b.text("review.trigger.incident"), b.text("review.trigger.law"), b.text("review.trigger.government"),
		b.text("review.trigger.reassessment"))
	b.reviewFacts()
}

func (b *builder) consultation() {
	b.chapterHeading(b.label("ch.consultation"), "consultation")
	b.para(b.mtext("consultation.session"))
	b.sourcesTable()
	var rows [][]string
	for _, r := range b.a.Respondents {
		if r.Stakeholder == "" && b.a.Session.MethodOf() == assess.MethodDeskReview {
			continue // a reviewer, named in the text above
		}
		pillars := map[string]bool{}
		var list []string
		for _, resp := range b.a.Responses {
			if resp.Respondent == r.ID {
				p := resp.Indicator[:strings.IndexByte(resp.Indicator, '.')]
				if !pillars[p] {
					pillars[p] = true
					list = append(list, p)
				}
			}
		}
		rows = append(rows, []string{r.Name, orDash(r.Title), orDash(b.stakeholders[r.Stakeholder].Name), strings.Join(list, ", ")})
	}
	if len(rows) > 0 {
		b.table("consultation", b.mtext("table.consultationCaption"), b.labels("col.person", "col.title", "col.organisation", "col.pillars"), []float64{1.6, 1.8, 2.4, 1}, rows)
	}
	b.consultationFacts()
	b.para(b.mtext("consultation.next"))
}

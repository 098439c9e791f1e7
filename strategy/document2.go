package strategy

import (
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/assess"
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
		if des := b.actionOf(b.designated[leadAgencyRole]); des != "" {
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

func (b *builder) pillars() {
	b.chapterHeading(b.label("ch.pillars"), "pillars")
	b.para(b.text("pillars.intro"))
	b.pillarBars()
	for _, p := range b.r.Pillars {
		pl := b.m.Pillar(p.ID)
		b.sectionHeading(p.ID+" — "+pl.Name.In(b.lang), "pillar-"+strings.ToLower(p.ID))
		b.para(b.pillarSummary(p.ID, pl.Summary))
		b.para(b.pillarHeadline(p))
		b.pillarEvidence(p)
		b.pillarBuildsOn(p.ID)
		// One objective per area the plan acts on (see objectives).
		var objectives []string
		for _, o := range b.objectivesOf(p.ID, true) {
			objectives = append(objectives, o.ID+" "+o.Text)
		}
		var rows [][]string
		for _, a := range b.d.Actions {
			if a.Pillar == p.ID {
				rows = append(rows, []string{a.ID, a.Title, strings.Join(a.Indicators, ", "), a.Lead.Name, b.supporting(a), horizonShort(b, a.Horizon)})
			}
		}
		if len(rows) == 0 {
			if p.Coverage.Assessed == 0 {
				b.callout("note", b.label("callout.dataGaps"), b.text("pillars.notAssessed"))
			} else {
				b.para(b.text("pillars.noActions"))
			}
			continue
		}
		b.para(b.text("pillars.objectives"))
		b.list(true, objectives...)
		b.table("pillar-actions", b.text("table.pillarActionsCaption", "pillar", pl.Name.In(b.lang)),
			b.labels("col.action", "col.title", "col.closes", "col.lead", "col.support", "col.horizon"),
			[]float64{0.8, 3, 1.3, 1.6, 2, 1}, rows)
		for _, d := range b.closed {
			if strings.HasPrefix(d.indicator, p.ID+".") {
				b.callout("note", b.label("callout.closedByDraft"), d.reason)
			}
		}
		for _, d := range b.deferred {
			if strings.HasPrefix(d.indicator, p.ID+".") {
				b.callout("note", b.label("callout.deferred"), d.reason)
			}
		}
	}
}

func (b *builder) supporting(a Action) string {
	var names []string
	for _, as := range a.Responsible {
		names = append(names, as.Name)
	}
	return strings.Join(names, b.loc.Semicolon())
}

func horizonShort(b *builder, h string) string { return b.term(b.t.common.Horizons, h) }

// implementation is the strategy's chapter on implementation: the
// actions of each horizon by ID, the plan year by year and the minimum
// viable path; the implementation plan holds the dates, leads,
// dependencies and capacity.
func (b *builder) implementation() {
	b.chapterHeading(b.label("ch.implementation"), "implementation")
	b.para(b.text("implementation.summary"))
	b.implementationFacts()
	var rows [][]string
	for _, h := range []string{"quick", "medium", "long"} {
		var ids []string
		for _, a := range b.d.Actions {
			if a.Horizon == h {
				ids = append(ids, a.ID)
			}
		}
		if len(ids) > 0 {
			rows = append(rows, []string{b.term(b.t.common.Horizons, h), strconv.Itoa(len(ids)), strings.Join(ids, ", ")})
		}
	}
	if n := len(b.d.Deferred); n > 0 {
		var ids []string
		for _, d := range b.d.Deferred {
			ids = append(ids, d.ID)
		}
		rows = append(rows, []string{b.label("sec.beyond"), strconv.Itoa(n), strings.Join(ids, ", ")})
	}
	b.table("horizons", "", b.labels("col.horizon", "col.actions", "col.actionIDs"), []float64{1.6, 0.6, 4}, rows)
	b.yearsSection()
	b.sectionHeading(b.label("sec.minimumPath"), "minimum-path")
	mp := b.minimumPath()
	if len(mp) == 0 {
		b.para(b.text("implementation.noMinimumPath"))
		return
	}
	ids := make([]string, len(mp))
	for i, a := range mp {
		ids[i] = a.ID
	}
	b.para(b.text("implementation.minimumPath") + " " + b.text("implementation.minimumPathIDs", "ids", b.join(ids)))
}

// minimumPath returns the actions on the minimum viable path: those the
// library marks as foundational and cheap, in priority order.
func (b *builder) minimumPath() []Action {
	var out []Action
	for _, a := range b.d.Actions {
		if a.MinimumPath {
			out = append(out, a)
		}
	}
	return out
}

func (b *builder) resourcing() {
	b.chapterHeading(b.label("ch.resourcing"), "resourcing")
	b.para(b.text("resourcing.intro"))
	var bands []string
	for _, c := range b.t.common.CostBands {
		bands = append(bands, c.ID+b.loc.Colon()+c.Name.In(b.lang))
	}
	b.list(false, bands...)
	var rows [][]string
	for _, p := range b.r.Pillars {
		oneOff, rec := 0.0, 0.0
		n := 0
		for _, a := range b.d.Actions {
			if a.Pillar != p.ID {
				continue
			}
			n++
			if a.Recurrent {
				rec += b.midpoint(a.CostBand)
			} else {
				oneOff += b.midpoint(a.CostBand)
			}
		}
		rows = append(rows, []string{p.ID + " " + b.m.Pillar(p.ID).Name.In(b.lang), strconv.Itoa(n), b.money(oneOff), b.money(rec)})
	}
	rows = append(rows, []string{b.label("total"), strconv.Itoa(len(b.d.Actions)), b.money(b.totalCost(false)), b.money(b.totalCost(true))})
	b.table("budget", b.text("table.budgetCaption"), b.labels("col.pillar", "col.actions", "col.oneOff", "col.recurrent"), []float64{3, 1, 1.5, 1.5}, rows)
	b.recurrentCosts()
	b.para(b.text("resourcing.funding"))
	if share := b.donorShare(); share > 0 {
		b.para(b.text("summary.donors", "donorShare", strconv.Itoa(share)))
	}
	counts := map[string]int{}
	for _, a := range b.d.Actions {
		for _, f := range a.Funding {
			counts[f]++
		}
	}
	var frows [][]string
	for _, f := range b.t.common.Funding {
		name := f.Name.In(b.lang)
		if counts[name] > 0 {
			frows = append(frows, []string{name, strconv.Itoa(counts[name])})
		}
	}
	b.table("funding", "", b.labels("col.funding", "col.actions"), []float64{3, 1}, frows)
	b.para(b.text("resourcing.sustainability"))
}

func (b *builder) midpoint(band string) float64 {
	for _, c := range b.t.common.CostBands {
		if c.ID == band {
			return c.Midpoint
		}
	}
	return 0
}

// totalCost adds the mid-points of the cost bands of the one-off or the
// recurrent actions.
func (b *builder) totalCost(recurrent bool) float64 {
	t := 0.0
	for _, a := range b.d.Actions {
		if a.Recurrent == recurrent {
			t += b.midpoint(a.CostBand)
		}
	}
	return t
}

// donorShare is the percentage of actions whose first funding source is a
// development partner or bank.
func (b *builder) donorShare() int {
	if len(b.d.Actions) == 0 {
		return 0
	}
	n := 0
	for _, a := range b.d.Actions {
		la := b.lib.Action(a.LibraryID)
		if len(la.Funding) > 0 && (la.Funding[0] == "development-partner" || la.Funding[0] == "development-bank") {
			n++
		}
	}
	return (n*100 + len(b.d.Actions)/2) / len(b.d.Actions)
}

// money writes an amount in US dollars in thousands or millions, as the
// draft's language writes them.
func (b *builder) money(v float64) string { return b.loc.Money(v, "USD") }

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

// pillarBars charts each pillar's progress against its target progress:
// the length of the bars' difference is the distance the pillar has to go.
func (b *builder) pillarBars() {
	c := Chart{Type: "bars", Title: b.label("chart.bars"), Max: float64(b.m.Scale.Max()), Caption: b.text("chart.barsCaption")}
	cur := Series{Name: b.label("current")}
	tgt := Series{Name: b.label("target")}
	for _, p := range b.r.Pillars {
		if p.Coverage.Assessed == 0 {
			cur.Missing = append(cur.Missing, len(c.Labels))
		}
		c.Labels = append(c.Labels, p.ID+" "+b.m.Pillar(p.ID).Name.In(b.lang))
		cur.Values = append(cur.Values, p.Progress)
		tgt.Values = append(tgt.Values, p.TargetProgress)
	}
	c.Series = []Series{cur, tgt}
	b.add(c)
}

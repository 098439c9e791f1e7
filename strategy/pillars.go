package strategy

// The strategy's chapter per pillar: its objectives and main lines of
// action, and the chart of progress by pillar.

import (
	"strings"
)

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

package strategy

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

func (b *builder) annexAssessment() {
	b.annexHeading(b.label("annex.assessment"), "annex-assessment")
	b.para(b.mtext("annex.assessmentIntro"))
	b.assessmentFindings()
	for _, p := range b.r.Pillars {
		var rows [][]string
		for _, row := range b.d.Indicators {
			if row.Pillar != p.ID {
				continue
			}
			flags := []string{}
			if row.Agreed {
				flags = append(flags, b.label("flag.agreed"))
			} else if row.Disagreement {
				flags = append(flags, b.label("flag.disagreement"))
			}
			evidence := strings.Join(row.Evidence, "\n")
			if row.Decision != "" {
				evidence = b.label("decision") + b.loc.Colon() + row.Decision + "\n" + evidence
			}
			confidence := row.Confidence
			if row.Level == 0 {
				confidence = "—"
			}
			rows = append(rows, []string{row.ID + " " + row.Title, row.LevelName, confidence, strconv.Itoa(row.Target), strconv.Itoa(row.Gap),
				strconv.Itoa(row.Spread) + " " + strings.Join(flags, ", "), row.Provision, evidence})
		}
		b.sectionHeading(p.ID+" — "+b.m.Pillar(p.ID).Name.In(b.lang), "annex-assessment-"+strings.ToLower(p.ID))
		b.table("assessment", "", b.labels("col.indicator", "col.level", "col.confidence", "col.target", "col.gap", "col.spread", "col.provision", "col.evidence"),
			[]float64{2, 1.1, 0.9, 0.6, 0.5, 1, 1.1, 4.6}, rows)
	}
}

func (b *builder) annexPriorities() {
	b.annexHeading(b.label("annex.priorities"), "annex-priorities")
	b.para(b.text("annex.prioritiesIntro"))
	var rows [][]string
	for _, p := range b.d.Priorities {
		reason := p.Reason
		actions := "—"
		if slices.ContainsFunc(b.closed, func(d deferral) bool { return d.indicator == p.Indicator }) {
			actions = b.label("closedByDraft")
		}
		if len(p.Actions) > 0 {
			actions = strings.Join(p.Actions, ", ")
		}
		rows = append(rows, []string{strconv.Itoa(p.Rank), p.Indicator + " " + p.Title, strconv.Itoa(p.Gap),
			b.loc.Number(p.Score), reason, actions})
	}
	b.table("priorities", "", b.labels("col.rank", "col.indicator", "col.gap", "col.score", "col.reason", "col.actions"),
		[]float64{0.5, 2.2, 0.5, 0.6, 4.5, 1}, rows)
	if len(b.deferred) > 0 {
		var items []string
		for _, d := range b.deferred {
			items = append(items, d.inPlan())
		}
		b.sectionHeading(b.label("sec.deferred"), "deferred")
		b.list(false, items...)
	}
}

func (b *builder) annexCoverage() {
	b.annexHeading(b.label("annex.coverage"), "annex-coverage")
	b.para(b.text("annex.coverageIntro"))
	cover := func(list []Term, pick func(a Action) []string) [][]string {
		var rows [][]string
		for _, t := range list {
			name := t.Name.In(b.lang)
			var ids []string
			for _, a := range b.d.Actions {
				for _, x := range pick(a) {
					if x == name {
						ids = append(ids, a.ID)
						break
					}
				}
			}
			status := b.label("covered")
			if len(ids) == 0 {
				status = b.label("notCovered")
			}
			rows = append(rows, []string{name, strconv.Itoa(len(ids)), status, strings.Join(ids, ", ")})
		}
		return rows
	}
	b.sectionHeading(b.label("sec.coverageITU"), "coverage-itu")
	b.table("coverage", b.text("table.ituCaption"), b.labels("col.focusArea", "col.actions", "col.status", "col.actionIDs"),
		[]float64{2.5, 0.7, 1, 4}, cover(b.t.common.ITU, func(a Action) []string { return a.ITU }))
	// The CARICOM action plan concerns the Caribbean: the template says
	// which states report against it.
	if b.t.common.CARICOMWhen.Matches(b.reg) {
		b.sectionHeading(b.label("sec.coverageCARICOM"), "coverage-caricom")
		b.para(b.text("annex.caricomIntro"))
		b.table("coverage", b.text("table.caricomCaption"), b.labels("col.planArea", "col.actions", "col.status", "col.actionIDs"),
			[]float64{2.5, 0.7, 1, 4}, cover(b.t.common.CARICOM, func(a Action) []string { return a.CARICOM }))
	}
	b.sectionHeading(b.label("sec.crosswalk"), "crosswalk")
	b.para(b.text("annex.crosswalkIntro"))
	var rows [][]string
	for _, p := range b.m.Pillars {
		for _, a := range p.Areas {
			refs := map[string][]string{}
			for _, in := range a.Indicators {
				for _, c := range in.Crosswalk {
					fw := c[:strings.LastIndexByte(c, ':')]
					ref := c[strings.LastIndexByte(c, ':')+1:]
					if !contains(refs[fw], ref) {
						refs[fw] = append(refs[fw], ref)
					}
				}
			}
			rows = append(rows, []string{a.ID + " " + a.Name.In(b.lang), strings.Join(refs["cmm:2021"], ", "),
				strings.Join(refs["ncaf:2020"], ", "), strings.Join(refs["gci:2024"], ", "), strings.Join(refs["itu:2021"], ", ")})
		}
	}
	b.table("crosswalk", "", b.labels("col.area", "col.cmm", "col.ncaf", "col.gci", "col.itu"), []float64{2.2, 1.2, 2.2, 1.4, 2}, rows)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (b *builder) annexGlossary() {
	b.annexHeading(b.label("annex.glossary"), "annex-glossary")
	var rows [][]string
	for _, g := range b.t.common.Glossary {
		rows = append(rows, []string{g.Title.In(b.lang), g.Text.In(b.lang)})
	}
	b.table("glossary", "", b.labels("col.term", "col.meaning"), []float64{1.2, 4}, rows)
	b.small(b.text("annex.provenance", "generator", b.d.Meta.Generator, "model", fmt.Sprintf("%s %s", b.m.ID, b.m.Version),
		"template", b.t.ID+" "+b.t.Version))
}

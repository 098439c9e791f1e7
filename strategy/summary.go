package strategy

// The strategy's opening: the executive summary and the introduction.

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

func (b *builder) summary() {
	b.chapterHeading(b.label("ch.summary"), "executive-summary")
	b.evidenceSummary()
	b.leadPara(b.text("vision.statement"))
	b.para(b.kindSummary)
	b.summaryFacts()
	b.para(b.text("summary.baseline", "baseline", b.baselineSentence()))
	b.para(b.text("summary.prioritiesIntro"))
	b.list(true, b.topAreas(5)...)
	var quick []string
	byPriority := slices.Clone(b.d.Actions)
	sort.SliceStable(byPriority, func(i, j int) bool { return byPriority[i].Priority < byPriority[j].Priority })
	for _, a := range byPriority {
		if a.Horizon == "quick" && len(quick) < 6 {
			quick = append(quick, a.ID)
		}
	}
	if len(quick) > 0 {
		b.para(b.text("summary.quickWinIDs", "ids", b.join(quick)))
	}
	switch lead := b.leadAgencyName(); lead {
	case "":
		b.para(b.text("summary.governanceOpen"))
	case b.a.Profile.LeadMinistry:
		b.para(b.text("summary.governanceSame"))
	default:
		b.para(b.text("summary.governance", "lead", lead))
	}
	b.cabinetSummary()
	if share := b.donorShare(); share > 0 {
		b.para(b.text("summary.donors", "donorShare", strconv.Itoa(share)))
	}
	if b.t.MinimumPath {
		b.para(b.text("summary.minimumPath", "count", strconv.Itoa(len(b.minimumPath()))))
	}
}

// baselineSentence describes each pillar's progress against its target,
// with the level of its weakest indicator.
func (b *builder) baselineSentence() string {
	var parts []string
	for _, p := range b.r.Pillars {
		name := b.m.Pillar(p.ID).Name.In(b.lang)
		if p.Coverage.Assessed == 0 {
			parts = append(parts, b.text("summary.pillarUnassessed", "pillar", name))
			continue
		}
		parts = append(parts, b.text("summary.pillarLevel", "pillar", name,
			"achieved", b.levelName(p.Achieved), "progress", b.loc.Decimal(p.Progress, 1), "targetProgress", b.loc.Decimal(p.TargetProgress, 1)))
	}
	return b.join(parts)
}

// topAreas returns the areas of the top priorities, in rank order, each
// with the indicators that put it there.
func (b *builder) topAreas(n int) []string {
	var order []string
	inds := map[string][]string{}
	for _, p := range b.r.Priorities {
		if _, ok := inds[p.Area]; !ok {
			if len(order) == n {
				continue
			}
			order = append(order, p.Area)
		}
		inds[p.Area] = append(inds[p.Area], b.indicatorTitle(p.Indicator))
	}
	out := make([]string, len(order))
	for i, a := range order {
		list := inds[a]
		if len(list) > 3 {
			list = append(list[:3:3], b.text("summary.more", "n", strconv.Itoa(len(inds[a])-3)))
		}
		out[i] = b.m.Area(a).Name.In(b.lang) + b.loc.Colon() + strings.Join(list, b.loc.Semicolon())
	}
	return out
}

// leadAgencyName returns the name of the stakeholder that holds the
// lead-agency role (see holders), or "" when none does: the role is then
// open, and the draft says so rather than naming another institution.
func (b *builder) leadAgencyName() string {
	if l := b.holders(b.leadAgency, nil); b.leadAgency != "" && len(l) > 0 {
		return l[0].Name
	}
	return ""
}

func (b *builder) introduction() {
	b.chapterHeading(b.label("ch.introduction"), "introduction")
	b.sectionHeading(b.label("sec.purpose"), "purpose")
	if b.d.Meta.Kind == "implementation-plan" {
		b.para(b.text("intro.purposeImplementation", b.strategyPairs(b.strategyInForce())...))
	} else {
		b.para(b.text("intro.purpose"))
	}
	b.introFacts()
	b.sectionHeading(b.label("sec.method"), "method")
	b.para(b.mtext("intro.method", "coverage", strconv.Itoa(b.r.Coverage.Percent)))
	b.para(b.text("intro.scale"))
	var scale []string
	for _, l := range b.m.Scale.Levels {
		scale = append(scale, fmt.Sprintf("%d %s — %s", l.Level, l.Name.In(b.lang), b.modelText(fmt.Sprintf("scale/%d/meaning", l.Level), l.Meaning)))
	}
	b.list(false, scale...)
	b.sectionHeading(b.label("sec.scope"), "scope")
	b.para(b.text("intro.scope"))
}

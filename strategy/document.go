package strategy

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
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
	if b.t.ID == "small-island-state" {
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
	if l := b.holders(leadAgencyRole, nil); len(l) > 0 {
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

func (b *builder) context() {
	b.chapterHeading(b.label("ch.context"), "strategic-context")
	b.sectionHeading(b.label("sec.profile"), "digital-profile")
	b.para(b.text("context.profile"))
	b.para(b.text("context.framing." + b.a.Profile.Framing))
	b.existsToday()
	b.recentIncidents()
	b.threats()
	b.previousStrategy()
	b.sectionHeading(b.label("sec.baseline"), "baseline")
	b.para(b.mtext("context.baselineIntro"))
	b.radarChart()
	b.scoresTable()
	b.para(b.strengthsText())
	b.disagreementText()
	b.provisionText()
	b.dataGapText()
	b.sectionHeading(b.label("sec.institutions"), "institutions")
	b.para(b.text("context.institutions", "list", b.institutionsList()))
	b.para(b.lawsText())
}

func (b *builder) radarChart() {
	c := Chart{Type: "radar", Title: b.label("chart.radar"), Max: float64(b.m.Scale.Max()),
		Caption: b.text("chart.radarCaption")}
	cur := Series{Name: b.label("current")}
	tgt := Series{Name: b.label("target")}
	for _, s := range b.d.Scores {
		if s.Kind != "area" {
			continue
		}
		if s.Assessed == 0 {
			cur.Missing = append(cur.Missing, len(c.Labels))
		}
		c.Labels = append(c.Labels, s.ID)
		cur.Values = append(cur.Values, s.Progress)
		tgt.Values = append(tgt.Values, b.targetProgress(s.ID))
	}
	c.Series = []Series{cur, tgt}
	b.add(c)
}

func (b *builder) targetProgress(area string) float64 {
	if a := b.r.Area(area); a != nil {
		return a.TargetProgress
	}
	return 0
}

func (b *builder) scoresTable() {
	var rows [][]string
	for _, s := range b.d.Scores {
		name := s.ID + " " + s.Name
		if s.Kind == "area" {
			name = "  " + name
		}
		rows = append(rows, []string{name, b.levelName(s.Achieved), b.progressText(s.Assessed, s.Progress),
			strconv.Itoa(s.Target), gapText(s), fmt.Sprintf("%d/%d", s.Assessed, s.Total), lowText(s)})
	}
	b.table("scores", b.text("table.scoresCaption"), b.labels("col.pillarArea", "col.achieved", "col.progress", "col.target", "col.gap", "col.assessed", "col.lowConfidence"),
		[]float64{4, 1.6, 1, 0.8, 0.6, 1, 1}, rows)
}

// lowText is the share of a row's assessed indicators that carry low
// confidence, "—" when none is assessed.
func lowText(s ScoreRow) string {
	if s.Assessed == 0 {
		return "—"
	}
	return fmt.Sprintf("%d/%d", s.LowConfidence, s.Assessed)
}

func gapText(s ScoreRow) string {
	if s.Achieved == 0 {
		return "—"
	}
	return strconv.Itoa(s.Gap)
}

// strengthsText names the strongest and weakest areas by progress.
func (b *builder) strengthsText() string {
	var areas []ScoreRow
	for _, s := range b.d.Scores {
		if s.Kind == "area" && s.Assessed > 0 {
			areas = append(areas, s)
		}
	}
	if len(areas) == 0 {
		return b.text("context.noScores")
	}
	sort.SliceStable(areas, func(i, j int) bool { return areas[i].Progress > areas[j].Progress })
	name := func(s ScoreRow) string { return s.Name + " (" + b.loc.Decimal(s.Progress, 2) + ")" }
	n := min(2, len(areas))
	var strong, weak []string
	for _, s := range areas[:n] {
		strong = append(strong, name(s))
	}
	for i := len(areas) - 1; i >= len(areas)-n; i-- {
		weak = append(weak, name(areas[i]))
	}
	return b.text("context.strengths", "strongest", b.join(strong), "weakest", b.join(weak))
}

func (b *builder) disagreementText() {
	if b.public() {
		return // vulnerability detail: the plan's assessment annex has it
	}
	var open, settled []string
	for _, row := range b.d.Indicators {
		if !row.Disagreement {
			continue
		}
		label := row.ID + " " + row.Title
		if row.Agreed {
			settled = append(settled, label)
		} else {
			open = append(open, label)
		}
	}
	if len(settled) > 0 {
		b.para(b.counted("context.agreed", len(settled), "list", b.join(settled)))
	}
	if len(open) > 0 {
		b.callout("warning", b.label("callout.disagreements"), b.counted("context.disagreements", len(open), "list", b.join(open)))
	}
}

func (b *builder) provisionText() {
	var shared, donor, outsourced, capped []string
	for _, p := range b.r.Pillars {
		for _, a := range p.Areas {
			for _, is := range a.Indicators {
				label := is.ID + " " + b.indicatorTitle(is.ID)
				switch is.Provision {
				case "shared-regional":
					shared = append(shared, label)
				case "outsourced":
					outsourced = append(outsourced, label)
				}
				if is.DonorFunded {
					donor = append(donor, label)
				}
				if is.Capped {
					capped = append(capped, label)
				}
			}
		}
	}
	if len(shared) > 0 {
		b.para(b.counted("context.shared", len(shared), "list", b.join(shared)))
	}
	if len(outsourced) > 0 {
		b.para(b.text("context.outsourced", "list", b.join(outsourced)))
	}
	if len(donor) > 0 {
		b.callout("finding", b.label("callout.donor"), b.counted("context.donor", len(donor), "list", b.join(donor)))
	}
	if len(capped) > 0 && !b.public() { // a vulnerability: the plan's only
		b.callout("finding", b.label("callout.personDependent"), b.mtext("context.capped", "list", b.join(capped)))
	}
}

func (b *builder) dataGapText() {
	if b.public() {
		return // vulnerability detail: the plan's assessment annex has it
	}
	var gaps []string
	for _, row := range b.d.Indicators {
		if row.Level == 0 && row.Status != b.label("status.n/a") {
			gaps = append(gaps, row.ID+" "+row.Title+" ("+row.Status+")")
		}
	}
	if len(gaps) > 0 {
		b.callout("note", b.label("callout.dataGaps"), b.mtext("context.dataGaps", "list", b.join(gaps)))
	}
}

func (b *builder) institutionsList() string {
	var names []string
	for _, s := range b.d.Roles.Stakeholders {
		names = append(names, s.Name+" ("+strings.Join(s.Roles, ", ")+")")
	}
	return strings.Join(names, b.loc.Semicolon())
}

// lawsText describes the legal foundations from the GOV.LAW indicators.
func (b *builder) lawsText() string {
	var parts []string
	for _, row := range b.d.Indicators {
		if row.Area == "GOV.LAW" {
			level := row.LevelName
			if row.Level > 0 && row.Confidence == b.label("confidence.low") {
				level += " (" + b.label("lowConfidence") + ")"
			}
			parts = append(parts, row.Title+b.loc.Colon()+level)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return b.text("context.laws", "list", strings.Join(parts, b.loc.Semicolon()))
}

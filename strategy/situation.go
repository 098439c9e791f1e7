package strategy

// The strategy's chapter on the country's situation as the assessment
// found it: the radar, the scores, the strengths, the disagreements, the
// shared provision and the data gaps. The facts it names come from
// context.go.

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/assess"
)

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

// lawsText describes the legal foundations from the indicators of the
// model's legal-framework area (assess.PurposeLegalFramework); "" when
// the model has none.
func (b *builder) lawsText() string {
	area := b.m.AreaWithPurpose(assess.PurposeLegalFramework)
	if area == nil {
		return ""
	}
	var parts []string
	for _, row := range b.d.Indicators {
		if row.Area == area.ID {
			level := row.LevelName
			if row.Level > 0 && row.ConfidenceID == "low" {
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

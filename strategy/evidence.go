package strategy

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/assess"
)

// The evidence thresholds, in percent of the applicable indicators that
// have a level (the assessment's coverage, rounded to a whole percent).
// A draft whose coverage is below PartialEvidenceBelow, or with a pillar
// below it, rests on partial evidence: its cover, document control and
// executive summary say so, how much, and which pillars. A draft whose
// coverage is below OutlineBelow is a preliminary outline: its title and
// status say so too. A pillar with no applicable indicator is left out.
const (
	PartialEvidenceBelow = 60
	OutlineBelow         = 25
)

// The evidence bases of a draft, in Meta.Evidence.
const (
	EvidenceSufficient = "sufficient"
	EvidencePartial    = "partial"
	EvidenceOutline    = "outline"
)

// evidenceBase classifies coverage c and the pillars' coverage by the
// thresholds above, and returns the pillars below PartialEvidenceBelow.
func evidenceBase(c assess.Coverage, pillars []*assess.PillarScore) (string, []*assess.PillarScore) {
	var thin []*assess.PillarScore
	for _, p := range pillars {
		if p.Coverage.Total-p.Coverage.NA > 0 && p.Coverage.Percent < PartialEvidenceBelow {
			thin = append(thin, p)
		}
	}
	switch {
	case c.Total-c.NA > 0 && c.Percent < OutlineBelow:
		return EvidenceOutline, thin
	case c.Percent < PartialEvidenceBelow || len(thin) > 0:
		return EvidencePartial, thin
	}
	return EvidenceSufficient, thin
}

// evidenceVars are the placeholders of the evidence texts: counts,
// thresholds and the thin pillars, long (names) and short (IDs).
func (b *builder) evidenceVars() []string {
	c := b.r.Coverage
	var long, short []string
	for _, p := range b.thinPillars {
		long = append(long, b.text("evidence.pillar", "pillar", p.ID+" "+b.m.Pillar(p.ID).Name.In(b.lang),
			"coverage", strconv.Itoa(p.Coverage.Percent), "assessed", strconv.Itoa(p.Coverage.Assessed),
			"applicable", strconv.Itoa(p.Coverage.Total-p.Coverage.NA)))
		short = append(short, fmt.Sprintf("%s (%d%%)", p.ID, p.Coverage.Percent))
	}
	return []string{
		"coverage", strconv.Itoa(c.Percent), "assessed", strconv.Itoa(c.Assessed), "applicable", strconv.Itoa(c.Total - c.NA),
		"threshold", strconv.Itoa(PartialEvidenceBelow), "outline", strconv.Itoa(OutlineBelow),
		"pillars", b.join(long), "pillarIDs", strings.Join(short, ", "),
	}
}

// evidenceMeta fills the document control's evidence fields: the
// coverage, the evidence base, the note for the cover, and for an
// outline its title and status.
func (b *builder) evidenceMeta() {
	mt := &b.d.Meta
	mt.Coverage = b.r.Coverage.Percent
	mt.Method = b.a.Session.MethodOf()
	mt.Evidence, b.thinPillars = evidenceBase(b.r.Coverage, b.r.Pillars)
	switch mt.Evidence {
	case EvidencePartial:
		mt.EvidenceNote = b.text("cover.partial", b.evidenceVars()...)
	case EvidenceOutline:
		mt.EvidenceNote = b.text("cover.outline", b.evidenceVars()...)
		mt.Title = b.text("meta.titleOutline")
		mt.Subtitle = b.text("meta.subtitleOutline")
		if b.o.Status == "" {
			mt.Status = b.label("statusOutline")
		}
	}
}

// evidenceRow is the document control's line on the evidence base.
func (b *builder) evidenceRow() []string {
	v := b.d.Meta.EvidenceNote
	if v == "" {
		v = b.text("dc.evidence", b.evidenceVars()...)
	}
	return []string{b.label("dc.evidence"), v}
}

// evidenceSummary warns at the head of the executive summary that the
// draft rests on partial evidence, or is only an outline.
func (b *builder) evidenceSummary() {
	switch b.d.Meta.Evidence {
	case EvidencePartial:
		b.callout("warning", b.label("callout.partialEvidence"), b.text("summary.evidencePartial", b.evidenceVars()...))
	case EvidenceOutline:
		b.callout("warning", b.label("callout.outline"), b.text("summary.evidenceOutline", b.evidenceVars()...))
	}
}

// pillarEvidence notes, in a pillar's chapter, that few of its indicators
// have a level, or that most of its levels rest on low confidence.
func (b *builder) pillarEvidence(p *assess.PillarScore) {
	applicable := p.Coverage.Total - p.Coverage.NA
	if p.Coverage.Assessed > 0 && applicable > 0 && p.Coverage.Percent < PartialEvidenceBelow {
		b.callout("note", b.label("callout.partialEvidence"), b.text("pillars.partial",
			"assessed", strconv.Itoa(p.Coverage.Assessed), "applicable", strconv.Itoa(applicable),
			"coverage", strconv.Itoa(p.Coverage.Percent)))
	}
	if low := lowConfidence(p); mostlyLow(low, p.Coverage.Assessed) {
		b.callout("note", b.label("callout.lowConfidence"), b.mtext("pillars.lowConfidence",
			"low", strconv.Itoa(low), "assessed", strconv.Itoa(p.Coverage.Assessed)))
	}
}

// lowConfidence counts the indicators of a pillar that have a level and
// whose consolidated confidence is low.
func lowConfidence(p *assess.PillarScore) int {
	n := 0
	for _, a := range p.Areas {
		n += lowConfidenceArea(a)
	}
	return n
}

func lowConfidenceArea(a *assess.AreaScore) int {
	n := 0
	for _, is := range a.Indicators {
		if is.Status == assess.Assessed && is.Confidence == "low" {
			n++
		}
	}
	return n
}

// mostlyLow reports whether more than half of the assessed indicators
// carry low confidence.
func mostlyLow(low, assessed int) bool { return assessed > 0 && 2*low > assessed }

// mtext is the text for key in the wording of the session's method: the
// key's variant for a desk review or interviews ("intro.method.desk-review")
// when the template has one, else the key itself.
func (b *builder) mtext(key string, pairs ...string) string {
	if m := b.a.Session.MethodOf(); m != assess.MethodWorkshop {
		if _, ok := b.t.raw(key+"."+m, b.lang, b.reg); ok {
			return b.text(key+"."+m, pairs...)
		}
	}
	return b.text(key, pairs...)
}

// evidenceLine cites one response in the assessment annex: the person
// and their stakeholder, or for a desk reviewer the published source and
// its date, with the level given and the note. It returns "" for a
// response with neither a note nor a source.
func (b *builder) evidenceLine(resp assess.Response, rating assess.Rating) string {
	note := strings.TrimSpace(resp.Evidence)
	source := strings.TrimSpace(resp.Source)
	if note == "" && source == "" {
		return ""
	}
	cite := source
	if resp.Date != "" && source != "" {
		cite += ", " + b.loc.Date(resp.Date)
	}
	who := b.respondents[resp.Respondent]
	var s string
	switch {
	case who.Stakeholder == "" && source != "":
		s = fmt.Sprintf("%s (%s)", cite, ratingText(b, rating))
	case who.Stakeholder == "":
		s = fmt.Sprintf("%s (%s)", b.attribution(who.Name, b.label("reviewer")), ratingText(b, rating))
	case !b.o.Names:
		s = fmt.Sprintf("%s (%s)", b.stakeholders[who.Stakeholder].Name, ratingText(b, rating))
	default:
		s = fmt.Sprintf("%s (%s, %s)", who.Name, b.stakeholders[who.Stakeholder].Name, ratingText(b, rating))
	}
	if note != "" {
		s += b.loc.Colon() + note
	}
	if who.Stakeholder != "" && source != "" {
		s += " (" + b.label("source") + b.loc.Colon() + cite + ")"
	}
	return s
}

// sourcesTable lists the published sources the responses cite, in order
// of first citation, with their dates and the indicators they inform.
func (b *builder) sourcesTable() {
	var order []string
	dates := map[string][]string{}
	inds := map[string][]string{}
	for _, r := range b.a.Responses {
		s := strings.TrimSpace(r.Source)
		if s == "" {
			continue
		}
		if _, ok := inds[s]; !ok {
			order = append(order, s)
		}
		if d := b.loc.Date(r.Date); d != "" && !contains(dates[s], d) {
			dates[s] = append(dates[s], d)
		}
		if !contains(inds[s], r.Indicator) {
			inds[s] = append(inds[s], r.Indicator)
		}
	}
	if len(order) == 0 {
		return
	}
	var rows [][]string
	for _, s := range order {
		rows = append(rows, []string{s, orDash(strings.Join(dates[s], ", ")), strings.Join(inds[s], ", ")})
	}
	b.table("sources", b.text("table.sourcesCaption"), b.labels("col.citedSource", "col.sourceDate", "col.indicators"),
		[]float64{4, 1, 2}, rows)
}

// reviewers names the respondents who answer for no stakeholder, else
// the session's facilitator.
func (b *builder) reviewers() string {
	if b.public() {
		n := 0
		for _, r := range b.a.Respondents {
			if r.Stakeholder == "" {
				n++
			}
		}
		return b.plural("count.reviewer", max(n, 1))
	}
	var names []string
	for _, r := range b.a.Respondents {
		if r.Stakeholder == "" {
			names = append(names, r.Name)
		}
	}
	if len(names) == 0 {
		return orDash(b.a.Session.Facilitator)
	}
	return b.join(names)
}

// attribution is a person's name when the options keep names, else what
// stands for them.
func (b *builder) attribution(name, anonymous string) string {
	if b.o.Names {
		return name
	}
	return anonymous
}

// sourceCount is the number of distinct sources the responses cite.
func (b *builder) sourceCount() int {
	seen := map[string]bool{}
	for _, r := range b.a.Responses {
		if s := strings.TrimSpace(r.Source); s != "" {
			seen[s] = true
		}
	}
	return len(seen)
}

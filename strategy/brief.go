package strategy

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/assess"
)

// pillarScore is a pillar's score in the result.
type pillarScore = *assess.PillarScore

// The Cabinet brief: what Cabinet is asked to decide, what the plan costs
// year by year against today's budget, the ten actions that matter most
// and the main risks, in two to four pages.

// decision is one decision sought from Cabinet: the sentence of the
// brief and the short phrase of the executive summary.
type decision struct{ long, short string }

// brief writes the Cabinet brief.
func (b *builder) brief() {
	b.add(Heading{Level: 2, Text: b.label("sec.briefPurpose"), Anchor: "brief-purpose"})
	b.para(b.text("brief.purpose", "title", b.d.Meta.Title))
	b.para(b.text("brief.baseline", "baseline", b.baselineSentence()))
	b.add(Heading{Level: 2, Text: b.label("sec.decisions"), Anchor: "brief-decisions"})
	var items []string
	for _, d := range b.decisions() {
		items = append(items, d.long)
	}
	b.list(true, items...)
	b.briefCost()
	b.add(Heading{Level: 2, Text: b.label("sec.topActions"), Anchor: "brief-actions"})
	top := b.topActions(10)
	b.para(b.topActionsText(top, b.d.Meta.StartYear))
	var rows [][]string
	for _, a := range top {
		rows = append(rows, []string{a.ID, a.Title, a.Lead.Name, b.loc.MonthShort(a.End), a.CostBand})
	}
	b.table("brief-actions", "", b.labels("col.action", "col.title", "col.lead", "col.by", "col.cost"), []float64{0.8, 4, 2, 0.9, 0.6}, rows)
	b.add(Heading{Level: 2, Text: b.label("sec.risks"), Anchor: "brief-risks"})
	b.list(false, b.risks()...)
}

// topActions returns the n actions of best priority, in rank order; the
// plan's order breaks ties.
func (b *builder) topActions(n int) []Action {
	list := make([]Action, len(b.d.Actions))
	copy(list, b.d.Actions)
	rank := func(a Action) int {
		if a.Priority <= 0 {
			return 1 << 30
		}
		return a.Priority
	}
	sort.SliceStable(list, func(i, j int) bool { return rank(list[i]) < rank(list[j]) })
	return list[:min(n, len(list))]
}

// decisions are the decisions sought: adopt the document; instruct the
// bills the facts record as pending and bring into force the laws passed
// but not in force; renew what expires within the period and plan for
// the end of donor programmes; fund the recurrent cost.
func (b *builder) decisions() []decision {
	out := []decision{{b.text("brief.decision.adopt", "title", b.d.Meta.Title, "approval", b.d.Meta.Approval),
		b.text("brief.short.adopt")}}
	if b.a.Facts == nil {
		return append(out, b.budgetDecision())
	}
	for _, in := range b.a.Facts.Instruments {
		by := b.actingOn(in.ID)
		pairs := []string{"name", in.Name, "by", by}
		switch kind := b.decisionOn(in); kind {
		case "bill.draft", "bill.before-parliament":
			out = append(out, decision{b.text("brief.decision."+kind, pairs...), b.text("brief.short.bill", pairs...)})
		case "commence":
			out = append(out, decision{b.text("brief.decision.commence", pairs...), b.text("brief.short.commence", pairs...)})
		case "donor", "renew":
			pairs = append(pairs, "expires", in.Expires)
			out = append(out, decision{b.text("brief.decision."+kind, pairs...), b.text("brief.short."+kind, pairs...)})
		}
	}
	return append(out, b.budgetDecision())
}

// decisionOn returns the decision the brief seeks on a recorded
// instrument — "bill.draft" or "bill.before-parliament" (take a bill
// forward), "commence" (bring a passed law into force), "donor" (plan
// for the end of a donor programme within the period), "renew" (renew
// what expires within the period) — or "" for none.
func (b *builder) decisionOn(in assess.Instrument) string {
	end := fmt.Sprintf("%d-12", b.d.Meta.HorizonYear)
	switch {
	case in.Kind == "bill" && (in.Status == "draft" || in.Status == "before-parliament"):
		return "bill." + in.Status
	case in.Kind == "law" && in.Status == "enacted":
		return "commence"
	case in.Kind == "donor-programme" && in.Status == "active" && in.Expires != "" && in.Expires <= end:
		return "donor"
	case in.Expires != "" && in.Expires <= end && (in.Status == "in-force" || in.Status == "adopted" || in.Status == "active") &&
		in.Kind != "strategy" && in.Kind != "budget-line":
		return "renew"
	}
	return ""
}

// actingOn returns ", through GOV-03 by 2027-06" for the first action
// that acts on an instrument, a sentence that the action is deferred to
// the next strategy when it is, "" when none does.
func (b *builder) actingOn(instrument string) string {
	for _, a := range b.d.Actions {
		if a.Instrument == instrument {
			return b.text("brief.through", "action", a.ID, "end", a.End)
		}
	}
	for _, d := range b.d.Deferred {
		if d.Instrument == instrument {
			return b.text("brief.throughDeferred", "action", d.ID)
		}
	}
	return ""
}

// budgetDecision asks for the recurrent budget the country needs in the
// plan's last year: today's budget line plus the plan's additional
// recurrent cost when both are in US dollars; the additional cost on its
// own, said as such, when there is no line or the line is in another
// currency.
func (b *builder) budgetDecision() decision {
	years := b.recurrentYears()
	last := recurrentYear{Year: b.d.Meta.HorizonYear}
	if len(years) > 0 {
		last = years[len(years)-1]
	}
	lines, total, currencies := b.budgetLines()
	pairs := []string{"cost", b.money(last.Cost), "lastYear", strconv.Itoa(last.Year)}
	short := b.text("brief.short.budget", pairs...)
	var names []string
	for _, l := range lines {
		names = append(names, l.Name)
	}
	switch {
	case len(lines) == 0:
		return decision{b.text("brief.decision.budgetNew", pairs...), short}
	case len(currencies) == 1 && currencies[0] == "USD":
		pairs = append(pairs, "need", b.money(float64(total["USD"])+last.Cost))
		return decision{b.text("brief.decision.budget", append(pairs, "line", b.amount(total["USD"], "USD"),
			"lineName", strings.Join(names, b.loc.Semicolon()))...), b.text("brief.short.budgetTotal", pairs...)}
	}
	var refs []string
	for _, l := range lines {
		refs = append(refs, l.Name+" ("+b.amount(l.Amount, l.Currency)+")")
	}
	return decision{b.text("brief.decision.budgetOther", append(pairs, "line", strings.Join(refs, b.loc.Semicolon()),
		"currency", strings.Join(currencies, ", "))...), short}
}

// yearCost is what the plan costs in one year of its period, at the
// mid-points of the cost bands: the one-off cost of the set-up work in
// the year (each action's spread evenly over its months) and the
// recurrent cost of the work already set up.
type yearCost struct {
	year              int
	oneOff, recurrent float64
}

func (y yearCost) total() float64 { return y.oneOff + y.recurrent }

// costByYear returns the cost of the plan per year of the period.
func (b *builder) costByYear() []yearCost {
	rec := b.recurrentYears()
	out := make([]yearCost, len(rec))
	for y := range out {
		out[y] = yearCost{year: rec[y].Year, recurrent: rec[y].Cost}
		from, to := y*12, y*12+12
		for i, a := range b.d.Actions {
			s := b.slots[i]
			if a.Recurrent || s.end <= s.start {
				continue
			}
			months := min(s.end, to) - max(s.start, from)
			if months > 0 {
				out[y].oneOff += b.midpoint(a.CostBand) * float64(months) / float64(s.end-s.start)
			}
		}
	}
	return out
}

// firstYearAndTotal returns the cost of the first year and of the whole
// period.
func (b *builder) firstYearAndTotal() (first, all float64) {
	for i, y := range b.costByYear() {
		if i == 0 {
			first = y.total()
		}
		all += y.total()
	}
	return first, all
}

// briefCost is the brief's table of the cost per year against today's
// budget line, with the first-year and whole-period totals.
func (b *builder) briefCost() {
	b.add(Heading{Level: 2, Text: b.label("sec.cost"), Anchor: "brief-cost"})
	years := b.costByYear()
	first, all := b.firstYearAndTotal()
	_, total, currencies := b.budgetLines()
	usd := len(currencies) == 1 && currencies[0] == "USD"
	b.para(b.briefCostText(years, first, all))
	var rows [][]string
	for _, y := range years {
		need := "—"
		if usd {
			need = b.money(float64(total["USD"]) + y.recurrent)
		}
		rows = append(rows, []string{strconv.Itoa(y.year), b.money(y.oneOff), b.money(y.recurrent), b.money(y.total()), need})
	}
	rows = append(rows, []string{b.label("total"), "", "", b.money(all), ""})
	b.table("brief-cost", b.text("table.briefCostCaption"), b.labels("col.year", "col.oneOff", "col.addRecurrent", "total", "col.recurrentNeeded"),
		[]float64{1, 1.2, 1.4, 1.2, 1.4}, rows)
}

// risks are the main risks to the plan: the deadlines it cannot meet,
// leads without the staff for their actions, what rests on donors, an
// open lead role and evidence that is partial.
func (b *builder) risks() []string {
	var out []string
	for i, a := range b.d.Actions {
		if a.DeadlineMissed && b.slots[i].due != nil {
			out = append(out, b.deadlineRisk(i))
		}
	}
	for _, l := range b.loads() {
		if l.beyondCount > 0 && l.peak >= l.capacity {
			out = append(out, b.counted("brief.risk.capacity", l.beyondCount, "lead", l.name))
		}
	}
	if r := b.understaffedRisk(); r != "" {
		out = append(out, r)
	}
	donor := 0
	for _, p := range b.r.Pillars {
		for _, a := range p.Areas {
			for _, is := range a.Indicators {
				if is.DonorFunded {
					donor++
				}
			}
		}
	}
	if donor > 0 {
		out = append(out, b.text("brief.risk.donor", "capabilities", b.plural("count.capability", donor)))
	}
	if share := b.donorShare(); share > 0 {
		out = append(out, b.text("brief.risk.donorShare", "share", strconv.Itoa(share)))
	}
	if b.leadAgencyName() == "" {
		out = append(out, b.text("brief.risk.lead"))
	}
	if b.d.Meta.EvidenceNote != "" {
		out = append(out, b.d.Meta.EvidenceNote)
	}
	if len(out) == 0 {
		out = append(out, b.text("brief.risk.none"))
	}
	return out
}

// deadlineRisk says to a minister what the missed deadline of action i
// puts at risk: what is needed by when and why it cannot be ready, how
// long the country goes without it, and the decision that would close
// the gap; the action is cited by its ID in the plan. The planner's own
// warning, for the drafting team, stays in the plan.
func (b *builder) deadlineRisk(i int) string {
	a, s := &b.d.Actions[i], b.slots[i]
	what, why := b.text("brief.risk.what.indicator", "title", b.indicatorTitle(s.due.indicator)), b.text("brief.risk.why.decision")
	if s.due.subject != s.due.indicator { // an instrument's expiry: the action renews it or hands it over
		mode := "renew"
		if a.Mode == "handover" {
			mode = "handover"
		}
		what, why = b.text("brief.risk.what."+mode, "name", s.due.subject), b.text("brief.risk.why.expiry")
	}
	pairs := []string{"what", what, "why", why, "deadline", b.loc.Date(s.due.date), "end", b.loc.Month(a.End),
		"action", a.ID, "lead", a.Lead.Name, "late", b.plural("count.month", max(s.end-max(s.due.month, 0), 1)),
		"months", b.plural("count.month", b.length(i))}
	busy := ""
	if s.critical != s.end {
		busy = " " + b.text("brief.risk.deadline.busy", pairs...)
	}
	switch {
	case s.due.month <= 0:
		return b.text("brief.risk.deadline.beforePeriod", pairs...)
	case s.critical > s.due.month && len(a.DependsOn) == 0:
		return b.text("brief.risk.deadline.length", pairs...) + busy
	case s.critical > s.due.month:
		return b.text("brief.risk.deadline.dependencies", append(pairs, "after", b.join(a.DependsOn))...) + busy
	}
	c, _, _ := Capacity(b.a, a.Lead.Stakeholder)
	return b.text("brief.risk.deadline.capacity", append(pairs, "capacity", b.plural("count.action", c))...)
}

// cabinetSummary is the executive summary's paragraph on what Cabinet is
// asked to decide and what the plan costs in its first year.
func (b *builder) cabinetSummary() {
	var short []string
	for _, d := range b.decisions() {
		short = append(short, d.short)
	}
	first, all := b.firstYearAndTotal()
	b.para(b.text("summary.cabinet", "decisions", b.join(short),
		"firstYear", b.money(first), "total", b.money(all), "actions", b.plural("count.action", len(b.d.Actions))))
}

// counted expands the text key for a count n, which fills {count}: the
// text key+".one" when n is 1 and the template words the singular ("one
// capability depends"), else key ("3 capabilities depend").
func (b *builder) counted(key string, n int, pairs ...string) string {
	if _, ok := b.t.raw(key+".one", b.lang, b.reg); ok && n == 1 {
		key += ".one"
	}
	return b.text(key, append(pairs, "count", b.loc.Int(int64(n)))...)
}

// plural writes a count with the text key+".one" or key+".other", "{n}"
// standing for the number: "1 action", "3 actions".
func (b *builder) plural(key string, n int) string {
	form := ".other"
	if n == 1 {
		form = ".one"
	}
	return b.text(key+form, "n", b.loc.Int(int64(n)))
}

// understaffedRisk names the actions that need more people at once than
// their lead has, by their number in the plan; for one, it says how many
// people against how many posts.
func (b *builder) understaffedRisk() string {
	var ids []string
	for _, i := range b.understaffed {
		ids = append(ids, b.d.Actions[i].ID)
	}
	switch len(ids) {
	case 0:
		return ""
	case 1:
		a := b.d.Actions[b.understaffed[0]]
		_, posts, _ := Capacity(b.a, a.Lead.Stakeholder)
		people := 0
		if la := b.lib.Action(a.LibraryID); la != nil {
			people = la.People
		}
		lead := a.Lead.Name
		if short := shortForm(lead, a.Lead.Stakeholder); short != "" {
			lead = short
		}
		return b.text("brief.risk.understaffed.one", "actions", a.ID, "lead", lead,
			"people", b.loc.Int(int64(people)), "posts", b.loc.Int(int64(posts)))
	}
	return b.text("brief.risk.understaffed.other", "n", b.loc.Int(int64(len(ids))), "actions", b.loc.List(ids))
}

// pillarHeadline leads a pillar's section with its progress against its
// target; the level of its weakest indicator follows.
func (b *builder) pillarHeadline(p pillarScore) string {
	if p.Coverage.Assessed == 0 {
		return b.text("pillars.headlineUnassessed", "indicators", b.plural("count.indicator", p.Coverage.Total))
	}
	return b.text("pillars.headline", "progress", b.loc.Decimal(p.Progress, 1), "targetProgress", b.loc.Decimal(p.TargetProgress, 1),
		"achieved", b.levelName(p.Achieved), "target", b.levelName(p.Target))
}

// goalFrom and goalTo are the two ends of a five-year goal: the pillar's
// progress today and the progress it aims for, never a level to itself.
func (b *builder) goalFrom(p pillarScore) string {
	if p.Coverage.Assessed == 0 {
		return b.text("goal.fromUnassessed")
	}
	return b.text("goal.from", "progress", b.loc.Decimal(p.Progress, 1))
}

func (b *builder) goalTo(p pillarScore) string {
	if p.TargetProgress <= p.Progress && p.Coverage.Assessed > 0 {
		return b.text("goal.hold", "target", b.levelName(p.Target))
	}
	return b.text("goal.to", "targetProgress", b.loc.Decimal(p.TargetProgress, 1), "target", b.levelName(p.Target))
}

// assessmentFindings are the findings of the assessment that only the
// restricted plan gives: disagreements, how capabilities are provided,
// capabilities that rest on one person, and the data gaps.
func (b *builder) assessmentFindings() {
	b.disagreementText()
	b.provisionText()
	b.dataGapText()
}

// warningByID is a warning's message with the action it concerns named by
// its ID alone: the document titles each action once.
func (b *builder) warningByID(w assess.Warning) string {
	for _, a := range b.d.Actions {
		if p := a.ID + " " + a.Title + ": "; strings.HasPrefix(w.Message, p) {
			return a.ID + b.loc.Colon() + strings.TrimPrefix(w.Message, p)
		}
	}
	return w.Message
}

// progressText writes a progress figure, "—" where nothing is assessed:
// a pillar or area without a level has no progress, not a progress of 0.
func (b *builder) progressText(assessed int, progress float64) string {
	if assessed == 0 {
		return "—"
	}
	return b.loc.Decimal(progress, 2)
}

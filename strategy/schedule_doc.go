package strategy

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/assess"
)

// dates writes an action's dates for tables and lists: "2027-01 → 2027-06",
// with ", ongoing from 2027-07" for recurrent work.
func (b *builder) dates(a Action) string {
	s := b.loc.MonthShort(a.Start) + " → " + b.loc.MonthShort(a.End)
	if a.Ongoing {
		s += ", " + b.label("ongoingFrom") + " " + b.loc.MonthShort(a.OngoingFrom)
	}
	return s
}

// deadlineSection lists the facilitator's deadlines with the actions that
// close them and whether the schedule meets them; a missed one is also a
// warning callout.
func (b *builder) deadlineSection() {
	type due struct {
		indicator, date string
		actions         []string
		end             string
		missed          bool
	}
	var dues []*due
	byKey := map[string]*due{}
	deadlines := b.deadlines()
	for _, a := range b.d.Actions {
		if a.Deadline == "" {
			continue
		}
		for _, ind := range a.Indicators {
			if d, ok := deadlines[ind]; !ok || d.date != a.Deadline {
				continue
			}
			k := ind
			if byKey[k] == nil {
				byKey[k] = &due{indicator: ind, date: a.Deadline}
				dues = append(dues, byKey[k])
			}
			d := byKey[k]
			d.actions = append(d.actions, a.ID)
			d.end = max(d.end, a.End)
			d.missed = d.missed || a.DeadlineMissed
		}
	}
	if len(dues) == 0 {
		return
	}
	sort.SliceStable(dues, func(i, j int) bool { return dues[i].date < dues[j].date })
	b.sectionHeading(b.label("sec.deadlines"), "deadlines")
	b.para(b.text("implementation.deadlines"))
	var items []string
	for _, d := range dues {
		status := b.text("implementation.deadlineOnTime")
		if d.missed {
			status = b.text("implementation.deadlineLate")
		}
		items = append(items, b.text("implementation.deadlineItem", "indicator", d.indicator+" "+b.indicatorTitle(d.indicator),
			"deadline", d.date, "actions", b.join(d.actions), "end", d.end, "status", status))
	}
	b.list(false, items...)
	for _, w := range b.d.Warnings {
		if w.Code == WarnDeadline {
			b.callout("warning", b.label("callout.deadline"), b.warningByID(w))
		}
	}
}

// leadLoad is what one lead carries in the schedule.
type leadLoad struct {
	key, name   string
	capacity    int
	posts       int
	known       bool
	actions     int
	peak        int
	lastEnd     int
	beyondCount int
}

// loads returns the load of every lead, in order of first appearance.
func (b *builder) loads() []*leadLoad {
	var out []*leadLoad
	by := map[string]*leadLoad{}
	for i, a := range b.d.Actions {
		k := leadKey(a)
		l := by[k]
		if l == nil {
			l = &leadLoad{key: k, name: a.Lead.Name, capacity: DefaultCapacity}
			if a.Lead.Stakeholder != "" {
				l.capacity, l.posts, l.known = Capacity(b.a, a.Lead.Stakeholder)
			}
			by[k] = l
			out = append(out, l)
		}
		l.actions++
		l.lastEnd = max(l.lastEnd, b.slots[i].end)
	}
	for _, d := range b.d.Deferred {
		if l := by[leadKey(Action{Lead: d.Lead})]; l != nil && d.Reason == DeferCapacity {
			l.beyondCount++
		}
	}
	for _, l := range out {
		for t := 0; t < l.lastEnd; t++ {
			n := 0
			for i, a := range b.d.Actions {
				if leadKey(a) == l.key && b.slots[i].start <= t && t < b.slots[i].end {
					n++
				}
			}
			l.peak = max(l.peak, n)
		}
	}
	return out
}

// capacitySection states the capacity rule and, per lead, its posts, how
// many actions it can carry at once, how many it leads, the most it
// carries at once in the schedule and when its last set-up ends; leads
// that cannot finish within the period and actions that need more people
// than their lead has are findings.
func (b *builder) capacitySection() {
	b.sectionHeading(b.label("sec.capacity"), "capacity")
	b.para(b.text("implementation.capacity", "rule", b.text("implementation.capacityRule"), "default", strconv.Itoa(DefaultCapacity)))
	var rows [][]string
	loads := b.loads()
	for _, l := range loads {
		posts := "—"
		if l.known {
			posts = strconv.Itoa(l.posts)
		}
		rows = append(rows, []string{l.name, posts, strconv.Itoa(l.capacity), strconv.Itoa(l.actions), strconv.Itoa(l.peak), b.loc.MonthShort(b.month(l.lastEnd - 1))})
	}
	b.table("capacity", "", b.labels("col.lead", "col.posts", "col.atOnce", "col.led", "col.peak", "col.lastEnd"),
		[]float64{3, 1, 1, 1, 1, 1.4}, rows)
	for _, l := range loads {
		// Only a lead that was full is the reason its work runs late;
		// otherwise the prerequisites are, and each action says so.
		if l.beyondCount > 0 && l.peak >= l.capacity {
			b.callout("finding", b.label("sec.capacity"), b.counted("implementation.capacityBeyond", l.beyondCount, "lead", l.name))
		}
	}
	for _, i := range b.understaffed {
		a := b.d.Actions[i]
		la := b.lib.Action(a.LibraryID)
		_, posts, _ := Capacity(b.a, a.Lead.Stakeholder)
		b.callout("finding", b.label("callout.understaffed"), a.ID+b.loc.Colon()+b.text("plan.understaffed",
			"people", strconv.Itoa(la.People), "lead", a.Lead.Name, "posts", strconv.Itoa(posts)))
	}
}

// yearRow is one year of the period: actions starting, being set up and
// ongoing.
type yearRow struct {
	year                        int
	starting, underWay, ongoing int
}

// years counts, per year of the period, the actions that start, those
// being set up at some time in the year, and the recurrent work already
// running in it.
func (b *builder) years() []yearRow {
	n := b.months / 12
	out := make([]yearRow, n)
	for y := range out {
		out[y].year = b.d.Meta.StartYear + y
		from, to := y*12, y*12+12
		for i := range b.d.Actions {
			s := b.slots[i]
			if s.start >= from && s.start < to {
				out[y].starting++
			}
			if s.start < to && s.end > from {
				out[y].underWay++
			}
			if b.d.Actions[i].Ongoing && s.end < to {
				out[y].ongoing++
			}
		}
	}
	return out
}

// yearsSection is the table of the plan year by year.
func (b *builder) yearsSection() {
	b.sectionHeading(b.label("sec.years"), "years")
	b.para(b.text("implementation.years"))
	var rows [][]string
	for _, y := range b.years() {
		rows = append(rows, []string{strconv.Itoa(y.year), strconv.Itoa(y.starting), strconv.Itoa(y.underWay), strconv.Itoa(y.ongoing)})
	}
	b.table("years", "", b.labels("col.year", "col.starting", "col.underWay", "col.ongoingWork"), []float64{1, 1, 1, 1}, rows)
}

// recurrentYear is the recurrent cost of a plan in one year of its
// period: what its recurrent actions cost from the first budget year
// after their set-up, at the mid-point of their cost bands, in US
// dollars.
type recurrentYear struct {
	Year    int
	Actions int
	Cost    float64
}

// recurrentYears returns the recurrent cost of the plan per year of the
// period.
func (b *builder) recurrentYears() []recurrentYear {
	var out []recurrentYear
	for y := 0; y < b.months/12; y++ {
		r := recurrentYear{Year: b.d.Meta.StartYear + y}
		for i, a := range b.d.Actions {
			if a.Recurrent && (b.slots[i].end-1)/12 < y {
				r.Actions++
				r.Cost += b.midpoint(a.CostBand)
			}
		}
		out = append(out, r)
	}
	return out
}

// budgetLines returns the active recurrent budget lines the assessment
// records, with their total per currency, currencies sorted.
func (b *builder) budgetLines() (lines []assess.Instrument, total map[string]int64, currencies []string) {
	total = map[string]int64{}
	if b.a.Facts == nil {
		return nil, total, nil
	}
	for _, in := range b.a.Facts.Instruments {
		if in.Kind != "budget-line" || !in.Recurrent || in.Status != "active" || in.Amount <= 0 {
			continue
		}
		lines = append(lines, in)
		if _, ok := total[in.Currency]; !ok {
			currencies = append(currencies, in.Currency)
		}
		total[in.Currency] += in.Amount
	}
	sort.Strings(currencies)
	return lines, total, currencies
}

// amount writes a whole amount with its currency, as the draft's
// language writes it: "US$185,000", "SLP 96,400,000,000" in English.
func (b *builder) amount(v int64, currency string) string { return b.loc.Amount(v, currency) }

// recurrentCosts states, per year of the period, the recurrent cost of
// the plan against the recorded current budget line and the increase.
func (b *builder) recurrentCosts() {
	years := b.recurrentYears()
	if len(years) == 0 {
		return
	}
	last := years[len(years)-1]
	lines, total, currencies := b.budgetLines()
	pairs := []string{"lastYear", strconv.Itoa(last.Year), "cost", b.money(last.Cost)}
	usd := len(currencies) == 1 && currencies[0] == "USD"
	switch {
	case len(lines) == 0:
		b.para(b.text("resourcing.recurrentNoLine", pairs...))
	case !usd:
		var names, refs []string
		for _, l := range lines {
			names = append(names, l.Name)
			refs = append(refs, b.amount(l.Amount, l.Currency))
		}
		b.para(b.text("resourcing.recurrentOtherCurrency", append(pairs, "currency", strings.Join(currencies, ", "),
			"line", strings.Join(refs, b.loc.Semicolon()), "lineName", strings.Join(names, b.loc.Semicolon()))...))
	default:
		var names, refs []string
		for _, l := range lines {
			names = append(names, l.Name)
			if l.Reference != "" {
				refs = append(refs, l.Reference)
			}
		}
		b.para(b.text("resourcing.recurrent", append(pairs, "line", b.amount(total["USD"], "USD"),
			"lineName", strings.Join(names, b.loc.Semicolon()), "reference", orDash(strings.Join(refs, b.loc.Semicolon())),
			"increase", percent(last.Cost, float64(total["USD"])))...))
	}
	if full := b.totalCost(true); b.money(full) != b.money(last.Cost) {
		b.para(b.text("resourcing.recurrentFull", "full", b.money(full)))
	}
	var rows [][]string
	for _, y := range years {
		line, inc := "—", "—"
		if usd {
			line, inc = b.amount(total["USD"], "USD"), "+"+percent(y.Cost, float64(total["USD"]))
		} else if len(lines) > 0 {
			line = b.amount(total[currencies[0]], currencies[0])
		}
		rows = append(rows, []string{strconv.Itoa(y.Year), strconv.Itoa(y.Actions), b.money(y.Cost), line, inc})
	}
	b.table("recurrent", b.text("table.recurrentCaption"),
		b.labels("col.year", "col.recurrentActions", "col.recurrent", "col.currentLine", "col.increase"), []float64{1, 1, 1.4, 1.6, 1}, rows)
}

// percent writes v as a share of base: "730 %".
func percent(v, base float64) string {
	if base <= 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f %%", v*100/base)
}

// beyondSection lists the actions deferred to the next strategy, each
// with its lead and the reason it does not fit in the period.
func (b *builder) beyondSection() {
	var items, leads []string
	byLead := map[string][]string{}
	for _, d := range b.d.Deferred {
		if d.Reason != DeferCapacity {
			items = append(items, fmt.Sprintf("%s %s (%s). %s", d.ID, d.Title, d.Lead.Name, d.Note))
			continue
		}
		items = append(items, fmt.Sprintf("%s %s (%s)", d.ID, d.Title, d.Lead.Name))
		k := leadKey(Action{Lead: d.Lead})
		if byLead[k] == nil {
			leads = append(leads, k)
		}
		byLead[k] = append(byLead[k], d.ID)
	}
	if len(items) == 0 {
		return
	}
	b.sectionHeading(b.label("sec.beyond"), "horizon-beyond")
	b.para(b.text("implementation.beyond"))
	b.list(false, items...)
	for _, k := range leads {
		var d DeferredAction
		for _, x := range b.d.Deferred {
			if x.ID == byLead[k][0] {
				d = x
			}
		}
		c := DefaultCapacity
		if d.Lead.Stakeholder != "" {
			c, _, _ = Capacity(b.a, d.Lead.Stakeholder)
		}
		b.para(b.text("plan.deferred.capacityLead", "lead", d.Lead.Name, "actions", b.plural("count.action", c),
			"ids", b.join(byLead[k])))
	}
}

package strategy

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/ncskit/ncskit/assess"
)

// DefaultCapacity is how many actions at once a lead can carry when the
// assessment records none of its posts.
const DefaultCapacity = 3

// Capacity returns how many actions the stakeholder with the given ID can
// lead at once, from the posts the assessment records for it
// (facts.staff): one action per post plus one for a small team, fewer
// per post in a large body (capacityOf), at least 1. Posts are the
// filled posts of each record, else its established posts, added over
// the units recorded for the latest year. known is false, and the
// capacity DefaultCapacity, when no post of the stakeholder is recorded.
func Capacity(a *assess.Assessment, stakeholder string) (capacity, posts int, known bool) {
	if a == nil || a.Facts == nil || stakeholder == "" {
		return DefaultCapacity, 0, false
	}
	latest := 0
	for _, s := range a.Facts.Staff {
		if s.Stakeholder == stakeholder && (s.Filled != nil || s.Established != nil) {
			latest = max(latest, s.Year)
		}
	}
	for _, s := range a.Facts.Staff {
		if s.Stakeholder != stakeholder || s.Year != latest {
			continue
		}
		switch {
		case s.Filled != nil:
			posts += *s.Filled
			known = true
		case s.Established != nil:
			posts += *s.Established
			known = true
		}
	}
	if !known {
		return DefaultCapacity, 0, false
	}
	return capacityOf(posts), posts, true
}

// MaxCapacity is the most actions one lead carries at once, whatever its
// size: each needs an owner among its managers, and a management team
// follows about a dozen projects before they go unwatched.
const MaxCapacity = 12

// capacityOf is the capacity of a lead with the given posts: one action
// per post plus one for a team of up to four, then one more for every
// five further posts (most posts of a large body run operations, not
// projects), up to MaxCapacity.
func capacityOf(posts int) int {
	if posts <= 4 {
		return max(posts+1, 1)
	}
	return min(5+(posts-4)/5, MaxCapacity)
}

// earliest is the first month an action of each horizon may start, so
// that the plan does not put every action in the first month and
// long-term work falls in the later years of the period (a long action
// starts earlier when it would not otherwise fit in the period).
var earliest = map[string]int{"quick": 0, "medium": 3, "long": 24}

// deadline is a facilitator's deadline on an indicator.
type deadline struct {
	indicator string
	subject   string // what is due, in the warning: the indicator or the instrument
	date      string // YYYY-MM-DD
	month     int    // the month of the period in which it falls
	pointer   string // where the decision is in the assessment
}

// deadlines returns the deadline of every indicator that has one: the
// earliest of its priority override's and its agreed level's.
func (b *builder) deadlines() map[string]deadline {
	out := map[string]deadline{}
	put := func(indicator, date, pointer string) {
		t, err := time.Parse("2006-01-02", date)
		if err != nil {
			return // reported by assess.Check
		}
		d := deadline{indicator: indicator, subject: indicator, date: date, pointer: pointer,
			month: (t.Year()-b.d.Meta.StartYear)*12 + int(t.Month()) - 1}
		if old, ok := out[indicator]; !ok || d.date < old.date {
			out[indicator] = d
		}
	}
	for i, o := range b.a.Decisions.PriorityOverrides {
		if o.Deadline != "" {
			put(o.Indicator, o.Deadline, fmt.Sprintf("/decisions/priorityOverrides/%d/deadline", i))
		}
	}
	for i, g := range b.a.Decisions.Agreed {
		if g.Deadline != "" {
			put(g.Indicator, g.Deadline, fmt.Sprintf("/decisions/agreed/%d/deadline", i))
		}
	}
	return out
}

// expiry returns the deadline of an action that renews or hands over a
// recorded instrument: the instrument's expiry date (a month counts from
// its first day, a year to its last).
func (b *builder) expiry(a Action) (deadline, bool) {
	if (a.Mode != "renew" && a.Mode != "handover") || a.Instrument == "" || b.a.Facts == nil || len(a.Indicators) == 0 {
		return deadline{}, false
	}
	for i, in := range b.a.Facts.Instruments {
		if in.ID != a.Instrument || in.Expires == "" {
			continue
		}
		date := in.Expires
		switch len(date) {
		case 4: // known to the year: by the end of it
			date += "-12-31"
		case 7:
			date += "-01"
		}
		t, err := time.Parse("2006-01-02", date)
		if err != nil {
			return deadline{}, false
		}
		return deadline{indicator: a.Indicators[0], subject: in.Name, date: date, pointer: fmt.Sprintf("/facts/instruments/%d/expires", i),
			month: (t.Year()-b.d.Meta.StartYear)*12 + int(t.Month()) - 1}, true
	}
	return deadline{}, false
}

// leadKey names the lead of an action for capacity: its stakeholder, or
// the unfilled role.
func leadKey(a Action) string {
	if a.Lead.Stakeholder != "" {
		return a.Lead.Stakeholder
	}
	return "role:" + a.Lead.Role
}

// slot is one action's place in the schedule, in months of the period:
// set-up runs from start to end (exclusive).
type slot struct {
	start, end int
	due        *deadline // the deadline the action itself must meet
	bound      int       // the earliest deadline month it serves, or -1
	earliest   int       // the first month it may start
	critical   int       // the end month with no capacity limit
	deferred   bool      // it cannot be set up within the period
}

// schedule sets every action's start and end. Actions are placed month
// by month: an action starts when the actions it depends on are done, no
// earlier than its horizon allows, and when its lead has a free slot
// (Capacity); waiting actions take free slots in order: first those a
// deadline is waiting for, earliest deadline first, then by priority;
// while a lead has such work still to start, other work leaves it one
// place free.
// Actions that close an indicator with a deadline, and their
// prerequisites, may start in the first month whatever their horizon. A
// recurrent action holds its lead's slot while it is set up, then goes on
// to the end of the period as routine work. The horizon is then set from
// the end month: quick wins end within 12 months, medium-term actions
// within 36, long-term ones later. An action is ranked by its own
// priority or that of the best action waiting for it, whichever is
// better, so that enablers go first. An action that could no longer end
// within the period is not scheduled: it is deferred to the next
// strategy (deferActions), and so is the work that waits for it.
func (b *builder) schedule() {
	acts := b.d.Actions
	index := map[string]int{}
	for i, a := range acts {
		index[a.ID] = i
	}
	dl := b.deadlines()
	slots := make([]slot, len(acts))
	for i := range slots {
		slots[i].bound = -1
	}
	for i, a := range acts {
		s := &slots[i]
		for _, ind := range a.Indicators {
			if d, ok := dl[ind]; ok && (s.due == nil || d.date < s.due.date) {
				d := d
				s.due = &d
			}
		}
		if d, ok := b.expiry(a); ok && (s.due == nil || d.date < s.due.date) {
			s.due = &d
		}
		if s.due != nil {
			b.bind(i, s.due.month, slots, index)
		}
		// Finding out a level nobody could rate comes first: the rest
		// of the plan may depend on the answer. So does naming the
		// holder of a role: the actions that role leads wait for it.
		// So does measuring the baselines of the indicators, within the
		// first year: the first yearly report needs them.
		switch {
		case isBaselines(a.LibraryID):
			b.bind(i, baselineMonths, slots, index)
		case a.Mode == "fact-finding" || a.Designates != "":
			b.bind(i, factFindingMonths, slots, index)
		}
	}
	order := make([]int, len(acts))
	for i := range order {
		order[i] = i
		la := b.lib.Action(acts[i].LibraryID)
		slots[i].earliest = earliest[la.Horizon]
		if la.Horizon == "long" {
			// Long-term work waits for the later years, but not so long
			// that it could not be set up within the period.
			slots[i].earliest = max(earliest["medium"], min(slots[i].earliest, b.months-la.Months))
		}
		if slots[i].bound >= 0 {
			slots[i].earliest = 0
		}
		slots[i].start = -1
	}
	rank := b.enablerRanks(index)
	sort.SliceStable(order, func(x, y int) bool {
		sx, sy := slots[order[x]], slots[order[y]]
		if (sx.bound >= 0) != (sy.bound >= 0) {
			return sx.bound >= 0
		}
		if sx.bound != sy.bound {
			return sx.bound < sy.bound
		}
		return rank[order[x]] < rank[order[y]]
	})
	caps := map[string]int{}
	for _, a := range acts {
		if a.Lead.Stakeholder != "" {
			caps[leadKey(a)], _, _ = Capacity(b.a, a.Lead.Stakeholder)
		} else {
			caps[leadKey(a)] = DefaultCapacity
		}
	}
	pending := map[string]int{} // deadline work not yet started, per lead
	for i, a := range acts {
		if slots[i].bound >= 0 {
			pending[leadKey(a)]++
		}
	}
	left := len(acts)
	for t := 0; left > 0; t++ {
		busy := map[string]int{}
		for i, s := range slots {
			if s.start >= 0 && s.start <= t && t < s.end {
				busy[leadKey(acts[i])]++
			}
		}
		for _, i := range order {
			s := &slots[i]
			if s.start >= 0 || s.deferred {
				continue
			}
			if t+b.length(i) > b.months {
				s.deferred = true
				left--
				continue
			}
			if t < s.earliest || !b.ready(i, t, slots, index) {
				continue
			}
			k := leadKey(acts[i])
			// Work that no deadline waits for leaves one place free
			// while the lead still has deadline work to start.
			if busy[k] >= caps[k] || s.bound < 0 && pending[k] > 0 && busy[k]+1 >= caps[k] {
				continue
			}
			if s.bound >= 0 {
				pending[k]--
			}
			busy[k]++
			s.start, s.end = t, t+b.length(i)
			left--
		}
	}
	for i := range acts {
		b.critical(i, slots, index)
	}
	b.slots = b.deferActions(slots)
	b.spans = make([]Span, len(b.d.Actions))
	for i := range b.d.Actions {
		b.place(i, b.slots[i])
	}
}

// length is how many months action i takes to set up, at least one.
func (b *builder) length(i int) int {
	return max(b.lib.Action(b.d.Actions[i].LibraryID).Months, 1)
}

// enablerRanks returns, per action, the better of its own priority and
// that of every action that waits for it, directly or through others: a
// prerequisite of a top-priority action is itself urgent. An action that
// carries a decision the brief asks of the government (a bill, a law to
// bring into force, a renewal, the end of a donor programme) ranks first:
// what the government is asked to decide must be in the plan it adopts;
// so does the work on the strategy's own monitoring, through which every
// other action reports.
func (b *builder) enablerRanks(index map[string]int) []int {
	acts := b.d.Actions
	decided := map[string]bool{}
	if b.a.Facts != nil {
		for _, in := range b.a.Facts.Instruments {
			decided[in.ID] = b.decisionOn(in) != ""
		}
	}
	monitoring := ""
	if in := b.m.IndicatorWithPurpose(assess.PurposeMonitoring); in != nil {
		monitoring = in.ID
	}
	rank := make([]int, len(acts))
	for i, a := range acts {
		rank[i] = a.Priority
		switch {
		case a.Instrument != "" && decided[a.Instrument], monitoring != "" && slices.Contains(a.Indicators, monitoring):
			rank[i] = 0
		case rank[i] <= 0:
			rank[i] = 1 << 30
		}
	}
	// Dependencies form a DAG over at most a few hundred actions:
	// relax until nothing changes.
	for changed := true; changed; {
		changed = false
		for i, a := range acts {
			for _, d := range a.DependsOn {
				if j, ok := index[d]; ok && rank[i] < rank[j] {
					rank[j], changed = rank[i], true
				}
			}
		}
	}
	return rank
}

// bind marks action i and, transitively, its prerequisites as serving a
// deadline in month m.
func (b *builder) bind(i, m int, slots []slot, index map[string]int) {
	s := &slots[i]
	if s.bound >= 0 && s.bound <= m {
		return
	}
	s.bound = m
	for _, d := range b.d.Actions[i].DependsOn {
		b.bind(index[d], m, slots, index)
	}
}

// ready reports whether every action that action i depends on has ended
// by month t.
func (b *builder) ready(i, t int, slots []slot, index map[string]int) bool {
	for _, d := range b.d.Actions[i].DependsOn {
		s := slots[index[d]]
		if s.start < 0 || s.end > t {
			return false
		}
	}
	return true
}

// critical sets the end month action i could reach if no lead were
// limited: its own months after its prerequisites' critical ends.
func (b *builder) critical(i int, slots []slot, index map[string]int) int {
	s := &slots[i]
	if s.critical > 0 {
		return s.critical
	}
	start := s.earliest
	for _, d := range b.d.Actions[i].DependsOn {
		start = max(start, b.critical(index[d], slots, index))
	}
	s.critical = start + b.length(i)
	return s.critical
}

// place writes action i's dates, horizon, ongoing flag, notes and span
// from its slot.
func (b *builder) place(i int, s slot) {
	a := &b.d.Actions[i]
	la := b.lib.Action(a.LibraryID)
	a.Start, a.End = b.month(s.start), b.month(s.end-1)
	switch {
	case s.end <= 12:
		a.Horizon = "quick"
	case s.end <= 36:
		a.Horizon = "medium"
	default:
		a.Horizon = "long"
	}
	if la.Recurrent && s.end < b.months {
		a.Ongoing, a.OngoingFrom = true, b.month(s.end)
	}
	if s.due != nil {
		a.Deadline = s.due.date
		if s.end > s.due.month {
			a.DeadlineMissed = true
			a.Note = joinNotes(a.Note, b.deadlineText(a, s))
			b.d.Warnings = append(b.d.Warnings, assess.Warning{Code: WarnDeadline, Indicator: s.due.indicator,
				Pointer: s.due.pointer, Message: a.ID + " " + a.Title + ": " + b.deadlineText(a, s)})
		} else {
			a.Note = joinNotes(a.Note, b.text("plan.deadlineMet", "deadline", s.due.date))
		}
	}
	if _, posts, known := Capacity(b.a, a.Lead.Stakeholder); known && la.People > posts {
		a.Note = joinNotes(a.Note, b.text("plan.understaffed", "people", strconv.Itoa(la.People),
			"lead", a.Lead.Name, "posts", strconv.Itoa(posts)))
		b.understaffed = append(b.understaffed, i)
	}
	b.spans[i] = Span{Label: a.ID, Group: b.term(b.t.common.Horizons, a.Horizon),
		Start: s.start, End: s.end, Ongoing: a.Ongoing}
}

// WarnDeadline is the code of the warning that an action cannot meet the
// deadline of a facilitator's decision.
const WarnDeadline = "deadline"

// deadlineText says why action a misses its deadline: the deadline comes
// before the period, the prerequisites take too long, or its lead's
// slots are taken.
func (b *builder) deadlineText(a *Action, s slot) string {
	pairs := []string{"deadline", s.due.date, "end", a.End, "indicator", s.due.subject}
	switch {
	case s.due.month <= 0:
		return b.text("plan.deadlineBeforePeriod", pairs...)
	case s.critical > s.due.month && len(a.DependsOn) == 0:
		t := b.text("plan.deadlineLength", append(pairs, "earliest", b.month(s.critical-1))...)
		if s.critical != s.end {
			t += " " + b.text("plan.deadlineLater", "end", a.End, "lead", a.Lead.Name)
		}
		return t
	case s.critical > s.due.month:
		t := b.text("plan.deadlineDependencies", append(pairs, "earliest", b.month(s.critical-1),
			"after", b.join(a.DependsOn))...)
		if s.critical != s.end {
			t += " " + b.text("plan.deadlineLater", "end", a.End, "lead", a.Lead.Name)
		}
		return t
	}
	c, _, _ := Capacity(b.a, a.Lead.Stakeholder)
	return b.text("plan.deadlineCapacity", append(pairs, "earliest", b.month(s.critical-1), "lead", a.Lead.Name, "capacity", strconv.Itoa(c))...)
}

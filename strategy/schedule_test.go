package strategy_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

// capacity is the documented capacity rule, written out independently of
// strategy.Capacity: the filled posts of each staff record of the latest
// year, else its established posts, added up, plus one, at least 1; 3
// when no post is recorded.
func capacity(a *assess.Assessment, stakeholder string) int {
	if a.Facts == nil || stakeholder == "" {
		return 3
	}
	latest, posts, known := 0, 0, false
	for _, s := range a.Facts.Staff {
		if s.Stakeholder == stakeholder && (s.Filled != nil || s.Established != nil) && s.Year > latest {
			latest = s.Year
		}
	}
	for _, s := range a.Facts.Staff {
		if s.Stakeholder != stakeholder || s.Year != latest {
			continue
		}
		if s.Filled != nil {
			posts += *s.Filled
			known = true
		} else if s.Established != nil {
			posts += *s.Established
			known = true
		}
	}
	if !known {
		return 3
	}
	if posts <= 4 {
		return max(posts+1, 1)
	}
	return min(5+(posts-4)/5, 12)
}

// TestCapacity checks the documented examples of the capacity rule: a
// small team drives one action per post plus one, a large body one more
// for every five further posts, never more than twelve.
func TestCapacity(t *testing.T) {
	for _, c := range []struct{ posts, want int }{{0, 1}, {1, 2}, {2, 3}, {4, 5}, {6, 5}, {9, 6}, {38, 11}, {112, 12}, {5000, 12}} {
		a := &assess.Assessment{Facts: &assess.Facts{Staff: []assess.Staffing{{Stakeholder: "x", Year: 2026, Filled: &c.posts}}}}
		if got, posts, known := strategy.Capacity(a, "x"); got != c.want || posts != c.posts || !known {
			t.Errorf("Capacity with %d filled posts = %d (posts %d, known %v), want %d", c.posts, got, posts, known, c.want)
		}
	}
	if got, _, known := strategy.Capacity(&assess.Assessment{}, "x"); got != strategy.DefaultCapacity || known {
		t.Errorf("Capacity with no staff record = %d (known %v), want the default %d", got, known, strategy.DefaultCapacity)
	}
}

// months returns the month index of "YYYY-MM" from January of year.
func months(t *testing.T, ym string, year int) int {
	t.Helper()
	tm, err := time.Parse("2006-01", ym)
	if err != nil {
		t.Fatalf("%q is not YYYY-MM", ym)
	}
	return (tm.Year()-year)*12 + int(tm.Month()) - 1
}

// TestScheduleProperties checks, on the examples and on generated
// assessments: no lead carries more actions at once than its capacity;
// every facilitator's deadline is met by the actions that close it, or
// warned about on the action, in the draft's warnings and in its text;
// recurrent work goes on from the month after its set-up to the end of
// the period, in the data, in the timeline and in the text.
func TestScheduleProperties(t *testing.T) {
	met, missed, ongoing, full, agreed := 0, 0, 0, 0, 0
	for name, c := range cases(t) {
		t.Run(name, func(t *testing.T) {
			a, d := c.a, c.d
			start, end := d.Meta.StartYear, d.Meta.HorizonYear
			periodEnd := (end - start + 1) * 12
			text := markdownOf(t, d)

			// The period: no scheduled action ends after the horizon
			// year; what cannot fit is deferred, not scheduled.
			for _, act := range d.Actions {
				if act.End > fmt.Sprintf("%d-12", end) {
					t.Errorf("%s is scheduled to end in %s, after the period %d–%d", act.ID, act.End, start, end)
				}
			}
			checkDeferred(t, d)

			// Capacity: set-up months overlap at most capacity times.
			load := map[string]map[int][]string{}
			for _, act := range d.Actions {
				k := act.Lead.Stakeholder
				if k == "" {
					k = "role:" + act.Lead.Role
				}
				if load[k] == nil {
					load[k] = map[int][]string{}
				}
				for m := months(t, act.Start, start); m <= months(t, act.End, start); m++ {
					load[k][m] = append(load[k][m], act.ID)
				}
			}
			for k, byMonth := range load {
				cp := capacity(a, strings.TrimPrefix(k, "role:"))
				if strings.HasPrefix(k, "role:") {
					cp = 3
				}
				for m, ids := range byMonth {
					if len(ids) == cp {
						full++
					}
					if len(ids) > cp {
						t.Errorf("%s leads %d actions at once in month %d (capacity %d): %v", k, len(ids), m, cp, ids)
						break
					}
				}
			}

			// Deadlines: met, or warned on the action, in the warnings
			// and in the text.
			due := map[string]string{}
			pointer := map[string]string{}
			set := func(ind, dl, ptr string) {
				if old, ok := due[ind]; dl != "" && (!ok || dl < old) {
					due[ind], pointer[ind] = dl, ptr
				}
			}
			for i, o := range a.Decisions.PriorityOverrides {
				set(o.Indicator, o.Deadline, fmt.Sprintf("/decisions/priorityOverrides/%d/deadline", i))
			}
			for i, g := range a.Decisions.Agreed {
				set(g.Indicator, g.Deadline, fmt.Sprintf("/decisions/agreed/%d/deadline", i))
			}
			for _, act := range d.Actions {
				for _, ind := range act.Indicators {
					dl, ok := due[ind]
					if !ok {
						continue
					}
					if strings.HasPrefix(pointer[ind], "/decisions/agreed/") {
						agreed++
					}
					if act.Deadline > dl || act.Deadline == "" {
						t.Errorf("%s closes %s, due before %s, but carries the deadline %q", act.ID, ind, dl, act.Deadline)
					}
					if act.Deadline < dl {
						continue // an earlier deadline of its own (an instrument's expiry) governs
					}
					if act.End < dl[:7] {
						met++
						if act.DeadlineMissed {
							t.Errorf("%s ends %s, before %s, but is marked late", act.ID, act.End, dl)
						}
						continue
					}
					missed++
					warned := false
					for _, w := range d.Warnings {
						warned = warned || w.Code == strategy.WarnDeadline && w.Pointer == pointer[ind] && strings.HasPrefix(w.Message, act.ID+" ") &&
							strings.Contains(text, act.ID+": "+abbreviated(text, act.Lead.Name, strings.TrimPrefix(w.Message, act.ID+" "+act.Title+": ")))
					}
					if !act.DeadlineMissed || !strings.Contains(act.Note, "Deadline missed") || !warned {
						t.Errorf("%s ends %s, not before the deadline %s of %s, and is not warned about (note %q)", act.ID, act.End, dl, ind, act.Note)
					}
					// The warning names the earliest end the prerequisites
					// allow when started at once, whatever their horizon.
					if crit := criticalEnd(t, d, act.ID); dl >= fmt.Sprint(start) && !strings.Contains(act.Note, crit) {
						t.Errorf("%s misses %s; started at once with its prerequisites it would end %s, which its note does not say: %q", act.ID, dl, crit, act.Note)
					}
				}
			}

			// Recurrent work is ongoing to the end of the period.
			var timeline *strategy.Chart
			for _, b := range d.Blocks {
				if c, ok := b.(strategy.Chart); ok && c.Type == "timeline" {
					timeline = &c
				}
			}
			for i, act := range d.Actions {
				if act.Ongoing {
					ongoing++
				}
				last := months(t, act.End, start)
				switch {
				case !act.Recurrent && act.Ongoing:
					t.Errorf("%s is one-off but marked ongoing", act.ID)
				case act.Recurrent && last+1 < periodEnd && (!act.Ongoing || months(t, act.OngoingFrom, start) != last+1):
					t.Errorf("%s is recurrent, set up by %s, but not ongoing from the next month: %v %q", act.ID, act.End, act.Ongoing, act.OngoingFrom)
				case act.Ongoing && !timeline.Spans[i].Ongoing:
					t.Errorf("%s is ongoing but its timeline bar is closed", act.ID)
				case act.Ongoing && !strings.Contains(text, act.ID+" ("+act.Start+" → "+act.End+", ongoing from "+act.OngoingFrom):
					t.Errorf("the text does not say that %s is ongoing from %s", act.ID, act.OngoingFrom)
				}
			}
		})
	}
	// The cases exercise every rule: deadlines met and missed, also on
	// agreed levels, ongoing work, leads at their capacity.
	if met == 0 || missed == 0 || ongoing == 0 || full == 0 || agreed == 0 {
		t.Errorf("the cases do not exercise the rules: %d deadlines met, %d missed (%d on agreed levels), %d ongoing actions, %d months at capacity", met, missed, agreed, ongoing, full)
	}
}

// checkDeferred checks that a deferred action is out of the schedule
// (not an action, not in the RACI matrix, not named by a priority),
// carries a reason, and that the implementation plan lists it with its
// title under "Deferred to the next strategy".
func checkDeferred(t *testing.T, d *strategy.Draft) {
	t.Helper()
	plan, err := strategy.Select(d, strategy.PartPlan)
	if err != nil {
		t.Fatal(err)
	}
	text := section(markdownOf(t, plan), "Deferred to the next strategy", "*Action plan timeline*")
	deferred := map[string]bool{}
	for _, x := range d.Deferred {
		deferred[x.ID] = true
		if x.Reason == "" || x.Note == "" {
			t.Errorf("%s is deferred without a reason", x.ID)
		}
		if !strings.Contains(text, x.ID+" "+x.Title) {
			t.Errorf("the plan does not list the deferred %s %q:\n%s", x.ID, x.Title, text)
		}
	}
	for _, act := range d.Actions {
		if deferred[act.ID] {
			t.Errorf("%s is both scheduled and deferred", act.ID)
		}
		for _, dep := range act.DependsOn {
			if deferred[dep] {
				t.Errorf("%s is scheduled but waits for the deferred %s", act.ID, dep)
			}
		}
	}
	for _, id := range d.Roles.RACI.Actions {
		if deferred[id] {
			t.Errorf("the RACI matrix lists the deferred %s", id)
		}
	}
	for _, p := range d.Priorities {
		for _, id := range p.Actions {
			if deferred[id] {
				t.Errorf("priority %d names the deferred %s", p.Rank, id)
			}
		}
	}
}

// TestDeferredOverCommitted: a lead with one post and most of the plan
// to carry cannot set it all up in five years; the draft defers what
// does not fit to the next strategy for its staff capacity, and the brief
// names the risk.
func TestDeferredOverCommitted(t *testing.T) {
	one := 1
	d := island(t, nil, func(a *assess.Assessment) {
		for i := range a.Facts.Staff {
			if a.Facts.Staff[i].Stakeholder == "mdt" {
				a.Facts.Staff[i].Filled, a.Facts.Staff[i].Established = &one, &one
			}
		}
	})
	capacityDeferred := 0
	for _, x := range d.Deferred {
		if x.Reason == strategy.DeferCapacity && x.Lead.Stakeholder == "mdt" {
			capacityDeferred++
		}
	}
	if capacityDeferred < 5 {
		t.Fatalf("with one post the ministry defers %d actions for capacity, want several: %+v", capacityDeferred, d.Deferred)
	}
	for _, act := range d.Actions {
		if act.End > fmt.Sprintf("%d-12", d.Meta.HorizonYear) {
			t.Errorf("%s is scheduled to end in %s, after the period", act.ID, act.End)
		}
	}
	checkDeferred(t, d)
	md, _ := parts(t, d)
	if !regexp.MustCompile(`MDT leads more actions than its staff can carry at once: \d+ of them are deferred to the next strategy`).MatchString(md["brief"]) {
		t.Errorf("the brief does not name the deferred work as a risk:\n%s", section(md["brief"], "### Main risks", "\n\n\n"))
	}
	if !strings.Contains(md["strategy"], "| Deferred to the next strategy | ") {
		t.Error("the strategy's implementation chapter does not count the deferred actions")
	}
}

// TestScheduleSmallIsland pins what the small island's plan must say: the
// cyber annex to the disaster plan (the action closing the rank-1
// indicator IRC.CRI.1) ends before 1 June 2027 or the draft warns that it
// cannot; the three-person rota is flagged for a team of two; and the
// resourcing chapter states the recurrent cost per year against the
// US$185,000 budget line.
func TestScheduleSmallIsland(t *testing.T) {
	a, r := drafttest.Assessment(t, "small-island")
	d := drafttest.Build(t, a, r)
	text := markdownOf(t, d)
	found := false
	for _, act := range d.Actions {
		if len(act.Indicators) == 0 || act.Indicators[0] != "IRC.CRI.1" {
			continue
		}
		found = true
		if act.Deadline != "2027-06-01" {
			t.Errorf("%s carries the deadline %q, want 2027-06-01", act.ID, act.Deadline)
		}
		if act.End >= "2027-06" && (len(d.Warnings) == 0 || !strings.Contains(text, "Deadline at risk")) {
			t.Errorf("%s ends %s, after the deadline, without a warning", act.ID, act.End)
		}
		// Pulled forward: it and its prerequisites start as soon as
		// their own prerequisites end, whatever their horizon, so it
		// ends when the chain of library months allows.
		if want := criticalEnd(t, d, act.ID); act.End != want {
			t.Errorf("%s ends %s; with its prerequisites started at once it would end %s", act.ID, act.End, want)
		}
	}
	if !found {
		t.Fatal("no action closes IRC.CRI.1")
	}
	ws, err := strategy.Warnings(assess.Default(), a, r, nil)
	if err != nil || len(ws) != len(d.Warnings) {
		t.Errorf("strategy.Warnings gives %v, %v; the draft %v", ws, err, d.Warnings)
	}
	for _, want := range []string{
		"It needs at least 3 people at once; CoralCIRT",
		"against the US$185,000 recorded today",
		"| Year | Recurrent actions | Recurrent per year (indicative) | Current budget line | Increase |",
		"| 2031 |",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the draft lacks %q", want)
		}
	}
}

// TestRecurrentCostNoBudgetLine: without a recorded budget line the
// resourcing chapter says so instead of comparing.
func TestRecurrentCostNoBudgetLine(t *testing.T) {
	a, r := drafttest.Assessment(t, "small-island")
	var kept []assess.Instrument
	for _, in := range a.Facts.Instruments {
		if in.Kind != "budget-line" {
			kept = append(kept, in)
		}
	}
	a.Facts.Instruments = kept
	text := markdownOf(t, drafttest.Build(t, a, r))
	if !strings.Contains(text, "The assessment records no current recurrent budget line for cyber security") {
		t.Error("the draft does not say that no budget line is recorded")
	}
}

// criticalEnd is the last month of action id if it and every action it
// depends on, directly or not, started the month their prerequisites
// end, from the first month of the period.
func criticalEnd(t *testing.T, d *strategy.Draft, id string) string {
	lib, err := strategy.DefaultLibrary()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]strategy.Action{}
	for _, a := range d.Actions {
		byID[a.ID] = a
	}
	var end func(id string) int
	end = func(id string) int {
		a := byID[id]
		start := 0
		for _, dep := range a.DependsOn {
			start = max(start, end(dep))
		}
		if la := lib.Action(a.LibraryID); la != nil {
			return start + la.Months
		}
		// An action Build adds (a designation) is not in the library:
		// its set-up is the span it was given.
		return start + months(t, a.End, d.Meta.StartYear) - months(t, a.Start, d.Meta.StartYear) + 1
	}
	e := end(id) - 1
	return fmt.Sprintf("%04d-%02d", d.Meta.StartYear+e/12, e%12+1)
}

// abbreviated writes msg as the documents do once text has defined the
// short form of the institution name: "Name (SHORT)" first, SHORT after.
func abbreviated(text, name, msg string) string {
	m := regexp.MustCompile(regexp.QuoteMeta(name) + ` \(([^()\s]+)\)`).FindStringSubmatch(text)
	if m == nil || strings.Contains(text, msg) {
		return msg
	}
	return strings.ReplaceAll(msg, name, m[1])
}

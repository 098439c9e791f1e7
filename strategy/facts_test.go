package strategy_test

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/strategy"
)

// existing are the instrument statuses that say a thing exists, written
// out independently of strategy.ExistingStatuses.
var existing = []string{"active", "in-force", "enacted", "adopted"}

// networkWords are how action titles name each network.
var networkWords = map[string]string{"first": "FIRST", "csirtamericas": "CSIRTAmericas", "24-7-network": "24/7", "caricom-impacs": "IMPACS"}

// ownDrafting matches an action that drafts or adopts a strategy, or
// attaches its costed action plan: the work the draft itself does.
var ownDrafting = regexp.MustCompile(`(?i)\b(draft|adopt|prepare|write)\b[^.]*\bstrategy\b|attach a costed action plan`)

// TestDraftFacts checks, over the examples and the generated assessments,
// that no draft proposes to create, adopt, join or accede to what the
// facts record as existing, and that no draft schedules its own drafting
// or adoption.
func TestDraftFacts(t *testing.T) {
	lib, err := strategy.DefaultLibrary()
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range cases(t) {
		t.Run(name, func(t *testing.T) {
			acting := map[string]string{} // mode and instrument → action
			for _, a := range c.d.Actions {
				for _, p := range contradictions(c.a.Facts, lib, a) {
					t.Errorf("%s %q: %s", a.ID, a.Title, p)
				}
				if a.Instrument != "" {
					key := a.Mode + " " + a.Instrument
					if other, ok := acting[key]; ok {
						t.Errorf("%s and %s both %s %s", other, a.ID, a.Mode, a.Instrument)
					}
					acting[key] = a.ID
				}
				if ownDrafting.MatchString(a.Title) {
					t.Errorf("%s %q drafts or adopts the strategy the draft is", a.ID, a.Title)
				}
			}
			checkKind(t, c.a, c.d)
			checkExpiring(t, c.a, c.d)
		})
	}
}

// contradictions lists how action a contradicts the facts f: it creates
// what an instrument records as existing, accedes to a convention the
// country is party to, or joins a network it is a member of.
func contradictions(f *assess.Facts, lib *strategy.Library, a strategy.Action) []string {
	if f == nil {
		return nil
	}
	var out []string
	la := lib.Action(a.LibraryID)
	if a.Mode == "create" && la != nil {
		for _, in := range f.Instruments {
			if slices.Contains(existing, in.Status) && slices.ContainsFunc(in.Indicators, func(id string) bool { return slices.Contains(la.Indicators, id) }) {
				out = append(out, "creates what exists: "+in.Name+" ("+in.Status+")")
			}
		}
		for _, n := range f.Networks {
			if w := networkWords[n.Network]; n.Status == "member" && w != "" && strings.Contains(a.Title, w) {
				out = append(out, "joins "+n.Network+", of which the country is a member")
			}
		}
	}
	if f.Treaties != nil && f.Treaties.Budapest != nil && f.Treaties.Budapest.Status == "party" {
		text := strings.ToLower(a.Title + " " + a.Description)
		if strings.Contains(text, "budapest") && (strings.Contains(text, "accession") || strings.Contains(text, "accede")) {
			out = append(out, "proposes accession to the Budapest Convention, to which the country is party")
		}
	}
	return out
}

// checkKind checks that a draft is an implementation plan to the end of
// the strategy in force when that strategy covers the plan's first year
// and runs beyond it.
func checkKind(t *testing.T, a *assess.Assessment, d *strategy.Draft) {
	t.Helper()
	start := d.Meta.StartYear
	want := "strategy"
	if f := a.Facts; f != nil && f.StrategyInForce != nil && f.StrategyInForce.From <= start && f.StrategyInForce.To >= start {
		want = "implementation-plan"
		if f.StrategyInForce.To == start {
			want = "refresh"
		}
		if want == "implementation-plan" && d.Meta.HorizonYear != f.StrategyInForce.To {
			t.Errorf("the implementation plan ends in %d, not with the strategy in force in %d", d.Meta.HorizonYear, f.StrategyInForce.To)
		}
	}
	if d.Meta.Kind != want {
		t.Errorf("the draft is of kind %s, want %s", d.Meta.Kind, want)
	}
	if want == "implementation-plan" && !strings.HasPrefix(d.Meta.Title, "Implementation Plan "+strconv.Itoa(start)) {
		t.Errorf("the title %q does not say it is an implementation plan", d.Meta.Title)
	}
}

// checkExpiring checks that every agreement in force and every active
// donor programme that ends within 18 months of the plan's start has a
// quick-win renewal or handover that ends by its expiry month.
func checkExpiring(t *testing.T, a *assess.Assessment, d *strategy.Draft) {
	t.Helper()
	if a.Facts == nil {
		return
	}
	limit := strconv.Itoa(d.Meta.StartYear+1) + "-06"
	for _, in := range a.Facts.Instruments {
		mode := map[string]string{"agreement": "renew", "donor-programme": "handover"}[in.Kind]
		if mode == "" || in.Expires == "" || in.Expires[:min(7, len(in.Expires))] > limit ||
			!slices.Contains([]string{"adopted", "in-force", "active"}, in.Status) {
			continue
		}
		n := 0
		for _, x := range d.Actions {
			if x.Instrument == in.ID && x.Mode == mode {
				n++
			}
		}
		if n > 1 {
			t.Errorf("%s has %d %s actions", in.ID, n, mode)
		}
		i := slices.IndexFunc(d.Actions, func(x strategy.Action) bool { return x.Instrument == in.ID })
		if i < 0 {
			t.Errorf("%s expires %s and has no %s action", in.ID, in.Expires, mode)
			continue
		}
		// The expiry is the action's deadline: it ends before it, or the
		// draft warns that its lead cannot get there in time.
		if x := d.Actions[i]; x.Mode != mode || x.Deadline == "" || x.End >= x.Deadline[:7] && !x.DeadlineMissed {
			t.Errorf("%s %q on %s: mode %s, ends %s, deadline %q (missed %v); want %s before %s or a warning",
				x.ID, x.Title, in.ID, x.Mode, x.End, x.Deadline, x.DeadlineMissed, mode, in.Expires)
		}
	}
}

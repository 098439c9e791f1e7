package strategy

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/assess"
)

// Modes are what a library action does to what exists:
//
//   - create: set up something the country lacks: a body, a team, a law,
//     an agreement, a budget line; also adopting, joining and acceding
//   - formalise: write down, approve and assign what is done ad hoc
//   - statutory: put an existing body or decision on a statutory footing
//   - revive: bring a dormant body or team back to work
//   - renew: renew an agreement before it expires
//   - enforce: supervise and enforce obligations already in force
//   - implement: carry out what the country has committed to: a treaty it
//     is party to, a law enacted but not yet in force
//   - scale-up: extend what works to more sectors, people or places
//   - sustain: keep a working capability funded, measured and staffed
//   - handover: move a donor-funded capability to national funding
//     before the programme ends
//   - lead-regionally: contribute to or lead regional work
//   - fact-finding: establish a fact nobody at the assessment could give
var Modes = []string{"create", "formalise", "statutory", "revive", "renew", "enforce", "implement",
	"scale-up", "sustain", "handover", "lead-regionally", "fact-finding"}

// ExistingStatuses are the instrument statuses that say a thing exists
// and works, or is law: an action of mode create never applies when an
// instrument with one of them bears on its indicators.
var ExistingStatuses = []string{"active", "in-force", "enacted", "adopted"}

// Condition is one test on the country's facts or levels. Exactly one of
// its fields is set.
type Condition struct {
	Instrument *InstrumentTest `json:"instrument,omitempty"`
	Treaty     *TreatyTest     `json:"treaty,omitempty"`
	Network    *NetworkTest    `json:"network,omitempty"`
	Level      *LevelTest      `json:"level,omitempty"`
}

// InstrumentTest holds when an instrument recorded in the facts has one
// of Kinds (any kind when empty) and one of Statuses, bears on one of
// Indicators (the action's own when empty) and, with ExpiresWithin,
// expires within that many months of the start of the plan. AtLeast
// asks for that many such instruments (default 1).
type InstrumentTest struct {
	Kinds         []string `json:"kinds,omitempty"`
	Statuses      []string `json:"statuses"`
	Indicators    []string `json:"indicators,omitempty"`
	ExpiresWithin int      `json:"expiresWithin,omitempty"`
	AtLeast       int      `json:"atLeast,omitempty"`
	// AnyIndicator drops the test on indicators: the action acts on
	// every such instrument, whatever it bears on (a generic renewal).
	AnyIndicator bool `json:"anyIndicator,omitempty"`
}

// TreatyTest holds when the country's status under a treaty is one of
// Statuses; "unrecorded" stands for no record.
type TreatyTest struct {
	Treaty   string   `json:"treaty"` // "budapest"
	Statuses []string `json:"statuses"`
}

// NetworkTest holds when one of the country's records for a network has
// one of Statuses; "unrecorded" stands for no record of that network.
type NetworkTest struct {
	Network  string   `json:"network"`
	Statuses []string `json:"statuses"`
}

// LevelTest holds when the level of an indicator falls in one of Bands.
type LevelTest struct {
	Indicator string   `json:"indicator"`
	Bands     []string `json:"bands"`
}

// unrecorded is the status a treaty or network test uses for "no record".
const unrecorded = "unrecorded"

// actionVars are the placeholders an action's texts may use, filled from
// the instrument that met its first instrument condition.
var actionVars = []string{"name", "reference", "expires"}

// checkConditions returns the problems of an action's mode and
// conditions.
func (a *LibraryAction) checkConditions(m *assess.Model) []string {
	var probs []string
	bad := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	if !slices.Contains(Modes, a.Mode) {
		bad("mode %q is not one of %s", a.Mode, strings.Join(Modes, ", "))
	}
	if a.Mode == "fact-finding" {
		bad("mode fact-finding is for the actions Build derives from unknown levels")
	}
	for _, group := range []struct {
		name  string
		conds []Condition
	}{{"when", a.When}, {"unless", a.Unless}} {
		for i, c := range group.conds {
			for _, p := range c.check(m, a) {
				bad("%s/%d: %s", group.name, i, p)
			}
		}
	}
	guarded := slices.ContainsFunc(a.Unless, func(c Condition) bool {
		t := c.Instrument
		return t != nil && len(t.Kinds) == 0 && len(t.Indicators) == 0 && t.ExpiresWithin == 0 && t.AtLeast <= 1 &&
			!slices.ContainsFunc(ExistingStatuses, func(s string) bool { return !slices.Contains(t.Statuses, s) })
	})
	if a.Mode == "create" && !guarded {
		bad("mode create needs an unless condition on an instrument of any kind with the statuses %s", strings.Join(ExistingStatuses, ", "))
	}
	needs := map[string]func(t *InstrumentTest) bool{
		"revive": func(t *InstrumentTest) bool { return slices.Contains(t.Statuses, "dormant") },
		"renew":  func(t *InstrumentTest) bool { return t.ExpiresWithin > 0 },
		"handover": func(t *InstrumentTest) bool {
			return t.ExpiresWithin > 0 && slices.Equal(t.Kinds, []string{"donor-programme"})
		},
	}
	first := a.firstInstrumentTest()
	if need, ok := needs[a.Mode]; ok && (first == nil || !need(first)) {
		bad("mode %s needs a when condition on the instrument it acts on", a.Mode)
	}
	for _, k := range a.ClosedByDraft {
		if !slices.Contains(Kinds, k) {
			bad("closedByDraft: unknown kind of draft %q", k)
		}
	}
	if first != nil && first.AnyIndicator && (len(a.When) != 1 || a.Band != "any" || !slices.Contains([]string{"renew", "handover", "statutory"}, a.Mode)) {
		bad("anyIndicator is for the only when condition of a renew, handover or statutory action of band any")
	}
	if a.Band == "any" && len(a.When) == 0 && !a.Always {
		bad("band any needs a when condition")
	}
	if a.Always && (a.Band != "any" || a.Mode == "create" || a.firstInstrumentTest() != nil && a.firstInstrumentTest().AnyIndicator) {
		bad("an action for every plan (always) has band any, does not create, and acts on no instrument chosen by anyIndicator")
	}
	texts := []assess.Text{a.Title, a.Objective, a.Description, a.Milestone}
	for _, v := range a.Variants {
		texts = append(texts, v.Title, v.Objective, v.Description, v.Milestone)
	}
	for _, tx := range texts {
		for ph := range placeholders(tx) {
			switch {
			case ph == "gazette": // the country's official journal, always known
			case !slices.Contains(actionVars, ph):
				bad("unknown placeholder {%s} (an action can use {name}, {reference}, {expires}, {gazette})", ph)
			case first == nil:
				bad("placeholder {%s} needs a when condition on an instrument", ph)
			case ph == "expires" && first.ExpiresWithin == 0:
				bad("placeholder {expires} needs expiresWithin on the first instrument condition")
			}
		}
	}
	return probs
}

func (a *LibraryAction) firstInstrumentTest() *InstrumentTest {
	for _, c := range a.When {
		if c.Instrument != nil {
			return c.Instrument
		}
	}
	return nil
}

func (c Condition) check(m *assess.Model, a *LibraryAction) []string {
	var probs []string
	bad := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	set := 0
	for _, ok := range []bool{c.Instrument != nil, c.Treaty != nil, c.Network != nil, c.Level != nil} {
		if ok {
			set++
		}
	}
	if set != 1 {
		bad("a condition tests exactly one of instrument, treaty, network, level")
		return probs
	}
	oneOf := func(what string, got, allowed []string) {
		if len(got) == 0 {
			bad("no %s", what)
		}
		for _, s := range got {
			if !slices.Contains(allowed, s) {
				bad("%s %q is not one of %s", what, s, strings.Join(allowed, ", "))
			}
		}
	}
	switch {
	case c.Instrument != nil:
		t := c.Instrument
		if len(t.Kinds) > 0 {
			oneOf("kind", t.Kinds, assess.InstrumentKinds)
		}
		oneOf("status", t.Statuses, assess.InstrumentStatuses)
		for _, in := range t.Indicators {
			if m.Indicator(in) == nil {
				bad("unknown indicator %q", in)
			}
		}
		if t.ExpiresWithin < 0 || t.AtLeast < 0 {
			bad("expiresWithin and atLeast cannot be negative")
		}
	case c.Treaty != nil:
		if c.Treaty.Treaty != "budapest" {
			bad("unknown treaty %q", c.Treaty.Treaty)
		}
		oneOf("status", c.Treaty.Statuses, append(slices.Clone(assess.TreatyStatuses), unrecorded))
	case c.Network != nil:
		if !slices.Contains(assess.Networks, c.Network.Network) || c.Network.Network == "other" {
			bad("unknown network %q", c.Network.Network)
		}
		oneOf("status", c.Network.Statuses, append(slices.Clone(assess.NetworkStatuses), unrecorded))
	case c.Level != nil:
		if m.Indicator(c.Level.Indicator) == nil {
			bad("unknown indicator %q", c.Level.Indicator)
		}
		oneOf("band", c.Level.Bands, []string{"low", "mid", "high"})
	}
	return probs
}

// facts is what the conditions of library actions test: the country's
// facts, its levels and the start of the plan.
type facts struct {
	f      *assess.Facts
	r      *assess.Result
	start  int // first year of the plan
	status map[string]assess.Status
}

// applies reports whether action a applies to the country and returns
// the instrument that met its first instrument condition, if any.
func (fs *facts) applies(a *LibraryAction) (*assess.Instrument, bool) {
	var matched *assess.Instrument
	for _, c := range a.When {
		in, ok := fs.holds(c, a)
		if !ok {
			return nil, false
		}
		if matched == nil && in != nil {
			matched = in
		}
	}
	for _, c := range a.Unless {
		if _, ok := fs.holds(c, a); ok {
			return nil, false
		}
	}
	return matched, true
}

// holds reports whether condition c holds for action a, with the first
// instrument (by expiry, then order of record) that meets it.
func (fs *facts) holds(c Condition, a *LibraryAction) (*assess.Instrument, bool) {
	switch {
	case c.Instrument != nil:
		return fs.instrument(c.Instrument, a)
	case c.Treaty != nil:
		status := unrecorded
		if fs.f != nil && fs.f.Treaties != nil && fs.f.Treaties.Budapest != nil {
			status = fs.f.Treaties.Budapest.Status
		}
		return nil, slices.Contains(c.Treaty.Statuses, status)
	case c.Network != nil:
		found := false
		if fs.f != nil {
			for _, n := range fs.f.Networks {
				if n.Network == c.Network.Network {
					found = true
					if slices.Contains(c.Network.Statuses, n.Status) {
						return nil, true
					}
				}
			}
		}
		return nil, !found && slices.Contains(c.Network.Statuses, unrecorded)
	case c.Level != nil:
		is := fs.r.Indicator(c.Level.Indicator)
		return nil, is != nil && is.Status != assess.StatusNA && slices.Contains(c.Level.Bands, Band(is.Level))
	}
	return nil, false
}

func (fs *facts) instrument(t *InstrumentTest, a *LibraryAction) (*assess.Instrument, bool) {
	found := fs.instruments(t, a)
	if len(found) == 0 || len(found) < t.AtLeast {
		return nil, false
	}
	return found[0], true
}

// instruments returns the instruments that meet t for action a, by
// expiry, then in the order of record.
func (fs *facts) instruments(t *InstrumentTest, a *LibraryAction) []*assess.Instrument {
	if fs.f == nil {
		return nil
	}
	indicators := t.Indicators
	if len(indicators) == 0 {
		indicators = a.Indicators
	}
	var found []*assess.Instrument
	for i := range fs.f.Instruments {
		in := &fs.f.Instruments[i]
		if len(t.Kinds) > 0 && !slices.Contains(t.Kinds, in.Kind) || !slices.Contains(t.Statuses, in.Status) {
			continue
		}
		if !t.AnyIndicator && !slices.ContainsFunc(in.Indicators, func(id string) bool { return slices.Contains(indicators, id) }) {
			continue
		}
		if t.ExpiresWithin > 0 && !expiresWithin(in.Expires, fs.start, t.ExpiresWithin) {
			continue
		}
		found = append(found, in)
	}
	slices.SortStableFunc(found, func(x, y *assess.Instrument) int { return strings.Compare(x.Expires, y.Expires) })
	return found
}

// expiresWithin reports whether a date (YYYY, YYYY-MM or YYYY-MM-DD)
// falls before the end of month n of a plan that starts in January of
// year start, compared at the date's precision.
func expiresWithin(date string, start, n int) bool {
	parts := strings.Split(date, "-")
	y, err := strconv.Atoi(parts[0])
	if date == "" || err != nil {
		return false
	}
	limit := start*12 + n - 1 // the last month within reach, as year*12 + month-1
	if len(parts) == 1 {
		return y <= limit/12
	}
	mo, err := strconv.Atoi(parts[1])
	if err != nil {
		return false
	}
	return y*12+mo-1 <= limit
}

// inBand reports whether every indicator of a bundled action is in the
// action's band; an indicator that does not apply is left out.
func (fs *facts) inBand(a *LibraryAction) bool {
	if a.Band == "any" {
		return true
	}
	for _, id := range a.Indicators {
		is := fs.r.Indicator(id)
		if is == nil || is.Status == assess.StatusNA {
			continue
		}
		if Band(is.Level) != a.Band {
			return false
		}
	}
	return true
}

// instrumentVars are the values of an action's placeholders for the
// instrument that matched it.
func instrumentVars(in *assess.Instrument) map[string]string {
	if in == nil {
		return nil
	}
	ref := in.Reference
	if ref == "" {
		ref = in.Name
	}
	return map[string]string{"name": in.Name, "reference": ref, "expires": in.Expires}
}

package strategy

import (
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/ncskit/ncskit/assess"
)

// Library is the action library: for every area, the actions that move
// an indicator from its current level band to the next level.
type Library struct {
	Actions []*LibraryAction
	byID    map[string]*LibraryAction
}

// libraryFile is one pillar's file of the library.
type libraryFile struct {
	Pillar  string           `json:"pillar"`
	Actions []*LibraryAction `json:"actions"`
}

// LibraryAction is one action of the library.
type LibraryAction struct {
	ID         string   `json:"id"`
	Area       string   `json:"area"`
	Indicators []string `json:"indicators"`
	Band       string   `json:"band"` // low (levels 1-2, unknown), mid (3), high (4-5), any
	// Mode says what the action does to what exists: one of Modes.
	Mode string `json:"mode"`
	// When lists conditions on the country's facts and levels that must
	// all hold for the action to apply; Unless lists conditions of which
	// none may hold. The first instrument that meets an instrument
	// condition of When fills the placeholders {name}, {reference} and
	// {expires} of the action's texts.
	When   []Condition `json:"when,omitempty"`
	Unless []Condition `json:"unless,omitempty"`
	// ClosedByDraft lists the kinds of draft (see Kinds) whose adoption
	// closes the action's gap: a strategy draft is the strategy and its
	// costed action plan, so such a plan never schedules its own drafting
	// or adoption.
	ClosedByDraft []string    `json:"closedByDraft,omitempty"`
	Templates     []string    `json:"templates,omitempty"`
	Title         assess.Text `json:"title"`
	Objective     assess.Text `json:"objective"`
	Description   assess.Text `json:"description"`
	Milestone     assess.Text `json:"milestone"`
	// KPI is the measure of the action's key performance indicator.
	KPI  Measure `json:"kpi"`
	Lead string  `json:"lead"`
	// SectorDuty marks a duty that falls on each sector's regulator: the
	// action is led by a sector regulator of its responsible list where
	// the country has one.
	SectorDuty bool `json:"sectorDuty,omitempty"`
	// Designates names the role archetype whose holder the action
	// designates (a mandate for the lead agency, the CSIRT function).
	Designates  string   `json:"designates,omitempty"`
	Responsible []string `json:"responsible"`
	Consulted   []string `json:"consulted"`
	Informed    []string `json:"informed"`
	Horizon     string   `json:"horizon"`
	Months      int      `json:"months"`
	// People is the least number of people the lead must put on the
	// action at once, such as a rota; 0 when it does not matter.
	People      int      `json:"people,omitempty"`
	Cost        string   `json:"cost"`
	Recurrent   bool     `json:"recurrent"`
	Funding     []string `json:"funding"`
	DependsOn   []string `json:"dependsOn"`
	ITU         []string `json:"itu"`
	CARICOM     []string `json:"caricom"`
	MinimumPath bool     `json:"minimumPath"`
	// Profile limits the action to the countries whose register it
	// matches (a framing, a legal tradition); nil means every country.
	Profile *When `json:"profile,omitempty"`
	// Always puts the action in every plan it fits, whatever the gaps:
	// the actions a framing or the inclusion of women and underserved
	// groups calls for.
	Always bool `json:"always,omitempty"`
	// Variants word the action for registers: the first that matches
	// replaces the texts it gives.
	Variants []ActionVariant `json:"variants,omitempty"`

	// expanded marks an action Build derives (a designation, a
	// fact-finding action), whose texts are already expanded.
	expanded bool
}

// For reports whether the action applies to template id.
func (a *LibraryAction) For(template string) bool {
	if len(a.Templates) == 0 {
		return true
	}
	for _, t := range a.Templates {
		if t == template {
			return true
		}
	}
	return false
}

// Band returns the level band of a consolidated level: "low" for levels 1
// and 2 and for no level, "mid" for 3, "high" for 4 and above.
func Band(level int) string {
	switch {
	case level >= 4:
		return "high"
	case level == 3:
		return "mid"
	}
	return "low"
}

// Action returns the library action with the given ID, or nil.
func (l *Library) Action(id string) *LibraryAction { return l.byID[id] }

var (
	libOnce sync.Once
	libDef  *Library
	libErr  error
)

// DefaultLibrary returns the embedded action library, checked against the
// default model. It is parsed once.
func DefaultLibrary() (*Library, error) {
	libOnce.Do(func() { libDef, libErr = LoadLibrary(embedded, "actions", assess.Default()) })
	return libDef, libErr
}

// LoadLibrary reads every *.json file in dir of fsys as a pillar's action
// library and checks it against model m.
func LoadLibrary(fsys fs.FS, dir string, m *assess.Model) (*Library, error) {
	files, err := fs.Glob(fsys, dir+"/*.json")
	if err != nil {
		return nil, err
	}
	l := &Library{byID: map[string]*LibraryAction{}}
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		var lf libraryFile
		if err := decodeStrict(data, &lf); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		l.Actions = append(l.Actions, lf.Actions...)
	}
	if probs := l.check(m); len(probs) > 0 {
		return nil, fmt.Errorf("action library: %s", strings.Join(probs, "; "))
	}
	// Model order: pillar, area, then file order within the area.
	areaOrder := map[string]int{}
	for _, p := range m.Pillars {
		for _, ar := range p.Areas {
			areaOrder[ar.ID] = len(areaOrder)
		}
	}
	sort.SliceStable(l.Actions, func(i, j int) bool {
		return areaOrder[l.Actions[i].Area] < areaOrder[l.Actions[j].Area]
	})
	return l, nil
}

var (
	bands     = map[string]bool{"low": true, "mid": true, "high": true, "any": true}
	horizons  = map[string]int{"quick": 12, "medium": 36, "long": 60}
	costBands = map[string]bool{"A": true, "B": true, "C": true, "D": true, "E": true}
	fundings  = map[string]bool{"national-budget": true, "development-partner": true, "development-bank": true,
		"regional-programme": true, "private-sector": true, "fees-levies": true}
	frequencies = map[string]bool{"monthly": true, "quarterly": true, "half-yearly": true, "yearly": true}
	ituAreas    = map[string]bool{"governance": true, "risk-management": true, "preparedness-resilience": true,
		"critical-infrastructure": true, "capacity-building": true, "legislation-regulation": true, "international-cooperation": true}
	caricomAreas = map[string]bool{"public-awareness": true, "sustainable-capacity": true, "technical-standards": true,
		"legal-environment": true, "cooperation": true, "incident-response": true}
)

func (l *Library) check(m *assess.Model) []string {
	var probs []string
	bad := func(a *LibraryAction, format string, args ...any) {
		probs = append(probs, a.ID+": "+fmt.Sprintf(format, args...))
	}
	for _, a := range l.Actions {
		if _, dup := l.byID[a.ID]; dup {
			bad(a, "duplicate action ID")
		}
		l.byID[a.ID] = a
	}
	for _, a := range l.Actions {
		if m.Area(a.Area) == nil {
			bad(a, "unknown area %q", a.Area)
		}
		if !strings.HasPrefix(a.ID, a.Area+".") {
			bad(a, "the ID must start with its area %s", a.Area)
		}
		if len(a.Indicators) == 0 {
			bad(a, "no indicators")
		}
		for _, in := range a.Indicators {
			if m.Indicator(in) == nil || !strings.HasPrefix(in, a.Area+".") {
				bad(a, "indicator %q is not in area %s", in, a.Area)
			}
		}
		if !bands[a.Band] {
			bad(a, "band %q is not low, mid, high or any", a.Band)
		}
		for _, p := range a.checkConditions(m) {
			bad(a, "%s", p)
		}
		for _, t := range a.Templates {
			if !slices.Contains(Templates, t) {
				bad(a, "unknown template %q (the templates are %s)", t, strings.Join(Templates, ", "))
			}
		}
		roles := append(append(append([]string{a.Lead}, a.Responsible...), a.Consulted...), a.Informed...)
		seen := map[string]bool{}
		for _, r := range roles {
			if _, ok := m.Role(r); !ok {
				bad(a, "unknown role archetype %q", r)
			}
			if seen[r] {
				bad(a, "role %q appears twice in its RACI", r)
			}
			seen[r] = true
		}
		if a.Designates != "" {
			if _, ok := m.Role(a.Designates); !ok {
				bad(a, "designates unknown role archetype %q", a.Designates)
			}
		}
		if a.SectorDuty && !slices.ContainsFunc(a.Responsible, func(r string) bool { return sectorRegulators[r] }) {
			bad(a, "a sector duty needs a sector regulator among its responsible roles")
		}
		if limit, ok := horizons[a.Horizon]; !ok {
			bad(a, "horizon %q is not quick, medium or long", a.Horizon)
		} else if a.Months < 1 || a.Months > limit {
			bad(a, "%d months does not fit the %s horizon (up to %d)", a.Months, a.Horizon, limit)
		}
		if !costBands[a.Cost] {
			bad(a, "cost band %q is not A-E", a.Cost)
		}
		for _, f := range a.Funding {
			if !fundings[f] {
				bad(a, "unknown funding source %q", f)
			}
		}
		for _, p := range a.KPI.check(m) {
			bad(a, "kpi/%s", p)
		}
		for _, d := range a.DependsOn {
			if l.byID[d] == nil {
				bad(a, "depends on unknown action %q", d)
			}
		}
		for _, x := range a.ITU {
			if !ituAreas[x] {
				bad(a, "unknown ITU focus area %q", x)
			}
		}
		for _, x := range a.CARICOM {
			if !caricomAreas[x] {
				bad(a, "unknown CARICOM plan area %q", x)
			}
		}
		if a.Profile != nil {
			for _, p := range a.Profile.check() {
				bad(a, "profile: %s", p)
			}
		}
		for i, v := range a.Variants {
			for _, p := range v.When.check() {
				bad(a, "variant %d: %s", i, p)
			}
		}
		for _, tx := range []assess.Text{a.Title, a.Objective, a.Description, a.Milestone, a.KPI.Name, a.KPI.Source} {
			if tx.In("en") == "" {
				bad(a, "missing English text")
				break
			}
		}
	}
	if c := libraryCycle(l); c != "" {
		probs = append(probs, "dependencies form a cycle: "+c)
	}
	return probs
}

func libraryCycle(l *Library) string {
	state := map[string]int{}
	var stack []string
	var visit func(id string) string
	visit = func(id string) string {
		state[id] = 1
		stack = append(stack, id)
		for _, d := range l.byID[id].DependsOn {
			if l.byID[d] == nil {
				continue
			}
			if state[d] == 1 {
				return strings.Join(append(stack, d), " → ")
			}
			if state[d] == 0 {
				if c := visit(d); c != "" {
					return c
				}
			}
		}
		stack = stack[:len(stack)-1]
		state[id] = 2
		return ""
	}
	for _, a := range l.Actions {
		if state[a.ID] == 0 {
			if c := visit(a.ID); c != "" {
				return c
			}
		}
	}
	return ""
}

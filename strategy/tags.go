package strategy

import (
	"fmt"
	"slices"

	"github.com/ncskit/ncskit/assess"
)

// Register is what the wording of a draft follows: the country's region,
// legal tradition, size and framing, from its profile. A Caribbean
// common-law island adopts by Cabinet decision and gazettes; a civil-law
// Latin American republic adopts by decree published in its Diario
// Oficial and speaks of strategic axes and lines of action.
type Register struct {
	Region  string // one of the profile's regions: caribbean, central-america, …
	Legal   string // common-law or civil-law
	Size    string // small-island or larger
	Framing string // one of assess.Framings
}

// Legal traditions of a Register.
const (
	CommonLaw = "common-law"
	CivilLaw  = "civil-law"
)

// RegisterOf returns the register of a profile. A profile that does not
// name its legal tradition is taken as common-law in the Caribbean and
// civil-law elsewhere (Haiti and Suriname name theirs).
func RegisterOf(p assess.Profile) Register {
	r := Register{Region: p.Region, Legal: p.LegalTradition, Size: "larger", Framing: p.Framing}
	if r.Legal == "" {
		r.Legal = CivilLaw
		if p.Region == "caribbean" {
			r.Legal = CommonLaw
		}
	}
	if p.SmallIslandState {
		r.Size = "small-island"
	}
	return r
}

// When selects a variant of a text, or an action, by register: every
// list that is not empty must contain the register's value.
type When struct {
	Region  []string `json:"region,omitempty"`
	Legal   []string `json:"legal,omitempty"`
	Size    []string `json:"size,omitempty"`
	Framing []string `json:"framing,omitempty"`
}

// Matches reports whether the register meets every test of w.
func (w When) Matches(r Register) bool {
	ok := func(list []string, v string) bool { return len(list) == 0 || slices.Contains(list, v) }
	return ok(w.Region, r.Region) && ok(w.Legal, r.Legal) && ok(w.Size, r.Size) && ok(w.Framing, r.Framing)
}

// check returns what is wrong with the values of w.
func (w When) check() []string {
	var probs []string
	test := func(field string, list, known []string) {
		for _, v := range list {
			if !slices.Contains(known, v) {
				probs = append(probs, fmt.Sprintf("unknown %s %q in a variant's when", field, v))
			}
		}
	}
	test("region", w.Region, Regions)
	test("legal tradition", w.Legal, []string{CommonLaw, CivilLaw})
	test("size", w.Size, []string{"small-island", "larger"})
	test("framing", w.Framing, assess.Framings)
	return probs
}

// Regions are the regions of a profile.
var Regions = []string{"caribbean", "central-america", "south-america", "north-america"}

// Variant is a text for the registers its When selects. The first
// variant of a key that matches the draft's register replaces the key's
// text.
type Variant struct {
	When When        `json:"when"`
	Text assess.Text `json:"text"`
}

// variantFor returns the text of the first variant that matches r.
func variantFor(vs []Variant, r Register) (assess.Text, bool) {
	for _, v := range vs {
		if v.When.Matches(r) {
			return v.Text, true
		}
	}
	return nil, false
}

// ActionVariant is wording of a library action for the registers its
// When selects: each text it gives replaces the action's own.
type ActionVariant struct {
	When        When        `json:"when"`
	Title       assess.Text `json:"title,omitempty"`
	Objective   assess.Text `json:"objective,omitempty"`
	Description assess.Text `json:"description,omitempty"`
	Milestone   assess.Text `json:"milestone,omitempty"`
	KPIName     assess.Text `json:"kpiName,omitempty"`
	KPISource   assess.Text `json:"kpiSource,omitempty"`
	KPICounted  assess.Text `json:"kpiCounted,omitempty"`
	KPIRule     assess.Text `json:"kpiRule,omitempty"`
}

// worded returns the action as the register words it: a copy with the
// texts of its first matching variant, or the action itself when no
// variant matches.
func (a *LibraryAction) worded(r Register) *LibraryAction {
	for _, v := range a.Variants {
		if !v.When.Matches(r) {
			continue
		}
		c := *a
		set := func(dst *assess.Text, src assess.Text) {
			if len(src) > 0 {
				*dst = src
			}
		}
		set(&c.Title, v.Title)
		set(&c.Objective, v.Objective)
		set(&c.Description, v.Description)
		set(&c.Milestone, v.Milestone)
		set(&c.KPI.Name, v.KPIName)
		set(&c.KPI.Source, v.KPISource)
		set(&c.KPI.Counted, v.KPICounted)
		set(&c.KPI.Rule, v.KPIRule)
		return &c
	}
	return a
}

// fits reports whether an action applies to a register: an action with a
// Profile test applies only where it matches.
func (a *LibraryAction) fits(r Register) bool { return a.Profile == nil || a.Profile.Matches(r) }

// worded returns the library as a register words it: the actions that fit
// the register, each with its matching variant's texts. The library
// itself is not changed.
func (l *Library) worded(r Register) *Library {
	out := &Library{byID: make(map[string]*LibraryAction, len(l.Actions))}
	for _, a := range l.Actions {
		if !a.fits(r) {
			continue
		}
		w := a.worded(r)
		out.Actions = append(out.Actions, w)
		out.byID[w.ID] = w
	}
	// Dependencies on actions that do not fit the register are dropped
	// with them.
	for i, a := range out.Actions {
		if slices.ContainsFunc(a.DependsOn, func(d string) bool { return out.byID[d] == nil }) {
			c := *a
			c.DependsOn = slices.DeleteFunc(slices.Clone(a.DependsOn), func(d string) bool { return out.byID[d] == nil })
			out.Actions[i] = &c
			out.byID[c.ID] = &c
		}
	}
	return out
}

// gazette is the name of the country's official journal: the profile's,
// else the usual one for its legal tradition.
func (b *builder) gazette() string {
	if g := b.a.Profile.Gazette; g != "" {
		return g
	}
	return b.text("register.gazette")
}

// pillarSummary introduces a pillar: the template's text for the
// register (pillars.summary.ID) when it has one, else the model's
// summary, which is written for every state.
func (b *builder) pillarSummary(pillar string, model assess.Text) string {
	if s := b.text("pillars.summary." + pillar); s != "" {
		return s
	}
	return model.In(b.lang)
}

// principleText is a guiding principle's text as the register words it.
func (b *builder) principleText(p Principle) string {
	if t, ok := variantFor(p.Variants, b.reg); ok {
		return t.In(b.lang)
	}
	return p.Text.In(b.lang)
}

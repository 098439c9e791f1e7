package strategy

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ncskit/ncskit/assess"
)

// Outcome is an outcome indicator of the strategy as the common template
// defines it: a measure tied to the objectives it measures.
type Outcome struct {
	ID string `json:"id"`
	Measure
	// Indicator is the model indicator whose maturity level stands beside
	// the outcome, and whose lowest level makes an "absent" baseline zero.
	Indicator string `json:"indicator,omitempty"`
	// Objectives are the goals ("G-IRC", one per pillar) and pillar
	// objectives ("O-IRC.OPS", one per area) the outcome measures; a
	// pillar objective counts only in a draft that acts on its area, so
	// every outcome measures at least one goal.
	Objectives []string `json:"objectives"`
	// When limits the outcome to the countries whose register it matches.
	When *When `json:"when,omitempty"`
	// RuleVariants word the rule for registers: the first that matches
	// replaces it (the networks a Caribbean state joins are not those of
	// a South American one).
	RuleVariants []Variant `json:"ruleVariants,omitempty"`
}

// checkOutcomes returns the problems of the outcome indicators of the
// common template against model m, each at its JSON pointer.
func checkOutcomes(outs []Outcome, m *assess.Model) []string {
	var probs []string
	seen := map[string]bool{}
	for i, o := range outs {
		at := fmt.Sprintf("/outcomes/%d", i)
		bad := func(format string, args ...any) { probs = append(probs, at+": "+fmt.Sprintf(format, args...)) }
		if o.ID == "" || seen[o.ID] {
			bad("missing or duplicate id %q", o.ID)
		}
		seen[o.ID] = true
		for _, p := range o.Measure.check(m) {
			probs = append(probs, at+"/"+p)
		}
		if o.Name.In("en") == "" || o.Source.In("en") == "" {
			bad("missing English name or source")
		}
		if o.Indicator != "" && m.Indicator(o.Indicator) == nil {
			bad("unknown indicator %q", o.Indicator)
		}
		goal := false
		for j, id := range o.Objectives {
			pillar, area, ok := objectiveRef(id)
			switch {
			case !ok || m.Pillar(pillar) == nil || area != "" && m.Area(area) == nil:
				bad("objectives/%d: %q is not a goal G-PILLAR or an objective O-AREA of the model", j, id)
			case area == "":
				goal = true
			}
		}
		if !goal {
			bad("objectives: an outcome measures at least one goal (G-PILLAR)")
		}
		if o.When != nil {
			for _, p := range o.When.check() {
				bad("when: %s", p)
			}
		}
		for j, v := range o.RuleVariants {
			for _, p := range v.When.check() {
				bad("ruleVariants/%d/when: %s", j, p)
			}
			for lang := range o.Rule {
				if v.Text[lang] == "" {
					bad("ruleVariants/%d: no %s text", j, lang)
				}
			}
		}
	}
	return probs
}

// objectiveRef splits an objective ID: "G-IRC" is the goal of pillar IRC,
// "O-IRC.OPS" the objective of area IRC.OPS.
func objectiveRef(id string) (pillar, area string, ok bool) {
	switch {
	case strings.HasPrefix(id, "G-"):
		return id[2:], "", len(id) > 2
	case strings.HasPrefix(id, "O-"):
		area = id[2:]
		if i := strings.IndexByte(area, '.'); i > 0 {
			return area[:i], area, true
		}
	}
	return "", "", false
}

// outcomeDefs returns the template's outcome indicators that apply to the
// country, each with its ID in the draft ("OI-01").
func (b *builder) outcomeDefs() []Outcome {
	var out []Outcome
	for _, o := range b.t.common.Outcomes {
		if o.When != nil && !o.When.Matches(b.reg) {
			continue
		}
		if o.Indicator != "" && b.r.Indicator(o.Indicator) == nil {
			o.Indicator = ""
		}
		if t, ok := variantFor(o.RuleVariants, b.reg); ok {
			o.Rule = t
		}
		out = append(out, o)
	}
	return out
}

// outcomeID is the ID in the draft of the i-th outcome indicator.
func outcomeID(i int) string { return fmt.Sprintf("OI-%02d", i+1) }

// objectives lists the strategy's goals, one per pillar, and its pillar
// objectives, one per area the plan acts on: that of the area's
// highest-priority action, in model order.
func (b *builder) objectives() {
	for _, p := range b.r.Pillars {
		b.d.Objectives = append(b.d.Objectives, Objective{ID: "G-" + p.ID, Pillar: p.ID,
			Text: b.text("vision.goal."+p.ID, "target", b.goalTo(p), "current", b.goalFrom(p))})
	}
	for _, p := range b.r.Pillars {
		for _, ar := range b.m.Pillar(p.ID).Areas {
			for _, a := range b.d.Actions {
				if a.Area == ar.ID {
					b.d.Objectives = append(b.d.Objectives, Objective{ID: "O-" + ar.ID, Pillar: p.ID, Area: ar.ID,
						Text: ar.Name.In(b.lang) + b.loc.Colon() + a.Objective})
					break
				}
			}
		}
	}
}

// objectivesOf returns the objectives of a pillar: its goal when area is
// false, else its area objectives.
func (b *builder) objectivesOf(pillar string, area bool) []Objective {
	var out []Objective
	for _, o := range b.d.Objectives {
		if o.Pillar == pillar && (o.Area != "") == area {
			out = append(out, o)
		}
	}
	return out
}

// outcomes derives the strategy's outcome indicators: each template
// outcome that applies, with its baseline from the assessment's facts (or
// the action that measures it), numeric targets for every year of the
// period, and the objectives of the draft it measures.
func (b *builder) outcomes() {
	has := map[string]bool{}
	for _, o := range b.d.Objectives {
		has[o.ID] = true
	}
	for i, o := range b.outcomeDefs() {
		k := KPI{
			ID:         outcomeID(i),
			Indicator:  o.Indicator,
			Name:       o.Name.In(b.lang),
			TargetYear: b.d.Meta.HorizonYear,
			Frequency:  b.label("freq." + o.Frequency),
			Source:     o.Source.In(b.lang),
			Owner:      b.assign(o.SourceOwner).Name,
		}
		for _, id := range o.Objectives {
			if has[id] {
				k.Objectives = append(k.Objectives, id)
			}
		}
		if is := b.r.Indicator(o.Indicator); is != nil && is.Target >= 1 {
			b.levelTrack(&k, is)
		} else {
			for y := b.d.Meta.StartYear; y <= k.TargetYear; y++ {
				k.Yearly = append(k.Yearly, YearTarget{Year: y})
			}
		}
		if bl := b.measure(&k, &o.Measure, o.Indicator, ""); bl.value == nil {
			k.DataAction = b.dataAction
		}
		b.d.Outcomes = append(b.d.Outcomes, k)
	}
}

// outcomesMissing returns the IDs of the outcome indicators whose
// baseline the facts do not give, and the roles that hold their sources.
func (b *builder) outcomesMissing() (ids, owners []string) {
	for i, o := range b.outcomeDefs() {
		if b.baselineOf(&o.Measure, o.Indicator, "").value == nil {
			ids = append(ids, outcomeID(i))
			if !slices.Contains(owners, o.SourceOwner) {
				owners = append(owners, o.SourceOwner)
			}
		}
	}
	return ids, owners
}

package strategy

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/ncskit/ncskit/assess"
)

// Measure is what a key performance indicator counts and how: its name,
// type, unit, counting rule, data source and owner, frequency,
// breakdowns, the fact of the assessment its baseline comes from, and the
// rule that sets its yearly targets. Every library action has one, and so
// does every outcome indicator of the templates.
type Measure struct {
	Name      assess.Text `json:"name"`
	Frequency string      `json:"frequency"`
	Source    assess.Text `json:"source"`
	// Type is one of KPITypes.
	Type string `json:"type"`
	// Unit is one of Units; Counted says what a count counts
	// ("incidents"), and is required for the unit "count".
	Unit    string      `json:"unit"`
	Counted assess.Text `json:"counted,omitempty"`
	// Rule says how the value is counted or computed.
	Rule assess.Text `json:"rule"`
	// SourceOwner is the role archetype whose holder keeps the source.
	SourceOwner string `json:"sourceOwner"`
	// Disaggregation lists the breakdowns reported: Breakdowns.
	Disaggregation []string `json:"disaggregation,omitempty"`
	// Baseline names the fact of the assessment that gives the baseline
	// value; nil when no fact does, and the plan collects it.
	Baseline *BaselineRule `json:"baseline,omitempty"`
	Target   TargetRule    `json:"target"`
}

// BaselineRule names the fact of an assessment a baseline comes from.
type BaselineRule struct {
	// Fact is one of BaselineFacts.
	Fact string `json:"fact"`
	// Role is the role archetype whose institutions' posts count, for
	// the facts posts-filled and vacancy-rate; empty counts the posts of
	// every institution on record.
	Role string `json:"role,omitempty"`

	note string // for the fact "zero" of a derived action: the text key of why
}

// TargetRule sets a KPI's yearly targets. Without a baseline the targets
// go in equal steps from From to To by the target year. With one they go
// in equal steps from the baseline: by Change percent of it when Change
// is set, else up to To (or down to To) unless the baseline is already
// there. With Scale "population", From and To are per
// 100,000 inhabitants, so that one rule fits a small island and a larger
// state.
type TargetRule struct {
	Direction string  `json:"direction"` // up or down
	From      float64 `json:"from"`
	To        float64 `json:"to"`
	Change    float64 `json:"change,omitempty"`
	Scale     string  `json:"scale,omitempty"`
}

// KPITypes are the types of a KPI, from what goes in to what changes.
var KPITypes = []string{"input", "output", "outcome", "impact"}

// Units are the kinds of unit a KPI is measured in. A "count" names what
// it counts; "points" are percentage points; "money" is an amount in the
// currency of the country's budget facts.
var Units = []string{"count", "percent", "points", "minutes", "hours", "days", "months", "money"}

// Breakdowns are the disaggregations a KPI can report.
var Breakdowns = []string{"sex", "age", "region", "sector"}

// BaselineFacts are the facts a baseline can come from: the incidents
// handled in the latest year recorded, the filled posts or the vacancy
// rate of the institutions that fill a role, the yearly amount of the
// active budget lines, the networks the country's teams are members of;
// "absent": zero when the indicator the KPI serves was assessed at the
// lowest level, so that there is nothing yet to count; "dormant": zero
// when the instrument the action acts on is a body or team recorded as
// dormant, one that no longer meets or works; and "since-assessment":
// zero for a count of changes since the assessment the plan starts from.
var BaselineFacts = []string{"incidents", "posts-filled", "vacancy-rate", "budget", "networks", "absent", "dormant", "since-assessment"}

var directions = []string{"up", "down"}

// check returns what is wrong with the measure, each problem with the
// path of the field in the measure's object ("type", "target/to").
func (ms *Measure) check(m *assess.Model) []string {
	var probs []string
	bad := func(field, format string, args ...any) {
		probs = append(probs, field+": "+fmt.Sprintf(format, args...))
	}
	if !frequencies[ms.Frequency] {
		bad("frequency", "unknown KPI frequency %q", ms.Frequency)
	}
	if !slices.Contains(KPITypes, ms.Type) {
		bad("type", "unknown KPI type %q (known: %s)", ms.Type, strings.Join(KPITypes, ", "))
	}
	if !slices.Contains(Units, ms.Unit) {
		bad("unit", "unknown unit kind %q (known: %s)", ms.Unit, strings.Join(Units, ", "))
	}
	if ms.Unit == "count" && ms.Counted.In("en") == "" {
		bad("counted", "a count says in English what it counts")
	}
	if ms.Unit != "count" && len(ms.Counted) > 0 {
		bad("counted", "only a count names what it counts")
	}
	if ms.Rule.In("en") == "" {
		bad("rule", "missing English counting rule")
	}
	for _, lang := range slices.Sorted(maps.Keys(ms.Name)) {
		if u := ms.repeatedUnit(lang); u != "" {
			bad("name/"+lang, "the name repeats its unit %q, which is shown beside it: say what is counted and leave the unit to the unit field", u)
		}
	}
	if _, ok := m.Role(ms.SourceOwner); !ok {
		bad("sourceOwner", "unknown role archetype %q", ms.SourceOwner)
	}
	for i, d := range ms.Disaggregation {
		if !slices.Contains(Breakdowns, d) {
			bad(fmt.Sprintf("disaggregation/%d", i), "unknown breakdown %q (known: %s)", d, strings.Join(Breakdowns, ", "))
		}
	}
	if bl := ms.Baseline; bl != nil {
		switch {
		case !slices.Contains(BaselineFacts, bl.Fact):
			bad("baseline/fact", "unknown fact %q (known: %s)", bl.Fact, strings.Join(BaselineFacts, ", "))
		case bl.Role != "" && bl.Fact != "posts-filled" && bl.Fact != "vacancy-rate":
			bad("baseline/role", "only the facts posts-filled and vacancy-rate name a role")
		}
		if bl.Role != "" {
			if _, ok := m.Role(bl.Role); !ok {
				bad("baseline/role", "unknown role archetype %q", bl.Role)
			}
		}
		zero := bl.Fact == "absent" || bl.Fact == "dormant" || bl.Fact == "since-assessment"
		if bl.Fact == "budget" && ms.Unit != "money" || bl.Fact == "vacancy-rate" && ms.Unit != "percent" || zero && ms.Unit != "count" {
			bad("baseline/fact", "the fact %s does not give a value in the unit %s", bl.Fact, ms.Unit)
		}
		if zero && ms.Target.Change != 0 {
			bad("target/change", "a change in percent of a baseline of zero stays zero: set target/to")
		}
	}
	t := ms.Target
	switch {
	case !slices.Contains(directions, t.Direction):
		bad("target/direction", "direction %q is not up or down", t.Direction)
	case t.Direction == "up" && t.To <= t.From:
		bad("target/to", "a target that goes up ends above where it starts (%g)", t.From)
	case t.Direction == "down" && t.To >= t.From:
		bad("target/to", "a target that goes down ends below where it starts (%g)", t.From)
	}
	if ms.Unit == "percent" && (t.From < 0 || t.To > 100 || t.To < 0 || t.From > 100) {
		bad("target", "a share runs from 0 to 100")
	}
	if t.Scale != "" && (t.Scale != "population" || ms.Unit != "count" && ms.Unit != "money") {
		bad("target/scale", "scale %q is not population, for a count or money", t.Scale)
	}
	if t.Change < 0 || t.Direction == "down" && t.Change >= 100 {
		bad("target/change", "change %g%% is not a possible change", t.Change)
	}
	return probs
}

// repeatedUnit returns the unit that the name in lang repeats, or "": a
// percent sign (the unit of a share, or of points), or what a count
// counts in brackets.
func (ms *Measure) repeatedUnit(lang string) string {
	name := ms.Name[lang]
	if strings.Contains(name, "%") {
		return "%"
	}
	if c := ms.Counted[lang]; c != "" && strings.Contains(strings.ToLower(name), "("+strings.ToLower(c)+")") {
		return c
	}
	return ""
}

// baseline is a KPI's baseline value with its year and where it comes
// from; a nil value is no data.
type baseline struct {
	value    *float64
	year     int
	from     string
	currency string
}

// baselineOf reads the baseline of a measure from the assessment's facts,
// for a KPI that serves indicator (empty for an outcome indicator) of an
// action on the recorded instrument with ID instrument (empty when none).
func (b *builder) baselineOf(ms *Measure, indicator, instrument string) baseline {
	bl := ms.Baseline
	if bl == nil {
		return baseline{}
	}
	session := year(b.a.Session.Date)
	val := func(v float64, y int, from string) baseline { return baseline{value: &v, year: y, from: from} }
	f := b.a.Facts
	if bl.Fact == "zero" {
		return val(0, session, b.text(bl.note))
	}
	if bl.Fact == "absent" {
		if is := b.r.Indicator(indicator); is != nil && is.Level == 1 {
			return val(0, session, b.text("kpi.from.absent", "indicator", indicator, "level", b.levelName(1)))
		}
		return baseline{}
	}
	if bl.Fact == "since-assessment" {
		return val(0, session, b.text("kpi.from.sinceAssessment", "date", b.a.Session.Date))
	}
	if f == nil {
		return baseline{}
	}
	switch bl.Fact {
	case "dormant":
		for _, in := range f.Instruments {
			if in.ID == instrument && instrument != "" && in.Status == "dormant" {
				return val(0, session, b.text("kpi.from.dormant", "name", in.Name))
			}
		}
		return baseline{}
	case "incidents":
		latest := 0
		for _, c := range f.Incidents {
			latest = max(latest, c.Year)
		}
		national, teams, total := false, []string{}, 0
		for _, c := range f.Incidents {
			if c.Year == latest && c.Stakeholder == "" {
				national = true
			}
		}
		for _, c := range f.Incidents {
			if c.Year != latest || national != (c.Stakeholder == "") {
				continue
			}
			total += c.Handled
			if c.Stakeholder != "" {
				teams = append(teams, b.stakeholderName(c.Stakeholder))
			}
		}
		if latest == 0 {
			return baseline{}
		}
		who := b.label("kpi.national")
		if !national {
			who = b.join(teams)
		}
		return val(float64(total), latest, b.text("kpi.from.incidents", "year", fmt.Sprint(latest), "who", who))
	case "posts-filled", "vacancy-rate":
		return b.postsBaseline(bl, val)
	case "budget":
		var sum int64
		currency := ""
		var names []string
		for _, in := range f.Instruments {
			if in.Kind != "budget-line" || in.Status != "active" || in.Amount <= 0 || currency != "" && in.Currency != currency {
				continue
			}
			currency = in.Currency
			sum += in.Amount
			names = append(names, in.Name)
		}
		if len(names) == 0 {
			return baseline{}
		}
		out := val(float64(sum), session, b.text("kpi.from.budget", "lines", b.join(names)))
		out.currency = currency
		return out
	case "networks":
		n := 0
		for _, nw := range f.Networks {
			if nw.Status == "member" {
				n++
			}
		}
		if len(f.Networks) == 0 {
			return baseline{}
		}
		return val(float64(n), session, b.text("kpi.from.networks"))
	}
	return baseline{}
}

// postsBaseline counts the posts of the institutions that fill a role in
// the latest year recorded: the filled posts, or the share of established
// posts that are empty.
func (b *builder) postsBaseline(bl *BaselineRule, val func(float64, int, string) baseline) baseline {
	latest := 0
	holders := map[string]bool{}
	for _, s := range b.byRole[bl.Role] {
		holders[s.ID] = true
	}
	ok := func(s assess.Staffing) bool {
		return (bl.Role == "" || holders[s.Stakeholder]) && s.Filled != nil && (bl.Fact == "posts-filled" || s.Established != nil && *s.Established > 0)
	}
	for _, s := range b.a.Facts.Staff {
		if ok(s) {
			latest = max(latest, s.Year)
		}
	}
	if latest == 0 {
		return baseline{}
	}
	filled, established := 0, 0
	var names []string
	for _, s := range b.a.Facts.Staff {
		if ok(s) && s.Year == latest {
			filled += *s.Filled
			if s.Established != nil {
				established += *s.Established
			}
			if n := b.stakeholderName(s.Stakeholder); !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	who := b.join(names)
	if bl.Fact == "vacancy-rate" {
		rate := math.Round(float64(established-filled)*1000/float64(established)) / 10
		return val(rate, latest, b.text("kpi.from.vacancies", "year", fmt.Sprint(latest), "who", who,
			"filled", fmt.Sprint(filled), "established", fmt.Sprint(established)))
	}
	return val(float64(filled), latest, b.text("kpi.from.posts", "year", fmt.Sprint(latest), "who", who))
}

func (b *builder) stakeholderName(id string) string {
	if s, ok := b.stakeholders[id]; ok {
		return s.Name
	}
	return id
}

// yearlyValues returns the targets of a measure for n years, from its
// baseline when there is one, in a country of population people.
func yearlyValues(ms *Measure, base *float64, n int, population int64) []float64 {
	t := ms.Target
	start, end := t.From, t.To
	if t.Scale == "population" && population > 0 {
		f := float64(population) / 1e5
		start, end = math.Round(start*f), max(math.Round(end*f), 1)
		t.To = end
	}
	if base != nil {
		start = *base
		switch {
		case t.Change != 0 && t.Direction == "up":
			end = start * (1 + t.Change/100)
		case t.Change != 0:
			end = start * (1 - t.Change/100)
		case t.Direction == "up":
			end = max(start, t.To)
		default:
			end = min(start, t.To)
		}
	}
	if ms.Unit == "percent" {
		end = min(max(end, 0), 100)
	}
	out := make([]float64, n)
	for y := range n {
		out[y] = roundFor(ms.Unit, start+(end-start)*float64(y+1)/float64(n))
	}
	return out
}

// roundFor rounds a value as its unit is reported: whole numbers of
// things, percent and money, tenths of time and points.
func roundFor(unit string, v float64) float64 {
	switch unit {
	case "count", "percent", "money":
		return math.Round(v)
	}
	return math.Round(v*10) / 10
}

// unitName is the unit a KPI shows: what it counts, a symbol, or the
// currency of its baseline.
func (b *builder) unitName(ms *Measure, currency string) string {
	switch ms.Unit {
	case "count":
		return ms.Counted.In(b.lang)
	case "money":
		if currency == "" {
			currency = b.budgetCurrency()
		}
		return currency
	}
	return b.label("kpi.unit." + ms.Unit)
}

// budgetCurrency is the currency of the country's first budget line with
// an amount, else US$.
func (b *builder) budgetCurrency() string {
	if f := b.a.Facts; f != nil {
		for _, in := range f.Instruments {
			if in.Kind == "budget-line" && in.Currency != "" {
				return in.Currency
			}
		}
	}
	return "USD"
}

// measure fills a KPI's measure, baseline and yearly values from ms, for
// an action on instrument (see baselineOf); the years of k.Yearly are
// set.
func (b *builder) measure(k *KPI, ms *Measure, indicator, instrument string) baseline {
	k.Type = ms.Type
	k.TypeName = b.label("kpi.type." + ms.Type)
	k.Rule = ms.Rule.In(b.lang)
	k.SourceOwner = b.assign(ms.SourceOwner).Name
	for _, d := range ms.Disaggregation {
		k.Disaggregation = append(k.Disaggregation, d)
		k.DisaggregationNames = append(k.DisaggregationNames, b.text("kpi.breakdown."+d))
	}
	bl := b.baselineOf(ms, indicator, instrument)
	k.Unit = b.unitName(ms, bl.currency)
	if bl.value != nil {
		k.BaselineValue, k.BaselineYear, k.BaselineFrom = bl.value, bl.year, bl.from
	}
	for i, v := range yearlyValues(ms, bl.value, len(k.Yearly), b.a.Profile.Population) {
		k.Yearly[i].Value = &v
	}
	return bl
}

// zeroBaseline is the baseline of a KPI that counts what an action Build
// derives brings about (a designation accepted, a level recorded, a
// baseline measured): nothing yet at the assessment. Key names the text
// that says why.
func zeroBaseline(key string) *BaselineRule { return &BaselineRule{Fact: "zero", note: key} }

// derivedMeasure is the measure of an action Build derives: a share or a
// count that starts at zero and reaches to in its first year.
func derivedMeasure(name, source, rule, counted assess.Text, owner, why string, to float64) Measure {
	ms := Measure{Name: name, Source: source, Rule: rule, Frequency: "quarterly", Type: "output", Unit: "percent",
		SourceOwner: owner, Baseline: zeroBaseline(why), Target: TargetRule{Direction: "up", To: to}}
	if len(counted) > 0 {
		ms.Unit, ms.Counted = "count", counted
	}
	return ms
}

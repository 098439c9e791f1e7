package strategy

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/ncskit/ncskit/assess"
)

// The country's situation in its own facts: what exists today, the
// incidents on record, the previous strategy and its lessons, and the
// threats as the recorded incidents and the key sectors show them. The
// facts come from the assessment (assess.Facts); only their structured
// fields are printed, never their free-text notes, which may carry names
// or detail that a public strategy must not.

// instruments returns the recorded instruments, or nil.
func (b *builder) instruments() []assess.Instrument {
	if b.a.Facts == nil {
		return nil
	}
	return b.a.Facts.Instruments
}

// hasFacts reports whether the assessment records any fact the body can
// name.
func (b *builder) hasFacts() bool {
	f := b.a.Facts
	return f != nil && (len(f.Instruments) > 0 || len(f.Incidents) > 0 || len(f.Staff) > 0)
}

// instrumentName is the instrument's name with its reference in
// brackets when it has one.
func instrumentName(in assess.Instrument) string {
	if in.Reference != "" && in.Reference != in.Name {
		return in.Name + " (" + in.Reference + ")"
	}
	return in.Name
}

// instrumentState says what an instrument is today, with its date:
// "passed in 2021-07 but not in force", "in force since 2018".
func (b *builder) instrumentState(in assess.Instrument) string {
	date := in.Adopted
	switch in.Status {
	case "in-force":
		if in.InForce != "" {
			date = in.InForce
		}
	case "lapsed", "expired":
		date = in.Expires
	}
	key := "fact.status." + in.Status
	if date == "" {
		key += ".undated"
	}
	s := b.text(key, "date", date)
	if in.Expires != "" && in.Status != "lapsed" && in.Status != "expired" {
		s += b.text("fact.expires", "date", in.Expires)
	}
	if in.Kind == "budget-line" && in.Amount > 0 {
		per := "fact.amount"
		if in.Recurrent {
			per = "fact.amountRecurrent"
		}
		s += b.text(per, "amount", b.amount(in.Amount, in.Currency))
	}
	return s
}

// instrumentLine is one instrument as the body names it.
func (b *builder) instrumentLine(in assess.Instrument) string {
	return instrumentName(in) + b.loc.Colon() + b.instrumentState(in)
}

// factKinds orders the kinds of instrument as "What exists today" lists
// them, each under its own label.
var factKinds = []string{"strategy", "law", "bill", "decree", "regulation", "decision", "body", "csirt", "agreement", "budget-line", "donor-programme"}

// existsToday is the section "What exists today": every recorded
// instrument by kind, the posts of the institutions, and the treaty and
// network standing.
func (b *builder) existsToday() {
	if !b.hasFacts() {
		return
	}
	b.sectionHeading(b.label("sec.existsToday"), "exists-today")
	b.para(b.text("context.existsIntro"))
	var items []string
	for _, k := range factKinds {
		var lines []string
		for _, in := range b.instruments() {
			if in.Kind == k {
				lines = append(lines, b.instrumentLine(in))
			}
		}
		if len(lines) > 0 {
			items = append(items, b.label("kind."+k)+" — "+strings.Join(lines, b.loc.Semicolon()))
		}
	}
	if s := b.staffLine(); s != "" {
		items = append(items, b.label("fact.staff")+" — "+s)
	}
	if s := b.networkLine(); s != "" {
		items = append(items, b.label("fact.networks")+" — "+s)
	}
	b.list(false, items...)
}

// staffLine gives the posts of each institution recorded: "CoralCIRT: 2
// of 2 posts filled (2026)".
func (b *builder) staffLine() string {
	if b.a.Facts == nil {
		return ""
	}
	var parts []string
	for _, s := range b.a.Facts.Staff {
		name := b.who(s.Stakeholder)
		if s.Unit != "" {
			name = s.Unit
		}
		y := strconv.Itoa(s.Year)
		switch {
		case s.Established != nil && s.Filled != nil:
			parts = append(parts, b.text("fact.posts", "who", name, "filled", strconv.Itoa(*s.Filled), "established", strconv.Itoa(*s.Established), "year", y))
		case s.Established != nil:
			parts = append(parts, b.text("fact.postsEstablished", "who", name, "established", strconv.Itoa(*s.Established), "year", y))
		case s.Filled != nil:
			parts = append(parts, b.text("fact.postsFilled", "who", name, "filled", strconv.Itoa(*s.Filled), "year", y))
		}
	}
	return strings.Join(parts, b.loc.Semicolon())
}

// networkLine gives the treaty and network standing.
func (b *builder) networkLine() string {
	f := b.a.Facts
	if f == nil {
		return ""
	}
	var parts []string
	if f.Treaties != nil && f.Treaties.Budapest != nil {
		parts = append(parts, b.text("fact.budapest."+f.Treaties.Budapest.Status))
	}
	for _, n := range f.Networks {
		name := n.Name
		if n.Network != "other" {
			name = b.label("network." + n.Network)
		}
		line := b.text("fact.network."+n.Status, "network", name)
		// Several teams of one country may stand differently in one
		// network: say whose standing each is.
		if n.Stakeholder != "" {
			line = b.who(n.Stakeholder) + b.loc.Colon() + line
		}
		parts = append(parts, line)
	}
	return strings.Join(parts, b.loc.Semicolon())
}

// who names an institution in a fact: the name of the team it runs, up
// to the first comma ("CoralCIRT"), when the facts record one, else its
// name.
func (b *builder) who(stakeholder string) string {
	for _, in := range b.instruments() {
		if in.Kind == "csirt" && in.Owner == stakeholder {
			name, _, _ := strings.Cut(in.Name, ",")
			return name
		}
	}
	if s, ok := b.stakeholders[stakeholder]; ok {
		return s.Name
	}
	return stakeholder
}

// incidentCounts returns the recorded yearly counts, latest year first,
// each as "CoralCIRT handled 47 incidents in 2025".
func (b *builder) incidentCounts() []string {
	if b.a.Facts == nil {
		return nil
	}
	list := slices.Clone(b.a.Facts.Incidents)
	slices.SortStableFunc(list, func(x, y assess.IncidentCount) int { return y.Year - x.Year })
	var out []string
	for _, c := range list {
		who := b.who(c.Stakeholder)
		key := "fact.incidents"
		if c.Stakeholder == "" {
			key = "fact.incidentsNational"
		}
		out = append(out, b.counted(key, c.Handled, "who", who, "year", strconv.Itoa(c.Year)))
	}
	return out
}

// recentIncidents is the section "Recent incidents".
func (b *builder) recentIncidents() {
	if !b.hasFacts() {
		return
	}
	b.sectionHeading(b.label("sec.incidents"), "incidents")
	counts := b.incidentCounts()
	if len(counts) == 0 {
		b.para(b.text("context.noIncidents"))
		return
	}
	b.para(b.text("context.incidents", "list", b.join(counts)))
	var notes []string
	for _, c := range b.a.Facts.Incidents {
		if c.Note != "" {
			notes = append(notes, strconv.Itoa(c.Year)+b.loc.Colon()+strings.TrimRight(c.Note, ". ")+".")
		}
	}
	b.list(false, notes...)
}

// strategies returns the recorded national strategies, newest first.
func (b *builder) strategies() []assess.Instrument {
	var out []assess.Instrument
	for _, in := range b.instruments() {
		if in.Kind == "strategy" {
			out = append(out, in)
		}
	}
	slices.SortStableFunc(out, func(x, y assess.Instrument) int { return strings.Compare(y.Adopted, x.Adopted) })
	return out
}

// previousStrategy is the section "The previous strategy and its
// lessons": each recorded strategy and its state, then the lessons the
// assessment shows for the next one — a plan without costs or owners, no
// monitoring, no budget line.
func (b *builder) previousStrategy() {
	if !b.hasFacts() {
		return
	}
	list := b.strategies()
	heading := "sec.previousStrategy"
	if slices.ContainsFunc(list, func(in assess.Instrument) bool { return in.Status == "in-force" || in.Status == "adopted" }) {
		heading = "sec.strategyInForce"
	}
	b.sectionHeading(b.label(heading), "previous-strategy")
	if len(list) == 0 {
		b.para(b.text("context.noPreviousStrategy"))
	} else {
		var items []string
		for _, in := range list {
			items = append(items, b.instrumentLine(in))
		}
		b.para(b.text("context.previousStrategy"))
		b.list(false, items...)
	}
	// A weak plan or weak monitoring is a lesson of a previous strategy
	// only when there was one; a weak budget or coordination always is.
	var lessons []string
	for _, l := range []struct {
		purpose, key string
		ofPrevious   bool
	}{
		{assess.PurposeStrategyPlan, "lesson.plan", true}, {assess.PurposeMonitoring, "lesson.monitoring", true},
		{assess.PurposeBudget, "lesson.budget", false}, {assess.PurposeCoordination, "lesson.coordination", false},
	} {
		in := b.m.IndicatorWithPurpose(l.purpose)
		if in == nil || l.ofPrevious && len(list) == 0 {
			continue
		}
		is := b.r.Indicator(in.ID)
		if is == nil || is.Level == 0 || is.Level >= 3 {
			continue
		}
		lessons = append(lessons, b.text(l.key, "indicator", in.ID, "level", b.levelName(is.Level)))
	}
	for _, in := range b.instruments() {
		switch {
		case in.Kind == "law" && in.Status == "enacted":
			lessons = append(lessons, b.text("lesson.notInForce", "law", instrumentName(in)))
		case in.Kind == "body" && in.Status == "dormant":
			lessons = append(lessons, b.text("lesson.dormant", "body", instrumentName(in)))
		}
	}
	if len(lessons) == 0 {
		return
	}
	b.para(b.text("context.lessons"))
	b.list(false, lessons...)
}

// threats is the section on threats: the recorded incidents, the key
// sectors and what threatens each, the regional picture, and a plain
// statement where there is no national data.
func (b *builder) threats() {
	b.sectionHeading(b.label("sec.threats"), "threats")
	if counts := b.incidentCounts(); len(counts) > 0 {
		b.para(b.text("context.threatsData", "latest", counts[0]))
	} else {
		b.para(b.text("context.threatsNoData"))
	}
	// Sectors that face the same threats share one line.
	var texts []string
	bySector := map[string][]string{}
	for _, s := range b.a.Profile.Sectors {
		t := b.sectorThreat(s)
		if _, ok := bySector[t]; !ok {
			texts = append(texts, t)
		}
		bySector[t] = append(bySector[t], s)
	}
	var items []string
	for _, t := range texts {
		items = append(items, b.join(bySector[t])+b.loc.Colon()+t)
	}
	if len(items) > 0 {
		b.para(b.text("context.threatsSectors"))
		b.list(false, items...)
	}
	b.para(b.text("context.threats"))
	b.para(b.text("context.hazards"))
}

// sectorThreat returns what most threatens a sector, from the common
// text's sector vocabulary: the first entry with a keyword that begins a
// word of the sector's name ("port" in "port and cruise terminal", not in
// "agro-exports"), else the general sentence.
func (b *builder) sectorThreat(sector string) string {
	words := strings.FieldsFunc(strings.ToLower(sector), func(r rune) bool { return !unicode.IsLetter(r) })
	for _, st := range b.t.common.SectorThreats {
		for _, k := range st.Match {
			if slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, k) }) {
				return st.Text.In(b.lang)
			}
		}
	}
	return b.text("context.threatsOtherSector")
}

// SectorThreat is what most threatens the sectors whose names contain
// one of its keywords (lower case, English or Spanish).
type SectorThreat struct {
	Match []string    `json:"match"`
	Text  assess.Text `json:"text"`
}

// keyFacts names the few facts a reader of a short chapter needs: the
// strategies, the CSIRTs, the latest incident count, the recurrent
// budget lines, the laws passed but not in force and the pending bills.
func (b *builder) keyFacts() []string {
	var out []string
	add := func(kind string, statuses ...string) {
		for _, in := range b.instruments() {
			if in.Kind == kind && (len(statuses) == 0 || slices.Contains(statuses, in.Status)) {
				out = append(out, b.instrumentLine(in))
			}
		}
	}
	if s := b.strategies(); len(s) > 0 {
		out = append(out, b.instrumentLine(s[0]))
	}
	add("csirt", "active")
	if c := b.incidentCounts(); len(c) > 0 {
		out = append(out, c[0])
	}
	add("budget-line", "active")
	add("law", "enacted")
	add("bill")
	return out
}

// pillarFacts names the instruments that bear on a pillar's indicators,
// by name only: "What exists today" has said what each is, and the
// pillars do not say it again.
func (b *builder) pillarFacts(pillar string) []string {
	var out []string
	for _, in := range b.instruments() {
		if slices.ContainsFunc(in.Indicators, func(id string) bool { return strings.HasPrefix(id, pillar+".") }) {
			out = append(out, instrumentName(in))
		}
	}
	if p := b.m.Pillar(pillar); p != nil && p.Purpose == assess.PurposeIncidentResponse {
		out = append(out, b.incidentCounts()...)
	}
	return out
}

// factPara adds the paragraph key with {list} filled by facts, when there
// are any.
func (b *builder) factPara(key string, facts []string) {
	if len(facts) > 0 {
		b.para(b.text(key, "list", strings.Join(facts, b.loc.Semicolon())))
	}
}

// forewordFacts gives the minister the instruments the foreword can
// recall, by name.
func (b *builder) forewordFacts() {
	var names []string
	for _, in := range b.instruments() {
		if in.Kind == "strategy" || in.Kind == "csirt" || in.Kind == "law" {
			names = append(names, instrumentName(in))
		}
	}
	b.factPara("foreword.facts", names)
}

// summaryFacts states the starting point in the country's own facts.
func (b *builder) summaryFacts() { b.factPara("summary.facts", b.keyFacts()) }

// introFacts names the strategies the draft follows or carries out.
func (b *builder) introFacts() {
	var items []string
	for _, in := range b.strategies() {
		items = append(items, b.instrumentLine(in))
	}
	b.factPara("intro.follows", items)
}

// goalKinds are the kinds of instrument a pillar's goal most naturally
// starts from, by the pillar's purpose.
var goalKinds = map[string]string{assess.PurposeGovernance: "strategy", assess.PurposeIncidentResponse: "csirt",
	assess.PurposeCapacity: "donor-programme", assess.PurposeOutreach: "agreement"}

// visionFacts names what each goal starts from: an instrument of the
// pillar's natural kind, else the first that bears on the pillar.
func (b *builder) visionFacts() {
	var items []string
	for _, p := range b.r.Pillars {
		var first string
		kind := goalKinds[b.m.Pillar(p.ID).Purpose]
		for _, in := range b.instruments() {
			if kind != "" && in.Kind == kind && slices.ContainsFunc(in.Indicators, func(id string) bool { return strings.HasPrefix(id, p.ID+".") }) {
				first = b.instrumentLine(in)
				break
			}
		}
		if f := b.pillarFacts(p.ID); first == "" && len(f) > 0 {
			first = f[0]
		}
		if first != "" {
			items = append(items, b.m.Pillar(p.ID).Name.In(b.lang)+b.loc.Colon()+first)
		}
	}
	if len(items) > 0 {
		b.para(b.text("vision.startingPoints"))
		b.list(false, items...)
	}
}

// principleFacts states the principle of building on what exists, with
// the instruments the plan renews, revives or completes.
func (b *builder) principleFacts() {
	var items []string
	for _, in := range b.instruments() {
		if slices.Contains([]string{"enacted", "dormant", "lapsed", "draft", "before-parliament", "expired"}, in.Status) ||
			in.Expires != "" && in.Status != "repealed" {
			items = append(items, instrumentName(in))
		}
	}
	if len(items) == 0 {
		for _, in := range b.instruments() {
			items = append(items, instrumentName(in))
		}
	}
	b.factPara("principles.buildOnWhatExists", items)
}

// governanceFacts names the bodies, decisions and decrees in place.
func (b *builder) governanceFacts() {
	var items []string
	for _, in := range b.instruments() {
		if in.Kind == "body" || in.Kind == "decision" || in.Kind == "decree" || in.Kind == "csirt" {
			items = append(items, b.instrumentLine(in))
		}
	}
	b.factPara("governance.inPlace", items)
}

// pillarBuildsOn names what a pillar builds on.
func (b *builder) pillarBuildsOn(pillar string) {
	b.factPara("pillars.buildsOn", b.pillarFacts(pillar))
}

// implementationFacts names the dates the instruments in place already
// fix: expiries and pending bills.
func (b *builder) implementationFacts() {
	var items []string
	for _, in := range b.instruments() {
		if in.Expires != "" && in.Status != "lapsed" && in.Status != "expired" && in.Status != "repealed" {
			items = append(items, b.instrumentLine(in))
		}
	}
	for _, in := range b.instruments() {
		if in.Kind == "bill" && in.Status != "lapsed" {
			items = append(items, b.instrumentLine(in))
		}
	}
	b.factPara("implementation.fixedDates", items)
}

// monitoringFacts names the baselines already on record.
func (b *builder) monitoringFacts() {
	items := b.incidentCounts()
	if s := b.staffLine(); s != "" {
		items = append(items, s)
	}
	for _, in := range b.instruments() {
		if in.Kind == "budget-line" && in.Status == "active" {
			items = append(items, b.instrumentLine(in))
		}
	}
	b.factPara("monitoring.baselines", items)
}

// reviewFacts names the known dates and pending instruments that call
// for a review.
func (b *builder) reviewFacts() {
	var items []string
	for _, in := range b.instruments() {
		switch {
		case in.Review != "":
			items = append(items, b.text("review.factReview", "name", instrumentName(in), "date", in.Review))
		case in.Expires != "" && in.Status != "lapsed" && in.Status != "expired" && in.Status != "repealed":
			items = append(items, b.text("review.factExpiry", "name", instrumentName(in), "date", in.Expires))
		case in.Kind == "bill" && in.Status != "lapsed", in.Kind == "law" && in.Status == "enacted":
			items = append(items, b.text("review.factPending", "name", instrumentName(in)))
		}
	}
	b.factPara("review.facts", items)
}

// consultationFacts asks the holders of the instruments to confirm the
// draft's account of them.
func (b *builder) consultationFacts() {
	byOwner := map[string][]string{}
	var owners []string
	for _, in := range b.instruments() {
		if in.Owner == "" {
			continue
		}
		if _, ok := byOwner[in.Owner]; !ok {
			owners = append(owners, in.Owner)
		}
		byOwner[in.Owner] = append(byOwner[in.Owner], instrumentName(in))
	}
	var items []string
	for _, o := range owners {
		name := b.stakeholders[o].Name
		if name == "" {
			name = o
		}
		items = append(items, name+b.loc.Colon()+b.join(byOwner[o]))
	}
	if len(items) > 0 {
		b.para(b.text("consultation.owners"))
		b.list(false, items...)
	}
}

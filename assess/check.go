package assess

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ncskit/ncskit/problem"
)

// Check reports every semantic problem of an assessment against model m:
// a different model, unknown indicators, respondents, stakeholders, roles
// or target profiles, duplicates, levels and targets outside the scale, and
// a target below an agreed level with no note, lists and texts
// longer than the format allows (see limits.go), and facts that
// contradict themselves or the session date (see "Country facts" in the
// package documentation). The JSON Schema catches
// problems of shape and type; Check assumes the shape is right, but
// checks the limits that the schema states, for assessments built in Go.
func Check(m *Model, a *Assessment) problem.List { return check(m, a, nil) }

// check is Check; when nth is not nil (one entry per response), it also
// sets nth[i] to the place in m.Indicators() of response i's indicator, so
// that Score need not look the indicators up again.
func check(m *Model, a *Assessment, nth []int) problem.List {
	var p problems
	checkModelRef(&p, m, a.Model)
	if a.SchemaVersion != SchemaVersion {
		p.add("/schemaVersion", "schema version %d is not supported (this version of ncskit reads %d)", a.SchemaVersion, SchemaVersion)
	}
	checkCounts(&p, a)
	checkTexts(&p, a)
	max := m.Scale.Max()
	checkProfile(&p, m, &a.Profile)
	if a.Session.Method != "" && !slices.Contains(Methods, a.Session.Method) {
		p.add("/session/method", "expected one of %s, got %q", quoteList(Methods), a.Session.Method)
	}

	stakeholders := map[string]bool{}
	for i, s := range a.Stakeholders {
		if stakeholders[s.ID] {
			p.add(ptr("stakeholders", i, "id"), "duplicate stakeholder %q", s.ID)
		}
		stakeholders[s.ID] = true
		for j, r := range s.Roles {
			if _, ok := m.Role(r); !ok {
				p.add(ptr("stakeholders", i, "roles", j), "unknown role archetype %q", r)
			}
		}
	}
	checkStakeholder := func(pointer, id string) {
		if !stakeholders[id] {
			p.hint(pointer, suggestStakeholder(a.Stakeholders, id), "unknown stakeholder %q", id)
		}
	}
	for i, c := range a.PointsOfContact {
		checkStakeholder(ptr("pointsOfContact", i, "stakeholder"), c.Stakeholder)
		if c.Deputy != nil {
			checkStakeholder(ptr("pointsOfContact", i, "deputy", "stakeholder"), c.Deputy.Stakeholder)
		}
		switch {
		case c.Function == "pillar-lead" && c.Pillar == "":
			p.add(ptr("pointsOfContact", i), "a pillar lead needs a \"pillar\" field: one of %s", pillarIDs(m))
		case c.Pillar != "" && m.Pillar(c.Pillar) == nil:
			hint := ""
			if m.Pillar(strings.ToUpper(strings.TrimSpace(c.Pillar))) != nil {
				hint = "did you mean " + strconv.Quote(strings.ToUpper(strings.TrimSpace(c.Pillar))) + "?"
			}
			p.hint(ptr("pointsOfContact", i, "pillar"), hint, "unknown pillar %q (known: %s)", c.Pillar, pillarIDs(m))
		}
	}
	// respIndex numbers the respondents, each once.
	respIndex := make(map[string]int, len(a.Respondents))
	for i, r := range a.Respondents {
		if _, dup := respIndex[r.ID]; dup {
			p.add(ptr("respondents", i, "id"), "duplicate respondent %q", r.ID)
		} else {
			respIndex[r.ID] = len(respIndex)
		}
		if r.Stakeholder != "" {
			checkStakeholder(ptr("respondents", i, "stakeholder"), r.Stakeholder)
		} else if a.Session.MethodOf() != MethodDeskReview {
			p.add(ptr("respondents", i), "a respondent needs a \"stakeholder\"; only the reviewers of a desk review (session method \"desk-review\") may have none")
		}
	}

	checkLevel := func(pointer string, l int) {
		if msg := outside(l, max); msg != "" {
			p.add(pointer, "%s", msg)
		}
	}
	agreed := map[string]Agreed{}
	agreedAt := map[string]int{}
	for i, d := range a.Decisions.Agreed {
		dp := ptr("decisions", "agreed", i)
		p.long(func() string { return dp + "/indicator" }, "text", d.Indicator, MaxName)
		p.long(func() string { return dp + "/rationale" }, "text", d.Rationale, MaxText)
		if len(d.Dissent) > MaxRespondents {
			p.add(dp+"/dissent", "the list has %d items; the limit is %d", len(d.Dissent), MaxRespondents)
		}
		if m.Indicator(d.Indicator) == nil {
			p.hint(dp+"/indicator", suggest(m, d.Indicator), "unknown indicator %q", d.Indicator)
		}
		if first, dup := agreedAt[d.Indicator]; dup {
			p.add(dp+"/indicator", "%s already has an agreed level at /decisions/agreed/%d", d.Indicator, first)
		} else {
			agreedAt[d.Indicator] = i
		}
		agreed[d.Indicator] = d
		if d.Level.IsLevel() {
			checkLevel(dp+"/level", int(d.Level))
		}
		if d.Target != 0 {
			checkLevel(dp+"/target", d.Target)
		}
		if strings.TrimSpace(d.Rationale) == "" {
			p.add(dp+"/rationale", "an agreed level needs a rationale")
		}
		checkDeadline(&p, dp+"/deadline", d.Deadline, a.Session.Date)
		for j, ds := range d.Dissent {
			p.long(func() string { return ptr("decisions", "agreed", i, "dissent", j, "note") }, "text", ds.Note, MaxText)
			if _, ok := respIndex[ds.Respondent]; !ok {
				p.add(ptr("decisions", "agreed", i, "dissent", j, "respondent"), "unknown respondent %q", ds.Respondent)
			}
		}
	}

	seen := newPairs(len(m.nth), len(respIndex), len(a.Responses))
	ids := responseIDs{m: m, respondents: respIndex, ind: -1}
	for i := range a.Responses {
		r := &a.Responses[i]
		// Pointers are built only when there is a problem: this loop runs
		// once per response and must stay cheap.
		at := func(field string) string { return ptr("responses", i) + field }
		p.long(func() string { return at("/indicator") }, "text", r.Indicator, MaxName)
		p.long(func() string { return at("/evidence") }, "text", r.Evidence, MaxText)
		ii, okI := ids.indicator(r.Indicator)
		if !okI {
			p.hint(at("/indicator"), suggest(m, r.Indicator), "unknown indicator %q", r.Indicator)
		} else if nth != nil {
			nth[i] = ii
		}
		ri, okR := ids.respondent(r.Respondent)
		checkSource(&p, a, r, at)
		if !okR {
			p.add(at("/respondent"), "unknown respondent %q", r.Respondent)
		}
		if okI && okR {
			if first := seen.first(ii, ri, i); first > 0 {
				p.add(at(""), "duplicate response: respondent %q already answered %s at /responses/%d", r.Respondent, r.Indicator, first-1)
			}
		}
		if r.Level.IsLevel() && int(r.Level) > max {
			p.add(at("/level"), "%s", outside(int(r.Level), max))
		}
		if r.Target != 0 && (r.Target < 1 || r.Target > max) {
			p.add(at("/target"), "%s", outside(r.Target, max))
		}
		if r.Target == 0 || len(agreed) == 0 {
			continue
		}
		if d, ok := agreed[r.Indicator]; ok && d.Level.IsLevel() &&
			r.Target < int(d.Level) && strings.TrimSpace(r.Evidence) == "" {
			p.add(at("/target"), "target %d is below the agreed level %d of %s: add a note in evidence saying why", r.Target, d.Level, r.Indicator)
		}
	}

	ranks := map[int]int{}
	overridden := map[string]int{}
	for i, o := range a.Decisions.PriorityOverrides {
		op := ptr("decisions", "priorityOverrides", i)
		p.long(func() string { return op + "/indicator" }, "text", o.Indicator, MaxName)
		p.long(func() string { return op + "/reason" }, "text", o.Reason, MaxText)
		if m.Indicator(o.Indicator) == nil {
			p.hint(op+"/indicator", suggest(m, o.Indicator), "unknown indicator %q", o.Indicator)
		}
		if first, dup := overridden[o.Indicator]; dup {
			p.add(op+"/indicator", "%s already has a priority override at /decisions/priorityOverrides/%d", o.Indicator, first)
		} else {
			overridden[o.Indicator] = i
		}
		if first, dup := ranks[o.Rank]; dup {
			p.add(op+"/rank", "rank %d is already given to %s at /decisions/priorityOverrides/%d",
				o.Rank, a.Decisions.PriorityOverrides[first].Indicator, first)
		} else {
			ranks[o.Rank] = i
		}
		if strings.TrimSpace(o.Reason) == "" {
			p.add(op+"/reason", "a priority override needs a reason")
		}
		checkDeadline(&p, op+"/deadline", o.Deadline, a.Session.Date)
	}
	checkFacts(&p, m, a, checkStakeholder)
	p.list.Sort()
	return p.list
}

// checkSource reports a response's source and date that cannot be right:
// a date that is not one, a date after the session, and a date without a
// source. A desk reviewer's level without a source is a warning of Score.
func checkSource(p *problems, a *Assessment, r *Response, at func(string) string) {
	p.long(func() string { return at("/source") }, "text", r.Source, MaxText)
	if r.Date == "" {
		return // no pointer to build: this runs once per response
	}
	if d, ok := checkDate(p, at("/date"), r.Date); ok {
		if s, sok := parseDate(a.Session.Date); sok && d.cmp(s) > 0 {
			p.add(at("/date"), "the source is dated %s, after the session date (%s): a source must be published or consulted by then", r.Date, a.Session.Date)
		}
	}
	if r.Date != "" && strings.TrimSpace(r.Source) == "" {
		p.add(at("/date"), "a date needs a \"source\": the document, URL or citation published or consulted on that date")
	}
}

func checkModelRef(p *problems, m *Model, ref ModelRef) {
	if ref.ID != m.ID {
		p.add("/model/id", "the assessment was made with model %q, not %q", ref.ID, m.ID)
		return
	}
	if major(ref.Version) != major(m.Version) {
		hint := "migrate it first with \"ncskit migrate FILE -o NEW.json\" (see \"Model versions and migration\" in the assess package documentation)"
		switch {
		case newer(major(ref.Version), major(m.Version)):
			hint = "it needs a newer version of ncskit, or the model it was made with (--model)"
		case !m.CanMigrate(major(ref.Version)):
			hint = "this model has no migration from that version: use the model the assessment was made with (--model)"
		}
		p.hint("/model/version", hint, "the assessment was made with version %s of the model, which is incompatible with version %s", ref.Version, m.Version)
	}
}

func checkProfile(p *problems, m *Model, pr *Profile) {
	if pr.TargetProfile != "" {
		if _, ok := m.TargetProfile(pr.TargetProfile); !ok {
			var ids []string
			for _, t := range m.TargetProfiles {
				ids = append(ids, strconv.Quote(t.ID))
			}
			p.add("/profile/targetProfile", "unknown target profile %q (known: %s)", pr.TargetProfile, strings.Join(ids, ", "))
		}
	}
	for _, k := range sortedKeys(pr.Targets) {
		kp := ptr("profile", "targets", k)
		if m.Indicator(k) == nil && m.Area(k) == nil && m.Pillar(k) == nil {
			p.add(kp, "unknown pillar, area or indicator %q", k)
		}
		if v := pr.Targets[k]; v < 1 || v > m.Scale.Max() {
			p.add(kp, "%d is not a level of the scale (1-%d)", v, m.Scale.Max())
		}
	}
}

// quoteList quotes values and joins them with commas, as the schema's
// messages list the values of an enumeration.
func quoteList(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = strconv.Quote(v)
	}
	return strings.Join(q, ", ")
}

func pillarIDs(m *Model) string {
	ids := make([]string, len(m.Pillars))
	for i, p := range m.Pillars {
		ids[i] = p.ID
	}
	return strings.Join(ids, ", ")
}

// suggest returns a hint naming a close indicator ID, such as one that
// differs only in case or spacing.
func suggest(m *Model, id string) string {
	want := strings.ToUpper(strings.TrimSpace(id))
	for _, in := range m.Indicators() {
		if in.ID == want {
			return "did you mean " + strconv.Quote(in.ID) + "?"
		}
	}
	return ""
}

// suggestStakeholder returns a hint naming a stakeholder whose ID
// differs from id only in case or spacing.
func suggestStakeholder(stakeholders []Stakeholder, id string) string {
	want := strings.TrimSpace(id)
	for _, s := range stakeholders {
		if strings.EqualFold(s.ID, want) {
			return "did you mean " + strconv.Quote(s.ID) + "?"
		}
	}
	return ""
}

// major returns the major version of a semantic version string.
func major(v string) string {
	v = strings.TrimPrefix(v, "v")
	if i := strings.IndexByte(v, '.'); i >= 0 {
		return v[:i]
	}
	return v
}

// newer reports whether major version a is a larger number than b.
func newer(a, b string) bool {
	x, errx := strconv.Atoi(a)
	y, erry := strconv.Atoi(b)
	return errx == nil && erry == nil && x > y
}

// outside describes a level outside the scale 1..max, or returns "".
func outside(l, max int) string {
	switch {
	case l > max:
		return fmt.Sprintf("%d is above the highest level (%d)", l, max)
	case l < 1:
		return fmt.Sprintf("%d is below the lowest level (1)", l)
	}
	return ""
}

// checkDeadline reports a decision's deadline that is not a calendar date
// written YYYY-MM-DD, or that falls on or before the session date: a
// deadline already passed when it was set cannot be planned for.
func checkDeadline(p *problems, at, deadline, session string) {
	if deadline == "" {
		return
	}
	d, err := time.Parse("2006-01-02", deadline)
	if err != nil {
		if len(deadline) == 10 && partialDate(deadline) {
			p.add(at, "%q is not a calendar date", deadline)
		} else {
			p.add(at, "expected a date as YYYY-MM-DD, got %q", deadline)
		}
		return
	}
	if s, err := time.Parse("2006-01-02", session); err == nil && !d.After(s) {
		p.add(at, "the deadline %s is not after the session date (%s)", deadline, session)
	}
}

// responseIDs looks up the indicators and respondents of the responses in
// turn. A session's answers mostly come respondent by respondent in model
// order, so it first tries the indicator after the last one and the last
// respondent, which costs a comparison rather than a map lookup.
type responseIDs struct {
	m           *Model
	respondents map[string]int
	ind         int // place of the last indicator found, or -1
	resp        string
	respAt      int
	hasResp     bool
}

// indicator returns the place of indicator id in m.Indicators().
func (l *responseIDs) indicator(id string) (int, bool) {
	for _, k := range [3]int{l.ind + 1, l.ind, 0} {
		if k >= 0 && k < len(l.m.inds) && l.m.inds[k].ID == id {
			l.ind = k
			return k, true
		}
	}
	k, ok := l.m.nth[id]
	if ok {
		l.ind = k
	}
	return k, ok
}

// respondent returns the number of respondent id.
func (l *responseIDs) respondent(id string) (int, bool) {
	if l.hasResp && id == l.resp {
		return l.respAt, true
	}
	k, ok := l.respondents[id]
	if ok {
		l.resp, l.respAt, l.hasResp = id, k, true
	}
	return k, ok
}

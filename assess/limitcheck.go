package assess

import "unicode/utf8"

// checkCounts reports lists longer than the format allows (limits.go), at
// the list, in the schema's words.
func checkCounts(p *problems, a *Assessment) {
	for _, c := range [...]struct {
		at       string
		n, limit int
	}{
		{"/stakeholders", len(a.Stakeholders), MaxStakeholders},
		{"/respondents", len(a.Respondents), MaxRespondents},
		{"/responses", len(a.Responses), MaxResponses},
		{"/decisions/agreed", len(a.Decisions.Agreed), MaxDecisions},
		{"/decisions/priorityOverrides", len(a.Decisions.PriorityOverrides), MaxDecisions},
	} {
		if c.n > c.limit {
			p.add(c.at, "the list has %d items; the limit is %d", c.n, c.limit)
		}
	}
}

// checkTexts reports the one-line texts of an assessment that are longer
// than the format allows. The texts of responses and decisions are checked
// where Check reads them.
func checkTexts(p *problems, a *Assessment) {
	for _, f := range [...]struct {
		at, s string
		limit int
	}{
		{"/$schema", a.Schema, MaxName},
		{"/model/id", a.Model.ID, MaxName},
		{"/profile/country", a.Profile.Country, MaxName},
		{"/profile/leadMinistry", a.Profile.LeadMinistry, MaxName},
		{"/profile/targetProfile", a.Profile.TargetProfile, MaxName},
		{"/session/place", a.Session.Place, MaxName},
		{"/session/facilitator", a.Session.Facilitator, MaxName},
		{"/session/classification", a.Session.Classification, MaxClassification},
	} {
		p.long(func() string { return f.at }, "text", f.s, f.limit)
	}
	for i, s := range a.Profile.Sectors {
		p.long(func() string { return ptr("profile", "sectors", i) }, "text", s, MaxName)
	}
	for k := range a.Profile.Targets {
		p.long(func() string { return ptr("profile", "targets", k) }, "field name", k, MaxName)
	}
	for i, s := range a.Stakeholders {
		p.long(func() string { return ptr("stakeholders", i, "name") }, "text", s.Name, MaxName)
		for j, r := range s.Roles {
			p.long(func() string { return ptr("stakeholders", i, "roles", j) }, "text", r, MaxName)
		}
	}
	for i, c := range a.PointsOfContact {
		p.long(func() string { return ptr("pointsOfContact", i, "pillar") }, "text", c.Pillar, MaxName)
		p.long(func() string { return ptr("pointsOfContact", i, "person") }, "text", c.Person, MaxName)
		if c.Deputy != nil {
			p.long(func() string { return ptr("pointsOfContact", i, "deputy", "person") }, "text", c.Deputy.Person, MaxName)
		}
	}
	for i, r := range a.Respondents {
		p.long(func() string { return ptr("respondents", i, "name") }, "text", r.Name, MaxName)
		p.long(func() string { return ptr("respondents", i, "title") }, "text", r.Title, MaxName)
	}
}

// long reports s, a text or a field name (what), when it is longer than
// limit characters (Unicode code points), in the schema's words. The
// pointer is built only then: this runs for every response.
func (p *problems) long(at func() string, what, s string, limit int) {
	if len(s) > limit { // a character is at least one byte: short texts are not counted
		p.count(at, what, s, limit)
	}
}

func (p *problems) count(at func() string, what, s string, limit int) {
	if n := utf8.RuneCountInString(s); n > limit {
		p.add(at(), "the %s is %d characters long; the limit is %d", what, n, limit)
	}
}

// pairs finds the first response of each (indicator, respondent) pair.
// A flat table indexed by indicator × respondent is the fastest, and Check
// runs on every score; it is used only when it is not much larger than the
// responses themselves, so that memory never grows with the product of
// the model's indicators and the respondents (a custom model of 40,000
// indicators and 150,000 respondents once asked for 24 GB). Otherwise a
// map holds the pairs that occur.
type pairs struct {
	cols int
	// 1 + the index of the first response of a pair, or 0, in one of:
	table []int32
	m     map[int]int32
}

func newPairs(rows, cols, responses int) *pairs {
	if rows*cols <= 4*responses+1024 {
		return &pairs{cols: cols, table: make([]int32, rows*cols)}
	}
	return &pairs{cols: cols, m: make(map[int]int32, responses)}
}

// first records response i for the pair (row, col) and returns 1 + the
// index of an earlier response of the same pair, or 0. It is short enough
// to be inlined.
func (s *pairs) first(row, col, i int) int {
	key := row*s.cols + col
	var f int32
	if s.m == nil {
		if f = s.table[key]; f == 0 {
			s.table[key] = int32(i + 1)
		}
	} else if f = s.m[key]; f == 0 {
		s.m[key] = int32(i + 1)
	}
	return int(f)
}

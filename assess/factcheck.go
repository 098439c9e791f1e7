package assess

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// checkFacts reports the problems of an assessment's facts: lists and
// texts beyond the limits, unknown stakeholders and indicators,
// duplicates, a status that does not fit the kind, dates out of order or
// contradicting the status at the session date, more posts filled than
// established, money on an instrument that holds none, and a strategy in
// force that names no strategy in force. known reports an unknown
// stakeholder at a pointer. Facts that call for action, such as an
// agreement about to expire, are not problems.
func checkFacts(p *problems, m *Model, a *Assessment, known func(pointer, id string)) {
	f := a.Facts
	if f == nil {
		return
	}
	for _, c := range [...]struct {
		at       string
		n, limit int
	}{
		{"/facts/instruments", len(f.Instruments), MaxInstruments},
		{"/facts/staff", len(f.Staff), MaxFactRecords},
		{"/facts/networks", len(f.Networks), MaxFactRecords},
		{"/facts/incidents", len(f.Incidents), MaxFactRecords},
	} {
		if c.n > c.limit {
			p.add(c.at, "the list has %d items; the limit is %d", c.n, c.limit)
		}
	}
	session, sessionOK := parseDate(a.Session.Date)
	instruments := map[string]int{}
	for i := range f.Instruments {
		in := &f.Instruments[i]
		if first, dup := instruments[in.ID]; dup {
			p.add(ptr("facts", "instruments", i, "id"), "duplicate instrument %q (first at /facts/instruments/%d)", in.ID, first)
		} else {
			instruments[in.ID] = i
		}
		checkInstrument(p, m, in, ptr("facts", "instruments", i), known)
		if sessionOK {
			checkInstrumentAt(p, in, ptr("facts", "instruments", i), session, a.Session.Date)
		}
	}
	checkStaff(p, f.Staff, known)
	if t := f.Treaties; t != nil && t.Budapest != nil {
		checkFactTexts(p, "/facts/treaties/budapest", t.Budapest.Source, t.Budapest.Note)
		checkDate(p, "/facts/treaties/budapest/date", t.Budapest.Date)
	}
	checkNetworks(p, f.Networks, known)
	checkIncidents(p, f.Incidents, known)
	if s := f.StrategyInForce; s != nil {
		checkStrategyInForce(p, f, s, session, sessionOK, a.Session.Date)
	}
}

// kindNames say the kinds of instrument with their article.
var kindNames = map[string]string{
	"strategy": "a strategy", "law": "a law", "bill": "a bill", "decree": "a decree",
	"regulation": "a regulation", "decision": "a decision", "agreement": "an agreement",
	"body": "a body", "csirt": "a CSIRT", "budget-line": "a budget line", "donor-programme": "a donor programme",
}

// endStatus is the status of each kind of instrument once it has come to
// an end.
var endStatus = map[string]string{
	"strategy": "lapsed", "law": "repealed", "bill": "lapsed", "decree": "expired",
	"regulation": "expired", "decision": "repealed", "agreement": "expired",
	"body": "dormant", "csirt": "dormant", "budget-line": "lapsed", "donor-programme": "expired",
}

func checkInstrument(p *problems, m *Model, in *Instrument, at string, known func(pointer, id string)) {
	p.long(func() string { return at + "/name" }, "text", in.Name, MaxName)
	p.long(func() string { return at + "/reference" }, "text", in.Reference, MaxName)
	checkFactTexts(p, at, in.Source, in.Note)
	if len(in.Indicators) > MaxIndicators {
		p.add(at+"/indicators", "the list has %d items; the limit is %d", len(in.Indicators), MaxIndicators)
	}
	if in.Owner != "" {
		known(at+"/owner", in.Owner)
	}
	for j, id := range in.Indicators {
		p.long(func() string { return fmt.Sprintf("%s/indicators/%d", at, j) }, "text", id, MaxName)
		if m.Indicator(id) == nil {
			p.hint(fmt.Sprintf("%s/indicators/%d", at, j), suggest(m, id), "unknown indicator %q", id)
		}
	}
	if fits, ok := KindStatuses[in.Kind]; ok && !slices.Contains(fits, in.Status) && slices.Contains(InstrumentStatuses, in.Status) {
		hint := kindNames[in.Kind] + " is " + orList(fits)
		if in.Kind == "bill" {
			hint += " (once passed, record it as a law)"
		}
		p.hint(at+"/status", hint, "%s cannot be %q", kindNames[in.Kind], in.Status)
	}
	dates := map[string]date{}
	for _, d := range [...]struct{ field, s string }{
		{"adopted", in.Adopted}, {"inForce", in.InForce}, {"expires", in.Expires}, {"review", in.Review},
	} {
		if v, ok := checkDate(p, at+"/"+d.field, d.s); ok {
			dates[d.field] = v
		}
	}
	adopted, hasAdopted := dates["adopted"]
	inForce, hasInForce := dates["inForce"]
	expires, hasExpires := dates["expires"]
	if hasAdopted && hasInForce && inForce.cmp(adopted) < 0 {
		p.add(at+"/inForce", "the date in force (%s) is before the adoption date (%s)", in.InForce, in.Adopted)
	}
	switch {
	case hasExpires && hasAdopted && expires.cmp(adopted) < 0:
		p.add(at+"/expires", "the expiry date (%s) is before the adoption date (%s)", in.Expires, in.Adopted)
	case hasExpires && hasInForce && expires.cmp(inForce) < 0:
		p.add(at+"/expires", "the expiry date (%s) is before the date in force (%s)", in.Expires, in.InForce)
	}
	money := in.Kind == "budget-line" || in.Kind == "donor-programme"
	if in.Amount != 0 && !money {
		p.hint(at+"/amount", "record the funding as an instrument of its own", "an amount is recorded for a budget line or a donor programme, not for %s", kindNames[in.Kind])
	}
	if in.Amount != 0 && in.Currency == "" {
		p.hint(at, "an ISO 4217 code such as USD or XCD", "an amount needs a currency")
	}
	if in.Recurrent && in.Kind != "budget-line" {
		p.add(at+"/recurrent", "only a budget line is recurrent, not %s", kindNames[in.Kind])
	}
}

// checkInstrumentAt reports a status that the expiry date contradicts at
// the session date.
func checkInstrumentAt(p *problems, in *Instrument, at string, session date, sessionDate string) {
	expires, ok := parseDate(in.Expires)
	if !ok {
		return
	}
	running := in.Status == "in-force" || in.Status == "active" || in.Status == "adopted"
	switch {
	case running && expires.cmp(session) < 0:
		hint := "correct the expiry date"
		if end := endStatus[in.Kind]; end != "" {
			hint = fmt.Sprintf("set the status to %q, or correct the expiry date", end)
		}
		p.hint(at+"/status", hint, "status %q, but the expiry date (%s) is before the session date (%s)", in.Status, in.Expires, sessionDate)
	case in.Status == "expired" && expires.cmp(session) > 0:
		p.hint(at+"/status", "correct the status or the expiry date", "status %q, but the expiry date (%s) is after the session date (%s)", in.Status, in.Expires, sessionDate)
	}
}

func checkStaff(p *problems, staff []Staffing, known func(pointer, id string)) {
	type key struct {
		stakeholder, unit string
		year              int
	}
	seen := map[key]int{}
	for i, s := range staff {
		at := ptr("facts", "staff", i)
		p.long(func() string { return at + "/unit" }, "text", s.Unit, MaxName)
		checkFactTexts(p, at, s.Source, s.Note)
		known(at+"/stakeholder", s.Stakeholder)
		switch {
		case s.Established == nil && s.Filled == nil:
			p.add(at, "a staff record needs \"established\" or \"filled\" posts, or both")
		case s.Established != nil && s.Filled != nil && *s.Filled > *s.Established:
			p.hint(at+"/filled", "count only established posts that someone holds", "more posts filled (%d) than established (%d)", *s.Filled, *s.Established)
		}
		k := key{s.Stakeholder, s.Unit, s.Year}
		if first, dup := seen[k]; dup {
			who := strconv.Quote(s.Stakeholder)
			if s.Unit != "" {
				who += " (" + s.Unit + ")"
			}
			p.add(at, "the posts of %s in %d are already recorded at /facts/staff/%d", who, s.Year, first)
		} else {
			seen[k] = i
		}
	}
}

func checkNetworks(p *problems, networks []Network, known func(pointer, id string)) {
	type key struct{ network, name, stakeholder string }
	seen := map[key]int{}
	for i, n := range networks {
		at := ptr("facts", "networks", i)
		p.long(func() string { return at + "/name" }, "text", n.Name, MaxName)
		checkFactTexts(p, at, n.Source, n.Note)
		checkDate(p, at+"/since", n.Since)
		if n.Stakeholder != "" {
			known(at+"/stakeholder", n.Stakeholder)
		}
		if n.Network == "other" && strings.TrimSpace(n.Name) == "" {
			p.add(at, "a network \"other\" needs a \"name\" field")
		}
		k := key{n.Network, n.Name, n.Stakeholder}
		if first, dup := seen[k]; dup {
			of := ""
			if n.Stakeholder != "" {
				of = " of " + strconv.Quote(n.Stakeholder)
			}
			what := n.Network
			if n.Name != "" {
				what = strconv.Quote(n.Name)
			}
			p.add(at, "the standing%s in %s is already recorded at /facts/networks/%d", of, what, first)
		} else {
			seen[k] = i
		}
	}
}

func checkIncidents(p *problems, incidents []IncidentCount, known func(pointer, id string)) {
	type key struct {
		stakeholder string
		year        int
	}
	seen := map[key]int{}
	for i, c := range incidents {
		at := ptr("facts", "incidents", i)
		checkFactTexts(p, at, c.Source, c.Note)
		if c.Stakeholder != "" {
			known(at+"/stakeholder", c.Stakeholder)
		}
		k := key{c.Stakeholder, c.Year}
		if first, dup := seen[k]; dup {
			of := ""
			if c.Stakeholder != "" {
				of = " of " + strconv.Quote(c.Stakeholder)
			}
			p.add(at+"/year", "the incidents%s in %d are already recorded at /facts/incidents/%d", of, c.Year, first)
		} else {
			seen[k] = i
		}
	}
}

func checkStrategyInForce(p *problems, f *Facts, s *StrategyInForce, session date, sessionOK bool, sessionDate string) {
	const at = "/facts/strategyInForce"
	i := slices.IndexFunc(f.Instruments, func(in Instrument) bool { return in.ID == s.Instrument })
	switch {
	case i < 0:
		p.hint(at+"/instrument", "record the strategy under /facts/instruments, with kind \"strategy\"", "unknown instrument %q", s.Instrument)
	case f.Instruments[i].Kind != "strategy":
		p.add(at+"/instrument", "%q is %s, not a strategy", s.Instrument, kindNames[f.Instruments[i].Kind])
	case f.Instruments[i].Status != "in-force" && f.Instruments[i].Status != "adopted":
		p.hint(at+"/instrument", "leave out strategyInForce when no strategy is in force",
			"the strategy %q is %q, not \"in-force\" or \"adopted\"", s.Instrument, f.Instruments[i].Status)
	}
	switch {
	case s.To < s.From:
		p.add(at+"/to", "the period ends (%d) before it starts (%d)", s.To, s.From)
	case sessionOK && s.To < session.y:
		p.hint(at+"/to", "leave out strategyInForce when no strategy is in force", "the period ended in %d, before the session date (%s)", s.To, sessionDate)
	}
}

// checkFactTexts checks the source and the note of a record at.
func checkFactTexts(p *problems, at, source, note string) {
	p.long(func() string { return at + "/source" }, "text", source, MaxText)
	p.long(func() string { return at + "/note" }, "text", note, MaxText)
}

// date is a date known to the year, the month or the day: m and d are 0
// when not known.
type date struct{ y, m, d int }

// parseDate reads YYYY-MM-DD, YYYY-MM or YYYY.
func parseDate(s string) (date, bool) {
	layouts := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}
	layout, ok := layouts[len(s)]
	if !ok {
		return date{}, false
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return date{}, false
	}
	d := date{y: t.Year()}
	if len(s) >= 7 {
		d.m = int(t.Month())
	}
	if len(s) == 10 {
		d.d = t.Day()
	}
	return d, true
}

// checkDate reports a date that is not a calendar date, and returns it
// parsed when it is. An empty date is not known and not reported.
func checkDate(p *problems, at, s string) (date, bool) {
	if s == "" {
		return date{}, false
	}
	d, ok := parseDate(s)
	if !ok {
		if partialDate(s) {
			p.add(at, "%q is not a calendar date", s)
		} else {
			p.add(at, "expected a date as YYYY-MM-DD, YYYY-MM or YYYY, got %q", s)
		}
	}
	return d, ok
}

// partialDate reports whether s has the shape of a date, calendar or not.
func partialDate(s string) bool {
	for i, r := range s {
		if (i == 4 || i == 7) != (r == '-') || r != '-' && (r < '0' || r > '9') {
			return false
		}
	}
	return len(s) == 4 || len(s) == 7 || len(s) == 10
}

// cmp compares two dates at the precision of the less precise one: -1
// when d is certainly before e, 1 when certainly after, else 0.
func (d date) cmp(e date) int {
	for _, pair := range [...][2]int{{d.y, e.y}, {d.m, e.m}, {d.d, e.d}} {
		if pair[0] == 0 || pair[1] == 0 {
			return 0
		}
		if pair[0] != pair[1] {
			if pair[0] < pair[1] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// orList quotes values and joins them with commas and "or".
func orList(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = strconv.Quote(v)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

package assess_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
)

func posts(n int) *int { return &n }

// TestCheckFactsValid checks that facts which agree with themselves and
// with the session date give no problem: every status that fits its kind,
// dates at different precisions (compared at the coarser one), an
// agreement that expires soon after the session (a matter for the plan,
// not a problem), and a strategy in force.
func TestCheckFactsValid(t *testing.T) {
	a := example(t) // session date 2026-10-14
	f := &assess.Facts{
		Instruments: []assess.Instrument{
			{ID: "nss", Kind: "strategy", Name: "National Strategy 2025-2029", Status: "in-force", Adopted: "2025-02", InForce: "2025", Expires: "2029", Review: "2027-06-30", Owner: "mdt", Indicators: []string{"GOV.STR.1"}, Source: "workshop"},
			{ID: "mou", Kind: "agreement", Name: "Shared CSIRT MoU", Status: "in-force", Adopted: "2024-03-18", Expires: "2026-11-01"},
			{ID: "this-year", Kind: "agreement", Name: "Training MoU", Status: "in-force", Expires: "2026"},
			{ID: "ended", Kind: "agreement", Name: "Old MoU", Status: "expired", Adopted: "2019", Expires: "2022-03"},
			{ID: "line", Kind: "budget-line", Name: "Cyber line", Status: "active", Amount: 185000, Currency: "USD", Recurrent: true},
			{ID: "project", Kind: "donor-programme", Name: "Resilience Project", Status: "active", Amount: 2000000, Currency: "USD", Expires: "2027-12"},
		},
		Staff: []assess.Staffing{
			{Stakeholder: "mdt", Unit: "Cyber Policy Directorate", Established: posts(2), Filled: posts(2), Year: 2026},
			{Stakeholder: "mdt", Unit: "Training Division", Established: posts(3), Year: 2026},
			{Stakeholder: "coralcirt", Filled: posts(2), Year: 2026},
			{Stakeholder: "coralcirt", Filled: posts(1), Year: 2025},
		},
		Treaties: &assess.Treaties{Budapest: &assess.TreatyStatus{Status: "signatory", Date: "2023-11"}},
		Networks: []assess.Network{
			{Network: "first", Status: "member", Since: "2019", Stakeholder: "coralcirt"},
			{Network: "first", Status: "applicant", Stakeholder: "rcpf"},
			{Network: "other", Name: "Global Forum on Cyber Expertise", Status: "member"},
		},
		Incidents: []assess.IncidentCount{
			{Year: 2025, Handled: 47, Stakeholder: "coralcirt"},
			{Year: 2025, Handled: 212, Stakeholder: "rcpf"},
			{Year: 2024, Handled: 30, Stakeholder: "coralcirt"},
		},
		StrategyInForce: &assess.StrategyInForce{Instrument: "nss", From: 2025, To: 2029},
	}
	for _, kind := range assess.InstrumentKinds {
		for _, status := range assess.KindStatuses[kind] {
			f.Instruments = append(f.Instruments, assess.Instrument{ID: kind + "-" + status, Kind: kind, Name: kind, Status: status})
		}
	}
	a.Facts = f
	if p := assess.Check(assess.Default(), a); len(p) > 0 {
		t.Errorf("valid facts gave problems:\n%v", p)
	}
}

// TestKindStatuses checks that every kind has statuses and that every
// status fits some kind.
func TestKindStatuses(t *testing.T) {
	used := map[string]bool{}
	for _, kind := range assess.InstrumentKinds {
		fits := assess.KindStatuses[kind]
		if len(fits) == 0 {
			t.Errorf("kind %q has no statuses", kind)
		}
		for _, s := range fits {
			if !slices.Contains(assess.InstrumentStatuses, s) {
				t.Errorf("kind %q: unknown status %q", kind, s)
			}
			used[s] = true
		}
	}
	if len(assess.KindStatuses) != len(assess.InstrumentKinds) {
		t.Errorf("KindStatuses has %d kinds, InstrumentKinds %d", len(assess.KindStatuses), len(assess.InstrumentKinds))
	}
	for _, s := range assess.InstrumentStatuses {
		if !used[s] {
			t.Errorf("status %q fits no kind", s)
		}
	}
}

// TestFactsRoundTrip checks that an assessment without facts is written
// back without a "facts" field, so that older files keep their shape.
func TestFactsRoundTrip(t *testing.T) {
	a := example(t)
	a.Facts = nil
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), `"facts"`) {
		t.Error(`an assessment without facts was written with a "facts" field`)
	}
}

// TestCheckFactsLimits checks that Check reports the texts and lists of
// facts built in Go beyond the limits, in the schema's words.
func TestCheckFactsLimits(t *testing.T) {
	long := func(n int) string { return strings.Repeat("é", n) }
	a := example(t)
	f := &assess.Facts{
		Instruments: []assess.Instrument{{ID: "i0", Kind: "law", Name: long(201), Reference: long(201), Status: "in-force", Source: long(8001), Note: long(8001)}},
		Staff:       []assess.Staffing{{Stakeholder: "mdt", Unit: long(201), Filled: posts(1), Year: 2026, Source: long(8001)}},
		Treaties:    &assess.Treaties{Budapest: &assess.TreatyStatus{Status: "none", Note: long(8001)}},
		Networks:    []assess.Network{{Network: "other", Name: long(201), Status: "member"}},
		Incidents:   []assess.IncidentCount{{Year: 2025, Handled: 1, Note: long(8001)}},
	}
	a.Facts = f
	want := []string{
		"/facts/incidents/0/note: the text is 8001 characters long; the limit is 8000",
		"/facts/instruments/0/name: the text is 201 characters long; the limit is 200",
		"/facts/instruments/0/note: the text is 8001 characters long; the limit is 8000",
		"/facts/instruments/0/reference: the text is 201 characters long; the limit is 200",
		"/facts/instruments/0/source: the text is 8001 characters long; the limit is 8000",
		"/facts/networks/0/name: the text is 201 characters long; the limit is 200",
		"/facts/staff/0/source: the text is 8001 characters long; the limit is 8000",
		"/facts/staff/0/unit: the text is 201 characters long; the limit is 200",
		"/facts/treaties/budapest/note: the text is 8001 characters long; the limit is 8000",
	}
	check := func(want []string, keep func(string) bool) {
		t.Helper()
		var got []string
		for _, p := range assess.Check(assess.Default(), a) {
			if keep(p.Message) {
				got = append(got, p.String())
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	check(want, func(string) bool { return true })

	for i := len(f.Instruments); i <= assess.MaxInstruments; i++ {
		f.Instruments = append(f.Instruments, assess.Instrument{ID: fmt.Sprintf("i%d", i), Kind: "law", Name: "Act", Status: "in-force"})
	}
	f.Instruments[0].Indicators = slices.Repeat([]string{"GOV.STR.1"}, assess.MaxIndicators+1)
	f.Staff = slices.Repeat(f.Staff[:1], assess.MaxFactRecords+1)
	f.Networks = slices.Repeat(f.Networks[:1], assess.MaxFactRecords+2)
	f.Incidents = slices.Repeat(f.Incidents[:1], assess.MaxFactRecords+3)
	check([]string{
		"/facts/incidents: the list has 1003 items; the limit is 1000",
		"/facts/instruments: the list has 501 items; the limit is 500",
		"/facts/instruments/0/indicators: the list has 1001 items; the limit is 1000",
		"/facts/networks: the list has 1002 items; the limit is 1000",
		"/facts/staff: the list has 1001 items; the limit is 1000",
	}, func(msg string) bool { return strings.HasPrefix(msg, "the list has") })
}

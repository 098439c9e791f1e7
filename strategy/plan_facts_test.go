package strategy_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

// island returns the small-island example, changed by edit, and its
// draft built with options o.
func island(t *testing.T, o *strategy.Options, edit func(a *assess.Assessment)) *strategy.Draft {
	t.Helper()
	a, _ := drafttest.Assessment(t, "small-island")
	if edit != nil {
		edit(a)
	}
	r, err := assess.Score(assess.Default(), a)
	if err != nil {
		t.Fatal(err)
	}
	tp, err := strategy.DefaultTemplate(strategy.Choose(a.Profile))
	if err != nil {
		t.Fatal(err)
	}
	d, err := strategy.Build(assess.Default(), a, r, tp, o)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// planned returns the actions the plan chose for the gaps: those it
// schedules, then those it defers to the next strategy (with their ID,
// library entry, mode, pillar, title, gaps, lead and dependencies).
func planned(d *strategy.Draft) []strategy.Action {
	out := slices.Clone(d.Actions)
	for _, x := range d.Deferred {
		out = append(out, strategy.Action{ID: x.ID, LibraryID: x.LibraryID, Mode: x.Mode, Instrument: x.Instrument, Pillar: x.Pillar,
			Title: x.Title, Indicators: x.Indicators, Lead: x.Lead, CostBand: x.CostBand, DependsOn: x.DependsOn})
	}
	return out
}

// actionTitled returns the action of the plan, scheduled or deferred,
// with the exact title.
func actionTitled(d *strategy.Draft, title string) *strategy.Action {
	all := planned(d)
	for i := range all {
		if all[i].Title == title {
			return &all[i]
		}
	}
	return nil
}

func titles(d *strategy.Draft) string {
	var b strings.Builder
	for _, a := range planned(d) {
		b.WriteString("\n  " + a.ID + " [" + a.Mode + "] " + a.Title)
	}
	return b.String()
}

// want checks that d has an action with the exact title and mode, and
// returns it.
func want(t *testing.T, d *strategy.Draft, mode, title string) *strategy.Action {
	t.Helper()
	a := actionTitled(d, title)
	switch {
	case a == nil:
		t.Errorf("no action %q; the actions are:%s", title, titles(d))
	case a.Mode != mode:
		t.Errorf("%s %q has mode %s, want %s", a.ID, title, a.Mode, mode)
	}
	return a
}

func wantNot(t *testing.T, d *strategy.Draft, titles ...string) {
	t.Helper()
	for _, title := range titles {
		if a := actionTitled(d, title); a != nil {
			t.Errorf("%s %q contradicts the facts", a.ID, title)
		}
	}
}

func setNetwork(a *assess.Assessment, network, status string) {
	for i := range a.Facts.Networks {
		if a.Facts.Networks[i].Network == network {
			a.Facts.Networks[i].Status = status
		}
	}
}

// TestIslandFacts pins the actions the small-island example's facts call
// for, in place of the ones its levels alone would give.
func TestIslandFacts(t *testing.T) {
	d := island(t, nil, nil)
	wantNot(t, d,
		// Cabinet Decision 47/2021 already mandates the lead agency.
		"Mandate a lead agency for cyber security by Cabinet decision",
		// The National Cyber Security Committee exists, dormant.
		"Constitute a lean national cyber-security committee by Cabinet decision",
		// CoralCIRT and the regional MoU exist.
		"Establish the national CSIRT function through a shared-service MoU",
		// The draft is the strategy and its costed plan.
		"Draft and adopt a national cyber-security strategy by Cabinet decision",
		"Attach a costed action plan in which every action has an accountable owner",
		// The recurrent budget line exists.
		"Open a recurrent budget sub-head for the lead unit and the CSIRT function",
		// Corallia is a member of CSIRTAmericas and the 24/7 network.
		"Join CSIRTAmericas as an institution and register role-based contacts",
		"Designate a 24/7 cybercrime contact point and foreign-evidence templates",
	)
	want(t, d, "revive", "Revive the National Cyber Security Committee with an institutional chair and written terms of reference")
	want(t, d, "statutory", "Put the lead agency's mandate on a statutory footing through the Cyber Security Bill")
	want(t, d, "implement", "Bring the Data Protection Act 2021 into force by commencement order and issue its regulations")
	want(t, d, "scale-up", "Grow the Cyber Security and Incident Response budget line to carry the tools, training and licences now paid by donors")
	want(t, d, "formalise", "Register an alternate for the 24/7 cybercrime contact and adopt request templates")
	want(t, d, "handover", "Carry the campaign funded by the Digital Government Resilience Project (development bank) on the national budget before the programme ends in 2027-12")
	// The MoU expires within 18 months of the start: a quick-win renewal
	// that ends before the expiry date.
	if a := want(t, d, "renew", "Renew the Memorandum of understanding with the regional shared CSIRT service before 2027-03-18"); a != nil {
		if a.Horizon != "quick" || a.End > "2027-03" || a.Instrument != "regional-csirt-mou" {
			t.Errorf("the renewal runs %s to %s (%s) on %q; want a quick win ending by 2027-03 on the MoU", a.Start, a.End, a.Horizon, a.Instrument)
		}
	}
	// An applicant to FIRST that lacks a sponsor is told to find one.
	want(t, d, "create", "Win the sponsors FIRST requires and complete the membership application")
	// Not a party: accession stays on the table.
	want(t, d, "implement", "Put the cybercrime law to work and seek accession to the Budapest Convention")
	if d.Meta.Kind != "strategy" || d.Meta.Title != "National Cyber Security Strategy 2027–2031" {
		t.Errorf("the draft is %q (%s), want a five-year strategy", d.Meta.Title, d.Meta.Kind)
	}
}

// TestIslandStrategyClosedByAdoption checks that the draft does not
// schedule its own drafting or adoption, says that adopting it closes
// those gaps, and that nothing waits for the steps it left out.
func TestIslandStrategyClosedByAdoption(t *testing.T) {
	d := island(t, nil, nil)
	md := markdownOf(t, d)
	for _, id := range []string{"GOV.STR.1", "GOV.STR.2"} {
		if reasonFor(md, id) != "closed" {
			t.Errorf("the draft does not say that adopting it closes %s", id)
		}
	}
	if !strings.Contains(md, "Once adopted it is the strategy in force") {
		t.Error("the summary does not say that the draft is the strategy")
	}
	for _, a := range d.Actions {
		for _, lib := range []string{"GOV.STR.a1", "GOV.STR.a2"} {
			if a.LibraryID == lib {
				t.Errorf("%s %q is scheduled", a.ID, a.Title)
			}
		}
	}
	// The progress indicators no longer wait for the plan (when they
	// start is then up to their lead's capacity).
	if a := want(t, d, "formalise", "Set strategy indicators with baselines and a six-monthly progress report"); a != nil {
		if len(a.DependsOn) > 0 {
			t.Errorf("%s starts %s after %v", a.ID, a.Start, a.DependsOn)
		}
	}
	// So does the recurrent budget line, where none is recorded.
	d = island(t, nil, func(a *assess.Assessment) {
		a.Facts.Instruments = slices.DeleteFunc(a.Facts.Instruments, func(in assess.Instrument) bool { return in.Kind == "budget-line" })
	})
	if a := want(t, d, "create", "Open a recurrent budget sub-head for the lead unit and the CSIRT function"); a != nil && len(a.DependsOn) > 0 {
		t.Errorf("%s waits for %v", a.ID, a.DependsOn)
	}
}

// TestManagedCSIRTWeakMutualAid: a CSIRT at level 3 with mutual aid at
// level 2 is never told to establish the CSIRT; with no agreement on
// record it is told to sign mutual-aid agreements.
func TestManagedCSIRTWeakMutualAid(t *testing.T) {
	d := island(t, nil, func(a *assess.Assessment) {
		a.Facts.Instruments = slices.DeleteFunc(a.Facts.Instruments, func(in assess.Instrument) bool { return in.Kind == "agreement" })
	})
	if lv := indicatorLevel(d, "IRC.MAN.1"); lv != 3 {
		t.Fatalf("IRC.MAN.1 is at %d, want 3", lv)
	}
	wantNot(t, d, "Establish the national CSIRT function through a shared-service MoU")
	want(t, d, "create", "Sign mutual-aid MoUs with peer CSIRTs and contract surge response capacity")
	want(t, d, "sustain", "Review the CSIRT mandate each year against a SIM3 self-assessment")
}

// TestBudapestParty: a party implements the Convention and is never told
// to accede.
func TestBudapestParty(t *testing.T) {
	d := island(t, nil, func(a *assess.Assessment) { a.Facts.Treaties.Budapest.Status = "party" })
	wantNot(t, d, "Put the cybercrime law to work and seek accession to the Budapest Convention")
	want(t, d, "implement", "Implement the Budapest Convention as a party and measure its use")
	for _, a := range d.Actions {
		if strings.Contains(strings.ToLower(a.Title+a.Description), "accession") {
			t.Errorf("%s %q speaks of accession", a.ID, a.Title)
		}
	}
}

// TestFIRSTMember: a member contributes and is never told to join.
func TestFIRSTMember(t *testing.T) {
	d := island(t, nil, func(a *assess.Assessment) { setNetwork(a, "first", "member") })
	wantNot(t, d, "Win the sponsors FIRST requires and complete the membership application",
		"Keep network contacts verified and pursue FIRST membership with sponsors")
	want(t, d, "lead-regionally", "Contribute to FIRST as a member and sponsor a neighbouring team's application")
}

// inForceTo records a strategy in force from 2025 to the given year.
func inForceTo(to int) func(a *assess.Assessment) {
	return func(a *assess.Assessment) {
		a.Facts.Instruments = append(a.Facts.Instruments, assess.Instrument{ID: "nss-2025", Kind: "strategy",
			Name: "National Cybersecurity Strategy 2025–" + itoa(to), Reference: "Cabinet Conclusion 9/2025",
			Status: "in-force", Adopted: "2025", Expires: itoa(to), Indicators: []string{"GOV.STR.1", "GOV.STR.2", "GOV.STR.3"}})
		a.Facts.StrategyInForce = &assess.StrategyInForce{Instrument: "nss-2025", From: 2025, To: to}
	}
}

// TestStrategyInForce: with a strategy in force to 2030 the draft is an
// implementation plan to 2030, not a new five-year strategy, unless the
// user asks for another kind; a strategy that ends in the plan's first
// year gets a refresh.
func TestStrategyInForce(t *testing.T) {
	d := island(t, nil, inForceTo(2030))
	if d.Meta.Kind != "implementation-plan" || d.Meta.Period != "2027–2030" ||
		d.Meta.Title != "Implementation Plan 2027–2030 for the National Cybersecurity Strategy 2025–2030 (Cabinet Conclusion 9/2025)" {
		t.Errorf("got %q, %s, %s", d.Meta.Title, d.Meta.Kind, d.Meta.Period)
	}
	for _, a := range d.Actions {
		// Work the leads cannot set up in time is listed as beyond the
		// period, not hidden.
		if a.End > "2030-12" && !strings.Contains(a.Note, "beyond the period") {
			t.Errorf("%s ends %s, after the strategy in force", a.ID, a.End)
		}
		if ownDrafting.MatchString(a.Title) {
			t.Errorf("%s %q drafts a strategy while one is in force", a.ID, a.Title)
		}
	}
	md := markdownOf(t, d)
	for _, s := range []string{"| Document type | Implementation plan for the rest of the period of the National Cybersecurity Strategy 2025–2030 (Cabinet Conclusion 9/2025), in force 2025–2030 |",
		"It does not replace that strategy"} {
		if !strings.Contains(md, s) {
			t.Errorf("the draft does not say %q", s)
		}
	}

	d = island(t, &strategy.Options{Kind: "strategy"}, inForceTo(2030))
	if d.Meta.Kind != "strategy" || d.Meta.Period != "2027–2031" {
		t.Errorf("--kind strategy: got %s, %s", d.Meta.Kind, d.Meta.Period)
	}
	d = island(t, nil, inForceTo(2027))
	if d.Meta.Kind != "refresh" || d.Meta.Title != "National Cyber Security Strategy 2027–2031, following the National Cybersecurity Strategy 2025–2027 (Cabinet Conclusion 9/2025)" {
		t.Errorf("ending in 2027: got %q (%s)", d.Meta.Title, d.Meta.Kind)
	}
}

// TestKindErrors: a kind the facts cannot support is an error.
func TestKindErrors(t *testing.T) {
	a, r := drafttest.Assessment(t, "small-island")
	tp, _ := strategy.DefaultTemplate("small-island-state")
	for kind, msg := range map[string]string{
		"implementation-plan": "/facts/strategyInForce: a draft of kind implementation-plan needs the strategy in force, and the assessment records none",
		"plan":                `unknown kind of draft "plan" (known: strategy, implementation-plan, refresh)`,
	} {
		_, err := strategy.Build(assess.Default(), a, r, tp, &strategy.Options{Kind: kind})
		if err == nil || err.Error() != msg {
			t.Errorf("kind %s: got %v, want %s", kind, err, msg)
		}
	}
}

// TestUnknownBecomesFactFinding: a high-weight indicator nobody could
// rate gets a quick fact-finding action with an owner.
func TestUnknownBecomesFactFinding(t *testing.T) {
	d := island(t, nil, func(a *assess.Assessment) {
		for i := range a.Responses {
			if a.Responses[i].Indicator == "IRC.OPS.1" {
				a.Responses[i].Level = assess.Unknown
			}
		}
		a.Decisions.Agreed = slices.DeleteFunc(a.Decisions.Agreed, func(g assess.Agreed) bool { return g.Indicator == "IRC.OPS.1" })
	})
	a := want(t, d, "fact-finding", "Establish the level of IRC.OPS.1 Reporting channels and a common incident taxonomy and record it")
	if a == nil {
		return
	}
	if a.Horizon != "quick" || a.End > "2027-06" || a.Lead.Role == "" || a.Lead.Name == "" {
		t.Errorf("%s runs %s to %s (%s), led by %+v; want a quick win within six months with an owner", a.ID, a.Start, a.End, a.Horizon, a.Lead)
	}
	if !strings.Contains(a.Description, "How do government bodies") {
		t.Errorf("the description does not ask the indicator's question: %s", a.Description)
	}
}

// TestInstrumentTextNotExpanded: an instrument's name is inserted once;
// braces in it are never expanded again.
func TestInstrumentTextNotExpanded(t *testing.T) {
	d := island(t, nil, func(a *assess.Assessment) {
		for i := range a.Facts.Instruments {
			if a.Facts.Instruments[i].ID == "regional-csirt-mou" {
				a.Facts.Instruments[i].Name = "MoU {country} {expires}"
			}
		}
	})
	want(t, d, "renew", "Renew the MoU {country} {expires} before 2027-03-18")
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestCommitteeStatutory: an active committee at level 3 with a pending
// bill that bears on it is put on a statutory footing by name.
func TestCommitteeStatutory(t *testing.T) {
	d := island(t, nil, func(a *assess.Assessment) {
		for i := range a.Facts.Instruments {
			switch in := &a.Facts.Instruments[i]; in.ID {
			case "ncsc":
				in.Status = "active"
			case "cyber-security-bill":
				in.Indicators = append(in.Indicators, "GOV.LEAD.2")
			}
		}
		for i := range a.Responses {
			if a.Responses[i].Indicator == "GOV.LEAD.2" {
				a.Responses[i].Level, a.Responses[i].Target = 3, 4
			}
		}
		a.Decisions.Agreed = slices.DeleteFunc(a.Decisions.Agreed, func(g assess.Agreed) bool { return g.Indicator == "GOV.LEAD.2" })
	})
	wantNot(t, d, "Revive the National Cyber Security Committee with an institutional chair and written terms of reference")
	want(t, d, "statutory", "Put the National Cyber Security Committee on a statutory footing")
}

// TestWaitingActionNamesItsInstrument: a bundled action that waits for
// its other indicators is named in the deferral with its instrument
// filled in.
func TestWaitingActionNamesItsInstrument(t *testing.T) {
	a, _ := drafttest.Assessment(t, "larger-state")
	for i := range a.Responses {
		if a.Responses[i].Indicator == "IRC.MAN.2" {
			a.Responses[i].Level = 3
		}
	}
	a.Decisions.Agreed = slices.DeleteFunc(a.Decisions.Agreed, func(g assess.Agreed) bool { return g.Indicator == "IRC.MAN.2" })
	r, err := assess.Score(assess.Default(), a)
	if err != nil {
		t.Fatal(err)
	}
	md := markdownOf(t, drafttest.Build(t, a, r))
	want := "“Extend the Coordination protocol of CSIRT-SOL with CSIRT-Gob and CSIRT-FIN to every sector and mentor teams in neighbouring states”, also needs IRC.MAN.2 (3 Defined)"
	if !strings.Contains(md, want) {
		t.Errorf("the deferral of IRC.MAN.1 does not say %s", want)
	}
	if m := placeholder.FindString(md); m != "" {
		t.Errorf("unresolved placeholder %s", m)
	}
}

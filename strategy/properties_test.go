package strategy_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/render/html"
	"github.com/ncskit/ncskit/render/markdown"
	"github.com/ncskit/ncskit/schemas"
	"github.com/ncskit/ncskit/strategy"
)

// drafts returns the drafts of the examples and of generated assessments.
func drafts(t *testing.T) map[string]*strategy.Draft {
	t.Helper()
	out := map[string]*strategy.Draft{}
	for name, c := range cases(t) {
		out[name] = c.d
	}
	return out
}

// built is an assessment and its draft.
type built struct {
	a *assess.Assessment
	d *strategy.Draft
}

// cases returns the examples and the generated assessments with their
// drafts.
func cases(t *testing.T) map[string]built {
	t.Helper()
	out := map[string]built{}
	for _, name := range drafttest.Examples {
		a, r := drafttest.Assessment(t, name)
		out[name] = built{a, drafttest.Build(t, a, r)}
	}
	for seed := uint64(1); seed <= 12; seed++ {
		a := generated(t, seed)
		r, err := assess.Score(assess.Default(), a)
		if err != nil {
			t.Fatalf("generated %d: %v", seed, err)
		}
		out[fmt.Sprintf("generated-%d", seed)] = built{a, drafttest.Build(t, a, r)}
	}
	return out
}

// reshapeRoles varies who holds which role in a generated assessment of
// the small island's people: no lead agency at all; a second holder of
// the lead-agency role listed before the one the profile names; no
// financial regulator; no business association holding the operators'
// role.
func reshapeRoles(a *assess.Assessment, seed uint64) {
	drop := func(id, role string) {
		for i := range a.Stakeholders {
			if a.Stakeholders[i].ID == id {
				a.Stakeholders[i].Roles = slices.DeleteFunc(slices.Clone(a.Stakeholders[i].Roles), func(r string) bool { return r == role })
			}
		}
	}
	switch seed % 4 {
	case 0:
		drop("mdt", "lead-cyber-agency")
	case 1:
		a.Stakeholders = append([]assess.Stakeholder{{ID: "opm", Name: "Office of the Prime Minister", Roles: []string{"lead-cyber-agency", "cabinet-office"}}}, a.Stakeholders...)
	case 2:
		drop("cmfsa", "financial-regulator")
		drop("ccci", "ci-operators")
	}
}

// generated returns an assessment of the small-island example's people
// with random answers: levels 1-5, n/a, unknown, missing answers,
// person-dependent and donor-funded answers, either template.
func generated(t *testing.T, seed uint64) *assess.Assessment {
	a, _ := drafttest.Assessment(t, "small-island")
	rng := rand.New(rand.NewPCG(seed, 7))
	a.Profile.SmallIslandState = seed%2 == 1
	a.Profile.TargetProfile = ""
	a.Profile.Targets = nil
	a.Profile.Framing = assess.Framings[int(seed)%len(assess.Framings)]
	a.Decisions = assess.Decisions{}
	reshapeRoles(a, seed)
	a.Responses = nil
	varyFacts(a.Facts, seed)
	provisions := []string{"national", "shared-regional", "outsourced", "donor-funded"}
	for _, in := range assess.Default().Indicators() {
		for _, rs := range a.Respondents[:1+rng.IntN(3)] {
			if rng.IntN(12) == 0 {
				continue
			}
			resp := assess.Response{Indicator: in.ID, Respondent: rs.ID, Level: assess.Rating(1 + rng.IntN(5)),
				Evidence: "note", Provision: provisions[rng.IntN(4)], PersonDependent: rng.IntN(8) == 0}
			switch rng.IntN(15) {
			case 0:
				resp.Level = assess.Unknown
			case 1:
				resp.Level = assess.NotApplicable
			}
			if rng.IntN(3) == 0 {
				resp.Target = 3 + rng.IntN(3)
			}
			a.Responses = append(a.Responses, resp)
		}
	}
	// Deadlines on two pinned indicators, some within reach and some
	// not; the posts of the leads recorded, unknown, or none filled.
	ids := assess.Default().Indicators()
	rng = rand.New(rand.NewPCG(seed, 11)) // apart from the answers' draws
	for k := 0; k < 2; k++ {
		in := ids[rng.IntN(len(ids))].ID
		if k == 1 && in == a.Decisions.PriorityOverrides[0].Indicator {
			continue
		}
		a.Decisions.PriorityOverrides = append(a.Decisions.PriorityOverrides, assess.PriorityOverride{Indicator: in, Rank: k + 1,
			Reason: "due", Deadline: fmt.Sprintf("%d-%02d-%02d", 2027+rng.IntN(5), 1+rng.IntN(12), 1+rng.IntN(28))})
	}
	if seed%2 == 0 {
		a.Decisions.Agreed = append(a.Decisions.Agreed, assess.Agreed{Indicator: ids[rng.IntN(len(ids))].ID, Level: 2,
			Rationale: "agreed", Deadline: fmt.Sprintf("%d-%02d-01", 2027+rng.IntN(3), 1+rng.IntN(12))})
	}
	switch {
	case seed%3 == 0:
		a.Facts.Staff = nil
	case seed%3 == 1 && len(a.Facts.Staff) > 0:
		filled := int(seed/3) % 3
		a.Facts.Staff[0].Filled = &filled
	}
	return a
}

// varyFacts changes the small-island example's facts by seed, so that
// the generated assessments also cover a party to the Budapest
// Convention, a FIRST member, a strategy in force, a dormant CSIRT and
// no facts at all.
func varyFacts(f *assess.Facts, seed uint64) {
	if seed%3 == 0 {
		f.Treaties.Budapest.Status = "party"
		for i := range f.Networks {
			f.Networks[i].Status = "member"
		}
	}
	for i := range f.Instruments {
		in := &f.Instruments[i]
		switch {
		case in.ID == "nss-2020" && seed%4 == 0:
			in.Status, in.Expires = "in-force", "2029"
			f.StrategyInForce = &assess.StrategyInForce{Instrument: in.ID, From: 2020, To: 2029}
		case in.Kind == "csirt" && seed%5 == 0:
			in.Status = "dormant"
		case in.Kind == "body" && seed%5 == 1:
			in.Status = "active"
		}
	}
	if seed%2 == 0 {
		f.Instruments = append(f.Instruments,
			assess.Instrument{ID: "lab-agreement", Kind: "agreement", Name: "Forensic laboratory services agreement",
				Status: "in-force", Expires: "2027-06", Indicators: []string{"CAP.SPE.1"}},
			assess.Instrument{ID: "skills-grant", Kind: "donor-programme", Name: "Cyber skills grant",
				Status: "active", Expires: "2028-03", Indicators: []string{"CAP.WF.2"}})
	}
	if seed == 7 {
		*f = assess.Facts{}
	}
}

func TestDraftProperties(t *testing.T) {
	lib, err := strategy.DefaultLibrary()
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range cases(t) {
		d := c.d
		t.Run(name, func(t *testing.T) {
			roleProperties(t, c.a, d, lib)
			addressed := map[string]bool{}
			for _, a := range d.Actions {
				for _, id := range a.Indicators {
					addressed[id] = true
				}
			}
			deferred := map[string]bool{}
			for _, p := range d.Priorities {
				if len(p.Actions) == 0 {
					deferred[p.Indicator] = true
				}
			}
			// Every priority has an action with a lead, or is deferred
			// with a reason in the text, or is closed by adopting the
			// draft itself.
			text := markdownOf(t, d)
			for _, p := range d.Priorities {
				if addressed[p.Indicator] {
					continue
				}
				reason := reasonFor(text, p.Indicator)
				if reason == "" {
					t.Errorf("priority %s has no action and no deferral", p.Indicator)
				}
				// A GOV or IRC gap is always addressed, unless the draft
				// closes it, or it is at level 4 or above and the
				// area-wide step waits for the area's other indicators.
				if pillar := p.Pillar; (pillar == "GOV" || pillar == "IRC") && reason != "closed" && reason != "deferred" &&
					!(reason == "waits" && indicatorLevel(d, p.Indicator) >= 4) {
					t.Errorf("GOV/IRC gap %s (level %d) is not addressed by an action (%s)", p.Indicator, indicatorLevel(d, p.Indicator), reason)
				}
			}
			gapRoles := map[string]bool{}
			for _, g := range d.Roles.Gaps {
				gapRoles[g.Role] = true
			}
			for _, a := range d.Actions {
				switch {
				case a.Lead.Role == "":
					t.Errorf("%s has no lead", a.ID)
				case a.Lead.Gap && !gapRoles[a.Lead.RoleName]:
					t.Errorf("%s is led by unfilled role %s, which is not reported as a role gap", a.ID, a.Lead.RoleName)
				case !a.Lead.Gap && a.Lead.Stakeholder == "":
					t.Errorf("%s: lead %s has no stakeholder", a.ID, a.Lead.RoleName)
				}
				// The action fits the level of every gap it closes: a
				// managed CSIRT is never told to create one. A bundled
				// action applies only when every indicator it covers is
				// in its band.
				if la := lib.Action(a.LibraryID); la != nil && la.Band != "any" {
					for _, id := range la.Indicators {
						lv := indicatorLevel(d, id)
						if indicatorStatus(d, id) != "n/a" && band(lv) != la.Band {
							t.Errorf("%s (%s, band %s) covers %s at level %d", a.ID, a.LibraryID, la.Band, id, lv)
						}
					}
				} else if la == nil && a.Mode != "fact-finding" && a.Designates == "" {
					t.Errorf("%s: %s is not in the library", a.ID, a.LibraryID)
				}
				if a.Start > a.End {
					t.Errorf("%s starts %s after it ends %s", a.ID, a.Start, a.End)
				}
				for _, dep := range a.DependsOn {
					i := slices.IndexFunc(d.Actions, func(x strategy.Action) bool { return x.ID == dep })
					switch {
					case i < 0:
						t.Errorf("%s depends on %s, which is not in the plan", a.ID, dep)
					case d.Actions[i].End >= a.Start:
						t.Errorf("%s starts %s before its prerequisite %s ends %s", a.ID, a.Start, dep, d.Actions[i].End)
					}
				}
			}
			for _, k := range d.KPIs {
				if k.Target < 1 || k.BaselineText == "" || k.TargetText == "" || len(k.Yearly) == 0 {
					t.Errorf("KPI %s lacks a baseline or a target: %+v", k.ID, k)
				}
				if last := k.Yearly[len(k.Yearly)-1]; last.Level != k.Target {
					t.Errorf("KPI %s: the last yearly target %d is not the target %d", k.ID, last.Level, k.Target)
				}
			}
			weights := map[string]int{}
			for _, a := range d.Actions {
				weights[a.Pillar] += a.Weight
			}
			for p, w := range weights {
				if w != 100 {
					t.Errorf("weights of pillar %s add up to %d, not 100", p, w)
				}
			}
			for _, out := range []string{text, htmlOf(t, d), jsonOf(t, d)} {
				if m := placeholder.FindString(out); m != "" {
					t.Errorf("unresolved placeholder %s in the output", m)
				}
			}
		})
	}
}

var placeholder = regexp.MustCompile(`\{[a-zA-Z][a-zA-Z0-9]*\}`)

// reasonFor returns why a gap of the draft in markdown has no action:
// "closed" when adopting the draft closes it, "waits" when its next step
// waits for other indicators, "none" when the library has nothing for
// it, "deferred" when its action is deferred to the next strategy for
// lack of staff, or "" when the draft does not say.
func reasonFor(markdown, indicator string) string {
	reasons := []struct{ phrase, reason string }{
		{"adopting this document closes this gap", "closed"},
		{"has a gap, but the next step the action library offers", "waits"},
		{"has a gap but the action library has no action", "none"},
		{"but not the staff to set it up within the period: it is deferred to the next strategy", "deferred"},
	}
	for _, line := range strings.Split(markdown, "\n") {
		at := strings.Index(line, indicator+" ")
		if at < 0 {
			continue
		}
		// The sentence about the indicator, not one about another
		// indicator that names it later.
		for _, r := range reasons {
			if i := strings.Index(line, r.phrase); i > at {
				return r.reason
			}
		}
	}
	return ""
}

func indicatorStatus(d *strategy.Draft, id string) string {
	for _, row := range d.Indicators {
		if row.ID == id {
			return row.Status
		}
	}
	return ""
}

func indicatorLevel(d *strategy.Draft, id string) int {
	for _, row := range d.Indicators {
		if row.ID == id {
			return row.Level
		}
	}
	return -1
}

func markdownOf(t *testing.T, d *strategy.Draft) string {
	var b bytes.Buffer
	if err := markdown.Encode(&b, d, nil); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func htmlOf(t *testing.T, d *strategy.Draft) string {
	var b bytes.Buffer
	if err := html.Encode(&b, d, nil); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func jsonOf(t *testing.T, d *strategy.Draft) string {
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDraftJSONSchema validates the JSON form of every draft against the
// published draft schema and decodes it back.
func TestDraftJSONSchema(t *testing.T) {
	for name, d := range drafts(t) {
		data := []byte(jsonOf(t, d))
		for _, e := range schemas.Validate(schemas.Draft, data) {
			t.Errorf("%s: %s", name, e)
		}
		var back strategy.Draft
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if again := jsonOf(t, &back); again != string(data) {
			t.Errorf("%s: the JSON does not survive a round trip", name)
		}
	}
}

// TestDraftsDiffer checks that two different countries get visibly
// different drafts: different actions, different text.
func TestDraftsDiffer(t *testing.T) {
	si := drafttest.Draft(t, "small-island")
	ls := drafttest.Draft(t, "larger-state")
	ids := func(d *strategy.Draft) map[string]bool {
		m := map[string]bool{}
		for _, a := range d.Actions {
			m[a.LibraryID] = true
		}
		return m
	}
	a, b := ids(si), ids(ls)
	common := 0
	for id := range a {
		if b[id] {
			common++
		}
	}
	if common*2 > min(len(a), len(b)) {
		t.Errorf("the examples share %d of their %d and %d actions", common, len(a), len(b))
	}
	mdSI, mdLS := markdownOf(t, si), markdownOf(t, ls)
	for _, want := range []string{"Corallia", "hurricane", "minimum viable path"} {
		if !strings.Contains(mdSI, want) {
			t.Errorf("small-island draft lacks %q", want)
		}
	}
	for _, want := range []string{"República de Solandía", "sector CSIRTs", "statutory"} {
		if !strings.Contains(mdLS, want) {
			t.Errorf("larger-state draft lacks %q", want)
		}
	}
	for _, a := range ls.Actions {
		if a.LibraryID == "IRC.MAN.a1" || a.LibraryID == "IRC.MAN.a2" {
			t.Errorf("the larger state has a managed CSIRT but is told to create one: %s %s", a.ID, a.Title)
		}
	}
}

func TestBuildDeterministic(t *testing.T) {
	for _, name := range drafttest.Examples {
		a, b := jsonOf(t, drafttest.Draft(t, name)), jsonOf(t, drafttest.Draft(t, name))
		if a != b {
			t.Errorf("%s: two builds differ", name)
		}
	}
}

// band is the documented level band, written out independently of
// strategy.Band.
func band(level int) string {
	switch level {
	case 3:
		return "mid"
	case 4, 5:
		return "high"
	}
	return "low"
}

package strategy_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

// regulators are the sector regulators of the default model, written out
// independently of the strategy package.
var regulators = map[string]bool{"financial-regulator": true, "telecom-regulator": true, "utilities-regulator": true}

// roleProperties checks the role rules of a draft against its assessment.
func roleProperties(t *testing.T, a *assess.Assessment, d *strategy.Draft, lib *strategy.Library) {
	t.Helper()
	holds := func(role string) []string {
		var ids []string
		for _, s := range a.Stakeholders {
			if slices.Contains(s.Roles, role) {
				ids = append(ids, s.ID)
			}
		}
		return ids
	}
	named := ""
	for _, s := range a.Stakeholders {
		if strings.EqualFold(s.Name, a.Profile.LeadMinistry) {
			named = s.ID
		}
	}
	designation := map[string]string{} // role → action ID
	for _, x := range d.Actions {
		if x.Designates != "" && len(holds(x.Designates)) == 0 {
			designation[x.Designates] = x.ID
		}
	}
	kinds := map[string][]strategy.RoleGap{}
	for _, g := range d.Roles.Gaps {
		kinds[g.Kind] = append(kinds[g.Kind], g)
	}
	for _, x := range d.Actions {
		// Naming the holder of a role is a decision that other actions
		// wait for: the one Build adds is a quick win, whatever its
		// lead's load.
		if strings.HasPrefix(x.LibraryID, "designate:") && x.Horizon != "quick" {
			t.Errorf("designation %s runs %s → %s (%s); the actions its role leads wait for it", x.ID, x.Start, x.End, x.Horizon)
		}
		// Every action's lead is a stakeholder, or an action designates
		// the holder of its role and the action waits for it. A
		// designation is led by a stakeholder, or by the Cabinet.
		switch {
		case !x.Lead.Gap && x.Lead.Stakeholder != "":
		case x.Designates != "":
			if x.Lead.Role != "cabinet-office" {
				t.Errorf("designation %s is led by the unfilled role %s", x.ID, x.Lead.Role)
			}
		case designation[x.Lead.Role] == "":
			t.Errorf("%s is led by the unfilled role %s and no action designates it", x.ID, x.Lead.Role)
		case !slices.Contains(x.DependsOn, designation[x.Lead.Role]):
			t.Errorf("%s is led by the unfilled role %s but does not wait for its designation %s", x.ID, x.Lead.Role, designation[x.Lead.Role])
		}
		// The lead agency's actions go to the holder the profile names.
		if x.Lead.Role == "lead-cyber-agency" && slices.Contains(holds("lead-cyber-agency"), named) && x.Lead.Stakeholder != named {
			t.Errorf("%s is led by %s, not by %s, which the profile names and which holds the role", x.ID, x.Lead.Stakeholder, named)
		}
		// Sector duties go to a sector regulator where there is one.
		la := lib.Action(x.LibraryID)
		if la == nil || !la.SectorDuty {
			continue
		}
		var filled []string
		for _, r := range la.Responsible {
			if regulators[r] && len(holds(r)) > 0 {
				filled = append(filled, r)
			}
		}
		switch {
		case len(filled) > 0 && !slices.Contains(filled, x.Lead.Role):
			t.Errorf("sector duty %s is led by %s, not by a regulator (%v)", x.ID, x.Lead.Role, filled)
		case len(filled) == 0 && (x.Lead.Role != la.Lead || !slices.ContainsFunc(kinds["sector-duty"], func(g strategy.RoleGap) bool { return strings.Contains(g.Finding, x.ID) })):
			t.Errorf("sector duty %s has no regulator, and is not led by %s with a finding", x.ID, la.Lead)
		}
	}
	// A business association that holds the operators' role is a finding,
	// once per association.
	var assoc []string
	for _, s := range a.Stakeholders {
		if slices.Contains(s.Roles, "private-sector") && slices.Contains(s.Roles, "ci-operators") {
			assoc = append(assoc, s.Name)
		}
	}
	var found []string
	for _, g := range kinds["operators-by-association"] {
		found = append(found, strings.SplitN(g.Finding, " holds the role", 2)[0])
	}
	if !slices.Equal(assoc, found) {
		t.Errorf("operators represented by an association: findings name %q, want %q", found, assoc)
	}
	// The standing institutions of government make one finding at most.
	if n := len(kinds["not-represented"]); n > 1 {
		t.Errorf("%d findings on institutions of government, want at most one", n)
	}
}

// leadsOf counts, per pillar, the actions each stakeholder (or open role)
// leads.
func leadsOf(d *strategy.Draft, pillar string) map[string]int {
	out := map[string]int{}
	for _, x := range planned(d) {
		if x.Pillar != pillar {
			continue
		}
		key := x.Lead.Stakeholder
		if x.Lead.Gap {
			key = "role:" + x.Lead.Role
		}
		out[key]++
	}
	return out
}

func TestGovernanceLeads(t *testing.T) {
	for name, want := range map[string]map[string]int{
		"small-island": {"mdt": 15, "agc": 1},
		"larger-state": {"ancs": 13, "sfs": 1, "apdp": 2},
	} {
		got := leadsOf(drafttest.Draft(t, name), "GOV")
		if !mapsEqual(got, want) {
			t.Errorf("%s: GOV actions per lead = %v, want %v", name, got, want)
		}
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// buildWith builds the small island's draft after change edits its
// assessment.
func buildWith(t *testing.T, change func(a *assess.Assessment)) *strategy.Draft {
	t.Helper()
	return buildExample(t, "small-island", change)
}

// buildExample builds an example's draft after change edits its
// assessment.
func buildExample(t *testing.T, name string, change func(a *assess.Assessment)) *strategy.Draft {
	t.Helper()
	a, _ := drafttest.Assessment(t, name)
	change(a)
	r, err := assess.Score(assess.Default(), a)
	if err != nil {
		t.Fatal(err)
	}
	return drafttest.Build(t, a, r)
}

func dropRole(a *assess.Assessment, id, role string) {
	for i := range a.Stakeholders {
		if a.Stakeholders[i].ID == id {
			a.Stakeholders[i].Roles = slices.DeleteFunc(slices.Clone(a.Stakeholders[i].Roles), func(r string) bool { return r == role })
		}
	}
}

func TestNoLeadAgency(t *testing.T) {
	d := buildWith(t, func(a *assess.Assessment) { dropRole(a, "mdt", "lead-cyber-agency") })
	var des *strategy.Action
	for i, x := range d.Actions {
		if x.Designates == "lead-cyber-agency" {
			des = &d.Actions[i]
		}
	}
	if des == nil {
		t.Fatal("no action designates the lead agency")
	}
	if des.ID != "GOV-01" || des.Lead.Stakeholder != "mdt" || des.Horizon != "quick" || des.Start != "2027-01" {
		t.Errorf("designation = %s led by %s, %s from %s; want GOV-01 led by mdt, a quick win from 2027-01", des.ID, des.Lead.Stakeholder, des.Horizon, des.Start)
	}
	waiting := 0
	for _, x := range planned(d) {
		if x.Lead.Role == "lead-cyber-agency" {
			waiting++
			if !x.Lead.Gap || !slices.Contains(x.DependsOn, des.ID) {
				t.Errorf("%s: lead %+v, depends on %v; want the open role, after %s", x.ID, x.Lead, x.DependsOn, des.ID)
			}
		}
	}
	if waiting != 28 {
		t.Errorf("%d actions wait for the lead agency, want 28", waiting)
	}
	md := markdownOf(t, d)
	for _, want := range []string{
		"No institution holds the role of lead cyber-security agency yet: until one is designated, the MDT convenes the committee",
		"Action GOV-01 designates the lead agency in the first months of the period.",
		"The role of lead agency is open:",
		"| Lead cyber-security agency | Not yet assigned |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the draft lacks %q", want)
		}
	}
	if strings.Contains(md, "is the lead agency") {
		t.Error("the draft names a lead agency although the role is open")
	}
}

func TestLeadChoice(t *testing.T) {
	opm := assess.Stakeholder{ID: "opm", Name: "Office of the Prime Minister", Roles: []string{"lead-cyber-agency"}}
	// The profile names the Ministry of Digital Transformation: it leads,
	// although the Office of the Prime Minister is listed first.
	d := buildWith(t, func(a *assess.Assessment) { a.Stakeholders = append([]assess.Stakeholder{opm}, a.Stakeholders...) })
	if got := leadsOf(d, "GOV"); got["mdt"] != 15 || got["opm"] != 0 {
		t.Errorf("named: GOV actions per lead = %v, want 15 for mdt and none for opm", got)
	}
	// With no profile naming either, the owner of a live instrument on an
	// action's indicators leads it (the ministry's draft Cyber Security
	// Bill, GOV.LEAD.1 and GOV.LAW.3; its recurrent budget line,
	// GOV.RES.1; not the dormant committee, GOV.LEAD.2); the first listed
	// leads the rest.
	d = buildWith(t, func(a *assess.Assessment) {
		a.Stakeholders = append([]assess.Stakeholder{opm}, a.Stakeholders...)
		a.Profile.LeadMinistry = "Office of the Prime Minister and Cabinet"
	})
	var mdt []string
	for _, x := range d.Actions {
		if x.Lead.Stakeholder == "mdt" && x.Lead.Role == "lead-cyber-agency" {
			mdt = append(mdt, x.ID+" "+strings.Join(x.Indicators, ","))
		}
	}
	if want := []string{"GOV-01 GOV.LEAD.1,GOV.LAW.3", "GOV-08 GOV.RES.1"}; !slices.Equal(mdt, want) {
		t.Errorf("unnamed: the ministry leads %q, want %q", mdt, want)
	}
}

func TestSectorDuties(t *testing.T) {
	const duty = "GOV.LAW.a8" // supervise operators' compliance
	find := func(d *strategy.Draft) strategy.Action {
		i := slices.IndexFunc(d.Actions, func(x strategy.Action) bool { return x.LibraryID == duty })
		if i < 0 {
			t.Fatalf("%s is not in the plan", duty)
		}
		return d.Actions[i]
	}
	if x := find(drafttest.Draft(t, "larger-state")); x.Lead.Stakeholder != "sfs" || x.Responsible[0].Stakeholder != "ancs" {
		t.Errorf("%s: lead %s, first responsible %s; want the financial regulator, then the lead agency", x.ID, x.Lead.Stakeholder, x.Responsible[0].Stakeholder)
	}
	d := buildExample(t, "larger-state", func(a *assess.Assessment) {
		dropRole(a, "sfs", "financial-regulator")
		dropRole(a, "crc", "telecom-regulator")
	})
	x := find(d)
	if x.Lead.Stakeholder != "ancs" {
		t.Errorf("with no regulator, %s is led by %s, want ancs", x.ID, x.Lead.Stakeholder)
	}
	want := "No sector regulator took part in the assessment, so Agencia Nacional de Ciberseguridad (ANCS) leads the sector duties of actions " + x.ID + "."
	if i := slices.IndexFunc(d.Roles.Gaps, func(g strategy.RoleGap) bool { return g.Kind == "sector-duty" }); i < 0 || !strings.HasPrefix(d.Roles.Gaps[i].Finding, want) {
		t.Errorf("no sector-duty finding starting %q in %+v", want, d.Roles.Gaps)
	}
}

func TestOperatorsByAssociation(t *testing.T) {
	for name, want := range map[string]string{
		"small-island": "Corallia Chamber of Commerce & Industry holds the role of critical-infrastructure operators, but it is a business association:",
		"larger-state": "Asociación Bancaria y de Entidades Financieras de Solandía (Asobansol), host of the financial-sector CSIRT (CSIRT-FIN) holds the role of critical-infrastructure operators, but it is a business association:",
	} {
		d := drafttest.Draft(t, name)
		var got []string
		for _, g := range d.Roles.Gaps {
			if g.Kind == "operators-by-association" {
				got = append(got, g.Finding)
			}
		}
		if len(got) != 1 || !strings.HasPrefix(got[0], want) {
			t.Errorf("%s: findings %q, want one starting %q", name, got, want)
		}
	}
	d := buildWith(t, func(a *assess.Assessment) { dropRole(a, "ccci", "ci-operators") })
	for _, g := range d.Roles.Gaps {
		if g.Kind == "operators-by-association" {
			t.Errorf("a chamber without the operators' role is a finding: %s", g.Finding)
		}
	}
}

func TestRoleGapFindings(t *testing.T) {
	for name, want := range map[string][]string{
		"small-island": {"no-deputy", "no-deputy", "no-deputy", "no-deputy", "unfilled-role", "unfilled-role", "unfilled-role",
			"unfilled-role", "unfilled-role", "unfilled-role", "unfilled-role", "not-represented", "operators-by-association"},
		"larger-state": {"no-deputy", "unfilled-role", "unfilled-role", "unfilled-role", "not-represented", "operators-by-association"},
	} {
		var got []string
		for _, g := range drafttest.Draft(t, name).Roles.Gaps {
			got = append(got, g.Kind)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: role-gap kinds %q, want %q", name, got, want)
		}
	}
}

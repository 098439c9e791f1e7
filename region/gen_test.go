package region

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
)

// genSet describes a generated set of assessments.
type genSet struct {
	states, rounds, respondents int
	seed                        uint64
	// partial leaves some indicators out of some assessments.
	partial bool
}

// generated is a generated set: the inputs and every name they hold that
// an anonymised report must not show.
type generated struct {
	inputs []Input
	names  []string // states, persons, institutions, places
	states int
}

var syllables = []string{"zor", "vak", "qui", "tel", "mox", "dra", "fen", "lux", "kir", "bav", "sot", "yem", "gru", "pel", "zan", "wix"}

// word makes a made-up word of n syllables, capitalised.
func word(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(syllables[rng.IntN(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// generate makes g.states states with g.rounds rounds each, every round
// answered by g.respondents respondents. The levels drift upward from
// round to round.
func generate(t testing.TB, m *assess.Model, g genSet) generated {
	rng := rand.New(rand.NewPCG(g.seed, 7))
	var out generated
	out.states = g.states
	seen := map[string]bool{}
	unique := func(f func() string) string {
		for {
			s := f()
			if !seen[s] {
				seen[s] = true
				out.names = append(out.names, s)
				return s
			}
		}
	}
	inds := m.Indicators()
	for s := range g.states {
		country := unique(func() string { return word(rng, 3) + "ia" })
		iso := string(rune('A'+s/26)) + string(rune('A'+s%26))
		small := rng.IntN(2) == 0
		orgs := []assess.Stakeholder{}
		for k, roles := range [][]string{{"lead-cyber-agency", "ict-ministry"}, {"csirt"}, {"police-cybercrime"}, {"foreign-ministry"}} {
			orgs = append(orgs, assess.Stakeholder{ID: fmt.Sprintf("org%d", k),
				Name: unique(func() string { return "Office " + word(rng, 2) + " " + word(rng, 2) }), Roles: roles})
		}
		person := func() string { return unique(func() string { return word(rng, 2) + " " + word(rng, 3) }) }
		base := make([]int, len(inds))
		for i := range base {
			base[i] = 1 + rng.IntN(4)
		}
		var pocs []assess.PointOfContact
		for _, fn := range DirectoryFunctions {
			if rng.IntN(4) == 0 {
				continue // not designated
			}
			pc := assess.PointOfContact{Function: fn, Person: person(), Stakeholder: orgs[rng.IntN(len(orgs))].ID}
			if rng.IntN(2) == 0 {
				pc.Deputy = &assess.Person{Person: person(), Stakeholder: orgs[rng.IntN(len(orgs))].ID}
			}
			pocs = append(pocs, pc)
		}
		var resp []assess.Respondent
		for k := range g.respondents {
			resp = append(resp, assess.Respondent{ID: fmt.Sprintf("r%d", k+1), Name: person(), Stakeholder: orgs[k%len(orgs)].ID})
		}
		facts := &assess.Facts{Treaties: &assess.Treaties{Budapest: &assess.TreatyStatus{Status: []string{"party", "none", "signatory"}[rng.IntN(3)]}}}
		for _, nw := range []string{"first", "csirtamericas", "24-7-network"} {
			if rng.IntN(2) == 0 {
				facts.Networks = append(facts.Networks, assess.Network{Network: nw, Status: "member", Stakeholder: "org1"})
			}
		}
		if rng.IntN(2) == 0 {
			facts.Instruments = append(facts.Instruments, assess.Instrument{ID: "mou", Kind: "agreement", Status: "in-force",
				Name: unique(func() string { return "Accord " + word(rng, 3) }), Indicators: []string{"IRC.MAN.3"}})
		}
		for rd := range g.rounds {
			a := &assess.Assessment{SchemaVersion: 1, Model: assess.ModelRef{ID: m.ID, Version: m.Version},
				Profile: assess.Profile{Country: country, ISO3166: iso, Region: "caribbean", SmallIslandState: small,
					Population: 50000 + int64(rng.IntN(1e6)), Languages: []string{"en"}, LeadMinistry: orgs[0].Name, Framing: "economy-infrastructure"},
				Session: assess.Session{Date: fmt.Sprintf("%d-0%d-1%d", 2022+rd, 1+rng.IntN(9), rng.IntN(10)),
					Place: unique(func() string { return "Hall " + word(rng, 3) }), Facilitator: person(),
					Classification: []string{"TLP:GREEN", "TLP:AMBER"}[rng.IntN(2)]},
				Stakeholders: orgs, PointsOfContact: pocs, Respondents: resp, Facts: facts}
			if small {
				a.Profile.TargetProfile = "small-island-state"
			}
			for i, ind := range inds {
				if g.partial && rng.IntN(8) == 0 {
					continue
				}
				lvl := min(5, base[i]+rd*rng.IntN(2))
				for k := range g.respondents {
					if k > 0 && rng.IntN(3) > 0 {
						continue
					}
					r := assess.Response{Indicator: ind.ID, Respondent: resp[k].ID,
						Level: assess.Rating(max(1, min(5, lvl+rng.IntN(3)-1))), Provision: []string{"national", "shared-regional", "outsourced"}[rng.IntN(3)],
						Evidence: "Seen at " + orgs[k%len(orgs)].Name + " by " + resp[k].Name}
					a.Responses = append(a.Responses, r)
				}
			}
			if probs := assess.Check(m, a); len(probs) > 0 {
				t.Fatalf("generated assessment is invalid: %v", probs)
			}
			out.inputs = append(out.inputs, Input{Name: fmt.Sprintf("gen-%s-%d.json", strings.ToLower(iso), rd+1), Assessment: a})
		}
	}
	return out
}

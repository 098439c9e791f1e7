package region

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ncskit/ncskit/assess"
)

// Provision is something that already serves several states: a capability
// they provide through a shared regional arrangement, a network they are
// members of, agreements in force, a treaty they are party to.
type Provision struct {
	// Kind is "shared-regional" (responses say the capability is provided
	// regionally), "network", "agreement" or "treaty".
	Kind string `json:"kind"`
	// Subject is the indicator ID (shared-regional, agreement), the
	// network ID ("first", …, or "other:NAME") or the treaty ("budapest").
	Subject string `json:"subject"`
	// Name is the subject in words.
	Name   string   `json:"name"`
	States []string `json:"states"`
	// Instruments names the agreements, "CODE: name", in a restricted
	// report; empty in an anonymised one.
	Instruments []string `json:"instruments,omitempty"`
}

// networkName names a network of assess.Networks in lang (text.json
// "network.ID"); "" for one it does not know.
func networkName(lang, id string) string {
	if _, ok := texts()["network."+id]; !ok {
		return ""
	}
	return text(lang, "network."+id)
}

// networksFor are the networks that bear on an indicator.
var networksFor = map[string][]string{
	"IRC.SA.3":  {"first", "csirtamericas"},
	"IRC.SA.1":  {"csirtamericas", "caricom-impacs"},
	"OUT.INT.1": {"caricom-impacs", "csirtamericas", "first"},
	"OUT.INT.2": {"24-7-network"},
	"IRC.OPS.4": {"24-7-network"},
}

// existing lists what already serves at least two states.
func (r *Report) existing(m *assess.Model) {
	for _, ind := range m.Indicators() {
		var shared, agreed []string
		var names []string
		for _, s := range r.States {
			is := s.res.Indicator(ind.ID)
			if is != nil && is.Provision == "shared-regional" {
				shared = append(shared, s.Code)
			}
			if ag := agreementsOn(s.a, ind.ID); len(ag) > 0 {
				agreed = append(agreed, s.Code)
				for _, n := range ag {
					names = append(names, s.Code+": "+n)
				}
			}
		}
		title := ind.Title.In(r.Language)
		if len(shared) >= 2 {
			r.Existing = append(r.Existing, Provision{Kind: "shared-regional", Subject: ind.ID, Name: title, States: shared})
		}
		if len(agreed) >= 2 {
			r.Existing = append(r.Existing, Provision{Kind: "agreement", Subject: ind.ID, Name: title, States: agreed, Instruments: names})
		}
	}
	r.networks()
	r.treaties()
}

// agreementsOn returns the names of the agreements in force that bear on
// an indicator.
func agreementsOn(a *assess.Assessment, id string) []string {
	if a.Facts == nil {
		return nil
	}
	var out []string
	for _, in := range a.Facts.Instruments {
		if in.Kind == "agreement" && in.Status == "in-force" && contains(in.Indicators, id) {
			out = append(out, in.Name)
		}
	}
	return out
}

// networks lists the networks with at least two member states.
func (r *Report) networks() {
	members := map[string][]string{}
	for _, s := range r.States {
		if s.a.Facts == nil {
			continue
		}
		seen := map[string]bool{}
		for _, n := range s.a.Facts.Networks {
			id := n.Network
			if id == "other" {
				id = "other:" + n.Name
			}
			if n.Status == "member" && !seen[id] {
				seen[id] = true
				members[id] = append(members[id], s.Code)
			}
		}
	}
	var ids []string
	for id, states := range members {
		if len(states) >= 2 {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		name := networkName(r.Language, id)
		if name == "" {
			name = strings.TrimPrefix(id, "other:")
		}
		r.Existing = append(r.Existing, Provision{Kind: "network", Subject: id, Name: name, States: members[id]})
	}
}

// treaties lists the parties to the Budapest Convention, when there are two
// or more.
func (r *Report) treaties() {
	if parties := r.budapestParties(); len(parties) >= 2 {
		r.Existing = append(r.Existing, Provision{Kind: "treaty", Subject: "budapest", Name: "Budapest Convention on Cybercrime", States: parties})
	}
}

// buildsOn says what a programme on indicator id can build on: states
// that already provide it regionally, hold agreements on it, or are
// members of a network that bears on it, or parties to the Budapest
// Convention for the cybercrime law.
func (r *Report) buildsOn(id string) []string {
	lang := r.Language
	var out []string
	var shared, agreed []string
	for _, s := range r.States {
		if is := s.res.Indicator(id); is != nil && is.Provision == "shared-regional" {
			shared = append(shared, s.Code)
		}
		if len(agreementsOn(s.a, id)) > 0 {
			agreed = append(agreed, s.Code)
		}
	}
	if len(shared) > 0 {
		out = append(out, fmt.Sprintf(text(lang, "builds.shared"), r.names(shared)))
	}
	if len(agreed) > 0 {
		out = append(out, fmt.Sprintf(text(lang, "builds.agreement"), r.names(agreed)))
	}
	for _, nw := range networksFor[id] {
		var members []string
		for _, s := range r.States {
			if s.a.Facts == nil {
				continue
			}
			for _, n := range s.a.Facts.Networks {
				if n.Network == nw && n.Status == "member" {
					members = append(members, s.Code)
					break
				}
			}
		}
		if len(members) > 0 {
			out = append(out, fmt.Sprintf(text(lang, "builds.network"), networkName(lang, nw), r.names(members)))
		}
	}
	if parties := r.budapestParties(); id == "GOV.LAW.1" && len(parties) > 0 {
		out = append(out, fmt.Sprintf(text(lang, "builds.budapest"), r.names(parties)))
	}
	return out
}

// budapestParties returns the codes of the states party to the Budapest
// Convention.
func (r *Report) budapestParties() []string {
	var parties []string
	for _, s := range r.States {
		if f := s.a.Facts; f != nil && f.Treaties != nil && f.Treaties.Budapest != nil && f.Treaties.Budapest.Status == "party" {
			parties = append(parties, s.Code)
		}
	}
	return parties
}

package region

import (
	"sort"
	"time"

	"github.com/ncskit/ncskit/assess"
)

// DirectoryFunctions are the points of contact the regional directory
// lists for every state, in this order: the National Point of Contact
// designated to the OAS/CICTE, the national CSIRT contact and the 24/7
// contact point for cybercrime.
var DirectoryFunctions = []string{"cicte-npc", "csirt", "cybercrime-24-7"}

// Directory is one state's entry in the points-of-contact directory,
// from its latest assessment.
type Directory struct {
	State string `json:"state"`
	// Date is the session date the contacts were recorded at, Age how
	// many days it lies before the report's latest date.
	Date string `json:"date"`
	Age  int    `json:"age"`
	// Contacts are the designated contacts of DirectoryFunctions, in that
	// order.
	Contacts []Contact `json:"contacts"`
	// Designated is how many of DirectoryFunctions have a contact.
	Designated int `json:"designated"`
	// Missing lists what is not designated: a function of
	// DirectoryFunctions, or "deputy:FUNCTION" for a contact without a
	// deputy.
	Missing []string `json:"missing"`
}

// Contact is one designated contact. In an anonymised report Person and
// Organisation are empty.
type Contact struct {
	Function     string `json:"function"`
	Person       string `json:"person,omitempty"`
	Organisation string `json:"organisation,omitempty"`
	// Deputy is the contact's deputy; nil when there is none.
	Deputy *Deputy `json:"deputy"`
}

// Deputy is a contact's deputy.
type Deputy struct {
	Person       string `json:"person,omitempty"`
	Organisation string `json:"organisation,omitempty"`
}

// contacts builds the directory: states with fewest designated contacts
// first, then those with most gaps, then by name (by code when
// anonymised).
func (r *Report) contacts(m *assess.Model) {
	latest, _ := time.Parse(time.DateOnly, r.Latest)
	for _, s := range r.States {
		d := &Directory{State: s.Code, Date: s.Date, Contacts: []Contact{}, Missing: []string{}}
		if t, err := time.Parse(time.DateOnly, s.Date); err == nil && !latest.IsZero() {
			d.Age = int(latest.Sub(t).Hours() / 24)
		}
		orgs := map[string]string{}
		for _, st := range s.a.Stakeholders {
			orgs[st.ID] = st.Name
		}
		for _, fn := range DirectoryFunctions {
			found := false
			for _, pc := range s.a.PointsOfContact {
				if pc.Function != fn {
					continue
				}
				found = true
				c := Contact{Function: fn, Person: pc.Person, Organisation: orgs[pc.Stakeholder]}
				if pc.Deputy != nil {
					c.Deputy = &Deputy{pc.Deputy.Person, orgs[pc.Deputy.Stakeholder]}
				} else {
					d.Missing = append(d.Missing, "deputy:"+fn)
				}
				d.Contacts = append(d.Contacts, c)
			}
			if found {
				d.Designated++
			} else {
				d.Missing = append(d.Missing, fn)
			}
		}
		r.Contacts = append(r.Contacts, d)
	}
	pos := map[string]int{}
	for i, s := range r.States {
		pos[s.Code] = i
	}
	sort.SliceStable(r.Contacts, func(i, j int) bool {
		a, b := r.Contacts[i], r.Contacts[j]
		if a.Designated != b.Designated {
			return a.Designated < b.Designated
		}
		if len(a.Missing) != len(b.Missing) {
			return len(a.Missing) > len(b.Missing)
		}
		return pos[a.State] < pos[b.State]
	})
}

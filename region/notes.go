package region

import (
	"fmt"
	"strings"

	"github.com/ncskit/ncskit/assess"
)

// coverageNotes says where the states are compared on fewer than all of
// them: indicators that not every state assessed, and rounds that were
// migrated from an earlier version of the model.
func (r *Report) coverageNotes(m *assess.Model, inputs []Input) {
	lang := r.Language
	var partial []string
	for _, ind := range m.Indicators() {
		n := 0
		for _, s := range r.States {
			if is := s.res.Indicator(ind.ID); is != nil && is.Status == assess.Assessed {
				n++
			}
		}
		if n < len(r.States) {
			partial = append(partial, fmt.Sprintf("%s (%d/%d)", ind.ID, n, len(r.States)))
		}
	}
	if len(partial) > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf(text(lang, "note.partial"), len(partial), strings.Join(partial, ", ")))
	} else {
		r.Notes = append(r.Notes, text(lang, "note.complete"))
	}
	for _, s := range r.States {
		for _, rd := range s.rounds {
			if len(rd.in.Migrated) > 0 {
				r.Notes = append(r.Notes, fmt.Sprintf(text(lang, "note.migrated"), r.label(s), rd.in.Assessment.Session.Date, len(rd.in.Migrated), m.Version))
			}
		}
	}
	if len(r.Progress) == 0 {
		r.Notes = append(r.Notes, text(lang, "note.noProgress"))
	}
	if len(r.SharedGaps) == 0 {
		r.Notes = append(r.Notes, fmt.Sprintf(text(lang, "note.noShared"), r.MinStates))
	}
}

// anonymise removes what names a state, a person or an institution, and
// evidence text.
func (r *Report) anonymise() {
	r.Classification = ""
	for _, s := range r.States {
		s.Name, s.ISO3166, s.Files = s.Code, "", nil
	}
	for _, g := range r.SharedGaps {
		for i := range g.Affected {
			g.Affected[i].Evidence = ""
		}
	}
	var kept []Provision
	for _, p := range r.Existing {
		if strings.HasPrefix(p.Subject, "other:") {
			continue
		}
		p.Instruments = nil
		kept = append(kept, p)
	}
	r.Existing = kept
	for _, sp := range r.Progress {
		if sp.Plan == nil {
			continue
		}
		sp.Plan.File = ""
		for i := range sp.Plan.Actions {
			sp.Plan.Actions[i].Title = ""
		}
	}
	for _, d := range r.Contacts {
		for i := range d.Contacts {
			c := &d.Contacts[i]
			c.Person, c.Organisation = "", ""
			if c.Deputy != nil {
				c.Deputy = &Deputy{}
			}
		}
	}
}

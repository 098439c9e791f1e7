package questionnaire

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/problem"
)

// factSource is the file, sheet and row a merged fact came from, and its
// table.
type factSource struct {
	file, sheet string
	row         int
	blk         factBlock
}

// cloneFacts copies the lists of f, so that merging never changes the
// assessment merged into.
func cloneFacts(f *assess.Facts) *assess.Facts {
	if f == nil {
		return nil
	}
	c := *f
	c.Instruments = slices.Clone(f.Instruments)
	c.Staff = slices.Clone(f.Staff)
	c.Networks = slices.Clone(f.Networks)
	c.Incidents = slices.Clone(f.Incidents)
	if f.Treaties != nil {
		t := *f.Treaties
		c.Treaties = &t
	}
	return &c
}

// addFacts merges the facts of one questionnaire: a record with the same
// key as one already there replaces it (an instrument by its ID, posts by
// institution, unit and year, a network standing by network, name and
// member, the Budapest status as a whole); any other is added. An
// instrument without an ID gets one made from its name. Nothing is
// removed.
func (mg *merger) addFacts(f *Filled) {
	if f.Facts == nil || f.factCells == nil {
		return
	}
	if mg.facts == nil {
		mg.facts = &assess.Facts{}
	}
	src := func(row int, blk factBlock) factSource { return factSource{f.File, f.factCells.sheet, row, blk} }
	taken := map[string]bool{}
	for _, in := range mg.facts.Instruments {
		taken[in.ID] = true
	}
	for i, in := range f.Facts.Instruments {
		in.Owner = mg.holderID(in.Owner, src(f.factCells.instruments[i], blockInstruments), factColumnOf(blockInstruments, "owner"))
		if in.ID == "" {
			in.ID = unique(newID(in.Name, "i", "instrument"), taken)
		}
		taken[in.ID] = true
		at := slices.IndexFunc(mg.facts.Instruments, func(x assess.Instrument) bool { return x.ID == in.ID })
		at = place(&mg.facts.Instruments, at, in)
		mg.factOrigin[fmt.Sprintf("/facts/instruments/%d", at)] = src(f.factCells.instruments[i], blockInstruments)
	}
	for i, s := range f.Facts.Staff {
		s.Stakeholder = mg.holderID(s.Stakeholder, src(f.factCells.staff[i], blockStaff), factColumnOf(blockStaff, "stakeholder"))
		at := slices.IndexFunc(mg.facts.Staff, func(x assess.Staffing) bool {
			return x.Stakeholder == s.Stakeholder && x.Unit == s.Unit && x.Year == s.Year
		})
		at = place(&mg.facts.Staff, at, s)
		mg.factOrigin[fmt.Sprintf("/facts/staff/%d", at)] = src(f.factCells.staff[i], blockStaff)
	}
	if t := f.Facts.Treaties; t != nil && t.Budapest != nil {
		b := *t.Budapest
		mg.facts.Treaties = &assess.Treaties{Budapest: &b}
		mg.factOrigin["/facts/treaties/budapest"] = src(f.factCells.treaty, blockTreaty)
	}
	for i, n := range f.Facts.Networks {
		n.Stakeholder = mg.holderID(n.Stakeholder, src(f.factCells.networks[i], blockNetworks), factColumnOf(blockNetworks, "stakeholder"))
		at := slices.IndexFunc(mg.facts.Networks, func(x assess.Network) bool {
			return x.Network == n.Network && x.Name == n.Name && x.Stakeholder == n.Stakeholder
		})
		at = place(&mg.facts.Networks, at, n)
		mg.factOrigin[fmt.Sprintf("/facts/networks/%d", at)] = src(f.factCells.networks[i], blockNetworks)
	}
}

// place replaces (*list)[at] with v, or adds v when at is -1, and returns
// where v is.
func place[T any](list *[]T, at int, v T) int {
	if at >= 0 {
		(*list)[at] = v
		return at
	}
	*list = append(*list, v)
	return len(*list) - 1
}

// holderID returns the ID of the stakeholder a respondent named, by ID or
// by name (case, spacing, punctuation and accents aside). A name that
// matches none becomes a new stakeholder with no roles yet, as the
// organisation of a respondent does; its problems are reported at the
// cell where it was named.
func (mg *merger) holderID(s string, src factSource, col int) string {
	if s == "" {
		return ""
	}
	k := key(s)
	for _, h := range mg.stakeholders {
		if strings.EqualFold(h.ID, s) || key(h.Name) == k {
			return h.ID
		}
	}
	taken := map[string]bool{}
	for _, h := range mg.stakeholders {
		taken[h.ID] = true
	}
	id := unique(newID(s, "s", "stakeholder"), taken)
	mg.holderCell[len(mg.stakeholders)] = problem.Problem{File: src.file, At: sheetRef(src.sheet, column(col).cell(src.row))}
	mg.stakeholders = append(mg.stakeholders, assess.Stakeholder{ID: id, Name: s, Roles: []string{}})
	return id
}

// locateFact finds the cell of a problem of a merged fact: the row the
// record came from and the column of the field the pointer names, or
// the row's first cell for a problem of the whole record.
func (mg *merger) locateFact(p problem.Problem) (problem.Problem, bool) {
	parts := strings.Split(strings.TrimPrefix(p.At, "/"), "/")
	if len(parts) < 3 || parts[0] != "facts" {
		return p, false
	}
	prefix, rest := "/"+strings.Join(parts[:3], "/"), parts[3:]
	src, ok := mg.factOrigin[prefix]
	if !ok {
		return p, false
	}
	col := 0
	if len(rest) > 0 {
		if _, err := strconv.Atoi(rest[0]); err != nil {
			if c := factColumnOf(src.blk, rest[0]); c >= 0 {
				col = c
			}
		}
	}
	return problem.Problem{File: src.file, At: sheetRef(src.sheet, column(col).cell(src.row)), Message: p.Message, Hint: p.Hint}, true
}

package assess

import (
	"fmt"
	"slices"
)

// Migrate rewrites assessment a, made with an earlier major version of
// model m, so that it fits m: indicator IDs renamed by m's migrations are
// rewritten, answers to retired indicators are dropped, and the model
// reference is set to m. It returns one note per change, for the session's
// record. Migrations apply in order, so a chain 1 → 2 → 3 works.
func Migrate(m *Model, a *Assessment) ([]string, error) {
	if a.Model.ID != m.ID {
		return nil, fmt.Errorf("the assessment was made with model %q, not %q", a.Model.ID, m.ID)
	}
	var notes []string
	from := major(a.Model.Version)
	for _, mg := range m.Migrations {
		if mg.From != from {
			continue
		}
		notes = append(notes, migrateOnce(a, mg)...)
		from = nextMajor(from)
	}
	if from != major(m.Version) {
		return notes, fmt.Errorf("no migration from version %s of model %s to version %s", a.Model.Version, m.ID, m.Version)
	}
	notes = append(notes, fmt.Sprintf("model version %s → %s", a.Model.Version, m.Version))
	a.Model.Version = m.Version
	return notes, nil
}

// MigratedID says what indicator id of an assessment made with major
// version from of model m becomes once migrated to m: its new ID, or ok
// false when a migration retires it. An ID no migration touches stays as
// it is.
func (m *Model) MigratedID(from, id string) (string, bool) {
	for _, mg := range m.Migrations {
		if mg.From != from {
			continue
		}
		if slices.Contains(mg.Retired, id) {
			return "", false
		}
		if n, ok := mg.Renamed[id]; ok {
			id = n
		}
		from = nextMajor(from)
	}
	return id, true
}

// CanMigrate reports whether m's migrations lead from major version from
// to m's own major version.
func (m *Model) CanMigrate(from string) bool {
	for _, mg := range m.Migrations {
		if mg.From == from {
			from = nextMajor(from)
		}
	}
	return from == major(m.Version)
}

func migrateOnce(a *Assessment, mg Migration) []string {
	var notes []string
	retired := map[string]bool{}
	for _, id := range mg.Retired {
		retired[id] = true
	}
	rename := func(id string) string {
		if n, ok := mg.Renamed[id]; ok {
			return n
		}
		return id
	}
	var kept []Response
	for _, r := range a.Responses {
		if retired[r.Indicator] {
			notes = append(notes, fmt.Sprintf("dropped the answer of %s to retired indicator %s", r.Respondent, r.Indicator))
			continue
		}
		if n := rename(r.Indicator); n != r.Indicator {
			notes = append(notes, fmt.Sprintf("%s is now %s (answer of %s)", r.Indicator, n, r.Respondent))
			r.Indicator = n
		}
		kept = append(kept, r)
	}
	a.Responses = kept
	var agreed []Agreed
	for _, d := range a.Decisions.Agreed {
		if !retired[d.Indicator] {
			d.Indicator = rename(d.Indicator)
			agreed = append(agreed, d)
		}
	}
	a.Decisions.Agreed = agreed
	var ovs []PriorityOverride
	for _, o := range a.Decisions.PriorityOverrides {
		if !retired[o.Indicator] {
			o.Indicator = rename(o.Indicator)
			ovs = append(ovs, o)
		}
	}
	a.Decisions.PriorityOverrides = ovs
	return notes
}

func nextMajor(v string) string {
	var n int
	fmt.Sscanf(v, "%d", &n)
	return fmt.Sprint(n + 1)
}

package load

import (
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/problem"
	"github.com/ncskit/ncskit/schemas"
)

// Migrate reads an assessment, or a session file, made with an earlier
// major version of model m and rewrites its assessment for m with
// assess.Migrate. It returns the migrated assessment, which passes every
// check, and one note per change. The file must have the shape of an
// assessment; only the model's checks are left to after the migration.
// An assessment already made with m's version comes back unchanged, with
// no notes.
func Migrate(name string, data []byte, m *assess.Model) (*assess.Assessment, []string, error) {
	raw, under := data, ""
	if IsSession(data) {
		clean, p := sessionSchemaProblems(data)
		if len(p) > 0 {
			return nil, nil, fail(name, p)
		}
		var f SessionFile
		if err := strict(clean, &f); err != nil {
			return nil, nil, fail(name, problem.List{decodeProblem(err)})
		}
		raw, under = f.Assessment, "/assessment"
	}
	clean, p := schemas.Check(schemas.Assessment, raw)
	if len(p) > 0 {
		return nil, nil, fail(name, p.Under(under))
	}
	var a assess.Assessment
	if err := strict(clean, &a); err != nil {
		return nil, nil, fail(name, problem.List{{At: under, Message: err.Error()}})
	}
	from := majorOf(a.Model.Version)
	if a.Model.ID != m.ID || from == majorOf(m.Version) {
		// Nothing to migrate: the checks say whatever else is wrong.
		if probs := assess.Check(m, &a); len(probs) > 0 {
			return nil, nil, fail(name, probs.Under(under))
		}
		return &a, nil, nil
	}
	orig := a // the lists before migration, to place problems in the file
	notes, err := assess.Migrate(m, &a)
	if err != nil {
		return nil, nil, fail(name, problem.List{{At: under + "/model", Message: err.Error()}})
	}
	if probs := assess.Check(m, &a); len(probs) > 0 {
		return nil, nil, fail(name, placeMigrated(probs, m, from, &orig).Under(under))
	}
	return &a, notes, nil
}

// majorOf returns the major version of a semantic version.
func majorOf(v string) string {
	major, _, _ := strings.Cut(strings.TrimPrefix(v, "v"), ".")
	return major
}

// placeMigrated moves problems found in a migrated assessment back to
// where the items are in the file: migration drops the answers and
// decisions of retired indicators, so later indices shift.
func placeMigrated(probs problem.List, m *assess.Model, from string, orig *assess.Assessment) problem.List {
	kept := func(ids []string) []int {
		var out []int
		for i, id := range ids {
			if _, ok := m.MigratedID(from, id); ok {
				out = append(out, i)
			}
		}
		return out
	}
	lists := map[string][]int{}
	var ids []string
	for _, r := range orig.Responses {
		ids = append(ids, r.Indicator)
	}
	lists["/responses/"] = kept(ids)
	ids = nil
	for _, d := range orig.Decisions.Agreed {
		ids = append(ids, d.Indicator)
	}
	lists["/decisions/agreed/"] = kept(ids)
	ids = nil
	for _, o := range orig.Decisions.PriorityOverrides {
		ids = append(ids, o.Indicator)
	}
	lists["/decisions/priorityOverrides/"] = kept(ids)
	out := make(problem.List, len(probs))
	for k, p := range probs {
		for prefix, idx := range lists {
			rest, ok := strings.CutPrefix(p.At, prefix)
			if !ok {
				continue
			}
			n, tail, _ := strings.Cut(rest, "/")
			if i, err := strconv.Atoi(n); err == nil && i < len(idx) {
				p.At = prefix + strconv.Itoa(idx[i])
				if tail != "" {
					p.At += "/" + tail
				}
			}
		}
		out[k] = p
	}
	return out
}

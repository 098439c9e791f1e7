package load

import (
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
	var notes []string
	if a.Model.Version != m.Version {
		n, err := assess.Migrate(m, &a)
		if err != nil {
			return nil, nil, fail(name, problem.List{{At: under + "/model", Message: err.Error()}})
		}
		notes = n
	}
	if probs := assess.Check(m, &a); len(probs) > 0 {
		return nil, nil, fail(name, probs.Under(under))
	}
	return &a, notes, nil
}

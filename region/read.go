package region

import (
	"errors"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/problem"
)

// ReadInput reads one file of a comparison, an assessment or a workbook
// session file, as the command line and the workbook do: checked against
// model m, or, when it was made with an earlier major version of the
// model, migrated with load.Migrate (Input.Migrated holds the notes).
// The error is that of reading the file as it is, a problem.List naming
// name, when a migration does not cure it.
func ReadInput(name string, data []byte, m *assess.Model) (Input, error) {
	in, err := load.AssessmentOrSession(name, data, m)
	if err == nil {
		return Input{Name: name, Assessment: in.Assessment}, nil
	}
	if !versionProblem(err) {
		return Input{}, err
	}
	a, notes, merr := load.Migrate(name, data, m)
	if merr != nil {
		return Input{}, err
	}
	return Input{Name: name, Assessment: a, Migrated: notes}, nil
}

// versionProblem reports whether err holds a problem with the model
// version of an assessment, which a migration may cure.
func versionProblem(err error) bool {
	var l problem.List
	if !errors.As(err, &l) {
		return false
	}
	for _, p := range l {
		if p.At == "/model/version" || p.At == "/assessment/model/version" {
			return true
		}
	}
	return false
}

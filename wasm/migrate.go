package main

import (
	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/problem"
)

// Migrated is the response of "migrate": the assessment of the file that
// was passed (an assessment or a session file), rewritten for the model
// of this build, with one note per change; or, with a null assessment,
// every problem that stops it, located in the file that was passed. The
// page offers it when a file was made with another version of the model.
type Migrated struct {
	Problems   problem.List       `json:"problems"`
	Assessment *assess.Assessment `json:"assessment"`
	Notes      []string           `json:"notes"`
}

func runMigrate(req []byte) ([]byte, error) {
	a, notes, err := load.Migrate("", req, assess.Default())
	if err != nil {
		return marshal(Migrated{Problems: problem.From(err), Notes: []string{}})
	}
	return marshal(Migrated{Problems: problem.List{}, Assessment: a, Notes: nonNilSlice(notes)})
}

// Package load reads ncskit's input files the way every front end needs
// them: schema validation first, then strict decoding, then the semantic
// checks against the model. Every problem of a stage is reported, each as
// "FILE: /json/pointer: message". The semantic checks run only on a
// document of the right shape: while the schema finds problems, problems
// such as an unknown indicator ID are reported after those are mended.
//
//	a, err := load.Assessment("corallia.json", data, assess.Default())
//	if err != nil {
//		fmt.Fprintln(os.Stderr, err) // one problem per line
//	}
package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/schemas"
)

// Error holds every problem found in one input file.
type Error struct {
	File     string
	Problems assess.ProblemList
}

// Error formats the problems one per line as "FILE: /pointer: message".
func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = e.File + ": " + p.String()
	}
	return strings.Join(lines, "\n")
}

// Problems returns the problems of err when it is an *Error, or err as a
// single problem otherwise.
func Problems(err error) assess.ProblemList {
	var le *Error
	if errors.As(err, &le) {
		return le.Problems
	}
	return assess.ProblemList{{Message: err.Error()}}
}

func fail(name string, errs []schemas.Error) error {
	e := &Error{File: name}
	for _, s := range errs {
		e.Problems = append(e.Problems, assess.Problem{Pointer: s.Pointer, Message: s.Message})
	}
	return e
}

// Assessment validates data as an assessment against the schema and model
// m and decodes it. The error, if any, is an *Error naming the file.
func Assessment(name string, data []byte, m *assess.Model) (*assess.Assessment, error) {
	if errs := schemas.Validate(schemas.Assessment, data); errs != nil {
		return nil, fail(name, errs)
	}
	var a assess.Assessment
	if err := strict(data, &a); err != nil {
		return nil, &Error{File: name, Problems: assess.ProblemList{{Message: err.Error()}}}
	}
	if probs := assess.Check(m, &a); len(probs) > 0 {
		return nil, &Error{File: name, Problems: probs}
	}
	return &a, nil
}

// Model validates data as a complete model (pillars inline) and decodes
// and checks it.
func Model(name string, data []byte) (*assess.Model, error) {
	if errs := schemas.Validate(schemas.Model, data); errs != nil {
		return nil, fail(name, errs)
	}
	m, err := assess.ParseModel(data)
	if err != nil {
		var pl assess.ProblemList
		if errors.As(err, &pl) {
			return nil, &Error{File: name, Problems: pl}
		}
		return nil, &Error{File: name, Problems: assess.ProblemList{{Message: err.Error()}}}
	}
	return m, nil
}

// IsModel reports whether data looks like a model rather than an
// assessment: a JSON object with a "scale" or "pillars" field.
func IsModel(data []byte) bool {
	var probe struct {
		Scale   json.RawMessage `json:"scale"`
		Pillars json.RawMessage `json:"pillars"`
		Include json.RawMessage `json:"include"`
	}
	if json.Unmarshal(data, &probe) != nil {
		return false
	}
	return probe.Scale != nil || probe.Pillars != nil || probe.Include != nil
}

func strict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

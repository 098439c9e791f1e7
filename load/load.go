// Package load reads ncskit's input files the way every front end needs
// them: schema validation first, then strict decoding, then the semantic
// checks against the model. Every problem of a stage is reported, each as
// "FILE: /json/pointer: message", in one problem.List. The semantic checks run only on a
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

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/problem"
	"github.com/ncskit/ncskit/schemas"
	"github.com/ncskit/ncskit/strategy"
)

func fail(name string, l problem.List) error { return l.In(name) }

// Assessment validates data as an assessment against the schema and model
// m and decodes it. The error, if any, is a problem.List whose problems
// name the file.
func Assessment(name string, data []byte, m *assess.Model) (*assess.Assessment, error) {
	clean, errs := schemas.Check(schemas.Assessment, data)
	if errs != nil {
		return nil, fail(name, errs)
	}
	var a assess.Assessment
	if err := strict(clean, &a); err != nil {
		return nil, fail(name, problem.List{{Message: err.Error()}})
	}
	if probs := assess.Check(m, &a); len(probs) > 0 {
		return nil, fail(name, probs)
	}
	return &a, nil
}

// Model validates data as a complete model (pillars inline) and decodes
// and checks it.
func Model(name string, data []byte) (*assess.Model, error) {
	clean, errs := schemas.Check(schemas.Model, data)
	if errs != nil {
		return nil, fail(name, errs)
	}
	m, err := assess.ParseModel(clean)
	if err != nil {
		return nil, fail(name, problem.From(err))
	}
	return m, nil
}

// Template validates data as a strategy template against the schema,
// decodes it and checks its text keys and placeholders.
func Template(name string, data []byte) (*strategy.Template, error) {
	clean, errs := schemas.Check(schemas.Template, data)
	if errs != nil {
		return nil, fail(name, errs)
	}
	t, err := strategy.ParseTemplate(name, clean)
	if err != nil {
		return nil, fail(name, problem.From(err))
	}
	return t, nil
}

// Input is an assessment read from a file that is either a bare
// assessment or a workbook session file.
type Input struct {
	// Kind is "assessment" or "session".
	Kind       string
	Assessment *assess.Assessment
	// Session is the session file, when Kind is "session".
	Session *Session
}

// AssessmentOrSession reads data as a session file when it declares
// itself one ("format": "ncskit-session"), else as an assessment. Every
// command that takes an assessment takes a session file this way.
func AssessmentOrSession(name string, data []byte, m *assess.Model) (*Input, error) {
	if IsSession(data) {
		s, err := ReadSession(name, data, m)
		if err != nil {
			return nil, err
		}
		return &Input{Kind: "session", Assessment: s.Assessment, Session: s}, nil
	}
	a, err := Assessment(name, data, m)
	if err != nil {
		return nil, err
	}
	return &Input{Kind: "assessment", Assessment: a}, nil
}

func strict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// stripBOM drops a UTF-8 byte-order mark, which the schemas accept.
func stripBOM(data []byte) []byte { return bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}) }

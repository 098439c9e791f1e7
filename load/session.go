package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/problem"
	"github.com/ncskit/ncskit/schemas"
)

// The session file is the offline workbook's own file: an assessment,
// exactly as the assessment schema defines it, wrapped with what only the
// workshop needs: an append-only change log and named snapshots. Every
// command that takes an assessment also takes a session file and reads
// the assessment inside it; the format is published as
// schemas/session.schema.json (schemas.Session).
const (
	// SessionFormat is the "format" field of every session file.
	SessionFormat = "ncskit-session"
	// SessionVersion is the session format version this package reads.
	SessionVersion = 1
)

// SessionFile is the wrapper as it is written. Assessments stay raw so
// that each is validated with pointers into the file.
type SessionFile struct {
	Format     string          `json:"format"`
	Version    int             `json:"version"`
	ID         string          `json:"id"`
	Name       string          `json:"name"`
	Created    string          `json:"created"`
	Updated    string          `json:"updated"`
	Template   string          `json:"template,omitempty"`
	Assessment json.RawMessage `json:"assessment"`
	Log        []Change        `json:"log"`
	Snapshots  []Snapshot      `json:"snapshots"`
}

// Change is one entry of the change log: when, what, about which
// indicator and respondent, where in the assessment, the new value and
// the old one. Old is absent in files written before the workbook kept
// it, and when there was no value before the change.
type Change struct {
	Seq        int             `json:"seq"`
	At         string          `json:"at"`
	What       string          `json:"what"`
	Pointer    string          `json:"pointer,omitempty"`
	Indicator  string          `json:"indicator,omitempty"`
	Respondent string          `json:"respondent,omitempty"`
	Value      json.RawMessage `json:"value,omitempty"`
	Old        json.RawMessage `json:"old,omitempty"`
	Note       string          `json:"note,omitempty"`
}

// Snapshot is a named copy of the assessment, taken after change Seq.
type Snapshot struct {
	Name       string          `json:"name"`
	At         string          `json:"at"`
	Seq        int             `json:"seq"`
	Assessment json.RawMessage `json:"assessment"`
}

// Session is a session file that passed every check: the file as
// written and its decoded assessment.
type Session struct {
	File       SessionFile
	Assessment *assess.Assessment
}

// mentionsSession reports whether data may be a session file rather than
// a bare assessment: only then is it decoded as one. A session file has
// "format": "ncskit-session"; looking for the string is cheap, and the
// workbook checks every answer this way.
func mentionsSession(data []byte) bool {
	return bytes.Contains(data, []byte(`"`+SessionFormat+`"`))
}

// IsSession reports whether data is a JSON object whose "format" is
// "ncskit-session". Invalid JSON is not a session: the assessment checks
// then say where it breaks.
func IsSession(data []byte) bool {
	if !mentionsSession(data) {
		return false
	}
	var p struct {
		Format any `json:"format"`
	}
	return json.Unmarshal(stripBOM(data), &p) == nil && p.Format == SessionFormat
}

// ReadSession checks a session file: the whole file against the
// published session schema (schemas.Session, which includes the
// assessment schema for the assessment and every snapshot), the rules a
// schema cannot state, and then, once the file has the right shape, the
// model's checks of the assessment and of every snapshot. The error, if
// any, is a problem.List with every problem, located in the session file
// and naming it.
func ReadSession(name string, data []byte, m *assess.Model) (*Session, error) {
	s, p := readSession(data, m)
	if len(p) > 0 {
		return nil, p.In(name)
	}
	return s, nil
}

func readSession(data []byte, m *assess.Model) (*Session, problem.List) {
	data, p := sessionSchemaProblems(data)
	if data == nil {
		return nil, p
	}
	p = append(p, sessionRules(data)...)
	p.Sort()
	if len(p) > 0 {
		return nil, p
	}
	// The shape is right: decode strictly and run the model's checks, as
	// Assessment does after the schema.
	var f SessionFile
	if err := strict(data, &f); err != nil {
		return nil, problem.List{decodeProblem(err)}
	}
	a, probs := checkAssessment(f.Assessment, m)
	p = append(p, probs.Under("/assessment")...)
	for i, s := range f.Snapshots {
		_, probs := checkAssessment(s.Assessment, m)
		p = append(p, probs.Under(problem.Pointer("snapshots", i, "assessment"))...)
	}
	if len(p) > 0 {
		return nil, p
	}
	return &Session{File: f, Assessment: a}, nil
}

// sessionSchemaProblems validates data against the session schema and
// returns the data as decoded for validation (nil when it could not be
// parsed at all). The validator's words for a wrong version and a badly
// written time are replaced by ones that say what to do.
func sessionSchemaProblems(data []byte) ([]byte, problem.List) {
	clean, p := schemas.Check(schemas.Session, data)
	var head struct {
		Version any `json:"version"`
	}
	if clean != nil {
		json.Unmarshal(clean, &head)
	}
	for i, pr := range p {
		switch {
		case pr.At == "/version" && strings.HasSuffix(pr.Message, "which is not the allowed value"):
			p[i].Message = fmt.Sprintf("session format version %v is not supported (this version of ncskit reads %d)", head.Version, SessionVersion)
		case strings.HasSuffix(pr.Message, ` is not valid "date-time"`):
			p[i].Message = "expected a time such as 2026-10-14T09:30:00Z, got " + strings.TrimSuffix(pr.Message, ` is not valid "date-time"`)
		}
	}
	return clean, p
}

// sessionRules checks what the schema cannot say: an ID and a name that
// are not only spaces, the append-only numbering of the log, and
// snapshots with distinct names, each taken after a change of the log.
// They run with the schema's checks, on whatever has the expected shape,
// and read the fields by their exact names (encoding/json would also
// take "Log" for "log").
func sessionRules(data []byte) problem.List {
	var p problem.List
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return nil
	}
	if id, ok := text(top["id"]); ok && id != "" && strings.TrimSpace(id) == "" {
		p.Add("/id", "a session needs an id")
	}
	if name, ok := text(top["name"]); ok && name != "" && strings.TrimSpace(name) == "" {
		p.Add("/name", "a session needs a name")
	}
	log, logOK := objects(top["log"])
	for i, c := range log {
		// A seq that is missing or below 1 is the schema's to report.
		if seq, ok := number(c["seq"]); ok && seq >= 1 && seq != i+1 {
			p.Add(problem.Pointer("log", i, "seq"), "the change log is append-only: entry %d must have seq %d, not %d", i, i+1, seq)
		}
	}
	names := map[string]bool{}
	snapshots, _ := objects(top["snapshots"])
	for i, s := range snapshots {
		if name, ok := text(s["name"]); ok && name != "" {
			if names[name] {
				p.Add(problem.Pointer("snapshots", i, "name"), "duplicate snapshot name %q", name)
			}
			names[name] = true
		}
		if seq, ok := number(s["seq"]); ok && logOK && seq > len(log) {
			p.Add(problem.Pointer("snapshots", i, "seq"), "snapshot after change %d, but the log has %d changes", seq, len(log))
		}
	}
	return p
}

// objects reads a list of objects; ok is false when raw is something
// else.
func objects(raw json.RawMessage) (list []map[string]json.RawMessage, ok bool) {
	return list, json.Unmarshal(raw, &list) == nil
}

func text(raw json.RawMessage) (string, bool) {
	var s string
	return s, raw != nil && json.Unmarshal(raw, &s) == nil
}

// number reads a whole number; the document's integral numbers are
// written as integers (see schemas.Check).
func number(raw json.RawMessage) (int, bool) {
	n, err := strconv.Atoi(string(raw))
	return n, err == nil
}

// checkAssessment decodes an assessment that passed the schema and runs
// the model's checks.
func checkAssessment(data json.RawMessage, m *assess.Model) (*assess.Assessment, problem.List) {
	var a assess.Assessment
	if err := strict(data, &a); err != nil {
		return nil, problem.List{{Message: err.Error()}}
	}
	if probs := assess.Check(m, &a); len(probs) > 0 {
		return nil, probs
	}
	return &a, nil
}

// decodeProblem locates a strict-decoding error of the wrapper as well as
// encoding/json allows: the field path, without array indices.
func decodeProblem(err error) problem.Problem {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return problem.Problem{
			At:      "/" + strings.ReplaceAll(te.Field, ".", "/"),
			Message: fmt.Sprintf("expected %s, got %s", jsonType(te.Type.Kind().String()), te.Value),
		}
	}
	return problem.Problem{Message: "not a session file: " + strings.TrimPrefix(err.Error(), "json: ")}
}

func jsonType(kind string) string {
	switch {
	case strings.HasPrefix(kind, "int"), strings.HasPrefix(kind, "uint"), strings.HasPrefix(kind, "float"):
		return "a number"
	case kind == "string":
		return "a string"
	case kind == "slice":
		return "an array"
	case kind == "struct", kind == "map":
		return "an object"
	}
	return kind
}

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/schemas"
)

// The session file is the workbook's own file: an assessment, exactly as
// the assessment schema defines it, wrapped with what only the workshop
// needs: an append-only change log and named snapshots. The CLI and the
// library read the assessment inside it ("jq .assessment"); the format is
// published as schemas/session.schema.json (schemas.Session).
const (
	sessionFormat  = "ncskit-session"
	sessionVersion = 1
)

// sessionFile is the wrapper. Assessments stay raw so that each is
// validated by package load with pointers into the file.
type sessionFile struct {
	Format     string          `json:"format"`
	Version    int             `json:"version"`
	ID         string          `json:"id"`
	Name       string          `json:"name"`
	Created    string          `json:"created"`
	Updated    string          `json:"updated"`
	Template   string          `json:"template,omitempty"`
	Assessment json.RawMessage `json:"assessment"`
	Log        []change        `json:"log"`
	Snapshots  []snapshot      `json:"snapshots"`
}

// change is one entry of the change log: when, what, about which
// indicator and respondent, and where in the assessment.
type change struct {
	Seq        int             `json:"seq"`
	At         string          `json:"at"`
	What       string          `json:"what"`
	Pointer    string          `json:"pointer,omitempty"`
	Indicator  string          `json:"indicator,omitempty"`
	Respondent string          `json:"respondent,omitempty"`
	Value      json.RawMessage `json:"value,omitempty"`
	Note       string          `json:"note,omitempty"`
}

// snapshot is a named copy of the assessment, taken after change Seq.
type snapshot struct {
	Name       string          `json:"name"`
	At         string          `json:"at"`
	Seq        int             `json:"seq"`
	Assessment json.RawMessage `json:"assessment"`
}

// session is a session file that passed every check.
type session struct {
	file       sessionFile
	assessment *assess.Assessment
}

// mentionsSession reports whether data may be a session file rather than
// a bare assessment: only then is it decoded as one. A session file has
// "format": "ncskit-session"; looking for the string is cheap, and the
// bridge checks every answer this way.
func mentionsSession(data []byte) bool {
	return bytes.Contains(data, []byte(`"`+sessionFormat+`"`))
}

// isSession reports whether data is a JSON object whose "format" is
// "ncskit-session". Invalid JSON is not a session: the assessment checks
// then say where it breaks.
func isSession(data []byte) bool {
	var p struct {
		Format any `json:"format"`
	}
	return json.Unmarshal(data, &p) == nil && p.Format == sessionFormat
}

// readSession checks a session file: the whole file against the
// published session schema (schemas.Session, which includes the
// assessment schema for the assessment and every snapshot), the rules a
// schema cannot state, and then, once the file has the right shape, the
// model's checks of the assessment and of every snapshot. Every problem is
// reported, with pointers into the session file.
func readSession(data []byte, m *assess.Model) (*session, assess.ProblemList) {
	p := sessionSchemaProblems(data)
	var f sessionFile
	if err := json.Unmarshal(data, &f); err != nil {
		if len(p) == 0 {
			p = append(p, decodeProblem(err))
		}
		return nil, p
	}
	p = append(p, sessionRules(&f)...)
	sortProblems(p)
	if len(p) > 0 {
		return nil, p
	}
	// The shape is right: decode strictly and run the model's checks, as
	// package load does after the schema.
	if err := strictDecode(data, &f); err != nil {
		return nil, assess.ProblemList{decodeProblem(err)}
	}
	a, probs := checkAssessment("/assessment", f.Assessment, m)
	p = append(p, probs...)
	for i, s := range f.Snapshots {
		_, probs := checkAssessment("/snapshots/"+strconv.Itoa(i)+"/assessment", s.Assessment, m)
		p = append(p, probs...)
	}
	if len(p) > 0 {
		return nil, p
	}
	return &session{file: f, assessment: a}, nil
}

// sessionSchemaProblems validates data against the session schema. The
// validator's words for a wrong version and a badly written time are
// replaced by ones that say what to do.
func sessionSchemaProblems(data []byte) assess.ProblemList {
	p := schemaProblems(schemas.Validate(schemas.Session, data))
	var head struct {
		Version any `json:"version"`
	}
	json.Unmarshal(data, &head)
	for i, pr := range p {
		switch {
		case pr.Pointer == "/version" && strings.HasSuffix(pr.Message, "which is not the allowed value"):
			p[i].Message = fmt.Sprintf("session format version %v is not supported (this workbook reads %d)", head.Version, sessionVersion)
		case strings.HasSuffix(pr.Message, ` is not valid "date-time"`):
			p[i].Message = "expected a time such as 2026-10-14T09:30:00Z, got " + strings.TrimSuffix(pr.Message, ` is not valid "date-time"`)
		}
	}
	return p
}

// sessionRules checks what the schema cannot say: an ID and a name that
// are not only spaces, the append-only numbering of the log, and
// snapshots with distinct names, each taken after a change of the log.
func sessionRules(f *sessionFile) assess.ProblemList {
	var p assess.ProblemList
	add := func(pointer, format string, args ...any) {
		p = append(p, assess.Problem{Pointer: pointer, Message: fmt.Sprintf(format, args...)})
	}
	if f.ID != "" && strings.TrimSpace(f.ID) == "" {
		add("/id", "a session needs an id")
	}
	if f.Name != "" && strings.TrimSpace(f.Name) == "" {
		add("/name", "a session needs a name")
	}
	for i, c := range f.Log {
		if c.Seq != i+1 {
			add("/log/"+strconv.Itoa(i)+"/seq", "the change log is append-only: entry %d must have seq %d, not %d", i, i+1, c.Seq)
		}
	}
	names := map[string]bool{}
	for i, s := range f.Snapshots {
		at := "/snapshots/" + strconv.Itoa(i)
		if s.Name != "" && names[s.Name] {
			add(at+"/name", "duplicate snapshot name %q", s.Name)
		}
		names[s.Name] = true
		if s.Seq > len(f.Log) {
			add(at+"/seq", "snapshot after change %d, but the log has %d changes", s.Seq, len(f.Log))
		}
	}
	return p
}

// checkAssessment decodes an assessment that passed the schema and runs
// the model's checks, with pointers under at.
func checkAssessment(at string, data json.RawMessage, m *assess.Model) (*assess.Assessment, assess.ProblemList) {
	var a assess.Assessment
	if err := strictDecode(data, &a); err != nil {
		return nil, assess.ProblemList{{Pointer: at, Message: err.Error()}}
	}
	if probs := assess.Check(m, &a); len(probs) > 0 {
		return nil, prefix(at, probs)
	}
	return &a, nil
}

func strictDecode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// sortProblems orders problems by pointer, array indices as numbers, so
// that the schema's problems and the rules' read in document order.
func sortProblems(p assess.ProblemList) {
	slices.SortStableFunc(p, func(a, b assess.Problem) int { return comparePointers(a.Pointer, b.Pointer) })
}

func comparePointers(a, b string) int {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(as) && i < len(bs); i++ {
		if as[i] == bs[i] {
			continue
		}
		x, errx := strconv.Atoi(as[i])
		y, erry := strconv.Atoi(bs[i])
		if errx == nil && erry == nil {
			return x - y
		}
		return strings.Compare(as[i], bs[i])
	}
	return len(as) - len(bs)
}

// prefix moves problems found in an embedded document under pointer at.
func prefix(at string, probs assess.ProblemList) assess.ProblemList {
	out := make(assess.ProblemList, len(probs))
	for i, pr := range probs {
		out[i] = assess.Problem{Pointer: at + pr.Pointer, Message: pr.Message}
	}
	return out
}

// decodeProblem locates a strict-decoding error of the wrapper as well as
// encoding/json allows: the field path, without array indices.
func decodeProblem(err error) assess.Problem {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return assess.Problem{
			Pointer: "/" + strings.ReplaceAll(te.Field, ".", "/"),
			Message: fmt.Sprintf("expected %s, got %s", jsonType(te.Type.Kind().String()), te.Value),
		}
	}
	return assess.Problem{Message: "not a session file: " + strings.TrimPrefix(err.Error(), "json: ")}
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

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
)

// The session file is the workbook's own file: an assessment, exactly as
// the assessment schema defines it, wrapped with what only the workshop
// needs: an append-only change log and named snapshots. The CLI and the
// library read the assessment inside it ("jq .assessment"); the wrapper's
// shape is proposed in session.schema.json.
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

// readSession checks a session file: the wrapper strictly, then the
// assessment and every snapshot with package load. Pointers are into the
// session file.
func readSession(data []byte, m *assess.Model) (*session, assess.ProblemList) {
	var f sessionFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, assess.ProblemList{decodeProblem(err)}
	}
	var p assess.ProblemList
	add := func(pointer, format string, args ...any) {
		p = append(p, assess.Problem{Pointer: pointer, Message: fmt.Sprintf(format, args...)})
	}
	if f.Version != sessionVersion {
		add("/version", "session format version %d is not supported (this workbook reads %d)", f.Version, sessionVersion)
	}
	if strings.TrimSpace(f.ID) == "" {
		add("/id", "a session needs an id")
	}
	if strings.TrimSpace(f.Name) == "" {
		add("/name", "a session needs a name")
	}
	checkTime(add, "/created", f.Created)
	checkTime(add, "/updated", f.Updated)
	if f.Template != "" && f.Template != "small-island-state" && f.Template != "national" {
		add("/template", "unknown template %q (known: \"small-island-state\", \"national\")", f.Template)
	}
	for i, c := range f.Log {
		at := "/log/" + strconv.Itoa(i)
		if c.Seq != i+1 {
			add(at+"/seq", "the change log is append-only: entry %d must have seq %d, not %d", i, i+1, c.Seq)
		}
		checkTime(add, at+"/at", c.At)
		if strings.TrimSpace(c.What) == "" {
			add(at+"/what", "a change needs a kind (what)")
		}
	}
	names := map[string]bool{}
	for i, s := range f.Snapshots {
		at := "/snapshots/" + strconv.Itoa(i)
		if strings.TrimSpace(s.Name) == "" {
			add(at+"/name", "a snapshot needs a name")
		} else if names[s.Name] {
			add(at+"/name", "duplicate snapshot name %q", s.Name)
		}
		names[s.Name] = true
		checkTime(add, at+"/at", s.At)
		if s.Seq < 0 || s.Seq > len(f.Log) {
			add(at+"/seq", "snapshot after change %d, but the log has %d changes", s.Seq, len(f.Log))
		}
		p = append(p, assessmentProblems(at+"/assessment", s.Assessment, m)...)
	}
	if f.Assessment == nil {
		add("", "missing required field \"assessment\"")
		return nil, p
	}
	a, err := load.Assessment("", f.Assessment, m)
	if err != nil {
		p = append(p, prefix("/assessment", load.Problems(err))...)
	}
	if len(p) > 0 {
		return nil, p
	}
	return &session{file: f, assessment: a}, nil
}

func assessmentProblems(at string, data json.RawMessage, m *assess.Model) assess.ProblemList {
	if data == nil {
		return assess.ProblemList{{Pointer: at, Message: "missing assessment"}}
	}
	if _, err := load.Assessment("", data, m); err != nil {
		return prefix(at, load.Problems(err))
	}
	return nil
}

// prefix moves problems found in an embedded document under pointer at.
func prefix(at string, probs assess.ProblemList) assess.ProblemList {
	out := make(assess.ProblemList, len(probs))
	for i, pr := range probs {
		out[i] = assess.Problem{Pointer: at + pr.Pointer, Message: pr.Message}
	}
	return out
}

func checkTime(add func(string, string, ...any), pointer, v string) {
	if _, err := time.Parse(time.RFC3339, v); err != nil {
		add(pointer, "expected a time such as 2026-10-14T09:30:00Z, got %q", v)
	}
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

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/problem"
	"github.com/ncskit/ncskit/render/markdown"
	"github.com/ncskit/ncskit/schemas"
	"github.com/ncskit/ncskit/strategy"
	"github.com/ncskit/ncskit/wasm/catalog"
)

func readExample(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func call(t testing.TB, name string, req []byte, v any) {
	t.Helper()
	out, err := handle(name, req)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatalf("%s: response is not JSON: %v\n%s", name, err, out)
	}
}

// wrap builds a session file around an assessment, with a two-entry log
// and one snapshot; edit may change the wrapper before it is encoded.
func wrap(t testing.TB, assessment []byte, edit func(map[string]any)) []byte {
	t.Helper()
	s := map[string]any{
		"format": "ncskit-session", "version": 1,
		"id": "s-1", "name": "Corallia day 1",
		"created": "2026-10-14T09:00:00Z", "updated": "2026-10-14T17:30:00+01:00",
		"template":   "small-island-state",
		"assessment": json.RawMessage(assessment),
		"log": []any{
			map[string]any{"seq": 1, "at": "2026-10-14T09:00:00Z", "what": "session", "note": "created"},
			map[string]any{"seq": 2, "at": "2026-10-14T09:05:00Z", "what": "response", "pointer": "/responses/0/level",
				"indicator": "GOV.STR.1", "respondent": "r-gov-1", "value": 2},
		},
		"snapshots": []any{
			map[string]any{"name": "end of day 1", "at": "2026-10-14T17:30:00Z", "seq": 2, "assessment": json.RawMessage(assessment)},
		},
	}
	if edit != nil {
		edit(s)
	}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// replaceFirst edits the first match in an example file.
func replaceFirst(t testing.TB, data []byte, old, new string) []byte {
	t.Helper()
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%q not found", old)
	}
	return bytes.Replace(data, []byte(old), []byte(new), 1)
}

// TestFunctions: every function of the protocol has its run function.
func TestFunctions(t *testing.T) {
	if len(functions) != len(catalog.Functions) {
		t.Fatalf("%d functions, want %d", len(functions), len(catalog.Functions))
	}
	for _, f := range functions {
		if f.run == nil {
			t.Errorf("%s has no run function", f.name)
		}
	}
}

func TestInfo(t *testing.T) {
	var in catalog.Info
	call(t, "info", []byte("{}"), &in)
	if want := []string{"info", "model", "validate", "score", "rescore", "live", "preview", "draft", "questionnaire", "import", "migrate", "region", "regionReport", "progress", "vocab"}; !slices.Equal(in.Functions, want) {
		t.Errorf("functions = %q, want %q", in.Functions, want)
	}
	if want := []string{"draft", "questionnaire", "regionReport", "progress"}; !slices.Equal(in.Binary, want) {
		t.Errorf("binary = %q, want %q", in.Binary, want)
	}
	m := assess.Default()
	if in.Model.ID != m.ID || in.Model.Version != m.Version || in.SchemaVersion != assess.SchemaVersion {
		t.Errorf("info = %+v", in)
	}
	if in.Session != (catalog.SessionFormat{Format: "ncskit-session", Version: 1, MaxSize: 64 << 20}) {
		t.Errorf("session format = %+v", in.Session)
	}
	if want := (catalog.Limits{Text: 8000, Name: 200, Classification: 80, Stakeholders: 500, Respondents: 500, Responses: 50000, Decisions: 1000, Instruments: 500, FactRecords: 1000}); in.Limits != want {
		t.Errorf("limits = %+v, want %+v", in.Limits, want)
	}
	// The page builds its fact selects from these lists only.
	f := in.Facts
	if !slices.Equal(f.InstrumentKinds, assess.InstrumentKinds) || !slices.Equal(f.InstrumentStatuses, assess.InstrumentStatuses) ||
		!slices.Equal(f.TreatyStatuses, assess.TreatyStatuses) || !slices.Equal(f.Networks, assess.Networks) ||
		!slices.Equal(f.NetworkStatuses, assess.NetworkStatuses) || len(f.KindStatuses) != len(assess.KindStatuses) {
		t.Errorf("fact lists = %+v", f)
	}
	for kind, want := range assess.KindStatuses {
		if !slices.Equal(f.KindStatuses[kind], want) {
			t.Errorf("statuses of %s = %q, want %q", kind, f.KindStatuses[kind], want)
		}
	}
}

func TestModel(t *testing.T) {
	for _, req := range []string{"", "{}", `{"lang":"es"}`, `{"lang":"pt-BR","format":"json"}`} {
		out, err := handle("model", []byte(req))
		if err != nil {
			t.Fatalf("%s: %v", req, err)
		}
		m, err := assess.ParseModel(out)
		if err != nil {
			t.Fatalf("%s: the model does not parse back: %v", req, err)
		}
		if len(m.Indicators()) != len(assess.Default().Indicators()) {
			t.Errorf("%s: %d indicators", req, len(m.Indicators()))
		}
	}
}

// TestModelMarkdown: the Markdown reference is what "ncskit model
// --format md" prints, as a JSON string.
func TestModelMarkdown(t *testing.T) {
	var got string
	call(t, "model", []byte(`{"format":"md","lang":"en"}`), &got)
	var want bytes.Buffer
	if err := markdown.EncodeModel(&want, assess.Default(), "en"); err != nil {
		t.Fatal(err)
	}
	if got != want.String() {
		t.Errorf("the Markdown model differs from markdown.EncodeModel (%d and %d bytes)", len(got), want.Len())
	}
}

// TestMigrate: a file of this model's version comes back unchanged with
// no notes; one with no migration path gives a located problem.
func TestMigrate(t *testing.T) {
	data := readExample(t, "small-island.json")
	var m Migrated
	call(t, "migrate", data, &m)
	if len(m.Problems) != 0 || m.Assessment == nil || len(m.Notes) != 0 || m.Assessment.Model.Version != assess.Default().Version {
		t.Errorf("migrate of a current file: %+v", m)
	}
	old := bytes.Replace(data, []byte(`"version": "1.1.0"`), []byte(`"version": "0.3.0"`), 1)
	m = Migrated{}
	call(t, "migrate", old, &m)
	if m.Assessment != nil || len(m.Problems) != 1 || m.Problems[0].String() != "/model: no migration from version 0.3.0 of model ncskit-cicte to version 1.1.0" {
		t.Errorf("migrate of an old file: %+v", m)
	}
}

func TestRequestErrors(t *testing.T) {
	for _, tc := range []struct{ name, req, want string }{
		{"nope", "{}", `ncskit has no function "nope"`},
		{"model", `{"lang":"Spanish"}`, `model: lang "Spanish" is not a language code such as en, es or pt-BR`},
		{"model", `{"format":"pdf"}`, `model: format "pdf" is not offered; use json or md`},
		{"model", `{"language":"es"}`, `model: the request is not the expected JSON: json: unknown field "language"`},
		{"info", `[]`, `info: the request is not the expected JSON: json: cannot unmarshal array into Go value of type struct {}`},
	} {
		_, err := handle(tc.name, []byte(tc.req))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s(%s): error %v, want %s", tc.name, tc.req, err, tc.want)
		}
	}
}

// TestPanic proves that a panic in a function comes back as an error
// with a readable message, and that the bridge goes on working.
func TestPanic(t *testing.T) {
	saved := functions
	t.Cleanup(func() { functions = saved })
	functions = append(slices.Clone(functions), function{name: "boom", run: func([]byte) ([]byte, error) {
		var m map[string]int
		m["x"] = 1 // assignment to a nil map
		return nil, nil
	}})
	_, err := handle("boom", nil)
	if err == nil {
		t.Fatal("no error")
	}
	const want = "internal error in ncskit.boom: assignment to entry in nil map at "
	if !strings.HasPrefix(err.Error(), want) || !strings.HasSuffix(err.Error(), "; the session is safe: save the session file and report this message") {
		t.Errorf("error = %q", err)
	}
	if !strings.Contains(err.Error(), "TestPanic") {
		t.Errorf("the message does not say where: %q", err)
	}
	var in catalog.Info
	call(t, "info", nil, &in)
}

func TestValidate(t *testing.T) {
	good := readExample(t, "small-island.json")
	for _, tc := range []struct {
		name string
		data []byte
		kind string
		want []string // "pointer: message"; none when valid
	}{
		{"example", good, "assessment", nil},
		{"larger state", readExample(t, "larger-state.json"), "assessment", nil},
		{"session", wrap(t, good, nil), "session", nil},
		{"level too high", replaceFirst(t, good, `"level": 2,`, `"level": 7,`), "assessment",
			[]string{"/responses/0/level: 7 is above the highest level (5)"}},
		{"truncated", good[:len(good)/2], "assessment", nil},
		{"empty", nil, "assessment", []string{"the file is empty; expected a JSON object"}},
		{"session with a bad response", wrap(t, replaceFirst(t, good, `"level": 2,`, `"level": 7,`), func(s map[string]any) {
			s["snapshots"] = []any{}
		}), "session", []string{"/assessment/responses/0/level: 7 is above the highest level (5)"}},
		{"session log out of order", wrap(t, good, func(s map[string]any) {
			s["log"].([]any)[1].(map[string]any)["seq"] = 5
			s["log"].([]any)[0].(map[string]any)["at"] = "yesterday"
		}), "session", []string{
			`/log/0/at: expected a time such as 2026-10-14T09:30:00Z, got "yesterday"`,
			"/log/1/seq: the change log is append-only: entry 1 must have seq 2, not 5",
		}},
		{"session snapshot", wrap(t, good, func(s map[string]any) {
			snap := s["snapshots"].([]any)[0].(map[string]any)
			snap["seq"] = 9
			snap["assessment"] = json.RawMessage(`{"schemaVersion": 1}`)
			s["snapshots"] = append(s["snapshots"].([]any), map[string]any{
				"name": "end of day 1", "at": "2026-10-14T17:30:00Z", "seq": 1, "assessment": json.RawMessage(good)})
		}), "session", []string{
			"/snapshots/0/assessment: missing required fields \"model\", \"profile\", \"session\", \"stakeholders\", \"respondents\", \"responses\"",
			"/snapshots/0/seq: snapshot after change 9, but the log has 2 changes",
			`/snapshots/1/name: duplicate snapshot name "end of day 1"`,
		}},
		{"session wrapper", wrap(t, good, func(s map[string]any) {
			s["version"] = 2
			s["name"] = " "
			s["template"] = "island"
		}), "session", []string{
			"/name: a session needs a name",
			`/template: expected one of "small-island-state", "national", got "island"`,
			"/version: session format version 2 is not supported (this version of ncskit reads 1)",
		}},
		{"session unknown field", wrap(t, good, func(s map[string]any) { s["extra"] = true }), "session",
			[]string{`unknown field "extra"`}},
		{"session wrong type", wrap(t, good, func(s map[string]any) { s["log"] = "none" }), "session",
			[]string{`/log: expected a list, got "none"`}},
		{"session missing fields", []byte(`{"format": "ncskit-session", "version": 1, "id": "x"}`), "session",
			[]string{`missing required fields "name", "created", "updated", "assessment", "log", "snapshots"`}},
		{"session not an object", []byte(`["ncskit-session"]`), "assessment",
			[]string{`expected an object, got a list`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v Validation
			call(t, "validate", tc.data, &v)
			var got []string
			for _, p := range v.Problems {
				got = append(got, p.String())
			}
			if tc.name == "truncated" {
				// The problem is at the end of the truncated file, wherever
				// the example's middle falls.
				line := bytes.Count(tc.data, []byte("\n")) + 1
				col := len([]rune(string(tc.data[bytes.LastIndexByte(tc.data, '\n')+1:]))) + 1
				if want := fmt.Sprintf("line %d, column %d: invalid JSON: ", line, col); v.Valid || len(got) != 1 || !strings.HasPrefix(got[0], want) {
					t.Errorf("problems = %q, want one starting %q", got, want)
				}
				return
			}
			if v.Kind != tc.kind || v.Valid != (len(tc.want) == 0) || !slices.Equal(got, tc.want) {
				t.Errorf("kind %q valid %v problems:\n%s\nwant kind %q:\n%s", v.Kind, v.Valid,
					strings.Join(got, "\n"), tc.kind, strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestScore checks that the bridge returns the library's Result for an
// assessment and for the same assessment inside a session file.
func TestScore(t *testing.T) {
	data := readExample(t, "small-island.json")
	a, err := load.Assessment("small-island.json", data, assess.Default())
	if err != nil {
		t.Fatal(err)
	}
	res, err := assess.Score(assess.Default(), a)
	if err != nil {
		t.Fatal(err)
	}
	// The plan's warnings come after the scoring ones, as in "ncskit
	// score": the example's deadline cannot be met.
	plan, err := strategy.Warnings(assess.Default(), a, res, nil)
	if err != nil || len(plan) == 0 || plan[0].Code != strategy.WarnDeadline || plan[0].Pointer != "/decisions/priorityOverrides/0/deadline" {
		t.Fatalf("plan warnings %v, %v; want the example's missed deadline first", plan, err)
	}
	res.Warnings = append(res.Warnings, plan...)
	want, _ := marshal(res)
	for _, req := range [][]byte{data, wrap(t, data, nil)} {
		out, err := handle("score", req)
		if err != nil {
			t.Fatal(err)
		}
		var s struct {
			Kind     string
			Problems problem.List
			Result   json.RawMessage
		}
		if err := json.Unmarshal(out, &s); err != nil {
			t.Fatal(err)
		}
		if len(s.Problems) != 0 || !bytes.Equal(s.Result, want) {
			t.Errorf("%s: problems %v, result differs from assess.Score", s.Kind, s.Problems)
		}
	}
	var s Scored
	call(t, "score", replaceFirst(t, data, `"r-gov-1"`, `"r-gov-9"`), &s)
	if s.Result != nil || len(s.Problems) == 0 || s.Problems[0].String() != `/respondents/0/id: duplicate respondent "r-gov-9"` && !strings.Contains(s.Problems[0].Message, `unknown respondent "r-gov-1"`) {
		t.Errorf("problems = %v", s.Problems)
	}
}

// TestRescore checks that the live path gives the same result as score,
// refuses what the model refuses, and locates what does not decode.
func TestRescore(t *testing.T) {
	data := readExample(t, "small-island.json")
	full, err := handle("score", data)
	if err != nil {
		t.Fatal(err)
	}
	live, err := handle("rescore", data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(full, live) {
		t.Error("rescore and score differ on a valid assessment")
	}
	for _, tc := range []struct{ name, old, new, want string }{
		{"level above the scale", `"level": 2,`, `"level": 7,`, "/responses/0/level: 7 is above the highest level (5)"},
		{"unknown indicator", `"indicator": "GOV.STR.1"`, `"indicator": "gov.str.1"`, `/responses/0/indicator: unknown indicator "gov.str.1"; did you mean "GOV.STR.1"?`},
		{"wrong type", `"level": 2,`, `"level": "two",`, `/responses/0/level: expected a whole-number level, "n/a" or "unknown", got "two"`},
		{"unknown field", `"level": 2,`, `"level": 2, "colour": "red",`, `/responses/0: unknown field "colour"`},
	} {
		var s Scored
		call(t, "rescore", replaceFirst(t, data, tc.old, tc.new), &s)
		if s.Result != nil || len(s.Problems) == 0 || s.Problems[0].String() != tc.want {
			t.Errorf("%s: problems %v, want %s", tc.name, s.Problems, tc.want)
		}
	}
}

func BenchmarkRescore(b *testing.B) {
	data := readExample(b, "small-island.json")
	for b.Loop() {
		if _, err := handle("rescore", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScore(b *testing.B) {
	data := readExample(b, "small-island.json")
	for b.Loop() {
		if _, err := handle("score", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidateSession(b *testing.B) {
	data := wrap(b, readExample(b, "small-island.json"), nil)
	for b.Loop() {
		if _, err := handle("validate", data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSessionSchema checks that the published session schema
// (schemas.Session) and the bridge agree on the session files they accept
// and refuse, and that the schema's templates are the embedded ones.
func TestSessionSchema(t *testing.T) {
	good := readExample(t, "small-island.json")
	for _, tc := range []struct {
		name  string
		data  []byte
		valid bool
	}{
		{"session", wrap(t, good, nil), true},
		{"no template", wrap(t, good, func(s map[string]any) { delete(s, "template") }), true},
		{"empty log", wrap(t, good, func(s map[string]any) { s["log"] = []any{}; s["snapshots"] = []any{} }), true},
		{"bad assessment", wrap(t, replaceFirst(t, good, `"level": 2,`, `"level": "two",`), nil), false},
		{"bad snapshot", wrap(t, good, func(s map[string]any) {
			s["snapshots"].([]any)[0].(map[string]any)["assessment"] = json.RawMessage(`{}`)
		}), false},
		{"unknown field", wrap(t, good, func(s map[string]any) { s["extra"] = 1 }), false},
		{"unknown log field", wrap(t, good, func(s map[string]any) { s["log"].([]any)[0].(map[string]any)["who"] = "me" }), false},
		{"bad time", wrap(t, good, func(s map[string]any) { s["updated"] = "today" }), false},
		{"version 2", wrap(t, good, func(s map[string]any) { s["version"] = 2 }), false},
		{"unknown template", wrap(t, good, func(s map[string]any) { s["template"] = "global" }), false},
		{"empty what", wrap(t, good, func(s map[string]any) { s["log"].([]any)[0].(map[string]any)["what"] = "" }), false},
	} {
		errs := schemas.Validate(schemas.Session, tc.data)
		if (len(errs) == 0) != tc.valid {
			t.Errorf("%s: schema says %v", tc.name, errs)
		}
		var got Validation
		call(t, "validate", tc.data, &got)
		if got.Valid != tc.valid || got.Kind != "session" {
			t.Errorf("%s: the bridge says valid=%v (%s), the schema %v", tc.name, got.Valid, got.Kind, errs)
		}
	}
	b, err := schemas.File(schemas.Session)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		ID         string `json:"$id"`
		Properties struct {
			Format   struct{ Const string }
			Version  struct{ Const int }
			Template struct{ Enum []string }
		}
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	if s.ID != "https://ncskit.org/schemas/session-v1.schema.json" || s.ID != schemas.URL(schemas.Session) {
		t.Errorf("$id = %q", s.ID)
	}
	if s.Properties.Format.Const != load.SessionFormat || s.Properties.Version.Const != load.SessionVersion {
		t.Errorf("format %q version %d, the bridge reads %q %d", s.Properties.Format.Const, s.Properties.Version.Const, load.SessionFormat, load.SessionVersion)
	}
	if !slices.Equal(s.Properties.Template.Enum, strategy.Templates) {
		t.Errorf("templates %q, embedded %q", s.Properties.Template.Enum, strategy.Templates)
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/ncskit/ncskit/problem"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/render/markdown"
	"github.com/ncskit/ncskit/strategy"
	"github.com/ncskit/ncskit/wasm/catalog"
)

// function is one function of the bridge's protocol (catalog.Functions):
// a name on the global ncskit object, and the Go function behind it.
// Every function takes one JSON request and returns JSON, or raw bytes
// when binary is set (drafts and questionnaires are Uint8Arrays).
type function struct {
	name   string
	binary bool
	run    func(req []byte) ([]byte, error)
}

// functions is the protocol, in the order info lists it: adding a
// function is one entry in catalog.Functions and one here.
var functions []function

func init() {
	runs := map[string]func([]byte) ([]byte, error){
		"info":          runInfo,
		"model":         runModel,
		"validate":      runValidate,
		"score":         runScore,
		"rescore":       runRescore,
		"live":          runLive,
		"preview":       runPreview,
		"draft":         runDraft,
		"questionnaire": runQuestionnaire,
		"import":        runImport,
		"migrate":       runMigrate,
		"region":        runRegion,
		"regionReport":  runRegionReport,
		"progress":      runProgress,
		"vocab":         runVocab,
	}
	for _, f := range catalog.Functions {
		functions = append(functions, function{name: f.Name, binary: f.Binary, run: runs[f.Name]})
	}
}

// lookup returns the function with the given name.
func lookup(name string) (function, bool) {
	for _, f := range functions {
		if f.name == name {
			return f, true
		}
	}
	return function{}, false
}

// handle runs the function name with the request req. Problems with the
// content of the request (an invalid assessment) are part of the result;
// the error is for requests that could not run: an unknown function, a
// request that is not the expected JSON, or a Go panic, which is recovered
// and returned with a message a facilitator can pass on.
func handle(name string, req []byte) (out []byte, err error) {
	f, ok := lookup(name)
	if !ok {
		return nil, fmt.Errorf("ncskit has no function %q", name)
	}
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, panicError(name, r, debug.Stack())
		}
	}()
	return f.run(req)
}

// panicError turns a recovered panic into an error. The first lines of the
// stack say where it happened; the work is safe in the browser's storage.
func panicError(name string, r any, stack []byte) error {
	where := ""
	// Frames come as pairs of lines: the function, then its file. Skip the
	// goroutine header, debug.Stack, handle's deferred function and the
	// runtime's panic machinery.
	lines := strings.Split(string(stack), "\n")
	for i := 1; i+1 < len(lines); i += 2 {
		fn := strings.TrimSpace(lines[i])
		if strings.HasPrefix(fn, "runtime") || strings.HasPrefix(fn, "panic(") ||
			strings.Contains(fn, ".handle.func") {
			continue
		}
		if k := strings.LastIndexByte(fn, '('); k > 0 {
			fn = fn[:k]
		}
		where = " at " + fn
		break
	}
	return fmt.Errorf("internal error in ncskit.%s: %v%s; the session is safe: save the session file and report this message", name, r, where)
}

func runInfo(req []byte) ([]byte, error) {
	if err := decodeRequest("info", req, &struct{}{}); err != nil {
		return nil, err
	}
	m, err := defaultModelFiles()
	if err != nil {
		return nil, err
	}
	return marshal(catalog.NewInfo(m, runtime.Version()))
}

// ModelRequest is the request of "model", with the options of
// "ncskit model": the language and the format. The JSON model carries
// every language; the Markdown reference is written in Lang.
type ModelRequest struct {
	Lang   string `json:"lang,omitempty"`
	Format string `json:"format,omitempty"`
}

var langCode = regexp.MustCompile(`^[a-z]{2,3}(-[A-Z]{2})?$`)

func runModel(req []byte) ([]byte, error) {
	var r ModelRequest
	if err := decodeRequest("model", req, &r); err != nil {
		return nil, err
	}
	if r.Lang != "" && !langCode.MatchString(r.Lang) {
		return nil, fmt.Errorf("model: lang %q is not a language code such as en, es or pt-BR", r.Lang)
	}
	switch r.Format {
	case "", "json":
		m, err := defaultModelFiles()
		if err != nil {
			return nil, err
		}
		return m.Doc, nil
	case "md":
		lang := r.Lang
		if lang == "" {
			lang = "en"
		}
		var b bytes.Buffer
		if err := markdown.EncodeModel(&b, assess.Default(), lang); err != nil {
			return nil, err
		}
		return marshal(b.String())
	}
	return nil, fmt.Errorf("model: format %q is not offered; use json or md", r.Format)
}

// Validation is the response of "validate": whether the file is valid,
// what kind of file it is ("assessment" or "session") and every problem,
// each with a JSON pointer into the file that was passed.
type Validation struct {
	Valid    bool         `json:"valid"`
	Kind     string       `json:"kind"`
	Problems problem.List `json:"problems"`
}

func runValidate(req []byte) ([]byte, error) {
	kind, _, probs := readInput(req)
	return marshal(Validation{Valid: len(probs) == 0, Kind: kind, Problems: nonNil(probs)})
}

// Scored is the response of "score": the Result of assess.Score, exactly
// as "ncskit score --format json" prints it, or the problems that stop
// scoring (then Result is null).
type Scored struct {
	Kind     string         `json:"kind"`
	Problems problem.List   `json:"problems"`
	Result   *assess.Result `json:"result"`
}

func runScore(req []byte) ([]byte, error) {
	kind, a, probs := readInput(req)
	out := Scored{Kind: kind, Problems: nonNil(probs)}
	if len(probs) == 0 {
		res, err := assess.Score(assess.Default(), a)
		if err != nil {
			out.Problems = problem.From(err)
		} else {
			out.Result = withPlanWarnings(a, res, "")
		}
	}
	return marshal(out)
}

// runRescore scores a bare assessment for live editing: strict decoding
// and the model checks of assess.Score, without the JSON Schema pass,
// which takes more than half of the time of "score" on a full assessment.
// Input that does not decode goes through "score", so that its problems
// come back located. The page runs the full checks when a file is opened
// or saved, and soon after the last change.
func runRescore(req []byte) ([]byte, error) {
	var a assess.Assessment
	dec := json.NewDecoder(bytes.NewReader(req))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil || dec.More() {
		return runScore(req)
	}
	out := Scored{Kind: "assessment", Problems: problem.List{}}
	res, err := assess.Score(assess.Default(), &a)
	if err != nil {
		out.Problems = problem.From(err)
	} else {
		out.Result = withPlanWarnings(&a, res, "")
	}
	return marshal(out)
}

// withPlanWarnings adds to the scoring warnings what the plan drawn from
// the assessment cannot do, such as a deadline it cannot meet, as
// "ncskit score" does, so that the results screen shows it; in lang, ""
// meaning the session's language.
func withPlanWarnings(a *assess.Assessment, res *assess.Result, lang string) *assess.Result {
	if ws, err := strategy.Warnings(assess.Default(), a, res, &strategy.Options{Lang: lang}); err == nil {
		res.Warnings = append(res.Warnings, ws...)
	}
	return res
}

// readInput reads an assessment, or a session file wrapping one, and
// returns its kind, the decoded assessment and every problem found, with
// pointers into req.
func readInput(req []byte) (string, *assess.Assessment, problem.List) {
	m := assess.Default()
	kind := "assessment"
	if load.IsSession(req) {
		kind = "session"
	}
	in, err := load.AssessmentOrSession("", req, m)
	if err != nil {
		return kind, nil, problem.From(err)
	}
	return kind, in.Assessment, nil
}

// decodeRequest decodes a request strictly; an empty request means the
// defaults.
func decodeRequest(name string, req []byte, v any) error {
	if len(bytes.TrimSpace(req)) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(req))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: the request is not the expected JSON: %v", name, err)
	}
	return nil
}

// marshal encodes v as the CLI does, without HTML escaping, so that the
// bridge and "ncskit ... --format json" give the same values.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func nonNil(p problem.List) problem.List {
	if p == nil {
		return problem.List{}
	}
	return slices.Clip(p)
}

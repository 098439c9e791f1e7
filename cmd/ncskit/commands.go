package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/ncskit/ncskit/problem"
	"github.com/ncskit/ncskit/render/markdown"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
)

func runModel(e *env, args []string) int {
	spec := cmdSpec{"[--lang L] [--format json|md]",
		"Print the default maturity model. The JSON form is a complete model file:\n" +
			"edit a copy and pass it to 'ncskit score --model'."}
	fs := newFlags("model")
	lang := fs.String("lang", "en", "`language` of the Markdown text; untranslated text falls back to English")
	format := fs.String("format", "json", "output `format`: json or md")
	pos, code := parse(e, fs, spec, args)
	if code >= 0 {
		return code
	}
	if len(pos) > 0 {
		return usageError(e, "model", "unexpected argument %q", pos[0])
	}
	if !oneOf(e, "model", "format", *format, "json", "md") {
		return exitUsage
	}
	m := assess.Default()
	if *format == "md" {
		if err := markdown.EncodeModel(e.stdout, m, *lang); err != nil {
			fmt.Fprintln(e.stderr, "ncskit model:", err)
			return exitInvalid
		}
		return exitOK
	}
	if err := writeJSON(e.stdout, m); err != nil {
		fmt.Fprintln(e.stderr, "ncskit model:", err)
		return exitInvalid
	}
	return exitOK
}

func runValidate(e *env, args []string) int {
	spec := cmdSpec{"[--model MODEL.json] FILE...",
		"Check assessment and model files: the JSON Schema first, then the checks\n" +
			"that need the model (unknown indicators and respondents, duplicates,\n" +
			"levels outside the scale). Every problem is printed; the exit status is 1\n" +
			"if any file has one."}
	fs := newFlags("validate")
	modelFile := fs.String("model", "", "check assessments against this `model` file instead of the default model")
	pos, code := parse(e, fs, spec, args)
	if code >= 0 {
		return code
	}
	if len(pos) == 0 {
		return usageError(e, "validate", "no FILE given")
	}
	if n := count(pos, "-"); n > 1 {
		return usageError(e, "validate", "standard input (-) can be read only once, not %d times", n)
	}
	m, code := modelFor(e, *modelFile)
	if code >= 0 {
		return code
	}
	status := exitOK
	for _, name := range pos {
		data, err := readInput(e, name, anyJSONInput)
		if err != nil {
			fmt.Fprintln(e.stderr, err)
			status = exitInvalid
			continue
		}
		kind, why := load.Detect(data)
		switch kind {
		case load.KindModel:
			_, err = load.Model(name, data)
		case load.KindTemplate:
			_, err = load.Template(name, data)
		default:
			var in *load.Input
			if in, err = load.AssessmentOrSession(name, data, m); err == nil {
				kind = load.Kind(in.Kind)
			}
		}
		if err != nil {
			if why != "" {
				fmt.Fprintf(e.stderr, "%s: checked as %s %s, because %s\n", name, article(string(kind)), kind, why)
			}
			fmt.Fprintln(e.stderr, err)
			status = exitInvalid
			continue
		}
		fmt.Fprintf(e.stdout, "%s: valid %s\n", name, kind)
	}
	return status
}

func runScore(e *env, args []string) int {
	spec := cmdSpec{"FILE [--format json|text] [--model MODEL.json] [--lang L] [--top N]",
		"Score an assessment: per indicator, area and pillar the achieved level and\n" +
			"progress, the targets and gaps, the ranked priorities with their reasons\n" +
			"and warnings about what is missing or disputed."}
	fs := newFlags("score")
	format := fs.String("format", "text", "output `format`: text or json")
	modelFile := fs.String("model", "", "score against this `model` file instead of the default model")
	lang := fs.String("lang", "en", "`language` of the names in the text output; untranslated text falls back to English")
	top := fs.Int("top", 10, "how many priorities the text output lists: `n`, or 0 for all (JSON lists all)")
	pos, code := parse(e, fs, spec, args)
	if code >= 0 {
		return code
	}
	if len(pos) != 1 {
		return usageError(e, "score", "expected exactly one FILE")
	}
	if !oneOf(e, "score", "format", *format, "text", "json") {
		return exitUsage
	}
	if *top < 0 {
		return usageError(e, "score", "--top must be 0 or more, not %d", *top)
	}
	m, a, code := loadAssessment(e, *modelFile, pos[0])
	if code >= 0 {
		return code
	}
	name := pos[0]
	res, err := assess.Score(m, a)
	if err != nil {
		fmt.Fprintln(e.stderr, problem.From(err).In(name))
		return exitInvalid
	}
	if *format == "json" {
		if err := writeJSON(e.stdout, res); err != nil {
			fmt.Fprintln(e.stderr, "ncskit score:", err)
			return exitInvalid
		}
		return exitOK
	}
	writeScoreText(e.stdout, m, a, res, *lang, *top)
	return exitOK
}

// loadAssessment reads the assessment in name (- for standard input) and
// checks it against the default model or the model in modelFile. Problems
// go to standard error; the status is -1 to go on, else the exit status.
func loadAssessment(e *env, modelFile, name string) (*assess.Model, *assess.Assessment, int) {
	m, code := modelFor(e, modelFile)
	if code >= 0 {
		return nil, nil, code
	}
	data, err := readInput(e, name, assessmentInput)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return nil, nil, exitInvalid
	}
	in, err := load.AssessmentOrSession(name, data, m)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return nil, nil, exitInvalid
	}
	return m, in.Assessment, -1
}

// modelFor returns the default model, or the model in file when it is set.
func modelFor(e *env, file string) (*assess.Model, int) {
	if file == "" {
		return assess.Default(), -1
	}
	data, err := readFile(file, modelInput)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return nil, exitInvalid
	}
	m, err := load.Model(file, data)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return nil, exitInvalid
	}
	return m, -1
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// article returns "a" or "an" for a kind of file.
func article(kind string) string {
	if strings.IndexByte("aeiou", kind[0]) >= 0 {
		return "an"
	}
	return "a"
}

func count(list []string, v string) int {
	n := 0
	for _, s := range list {
		if s == v {
			n++
		}
	}
	return n
}

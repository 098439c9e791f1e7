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
	"github.com/ncskit/ncskit/strategy"
)

func runModel(e *env, args []string) error {
	spec := cmdSpec{"[--lang L] [--format json|md]",
		"Print the default maturity model. The Markdown form is a reference in\n" +
			"the language --lang; the JSON form is a complete model file with every\n" +
			"language: edit a copy and pass it to 'ncskit score --model'."}
	fs := newFlags("model")
	m := assess.Default()
	lang := fs.String("lang", "en", "`language` of the Markdown text: "+strings.Join(m.Languages, ", "))
	format := fs.String("format", "json", "output `format`: json or md")
	pos, err := parse(e, fs, spec, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if err := oneOf("format", *format, "json", "md"); err != nil {
		return err
	}
	if err := oneOf("lang", *lang, m.Languages...); err != nil {
		return err
	}
	if *format == "md" {
		return markdown.EncodeModel(e.stdout, m, *lang)
	}
	return writeJSON(e.stdout, m)
}

func runValidate(e *env, args []string) error {
	spec := cmdSpec{"[--model MODEL.json] FILE...",
		"Check assessment and model files: the JSON Schema first, then the checks\n" +
			"that need the model (unknown indicators and respondents, duplicates,\n" +
			"levels outside the scale). Every problem is printed; the exit status is 1\n" +
			"if any file has one."}
	fs := newFlags("validate")
	modelFile := fs.String("model", "", "check assessments against this `model` file instead of the default model")
	pos, err := parse(e, fs, spec, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("no FILE given")
	}
	if n := count(pos, "-"); n > 1 {
		return usagef("standard input (-) can be read only once, not %d times", n)
	}
	m, err := modelFor(*modelFile)
	if err != nil {
		return err
	}
	var bad bool
	for _, name := range pos {
		kind, err := validate(e, name, m, *modelFile)
		if err != nil {
			fmt.Fprintln(e.stderr, err)
			bad = true
			continue
		}
		fmt.Fprintf(e.stdout, "%s: valid %s\n", name, kind)
	}
	if bad {
		return errReported
	}
	return nil
}

// validate checks the file name as the kind of file it declares or looks
// like, and returns that kind. An assessment is checked against m, read
// from modelFile unless that is "". When the kind was guessed, the error
// starts with a line that says why.
func validate(e *env, name string, m *assess.Model, modelFile string) (load.Kind, error) {
	data, err := readInput(e, name, anyJSONInput)
	if err != nil {
		return "", err
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
		err = withModelFlag(err, modelFile)
	}
	if err != nil && why != "" {
		err = fmt.Errorf("%s: checked as %s %s, because %s\n%w", name, article(string(kind)), kind, why, err)
	}
	return kind, err
}

func runScore(e *env, args []string) error {
	spec := cmdSpec{"FILE [--format json|text] [--model MODEL.json] [--lang L] [--top N]",
		"Score an assessment: per indicator, area and pillar the achieved level and\n" +
			"progress, the targets and gaps, the ranked priorities with their reasons\n" +
			"and warnings about what is missing or disputed."}
	fs := newFlags("score")
	format := fs.String("format", "text", "output `format`: text or json")
	modelFile := fs.String("model", "", "score against this `model` file instead of the default model")
	lang := fs.String("lang", "en", "`language` of the names of pillars, areas, indicators and levels in the text output: one of the model's languages")
	top := fs.Int("top", 10, "how many priorities the text output lists: `n`, or 0 for all (JSON lists all)")
	pos, err := parse(e, fs, spec, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("expected exactly one FILE")
	}
	if err := oneOf("format", *format, "text", "json"); err != nil {
		return err
	}
	if *top < 0 {
		return usagef("--top must be 0 or more, not %d", *top)
	}
	name := pos[0]
	m, a, err := loadAssessment(e, *modelFile, name)
	if err != nil {
		return err
	}
	if err := oneOf("lang", *lang, m.Languages...); err != nil {
		return err
	}
	res, err := assess.ScoreIn(m, a, *lang)
	if err != nil {
		return problem.From(err).In(name)
	}
	// A deadline the plan cannot meet is a warning of the scores too: the
	// room sees it while the decision can still change. A plan that
	// cannot be drawn (a custom model the action library does not fit)
	// has no deadlines to miss.
	if ws, err := strategy.Warnings(m, a, res, &strategy.Options{Lang: *lang}); err == nil {
		res.Warnings = append(res.Warnings, ws...)
	}
	if *format == "json" {
		return writeJSON(e.stdout, res)
	}
	writeScoreText(e.stdout, m, a, res, *lang, *top)
	return nil
}

// loadAssessment reads the assessment in name (- for standard input) and
// checks it against the default model or the model in modelFile.
func loadAssessment(e *env, modelFile, name string) (*assess.Model, *assess.Assessment, error) {
	m, err := modelFor(modelFile)
	if err != nil {
		return nil, nil, err
	}
	data, err := readInput(e, name, assessmentInput)
	if err != nil {
		return nil, nil, err
	}
	in, err := load.AssessmentOrSession(name, data, m)
	if err != nil {
		return nil, nil, withModelFlag(err, modelFile)
	}
	return m, in.Assessment, nil
}

// modelFor returns the default model, or the model in file when it is set.
func modelFor(file string) (*assess.Model, error) {
	if file == "" {
		return assess.Default(), nil
	}
	data, err := readFile(file, modelInput)
	if err != nil {
		return nil, err
	}
	return load.Model(file, data)
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

package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/ncskit/ncskit/problem"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafting"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/strategy"
)

// formats are the draft formats of --format. The draft itself is made by
// package drafting, the same code as the workbook's, so that both give
// the same bytes.
func formats() []string { return drafting.Formats() }

func runDraft(e *env, args []string) int {
	spec := cmdSpec{"FILE --format " + strings.Join(formats(), "|") + " -o OUT [--lang L] [--template NAME|FILE.json] [--model MODEL.json]",
		"Build a national cyber-security strategy draft from an assessment: the\n" +
			"baseline, vision, governance and roles, objectives per pillar, an action\n" +
			"plan with owners, dates, cost bands and KPIs, and the annexes. The\n" +
			"template is chosen from the profile (small-island-state or national)\n" +
			"unless --template names one or gives a template file. OUT may be - for\n" +
			"standard output." + outputHelp}
	fs := newFlags("draft")
	format := fs.String("format", "", "output `format`: "+strings.Join(formats(), ", "))
	out := fs.String("o", "", "write the draft to `file` (- for standard output)")
	lang := fs.String("lang", "", "`language` of the draft; untranslated text falls back to English (default: the session's language)")
	tmpl := fs.String("template", "", "template `name` (small-island-state, national) or a template file")
	modelFile := fs.String("model", "", "score against this `model` file instead of the default model")
	pos, code := parse(e, fs, spec, args)
	if code >= 0 {
		return code
	}
	if len(pos) != 1 {
		return usageError(e, "draft", "expected exactly one FILE")
	}
	if *format == "" {
		return usageError(e, "draft", "--format is required: %s", strings.Join(formats(), ", "))
	}
	if !slices.Contains(formats(), *format) {
		return usageError(e, "draft", "--format must be one of %s, not %q", strings.Join(formats(), ", "), *format)
	}
	if *out == "" {
		return usageError(e, "draft", "-o OUT is required (- for standard output)")
	}
	inputs := []input{{"the assessment", pos[0]}, {"the --model file", *modelFile}}
	if strings.HasSuffix(*tmpl, ".json") {
		inputs = append(inputs, input{"the --template file", *tmpl})
	}
	if code := inputStatus(e, "draft", *out, inputs...); code >= 0 {
		return code
	}
	if code := outputStatus(e, "draft", *out); code >= 0 {
		return code
	}
	m, a, code := loadAssessment(e, *modelFile, pos[0])
	if code >= 0 {
		return code
	}
	name := pos[0]
	t, code := templateFor(e, *tmpl, a.Profile)
	if code >= 0 {
		return code
	}
	draft, err := drafting.Make(m, a, t, &drafting.Options{Format: *format, Lang: *lang})
	var scoring problem.List
	switch {
	case errors.As(err, &scoring):
		fmt.Fprintln(e.stderr, scoring.In(name))
		return exitInvalid
	case err != nil:
		fmt.Fprintf(e.stderr, "ncskit draft: %v\n", err)
		return exitInvalid
	}
	if err := writeOutput(e, *out, draft); err != nil {
		fmt.Fprintf(e.stderr, "ncskit draft: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

// templateFor returns the embedded template named by spec, the template
// in the file spec, or the template the profile suggests.
func templateFor(e *env, spec string, p assess.Profile) (*strategy.Template, int) {
	if !strings.HasSuffix(spec, ".json") {
		t, err := drafting.Template(spec, p)
		if err != nil {
			return nil, usageError(e, "draft", "%v", err)
		}
		return t, -1
	}
	data, err := readFile(spec, templateInput)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return nil, exitInvalid
	}
	t, err := load.Template(spec, data)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return nil, exitInvalid
	}
	return t, -1
}

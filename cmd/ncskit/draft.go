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

func runDraft(e *env, args []string) error {
	spec := cmdSpec{"FILE --format " + strings.Join(formats(), "|") + " -o OUT [--part brief|strategy|plan|all] [--names] [--lang L [--partial-language]] [--template NAME|FILE.json] [--kind KIND] [--model MODEL.json]",
		"Build a national cyber-security strategy draft from an assessment: the\n" +
			"baseline, vision, governance and roles, objectives per pillar, an action\n" +
			"plan with owners, dates, cost bands and KPIs, and the annexes. The\n" +
			"template is chosen from the profile (small-island-state or national)\n" +
			"unless --template names one or gives a template file. When the\n" +
			"assessment records a strategy in force for the first year of the plan,\n" +
			"the draft is an implementation plan for the rest of its period (or a\n" +
			"refresh when it ends that year); --kind chooses instead. The draft is\n" +
			"three documents: a Cabinet brief, the strategy for adoption (public,\n" +
			"TLP:CLEAR, naming no person) and the implementation plan with its\n" +
			"annexes (restricted); --part writes one of them, by default all three\n" +
			"in one file. The plan attributes the evidence to institutions unless\n" +
			"--names is given. It is in --lang, else the session's language: en, es,\n" +
			"fr and pt are complete; another, or a custom template not translated\n" +
			"into the language, exits 2 unless --partial-language accepts English\n" +
			"where a translation is missing; the share of English is then on\n" +
			"standard error and on the cover. OUT may be - for standard output." + outputHelp}
	fs := newFlags("draft")
	format := fs.String("format", "", "output `format`: "+strings.Join(formats(), ", "))
	out := fs.String("o", "", "write the draft to `file` (- for standard output)")
	lang := fs.String("lang", "", "`language` of the draft (default: the session's language); a language the draft's text is not complete in is refused")
	partial := fs.Bool("partial-language", false, "draft in a language whose text is not complete: untranslated text is in English, and standard error and the cover say how much")
	tmpl := fs.String("template", "", "template `name` (small-island-state, national) or a template file")
	kind := fs.String("kind", "", "`kind` of draft: "+strings.Join(strategy.Kinds, ", ")+" (default: chosen from the facts)")
	modelFile := fs.String("model", "", "score against this `model` file instead of the default model")
	part := fs.String("part", strategy.PartAll, "the `document` to write: "+strings.Join(append(slices.Clone(strategy.Parts), strategy.PartAll), ", "))
	names := fs.Bool("names", false, "name the people behind the evidence in the implementation plan (default: institutions only)")
	pos, err := parse(e, fs, spec, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("expected exactly one FILE")
	}
	if *format == "" {
		return usagef("--format is required: %s", strings.Join(formats(), ", "))
	}
	if !slices.Contains(formats(), *format) {
		return usagef("--format must be one of %s, not %q", strings.Join(formats(), ", "), *format)
	}
	if *out == "" {
		return usagef("-o OUT is required (- for standard output)")
	}
	if *part != strategy.PartAll && !slices.Contains(strategy.Parts, *part) {
		return usagef("--part must be one of %s, not %q", strings.Join(append(slices.Clone(strategy.Parts), strategy.PartAll), ", "), *part)
	}
	if *kind != "" && !slices.Contains(strategy.Kinds, *kind) {
		return usagef("--kind must be one of %s, not %q", strings.Join(strategy.Kinds, ", "), *kind)
	}
	name := pos[0]
	inputs := []input{{"the assessment", name}, {"the --model file", *modelFile}}
	if strings.HasSuffix(*tmpl, ".json") {
		inputs = append(inputs, input{"the --template file", *tmpl})
	}
	if err := checkNotInput(e, *out, inputs...); err != nil {
		return err
	}
	if err := checkOutput(*out); err != nil {
		return err
	}
	m, a, err := loadAssessment(e, *modelFile, name)
	if err != nil {
		return err
	}
	t, err := templateFor(*tmpl, a.Profile)
	if err != nil {
		return err
	}
	draft, in, err := drafting.MakeIn(m, a, t, &drafting.Options{Format: *format, Lang: *lang, Kind: *kind, PartialLanguage: *partial, Part: *part, Names: *names})
	var scoring problem.List
	var notTranslated *drafting.LanguageError
	switch {
	case errors.As(err, &scoring):
		return scoring.In(name)
	case errors.As(err, &notTranslated):
		return usagef("%v; choose one of them with --lang, or pass --partial-language to draft in %s with the untranslated text in English",
			err, drafting.Name(in.Lang))
	case err != nil:
		return err
	}
	if err := writeOutput(e, *out, draft); err != nil {
		return err
	}
	if in.English > 0 {
		fmt.Fprintf(e.stderr, "ncskit draft: %d%% of the text of this draft is in English: %d of the %d texts it uses from the model, the template and the action library are not yet translated into %s; the cover says so\n",
			in.Percent(), in.English, in.Texts, drafting.Name(in.Lang))
	}
	return nil
}

// templateFor returns the embedded template named by spec, the template
// in the file spec, or the template the profile suggests.
func templateFor(spec string, p assess.Profile) (*strategy.Template, error) {
	if !strings.HasSuffix(spec, ".json") {
		t, err := drafting.Template(spec, p)
		if err != nil {
			return nil, usagef("%v", err)
		}
		return t, nil
	}
	data, err := readFile(spec, templateInput)
	if err != nil {
		return nil, err
	}
	return load.Template(spec, data)
}

package main

import (
	"bytes"
	"errors"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/problem"
	"github.com/ncskit/ncskit/region"
)

// regionFormats are the formats of ncskit region --format.
var regionFormats = []string{"json", "html", "xlsx", "pdf"}

func runRegion(e *env, args []string) error {
	spec := cmdSpec{"FILE... --format pdf|xlsx|html|json -o OUT [--contacts FILE.vcf] [--anonymise] [--key TEXT] [--min-states N] [--plan DRAFT.json]... [--model MODEL.json] [--lang L]",
		"Compare the assessments of many states: a heat map of progress against\n" +
			"target per state and area, the spread of the states on every pillar and\n" +
			"area, the gaps most states share with a regional programme proposed for\n" +
			"each (who would take part, who could lead, what exists to build on), the\n" +
			"change of every state assessed more than once, and the directory of\n" +
			"national, CSIRT and 24/7 points of contact, states with none first.\n\n" +
			"Each FILE is an assessment or a workbook session file of one state and\n" +
			"round; rounds of one state (same ISO code, or same country name) need\n" +
			"different session dates. A file made with an earlier major version of\n" +
			"the model is migrated first, or refused with the reason. The report is\n" +
			"restricted by default, marked with the highest classification of the\n" +
			"inputs; --anonymise shows states by code and leaves out the names of\n" +
			"persons and institutions and the evidence, for publication.\n\n" +
			"--plan gives the JSON form of an earlier draft (ncskit draft --format\n" +
			"json) of a state assessed more than once; the progress then lists each\n" +
			"of its actions with the change of the indicators it was meant to move,\n" +
			"from the round it was drafted from to the latest. Repeat it for more\n" +
			"states.\n\n" +
			"--contacts writes the directory as vCard 4.0 for a phone or address\n" +
			"book; -o may then be left out. OUT may be - for standard output." + outputHelp}
	fs := newFlags("region")
	format := fs.String("format", "", "output `format`: pdf, xlsx, html or json")
	out := fs.String("o", "", "write the report to `file` (- for standard output)")
	contacts := fs.String("contacts", "", "write the points-of-contact directory as vCard 4.0 to `file`")
	anonymise := fs.Bool("anonymise", false, "show states by code and leave out names of persons and institutions and evidence")
	key := fs.String("key", "", "a `secret` that enters the codes of --anonymise, so that they cannot be recomputed from the states' ISO codes")
	minStates := fs.Int("min-states", 0, "how many states must share a gap for it to be listed: `n` (default: a third of the states, at least 2)")
	modelFile := fs.String("model", "", "score against this `model` file instead of the default model")
	var plans files
	fs.Var(&plans, "plan", "an earlier draft of a state, in JSON (`DRAFT.json`); may be repeated")
	lang := fs.String("lang", "en", "`language` of the names of pillars, areas, indicators and actions")
	pos, err := parse(e, fs, spec, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0:
		return usagef("no FILE given")
	case count(pos, "-") > 1:
		return usagef("standard input (-) can be read only once, not %d times", count(pos, "-"))
	case *out == "" && *contacts == "":
		return usagef("-o OUT is required (- for standard output), unless --contacts is given")
	case *out != "" && *format == "":
		return usagef("--format is required: pdf, xlsx, html or json")
	case *out == "" && *format != "":
		return usagef("--format needs -o OUT")
	case *minStates < 0:
		return usagef("--min-states must be 1 or more, not %d", *minStates)
	case *key != "" && !*anonymise:
		return usagef("--key works only with --anonymise")
	case *contacts == "-" && *out == "-":
		return usagef("-o and --contacts cannot both be standard output")
	case *contacts != "" && *contacts == *out:
		return usagef("-o and --contacts name the same file %s", *out)
	}
	if *format != "" {
		if err := oneOf("format", *format, regionFormats...); err != nil {
			return err
		}
	}
	inputs := []input{{"the --model file", *modelFile}}
	for _, p := range pos {
		inputs = append(inputs, input{"an assessment", p})
	}
	for _, p := range plans {
		inputs = append(inputs, input{"a --plan draft", p})
	}
	for _, o := range []string{*out, *contacts} {
		if o == "" {
			continue
		}
		if err := checkNotInput(e, o, inputs...); err != nil {
			return err
		}
		if err := checkOutput(o); err != nil {
			return err
		}
	}
	m, err := modelFor(*modelFile)
	if err != nil {
		return err
	}
	ins, err := readRegional(e, pos, m, *modelFile)
	if err != nil {
		return err
	}
	drafts, err := readPlans(e, plans)
	if err != nil {
		return err
	}
	rep, err := region.Build(m, nil, ins, &region.Options{Anonymise: *anonymise, Key: *key, MinStates: *minStates, Lang: *lang, Plans: drafts})
	if err != nil {
		return err
	}
	if *out != "" {
		var buf bytes.Buffer
		switch *format {
		case "json":
			err = region.EncodeJSON(&buf, rep)
		case "html":
			err = region.EncodeHTML(&buf, rep)
		case "xlsx":
			err = region.EncodeXLSX(&buf, rep)
		case "pdf":
			err = region.EncodePDF(&buf, rep)
		}
		if err != nil {
			return err
		}
		if err := writeOutput(e, *out, buf.Bytes()); err != nil {
			return err
		}
	}
	if *contacts != "" {
		var buf bytes.Buffer
		if err := region.EncodeVCard(&buf, rep); err != nil {
			return err
		}
		return writeOutput(e, *contacts, buf.Bytes())
	}
	return nil
}

// readRegional reads every file of a regional comparison, migrating those
// made with an earlier major version of the model, and returns every
// problem of every file at once.
func readRegional(e *env, names []string, m *assess.Model, modelFile string) ([]region.Input, error) {
	var ins []region.Input
	var probs problem.List
	for _, name := range names {
		in, err := readOne(e, name, m)
		if err != nil {
			var l problem.List
			if errors.As(withModelFlag(err, modelFile), &l) {
				probs = append(probs, l...)
				continue
			}
			return nil, err
		}
		ins = append(ins, in)
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return ins, nil
}

// files is a flag that may be repeated, each time naming a file.
type files []string

func (f *files) String() string { return strings.Join(*f, ",") }

func (f *files) Set(s string) error {
	if s == "" {
		return errors.New("a file name is required")
	}
	*f = append(*f, s)
	return nil
}

// readPlans reads the --plan drafts, returning every problem of every
// file at once.
func readPlans(e *env, names []string) ([]*region.Plan, error) {
	var plans []*region.Plan
	var probs problem.List
	for _, name := range names {
		data, err := readInput(e, name, draftInput)
		if err != nil {
			return nil, err
		}
		p, err := region.ReadPlan(name, data)
		if err != nil {
			probs = append(probs, problem.From(err)...)
			continue
		}
		plans = append(plans, p)
	}
	return plans, probs.Err()
}

// readOne reads one file: as an assessment or a session file, or, when
// it was made with an earlier major version of the model, through
// load.Migrate.
func readOne(e *env, name string, m *assess.Model) (region.Input, error) {
	data, err := readInput(e, name, assessmentInput)
	if err != nil {
		return region.Input{}, err
	}
	return region.ReadInput(name, data, m)
}

package main

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/problem"
)

func runMigrate(e *env, args []string) error {
	spec := cmdSpec{"FILE -o OUT [--model MODEL.json]",
		"Rewrite an assessment made with an earlier major version of the model for\n" +
			"the default model, or for the model in --model: the indicator IDs that the\n" +
			"model's migrations rename are renamed, the answers to the indicators they\n" +
			"retire are dropped, and the model version is set. Every change is printed\n" +
			"as FILE: note, on standard output, or on standard error when OUT is -.\n\n" +
			"FILE may be a workbook session file: OUT then gets the assessment inside\n" +
			"it, migrated; the change log and the snapshots stay in the session file.\n" +
			"A file already made with the model's version is written as it is, and\n" +
			"standard error says so. FILE may be - for standard input, OUT - for\n" +
			"standard output." + outputHelp}
	fs := newFlags("migrate")
	out := fs.String("o", "", "write the migrated assessment to `file`, or - for standard output")
	modelFile := fs.String("model", "", "migrate to this `model` file instead of the default model")
	pos, err := parse(e, fs, spec, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) != 1:
		return usagef("expected exactly one FILE")
	case *out == "":
		return usagef("no output file: use -o OUT")
	}
	name := pos[0]
	if err := checkNotInput(e, *out, input{"the assessment", name}, input{"the --model file", *modelFile}); err != nil {
		return err
	}
	if err := checkOutput(*out); err != nil {
		return err
	}
	m, err := modelFor(*modelFile)
	if err != nil {
		return err
	}
	return migrate(e, name, *out, m)
}

// migrate migrates the assessment in file name to model m and writes it
// to out, then reports what it did.
func migrate(e *env, name, out string, m *assess.Model) error {
	data, err := readInput(e, name, assessmentInput)
	if err != nil {
		return err
	}
	a, notes, err := load.Migrate(name, data, m)
	if err != nil {
		return err
	}
	if len(notes) == 0 {
		if err := writeOutput(e, out, data); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "%s: already made with model %s %s; nothing to migrate\n", name, m.ID, m.Version)
		return nil
	}
	migrated, err := encodeAssessment(out, a, m)
	if err != nil {
		return err
	}
	if err := writeOutput(e, out, migrated); err != nil {
		return err
	}
	report := e.stdout
	if out == "-" {
		report = e.stderr
	}
	for _, n := range notes {
		fmt.Fprintf(report, "%s: %s\n", name, n)
	}
	return nil
}

// encodeAssessment returns a as the JSON file out, proven to load against
// m like any other.
func encodeAssessment(out string, a *assess.Assessment, m *assess.Model) ([]byte, error) {
	var buf bytes.Buffer
	if err := writeJSON(&buf, a); err != nil {
		return nil, err
	}
	if _, err := load.Assessment(out, buf.Bytes(), m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// migrateHint is the command that the model's check (assess.Check) tells
// the user to run on an assessment made with an earlier major version of
// the model.
const migrateHint = `"ncskit migrate FILE -o NEW.json"`

// withModelFlag returns err with the migrate command of its hints given
// --model modelFile, the model the assessment was checked against, so that
// the command works as written: without --model, migrate would migrate to
// the default model. Other errors, and all errors when modelFile is "",
// come back as they are.
func withModelFlag(err error, modelFile string) error {
	l, ok := err.(problem.List)
	if modelFile == "" || !ok {
		return err
	}
	return replaceText(l, migrateHint, `"ncskit migrate FILE -o NEW.json --model `+shellQuote(modelFile)+`"`)
}

// shellQuote quotes s for a POSIX shell when it needs quoting.
func shellQuote(s string) string {
	if plainArg.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// plainArg is an argument that a shell reads as it is.
var plainArg = regexp.MustCompile(`^[A-Za-z0-9@%_+=:,./-]+$`)

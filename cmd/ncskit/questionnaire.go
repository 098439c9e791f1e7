package main

import (
	"bytes"
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/problem"
	"github.com/ncskit/ncskit/questionnaire"
)

func runQuestionnaire(e *env, args []string) error {
	spec := cmdSpec{"--format xlsx -o OUT.xlsx [--lang L] [--model MODEL.json] [--prefill ASSESSMENT.json --respondent ID] [--facts]",
		"Write the questionnaire that respondents fill in with Excel or LibreOffice,\n" +
			"offline, before or during the workshop: instructions, a sheet about the\n" +
			"respondent, and one sheet per pillar with each indicator's question, what\n" +
			"each level looks like and drop-down lists for the answers. Only the answer\n" +
			"cells can be changed; nobody needs a password to fill it in. Send one copy\n" +
			"to each respondent and read the filled copies back with 'ncskit import'.\n\n" +
			"For a follow-up round, --prefill and --respondent fill the questionnaire\n" +
			"with that respondent's details and answers from an earlier assessment;\n" +
			"import the filled copy into the new round's assessment. --respondent\n" +
			"alone issues a blank questionnaire to a known respondent ID, under which\n" +
			"'ncskit import' then files the answers.\n\n" +
			"The respondent of the lead agency (the stakeholder with the role\n" +
			"lead-cyber-agency) pre-filled with --prefill also gets a Facts sheet: the\n" +
			"country's instruments, posts, Budapest Convention and network status from\n" +
			"the assessment, to confirm or complete; --facts adds it for anyone.\n" +
			"'ncskit import' reads it back: a row with a known ID replaces that record,\n" +
			"others are added." + outputHelp}
	fs := newFlags("questionnaire")
	format := fs.String("format", "xlsx", "output `format`: xlsx")
	out := fs.String("o", "", "write the questionnaire to `file`, or - for standard output")
	lang := fs.String("lang", "en", "`language` of the questionnaire: "+strings.Join(questionnaire.Languages(), ", ")+"; the model's text falls back to English")
	modelFile := fs.String("model", "", "write the questionnaire for this `model` file instead of the default model")
	prefill := fs.String("prefill", "", "pre-fill the answers of --respondent from this `assessment` file")
	respondent := fs.String("respondent", "", "the respondent `ID` to pre-fill, or to issue the questionnaire to")
	facts := fs.Bool("facts", false, "add the sheet of country facts to confirm or fill in")
	pos, err := parse(e, fs, spec, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if err := cmp.Or(oneOf("format", *format, "xlsx"), oneOf("lang", *lang, questionnaire.Languages()...)); err != nil {
		return err
	}
	switch {
	case *out == "":
		return usagef("no output file: use -o OUT.xlsx")
	case *prefill != "" && *respondent == "":
		return usagef("--prefill needs --respondent: the ID of the respondent whose answers to pre-fill")
	case *respondent != "" && !respondentID.MatchString(*respondent):
		return usagef("--respondent must be an ID of letters, digits, '.', '_' and '-' (at most 64), not %q", *respondent)
	}
	if err := checkNotInput(e, *out, input{"the --model file", *modelFile}, input{"the --prefill file", *prefill}); err != nil {
		return err
	}
	if err := checkOutput(*out); err != nil {
		return err
	}
	m, err := modelFor(*modelFile)
	if err != nil {
		return err
	}
	o := &questionnaire.Options{Lang: *lang, Respondent: *respondent, Facts: *facts}
	if *prefill != "" {
		if o.Prefill, err = prefillFrom(e, *prefill, *respondent, m); err != nil {
			return withModelFlag(err, *modelFile)
		}
	}
	var buf bytes.Buffer
	if err := questionnaire.Write(&buf, m, o); err != nil {
		return err
	}
	if err := writeOutput(e, *out, buf.Bytes()); err != nil {
		return err
	}
	if *out != "-" {
		what := "blank"
		switch {
		case o.Prefill != nil:
			what = "pre-filled for " + *respondent
		case *respondent != "":
			what = "issued to " + *respondent
		}
		fmt.Fprintf(e.stdout, "%s: questionnaire for model %s %s, %s, %d indicators on %d pillar sheets, %s\n",
			*out, m.ID, m.Version, *lang, len(m.Indicators()), len(m.Pillars), what)
	}
	return nil
}

// prefillFrom reads the assessment in file, which must have the
// respondent.
func prefillFrom(e *env, file, respondent string, m *assess.Model) (*assess.Assessment, error) {
	data, err := readInput(e, file, assessmentInput)
	if err != nil {
		return nil, err
	}
	a, err := load.Assessment(file, data, m)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, r := range a.Respondents {
		ids = append(ids, r.ID)
	}
	if !slices.Contains(ids, respondent) {
		return nil, problem.List{{File: file, At: "/respondents",
			Message: fmt.Sprintf("no respondent %q (the respondents are %s)", respondent, strings.Join(ids, ", "))}}
	}
	return a, nil
}

func runImport(e *env, args []string) error {
	spec := cmdSpec{"FILLED.xlsx... -o ASSESSMENT.json [--into EXISTING.json] [--date YYYY-MM-DD] [--model MODEL.json]",
		"Read filled questionnaires back into an assessment. Each file is one\n" +
			"respondent. The organisation becomes the stakeholder with that name or ID,\n" +
			"or a new stakeholder with no roles yet; a respondent with the same name in\n" +
			"the same organisation is the same person. Answers are added, never\n" +
			"replaced: a different answer by the same respondent to the same indicator\n" +
			"is reported with both places. Every problem of every file is printed as\n" +
			"FILE: SHEET!CELL: message, and nothing is written when there is one. At\n" +
			"most " + strconv.Itoa(questionnaire.MaxFiles) + " questionnaires are imported at once.\n\n" +
			"A filled Facts sheet merges into the assessment's facts: a row with the\n" +
			"ID of a recorded instrument replaces it (posts by institution, unit and\n" +
			"year; a network standing by network, name and member), any other row is\n" +
			"added, and nothing is removed. An institution it names that the\n" +
			"assessment lacks becomes a new stakeholder.\n\n" +
			"--into adds the answers to a copy of an existing assessment; -o may name\n" +
			"the same file. Without --into, -o gets a new assessment whose profile is a\n" +
			"placeholder that validates but must be completed before scoring: country\n" +
			"and lead ministry read \"FILL IN: ...\", the ISO code is XX, the population\n" +
			"1, the region caribbean, not a small island state, and the framing\n" +
			"economy-infrastructure. Its session date is --date, else the latest date\n" +
			"the respondents gave, else today." + outputHelp}
	fs := newFlags("import")
	out := fs.String("o", "", "write the assessment to `file`, or - for standard output")
	into := fs.String("into", "", "add the answers to this `assessment` file instead of a new one")
	date := fs.String("date", "", "session `date` (YYYY-MM-DD) of a new assessment")
	modelFile := fs.String("model", "", "read the questionnaires against this `model` file instead of the default model")
	pos, err := parse(e, fs, spec, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0:
		return usagef("no FILLED.xlsx given")
	case *out == "":
		return usagef("no output file: use -o ASSESSMENT.json")
	case *into != "" && *date != "":
		return usagef("--date sets the session date of a new assessment; it cannot be used with --into")
	case len(pos) > questionnaire.MaxFiles:
		return usagef("%d questionnaires; at most %d can be imported at once", len(pos), questionnaire.MaxFiles)
	}
	if n := count(append(slices.Clone(pos), *into), "-"); n > 1 {
		return usagef("standard input (-) can be read only once, not %d times", n)
	}
	if *date != "" {
		if _, err := time.Parse(time.DateOnly, *date); err != nil {
			return usagef("--date must be a date such as 2026-10-14, not %q", *date)
		}
	}
	// --into is not an input here: the merged copy may replace it.
	inputs := []input{{"the --model file", *modelFile}}
	for _, name := range pos {
		inputs = append(inputs, input{"the filled questionnaire", name})
	}
	if err := checkNotInput(e, *out, inputs...); err != nil {
		return err
	}
	if err := checkOutput(*out); err != nil {
		return err
	}
	m, err := modelFor(*modelFile)
	if err != nil {
		return err
	}

	var a *assess.Assessment
	if *into != "" {
		data, err := readInput(e, *into, assessmentInput)
		if err != nil {
			return err
		}
		if a, err = load.Assessment(*into, data, m); err != nil {
			return withModelFlag(err, *modelFile)
		}
	}
	filled, err := readAllFilled(e, pos, m)
	if err != nil {
		return err
	}
	// Problems of the assessment name the --into file, or the new file.
	name := *into
	if name == "" {
		name = *out
	}
	im, err := questionnaire.Import(m, a, filled, &questionnaire.ImportOptions{Name: name, Date: *date})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := writeJSON(&buf, im.Assessment); err != nil {
		return err
	}
	if err := writeOutput(e, *out, buf.Bytes()); err != nil {
		return err
	}
	report := e.stdout
	if *out == "-" {
		report = e.stderr
	}
	for _, f := range im.Files {
		q := f.Filled
		fmt.Fprintf(report, "%s: %s (%s): %d answers\n", q.File, q.Name, q.Organisation, f.Answers)
	}
	if *into == "" {
		fmt.Fprintf(e.stderr, "%s: /profile: a placeholder: fill in the country, ISO code, region, small-island status, population, lead ministry and framing before scoring\n", *out)
	}
	first := len(im.Assessment.Stakeholders) - len(im.Stakeholders)
	for i, s := range im.Stakeholders {
		fmt.Fprintf(e.stderr, "%s: /stakeholders/%d/roles: new stakeholder %q (%s) has no roles yet\n", *out, first+i, s.ID, s.Name)
	}
	return nil
}

// readAllFilled reads every filled questionnaire of names. The error
// holds the problems of every file.
func readAllFilled(e *env, names []string, m *assess.Model) ([]*questionnaire.Filled, error) {
	var filled []*questionnaire.Filled
	var probs problem.List
	for _, name := range names {
		f, err := readFilled(e, name, m)
		if err != nil {
			probs = append(probs, problem.From(err)...)
			continue
		}
		filled = append(filled, f)
	}
	return filled, probs.Err()
}

// replaceText returns a copy of l with old replaced by new in every
// message and hint.
func replaceText(l problem.List, old, new string) problem.List {
	out := make(problem.List, len(l))
	for i, p := range l {
		p.Message = strings.ReplaceAll(p.Message, old, new)
		p.Hint = strings.ReplaceAll(p.Hint, old, new)
		out[i] = p
	}
	return out
}

// readFilled reads one filled questionnaire, or standard input for "-".
func readFilled(e *env, name string, m *assess.Model) (*questionnaire.Filled, error) {
	data, err := readInput(e, name, questionnaireInput)
	if err != nil {
		return nil, err
	}
	return questionnaire.Read(name, bytes.NewReader(data), int64(len(data)), m)
}

// respondentID is the form of a respondent ID in the assessment schema.
var respondentID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`)

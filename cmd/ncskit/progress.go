package main

import (
	"bytes"

	followup "github.com/ncskit/ncskit/progress"
)

// progressFormats are the formats of ncskit progress --format.
var progressFormats = followup.Formats

// followupInput is a filled follow-up workbook.
var followupInput = inputKind{"a follow-up workbook", followup.MaxSize}

func runProgress(e *env, args []string) error {
	spec := cmdSpec{"FOLLOWUP.xlsx --format pdf|html|json -o OUT",
		"Read a filled follow-up workbook (the Excel draft of 'ncskit draft\n" +
			"--format xlsx', with reports on its Reporting sheet) and write the\n" +
			"progress report: progress by pillar and objective, weighted by the\n" +
			"objective and action weights of the workbook; the latest status of every\n" +
			"action; the late actions; the indicators off track or at risk; and the\n" +
			"spending against plan by year and funding source.\n\n" +
			"Every problem of the workbook is printed as FILE: SHEET!CELL: message\n" +
			"(a progress outside 0-100, an unknown action ID, a period outside the\n" +
			"plan, a changed column head, a missing sheet), and nothing is written\n" +
			"when there is one. FOLLOWUP.xlsx may be - for standard input, OUT - for\n" +
			"standard output." + outputHelp}
	fs := newFlags("progress")
	format := fs.String("format", "", "output `format`: pdf, html or json")
	out := fs.String("o", "", "write the report to `file` (- for standard output)")
	pos, err := parse(e, fs, spec, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0:
		return usagef("no FOLLOWUP.xlsx given")
	case len(pos) > 1:
		return usagef("one follow-up workbook at a time, not %d", len(pos))
	case *out == "":
		return usagef("-o OUT is required (- for standard output)")
	case *format == "":
		return usagef("--format is required: pdf, html or json")
	}
	if err := oneOf("format", *format, progressFormats...); err != nil {
		return err
	}
	if err := checkNotInput(e, *out, input{"the follow-up workbook", pos[0]}); err != nil {
		return err
	}
	if err := checkOutput(*out); err != nil {
		return err
	}
	data, err := readInput(e, pos[0], followupInput)
	if err != nil {
		return err
	}
	w, err := followup.Read(pos[0], data)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := followup.Encode(&buf, followup.Compute(w), *format); err != nil {
		return err
	}
	return writeOutput(e, *out, buf.Bytes())
}

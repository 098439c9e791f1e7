// Command ncskit assesses a nation's cyber-security maturity and drafts its
// national cyber-security strategy.
//
// Usage:
//
//	ncskit model [--lang L] [--format json|md]
//	ncskit validate [--model MODEL.json] FILE...
//	ncskit score FILE [--format json|text] [--model MODEL.json] [--lang L] [--top N]
//	ncskit draft FILE --format docx|html|json|md|pdf|xlsx -o OUT
//	        [--part brief|strategy|plan|all] [--names] [--lang L [--partial-language]]
//	        [--template NAME|FILE.json] [--kind KIND] [--model MODEL.json]
//	ncskit questionnaire --format xlsx -o OUT.xlsx [--lang L] [--model MODEL.json]
//	        [--prefill ASSESSMENT.json --respondent ID] [--facts]
//	ncskit import FILLED.xlsx... -o ASSESSMENT.json [--into EXISTING.json]
//	        [--date YYYY-MM-DD] [--model MODEL.json]
//	ncskit progress FOLLOWUP.xlsx --format pdf|html|json -o OUT
//	ncskit region FILE... --format pdf|xlsx|html|json -o OUT [--contacts FILE.vcf]
//	        [--anonymise] [--key TEXT] [--min-states N] [--plan DRAFT.json]... [--model MODEL.json]
//	        [--lang L]
//	ncskit migrate FILE -o OUT [--model MODEL.json]
//	ncskit workbook -o FILE
//	ncskit serve [--addr 127.0.0.1:8080]
//
// model prints the default maturity model; validate checks assessment and
// model files; score prints levels, gaps and ranked priorities; draft
// builds the strategy draft; questionnaire writes the respondents' Excel
// workbook and import reads filled ones back into an assessment; progress
// reads a filled follow-up workbook (the Excel draft with its Reporting
// sheet) into a progress report; region
// compares the assessments of many states side by side and over time and
// writes the regional points-of-contact directory; migrate
// rewrites an assessment made with an earlier major version of the model
// for the current one (or for --model); workbook writes the offline
// browser workbook as one HTML file and serve serves it on a local
// address. 'ncskit COMMAND --help' describes each.
//
// # Inputs
//
// FILE (and --prefill, --into, FILLED.xlsx) may be "-" for standard
// input. Every input is read up to a limit and no further: 8 MiB for a
// JSON file (schemas.MaxSize), 64 MiB for a workbook session file
// (schemas.MaxSessionSize), 10 MiB for a filled questionnaire, 64 MiB for
// a follow-up workbook.
//
// # Outputs
//
// -o - writes to standard output. Any other -o file is written
// whole or not at all, through a temporary file in its directory renamed
// over it; a replaced file keeps its permissions, a new one gets 0644. A
// symbolic link is followed to the file it names, which is created if it
// does not exist yet, and the link stays; a FIFO or a character device is
// written in place; a directory, socket or block device is refused. -o may
// not be one of the command's inputs, under any name (a link, a hard
// link, standard input), except the --into file of import.
//
// What import and migrate report about their work (the answers read from
// each file, each change made) goes to standard output, or to standard
// error when -o - takes standard output. Warnings always go to standard
// error.
//
// # Serving
//
// serve answers only requests for the address it listens on, and its page
// may not be shown in another site's frame.
//
// # Errors
//
// Problems with input go to standard error as "FILE: /json/pointer:
// message". The exit status is 0 on success, 1 for invalid input or a
// failure to write, and 2 for bad usage (including an -o that is an input).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/ncskit/ncskit/problem"
	"github.com/ncskit/ncskit/schemas"
)

// Exit statuses.
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
)

type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

type command struct {
	name    string
	summary string
	// run does the command's work. Its error is reported by exitStatus.
	run func(e *env, args []string) error
}

var commands []command

func init() {
	commands = []command{
		{"model", "print the default maturity model as JSON or Markdown", runModel},
		{"validate", "check assessment or model files against the schemas and the model", runValidate},
		{"score", "score an assessment: levels, gaps and ranked priorities", runScore},
		{"draft", "build a strategy draft (PDF, Excel, HTML, Markdown, JSON) from an assessment", runDraft},
		{"questionnaire", "write the respondents' questionnaire workbook (XLSX)", runQuestionnaire},
		{"import", "read filled questionnaires back into an assessment", runImport},
		{"progress", "read a filled follow-up workbook and report the progress of the plan (PDF, HTML, JSON)", runProgress},
		{"region", "compare the assessments of many states: heat map, shared gaps, progress, contacts", runRegion},
		{"migrate", "migrate an assessment made with an earlier major version of the model", runMigrate},
		{"workbook", "build the offline browser workbook as one self-contained HTML file", runWorkbook},
		{"serve", "serve the offline browser workbook on a local address", runServe},
	}
}

func main() {
	os.Exit(run(os.Args[1:], &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}))
}

func run(args []string, e *env) int {
	if len(args) == 0 {
		usage(e.stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		usage(e.stdout)
		return exitOK
	case "help":
		if len(args) > 1 {
			return run([]string{args[1], "--help"}, e)
		}
		usage(e.stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == name {
			return exitStatus(e, name, c.run(e, args[1:]))
		}
	}
	fmt.Fprintf(e.stderr, "ncskit: unknown command %q\n", name)
	usage(e.stderr)
	return exitUsage
}

// Errors that a command returns when it has printed all there is to say.
var (
	// errHelp: the usage went to standard output for --help.
	errHelp = errors.New("help printed")
	// errReported: the problems went to standard error as they were
	// found (validate reports each file and goes on).
	errReported = errors.New("problems reported")
)

// A usageError is bad usage of a command.
type usageError struct{ msg string }

func (u *usageError) Error() string { return u.msg }

// usagef returns a usageError with a formatted message.
func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// exitStatus reports the error of command cmd and returns the exit
// status: bad usage with a pointer to --help (2); the problems of a
// problem.List, one per line (1); any other error after the command's
// name (1).
func exitStatus(e *env, cmd string, err error) int {
	var bad *usageError
	var probs problem.List
	switch {
	case err == nil, errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, &bad):
		fmt.Fprintf(e.stderr, "ncskit %s: %s\nRun 'ncskit %s --help' for usage.\n", cmd, bad.msg, cmd)
		return exitUsage
	case errors.Is(err, errReported):
		return exitInvalid
	case errors.As(err, &probs):
		for _, p := range probs {
			fmt.Fprintln(e.stderr, p)
		}
		return exitInvalid
	}
	fmt.Fprintf(e.stderr, "ncskit %s: %v\n", cmd, err)
	return exitInvalid
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "ncskit assesses national cyber-security maturity and drafts strategies.")
	fmt.Fprintln(w, "\nUsage: ncskit COMMAND [options] [FILE...]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-13s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'ncskit COMMAND --help' for a command's options. FILE may be - for standard input.")
	fmt.Fprintf(w, "An input file may hold at most %d MiB (JSON), %d MiB (a workbook session file)\nor %d MiB (a filled questionnaire).\n", schemas.MaxSize>>20, schemas.MaxSessionSize>>20, maxQuestionnaireSize>>20)
}

// newFlags returns a flag set for a command. Its usage text goes to the
// writer chosen at the call: standard output for --help, standard error
// for bad usage.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parse prints its own messages
	fs.Usage = func() {}
	return fs
}

// printUsage prints a command's synopsis, description and options, with
// options spelled the way the synopsis spells them (--name).
func printUsage(w io.Writer, fs *flag.FlagSet, synopsis, about string) {
	fmt.Fprintf(w, "Usage: ncskit %s %s\n\n%s\n", fs.Name(), synopsis, about)
	first := true
	fs.VisitAll(func(f *flag.Flag) {
		if first {
			fmt.Fprintln(w, "\nOptions:")
			first = false
		}
		arg, desc := flag.UnquoteUsage(f)
		dashes := "--"
		if len(f.Name) == 1 {
			dashes = "-"
		}
		fmt.Fprintf(w, "  %s%s %s\n      %s", dashes, f.Name, strings.ToUpper(arg), desc)
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
			fmt.Fprintf(w, " (default %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}

// cmdSpec is what parse needs to print a command's usage.
type cmdSpec struct {
	synopsis, about string
}

// parse parses args, allowing flags after positional arguments
// ("score corallia.json --format json"). After --help it prints the
// usage to standard output and returns errHelp; a bad option is a
// usageError.
func parse(e *env, fs *flag.FlagSet, spec cmdSpec, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printUsage(e.stdout, fs, spec.synopsis, spec.about)
				return nil, errHelp
			}
			return nil, usagef("%s", strings.NewReplacer(
				"flag provided but not defined: -", "unknown option --",
				"flag needs an argument: -", "option needs a value: --",
				"for flag -", "for option --",
			).Replace(err.Error()))
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// oneOf returns a usageError unless value is one of allowed.
func oneOf(flagName, value string, allowed ...string) error {
	if slices.Contains(allowed, value) {
		return nil
	}
	return usagef("--%s must be %s, not %q", flagName, strings.Join(allowed, " or "), value)
}

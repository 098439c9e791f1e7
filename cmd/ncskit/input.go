package main

import (
	"fmt"
	"io"
	"os"

	"github.com/ncskit/ncskit/problem"
	"github.com/ncskit/ncskit/questionnaire"
	"github.com/ncskit/ncskit/schemas"
)

// Every file a command reads is read through readInput or readFile, up to
// a limit for its kind and never further, so that a wrong file (a disk
// image, an endless device or pipe) is refused at once instead of filling
// the memory.

// An inputKind is a kind of file a command reads.
type inputKind struct {
	what  string // for messages: "an assessment"
	limit int64  // the most it may hold, in bytes
}

// maxQuestionnaireSize is the largest filled questionnaire that
// questionnaire.Read accepts.
const maxQuestionnaireSize = questionnaire.MaxSize

var (
	// A file that holds an assessment may be a workbook session file,
	// which keeps snapshots and the change log beside the assessment and
	// may reach schemas.MaxSessionSize; a bare assessment is still held
	// to schemas.MaxSize when it is checked.
	assessmentInput    = inputKind{"an assessment or a session file", schemas.MaxSessionSize}
	modelInput         = inputKind{"a model", schemas.MaxSize}
	templateInput      = inputKind{"a template", schemas.MaxSize}
	anyJSONInput       = inputKind{"an assessment, a model or a session file", schemas.MaxSessionSize}
	questionnaireInput = inputKind{"a filled questionnaire", maxQuestionnaireSize}
	draftInput         = inputKind{"a strategy draft in JSON", schemas.MaxSessionSize}
)

// readInput reads the file name, or standard input for "-". Its error is
// a problem.List of one problem of the whole file, naming it.
func readInput(e *env, name string, kind inputKind) ([]byte, error) {
	if name == "-" {
		return readLimited(e.stdin, name, kind)
	}
	return readFile(name, kind)
}

// readFile reads the file name; "-" is a file like any other. Its error
// is a problem.List, as readInput's.
func readFile(name string, kind inputKind) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, readProblem(name, bareErr(err).Error())
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, readProblem(name, "is a directory, not "+kind.what)
	}
	return readLimited(f, name, kind)
}

// readLimited reads r to its end, or to one byte past the limit of kind:
// enough to know that the input is too large.
func readLimited(r io.Reader, name string, kind inputKind) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, kind.limit+1))
	if err != nil {
		return nil, readProblem(name, bareErr(err).Error())
	}
	if int64(len(data)) > kind.limit {
		return nil, problem.List{{File: name,
			Message: fmt.Sprintf("the file is larger than %d MiB (the limit for %s)", kind.limit>>20, kind.what),
			Hint:    "is it the right file?"}}
	}
	return data, nil
}

// readProblem is the error of a file that could not be read.
func readProblem(name, msg string) error {
	return problem.List{{File: name, Message: msg}}
}

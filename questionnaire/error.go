package questionnaire

import "strings"

// Problem is one thing wrong with a filled questionnaire, or found while
// merging it: the file, where in it, and what is wrong. At is a cell
// ("IRC!D14"), a sheet ("IRC"), or empty for the whole file. A problem with
// the assessment that questionnaires are merged into has no File, and At
// is a JSON pointer into the assessment. Messages are lower case without a
// final period.
type Problem struct {
	File    string `json:"file,omitempty"`
	At      string `json:"at,omitempty"`
	Message string `json:"message"`
}

// String formats the problem as "FILE: AT: message", leaving out what is
// empty.
func (p Problem) String() string {
	var parts []string
	for _, s := range []string{p.File, p.At, p.Message} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ": ")
}

// Error is every problem that stopped Read or Merge.
type Error struct {
	Problems []Problem
}

// Error formats the problems one per line.
func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// problems collects the problems of one file.
type problems struct {
	file string
	list []Problem
}

func (p *problems) add(at, msg string) {
	p.list = append(p.list, Problem{File: p.file, At: at, Message: msg})
}

func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	return &Error{Problems: p.list}
}

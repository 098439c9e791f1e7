package questionnaire

import "github.com/ncskit/ncskit/problem"

// Read and Merge report what is wrong as a problem.List. A problem with a
// filled questionnaire names the file and a cell ("IRC!D14"), a sheet
// ("IRC"), or nothing for the whole file. A problem with the assessment
// that questionnaires are merged into has no file, and its place is a
// JSON pointer into the assessment.

// problems collects the problems of one file.
type problems struct {
	file string
	list problem.List
}

func (p *problems) add(at, msg string) {
	p.list = append(p.list, problem.Problem{File: p.file, At: at, Message: msg})
}

func (p *problems) addHint(at, hint, msg string) {
	p.list = append(p.list, problem.Problem{File: p.file, At: at, Message: msg, Hint: hint})
}

func (p *problems) err() error { return p.list.Err() }

package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/ncskit/ncskit/problem"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/questionnaire"
)

// ImportRequest is the request of "import": filled questionnaires, and
// the assessment to add their answers to (the open session's), as
// "ncskit import FILLED.xlsx... --into ASSESSMENT.json" takes them.
type ImportRequest struct {
	Files []ImportFile    `json:"files"`
	Into  json.RawMessage `json:"into"`
}

// ImportFile is one filled questionnaire: its file name, used in
// messages, and its bytes in base64.
type ImportFile struct {
	Name string `json:"name"`
	Data string `json:"data"`
}

// Imported is the response of "import". When any file or the merge has a
// problem, Problems lists every one (the file and the cell, such as
// "ana.xlsx: IRC!D14: ...", or a JSON pointer into Into for a problem of
// the assessment) and Assessment is null: nothing is half-applied. Else
// Assessment is Into with the respondents and answers added (nothing that
// was there is changed), and Files and Added say what came in.
type Imported struct {
	Problems   problem.List       `json:"problems"`
	Assessment *assess.Assessment `json:"assessment"`
	Files      []ImportedFile     `json:"files"`
	Added      ImportAdded        `json:"added"`
}

// ImportedFile is what one questionnaire held: the respondent's details,
// the respondent ID the answers were filed under, how many answers it
// had and how many of them were new (an answer the assessment already
// had, identically, is not added twice).
type ImportedFile struct {
	File         string `json:"file"`
	Name         string `json:"name"`
	Organisation string `json:"organisation"`
	Title        string `json:"title,omitempty"`
	Date         string `json:"date,omitempty"`
	Lang         string `json:"lang"`
	Respondent   string `json:"respondent"`
	Answers      int    `json:"answers"`
	Added        int    `json:"added"`
}

// ImportAdded lists what the import added to the assessment: new
// stakeholders (with no roles yet), new respondents and the number of
// answers.
type ImportAdded struct {
	Stakeholders []assess.Stakeholder `json:"stakeholders"`
	Respondents  []assess.Respondent  `json:"respondents"`
	Responses    int                  `json:"responses"`
}

// maxImportFiles bounds one import: a workshop has at most a few dozen
// respondents.
const maxImportFiles = 200

func runImport(req []byte) ([]byte, error) {
	var r ImportRequest
	if err := decodeRequest("import", req, &r); err != nil {
		return nil, err
	}
	switch {
	case len(r.Files) == 0:
		return nil, errors.New("import: no files: give the filled questionnaires as files: [{name, data}]")
	case len(r.Files) > maxImportFiles:
		return nil, fmt.Errorf("import: %d files; at most %d at once", len(r.Files), maxImportFiles)
	case len(bytes.TrimSpace(r.Into)) == 0 || string(bytes.TrimSpace(r.Into)) == "null":
		return nil, errors.New("import: into is required: the assessment to add the answers to")
	}
	m := assess.Default()
	out := Imported{Problems: problem.List{}, Files: []ImportedFile{}}
	a, err := load.Assessment("", r.Into, m)
	if err != nil {
		for _, p := range problem.From(err) {
			out.Problems = append(out.Problems, p)
		}
	}
	var filled []*questionnaire.Filled
	for i, f := range r.Files {
		name := f.Name
		if strings.TrimSpace(name) == "" {
			name = fmt.Sprintf("file %d", i+1)
		}
		data, err := base64.StdEncoding.DecodeString(f.Data)
		if err != nil {
			out.Problems = append(out.Problems, problem.Problem{File: name, Message: "the data is not base64: " + err.Error()})
			continue
		}
		q, err := questionnaire.Read(name, bytes.NewReader(data), int64(len(data)), m)
		if err != nil {
			out.Problems = append(out.Problems, importProblems(name, err)...)
			continue
		}
		filled = append(filled, q)
	}
	if len(out.Problems) > 0 {
		return marshal(out)
	}
	before := *a
	if err := questionnaire.Merge(m, a, filled...); err != nil {
		out.Problems = importProblems("", err)
		return marshal(out)
	}
	// The merged assessment must load like any other, as "ncskit import"
	// proves before it writes.
	merged, err := json.Marshal(a)
	if err != nil {
		return nil, err
	}
	if _, err := load.Assessment("", merged, m); err != nil {
		for _, p := range problem.From(err) {
			out.Problems = append(out.Problems, problem.Problem{At: p.At, Message: "after the import: " + p.Message, Hint: p.Hint})
		}
		return marshal(out)
	}
	out.Assessment = a
	out.Added = ImportAdded{
		Stakeholders: nonNilSlice(a.Stakeholders[len(before.Stakeholders):]),
		Respondents:  nonNilSlice(a.Respondents[len(before.Respondents):]),
		Responses:    len(a.Responses) - len(before.Responses),
	}
	out.Files = attribute(m, &before, filled)
	return marshal(out)
}

// importProblems returns the located problems of a questionnaire error,
// or the error as one problem of the file.
func importProblems(file string, err error) problem.List {
	var l problem.List
	if errors.As(err, &l) {
		return l
	}
	return problem.List{{File: file, Message: err.Error()}}
}

// attribute says, file by file, which respondent the answers were filed
// under and how many were new, by merging the files one after the other
// into a scratch copy of the assessment as it was before the import.
func attribute(m *assess.Model, before *assess.Assessment, filled []*questionnaire.Filled) []ImportedFile {
	scratch := *before
	out := make([]ImportedFile, len(filled))
	for i, f := range filled {
		out[i] = ImportedFile{File: f.File, Name: f.Name, Organisation: f.Organisation, Title: f.Title,
			Date: f.Date, Lang: f.Lang, Respondent: f.RespondentID, Answers: len(f.Answers)}
		nr, nq := len(scratch.Respondents), len(scratch.Responses)
		if questionnaire.Merge(m, &scratch, f) != nil {
			continue
		}
		out[i].Added = len(scratch.Responses) - nq
		switch {
		case len(scratch.Respondents) > nr:
			out[i].Respondent = scratch.Respondents[nr].ID
		case out[i].Added > 0:
			out[i].Respondent = scratch.Responses[nq].Respondent
		case out[i].Respondent == "" && len(f.Answers) > 0:
			// Every answer was there already: merge once more into a copy
			// without answers to learn whose they are.
			probe := scratch
			probe.Responses = nil
			if questionnaire.Merge(m, &probe, f) == nil && len(probe.Responses) > 0 {
				out[i].Respondent = probe.Responses[0].Respondent
			}
		}
	}
	return out
}

func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

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
// was there is changed), and Files and Added say what came in. It is
// questionnaire.Import's result in the workbook's words.
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
	// Facts is the number of records on its facts sheet.
	Facts int `json:"facts"`
}

// ImportAdded lists what the import added to the assessment: new
// stakeholders (with no roles yet), new respondents, the number of
// answers, and the number of fact records merged into the assessment's
// facts (which replace the records of the same key; see
// questionnaire.Merge).
type ImportAdded struct {
	Stakeholders []assess.Stakeholder `json:"stakeholders"`
	Respondents  []assess.Respondent  `json:"respondents"`
	Responses    int                  `json:"responses"`
	Facts        int                  `json:"facts"`
}

func runImport(req []byte) ([]byte, error) {
	var r ImportRequest
	if err := decodeRequest("import", req, &r); err != nil {
		return nil, err
	}
	switch {
	case len(r.Files) == 0:
		return nil, errors.New("import: no files: give the filled questionnaires as files: [{name, data}]")
	case len(r.Files) > questionnaire.MaxFiles:
		return nil, fmt.Errorf("import: %d files; at most %d at once", len(r.Files), questionnaire.MaxFiles)
	case len(bytes.TrimSpace(r.Into)) == 0 || string(bytes.TrimSpace(r.Into)) == "null":
		return nil, errors.New("import: into is required: the assessment to add the answers to")
	}
	m := assess.Default()
	out := Imported{Problems: problem.List{}, Files: []ImportedFile{}}
	a, err := load.Assessment("", r.Into, m)
	out.Problems = append(out.Problems, problem.From(err)...)
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
			out.Problems = append(out.Problems, problem.From(err).In(name)...)
			continue
		}
		filled = append(filled, q)
	}
	if len(out.Problems) > 0 {
		return marshal(out)
	}
	im, err := questionnaire.Import(m, a, filled, nil)
	if err != nil {
		var l problem.List
		if !errors.As(err, &l) {
			return nil, err
		}
		out.Problems = l
		return marshal(out)
	}
	out.Assessment = im.Assessment
	out.Added = ImportAdded{
		Stakeholders: nonNilSlice(im.Stakeholders),
		Respondents:  nonNilSlice(im.Respondents),
		Responses:    im.Responses,
	}
	for _, f := range im.Files {
		out.Added.Facts += f.Facts
	}
	for _, f := range im.Files {
		q := f.Filled
		out.Files = append(out.Files, ImportedFile{File: q.File, Name: q.Name, Organisation: q.Organisation, Title: q.Title,
			Date: q.Date, Lang: q.Lang, Respondent: f.Respondent, Answers: f.Answers, Added: f.Added, Facts: f.Facts})
	}
	return marshal(out)
}

func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

package questionnaire

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/problem"
	"github.com/ncskit/ncskit/schemas"
)

// MaxFiles is the most questionnaires one Import takes: a workshop has at
// most a few dozen respondents.
const MaxFiles = 200

// ImportOptions are the options of Import. A nil *ImportOptions means the
// zero value.
type ImportOptions struct {
	// Name names the assessment in messages, such as its file name. A
	// problem of the assessment has it as its File, and a conflict with
	// one of its answers names "/responses/3 of NAME". When it is empty
	// such problems have no file, and a conflict names "/responses/3 of
	// the assessment".
	Name string
	// Date is the session date, YYYY-MM-DD, of a new assessment. When it
	// is empty the date is the latest one the respondents gave, else
	// today. It is not used when there is an assessment to import into.
	Date string
}

// Imported is the result of Import: the assessment with the answers added,
// and what became of each questionnaire.
type Imported struct {
	// Assessment is the assessment with the new stakeholders, respondents
	// and answers added. It is a new value: the assessment imported into
	// is not changed.
	Assessment *assess.Assessment
	// Files says what became of each questionnaire, in the order given.
	Files []ImportedFile
	// Stakeholders and Respondents are those the import added, in the
	// order of the assessment. A new stakeholder has no roles yet.
	Stakeholders []assess.Stakeholder
	Respondents  []assess.Respondent
	// Responses is the number of answers added.
	Responses int
}

// ImportedFile is what became of one questionnaire.
type ImportedFile struct {
	// Filled is the questionnaire as Read found it.
	Filled *Filled
	// Respondent is the ID its answers were filed under, and
	// NewRespondent whether the import added that respondent (for this
	// file or an earlier one of the same import) rather than finding it
	// in the assessment.
	Respondent    string
	NewRespondent bool
	// Stakeholder is the ID of the respondent's organisation, and
	// NewStakeholder whether the import added it.
	Stakeholder    string
	NewStakeholder bool
	// Answers is the number of answers the questionnaire holds, and Added
	// how many of them were added: an answer that the assessment, or an
	// earlier questionnaire of the import, holds identically is not added
	// twice.
	Answers, Added int
	// Facts is the number of records on the questionnaire's facts
	// sheet, each merged into the assessment's facts.
	Facts int
}

// Import adds the answers of filled questionnaires, read with Read for
// model m, to the assessment into, or to a new assessment when into is
// nil, as Merge does. A new assessment has a placeholder profile that
// passes the checks but must be completed before scoring: the country and
// the lead ministry read "FILL IN: …", the ISO 3166 code is XX, the
// population 1, the region caribbean, not a small island state, the
// framing economy-infrastructure, and the languages those of the
// questionnaires.
//
// The merged assessment is then checked as the JSON reader checks a file
// (load.Assessment). Every problem, of the questionnaires or of the
// result, comes back in a problem.List, located where it can be: at the
// questionnaire's cell for what a questionnaire brought, at a JSON
// pointer into the assessment for the rest. Then nothing is imported. An
// error that is not a problem.List means Import could not run.
//
// Import never changes into. At most MaxFiles questionnaires are imported
// at once.
func Import(m *assess.Model, into *assess.Assessment, filled []*Filled, o *ImportOptions) (*Imported, error) {
	if o == nil {
		o = &ImportOptions{}
	}
	if len(filled) > MaxFiles {
		return nil, problem.List{{Message: fmt.Sprintf("%d questionnaires; at most %d can be imported at once", len(filled), MaxFiles)}}
	}
	a := into
	if a == nil {
		a = skeleton(m, filled, o.Date)
	}
	mg, err := merge(m, a, o.Name, filled)
	if err != nil {
		return nil, err
	}
	result := *a
	result.Stakeholders, result.Respondents, result.Responses, result.Facts = mg.stakeholders, mg.respondents, mg.responses, mg.facts
	data, err := json.Marshal(&result)
	if err != nil {
		return nil, err
	}
	// The result must read like any assessment file; reading it also
	// makes it a value of its own.
	checked, err := load.Assessment("", data, m)
	if err != nil {
		var l problem.List
		if !errors.As(err, &l) {
			return nil, err
		}
		return nil, mg.after(l).In(o.Name)
	}
	return mg.report(checked), nil
}

// after locates the problems of the merged assessment: at the cell of the
// questionnaire that brought what is wrong, or at the pointer, saying
// that the problem is in the result.
func (mg *merger) after(l problem.List) problem.List {
	out := make(problem.List, len(l))
	for i, p := range l {
		p.File = ""
		if q := mg.locate(p); q.File != "" {
			out[i] = q
			continue
		}
		p.Message = "after the import: " + p.Message
		out[i] = p
	}
	return out
}

// report says what the merge brought into a, the checked result.
func (mg *merger) report(a *assess.Assessment) *Imported {
	n := mg.a
	im := &Imported{
		Assessment:   a,
		Files:        make([]ImportedFile, len(mg.files)),
		Stakeholders: a.Stakeholders[len(n.Stakeholders):],
		Respondents:  a.Respondents[len(n.Respondents):],
		Responses:    len(a.Responses) - len(n.Responses),
	}
	newHolder, newResp := map[string]bool{}, map[string]bool{}
	for _, s := range im.Stakeholders {
		newHolder[s.ID] = true
	}
	for _, r := range im.Respondents {
		newResp[r.ID] = true
	}
	for i, f := range mg.files {
		im.Files[i] = ImportedFile{Filled: f.f,
			Respondent: f.respondent, NewRespondent: newResp[f.respondent],
			Stakeholder: f.stakeholder, NewStakeholder: newHolder[f.stakeholder],
			Answers: len(f.f.Answers), Added: f.added, Facts: countFacts(f.f.Facts)}
	}
	return im
}

// Placeholders of a new assessment's profile: they pass the checks, and
// say plainly that they are to be replaced.
const (
	fillIn        = "FILL IN: "
	placeholderCC = "XX" // a user-assigned ISO 3166 code
)

// skeleton returns a new assessment, with a placeholder profile, for the
// answers of filled. Its date is date, else the latest date the
// respondents gave, else today.
func skeleton(m *assess.Model, filled []*Filled, date string) *assess.Assessment {
	var langs, dates []string
	for _, f := range filled {
		if f == nil {
			continue
		}
		if !slices.Contains(langs, f.Lang) {
			langs = append(langs, f.Lang)
		}
		dates = append(dates, f.Date)
	}
	if date == "" && len(dates) > 0 {
		date = slices.Max(dates) // YYYY-MM-DD sorts as a date; "" when none gave one
	}
	if date == "" {
		date = time.Now().Format(time.DateOnly)
	}
	slices.Sort(langs)
	if len(langs) == 0 {
		langs = []string{"en"}
	}
	return &assess.Assessment{
		Schema:        schemas.URL(schemas.Assessment),
		SchemaVersion: assess.SchemaVersion,
		Model:         assess.ModelRef{ID: m.ID, Version: m.Version},
		Profile: assess.Profile{
			Country:      fillIn + "country",
			ISO3166:      placeholderCC,
			Region:       "caribbean",
			Population:   1,
			Languages:    langs,
			LeadMinistry: fillIn + "lead ministry",
			Framing:      assess.Framings[0],
		},
		Session:      assess.Session{Date: date, Language: langs[0]},
		Stakeholders: []assess.Stakeholder{},
		Respondents:  []assess.Respondent{},
		Responses:    []assess.Response{},
	}
}

// countFacts returns the number of records in f.
func countFacts(f *assess.Facts) int {
	if f == nil {
		return 0
	}
	n := len(f.Instruments) + len(f.Staff) + len(f.Networks) + len(f.Incidents)
	if f.Treaties != nil && f.Treaties.Budapest != nil {
		n++
	}
	if f.StrategyInForce != nil {
		n++
	}
	return n
}

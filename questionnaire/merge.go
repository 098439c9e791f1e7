package questionnaire

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/problem"

	"github.com/ncskit/ncskit/assess"
)

// Merge adds the respondents and answers of filled questionnaires to
// assessment a, made with model m. It never changes what a already holds:
//
//   - The organisation becomes the stakeholder with that name or ID (case,
//     spacing, punctuation and accents aside, in any script), or a new
//     stakeholder with no roles yet.
//   - A questionnaire issued to a respondent ID (Options.Respondent) is
//     filed under that ID; its name and organisation must match when a
//     already has the respondent. Otherwise the respondent with the same
//     name in the same organisation is the same person, and a new one gets
//     an ID made from the name: "Ana Pérez" → "ana-perez" (or "ana-perez-2"
//     when that is taken); a name in another script than Latin gets a
//     short hash of the name, "Иван Петров" → "r-e8eef5cd", so that
//     different names get different IDs whatever the order of the files.
//   - An answer the same respondent already gave, identically, is skipped;
//     a different one is a conflict, reported with both places.
//   - The facts of a facts sheet are merged record by record: a record
//     with the same key as one the assessment holds replaces it (an
//     instrument by its ID, posts by institution, unit and year, a
//     network standing by network, name and member, the Budapest status
//     as a whole), any other is added, and an instrument without an ID
//     gets one made from its name. Nothing is removed. An institution
//     is found among the stakeholders by name or ID like an
//     organisation, or added as a new stakeholder with no roles yet.
//     Files are merged in order, so a later file's record replaces an
//     earlier one's.
//
// The merged assessment is then checked against m, and held to the
// limits of an assessment (assess.MaxStakeholders, MaxRespondents and
// MaxResponses). When there is any problem Merge returns a problem.List
// of them all and leaves a as it was.
//
// Import does the same into a copy, checks the result as the JSON reader
// would, and reports what became of each file.
func Merge(m *assess.Model, a *assess.Assessment, filled ...*Filled) error {
	mg, err := merge(m, a, "", filled)
	if err != nil {
		return err
	}
	a.Stakeholders, a.Respondents, a.Responses, a.Facts = mg.stakeholders, mg.respondents, mg.responses, mg.facts
	return nil
}

// merge merges filled into copies of a's lists, or returns every
// problem. name names a in messages; "" is "the assessment".
func merge(m *assess.Model, a *assess.Assessment, name string, filled []*Filled) (*merger, error) {
	mg := &merger{m: m, a: a, name: name,
		stakeholders: slices.Clone(a.Stakeholders),
		respondents:  slices.Clone(a.Respondents),
		responses:    slices.Clone(a.Responses),
		placed:       map[[2]string]int{},
		origin:       map[int]source{},
		newResp:      map[int]*Filled{},
		newHolder:    map[int]*Filled{},
		facts:        cloneFacts(a.Facts),
		factOrigin:   map[string]factSource{},
		holderCell:   map[int]problem.Problem{},
	}
	if mg.name == "" {
		mg.name = "the assessment"
	}
	if a.Model.ID != m.ID || major(a.Model.Version) != major(m.Version) {
		return nil, problem.List{{At: "/model", Message: fmt.Sprintf("the assessment was made with model %s %s, not %s %s", a.Model.ID, a.Model.Version, m.ID, m.Version)}}.In(name)
	}
	for i, r := range a.Responses {
		mg.placed[[2]string{r.Respondent, r.Indicator}] = i
	}
	for _, f := range filled {
		if f != nil {
			mg.add(f)
		}
	}
	// Facts come after every file's respondent, so that they may name
	// an organisation that a questionnaire brought.
	for _, f := range filled {
		if f != nil {
			mg.addFacts(f)
		}
	}
	if len(mg.list) == 0 && mg.limits() {
		mg.check()
	}
	if len(mg.list) > 0 {
		return nil, mg.list.In(name)
	}
	return mg, nil
}

type merger struct {
	m            *assess.Model
	a            *assess.Assessment
	name         string // of the assessment, in messages
	stakeholders []assess.Stakeholder
	respondents  []assess.Respondent
	responses    []assess.Response
	placed       map[[2]string]int       // respondent and indicator → index in responses
	origin       map[int]source          // index in responses → where it came from
	newResp      map[int]*Filled         // index in respondents → the file that added it
	newHolder    map[int]*Filled         // index in stakeholders → the file that added it
	facts        *assess.Facts           // a's facts with those of the files
	factOrigin   map[string]factSource   // pointer of a merged fact → where it came from
	holderCell   map[int]problem.Problem // index in stakeholders → the facts cell that added it
	files        []merged
	list         problem.List
}

// source is the file and answer a merged response came from.
type source struct {
	file string
	ans  *Answer
}

// merged is what became of one file.
type merged struct {
	f                       *Filled
	respondent, stakeholder string
	added                   int
}

func (mg *merger) add(f *Filled) {
	problem := func(at, msg string) { mg.list = append(mg.list, problem.Problem{File: f.File, At: at, Message: msg}) }
	if f.Model.ID != mg.m.ID || major(f.Model.Version) != major(mg.m.Version) {
		problem("", fmt.Sprintf("the questionnaire is for model %s %s, not %s %s", f.Model.ID, f.Model.Version, mg.m.ID, mg.m.Version))
		return
	}
	holder := mg.stakeholder(f)
	rid, ok := mg.respondent(f, holder, problem)
	if !ok {
		return
	}
	added := 0
	for i := range f.Answers {
		ans := &f.Answers[i]
		r := ans.Response
		r.Respondent = rid
		key := [2]string{rid, r.Indicator}
		if at, dup := mg.placed[key]; dup {
			if prev := mg.responses[at]; prev != r {
				problem(ans.Cell, fmt.Sprintf("conflicts with the answer of respondent %q to %s at %s (%s); nothing was replaced", rid, r.Indicator, mg.where(at), difference(prev, r)))
			}
			continue
		}
		mg.placed[key] = len(mg.responses)
		mg.origin[len(mg.responses)] = source{f.File, ans}
		mg.responses = append(mg.responses, r)
		added++
	}
	mg.files = append(mg.files, merged{f, rid, holder, added})
}

// where says where the response at index i came from: the assessment or
// a file's cell.
func (mg *merger) where(i int) string {
	if src, ok := mg.origin[i]; ok {
		return src.file + ": " + src.ans.Cell
	}
	return fmt.Sprintf("/responses/%d of %s", i, mg.name)
}

// limits reports whether the merged lists are within the limits of an
// assessment, and a problem for each that is not.
func (mg *merger) limits() bool {
	ok := true
	for _, l := range []struct {
		what     string
		n, limit int
	}{
		{"stakeholders", len(mg.stakeholders), assess.MaxStakeholders},
		{"respondents", len(mg.respondents), assess.MaxRespondents},
		{"responses", len(mg.responses), assess.MaxResponses},
	} {
		if l.n > l.limit {
			mg.list = append(mg.list, problem.Problem{At: "/" + l.what, Message: fmt.Sprintf("the import would make %d %s; the limit is %d", l.n, l.what, l.limit)})
			ok = false
		}
	}
	return ok
}

// stakeholder returns the ID of the stakeholder that f's organisation
// names, adding one when there is none.
func (mg *merger) stakeholder(f *Filled) string {
	org := key(f.Organisation)
	for _, s := range mg.stakeholders {
		if strings.EqualFold(s.ID, strings.TrimSpace(f.Organisation)) || key(s.Name) == org {
			return s.ID
		}
	}
	taken := map[string]bool{}
	for _, s := range mg.stakeholders {
		taken[s.ID] = true
	}
	id := unique(newID(f.Organisation, "s", "stakeholder"), taken)
	mg.newHolder[len(mg.stakeholders)] = f
	mg.stakeholders = append(mg.stakeholders, assess.Stakeholder{ID: id, Name: f.Organisation, Roles: []string{}})
	return id
}

// respondent returns the respondent ID of f, adding the respondent when
// it is new.
func (mg *merger) respondent(f *Filled, holder string, problem func(at, msg string)) (string, bool) {
	name := key(f.Name)
	if id := f.RespondentID; id != "" {
		for _, r := range mg.respondents {
			if r.ID != id {
				continue
			}
			if key(r.Name) != name || r.Stakeholder != holder {
				problem(sheetRef(f.respSheet, fieldCell(fieldName)), fmt.Sprintf("respondent %q is %q of stakeholder %q in the assessment, not %q of %q: correct one or the other",
					id, r.Name, r.Stakeholder, f.Name, f.Organisation))
				return "", false
			}
			return id, true
		}
		return mg.newRespondent(f, id, holder), true
	}
	for _, r := range mg.respondents {
		if key(r.Name) == name && r.Stakeholder == holder {
			return r.ID, true
		}
	}
	taken := map[string]bool{}
	for _, r := range mg.respondents {
		taken[r.ID] = true
	}
	return mg.newRespondent(f, unique(newID(f.Name, "r", "respondent"), taken), holder), true
}

func (mg *merger) newRespondent(f *Filled, id, holder string) string {
	mg.newResp[len(mg.respondents)] = f
	mg.respondents = append(mg.respondents, assess.Respondent{ID: id, Name: f.Name, Stakeholder: holder, Title: f.Title})
	return id
}

// check runs the model's checks on the merged assessment and reports each
// problem where it came from: the questionnaire's cell for what Merge
// added, the JSON pointer for the rest.
func (mg *merger) check() {
	merged := *mg.a
	merged.Stakeholders, merged.Respondents, merged.Responses, merged.Facts = mg.stakeholders, mg.respondents, mg.responses, mg.facts
	for _, p := range assess.Check(mg.m, &merged) {
		mg.list = append(mg.list, mg.locate(p))
	}
}

// fieldColumns maps a response field to its column.
var fieldColumns = map[string]column{
	"level": colLevel, "target": colTarget, "provision": colProvision, "confidence": colConfidence,
	"personDependent": colPersonDependent, "evidence": colEvidence,
}

func (mg *merger) locate(p problem.Problem) problem.Problem {
	if q, ok := mg.locateFact(p); ok {
		return q
	}
	parts := strings.Split(strings.TrimPrefix(p.At, "/"), "/")
	if len(parts) >= 2 {
		i, err := strconv.Atoi(parts[1])
		if err == nil {
			switch parts[0] {
			case "responses":
				if src, ok := mg.origin[i]; ok {
					ans := src.ans
					at := ans.Cell
					if len(parts) > 2 {
						if c, ok := fieldColumns[parts[2]]; ok {
							at = ans.at(c)
						}
					}
					return problem.Problem{File: src.file, At: at, Message: p.Message}
				}
			case "respondents":
				if f, ok := mg.newResp[i]; ok {
					return problem.Problem{File: f.File, At: sheetRef(f.respSheet, fieldCell(fieldName)), Message: p.Message}
				}
			case "stakeholders":
				if c, ok := mg.holderCell[i]; ok {
					return problem.Problem{File: c.File, At: c.At, Message: p.Message}
				}
				if f, ok := mg.newHolder[i]; ok {
					return problem.Problem{File: f.File, At: sheetRef(f.respSheet, fieldCell(fieldOrganisation)), Message: p.Message}
				}
			}
		}
	}
	return p
}

// difference says how two answers to the same indicator differ.
func difference(there, here assess.Response) string {
	or := func(s, none string) string {
		if s == "" {
			return none
		}
		return s
	}
	switch {
	case there.Level != here.Level:
		return fmt.Sprintf("level %s there, %s here", there.Level, here.Level)
	case there.Target != here.Target:
		return fmt.Sprintf("target %s there, %s here", or(itoa(there.Target), "none"), or(itoa(here.Target), "none"))
	case there.Provision != here.Provision:
		return fmt.Sprintf("provision %s there, %s here", or(there.Provision, "none"), or(here.Provision, "none"))
	case there.Confidence != here.Confidence:
		return fmt.Sprintf("confidence %s there, %s here", or(there.Confidence, "none"), or(here.Confidence, "none"))
	case there.PersonDependent != here.PersonDependent:
		return fmt.Sprintf("rests on one person: %s there, %s here", yes(there.PersonDependent), yes(here.PersonDependent))
	}
	return "other evidence"
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

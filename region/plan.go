package region

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/problem"
)

// Plan is an earlier strategy draft of one state, as `ncskit draft
// --format json` writes it: the actions it planned and the indicators each
// was meant to move. Given with two or more assessments of the state, it
// lets the progress over time say which planned actions were followed by
// a move of their indicators and which were not.
type Plan struct {
	// Name is the file the draft came from, for messages.
	Name    string
	Country string
	ISO3166 string
	// Date is the draft's date: the session date of the assessment it
	// was drafted from.
	Date    string
	Actions []PlanAction
}

// PlanAction is one action of an earlier plan.
type PlanAction struct {
	ID         string
	Title      string
	Indicators []string
	// End is the month its set-up was due to finish, YYYY-MM.
	End string
}

// draftJSON is the part of the JSON draft a Plan reads.
type draftJSON struct {
	Meta *struct {
		Country string `json:"country"`
		ISO3166 string `json:"iso3166"`
		Date    string `json:"date"`
	} `json:"meta"`
	Actions *[]struct {
		ID         string   `json:"id"`
		Title      string   `json:"title"`
		Indicators []string `json:"indicators"`
		End        string   `json:"end"`
	} `json:"actions"`
}

var (
	datePattern  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	monthPattern = regexp.MustCompile(`^\d{4}-\d{2}$`)
)

// ReadPlan reads an earlier draft in the JSON form of `ncskit draft`. The
// error is a problem.List naming name and the places in the file.
func ReadPlan(name string, data []byte) (*Plan, error) {
	var d draftJSON
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})))
	if err := dec.Decode(&d); err != nil {
		return nil, problem.List{{File: name, Message: "not a strategy draft in JSON: " + strings.TrimPrefix(err.Error(), "json: "),
			Hint: "give the JSON form of the earlier draft (ncskit draft FILE --format json)"}}
	}
	if d.Meta == nil || d.Actions == nil {
		return nil, problem.List{{File: name, Message: "not a strategy draft: it has no meta or no actions",
			Hint: "give the JSON form of the earlier draft (ncskit draft FILE --format json)"}}
	}
	var probs problem.List
	p := &Plan{Name: name, Country: strings.TrimSpace(d.Meta.Country), ISO3166: strings.ToUpper(strings.TrimSpace(d.Meta.ISO3166)), Date: d.Meta.Date}
	if p.Country == "" && p.ISO3166 == "" {
		probs.Add("/meta/country", "the draft names no country")
	}
	if !datePattern.MatchString(p.Date) {
		probs.Add("/meta/date", "%q is not a date (YYYY-MM-DD)", p.Date)
	}
	seen := map[string]bool{}
	for i, a := range *d.Actions {
		at := problem.Pointer("actions", i)
		switch {
		case a.ID == "":
			probs.Add(at+"/id", "the action has no ID")
		case seen[a.ID]:
			probs.Add(at+"/id", "action %s is listed twice", a.ID)
		}
		seen[a.ID] = true
		if len(a.Indicators) == 0 {
			probs.Add(at+"/indicators", "action %s names no indicator", a.ID)
		}
		if !monthPattern.MatchString(a.End) {
			probs.Add(at+"/end", "%q is not a month (YYYY-MM)", a.End)
		}
		p.Actions = append(p.Actions, PlanAction{ID: a.ID, Title: a.Title, Indicators: a.Indicators, End: a.End})
	}
	if len(probs) > 0 {
		return nil, probs.In(name)
	}
	return p, nil
}

// PlanReview sets the actions of a state's earlier plan against the change
// of their indicators from the round the plan was drafted from (the
// latest round on or before the plan's date; the first round when the
// plan is older than every round) to the latest round.
type PlanReview struct {
	// File is the plan's file; empty in an anonymised report.
	File string `json:"file,omitempty"`
	Date string `json:"date"`
	// From and To are the session dates of the two rounds compared.
	From    string         `json:"from"`
	To      string         `json:"to"`
	Actions []ActionReview `json:"actions"`
	// Counts of the actions by Result, in the order of Results.
	Counts map[string]int `json:"counts"`
}

// ActionReview is one planned action and what became of its indicators.
type ActionReview struct {
	ID string `json:"id"`
	// Title is the action's title; empty in an anonymised report, since
	// titles name instruments and institutions.
	Title string `json:"title,omitempty"`
	End   string `json:"end"`
	// Due is true when the action's set-up was due to finish by the month
	// of the latest round.
	Due        bool     `json:"due"`
	Indicators []Change `json:"indicators"`
	// NotCompared lists its indicators without a level in one of the
	// two rounds.
	NotCompared []string `json:"notCompared,omitempty"`
	// Result is one of Results.
	Result string `json:"result"`
}

// Results are the values of ActionReview.Result: every compared indicator
// of the action moved up; some did; none did; none could be compared.
var Results = []string{"moved", "partly", "not-moved", "not-compared"}

// reviewPlans matches every plan to its state and reviews it. A plan for
// no state assessed twice, a second plan for one state, or a plan dated
// after the state's latest round is a problem naming the plan's file.
func (r *Report) reviewPlans(plans []*Plan) error {
	var probs problem.List
	done := map[*State]string{}
	for _, p := range plans {
		s := r.stateOfPlan(p)
		var sp *StateProgress
		if s != nil {
			for _, x := range r.Progress {
				if x.State == s.Code {
					sp = x
				}
			}
		}
		switch {
		case s == nil:
			probs = append(probs, problem.Problem{File: p.Name, At: "/meta/country", Message: fmt.Sprintf("the plan's country %s matches none of the states compared", planCountry(p))})
			continue
		case sp == nil:
			probs = append(probs, problem.Problem{File: p.Name, At: "/meta/country", Message: fmt.Sprintf("%s is assessed once only: a plan is reviewed against two or more rounds", s.Name)})
			continue
		case done[s] != "":
			probs = append(probs, problem.Problem{File: p.Name, Message: fmt.Sprintf("a second plan for %s (the first is %s)", s.Name, done[s])})
			continue
		case p.Date >= s.rounds[len(s.rounds)-1].in.Assessment.Session.Date:
			probs = append(probs, problem.Problem{File: p.Name, At: "/meta/date", Message: fmt.Sprintf("the plan is dated %s, not before the latest assessment of %s (%s)",
				p.Date, s.Name, s.rounds[len(s.rounds)-1].in.Assessment.Session.Date)})
			continue
		}
		done[s] = p.Name
		sp.Plan = review(s, p)
	}
	return probs.Err()
}

func planCountry(p *Plan) string {
	if p.ISO3166 != "" {
		return fmt.Sprintf("%s (%s)", p.Country, p.ISO3166)
	}
	return p.Country
}

// stateOfPlan finds the state a plan is for: by ISO code where both have
// one, else by name.
func (r *Report) stateOfPlan(p *Plan) *State {
	for _, s := range r.States {
		a := s.rounds[len(s.rounds)-1].in.Assessment
		if p.ISO3166 != "" && a.Profile.ISO3166 != "" {
			if strings.EqualFold(p.ISO3166, a.Profile.ISO3166) {
				return s
			}
			continue
		}
		if strings.EqualFold(p.Country, strings.TrimSpace(a.Profile.Country)) {
			return s
		}
	}
	return nil
}

// review compares the plan's actions with the change of their indicators.
func review(s *State, p *Plan) *PlanReview {
	base := s.rounds[0]
	for _, rd := range s.rounds {
		if rd.in.Assessment.Session.Date <= p.Date {
			base = rd
		}
	}
	last := s.rounds[len(s.rounds)-1]
	lastMonth := last.in.Assessment.Session.Date[:7]
	pr := &PlanReview{File: p.Name, Date: p.Date, From: base.in.Assessment.Session.Date, To: last.in.Assessment.Session.Date,
		Actions: []ActionReview{}, Counts: map[string]int{}}
	for _, res := range Results {
		pr.Counts[res] = 0
	}
	for _, a := range p.Actions {
		ar := ActionReview{ID: a.ID, Title: a.Title, End: a.End, Due: a.End <= lastMonth, Indicators: []Change{}}
		up := 0
		for _, id := range a.Indicators {
			x, y := base.res.Indicator(id), last.res.Indicator(id)
			if x == nil || y == nil || x.Status != assess.Assessed || y.Status != assess.Assessed {
				ar.NotCompared = append(ar.NotCompared, id)
				continue
			}
			c := Change{Indicator: id, From: x.Level, To: y.Level, Delta: y.Level - x.Level}
			if c.Delta > 0 {
				up++
			}
			ar.Indicators = append(ar.Indicators, c)
		}
		switch n := len(ar.Indicators); {
		case n == 0:
			ar.Result = "not-compared"
		case up == n:
			ar.Result = "moved"
		case up > 0:
			ar.Result = "partly"
		default:
			ar.Result = "not-moved"
		}
		pr.Counts[ar.Result]++
		pr.Actions = append(pr.Actions, ar)
	}
	return pr
}

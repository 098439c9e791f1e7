package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/problem"
)

// The worker keeps the assessment being edited, so that a change of one
// answer travels as that answer, not as the whole assessment (whose
// decoding is most of the time of "rescore"): "live" with an assessment
// sets the copy; "live" with changes of responses edits it. Both score
// the copy as "rescore" scores the assessment passed, the plan's warnings
// only when asked: they take more time than the scoring itself, and only
// the results screen shows them.

// LiveRequest is the request of "live". Rev names the state the request
// leaves the copy in. With Assessment, the copy becomes that assessment
// (decoded as "rescore" decodes it). Without it, Base must be the Rev of
// the request that made the current copy, and Responses are applied to
// it in order.
// Count, with changes, is the number of responses the page's assessment
// has after them: a copy with another number is stale.
// Plan asks for the warnings of the plan drawn from the assessment (a
// deadline it cannot meet) after the scoring ones, as "rescore" gives
// them; without it the result has the scoring warnings alone.
// Lang is the language of the warnings and of the priorities' reasons
// (one of assess.MessageLanguages; English when empty or another).
type LiveRequest struct {
	Rev        int              `json:"rev"`
	Base       int              `json:"base,omitempty"`
	Assessment json.RawMessage  `json:"assessment,omitempty"`
	Responses  []ResponseChange `json:"responses,omitempty"`
	Count      int              `json:"count,omitempty"`
	Plan       bool             `json:"plan,omitempty"`
	Lang       string           `json:"lang,omitempty"`
}

// ResponseChange sets, adds or removes the response of one respondent to
// one indicator. At is the response's place in the list after the change
// (before it, for a removal); a Response of null removes it.
type ResponseChange struct {
	Indicator  string           `json:"indicator"`
	Respondent string           `json:"respondent"`
	At         int              `json:"at"`
	Response   *assess.Response `json:"response"`
}

// Live is the response of "live": the response of "rescore", and the
// revision of the copy it scored. Stale is set, with nothing scored,
// when the changes do not apply to the copy the worker has (another
// revision, or a response not where the change says): the page then
// sends the whole assessment. Plan says that the result's warnings
// include the plan's.
type Live struct {
	Scored
	Rev   int  `json:"rev"`
	Stale bool `json:"stale,omitempty"`
	Plan  bool `json:"plan,omitempty"`
}

var live struct {
	rev int
	a   *assess.Assessment // nil until an assessment was set
}

func runLive(req []byte) ([]byte, error) {
	var r LiveRequest
	dec := json.NewDecoder(bytes.NewReader(req))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("live: the request is not the expected JSON: %v", err)
	}
	if r.Assessment != nil {
		live.a, live.rev = nil, 0
		var a assess.Assessment
		d := json.NewDecoder(bytes.NewReader(r.Assessment))
		d.DisallowUnknownFields()
		if err := d.Decode(&a); err != nil || d.More() {
			// Located problems come from score; the copy stays unset.
			out, err := runScore(r.Assessment)
			if err != nil {
				return nil, err
			}
			var s Scored
			if err := json.Unmarshal(out, &s); err != nil {
				return nil, err
			}
			return marshal(Live{Scored: s, Rev: r.Rev, Plan: s.Result != nil})
		}
		live.a, live.rev = &a, r.Rev
		return scoreLive(r.Plan, r.Lang)
	}
	if live.a == nil || r.Base != live.rev || !applyChanges(live.a, r.Responses) || len(live.a.Responses) != r.Count {
		live.a, live.rev = nil, 0
		return marshal(Live{Scored: Scored{Kind: "assessment", Problems: problem.List{}}, Rev: r.Rev, Stale: true})
	}
	live.rev = r.Rev
	return scoreLive(r.Plan, r.Lang)
}

// scoreLive scores the copy, with the plan's warnings if plan is set,
// the messages in lang.
func scoreLive(plan bool, lang string) ([]byte, error) {
	out := Live{Scored: Scored{Kind: "assessment", Problems: problem.List{}}, Rev: live.rev}
	res, err := assess.ScoreIn(assess.Default(), live.a, lang)
	switch {
	case err != nil:
		out.Problems = problem.From(err)
	case plan:
		out.Result, out.Plan = withPlanWarnings(live.a, res, lang), true
	default:
		out.Result = res
	}
	return marshal(out)
}

// applyChanges applies changes to a, or reports false, leaving a in an
// undefined state, when one does not fit it: the response to change or
// remove is not at its place, or the one to add exists already.
func applyChanges(a *assess.Assessment, changes []ResponseChange) bool {
	for _, c := range changes {
		i := slices.IndexFunc(a.Responses, func(r assess.Response) bool {
			return r.Indicator == c.Indicator && r.Respondent == c.Respondent
		})
		switch {
		case c.Response != nil && (c.Response.Indicator != c.Indicator || c.Response.Respondent != c.Respondent):
			return false
		case c.Response == nil: // remove
			if i < 0 || i != c.At {
				return false
			}
			a.Responses = slices.Delete(a.Responses, i, i+1)
		case i >= 0: // change
			if i != c.At {
				return false
			}
			a.Responses[i] = *c.Response
		default: // add
			if c.At < 0 || c.At > len(a.Responses) {
				return false
			}
			a.Responses = slices.Insert(a.Responses, c.At, *c.Response)
		}
	}
	return true
}

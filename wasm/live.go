package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
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
// Have, with changes, is the Rev of the live answer whose result the page
// holds: when it is the last answer's, the answer may tell the result as
// what differs from that one (Live.Changes).
type LiveRequest struct {
	Rev        int              `json:"rev"`
	Base       int              `json:"base,omitempty"`
	Assessment json.RawMessage  `json:"assessment,omitempty"`
	Responses  []ResponseChange `json:"responses,omitempty"`
	Count      int              `json:"count,omitempty"`
	Plan       bool             `json:"plan,omitempty"`
	Lang       string           `json:"lang,omitempty"`
	Have       int              `json:"have,omitempty"`
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
// include the plan's. Changes, given instead of Result, tells the result
// as what differs from the result of the answer the request named in
// Have.
type Live struct {
	Scored
	Rev     int          `json:"rev"`
	Stale   bool         `json:"stale,omitempty"`
	Plan    bool         `json:"plan,omitempty"`
	Changes *LiveChanges `json:"changes,omitempty"`
}

// LiveChanges is a result told as what differs from an earlier one (of the
// answer whose Rev is From), for a key press to carry a few hundred bytes
// rather than the whole result: the scores of the indicators that changed
// (whole), the areas and pillars whose roll-up changed (without their
// lists of areas and indicators, which stay as they were, with the
// changed indicators in them), and the result's other fields that changed
// (whole: coverage, gaps, priorities, warnings).
type LiveChanges struct {
	From       int                               `json:"from"`
	Indicators map[string]*assess.IndicatorScore `json:"indicators,omitempty"`
	Areas      map[string]*assess.AreaScore      `json:"areas,omitempty"`
	Pillars    map[string]*assess.PillarScore    `json:"pillars,omitempty"`
	Result     map[string]any                    `json:"result,omitempty"`
}

var live struct {
	rev int
	a   *assess.Assessment // nil until an assessment was set
	// sent is the result of the last answer, and sentRev its Rev; nil
	// when the last answer had none.
	sent    *assess.Result
	sentRev int
}

func runLive(req []byte) ([]byte, error) {
	var r LiveRequest
	dec := json.NewDecoder(bytes.NewReader(req))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("live: the request is not the expected JSON: %v", err)
	}
	if r.Assessment != nil {
		live.a, live.rev, live.sent = nil, 0, nil
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
		return scoreLive(r.Plan, r.Lang, nil, false)
	}
	touched := map[string]bool{}
	ok, moved := live.a != nil && r.Base == live.rev, false
	if ok {
		ok, moved = applyChanges(live.a, r.Responses, touched)
	}
	if !ok || len(live.a.Responses) != r.Count {
		live.a, live.rev, live.sent = nil, 0, nil
		return marshal(Live{Scored: Scored{Kind: "assessment", Problems: problem.List{}}, Rev: r.Rev, Stale: true})
	}
	live.rev = r.Rev
	if moved {
		touched = nil
	}
	return scoreLive(r.Plan, r.Lang, touched, r.Have != 0 && r.Have == live.sentRev)
}

// scoreLive scores the copy, with the plan's warnings if plan is set,
// the messages in lang. With delta, the answer tells the result as what
// differs from the last one sent; touched then names the indicators whose
// responses changed, or is nil when a response was added or removed
// (which moves the others' places).
func scoreLive(plan bool, lang string, touched map[string]bool, delta bool) ([]byte, error) {
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
	prev, prevRev := live.sent, live.sentRev
	live.sent, live.sentRev = out.Result, live.rev
	if delta && prev != nil && out.Result != nil {
		if c, ok := changesFrom(prev, out.Result, touched); ok {
			c.From = prevRev
			out.Result, out.Changes = nil, c
		}
	}
	return marshal(out)
}

// changesFrom tells res as what differs from prev, both results of the
// same model; only the indicators in touched can differ when touched is
// not nil. It reports false when a field that changes never does on a key
// press (model, country, date, target profile) differs: the whole result
// then goes.
func changesFrom(prev, res *assess.Result, touched map[string]bool) (*LiveChanges, bool) {
	if prev.Model != res.Model || prev.Country != res.Country || prev.Date != res.Date ||
		prev.TargetFrom != res.TargetFrom || len(prev.Pillars) != len(res.Pillars) {
		return nil, false
	}
	c := &LiveChanges{}
	for pi, p := range res.Pillars {
		pp := prev.Pillars[pi]
		if pp.ID != p.ID || len(pp.Areas) != len(p.Areas) {
			return nil, false
		}
		if pp.Rollup != p.Rollup {
			c.Pillars = put(c.Pillars, p.ID, &assess.PillarScore{ID: p.ID, Rollup: p.Rollup})
		}
		for ai, a := range p.Areas {
			pa := pp.Areas[ai]
			if pa.ID != a.ID || len(pa.Indicators) != len(a.Indicators) {
				return nil, false
			}
			if pa.Rollup != a.Rollup {
				c.Areas = put(c.Areas, a.ID, &assess.AreaScore{ID: a.ID, Rollup: a.Rollup})
			}
			for ii, in := range a.Indicators {
				if pa.Indicators[ii].ID != in.ID {
					return nil, false
				}
				if (touched == nil || touched[in.ID]) && !reflect.DeepEqual(pa.Indicators[ii], in) {
					c.Indicators = put(c.Indicators, in.ID, in)
				}
			}
		}
	}
	for _, f := range []struct {
		name     string
		old, cur any
	}{
		{"coverage", prev.Coverage, res.Coverage},
		{"gaps", prev.Gaps, res.Gaps},
		{"priorities", prev.Priorities, res.Priorities},
		{"warnings", prev.Warnings, res.Warnings},
	} {
		if !reflect.DeepEqual(f.old, f.cur) {
			c.Result = put(c.Result, f.name, f.cur)
		}
	}
	return c, true
}

// put sets m[k] = v, making m if it is nil.
func put[V any](m map[string]V, k string, v V) map[string]V {
	if m == nil {
		m = map[string]V{}
	}
	m[k] = v
	return m
}

// applyChanges applies changes to a, or reports false, leaving a in an
// undefined state, when one does not fit it: the response to change or
// remove is not at its place, or the one to add exists already. It adds
// the indicator of each change to touched, and reports moved when a
// response was added or removed.
func applyChanges(a *assess.Assessment, changes []ResponseChange, touched map[string]bool) (ok, moved bool) {
	for _, c := range changes {
		i := slices.IndexFunc(a.Responses, func(r assess.Response) bool {
			return r.Indicator == c.Indicator && r.Respondent == c.Respondent
		})
		switch {
		case c.Response != nil && (c.Response.Indicator != c.Indicator || c.Response.Respondent != c.Respondent):
			return false, false
		case c.Response == nil: // remove
			if i < 0 || i != c.At {
				return false, false
			}
			a.Responses = slices.Delete(a.Responses, i, i+1)
			moved = true
		case i >= 0: // change
			if i != c.At {
				return false, false
			}
			a.Responses[i] = *c.Response
			touched[c.Indicator] = true
		default: // add
			if c.At < 0 || c.At > len(a.Responses) {
				return false, false
			}
			a.Responses = slices.Insert(a.Responses, c.At, *c.Response)
			moved = true
		}
	}
	return true, moved
}

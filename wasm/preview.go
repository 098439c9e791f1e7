package main

import (
	"fmt"

	"github.com/ncskit/ncskit/assess"
)

// In Chromium the engine's answer to a level key reaches the page only
// after the browser has drawn the frame that follows the key. So that the
// card's strip (the level, the spread, the disagreement cue) changes in
// that frame, the page asks ahead, once the answer of a change is in,
// what the shown indicator's score would be with each answer the shown
// respondent could give next, and draws the one the key gives at once.
// The engine's own answer follows and redraws everything from the score.

// PreviewRequest asks, of the live copy (see "live") at revision Rev,
// the score of Indicator with Respondent's answer set to each of the
// levels, "n/a" and "unknown".
type PreviewRequest struct {
	Rev        int    `json:"rev"`
	Indicator  string `json:"indicator"`
	Respondent string `json:"respondent"`
}

// Preview is the answer of "preview": the indicator's score for each
// answer, keyed as the answer is written in JSON ("1" to "5", "n/a",
// "unknown"). Stale, with no scores, says that the copy is not at Rev.
type Preview struct {
	Rev        int                               `json:"rev"`
	Indicator  string                            `json:"indicator"`
	Respondent string                            `json:"respondent"`
	Stale      bool                              `json:"stale,omitempty"`
	Scores     map[string]*assess.IndicatorScore `json:"scores,omitempty"`
}

func runPreview(req []byte) ([]byte, error) {
	var r PreviewRequest
	if err := decodeRequest("preview", req, &r); err != nil {
		return nil, err
	}
	out := Preview{Rev: r.Rev, Indicator: r.Indicator, Respondent: r.Respondent}
	if live.a == nil || live.rev != r.Rev {
		out.Stale = true
		return marshal(out)
	}
	m := assess.Default()
	if m.Indicator(r.Indicator) == nil {
		return nil, fmt.Errorf("preview: the model has no indicator %q", r.Indicator)
	}
	// The indicator's own responses are all its score depends on: the
	// copy keeps those alone, and each rating's Response is put back to
	// the response's place in the whole list. A respondent who has not
	// answered yet answers last, as the page adds the answer.
	one := *live.a
	one.Responses = nil
	var at []int
	mine := -1
	for i, resp := range live.a.Responses {
		if resp.Indicator != r.Indicator {
			continue
		}
		if resp.Respondent == r.Respondent {
			mine = len(one.Responses)
		}
		at = append(at, i)
		one.Responses = append(one.Responses, resp)
	}
	if mine < 0 {
		mine = len(one.Responses)
		at = append(at, len(live.a.Responses))
		one.Responses = append(one.Responses, assess.Response{Indicator: r.Indicator, Respondent: r.Respondent})
	}
	ratings := []assess.Rating{assess.NotApplicable, assess.Unknown}
	for l := len(m.Scale.Levels); l >= 1; l-- {
		ratings = append([]assess.Rating{assess.Rating(l)}, ratings...)
	}
	out.Scores = map[string]*assess.IndicatorScore{}
	for _, v := range ratings {
		one.Responses[mine].Level = v
		is, err := assess.ScoreIndicator(m, &one, r.Indicator)
		if err != nil {
			return nil, fmt.Errorf("preview: %v", err)
		}
		for k := range is.Ratings {
			is.Ratings[k].Response = at[is.Ratings[k].Response]
		}
		out.Scores[v.String()] = is
	}
	return marshal(out)
}

package main

import (
	"encoding/json"
	"testing"

	"github.com/ncskit/ncskit/assess"
)

// TestPreview: the scores "preview" gives for each answer of a respondent
// are the indicator's scores in "live"'s result once that answer is
// given, for a respondent who has answered (whose other fields, such as a
// person-dependent cap, stay) and for one who has not; a copy at another
// revision is stale.
func TestPreview(t *testing.T) {
	data := readExample(t, "small-island.json")
	var a assess.Assessment
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	const ind = "GOV.STR.1"
	liveCount = len(a.Responses)
	liveCall(t, LiveRequest{Rev: 7, Assessment: data})
	answered := a.Responses[0].Respondent
	for i, r := range a.Responses {
		if r.Indicator == ind {
			answered = r.Respondent
			a.Responses[i].PersonDependent = true // a capped level shows in the preview
			liveCall(t, LiveRequest{Rev: 7, Assessment: mustJSON(t, &a)})
			break
		}
	}
	newcomer := ""
	for _, p := range a.Respondents {
		has := false
		for _, r := range a.Responses {
			has = has || r.Indicator == ind && r.Respondent == p.ID
		}
		if !has {
			newcomer = p.ID
		}
	}
	if newcomer == "" {
		t.Fatal("every respondent has answered the indicator: the test needs one who has not")
	}
	for _, who := range []string{answered, newcomer} {
		var p Preview
		call(t, "preview", mustJSON(t, PreviewRequest{Rev: 7, Indicator: ind, Respondent: who}), &p)
		if p.Stale || len(p.Scores) != 7 {
			t.Fatalf("%s: stale %v, %d scores", who, p.Stale, len(p.Scores))
		}
		if capped := p.Scores["5"].Capped; capped != (who == answered) {
			t.Errorf("%s answers 5: capped %v", who, capped)
		}
		for _, v := range []assess.Rating{1, 2, 3, 4, 5, assess.NotApplicable, assess.Unknown} {
			b := a
			b.Responses = append([]assess.Response(nil), a.Responses...)
			i := -1
			for k, r := range b.Responses {
				if r.Indicator == ind && r.Respondent == who {
					i = k
				}
			}
			if i < 0 {
				b.Responses = append(b.Responses, assess.Response{Indicator: ind, Respondent: who})
				i = len(b.Responses) - 1
			}
			b.Responses[i].Level = v
			res, err := assess.Score(assess.Default(), &b)
			if err != nil {
				t.Fatal(err)
			}
			want := mustJSON(t, res.Indicator(ind))
			if got := mustJSON(t, p.Scores[v.String()]); string(got) != string(want) {
				t.Errorf("%s answers %s: preview %s\nwant %s", who, v, got, want)
			}
		}
	}
	var p Preview
	call(t, "preview", mustJSON(t, PreviewRequest{Rev: 6, Indicator: ind, Respondent: answered}), &p)
	if !p.Stale || p.Scores != nil {
		t.Errorf("a preview of another revision: %+v", p)
	}
	if _, err := handle("preview", mustJSON(t, PreviewRequest{Rev: 7, Indicator: "NO.SUCH.1", Respondent: answered})); err == nil {
		t.Error("an unknown indicator was previewed")
	}
}

// BenchmarkPreview measures "preview" on the small-island example (10
// respondents), the call the page makes after each scored change, beside
// "live" with one changed answer, the call of the key itself.
func BenchmarkPreview(b *testing.B) {
	data := readExample(b, "small-island.json")
	var a assess.Assessment
	if err := json.Unmarshal(data, &a); err != nil {
		b.Fatal(err)
	}
	if _, err := handle("live", mustJSON(b, LiveRequest{Rev: 1, Assessment: data})); err != nil {
		b.Fatal(err)
	}
	r := a.Responses[0]
	b.Run("preview", func(b *testing.B) {
		req := mustJSON(b, PreviewRequest{Rev: 1, Indicator: r.Indicator, Respondent: r.Respondent})
		for b.Loop() {
			if _, err := handle("preview", req); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("live", func(b *testing.B) {
		rev := live.rev
		for b.Loop() {
			r.Level = 1 + r.Level%5
			req := mustJSON(b, LiveRequest{Rev: rev + 1, Base: rev, Count: len(a.Responses), Responses: []ResponseChange{{Indicator: r.Indicator, Respondent: r.Respondent, At: 0, Response: &r}}})
			if _, err := handle("live", req); err != nil {
				b.Fatal(err)
			}
			rev++
		}
	})
}

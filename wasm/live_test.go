package main

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/problem"
)

// liveCall runs "live" with req and returns its response.
func liveCall(t *testing.T, req LiveRequest) Live {
	t.Helper()
	if req.Assessment == nil && req.Count == 0 {
		req.Count = liveCount
	}
	data, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	var l Live
	call(t, "live", data, &l)
	return l
}

// liveCount is the number of responses the test's assessment has: the
// count sent with changes.
var liveCount int

// rescored is the result of "rescore" on a whole assessment, as JSON.
func rescored(t *testing.T, a *assess.Assessment) string {
	t.Helper()
	data, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	liveCount = len(a.Responses)
	var s Scored
	call(t, "rescore", data, &s)
	if s.Result == nil {
		t.Fatalf("rescore: %v", s.Problems)
	}
	return string(mustJSON(t, s.Result))
}

// TestLive edits the worker's copy of the example one response at a
// time (a new level, a removal, an addition at its place) and checks each
// result against "rescore" of the whole edited assessment; a change that
// does not fit the copy is stale until the page sends the assessment.
func TestLive(t *testing.T) {
	data := readExample(t, "small-island.json")
	var a assess.Assessment
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	liveCount = len(a.Responses)
	l := liveCall(t, LiveRequest{Rev: 1, Assessment: data, Plan: true})
	if l.Stale || l.Rev != 1 || !l.Plan || string(mustJSON(t, l.Result)) != rescored(t, &a) {
		t.Fatalf("the copy set from the example scores otherwise than rescore (stale %v, rev %d, plan %v)", l.Stale, l.Rev, l.Plan)
	}
	r := a.Responses[3]
	r.Level = 5 - r.Level%5
	a.Responses[3] = r
	l = liveCall(t, LiveRequest{Rev: 2, Base: 1, Responses: []ResponseChange{{r.Indicator, r.Respondent, 3, &r}}, Plan: true})
	if l.Stale || l.Rev != 2 || string(mustJSON(t, l.Result)) != rescored(t, &a) {
		t.Fatalf("after a new level: stale %v, or the result differs from rescore", l.Stale)
	}
	gone := a.Responses[7]
	a.Responses = append(a.Responses[:7:7], a.Responses[8:]...)
	liveCount = len(a.Responses)
	l = liveCall(t, LiveRequest{Rev: 3, Base: 2, Responses: []ResponseChange{{gone.Indicator, gone.Respondent, 7, nil}}, Plan: true})
	if l.Stale || string(mustJSON(t, l.Result)) != rescored(t, &a) {
		t.Fatalf("after a removal: stale %v, or the result differs from rescore", l.Stale)
	}
	// Without Plan, the scoring's warnings alone: the example's plan
	// misses a deadline, which only the request with Plan reports.
	a.Responses = append(a.Responses[:7:7], append([]assess.Response{gone}, a.Responses[7:]...)...)
	liveCount = len(a.Responses)
	l = liveCall(t, LiveRequest{Rev: 4, Base: 3, Responses: []ResponseChange{{gone.Indicator, gone.Respondent, 7, &gone}}})
	if l.Stale || l.Plan || string(mustJSON(t, l.Result)) != scoredAlone(t, &a) {
		t.Fatalf("after an addition, without the plan: stale %v, plan %v, or the result differs from assess.Score", l.Stale, l.Plan)
	}
	if slices.ContainsFunc(l.Result.Warnings, func(w assess.Warning) bool { return w.Code == "deadline" }) {
		t.Errorf("a result without the plan has its warnings: %v", l.Result.Warnings)
	}
	// The same copy again, with the plan: no change, the same revision.
	l = liveCall(t, LiveRequest{Rev: 4, Base: 4, Plan: true})
	if l.Stale || !l.Plan || string(mustJSON(t, l.Result)) != rescored(t, &a) {
		t.Fatalf("the plan's warnings asked without a change: stale %v, plan %v, or the result differs from rescore", l.Stale, l.Plan)
	}
	if !slices.ContainsFunc(l.Result.Warnings, func(w assess.Warning) bool { return w.Code == "deadline" }) {
		t.Errorf("the example's missed deadline is not among the warnings: %v", l.Result.Warnings)
	}
	for _, tc := range []struct {
		name string
		req  LiveRequest
	}{
		{"another base", LiveRequest{Rev: 5, Base: 3, Responses: []ResponseChange{{r.Indicator, r.Respondent, 3, &r}}}},
		{"not at its place", LiveRequest{Rev: 5, Base: 4, Responses: []ResponseChange{{r.Indicator, r.Respondent, 4, &r}}}},
		{"added twice", LiveRequest{Rev: 5, Base: 4, Responses: []ResponseChange{{gone.Indicator, gone.Respondent, 9, nil}}}},
		{"another respondent's", LiveRequest{Rev: 5, Base: 4, Responses: []ResponseChange{{r.Indicator, "someone-else", 3, &r}}}},
		{"another count", LiveRequest{Rev: 5, Base: 4, Responses: []ResponseChange{{r.Indicator, r.Respondent, 3, &r}}, Count: 3}},
	} {
		liveCall(t, LiveRequest{Rev: 4, Assessment: mustJSON(t, &a)})
		if l := liveCall(t, tc.req); !l.Stale || l.Result != nil {
			t.Errorf("%s: not stale", tc.name)
		}
		// The copy is dropped: even a change that would fit is stale now.
		if l := liveCall(t, LiveRequest{Rev: 6, Base: 4, Responses: []ResponseChange{{r.Indicator, r.Respondent, 3, &r}}}); !l.Stale {
			t.Errorf("%s: a change after a stale one applies", tc.name)
		}
	}
	// An assessment that does not decode is located, as by score.
	l = liveCall(t, LiveRequest{Rev: 7, Assessment: []byte(`{"responses": [{"indicator": "GOV.STR.1", "level": "two"}]}`)})
	if l.Result != nil || !slices.ContainsFunc(l.Problems, func(p problem.Problem) bool { return p.At == "/responses/0/level" }) {
		t.Errorf("an assessment that does not decode: %v", l.Problems)
	}
}

// scoredAlone is assess.Score's result for a, without the plan's
// warnings, as JSON.
func scoredAlone(t *testing.T, a *assess.Assessment) string {
	t.Helper()
	res, err := assess.Score(assess.Default(), a)
	if err != nil {
		t.Fatal(err)
	}
	return string(mustJSON(t, res))
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// BenchmarkLive times one key press on the worker's copy of the example
// (a level changed, the copy scored, what changed answered), with and
// without the plan's warnings.
func BenchmarkLive(b *testing.B) {
	data := readExample(b, "small-island.json")
	var a assess.Assessment
	if err := json.Unmarshal(data, &a); err != nil {
		b.Fatal(err)
	}
	for _, plan := range []bool{false, true} {
		b.Run(map[bool]string{false: "scores", true: "plan"}[plan], func(b *testing.B) {
			if _, err := handle("live", mustJSON(b, LiveRequest{Rev: 1, Assessment: data})); err != nil {
				b.Fatal(err)
			}
			r := a.Responses[3]
			rev := 1
			for b.Loop() {
				r.Level = 1 + r.Level%5
				req := mustJSON(b, LiveRequest{Rev: rev + 1, Base: rev, Have: rev, Responses: []ResponseChange{{r.Indicator, r.Respondent, 3, &r}}, Count: len(a.Responses), Plan: plan})
				out, err := handle("live", req)
				if err != nil || bytes.Contains(out, []byte(`"stale":true`)) || !bytes.Contains(out, []byte(`"changes":`)) {
					b.Fatalf("%v %.100s", err, out)
				}
				rev++
			}
		})
	}
}

// TestLiveChanges: with Have naming the answer whose result the page
// holds, "live" answers with what changed, and that merged into the held
// result (as the page merges it) gives the whole result, after a level
// changed in place, a removal, an addition with the plan's warnings, and
// a change that changes nothing. A key press carries only the indicator it
// touched. An old Have gets the whole result.
func TestLiveChanges(t *testing.T) {
	data := readExample(t, "small-island.json")
	var a assess.Assessment
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	raw := func(req LiveRequest) map[string]any {
		t.Helper()
		out, err := handle("live", mustJSON(t, req))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(out, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	norm := func(v any) string {
		t.Helper()
		var m any
		if err := json.Unmarshal(mustJSON(t, v), &m); err != nil {
			t.Fatal(err)
		}
		return string(mustJSON(t, m))
	}
	l := raw(LiveRequest{Rev: 1, Assessment: data})
	held, _ := l["result"].(map[string]any)
	if held == nil || l["changes"] != nil {
		t.Fatalf("the first answer has no whole result: %.200v", l)
	}
	r, gone := a.Responses[3], a.Responses[7]
	other := r.Level
	if other == assess.Rating(1) {
		other = 2
	} else {
		other = 1
	}
	steps := []struct {
		name  string
		edit  func()
		req   LiveRequest
		plan  bool
		touch []string // the indicators the answer may carry, nil: any
	}{
		{"a level", func() { a.Responses[3].Level = other },
			LiveRequest{Responses: []ResponseChange{{r.Indicator, r.Respondent, 3, &assess.Response{}}}}, false, []string{r.Indicator}},
		{"the same level again", func() {},
			LiveRequest{Responses: []ResponseChange{{r.Indicator, r.Respondent, 3, &assess.Response{}}}}, false, []string{}},
		{"a removal", func() { a.Responses = slices.Delete(a.Responses, 7, 8) },
			LiveRequest{Responses: []ResponseChange{{gone.Indicator, gone.Respondent, 7, nil}}}, false, nil},
		{"an addition, with the plan", func() { a.Responses = slices.Insert(a.Responses, 7, gone) },
			LiveRequest{Responses: []ResponseChange{{gone.Indicator, gone.Respondent, 7, &gone}}, Plan: true}, true, nil},
	}
	for i, st := range steps {
		st.edit()
		rev := i + 2
		st.req.Rev, st.req.Base, st.req.Have, st.req.Count = rev, rev-1, rev-1, len(a.Responses)
		if c := st.req.Responses[0]; c.Response != nil && c.Response.Indicator == "" {
			cur := a.Responses[3]
			st.req.Responses[0].Response = &cur
		}
		l := raw(st.req)
		c, _ := l["changes"].(map[string]any)
		if c == nil || l["result"] != nil {
			t.Fatalf("%s: no changes, or a whole result besides: %.300v", st.name, l)
		}
		if c["from"] != float64(rev-1) {
			t.Errorf("%s: changes from %v, want %d", st.name, c["from"], rev-1)
		}
		if st.touch != nil {
			inds, _ := c["indicators"].(map[string]any)
			for id := range inds {
				if !slices.Contains(st.touch, id) {
					t.Errorf("%s: the answer carries %s, which the change did not touch", st.name, id)
				}
			}
			if len(inds) > len(st.touch) {
				t.Errorf("%s: %d indicators, want at most %d", st.name, len(inds), len(st.touch))
			}
		}
		held = mergeChanges(held, c)
		want := scoredAlone(t, &a)
		if st.plan {
			want = rescored(t, &a)
		}
		if got := norm(held); got != norm(json.RawMessage(want)) {
			t.Fatalf("%s: the merged result differs from the whole one:\n%.600s\nwant\n%.600s", st.name, got, norm(json.RawMessage(want)))
		}
	}
	// An answer the page does not hold: the whole result comes.
	n := len(steps) + 2
	l = raw(LiveRequest{Rev: n, Base: n - 1, Have: 1, Count: len(a.Responses), Responses: []ResponseChange{{r.Indicator, r.Respondent, 3, &a.Responses[3]}}})
	if l["result"] == nil || l["changes"] != nil {
		t.Errorf("an old Have: no whole result: %.200v", l)
	}
}

// mergeChanges puts the changes of a "live" answer into the result held,
// as the page does (app.js, merged), and returns the new result.
func mergeChanges(held, c map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range held {
		out[k] = v
	}
	if rest, ok := c["result"].(map[string]any); ok {
		for k, v := range rest {
			out[k] = v
		}
	}
	by := func(k string) map[string]any { m, _ := c[k].(map[string]any); return m }
	inds, areas, pillars := by("indicators"), by("areas"), by("pillars")
	var ps []any
	for _, p := range held["pillars"].([]any) {
		p := p.(map[string]any)
		var as []any
		for _, ar := range p["areas"].([]any) {
			ar := ar.(map[string]any)
			var is []any
			for _, in := range ar["indicators"].([]any) {
				if n, ok := inds[in.(map[string]any)["id"].(string)]; ok {
					in = n
				}
				is = append(is, in)
			}
			na := map[string]any{}
			for k, v := range ar {
				na[k] = v
			}
			if n, ok := areas[ar["id"].(string)].(map[string]any); ok {
				for k, v := range n {
					na[k] = v
				}
			}
			na["indicators"] = is
			as = append(as, na)
		}
		np := map[string]any{}
		for k, v := range p {
			np[k] = v
		}
		if n, ok := pillars[p["id"].(string)].(map[string]any); ok {
			for k, v := range n {
				np[k] = v
			}
		}
		np["areas"] = as
		ps = append(ps, np)
	}
	out["pillars"] = ps
	return out
}

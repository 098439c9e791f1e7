package assess_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
)

// readCase splits a case file into its comment and "-- name --" sections.
func readCase(t *testing.T, file string) (string, map[string]string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]string{}
	var comment, name string
	var body strings.Builder
	for _, line := range strings.SplitAfter(string(data), "\n") {
		trim := strings.TrimSpace(line)
		if strings.HasPrefix(trim, "-- ") && strings.HasSuffix(trim, " --") {
			if name != "" {
				sections[name] = body.String()
			}
			name = strings.TrimSuffix(strings.TrimPrefix(trim, "-- "), " --")
			body.Reset()
			continue
		}
		if name == "" {
			comment += line
		} else {
			body.WriteString(line)
		}
	}
	if name != "" {
		sections[name] = body.String()
	}
	return strings.TrimSpace(comment), sections
}

func loadTestModel(t testing.TB) *assess.Model {
	t.Helper()
	m, err := assess.LoadModel(os.DirFS("testdata/score"), "model.json")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// caseAssessment merges the case's top-level fields over base.json.
func caseAssessment(t *testing.T, override string) *assess.Assessment {
	t.Helper()
	base, err := os.ReadFile("testdata/score/base.json")
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(base, &fields); err != nil {
		t.Fatal(err)
	}
	var over map[string]json.RawMessage
	if err := json.Unmarshal([]byte(override), &over); err != nil {
		t.Fatalf("assessment.json: %v", err)
	}
	for k, v := range over {
		fields[k] = v
	}
	merged, _ := json.Marshal(fields)
	var a assess.Assessment
	if err := json.Unmarshal(merged, &a); err != nil {
		t.Fatal(err)
	}
	return &a
}

// dump prints a result one fact per line, in the format of the want
// sections.
func dump(r *assess.Result) []string {
	var out []string
	roll := func(kind, id string, x assess.Rollup) {
		c := x.Coverage
		out = append(out, fmt.Sprintf("%s %s achieved=%d progress=%v target=%d targetProgress=%v gap=%d assessed=%d na=%d unknown=%d unassessed=%d percent=%d",
			kind, id, x.Achieved, x.Progress, x.Target, x.TargetProgress, x.Gap, c.Assessed, c.NA, c.Unknown, c.Unassessed, c.Percent))
	}
	for _, p := range r.Pillars {
		for _, a := range p.Areas {
			for _, is := range a.Indicators {
				out = append(out, fmt.Sprintf("indicator %s status=%s level=%d median=%d spread=%d disagreement=%t agreed=%t target=%d source=%s gap=%d provision=%s capped=%t donor=%t confidence=%s",
					is.ID, is.Status, is.Level, is.Median, is.Spread, is.Disagreement, is.Agreed, is.Target, is.TargetSource, is.Gap, is.Provision, is.Capped, is.DonorFunded, is.Confidence))
			}
			roll("area", a.ID, a.Rollup)
		}
		roll("pillar", p.ID, p.Rollup)
	}
	c := r.Coverage
	out = append(out, fmt.Sprintf("coverage total=%d assessed=%d na=%d unknown=%d unassessed=%d percent=%d", c.Total, c.Assessed, c.NA, c.Unknown, c.Unassessed, c.Percent))
	out = append(out, fmt.Sprintf("counts gaps=%d priorities=%d warnings=%d", len(r.Gaps), len(r.Priorities), len(r.Warnings)))
	for _, p := range r.Priorities {
		ov := ""
		if p.Override != nil {
			ov = fmt.Sprintf(" override=%d/%d", p.Override.Rank, p.Override.Computed)
		}
		out = append(out, fmt.Sprintf("priority %d %s score=%v effective=%v%s reason=%s", p.Rank, p.Indicator, p.Score, p.Effective, ov, p.Reason))
	}
	for i, w := range r.Warnings {
		out = append(out, fmt.Sprintf("warning %d %s %s %s: %s", i+1, w.Code, w.Indicator, w.Pointer, w.Message))
	}
	return out
}

func key(line string) string {
	f := strings.Fields(line)
	switch {
	case len(f) == 0:
		return ""
	case len(f) > 1 && (f[0] == "indicator" || f[0] == "area" || f[0] == "pillar" || f[0] == "priority" || f[0] == "warning"):
		return f[0] + " " + f[1]
	}
	return f[0]
}

func TestScoreCases(t *testing.T) {
	m := loadTestModel(t)
	files, _ := filepath.Glob("testdata/score/*.txt")
	if len(files) == 0 {
		t.Fatal("no scoring cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			comment, sec := readCase(t, file)
			if comment == "" {
				t.Error("the case has no first line saying what it checks")
			}
			res, err := assess.Score(m, caseAssessment(t, sec["assessment.json"]))
			if err != nil {
				t.Fatalf("Score: %v", err)
			}
			got := map[string]string{}
			lines := dump(res)
			for _, l := range lines {
				got[key(l)] = l
			}
			failed := false
			for _, want := range strings.Split(strings.TrimSpace(sec["want"]), "\n") {
				if want = strings.TrimSpace(want); want == "" {
					continue
				}
				if g := got[key(want)]; g != want {
					failed = true
					t.Errorf("%s\n got: %s\nwant: %s", key(want), g, want)
				}
			}
			if failed {
				t.Logf("full dump:\n%s", strings.Join(lines, "\n"))
			}
		})
	}
}

// TestScoreIndicator: the score of one indicator alone is Score's, for
// every indicator of the three examples, warnings aside.
func TestScoreIndicator(t *testing.T) {
	m := assess.Default()
	for _, file := range []string{"small-island.json", "larger-state.json", "desk-review.json"} {
		var a assess.Assessment
		if err := json.Unmarshal(mustRead(t, "../examples/"+file), &a); err != nil {
			t.Fatal(err)
		}
		res, err := assess.Score(m, &a)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range m.Indicators() {
			got, err := assess.ScoreIndicator(m, &a, in.ID)
			if err != nil {
				t.Fatal(err)
			}
			if want := res.Indicator(in.ID); !reflect.DeepEqual(got, want) {
				t.Errorf("%s %s: %+v, Score gives %+v", file, in.ID, got, want)
			}
		}
	}
	if _, err := assess.ScoreIndicator(m, &assess.Assessment{}, "GOV.STR.1"); err == nil {
		t.Error("an assessment that does not fit the model was scored")
	}
	var a assess.Assessment
	json.Unmarshal(mustRead(t, "../examples/small-island.json"), &a)
	if _, err := assess.ScoreIndicator(m, &a, "NO.SUCH.1"); err == nil || !strings.Contains(err.Error(), "NO.SUCH.1") {
		t.Errorf("unknown indicator: %v", err)
	}
}

package assess_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ncskit/ncskit/assess"
)

func TestDefaultModelShape(t *testing.T) {
	m := assess.Default()
	wantPillars := []string{"GOV", "IRC", "CAP", "OUT"}
	if len(m.Pillars) != len(wantPillars) {
		t.Fatalf("%d pillars, want %d", len(m.Pillars), len(wantPillars))
	}
	n := 0
	for i, p := range m.Pillars {
		if p.ID != wantPillars[i] {
			t.Errorf("pillar %d is %s, want %s", i, p.ID, wantPillars[i])
		}
		if len(p.Areas) < 4 || len(p.Areas) > 5 {
			t.Errorf("%s has %d areas, want 4-5", p.ID, len(p.Areas))
		}
		for _, a := range p.Areas {
			n += len(a.Indicators)
		}
	}
	if n < 45 || n > 60 {
		t.Errorf("%d indicators, want 45-60", n)
	}
	if got := len(m.Indicators()); got != n {
		t.Errorf("Indicators() returns %d, want %d", got, n)
	}
}

// TestDefaultModelContent checks the properties every indicator's text
// must have for a facilitator to use it in the room.
func TestDefaultModelContent(t *testing.T) {
	m := assess.Default()
	seen := map[string]string{}
	for _, in := range m.Indicators() {
		q := in.Question.In("en")
		if !strings.HasSuffix(q, "?") {
			t.Errorf("%s: the question does not end with a question mark: %q", in.ID, q)
		}
		for i, l := range in.Levels {
			d := l.In("en")
			if strings.HasPrefix(strings.ToLower(d), "level") {
				t.Errorf("%s level %d: the descriptor repeats the level name: %q", in.ID, i+1, d)
			}
			if w := len(strings.Fields(d)); w < 12 {
				t.Errorf("%s level %d: %d words is too thin to observe: %q", in.ID, i+1, w, d)
			}
			if other, dup := seen[d]; dup {
				t.Errorf("%s level %d repeats the descriptor of %s", in.ID, i+1, other)
			}
			seen[d] = fmt.Sprintf("%s level %d", in.ID, i+1)
		}
		if len(in.Lead) == 0 {
			t.Errorf("%s has no lead role", in.ID)
		}
		prefixes := map[string]int{}
		for _, c := range in.Crosswalk {
			prefixes[c[:strings.LastIndexByte(c, ':')]]++
		}
		for _, fw := range []string{"cmm:2021", "gci:2024", "itu:2021"} {
			if prefixes[fw] != 1 {
				t.Errorf("%s has %d %s references, want 1", in.ID, prefixes[fw], fw)
			}
		}
	}
}

func TestLoadModelErrors(t *testing.T) {
	base := string(mustRead(t, "testdata/score/model.json"))
	tests := []struct {
		name, from, to, want string
	}{
		{"unknown role", `"lead": [
                "lead"`, `"lead": [
                "chief"`,
			`model.json: /pillars/0/areas/0/indicators/0/lead/0: unknown role archetype "chief"`},
		{"cycle", `"dependsOn": []`, `"dependsOn": ["A.X.2"]`,
			"model.json: /pillars/0/areas/0/indicators/0/dependsOn: indicator dependencies form a cycle: A.X.1 → A.X.2 → A.X.1"},
		{"misplaced id", `"id": "B.Z.1"`, `"id": "A.Z.1"`,
			`model.json: /pillars/1/areas/0/indicators/0/id: indicator A.Z.1 must start with its area ID "B.Z."`},
		{"unknown crosswalk", `"crosswalk": [
                "cmm:2021:D1.1"`, `"crosswalk": [
                "cmm:2021:D9.9"`,
			`model.json: /pillars/0/areas/0/indicators/0/crosswalk/0: unknown crosswalk reference "cmm:2021:D9.9"`},
		{"unknown purpose", `"dependsOn": [],`, `"dependsOn": [], "purpose": "legal-framework",`,
			`model.json: /pillars/0/areas/0/indicators/0/purpose: unknown indicator purpose "legal-framework": one of lead-agency, coordination, strategy-plan, monitoring, budget`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(base, tt.from, tt.to, 1)
			if src == base {
				t.Fatalf("the test did not change the model: %q not found", tt.from)
			}
			_, err := assess.LoadModel(fstest.MapFS{"model.json": {Data: []byte(src)}}, "model.json")
			if err == nil || err.Error() != tt.want {
				t.Errorf("got  %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestPurposes checks that the default model gives every purpose once,
// that the lookups find what carries it, and that a model giving one
// purpose twice is refused at the second.
func TestPurposes(t *testing.T) {
	m := assess.Default()
	for _, kind := range []string{"role", "pillar", "area", "indicator"} {
		for _, p := range assess.Purposes[kind] {
			var got string
			switch kind {
			case "role":
				got = m.RoleWithPurpose(p)
			case "pillar":
				if pl := m.PillarWithPurpose(p); pl != nil {
					got = pl.ID
				}
			case "area":
				if a := m.AreaWithPurpose(p); a != nil {
					got = a.ID
				}
			default:
				if in := m.IndicatorWithPurpose(p); in != nil {
					got = in.ID
				}
			}
			if got == "" {
				t.Errorf("the default model gives no %s the purpose %s", kind, p)
			}
		}
	}
	if in := m.IndicatorWithPurpose(assess.PurposeMonitoring); in == nil || in.ID != "GOV.STR.3" {
		t.Errorf("monitoring: %v, want GOV.STR.3", in)
	}
	if a := m.AreaWithPurpose(assess.PurposeLegalFramework); a == nil || a.ID != "GOV.LAW" {
		t.Errorf("legal framework: %v, want GOV.LAW", a)
	}
	if a := m.AreaOf("GOV.LAW.2"); a == nil || a.ID != "GOV.LAW" {
		t.Errorf("AreaOf(GOV.LAW.2) = %v", a)
	}
	if m.IndicatorWithPurpose("nothing") != nil || m.AreaWithPurpose("nothing") != nil || m.RoleWithPurpose("nothing") != "" || m.AreaOf("X.Y.1") != nil {
		t.Error("a lookup of nothing found something")
	}
	base := string(mustRead(t, "testdata/score/model.json"))
	src := strings.Replace(strings.Replace(base, `"id": "A.X.1",`, `"id": "A.X.1", "purpose": "monitoring",`, 1),
		`"id": "A.X.2",`, `"id": "A.X.2", "purpose": "monitoring",`, 1)
	_, err := assess.LoadModel(fstest.MapFS{"model.json": {Data: []byte(src)}}, "model.json")
	want := `model.json: /pillars/0/areas/0/indicators/1/purpose: purpose "monitoring" is already given at /pillars/0/areas/0/indicators/0: a model gives it to one indicator`
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

func TestMigrate(t *testing.T) {
	m := loadTestModel(t)
	m.Version = "2.0.0"
	m.Migrations = []assess.Migration{{From: "1", Renamed: map[string]string{"A.X.9": "A.X.2"}, Retired: []string{"A.Y.7"}}}
	a := caseAssessment(t, `{"model": {"id": "test", "version": "1.4.0"}, "responses": [
		{"indicator": "A.X.9", "respondent": "r1", "level": 2},
		{"indicator": "A.Y.7", "respondent": "r1", "level": 3},
		{"indicator": "A.X.1", "respondent": "r1", "level": 1}]}`)
	if probs := assess.Check(m, a); len(probs) == 0 || probs[0].At != "/model/version" {
		t.Fatalf("Check before migration: %v, want a /model/version problem", probs)
	}
	notes, err := assess.Migrate(m, a)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"A.X.9 is now A.X.2 (answer of r1)",
		"dropped the answer of r1 to retired indicator A.Y.7",
		"model version 1.4.0 → 2.0.0",
	}
	if strings.Join(notes, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
	if probs := assess.Check(m, a); len(probs) > 0 {
		t.Errorf("Check after migration: %v", probs)
	}
	if len(a.Responses) != 2 || a.Responses[0].Indicator != "A.X.2" {
		t.Errorf("responses after migration: %+v", a.Responses)
	}
}

func TestRatingJSON(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want assess.Rating
		err  string
	}{
		{`3`, 3, ""}, {`"n/a"`, assess.NotApplicable, ""}, {`"unknown"`, assess.Unknown, ""},
		{`2.0`, 2, ""}, // spreadsheets and scripts write whole numbers this way
		{`0`, 0, "0 is below the lowest level (1)"},
		{`"3"`, 0, `"3" is not a level, "n/a" or "unknown"`},
		{`2.5`, 0, `2.5 is not a level, "n/a" or "unknown"`},
	} {
		var r assess.Rating
		err := r.UnmarshalJSON([]byte(tt.in))
		switch {
		case tt.err != "" && (err == nil || err.Error() != tt.err):
			t.Errorf("%s: error %v, want %q", tt.in, err, tt.err)
		case tt.err == "" && (err != nil || r != tt.want):
			t.Errorf("%s: got %v, %v; want %v", tt.in, r, err, tt.want)
		case tt.err == "" && !strings.Contains(tt.in, "."):
			if b, _ := r.MarshalJSON(); string(b) != tt.in {
				t.Errorf("%s: marshals as %s", tt.in, b)
			}
		}
	}
}

func TestMedianTieRule(t *testing.T) {
	// The documented examples of the package doc.
	for _, tt := range []struct {
		levels []int
		want   int
	}{{[]int{2, 3, 3, 4}, 3}, {[]int{2, 4}, 2}, {[]int{5}, 5}, {[]int{4, 1, 3}, 3}} {
		sort.Ints(tt.levels)
		if got := assess.Median(tt.levels); got != tt.want {
			t.Errorf("median%v = %d, want %d", tt.levels, got, tt.want)
		}
	}
}

// TestMedianUnsorted: the median of levels in any order, and of numbers
// beyond the scale's, is the lower middle value of the sorted list.
func TestMedianUnsorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 1; n < 40; n++ {
		for _, hi := range []int{6, 16, 40} {
			v := make([]int, n)
			for i := range v {
				v[i] = rng.IntN(hi) - hi/8
			}
			sorted := slices.Sorted(slices.Values(v))
			if got, want := assess.Median(v), sorted[(n-1)/2]; got != want {
				t.Errorf("median%v = %d, want %d", v, got, want)
			}
		}
	}
}

// Package drafttest builds strategy drafts from the example assessments,
// for the tests of the renderers, and small seeds for the fuzzers.
package drafttest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/strategy"
)

// Examples lists the example assessments by name (examples/NAME.json).
var Examples = []string{"small-island", "larger-state", "desk-review"}

// ExamplesDir returns the absolute path of the repository's examples.
func ExamplesDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "examples")
}

// Assessment loads and scores an example assessment.
func Assessment(t testing.TB, name string) (*assess.Assessment, *assess.Result) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(ExamplesDir(), name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	return Parse(t, name+".json", data)
}

// Parse loads and scores an assessment from JSON.
func Parse(t testing.TB, name string, data []byte) (*assess.Assessment, *assess.Result) {
	t.Helper()
	m := assess.Default()
	a, err := load.Assessment(name, data, m)
	if err != nil {
		t.Fatal(err)
	}
	r, err := assess.Score(m, a)
	if err != nil {
		t.Fatal(err)
	}
	return a, r
}

// Draft builds the draft of an example with the template its profile
// chooses.
func Draft(t testing.TB, name string) *strategy.Draft {
	t.Helper()
	a, r := Assessment(t, name)
	return Build(t, a, r)
}

// Build builds a draft of a scored assessment with its default template.
func Build(t testing.TB, a *assess.Assessment, r *assess.Result) *strategy.Draft {
	t.Helper()
	tp, err := strategy.DefaultTemplate(strategy.Choose(a.Profile))
	if err != nil {
		t.Fatal(err)
	}
	d, err := strategy.Build(assess.Default(), a, r, tp, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// DraftIn builds the draft of an example in lang, with the scores'
// reasons and warnings in lang too, as "ncskit draft --lang" does.
func DraftIn(t testing.TB, name, lang string) *strategy.Draft {
	t.Helper()
	a, _ := Assessment(t, name)
	return BuildIn(t, a, lang)
}

// BuildIn builds the draft of an assessment in lang, with the scores'
// reasons and warnings in lang too, on the default model and the template
// its profile chooses.
func BuildIn(t testing.TB, a *assess.Assessment, lang string) *strategy.Draft {
	t.Helper()
	r, err := assess.ScoreIn(assess.Default(), a, lang)
	if err != nil {
		t.Fatal(err)
	}
	tp, err := strategy.DefaultTemplate(strategy.Choose(a.Profile))
	if err != nil {
		t.Fatal(err)
	}
	d, err := strategy.Build(assess.Default(), a, r, tp, &strategy.Options{Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// People returns the names of the people an assessment records: the
// respondents (the evidence is theirs), the points of contact and their
// deputies, and the facilitator. A public document names none of them.
func People(a *assess.Assessment) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, r := range a.Respondents {
		add(r.Name)
	}
	for _, c := range a.PointsOfContact {
		add(c.Person)
		if c.Deputy != nil {
			add(c.Deputy.Person)
		}
	}
	add(a.Session.Facilitator)
	return out
}

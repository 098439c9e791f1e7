package strategy_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/internal/locale"
	"github.com/ncskit/ncskit/strategy"
)

// briefRisks returns the items of the brief's list of main risks.
func briefRisks(t *testing.T, d *strategy.Draft) []string {
	t.Helper()
	p, err := strategy.Select(d, strategy.PartBrief)
	if err != nil {
		t.Fatal(err)
	}
	for i, bl := range p.Blocks {
		if h, ok := bl.(strategy.Heading); ok && h.Anchor == "brief-risks" && i+1 < len(p.Blocks) {
			if l, ok := p.Blocks[i+1].(strategy.List); ok {
				return l.Items
			}
		}
	}
	t.Fatal("the brief has no list of main risks")
	return nil
}

// rawWarning is how the planner's warnings start and what they name: an
// action ID before a colon, a model indicator's ID, an ISO date in a
// language that writes dates in words.
var (
	rawWarning  = regexp.MustCompile(`^[A-Z]{2,4}-\d{2}\s*:|\b[A-Z]{2,4}\.[A-Z]{2,4}\.\d+\b`)
	isoDate     = regexp.MustCompile(`\b\d{4}-\d{2}(-\d{2})?\b`)
	monthsSaid  = map[string]*regexp.Regexp{"en": regexp.MustCompile(`\b\d+ months?\b`), "es": regexp.MustCompile(`\b\d+ mes(es)?\b`), "fr": regexp.MustCompile(`\b\d+ mois\b`), "pt": regexp.MustCompile(`\b\d+ m(ês|eses)\b`)}
	decisionSay = map[string]string{"en": "The decision", "es": "La decisión", "fr": "La décision", "pt": "A decisão"}
)

// TestBriefRisks checks that the brief's main risks are sentences a
// minister reads, not the planner's warnings: no warning code, no
// indicator ID, dates in words; each missed deadline says what is needed
// by when, how long the country goes without it and the decision that
// closes the gap, citing the action in the plan by its ID. The plan keeps
// the planner's warnings for the drafting team.
func TestBriefRisks(t *testing.T) {
	deadlines, understaffed := 0, 0
	for _, name := range drafttest.Examples {
		for _, lang := range []string{"en", "es", "fr", "pt"} {
			d := drafttest.DraftIn(t, name, lang)
			loc := locale.For(lang)
			risks := briefRisks(t, d)
			for _, r := range risks {
				if rawWarning.MatchString(r) {
					t.Errorf("%s, %s: a raw warning among the risks: %q", name, lang, r)
				}
				if lang != "en" && isoDate.MatchString(r) {
					t.Errorf("%s, %s: a date not in words: %q", name, lang, r)
				}
				for _, w := range d.Warnings {
					if w.Code == strategy.WarnDeadline && strings.Contains(w.Message, r) {
						t.Errorf("%s, %s: the planner's warning as a risk: %q", name, lang, r)
					}
				}
			}
			for _, a := range d.Actions {
				if !a.DeadlineMissed {
					continue
				}
				deadlines++
				var found string
				for _, r := range risks {
					if strings.Contains(r, "("+a.ID+" ") {
						found = r
					}
				}
				switch {
				case found == "":
					t.Errorf("%s, %s: no risk cites %s, which misses its deadline", name, lang, a.ID)
				case !strings.Contains(found, loc.Date(a.Deadline)) || !strings.Contains(found, loc.Month(a.End)):
					t.Errorf("%s, %s: the risk of %s does not say the deadline %s and the end %s: %q", name, lang, a.ID, a.Deadline, a.End, found)
				case !monthsSaid[lang].MatchString(found) || !strings.Contains(found, decisionSay[lang]):
					t.Errorf("%s, %s: the risk of %s names no time without it or no decision: %q", name, lang, a.ID, found)
				}
			}
			// An action whose lead lacks the people for it (its card says
			// so) is named by its number among the brief's risks.
			for _, a := range d.Actions {
				if lang != "en" || !strings.Contains(a.Note, "people at once;") {
					continue
				}
				understaffed++
				if !slices.ContainsFunc(risks, func(r string) bool { return strings.Contains(r, a.ID) && strings.Contains(r, "The decision:") }) {
					t.Errorf("%s: no risk names %s, whose lead lacks the people for it: %q", name, a.ID, risks)
				}
			}
			plan, err := strategy.Select(d, strategy.PartPlan)
			if err != nil {
				t.Fatal(err)
			}
			// Each warning opens with its label ("Deadline missed:"), in
			// a warning box or on the action's card.
			label, n := "", 0
			for _, w := range d.Warnings {
				if w.Code == strategy.WarnDeadline {
					tail := w.Message[strings.Index(w.Message, ": ")+2:]
					label, n = tail[:strings.IndexAny(tail, ":\u202f")], n+1
				}
			}
			if got := planCount(plan, label); n > 0 && got < n {
				t.Errorf("%s, %s: the plan says %q %d times for %d warnings of the planner", name, lang, label, got, n)
			}
		}
	}
	if understaffed == 0 {
		t.Error("no example has an action whose lead lacks the people: the test shows nothing")
	}
	if deadlines == 0 {
		t.Error("no example misses a deadline: the test shows nothing")
	}
}

// planCount counts s in the paragraphs and callouts of d.
func planCount(d *strategy.Draft, s string) int {
	n := 0
	for _, bl := range d.Blocks {
		switch x := bl.(type) {
		case strategy.Callout:
			n += strings.Count(x.Text, s)
		case strategy.Paragraph:
			n += strings.Count(x.Text, s)
		}
	}
	return n
}

package strategy_test

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

// maxOverlap is the most the body prose of the two examples may share,
// sentence for sentence, in either direction, in each document and in the
// three together.
const maxOverlap = 0.20

// Masks for what differs between countries by nature rather than by
// wording: amounts (with their currency and a k/m suffix), dates and
// numbers; the IDs of actions (GOV-03), indicators (GOV.LAW.3) and areas.
var (
	maskAmount  = regexp.MustCompile(`(?:[A-Z]{0,3}\$|€|£|\b[A-Z]{3} )?\d[\d.,]*(?:\s?(?:k|m|bn|million|millones|millions|milhões)\b)?`)
	maskID      = regexp.MustCompile(`\b(?:GOV|IRC|CAP|OUT)(?:[.-][A-Za-z0-9#]+)*\b|\bO-[A-Z]+(?:\.[A-Z]+)?\b`)
	sentenceEnd = regexp.MustCompile(`[.!?][”"»)]?\s+`)
)

// assessmentNames returns the names a draft takes from its assessment,
// longest first: the country, the lead ministry, the institutions and their
// short forms (from the draft's list of acronyms), the people behind the
// points of contact and the responses, the instruments, and the key
// sectors (facts rather than names, masked too so that the measure errs
// towards finding overlap).
func assessmentNames(d *strategy.Draft, a *assess.Assessment) []string {
	names := []string{a.Profile.Country, a.Profile.LeadMinistry}
	names = append(names, a.Profile.Sectors...)
	for _, s := range a.Stakeholders {
		names = append(names, s.Name)
	}
	for _, p := range a.PointsOfContact {
		names = append(names, p.Person)
		if p.Deputy != nil {
			names = append(names, p.Deputy.Person)
		}
	}
	for _, r := range a.Respondents {
		names = append(names, r.Name)
	}
	if a.Facts != nil {
		for _, in := range a.Facts.Instruments {
			names = append(names, in.Name, in.Reference)
		}
	}
	for _, bl := range d.Blocks {
		if t, ok := bl.(strategy.Table); ok && t.Role == "acronyms" {
			for _, r := range t.Rows {
				if slices.Contains(names, r[1]) || slices.ContainsFunc(a.Stakeholders, func(s assess.Stakeholder) bool { return strings.HasPrefix(s.Name, r[1]) }) {
					names = append(names, r[0])
				}
			}
		}
	}
	names = slices.DeleteFunc(names, func(s string) bool { return len(s) < 2 })
	sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	return slices.Compact(names)
}

// proseSentences returns the sentences of the prose of one document of a
// draft (PartBrief, PartStrategy or PartPlan): its paragraphs, list
// items and callouts, not its headings, tables or charts. Names from the
// assessment become N, amounts, dates and numbers #, IDs I. A sentence
// ends at . ! or ? before a space; one with fewer than four words of
// two or more letters (a schedule line, a table caption's remains) is
// data rather than prose and is left out.
func proseSentences(d *strategy.Draft, a *assess.Assessment, part string) []string {
	doc, err := strategy.Select(d, part)
	if err != nil {
		panic(err) // every draft holds the three parts
	}
	names := assessmentNames(d, a)
	var out []string
	for _, bl := range doc.Blocks {
		var texts []string
		switch x := bl.(type) {
		case strategy.Paragraph:
			texts = []string{x.Text}
		case strategy.List:
			texts = x.Items
		case strategy.Callout:
			texts = []string{x.Text}
		}
		for _, t := range texts {
			for _, n := range names {
				t = strings.ReplaceAll(t, n, "N")
			}
			t = maskID.ReplaceAllString(maskAmount.ReplaceAllString(t, "#"), "I")
			for _, s := range sentenceEnd.Split(t, -1) {
				if s = strings.TrimSpace(s); words(s) >= 4 {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// words counts the words of s with two letters or more.
func words(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if len([]rune(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))) >= 2 {
			n++
		}
	}
	return n
}

// overlap is the share of the sentences of a that also occur in b: the
// number of sentences of a, counted as often as a has them, whose masked
// text is a sentence of b, over the number of sentences of a.
func overlap(a, b []string) float64 {
	if len(a) == 0 {
		return 0
	}
	set := map[string]bool{}
	for _, s := range b {
		set[s] = true
	}
	n := 0
	for _, s := range a {
		if set[s] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// shared returns the sentences of a that b has too, most frequent first,
// with their count in a.
func shared(a, b []string) []string {
	set := map[string]bool{}
	for _, s := range b {
		set[s] = true
	}
	count := map[string]int{}
	for _, s := range a {
		if set[s] {
			count[s]++
		}
	}
	var out []string
	for s := range count {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		if count[out[i]] != count[out[j]] {
			return count[out[i]] > count[out[j]]
		}
		return out[i] < out[j]
	})
	for i, s := range out {
		out[i] = fmt.Sprintf("%d× %s", count[s], s)
	}
	return out
}

// TestExamplesDoNotShareProse measures how much of the prose of the small
// island's and the larger state's drafts, in English, is the same
// sentence for sentence once names and numbers are masked, for the
// Cabinet brief, the strategy and the implementation plan each and for
// the three together: two countries with different facts, legal
// traditions and sizes should not read alike. The share is taken in both
// directions (see overlap); each must be under maxOverlap. With -v it
// logs the figures and the sentences shared most.
func TestExamplesDoNotShareProse(t *testing.T) {
	a1, r1 := drafttest.Assessment(t, "small-island")
	a2, r2 := drafttest.Assessment(t, "larger-state")
	d1, d2 := drafttest.Build(t, a1, r1), drafttest.Build(t, a2, r2)
	var all1, all2 []string
	check := func(doc string, s1, s2 []string) {
		o1, o2 := overlap(s1, s2), overlap(s2, s1)
		t.Logf("%s: %.1f %% of the small island's %d sentences are also in the larger state's; %.1f %% of the larger state's %d in the small island's",
			doc, 100*o1, len(s1), 100*o2, len(s2))
		over := max(o1, o2) >= maxOverlap
		if over {
			t.Errorf("%s: the two examples share %.1f %% of their prose, want under %.0f %%", doc, 100*max(o1, o2), 100*maxOverlap)
		}
		if over || testing.Verbose() {
			top := shared(s1, s2)
			t.Logf("%s: %d distinct sentences shared; the most frequent:\n\t%s", doc, len(top), strings.Join(top[:min(len(top), 8)], "\n\t"))
		}
	}
	for _, part := range strategy.Parts {
		s1, s2 := proseSentences(d1, a1, part), proseSentences(d2, a2, part)
		all1, all2 = append(all1, s1...), append(all2, s2...)
		check(part, s1, s2)
	}
	check("the three documents", all1, all2)
}

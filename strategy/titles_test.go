package strategy_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

// blockTexts returns every text a block prints: headings, paragraphs,
// list items, callouts, table captions, heads and cells, chart titles,
// labels, spans and captions.
func blockTexts(bl strategy.Block) []string {
	switch x := bl.(type) {
	case strategy.Heading:
		return []string{x.Text}
	case strategy.Paragraph:
		return []string{x.Text}
	case strategy.List:
		return x.Items
	case strategy.Callout:
		return []string{x.Title, x.Text}
	case strategy.Table:
		out := append([]string{x.Caption}, x.Columns...)
		for _, r := range x.Rows {
			out = append(out, r...)
		}
		return out
	case strategy.Chart:
		out := append([]string{x.Title, x.Caption}, x.Labels...)
		for _, s := range x.Series {
			out = append(out, s.Name)
		}
		for _, s := range x.Spans {
			out = append(out, s.Label, s.Group)
		}
		return out
	}
	return nil
}

// repeatedTitles returns, for one document of a draft, the actions whose
// title it prints more than once, as "ID ×count".
func repeatedTitles(d *strategy.Draft, part string) []string {
	doc, err := strategy.Select(d, part)
	if err != nil {
		panic(err) // every draft holds the three parts
	}
	titles := map[string]string{}
	for _, a := range d.Actions {
		titles[a.ID] = a.Title
	}
	for _, a := range d.Deferred {
		titles[a.ID] = a.Title
	}
	count := map[string]int{}
	for _, bl := range doc.Blocks {
		for _, s := range blockTexts(bl) {
			for id, title := range titles {
				count[id] += strings.Count(s, title)
			}
		}
	}
	var out []string
	for id, n := range count {
		if n > 1 {
			out = append(out, fmt.Sprintf("%s ×%d", id, n))
		}
	}
	sort.Strings(out)
	return out
}

// TestActionTitledOnce checks that each document of a draft prints the
// title of an action, planned or deferred, at most once. The Cabinet
// brief, the strategy and the implementation plan are read and adopted
// apart, so each may title an action once: the brief in its table of the
// ten that matter most, the strategy in its pillar's table of actions
// (the action's number and title side by side, where the public document
// first names it), the plan on the action's card (or, for a deferred
// action, in the list of deferred actions). Everywhere else in the same
// document — schedule, dependencies, minimum path, deadlines, risks,
// timeline, RACI, annexes — the action is referred to by its number.
func TestActionTitledOnce(t *testing.T) {
	for _, name := range drafttest.Examples {
		for _, lang := range []string{"en", "es", "fr", "pt"} {
			d := drafttest.DraftIn(t, name, lang)
			for _, part := range strategy.Parts {
				rep := repeatedTitles(d, part)
				t.Logf("%s (%s) %s: %d action titles printed more than once", name, lang, part, len(rep))
				if len(rep) > 0 {
					t.Errorf("%s (%s): the %s titles these actions more than once: %s", name, lang, part, strings.Join(rep, ", "))
				}
			}
		}
	}
}

package strategy_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/internal/golden"
	"github.com/ncskit/ncskit/strategy"
)

// TestOutline keeps the outline of each example's draft as a golden file
// owned by this package: the documents and their headings, what each
// block is and how it begins, the actions with their schedule, lead, cost
// and funding, the deferred work and the indicators with their baselines.
// A change to the builder or its text shows here, in the package that
// makes it, before it shows in any renderer's golden. go test -update
// rewrites the files; read the diff.
func TestOutline(t *testing.T) {
	for _, name := range drafttest.Examples {
		t.Run(name, func(t *testing.T) {
			golden.Check(t, filepath.Join("testdata", name+".outline.txt"), []byte(outline(drafttest.Draft(t, name))))
		})
	}
}

func outline(d *strategy.Draft) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s · %s · %s · %s · %s\n", d.Meta.Title, d.Meta.Kind, d.Meta.Period, d.Meta.Classification, d.Meta.Language)
	for _, bl := range d.Blocks {
		switch v := bl.(type) {
		case strategy.Part:
			fmt.Fprintf(&b, "\n= %s [%s, %s]\n", v.Title, v.ID, v.Classification)
		case strategy.Heading:
			fmt.Fprintf(&b, "%s %s\n", strings.Repeat("#", v.Level), strings.TrimSpace(v.Number+" "+v.Text))
		case strategy.Paragraph:
			fmt.Fprintf(&b, "  p: %s\n", begin(v.Text))
		case strategy.List:
			fmt.Fprintf(&b, "  list of %d: %s\n", len(v.Items), begin(strings.Join(v.Items, " | ")))
		case strategy.Table:
			fmt.Fprintf(&b, "  table %s, %d × %d: %s\n", v.Role, len(v.Rows), len(v.Columns), begin(v.Caption))
		case strategy.Chart:
			fmt.Fprintf(&b, "  chart %s: %s\n", v.Type, begin(v.Title))
		case strategy.Callout:
			fmt.Fprintf(&b, "  %s: %s\n", v.Tone, begin(v.Title+": "+v.Text))
		default:
			fmt.Fprintf(&b, "  %s\n", bl.Kind())
		}
	}
	b.WriteString("\nActions\n")
	for _, a := range d.Actions {
		fmt.Fprintf(&b, "%s %s–%s %s · %s · cost %s · %s · %s\n", a.ID, a.Start, a.End, a.Lead.Stakeholder, a.Objective, a.CostBand,
			strings.Join(a.FundingIDs, "+"), begin(a.Title))
	}
	if len(d.Deferred) > 0 {
		b.WriteString("\nDeferred\n")
		for _, a := range d.Deferred {
			fmt.Fprintf(&b, "%s: %s\n", a.LibraryID, begin(a.Reason))
		}
	}
	b.WriteString("\nIndicators\n")
	for _, k := range append(append([]strategy.KPI{}, d.KPIs...), d.Outcomes...) {
		base := "no data"
		if k.BaselineValue != nil {
			base = fmt.Sprintf("%g (%d)", *k.BaselineValue, k.BaselineYear)
		}
		fmt.Fprintf(&b, "%s %s · %s · %s · %s\n", k.ID, k.Type, k.Unit, base, begin(k.Name))
	}
	return b.String()
}

// begin is the first 70 characters of s.
func begin(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= 70 {
		return s
	}
	return string([]rune(s)[:70]) + "…"
}

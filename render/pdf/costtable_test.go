package pdf

import (
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

// TestTablesKeepWords: the tables whose cells are short figures (the
// brief's costs by year and the resourcing chapter's costs by pillar and
// year) keep every cell on one line in every language: the columns fit
// their content, the total row (set in bold) included, so that neither
// "Total" nor "US$ 5,5 millones" is broken. The PDF's text, read back by
// pdftotext, holds each cell whole.
func TestTablesKeepWords(t *testing.T) {
	roles := map[string]bool{"brief-cost": true, "budget": true, "recurrent": true}
	for _, example := range []string{"larger-state", "small-island"} {
		for _, lang := range []string{"en", "es", "fr", "pt"} {
			d := drafttest.DraftIn(t, example, lang)
			var tables []strategy.Table
			for _, b := range d.Blocks {
				if tb, ok := b.(strategy.Table); ok && roles[tb.Role] {
					tb.Caption = ""
					tables = append(tables, tb)
				}
			}
			if len(tables) == 0 {
				t.Fatalf("%s in %s: no cost table", example, lang)
			}
			for _, tb := range tables {
				d.Blocks = []strategy.Block{strategy.Heading{Level: 1, Text: "Costs", Anchor: "costs"}, tb}
				text := run(t, "pdftotext", "-enc", "UTF-8", write(t, encode(t, d, nil)), "-")
				lines := map[string]bool{}
				for l := range strings.SplitSeq(text, "\n") {
					lines[spaces(l)] = true
				}
				for _, row := range tb.Rows {
					for _, c := range row {
						if c = spaces(c); c != "" && !lines[c] {
							t.Errorf("%s in %s, table %s: the cell %q is not on a line of its own:\n%s", example, lang, tb.Role, c, text)
						}
					}
				}
			}
		}
	}
}

// spaces gives the no-break spaces as spaces and trims the text, as
// pdftotext reads them.
func spaces(s string) string {
	return strings.TrimSpace(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s))
}

// Package markdown renders a strategy draft as CommonMark with GitHub
// tables, for review in version control and conversion with other tools.
//
//	err := markdown.Encode(w, draft, nil)
package markdown

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/ncskit/ncskit/internal/locale"
	"github.com/ncskit/ncskit/strategy"
)

// Options adjust the output. A nil *Options means the defaults.
type Options struct{}

// Encode writes d as Markdown to w.
func Encode(w io.Writer, d *strategy.Draft, _ *Options) error {
	bw := bufio.NewWriter(w)
	e := &encoder{w: bw, d: d}
	if len(strategy.PartsOf(d)) == 0 {
		e.cover(strategy.Part{Title: d.Meta.Title, Subtitle: d.Meta.Subtitle, Classification: d.Meta.Classification})
	}
	for _, b := range d.Blocks {
		render, ok := renderers[b.Kind()]
		if !ok {
			return fmt.Errorf("markdown: no renderer for block kind %q", b.Kind())
		}
		render(e, b)
	}
	return bw.Flush()
}

type encoder struct {
	w     *bufio.Writer
	d     *strategy.Draft
	parts int // the documents begun
}

// renderers dispatch on block kind; every kind of strategy.BlockKinds
// has an entry (see the tests).
var renderers = map[string]func(e *encoder, b strategy.Block){
	"part":      func(e *encoder, b strategy.Block) { e.part(b.(strategy.Part)) },
	"heading":   func(e *encoder, b strategy.Block) { e.heading(b.(strategy.Heading)) },
	"paragraph": func(e *encoder, b strategy.Block) { e.paragraph(b.(strategy.Paragraph)) },
	"list":      func(e *encoder, b strategy.Block) { e.list(b.(strategy.List)) },
	"table":     func(e *encoder, b strategy.Block) { e.table(b.(strategy.Table)) },
	"chart":     func(e *encoder, b strategy.Block) { e.chart(b.(strategy.Chart)) },
	"callout":   func(e *encoder, b strategy.Block) { e.callout(b.(strategy.Callout)) },
	"pagebreak": func(e *encoder, b strategy.Block) {},
}

// Kinds reports the block kinds this renderer handles.
func Kinds() []string {
	out := make([]string, 0, len(renderers))
	for k := range renderers {
		out = append(out, k)
	}
	return out
}

// part starts a document of the draft: a rule after the one before it,
// then its cover.
func (e *encoder) part(p strategy.Part) {
	if e.parts > 0 {
		e.w.WriteString("---\n\n")
	}
	e.parts++
	e.cover(p)
}

// cover is the title block of a document: its marking, title and
// subtitle, the facts of the draft and its note on the evidence.
func (e *encoder) cover(p strategy.Part) {
	m := e.d.Meta
	l := e.d.Labels
	if p.Classification != "" {
		fmt.Fprintf(e.w, "**%s** · %s\n\n", esc(p.Classification), esc(l.Get("r.draft")))
	}
	fmt.Fprintf(e.w, "# %s\n\n%s\n\n", esc(p.Title), esc(p.Subtitle))
	loc := locale.For(m.Language)
	c := loc.Colon()
	fmt.Fprintf(e.w, "%s%s%s · %s%s%s · %s%s%s · %s%s%s\n\n", esc(l.Get("r.period")), c, esc(m.Period),
		esc(l.Get("r.version")), c, esc(m.Version), esc(l.Get("r.status")), c, esc(m.Status), esc(l.Get("r.date")), c, esc(loc.Date(m.Date)))
	if m.EvidenceNote != "" {
		fmt.Fprintf(e.w, "> **%s**\n\n", esc(m.EvidenceNote))
	}
}

func (e *encoder) heading(h strategy.Heading) {
	text := h.Text
	if h.Number != "" {
		text = h.Number + " " + text
	}
	fmt.Fprintf(e.w, "%s %s\n\n", strings.Repeat("#", h.Level+1), esc(text))
}

func (e *encoder) paragraph(p strategy.Paragraph) {
	switch p.Style {
	case "lead":
		fmt.Fprintf(e.w, "**%s**\n\n", esc(p.Text))
	case "small":
		fmt.Fprintf(e.w, "*%s*\n\n", esc(p.Text))
	default:
		fmt.Fprintf(e.w, "%s\n\n", esc(p.Text))
	}
}

func (e *encoder) list(l strategy.List) {
	for i, it := range l.Items {
		if l.Ordered {
			fmt.Fprintf(e.w, "%d. %s\n", i+1, esc(it))
		} else {
			fmt.Fprintf(e.w, "- %s\n", esc(it))
		}
	}
	fmt.Fprintln(e.w)
}

func (e *encoder) table(t strategy.Table) {
	if t.Caption != "" {
		fmt.Fprintf(e.w, "*%s*\n\n", esc(t.Caption))
	}
	row := func(cells []string) {
		e.w.WriteString("|")
		for _, c := range cells {
			e.w.WriteString(" " + cell(c) + " |")
		}
		e.w.WriteString("\n")
	}
	row(t.Columns)
	e.w.WriteString("|" + strings.Repeat("---|", len(t.Columns)) + "\n")
	for _, r := range t.Rows {
		row(r)
	}
	fmt.Fprintln(e.w)
}

// chart writes a chart as a table of its data: Markdown has no drawing.
func (e *encoder) chart(c strategy.Chart) {
	fmt.Fprintf(e.w, "*%s*\n\n", esc(c.Title))
	switch c.Type {
	case "timeline":
		e.table(strategy.Table{Columns: []string{"", e.d.Labels.Get("col.dates")}, Rows: spanRows(e.d, c.Spans)})
	default:
		cols := []string{""}
		for _, s := range c.Series {
			cols = append(cols, s.Name)
		}
		var rows [][]string
		for i, l := range c.Labels {
			r := []string{l}
			for _, s := range c.Series {
				if s.IsMissing(i) {
					r = append(r, "—")
				} else {
					r = append(r, locale.For(e.d.Meta.Language).Decimal(s.Values[i], 2))
				}
			}
			rows = append(rows, r)
		}
		e.table(strategy.Table{Columns: cols, Rows: rows})
	}
	if c.Caption != "" {
		fmt.Fprintf(e.w, "*%s*\n\n", esc(c.Caption))
	}
}

func spanRows(d *strategy.Draft, spans []strategy.Span) [][]string {
	rows := make([][]string, len(spans))
	for i, s := range spans {
		rows[i] = []string{s.Label, fmt.Sprintf("%s%s%d–%d", s.Group, locale.For(d.Meta.Language).Colon(), s.Start, s.End)}
		if s.Ongoing {
			rows[i][1] += ", " + d.Labels.Get("chart.ongoing") + " →"
		}
	}
	return rows
}

func (e *encoder) callout(c strategy.Callout) {
	fmt.Fprintf(e.w, "> **%s.** %s\n\n", esc(c.Title), esc(c.Text))
}

// esc escapes the characters that Markdown would read as markup, so that
// assessment text stays text.
func esc(s string) string {
	return mdEscaper.Replace(s)
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;",
	"#", `\#`, "|", `\|`, "\r\n", " ", "\n", " ", "\r", " ",
)

// cell escapes a table cell; line breaks become <br>.
func cell(s string) string {
	parts := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, p := range parts {
		parts[i] = esc(p)
	}
	return strings.Join(parts, "<br>")
}

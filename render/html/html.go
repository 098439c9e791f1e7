// Package html renders a strategy draft as one self-contained, printable
// HTML page: styles inline, charts as inline SVG, no script and no
// external resource, so that it opens offline in a browser, Word or
// LibreOffice. All draft text is escaped.
//
//	err := html.Encode(w, draft, nil)
package html

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/ncskit/ncskit/internal/locale"
	"github.com/ncskit/ncskit/strategy"
)

// Options adjust the output. A nil *Options means the defaults.
type Options struct {
	// Fragment writes only the document body, without <html>, <head> and
	// the style sheet, for embedding in another page.
	Fragment bool
}

// Encode writes d as HTML to w.
func Encode(w io.Writer, d *strategy.Draft, o *Options) error {
	var opts Options
	if o != nil {
		opts = *o
	}
	bw := bufio.NewWriter(w)
	e := &encoder{w: bw, d: d}
	if !opts.Fragment {
		e.head()
	}
	if len(strategy.PartsOf(d)) == 0 {
		e.cover(strategy.Part{Title: d.Meta.Title, Subtitle: d.Meta.Subtitle, Classification: d.Meta.Classification})
	}
	e.contents()
	for _, b := range d.Blocks {
		render, ok := renderers[b.Kind()]
		if !ok {
			return fmt.Errorf("html: no renderer for block kind %q", b.Kind())
		}
		render(e, b)
	}
	e.closeSection()
	if !opts.Fragment {
		e.printf("</main>\n</body>\n</html>\n")
	} else {
		e.printf("</main>\n")
	}
	return bw.Flush()
}

type encoder struct {
	w         *bufio.Writer
	d         *strategy.Draft
	inSection bool
	regions   map[string]int // names given to scrolling table frames
}

// renderers dispatch on block kind; every kind of strategy.BlockKinds has
// an entry (see the tests).
var renderers = map[string]func(e *encoder, b strategy.Block){
	"part":      func(e *encoder, b strategy.Block) { e.part(b.(strategy.Part)) },
	"heading":   func(e *encoder, b strategy.Block) { e.heading(b.(strategy.Heading)) },
	"paragraph": func(e *encoder, b strategy.Block) { e.paragraph(b.(strategy.Paragraph)) },
	"list":      func(e *encoder, b strategy.Block) { e.list(b.(strategy.List)) },
	"table":     func(e *encoder, b strategy.Block) { e.table(b.(strategy.Table)) },
	"chart":     func(e *encoder, b strategy.Block) { e.chart(b.(strategy.Chart)) },
	"callout":   func(e *encoder, b strategy.Block) { e.callout(b.(strategy.Callout)) },
	"pagebreak": func(e *encoder, b strategy.Block) { e.printf("<div class=\"pagebreak\"></div>\n") },
}

// Kinds reports the block kinds this renderer handles.
func Kinds() []string {
	out := make([]string, 0, len(renderers))
	for k := range renderers {
		out = append(out, k)
	}
	return out
}

func (e *encoder) printf(format string, args ...any) { fmt.Fprintf(e.w, format, args...) }

// esc escapes text for HTML element content and attribute values.
func esc(s string) string { return html.EscapeString(s) }

func (e *encoder) head() {
	m := e.d.Meta
	e.printf("<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", esc(m.Language))
	e.printf("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	e.printf("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
	e.printf("<meta name=\"generator\" content=\"%s\">\n", esc(m.Generator))
	e.printf("<title>%s — %s</title>\n<style>\n%s</style>\n</head>\n<body>\n", esc(m.Title), esc(m.Country), css)
}

// part begins a document of the draft with its own cover and marking.
func (e *encoder) part(p strategy.Part) {
	e.closeSection()
	e.printf("<div class=\"pagebreak\"></div>\n")
	e.cover(p)
}

// cover is the title block of a document: its marking, country, title,
// subtitle, the facts of the draft and its note on the evidence.
func (e *encoder) cover(p strategy.Part) {
	m := e.d.Meta
	l := e.d.Labels
	id := ""
	if p.ID != "" {
		id = " id=\"part-" + esc(p.ID) + "\""
	}
	e.printf("<header class=\"cover\"%s>\n", id)
	if p.Classification != "" {
		e.printf("<p class=\"marking\">%s · %s</p>\n", esc(p.Classification), esc(l.Get("r.draft")))
	} else {
		e.printf("<p class=\"marking\">%s</p>\n", esc(l.Get("r.draft")))
	}
	e.printf("<p class=\"country\">%s</p>\n<h1>%s</h1>\n<p class=\"subtitle\">%s</p>\n", esc(m.Country), esc(p.Title), esc(p.Subtitle))
	e.printf("<dl>\n")
	for _, kv := range [][2]string{{"r.period", m.Period}, {"r.version", m.Version}, {"r.status", m.Status}, {"r.date", locale.For(m.Language).Date(m.Date)}} {
		e.printf("<dt>%s</dt><dd>%s</dd>\n", esc(l.Get(kv[0])), esc(kv[1]))
	}
	e.printf("</dl>\n")
	if m.EvidenceNote != "" {
		e.printf("<p class=\"evidence\" role=\"note\">%s</p>\n", esc(m.EvidenceNote))
	}
	e.printf("</header>\n")
}

func (e *encoder) contents() {
	e.printf("<nav class=\"toc\" aria-label=\"%s\">\n<h2>%s</h2>\n<ul>\n", esc(e.d.Labels.Get("r.contents")), esc(e.d.Labels.Get("r.contents")))
	for _, b := range e.d.Blocks {
		if p, ok := b.(strategy.Part); ok {
			e.printf("<li class=\"part\"><a href=\"#part-%s\">%s</a></li>\n", esc(p.ID), esc(p.Title))
		}
		if h, ok := b.(strategy.Heading); ok && h.Level == 1 {
			e.printf("<li><a href=\"#%s\">%s</a></li>\n", esc(h.Anchor), esc(strings.TrimSpace(h.Number+" "+h.Text)))
		}
	}
	e.printf("</ul>\n</nav>\n<main>\n")
}

func (e *encoder) closeSection() {
	if e.inSection {
		e.printf("</section>\n")
		e.inSection = false
	}
}

func (e *encoder) heading(h strategy.Heading) {
	if h.Level == 1 {
		e.closeSection()
		e.printf("<section id=\"%s\">\n", esc(h.Anchor))
		e.inSection = true
		e.printf("<h2>%s</h2>\n", numbered(h))
		return
	}
	tag := "h3"
	if h.Level >= 3 {
		tag = "h4"
	}
	e.printf("<%s id=\"%s\">%s</%s>\n", tag, esc(h.Anchor), numbered(h), tag)
}

func numbered(h strategy.Heading) string {
	if h.Number == "" {
		return esc(h.Text)
	}
	return "<span class=\"num\">" + esc(h.Number) + "</span> " + esc(h.Text)
}

func (e *encoder) paragraph(p strategy.Paragraph) {
	if p.Style != "" {
		e.printf("<p class=\"%s\">%s</p>\n", esc(p.Style), esc(p.Text))
		return
	}
	e.printf("<p>%s</p>\n", esc(p.Text))
}

func (e *encoder) list(l strategy.List) {
	tag := "ul"
	if l.Ordered {
		tag = "ol"
	}
	e.printf("<%s>\n", tag)
	for _, it := range l.Items {
		e.printf("<li>%s</li>\n", esc(it))
	}
	e.printf("</%s>\n", tag)
}

func (e *encoder) table(t strategy.Table) {
	// A wide table scrolls sideways inside its frame; the frame takes the
	// keyboard focus, so that it can be scrolled without a mouse, and is
	// named by the table's caption.
	name := t.Caption
	if name == "" && len(t.Columns) > 0 {
		name = strings.Join(t.Columns, ", ")
	}
	// Two tables with one caption get numbered names: each region is
	// told apart in a screen reader's list of landmarks.
	if e.regions == nil {
		e.regions = map[string]int{}
	}
	if e.regions[name]++; e.regions[name] > 1 {
		name = fmt.Sprintf("%s (%d)", name, e.regions[name])
	}
	e.printf("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"%s\">\n<table class=\"t-%s\">\n", esc(name), esc(t.Role))
	if t.Caption != "" {
		e.printf("<caption>%s</caption>\n", esc(t.Caption))
	}
	total := 0.0
	for _, w := range t.Widths {
		total += w
	}
	if total > 0 && len(t.Widths) == len(t.Columns) {
		e.printf("<colgroup>")
		for _, w := range t.Widths {
			e.printf("<col style=\"width:%.1f%%\">", w*100/total)
		}
		e.printf("</colgroup>\n")
	}
	e.printf("<thead><tr>")
	for _, c := range t.Columns {
		e.printf("<th scope=\"col\">%s</th>", esc(c))
	}
	e.printf("</tr></thead>\n<tbody>\n")
	for _, r := range t.Rows {
		e.printf("<tr>")
		for j, c := range r {
			class := ""
			if t.Role == "raci" && j > 0 && c != "" {
				class = " class=\"raci-" + strings.ToLower(esc(c)) + "\""
			}
			e.printf("<td%s>%s</td>", class, cell(c))
		}
		e.printf("</tr>\n")
	}
	e.printf("</tbody>\n</table>\n</div>\n")
}

// cell escapes a table cell and keeps its line breaks.
func cell(s string) string {
	return strings.ReplaceAll(esc(s), "\n", "<br>")
}

func (e *encoder) callout(c strategy.Callout) {
	e.printf("<aside class=\"callout %s\" role=\"note\"><strong>%s.</strong> %s</aside>\n", esc(c.Tone), esc(c.Title), esc(c.Text))
}

func (e *encoder) chart(c strategy.Chart) {
	e.printf("<figure class=\"chart\">\n")
	var svg string
	var w, ht float64
	switch c.Type {
	case "radar":
		svg, w, ht = radarSVG(c, e.d.Labels.Get("noLevel"))
	case "timeline":
		svg, w, ht = timelineSVG(c)
	default:
		svg, w, ht = barsSVG(c, locale.For(e.d.Meta.Language))
	}
	// An image with a data URI rather than inline SVG: browsers show both,
	// but Word and LibreOffice show only the image.
	e.printf("<img src=\"data:image/svg+xml;base64,%s\" width=\"%.0f\" height=\"%.0f\" alt=\"%s\">\n",
		base64.StdEncoding.EncodeToString([]byte(svg)), w, ht, esc(c.Title))
	e.printf("<figcaption><strong>%s.</strong> %s</figcaption>\n</figure>\n", esc(c.Title), esc(c.Caption))
}

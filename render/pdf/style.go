package pdf

import (
	"fmt"
	"strings"

	"github.com/ncskit/ncskit/internal/docshape"
	"github.com/ncskit/ncskit/internal/typeset"
	"github.com/ncskit/ncskit/strategy"
)

// rgb is a colour. The palette is a dark blue and greys whose lightness
// alone tells them apart, so that the document prints well in greyscale.
type rgb struct{ r, g, b int }

var (
	ink      = rgb{0x1b, 0x1f, 0x24} // body text
	muted    = rgb{0x5b, 0x63, 0x6e} // secondary text
	accent   = rgb{0x1f, 0x3a, 0x5f} // headings, rules, the current series
	accent2  = rgb{0x6f, 0x86, 0xa6} // a middle tone
	tint     = rgb{0xdc, 0xe3, 0xec} // light fills
	paleTint = rgb{0xf1, 0xf4, 0xf8} // zebra rows, callouts
	warmTint = rgb{0xf3, 0xee, 0xe4} // warnings
	rule     = rgb{0xb4, 0xbc, 0xc7} // thin rules and grids
	white    = rgb{0xff, 0xff, 0xff}
	black    = rgb{0x00, 0x00, 0x00}
)

// style is a font and its colour; size is in points.
type style struct {
	bold  bool
	size  float64
	color rgb
}

// The typographic scale, in points.
var (
	body      = style{size: 9.5, color: ink}
	small     = style{size: 8, color: muted}
	leadStyle = style{size: 11, color: accent}
	h1Style   = style{bold: true, size: 18, color: accent}
	h2Style   = style{bold: true, size: 12.5, color: accent}
	h3Style   = style{bold: true, size: 10.5, color: accent}
	caption   = style{bold: true, size: 8.5, color: muted}
	runStyle  = style{size: 7.5, color: muted}
)

const ptToMM = 25.4 / 72

// lineHeight is the leading for a style: 1.4 times the size.
func lineHeight(s style) float64 { return s.size * ptToMM * 1.4 }

// setStyle selects the font and text colour of s.
func (e *encoder) setStyle(s style) {
	if e.font != s {
		b := ""
		if s.bold {
			b = "B"
		}
		e.f.SetFont(typeset.Family, b, s.size)
		e.f.SetTextColor(s.color.r, s.color.g, s.color.b)
		e.font = s
	}
}

func (e *encoder) fill(c rgb) { e.f.SetFillColor(c.r, c.g, c.b) }
func (e *encoder) draw(c rgb) { e.f.SetDrawColor(c.r, c.g, c.b) }

// font is the typeface of s, for measuring.
func (st style) font() typeset.Font { return typeset.Font{Bold: st.bold, Size: st.size} }

// width is the width of s in millimetres in style st.
func width(s string, st style) float64 { return typeset.Width(s, st.font()) }

// wrap breaks s into lines no wider than w (see typeset.Wrap).
func wrap(s string, w float64, st style) []string { return typeset.Wrap(s, w, st.font()) }

// wrapIndent is wrap with the first line shorter by indent, to follow a
// label.
func wrapIndent(s string, w, indent float64, st style) []string {
	return typeset.WrapIndent(s, w, indent, st.font())
}

// ellipsize shortens s to fit w, ending it with an ellipsis.
func ellipsize(s string, w float64, st style) string { return typeset.Ellipsize(s, w, st.font()) }

// clip wraps s to w and keeps at most n lines, the last ellipsized when
// text was cut.
func clip(s string, w float64, st style, n int) []string { return typeset.Clip(s, w, st.font(), n) }

// text draws one line of text whose line box starts at top, with the
// baseline placed to centre the capitals in a line of height lh.
func (e *encoder) text(x, top, lh float64, s string, st style) {
	if s == "" || e.dry {
		return
	}
	e.setStyle(st)
	e.f.Text(x, baseline(top, lh, st), s)
}

func baseline(top, lh float64, st style) float64 {
	return top + lh/2 + 0.36*st.size*ptToMM
}

// textRight draws s ending at x.
func (e *encoder) textRight(x, top, lh float64, s string, st style) {
	e.text(x-width(s, st), top, lh, s, st)
}

// textCenter draws s centred on x.
func (e *encoder) textCenter(x, top, lh float64, s string, st style) {
	e.text(x-width(s, st)/2, top, lh, s, st)
}

// oneLine turns line breaks into spaces, for headings and titles.
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// prepare returns a copy of the parts of d that the PDF shows, with every
// string made safe to draw (see clean) and every block a value of its
// kind's type.
func prepare(d *strategy.Draft) (*strategy.Draft, error) {
	c := &strategy.Draft{Meta: d.Meta, Labels: strategy.Labels{}}
	m := &c.Meta
	for _, p := range []*string{&m.Title, &m.Subtitle, &m.Country, &m.Period, &m.Version, &m.Status,
		&m.Approval, &m.Date, &m.Classification, &m.Author, &m.Generator, &m.AssessmentDate, &m.NextReview} {
		*p = typeset.Clean(*p)
	}
	m.Title, m.Country, m.Classification = oneLine(m.Title), oneLine(m.Country), oneLine(m.Classification)
	for k, v := range d.Labels {
		c.Labels[k] = oneLine(typeset.Clean(v))
	}
	c.Blocks = make([]strategy.Block, 0, len(d.Blocks))
	for i, b := range d.Blocks {
		b = docshape.Deref(b)
		if b == nil {
			return nil, fmt.Errorf("pdf: /blocks/%d: no block", i)
		}
		kind := b.Kind()
		if _, ok := renderers[kind]; !ok {
			return nil, fmt.Errorf("pdf: /blocks/%d: no renderer for block kind %q", i, kind)
		}
		if b = cleanBlock(b); b == nil {
			return nil, fmt.Errorf("pdf: /blocks/%d: a %q block of type %T", i, kind, d.Blocks[i])
		}
		c.Blocks = append(c.Blocks, b)
	}
	return c, nil
}

// cleanBlock returns a clean copy of a block of the draft model's types,
// or nil for any other type.
func cleanBlock(b strategy.Block) strategy.Block {
	switch v := b.(type) {
	case strategy.Part:
		v.ID, v.Title, v.Classification = typeset.Clean(v.ID), oneLine(typeset.Clean(v.Title)), oneLine(typeset.Clean(v.Classification))
		v.Subtitle = typeset.Clean(v.Subtitle)
		return v
	case strategy.Heading:
		v.Number, v.Text = oneLine(typeset.Clean(v.Number)), oneLine(typeset.Clean(v.Text))
		return v
	case strategy.Paragraph:
		v.Text = typeset.Clean(v.Text)
		return v
	case strategy.List:
		v.Items = cleanAll(v.Items)
		return v
	case strategy.Table:
		v.Caption = typeset.Clean(v.Caption)
		v.Columns = cleanAll(v.Columns)
		rows := make([][]string, len(v.Rows))
		for i, r := range v.Rows {
			rows[i] = cleanAll(r)
		}
		v.Rows = rows
		return v
	case strategy.Chart:
		v.Title, v.Caption = typeset.Clean(v.Title), typeset.Clean(v.Caption)
		v.Labels = cleanAll(v.Labels)
		series := make([]strategy.Series, len(v.Series))
		for i, s := range v.Series {
			series[i] = strategy.Series{Name: oneLine(typeset.Clean(s.Name)), Values: s.Values, Missing: s.Missing}
		}
		v.Series = series
		spans := make([]strategy.Span, len(v.Spans))
		for i, s := range v.Spans {
			spans[i] = strategy.Span{Label: typeset.Clean(s.Label), Group: oneLine(typeset.Clean(s.Group)), Start: s.Start, End: s.End, Ongoing: s.Ongoing}
		}
		v.Spans = spans
		return v
	case strategy.Callout:
		v.Title, v.Text = typeset.Clean(v.Title), typeset.Clean(v.Text)
		return v
	case strategy.PageBreak:
		return v
	}
	return nil
}

func cleanAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = typeset.Clean(s)
	}
	return out
}

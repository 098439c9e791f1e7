package pdf

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/go-pdf/fpdf"
	"github.com/ncskit/ncskit/internal/docshape"
	"github.com/ncskit/ncskit/internal/typeset"
	"github.com/ncskit/ncskit/strategy"
)

// Options adjust the output. A nil *Options means the defaults.
type Options struct {
	// PageSize is "A4" (the default when empty) or "Letter".
	PageSize string
}

// Encode writes d to w as a PDF document: a cover page, a table of
// contents with page numbers, the blocks of the draft, an outline
// (bookmarks) of every heading, running headers with the classification
// marking and footers with the page number. A draft of several documents
// (strategy.Part blocks) gives each its own cover, contents, marking and
// page numbers. The same draft and options always give the same bytes.
func Encode(w io.Writer, d *strategy.Draft, o *Options) (err error) {
	defer func() {
		if r := recover(); r != nil { // a bug, here or in fpdf: an error, not a crash
			err = fmt.Errorf("pdf: internal error: %v", r)
		}
	}()
	if d == nil {
		return errors.New("pdf: nil draft")
	}
	size, err := pageSize(o)
	if err != nil {
		return err
	}
	if err := typeset.Load(); err != nil {
		return err
	}
	doc, err := prepare(d)
	if err != nil {
		return err
	}
	// The first pass learns on which page every heading falls and how many
	// pages there are; the second draws the contents and footers with
	// those numbers. The contents take the same room in both passes, so
	// the pages do not move; a third pass is a safety net, never needed.
	var prev *layout
	c := &cache{tables: map[int]*tableLayout{}, lines: map[wrapKey][]string{}}
	for pass := 0; pass < 3; pass++ {
		e, err := newEncoder(doc, size, prev, c)
		if err != nil {
			return err
		}
		if err := e.render(); err != nil {
			return err
		}
		if prev != nil && prev.equal(&e.out) {
			return e.output(w)
		}
		prev = &e.out
	}
	return errors.New("pdf: page layout did not settle")
}

// pageSize returns the page size in millimetres.
func pageSize(o *Options) (fpdf.SizeType, error) {
	name := ""
	if o != nil {
		name = o.PageSize
	}
	switch strings.ToLower(name) {
	case "", "a4":
		return fpdf.SizeType{Wd: 210, Ht: 297}, nil
	case "letter":
		return fpdf.SizeType{Wd: 215.9, Ht: 279.4}, nil
	}
	return fpdf.SizeType{}, fmt.Errorf("pdf: unknown page size %q (want A4 or Letter)", name)
}

// layout is what a pass learns: the page and position of every heading
// and the number of pages.
type layout struct {
	heads []mark
	pages int
	parts []int // the page of each document's cover
}

// cache keeps what both passes measure the same way: the layout of each
// table, by block index, and the lines of wrapped text.
type cache struct {
	tables map[int]*tableLayout
	lines  map[wrapKey][]string
}

type wrapKey struct {
	s    string
	w    float64
	font typeset.Font
}

// lines is wrap(s, w, st), wrapped once for both passes and for a block
// measured before it is drawn. The lines are shared: never change them.
func (e *encoder) lines(s string, w float64, st style) []string {
	k := wrapKey{s, w, st.font()}
	l, ok := e.cache.lines[k]
	if !ok {
		l = wrap(s, w, st)
		e.cache.lines[k] = l
	}
	return l
}

type mark struct {
	page int
	y    float64
}

func (l *layout) equal(m *layout) bool {
	return l.pages == m.pages && slices.Equal(l.heads, m.heads) && slices.Equal(l.parts, m.parts)
}

// encoder draws one pass of the document.
type encoder struct {
	f    *fpdf.Fpdf
	d    *strategy.Draft // cleaned: every string is safe to draw
	prev *layout         // the previous pass, nil in the first
	out  layout          // what this pass learns
	// dry is set in the first pass, which only lays out: it draws no text,
	// header or footer and writes no file.
	dry   bool
	cache *cache
	index int // of the block being drawn or measured

	pageW, pageH float64
	left, right  float64 // text block edges
	top, bottom  float64
	y            float64 // the current position
	font         style   // the current font
	outlineLevel int     // of the last bookmark
	// nextStart is the height the block after the current one needs to
	// begin on the same page.
	nextStart func() float64

	pageLabel, ofLabel, draftLabel, continuedLabel, classif string
	// title is the running title of the document being drawn; covers are
	// the pages that have no running header or footer; part is the index
	// of the document being drawn, -1 in a draft of one document.
	title  string
	covers map[int]bool
	part   int
	// outlineShift lowers the headings in the outline by one level under
	// their document's entry.
	outlineShift int
}

// renderer draws one kind of block. start is the least height the block
// needs at the foot of a page to begin there, so that a heading is never
// left alone at the bottom of a page.
type renderer struct {
	draw  func(e *encoder, b strategy.Block)
	start func(e *encoder, b strategy.Block) float64
}

// renderers dispatch on block kind; every kind of strategy.BlockKinds has
// an entry (see the tests).
var renderers = map[string]renderer{
	"part": {
		func(e *encoder, b strategy.Block) { e.partCover(b.(strategy.Part)) },
		func(e *encoder, b strategy.Block) float64 { return 0 }},
	"heading": {
		func(e *encoder, b strategy.Block) { e.heading(b.(strategy.Heading)) },
		func(e *encoder, b strategy.Block) float64 { return e.headingStart(b.(strategy.Heading)) }},
	"paragraph": {
		func(e *encoder, b strategy.Block) { e.paragraph(b.(strategy.Paragraph)) },
		func(e *encoder, b strategy.Block) float64 { return e.paragraphStart(b.(strategy.Paragraph)) }},
	"list": {
		func(e *encoder, b strategy.Block) { e.list(b.(strategy.List)) },
		func(e *encoder, b strategy.Block) float64 { return e.listStart(b.(strategy.List)) }},
	"table": {
		func(e *encoder, b strategy.Block) { e.table(b.(strategy.Table)) },
		func(e *encoder, b strategy.Block) float64 { return e.tableStart(b.(strategy.Table)) }},
	"chart": {
		func(e *encoder, b strategy.Block) { e.chart(b.(strategy.Chart)) },
		func(e *encoder, b strategy.Block) float64 { return e.chartStart(b.(strategy.Chart)) }},
	"callout": {
		func(e *encoder, b strategy.Block) { e.callout(b.(strategy.Callout)) },
		func(e *encoder, b strategy.Block) float64 { return e.calloutStart(b.(strategy.Callout)) }},
	"pagebreak": {
		func(e *encoder, b strategy.Block) { e.pageBreak() },
		func(e *encoder, b strategy.Block) float64 { return 0 }},
}

// Kinds reports the block kinds this renderer handles.
func Kinds() []string {
	out := make([]string, 0, len(renderers))
	for k := range renderers {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Page geometry in millimetres.
const (
	marginX      = 20.0
	marginTop    = 24.0
	marginBottom = 21.0
)

func newEncoder(d *strategy.Draft, size fpdf.SizeType, prev *layout, c *cache) (*encoder, error) {
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: size})
	// The first pass draws no text, so fpdf need not parse the fonts for
	// it: it does so for every document it is given them.
	if prev != nil {
		if err := typeset.AddFonts(f); err != nil {
			return nil, fmt.Errorf("pdf: %w", err)
		}
	}
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(marginX, marginTop, marginX)
	f.SetCatalogSort(true)
	date := docshape.DocumentDate(d.Meta)
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	f.SetTitle(d.Meta.Title, true)
	f.SetSubject(d.Meta.Subtitle, true)
	f.SetAuthor(d.Meta.Author, true)
	f.SetCreator(d.Meta.Generator, true)
	if lang := langTag(d.Meta.Language); lang != "" {
		f.SetLang(lang)
	}
	f.SetDisplayMode("fullwidth", "continuous")
	e := &encoder{
		f: f, d: d, prev: prev, cache: c, dry: prev == nil,
		pageW: size.Wd, pageH: size.Ht,
		left: marginX, right: size.Wd - marginX,
		top: marginTop, bottom: size.Ht - marginBottom,
		pageLabel:      d.Labels.Get("r.page"),
		ofLabel:        d.Labels.Get("r.of"),
		draftLabel:     d.Labels.Get("r.draft"),
		continuedLabel: d.Labels["pdf.continued"],
		classif:        d.Meta.Classification,
		title:          d.Meta.Title,
		covers:         map[int]bool{},
		part:           -1,
	}
	f.SetHeaderFunc(e.pageHeader)
	f.SetFooterFunc(e.pageFooter)
	return e, nil
}

// render draws the whole document.
func (e *encoder) render() error {
	if len(strategy.PartsOf(e.d)) == 0 {
		e.cover(strategy.Part{Title: e.d.Meta.Title, Subtitle: e.d.Meta.Subtitle, Classification: e.d.Meta.Classification})
		e.contents(0)
		if len(e.d.Blocks) > 0 {
			e.newPage()
		}
	} else {
		e.outlineShift = 1
	}
	for i, b := range e.d.Blocks {
		r, ok := renderers[b.Kind()]
		if !ok {
			return fmt.Errorf("pdf: no renderer for block kind %q", b.Kind())
		}
		e.nextStart = func() float64 { return 0 }
		if i+1 < len(e.d.Blocks) {
			if next, ok := renderers[e.d.Blocks[i+1].Kind()]; ok {
				e.nextStart = func() float64 {
					e.index = i + 1
					defer func() { e.index = i }()
					return next.start(e, e.d.Blocks[i+1])
				}
			}
		}
		e.index = i
		r.draw(e, b)
	}
	e.out.pages = e.f.PageNo()
	if err := e.f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// output writes the document, its pages compressed.
func (e *encoder) output(w io.Writer) error {
	if err := typeset.Output(e.f, w); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// continued marks a caption or title repeated on a later page; a draft
// without the label gets the caption alone.
func (e *encoder) continued(s string) string {
	if e.continuedLabel == "" {
		return s
	}
	return s + " (" + e.continuedLabel + ")"
}

// langTag keeps a language code to the characters of a BCP 47 tag: fpdf
// writes it into the catalogue without escaping.
func langTag(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	if b.Len() > 35 {
		return ""
	}
	return b.String()
}

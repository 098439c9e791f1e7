package docx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ncskit/ncskit/internal/docshape"
	"github.com/ncskit/ncskit/strategy"
)

// Options adjust the output. A nil *Options means the defaults.
type Options struct {
	// PageSize is "A4" (the default when empty) or "Letter".
	PageSize string
}

// page is the geometry of a page in twentieths of a point (twips).
type page struct {
	w, h                     int
	left, right, top, bottom int
	header, footer           int
	landscape                bool
	name                     string
}

// textWidth is the width between the margins.
func (p page) textWidth() int { return p.w - p.left - p.right }

// turned is the page in landscape orientation.
func (p page) turned() page {
	q := p
	q.w, q.h, q.landscape = p.h, p.w, true
	return q
}

// Margins as in the PDF draft: 20 mm at the sides, 24 mm at the top and
// 21 mm at the bottom.
const (
	marginX      = 1134
	marginTop    = 1361
	marginBottom = 1191
)

func pageSize(o *Options) (page, error) {
	name := ""
	if o != nil {
		name = o.PageSize
	}
	p := page{left: marginX, right: marginX, top: marginTop, bottom: marginBottom, header: 567, footer: 510}
	switch strings.ToLower(name) {
	case "", "a4":
		p.w, p.h, p.name = 11906, 16838, "A4"
	case "letter":
		p.w, p.h, p.name = 12240, 15840, "Letter"
	default:
		return page{}, fmt.Errorf("docx: unknown page size %q (want A4 or Letter)", name)
	}
	return p, nil
}

// Encode writes d to w as a Word document (Office Open XML
// WordprocessingML, ISO/IEC 29500): a cover, a table-of-contents field,
// the blocks of the draft in Word's built-in styles, running headers with
// the classification marking and the draft mark, and footers with the
// page number. The same draft and options always give the same bytes.
func Encode(w io.Writer, d *strategy.Draft, o *Options) (err error) {
	defer func() {
		if r := recover(); r != nil { // a bug: an error, not a crash
			err = fmt.Errorf("docx: internal error: %v", r)
		}
	}()
	if d == nil {
		return errors.New("docx: nil draft")
	}
	pg, err := pageSize(o)
	if err != nil {
		return err
	}
	e := &encoder{d: d, page: pg, lang: langTag(d.Meta.Language), runs: []runningHead{{d.Meta.Title, d.Meta.Classification}}}
	if err := e.document(); err != nil {
		return err
	}
	return e.write(w)
}

// encoder builds the parts of one document.
type encoder struct {
	d    *strategy.Draft
	page page
	lang string
	body strings.Builder
	// lists are the numbering instances of ordered lists, each restarting
	// at 1; bullets share instance 1.
	lists int
	// images are the charts' pictures, word/media/chart1.png, ….
	images []picture
	// heads counts the headings, for their bookmarks.
	heads int
	// landscape is set once a section in landscape orientation is used,
	// so that its header and footer parts are written.
	landscape bool
	// ids numbers drawing objects and bookmarks.
	ids int
	// parts counts the documents of the draft begun (Part blocks).
	parts int
	// runs are the running heads of the documents, one pair of header and
	// footer parts (two with landscape) each; run is the current one.
	runs []runningHead
	run  int
}

// runningHead is what the header and footer of a document show.
type runningHead struct{ title, marking string }

// headerName names the header (or footer, kind "footer") part of running
// head i, portrait or landscape: header1.xml and header2.xml for the
// first, header3.xml and header4.xml for the second, ….
func headerName(kind string, i int, landscape bool) string {
	n := 2*i + 1
	if landscape {
		n++
	}
	return kind + strconv.Itoa(n)
}

// renderers dispatch on block kind; every kind of strategy.BlockKinds has
// an entry (see the tests).
var renderers = map[string]func(e *encoder, b strategy.Block) error{
	"part":      func(e *encoder, b strategy.Block) error { e.part(b.(strategy.Part)); return nil },
	"heading":   func(e *encoder, b strategy.Block) error { e.heading(b.(strategy.Heading)); return nil },
	"paragraph": func(e *encoder, b strategy.Block) error { e.paragraph(b.(strategy.Paragraph)); return nil },
	"list":      func(e *encoder, b strategy.Block) error { e.list(b.(strategy.List)); return nil },
	"table":     func(e *encoder, b strategy.Block) error { e.table(b.(strategy.Table)); return nil },
	"chart":     func(e *encoder, b strategy.Block) error { return e.chart(b.(strategy.Chart)) },
	"callout":   func(e *encoder, b strategy.Block) error { e.callout(b.(strategy.Callout)); return nil },
	"pagebreak": func(e *encoder, b strategy.Block) error { e.pageBreak(); return nil },
}

// Kinds reports the block kinds this renderer handles, sorted.
func Kinds() []string {
	out := make([]string, 0, len(renderers))
	for k := range renderers {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// document writes the body: the cover, the contents and the blocks.
func (e *encoder) document() error {
	if len(strategy.PartsOf(e.d)) == 0 {
		e.cover()
		e.contents()
	}
	for i, b := range e.d.Blocks {
		b = docshape.Deref(b)
		if b == nil {
			return fmt.Errorf("docx: /blocks/%d: no block", i)
		}
		r, ok := renderers[b.Kind()]
		if !ok {
			return fmt.Errorf("docx: /blocks/%d: no renderer for block kind %q", i, b.Kind())
		}
		if err := r(e, b); err != nil {
			return fmt.Errorf("docx: /blocks/%d: %w", i, err)
		}
	}
	e.body.WriteString(e.sectPr(e.page))
	return nil
}

// part is a file of the package.
type part struct {
	name string
	data []byte
}

// write writes the package: every part in a fixed order, with a fixed
// modification time, so that the bytes depend on the draft alone.
func (e *encoder) write(w io.Writer) error {
	parts := []part{
		{"[Content_Types].xml", []byte(e.contentTypes())},
		{"_rels/.rels", []byte(rootRels)},
		{"docProps/core.xml", []byte(e.core())},
		{"docProps/app.xml", []byte(e.app())},
		{"word/document.xml", []byte(xmlHeader + `<w:document ` + docNS + `><w:body>` + e.body.String() + `</w:body></w:document>`)},
		{"word/_rels/document.xml.rels", []byte(e.documentRels())},
		{"word/styles.xml", []byte(e.styles())},
		{"word/settings.xml", []byte(e.settings())},
		{"word/numbering.xml", []byte(e.numbering())},
	}
	for i, h := range e.runs {
		parts = append(parts,
			part{"word/" + headerName("header", i, false) + ".xml", []byte(e.header(e.page, h))},
			part{"word/" + headerName("footer", i, false) + ".xml", []byte(e.footer(e.page, h))})
		if e.landscape {
			parts = append(parts,
				part{"word/" + headerName("header", i, true) + ".xml", []byte(e.header(e.page.turned(), h))},
				part{"word/" + headerName("footer", i, true) + ".xml", []byte(e.footer(e.page.turned(), h))})
		}
	}
	for i, p := range e.images {
		parts = append(parts, part{"word/media/chart" + strconv.Itoa(i+1) + ".png", p.png})
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		method := zip.Deflate
		if strings.HasSuffix(p.name, ".png") {
			method = zip.Store // already compressed
		}
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: method, Modified: zipTime})
		if err != nil {
			return fmt.Errorf("docx: %w", err)
		}
		if _, err := f.Write(p.data); err != nil {
			return fmt.Errorf("docx: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return nil
}

// zipTime is the modification time of every part: the earliest an MS-DOS
// date can hold, never the clock.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// langTag returns the language tag Word's proofing tools know for the
// draft's language code: a code with a region is kept, a bare one gets
// the region whose dictionary the region's ministries would use.
func langTag(code string) string {
	var b strings.Builder
	for _, r := range code {
		if r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	s := strings.ReplaceAll(b.String(), "_", "-")
	if s == "" || len(s) > 35 {
		return "en-GB"
	}
	if strings.Contains(s, "-") {
		return s
	}
	if t, ok := regions[strings.ToLower(s)]; ok {
		return t
	}
	return strings.ToLower(s)
}

// regions gives a bare language code the tag of a dictionary that Word
// and LibreOffice ship: Commonwealth spelling for English, Brazil for
// Portuguese.
var regions = map[string]string{
	"en": "en-GB", "es": "es-ES", "fr": "fr-FR", "pt": "pt-BR", "nl": "nl-NL", "ht": "ht-HT",
}

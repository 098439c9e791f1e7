package region

import (
	"fmt"
	"io"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/ncskit/ncskit/internal/typeset"
)

// EncodePDF writes r as a PDF document for print: A4 landscape, the same
// tables as the HTML page, each under its heading in the outline. Every
// page carries the marking at its head (the classification and
// "restricted", or "anonymised for publication") and its number of the
// total at its foot. A heat-map cell shows its progress and target as
// text on the shade of its shortfall, and a legend names the shades, so
// that the map reads in greyscale. Tables break between rows, and a row
// taller than a page between lines, under a repeated head row. The bytes
// are the same for the same report (the document is dated by the latest
// session).
func EncodePDF(w io.Writer, r *Report) (err error) {
	defer func() {
		if p := recover(); p != nil { // a bug, here or in fpdf: an error, not a crash
			err = fmt.Errorf("region: pdf: internal error: %v", p)
		}
	}()
	tables := r.tables()
	layouts := make([]*pdfTable, len(tables))
	// The first pass only lays out, drawing nothing, to count the pages
	// for "page X of Y"; the footers take no room, so the second draws the
	// same pages. Both use the same table layouts.
	total := 0
	for pass := 0; pass < 2; pass++ {
		d, err := newPDFDoc(r, total)
		if err != nil {
			return err
		}
		d.dry = pass == 0
		d.render(tables, layouts)
		if err := d.f.Error(); err != nil {
			return fmt.Errorf("region: pdf: %w", err)
		}
		if pass == 1 {
			return typeset.Output(d.f, w)
		}
		total = d.f.PageNo()
	}
	return nil
}

// rgb is a colour.
type rgb struct{ r, g, b int }

var (
	pdfInk    = rgb{0x1b, 0x1b, 0x1b}
	pdfMuted  = rgb{0x55, 0x55, 0x55}
	pdfAccent = rgb{0x1f, 0x3a, 0x5f}
	pdfTint   = rgb{0xee, 0xf2, 0xf7}
	pdfRule   = rgb{0xbf, 0xbf, 0xbf}
	pdfAlarm  = rgb{0xaa, 0x00, 0x00}
	// heatFills are the shades of the heat map, as on the page and in the
	// workbook: from white (target met) to dark, apart in greyscale.
	heatFills = [5]rgb{{0xff, 0xff, 0xff}, {0xf6, 0xdc, 0xc4}, {0xe9, 0xa8, 0x6f}, {0xb8, 0x5c, 0x1e}, {0x6b, 0x2c, 0x05}}
)

// pstyle is a face, its size and its colour.
type pstyle struct {
	font  typeset.Font
	color rgb
}

var (
	titleStyle = pstyle{typeset.Font{Bold: true, Size: 20}, pdfAccent}
	subStyle   = pstyle{typeset.Font{Size: 11}, pdfMuted}
	headStyle  = pstyle{typeset.Font{Bold: true, Size: 12}, pdfAccent}
	noteStyle  = pstyle{typeset.Font{Size: 7.5}, pdfMuted}
	textStyle  = pstyle{typeset.Font{Size: 8}, pdfInk}
	cellStyle  = pstyle{typeset.Font{Size: 7}, pdfInk}
	thStyle    = pstyle{typeset.Font{Bold: true, Size: 7}, pdfAccent}
	heatStyle  = pstyle{typeset.Font{Size: 6.5}, pdfInk}
	heatHead   = pstyle{typeset.Font{Bold: true, Size: 6}, pdfAccent}
	runStyle   = pstyle{typeset.Font{Size: 7}, pdfMuted}
	markStyle  = pstyle{typeset.Font{Bold: true, Size: 7.5}, pdfAlarm}
)

const (
	pdfMargin   = 12.0
	pdfTop      = 17.0 // below the marking
	pdfBottom   = 13.0 // above the footer
	padX, padY  = 1.2, 0.8
	ptMM        = 25.4 / 72
	maxMinWidth = 40.0 // no column needs more to keep its longest word whole
)

func lineH(s pstyle) float64 { return s.font.Size * ptMM * 1.35 }

// pdfDoc draws one pass of the document.
type pdfDoc struct {
	f                   *fpdf.Fpdf
	r                   *Report
	total               int
	marking             string
	w, h                float64
	left, right, bottom float64
	y                   float64
	cur                 pstyle
	// dry is set in the pass that only counts the pages: nothing is drawn.
	dry bool
}

func newPDFDoc(r *Report, total int) (*pdfDoc, error) {
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "L", UnitStr: "mm", Size: fpdf.SizeType{Wd: 210, Ht: 297}})
	if err := typeset.AddFonts(f); err != nil {
		return nil, fmt.Errorf("region: pdf: %w", err)
	}
	w, h := f.GetPageSize()
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(pdfMargin, pdfTop, pdfMargin)
	f.SetCatalogSort(true)
	date, err := time.Parse("2006-01-02", r.Latest)
	if err != nil {
		date = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	f.SetTitle(r.l("h.title"), true)
	f.SetCreator("ncskit", true)
	if isLangTag(r.Language) {
		f.SetLang(r.Language)
	}
	d := &pdfDoc{f: f, r: r, total: total, w: w, h: h, left: pdfMargin, right: w - pdfMargin, bottom: h - pdfBottom}
	d.marking = typeset.Clean(r.Marking())
	f.SetHeaderFunc(d.header)
	f.SetFooterFunc(d.footer)
	return d, nil
}

func isLangTag(s string) bool {
	if s == "" || len(s) > 35 {
		return false
	}
	for _, c := range s {
		if c != '-' && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

func (d *pdfDoc) setStyle(s pstyle) {
	b := ""
	if s.font.Bold {
		b = "B"
	}
	d.f.SetFont(typeset.Family, b, s.font.Size)
	d.f.SetTextColor(s.color.r, s.color.g, s.color.b)
	d.cur = s
}

// text draws one line whose line box of height lh starts at top.
func (d *pdfDoc) text(x, top, lh float64, s string, st pstyle) {
	if s == "" || d.dry {
		return
	}
	d.setStyle(st)
	d.f.Text(x, top+lh/2+0.36*st.font.Size*ptMM, s)
}

func (d *pdfDoc) fill(c rgb) { d.f.SetFillColor(c.r, c.g, c.b) }
func (d *pdfDoc) draw(c rgb) { d.f.SetDrawColor(c.r, c.g, c.b) }

// header draws the marking, centred, in a box, and a rule.
func (d *pdfDoc) header() {
	d.y = pdfTop
	if d.dry {
		return
	}
	st := markStyle
	if d.r.Anonymised {
		st.color = pdfAccent
	}
	lh := lineH(st)
	s := typeset.Ellipsize(d.marking, d.right-d.left-6, st.font)
	sw := typeset.Width(s, st.font)
	x, top := (d.w-sw)/2, 6.0
	d.draw(st.color)
	d.f.SetLineWidth(0.3)
	d.f.Rect(x-2, top-0.8, sw+4, lh+1.6, "D")
	d.text(x, top, lh, s, st)
	d.draw(pdfRule)
	d.f.SetLineWidth(0.2)
	d.f.Line(d.left, top+lh+3, d.right, top+lh+3)
}

// footer draws the report's title and "page X of Y".
func (d *pdfDoc) footer() {
	if d.dry {
		return
	}
	top := d.h - 9.0
	lh := lineH(runStyle)
	d.draw(pdfRule)
	d.f.SetLineWidth(0.2)
	d.f.Line(d.left, top-1, d.right, top-1)
	d.text(d.left, top, lh, d.r.l("h.title")+" · "+d.r.subtitle(), runStyle)
	page := fmt.Sprintf(d.r.l("p.page"), d.f.PageNo(), max(d.total, d.f.PageNo()))
	d.text(d.right-typeset.Width(page, runStyle.font), top, lh, page, runStyle)
}

func (d *pdfDoc) newPage() {
	d.f.AddPage()
	d.y = pdfTop
}

// full is the height of a page's text block.
func (d *pdfDoc) full() float64 { return d.bottom - pdfTop }

// room reports whether h more millimetres fit on the page.
func (d *pdfDoc) room(h float64) bool { return d.y+h <= d.bottom+0.01 }

// render draws the title and every table under its heading; layouts
// keeps the layout of each table for the next pass.
func (d *pdfDoc) render(tables []table, layouts []*pdfTable) {
	d.newPage()
	d.paragraph(d.r.l("h.title"), titleStyle, 0)
	d.paragraph(d.r.subtitle(), subStyle, 4)
	for i, t := range tables {
		if layouts[i] == nil {
			layouts[i] = d.layout(t, i == 0)
		}
		pt := layouts[i]
		title := typeset.Clean(t.title)
		if i > 0 {
			// A heading stays with its note and the first rows.
			need := lineH(headStyle) + 3 + pt.headH + pt.firstRow(d.full())
			if t.note != "" {
				need += d.paragraphHeight(t.note, noteStyle)
			}
			if !d.room(need) {
				d.newPage()
			}
			d.f.Bookmark(title, 0, d.y)
			d.y += 2
			d.paragraph(title, headStyle, 1)
		} else {
			d.f.Bookmark(typeset.Clean(d.r.l("h.title")), 0, -1)
		}
		if t.note != "" {
			d.paragraph(t.note, noteStyle, 1.5)
		}
		if t.key == "s.heat" {
			d.legend()
		}
		if len(t.head) == 1 && t.head[0] == t.title {
			// A list under its heading (the notes): paragraphs, not a
			// table headed by its own title.
			for _, row := range t.rows {
				d.paragraph(row[0].text, textStyle, 1.5)
			}
		} else {
			d.table(pt)
		}
		d.y += 4
	}
}

func (d *pdfDoc) paragraphHeight(s string, st pstyle) float64 {
	return float64(len(typeset.Wrap(typeset.Clean(s), d.right-d.left, st.font))) * lineH(st)
}

// paragraph draws s wrapped to the width of the page, then gap.
func (d *pdfDoc) paragraph(s string, st pstyle, gap float64) {
	lh := lineH(st)
	for _, line := range typeset.Wrap(typeset.Clean(s), d.right-d.left, st.font) {
		if !d.room(lh) {
			d.newPage()
		}
		d.text(d.left, d.y, lh, line, st)
		d.y += lh
	}
	d.y += gap
}

// legend names the shades of the heat map.
func (d *pdfDoc) legend() {
	st := noteStyle
	lh := lineH(st)
	if !d.room(lh + 2) {
		d.newPage()
	}
	x := d.left
	for i := -2; i < len(heatFills); i++ {
		key := fmt.Sprintf("legend.%d", i)
		if i == -2 {
			key = "legend.none"
		} else if i == -1 {
			continue
		}
		label := typeset.Clean(d.r.l(key))
		w := typeset.Width(label, st.font)
		if x+5+w > d.right {
			x = d.left
			d.y += lh + 1
		}
		d.swatch(x, d.y, 4, lh, i)
		d.text(x+5, d.y, lh, label, st)
		x += 5 + w + 5
	}
	d.y += lh + 2
}

// swatch fills a heat-map box of shade i (-2: no level, hatched).
func (d *pdfDoc) swatch(x, y, w, h float64, i int) {
	if d.dry {
		return
	}
	d.draw(pdfRule)
	d.f.SetLineWidth(0.15)
	if i >= 0 {
		d.fill(heatFills[i])
		d.f.Rect(x, y, w, h, "FD")
		return
	}
	d.f.Rect(x, y, w, h, "D")
	d.f.ClipRect(x, y, w, h, false)
	for s := -h; s < w; s += 1.2 {
		d.f.Line(x+s, y+h, x+s+h, y)
	}
	d.f.ClipEnd()
}

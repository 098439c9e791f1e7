package docx

import (
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/internal/locale"
	"github.com/ncskit/ncskit/strategy"
)

// emuPerTwip converts twips to the English Metric Units of DrawingML.
const emuPerTwip = 635

// chart writes a chart: its title in the Caption style, the chart as a
// PNG picture whose description (the text alternative) gives the title,
// the caption and every value, the caption, and a table of the chart's
// data with every label in full, as text that can be edited, searched
// and read aloud. A timeline, whose bars are named by the first word of
// their labels (the action IDs of the action plan), gets the table only
// when some bar can be shown by its number alone.
func (e *encoder) chart(c strategy.Chart) error {
	pic, err := draw(c, locale.For(e.d.Meta.Language))
	if err != nil {
		return err
	}
	e.images = append(e.images, pic)
	n := len(e.images)
	e.ids++
	id := strconv.Itoa(e.ids)
	if c.Title != "" {
		e.para("Caption", c.Title)
	}
	// The picture spans the text width, or less for a tall one, so that
	// it fits a page with its title.
	cx := e.page.textWidth() * emuPerTwip
	cy := int(int64(cx) * int64(pic.h) / int64(pic.w))
	if limit := (e.page.h - e.page.top - e.page.bottom - 1400) * emuPerTwip; cy > limit {
		cx = int(int64(cx) * int64(limit) / int64(cy))
		cy = limit
	}
	descr := esc(oneLine(alternative(c, e.d.Labels, e.d.Meta.Language)))
	name := "chart" + strconv.Itoa(n) + ".png"
	ext := `cx="` + strconv.Itoa(cx) + `" cy="` + strconv.Itoa(cy) + `"`
	b := &e.body
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Figure"/></w:pPr><w:r><w:drawing>`)
	b.WriteString(`<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent ` + ext + `/><wp:effectExtent l="0" t="0" r="0" b="0"/>`)
	b.WriteString(`<wp:docPr id="` + id + `" name="` + name + `" descr="` + descr + `"/>`)
	b.WriteString(`<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>`)
	b.WriteString(`<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">`)
	b.WriteString(`<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="` + id + `" name="` + name + `" descr="` + descr + `"/><pic:cNvPicPr/></pic:nvPicPr>`)
	b.WriteString(`<pic:blipFill><a:blip r:embed="rIdImage` + strconv.Itoa(n) + `"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`)
	b.WriteString(`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext ` + ext + `/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>`)
	b.WriteString(`</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`)
	if c.Caption != "" {
		e.para("Small", c.Caption)
	}
	if t := dataTable(c, e.d.Labels, e.d.Meta.Language); len(t.Rows) > 0 && (c.Type != "timeline" || numbered(t)) {
		e.grid(t, allColumns(len(t.Columns)), nil, e.page.textWidth())
	}
	return nil
}

func allColumns(n int) []int {
	cols := make([]int, n)
	for i := range cols {
		cols[i] = i
	}
	return cols
}

// numbered reports whether the picture shows some row of t by its number
// alone: then the data table is needed to tell which row is which.
func numbered(t strategy.Table) bool {
	for i, r := range t.Rows {
		if r[0] == strconv.Itoa(i+1) {
			return true
		}
	}
	return false
}

// value formats a chart value as the charts show it: one decimal, with
// the decimal mark of the draft's language.
func value(v float64, loc locale.Locale) string { return loc.Decimal(finite(v), 1) }

// dataTable is the chart's data as a table: a row per label (or span)
// with the key the picture shows, the label in full and each series'
// value; missing values show as missing.
func dataTable(c strategy.Chart, l strategy.Labels, lang string) strategy.Table {
	t := strategy.Table{Role: "chart-data"}
	if c.Type == "timeline" {
		t.Columns = []string{"", "", l.Get("col.horizon"), l.Get("col.dates")}
		t.Widths = []float64{1, 5, 2.2, 1}
		for i, s := range c.Spans {
			t.Rows = append(t.Rows, []string{keyOf(s.Label, i), s.Label, s.Group,
				strconv.Itoa(s.Start) + " → " + strconv.Itoa(s.End)})
		}
		return t
	}
	t.Columns = []string{"", ""}
	t.Widths = []float64{1, 4}
	for i, s := range c.Series {
		name := s.Name
		if k := keyOf(s.Name, i); k != strings.TrimSpace(s.Name) {
			name = k + " " + s.Name
		}
		t.Columns = append(t.Columns, name)
		t.Widths = append(t.Widths, 1.2)
	}
	for i, label := range c.Labels {
		row := []string{keyOf(label, i), label}
		for _, s := range c.Series {
			switch {
			case s.IsMissing(i) || i >= len(s.Values):
				row = append(row, l.Get("noLevel"))
			default:
				row = append(row, value(s.Values[i], locale.For(lang)))
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return withoutKeys(t)
}

// withoutKeys drops the key column of a chart's data table when every
// key is its label in full.
func withoutKeys(t strategy.Table) strategy.Table {
	for _, r := range t.Rows {
		if r[0] != strings.TrimSpace(r[1]) {
			return t
		}
	}
	t.Columns, t.Widths = t.Columns[1:], t.Widths[1:]
	for i, r := range t.Rows {
		t.Rows[i] = r[1:]
	}
	return t
}

// alternative is the text alternative of a chart: its title, caption and
// data in sentences.
func alternative(c strategy.Chart, l strategy.Labels, lang string) string {
	var b strings.Builder
	for _, s := range []string{c.Title, c.Caption} {
		if s = strings.TrimSpace(s); s != "" {
			b.WriteString(strings.TrimRight(s, ".") + ". ")
		}
	}
	t := dataTable(c, l, lang)
	first := 1 // the label's column: after the key, when there is one
	if len(t.Columns) > 0 && len(t.Rows) > 0 && c.Type != "timeline" && len(t.Columns) == len(c.Series)+1 {
		first = 0
	}
	for _, r := range t.Rows {
		b.WriteString(r[first])
		for j := first + 1; j < len(r); j++ {
			sep := ", "
			if j == first+1 {
				sep = locale.For(lang).Colon()
			}
			b.WriteString(sep)
			if h := t.Columns[j]; h != "" {
				b.WriteString(h + " ")
			}
			b.WriteString(r[j])
		}
		b.WriteString(". ")
	}
	return strings.TrimSpace(b.String())
}

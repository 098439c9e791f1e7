package docx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/internal/docshape"
	"github.com/ncskit/ncskit/internal/locale"
	"github.com/ncskit/ncskit/strategy"
)

// para writes a paragraph of style style (a style ID) with text s.
func (e *encoder) para(style, s string) {
	e.body.WriteString(`<w:p>`)
	if style != "" {
		e.body.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	}
	run(&e.body, "", s)
	e.body.WriteString(`</w:p>`)
}

// cover writes the first page: the markings, country, title, subtitle,
// the document facts, the note on the evidence and the owner.
func (e *encoder) cover() {
	m := e.d.Meta
	e.partCover(strategy.Part{Title: m.Title, Subtitle: m.Subtitle, Classification: m.Classification})
}

// part begins one of the documents of a draft in a section of its own,
// with its own cover, and a running header and footer with its title
// and marking.
func (e *encoder) part(p strategy.Part) {
	if e.parts > 0 {
		e.breakSection(e.page)
	}
	e.parts++
	e.run = len(e.runs)
	if e.parts == 1 {
		e.run = 0
		e.runs = e.runs[:0]
	}
	e.runs = append(e.runs, runningHead{p.Title, p.Classification})
	e.partCover(p)
	if e.parts == 1 {
		e.contents() // of the whole file, after its first cover
	}
	e.pageBreak()
}

// partCover writes a cover with the marking, title and subtitle of p.
func (e *encoder) partCover(p strategy.Part) {
	m := e.d.Meta
	l := e.d.Labels
	e.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="CoverMarking"/></w:pPr>`)
	if p.Classification != "" {
		run(&e.body, classificationRun(p.Classification), " "+oneLine(p.Classification)+" ")
		run(&e.body, "", " ")
	}
	run(&e.body, draftRun, " "+oneLine(l.Get("r.draft"))+" ")
	e.body.WriteString(`</w:p>`)
	e.para("CoverCountry", m.Country)
	e.para("Title", p.Title)
	if p.Subtitle != "" {
		e.para("Subtitle", p.Subtitle)
	}
	for _, kv := range [][2]string{{"r.period", m.Period}, {"r.version", m.Version}, {"r.status", m.Status}, {"r.date", locale.For(m.Language).Date(m.Date)}} {
		if kv[1] == "" {
			continue
		}
		e.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="CoverFact"/></w:pPr>`)
		run(&e.body, `<w:color w:val="666666"/>`, l.Get(kv[0]))
		run(&e.body, "", "\t")
		run(&e.body, `<w:b/>`, kv[1])
		e.body.WriteString(`</w:p>`)
	}
	if m.EvidenceNote != "" {
		e.callout(strategy.Callout{Tone: "warning", Text: m.EvidenceNote})
	}
	if m.Author != "" {
		e.para("CoverOwner", m.Author)
	}
}

// contents writes the table of contents as a TOC field over heading
// levels 1-3, with hyperlinks. Its result lists the headings, linked to
// them, so that a reader that does not update fields still shows them;
// Word, told by the settings to update fields on opening, writes the
// page numbers (in LibreOffice: Tools > Update > Update All). The result
// has no page numbers of its own: LibreOffice keeps a field's result as
// it is when it converts a document, and a guessed number would be wrong.
// A file without a chapter (a level 1 heading), such as the brief alone,
// has no contents, as in the PDF: a page listing five short sections
// would only push the text a page further.
func (e *encoder) contents() {
	var heads []strategy.Heading
	chapters := 0
	for _, b := range e.d.Blocks {
		if h, ok := docshape.Deref(b).(strategy.Heading); ok {
			heads = append(heads, h)
			if h.Level == 1 {
				chapters++
			}
		}
	}
	if chapters == 0 {
		return
	}
	e.para("TOCHeading", e.d.Labels.Get("r.contents"))
	field := `<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`
	end := `<w:r><w:fldChar w:fldCharType="end"/></w:r>`
	n := 0
	for i, h := range heads {
		n++
		bm := bookmark(i + 1)
		e.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="TOC` + strconv.Itoa(level(h)) + `"/></w:pPr>`)
		if n == 1 {
			e.body.WriteString(field)
		}
		e.body.WriteString(`<w:hyperlink w:anchor="` + bm + `" w:history="1">`)
		run(&e.body, "", headingText(h))
		e.body.WriteString(`</w:hyperlink>`)
		// The field ends in the last entry's paragraph: an empty
		// paragraph of its own would spill onto a blank page when the
		// contents fill theirs, before the chapter's page break.
		if n == len(heads) {
			e.body.WriteString(end)
		}
		e.body.WriteString(`</w:p>`)
	}
	if n == 0 {
		e.body.WriteString(`<w:p>` + field + end + `</w:p>`)
	}
}

// bookmark names the bookmark of the i-th heading (from 1), which the
// table of contents links to: "_Toc" and a number, as Word names them.
func bookmark(i int) string { return fmt.Sprintf("_Toc%06d", i) }

// headingText is the heading with its number: "4.2 Threats".
func headingText(h strategy.Heading) string {
	return strings.TrimSpace(oneLine(h.Number) + " " + oneLine(h.Text))
}

// heading writes a heading in the built-in style Heading 1, 2 or 3 (a
// deeper level as Heading 3), inside a bookmark for the table of
// contents. A chapter (level 1) starts a new page.
func (e *encoder) heading(h strategy.Heading) {
	e.heads++
	lvl := level(h)
	id := strconv.Itoa(e.heads)
	e.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="Heading` + strconv.Itoa(lvl) + `"/></w:pPr>`)
	e.body.WriteString(`<w:bookmarkStart w:id="` + id + `" w:name="` + bookmark(e.heads) + `"/>`)
	run(&e.body, "", headingText(h))
	e.body.WriteString(`<w:bookmarkEnd w:id="` + id + `"/></w:p>`)
}

// level is the heading's level in the document: 1 to 3.
func level(h strategy.Heading) int { return min(max(h.Level, 1), 3) }

// paragraphStyles maps a paragraph's style to a style ID.
var paragraphStyles = map[string]string{"lead": "Lead", "small": "Small"}

func (e *encoder) paragraph(p strategy.Paragraph) {
	e.para(paragraphStyles[p.Style], p.Text)
}

// list writes a list in the built-in style List Bullet or List Number;
// each numbered list starts again at 1.
func (e *encoder) list(l strategy.List) {
	style, num := "ListBullet", "1"
	if l.Ordered {
		e.lists++
		style, num = "ListNumber", strconv.Itoa(e.lists+1)
	}
	for _, it := range l.Items {
		e.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="` + num + `"/></w:numPr></w:pPr>`)
		run(&e.body, "", it)
		e.body.WriteString(`</w:p>`)
	}
}

// calloutFill is the shading of a callout by tone.
var calloutFill = map[string]string{"warning": "FFF4E0", "finding": "EAF0F7", "note": "F2F2F2"}

// callout writes a boxed finding, note or warning: a paragraph in the
// Callout style, its title in bold.
func (e *encoder) callout(c strategy.Callout) {
	fill, ok := calloutFill[c.Tone]
	if !ok {
		fill = calloutFill["note"]
	}
	e.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="Callout"/><w:shd w:val="clear" w:color="auto" w:fill="` + fill + `"/></w:pPr>`)
	if t := strings.TrimSpace(c.Title); t != "" {
		run(&e.body, `<w:b/>`, strings.TrimRight(t, ".")+". ")
	}
	run(&e.body, "", c.Text)
	e.body.WriteString(`</w:p>`)
}

func (e *encoder) pageBreak() {
	e.body.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
}

// sectPr is the properties of a section on page p. Every section starts
// on a new page.
func (e *encoder) sectPr(p page) string {
	h, f := headerName("Header", e.run, p.landscape), headerName("Footer", e.run, p.landscape)
	hdr, ftr := "rId"+h, "rId"+f
	orient := ""
	if p.landscape {
		orient = ` w:orient="landscape"`
	}
	s := `<w:sectPr><w:headerReference w:type="default" r:id="` + hdr + `"/><w:footerReference w:type="default" r:id="` + ftr + `"/>`
	return s + fmt.Sprintf(`<w:pgSz w:w="%d" w:h="%d"%s/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/></w:sectPr>`,
		p.w, p.h, orient, p.top, p.right, p.bottom, p.left, p.header, p.footer)
}

// breakSection ends the current section on page p, in a paragraph of its
// own: what follows starts on a new page.
func (e *encoder) breakSection(p page) {
	e.body.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="14" w:lineRule="exact"/>` + e.sectPr(p) + `</w:pPr></w:p>`)
}

package docx

import (
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/internal/docshape"
)

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const (
	nsW   = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	nsR   = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	docNS = nsW + ` ` + nsR + ` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"`
	relNS = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
	relT  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
)

const rootRels = xmlHeader + `<Relationships ` + relNS + `>` +
	`<Relationship Id="rId1" Type="` + relT + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relT + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

func (e *encoder) contentTypes() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	b.WriteString(`<Default Extension="png" ContentType="image/png"/>`)
	over := func(name, typ string) {
		b.WriteString(`<Override PartName="/` + name + `" ContentType="` + typ + `"/>`)
	}
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	over("word/document.xml", wml+"document.main+xml")
	over("word/styles.xml", wml+"styles+xml")
	over("word/settings.xml", wml+"settings+xml")
	over("word/numbering.xml", wml+"numbering+xml")
	for i := range e.runs {
		for _, turned := range []bool{false, true} {
			if turned && !e.landscape {
				continue
			}
			over("word/"+headerName("header", i, turned)+".xml", wml+"header+xml")
			over("word/"+headerName("footer", i, turned)+".xml", wml+"footer+xml")
		}
	}
	over("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
	over("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
	b.WriteString(`</Types>`)
	return b.String()
}

func (e *encoder) documentRels() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships ` + relNS + `>`)
	rel := func(id, typ, target string) {
		b.WriteString(`<Relationship Id="` + id + `" Type="` + relT + typ + `" Target="` + target + `"/>`)
	}
	rel("rIdStyles", "styles", "styles.xml")
	rel("rIdSettings", "settings", "settings.xml")
	rel("rIdNumbering", "numbering", "numbering.xml")
	for i := range e.runs {
		for _, turned := range []bool{false, true} {
			if turned && !e.landscape {
				continue
			}
			h, f := headerName("header", i, turned), headerName("footer", i, turned)
			rel("rId"+strings.ToUpper(h[:1])+h[1:], "header", h+".xml")
			rel("rId"+strings.ToUpper(f[:1])+f[1:], "footer", f+".xml")
		}
	}
	for i := range e.images {
		n := strconv.Itoa(i + 1)
		rel("rIdImage"+n, "image", "media/chart"+n+".png")
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// core is the document's core properties: title, subject, creator,
// language, status and version, dated by the draft.
func (e *encoder) core() string {
	m := e.d.Meta
	date := docshape.DocumentDate(m).UTC().Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	el := func(name, v string) {
		if v = oneLine(v); v != "" {
			b.WriteString(`<` + name + `>` + esc(v) + `</` + name + `>`)
		}
	}
	el("dc:title", m.Title)
	el("dc:subject", m.Subtitle)
	el("dc:creator", "ncskit")
	el("cp:keywords", strings.TrimSpace(m.Country+" "+m.Period))
	el("dc:description", m.Generator)
	el("cp:lastModifiedBy", "ncskit")
	el("cp:category", m.Classification)
	el("cp:contentStatus", m.Status)
	el("cp:version", m.Version)
	el("dc:language", e.lang)
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + date + `</dcterms:created>`)
	b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + date + `</dcterms:modified>`)
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}

// app is the extended properties: the application and the owner.
func (e *encoder) app() string {
	company := ""
	if a := oneLine(e.d.Meta.Author); a != "" {
		company = `<Company>` + esc(a) + `</Company>`
	}
	return xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
		`<Template>Normal.dotm</Template><Application>ncskit</Application><DocSecurity>0</DocSecurity>` + company + `</Properties>`
}

// settings asks Word and LibreOffice to update the fields (the table of
// contents and its page numbers) when the document is opened.
func (e *encoder) settings() string {
	return xmlHeader + `<w:settings ` + nsW + `><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>` +
		`<w:characterSpacingControl w:val="doNotCompress"/><w:updateFields w:val="true"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:themeFontLang w:val="` + esc(e.lang) + `"/></w:settings>`
}

// numbering defines a bullet list (instance 1) and a numbered one, with
// an instance per numbered list of the draft, each restarting at 1.
func (e *encoder) numbering() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:numbering ` + nsW + `>`)
	b.WriteString(`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="270"/></w:pPr></w:lvl></w:abstractNum>`)
	b.WriteString(`<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>`)
	b.WriteString(`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
	for i := 0; i <= e.lists; i++ {
		b.WriteString(`<w:num w:numId="` + strconv.Itoa(i+2) + `"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`)
	}
	b.WriteString(`</w:numbering>`)
	return b.String()
}

// draftRun is the look of the draft mark: bold, outlined.
const draftRun = `<w:b/><w:color w:val="1F3A5F"/><w:bdr w:val="single" w:sz="6" w:space="0" w:color="1F3A5F"/>`

// classificationRun is the look of a classification marking: bold on
// black, in the colour the Traffic Light Protocol gives it.
func classificationRun(s string) string {
	return `<w:b/><w:color w:val="` + tlpColor(s) + `"/><w:shd w:val="clear" w:color="auto" w:fill="000000"/>`
}

// tlpColor is the colour the Traffic Light Protocol gives a marking, on
// black; other markings are white.
func tlpColor(s string) string {
	u := strings.ToUpper(strings.TrimSpace(s))
	switch {
	case strings.HasPrefix(u, "TLP:RED"):
		return "FF2B2B"
	case strings.HasPrefix(u, "TLP:AMBER"):
		return "FFC000"
	case strings.HasPrefix(u, "TLP:GREEN"):
		return "33FF00"
	}
	return "FFFFFF"
}

// clip shortens s to n characters with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// header is the running header for page p: the document's title on the
// left, its classification marking and the draft mark on the right.
func (e *encoder) header(p page, h runningHead) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:hdr ` + nsW + ` ` + nsR + `><w:p><w:pPr><w:pStyle w:val="Header"/><w:tabs><w:tab w:val="clear" w:pos="4513"/><w:tab w:val="clear" w:pos="9026"/><w:tab w:val="right" w:pos="` + strconv.Itoa(p.textWidth()) + `"/></w:tabs></w:pPr>`)
	// One line: the markings shortened to 40 characters each, the title
	// to what is left (a character of the header takes about 150 twips).
	class := clip(oneLine(h.marking), 40)
	draft := clip(oneLine(e.d.Labels.Get("r.draft")), 40)
	room := p.textWidth()/150 - len([]rune(class)) - len([]rune(draft)) - 8
	run(&b, "", clip(oneLine(h.title), max(room, 12)))
	run(&b, "", "\t")
	if class != "" {
		run(&b, classificationRun(class), " "+class+" ")
		run(&b, "", " ")
	}
	run(&b, draftRun, " "+draft+" ")
	b.WriteString(`</w:p></w:hdr>`)
	return b.String()
}

// footer is the footer for page p: country and period on the left, the
// document's classification in the middle, "Page X of Y" on the right
// (PAGE and NUMPAGES fields; the words are the draft's labels).
func (e *encoder) footer(p page, h runningHead) string {
	m := e.d.Meta
	var b strings.Builder
	tw := p.textWidth()
	b.WriteString(xmlHeader + `<w:ftr ` + nsW + ` ` + nsR + `><w:p><w:pPr><w:pStyle w:val="Footer"/><w:tabs><w:tab w:val="clear" w:pos="4513"/><w:tab w:val="clear" w:pos="9026"/><w:tab w:val="center" w:pos="` + strconv.Itoa(tw/2) + `"/><w:tab w:val="right" w:pos="` + strconv.Itoa(tw) + `"/></w:tabs></w:pPr>`)
	left := oneLine(m.Country)
	if m.Period != "" {
		left += " · " + oneLine(m.Period)
	}
	run(&b, "", clip(left, tw/240))
	run(&b, "", "\t")
	run(&b, `<w:b/>`, clip(oneLine(h.marking), 40))
	run(&b, "", "\t")
	l := e.d.Labels
	run(&b, "", oneLine(l.Get("r.page"))+" ")
	b.WriteString(`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>`)
	run(&b, "", " "+oneLine(l.Get("r.of"))+" ")
	b.WriteString(`<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>`)
	b.WriteString(`</w:p></w:ftr>`)
	return b.String()
}

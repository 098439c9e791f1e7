package docx

import (
	"strconv"
	"strings"
)

// styles is the style sheet. The styles a document is built from are
// Word's built-in ones, under their built-in IDs and names (Title,
// Subtitle, heading 1-3, List Bullet, List Number, caption, Table Grid,
// TOC Heading, toc 1-3, header, footer), so that the navigation pane, the
// table of contents and a ministry's own template apply to them. A few
// styles of ncskit's own (Lead, Small, Callout, TableText, TableHeading,
// Figure and the cover's) carry what Word has no built-in style for. The
// language of the draft is the default of every run, so that the spelling
// checker uses the right dictionary.
func (e *encoder) styles() string {
	lang := esc(e.lang)
	tw := strconv.Itoa(e.page.textWidth())
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:styles ` + nsW + `>`)
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:eastAsia="Arial" w:hAnsi="Arial" w:cs="Arial"/>` +
		`<w:color w:val="222222"/><w:sz w:val="19"/><w:szCs w:val="19"/><w:lang w:val="` + lang + `" w:eastAsia="` + lang + `" w:bidi="` + lang + `"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="110" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	style := func(typ, id, name, based, next string, flags, pPr, rPr string) {
		b.WriteString(`<w:style w:type="` + typ + `"`)
		if id == "Normal" || id == "DefaultParagraphFont" || id == "TableNormal" || id == "NoList" {
			b.WriteString(` w:default="1"`)
		}
		b.WriteString(` w:styleId="` + id + `"><w:name w:val="` + name + `"/>`)
		if based != "" {
			b.WriteString(`<w:basedOn w:val="` + based + `"/>`)
		}
		if next != "" {
			b.WriteString(`<w:next w:val="` + next + `"/>`)
		}
		b.WriteString(flags)
		if pPr != "" {
			b.WriteString(`<w:pPr>` + pPr + `</w:pPr>`)
		}
		if rPr != "" {
			b.WriteString(`<w:rPr>` + rPr + `</w:rPr>`)
		}
		b.WriteString(`</w:style>`)
	}
	const q = `<w:qFormat/>`
	const accent = `<w:color w:val="1F3A5F"/>`
	const muted = `<w:color w:val="666666"/>`
	size := func(halfPoints int) string {
		s := strconv.Itoa(halfPoints)
		return `<w:sz w:val="` + s + `"/><w:szCs w:val="` + s + `"/>`
	}
	style("paragraph", "Normal", "Normal", "", "", q, "", "")
	style("character", "DefaultParagraphFont", "Default Paragraph Font", "", "", `<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>`, "", "")
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	style("numbering", "NoList", "No List", "", "", `<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>`, "", "")

	style("paragraph", "Title", "Title", "Normal", "Normal", `<w:uiPriority w:val="10"/>`+q,
		`<w:spacing w:before="120" w:after="240" w:line="240" w:lineRule="auto"/><w:contextualSpacing/>`, `<w:b/>`+accent+`<w:kern w:val="28"/>`+size(52))
	style("paragraph", "Subtitle", "Subtitle", "Normal", "Normal", `<w:uiPriority w:val="11"/>`+q,
		`<w:spacing w:after="480"/>`, size(24))
	heading := func(n int, pPr, rPr string) {
		s := strconv.Itoa(n)
		style("paragraph", "Heading"+s, "heading "+s, "Normal", "Normal", `<w:uiPriority w:val="9"/>`+q,
			`<w:keepNext/><w:keepLines/>`+pPr+`<w:outlineLvl w:val="`+strconv.Itoa(n-1)+`"/>`, `<w:b/><w:bCs/>`+accent+rPr)
	}
	heading(1, `<w:pageBreakBefore/><w:pBdr><w:bottom w:val="single" w:sz="8" w:space="4" w:color="1F3A5F"/></w:pBdr><w:spacing w:before="0" w:after="240" w:line="240" w:lineRule="auto"/>`, size(36))
	heading(2, `<w:spacing w:before="240" w:after="100" w:line="240" w:lineRule="auto"/>`, size(25))
	heading(3, `<w:spacing w:before="200" w:after="80" w:line="240" w:lineRule="auto"/>`, size(21))
	style("paragraph", "ListBullet", "List Bullet", "Normal", "", `<w:uiPriority w:val="99"/><w:unhideWhenUsed/>`,
		`<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/><w:ind w:left="360" w:hanging="270"/>`, "")
	style("paragraph", "ListNumber", "List Number", "Normal", "", `<w:uiPriority w:val="99"/><w:unhideWhenUsed/>`,
		`<w:numPr><w:numId w:val="2"/></w:numPr><w:spacing w:after="60"/><w:ind w:left="360" w:hanging="360"/>`, "")
	style("paragraph", "Caption", "caption", "Normal", "Normal", `<w:uiPriority w:val="35"/><w:unhideWhenUsed/>`+q,
		`<w:keepNext/><w:spacing w:before="120" w:after="80"/>`, `<w:b/><w:bCs/>`+muted+size(17))
	b.WriteString(`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>` +
		`<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
		`<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/><w:left w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>` +
		`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/><w:right w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>` +
		`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/></w:tblBorders>` +
		`<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	style("paragraph", "TOCHeading", "TOC Heading", "Heading1", "Normal", `<w:uiPriority w:val="39"/><w:unhideWhenUsed/>`+q,
		`<w:outlineLvl w:val="9"/>`, "")
	for n, ind := range []int{0, 220, 440} {
		s := strconv.Itoa(n + 1)
		rPr := ""
		if n == 0 {
			rPr = `<w:b/>`
		}
		style("paragraph", "TOC"+s, "toc "+s, "Normal", "Normal", `<w:uiPriority w:val="39"/><w:unhideWhenUsed/>`,
			`<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="`+tw+`"/></w:tabs><w:spacing w:before="`+strconv.Itoa(50*(1-min(n, 1)))+`" w:after="20"/><w:ind w:left="`+strconv.Itoa(ind)+`"/>`, rPr)
	}
	style("paragraph", "Header", "header", "Normal", "", `<w:uiPriority w:val="99"/><w:unhideWhenUsed/>`,
		`<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="BFBFBF"/></w:pBdr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>`, muted+size(15))
	style("paragraph", "Footer", "footer", "Normal", "", `<w:uiPriority w:val="99"/><w:unhideWhenUsed/>`,
		`<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="BFBFBF"/></w:pBdr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>`, muted+size(15))

	// ncskit's own styles.
	style("paragraph", "Lead", "Lead", "Normal", "Normal", q, `<w:spacing w:after="160"/>`, accent+size(22))
	style("paragraph", "Small", "Small", "Normal", "Normal", q, "", muted+size(16))
	style("paragraph", "Callout", "Callout", "Normal", "Normal", q,
		`<w:pBdr><w:left w:val="single" w:sz="24" w:space="6" w:color="1F3A5F"/></w:pBdr><w:spacing w:before="80" w:after="160"/><w:ind w:left="170" w:right="113"/>`, "")
	style("paragraph", "TableText", "Table Text", "Normal", "", q, `<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>`, size(15))
	style("paragraph", "TableHeading", "Table Heading", "TableText", "", q, `<w:keepNext/>`, `<w:b/><w:bCs/><w:color w:val="FFFFFF"/>`)
	style("paragraph", "AfterTable", "After Table", "Normal", "Normal", "", `<w:spacing w:after="60" w:line="120" w:lineRule="exact"/>`, size(8))
	style("paragraph", "Figure", "Figure", "Normal", "Small", q, `<w:keepNext/><w:spacing w:after="60"/><w:jc w:val="center"/>`, "")
	style("paragraph", "CoverMarking", "Cover Marking", "Normal", "Normal", "", `<w:spacing w:after="2400"/><w:jc w:val="right"/>`, size(18))
	style("paragraph", "CoverCountry", "Cover Country", "Normal", "Title", "", `<w:spacing w:after="120"/>`, `<w:b/>`+muted+size(28))
	style("paragraph", "CoverFact", "Cover Fact", "Normal", "", "",
		`<w:pBdr><w:top w:val="single" w:sz="4" w:space="3" w:color="BFBFBF"/></w:pBdr><w:tabs><w:tab w:val="left" w:pos="2268"/></w:tabs><w:spacing w:after="60"/>`, size(20))
	style("paragraph", "CoverOwner", "Cover Owner", "Normal", "", "", `<w:spacing w:before="1200"/>`, `<w:b/>`+size(20))
	b.WriteString(`</w:styles>`)
	return b.String()
}

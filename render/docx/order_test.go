package docx

import (
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/drafttest"
)

// schemaOrder is the order in which WordprocessingML (ECMA-376 Part 1,
// transitional) requires the children of these elements: Word refuses a
// document whose properties come in another order, though LibreOffice
// and python-docx read it. An element listed with open set may have other
// children after the listed ones.
var schemaOrder = map[string]struct {
	children []string
	open     bool
}{
	"pPr": {children: strings.Fields(`pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers
		pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd
		snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap
		outlineLvl divId cnfStyle rPr sectPr pPrChange`)},
	"rPr": {children: strings.Fields(`rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint
		noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign
		rtl cs em lang eastAsianLayout specVanish oMath`)},
	"tcPr": {children: strings.Fields(`cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark`)},
	"tblPr": {children: strings.Fields(`tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc
		tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook`)},
	"sectPr": {children: strings.Fields(`headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders
		lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings`)},
	"style": {children: strings.Fields(`name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed
		qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr`)},
	"pBdr":       {children: strings.Fields(`top left bottom right between bar`)},
	"tblBorders": {children: strings.Fields(`top left bottom right insideH insideV`)},
	"tcBorders":  {children: strings.Fields(`top left bottom right insideH insideV tl2br tr2bl`)},
	"tblCellMar": {children: strings.Fields(`top left bottom right`)},
	"lvl":        {children: strings.Fields(`start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId legacy lvlJc pPr rPr`)},
	"settings": {children: strings.Fields(`writeProtection view zoom removePersonalInformation removeDateAndTime
		doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData
		embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges
		bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors
		activeWritingStyle proofState formsDesign attachedTemplate linkStyles stylePaneFormatFilter stylePaneSortMethod
		documentType mailMerge revisionView trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection
		autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone
		doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders
		bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing drawingGridVerticalSpacing
		displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin
		drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData noPunctuationKerning characterSpacingControl
		printTwoOnOne strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema
		saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving
		saveThroughXslt showXMLTags alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars
		rsids mathPr attachedSchema themeFontLang clrSchemeMapping`)},
	"p":      {children: []string{"pPr"}, open: true},
	"r":      {children: []string{"rPr"}, open: true},
	"tc":     {children: []string{"tcPr"}, open: true},
	"tr":     {children: []string{"tblPrEx", "trPr"}, open: true},
	"tbl":    {children: []string{"tblPr", "tblGrid"}, open: true},
	"inline": {children: strings.Fields(`extent effectExtent docPr cNvGraphicFramePr graphic`)},
}

// Every element of every Word part has its children in the schema's
// order, for the examples and for a draft with every awkward block.
func TestSchemaOrder(t *testing.T) {
	for _, name := range drafttest.Examples {
		p, _ := parts(t, encode(t, drafttest.Draft(t, name), nil))
		for part, s := range p {
			if strings.HasPrefix(part, "word/") && strings.HasSuffix(part, ".xml") {
				checkOrder(t, name+": "+part, s)
			}
		}
	}
	p, _ := parts(t, encode(t, hostileDraft(t), nil))
	checkOrder(t, "hostile: word/document.xml", p["word/document.xml"])
}

func checkOrder(t *testing.T, where, s string) {
	t.Helper()
	type frame struct {
		name string
		last int
	}
	var stack []frame
	dec := xml.NewDecoder(strings.NewReader(s))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			if n := len(stack); n > 0 {
				parent := &stack[n-1]
				if o, ok := schemaOrder[parent.name]; ok {
					i := slices.Index(o.children, v.Name.Local)
					switch {
					case i < 0 && o.open:
						i = len(o.children)
					case i < 0:
						t.Errorf("%s: <%s> in <%s> is not in the schema's list", where, v.Name.Local, parent.name)
						i = parent.last
					}
					if i < parent.last {
						t.Errorf("%s: <%s> comes after <%s> in <%s>", where, v.Name.Local, o.children[min(parent.last, len(o.children)-1)], parent.name)
					}
					parent.last = max(parent.last, i)
				}
			}
			stack = append(stack, frame{name: v.Name.Local})
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

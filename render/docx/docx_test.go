package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/docshape"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/internal/golden"
	"github.com/ncskit/ncskit/strategy"
)

func encode(t testing.TB, d *strategy.Draft, o *Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, d, o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// parts opens a document and returns its parts by name, and their names
// in the order of the archive.
func parts(t testing.TB, data []byte) (map[string]string, []string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out[f.Name] = string(b)
		names = append(names, f.Name)
		if !f.Modified.Equal(zipTime) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, zipTime)
		}
	}
	return out, names
}

// Every block kind of the draft model has a renderer.
func TestEveryKindHasARenderer(t *testing.T) {
	for _, b := range strategy.BlockKinds {
		if _, ok := renderers[b.Kind()]; !ok {
			t.Errorf("no renderer for block kind %q", b.Kind())
		}
	}
	if len(Kinds()) != len(strategy.BlockKinds) {
		t.Errorf("Kinds() = %v, want the %d kinds of strategy.BlockKinds", Kinds(), len(strategy.BlockKinds))
	}
}

func TestBadInput(t *testing.T) {
	d := drafttest.Draft(t, "small-island")
	err := Encode(&bytes.Buffer{}, d, &Options{PageSize: "A5"})
	if want := `docx: unknown page size "A5" (want A4 or Letter)`; err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
	if err := Encode(&bytes.Buffer{}, nil, nil); err == nil {
		t.Fatal("a nil draft gave no error")
	}
	var nilTable *strategy.Table
	bad := &strategy.Draft{Blocks: []strategy.Block{strategy.Paragraph{Text: "x"}, nilTable}}
	if err := Encode(&bytes.Buffer{}, bad, nil); err == nil || err.Error() != "docx: /blocks/1: no block" {
		t.Fatalf("a nil block: err = %v", err)
	}
	if err := Encode(failWriter{}, d, nil); err == nil {
		t.Fatal("a failing writer gave no error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// The same draft and options give the same bytes; every part has the
// same fixed time and the parts come in a fixed order.
func TestDeterministic(t *testing.T) {
	for _, name := range drafttest.Examples {
		d := drafttest.Draft(t, name)
		a, b := encode(t, d, nil), encode(t, d, nil)
		if !bytes.Equal(a, b) {
			t.Fatalf("%s: two runs differ: %d and %d bytes", name, len(a), len(b))
		}
		_, names := parts(t, a)
		if names[0] != "[Content_Types].xml" || !slices.Contains(names, "word/media/chart1.png") {
			t.Errorf("%s: parts %v", name, names)
		}
	}
}

// Every part is well-formed XML, and the parts Word needs are there.
func checkWellFormed(t *testing.T, p map[string]string) {
	t.Helper()
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
		"word/styles.xml", "word/settings.xml", "word/numbering.xml", "word/header1.xml", "word/footer1.xml",
		"docProps/core.xml", "docProps/app.xml"} {
		if _, ok := p[name]; !ok {
			t.Errorf("no part %s", name)
		}
	}
	for name, s := range p {
		if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
			continue
		}
		dec := xml.NewDecoder(strings.NewReader(s))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s: %v", name, err)
				break
			}
		}
	}
}

// The document is built on Word's built-in styles, under their built-in
// IDs and names; its table of contents is a TOC field that Word updates
// on opening; its footer numbers the pages and its header carries the
// classification and the draft mark; the page is A4 or Letter.
func TestStructure(t *testing.T) {
	d := drafttest.Draft(t, "small-island")
	p, _ := parts(t, encode(t, d, nil))
	checkWellFormed(t, p)
	for _, want := range []string{
		`w:styleId="Title"><w:name w:val="Title"/>`,
		`w:styleId="Heading1"><w:name w:val="heading 1"/>`,
		`w:styleId="Heading2"><w:name w:val="heading 2"/>`,
		`w:styleId="Heading3"><w:name w:val="heading 3"/>`,
		`w:styleId="ListBullet"><w:name w:val="List Bullet"/>`,
		`w:styleId="Caption"><w:name w:val="caption"/>`,
		`w:styleId="TableGrid"><w:name w:val="Table Grid"/>`,
		`w:styleId="TOC1"><w:name w:val="toc 1"/>`,
		`<w:outlineLvl w:val="0"/>`,
		`<w:lang w:val="en-GB"`,
	} {
		if !strings.Contains(p["word/styles.xml"], want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	if !strings.Contains(p["word/settings.xml"], `<w:updateFields w:val="true"/>`) {
		t.Error("settings.xml does not ask to update fields")
	}
	doc := p["word/document.xml"]
	for _, want := range []string{
		`<w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText>`,
		`<w:tblHeader/>`, `<w:pgSz w:w="11906" w:h="16838"/>`, `w:orient="landscape"`,
		`<w:pStyle w:val="Heading2"/></w:pPr><w:bookmarkStart w:id="1" w:name="_Toc000001"/>`, // the brief's first
		`<w:pStyle w:val="Heading1"/></w:pPr><w:bookmarkStart w:id="`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	for _, f := range []string{"word/footer1.xml", "word/footer2.xml"} {
		if !strings.Contains(p[f], `<w:fldSimple w:instr=" PAGE ">`) || !strings.Contains(p[f], `<w:fldSimple w:instr=" NUMPAGES ">`) {
			t.Errorf("%s has no page number", f)
		}
	}
	for _, f := range []string{"word/header1.xml", "word/header2.xml"} {
		for _, want := range []string{d.Meta.Classification, d.Labels.Get("r.draft")} {
			if !strings.Contains(p[f], ">"+want+" <") && !strings.Contains(p[f], " "+want+" ") {
				t.Errorf("%s lacks %q", f, want)
			}
		}
	}
	for _, want := range []string{"<dc:title>" + d.Meta.Title + "</dc:title>", "<dc:creator>ncskit</dc:creator>",
		"<dc:language>en-GB</dc:language>", `<dcterms:created xsi:type="dcterms:W3CDTF">2026-10-14T00:00:00Z</dcterms:created>`} {
		if !strings.Contains(p["docProps/core.xml"], want) {
			t.Errorf("core.xml lacks %s", want)
		}
	}
	letter, _ := parts(t, encode(t, d, &Options{PageSize: "Letter"}))
	if !strings.Contains(letter["word/document.xml"], `<w:pgSz w:w="12240" w:h="15840"/>`) {
		t.Error("the Letter page is not 8.5 × 11 inches")
	}
	if !strings.Contains(letter["word/document.xml"], `<w:pgSz w:w="15840" w:h="12240" w:orient="landscape"/>`) {
		t.Error("the Letter landscape section is not 11 × 8.5 inches")
	}
}

// The language tag spelling checkers know, from the draft's language.
func TestLangTag(t *testing.T) {
	for in, want := range map[string]string{"en": "en-GB", "es": "es-ES", "pt": "pt-BR", "fr-CA": "fr-CA", "es_MX": "es-MX",
		"": "en-GB", `x"y`: "xy", "en<b>": "enb"} {
		if got := langTag(in); got != want {
			t.Errorf("langTag(%q) = %q, want %q", in, got, want)
		}
	}
}

// hostile is text that must stay text: WordprocessingML markup, a
// spreadsheet formula, an OOXML escape, control characters, a byte that
// is not UTF-8, right-to-left text and a field code's syntax.
const hostile = "<w:p>&amp; =SUM(A1) _x0041_ \x01\x1b\x7f \xff مرحبا بالعالم עברית { PAGE } \"q\" 'a'"

// cleaned is hostile as the document shows it.
const cleaned = "<w:p>&amp; =SUM(A1) _x0041_ \u2401\u241b\u2421 \ufffd مرحبا بالعالم עברית { PAGE } \"q\" 'a'"

// hostileDraft puts hostile text and a 5,000-character token in every
// kind of block and in the document's properties.
func hostileDraft(t testing.TB) *strategy.Draft {
	d := drafttest.Draft(t, "small-island")
	token := strings.Repeat("x", 4990) + "-END-TOKEN"
	d.Meta.Title = hostile
	d.Meta.Subtitle = hostile
	d.Meta.Country = hostile
	d.Meta.Classification = hostile
	d.Meta.Author = hostile
	d.Labels["r.draft"] = hostile
	seen := map[string]bool{}
	for i, b := range d.Blocks {
		if seen[b.Kind()] {
			continue
		}
		seen[b.Kind()] = true
		switch v := b.(type) {
		case strategy.Heading:
			v.Text = hostile
			d.Blocks[i] = v
		case strategy.Paragraph:
			v.Text = hostile + " " + token
			d.Blocks[i] = v
		case strategy.List:
			v.Items = append([]string{hostile}, v.Items...)
			d.Blocks[i] = v
		case strategy.Table:
			v.Caption = hostile
			v.Rows = append([][]string{{hostile, token}}, v.Rows...)
			d.Blocks[i] = v
		case strategy.Chart:
			v.Title, v.Caption = hostile, hostile
			v.Labels = append([]string(nil), v.Labels...)
			v.Labels[0] = hostile
			d.Blocks[i] = v
		case strategy.Callout:
			v.Title, v.Text = hostile, hostile
			d.Blocks[i] = v
		}
	}
	return d
}

// Hostile text stays literal text: the parts stay well-formed, the text
// reads back as written (control characters shown as their symbols), and
// no field, hyperlink or markup is made from it.
func TestHostile(t *testing.T) {
	d := hostileDraft(t)
	p, _ := parts(t, encode(t, d, nil))
	checkWellFormed(t, p)
	doc := p["word/document.xml"]
	text := strings.Join(texts(t, doc), "\n")
	if n := strings.Count(text, cleaned); n < 8 {
		t.Errorf("the hostile text reads back %d times, want it in every kind of block", n)
	}
	if !strings.Contains(text, strings.Repeat("x", 4990)+"-END-TOKEN") {
		t.Error("the long token is not whole")
	}
	if got := regexp.MustCompile(`<w:instrText[^>]*>[^<]*`).FindAllString(doc, -1); len(got) != 1 || !strings.Contains(got[0], " TOC ") {
		t.Errorf("fields in the body: %q, want only the table of contents", got)
	}
	if strings.Contains(doc, "<w:fldSimple") || regexp.MustCompile(`<w:hyperlink (?:[^>]*r:id|w:anchor="[^_])`).MatchString(doc) {
		t.Error("the body has a simple field or a hyperlink that is not to a heading")
	}
	if !strings.Contains(strings.Join(texts(t, p["docProps/core.xml"]), ""), cleaned) {
		t.Error("the core properties lack the hostile text as text")
	}
	// The running header holds the markings and the title, shortened.
	if h := strings.Join(texts(t, p["word/header1.xml"]), ""); !strings.Contains(h, string([]rune(cleaned)[:30])) || strings.Count(h, "\n") > 0 {
		t.Errorf("the running header lacks the hostile text as text, or is not one line: %q", h)
	}
}

// texts returns the character data of an XML part: for a Word part, the
// text of each paragraph (w:t, with w:tab as a tab and w:br as a line
// break), else of each element.
func texts(t testing.TB, s string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(s))
	var out []string
	var cur strings.Builder
	inT := false
	word := strings.Contains(s, "wordprocessingml")
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			switch {
			case v.Name.Local == "t" || !word:
				inT = true
				if !word {
					cur.Reset()
				}
			case v.Name.Local == "tab":
				cur.WriteString("\t")
			case v.Name.Local == "br":
				cur.WriteString("\n")
			}
		case xml.EndElement:
			inT = false
			if !word || v.Name.Local == "p" {
				if cur.Len() > 0 {
					out = append(out, cur.String())
				}
				cur.Reset()
			}
		case xml.CharData:
			if inT {
				cur.Write(v)
			}
		}
	}
	return append(out, "")
}

// TestSkeleton pins the outline of the small island's document: each
// paragraph outside tables with its style, and each table's size and
// header, in a golden file (go test -update rewrites it).
func TestSkeleton(t *testing.T) {
	for _, name := range []string{"small-island"} {
		p, _ := parts(t, encode(t, drafttest.Draft(t, name), nil))
		golden.Check(t, filepath.Join("testdata", name+".skeleton.txt"), skeleton(t, p["word/document.xml"]))
	}
}

// skeleton is the outline of document.xml: "Style: text" per paragraph
// outside tables (text cut at 100 characters), and "table: R rows × C
// columns: header cells" per table.
func skeleton(t testing.TB, doc string) []byte {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	var b bytes.Buffer
	depth := 0 // of tables
	var style, text strings.Builder
	var rows, cols int
	var header []string
	inT, firstRow := false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			switch v.Name.Local {
			case "tbl":
				depth++
				rows, cols, header = 0, 0, nil
			case "tr":
				rows++
				firstRow = rows == 1
			case "tc":
				if firstRow {
					cols++
					header = append(header, "")
				}
			case "pStyle":
				if depth == 0 {
					style.WriteString(attr(v, "val"))
				}
			case "t":
				inT = true
			case "tab":
				text.WriteString(" ")
			case "br":
				text.WriteString(" ")
			}
		case xml.CharData:
			if inT {
				if depth > 0 && firstRow {
					header[len(header)-1] += string(v)
				} else if depth == 0 {
					text.Write(v)
				}
			}
		case xml.EndElement:
			switch v.Name.Local {
			case "t":
				inT = false
			case "tbl":
				depth--
				fmt.Fprintf(&b, "table: %d rows × %d columns: %s\n", rows, cols, strings.Join(header, " | "))
			case "p":
				if depth == 0 {
					s := []rune(text.String())
					if len(s) > 100 {
						s = append(s[:99], '…')
					}
					fmt.Fprintf(&b, "%s: %s\n", cmpOr(style.String(), "Normal"), string(s))
				}
				style.Reset()
				text.Reset()
			}
		}
	}
	return b.Bytes()
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// A draft with awkward data renders: charts with missing, negative and
// infinite values and too few radar axes, reversed spans, an empty
// table, ragged rows, a table too wide even for a landscape page, deep
// headings and page breaks.
func TestAwkwardBlocks(t *testing.T) {
	d := drafttest.Draft(t, "small-island")
	cols := []string{"Action"}
	row := []string{"X-01"}
	for i := range 60 {
		cols = append(cols, fmt.Sprintf("Institution %d", i))
		row = append(row, "RACI"[i%4:i%4+1])
	}
	inf := math.Inf(1)
	d.Blocks = append(d.Blocks,
		strategy.Heading{Level: 5, Text: "Deep"},
		strategy.Chart{Type: "radar", Labels: []string{"a", "b"}, Series: []strategy.Series{{Values: []float64{1}}}, Max: 5},
		strategy.Chart{Type: "radar", Labels: []string{"a", "b", "c", "d"}, Series: []strategy.Series{{Name: "Ünïcode", Values: []float64{-1, inf, 3, 9}, Missing: []int{1}}}, Max: 5},
		strategy.Chart{Type: "bars", Labels: []string{"éé", "b"}, Series: []strategy.Series{{Values: []float64{-2, inf}}}},
		strategy.Chart{Type: "timeline", Spans: []strategy.Span{{Label: "ñ", Start: 30, End: 2}, {Label: "z", Start: -5, End: 900}}},
		strategy.Chart{Type: "unknown"},
		strategy.Table{Caption: "empty"},
		strategy.Table{Columns: []string{"a"}, Rows: [][]string{{"1", "2", "3"}, {}}},
		strategy.Table{Role: "raci", Caption: "wide", Columns: cols, Rows: [][]string{row}},
		strategy.PageBreak{}, &strategy.Paragraph{Text: "after"},
	)
	data := encode(t, d, nil)
	p, _ := parts(t, data)
	checkWellFormed(t, p)
	if n := strings.Count(p["word/document.xml"], "<w:tbl>"); n < 30 {
		t.Errorf("%d tables", n)
	}
}

// BenchmarkEncode renders each example. Besides time and allocations it
// reports the file size and the CPU time per run (cpu-ms/op, the whole
// process's), which other work on a shared machine disturbs less than
// wall time.
func BenchmarkEncode(b *testing.B) {
	for _, name := range drafttest.Examples {
		b.Run(name, func(b *testing.B) {
			d := drafttest.Draft(b, name)
			var out bytes.Buffer
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				out.Reset()
				if err := Encode(&out, d, nil); err != nil {
					b.Fatal(err)
				}
			}
			if used := cpuTime() - cpu; used > 0 {
				b.ReportMetric(used.Seconds()*1000/float64(b.N), "cpu-ms/op")
			}
			b.ReportMetric(float64(out.Len())/1024, "KiB")
		})
	}
}

// A RACI header too long to show whole loses its longer remarks, never
// its acronyms, and never becomes empty.
func TestDropRemarks(t *testing.T) {
	for in, want := range map[string]string{
		"CSIRT-SOL, Equipo Nacional (national CSIRT, hosted by ANCS) de Respuesta": "CSIRT-SOL, Equipo Nacional de Respuesta",
		"Agencia Nacional de Ciberseguridad (ANCS)":                                "Agencia Nacional de Ciberseguridad (ANCS)",
		"(only a remark here)": "(only a remark here)",
		"unclosed (remark":     "unclosed (remark",
		"a (b (c d) e) f":      "a f",
	} {
		if got := docshape.DropRemarks(in); got != want {
			t.Errorf("docshape.DropRemarks(%q) = %q, want %q", in, got, want)
		}
	}
	d := drafttest.Draft(t, "larger-state")
	p, _ := parts(t, encode(t, d, nil))
	doc := p["word/document.xml"]
	// After its first use the draft writes the national CSIRT by its
	// acronym, also in the RACI header.
	if !strings.Contains(doc, ">CSIRT-SOL<") {
		t.Error("the RACI header keeps the long remark of the national CSIRT's name")
	}
}

// TestPartMarkings gives each document of a draft its own section, whose
// running header and footer carry its title and marking: the public
// strategy's pages never show the plan's restricted marking, nor the
// reverse.
func TestPartMarkings(t *testing.T) {
	d := drafttest.Draft(t, "small-island")
	p, _ := parts(t, encode(t, d, nil))
	doc := p["word/document.xml"]
	for i, part := range strategy.PartsOf(d) {
		n := strconv.Itoa(2*i + 1)
		if !strings.Contains(doc, `r:id="rIdHeader`+n+`"`) {
			t.Errorf("no section of the %s refers to header%s.xml", part.ID, n)
		}
		for _, f := range []string{"word/header" + n + ".xml", "word/footer" + n + ".xml"} {
			if !strings.Contains(p[f], ">"+part.Classification) && !strings.Contains(p[f], " "+part.Classification+" ") {
				t.Errorf("%s of the %s lacks %s", f, part.ID, part.Classification)
			}
			for _, other := range strategy.PartsOf(d) {
				if other.Classification != part.Classification && strings.Contains(p[f], other.Classification) {
					t.Errorf("%s of the %s carries %s", f, part.ID, other.Classification)
				}
			}
		}
		if !strings.Contains(p["word/header"+n+".xml"], part.Title[:12]) {
			t.Errorf("header%s.xml lacks the title of the %s", n, part.ID)
		}
	}
}

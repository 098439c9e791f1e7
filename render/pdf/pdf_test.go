package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/internal/tooltest"
	"github.com/ncskit/ncskit/internal/typeset"
	"github.com/ncskit/ncskit/strategy"
)

// Every block kind of the draft model has a renderer.
func TestEveryKindHasARenderer(t *testing.T) {
	for _, b := range strategy.BlockKinds {
		r, ok := renderers[b.Kind()]
		if !ok || r.draw == nil || r.start == nil {
			t.Errorf("no renderer for block kind %q", b.Kind())
		}
	}
	if len(Kinds()) != len(strategy.BlockKinds) {
		t.Errorf("Kinds() = %v, want the %d kinds of strategy.BlockKinds", Kinds(), len(strategy.BlockKinds))
	}
}

func TestBadPageSize(t *testing.T) {
	d := drafttest.Draft(t, "small-island")
	err := Encode(&bytes.Buffer{}, d, &Options{PageSize: "A5"})
	want := `pdf: unknown page size "A5" (want A4 or Letter)`
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
	if err := Encode(&bytes.Buffer{}, nil, nil); err == nil {
		t.Fatal("a nil draft gave no error")
	}
}

// The same draft and options give the same bytes.
func TestDeterministic(t *testing.T) {
	d := drafttest.Draft(t, "small-island")
	a, b := encode(t, d, nil), encode(t, d, nil)
	if !bytes.Equal(a, b) {
		t.Fatalf("two runs differ: %d and %d bytes", len(a), len(b))
	}
}

// The examples pass qpdf's check, carry their metadata, and their text
// holds every chapter heading, the country name with its accents, each
// pillar with its level names and the top priorities.
// pageRange is the number of A4 pages each document of a draft may take:
// a Cabinet brief of two to four, a strategy of 15 to 30, a plan of any
// length.
var pageRange = map[string][2]int{strategy.PartBrief: {2, 4}, strategy.PartStrategy: {15, 30}, strategy.PartPlan: {20, 150}}

func TestExamples(t *testing.T) {
	for _, name := range drafttest.Examples {
		for _, part := range strategy.Parts {
			t.Run(name+"/"+part, func(t *testing.T) {
				a, r := drafttest.Assessment(t, name)
				d, err := strategy.Select(drafttest.Build(t, a, r), part)
				if err != nil {
					t.Fatal(err)
				}
				checkDocument(t, d, part, a)
			})
		}
	}
}

// checkDocument checks the PDF of one document of a draft: its metadata,
// its length, its text, its running marking, outline, contents and
// margins, and that the brief and the strategy name nobody.
func checkDocument(t *testing.T, d *strategy.Draft, part string, a *assess.Assessment) {
	data := encode(t, d, nil)
	if lang := "/Lang (" + d.Meta.Language + ")"; !bytes.Contains(data, []byte(lang)) {
		t.Errorf("the catalogue lacks %s", lang)
	}
	path := write(t, data)
	qpdfCheck(t, path)
	info := run(t, "pdfinfo", path)
	for _, want := range []string{
		"Title:           " + d.Meta.Title,
		"Author:          " + d.Meta.Author,
		"Creator:         " + d.Meta.Generator,
		"(A4)",
	} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	pages := pageCount(t, info)
	if r := pageRange[part]; pages < r[0] || pages > r[1] {
		t.Errorf("%d pages, want %d-%d", pages, r[0], r[1])
	}
	text := flat(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	t.Logf("%d pages, %d words", pages, len(strings.Fields(text)))
	for _, want := range expectedText(t, d, part) {
		if !strings.Contains(text, flat(want)) {
			t.Errorf("the text lacks %q", want)
		}
	}
	if part != strategy.PartPlan {
		for _, p := range drafttest.People(a) {
			if strings.Contains(text, flat(p)) {
				t.Errorf("the %s names %q", part, p)
			}
		}
	}
	if d.Meta.Country == "República de Solandía" && !strings.Contains(text, "República de Solandía") {
		t.Error("the text lacks the country name with its accents")
	}
	chapters := 0
	for _, b := range d.Blocks {
		if h, ok := b.(strategy.Heading); ok && h.Level == 1 {
			chapters++
		}
	}
	for p := 2; p <= pages; p++ {
		page := flat(run(t, "pdftotext", "-enc", "UTF-8", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), path, "-"))
		want := []string{fmt.Sprintf("%s %d %s %d", d.Labels.Get("r.page"), p, d.Labels.Get("r.of"), pages),
			d.Labels.Get("r.draft"), d.Meta.Classification}
		if p == 2 && chapters > 0 {
			want = append(want, d.Labels.Get("r.contents"))
		}
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("page %d lacks %q", p, w)
			}
		}
	}
	checkOutline(t, d, path)
	if chapters > 0 {
		checkContents(t, d, path, pages)
	}
	checkMargins(t, path, 210, 297)
}

// TestAllParts writes the three documents in one file: each begins with
// its own cover and every page carries its own marking, the strategy's
// public one and the others restricted.
func TestAllParts(t *testing.T) {
	d := drafttest.Draft(t, "small-island")
	path := write(t, encode(t, d, nil))
	pages := pageCount(t, run(t, "pdfinfo", path))
	parts := strategy.PartsOf(d)
	if len(parts) != 3 || parts[1].Classification != strategy.PublicMarking || !strategy.Restricted(parts[0].Classification) ||
		!strategy.Restricted(parts[2].Classification) {
		t.Fatalf("parts %+v", parts)
	}
	k := -1
	for p := 1; p <= pages; p++ {
		page := flat(run(t, "pdftotext", "-enc", "UTF-8", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), path, "-"))
		if k+1 < len(parts) && strings.Contains(page, parts[k+1].Title) &&
			!strings.Contains(page, d.Labels.Get("r.page")+" ") {
			k++ // a cover
		}
		if k < 0 {
			t.Fatalf("page %d comes before the first cover", p)
		}
		if !strings.Contains(page, parts[k].Classification) {
			t.Errorf("page %d of the %s lacks its marking %s", p, parts[k].ID, parts[k].Classification)
		}
		for _, other := range parts {
			if other.Classification != parts[k].Classification && strings.Contains(page, other.Classification) {
				t.Errorf("page %d of the %s carries the marking %s", p, parts[k].ID, other.Classification)
			}
		}
	}
	if k != 2 {
		t.Errorf("found %d covers, want 3", k+1)
	}
}

func TestLetter(t *testing.T) {
	d := drafttest.Draft(t, "larger-state")
	path := write(t, encode(t, d, &Options{PageSize: "Letter"}))
	qpdfCheck(t, path)
	if info := run(t, "pdfinfo", path); !strings.Contains(info, "612 x 792 pts (letter)") {
		t.Errorf("not a Letter page:\n%s", info)
	}
	checkMargins(t, path, 215.9, 279.4)
}

// expectedText lists what the examples' text must hold: the chapter
// headings, each pillar's name and the names of the levels it has, and
// the five top priorities.
func expectedText(t *testing.T, d *strategy.Draft, part string) []string {
	var want []string
	for _, b := range d.Blocks {
		if h, ok := b.(strategy.Heading); ok && h.Level <= 2 {
			want = append(want, h.Text)
		}
	}
	want = append(want, d.Meta.Country, d.Meta.Title)
	if part != strategy.PartStrategy {
		return want
	}
	scale := assess.Default().Scale
	for _, s := range d.Scores {
		if s.Kind == "pillar" {
			want = append(want, s.Name, fmt.Sprintf("%d %s", s.Achieved, scale.Name(s.Achieved, d.Meta.Language)),
				fmt.Sprintf("%d %s", s.Target, scale.Name(s.Target, d.Meta.Language)))
		}
	}
	for _, p := range d.Priorities[:min(5, len(d.Priorities))] {
		want = append(want, p.Title)
	}
	if len(want) < 20 {
		t.Fatalf("too little to look for: %q", want)
	}
	return want
}

// checkOutline reads the bookmarks with qpdf: every heading has one.
func checkOutline(t *testing.T, d *strategy.Draft, path string) {
	t.Helper()
	out := run(t, "qpdf", "--json", "--json-key=outlines", path)
	var doc struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var titles []string
	var walk func([]outline, int)
	walk = func(os []outline, depth int) {
		for _, o := range os {
			titles = append(titles, strings.Repeat(">", depth)+o.Title)
			walk(o.Kids, depth+1)
		}
	}
	walk(doc.Outlines, 0)
	shift := 0 // the headings of a document sit under its entry
	if len(strategy.PartsOf(d)) > 0 {
		shift = 1
	}
	depth := 0 // an outline goes down one level at a time
	for _, b := range d.Blocks {
		if p, ok := b.(strategy.Part); ok {
			if !slices.Contains(titles, p.Title) {
				t.Errorf("the outline lacks %q", p.Title)
			}
			depth = 0
			continue
		}
		h, ok := b.(strategy.Heading)
		if !ok {
			continue
		}
		depth = min(h.Level-1+shift, depth+1)
		want := strings.Repeat(">", depth) + strings.TrimSpace(h.Number+" "+h.Text)
		if !slices.Contains(titles, want) {
			t.Errorf("the outline lacks %q", want)
		}
	}
}

type outline struct {
	Title string    `json:"title"`
	Kids  []outline `json:"kids"`
}

// checkContents finds each chapter's page in the table of contents and
// checks that the chapter starts on that page.
func checkContents(t *testing.T, d *strategy.Draft, path string, pages int) {
	t.Helper()
	toc := run(t, "pdftotext", "-layout", "-enc", "UTF-8", "-f", "2", "-l", "4", path, "-")
	for _, b := range d.Blocks {
		h, ok := b.(strategy.Heading)
		if !ok || h.Level != 1 {
			continue
		}
		re := regexp.MustCompile(regexp.QuoteMeta(h.Text) + `[ .]+(\d+)\s*$`)
		var page int
		for line := range strings.SplitSeq(toc, "\n") {
			if m := re.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
				page, _ = strconv.Atoi(m[1])
				break
			}
		}
		if page < 2 || page > pages {
			t.Errorf("contents: no valid page for %q (%d)", h.Text, page)
			continue
		}
		p := strconv.Itoa(page)
		text := flat(run(t, "pdftotext", "-enc", "UTF-8", "-f", p, "-l", p, path, "-"))
		if !strings.Contains(text, flat(h.Text)) {
			t.Errorf("contents: %q is not on page %d", h.Text, page)
		}
	}
}

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">`)

// checkMargins reads the box of every word with pdftotext -bbox: nothing
// crosses the side margins or leaves the page.
func checkMargins(t *testing.T, path string, wMM, hMM float64) {
	t.Helper()
	out := run(t, "pdftotext", "-bbox", path, "-")
	const pt = 72 / 25.4
	left, right := (marginX-0.6)*pt, (wMM-marginX+0.6)*pt
	bad := 0
	for _, m := range bboxWord.FindAllStringSubmatch(out, -1) {
		x0, _ := strconv.ParseFloat(m[1], 64)
		y0, _ := strconv.ParseFloat(m[2], 64)
		x1, _ := strconv.ParseFloat(m[3], 64)
		y1, _ := strconv.ParseFloat(m[4], 64)
		if x0 < left || x1 > right || y0 < 0 || y1 > hMM*pt {
			if bad++; bad <= 5 {
				t.Errorf("a word outside the margins: %s", m[0])
			}
		}
	}
	if bad > 5 {
		t.Errorf("%d words outside the margins", bad)
	}
}

// A draft whose every free-text field holds 5,000 characters of mixed
// scripts, markup and unbalanced parentheses renders within the margins.
func TestStress(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(drafttest.ExamplesDir(), "small-island.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	stuff(doc, "")
	data, err = json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	a, r := drafttest.Parse(t, "stress.json", data)
	d := drafttest.Build(t, a, r)
	longest := 0
	for _, row := range d.Indicators {
		for _, ev := range row.Evidence {
			longest = max(longest, len([]rune(ev)))
		}
	}
	if longest < 5000 {
		t.Fatalf("the stress draft's longest evidence note has %d characters", longest)
	}
	path := write(t, encode(t, d, nil))
	qpdfCheck(t, path)
	checkMargins(t, path, 210, 297)
	text := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	if !strings.Contains(text, "\uFFFD") {
		t.Error("characters the font lacks were not replaced")
	}
	if !strings.Contains(text, "Çà ñ (unbalanced") {
		t.Error("the Latin text is not in the output")
	}
}

// stuff fills every free-text field of an assessment: 5,000 characters,
// or the schema's limit where it has one.
func stuff(v any, key string) any {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			x[k] = stuff(c, k)
		}
	case []any:
		for i, c := range x {
			x[i] = stuff(c, key)
		}
	case string:
		switch key {
		case "evidence", "rationale", "note", "reason":
			return mixed(5000)
		case "name", "title", "person", "country", "leadMinistry", "place", "facilitator":
			return mixed(assess.MaxName)
		case "classification":
			return mixed(80)
		}
	}
	return v
}

// mixed returns n characters of Latin, Greek, Cyrillic, CJK, Arabic,
// emoji, markup, line breaks and format characters (the inputs refuse
// other control characters), unbalanced parentheses
// and a word too long for any line.
func mixed(n int) string {
	parts := []string{
		"Çà ñ (unbalanced ((( ))) ) ", "<b>&amp;</b> \\ % { } [ ] * _ # | \" ' ",
		"Ελληνικά Кириллица 中文字符 العربية ", "😀🏳️‍🌈 ", "e\u0301 n\u0303 ",
		"\t\r\n\u00ad\u200b\u202e ", "€ → ↔ ≤ ≥ ✓ • – — ",
		strings.Repeat("x", 300) + " ", "https://example.org/a/very/long/path?with=query&and=more ",
	}
	var b strings.Builder
	for i := 0; len([]rune(b.String())) < n; i++ {
		b.WriteString(parts[i%len(parts)])
	}
	return string([]rune(b.String())[:n])
}

// A draft with every block kind and awkward data: charts with missing,
// negative and infinite values, too few radar axes, reversed spans, an
// empty table, ragged rows, a RACI matrix too wide for one page, deep
// headings and page breaks.
func TestAwkwardBlocks(t *testing.T) {
	d := drafttest.Draft(t, "small-island")
	cols := []string{"Action"}
	row := []string{"X-01"}
	for i := range 60 {
		cols = append(cols, fmt.Sprintf("Institution number %d with a rather long name (and a remark)", i))
		row = append(row, []string{"A", "R", "C", "I", "", "long text"}[i%6])
	}
	d.Blocks = []strategy.Block{
		strategy.Heading{Level: 1, Number: "1", Text: "Awkward", Anchor: "a"},
		strategy.Heading{Level: 3, Number: "1.1.1", Text: "Deep " + strings.Repeat("heading ", 80)},
		strategy.Chart{Type: "bars", Title: "Bars", Labels: []string{"One", "Two", strings.Repeat("Three ", 40)},
			Series: []strategy.Series{{Name: "Now", Values: []float64{1, math.Inf(1)}}, {Name: "Later", Values: []float64{math.NaN(), -2, 7}}}},
		strategy.Chart{Type: "radar", Title: "Radar with two axes", Labels: []string{"A", "B"},
			Series: []strategy.Series{{Name: "S", Values: []float64{1, 2}}}},
		strategy.Chart{Type: "radar", Title: "Radar", Labels: []string{"A", "B", "C", "D"}, Max: 5,
			Series: []strategy.Series{{Name: "S", Values: []float64{9, -1}}, {Name: "T"}, {Name: "U", Values: []float64{1, 1, 1, 1}}, {Name: "V", Values: []float64{2, 2, 2, 2}}, {Name: "W"}}},
		strategy.Chart{Type: "timeline", Title: "Timeline", Spans: []strategy.Span{{Label: "Backwards", Group: "G", Start: 30, End: 2}, {Label: "Beyond", Group: "H", Start: -5, End: 900}}},
		strategy.Chart{Type: "unknown"},
		strategy.PageBreak{}, strategy.PageBreak{},
		strategy.Table{Role: "empty"},
		strategy.Table{Columns: []string{"A"}, Widths: []float64{-1, math.NaN()}, Rows: [][]string{{"1", "2", "3"}, {}}},
		strategy.Table{Role: "raci", Caption: "Wide", Columns: cols, Rows: [][]string{row, row}},
		strategy.Callout{Tone: "note", Title: "Note", Text: strings.Repeat("Long note. ", 900)},
		strategy.List{Ordered: true, Items: []string{"", strings.Repeat("item ", 500)}},
		strategy.Paragraph{Style: "lead", Text: strings.Repeat("lead ", 1000)},
		strategy.Heading{Level: 2, Text: "Last"},
	}
	path := write(t, encode(t, d, nil))
	qpdfCheck(t, path)
	checkMargins(t, path, 210, 297)
}

type oddBlock struct{}

func (oddBlock) Kind() string { return "heading" }

type newBlock struct{}

func (newBlock) Kind() string { return "sparkline" }

// Blocks given as pointers render; a block that is nil, of a foreign type
// or of an unknown kind is an error, not a crash.
func TestBlockTypes(t *testing.T) {
	d := drafttest.Draft(t, "small-island")
	d.Blocks = []strategy.Block{&strategy.Heading{Level: 1, Text: "Pointer"}, &strategy.PageBreak{}, &strategy.Paragraph{Text: "Text"}}
	encode(t, d, nil)
	for _, c := range []struct {
		b    strategy.Block
		want string
	}{
		{nil, "pdf: /blocks/0: no block"},
		{(*strategy.Heading)(nil), "pdf: /blocks/0: no block"},
		{oddBlock{}, `pdf: /blocks/0: a "heading" block of type pdf.oddBlock`},
		{newBlock{}, `pdf: /blocks/0: no renderer for block kind "sparkline"`},
	} {
		d.Blocks = []strategy.Block{c.b}
		if err := Encode(&bytes.Buffer{}, d, nil); err == nil || err.Error() != c.want {
			t.Errorf("%T: err = %v, want %s", c.b, err, c.want)
		}
	}
}

func TestClean(t *testing.T) {
	if err := typeset.Load(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"República de Solandía", "República de Solandía"},
		{"e\u0301te\u0301", "été"},
		{"a\r\nb\rc\u2028d", "a\nb\nc\nd"},
		{"tab\there", "tab here"},
		{"bell\u0007 zw\u200bj bidi\u202e", "bell zwj bidi"},
		{"中文", "\uFFFD\uFFFD"},
		{"😀", "\uFFFD"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"x\u0301\u0301", "x"},
		{"€ → ↔ ≤ ≥ ✓ • – —", "€ → ↔ ≤ ≥ ✓ • – —"},
		{"(((", "((("},
	} {
		if got := typeset.Clean(c.in); got != c.want {
			t.Errorf("typeset.Clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Wrapping fits every line in the width and loses no text.
func FuzzWrap(f *testing.F) {
	f.Add("República de Solandía: draft built on the national assessment", 30.0)
	f.Add(strings.Repeat("x", 200)+" a-b-c/d", 5.0)
	f.Add("e\u0301\n\n\t中文 😀", 0.1)
	f.Fuzz(func(t *testing.T, s string, w float64) {
		if err := typeset.Load(); err != nil {
			t.Fatal(err)
		}
		if math.IsNaN(w) || w < 0.1 || w > 1000 {
			return
		}
		s = typeset.Clean(s)
		lines := wrap(s, w, body)
		for _, l := range lines {
			if width(l, body) > w && len([]rune(l)) > 1 {
				t.Fatalf("line %q is %.2f wide, more than %.2f", l, width(l, body), w)
			}
		}
		strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if strip(strings.Join(lines, " ")) != strip(s) {
			t.Fatalf("wrap lost text: %q → %q", s, lines)
		}
	})
}

func encode(t testing.TB, d *strategy.Draft, o *Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Encode(&b, d, o); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func write(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "draft.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// run runs a tool, skipping the test when it is missing (failing under
// NCSKIT_REQUIRE_TOOLS=1).
func run(t *testing.T, tool string, args ...string) string {
	t.Helper()
	path := tooltest.Require(t, tool)
	out, err := exec.Command(path, args...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s %s: %v\n%s", tool, strings.Join(args, " "), err, msg)
	}
	return string(out)
}

func qpdfCheck(t *testing.T, path string) {
	t.Helper()
	out := run(t, "qpdf", "--check", path)
	if !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

func pageCount(t *testing.T, info string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo shows no page count:\n%s", info)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// flat collapses white space, so that text wrapped over lines compares.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestRadarNotAssessed draws a radar whose current series has no value on
// two axes: each of them is marked as not assessed under its label.
func TestRadarNotAssessed(t *testing.T) {
	d := drafttest.Draft(t, "small-island")
	c := strategy.Chart{Type: "radar", Title: "Maturity by area", Max: 5, Labels: []string{"AAA.ONE", "BBB.TWO", "CCC.THREE", "DDD.FOUR", "EEE.FIVE"},
		Series: []strategy.Series{{Name: "Current", Values: []float64{2, 0, 0, 3, 1}, Missing: []int{1, 2}}, {Name: "Target", Values: []float64{3, 3, 3, 3, 3}}}}
	d.Blocks = []strategy.Block{strategy.Heading{Level: 1, Text: "Baseline", Anchor: "baseline"}, c}
	text := run(t, "pdftotext", "-enc", "UTF-8", write(t, encode(t, d, nil)), "-")
	want := d.Labels.Get("noLevel")
	if n := strings.Count(text, want); n != 2 {
		t.Errorf("%q appears %d times, want 2 (BBB.TWO, CCC.THREE):\n%s", want, n, text)
	}
	for _, l := range []string{"BBB.TWO", "CCC.THREE"} {
		if !regexp.MustCompile(regexp.QuoteMeta(l) + `\s+` + regexp.QuoteMeta(want)).MatchString(text) {
			t.Errorf("%s is not followed by %q:\n%s", l, want, text)
		}
	}
}

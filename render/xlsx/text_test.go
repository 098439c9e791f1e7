package xlsx

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/internal/xlsxtext"
	"github.com/ncskit/ncskit/strategy"
)

// TestCellLen: the length of text in a cell, counted without escaping it,
// is the length of the escaped text.
func TestCellLen(t *testing.T) {
	for _, s := range []string{"", "plain text", "_x0041_ stays", "a_x0041_b_x00e9_", "_x0041_x0042_", "_x0041_x0042_x0043_",
		"_x005F_", "_x004_ _xZZZZ_ _X0041_ x0041_ _x0041", "é_x0041_😀"} {
		if got, want := cellLen(s), len(utf16.Encode([]rune(xlsxtext.Escape(s)))); got != want {
			t.Errorf("cellLen(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestCut cuts text into pieces of at most room code units once escaped,
// at a line break or a space when there is one in the second half, never
// inside a character or an escape sequence.
func TestCut(t *testing.T) {
	for _, c := range []struct {
		s    string
		room int
		want []string
	}{
		{"abcdef", 4, []string{"abcd", "ef"}},
		{"a bcdef", 4, []string{"a bc", "def"}},     // the space is in the first half
		{"abc defgh", 5, []string{"abc ", "defgh"}}, // the space ends the piece
		{"ab\ncd ef", 7, []string{"ab\ncd ", "ef"}},
		{"a\nbcd efg", 7, []string{"a\nbcd ", "efg"}}, // the line break is in the first half
		{"😀😀😀", 5, []string{"😀😀", "😀"}},
		{"ab_x0041_cd", 15, []string{"ab_x0041_", "cd"}}, // the escape takes 13
		{"ab_x0041_cd", 14, []string{"ab_x0041", "_cd"}}, // its head "_x0041" 12
		{"_x0041_", 3, []string{"_x0041", "_"}},          // at least one unit, even when it does not fit
	} {
		var got []string
		for s := c.s; s != ""; {
			n := cut(s, c.room)
			got = append(got, s[:n])
			s = s[n:]
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("cut(%q, %d): %q, want %q", c.s, c.room, got, c.want)
		}
	}
}

// longText is n bytes of text that is hard to cut: words, line breaks,
// runs without a space, characters outside the Basic Multilingual Plane
// (two UTF-16 code units each) and text that looks like an XLSX escape.
func longText(seed, n int) string {
	parts := []string{"evidence", "of", "the", "national", "CERT", "\n", "Ministère", "😀", "_x0041_", "_x00e9_",
		strings.Repeat("x", 700), "=SUM(A1)", "\t", "réponse"}
	var b strings.Builder
	for i := seed; b.Len() < n; i++ {
		b.WriteString(parts[(i*7+i/5)%len(parts)])
		b.WriteByte(' ')
	}
	s := b.String()
	for !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// longDraft builds the small-island draft with evidence of more than
// 100,000 characters on every indicator, decisions and override reasons
// of more than 40,000 characters, and a country name and a RACI column
// longer than a cell holds. The text is lengthened in the draft, since an
// assessment file holds at most assess.MaxText characters per field and
// 8 MiB in all; a draft built in Go has no such limits.
func longDraft(t testing.TB) *strategy.Draft {
	t.Helper()
	n := 0
	data := drafttest.Hostile(t, "small-island", func(key, old string) string {
		n++
		switch key {
		case "evidence":
			return longText(n, 2000)
		case "rationale", "reason", "note":
			return longText(n, assess.MaxText)
		}
		return old
	})
	a, r := drafttest.Parse(t, "long.json", data)
	d := drafttest.Build(t, a, r)
	for i, in := range d.Indicators {
		for j := range in.Evidence {
			in.Evidence[j] += "\n" + longText(i+j, 50000)
		}
		if in.Decision != "" {
			in.Decision += "\n" + longText(i, 40000)
		}
	}
	for i := range d.Priorities {
		if d.Priorities[i].Override != "" {
			d.Priorities[i].Override += "\n" + longText(i, 40000)
		}
	}
	d.Meta.Country = longText(1, 70000) // beyond the 500 characters the schema allows
	d.Roles.RACI.Columns[0] = longText(2, 33000)
	return d
}

// TestLongText writes text longer than a cell holds and reads the
// workbook back: no cell holds more than 32,767 characters, and following
// each long text from its cell through the marks "… continued in" gives
// the text back, character for character.
func TestLongText(t *testing.T) {
	d := longDraft(t)
	f := open(t, encode(t, d, nil))
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if n := len(utf16.Encode([]rune(v))); n > maxCellChars {
					t.Errorf("%s!%s: %d characters", sh, cell(c+1, r+1), n)
				}
			}
		}
	}
	get := func(sheet string) func(ref string) string {
		return func(ref string) string {
			v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
	}
	checkLongText(t, d, get)
}

// checkLongText follows the long texts of longDraft through a workbook
// whose cells get returns, sheet by sheet.
func checkLongText(t *testing.T, d *strategy.Draft, get func(sheet string) func(ref string) string) {
	t.Helper()
	e := &encoder{d: d}
	as := get(d.Labels.Get("xlsx.sheet.assessment"))
	r := 2
	for _, in := range d.Indicators {
		want := evidence(e, in)
		if len(want) < 100000 {
			t.Fatalf("%s: evidence of %d bytes, want more than 100,000", in.ID, len(want))
		}
		if got := as(cell(1, r)); got != in.ID {
			t.Fatalf("Assessment!A%d = %q, want %s", r, got, in.ID)
		}
		got, cells := follow(t, as, cell(14, r))
		if got != want {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Fatalf("%s: the evidence from %v is not the draft's (%d and %d bytes), from byte %d: %.30q, want %.30q",
				in.ID, cells, len(got), len(want), i, got[i:], want[i:])
		}
		for k := range cells[1:] { // continuation rows name their indicator
			if id := as(cell(1, r+1+k)); id != in.ID {
				t.Errorf("Assessment!A%d = %q, want %s", r+1+k, id, in.ID)
			}
		}
		r += len(cells)
	}
	pr := get(d.Labels.Get("xlsx.sheet.priorities"))
	r, overrides := 2, 0
	for _, p := range d.Priorities {
		got, cells := follow(t, pr, cell(8, r))
		if got != p.Override {
			t.Errorf("priority %d: the override from %v is not the draft's", p.Rank, cells)
		}
		if p.Override != "" {
			overrides++
		}
		first := r
		for r++; pr(cell(1, r)) == "" && pr(cell(2, r)) == p.Indicator; r++ { // continuation rows: no rank, the indicator
		}
		if len(cells) > r-first {
			t.Errorf("priority %d: the override continues in %v, beyond its rows %d-%d", p.Rank, cells, first, r-1)
		}
	}
	if overrides == 0 {
		t.Error("no priority override to follow")
	}
	sum := get(d.Labels.Get("xlsx.sheet.summary"))
	if got, cells := follow(t, sum, "B4"); got != d.Meta.Country || len(cells) != 3 || cells[1] != "I4" {
		t.Errorf("Summary: the country from %v is not the draft's", cells)
	}
	raci := get(d.Labels.Get("xlsx.sheet.raci"))
	if got, cells := follow(t, raci, "C1"); got != d.Roles.RACI.Columns[0] || len(cells) != 2 {
		t.Errorf("RACI: the first column's name from %v is not the draft's", cells)
	}
}

var (
	continued     = regexp.MustCompile(`^\(continued (\d+)/(\d+)\)\n`)
	continuedNext = regexp.MustCompile(`\n… continued in (the next row|[A-Z]+[0-9]+)$`)
)

// follow reads the text that starts in cell ref and follows it through
// the cells it continues in, as a reader would; it returns the text
// without the marks and the cells it read.
func follow(t *testing.T, get func(ref string) string, ref string) (string, []string) {
	t.Helper()
	var b strings.Builder
	var cells []string
	total := 0
	for k := 1; ; k++ {
		v := get(ref)
		cells = append(cells, ref)
		if k > 1 {
			m := continued.FindStringSubmatch(v)
			if m == nil || m[1] != strconv.Itoa(k) || m[2] != strconv.Itoa(total) {
				t.Fatalf("%s: %.40q does not open with (continued %d/%d)", ref, v, k, total)
			}
			v = v[len(m[0]):]
		}
		m := continuedNext.FindStringSubmatchIndex(v)
		if m == nil {
			if total > 0 && k != total {
				t.Fatalf("%s: the text ends at piece %d of %d", ref, k, total)
			}
			b.WriteString(v)
			return b.String(), cells
		}
		if k == 1 {
			total = countPieces(t, get, ref)
		}
		b.WriteString(v[:m[0]])
		next := v[m[2]:m[3]]
		if next == "the next row" {
			col, row, err := excelize.CellNameToCoordinates(ref)
			if err != nil {
				t.Fatal(err)
			}
			next = cell(col, row+1)
		}
		ref = next
	}
}

// countPieces reads n of "(continued 2/n)" in the cell that follows ref.
func countPieces(t *testing.T, get func(ref string) string, ref string) int {
	t.Helper()
	v := get(ref)
	m := continuedNext.FindStringSubmatch(v)
	next := m[1]
	if next == "the next row" {
		col, row, _ := excelize.CellNameToCoordinates(ref)
		next = cell(col, row+1)
	}
	c := continued.FindStringSubmatch(get(next))
	if c == nil {
		t.Fatalf("%s: %.40q does not open with (continued 2/n)", next, get(next))
	}
	n, _ := strconv.Atoi(c[2])
	return n
}

// xDraft is the small-island draft with every free-text field of the
// assessment set to text that looks like an XLSX escape.
func xDraft(t testing.TB) *strategy.Draft {
	t.Helper()
	data := drafttest.Hostile(t, "small-island", func(key, old string) string { return xText })
	a, r := drafttest.Parse(t, "x.json", data)
	return drafttest.Build(t, a, r)
}

const xText = "_x0041_ stays, _x0041_x0042_ too"

// TestXEscape writes text that looks like an XLSX escape ("_x0041_"
// stands for "A") and reads it back with excelize as written.
func TestXEscape(t *testing.T) {
	d := xDraft(t)
	f := open(t, encode(t, d, nil))
	found := 0
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if strings.Contains(v, "A stays") || strings.Contains(v, "B too") {
					t.Errorf("%s!%s = %q: the escape was read as a character", sh, cell(c+1, r+1), v)
				}
				found += strings.Count(v, xText)
			}
		}
	}
	if found < 50 {
		t.Errorf("%q found %d times, want it in every free-text cell", xText, found)
	}
	for sheet, refs := range map[string][]string{"summary": {"B4"}, "contacts": {"C2"}} {
		for _, ref := range refs {
			if got, _ := f.GetCellValue(d.Labels.Get("xlsx.sheet."+sheet), ref); got != xText {
				t.Errorf("%s!%s = %q, want %q", sheet, ref, got, xText)
			}
		}
	}
}

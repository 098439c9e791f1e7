package drafting

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/texttest"
	"github.com/ncskit/ncskit/internal/tooltest"
	"github.com/ncskit/ncskit/load"
)

// allowed are the English that a Spanish, French or Portuguese draft
// keeps, each with the reason: names of organisations, programmes and
// frameworks are written as their owners write them.
var allowed = map[string]string{
	"Forum of Incident Response and Security Teams": "FIRST's own name, which it uses in every language",
	"University of the West Indies":                 "the regional university's own name, which has no other",
	"Director of Public Prosecutions":               "the Commonwealth office, named after its Portuguese equivalent in the model",
	"capture the flag":                              "the Portuguese glossary keeps the competition's English name (assess/glossary/pt.json)",
}

// neutral replaces every free text of an assessment (names, notes,
// evidence, sources, places) by a token of letters that is no word of
// any language, so that what remains of a draft is the text ncskit writes.
// IDs, codes, enumerations and dates have no space and stay as they are.
func neutral(t *testing.T, data []byte) []byte {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	var walk func(v any) any
	walk = func(v any) any {
		switch v := v.(type) {
		case string:
			if !strings.Contains(strings.TrimSpace(v), " ") {
				return v
			}
			if s, ok := seen[v]; ok {
				return s
			}
			s := fmt.Sprintf("Zq%s", letters(len(seen)))
			seen[v] = s
			return s
		case []any:
			for i := range v {
				v[i] = walk(v[i])
			}
		case map[string]any:
			for k := range v {
				v[k] = walk(v[k])
			}
		}
		return v
	}
	out, err := json.Marshal(walk(v))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// letters writes n in the letters k-z, so that a token has no digit that
// a number check could see.
func letters(n int) string {
	s := ""
	for {
		s = string(rune('k'+n%16)) + s
		n /= 16
		if n == 0 {
			return s
		}
	}
}

// draftTexts renders an example's whole draft in lang as PDF, XLSX and
// HTML and returns the text a reader sees in each, by format.
func draftTexts(t *testing.T, example, lang string) map[string]string {
	t.Helper()
	data, err := os.ReadFile("../../examples/" + example + ".json")
	if err != nil {
		t.Fatal(err)
	}
	m := assess.Default()
	a, err := load.Assessment(example, neutral(t, data), m)
	if err != nil {
		t.Fatal(err)
	}
	tm, err := Template("", a.Profile)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, format := range []string{"pdf", "xlsx", "html"} {
		b, err := Make(m, a, tm, &Options{Format: format, Lang: lang, Part: "all"})
		if err != nil {
			t.Fatal(err)
		}
		switch format {
		case "pdf":
			out[format] = pdfText(t, b)
		case "xlsx":
			out[format] = xlsxText(t, b)
		case "html":
			out[format] = htmlText(b)
		}
	}
	return out
}

func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	tool := tooltest.Require(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "draft.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command(tool, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(text)
}

// xlsxText is the text of every cell of every sheet, a line per cell.
func xlsxText(t *testing.T, b []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sb strings.Builder
	for _, sh := range f.GetSheetList() {
		sb.WriteString(sh + "\n")
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			for _, c := range r {
				sb.WriteString(c + "\n")
			}
		}
	}
	return sb.String()
}

var (
	scriptOrStyle = regexp.MustCompile(`(?is)<(script|style)[^>]*>.*?</(script|style)>`)
	tag           = regexp.MustCompile(`(?s)<[^>]*>`)
)

// htmlText is the text nodes of an HTML document, a line per node.
func htmlText(b []byte) string {
	s := scriptOrStyle.ReplaceAllString(string(b), "\n")
	return html.UnescapeString(tag.ReplaceAllString(s, "\n"))
}

// englishIn returns the English function words of text outside the
// allowed names, each with the words around it.
func englishIn(text, lang string) []string {
	text = strings.Join(strings.Fields(text), " ") // a name wrapped over two lines is one name
	for name := range allowed {
		text = strings.ReplaceAll(text, name, "")
	}
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	var out []string
	for i, w := range words {
		if texttest.IsEnglish(lang, strings.ToLower(w), texttest.EnglishWords) {
			out = append(out, strings.Join(words[max(0, i-4):min(len(words), i+5)], " "))
		}
	}
	return out
}

// TestNoEnglishInDrafts: the Spanish, French and Portuguese drafts of
// every example, all three documents, as the PDF's text (pdftotext), the
// workbook's cells and the HTML's text nodes, hold no English function
// word outside the names the allow-list gives with a reason. The
// examples' own free text (names, notes, evidence) is replaced by
// neutral tokens first: it is the country's, in whatever language it
// wrote it. The PDF also keeps every letter of the HTML's text: no
// accented character is lost in the fonts.
func TestNoEnglishInDrafts(t *testing.T) {
	if testing.Short() {
		t.Skip("renders nine drafts in three formats")
	}
	for _, example := range []string{"small-island", "larger-state", "desk-review"} {
		for _, lang := range []string{"es", "fr", "pt"} {
			t.Run(example+"/"+lang, func(t *testing.T) {
				texts := draftTexts(t, example, lang)
				for _, format := range []string{"pdf", "xlsx", "html"} {
					if n := len(strings.Fields(texts[format])); n < 5000 {
						t.Errorf("%s: only %d words: the draft is not all there", format, n)
					}
					if found := englishIn(texts[format], lang); len(found) > 0 {
						t.Errorf("%s: %d English words, such as:\n\t%s", format, len(found), strings.Join(found[:min(8, len(found))], "\n\t"))
					}
				}
				if strings.ContainsRune(texts["pdf"], '\uFFFD') {
					t.Error("pdf: a character is missing from the font (U+FFFD)")
				}
				pdfLetters := map[rune]bool{}
				for _, r := range texts["pdf"] {
					pdfLetters[r] = true
				}
				var lost []string
				for _, r := range texts["html"] {
					if r > unicode.MaxASCII && unicode.IsLetter(r) && !pdfLetters[r] && !slices.Contains(lost, string(r)) {
						lost = append(lost, string(r))
					}
				}
				if len(lost) > 0 {
					t.Errorf("pdf: letters of the draft lost in the PDF: %s", strings.Join(lost, " "))
				}
			})
		}
	}
}

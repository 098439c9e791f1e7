package strategy_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/render/markdown"
)

// draftText builds an example's whole draft (brief, strategy and plan)
// in lang and returns it as Markdown.
func draftText(t *testing.T, example, lang string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := markdown.Encode(&buf, drafttest.DraftIn(t, example, lang), nil); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// englishStyle matches numbers, amounts and dates written the English
// way: a decimal point (3.1), a thousands comma (6,930), a compact amount
// (US$1.4m, US$968k) or an ISO month or date (2027-06, 2026-09-22).
var englishStyle = regexp.MustCompile(`\b\d+\.\d{1,2}\b|\b\d{1,3}(,\d{3})+\b|US\$\d+(\.\d)?[mk]\b|\b20\d\d-[01]\d(-[0-3]\d)?\b`)

// TestNumbersInLanguage: the numbers, amounts and dates that the builder
// writes into a Spanish, French or Portuguese draft are written as that
// language writes them; the English draft keeps its forms. Text that the
// assessment itself holds (names, notes, evidence, sources) is the
// country's own and is left out of the check, as are version numbers and
// the chapter numbers of headings.
func TestNumbersInLanguage(t *testing.T) {
	for _, example := range []string{"larger-state", "small-island"} {
		a, _ := drafttest.Assessment(t, example)
		own := ownText(a)
		for _, lang := range []string{"es", "fr", "pt"} {
			var bad []string
			for line := range strings.SplitSeq(draftText(t, example, lang), "\n") {
				if strings.HasPrefix(line, "#") {
					continue // numbered headings: 3.1 Purpose
				}
				for _, s := range own {
					line = strings.ReplaceAll(line, s, "")
				}
				line = version.ReplaceAllString(line, "")
				for _, m := range englishStyle.FindAllString(line, -1) {
					bad = append(bad, m+" in "+trim(line))
				}
			}
			if len(bad) > 0 {
				t.Errorf("%s in %s: %d numbers written the English way, first: %s", example, lang, len(bad), strings.Join(bad[:min(5, len(bad))], "\n\t"))
			}
		}
	}
	if en := draftText(t, "larger-state", "en"); !englishStyle.MatchString(en) {
		t.Error("the English draft has no English-style number: the check above cannot fail")
	}
}

// version matches the version numbers of the document, the model and
// the template ("0.1", "1.1.0"), which are not quantities.
var version = regexp.MustCompile(`\b\d+\.\d+\.\d+\b|\b0\.\d\b`)

func trim(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

// ownText is every text an assessment holds (names, notes, evidence,
// sources), longest first: a draft quotes them as they are.
func ownText(a *assess.Assessment) []string {
	data, err := json.Marshal(a)
	if err != nil {
		panic(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		panic(err)
	}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			if len(v) > 3 {
				out = append(out, v)
			}
			// a draft may quote a part of a long text: its clauses count too
			for _, part := range strings.FieldsFunc(v, func(r rune) bool { return r == ':' || r == ';' || r == '.' }) {
				if part = strings.TrimSpace(part); len(part) > 20 && part != v {
					out = append(out, part)
				}
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) || len(out[i]) == len(out[j]) && out[i] < out[j] })
	return out
}

// countOne matches a count of one with a plural noun.
var countOne = regexp.MustCompile(`\b1 (capabilities|indicators|actions|incidents|role gaps|gaps|capacidades|indicadores|acciones|incidentes|funciones|capacités|indicateurs|rôles|ações|lacunas)\b`)

// TestCountOfOne: a text that counts says "one capability", never "1
// capabilities", in every language. The larger state's draft has one
// donor-funded capability.
func TestCountOfOne(t *testing.T) {
	for _, lang := range []string{"en", "es", "fr", "pt"} {
		md := draftText(t, "larger-state", lang)
		if m := countOne.FindAllString(md, -1); len(m) > 0 {
			t.Errorf("%s: %q", lang, m)
		}
	}
	want := map[string]string{"en": "One capability is paid for", "es": "Una capacidad se paga", "fr": "Une capacité est financée", "pt": "Uma capacidade é paga"}
	for lang, w := range want {
		if md := draftText(t, "larger-state", lang); !strings.Contains(md, w) {
			t.Errorf("%s: the larger state's draft does not say %q", lang, w)
		}
	}
}

// tightColon matches a colon or semicolon straight after a word, which
// French writes after a narrow no-break space.
var tightColon = regexp.MustCompile(`[\p{L}\d)»\]][:;] `)

// TestFrenchPunctuation: the French draft puts a narrow no-break space
// before every colon and semicolon, in the template's text and where the
// builder joins a label to its value or items into a list. Text the
// assessment holds and the Markdown renderer's own cover line are left
// out.
func TestFrenchPunctuation(t *testing.T) {
	for _, example := range []string{"larger-state", "small-island"} {
		a, _ := drafttest.Assessment(t, example)
		own := ownText(a)
		var bad []string
		for line := range strings.SplitSeq(draftText(t, example, "fr"), "\n") {
			quoted := make([]bool, len(line)) // the bytes of the line that quote the assessment
			for _, s := range own {
				for i := 0; ; {
					j := strings.Index(line[i:], s)
					if j < 0 {
						break
					}
					for k := i + j; k < i+j+len(s); k++ {
						quoted[k] = true
					}
					i += j + len(s)
				}
			}
			for _, m := range tightColon.FindAllStringIndex(line, -1) {
				if !quoted[m[0]] {
					bad = append(bad, line[max(0, m[0]-60):min(len(line), m[1]+20)])
				}
			}
		}
		if len(bad) > 0 {
			t.Errorf("%s: %d colons or semicolons without the narrow no-break space, first:\n\t%s", example, len(bad), strings.Join(bad[:min(8, len(bad))], "\n\t"))
		}
	}
}

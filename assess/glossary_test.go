package assess_test

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
)

// glossary is a file of glossary/: the terms of the model in one
// language.
type glossary struct {
	Language    string  `json:"language"`
	Description string  `json:"description"`
	Terms       []gterm `json:"terms"`
}

// gterm is one glossary entry: an English term (with its other English
// spellings), the term in the glossary's language and the inflections
// that count as using it.
type gterm struct {
	EN            string   `json:"en"`
	ENForms       []string `json:"enForms,omitempty"`
	CaseSensitive bool     `json:"caseSensitive,omitempty"`
	Term          string   `json:"term"`
	Forms         []string `json:"forms,omitempty"`
	Note          string   `json:"note,omitempty"`
}

func readGlossary(t *testing.T, lang string) glossary {
	t.Helper()
	data, err := os.ReadFile("glossary/" + lang + ".json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	var g glossary
	if err := dec.Decode(&g); err != nil {
		t.Fatalf("glossary/%s.json: %v", lang, err)
	}
	if g.Language != lang {
		t.Fatalf("glossary/%s.json: language %q", lang, g.Language)
	}
	return g
}

// normalEN is English as the glossary matches it: hyphens as spaces.
func normalEN(s string) string { return strings.ReplaceAll(s, "-", " ") }

// match is an English glossary term found in a text.
type match struct {
	start, end int
	term       gterm
	found      string
}

// matches returns the glossary terms in the English text en. A longer
// term wins over the shorter terms inside it ("critical-infrastructure
// operators" over "critical infrastructure").
func matches(terms []gterm, en string) []match {
	type cand struct {
		spelling string
		term     gterm
	}
	var cands []cand
	for _, g := range terms {
		for _, sp := range append([]string{g.EN}, g.ENForms...) {
			cands = append(cands, cand{sp, g})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return len(cands[i].spelling) > len(cands[j].spelling) })
	text := normalEN(en)
	taken := make([]bool, len(text))
	var out []match
	for _, c := range cands {
		for _, loc := range pattern(c.spelling, c.term.CaseSensitive).FindAllStringIndex(text, -1) {
			if slices.Contains(taken[loc[0]:loc[1]], true) {
				continue
			}
			for i := loc[0]; i < loc[1]; i++ {
				taken[i] = true
			}
			out = append(out, match{loc[0], loc[1], c.term, en[loc[0]:loc[1]]})
		}
	}
	return out
}

var patterns = map[string]*regexp.Regexp{}

// pattern returns the expression that finds the English spelling sp as
// whole words.
func pattern(sp string, caseSensitive bool) *regexp.Regexp {
	expr := `\b` + regexp.QuoteMeta(normalEN(sp)) + `\b`
	if !caseSensitive {
		expr = `(?i)` + expr
	}
	re, ok := patterns[expr]
	if !ok {
		re = regexp.MustCompile(expr)
		patterns[expr] = re
	}
	return re
}

// uses reports whether the translation s uses the glossary term g or one
// of its declared forms, ignoring case.
func uses(s string, g gterm) bool {
	s = strings.ToLower(s)
	for _, f := range append([]string{g.Term}, g.Forms...) {
		if strings.Contains(s, strings.ToLower(f)) {
			return true
		}
	}
	return false
}

// TestGlossary checks that the translations of the model use the
// glossary: for every entry whose English term appears in an English
// text, the translation of that text uses the entry's term or one of its
// declared forms. Both glossaries have the same English entries.
func TestGlossary(t *testing.T) {
	m := assess.Default()
	var english []string
	for _, lang := range complete[1:] {
		g := readGlossary(t, lang)
		var ens []string
		seen := map[string]bool{}
		for _, e := range g.Terms {
			if e.EN == "" || e.Term == "" {
				t.Errorf("glossary/%s.json: an entry without an English term or a translation: %+v", lang, e)
			}
			if seen[strings.ToLower(e.EN)] {
				t.Errorf("glossary/%s.json: %q is given twice", lang, e.EN)
			}
			seen[strings.ToLower(e.EN)] = true
			ens = append(ens, e.EN)
		}
		if english == nil {
			english = ens
		} else if !slices.Equal(english, ens) {
			t.Errorf("glossary/%s.json: its English terms differ from those of glossary/%s.json", lang, complete[1])
		}
		used := map[string]int{}
		for _, tx := range m.Texts() {
			for _, mt := range matches(g.Terms, tx.Text["en"]) {
				used[mt.term.EN]++
				if s := tx.Text[lang]; s != "" && !uses(s, mt.term) {
					t.Errorf("%s: %s: %q is %q in the glossary%s, but the text does not use it:\n\t%s", lang, tx.At,
						mt.found, mt.term.Term, forms(mt.term), s)
				}
			}
		}
		if testing.Verbose() {
			t.Logf("%s: %d terms, %d of them used in the model", lang, len(g.Terms), len(used))
		}
	}
}

func forms(g gterm) string {
	if len(g.Forms) == 0 {
		return ""
	}
	return fmt.Sprintf(" (or %s)", strings.Join(g.Forms, ", "))
}

// TestGlossaryMatch pins how English terms are found: whole words, any
// case unless the entry says otherwise, hyphens as spaces, the longest
// term first.
func TestGlossaryMatch(t *testing.T) {
	terms := []gterm{
		{EN: "critical infrastructure", Term: "infraestructura crítica"},
		{EN: "critical-infrastructure operators", Term: "operadores de infraestructura crítica"},
		{EN: "Cabinet", CaseSensitive: true, Term: "Consejo de Ministros"},
		{EN: "ICT", CaseSensitive: true, Term: "TIC"},
	}
	tests := []struct{ en, want string }{
		{"Critical-infrastructure operators report.", "critical-infrastructure operators"},
		{"The critical infrastructure register.", "critical infrastructure"},
		{"A filing cabinet and a cabinet-maker.", ""},
		{"Cabinet adopts it; the ICT ministry and a strict rule.", "Cabinet, ICT"},
	}
	for _, tt := range tests {
		var got []string
		for _, mt := range matches(terms, tt.en) {
			got = append(got, mt.term.EN)
		}
		slices.Sort(got)
		if s := strings.Join(got, ", "); s != tt.want {
			t.Errorf("%q: matched %q, want %q", tt.en, s, tt.want)
		}
	}
	if !uses("Los Operadores de infraestructura crítica", terms[1]) || uses("los operadores críticos", terms[1]) {
		t.Error("uses does not compare the translation without case")
	}
}

package assess_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/glossary"
)

func readGlossary(t *testing.T, lang string) *glossary.Glossary {
	t.Helper()
	data, err := os.ReadFile("glossary/" + lang + ".json")
	if err != nil {
		t.Fatal(err)
	}
	g, err := glossary.Parse(data)
	if err != nil {
		t.Fatalf("glossary/%s.json: %v", lang, err)
	}
	if g.Language != lang {
		t.Fatalf("glossary/%s.json: language %q", lang, g.Language)
	}
	return g
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
			for _, mt := range glossary.Matches(g.Terms, tx.Text["en"]) {
				used[mt.Term.EN]++
				if s := tx.Text[lang]; s != "" && !mt.Term.UsedIn(s) {
					t.Errorf("%s: %s: %q is %s in the glossary, but the text does not use it:\n\t%s", lang, tx.At,
						mt.Found, mt.Term.Want(), s)
				}
			}
		}
		if testing.Verbose() {
			t.Logf("%s: %d terms, %d of them used in the model", lang, len(g.Terms), len(used))
		}
	}
}

// TestGlossaryMatch pins how English terms are found: whole words, any
// case unless the entry says otherwise, hyphens as spaces, the longest
// term first, never inside a placeholder.
func TestGlossaryMatch(t *testing.T) {
	terms := []glossary.Term{
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
		{"The {ICT} slot is a placeholder, not a term; Cabinet is one.", "Cabinet"},
	}
	for _, tt := range tests {
		var got []string
		for _, mt := range glossary.Matches(terms, tt.en) {
			got = append(got, mt.Term.EN)
		}
		slices.Sort(got)
		if s := strings.Join(got, ", "); s != tt.want {
			t.Errorf("%q: matched %q, want %q", tt.en, s, tt.want)
		}
	}
	if !terms[1].UsedIn("Los Operadores de infraestructura crítica") || terms[1].UsedIn("los operadores críticos") {
		t.Error("UsedIn does not compare the translation without case")
	}
}

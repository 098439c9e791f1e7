package drafting

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/strategy"
)

func example(t *testing.T, name string) (*assess.Model, *assess.Assessment, *strategy.Template) {
	t.Helper()
	data, err := os.ReadFile("../../examples/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	m := assess.Default()
	a, err := load.Assessment(name, data, m)
	if err != nil {
		t.Fatal(err)
	}
	tm, err := Template("", a.Profile)
	if err != nil {
		t.Fatal(err)
	}
	return m, a, tm
}

// TestLanguagesToday: the model, the templates and the library are all
// in English, Spanish, French and Portuguese, so drafts are complete in
// the four; a template that loses its French leaves three.
func TestLanguagesToday(t *testing.T) {
	m, _, tm := example(t, "larger-state")
	got, err := Languages(m, tm)
	if want := []string{"en", "es", "fr", "pt"}; err != nil || !slices.Equal(got, want) {
		t.Fatalf("Languages = %q, %v; want %q", got, err, want)
	}
	got, err = Languages(m, without(t, tm, "fr"))
	if want := []string{"en", "es", "pt"}; err != nil || !slices.Equal(got, want) {
		t.Fatalf("without the template's French: Languages = %q, %v; want %q", got, err, want)
	}
}

// without returns a copy of template tm with its texts in lang taken out.
func without(t *testing.T, tm *strategy.Template, lang string) *strategy.Template {
	t.Helper()
	tc, err := tm.Clone()
	if err != nil {
		t.Fatal(err)
	}
	for _, tx := range tc.Texts() {
		delete(tx, lang)
	}
	return tc
}

// TestMeasure checks that the share of English counts what falls back:
// none in English or in the complete Spanish, some but not all when the
// template's Spanish is taken away, more when the model's goes too, and
// none once every text has Spanish again.
func TestMeasure(t *testing.T) {
	m, a, full := example(t, "larger-state")
	n, en, err := measure(m, a, full, strategy.Options{Lang: "en"})
	if err != nil || n == 0 || en != 0 {
		t.Fatalf("en: %d texts, %d English, %v; want some texts, none English", n, en, err)
	}
	if n, es, err := measure(m, a, full, strategy.Options{Lang: "es"}); err != nil || n == 0 || es != 0 {
		t.Fatalf("es: %d texts, %d English, %v; want none English", n, es, err)
	}
	tm := without(t, full, "es")
	n, es, err := measure(m, a, tm, strategy.Options{Lang: "es"})
	if err != nil || es == 0 || es >= n {
		t.Fatalf("es: %d texts, %d English, %v; want some but not all English", n, es, err)
	}

	bare, err := cloneModel(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, tx := range bare.Texts() {
		delete(tx.Text, "es")
	}
	// The count of texts may move a little: the list of acronyms closing
	// each document names only the acronyms its text uses, and the
	// model's English texts use some that its Spanish ones do not.
	n2, es2, err := measure(bare, a, tm, strategy.Options{Lang: "es"})
	if err != nil || es2 <= es || es2*n <= es*n2 {
		t.Fatalf("model without Spanish: %d texts, %d English, %v; want more than %d English, a larger share than %d of %d", n2, es2, err, es, es, n)
	}

	// Everything translated: no English left, and Spanish is complete.
	tc, err := tm.Clone()
	if err != nil {
		t.Fatal(err)
	}
	lib, err := strategy.DefaultLibrary()
	if err != nil {
		t.Fatal(err)
	}
	lc, err := lib.Clone()
	if err != nil {
		t.Fatal(err)
	}
	for _, tx := range sourceTexts(bare, tc, lc) {
		tx["es"] = "ES " + tx["en"]
	}
	n3, es3, err := measure(bare, a, tc, strategy.Options{Lang: "es", Library: lc})
	if err != nil || n3 == 0 || es3 != 0 {
		t.Fatalf("all translated: %d texts, %d English, %v; want some texts, none English", n3, es3, err)
	}
	if !complete(sourceTexts(bare, tc, lc), "es") || complete(sourceTexts(m, tm, lib), "es") || !complete(sourceTexts(m, full, lib), "es") {
		t.Error("complete does not tell a translated draft from one that is not")
	}
	// The probe works on copies: the defaults keep no marks.
	for _, tx := range sourceTexts(m, full, lib) {
		if strings.ContainsAny(tx["en"]+tx["es"], markOwn+markEN) {
			t.Fatal("measure marked the texts of the default model, template or library")
		}
	}
}

// TestMakeIn checks the language a draft is made in and the refusal, with
// a template whose French is taken out.
func TestMakeIn(t *testing.T) {
	m, a, full := example(t, "small-island")
	if _, lang, err := MakeIn(m, a, full, &Options{Format: "md", Lang: "fr"}); err != nil || lang.Percent() != 0 {
		t.Fatalf("fr: %v, %+v; want a complete French draft", err, lang)
	}
	tm := without(t, full, "fr")
	_, lang, err := MakeIn(m, a, tm, &Options{Format: "md", Lang: "fr"})
	var le *LanguageError
	if !errors.As(err, &le) || le.Lang != "fr" || le.FromSession || !slices.Equal(le.Available, []string{"en", "es", "pt"}) {
		t.Fatalf("fr without PartialLanguage: %v (%+v)", err, lang)
	}
	out, lang, err := MakeIn(m, a, tm, &Options{Format: "md", Lang: "fr", PartialLanguage: true})
	if err != nil || lang.Percent() < 1 || lang.Percent() > 99 {
		t.Fatalf("fr partial: %v, %+v", err, lang)
	}
	// The template's French is gone, the cover note's with it: the note
	// is in English, and says how much.
	if !strings.Contains(string(out), fmt.Sprintf("%d%% of its text is still in English", lang.Percent())) {
		t.Error("the French draft's cover does not state the share of English")
	}
}

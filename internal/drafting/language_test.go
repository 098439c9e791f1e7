package drafting

import (
	"errors"
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

// TestLanguagesToday: the model is in en, es and fr, the templates and
// the library in English only, so drafts are complete in English alone.
func TestLanguagesToday(t *testing.T) {
	m, _, tm := example(t, "larger-state")
	got, err := Languages(m, tm)
	if err != nil || !slices.Equal(got, []string{"en"}) {
		t.Fatalf("Languages = %q, %v; want [en]", got, err)
	}
}

// TestMeasure checks that the share of English counts what falls back:
// none in English, some but not all in Spanish (the model is translated,
// the template and library are not), more when the model's Spanish is
// taken away, and none once every text has Spanish.
func TestMeasure(t *testing.T) {
	m, a, tm := example(t, "larger-state")
	n, en, err := measure(m, a, tm, strategy.Options{Lang: "en"})
	if err != nil || n == 0 || en != 0 {
		t.Fatalf("en: %d texts, %d English, %v; want some texts, none English", n, en, err)
	}
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
	if !complete(sourceTexts(bare, tc, lc), "es") || complete(sourceTexts(m, tm, lib), "es") {
		t.Error("complete does not tell a translated draft from one that is not")
	}
	// The probe works on copies: the defaults keep no marks.
	for _, tx := range sourceTexts(m, tm, lib) {
		if strings.ContainsAny(tx["en"]+tx["es"], markOwn+markEN) {
			t.Fatal("measure marked the texts of the default model, template or library")
		}
	}
}

// TestMakeIn checks the language a draft is made in and the refusal.
func TestMakeIn(t *testing.T) {
	m, a, tm := example(t, "small-island")
	_, lang, err := MakeIn(m, a, tm, &Options{Format: "md", Lang: "fr"})
	var le *LanguageError
	if !errors.As(err, &le) || le.Lang != "fr" || le.FromSession || !slices.Equal(le.Available, []string{"en"}) {
		t.Fatalf("fr without PartialLanguage: %v (%+v)", err, lang)
	}
	out, lang, err := MakeIn(m, a, tm, &Options{Format: "md", Lang: "fr", PartialLanguage: true})
	if err != nil || lang.Percent() < 1 || lang.Percent() > 99 {
		t.Fatalf("fr partial: %v, %+v", err, lang)
	}
	if !strings.Contains(string(out), "% de son texte est encore en anglais") {
		t.Error("the French draft's cover does not state the share of English")
	}
}

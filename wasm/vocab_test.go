package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/wasm/catalog"
)

// TestVocab checks that "vocab" names every value of every list in each
// language of the page, in that language.
func TestVocab(t *testing.T) {
	for _, lang := range []string{"en", "es", "fr", "pt"} {
		out, err := handle("vocab", []byte(`{"lang":"`+lang+`"}`))
		if err != nil {
			t.Fatal(err)
		}
		var v catalog.Vocab
		if err := json.Unmarshal(out, &v); err != nil {
			t.Fatal(err)
		}
		lists := map[string][]catalog.Term{"templates": v.Templates, "framings": v.Framings, "regions": v.Regions, "languages": v.Languages,
			"textLanguages": v.TextLanguages, "contactFunctions": v.ContactFunctions, "methods": v.Methods,
			"instrumentKinds": v.Facts.InstrumentKinds, "instrumentStatuses": v.Facts.InstrumentStatuses, "treatyStatuses": v.Facts.TreatyStatuses,
			"networks": v.Facts.Networks, "networkStatuses": v.Facts.NetworkStatuses}
		for name, list := range lists {
			if len(list) == 0 {
				t.Errorf("%s: %s is empty", lang, name)
			}
			for _, x := range list {
				if x.ID == "" || x.Name == "" {
					t.Errorf("%s: %s has %+v", lang, name, x)
				}
			}
		}
		en := vocabIn(t, "en")
		if lang != "en" && v.Regions[1].Name == en.Regions[1].Name {
			t.Errorf("%s: the regions are named in English: %q", lang, v.Regions[1].Name)
		}
		if lang != "en" && v.Templates[0].About == en.Templates[0].About {
			t.Errorf("%s: the templates are described in English", lang)
		}
	}
	if _, err := handle("vocab", []byte(`{"lang":"spanish"}`)); err == nil {
		t.Error("a lang that is not a language code was accepted")
	}
}

// TestLiveLanguage checks that "live" writes the warnings, the plan's
// too, and the priorities' reasons in the language asked for.
func TestLiveLanguage(t *testing.T) {
	ex := readExample(t, "small-island.json")
	texts := map[string]string{}
	for _, lang := range []string{"en", "es"} {
		out, err := handle("live", []byte(`{"rev":1,"plan":true,"lang":"`+lang+`","assessment":`+string(ex)+`}`))
		if err != nil {
			t.Fatal(err)
		}
		var l Live
		if err := json.Unmarshal(out, &l); err != nil {
			t.Fatal(err)
		}
		if l.Result == nil || len(l.Result.Warnings) == 0 || len(l.Result.Priorities) == 0 {
			t.Fatalf("%s: no result, warnings or priorities: %+v", lang, l.Problems)
		}
		var b strings.Builder
		for _, w := range l.Result.Warnings {
			b.WriteString(w.Message + "\n")
		}
		for _, p := range l.Result.Priorities {
			b.WriteString(p.Reason + "\n")
		}
		texts[lang] = b.String()
	}
	// The reasons' words, and the plan's warning of a deadline missed.
	for lang, words := range map[string][]string{"en": {"gap 1", "Deadline missed"}, "es": {"brecha 1", "Plazo incumplido"}} {
		for _, w := range words {
			if !strings.Contains(texts[lang], w) {
				t.Errorf("%s: no %q in the warnings and reasons:\n%s", lang, w, texts[lang])
			}
		}
	}
	if texts["es"] == texts["en"] {
		t.Error("the Spanish warnings and reasons are the English ones")
	}
}

// vocabIn is the answer of "vocab" in lang.
func vocabIn(t *testing.T, lang string) *catalog.Vocab {
	t.Helper()
	var v catalog.Vocab
	call(t, "vocab", []byte(`{"lang":"`+lang+`"}`), &v)
	return &v
}

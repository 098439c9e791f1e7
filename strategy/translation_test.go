package strategy_test

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/glossary"
	"github.com/ncskit/ncskit/strategy"
)

// translated are the languages the draft's text is translated into, each
// with the glossary of the model (assess/glossary/LANG.json).
var translated = []string{"es", "fr"}

// mustBeComplete are the places (prefixes of DataText.Where) whose texts
// every language of translated must have, except those whose place
// contains one of notYetComplete: the library's KPI texts, translated with
// their measures.
var (
	mustBeComplete = []string{"templates/", "actions/"}
	notYetComplete = []string{kpiTexts}
)

// kpiTexts marks the library's KPI texts, which are reported apart.
const kpiTexts = "/kpi/"

var (
	placeholderRE = regexp.MustCompile(`\{[A-Za-z][A-Za-z0-9]*\}`)
	numberRE      = regexp.MustCompile(`[0-9]+`)
)

// placeholderProblem says how the translation into lang of d differs from
// the English in its placeholders ({country}, {n}), whatever their order;
// "" when it does not.
func placeholderProblem(d strategy.DataText, lang string) string {
	got, want := sortedMatches(placeholderRE, d.Text[lang]), sortedMatches(placeholderRE, d.Text["en"])
	if slices.Equal(got, want) {
		return ""
	}
	return fmt.Sprintf("%s: %s: placeholders %q, English has %q\n\ten: %s\n\t%s: %s", lang, d.Where(), got, want, d.Text["en"], lang, d.Text[lang])
}

// numberProblem says how the translation into lang of d differs from the
// English in its digit groups (periods, amounts, 24/7, years, levels);
// "" when it does not. Numbers are written as the language writes them,
// so "US$250,000" is "US$250.000" and "250 000 dollars US": the same
// groups.
func numberProblem(d strategy.DataText, lang string) string {
	got, want := sortedMatches(numberRE, d.Text[lang]), sortedMatches(numberRE, d.Text["en"])
	if slices.Equal(got, want) {
		return ""
	}
	return fmt.Sprintf("%s: %s: numbers %q, English has %q\n\ten: %s\n\t%s: %s", lang, d.Where(), got, want, d.Text["en"], lang, d.Text[lang])
}

// glossaryProblems lists the glossary terms of the English of d that its
// translation into lang does not use, by the model's own rules (see
// package internal/glossary).
func glossaryProblems(d strategy.DataText, lang string, g *glossary.Glossary) []string {
	var out []string
	for _, m := range glossary.Matches(g.Terms, d.Text["en"]) {
		if !m.Term.UsedIn(d.Text[lang]) {
			out = append(out, fmt.Sprintf("%s: %s: %q is %s in the glossary, but the text does not use it:\n\ten: %s\n\t%s: %s",
				lang, d.Where(), m.Found, m.Term.Want(), d.Text["en"], lang, d.Text[lang]))
		}
	}
	return out
}

// missing returns the texts under one of the prefixes within (of
// DataText.Where), and without any of the strings of except in their
// place, that have English but no text in lang.
func missing(texts []strategy.DataText, lang string, within, except []string) []strategy.DataText {
	var out []strategy.DataText
	for _, d := range texts {
		w := d.Where()
		in := slices.ContainsFunc(within, func(p string) bool { return strings.HasPrefix(w, p) })
		out_ := slices.ContainsFunc(except, func(s string) bool { return strings.Contains(w, s) })
		if in && !out_ && strings.TrimSpace(d.Text["en"]) != "" && strings.TrimSpace(d.Text[lang]) == "" {
			out = append(out, d)
		}
	}
	return out
}

func sortedMatches(re *regexp.Regexp, s string) []string {
	m := re.FindAllString(s, -1)
	slices.Sort(m)
	return m
}

func readGlossary(t *testing.T, lang string) *glossary.Glossary {
	t.Helper()
	data, err := os.ReadFile("../assess/glossary/" + lang + ".json")
	if err != nil {
		t.Fatal(err)
	}
	g, err := glossary.Parse(data)
	if err != nil {
		t.Fatalf("assess/glossary/%s.json: %v", lang, err)
	}
	return g
}

func dataTexts(t *testing.T) []strategy.DataText {
	t.Helper()
	texts, err := strategy.DataTexts()
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// TestTranslationsAgree checks every translation of the templates and of
// the action library against its English: the same placeholders, the
// same digit groups, and the glossary's term wherever the English uses
// one of its terms.
func TestTranslationsAgree(t *testing.T) {
	texts := dataTexts(t)
	for _, lang := range translated {
		g := readGlossary(t, lang)
		n := 0
		for _, d := range texts {
			if strings.TrimSpace(d.Text[lang]) == "" {
				continue // TestTranslationsComplete reports it
			}
			n++
			if p := placeholderProblem(d, lang); p != "" {
				t.Error(p)
			}
			if p := numberProblem(d, lang); p != "" {
				t.Error(p)
			}
			for _, p := range glossaryProblems(d, lang, g) {
				t.Error(p)
			}
		}
		t.Logf("%s: %d translated texts checked", lang, n)
	}
}

// TestTranslationsComplete fails on a text of mustBeComplete that has no
// translation in a language of translated, and reports how much of the
// action library, and of its KPI texts, is still to translate.
func TestTranslationsComplete(t *testing.T) {
	texts := dataTexts(t)
	total := func(within []string, keep func(string) bool) int {
		n := 0
		for _, d := range texts {
			if slices.ContainsFunc(within, func(p string) bool { return strings.HasPrefix(d.Where(), p) }) &&
				strings.TrimSpace(d.Text["en"]) != "" && keep(d.Where()) {
				n++
			}
		}
		return n
	}
	if n := total(mustBeComplete, func(string) bool { return true }); n < 800 {
		t.Fatalf("only %d texts under %q: the listing of the data files lost some", n, mustBeComplete)
	}
	isKPI := func(w string) bool { return strings.Contains(w, kpiTexts) }
	notKPI := func(w string) bool { return !isKPI(w) }
	library := []string{"actions/"}
	for _, lang := range translated {
		for _, d := range missing(texts, lang, mustBeComplete, notYetComplete) {
			t.Errorf("%s: %s: no text (en: %s)", lang, d.Where(), d.Text["en"])
		}
		var kpis []strategy.DataText
		for _, d := range missing(texts, lang, library, nil) {
			if isKPI(d.Where()) {
				kpis = append(kpis, d)
			}
		}
		t.Logf("%s: action library: %d of %d texts not yet translated; KPI texts: %d of %d", lang,
			len(missing(texts, lang, library, []string{kpiTexts})), total(library, notKPI),
			len(kpis), total(library, isKPI))
	}
}

// TestTranslationChecksCatch shows that each check of the translations
// fails when a translation is broken: a placeholder renamed, a number
// changed, a glossary term replaced, a translation dropped.
func TestTranslationChecksCatch(t *testing.T) {
	es := readGlossary(t, "es")
	text := func(en, tr string) strategy.DataText {
		return strategy.DataText{File: "templates/common.json", Key: "/text/x", Text: assess.Text{"en": en, "es": tr}}
	}
	good := text("By {horizonYear}, the CSIRT answers within 24 hours and reports to Cabinet; US$250,000 a year.",
		"Para {horizonYear}, el CSIRT responde en 24 horas e informa al Consejo de Ministros; US$250.000 al año.")
	if placeholderProblem(good, "es") != "" || numberProblem(good, "es") != "" || len(glossaryProblems(good, "es", es)) > 0 {
		t.Fatalf("a good translation is refused: %q %q %q", placeholderProblem(good, "es"), numberProblem(good, "es"), glossaryProblems(good, "es", es))
	}
	broken := func(old, new string) strategy.DataText {
		return text(good.Text["en"], strings.Replace(good.Text["es"], old, new, 1))
	}
	if placeholderProblem(broken("{horizonYear}", "{horizonte}"), "es") == "" {
		t.Error("a renamed placeholder is not caught")
	}
	if placeholderProblem(broken("{horizonYear}", "2030"), "es") == "" {
		t.Error("a placeholder written out is not caught")
	}
	if numberProblem(broken("24 horas", "48 horas"), "es") == "" {
		t.Error("a changed number is not caught")
	}
	if numberProblem(broken("US$250.000", "US$250 mil"), "es") == "" {
		t.Error("a dropped digit group is not caught")
	}
	if len(glossaryProblems(broken("Consejo de Ministros", "Gabinete"), "es", es)) != 1 {
		t.Error("a glossary term replaced is not caught")
	}
	texts := []strategy.DataText{good, broken("Para", ""), text("", "")}
	texts[1].Text["es"] = ""
	texts[1].Key = "/text/y"
	texts[2].Key = "/text/empty"
	lib := strategy.DataText{File: "actions/gov.json", Key: "/actions/[GOV.X.a1]/title", Text: assess.Text{"en": "Adopt"}}
	kpi := strategy.DataText{File: "actions/gov.json", Key: "/actions/[GOV.X.a1]/kpi/name", Text: assess.Text{"en": "Share"}}
	texts = append(texts, lib, kpi)
	var got []string
	for _, d := range missing(texts, "es", []string{"templates/"}, nil) {
		got = append(got, d.Where())
	}
	if want := []string{"templates/common.json/text/y"}; !slices.Equal(got, want) {
		t.Errorf("missing in the templates: %q, want %q (an empty English is no text to translate)", got, want)
	}
	if m := missing(texts, "es", []string{"actions/"}, []string{kpiTexts}); len(m) != 1 || m[0].Key != lib.Key {
		t.Errorf("missing in the library without KPIs: %v", m)
	}
}

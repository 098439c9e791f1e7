package strategy_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

// refWords are how each language names a chapter, a section and an
// annex in a cross-reference, and how it names another document.
var refWords = map[string]struct{ chapter, section, annex, other string }{
	"en": {"chapter", "section", "Annex", ` of “([^”]+)”`},
	"es": {"capítulo", "sección", "anexo", ` del documento «([^»]+)»`},
	"fr": {"chapitre", "section", "annexe", ` du document « ([^»]+) »`},
	"pt": {"capítulo", "seção", "Anexo", ` do documento “([^”]+)”`},
}

// TestCrossReferences renders each document of every example in every
// language and checks that each reference to a chapter, section or annex
// names a heading that exists: in the same document, or in the other
// document it names by title. The documents are numbered separately, so
// a fixed "Annex B" or "chapter 8" in a text is wrong in one of them.
func TestCrossReferences(t *testing.T) {
	checked := 0
	for _, name := range drafttest.Examples {
		a, r := drafttest.Assessment(t, name)
		tp, err := strategy.DefaultTemplate(strategy.Choose(a.Profile))
		if err != nil {
			t.Fatal(err)
		}
		for lang, w := range refWords {
			d, err := strategy.Build(assess.Default(), a, r, tp, &strategy.Options{Lang: lang})
			if err != nil {
				t.Fatal(err)
			}
			md, _ := parts(t, d)
			byTitle := map[string]string{}
			for _, p := range strategy.PartsOf(d) {
				byTitle[p.Title] = md[p.ID]
			}
			ref := regexp.MustCompile(`(?i)\b(` + w.chapter + `|` + w.section + `|` + w.annex + `) ([0-9]+(?:\.[0-9]+)?|[A-H])\b(?:` + w.other + `)?`)
			for id, text := range md {
				if strings.ContainsAny(text, "\uE010\uE011") {
					t.Errorf("%s %s %s: an unresolved reference mark", name, lang, id)
				}
				for _, line := range strings.Split(text, "\n") {
					if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "|") {
						continue // a heading names itself; table cells quote the evidence, which cites laws by section
					}
					for _, m := range ref.FindAllStringSubmatch(line, -1) {
						target, where := text, id
						if m[3] != "" {
							where = m[3]
							if target = byTitle[m[3]]; target == "" {
								t.Errorf("%s %s %s: %q names a document the draft does not have", name, lang, id, m[0])
								continue
							}
						}
						heading := m[2] + " "
						if strings.EqualFold(m[1], w.annex) {
							heading = "Annex " + m[2] + " "
							if lang != "en" {
								heading = regexp.MustCompile(`(?i)^`+w.annex).ReplaceAllString(m[1], w.annex) + " " + m[2] + " "
							}
						}
						if !regexp.MustCompile(`(?mi)^#{2,3} ` + regexp.QuoteMeta(heading)).MatchString(target) {
							t.Errorf("%s %s %s: %q points at no heading %q of %s:\n%s", name, lang, id, m[0], heading, where, line)
						}
						checked++
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Error("no cross-reference was checked")
	}
}

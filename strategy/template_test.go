package strategy_test

import (
	"sync"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

// TestDefaultTemplateConcurrent loads the templates from several
// goroutines at once, as a server or the workbook may; run with -race.
func TestDefaultTemplateConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, id := range strategy.Templates {
				if _, err := strategy.DefaultTemplate(id); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}

// TestParseTemplateProblems pins the located problems of a template file.
func TestParseTemplateProblems(t *testing.T) {
	data := []byte(`{"id": "custom", "version": "1.0.0", "name": {"en": "Custom"}, "periodYears": 20,
  "text": {"meta.tilte": {"en": "x"}, "meta.subtitle": {"en": "{country} {nosuch}", "es": "{years}"}, "zz.nothing.like": {"en": "y"}}}`)
	_, err := strategy.ParseTemplate("custom.json", data)
	want := `custom.json: /periodYears: 20 is outside 1-15
custom.json: /text/meta.subtitle/en: unknown placeholder {nosuch}; placeholders this text can use: {country}, {endYear}, {facilitator}, {gazette}, {horizonYear}, {indicators}, {leadMinistry}, {midYear}, {model}, {period}, {place}, {population}, {refCards}, {refEvidence}, {refMinimumPath}, {refMonitoring}, {refPillars}, {respondents}, {responses}, {reviewers}, {sectors}, {sessionDate}, {sources}, {stakeholders}, {startYear}, {years}
custom.json: /text/meta.tilte: unknown text key "meta.tilte"; did you mean "meta.title"?
custom.json: /text/zz.nothing.like: unknown text key "zz.nothing.like"; a template can change only the texts of the common template`
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// TestGlobalPlaceholders builds a draft whose template uses every
// placeholder that ParseTemplate allows in every text: none may be left
// unresolved.
func TestGlobalPlaceholders(t *testing.T) {
	all := "{country} {leadMinistry} {startYear} {endYear} {horizonYear} {period} {years} {sessionDate} {place} {population} {stakeholders} {respondents} {responses} {indicators} {model} {sectors} {midYear}"
	data := []byte(`{"id": "custom", "version": "1.0.0", "name": {"en": "Custom"}, "periodYears": 5,
  "text": {"foreword.placeholder": {"en": "` + all + `"}}}`)
	tm, err := strategy.ParseTemplate("custom.json", data)
	if err != nil {
		t.Fatal(err)
	}
	a, res := drafttest.Assessment(t, "small-island")
	if _, err := strategy.Build(assess.Default(), a, res, tm, nil); err != nil {
		t.Errorf("a template using every global placeholder: %v", err)
	}
}

package progress

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/internal/texttest"
)

// TestTexts: every word of the report is in English, Spanish, French and
// Portuguese, with the same placeholders, so that a workbook in any of
// them gets a report in its own language, never a silent English one.
func TestTexts(t *testing.T) {
	all, err := texts()
	if err != nil {
		t.Fatal(err)
	}
	texttest.Check(t, all, []string{"en", "es", "fr", "pt"}, regexp.MustCompile(`\{[a-zA-Z]+\}`))
}

// TestTextsBroken: a text.json that does not read is an error that names
// it, not a panic.
func TestTextsBroken(t *testing.T) {
	_, err := readTexts([]byte(`{"title": {"en": "Progress report"`))
	if err == nil || err.Error() != "progress: text.json: unexpected end of JSON input" {
		t.Errorf("error %v", err)
	}
}

// TestReportInLanguage: the report of a Spanish and of a French follow-up
// workbook is in the workbook's language, its numbers written as that
// language writes them.
func TestReportInLanguage(t *testing.T) {
	for lang, want := range map[string][]string{
		"es": {"Informe de avance", "Avance por eje", "Gasto frente a lo previsto", "0,0\u00a0%"},
		"fr": {"Rapport d&#39;avancement", "Avancement par pilier", "Dépenses par rapport au plan", "0,0\u00a0%"},
	} {
		d := drafttest.DraftIn(t, "small-island", lang)
		w, err := Read("f.xlsx", encode(t, d))
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		var buf bytes.Buffer
		if err := EncodeHTML(&buf, Compute(w)); err != nil {
			t.Fatal(err)
		}
		s := buf.String()
		for _, w := range want {
			if !strings.Contains(s, w) {
				t.Errorf("%s: the report lacks %q", lang, w)
			}
		}
		for _, en := range []string{"Progress by pillar", "Spending against plan", "Late actions", ">0.0%<"} {
			if strings.Contains(s, en) {
				t.Errorf("%s: the report says %q in English", lang, en)
			}
		}
	}
}

package texttest

import (
	"fmt"
	"regexp"
	"testing"
)

// recorder is a testing.TB that keeps the errors reported to it.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *recorder) Error(args ...any) { r.errs = append(r.errs, fmt.Sprint(args...)) }

func TestCheck(t *testing.T) {
	ph := regexp.MustCompile(`\{[a-z]+\}`)
	langs := []string{"en", "es", "fr", "pt"}
	good := map[string]string{"en": "Saved {name}", "es": "Se guardó {name}", "fr": "{name}\u00a0: enregistré", "pt": "{name} salvo"}
	r := &recorder{TB: t}
	Check(r, map[string]map[string]string{"saved": good}, langs, ph)
	if len(r.errs) != 0 {
		t.Errorf("good texts refused: %q", r.errs)
	}
	for _, tc := range []struct {
		texts map[string]map[string]string
		want  string
	}{
		{nil, "no texts"},
		{map[string]map[string]string{"k": {"en": "Saved {name}", "es": "Se guardó {name}", "fr": "{name} enregistré"}}, "k: no pt text"},
		{map[string]map[string]string{"k": {"en": "Saved {name}", "es": "Se guardó {nombre}", "fr": "{name} enregistré", "pt": "{name} salvo"}},
			`k: es has the placeholders ["{nombre}"], English ["{name}"]`},
		{map[string]map[string]string{"k": {"en": "Saved {name}", "es": "Se guardó", "fr": "{name} enregistré", "pt": "{name} salvo"}},
			`k: es has the placeholders [], English ["{name}"]`},
		{map[string]map[string]string{"k": {"en": "Saved", "es": "Guardado", "fr": " ", "pt": "Salvo"}}, "k: no fr text"},
		{map[string]map[string]string{"k": {"en": "Saved ", "es": "Guardado", "fr": "Enregistré", "pt": "Salvo"}}, `k: the en text has spaces at an end: "Saved "`},
		{map[string]map[string]string{"k": {"en": "Saved", "es": "Guardado", "fr": "Enregistré", "pt": "Salvo", "nl": "Bewaard"}}, "k: a text in nl, which is not offered"},
	} {
		r := &recorder{TB: t}
		Check(r, tc.texts, langs, ph)
		if len(r.errs) != 1 || r.errs[0] != tc.want {
			t.Errorf("%v: %q, want %q", tc.texts, r.errs, tc.want)
		}
	}
}

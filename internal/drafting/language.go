package drafting

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/strategy"
)

// Languages returns the languages in which a draft from model m and
// template t is complete: every text of the model, of the template with
// its common text and of the embedded action library is written in them.
// English comes first, the others in code order.
func Languages(m *assess.Model, t *strategy.Template) ([]string, error) {
	lib, err := strategy.DefaultLibrary()
	if err != nil {
		return nil, err
	}
	texts := sourceTexts(m, t, lib)
	seen := map[string]bool{}
	for _, tx := range texts {
		for k := range tx {
			seen[k] = true
		}
	}
	var out []string
	for lang := range seen {
		if complete(texts, lang) {
			out = append(out, lang)
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == "en":
			return -1
		case b == "en":
			return 1
		}
		return strings.Compare(a, b)
	})
	return out, nil
}

func sourceTexts(m *assess.Model, t *strategy.Template, lib *strategy.Library) []assess.Text {
	var texts []assess.Text
	for _, tx := range m.Texts() {
		texts = append(texts, tx.Text)
	}
	// A text empty in every language (an optional text left out, or a
	// default that gives way to the model's text unless a register has
	// its own) is absent, not untranslated.
	for _, tx := range slices.Concat(t.Texts(), lib.Texts()) {
		for _, s := range tx {
			if s != "" {
				texts = append(texts, tx)
				break
			}
		}
	}
	return texts
}

func complete(texts []assess.Text, lang string) bool {
	for _, tx := range texts {
		if tx[lang] == "" {
			return false
		}
	}
	return true
}

// Language says how far a draft is written in its language: of the
// texts of the model, template and action library that the draft uses
// (counted once per use), how many fall back to English.
type Language struct {
	Lang string
	// Available are the languages in which drafts are complete (see
	// Languages).
	Available []string
	// FromSession is true when Lang is the session's language, not one
	// asked for.
	FromSession bool
	// Texts and English count the texts the draft uses and those of
	// them that are not translated into Lang.
	Texts, English int
}

// Percent is the share of the texts the draft uses that fall back to
// English, rounded up so that any fallback shows as at least 1.
func (l *Language) Percent() int {
	if l.Texts == 0 || l.English == 0 {
		return 0
	}
	return int(math.Ceil(100 * float64(l.English) / float64(l.Texts)))
}

// Complete reports whether the draft's language is one of Available.
func (l *Language) Complete() bool { return slices.Contains(l.Available, l.Lang) }

// LanguageError is the error of Make when the draft's language is not
// complete and Options.PartialLanguage is not set.
type LanguageError struct{ *Language }

func (e *LanguageError) Error() string {
	asked := "the draft is asked for in " + Name(e.Lang)
	if e.FromSession {
		asked = "the session asks for a draft in " + Name(e.Lang)
	}
	return fmt.Sprintf("%s, but a draft's text is complete only in %s: the model, the template or the action library is not translated into %s",
		asked, names(e.Available), Name(e.Lang))
}

// languageNames are the English names of the languages of the region.
var languageNames = map[string]string{"en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese",
	"nl": "Dutch", "ht": "Haitian Creole"}

// Name returns the English name of a language code with the code, as in
// "Spanish (es)", or the code alone when it is not a language of the
// region.
func Name(code string) string {
	if n, ok := languageNames[code]; ok {
		return n + " (" + code + ")"
	}
	return fmt.Sprintf("%q", code)
}

func names(codes []string) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = Name(c)
	}
	return strings.Join(out, ", ")
}

// Text markers of the probe draft: a text written in the draft's language
// is prefixed with markOwn, one that falls back to English with markEN.
const (
	markOwn = "\uE000"
	markEN  = "\uE001"
)

// measure counts the texts that the draft of a, in o's language, uses
// and that fall back to English. It builds the draft again from copies of
// the model, the template and the library in which every text is marked
// with whether it is translated, and counts the marks in the draft.
func measure(m *assess.Model, a *assess.Assessment, t *strategy.Template, o strategy.Options) (texts, english int, err error) {
	mc, err := cloneModel(m)
	if err != nil {
		return 0, 0, err
	}
	tc, err := t.Clone()
	if err != nil {
		return 0, 0, err
	}
	lib := o.Library
	if lib == nil {
		if lib, err = strategy.DefaultLibrary(); err != nil {
			return 0, 0, err
		}
	}
	lc, err := lib.Clone()
	if err != nil {
		return 0, 0, err
	}
	for _, tx := range sourceTexts(mc, tc, lc) {
		if s := tx[o.Lang]; s != "" {
			tx[o.Lang] = markOwn + s
		} else {
			tx[o.Lang] = markEN + tx.In("en")
		}
	}
	o.Library = lc
	d, err := build(mc, a, tc, &o)
	if err != nil {
		return 0, 0, err
	}
	var buf bytes.Buffer
	if err := writeJSON(&buf, d); err != nil {
		return 0, 0, err
	}
	own, english := strings.Count(buf.String(), markOwn), strings.Count(buf.String(), markEN)
	return own + english, english, nil
}

func cloneModel(m *assess.Model) (*assess.Model, error) {
	data, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	return assess.ParseModel(data)
}

package catalog

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"slices"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/strategy"
)

// The names of the values a session's fields take (regions, framings,
// kinds of point of contact, methods) live in vocab.json, keyed by
// language like every text a person reads; the values themselves are the
// library's (assess, strategy). The page has them with "vocab", in
// its language, and keeps no list of its own.
//
//go:embed vocab.json
var vocabJSON []byte

var vocabText = sync.OnceValues(func() (map[string]assess.Text, error) {
	var t map[string]assess.Text
	if err := json.Unmarshal(vocabJSON, &t); err != nil {
		return nil, fmt.Errorf("vocab.json: %v", err)
	}
	return t, nil
})

// endonyms name each language in itself, as a language list shows them.
var endonyms = map[string]string{"en": "English", "es": "Español", "fr": "Français", "pt": "Português", "nl": "Nederlands"}

// sessionLanguages are the languages a session may be held in: those of
// the model, then Dutch (a session language whose model text is English).
func sessionLanguages(model []string) []string {
	out := append([]string{}, model...)
	if !slices.Contains(out, "nl") {
		out = append(out, "nl")
	}
	return out
}

// Term is a value with its name in the requested language; About says
// more where the page shows it (a template's description).
type Term struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	About string `json:"about,omitempty"`
}

// Vocab is the answer of "vocab": every list of values the page offers,
// named in one language.
type Vocab struct {
	Lang string `json:"lang"`
	// Templates are the strategy templates a session may start from.
	Templates []Term `json:"templates"`
	Framings  []Term `json:"framings"`
	Regions   []Term `json:"regions"`
	// Languages are the languages a session may be held in;
	// TextLanguages those in which the model, questionnaire and drafts are
	// complete. Each is named in itself.
	Languages        []Term `json:"languages"`
	TextLanguages    []Term `json:"textLanguages"`
	ContactFunctions []Term `json:"contactFunctions"`
	Methods          []Term `json:"methods"`
	// Facts name the values of the country facts' lists (Info.Facts).
	Facts FactNames `json:"facts"`
}

// FactNames are the values of the country facts' lists, named.
type FactNames struct {
	InstrumentKinds    []Term `json:"instrumentKinds"`
	InstrumentStatuses []Term `json:"instrumentStatuses"`
	TreatyStatuses     []Term `json:"treatyStatuses"`
	Networks           []Term `json:"networks"`
	NetworkStatuses    []Term `json:"networkStatuses"`
}

// NewVocab is the answer of "vocab" in language lang (a language code)
// for model m: every value named in lang, or in English where lang has no
// name.
func NewVocab(m *ModelFiles, lang string) (*Vocab, error) {
	words, err := vocabText()
	if err != nil {
		return nil, err
	}
	named := func(prefix string, ids []string) ([]Term, error) {
		out := make([]Term, 0, len(ids))
		for _, id := range ids {
			t, ok := words[prefix+id]
			if !ok {
				return nil, fmt.Errorf("vocab.json has no %s%s", prefix, id)
			}
			out = append(out, Term{ID: id, Name: t.In(lang)})
		}
		return out, nil
	}
	heads, err := templateHeads()
	if err != nil {
		return nil, err
	}
	v := &Vocab{Lang: lang}
	for i, id := range strategy.Templates {
		t := heads[i]
		v.Templates = append(v.Templates, Term{ID: id, Name: t.Name.In(lang), About: t.Description.In(lang)})
	}
	if v.Framings, err = named("framing.", assess.Framings); err != nil {
		return nil, err
	}
	if v.Regions, err = named("region.", strategy.Regions); err != nil {
		return nil, err
	}
	if v.ContactFunctions, err = named("contact.", assess.ContactFunctions); err != nil {
		return nil, err
	}
	if v.Methods, err = named("method.", assess.Methods); err != nil {
		return nil, err
	}
	for _, l := range []struct {
		prefix string
		ids    []string
		to     *[]Term
	}{
		{"fact.kind.", assess.InstrumentKinds, &v.Facts.InstrumentKinds},
		{"fact.status.", assess.InstrumentStatuses, &v.Facts.InstrumentStatuses},
		{"fact.treaty.", assess.TreatyStatuses, &v.Facts.TreatyStatuses},
		{"fact.network.", assess.Networks, &v.Facts.Networks},
		{"fact.netstatus.", assess.NetworkStatuses, &v.Facts.NetworkStatuses},
	} {
		if *l.to, err = named(l.prefix, l.ids); err != nil {
			return nil, err
		}
	}
	for _, l := range sessionLanguages(m.Head.Languages) {
		v.Languages = append(v.Languages, Term{ID: l, Name: endonyms[l]})
	}
	for _, l := range m.Head.Languages {
		v.TextLanguages = append(v.TextLanguages, Term{ID: l, Name: endonyms[l]})
	}
	return v, nil
}

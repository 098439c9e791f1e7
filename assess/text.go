package assess

import (
	"encoding/json"
	"sort"
)

// Text is a human-readable string in several languages, keyed by language
// code ("en", "es", "fr", "pt"). English is complete in the default model;
// other languages fall back to English until they are translated.
type Text map[string]string

// In returns the text in the language lang, falling back to English and then
// to the first language in code order. It returns "" only for an empty Text.
func (t Text) In(lang string) string {
	if s, ok := t[lang]; ok && s != "" {
		return s
	}
	if s, ok := t["en"]; ok && s != "" {
		return s
	}
	for _, k := range t.langs() {
		if t[k] != "" {
			return t[k]
		}
	}
	return ""
}

// String returns the English text.
func (t Text) String() string { return t.In("en") }

func (t Text) langs() []string {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// MarshalJSON writes the languages in code order, so output is stable.
func (t Text) MarshalJSON() ([]byte, error) {
	// encoding/json already sorts map keys; the method exists to document it
	// and to keep a nil Text as {} rather than null.
	if t == nil {
		return []byte("{}"), nil
	}
	return json.Marshal(map[string]string(t))
}

// MissingText returns the JSON pointers of the model's texts that have no
// entry in language lang, in model order.
func MissingText(m *Model, lang string) []string {
	var out []string
	check := func(t Text, pointer string) {
		if t != nil && t[lang] == "" {
			out = append(out, pointer)
		}
	}
	check(m.Name, "/name")
	check(m.Summary, "/summary")
	for i, l := range m.Scale.Levels {
		check(l.Name, ptr("scale", "levels", i, "name"))
		check(l.Meaning, ptr("scale", "levels", i, "meaning"))
	}
	check(m.Scale.NotApplicable.Name, "/scale/notApplicable/name")
	check(m.Scale.Unknown.Name, "/scale/unknown/name")
	for _, list := range []struct {
		name  string
		terms []Term
	}{{"provisionModes", m.ProvisionModes}, {"roles", m.Roles}} {
		for i, tm := range list.terms {
			check(tm.Name, ptr(list.name, i, "name"))
			check(tm.Meaning, ptr(list.name, i, "meaning"))
		}
	}
	for i, tp := range m.TargetProfiles {
		check(tp.Name, ptr("targetProfiles", i, "name"))
		check(tp.Meaning, ptr("targetProfiles", i, "meaning"))
	}
	for pi, p := range m.Pillars {
		check(p.Name, ptr("pillars", pi, "name"))
		check(p.Summary, ptr("pillars", pi, "summary"))
		for ai, a := range p.Areas {
			ap := ptr("pillars", pi, "areas", ai)
			check(a.Name, ap+"/name")
			check(a.Summary, ap+"/summary")
			for ii, in := range a.Indicators {
				ip := ap + ptr("indicators", ii)
				check(in.Title, ip+"/title")
				check(in.Question, ip+"/question")
				check(in.Evidence, ip+"/evidence")
				for li, l := range in.Levels {
					check(l, ip+ptr("levels", li))
				}
			}
		}
	}
	return out
}

package assess

import (
	"encoding/json"
	"sort"
	"strings"
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

// Fill returns the text in lang (see In) with each "{name}" replaced by
// the value that follows name in args, which are name, value pairs.
func (t Text) Fill(lang string, args ...string) string {
	s := t.In(lang)
	if len(args) < 2 {
		return s
	}
	return fill(s, args)
}

// fill replaces each "{name}" in s by the value that follows the first
// occurrence of name in args, from left to right, without looking at the
// values it has put in again. It is what strings.NewReplacer with the
// pairs "{name}", value does, in one pass and without building a replacer
// for every message.
func fill(s string, args []string) string {
	if len(args) < 2 || strings.IndexByte(s, '{') < 0 {
		return s
	}
	var b strings.Builder
	appendFill(&b, s, args)
	return b.String()
}

// appendFill writes s to b with its placeholders filled as fill does.
func appendFill(b *strings.Builder, s string, args []string) {
	n := len(s)
	for i := 1; i < len(args); i += 2 {
		n += len(args[i])
	}
	b.Grow(n)
	done := 0 // s[:done] is written to b
	for i := 0; i < len(s); {
		open := strings.IndexByte(s[i:], '{')
		if open < 0 {
			break
		}
		open += i
		value, n, ok := placeholder(s[open:], args)
		if !ok {
			i = open + 1
			continue
		}
		b.WriteString(s[done:open])
		b.WriteString(value)
		done = open + n
		i = done
	}
	b.WriteString(s[done:])
}

// placeholder reports whether s starts with "{name}" for one of args'
// names, and returns the first such name's value and the placeholder's
// length.
func placeholder(s string, args []string) (value string, n int, ok bool) {
	for i := 0; i+1 < len(args); i += 2 {
		name := args[i]
		if len(s) >= len(name)+2 && s[len(name)+1] == '}' && s[1:len(name)+1] == name {
			return args[i+1], len(name) + 2, true
		}
	}
	return "", 0, false
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

// TextAt is one of a model's texts with the JSON pointer of its place in
// the model file (pillars inline).
type TextAt struct {
	At   string
	Text Text
}

// Texts returns every text of the model that a person reads, in model
// order: name and summary, the scale, provision modes, roles, target
// profiles, framework names, and every pillar, area and indicator text.
func (m *Model) Texts() []TextAt {
	var out []TextAt
	add := func(t Text, pointer string) {
		if t != nil {
			out = append(out, TextAt{pointer, t})
		}
	}
	add(m.Name, "/name")
	add(m.Summary, "/summary")
	for i, l := range m.Scale.Levels {
		add(l.Name, ptr("scale", "levels", i, "name"))
		add(l.Meaning, ptr("scale", "levels", i, "meaning"))
	}
	add(m.Scale.NotApplicable.Name, "/scale/notApplicable/name")
	add(m.Scale.NotApplicable.Meaning, "/scale/notApplicable/meaning")
	add(m.Scale.Unknown.Name, "/scale/unknown/name")
	add(m.Scale.Unknown.Meaning, "/scale/unknown/meaning")
	for _, list := range []struct {
		name  string
		terms []Term
	}{{"provisionModes", m.ProvisionModes}, {"roles", m.Roles}} {
		for i, tm := range list.terms {
			add(tm.Name, ptr(list.name, i, "name"))
			add(tm.Meaning, ptr(list.name, i, "meaning"))
		}
	}
	for i, tp := range m.TargetProfiles {
		add(tp.Name, ptr("targetProfiles", i, "name"))
		add(tp.Meaning, ptr("targetProfiles", i, "meaning"))
	}
	for i, f := range m.Frameworks {
		add(f.Name, ptr("frameworks", i, "name"))
	}
	for pi, p := range m.Pillars {
		add(p.Name, ptr("pillars", pi, "name"))
		add(p.Summary, ptr("pillars", pi, "summary"))
		for ai, a := range p.Areas {
			ap := ptr("pillars", pi, "areas", ai)
			add(a.Name, ap+"/name")
			add(a.Summary, ap+"/summary")
			for ii, in := range a.Indicators {
				ip := ap + ptr("indicators", ii)
				add(in.Title, ip+"/title")
				add(in.Question, ip+"/question")
				add(in.Evidence, ip+"/evidence")
				for li, l := range in.Levels {
					add(l, ip+ptr("levels", li))
				}
			}
		}
	}
	return out
}

// MissingText returns the JSON pointers of the model's texts (see
// Model.Texts) that have no entry in language lang, in model order.
func MissingText(m *Model, lang string) []string {
	var out []string
	for _, t := range m.Texts() {
		if t.Text[lang] == "" {
			out = append(out, t.At)
		}
	}
	return out
}

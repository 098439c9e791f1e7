package web

import (
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"strings"
)

// Languages are the languages the page is written in, in the order of
// its language switch. text.json has every key in each of them.
var Languages = []string{"en", "es", "fr", "pt"}

// Texts are the words of the page (text.json): for each key, its words
// in each language. {name} marks a placeholder that the page fills.
type Texts map[string]map[string]string

// ReadTexts reads text.json, the page's words.
func ReadTexts() (Texts, error) {
	data, err := fs.ReadFile(files, "text.json")
	if err != nil {
		return nil, err
	}
	var w Texts
	if err := json.Unmarshal(data, &w); err != nil {
		return nil, fmt.Errorf("web: text.json: %v", err)
	}
	return w, nil
}

// All returns the words of key in every language, joined by sep, for
// what the page shows before it knows its language.
func (w Texts) All(key, sep string) string {
	var out []string
	for _, l := range Languages {
		out = append(out, w[key][l])
	}
	return strings.Join(out, sep)
}

// bootHTML is the loading message, one paragraph per language.
func (w Texts) bootHTML() string {
	var b strings.Builder
	for _, l := range Languages {
		fmt.Fprintf(&b, `<p lang="%s">%s</p>`, l, html.EscapeString(w["boot.loading"][l]))
	}
	return b.String()
}

// Package glossary reads the fixed terms of a language (assess/glossary/
// LANG.json) and finds where a translation leaves them out. The tests of
// the model and of the draft's text both check their translations with
// it, so both follow one set of rules: an English term is found as whole
// words, in any case unless the entry says otherwise, hyphens counting as
// spaces, the longest term first; a translation uses the entry when it
// contains its term or one of its declared forms, in any case.
//
//	g, err := glossary.Parse(data)
//	for _, m := range glossary.Matches(g.Terms, en) {
//		if !m.Term.UsedIn(es) { ... }
//	}
package glossary

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Glossary is a file of assess/glossary/: the terms of the model in one
// language.
type Glossary struct {
	Language    string `json:"language"`
	Description string `json:"description"`
	Terms       []Term `json:"terms"`
}

// Term is one glossary entry: an English term (with its other English
// spellings), the term in the glossary's language and the inflections
// that count as using it.
type Term struct {
	EN            string   `json:"en"`
	ENForms       []string `json:"enForms,omitempty"`
	CaseSensitive bool     `json:"caseSensitive,omitempty"`
	Term          string   `json:"term"`
	Forms         []string `json:"forms,omitempty"`
	Note          string   `json:"note,omitempty"`
}

// Parse reads a glossary file; an unknown field is an error.
func Parse(data []byte) (*Glossary, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var g Glossary
	if err := dec.Decode(&g); err != nil {
		return nil, err
	}
	return &g, nil
}

// Match is an English glossary term found in a text: its byte offsets,
// the entry and the spelling found.
type Match struct {
	Start, End int
	Term       Term
	Found      string
}

// placeholder is a slot of a draft sentence ({country}, {n}): a name for
// the code, not a word of the text.
var placeholder = regexp.MustCompile(`\{[A-Za-z][A-Za-z0-9]*\}`)

// normalEN is English as the glossary matches it: hyphens as spaces and
// placeholders blanked out, with every byte in its place.
func normalEN(s string) string {
	s = placeholder.ReplaceAllStringFunc(s, func(p string) string { return strings.Repeat(" ", len(p)) })
	return strings.ReplaceAll(s, "-", " ")
}

// Matches returns the glossary terms in the English text en. A longer
// term wins over the shorter terms inside it ("critical-infrastructure
// operators" over "critical infrastructure").
func Matches(terms []Term, en string) []Match {
	type cand struct {
		spelling string
		term     Term
	}
	var cands []cand
	for _, g := range terms {
		for _, sp := range append([]string{g.EN}, g.ENForms...) {
			cands = append(cands, cand{sp, g})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return len(cands[i].spelling) > len(cands[j].spelling) })
	text := normalEN(en)
	taken := make([]bool, len(text))
	var out []Match
	for _, c := range cands {
		for _, loc := range pattern(c.spelling, c.term.CaseSensitive).FindAllStringIndex(text, -1) {
			if slices.Contains(taken[loc[0]:loc[1]], true) {
				continue
			}
			for i := loc[0]; i < loc[1]; i++ {
				taken[i] = true
			}
			out = append(out, Match{loc[0], loc[1], c.term, en[loc[0]:loc[1]]})
		}
	}
	return out
}

var (
	patternsMu sync.Mutex
	patterns   = map[string]*regexp.Regexp{}
)

// pattern returns the expression that finds the English spelling sp as
// whole words.
func pattern(sp string, caseSensitive bool) *regexp.Regexp {
	expr := `\b` + regexp.QuoteMeta(strings.ReplaceAll(sp, "-", " ")) + `\b`
	if !caseSensitive {
		expr = `(?i)` + expr
	}
	patternsMu.Lock()
	defer patternsMu.Unlock()
	re, ok := patterns[expr]
	if !ok {
		re = regexp.MustCompile(expr)
		patterns[expr] = re
	}
	return re
}

// UsedIn reports whether the translation s uses the term or one of its
// declared forms, ignoring case.
func (t Term) UsedIn(s string) bool {
	s = strings.ToLower(s)
	for _, f := range append([]string{t.Term}, t.Forms...) {
		if strings.Contains(s, strings.ToLower(f)) {
			return true
		}
	}
	return false
}

// Want describes what a translation must contain for the term: "«term»"
// and its declared forms, for messages.
func (t Term) Want() string {
	if len(t.Forms) == 0 {
		return "«" + t.Term + "»"
	}
	return "«" + t.Term + "» (or «" + strings.Join(t.Forms, "», «") + "»)"
}

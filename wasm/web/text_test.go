package web

import (
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/texttest"
)

// TestTexts checks text.json: every key has its words in each language of
// the page, none empty, each with the same placeholders as the English.
func TestTexts(t *testing.T) {
	words, err := ReadTexts()
	if err != nil {
		t.Fatal(err)
	}
	if len(words) < 500 {
		t.Errorf("text.json has %d keys", len(words))
	}
	texttest.Check(t, words, Languages, regexp.MustCompile(`\{[A-Za-z0-9_]+\}`))
}

// TestTextKeysUsed checks that every key the page names as a literal,
// t('key'), tn('key', n) or data-t="key", is in text.json.
func TestTextKeysUsed(t *testing.T) {
	words, err := ReadTexts()
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`\b(t|tn|tIn\([^,()]+,)\s*\(?\s*'([a-z0-9][A-Za-z0-9._/-]*)'`)
	attr := regexp.MustCompile(`data-t(?:-[a-z-]+)?="([^"]+)"`)
	n := 0
	for name, src := range pageSources(t) {
		for _, m := range call.FindAllStringSubmatch(src, -1) {
			keys := []string{m[2]}
			if m[1] == "tn" {
				keys = []string{m[2] + ".one", m[2] + ".other"}
			}
			for _, k := range keys {
				n++
				if _, ok := words[k]; !ok {
					t.Errorf("%s names the text %q, which text.json lacks", name, k)
				}
			}
		}
		for _, m := range attr.FindAllStringSubmatch(src, -1) {
			n++
			if _, ok := words[m[1]]; !ok {
				t.Errorf("%s names the text %q, which text.json lacks", name, m[1])
			}
		}
	}
	if n < 300 {
		t.Errorf("only %d texts named in the page", n)
	}
}

// pageSources returns index.html and the modules under js/, by name.
func pageSources(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".js") || p == "index.html") {
			return err
		}
		data, err := fs.ReadFile(files, p)
		out[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestNoEnglishInPage checks that no words a person reads are written in
// the page's sources rather than in text.json: no text in index.html's
// markup, no title, aria-label, placeholder or alt attribute there, and
// in the scripts no literal passed where the page puts text (text:,
// title:, aria-label:, label:, placeholder:, textContent, field(),
// toast(), announce(), setError(), new Error(), fail(), status()) that has
// a word in it, nor any literal elsewhere that reads as a sentence.
func TestNoEnglishInPage(t *testing.T) {
	for name, src := range pageSources(t) {
		var found []string
		if name == "index.html" {
			found = englishInHTML(src)
		} else {
			found = englishInJS(src)
		}
		for _, f := range found {
			t.Errorf("%s: words not in text.json: %s", name, f)
		}
	}
}

// TestNoEnglishFindsEnglish makes sure the rules of TestNoEnglishInPage
// see an English label put back, and let keys, names and code through.
func TestNoEnglishFindsEnglish(t *testing.T) {
	for _, src := range []string{
		`h('button', { type: 'button', text: 'Save file' })`,
		`h('p', { class: 'hint', text: ` + "`Saved ${name} to the downloads folder.`" + ` })`,
		`field('Country', c.country)`,
		`toast(` + "`Deleted snapshot \"${s.name}\".`" + `)`,
		`el.textContent = 'No session open';`,
		`h('input', { 'aria-label': 'Name of stakeholder' })`,
		`const msg = 'This session was deleted in another window.';`,
		`throw new Error('the engine stopped');`,
		`h('h2', {}, 'Preview ', status)`,
	} {
		if got := englishInJS(src); len(got) == 0 {
			t.Errorf("no English found in %s", src)
		}
	}
	for _, src := range []string{
		`h('button', { type: 'button', class: 'level other clear', text: t('assess.clear') })`,
		`field(t('profile.country'), c.country)`,
		`h('td', { class: 'num', text: ` + "`${s.coverage.percent}%`" + ` })`,
		`const svgNS = 'http://www.w3.org/2000/svg'; // the SVG namespace, for the charts`,
		`if (/^[1-9]$/.test(e.key) && k === 'Escape') go('assess');`,
		`h('span', { text: 'ncskit' }), options([['en', 'English'], ['es', 'Español']])`,
		`h('td', { text: ` + "`${c.person}, ${name}`" + ` })`,
	} {
		if got := englishInJS(src); len(got) != 0 {
			t.Errorf("English found in %s: %q", src, got)
		}
	}
	for _, src := range []string{
		`<button type="button" id="save-file">Save file</button>`,
		`<nav id="nav" aria-label="Screens"></nav>`,
		`<input placeholder="end of day 1">`,
	} {
		if got := englishInHTML(src); len(got) == 0 {
			t.Errorf("no English found in %s", src)
		}
	}
	if got := englishInHTML(`<div class="brand" data-t-aria-label="app.name">ncskit</div><span aria-hidden="true">↶</span>`); len(got) != 0 {
		t.Errorf("English found in the markup of keys: %q", got)
	}
}

// properNames are words the page shows the same in every language.
var properNames = map[string]bool{
	"ncskit": true, "CSIRT": true, "TLP": true, "AMBER": true, "PDF": true, "XLSX": true, "JSON": true, "HTML": true,
	"English": true, "Español": true, "Français": true, "Português": true, "Nederlands": true,
}

var (
	word     = regexp.MustCompile(`\p{L}{2,}`)
	textKey  = regexp.MustCompile(`^[a-z0-9-]+(\.[A-Za-z0-9/_-]+)+$`)
	sentence = regexp.MustCompile(`^\p{Lu}\p{Ll}+\s+\p{L}|\p{L}{2,}\s+\p{L}{2,}.*[.…:?]\s*$|\p{L}{2,}[.:;]\s+\p{L}`)
	// textPlace is code after which a literal is text on screen.
	textPlace = regexp.MustCompile(`(\btext|\btitle|'aria-label'|\blabel|\bplaceholder|\bsummary):\s*$|\.textContent\s*=\s*$|\b(field|toast|announce|notice|setError\([^,()]+,|new Error|fail\([^,()]+,|status|confirm|alert)\(\s*$|\bh\('[a-z0-9]+',\s*(\{[^{}]*\}|null),\s*(\(?[^()]*\)?,\s*)*$`)
)

// developer is a message for the page's developers, never shown: it
// names its module ("dom: refusing to set href").
var developer = regexp.MustCompile(`^[a-z]+: `)

// wordy reports whether a literal has a word a person reads, other than
// the proper names.
func wordy(s string) bool {
	if textKey.MatchString(s) || developer.MatchString(s) {
		return false
	}
	for _, w := range word.FindAllString(s, -1) {
		if !properNames[w] {
			return true
		}
	}
	return false
}

// englishInJS returns the literals of a script that hold words outside
// text.json.
func englishInJS(src string) []string {
	var out []string
	for _, l := range jsLiterals(src) {
		switch {
		case textPlace.MatchString(l.before) && wordy(l.text) && !allNames(l.text):
			out = append(out, fmt.Sprintf("line %d: %q", l.line, l.text))
		case sentence.MatchString(l.text) && !allNames(l.text) && !developer.MatchString(l.text):
			out = append(out, fmt.Sprintf("line %d: %q (a sentence)", l.line, l.text))
		}
	}
	return out
}

// allNames reports whether every word of s is a proper name.
func allNames(s string) bool {
	for _, w := range word.FindAllString(s, -1) {
		if !properNames[w] {
			return false
		}
	}
	return true
}

type jsLiteral struct {
	text   string // the literal's characters; a template's ${} parts as {}
	before string // the code just before it, on its line
	line   int
}

// jsLiterals lists the string and template literals of a script, outside
// comments and regular expressions. It knows as much JavaScript as the
// page's modules use.
func jsLiterals(src string) []jsLiteral {
	var out []jsLiteral
	line := 1
	lineStart := 0
	prev := byte('(') // the last significant character of code
	i := 0
	var scan func(stopAtBrace bool) // scans code; returns at an unmatched } if stopAtBrace
	scan = func(stopAtBrace bool) {
		depth := 0
		for i < len(src) {
			c := src[i]
			switch {
			case c == '\n':
				line++
				i++
				lineStart = i
			case c == '/' && i+1 < len(src) && src[i+1] == '/':
				for i < len(src) && src[i] != '\n' {
					i++
				}
			case c == '/' && i+1 < len(src) && src[i+1] == '*':
				end := strings.Index(src[i+2:], "*/")
				if end < 0 {
					i = len(src)
					break
				}
				line += strings.Count(src[i:i+2+end], "\n")
				i += end + 4
			case c == '/' && strings.IndexByte("(,=:[!&|?{};+-*%<>~^", prev) >= 0:
				// a regular expression
				i++
				inClass := false
				for i < len(src) && (src[i] != '/' || inClass) && src[i] != '\n' {
					switch src[i] {
					case '\\':
						i++
					case '[':
						inClass = true
					case ']':
						inClass = false
					}
					i++
				}
				i++
				prev = 'x'
			case c == '\'' || c == '"':
				start, at := i, line
				before := src[lineStart:i]
				i++
				var b strings.Builder
				for i < len(src) && src[i] != c && src[i] != '\n' {
					if src[i] == '\\' && i+1 < len(src) {
						b.WriteByte(src[i+1])
						i += 2
						continue
					}
					b.WriteByte(src[i])
					i++
				}
				i++
				_ = start
				out = append(out, jsLiteral{text: b.String(), before: before, line: at})
				prev = 'x'
			case c == '`':
				at := line
				before := src[lineStart:i]
				i++
				var b strings.Builder
				for i < len(src) && src[i] != '`' {
					switch {
					case src[i] == '\\' && i+1 < len(src):
						b.WriteByte(src[i+1])
						i += 2
					case src[i] == '$' && i+1 < len(src) && src[i+1] == '{':
						i += 2
						b.WriteString("{}")
						scan(true)
						i++ // the closing brace
					default:
						if src[i] == '\n' {
							line++
							lineStart = i + 1
						}
						b.WriteByte(src[i])
						i++
					}
				}
				i++
				out = append(out, jsLiteral{text: b.String(), before: before, line: at})
				prev = 'x'
			case c == '{':
				depth++
				prev = c
				i++
			case c == '}':
				if stopAtBrace && depth == 0 {
					return
				}
				depth--
				prev = c
				i++
			case c == ' ' || c == '\t' || c == '\r':
				i++
			default:
				if c == ')' || c == ']' || isIdent(c) {
					prev = 'x'
				} else {
					prev = c
				}
				i++
			}
		}
	}
	scan(false)
	return out
}

func isIdent(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

var (
	htmlText  = regexp.MustCompile(`>([^<]+)<`)
	htmlAttr  = regexp.MustCompile(`\s(title|aria-label|placeholder|alt)="([^"]*)"`)
	htmlSkips = regexp.MustCompile(`(?s)<(script|style)[^>]*>.*?</(script|style)>|<!--.*?-->`)
)

// englishInHTML returns the words of the markup outside text.json: text
// between tags, and attributes a person reads.
func englishInHTML(src string) []string {
	src = htmlSkips.ReplaceAllString(src, "")
	var out []string
	for _, m := range htmlText.FindAllStringSubmatch(src, -1) {
		if s := strings.TrimSpace(m[1]); wordy(s) {
			out = append(out, fmt.Sprintf("text %q", s))
		}
	}
	for _, m := range htmlAttr.FindAllStringSubmatch(src, -1) {
		if wordy(m[2]) {
			out = append(out, fmt.Sprintf("%s=%q", m[1], m[2]))
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

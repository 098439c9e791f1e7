package strategy

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/ncskit/ncskit/assess"
)

// Template shapes a strategy draft: its period, and every sentence the
// draft is built from, with placeholders such as {country} that Build fills
// from the assessment. A template file holds only what differs from the
// common text (templates/common.json): its ID, version, name, period and
// text overrides.
type Template struct {
	ID          string                 `json:"id"`
	Version     string                 `json:"version"`
	Name        assess.Text            `json:"name"`
	Description assess.Text            `json:"description,omitempty"`
	PeriodYears int                    `json:"periodYears"`
	Text        map[string]assess.Text `json:"text"`

	common *Common
}

// Common is the text shared by all templates: labels for renderers,
// vocabularies (funding sources, cost bands, horizons, framework areas),
// guiding principles, the glossary and default section text.
type Common struct {
	Labels     map[string]assess.Text `json:"labels"`
	Text       map[string]assess.Text `json:"text"`
	Funding    []Term                 `json:"funding"`
	CostBands  []CostBand             `json:"costBands"`
	Horizons   []Term                 `json:"horizons"`
	ITU        []Term                 `json:"itu"`
	CARICOM    []Term                 `json:"caricom"`
	Contacts   []Term                 `json:"contacts"`
	Provisions []Term                 `json:"provisions"`
	Principles []Principle            `json:"principles"`
	Glossary   []Principle            `json:"glossary"`
}

// Term is a named item of a vocabulary.
type Term struct {
	ID   string      `json:"id"`
	Name assess.Text `json:"name"`
}

// CostBand is a cost band with its range and the mid-point used for
// indicative totals, in US dollars.
type CostBand struct {
	ID       string      `json:"id"`
	Name     assess.Text `json:"name"`
	Midpoint float64     `json:"midpoint"`
}

// Principle is a titled paragraph: a guiding principle or a glossary entry.
type Principle struct {
	ID    string      `json:"id,omitempty"`
	Title assess.Text `json:"title"`
	Text  assess.Text `json:"text"`
}

//go:embed templates/*.json actions/*.json
var embedded embed.FS

// Templates lists the IDs of the embedded templates.
var Templates = []string{"small-island-state", "national"}

// Choose returns the ID of the template that suits a country profile:
// "small-island-state" for a small island state, "national" otherwise.
func Choose(p assess.Profile) string {
	if p.SmallIslandState {
		return "small-island-state"
	}
	return "national"
}

// DefaultTemplate returns an embedded template by ID.
func DefaultTemplate(id string) (*Template, error) {
	for _, t := range Templates {
		if t == id {
			return LoadTemplate(embedded, "templates/"+id+".json")
		}
	}
	return nil, fmt.Errorf("unknown template %q (known: %s)", id, strings.Join(Templates, ", "))
}

// EmbeddedFS returns the embedded templates and action library, for tools
// that validate or publish them.
func EmbeddedFS() fs.FS { return embedded }

// LoadTemplate reads a template from fsys and joins it with the common text
// embedded in this package.
func LoadTemplate(fsys fs.FS, name string) (*Template, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	return ParseTemplate(path.Base(name), data)
}

// ParseTemplate decodes a template file strictly and joins it with the
// common text.
func ParseTemplate(name string, data []byte) (*Template, error) {
	var t Template
	if err := decodeStrict(data, &t); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c, err := loadCommon()
	if err != nil {
		return nil, err
	}
	t.common = c
	var unknown []string
	for k := range t.Text {
		if _, ok := c.Text[k]; !ok {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	if len(unknown) > 0 {
		return nil, fmt.Errorf("%s: /text: unknown text keys %s", name, strings.Join(unknown, ", "))
	}
	if t.PeriodYears < 1 || t.PeriodYears > 15 {
		return nil, fmt.Errorf("%s: /periodYears: %d is outside 1-15", name, t.PeriodYears)
	}
	return &t, nil
}

var commonCache *Common

func loadCommon() (*Common, error) {
	if commonCache != nil {
		return commonCache, nil
	}
	data, err := embedded.ReadFile("templates/common.json")
	if err != nil {
		return nil, err
	}
	var c Common
	if err := decodeStrict(data, &c); err != nil {
		return nil, fmt.Errorf("templates/common.json: %w", err)
	}
	commonCache = &c
	return &c, nil
}

// raw returns the template's text for key in lang: the template's own
// override, else the common text.
func (t *Template) raw(key, lang string) (string, bool) {
	if s, ok := t.Text[key]; ok {
		return s.In(lang), true
	}
	if s, ok := t.common.Text[key]; ok {
		return s.In(lang), true
	}
	return "", false
}

// Keys returns every text key the template can expand.
func (t *Template) Keys() []string {
	keys := make([]string, 0, len(t.common.Text))
	for k := range t.common.Text {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// expand replaces each {name} in s with vars[name] in one pass: inserted
// values are not scanned again, so assessment text that contains braces
// stays as it is. An unknown placeholder is an error.
func expand(s string, vars map[string]string) (string, error) {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		name := s[i+1 : i+j]
		if !isIdent(name) {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		v, ok := vars[name]
		if !ok {
			return "", fmt.Errorf("unresolved placeholder {%s}", name)
		}
		b.WriteString(s[:i])
		b.WriteString(v)
		s = s[i+j+1:]
	}
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

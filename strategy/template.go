package strategy

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/ncskit/ncskit/problem"

	"github.com/ncskit/ncskit/assess"
)

// Template shapes a strategy draft: its period, and every sentence the
// draft is built from, with placeholders such as {country} that Build fills
// from the assessment. A template file holds only what differs from the
// common text (templates/common.json): its ID, version, name, period and
// text overrides.
type Template struct {
	ID          string      `json:"id"`
	Version     string      `json:"version"`
	Name        assess.Text `json:"name"`
	Description assess.Text `json:"description,omitempty"`
	PeriodYears int         `json:"periodYears"`
	// MinimumPath says that the strategy offers a minimum viable path for
	// tight budgets, and its summary says how many actions it holds.
	MinimumPath bool                   `json:"minimumPath,omitempty"`
	Text        map[string]assess.Text `json:"text"`
	// Variants word a text key for registers (legal tradition, region,
	// size, framing): the first variant that matches the draft's register
	// replaces the key's text.
	Variants map[string][]Variant `json:"variants,omitempty"`

	common *Common
}

// Common is the text shared by all templates: labels for renderers,
// vocabularies (funding sources, cost bands, horizons, framework areas),
// guiding principles, the glossary and default section text.
type Common struct {
	Labels   map[string]assess.Text `json:"labels"`
	Text     map[string]assess.Text `json:"text"`
	Variants map[string][]Variant   `json:"variants,omitempty"`
	// ModelVariants word texts the draft quotes from the model for a
	// register, by "INDICATOR/field" (title, question or evidence),
	// "scale/LEVEL/meaning" or "role/ROLE/field" (name or meaning): the
	// model speaks to the Caribbean by default (hurricanes, CARICOM,
	// Cabinet), and a civil-law or non-Caribbean state reads its own
	// terms.
	ModelVariants map[string][]Variant `json:"modelVariants,omitempty"`
	Funding       []Term               `json:"funding"`
	CostBands     []CostBand           `json:"costBands"`
	Horizons      []Term               `json:"horizons"`
	// Statuses are the statuses an action can have in the follow-up of
	// the plan, in the order of the follow-up workbook's list; their IDs
	// are the Status* constants.
	Statuses []Term `json:"statuses"`
	ITU      []Term `json:"itu"`
	CARICOM  []Term `json:"caricom"`
	// CARICOMWhen selects the registers whose plan shows its coverage of
	// the CARICOM action plan: the Community's members are Caribbean.
	CARICOMWhen When        `json:"caricomWhen"`
	Contacts    []Term      `json:"contacts"`
	Provisions  []Term      `json:"provisions"`
	Principles  []Principle `json:"principles"`
	Glossary    []Principle `json:"glossary"`
	// SectorThreats say what most threatens each kind of sector, for the
	// threats section of a draft.
	SectorThreats []SectorThreat `json:"sectorThreats"`
	// Outcomes are the strategy's outcome indicators.
	Outcomes []Outcome `json:"outcomes"`
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
	// Variants word the text for registers (see Variant).
	Variants []Variant `json:"variants,omitempty"`
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
// common text. The error, if any, is a problem.List naming the file, with
// a JSON pointer for each problem: an unknown text key, a period outside
// 1-15 years, or a placeholder the draft cannot fill. It assumes the file
// passed the template schema (package load checks both).
func ParseTemplate(name string, data []byte) (*Template, error) {
	var t Template
	if err := decodeStrict(data, &t); err != nil {
		return nil, problem.List{{File: name, Message: err.Error()}}
	}
	c, err := loadCommon()
	if err != nil {
		return nil, err
	}
	t.common = c
	var p problem.List
	if t.PeriodYears < 1 || t.PeriodYears > 15 {
		p.Add("/periodYears", "%d is outside 1-15", t.PeriodYears)
	}
	for _, k := range slices.Sorted(maps.Keys(t.Text)) {
		at := problem.Pointer("text", k)
		allowed, ok := c.allowedIn(k)
		if !ok {
			p.AddHint(at, suggestKey(c.Text, k), "unknown text key %q", k)
			continue
		}
		for _, lang := range slices.Sorted(maps.Keys(t.Text[k])) {
			for _, ph := range slices.Sorted(maps.Keys(placeholders(assess.Text{lang: t.Text[k][lang]}))) {
				if !allowed[ph] {
					p.AddHint(at+"/"+lang, "placeholders this text can use: "+list(allowed), "unknown placeholder {%s}", ph)
				}
			}
		}
	}
	p = append(p, c.checkVariants(t.Variants)...)
	if len(p) > 0 {
		return nil, p.In(name)
	}
	return &t, nil
}

// suggestKey names the common text key closest to an unknown one, when
// one is within two edits of it.
func suggestKey(keys map[string]assess.Text, k string) string {
	best, bestD := "", 3
	for _, c := range slices.Sorted(maps.Keys(keys)) {
		if d := distance(c, k); d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" {
		return "a template can change only the texts of the common template"
	}
	return "did you mean " + strconv.Quote(best) + "?"
}

// distance is the Levenshtein distance of two short strings.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// globalVars are the placeholders every text may use; Build fills them
// from the profile, the session and the template (see builder.vars).
var globalVars = []string{"country", "leadMinistry", "startYear", "endYear", "horizonYear", "period", "years",
	"sessionDate", "place", "population", "stakeholders", "respondents", "responses", "indicators", "model",
	"sectors", "midYear", "facilitator", "reviewers", "sources", "gazette"}

// placeholders returns the set of {name} placeholders in every language
// of t.
func placeholders(t assess.Text) map[string]bool {
	out := map[string]bool{}
	for _, s := range t {
		for {
			i := strings.IndexByte(s, '{')
			if i < 0 {
				break
			}
			j := strings.IndexByte(s[i:], '}')
			if j < 0 {
				break
			}
			if name := s[i+1 : i+j]; isIdent(name) {
				out[name] = true
			}
			s = s[i+1:]
		}
	}
	return out
}

func list(set map[string]bool) string {
	keys := slices.Sorted(maps.Keys(set))
	for i, k := range keys {
		keys[i] = "{" + k + "}"
	}
	return strings.Join(keys, ", ")
}

// allowedIn returns the placeholders a text for key may use: those of
// the common text of key and the global ones. ok is false when the common
// text has no such key.
func (c *Common) allowedIn(key string) (allowed map[string]bool, ok bool) {
	common, ok := c.Text[key]
	if !ok {
		return nil, false
	}
	allowed = placeholders(common)
	for _, g := range globalVars {
		allowed[g] = true
	}
	for g := range refVars {
		allowed[g] = true // cross-references (refs.go)
	}
	return allowed, true
}

// checkVariants checks register variants of text keys: each words a key
// of the common text, selects by known registers, and uses only the
// placeholders that key may use.
func (c *Common) checkVariants(variants map[string][]Variant) problem.List {
	var p problem.List
	for _, k := range slices.Sorted(maps.Keys(variants)) {
		at := problem.Pointer("variants", k)
		allowed, ok := c.allowedIn(k)
		if !ok {
			p.AddHint(at, suggestKey(c.Text, k), "unknown text key %q", k)
			continue
		}
		for i, v := range variants[k] {
			for _, msg := range v.When.check() {
				p.Add(at+"/"+strconv.Itoa(i)+"/when", "%s", msg)
			}
			for _, ph := range slices.Sorted(maps.Keys(placeholders(v.Text))) {
				if !allowed[ph] {
					p.AddHint(at+"/"+strconv.Itoa(i)+"/text", "placeholders this text can use: "+list(allowed), "unknown placeholder {%s}", ph)
				}
			}
		}
	}
	return p
}

// loadCommon decodes the common text once; concurrent callers share it.
var loadCommon = sync.OnceValues(func() (*Common, error) {
	data, err := embedded.ReadFile("templates/common.json")
	if err != nil {
		return nil, err
	}
	var c Common
	if err := decodeStrict(data, &c); err != nil {
		return nil, fmt.Errorf("templates/common.json: %w", err)
	}
	probs := checkOutcomes(c.Outcomes, assess.Default())
	for _, p := range c.CARICOMWhen.check() {
		probs = append(probs, "/caricomWhen: "+p)
	}
	if len(probs) > 0 {
		return nil, fmt.Errorf("templates/common.json: %s", strings.Join(probs, "; "))
	}
	ids := make([]string, len(c.Statuses))
	for i, s := range c.Statuses {
		ids[i] = s.ID
	}
	if want := []string{StatusNotStarted, StatusInProgress, StatusCompleted, StatusDelayed, StatusCancelled}; !slices.Equal(ids, want) {
		return nil, fmt.Errorf("templates/common.json: /statuses are %s, want %s in that order", strings.Join(ids, ", "), strings.Join(want, ", "))
	}
	return &c, nil
})

// raw returns the template's text for key in lang as register r words
// it: the template's own variant for r, else its override, else the
// common variant for r, else the common text.
func (t *Template) raw(key, lang string, r Register) (string, bool) {
	if s, ok := variantFor(t.Variants[key], r); ok {
		return s.In(lang), true
	}
	if s, ok := t.Text[key]; ok {
		return s.In(lang), true
	}
	if s, ok := variantFor(t.common.Variants[key], r); ok {
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

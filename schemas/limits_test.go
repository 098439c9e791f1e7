package schemas_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/schemas"
)

// TestLimits checks that the schemas state the limits of assess/limits.go
// and no others, so that the two cannot drift apart: every maxLength is
// MaxText, MaxName or, for the classification, MaxClassification; every
// maxItems is listed below with the constant it comes from; and every
// string has a maxLength or is held by a pattern, a format or a list of
// values. The draft schema describes output and is left out.
func TestLimits(t *testing.T) {
	items := map[string]int{
		"assessment#/properties/stakeholders":                                             assess.MaxStakeholders,
		"assessment#/properties/respondents":                                              assess.MaxRespondents,
		"assessment#/properties/responses":                                                assess.MaxResponses,
		"assessment#/properties/decisions/properties/agreed":                              assess.MaxDecisions,
		"assessment#/properties/decisions/properties/agreed/items/properties/dissent":     assess.MaxRespondents,
		"assessment#/properties/decisions/properties/priorityOverrides":                   assess.MaxDecisions,
		"assessment#/properties/facts/properties/instruments":                             assess.MaxInstruments,
		"assessment#/properties/facts/properties/instruments/items/properties/indicators": assess.MaxIndicators,
		"assessment#/properties/facts/properties/staff":                                   assess.MaxFactRecords,
		"assessment#/properties/facts/properties/networks":                                assess.MaxFactRecords,
		"assessment#/properties/facts/properties/incidents":                               assess.MaxFactRecords,
		"model#/properties/scale/properties/levels":                                       10,
		"model#/$defs/indicator/properties/levels":                                        10,
		"model#/properties/pillars":                                                       maxPillars,
		"model#/properties/include":                                                       maxPillars,
		"model#/$defs/pillar/properties/areas":                                            maxAreas,
		"model#/$defs/area/properties/indicators":                                         maxIndicators,
		"session#/properties/log":                                                         200000,
		"session#/properties/snapshots":                                                   200,
	}
	if n := maxPillars * maxAreas * maxIndicators; n > assess.MaxIndicators {
		t.Errorf("a model may have %d × %d × %d = %d indicators, more than MaxIndicators (%d)",
			maxPillars, maxAreas, maxIndicators, n, assess.MaxIndicators)
	}
	lengths := map[string]int{
		"assessment#/properties/session/properties/classification": assess.MaxClassification,
	}
	var found []string
	for _, k := range schemas.Kinds {
		if k == schemas.Draft {
			continue
		}
		b, err := schemas.File(k)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		walkSchema(string(k)+"#", doc, func(at string, s map[string]any) {
			if n, ok := s["maxItems"]; ok {
				found = append(found, at)
				if want, ok := items[at]; !ok {
					t.Errorf("%s: maxItems %v is not listed in TestLimits", at, n)
				} else if n != float64(want) {
					t.Errorf("%s: maxItems is %v, want %d", at, n, want)
				}
			}
			if n, ok := s["maxLength"]; ok {
				want, ok := lengths[at]
				switch {
				case ok && n != float64(want):
					t.Errorf("%s: maxLength is %v, want %d", at, n, want)
				case !ok && n != float64(assess.MaxText) && n != float64(assess.MaxName):
					t.Errorf("%s: maxLength is %v, want MaxText (%d) or MaxName (%d)", at, n, assess.MaxText, assess.MaxName)
				}
			}
			if s["type"] == "string" && !bounded(s) {
				t.Errorf("%s: a string with no maxLength, pattern, format or enum", at)
			}
			if _, ok := s["additionalProperties"].(map[string]any); ok {
				if names, _ := s["propertyNames"].(map[string]any); !bounded(names) {
					t.Errorf("%s: a map whose field names have no maxLength or pattern", at)
				}
			}
		})
	}
	var listed []string
	for at := range items {
		listed = append(listed, at)
	}
	sort.Strings(listed)
	for _, at := range listed {
		if !slices.Contains(found, at) {
			t.Errorf("%s: no maxItems in the schema", at)
		}
	}
}

// The bounds of a model's shape: their product is at most MaxIndicators.
const (
	maxPillars    = 10
	maxAreas      = 10
	maxIndicators = 10
)

// bounded reports whether a string schema bounds the length of the
// text, directly or by a pattern, format or list of values. A $ref is
// followed by the walk where it is defined.
func bounded(s map[string]any) bool {
	for _, k := range []string{"maxLength", "pattern", "format", "enum", "const", "$ref"} {
		if _, ok := s[k]; ok {
			return true
		}
	}
	return false
}

// walkSchema calls visit for every schema object in doc, with its place
// as KIND#/json/pointer.
func walkSchema(at string, doc any, visit func(at string, s map[string]any)) {
	switch v := doc.(type) {
	case map[string]any:
		visit(at, v)
		for k, x := range v {
			switch k {
			case "enum", "const", "required", "examples", "default":
				continue
			}
			walkSchema(at+"/"+strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1"), x, visit)
		}
	case []any:
		for i, x := range v {
			walkSchema(fmt.Sprintf("%s/%d", at, i), x, visit)
		}
	}
}

// TestFieldNameMessages checks the messages about a field name: what is
// shown is the name, not the value under it.
func TestFieldNameMessages(t *testing.T) {
	key := strings.Repeat("intro.", 34)
	doc := `{"id": "t", "version": "1.0.0", "name": {"EN": "Template"}, "periodYears": 5, "text": {"` + key + `": {"en": "Text"}}}`
	var got []string
	for _, p := range schemas.Validate(schemas.Template, []byte(doc)) {
		got = append(got, p.String())
	}
	want := []string{
		`/name/EN: expected a language code such as en, es or pt-BR, got "EN"`,
		"/text/" + key + ": the field name is 204 characters long; the limit is 200",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

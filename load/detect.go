package load

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/ncskit/ncskit/schemas"
)

// Kind is the kind of an input file, as Detect decides it.
type Kind string

// The kinds of file the command line and the workbook read.
const (
	KindAssessment Kind = "assessment"
	KindSession    Kind = "session"
	KindModel      Kind = "model"
	KindTemplate   Kind = "template"
)

// fields are the top-level fields that only a file of each kind has.
var fields = map[Kind][]string{
	KindAssessment: {"schemaVersion", "profile", "respondents", "responses", "stakeholders", "decisions", "pointsOfContact"},
	KindSession:    {"format", "log", "snapshots"},
	KindModel:      {"scale", "pillars", "include", "roles", "targetProfiles", "provisionModes", "personDependentCap", "defaultTarget"},
	KindTemplate:   {"periodYears", "text"},
}

// Detect decides what kind of file data is from what it declares: a
// session's "format", the "$schema" of a published schema, then the
// top-level fields only one kind has (most wins; an assessment when none
// is known or the file is not a JSON object). It also returns, in words,
// why: "it declares \"$schema\": .../model-v1.schema.json", or "" when
// data is not a JSON object.
func Detect(data []byte) (Kind, string) {
	var top map[string]json.RawMessage
	if json.Unmarshal(stripBOM(data), &top) != nil {
		return KindAssessment, ""
	}
	var format, schema string
	json.Unmarshal(top["format"], &format)
	json.Unmarshal(top["$schema"], &schema)
	if format == SessionFormat {
		return KindSession, fmt.Sprintf("it declares \"format\": %q", SessionFormat)
	}
	for _, k := range []schemas.Kind{schemas.Assessment, schemas.Session, schemas.Model, schemas.Template} {
		if schema != "" && schema == schemas.URL(k) {
			return Kind(k), fmt.Sprintf("it declares \"$schema\": %q", schema)
		}
	}
	best, bestFound := KindAssessment, []string(nil)
	for _, k := range []Kind{KindAssessment, KindSession, KindModel, KindTemplate} {
		var found []string
		for _, f := range fields[k] {
			if _, ok := top[f]; ok {
				found = append(found, `"`+f+`"`)
			}
		}
		if len(found) > len(bestFound) {
			best, bestFound = k, found
		}
	}
	if len(bestFound) == 0 {
		return KindAssessment, "it has none of the fields that tell the kinds apart"
	}
	sort.Strings(bestFound)
	if len(bestFound) == 1 {
		return best, "it has the field " + bestFound[0]
	}
	return best, "it has the fields " + strings.Join(bestFound, ", ")
}

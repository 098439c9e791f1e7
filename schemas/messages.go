package schemas

import (
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// collect walks a validation error tree and keeps the leaves, rewording
// the validator's messages in ncskit's style. A failed oneOf becomes one
// message for the value instead of one per alternative.
func collect(ve *jsonschema.ValidationError, out *[]Error) {
	kw := ve.KeywordLocation
	if strings.HasSuffix(kw, "/oneOf") || strings.HasSuffix(kw, "/anyOf") {
		*out = append(*out, Error{Pointer: ve.InstanceLocation, Message: oneOfMessage(ve)})
		return
	}
	if len(ve.Causes) == 0 {
		*out = append(*out, Error{Pointer: ve.InstanceLocation, Message: reword(ve.Message)})
		return
	}
	for _, c := range ve.Causes {
		collect(c, out)
	}
}

func oneOfMessage(ve *jsonschema.ValidationError) string {
	loc := ve.AbsoluteKeywordLocation
	switch {
	case strings.Contains(loc, "/$defs/rating/"):
		return `expected a whole-number level, "n/a" or "unknown"`
	case strings.HasSuffix(loc, "model-v1.schema.json#/oneOf"):
		return `a model needs exactly one of "pillars" (inline) and "include" (pillar files)`
	}
	return "matches none of the allowed forms"
}

var rewrites = []struct{ from, to string }{
	{"missing properties: ", "missing required field "},
	{"additionalProperties ", "unknown field "},
	{"value must be one of ", "expected one of "},
	{"but got ", "got "},
}

// patterns describe the schemas' regular expressions in words.
var patterns = map[string]string{
	`^[0-9]+\.[0-9]+\.[0-9]+$`:             "expected a version such as 1.0.0",
	`^[A-Z]{2}$`:                           "expected an ISO 3166-1 alpha-2 code: two capital letters such as JM or XC",
	`^[a-z]{2,3}(-[A-Z]{2})?$`:             "expected a language code such as en, es or pt-BR",
	`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`:    "expected an ID of up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
	`^[a-z0-9]+(-[a-z0-9]+)*$`:             "expected a lower-case ID with hyphens, such as lead-cyber-agency",
	`^[A-Z]{2,5}$`:                         "expected a pillar ID of 2-5 capital letters, such as GOV",
	`^[A-Z]{2,5}\.[A-Z]{2,5}$`:             "expected an area ID such as GOV.STR",
	`^[A-Z]{2,5}\.[A-Z]{2,5}\.[0-9]{1,2}$`: "expected an indicator ID such as GOV.STR.1",
	`^[a-z]+:[0-9]{4}:[A-Za-z0-9.-]+$`:     "expected a crosswalk reference such as cmm:2021:D1.2",
	`^[a-z]+:[0-9]{4}$`:                    "expected a framework ID such as cmm:2021",
	`^[0-9]+$`:                             "expected a major version number such as 1",
	`^[a-z0-9-]+\.json$`:                   "expected a file name such as gov.json",
}

func reword(msg string) string {
	for _, r := range rewrites {
		msg = strings.Replace(msg, r.from, r.to, 1)
	}
	msg = strings.Replace(msg, " not allowed", "", 1)
	msg = strings.ReplaceAll(msg, "'", `"`)
	if i := strings.Index(msg, "does not match pattern "); i >= 0 {
		p, err := strconv.Unquote(strings.TrimSpace(msg[i+len("does not match pattern "):]))
		if d, ok := patterns[p]; ok && err == nil {
			return strings.TrimSpace(strings.TrimSpace(msg[:i]) + " " + d)
		}
	}
	if strings.HasSuffix(msg, ` is not valid "date"`) {
		return "expected a date as YYYY-MM-DD, got " + strings.TrimSuffix(msg, ` is not valid "date"`)
	}
	if strings.HasPrefix(msg, "missing required field ") && strings.Contains(msg, ", ") {
		msg = strings.Replace(msg, "missing required field ", "missing required fields ", 1)
	}
	if strings.HasPrefix(msg, "unknown field ") && strings.Contains(msg, ", ") {
		msg = strings.Replace(msg, "unknown field ", "unknown fields ", 1)
	}
	return msg
}

func dedupe(in []Error) []Error {
	var out []Error
	seen := map[Error]bool{}
	for _, e := range in {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

// lessPointer orders JSON pointers by their segments, numerically where
// both segments are numbers, so that /responses/10 follows /responses/9.
func lessPointer(a, b string) bool {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(as) && i < len(bs); i++ {
		if as[i] == bs[i] {
			continue
		}
		an, aerr := strconv.Atoi(as[i])
		bn, berr := strconv.Atoi(bs[i])
		if aerr == nil && berr == nil {
			return an < bn
		}
		return as[i] < bs[i]
	}
	return len(as) < len(bs)
}

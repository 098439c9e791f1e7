package schemas

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/problem"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// collect walks a validation error tree and keeps the leaves, rewording
// the validator's messages in ncskit's style. A failed oneOf becomes one
// message for the value instead of one per alternative.
func collect(ve *jsonschema.ValidationError, root any, out *problem.List) {
	kw := ve.KeywordLocation
	at := unescape(ve.InstanceLocation)
	v, _ := valueAt(root, at)
	if strings.Contains(kw, "/propertyNames/") {
		// The place is the field; what is checked is its name.
		v = fieldName(at)
	}
	if strings.HasSuffix(kw, "/oneOf") || strings.HasSuffix(kw, "/anyOf") {
		*out = append(*out, problem.Problem{At: at, Message: oneOfMessage(ve, v)})
		return
	}
	if len(ve.Causes) == 0 {
		*out = append(*out, problem.Problem{At: at, Message: reword(ve, v)})
		return
	}
	for _, c := range ve.Causes {
		collect(c, root, out)
	}
}

// unescape turns the validator's instance location, whose segments are
// also URL-escaped ("GOV%20STR"), into the JSON pointer of the value.
func unescape(location string) string {
	if !strings.Contains(location, "%") {
		return location
	}
	segs := strings.Split(location, "/")
	for i, s := range segs {
		if u, err := url.PathUnescape(s); err == nil {
			segs[i] = u
		}
	}
	return strings.Join(segs, "/")
}

func oneOfMessage(ve *jsonschema.ValidationError, v any) string {
	loc := ve.AbsoluteKeywordLocation
	switch {
	case strings.Contains(loc, "/$defs/rating/"):
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil && i < 1 {
				return fmt.Sprintf("%d is below the lowest level (1)", i)
			}
		}
		msg := `expected a whole-number level, "n/a" or "unknown", got ` + show(v)
		if s, ok := v.(string); ok {
			if _, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
				msg += ": write the number without quotes"
			}
		}
		return msg
	case strings.HasSuffix(loc, "model-v1.schema.json#/oneOf"):
		return `a model needs exactly one of "pillars" (inline) and "include" (pillar files)`
	}
	return "matches none of the allowed forms"
}

// typeNames say JSON Schema type names the way a person would.
var typeNames = map[string]string{
	"integer": "a whole number", "number": "a number", "string": "text in double quotes",
	"boolean": "true or false", "object": "an object", "array": "a list", "null": "null",
}

// reword states a validator message in ncskit's style: what was expected,
// then what was found.
func reword(ve *jsonschema.ValidationError, v any) string {
	msg := ve.Message
	kw := ve.KeywordLocation[strings.LastIndexByte(ve.KeywordLocation, '/')+1:]
	switch kw {
	case "type":
		if i := strings.Index(msg, ", but got "); strings.HasPrefix(msg, "expected ") && i > 0 {
			var want []string
			for _, t := range strings.Split(msg[len("expected "):i], " or ") {
				want = append(want, typeNames[t])
			}
			return "expected " + strings.Join(want, " or ") + ", got " + show(v)
		}
	case "enum":
		if rest, ok := strings.CutPrefix(msg, "value must be one of "); ok {
			return "expected one of " + strings.ReplaceAll(rest, "'", `"`) + ", got " + show(v)
		}
	case "const":
		return "got " + show(v) + ", which is not the allowed value"
	case "minimum":
		return show(v) + " is below the minimum (" + number(after(msg, "must be >= ", " but")) + ")"
	case "maximum":
		return show(v) + " is above the maximum (" + number(after(msg, "must be <= ", " but")) + ")"
	case "minProperties":
		if n := after(msg, "minimum ", " properties"); n == "1" {
			return "must not be empty"
		} else {
			return "expected at least " + n + " fields"
		}
	case "minItems":
		if n := after(msg, "minimum ", " items"); n == "1" {
			return "must not be an empty list"
		} else {
			return "expected at least " + n + " items"
		}
	case "maxItems":
		return "the list has " + after(msg, "but found ", " items") + " items; the limit is " + after(msg, "maximum ", " items")
	case "minLength":
		if s, ok := v.(string); ok && s == "" {
			return "must not be empty"
		}
		return "is too short: at least " + after(msg, "length must be >= ", ",") + " characters"
	case "maxLength":
		what := "text"
		if strings.Contains(ve.KeywordLocation, "/propertyNames/") {
			what = "field name"
		}
		return "the " + what + " is " + after(msg, "but got ", "") + " characters long; the limit is " + after(msg, "length must be <= ", ",")
	case "pattern":
		p, err := strconv.Unquote(`"` + strings.ReplaceAll(strings.Trim(after(msg, "does not match pattern ", ""), "'"), `"`, `\"`) + `"`)
		if d, ok := patterns[p]; ok && err == nil {
			return d + ", got " + show(v)
		}
		return "got " + show(v) + ", which does not have the expected form"
	case "format":
		if strings.HasSuffix(msg, "'date'") {
			if s, ok := v.(string); ok && dateShape.MatchString(s) {
				return show(v) + " is not a calendar date"
			}
			return "expected a date as YYYY-MM-DD, got " + show(v)
		}
	case "required":
		fields := strings.ReplaceAll(strings.TrimPrefix(msg, "missing properties: "), "'", `"`)
		if strings.Contains(fields, ",") {
			return "missing required fields " + fields
		}
		return "missing required field " + fields
	case "additionalProperties":
		// The validator lists the fields in map order; sort them so that
		// the same file always gives the same message.
		names := strings.Split(strings.TrimSuffix(strings.TrimPrefix(msg, "additionalProperties "), " not allowed"), ", ")
		sort.Strings(names)
		fields := strings.ReplaceAll(strings.Join(names, ", "), "'", `"`)
		if len(names) > 1 {
			return "unknown fields " + fields
		}
		return "unknown field " + fields
	}
	return strings.ReplaceAll(msg, "'", `"`)
}

var dateShape = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// after returns the part of s after prefix, up to stop ("" for the rest).
func after(s, prefix, stop string) string {
	i := strings.Index(s, prefix)
	if i < 0 {
		return s
	}
	s = s[i+len(prefix):]
	if stop != "" {
		if j := strings.Index(s, stop); j >= 0 {
			s = s[:j]
		}
	}
	return strings.TrimSpace(s)
}

// number prints a number from a validator message in plain decimal.
func number(s string) string {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// show prints a JSON value for a message: scalars as JSON, containers by
// kind.
func show(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		if len(x) > 60 {
			x = x[:57] + "..."
		}
		b, _ := json.Marshal(x)
		return string(b)
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	}
	return fmt.Sprint(v)
}

// valueAt returns the value at a JSON pointer in a decoded document.
func valueAt(root any, pointer string) (any, bool) {
	if pointer == "" {
		return root, true
	}
	v := root
	for _, seg := range strings.Split(pointer[1:], "/") {
		seg = strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
		switch c := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = c[seg]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			v = c[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// fieldName returns the last segment of a JSON pointer, unescaped.
func fieldName(pointer string) string {
	seg := pointer[strings.LastIndexByte(pointer, '/')+1:]
	return strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
}

func dedupe(in problem.List) problem.List {
	var out problem.List
	seen := map[problem.Problem]bool{}
	for _, e := range in {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

// patterns describe the schemas' regular expressions in words.
var patterns = map[string]string{
	`^[0-9]+\.[0-9]+\.[0-9]+$`:             "expected a version such as 1.0.0",
	`^[A-Z]{2}$`:                           "expected an ISO 3166-1 alpha-2 code: two capital letters such as JM or XC",
	`^[a-z]{2,3}(-[A-Z]{2})?$`:             "expected a language code such as en, es or pt-BR",
	`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`:    "expected an ID of up to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit",
	`^[a-z0-9]+(-[a-z0-9]+)*$`:             "expected a lower-case ID with hyphens, such as lead-cyber-agency",
	`^[A-Z]{2,5}$`:                         "expected a pillar ID of 2-5 capital letters, such as GOV",
	`^[A-Z]{2,5}\.[A-Z]{2,5}$`:             "expected an area ID such as GOV.STR",
	`^[A-Z]{2,5}\.[A-Z]{2,5}\.[0-9]{1,2}$`: "expected an indicator ID such as GOV.STR.1",
	`^[a-z]+:[0-9]{4}:[A-Za-z0-9.-]+$`:     "expected a crosswalk reference such as cmm:2021:D1.2",
	`^[a-z]+:[0-9]{4}$`:                    "expected a framework ID such as cmm:2021",
	`^[0-9]+$`:                             "expected a major version number such as 1",
	`^[a-z0-9-]+\.json$`:                   "expected a file name such as gov.json",
	`^[A-Z]{3}$`:                           "expected an ISO 4217 currency code: three capital letters such as USD or XCD",
	`^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$`: "expected a date as YYYY-MM-DD, YYYY-MM or YYYY",
}

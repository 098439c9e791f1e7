package strategy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strconv"

	"github.com/ncskit/ncskit/assess"
)

// DataText is one person-readable text of the embedded data files (the
// templates and the action library), with the place it is written.
type DataText struct {
	// File is the data file, "templates/common.json" or
	// "actions/gov.json".
	File string
	// Key is the text's path through the file, list elements named by
	// their "id" in brackets when they have one, else by index:
	// "/labels/ch.summary", "/actions/[IRC.MAN.a1]/kpi/name".
	Key  string
	Text assess.Text
}

// Where is the file and key of the text, "templates/common.json/labels/and".
func (d DataText) Where() string { return d.File + d.Key }

// DataTexts returns every text of the embedded templates and action
// library, by file and then by key (object members in name order). A text is an object
// whose members are all strings named by a language code and that has
// "en"; an "en" left empty is a text that is left out, not one to
// translate.
func DataTexts() ([]DataText, error) {
	var out []DataText
	for _, pattern := range []string{"templates/*.json", "actions/*.json"} {
		files, err := fs.Glob(embedded, pattern)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			data, err := fs.ReadFile(embedded, f)
			if err != nil {
				return nil, err
			}
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.UseNumber()
			var v any
			if err := dec.Decode(&v); err != nil {
				return nil, fmt.Errorf("%s: %w", f, err)
			}
			walkTexts(v, "", func(key string, t assess.Text) {
				out = append(out, DataText{File: f, Key: key, Text: t})
			})
		}
	}
	return out, nil
}

// walkTexts calls f for every text in v, object members in name order.
func walkTexts(v any, key string, f func(string, assess.Text)) {
	switch v := v.(type) {
	case map[string]any:
		if t, ok := asText(v); ok {
			f(key, t)
			return
		}
		names := make([]string, 0, len(v))
		for k := range v {
			names = append(names, k)
		}
		slices.Sort(names)
		for _, k := range names {
			walkTexts(v[k], key+"/"+k, f)
		}
	case []any:
		for i, e := range v {
			name := strconv.Itoa(i)
			if o, ok := e.(map[string]any); ok {
				if id, ok := o["id"].(string); ok {
					name = "[" + id + "]"
				}
			}
			walkTexts(e, key+"/"+name, f)
		}
	}
}

// asText returns the object o as a text when it is one.
func asText(o map[string]any) (assess.Text, bool) {
	if _, ok := o["en"]; !ok {
		return nil, false
	}
	t := assess.Text{}
	for k, v := range o {
		s, ok := v.(string)
		if !ok || !isLangCode(k) {
			return nil, false
		}
		t[k] = s
	}
	return t, true
}

func isLangCode(s string) bool {
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}

package strategy

import (
	"cmp"
	"encoding/json"
	"reflect"
	"slices"

	"github.com/ncskit/ncskit/assess"
)

// Texts returns every text of the template: its name, description and
// overrides, and the common text it draws on (labels, sentences,
// vocabularies, principles, glossary). The texts are the template's own
// maps: a caller that changes them changes the template, so it works on
// a Clone.
func (t *Template) Texts() []assess.Text {
	var out []assess.Text
	collectTexts(reflect.ValueOf(t).Elem(), &out)
	if t.common != nil {
		collectTexts(reflect.ValueOf(t.common).Elem(), &out)
	}
	return out
}

// Clone returns a deep copy of the template and of its common text.
func (t *Template) Clone() (*Template, error) {
	c := new(Template)
	if err := deepCopy(t, c); err != nil {
		return nil, err
	}
	if t.common != nil {
		c.common = new(Common)
		if err := deepCopy(t.common, c.common); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// Texts returns every text of the library's actions, as the library's
// own maps (see Template.Texts).
func (l *Library) Texts() []assess.Text {
	var out []assess.Text
	collectTexts(reflect.ValueOf(l.Actions), &out)
	return out
}

// Clone returns a deep copy of the library.
func (l *Library) Clone() (*Library, error) {
	c := &Library{byID: map[string]*LibraryAction{}}
	if err := deepCopy(l.Actions, &c.Actions); err != nil {
		return nil, err
	}
	for _, a := range c.Actions {
		c.byID[a.ID] = a
	}
	return c, nil
}

func deepCopy(from, to any) error {
	data, err := json.Marshal(from)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, to)
}

var textType = reflect.TypeFor[assess.Text]()

// collectTexts appends every non-empty assess.Text reachable from v
// through exported fields, pointers, slices and maps, in a stable order.
func collectTexts(v reflect.Value, out *[]assess.Text) {
	if v.Type() == textType {
		if v.Len() > 0 {
			*out = append(*out, v.Interface().(assess.Text))
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			collectTexts(v.Elem(), out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				collectTexts(v.Field(i), out)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			collectTexts(v.Index(i), out)
		}
	case reflect.Map:
		keys := v.MapKeys()
		if v.Type().Key().Kind() == reflect.String {
			slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.String(), b.String()) })
		}
		for _, k := range keys {
			collectTexts(v.MapIndex(k), out)
		}
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sync"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/strategy"
)

// The page needs the model, the names of the templates and the model's
// reference before it can show its first screen, and it needs none of the
// scoring machinery until a session is scored. So the answers of "info",
// "model" and "vocab" are made from the embedded files as they are, and
// the model is decoded (assess.Default) on the first scoring, validation
// or export. Go's JSON decoder is slow in WebAssembly (about a
// microsecond a byte in the browser's baseline compiler), so the 600 KB
// of the model's pillar files are passed on as they are, never scanned:
// the page reads them with its own JSON parser, once, in the form it
// uses.

// modelFiles is the embedded default model as the page receives it: the
// top-level fields of model.json, by name, each as its JSON text, with
// "include" replaced by "pillars", the included pillar files in order.
// Every file is proven valid by the tests of package assess, and
// TestModelJSON shows that the document equals the JSON encoding of
// assess.Default().
type modelFiles struct {
	fields map[string]json.RawMessage
	head   modelHead
}

// modelHead is what "info" and "vocab" need of the model.
type modelHead struct {
	ID        string   `json:"id"`
	Version   string   `json:"version"`
	Languages []string `json:"languages"`
}

var defaultModelFiles = sync.OnceValues(func() (*modelFiles, error) {
	return readModelFiles(assess.EmbeddedFS(), "model/model.json")
})

// readModelFiles reads model file name in fsys and the pillar files it
// includes, without decoding the model. A pillar file is checked only for
// the shape of an object: the page's parser reports anything else.
func readModelFiles(fsys fs.FS, name string) (*modelFiles, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	m := &modelFiles{}
	if err := json.Unmarshal(data, &m.fields); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	var include []string
	for _, f := range []struct {
		name string
		v    any
	}{{"id", &m.head.ID}, {"version", &m.head.Version}, {"languages", &m.head.Languages}, {"include", &include}} {
		if raw, ok := m.fields[f.name]; ok {
			if err := json.Unmarshal(raw, f.v); err != nil {
				return nil, fmt.Errorf("%s: /%s: %v", name, f.name, err)
			}
		}
	}
	if len(include) == 0 {
		return nil, fmt.Errorf("%s: the default model lists its pillar files under /include", name)
	}
	var pillars bytes.Buffer
	pillars.WriteByte('[')
	for i, inc := range include {
		file := path.Join(path.Dir(name), inc)
		p, err := fs.ReadFile(fsys, file)
		if err != nil {
			return nil, err
		}
		p = bytes.TrimSpace(p)
		if len(p) < 2 || p[0] != '{' || p[len(p)-1] != '}' {
			return nil, fmt.Errorf("%s: not a JSON object", file)
		}
		if i > 0 {
			pillars.WriteByte(',')
		}
		pillars.Write(p)
	}
	pillars.WriteByte(']')
	delete(m.fields, "include")
	m.fields["pillars"] = pillars.Bytes()
	return m, nil
}

// json writes the model as one JSON object, its fields in name order.
func (m *modelFiles) json() []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range slices.Sorted(maps.Keys(m.fields)) {
		if i > 0 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(k)
		b.Write(key)
		b.WriteByte(':')
		b.Write(bytes.TrimSpace(m.fields[k]))
	}
	b.WriteByte('}')
	return b.Bytes()
}

// templateHead is what "vocab" needs of a template: its name and
// description, read from the template's own file (the common text that
// a draft joins it with is read on the first draft).
type templateHead struct {
	Name        assess.Text `json:"name"`
	Description assess.Text `json:"description"`
}

// templateHeads are the names and descriptions of the embedded templates,
// in the order of strategy.Templates, read once.
var templateHeads = sync.OnceValues(func() ([]*templateHead, error) {
	var out []*templateHead
	for _, id := range strategy.Templates {
		h, err := defaultTemplateHead(id)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, nil
})

// defaultTemplateHead reads the name and description of the embedded
// template id.
func defaultTemplateHead(id string) (*templateHead, error) {
	if !slices.Contains(strategy.Templates, id) {
		return nil, fmt.Errorf("unknown template %q", id)
	}
	name := "templates/" + id + ".json"
	data, err := fs.ReadFile(strategy.EmbeddedFS(), name)
	if err != nil {
		return nil, err
	}
	var h templateHead
	if err := json.Unmarshal(data, &h); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return &h, nil
}

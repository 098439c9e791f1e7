package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sync"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/strategy"
)

// ModelFiles is the default model as the page receives it. Doc is one
// JSON object: the fields of model.json in name order with "include"
// replaced by "pillars", the included pillar files in order, copied once
// into a buffer of their size (an allocation of some megabytes more
// would cost the engine's start a garbage collection). Every file is
// proven valid by the tests of package assess, and TestModelJSON shows
// that the document equals the JSON encoding of assess.Default().
type ModelFiles struct {
	Doc  []byte
	Head ModelHead
}

// ModelHead is what "info" and "vocab" need of the model.
type ModelHead struct {
	ID        string   `json:"id"`
	Version   string   `json:"version"`
	Languages []string `json:"languages"`
}

// ReadModelFiles reads model file name in fsys and the pillar files it
// includes, without decoding the model. A pillar file is checked only for
// the shape of an object: the page's parser reports anything else.
func ReadModelFiles(fsys fs.FS, name string) (*ModelFiles, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	m := &ModelFiles{}
	var include []string
	for _, f := range []struct {
		name string
		v    any
	}{{"id", &m.Head.ID}, {"version", &m.Head.Version}, {"languages", &m.Head.Languages}, {"include", &include}} {
		if raw, ok := fields[f.name]; ok {
			if err := json.Unmarshal(raw, f.v); err != nil {
				return nil, fmt.Errorf("%s: /%s: %v", name, f.name, err)
			}
		}
	}
	if len(include) == 0 {
		return nil, fmt.Errorf("%s: the default model lists its pillar files under /include", name)
	}
	delete(fields, "include")
	files := make([]string, len(include))
	size := len(data) + len(include) + 16
	for i, inc := range include {
		files[i] = path.Join(path.Dir(name), inc)
		info, err := fs.Stat(fsys, files[i])
		if err != nil {
			return nil, err
		}
		size += int(info.Size())
	}
	doc := make([]byte, 0, size)
	doc = append(doc, '{')
	keys := slices.Sorted(maps.Keys(fields))
	keys = append(keys, "pillars")
	slices.Sort(keys)
	for i, k := range keys {
		if i > 0 {
			doc = append(doc, ',')
		}
		key, _ := json.Marshal(k)
		doc = append(append(doc, key...), ':')
		if k != "pillars" {
			doc = append(doc, bytes.TrimSpace(fields[k])...)
			continue
		}
		doc = append(doc, '[')
		for j, file := range files {
			if j > 0 {
				doc = append(doc, ',')
			}
			if doc, err = appendObject(doc, fsys, file); err != nil {
				return nil, err
			}
		}
		doc = append(doc, ']')
	}
	m.Doc = append(doc, '}')
	return m, nil
}

// appendObject appends file, which must hold one JSON object, to doc.
func appendObject(doc []byte, fsys fs.FS, file string) ([]byte, error) {
	f, err := fsys.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	at := len(doc)
	for {
		if len(doc) == cap(doc) {
			doc = slices.Grow(doc, 4096)
		}
		n, err := f.Read(doc[len(doc):cap(doc)])
		doc = doc[:len(doc)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", file, err)
		}
	}
	doc = doc[:at+len(bytes.TrimRight(doc[at:], " \t\r\n"))]
	obj := bytes.TrimLeft(doc[at:], " \t\r\n")
	if len(obj) < 2 || obj[0] != '{' || obj[len(obj)-1] != '}' {
		return nil, fmt.Errorf("%s: not a JSON object", file)
	}
	return doc, nil
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

package load_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/problem"
	"github.com/ncskit/ncskit/schemas"
	"github.com/ncskit/ncskit/strategy"
	"github.com/rogpeppe/go-internal/txtar"
)

// wholeFile are the beginnings of the messages that may come without a
// place: those about the file as a whole. Every other problem must be
// located in the file.
var wholeFile = []string{
	"the file is empty", // nothing but spaces
	"the file is ",      // beyond schemas.MaxSize: "the file is 9.0 MiB ..."
	"line ",             // invalid JSON, deeper than schemas.MaxDepth, data after the value
	"invalid JSON: ",    // invalid JSON where no line is known
	"more problems of this kind are not listed", // the end of a long list
	"missing required field",                    // the document itself: "missing required fields ..."
	"unknown field",                             // the document itself: "unknown field ..."
	"expected an object, got ",                  // the document is not an object
	"a model needs exactly one of",              // a model with both or neither of pillars and include
}

// located checks that err is a problem.List whose problems all name the
// file and are located: each At is a JSON pointer that resolves in data,
// or empty for a problem of the file as a whole (wholeFile) or of a
// document that is a single value rather than an object.
func located(t *testing.T, name string, data []byte, err error) {
	t.Helper()
	var l problem.List
	if !errors.As(err, &l) {
		t.Fatalf("the error is a %T, not a problem.List: %v", err, err)
	}
	if len(l) == 0 {
		t.Fatal("an empty problem list")
	}
	doc := parsed(data)
	for _, p := range l {
		if p.File != name {
			t.Errorf("%q: names the file %q, want %q", p, p.File, name)
		}
		if p.Message == "" {
			t.Errorf("%q: no message", p)
		}
		if p.At == "" {
			if _, isObject := doc.(map[string]any); doc != nil && !isObject {
				continue // the document is one value, and the problem is with it
			}
			if !hasPrefix(p.Message, wholeFile) {
				t.Errorf("%q: not located, and not about the whole file", p)
			}
			continue
		}
		if doc == nil || !resolves(doc, p.At) {
			t.Errorf("%q: %q does not resolve in the input", p, p.At)
		}
	}
}

// parsed returns the document as the loaders read it (without a
// byte-order mark, integral numbers as integers), or nil when data is
// not JSON.
func parsed(data []byte) any {
	clean, _ := schemas.Check(schemas.Assessment, data)
	if clean == nil {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(clean))
	dec.UseNumber()
	var doc any
	if dec.Decode(&doc) != nil {
		return nil
	}
	return doc
}

func hasPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// resolves reports whether the JSON pointer at names a value of doc (see
// parsed).
func resolves(doc any, at string) bool {
	if !strings.HasPrefix(at, "/") {
		return false
	}
	v := doc
	for _, seg := range strings.Split(at[1:], "/") {
		seg = strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
		switch c := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = c[seg]; !ok {
				return false
			}
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(c) || strconv.Itoa(i) != seg {
				return false
			}
			v = c[i]
		default:
			return false
		}
	}
	return true
}

// corpus returns the sections called name of the invalid corpus.
func corpus(tb testing.TB, name string) [][]byte {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "invalid", "*.txtar"))
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]byte
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		if data, ok := section(txtar.Parse(raw), name); ok {
			out = append(out, data)
		}
	}
	return out
}

// FuzzModel checks that load.Model never panics, that its problems are
// located, and that a model that loads can score an empty assessment.
//
// The seeds are the models of the invalid corpus, a small valid model cut
// from the default one, and the default model whole.
func FuzzModel(f *testing.F) {
	for _, data := range corpus(f, "model.json") {
		f.Add(data)
	}
	f.Add(smallModel(f))
	whole, err := json.Marshal(assess.Default())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(whole)
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := load.Model("fuzz.json", data)
		if err != nil {
			if m != nil {
				t.Error("returned a model together with an error")
			}
			located(t, "fuzz.json", data, err)
			return
		}
		a := &assess.Assessment{SchemaVersion: assess.SchemaVersion, Model: assess.ModelRef{ID: m.ID, Version: m.Version}}
		if _, err := assess.Score(m, a); err != nil {
			t.Fatalf("loaded, but cannot score an empty assessment:\n%v", err)
		}
	})
}

// smallModel returns the default model cut to its first pillar's first
// two areas, without the references to what is cut: a valid model of a
// few KB.
func smallModel(tb testing.TB) []byte {
	tb.Helper()
	data, err := json.Marshal(assess.Default())
	if err != nil {
		tb.Fatal(err)
	}
	var m assess.Model
	if err := json.Unmarshal(data, &m); err != nil {
		tb.Fatal(err)
	}
	p := m.Pillars[0]
	p.Areas = p.Areas[:2]
	m.Pillars = m.Pillars[:1]
	ids := map[string]bool{p.ID: true}
	for _, a := range p.Areas {
		ids[a.ID] = true
		for _, in := range a.Indicators {
			ids[in.ID] = true
		}
	}
	for _, a := range p.Areas {
		for _, in := range a.Indicators {
			var deps []string
			for _, d := range in.DependsOn {
				if ids[d] {
					deps = append(deps, d)
				}
			}
			in.DependsOn = append([]string{}, deps...)
		}
	}
	for i := range m.TargetProfiles {
		for k := range m.TargetProfiles[i].Targets {
			if !ids[k] {
				delete(m.TargetProfiles[i].Targets, k)
			}
		}
	}
	m.Migrations = nil
	if data, err = json.Marshal(&m); err != nil {
		tb.Fatal(err)
	}
	if _, err := load.Model("small.json", data); err != nil {
		tb.Fatalf("the small model does not load:\n%v", err)
	}
	return data
}

// FuzzTemplate checks that load.Template never panics and that its
// problems are located. The seeds are the embedded templates.
func FuzzTemplate(f *testing.F) {
	for _, id := range strategy.Templates {
		data, err := fs.ReadFile(strategy.EmbeddedFS(), "templates/"+id+".json")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"id": "t", "version": "1.0.0", "name": {"en": "T"}, "periodYears": 5, "text": {"summary.vision": {"en": "By {horizonYear}, {country} ..."}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tp, err := load.Template("fuzz.json", data)
		if err != nil {
			if tp != nil {
				t.Error("returned a template together with an error")
			}
			located(t, "fuzz.json", data, err)
		}
	})
}

// FuzzSession checks that load.ReadSession never panics, that its
// problems are located in the session file, and that the assessment of a
// session that loads can be scored. The seeds are session files around a
// slim copy of each example (see drafttest.Slim), with a log and a
// snapshot, and the broken sessions of the session tests.
func FuzzSession(f *testing.F) {
	m := assess.Default()
	for _, file := range examples(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		a, err := load.Assessment(file, data, m)
		if err != nil {
			f.Fatal(err)
		}
		slim := string(drafttest.Slim(f, a))
		f.Add([]byte(`{"format": "ncskit-session", "version": 1, "id": "s1", "name": "Day 1",
  "created": "2026-10-14T09:00:00Z", "updated": "2026-10-14T10:00:00Z", "template": "national",
  "assessment": ` + slim + `,
  "log": [{"seq": 1, "at": "2026-10-14T09:05:00Z", "what": "level", "pointer": "/responses/0/level", "indicator": "GOV.STR.1", "respondent": "r1", "value": 2, "note": "n"}],
  "snapshots": [{"name": "end of day", "at": "2026-10-14T10:00:00Z", "seq": 1, "assessment": ` + slim + `}]}`))
	}
	f.Add([]byte(`{"format": "ncskit-session", "version": 2, "log": [{"seq": 2}], "snapshots": [{"seq": 9}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := load.ReadSession("fuzz.json", data, m)
		if err != nil {
			if s != nil {
				t.Error("returned a session together with an error")
			}
			located(t, "fuzz.json", data, err)
			return
		}
		if _, err := assess.Score(m, s.Assessment); err != nil {
			t.Fatalf("loaded, but assess.Score failed:\n%v", err)
		}
	})
}

package drafting_test

import (
	"bytes"
	"os"
	"testing"
	"unicode/utf8"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafting"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/render/html"
	"github.com/ncskit/ncskit/render/markdown"
	"github.com/ncskit/ncskit/strategy"
)

// FuzzDraft checks that every assessment that loads gives a draft that
// the Markdown and HTML renderers write without an error or a panic, as
// valid UTF-8. The input is an assessment file; what does not load is
// the concern of the loader's fuzzer (load.FuzzAssessment). The seeds are
// a slim copy of each example (see drafttest.Slim) and the examples.
func FuzzDraft(f *testing.F) {
	m := assess.Default()
	var full [][]byte
	for _, name := range drafttest.Examples {
		data, err := os.ReadFile(drafttest.ExamplesDir() + "/" + name + ".json")
		if err != nil {
			f.Fatal(err)
		}
		a, err := load.Assessment(name, data, m)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(drafttest.Slim(f, a))
		full = append(full, data)
	}
	for _, data := range full {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := load.Assessment("fuzz.json", data, m)
		if err != nil {
			return
		}
		res, err := assess.Score(m, a)
		if err != nil {
			t.Fatalf("loaded, but assess.Score failed:\n%v", err)
		}
		tp, err := drafting.Template("", a.Profile)
		if err != nil {
			t.Fatal(err)
		}
		d, err := strategy.Build(m, a, res, tp, nil)
		if err != nil {
			t.Fatalf("strategy.Build: %v", err)
		}
		var md, page bytes.Buffer
		if err := markdown.Encode(&md, d, nil); err != nil {
			t.Fatalf("markdown.Encode: %v", err)
		}
		if err := html.Encode(&page, d, nil); err != nil {
			t.Fatalf("html.Encode: %v", err)
		}
		for name, out := range map[string][]byte{"Markdown": md.Bytes(), "HTML": page.Bytes()} {
			if len(out) == 0 || !utf8.Valid(out) {
				t.Errorf("the %s draft is empty or not valid UTF-8 (%d bytes)", name, len(out))
			}
		}
	})
}

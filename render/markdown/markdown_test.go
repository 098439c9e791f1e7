package markdown_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/render/markdown"
	"github.com/ncskit/ncskit/strategy"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestEveryBlockKind(t *testing.T) {
	kinds := markdown.Kinds()
	d := &strategy.Draft{Labels: strategy.Labels{}}
	for _, b := range strategy.BlockKinds {
		if !slices.Contains(kinds, b.Kind()) {
			t.Errorf("no renderer for block kind %q", b.Kind())
		}
		d.Blocks = append(d.Blocks, b)
	}
	var buf bytes.Buffer
	if err := markdown.Encode(&buf, d, nil); err != nil {
		t.Fatal(err)
	}
}

// TestGolden compares the Markdown drafts of the examples with
// testdata/NAME.md; go test -update rewrites them. Read the diff before
// committing: it is the draft a ministry will read.
func TestGolden(t *testing.T) {
	for _, name := range drafttest.Examples {
		var buf bytes.Buffer
		if err := markdown.Encode(&buf, drafttest.Draft(t, name), nil); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join("testdata", name+".md")
		if *update {
			if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != string(want) {
			gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
			for i := 0; i < len(gl) && i < len(wl); i++ {
				if gl[i] != wl[i] {
					t.Errorf("%s differs from the golden file at line %d:\n got: %s\nwant: %s\n(go test -update rewrites it)", file, i+1, gl[i], wl[i])
					break
				}
			}
			if len(gl) != len(wl) {
				t.Errorf("%s: %d lines, golden has %d", file, len(gl), len(wl))
			}
		}
	}
}

func TestEscapesMarkup(t *testing.T) {
	data := drafttest.Hostile(t, "small-island", func(key, old string) string {
		return "<script>x</script> *bold* [link](http://x) | pipe # " + key
	})
	a, r := drafttest.Parse(t, "hostile.json", data)
	var buf bytes.Buffer
	if err := markdown.Encode(&buf, drafttest.Build(t, a, r), nil); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script>", "[link](http", " *bold* "} {
		if strings.Contains(out, bad) {
			t.Errorf("the output contains unescaped %q", bad)
		}
	}
}

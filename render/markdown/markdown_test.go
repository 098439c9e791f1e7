package markdown_test

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/golden"

	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/render/markdown"
	"github.com/ncskit/ncskit/strategy"
)

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
		golden.Check(t, filepath.Join("testdata", name+".md"), buf.Bytes())
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

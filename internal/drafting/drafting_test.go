package drafting_test

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafting"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/render/markdown"
	"github.com/ncskit/ncskit/strategy"
)

func TestMake(t *testing.T) {
	if got := drafting.Formats(); !slices.Equal(got, []string{"docx", "html", "json", "md", "pdf", "xlsx"}) {
		t.Errorf("formats %q", got)
	}
	data, err := os.ReadFile("../../examples/larger-state.json")
	if err != nil {
		t.Fatal(err)
	}
	m := assess.Default()
	a, err := load.Assessment("larger-state.json", data, m)
	if err != nil {
		t.Fatal(err)
	}
	tm, err := drafting.Template("", a.Profile)
	if err != nil || tm.ID != "national" {
		t.Fatalf("template %v, %v", tm, err)
	}
	// Make is assess.Score, strategy.Build and the renderer.
	got, err := drafting.Make(m, a, tm, &drafting.Options{Format: "md", Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	res, _ := assess.Score(m, a)
	d, err := strategy.Build(m, a, res, tm, &strategy.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := markdown.Encode(&want, d, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Error("Make differs from Score, Build and markdown.Encode")
	}
	js, err := drafting.Make(m, a, tm, &drafting.Options{Format: "json"})
	if err != nil || !bytes.HasPrefix(js, []byte("{\n  \"meta\": {")) || !bytes.HasSuffix(js, []byte("}\n")) {
		t.Errorf("json draft: %v %.20q", err, js)
	}
	if _, err := drafting.Make(m, a, tm, &drafting.Options{Format: "odt"}); err == nil || err.Error() != `unknown draft format "odt" (known: docx, html, json, md, pdf, xlsx)` {
		t.Errorf("error %v", err)
	}
	if _, err := drafting.Template("global", a.Profile); err == nil {
		t.Error("an unknown template was found")
	}
}

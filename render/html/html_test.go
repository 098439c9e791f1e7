package html_test

import (
	"bytes"
	stdhtml "html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/render/html"
	"github.com/ncskit/ncskit/strategy"
)

func TestEveryBlockKind(t *testing.T) {
	kinds := html.Kinds()
	d := &strategy.Draft{Labels: strategy.Labels{}}
	for _, b := range strategy.BlockKinds {
		if !slices.Contains(kinds, b.Kind()) {
			t.Errorf("no renderer for block kind %q", b.Kind())
		}
		d.Blocks = append(d.Blocks, b)
	}
	var buf bytes.Buffer
	if err := html.Encode(&buf, d, nil); err != nil {
		t.Fatal(err)
	}
}

// TestEscapesAssessmentText puts script and markup payloads in every
// free-text field of an example and checks that none survives as markup.
func TestEscapesAssessmentText(t *testing.T) {
	payloads := []string{
		`<script>window.__xss=1</script>`,
		`"><img src=x onerror="window.__xss=1">`,
		`' onmouseover='window.__xss=1`,
		`</style><svg onload=window.__xss=1>{country}`,
	}
	for i, p := range payloads {
		n := 0
		data := drafttest.Hostile(t, "small-island", func(key, old string) string {
			n++
			return p + " " + key
		})
		a, r := drafttest.Parse(t, "hostile.json", data)
		d := drafttest.Build(t, a, r)
		var buf bytes.Buffer
		if err := html.Encode(&buf, d, nil); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, bad := range []string{"<script", "<svg onload", "</style><", "onmouseover='"} {
			if strings.Contains(out, bad) {
				t.Errorf("payload %d: the output contains %q", i, bad)
			}
		}
		if m := eventHandler.FindString(out); m != "" {
			t.Errorf("payload %d: a tag with an event handler: %q", i, m)
		}
		// The only images are the charts, as data URIs.
		if n := strings.Count(out, "<img"); n != strings.Count(out, `<img src="data:image/svg+xml;base64,`) {
			t.Errorf("payload %d: %d images, not all of them charts", i, n)
		}
		if !strings.Contains(out, stdhtml.EscapeString(p)) {
			t.Errorf("payload %d: its escaped form is not in the page; were the fields replaced (%d)?", i, n)
		}
	}
}

// eventHandler finds a tag that carries an on… attribute.
var eventHandler = regexp.MustCompile(`<[a-zA-Z][^<>]*\son[a-z]+\s*=`)

func TestSelfContained(t *testing.T) {
	d := drafttest.Draft(t, "larger-state")
	var buf bytes.Buffer
	if err := html.Encode(&buf, d, nil); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"http://", "https://", "<link", "<script", "@import", "url("} {
		if strings.Contains(strings.ReplaceAll(out, `xmlns="http://www.w3.org/2000/svg"`, ""), bad) {
			t.Errorf("the page refers to an external resource: %q", bad)
		}
	}
	for _, want := range []string{"República de Solandía", `<img src="data:image/svg+xml;base64,`, "t-raci", "raci-a"} {
		if !strings.Contains(out, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

func BenchmarkEncode(b *testing.B) {
	for _, name := range drafttest.Examples {
		d := drafttest.Draft(b, name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := html.Encode(&buf, d, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
	}
}

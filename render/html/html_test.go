package html_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	stdhtml "html"
	"os"
	"path/filepath"
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

// TestRadarNotAssessed draws the radar of an assessment in which nobody
// answered the OUT pillar: its areas are marked "not assessed", the
// current line breaks there instead of dropping to the centre, and it is
// not filled.
func TestRadarNotAssessed(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(drafttest.ExamplesDir(), "small-island.json"))
	if err != nil {
		t.Fatal(err)
	}
	var a map[string]any
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	var kept []any
	for _, r := range a["responses"].([]any) {
		if !strings.HasPrefix(r.(map[string]any)["indicator"].(string), "OUT.") {
			kept = append(kept, r)
		}
	}
	a["responses"] = kept
	delete(a, "decisions") // agreed levels would assess OUT indicators too
	data, _ = json.Marshal(a)
	pa, pr := drafttest.Parse(t, "partial.json", data)
	d := drafttest.Build(t, pa, pr)
	var chart strategy.Chart
	for _, b := range d.Blocks {
		if c, ok := b.(strategy.Chart); ok && c.Type == "radar" {
			chart = c
		}
	}
	var outAreas []int
	for i, l := range chart.Labels {
		if strings.HasPrefix(l, "OUT.") {
			outAreas = append(outAreas, i)
		}
	}
	if len(outAreas) == 0 || !slices.Equal(chart.Series[0].Missing, outAreas) {
		t.Fatalf("missing values %v, want the OUT areas %v of %q", chart.Series[0].Missing, outAreas, chart.Labels)
	}
	var buf bytes.Buffer
	if err := html.Encode(&buf, d, nil); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<img src="data:image/svg\+xml;base64,([^"]+)"`).FindAllStringSubmatch(buf.String(), -1)
	var svg string
	for _, g := range m {
		b, _ := base64.StdEncoding.DecodeString(g[1])
		if strings.Contains(string(b), chart.Labels[0]) && strings.Contains(string(b), "<polygon") {
			svg = string(b)
		}
	}
	if n := strings.Count(svg, ">not assessed</text>"); n != len(outAreas) {
		t.Errorf("%d axes marked not assessed, want %d:\n%s", n, len(outAreas), svg)
	}
	// The centre is 260,250: the current line never goes there.
	if strings.Contains(svg, "260.0,250.0") {
		t.Errorf("a line goes to the centre of the radar:\n%s", svg)
	}
	if !strings.Contains(svg, `<path d="M`) || regexp.MustCompile(`<polygon [^>]*fill="#1f3a5f"`).MatchString(svg) {
		t.Errorf("the current line is not drawn as separate unfilled lines:\n%s", svg)
	}
	if err := xml.Unmarshal([]byte(svg), new(any)); err != nil {
		t.Errorf("the radar is not well-formed SVG: %v", err)
	}
}

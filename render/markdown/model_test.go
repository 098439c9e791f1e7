package markdown_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/render/markdown"
)

// TestEncodeModel checks that the model reference has a heading for
// every pillar, area and indicator and a row for every level.
func TestEncodeModel(t *testing.T) {
	m := assess.Default()
	var buf bytes.Buffer
	if err := markdown.EncodeModel(&buf, m, "en"); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, p := range m.Pillars {
		for _, a := range p.Areas {
			if !strings.Contains(out, "\n### "+a.ID+" ") {
				t.Errorf("no heading for area %s", a.ID)
			}
			for _, in := range a.Indicators {
				if !strings.Contains(out, "\n#### "+in.ID+" ") {
					t.Errorf("no heading for indicator %s", in.ID)
				}
			}
		}
	}
	if n, want := strings.Count(out, "\n| 5 "), len(m.Indicators()); n != want {
		t.Errorf("%d rows for level 5, want one per indicator (%d)", n, want)
	}
}

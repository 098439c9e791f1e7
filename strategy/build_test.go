package strategy_test

import (
	"slices"
	"testing"

	"github.com/ncskit/ncskit/assess"

	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

func TestDefaultLibraryLoads(t *testing.T) {
	if _, err := strategy.DefaultLibrary(); err != nil {
		t.Fatal(err)
	}
}

func TestBuildExamples(t *testing.T) {
	for _, name := range drafttest.Examples {
		d := drafttest.Draft(t, name)
		if len(d.Blocks) == 0 || len(d.Actions) == 0 {
			t.Errorf("%s: %d blocks, %d actions", name, len(d.Blocks), len(d.Actions))
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	for _, name := range drafttest.Examples {
		a, r := drafttest.Assessment(b, name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				drafttest.Build(b, a, r)
			}
		})
	}
}

// TestLibraryCoverage checks the coverage rules of the action library:
// at least three actions per area; for every indicator, a low-band and a
// mid-band action for each template; for every area, a high-band action
// for each template.
func TestLibraryCoverage(t *testing.T) {
	lib, err := strategy.DefaultLibrary()
	if err != nil {
		t.Fatal(err)
	}
	m := assess.Default()
	for _, p := range m.Pillars {
		for _, ar := range p.Areas {
			n := 0
			for _, a := range lib.Actions {
				if a.Area == ar.ID {
					n++
				}
			}
			if n < 3 {
				t.Errorf("%s has %d actions, want at least 3", ar.ID, n)
			}
			for _, tmpl := range strategy.Templates {
				has := func(band, indicator string) bool {
					for _, a := range lib.Actions {
						if a.Area == ar.ID && a.Band == band && a.For(tmpl) && (indicator == "" || slices.Contains(a.Indicators, indicator)) {
							return true
						}
					}
					return false
				}
				if !has("high", "") {
					t.Errorf("%s has no high-band action for %s", ar.ID, tmpl)
				}
				for _, in := range ar.Indicators {
					for _, band := range []string{"low", "mid"} {
						if !has(band, in.ID) {
							t.Errorf("%s has no %s-band action for %s", in.ID, band, tmpl)
						}
					}
				}
			}
		}
	}
}

package strategy_test

import (
	"testing"

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

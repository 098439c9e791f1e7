package region

import (
	"io"
	"testing"

	"github.com/ncskit/ncskit/assess"
)

// BenchmarkRegion builds the regional report of 35 states, each assessed
// three times by 30 respondents, and encodes it as JSON.
func BenchmarkRegion(b *testing.B) {
	m := assess.Default()
	g := generate(b, m, genSet{states: 35, rounds: 3, respondents: 30, seed: 1, partial: true})
	b.ReportAllocs()
	for b.Loop() {
		r, err := Build(m, nil, g.inputs, nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := EncodeJSON(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRegionXLSX encodes the same report as a workbook.
func BenchmarkRegionXLSX(b *testing.B) {
	m := assess.Default()
	g := generate(b, m, genSet{states: 35, rounds: 3, respondents: 30, seed: 1, partial: true})
	r, err := Build(m, nil, g.inputs, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := EncodeXLSX(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}

package region

import (
	"io"
	"testing"
	"time"

	"github.com/ncskit/ncskit/assess"
)

// BenchmarkRegion builds the regional report of 35 states, each assessed
// three times by 30 respondents, and encodes it as JSON. Besides the wall
// time it reports the CPU time per run (cpu-ms/op, user and system), which
// stays meaningful on a machine other programs keep busy.
func BenchmarkRegion(b *testing.B) {
	m := assess.Default()
	g := generate(b, m, genSet{states: 35, rounds: 3, respondents: 30, seed: 1, partial: true})
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		r, err := Build(m, nil, g.inputs, nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := EncodeJSON(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

// reportCPU reports the CPU time used since cpu, per run.
func reportCPU(b *testing.B, cpu time.Duration) {
	if used := cpuTime() - cpu; used > 0 {
		b.ReportMetric(used.Seconds()*1000/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkRegionXLSX encodes the same report as a workbook.
func BenchmarkRegionXLSX(b *testing.B) { benchEncode(b, EncodeXLSX) }

// BenchmarkRegionPDF encodes the same report as a PDF document.
func BenchmarkRegionPDF(b *testing.B) { benchEncode(b, EncodePDF) }

// benchEncode builds the report of BenchmarkRegion once and times enc.
func benchEncode(b *testing.B, enc func(io.Writer, *Report) error) {
	m := assess.Default()
	g := generate(b, m, genSet{states: 35, rounds: 3, respondents: 30, seed: 1, partial: true})
	r, err := Build(m, nil, g.inputs, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if err := enc(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
}

package xlsx

import (
	"bytes"
	"testing"

	"github.com/ncskit/ncskit/internal/drafttest"
)

// BenchmarkEncode writes the workbook of each example; the file size is
// reported as bytes/file.
func BenchmarkEncode(b *testing.B) {
	for _, name := range drafttest.Examples {
		d := drafttest.Draft(b, name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := Encode(&buf, d, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes/file")
		})
	}
}

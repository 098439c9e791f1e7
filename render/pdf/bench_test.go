package pdf

import (
	"bytes"
	"testing"

	"github.com/ncskit/ncskit/internal/drafttest"
)

// BenchmarkEncode renders each example. Besides time and allocations it
// reports the file size and the CPU time per run (cpu-ms/op, user and
// system time of the whole process, garbage collection included), which
// other work on a shared machine disturbs less than wall time.
func BenchmarkEncode(b *testing.B) {
	for _, name := range drafttest.Examples {
		b.Run(name, func(b *testing.B) {
			d := drafttest.Draft(b, name)
			var out bytes.Buffer
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				out.Reset()
				if err := Encode(&out, d, nil); err != nil {
					b.Fatal(err)
				}
			}
			if used := cpuTime() - cpu; used > 0 {
				b.ReportMetric(used.Seconds()*1000/float64(b.N), "cpu-ms/op")
			}
			b.ReportMetric(float64(out.Len())/1024, "KiB")
		})
	}
}

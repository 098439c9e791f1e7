package questionnaire_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/questionnaire"
)

// BenchmarkWrite writes the blank questionnaire of the default model; the
// bytes metric is the size of the file.
func BenchmarkWrite(b *testing.B) {
	m := assess.Default()
	var size int
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := questionnaire.Write(&buf, m, nil); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes")
}

// BenchmarkWritePrefilled writes a questionnaire pre-filled with one
// respondent's answers.
func BenchmarkWritePrefilled(b *testing.B) {
	m, a := assess.Default(), example(b)
	var size int
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := questionnaire.Write(&buf, m, &questionnaire.Options{Prefill: a, Respondent: "r-gov-1"}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes")
}

// BenchmarkImport30 reads 30 filled questionnaires, each answering every
// indicator with evidence, and merges them into one assessment: what
// "ncskit import *.xlsx" does for a full workshop.
func BenchmarkImport30(b *testing.B) {
	m := assess.Default()
	var files [][]byte
	total := 0
	for i := range 30 {
		f := open(b, write(b, nil))
		filledRespondent(b, f, fmt.Sprintf("Respondent %d", i), fmt.Sprintf("Ministry %d", i%7))
		for j, in := range m.Indicators() {
			fill(b, f, in.ID, fmt.Sprintf("%d - %s", 1+(i+j)%5, m.Scale.Name(1+(i+j)%5, "en")), 1+(i+j+1)%5, "National", "medium", "no",
				"Evidence: the annual report of the agency, page 12, and the Cabinet decision of last year.")
		}
		data := save(b, f)
		total += len(data)
		files = append(files, data)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		a := &assess.Assessment{SchemaVersion: assess.SchemaVersion, Model: assess.ModelRef{ID: m.ID, Version: m.Version}}
		var filled []*questionnaire.Filled
		for i, data := range files {
			f, err := questionnaire.Read(fmt.Sprintf("q%d.xlsx", i), bytes.NewReader(data), int64(len(data)), m)
			if err != nil {
				b.Fatal(err)
			}
			filled = append(filled, f)
		}
		if err := questionnaire.Merge(m, a, filled...); err != nil {
			b.Fatal(err)
		}
		if len(a.Responses) != 30*len(m.Indicators()) {
			b.Fatalf("%d responses", len(a.Responses))
		}
	}
	b.ReportMetric(float64(total)/30, "bytes/file")
}

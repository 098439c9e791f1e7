package questionnaire_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ncskit/ncskit/internal/golden"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/questionnaire"
	"github.com/xuri/excelize/v2"
)

var update = golden.Update

// write returns a questionnaire for the default model.
func write(t testing.TB, o *questionnaire.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := questionnaire.Write(&buf, assess.Default(), o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// open opens workbook bytes with excelize.
func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// save returns the bytes of an excelize workbook.
func save(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// read reads questionnaire bytes against the default model.
func read(name string, data []byte) (*questionnaire.Filled, error) {
	return questionnaire.Read(name, bytes.NewReader(data), int64(len(data)), assess.Default())
}

// must runs an excelize call and fails the test on an error.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

var (
	exampleOnce sync.Once
	exampleData []byte
)

// example returns a fresh copy of the small island state's assessment.
func example(t testing.TB) *assess.Assessment {
	t.Helper()
	exampleOnce.Do(func() {
		exampleData, _ = os.ReadFile(filepath.Join("..", "examples", "small-island.json"))
	})
	a, err := load.Assessment("small-island.json", exampleData, assess.Default())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// filledRespondent fills the respondent sheet of an English questionnaire.
func filledRespondent(t testing.TB, f *excelize.File, name, org string) {
	t.Helper()
	must(t, f.SetCellStr("Respondent", "B4", name))
	must(t, f.SetCellStr("Respondent", "B5", org))
}

package load_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/golden"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/problem"
	"github.com/ncskit/ncskit/schemas"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = golden.Update

// TestInvalidCorpus loads every case in testdata/invalid and compares the
// error with the case's want section, byte for byte.
//
// A case is a txtar file: a one-line comment saying what it checks, then
// either "-- input.json --" (loaded with load.Assessment against the
// default model) or "-- model.json --" (loaded with load.Model), then
// "-- want --": the error text exactly as a user sees it, one problem per
// line. go test ./load -run=TestInvalidCorpus -update rewrites the want
// sections; read every changed line before keeping it.
func TestInvalidCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "invalid", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 30 {
		t.Fatalf("found %d cases in testdata/invalid, want at least 30", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runCase(t, file)
		})
	}
}

func runCase(t *testing.T, file string) {
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	ar := txtar.Parse(raw)
	if c := strings.TrimSpace(string(ar.Comment)); c == "" || strings.Contains(c, "\n") {
		t.Errorf("the comment must be one line saying what the case checks, got %q", c)
	}
	name, got := loadCase(t, ar)
	want, ok := section(ar, "want")
	switch {
	case *update:
		setSection(ar, "want", []byte(got+"\n"))
		if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
			t.Fatal(err)
		}
	case !ok:
		t.Fatal("no want section (run with -update to create it)")
	case got+"\n" != string(want):
		t.Errorf("error text differs\ngot:\n%s\nwant:\n%s", got, want)
	}
	for _, line := range strings.Split(got, "\n") {
		msg, ok := strings.CutPrefix(line, name+": ")
		if !ok {
			t.Errorf("line does not start with %q: %q", name+": ", line)
			continue
		}
		if strings.HasSuffix(msg, ".") {
			t.Errorf("message ends with a period: %q", line)
		}
	}
}

// loadCase loads the case's input.json as an assessment against the
// default model, or its model.json as a model, and returns the file name
// and the error text. The load must fail with a problem.List naming the file.
func loadCase(t *testing.T, ar *txtar.Archive) (name, errText string) {
	input, isAssessment := section(ar, "input.json")
	model, isModel := section(ar, "model.json")
	if isAssessment == isModel {
		t.Fatal("a case needs exactly one of input.json and model.json")
	}
	if isModel {
		name = "model.json"
		m, err := load.Model(name, model)
		return name, wantError(t, m != nil, err)
	}
	name = "input.json"
	a, err := load.Assessment(name, input, assess.Default())
	return name, wantError(t, a != nil, err)
}

func wantError(t *testing.T, gotValue bool, err error) string {
	t.Helper()
	if err == nil {
		t.Fatal("loaded without error; the case must be invalid")
	}
	if gotValue {
		t.Error("returned a value together with an error")
	}
	var pl problem.List
	if !errors.As(err, &pl) {
		t.Errorf("error is a %T, not a problem.List", err)
	}
	for _, p := range pl {
		if p.File == "" {
			t.Errorf("problem %q does not name the file", p)
		}
	}
	return err.Error()
}

// TestHugeInput checks that an oversized but otherwise valid assessment
// gives one problem about the size and nothing else.
func TestHugeInput(t *testing.T) {
	const size = 10 << 20
	data := validAssessment(t)
	// Grow the first evidence note, the field a user would grow.
	const field = `"evidence": "`
	i := bytes.Index(data, []byte(field))
	if i < 0 {
		t.Fatal("no evidence note in the example")
	}
	i += len(field)
	var b bytes.Buffer
	b.Write(data[:i])
	b.WriteString(strings.Repeat("x", size-len(data)))
	b.Write(data[i:])
	if b.Len() != size {
		t.Fatalf("generated %d bytes, want %d", b.Len(), size)
	}

	a, err := load.Assessment("huge.json", b.Bytes(), assess.Default())
	if a != nil {
		t.Error("returned an assessment")
	}
	want := fmt.Sprintf("huge.json: the file is %.1f MiB (%d bytes); the limit is %d MiB", float64(size)/(1<<20), size, schemas.MaxSize>>20)
	if err == nil || err.Error() != want {
		t.Errorf("got error\n%v\nwant\n%s", err, want)
	}
}

// TestDeepNesting checks that JSON nested 10,000 levels deep gives one
// clear problem, without a panic or a stack overflow, for assessments and
// for models, whether the brackets are closed or not.
func TestDeepNesting(t *testing.T) {
	const n = 10000
	tests := []struct {
		name string
		data string
		want string
	}{{
		name: "arrays",
		data: `{"schemaVersion": 1, "stakeholders": ` + strings.Repeat("[", n) + strings.Repeat("]", n) + `}`,
		want: "line 1, column 69: JSON nested deeper than 32 levels",
	}, {
		name: "objects",
		data: strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n),
		want: "line 1, column 161: JSON nested deeper than 32 levels",
	}, {
		name: "unclosed",
		data: strings.Repeat("[", n),
		want: "line 1, column 33: JSON nested deeper than 32 levels",
	}, {
		name: "lines",
		data: strings.Repeat("[\n", n) + strings.Repeat("]\n", n),
		want: "line 33, column 1: JSON nested deeper than 32 levels",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := load.Assessment("deep.json", []byte(tt.data), assess.Default())
			if a != nil {
				t.Error("returned an assessment")
			}
			if want := "deep.json: " + tt.want; err == nil || err.Error() != want {
				t.Errorf("load.Assessment: got error\n%v\nwant\n%s", err, want)
			}
			m, err := load.Model("deep.json", []byte(tt.data))
			if m != nil {
				t.Error("returned a model")
			}
			if want := "deep.json: " + tt.want; err == nil || err.Error() != want {
				t.Errorf("load.Model: got error\n%v\nwant\n%s", err, want)
			}
		})
	}
}

// TestExamplesValid checks that every example loads and scores cleanly.
func TestExamplesValid(t *testing.T) {
	files := examples(t)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a, err := load.Assessment(filepath.Base(file), data, assess.Default())
			if err != nil {
				t.Fatalf("load.Assessment:\n%v", err)
			}
			if _, err := assess.Score(assess.Default(), a); err != nil {
				t.Fatalf("assess.Score:\n%v", err)
			}
		})
	}
}

// TestExampleFacts checks that every example records its facts, and
// that every fact says where it comes from.
func TestExampleFacts(t *testing.T) {
	for _, file := range examples(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a, err := load.Assessment(filepath.Base(file), data, assess.Default())
			if err != nil {
				t.Fatal(err)
			}
			f := a.Facts
			if f == nil || len(f.Instruments) == 0 || len(f.Staff) == 0 || f.Treaties == nil || len(f.Networks) == 0 || len(f.Incidents) == 0 {
				t.Fatal("the example does not record instruments, staff, treaties, networks and incidents")
			}
			noSource := func(at, source string) {
				if strings.TrimSpace(source) == "" {
					t.Errorf("%s: no source", at)
				}
			}
			for i, in := range f.Instruments {
				noSource(fmt.Sprintf("/facts/instruments/%d", i), in.Source)
			}
			for i, s := range f.Staff {
				noSource(fmt.Sprintf("/facts/staff/%d", i), s.Source)
			}
			if f.Treaties.Budapest != nil {
				noSource("/facts/treaties/budapest", f.Treaties.Budapest.Source)
			}
			for i, n := range f.Networks {
				noSource(fmt.Sprintf("/facts/networks/%d", i), n.Source)
			}
			for i, c := range f.Incidents {
				noSource(fmt.Sprintf("/facts/incidents/%d", i), c.Source)
			}
		})
	}
}

// FuzzAssessment checks that load.Assessment never panics, that every
// problem names the file and is located (see located), and that whatever
// loads can be scored.
//
// The seeds are the invalid corpus inputs, a slim copy of each example
// (see drafttest.Slim) and the examples themselves.
func FuzzAssessment(f *testing.F) {
	cases, err := filepath.Glob(filepath.Join("testdata", "invalid", "*.txtar"))
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range cases {
		raw, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		if data, ok := section(txtar.Parse(raw), "input.json"); ok {
			f.Add(data)
		}
	}
	m := assess.Default()
	var full [][]byte
	for _, file := range examples(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		a, err := load.Assessment(file, data, m)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(drafttest.Slim(f, a))
		full = append(full, data)
	}
	for _, data := range full {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := load.Assessment("fuzz.json", data, m)
		if err != nil {
			if a != nil {
				t.Error("returned an assessment together with an error")
			}
			located(t, "fuzz.json", data, err)
			return
		}
		if a == nil {
			t.Fatal("no assessment and no error")
		}
		if _, err := assess.Score(m, a); err != nil {
			t.Fatalf("loaded, but assess.Score failed:\n%v", err)
		}
	})
}

func examples(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("..", "examples", "*.json"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) == 0 {
		tb.Fatal("no examples in ../examples")
	}
	return files
}

func validAssessment(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "examples", "small-island.json"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// section returns the data of the file called name in ar.
func section(ar *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// setSection replaces the data of the file called name in ar, or adds it.
func setSection(ar *txtar.Archive, name string, data []byte) {
	for i, f := range ar.Files {
		if f.Name == name {
			ar.Files[i].Data = data
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: data})
}

// TestIntegralNumbers checks that whole numbers written as 3.0 or 1e5, as
// other JSON tools write them, load as integers wherever the schema
// accepts them, and that a UTF-8 byte-order mark is skipped.
func TestIntegralNumbers(t *testing.T) {
	data := validAssessment(t)
	for _, r := range []struct{ old, new string }{
		{`"schemaVersion": 1,`, `"schemaVersion": 1.0,`},
		{`"population": 104000,`, `"population": 1.04e5,`},
		{`"level": 2,`, `"level": 2.000,`},
	} {
		if !bytes.Contains(data, []byte(r.old)) {
			t.Fatalf("the example has no %s", r.old)
		}
		data = bytes.Replace(data, []byte(r.old), []byte(r.new), 1)
	}
	data = append([]byte("\uFEFF"), data...)
	a, err := load.Assessment("floats.json", data, assess.Default())
	if err != nil {
		t.Fatal(err)
	}
	if a.SchemaVersion != 1 || a.Profile.Population != 104000 {
		t.Errorf("schemaVersion %d, population %d", a.SchemaVersion, a.Profile.Population)
	}
}

// Package golden is the one -update flag of the module's tests and the
// comparison of output with golden files in testdata.
//
// Every package with tests imports it, so that "go test ./... -update"
// is understood by every test binary. A package with golden files calls
// Check; a package without them imports the package for its flag only:
//
//	import _ "github.com/ncskit/ncskit/internal/golden"
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// Update is the -update flag: rewrite golden files instead of comparing.
// Review the diff before committing it.
var Update = flag.Bool("update", false, "rewrite golden files and expected outputs in testdata")

// Check compares got with the golden file, or with -update writes got to
// it. A difference fails the test, naming the first line that differs.
func Check(t testing.TB, file string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	line, g, w := FirstDifference(got, want)
	t.Errorf("%s differs from the golden file at line %d:\n got: %s\nwant: %s\n(go test -update rewrites it)", file, line, g, w)
}

// FirstDifference returns the 1-based number of the first line where got
// and want differ, and the two lines ("" past the end of one of them).
func FirstDifference(got, want []byte) (int, string, string) {
	gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; ; i++ {
		var g, w []byte
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if !bytes.Equal(g, w) || i >= len(gl) || i >= len(wl) {
			return i + 1, string(g), string(w)
		}
	}
}

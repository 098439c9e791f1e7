package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestOutputIsStdin: an assessment read from standard input (- as FILE)
// cannot be replaced by -o naming the file that standard input reads.
func TestOutputIsStdin(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.json")
	orig, err := os.ReadFile(filepath.Join("..", "..", "examples", "small-island.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	stdin, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	var stdout, stderr bytes.Buffer
	code := run([]string{"draft", "-", "--format", "json", "-o", name}, &env{stdin: stdin, stdout: &stdout, stderr: &stderr})
	if code != exitUsage {
		t.Errorf("exit status %d, want %d", code, exitUsage)
	}
	want := "ncskit draft: -o " + name + " is the assessment, read from standard input; choose another OUT\n" +
		"Run 'ncskit draft --help' for usage.\n"
	if stderr.String() != want {
		t.Errorf("stderr\n got %q\nwant %q", stderr.String(), want)
	}
	if b, _ := os.ReadFile(name); !bytes.Equal(b, orig) {
		t.Errorf("the assessment was changed")
	}
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/questionnaire"
	"github.com/ncskit/ncskit/schemas"
)

// bigFile writes a file of n spaces in dir and returns its name. Spaces
// were once read as an empty file.
func bigFile(t *testing.T, dir, name string, n int) string {
	t.Helper()
	name = filepath.Join(dir, name)
	if err := os.WriteFile(name, bytes.Repeat([]byte{' '}, n), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// TestInputLimits: every file a command reads is read up to its limit and
// no further, and a larger one is refused with the limit and the kind of
// file named. The files are one byte over the larger limit, that of a
// questionnaire.
func TestInputLimits(t *testing.T) {
	dir := t.TempDir()
	big := bigFile(t, dir, "big", maxQuestionnaireSize+1)
	out := filepath.Join(dir, "out")
	a := filepath.Join("..", "..", "examples", "small-island.json")
	const hint = "; is it the right file?\n"
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"validate", big}, big + ": the file is larger than 8 MiB (the limit for an assessment or a model)" + hint},
		{[]string{"score", big}, big + ": the file is larger than 8 MiB (the limit for an assessment)" + hint},
		{[]string{"score", "--model", big, a}, big + ": the file is larger than 8 MiB (the limit for a model)" + hint},
		{[]string{"draft", a, "--format", "md", "--template", big + ".json", "-o", out}, big + ".json: the file is larger than 8 MiB (the limit for a template)" + hint},
		{[]string{"questionnaire", "--prefill", big, "--respondent", "r1", "-o", out}, big + ": the file is larger than 8 MiB (the limit for an assessment)" + hint},
		{[]string{"import", big, "-o", out}, big + ": the file is larger than 10 MiB (the limit for a filled questionnaire)" + hint},
		{[]string{"import", big + ".xlsx", "--into", big, "-o", out}, big + ": the file is larger than 8 MiB (the limit for an assessment)" + hint},
		{[]string{"migrate", big, "-o", out}, big + ": the file is larger than 8 MiB (the limit for an assessment)" + hint},
	}
	if err := os.Rename(big, big+".json"); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(big+".json", big); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(big, big+".xlsx"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.args[0], func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr})
			if code != exitInvalid {
				t.Errorf("exit status %d, want %d", code, exitInvalid)
			}
			if stderr.String() != tc.want {
				t.Errorf("stderr\n got %q\nwant %q", stderr.String(), tc.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was written", out)
			}
		})
	}
}

// TestInputAtLimit: a file of exactly the limit is read; it then fails
// for what it holds, not for its size.
func TestInputAtLimit(t *testing.T) {
	dir := t.TempDir()
	name := bigFile(t, dir, "big.json", schemas.MaxSize)
	var stderr bytes.Buffer
	run([]string{"validate", name}, &env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &stderr})
	if strings.Contains(stderr.String(), "larger than") {
		t.Errorf("a file of %d bytes was refused for its size: %s", schemas.MaxSize, stderr.String())
	}
}

// TestQuestionnaireLimit holds maxQuestionnaireSize to the size that
// questionnaire.Read accepts: a file of that size is not too large for
// it, one byte more is.
func TestQuestionnaireLimit(t *testing.T) {
	m := assess.Default()
	for _, n := range []int{maxQuestionnaireSize, maxQuestionnaireSize + 1} {
		data := append([]byte("PK"), make([]byte, n-2)...)
		_, err := questionnaire.Read("q.xlsx", bytes.NewReader(data), int64(n), m)
		tooLarge := err != nil && strings.Contains(err.Error(), "too large")
		if tooLarge != (n > maxQuestionnaireSize) {
			t.Errorf("questionnaire.Read of %d bytes: %v", n, err)
		}
	}
}

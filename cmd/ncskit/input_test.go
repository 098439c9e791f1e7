package main

import (
	"bytes"
	"fmt"
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
// file named. The files are one byte over the largest limit, that of a
// session file.
func TestInputLimits(t *testing.T) {
	dir := t.TempDir()
	big := bigFile(t, dir, "big", schemas.MaxSessionSize+1)
	out := filepath.Join(dir, "out")
	a := filepath.Join("..", "..", "examples", "small-island.json")
	const hint = "; is it the right file?\n"
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"validate", big}, big + ": the file is larger than 64 MiB (the limit for an assessment, a model or a session file)" + hint},
		{[]string{"score", big}, big + ": the file is larger than 64 MiB (the limit for an assessment or a session file)" + hint},
		{[]string{"score", "--model", big, a}, big + ": the file is larger than 8 MiB (the limit for a model)" + hint},
		{[]string{"draft", a, "--format", "md", "--template", big + ".json", "-o", out}, big + ".json: the file is larger than 8 MiB (the limit for a template)" + hint},
		{[]string{"questionnaire", "--prefill", big, "--respondent", "r1", "-o", out}, big + ": the file is larger than 64 MiB (the limit for an assessment or a session file)" + hint},
		{[]string{"import", big, "-o", out}, big + ": the file is larger than 10 MiB (the limit for a filled questionnaire)" + hint},
		{[]string{"import", big + ".xlsx", "--into", big, "-o", out}, big + ": the file is larger than 64 MiB (the limit for an assessment or a session file)" + hint},
		{[]string{"migrate", big, "-o", out}, big + ": the file is larger than 64 MiB (the limit for an assessment or a session file)" + hint},
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

// TestLargeSession: a session file larger than an assessment may be (a
// workbook session with many snapshots) is read by every command that
// reads an assessment, while a bare assessment of that size is refused
// for its size, with the limit that applies to it.
func TestLargeSession(t *testing.T) {
	dir := t.TempDir()
	a, err := os.ReadFile(filepath.Join("..", "..", "examples", "small-island.json"))
	if err != nil {
		t.Fatal(err)
	}
	var snaps []string
	for size := 0; size <= schemas.MaxSize; size += len(a) {
		snaps = append(snaps, fmt.Sprintf(`{"name":"snapshot %d","at":"2026-03-02T10:00:00Z","seq":0,"assessment":%s}`, len(snaps)+1, a))
	}
	session := fmt.Sprintf(`{"format":"ncskit-session","version":1,"id":"s1","name":"Corallia","created":"2026-03-02T09:00:00Z","updated":"2026-03-02T10:00:00Z","assessment":%s,"log":[],"snapshots":[%s]}`,
		a, strings.Join(snaps, ","))
	name := filepath.Join(dir, "session.json")
	if err := os.WriteFile(name, []byte(session), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "draft.md")
	for _, args := range [][]string{{"validate", name}, {"score", name}, {"draft", name, "--format", "md", "-o", out}} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}); code != exitOK {
			t.Errorf("%s of a %d-byte session: exit %d\n%s", args[0], len(session), code, stderr.String())
		}
	}

	// The same size as a bare assessment: the assessment padded with spaces.
	bare := filepath.Join(dir, "bare.json")
	if err := os.WriteFile(bare, append(a, bytes.Repeat([]byte{' '}, len(session)-len(a))...), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if code := run([]string{"score", bare}, &env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &stderr}); code != exitInvalid {
		t.Errorf("score of a %d-byte assessment: exit %d", len(session), code)
	}
	if want := "the limit is 8 MiB"; !strings.Contains(stderr.String(), want) {
		t.Errorf("score of a %d-byte assessment says\n%s\nwant it to contain %q", len(session), stderr.String(), want)
	}
}

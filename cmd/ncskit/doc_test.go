package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestDocListsCommands: the package doc shows the synopsis of every
// command, as its --help prints it.
func TestDocListsCommands(t *testing.T) {
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(string(src), "\npackage main")
	var doc []string
	for line := range strings.Lines(head) {
		doc = append(doc, strings.Fields(strings.TrimPrefix(line, "//"))...)
	}
	text := strings.Join(doc, " ")
	for _, c := range commands {
		var out bytes.Buffer
		run([]string{c.name, "--help"}, &env{stdout: &out, stderr: &out})
		first, _, _ := strings.Cut(out.String(), "\n")
		synopsis := strings.Join(strings.Fields(strings.TrimPrefix(first, "Usage: ")), " ")
		if !strings.Contains(text, synopsis) {
			t.Errorf("the package doc lacks %q", synopsis)
		}
	}
}

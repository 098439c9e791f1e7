package main

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/ncskit/ncskit/problem"
)

// TestExitStatus: the one place that turns a command's error into output
// on standard error and an exit status.
func TestExitStatus(t *testing.T) {
	probs := problem.List{
		{File: "a.json", At: "/responses/0/level", Message: "7 is above the highest level (5)"},
		{File: "a.json", At: "/model/version", Message: "incompatible", Hint: "migrate it first"},
	}
	tests := []struct {
		err    error
		status int
		stderr string
	}{
		{nil, exitOK, ""},
		{errHelp, exitOK, ""},
		{usagef("no FILE given"), exitUsage, "ncskit score: no FILE given\nRun 'ncskit score --help' for usage.\n"},
		{errReported, exitInvalid, ""},
		{probs, exitInvalid, "a.json: /responses/0/level: 7 is above the highest level (5)\na.json: /model/version: incompatible; migrate it first\n"},
		{fmt.Errorf("scoring: %w", probs[:1]), exitInvalid, "a.json: /responses/0/level: 7 is above the highest level (5)\n"},
		{errors.New("cannot write x.md: disk full"), exitInvalid, "ncskit score: cannot write x.md: disk full\n"},
	}
	for _, tc := range tests {
		var stderr bytes.Buffer
		status := exitStatus(&env{stderr: &stderr}, "score", tc.err)
		if status != tc.status || stderr.String() != tc.stderr {
			t.Errorf("%v: status %d, stderr %q; want %d, %q", tc.err, status, stderr.String(), tc.status, tc.stderr)
		}
	}
}

// Package tooltest finds the external programs that some tests need, such
// as LibreOffice's soffice, pdftotext or chromium.
//
//	soffice := tooltest.Require(t, "soffice")
//
// A missing program skips the test, unless the environment variable
// NCSKIT_REQUIRE_TOOLS is 1 (as in CI), where it fails the test: a
// forgotten install step must not hide behind a green run.
package tooltest

import (
	"os"
	"os/exec"
	"testing"
)

// Env is the environment variable that turns a missing program from a
// skipped test into a failed one when it is "1".
const Env = "NCSKIT_REQUIRE_TOOLS"

// Require returns the path of the program name, looked up in PATH. When it
// is missing, Require skips the test, or fails it when the environment
// variable NCSKIT_REQUIRE_TOOLS is "1".
func Require(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv(Env) == "1" {
		t.Fatalf("%s is required (%s=1) but not found: %v", name, Env, err)
		return ""
	}
	t.Skipf("%s not found (install it, or set %s=1 to make this a failure): %v", name, Env, err)
	return ""
}

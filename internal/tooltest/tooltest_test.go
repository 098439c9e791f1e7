package tooltest_test

import (
	"testing"

	"github.com/ncskit/ncskit/internal/tooltest"
)

// recorder is a testing.TB that records how a test ended instead of
// ending it.
type recorder struct {
	testing.TB
	skipped, failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Skipf(string, ...any)  { r.skipped = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Logf(string, ...any)   {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }

func TestRequire(t *testing.T) {
	t.Run("found", func(t *testing.T) {
		r := &recorder{TB: t}
		if path := tooltest.Require(r, "go"); path == "" || r.skipped || r.failed {
			t.Errorf("Require(go) = %q, skipped %v, failed %v; want a path", path, r.skipped, r.failed)
		}
	})
	t.Run("missing skips", func(t *testing.T) {
		t.Setenv(tooltest.Env, "")
		r := &recorder{TB: t}
		tooltest.Require(r, "ncskit-no-such-program")
		if !r.skipped || r.failed {
			t.Errorf("skipped %v, failed %v; want a skip", r.skipped, r.failed)
		}
	})
	t.Run("missing fails when required", func(t *testing.T) {
		t.Setenv(tooltest.Env, "1")
		r := &recorder{TB: t}
		tooltest.Require(r, "ncskit-no-such-program")
		if r.skipped || !r.failed {
			t.Errorf("skipped %v, failed %v; want a failure", r.skipped, r.failed)
		}
	})
}

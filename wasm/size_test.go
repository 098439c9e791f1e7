//go:build !js

package main

import (
	"testing"

	"github.com/ncskit/ncskit/internal/tooltest"
)

// maxWorkbook is the budget of the single-file workbook, in bytes: it
// travels by e-mail and USB stick to ministries with slow links. What
// takes the room: go run ./internal/wasmsize.
const maxWorkbook = 5_500_000

// TestWorkbookSize builds the workbook as "ncskit workbook" does and
// checks it against the budget.
func TestWorkbookSize(t *testing.T) {
	tooltest.Require(t, "go")
	if n := len(workbook(t)); n > maxWorkbook {
		t.Errorf("the workbook is %d bytes, over its budget of %d: see what takes the room with go run ./internal/wasmsize", n, maxWorkbook)
	}
}

//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/ncskit/ncskit/schemas"
)

// TestInputLimitFIFO: a FIFO that never ends is read up to the limit and
// no further.
func TestInputLimitFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "big.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan int64)
	go func() {
		var n int64
		defer func() { done <- n }()
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer f.Close()
		chunk := bytes.Repeat([]byte{' '}, 64<<10)
		// Twice the limit at most, so that a reader without a limit
		// still ends.
		for n < 2*schemas.MaxSessionSize {
			w, err := f.Write(chunk)
			n += int64(w)
			if err != nil {
				return
			}
		}
	}()
	var stderr bytes.Buffer
	code := run([]string{"validate", fifo}, &env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &stderr})
	written := <-done
	want := fifo + ": the file is larger than 64 MiB (the limit for an assessment, a model or a session file); is it the right file?\n"
	if code != exitInvalid || stderr.String() != want {
		t.Errorf("exit status %d, stderr\n got %q\nwant %q", code, stderr.String(), want)
	}
	if written >= 2*schemas.MaxSessionSize {
		t.Errorf("the whole stream (%d bytes) was read", written)
	}
}

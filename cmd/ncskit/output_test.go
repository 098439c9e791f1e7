//go:build unix

package main

import (
	"bytes"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// TestWriteOutput writes to every kind of -o target, each made inside the
// test's own directory, and checks what is left there afterwards.
func TestWriteOutput(t *testing.T) {
	data := []byte("the draft\n")

	t.Run("stdout", func(t *testing.T) {
		var out bytes.Buffer
		if err := writeOutput(&env{stdout: &out}, "-", data); err != nil {
			t.Fatal(err)
		}
		if out.String() != string(data) {
			t.Errorf("stdout = %q", out.String())
		}
	})

	t.Run("new file", func(t *testing.T) {
		dir := t.TempDir()
		name := filepath.Join(dir, "x.md")
		mustWrite(t, name, data)
		wantFile(t, name, data, 0o644)
		wantNoTemp(t, dir)
	})

	t.Run("regular file keeps its mode", func(t *testing.T) {
		dir := t.TempDir()
		name := filepath.Join(dir, "x.md")
		if err := os.WriteFile(name, []byte("an older and longer draft\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chmod(name, 0o640) // whatever the umask
		mustWrite(t, name, data)
		wantFile(t, name, data, 0o640)
		wantNoTemp(t, dir)
	})

	t.Run("symlink to a file", func(t *testing.T) {
		dir := t.TempDir()
		os.Mkdir(filepath.Join(dir, "real"), 0o755)
		target := filepath.Join(dir, "real", "x.md")
		if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chmod(target, 0o600)
		// A chain of relative links: link -> sub/link2 -> ../real/x.md.
		os.Mkdir(filepath.Join(dir, "sub"), 0o755)
		mustSymlink(t, "../real/x.md", filepath.Join(dir, "sub", "link2"))
		link := filepath.Join(dir, "link")
		mustSymlink(t, "sub/link2", link)
		mustWrite(t, link, data)
		wantFile(t, target, data, 0o600)
		wantLink(t, link, "sub/link2")
		wantLink(t, filepath.Join(dir, "sub", "link2"), "../real/x.md")
		wantNoTemp(t, dir)
		wantNoTemp(t, filepath.Join(dir, "real"))
	})

	t.Run("dangling symlink creates its target", func(t *testing.T) {
		dir := t.TempDir()
		link := filepath.Join(dir, "link")
		mustSymlink(t, "new.md", link)
		mustWrite(t, link, data)
		wantFile(t, filepath.Join(dir, "new.md"), data, 0o644)
		wantLink(t, link, "new.md")
	})

	for _, through := range []string{"", "link"} {
		t.Run("fifo is written through"+strings.TrimSuffix(" a "+through, " a "), func(t *testing.T) {
			dir := t.TempDir()
			fifo := filepath.Join(dir, "fifo")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Fatal(err)
			}
			out := fifo
			if through == "link" {
				out = filepath.Join(dir, "link")
				mustSymlink(t, "fifo", out)
			}
			got := make(chan []byte)
			go func() {
				f, err := os.Open(fifo)
				if err != nil {
					got <- nil
					return
				}
				defer f.Close()
				b, _ := io.ReadAll(f)
				got <- b
			}()
			mustWrite(t, out, data)
			// A FIFO renamed away leaves the reader waiting: check first.
			if !wantKind(t, fifo, fs.ModeNamedPipe) {
				t.FailNow()
			}
			if b := <-got; string(b) != string(data) {
				t.Errorf("read %q from the FIFO, want %q", b, data)
			}
			if through == "link" {
				wantLink(t, out, "fifo")
			}
			wantNoTemp(t, dir)
		})
	}

	t.Run("character device is written through", func(t *testing.T) {
		if runtime.GOOS != "linux" || os.Geteuid() != 0 {
			t.Skip("making a device node needs root on Linux")
		}
		dir := t.TempDir()
		null := filepath.Join(dir, "null")
		// Major 1, minor 3: the null device, made here rather than used
		// from /dev.
		if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
			t.Fatal(err)
		}
		mustWrite(t, null, data)
		wantKind(t, null, fs.ModeDevice|fs.ModeCharDevice)
		link := filepath.Join(dir, "link")
		mustSymlink(t, "null", link)
		mustWrite(t, link, data)
		wantKind(t, null, fs.ModeDevice|fs.ModeCharDevice)
		wantLink(t, link, "null")
		wantNoTemp(t, dir)
	})

	refused := []struct {
		name string
		make func(t *testing.T, dir string) string // returns the -o path
		want string                                // with DIR for the directory
	}{
		{"directory", func(t *testing.T, dir string) string {
			os.Mkdir(filepath.Join(dir, "out"), 0o755)
			return filepath.Join(dir, "out")
		}, "cannot write DIR/out: it is a directory; -o takes a regular file, a FIFO or a character device"},
		{"symlink to a directory", func(t *testing.T, dir string) string {
			os.Mkdir(filepath.Join(dir, "out"), 0o755)
			mustSymlink(t, "out", filepath.Join(dir, "link"))
			return filepath.Join(dir, "link")
		}, "cannot write DIR/link (a link to DIR/out): it is a directory; -o takes a regular file, a FIFO or a character device"},
		{"socket", func(t *testing.T, dir string) string {
			name := filepath.Join(dir, "sock")
			ln, err := net.Listen("unix", name)
			if err != nil {
				t.Skipf("cannot make a socket: %v", err)
			}
			t.Cleanup(func() { ln.Close() })
			return name
		}, "cannot write DIR/sock: it is a socket; -o takes a regular file, a FIFO or a character device"},
		{"missing directory", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "nope", "x.md")
		}, "cannot write DIR/nope/x.md: the directory DIR/nope does not exist"},
		{"dangling symlink into a missing directory", func(t *testing.T, dir string) string {
			mustSymlink(t, "nope/x.md", filepath.Join(dir, "link"))
			return filepath.Join(dir, "link")
		}, "cannot write DIR/link (a link to DIR/nope/x.md): the directory DIR/nope does not exist"},
		{"symlink loop", func(t *testing.T, dir string) string {
			mustSymlink(t, "b", filepath.Join(dir, "a"))
			mustSymlink(t, "a", filepath.Join(dir, "b"))
			return filepath.Join(dir, "a")
		}, "cannot write DIR/a: too many levels of symbolic links"},
		{"file as a directory", func(t *testing.T, dir string) string {
			os.WriteFile(filepath.Join(dir, "f"), nil, 0o644)
			return filepath.Join(dir, "f", "x.md")
		}, "cannot write DIR/f/x.md: not a directory"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			name := tc.make(t, dir)
			for _, f := range []func(string) error{
				checkOutput,
				func(name string) error { return writeOutput(&env{}, name, data) },
			} {
				err := f(name)
				if err == nil {
					t.Fatalf("no error writing %s", name)
				}
				if got := strings.ReplaceAll(err.Error(), dir, "DIR"); got != tc.want {
					t.Errorf("error\n got %s\nwant %s", got, tc.want)
				}
			}
			wantNoTemp(t, dir)
		})
	}
}

func mustWrite(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := checkOutput(name); err != nil {
		t.Fatalf("checkOutput: %v", err)
	}
	if err := writeOutput(&env{}, name, data); err != nil {
		t.Fatalf("writeOutput: %v", err)
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func wantFile(t *testing.T, name string, data []byte, mode fs.FileMode) {
	t.Helper()
	info, err := os.Lstat(name)
	if err != nil {
		t.Fatal(err)
	}
	if !info.Mode().IsRegular() || info.Mode().Perm() != mode {
		t.Errorf("%s: mode %v, want a regular file with %v", name, info.Mode(), mode)
	}
	if b, _ := os.ReadFile(name); string(b) != string(data) {
		t.Errorf("%s holds %q, want %q", name, b, data)
	}
}

func wantLink(t *testing.T, link, target string) {
	t.Helper()
	if got, err := os.Readlink(link); err != nil || got != target {
		t.Errorf("%s: link to %q (%v), want a link to %q", link, got, err, target)
	}
}

func wantKind(t *testing.T, name string, kind fs.FileMode) bool {
	t.Helper()
	info, err := os.Lstat(name)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Type() != kind {
		t.Errorf("%s: type %v, want %v", name, info.Mode().Type(), kind)
		return false
	}
	return true
}

// wantNoTemp fails if a temporary file was left in dir.
func wantNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || strings.HasPrefix(e.Name(), ".ncskit") {
			t.Errorf("temporary file %s left in %s", e.Name(), dir)
		}
	}
}

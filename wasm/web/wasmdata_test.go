package web

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/tooltest"
	"github.com/ncskit/ncskit/internal/wasmbin"
)

// module builds a module of a custom section and a data section with
// segs, as the Go linker writes them.
func module(segs ...dataSegment) []byte {
	return moduleWith(nil, writeData(segs))
}

// moduleWith builds a module of a custom section, the sections before
// and a data section of the given body.
func moduleWith(before, data []byte) []byte {
	m := wasmbin.AppendSection(append([]byte(nil), wasmbin.Header...), wasmbin.SectionCustom, append([]byte{4}, "name"...))
	m = append(m, before...)
	return wasmbin.AppendSection(m, wasmbin.SectionData, data)
}

// memory is the memory a module's data section makes, and its segments.
func memory(t *testing.T, mod []byte) ([]byte, int) {
	t.Helper()
	var mem []byte
	n := -1
	err := wasmbin.Sections(mod, func(id byte, body []byte) error {
		if id != wasmbin.SectionData {
			return nil
		}
		segs, err := readData(body)
		for _, s := range segs {
			if end := int(s.offset) + len(s.data); end > len(mem) {
				mem = append(mem, make([]byte, end-len(mem))...)
			}
			copy(mem[s.offset:], s.data)
		}
		n = len(segs)
		return err
	})
	if err != nil || n < 0 {
		t.Fatalf("no data section (%v)", err)
	}
	return mem, n
}

func TestMergeData(t *testing.T) {
	mod := module(
		dataSegment{0x100, []byte("ab")},
		dataSegment{0x10, []byte("xy")},
		dataSegment{0x103, []byte("c")},
		dataSegment{0x5000, []byte("far")},
		dataSegment{0x5000 + 3 + 10, []byte("d")},
	)
	got, err := mergeData(mod, 16)
	if err != nil {
		t.Fatal(err)
	}
	before, n := memory(t, mod)
	after, m := memory(t, got)
	if !bytes.Equal(before, after) {
		t.Error("the merged module makes another memory")
	}
	// 0x10 and 0x100 are 238 bytes apart, more than 16; 0x100 and 0x103
	// are one byte apart, 0x5003 and 0x500d ten.
	if n != 5 || m != 3 {
		t.Errorf("segments %d → %d, want 5 → 3", n, m)
	}
	if !bytes.Equal(got[:len(wasmbin.Header)+7], mod[:len(wasmbin.Header)+7]) {
		t.Error("the custom section was not copied as it was")
	}
	if all, err := mergeData(mod, 1<<20); err != nil {
		t.Error(err)
	} else if _, m := memory(t, all); m != 1 {
		t.Errorf("with a gap of 1 MiB, %d segments, want 1", m)
	}
	// Offsets from 2 GiB up are written as negative i32 constants.
	high := []dataSegment{{0x1_0000_0000 - 8, []byte("high")}, {0x8000_0000, []byte("mid")}}
	if back, err := readData(writeData(high)); err != nil || len(back) != 2 || back[0].offset != high[0].offset || back[1].offset != high[1].offset {
		t.Errorf("high offsets read back as %v (%v)", back, err)
	}
}

func TestMergeDataRefuses(t *testing.T) {
	valid := module(dataSegment{0x10, []byte("ab")})
	with := func(body []byte) []byte { return moduleWith(nil, body) }
	for _, tc := range []struct {
		name string
		mod  []byte
		want string
	}{
		{"not wasm", []byte("hello world"), "not a WebAssembly module of version 1"},
		{"cut short", valid[:len(valid)-1], "a section or vector that runs past the end of the module"},
		{"overlap", module(dataSegment{0x10, []byte("abc")}, dataSegment{0x11, []byte("x")}), "overlapping data segments"},
		{"passive", with([]byte{1, 1, 2, 'a', 'b'}), "a data segment that is not an active segment of memory 0"},
		{"global offset", with([]byte{1, 0, 0x23, 0, 0x0b, 1, 'a'}), "a data segment whose offset is not a constant"},
		{"two instructions", with([]byte{1, 0, 0x41, 0, 0x41, 0x0b, 1, 'a'}), "a data segment whose offset is not a single constant"},
		{"trailing", with([]byte{0, 9}), "bytes after the last data segment"},
		{"data count", moduleWith([]byte{wasmbin.SectionDataCount, 1, 1}, writeData([]dataSegment{{0x10, []byte("ab")}})),
			"a data count section, which mergeData does not rewrite"},
	} {
		if _, err := mergeData(tc.mod, 16); err == nil || err.Error() != tc.want {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.want)
		}
	}
}

// TestMergeDataRuns builds a small Go program for the browser, merges its
// data segments and runs both modules in node: the same output, from far
// fewer segments.
func TestMergeDataRuns(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("builds and runs a module itself; under GOOS=js there are no subprocesses")
	}
	if testing.Short() {
		t.Skip("builds a Go program")
	}
	node := tooltest.Require(t, "node")
	goCmd, err := goCommand("")
	if err != nil {
		t.Fatal(err)
	}
	root, err := exec.Command(goCmd, "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	prog := `package main

import (
	"fmt"
	"sort"
	"strings"
)

var table = map[string][]int{"one": {1}, "two": {2, 2}, "three": {3, 3, 3}}

func main() {
	var keys []string
	for k := range table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(strings.Join(keys, ","), table["three"], strings.ToUpper("merged"))
}
`
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/merge\n\ngo 1.22\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "main.go"), []byte(prog), 0o644)
	build := exec.Command(goCmd, "build", "-trimpath", "-ldflags=-s -w", "-o", "prog.wasm", ".")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0", "GOFLAGS=")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	mod, err := os.ReadFile(filepath.Join(dir, "prog.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	merged, err := mergeData(mod, mergeGap)
	if err != nil {
		t.Fatal(err)
	}
	before, n := memory(t, mod)
	after, m := memory(t, merged)
	if !bytes.Equal(before, after) {
		t.Error("the merged module makes another memory")
	}
	if n < 1000 || m > n/100 {
		t.Errorf("segments %d → %d, want the linker's thousands joined into a few dozen", n, m)
	}
	os.WriteFile(filepath.Join(dir, "merged.wasm"), merged, 0o644)
	run := filepath.Join(strings.TrimSpace(string(root)), "lib", "wasm", "wasm_exec_node.js")
	var outs []string
	for _, f := range []string{"prog.wasm", "merged.wasm"} {
		cmd := exec.Command(node, run, f)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", f, err, out)
		}
		outs = append(outs, string(out))
	}
	if want := "one,three,two [3 3 3] MERGED\n"; outs[0] != want || outs[1] != want {
		t.Errorf("outputs %q and %q, want %q", outs[0], outs[1], want)
	}
	t.Logf("%d segments → %d; module %d → %d bytes", n, m, len(mod), len(merged))
}

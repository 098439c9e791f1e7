package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/golden"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = golden.Update

// TestMain lets the test binary double as the ncskit command: testscript
// puts a copy of it named "ncskit" on the scripts' PATH, and when run under
// that name it calls main.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"ncskit": main,
	})
}

// TestScripts runs the command-line scripts in testdata/script. Each script
// starts in a fresh $WORK holding a copy of the repository's examples in
// examples/ (so "examples/small-island.json" names the file in error
// messages) and the files of its own archive.
//
// Besides the standard testscript commands, scripts may use
//
//	exits N PROG [ARGS...]   run PROG and fail unless its exit status is N
//	validjson FILE...        fail unless every FILE parses as JSON
//	hardlink OLD NEW         make NEW a hard link to OLD
//	bigfile FILE N           write N spaces to FILE
//	jsonset FILE PTR VALUE   set the value at JSON pointer PTR in FILE to
//	                         the JSON VALUE (an object member is added or
//	                         replaced, an array element replaced)
//
// "go test -update" rewrites the files that cmp compares against.
func TestScripts(t *testing.T) {
	examples, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.json"))
	if err != nil || len(examples) == 0 {
		t.Fatalf("no examples found: %v", err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(e *testscript.Env) error {
			dir := filepath.Join(e.WorkDir, "examples")
			if err := os.MkdirAll(dir, 0o777); err != nil {
				return err
			}
			for _, src := range examples {
				data, err := os.ReadFile(src)
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(dir, filepath.Base(src)), data, 0o666); err != nil {
					return err
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":     cmdExits,
			"validjson": cmdValidJSON,
			"hardlink":  cmdHardlink,
			"bigfile":   cmdBigfile,
			"jsonset":   cmdJSONSet,
		},
	})
}

// cmdExits runs a program and checks its exact exit status; its standard
// output and error stay available to stdout, stderr and cmp.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exits")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits N PROG [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad status %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// cmdValidJSON checks that every file holds exactly one JSON value.
func cmdValidJSON(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) == 0 {
		ts.Fatalf("usage: validjson FILE...")
	}
	for _, name := range args {
		ok := json.Valid([]byte(ts.ReadFile(name)))
		if ok == neg {
			if neg {
				ts.Fatalf("%s is valid JSON", name)
			}
			ts.Fatalf("%s is not valid JSON", name)
		}
	}
}

// cmdHardlink makes a hard link, to prove that a command knows the file
// under another name.
func cmdHardlink(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: hardlink OLD NEW")
	}
	ts.Check(os.Link(ts.MkAbs(args[0]), ts.MkAbs(args[1])))
}

// cmdBigfile writes a file of the given size, too large to keep in a
// script.
func cmdBigfile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: bigfile FILE N")
	}
	n, err := strconv.Atoi(args[1])
	if err != nil || n < 0 {
		ts.Fatalf("bigfile: bad size %q", args[1])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), bytes.Repeat([]byte{' '}, n), 0o666))
}

// cmdJSONSet edits a JSON file in place, so that a script can make a
// variant of a large file, such as the model that "ncskit model" prints.
// The file is written back indented, with object members in name order.
func cmdJSONSet(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: jsonset FILE POINTER VALUE")
	}
	doc, err := decodeJSON(ts.ReadFile(args[0]))
	ts.Check(err)
	val, err := decodeJSON(args[2])
	ts.Check(err)
	doc, err = setPointer(doc, args[1], val)
	ts.Check(err)
	data, err := json.MarshalIndent(doc, "", "  ")
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), append(data, '\n'), 0o666))
}

// decodeJSON decodes one JSON value, keeping numbers as written.
func decodeJSON(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

// setPointer returns doc with the value at the JSON pointer ptr set to val.
func setPointer(doc any, ptr string, val any) (any, error) {
	if ptr == "" {
		return val, nil
	}
	if !strings.HasPrefix(ptr, "/") {
		return nil, fmt.Errorf("%q is not a JSON pointer", ptr)
	}
	seg, rest, more := strings.Cut(ptr[1:], "/")
	if more {
		rest = "/" + rest
	}
	seg = strings.NewReplacer("~1", "/", "~0", "~").Replace(seg)
	switch d := doc.(type) {
	case map[string]any:
		v, err := setPointer(d[seg], rest, val)
		d[seg] = v
		return d, err
	case []any:
		i, err := strconv.Atoi(seg)
		if err != nil || i < 0 || i >= len(d) {
			return nil, fmt.Errorf("no element %q in an array of %d", seg, len(d))
		}
		d[i], err = setPointer(d[i], rest, val)
		return d, err
	}
	return nil, fmt.Errorf("cannot set %q in %T", seg, doc)
}

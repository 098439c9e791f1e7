// Command wasmsize reports what the workbook's engine is made of: the
// code of the WebAssembly bridge grouped by Go package, raw and
// gzip-compressed, largest first, with the size of its data.
//
//	go run ./internal/wasmsize            # builds ./wasm as the workbook does, but keeps the names
//	go run ./internal/wasmsize -top 40    # more packages
//	go run ./internal/wasmsize -wasm F    # an existing build (without -ldflags=-s)
//
// The linker's symbol table does not describe a wasm file (go tool nm
// refuses it), so the command reads the module itself: the function
// bodies of its code section, named by its "name" section. Data (the
// run-time type and line tables, embedded files, string constants) is one
// block in a wasm module and is reported as one line.
package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ncskit/ncskit/internal/wasmbin"
	"github.com/ncskit/ncskit/wasm/web"
)

func main() {
	file := flag.String("wasm", "", "report on this wasm `file` (built without -ldflags=-s) instead of building ./wasm")
	top := flag.Int("top", 25, "show the `n` largest packages")
	flag.Parse()
	if err := run(os.Stdout, *file, *top); err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, file string, top int) error {
	if file == "" {
		dir, err := os.MkdirTemp("", "wasmsize-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		file = filepath.Join(dir, "ncskit.wasm")
		// The workbook's flags (web.Build) less -s -w, which would drop the names.
		args := []string{"build", "-trimpath", "-tags=" + web.BuildTags}
		for _, p := range web.ColdPackages {
			args = append(args, "-gcflags="+p+"=-l")
		}
		cmd := exec.Command("go", append(args, "-o", file, "./wasm")...)
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("GOOS=js GOARCH=wasm go build ./wasm: %v", err)
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	m, err := parse(data)
	if err != nil {
		return fmt.Errorf("%s: %v", file, err)
	}
	pkgs, err := packages()
	if err != nil {
		return err
	}
	report(w, m, pkgs, top)
	return nil
}

// module is what the report needs of a wasm module.
type module struct {
	size     int
	imported int               // functions imported: the code section's first body is function number imported
	bodies   [][]byte          // the code section's function bodies
	names    map[uint32]string // function number → name
	sections map[string]int    // section → bytes
}

var sectionNames = map[byte]string{1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
	6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "data count"}

// parse reads the sections of a wasm binary.
func parse(d []byte) (*module, error) {
	m := &module{size: len(d), names: map[uint32]string{}, sections: map[string]int{}}
	err := wasmbin.Sections(d, func(id byte, body []byte) error {
		s := wasmbin.NewReader(body)
		name := sectionNames[id]
		switch id {
		case wasmbin.SectionCustom:
			name = "custom " + s.Name()
			if name == "custom name" {
				m.readNames(s)
			}
		case wasmbin.SectionImport:
			m.readImports(s)
		case wasmbin.SectionCode:
			count := int(s.ULEB())
			for k := 0; k < count && s.Err() == nil; k++ {
				m.bodies = append(m.bodies, s.Bytes(int(s.ULEB())))
			}
		}
		if s.Err() != nil {
			return fmt.Errorf("section %s: %v", name, s.Err())
		}
		m.sections[name] += len(body)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(m.names) == 0 {
		return nil, errors.New("the module has no function names: build it without -ldflags=-s")
	}
	return m, nil
}

func (m *module) readImports(s *wasmbin.Reader) {
	count := int(s.ULEB())
	for k := 0; k < count && s.Err() == nil; k++ {
		s.Name()
		s.Name()
		switch kind := s.Byte(); kind {
		case 0: // function: type index
			s.ULEB()
			m.imported++
		case 1: // table: element type, limits
			s.Byte()
			limits(s)
		case 2: // memory
			limits(s)
		case 3: // global: value type, mutability
			s.Byte()
			s.Byte()
		default:
			s.Fail(fmt.Errorf("import kind %d", kind))
		}
	}
}

// limits reads the limits of a table or memory: a flag, the minimum and,
// when the flag says so, the maximum.
func limits(s *wasmbin.Reader) {
	if s.Byte()&1 != 0 {
		s.ULEB()
	}
	s.ULEB()
}

func (m *module) readNames(s *wasmbin.Reader) {
	for !s.Done() {
		id := s.Byte()
		sub := wasmbin.NewReader(s.Bytes(int(s.ULEB())))
		if id != 1 {
			continue
		}
		count := int(sub.ULEB())
		for k := 0; k < count && sub.Err() == nil; k++ {
			idx := uint32(sub.ULEB())
			m.names[idx] = sub.Name()
		}
		if sub.Err() != nil {
			s.Fail(sub.Err())
		}
	}
}

// packages lists the packages of the bridge (go list -deps), keyed by
// their names as the linker writes them in a wasm module, where every
// character other than a letter, a digit, "." and "_" becomes "_":
// "github.com/go-pdf/fpdf" is written "github.com_go_pdf_fpdf".
func packages() (map[string]string, error) {
	cmd := exec.Command("go", "list", "-deps", "./wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("GOOS=js GOARCH=wasm go list -deps ./wasm: %v", err)
	}
	pkgs := map[string]string{}
	for _, p := range strings.Fields(string(out)) {
		pkgs[mangle(p)] = p
	}
	return pkgs, nil
}

func mangle(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '.' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '_'
	}, s)
}

// pkg is the Go package of a function's name as the wasm module writes
// it: the longest known package name followed by ".", or the name up to
// its first "." (main, and type_: the compiler's equality functions).
func pkg(sym string, pkgs map[string]string) string {
	best := ""
	for i := 0; i < len(sym); i++ {
		if sym[i] == '.' {
			if p, ok := pkgs[sym[:i]]; ok {
				best = p
			}
		}
	}
	if best != "" {
		return best
	}
	if i := strings.IndexByte(sym, '.'); i >= 0 {
		sym = sym[:i]
	}
	if sym == "type_" {
		return "type: (equality and hash functions)"
	}
	return sym
}

type group struct {
	name       string
	code, gzip int
	funcs      int
	body       bytes.Buffer
}

func report(w io.Writer, m *module, pkgs map[string]string, top int) {
	groups := map[string]*group{}
	for k, b := range m.bodies {
		name := m.names[uint32(m.imported+k)]
		if name == "" {
			name = "(unnamed)"
		}
		p := pkg(name, pkgs)
		g := groups[p]
		if g == nil {
			g = &group{name: p}
			groups[p] = g
		}
		g.code += len(b)
		g.funcs++
		g.body.Write(b)
	}
	var list []*group
	code := 0
	for _, g := range groups {
		g.gzip = gzipSize(g.body.Bytes())
		code += g.code
		list = append(list, g)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].gzip != list[j].gzip {
			return list[i].gzip > list[j].gzip
		}
		return list[i].name < list[j].name
	})
	fmt.Fprintf(w, "module %.2f MB: code %.2f MB in %d functions, data %.2f MB, names %.2f MB\n\n",
		mb(m.size), mb(m.sections["code"]), len(m.bodies), mb(m.sections["data"]), mb(m.sections["custom name"]))
	fmt.Fprintf(w, "%-60s %10s %10s %7s\n", "package (code, largest compressed first)", "raw KB", "gzip KB", "funcs")
	rest := group{name: fmt.Sprintf("%d other packages", max(0, len(list)-top))}
	for i, g := range list {
		if i >= top {
			rest.code += g.code
			rest.gzip += g.gzip
			rest.funcs += g.funcs
			continue
		}
		fmt.Fprintf(w, "%-60s %10.1f %10.1f %7d\n", g.name, kb(g.code), kb(g.gzip), g.funcs)
	}
	if rest.funcs > 0 {
		fmt.Fprintf(w, "%-60s %10.1f %10.1f %7d\n", rest.name, kb(rest.code), kb(rest.gzip), rest.funcs)
	}
	fmt.Fprintf(w, "\ngzip KB is each package's code compressed on its own: a guide to its share of the page, not an exact one.\n")
}

func gzipSize(b []byte) int {
	var out bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&out, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return out.Len()
}

func mb(n int) float64 { return float64(n) / 1e6 }
func kb(n int) float64 { return float64(n) / 1e3 }

package web

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
)

// The page's JavaScript is a set of ES modules under js/, one per concern
// or screen, written by hand with no build step. A file:// page cannot
// import one inline module from another, so Bundle joins them into the one
// inline module script of the page: each module becomes a function scope
// that returns its exports, and each import becomes a destructuring of the
// scope it names. To keep that transformation exact, modules use only:
//
//	import { a, b as c } from './x.js';   // one line, relative path
//	export function f() {}                 // also async function, const, class
//
// Anything else that looks like an import or an export is an error, so a
// module never means something different once bundled.

var (
	importLine = regexp.MustCompile(`^import \{([^}]*)\} from '(\.{1,2}/[a-z0-9/_-]+\.js)';\s*$`)
	exportDecl = regexp.MustCompile(`^export (async function\*? |function\*? |const |class )([A-Za-z_$][A-Za-z0-9_$]*)`)
	identifier = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)
)

type jsModule struct {
	path    string // relative to js/, such as "screens/assess.js"
	imports []jsImport
	exports []string
	body    []string
}

type jsImport struct {
	from     string
	bindings []string // "a" or "a: b" (destructuring form)
}

// parseModule reads one module. Errors name the file and line.
func parseModule(name, src string) (*jsModule, error) {
	m := &jsModule{path: name}
	for i, line := range strings.Split(src, "\n") {
		at := fmt.Sprintf("js/%s:%d", name, i+1)
		switch {
		case strings.HasPrefix(line, "import"):
			g := importLine.FindStringSubmatch(line)
			if g == nil {
				return nil, fmt.Errorf("%s: an import must read import { a, b as c } from './x.js';", at)
			}
			imp := jsImport{from: path.Join(path.Dir(name), g[2])}
			for _, b := range strings.Split(g[1], ",") {
				f := strings.Fields(b)
				switch {
				case len(f) == 1 && identifier.MatchString(f[0]):
					imp.bindings = append(imp.bindings, f[0])
				case len(f) == 3 && f[1] == "as" && identifier.MatchString(f[0]) && identifier.MatchString(f[2]):
					imp.bindings = append(imp.bindings, f[0]+": "+f[2])
				case len(f) == 0:
				default:
					return nil, fmt.Errorf("%s: cannot read the import binding %q", at, strings.TrimSpace(b))
				}
			}
			m.imports = append(m.imports, imp)
			line = ""
		case strings.HasPrefix(line, "export"):
			g := exportDecl.FindStringSubmatch(line)
			if g == nil {
				return nil, fmt.Errorf("%s: an export must be 'export function', 'export async function', 'export const' or 'export class'", at)
			}
			m.exports = append(m.exports, g[2])
			line = strings.TrimPrefix(line, "export ")
		}
		m.body = append(m.body, line)
	}
	return m, nil
}

// bundleModules reads every module under dir in fsys and joins them,
// dependencies first, into one script that runs entry last.
func bundleModules(fsys fs.FS, dir, entry string) (string, error) {
	mods := map[string]*jsModule{}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".js") {
			return err
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, dir+"/")
		m, err := parseModule(name, string(src))
		if err != nil {
			return err
		}
		mods[name] = m
		return nil
	})
	if err != nil {
		return "", err
	}
	if mods[entry] == nil {
		return "", fmt.Errorf("js/%s: no such module", entry)
	}
	var order []*jsModule
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(name, from string) error
	visit = func(name, from string) error {
		m := mods[name]
		if m == nil {
			return fmt.Errorf("js/%s imports js/%s, which does not exist", from, name)
		}
		switch state[name] {
		case 1:
			return fmt.Errorf("js/%s: import cycle through js/%s", from, name)
		case 2:
			return nil
		}
		state[name] = 1
		for _, imp := range m.imports {
			if err := visit(imp.from, name); err != nil {
				return err
			}
			for _, b := range imp.bindings {
				if exp := strings.SplitN(b, ":", 2)[0]; !contains(mods[imp.from].exports, exp) {
					return fmt.Errorf("js/%s imports %s, which js/%s does not export", name, exp, imp.from)
				}
			}
		}
		state[name] = 2
		order = append(order, m)
		return nil
	}
	if err := visit(entry, entry); err != nil {
		return "", err
	}
	var unused []string
	for name := range mods {
		if state[name] == 0 {
			unused = append(unused, "js/"+name)
		}
	}
	if len(unused) > 0 {
		sort.Strings(unused)
		return "", fmt.Errorf("not imported by js/%s: %s", entry, strings.Join(unused, ", "))
	}
	var b strings.Builder
	b.WriteString("// The workbook's modules, joined by ncskit workbook (see wasm/web/modules.go).\n")
	for _, m := range order {
		fmt.Fprintf(&b, "// ---- js/%s\nconst %s = (() => {\n", m.path, scopeName(m.path))
		for _, imp := range m.imports {
			fmt.Fprintf(&b, "const { %s } = %s;\n", strings.Join(imp.bindings, ", "), scopeName(imp.from))
		}
		b.WriteString(strings.TrimRight(strings.Join(m.body, "\n"), "\n"))
		fmt.Fprintf(&b, "\nreturn { %s };\n})();\n", strings.Join(m.exports, ", "))
	}
	return b.String(), nil
}

// scopeName is the constant that holds a module's exports.
func scopeName(p string) string {
	return "$" + strings.NewReplacer("/", "_", "-", "_", ".js", "").Replace(p)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

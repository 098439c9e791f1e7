package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafting"
	"github.com/ncskit/ncskit/internal/tooltest"
	"github.com/ncskit/ncskit/load"
)

// fakeWasm is enough of a module for Bundle, which checks only the magic.
var fakeWasm = append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("ncskit"), 1000)...)

func bundle(t *testing.T) string {
	t.Helper()
	wb, err := Bundle(&Page{Wasm: fakeWasm, WasmExec: []byte("// wasm_exec.js\nclass Go {}\n")})
	if err != nil {
		t.Fatal(err)
	}
	if wb.Wasm != len(fakeWasm) || wb.WasmGzip == 0 {
		t.Errorf("sizes %d %d", wb.Wasm, wb.WasmGzip)
	}
	return string(wb.HTML)
}

func element(t *testing.T, html, open string) string {
	t.Helper()
	i := strings.Index(html, open)
	if i < 0 {
		t.Fatalf("no %s", open)
	}
	rest := html[i+len(open):]
	end := strings.Index(rest, "</")
	return rest[:end]
}

// app is what #ncskit-app unpacks to (see boot.js).
type app struct{ words, worker, first, model, modules string }

// unpack decodes and decompresses #ncskit-app as boot.js does, and splits
// it into its parts.
func unpack(t *testing.T, html string) app {
	t.Helper()
	m := regexp.MustCompile(`<script type="application/octet-stream" id="ncskit-app" data-gzip="([0-9]+)" data-parts="([0-9]+) ([0-9]+) ([0-9]+) ([0-9]+) ([0-9]+)" data-encoding="windows-1252" data-too-old="[^"<]+" data-damaged="[^"<]+">`).FindStringSubmatch(html)
	if m == nil {
		t.Fatal("no #ncskit-app element with its sizes, encoding and messages")
	}
	var n [6]int
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	gz, err := decodePayload(browserText(t, element(t, html, m[0])), n[0])
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil || len(raw) != n[1]+n[2]+n[3]+n[4]+n[5] {
		t.Fatalf("#ncskit-app unpacks to %d bytes (%v), want %d+%d+%d+%d+%d", len(raw), err, n[1], n[2], n[3], n[4], n[5])
	}
	var parts [5]string
	for i := range parts {
		parts[i], raw = string(raw[:n[i+1]]), raw[n[i+1]:]
	}
	return app{parts[0], parts[1], parts[2], parts[3], parts[4]}
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// TestBundle checks the single file: every marker replaced, the wasm and
// the page's own scripts and words inlined as gzip, and a CSP that allows
// exactly the inline boot script, the nomodule script and the style, by
// hash, the modules the boot script unpacks, and no network.
func TestBundle(t *testing.T) {
	html := bundle(t)
	if strings.Contains(html, "<!--ncskit:") {
		t.Error("a marker was left in the page")
	}
	if !strings.Contains(html, `<meta charset="windows-1252">`) {
		t.Error("the page does not say it is windows-1252")
	}
	payload := regexp.MustCompile(`(?s)(<script type="application/octet-stream"[^>]*>).*?</script>`)
	if rest := payload.ReplaceAllString(html, "$1</script>"); !isASCII(rest) {
		i := strings.IndexFunc(rest, func(r rune) bool { return r >= 0x80 })
		t.Errorf("the page outside the payload is not ASCII: %q", rest[max(0, i-40):min(len(rest), i+40)])
	}
	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`).FindStringSubmatch(html)
	if csp == nil {
		t.Fatal("no CSP meta tag")
	}
	boot := element(t, html, `<script type="module">`)
	style := element(t, html, `<style>`)
	nomodule := element(t, html, `<script nomodule>`)
	draftCSS, err := draftStyle()
	if err != nil {
		t.Fatal(err)
	}
	want := "default-src 'none'; script-src " + sha(boot) + " " + sha(nomodule) + " blob: 'wasm-unsafe-eval'; worker-src blob:; " +
		"style-src " + sha(style) + " " + sha(draftCSS) + "; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'; object-src 'none'"
	if csp[1] != want {
		t.Errorf("CSP\n%s\nwant\n%s", csp[1], want)
	}
	if strings.Index(html, "Content-Security-Policy") > strings.Index(html, "<style>") {
		t.Error("the CSP must come before the first style and script")
	}
	w := regexp.MustCompile(`<script type="application/octet-stream" id="ncskit-wasm" data-bytes="6008" data-gzip="([0-9]+)" data-encoding="windows-1252">`).FindStringSubmatch(html)
	if w == nil {
		t.Fatal("no wasm element with its sizes and encoding")
	}
	n, _ := strconv.Atoi(w[1])
	gz, err := decodePayload(browserText(t, element(t, html, w[0])), n)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(zr)
	if !bytes.Equal(raw, fakeWasm) {
		t.Error("the inlined wasm does not decompress to the module")
	}
	a := unpack(t, html)
	words, err := ReadTexts()
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := json.Marshal(words); a.words != string(want) {
		t.Error("the words unpacked are not text.json's")
	}
	if !strings.HasPrefix(a.worker, "// wasm_exec.js\n") || !strings.Contains(a.worker, "function decodeInto(") || !strings.HasSuffix(a.worker, "};\n") {
		t.Error("the worker source is not wasm_exec.js followed by payload.js and worker.js")
	}
	if !strings.Contains(a.modules, "// ---- js/main.js\n") || !strings.Contains(boot, "function decodeInto(") {
		t.Error("the modules or the boot script (payload.js and boot.js) are not where they belong")
	}
	// The boot script sets one src: the blob URL of the modules it unpacked.
	if strings.Count(boot, ".src =") != 1 || !strings.Contains(boot, "main.src = url;") || !strings.Contains(boot, "const url = URL.createObjectURL(new Blob(") {
		t.Error("the boot script sets a src other than the modules' blob URL")
	}
	for _, bad := range []string{".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
		"fetch(", "XMLHttpRequest", "WebSocket", "EventSource", "sendBeacon", "importScripts", "setAttribute('on", ".src ="} {
		if strings.Contains(a.modules, bad) || strings.Contains(a.worker, bad) || bad != ".src =" && strings.Contains(boot, bad) {
			t.Errorf("the page's scripts use %s", bad)
		}
	}
	script := a.modules
	// The only addresses in the scripts are names, never fetched: the SVG
	// namespace and the assessment schema's $id.
	for _, u := range regexp.MustCompile(`https?://[^'"\s]+`).FindAllString(script, -1) {
		if u != "http://www.w3.org/2000/svg" && u != "https://ncskit.org/schemas/assessment-v1.schema.json" {
			t.Errorf("the page's script names %s", u)
		}
	}
}

// TestBundleCompressedScripts: the worker's source travels compressed, so
// text that would end an inline element is safe in it.
func TestBundleCompressedScripts(t *testing.T) {
	exe := "var s = '</script><!--';\n"
	wb, err := Bundle(&Page{Wasm: fakeWasm, WasmExec: []byte(exe)})
	if err != nil {
		t.Fatal(err)
	}
	if a := unpack(t, string(wb.HTML)); !strings.HasPrefix(a.worker, exe) {
		t.Errorf("the worker source begins %q", a.worker[:min(40, len(a.worker))])
	}
}

// TestBundleDeterministic: the same inputs give the same bytes.
func TestBundleDeterministic(t *testing.T) {
	if first, second := bundle(t), bundle(t); first != second {
		t.Error("two bundles differ")
	}
}

func TestBundleRefuses(t *testing.T) {
	for _, tc := range []struct {
		name string
		page Page
		want string
	}{
		{"not wasm", Page{Wasm: []byte("hello world"), WasmExec: []byte("x")}, "web: the bridge is not a WebAssembly module"},
		{"no wasm_exec", Page{Wasm: fakeWasm}, "web: wasm_exec.js is empty"},
	} {
		_, err := Bundle(&tc.page)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.want)
		}
	}
}

// TestModules checks the joining of the modules on small cases.
func TestModules(t *testing.T) {
	fsys := fstest.MapFS{
		"js/main.js":  {Data: []byte("import { a, b as c } from './lib/x.js';\nexport const main = () => a() + c;\nmain();\n")},
		"js/lib/x.js": {Data: []byte("import { y } from './y.js';\nexport function a() { return y; }\nexport const b = 2;\n")},
		"js/lib/y.js": {Data: []byte("export const y = 1;\n")},
	}
	got, err := bundleModules(fsys, "js", "main.js")
	if err != nil {
		t.Fatal(err)
	}
	want := `// The workbook's modules, joined by ncskit workbook (see wasm/web/modules.go).
// ---- js/lib/y.js
const $lib_y = (() => {
const y = 1;
return { y };
})();
// ---- js/lib/x.js
const $lib_x = (() => {
const { y } = $lib_y;

function a() { return y; }
const b = 2;
return { a, b };
})();
// ---- js/main.js
const $main = (() => {
const { a, b: c } = $lib_x;

const main = () => a() + c;
main();
return { main };
})();
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestModuleErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"default export", fstest.MapFS{"js/main.js": {Data: []byte("export default 1;\n")}},
			"js/main.js:1: an export must be 'export function', 'export async function', 'export const' or 'export class'"},
		{"bare import", fstest.MapFS{"js/main.js": {Data: []byte("import x from './x.js';\n")}},
			"js/main.js:1: an import must read import { a, b as c } from './x.js';"},
		{"missing module", fstest.MapFS{"js/main.js": {Data: []byte("import { x } from './x.js';\n")}},
			"js/main.js imports js/x.js, which does not exist"},
		{"missing export", fstest.MapFS{"js/main.js": {Data: []byte("import { z } from './x.js';\n")}, "js/x.js": {Data: []byte("export const x = 1;\n")}},
			"js/main.js imports z, which js/x.js does not export"},
		{"cycle", fstest.MapFS{"js/main.js": {Data: []byte("import { x } from './x.js';\nexport const m = 1;\n")}, "js/x.js": {Data: []byte("import { m } from './main.js';\nexport const x = 1;\n")}},
			"js/x.js: import cycle through js/main.js"},
		{"unused", fstest.MapFS{"js/main.js": {Data: []byte("1;\n")}, "js/old.js": {Data: []byte("2;\n")}},
			"not imported by js/main.js: js/old.js"},
	} {
		_, err := bundleModules(tc.fsys, "js", "main.js")
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: %v\nwant %s", tc.name, err, tc.want)
		}
	}
}

// TestScriptsParse runs the joined modules and the worker through node's
// syntax check, when node is installed.
func TestScriptsParse(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("no subprocesses under GOOS=js")
	}
	node := tooltest.Require(t, "node")
	html := bundle(t)
	a := unpack(t, html)
	dir := t.TempDir()
	for name, src := range map[string]string{
		"boot.mjs":  element(t, html, `<script type="module">`),
		"page.mjs":  a.modules,
		"worker.js": a.worker,
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(src), 0o644)
		if out, err := exec.Command(node, "--check", p).CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s", name, err, out)
		}
	}
}

func TestFindRoot(t *testing.T) {
	root, err := FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "wasm", "web", "web.go")); err != nil {
		t.Errorf("root %s: %v", root, err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/other\n"), 0o644)
	_, err = FindRoot(dir)
	if err == nil || !strings.HasPrefix(err.Error(), "cannot find the ncskit source tree in "+dir+" or its parents") {
		t.Errorf("outside the tree: %v", err)
	}
}

// TestDraftStyle checks that the style sheet the page's policy allows for
// the draft preview is the one of a real draft.
func TestDraftStyle(t *testing.T) {
	css, err := draftStyle()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "small-island.json"))
	if err != nil {
		t.Fatal(err)
	}
	m := assess.Default()
	a, err := load.Assessment("small-island.json", data, m)
	if err != nil {
		t.Fatal(err)
	}
	tm, err := drafting.Template("", a.Profile)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := drafting.Make(m, a, tm, &drafting.Options{Format: "html"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), "<style>"+css+"</style>") || len(css) < 500 {
		t.Errorf("the draft's style element is not the one draftStyle returns (%d bytes)", len(css))
	}
	if strings.Contains(strings.ToLower(string(doc)), "<script") {
		t.Error("the draft has a script: the preview must stay script-free")
	}
}

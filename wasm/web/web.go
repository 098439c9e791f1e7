// Package web holds the page of the offline workbook (index.html,
// style.css, boot.js, payload.js, worker.js, text.json and the modules
// under js/) and turns it into one self-contained HTML file, under a
// Content-Security-Policy that forbids every network connection: the
// styles and boot.js inline; the compiled bridge, and the words, the
// worker and the modules, as two gzip payloads written nearly byte for
// byte in the windows-1252 page (see payload.go), which the worker and
// boot.js unpack.
//
//	wb, err := web.Build(ctx, &web.BuildOptions{Dir: root}) // compiles ./wasm with the local Go
//	os.WriteFile("ncskit-workbook.html", wb.HTML, 0o644)
//
// The page needs no build step: "ncskit serve" and "ncskit workbook" build
// it from these sources, which are embedded in the ncskit binary. The
// bridge itself (package wasm) is compiled when the workbook is built, by
// the Go toolchain of the machine, from the source tree.
package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	drafthtml "github.com/ncskit/ncskit/render/html"
	"github.com/ncskit/ncskit/strategy"
)

//go:embed index.html style.css worker.js payload.js boot.js text.json js
var files embed.FS

// Page is what Bundle needs besides the embedded sources.
type Page struct {
	// Wasm is the compiled bridge (GOOS=js GOARCH=wasm), uncompressed.
	Wasm []byte
	// WasmExec is wasm_exec.js of the Go toolchain that compiled Wasm.
	WasmExec []byte
	// GoVersion is that toolchain's version (go env GOVERSION), which the
	// engine's "info" reports; empty means the version of this program.
	GoVersion string
}

// Workbook is a bundled workbook page with the sizes worth reporting.
type Workbook struct {
	HTML     []byte
	Wasm     int // bytes of the compiled bridge
	WasmGzip int // bytes of the bridge once gzip-compressed (before the text encoding)
	WasmText int // bytes of the bridge as inlined in the page
	AppGzip  int // bytes of the page's words, scripts, first answers and model once gzip-compressed (see boot.js)
}

// The markers in index.html that Bundle replaces, each with a whole element.
const (
	markCSP      = "<!--ncskit:csp-->"
	markStyle    = "<!--ncskit:style-->"
	markNoModule = "<!--ncskit:nomodule-->"
	markApp      = "<!--ncskit:app-->"
	markWasm     = "<!--ncskit:wasm-->"
	markScript   = "<!--ncskit:script-->"
	markBoot     = "<!--ncskit:boot-->"
)

// noModule runs only in browsers without ES modules: too old for the
// workbook. It says so in place of the loading message, in every
// language of the page (no script has chosen one yet).
func noModule(words Texts) (string, error) {
	msg, err := json.Marshal(words.All("boot.too-old", "\n\n"))
	if err != nil {
		return "", err
	}
	return `document.documentElement.setAttribute('data-ncskit-error', 'unsupported-browser');
document.getElementById('boot').textContent = ` + string(msg) + `;`, nil
}

// Bundle assembles the single-file page.
func Bundle(p *Page) (*Workbook, error) {
	if len(p.Wasm) < 8 || !bytes.Equal(p.Wasm[:4], []byte("\x00asm")) {
		return nil, errors.New("web: the bridge is not a WebAssembly module")
	}
	if len(p.WasmExec) == 0 {
		return nil, errors.New("web: wasm_exec.js is empty")
	}
	page, err := fs.ReadFile(files, "index.html")
	if err != nil {
		return nil, err
	}
	styleSrc, err := fs.ReadFile(files, "style.css")
	if err != nil {
		return nil, err
	}
	style := string(styleSrc)
	var src [3][]byte // payload.js, worker.js, boot.js
	for i, name := range []string{"payload.js", "worker.js", "boot.js"} {
		if src[i], err = fs.ReadFile(files, name); err != nil {
			return nil, err
		}
	}
	script, err := bundleModules(files, "js", "main.js")
	if err != nil {
		return nil, err
	}
	words, err := ReadTexts()
	if err != nil {
		return nil, err
	}
	wordsJSON, err := json.Marshal(words)
	if err != nil {
		return nil, err
	}
	noMod, err := noModule(words)
	if err != nil {
		return nil, err
	}
	if noMod, err = asciiJS(noMod); err != nil {
		return nil, err
	}
	wasmGz, err := gzipped(p.Wasm)
	if err != nil {
		return nil, err
	}
	first, model, err := firstAnswers(p.GoVersion, Languages)
	if err != nil {
		return nil, err
	}
	// The words, the worker's source, the engine's first answers, the
	// model and the modules travel compressed in #ncskit-app, which
	// boot.js unpacks (see there). They are UTF-8 inside, as the browser
	// decodes them.
	workerSrc := string(p.WasmExec) + "\n;\n" + string(src[0]) + string(src[1])
	parts := []string{string(wordsJSON), workerSrc, string(first), string(model), script}
	appGz, err := gzipped([]byte(strings.Join(parts, "")))
	if err != nil {
		return nil, err
	}
	boot := string(src[0]) + string(src[2])
	// The page is windows-1252: everything but the payloads is written in
	// ASCII (see payload.go).
	sources := []struct {
		name string
		text *string
		end  string
		esc  func(string) (string, error)
	}{
		{"style.css", &style, "</style", asciiCSS},
		{"payload.js and boot.js", &boot, "</script", asciiJS},
	}
	for _, c := range sources {
		if low := strings.ToLower(*c.text); strings.Contains(low, c.end) || strings.Contains(low, "<!--") {
			return nil, fmt.Errorf("web: %s contain %q or \"<!--\", which would end or confuse the inline element", c.name, c.end)
		}
		if *c.text, err = c.esc(*c.text); err != nil {
			return nil, fmt.Errorf("web: %s: %v", c.name, err)
		}
	}
	draftCSS, err := draftStyle()
	if err != nil {
		return nil, err
	}
	csp := strings.Join([]string{
		"default-src 'none'",
		// blob: is the modules boot.js unpacks; only a script of the
		// page can make a blob URL.
		"script-src " + hash(boot) + " " + hash(noMod) + " blob: 'wasm-unsafe-eval'",
		"worker-src blob:",
		"style-src " + hash(style) + " " + hash(draftCSS),
		"img-src data:",
		"connect-src 'none'",
		"form-action 'none'",
		"base-uri 'none'",
		"object-src 'none'",
	}, "; ")
	var sizes []string
	for _, p := range parts {
		sizes = append(sizes, fmt.Sprint(len(p)))
	}
	wasmText := encodePayload(wasmGz)
	out := asciiHTML(string(page))
	for _, r := range []struct{ mark, with string }{
		{markCSP, `<meta http-equiv="Content-Security-Policy" content="` + csp + `">`},
		{markStyle, "<style>" + style + "</style>"},
		{markNoModule, "<script nomodule>" + noMod + "</script>"},
		{markBoot, asciiHTML(words.bootHTML())},
		{markApp, `<script type="application/octet-stream" id="ncskit-app" data-gzip="` + fmt.Sprint(len(appGz)) +
			`" data-parts="` + strings.Join(sizes, " ") + `" data-encoding="windows-1252" data-too-old="` +
			asciiHTML(html.EscapeString(words.All("boot.too-old", "\n\n"))) + `" data-damaged="` +
			asciiHTML(html.EscapeString(words.All("boot.damaged", "\n\n"))) + `">` + encodePayload(appGz) + "</script>"},
		{markWasm, `<script type="application/octet-stream" id="ncskit-wasm" data-bytes="` +
			fmt.Sprint(len(p.Wasm)) + `" data-gzip="` + fmt.Sprint(len(wasmGz)) +
			`" data-encoding="windows-1252">` + wasmText + "</script>"},
		{markScript, `<script type="module">` + boot + "</script>"},
	} {
		if r.mark != markWasm && r.mark != markApp && !isASCII(r.with) {
			return nil, fmt.Errorf("web: the element for %s is not ASCII, which the windows-1252 page needs", r.mark)
		}
		if n := strings.Count(out, r.mark); n != 1 {
			return nil, fmt.Errorf("web: index.html has %d %s markers, want 1", n, r.mark)
		}
		out = strings.Replace(out, r.mark, r.with, 1)
	}
	return &Workbook{HTML: []byte(out), Wasm: len(p.Wasm), WasmGzip: len(wasmGz), WasmText: len(wasmText), AppGzip: len(appGz)}, nil
}

// gzipped compresses data as the page's payloads are.
func gzipped(data []byte) ([]byte, error) {
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return gz.Bytes(), nil
}

// draftStyle returns the text of the <style> element of a strategy draft
// as render/html writes it. The Draft screen previews that HTML in a
// sandboxed frame, which keeps the page's Content-Security-Policy: the
// policy allows this one style sheet by its hash, and images from data:
// URLs (the draft's charts are SVG images inside the document). The
// draft's inline style attributes (column widths) stay refused, so the
// preview's tables are laid out by the browser alone.
func draftStyle() (string, error) {
	var b bytes.Buffer
	if err := drafthtml.Encode(&b, &strategy.Draft{}, nil); err != nil {
		return "", fmt.Errorf("web: the draft's style sheet: %v", err)
	}
	doc := b.String()
	i := strings.Index(doc, "<style>")
	j := strings.Index(doc, "</style>")
	if i < 0 || j < i || strings.Count(doc, "<style") != 1 {
		return "", errors.New("web: the draft's HTML does not have exactly one <style> element")
	}
	return doc[i+len("<style>") : j], nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// Module is the module path of ncskit, whose source tree Build compiles.
const Module = "github.com/ncskit/ncskit"

// ErrNoSource means that no ncskit source tree was found.
var ErrNoSource = errors.New("cannot find the ncskit source tree")

// FindRoot returns the root of the ncskit source tree that holds dir: the
// nearest directory at or above dir whose go.mod declares module
// github.com/ncskit/ncskit and which holds the bridge (wasm/main_js.go).
func FindRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if data, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil {
			if modulePath(data) == Module {
				if _, err := os.Stat(filepath.Join(d, "wasm", "main_js.go")); err == nil {
					return d, nil
				}
			}
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("%w in %s or its parents: run the command inside a clone of %s (go run ./cmd/ncskit workbook -o ncskit-workbook.html)", ErrNoSource, dir, Module)
		}
	}
}

func modulePath(gomod []byte) string {
	for _, line := range strings.Split(string(gomod), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "module" {
			return strings.Trim(f[1], `"`)
		}
	}
	return ""
}

// BuildOptions configure Build.
type BuildOptions struct {
	// Dir is the root of the ncskit source tree (see FindRoot).
	Dir string
	// Go is the go command; empty means "go" on PATH, then GOROOT/bin/go.
	Go string
}

// ColdPackages are compiled without inlining (-gcflags=PATTERN=-l): the
// spreadsheet, PDF, Word and archive machinery and the reports, which run
// only when the facilitator imports or exports a file, and the loading,
// schema, regular-expression and text-encoding code that checks a file
// once. Inlining copies small functions into their callers; in these
// packages it makes the compressed engine about 380 KB larger and saves
// nothing a facilitator notices. The packages a key press runs (runtime,
// reflect, encoding/json, strconv, strings, fmt, time, assess, strategy,
// the bridge) keep it.
var ColdPackages = []string{
	"github.com/xuri/...", "github.com/go-pdf/...", "github.com/richardlehane/...", "github.com/tiendc/...",
	"github.com/santhosh-tekuri/...", "golang.org/x/net/...", "golang.org/x/text/...",
	"golang.org/x/image/...", "golang.org/x/crypto/...",
	"crypto/...", "net/...", "image/...", "encoding/xml", "encoding/gob", "encoding/asn1", "encoding/pem",
	"archive/zip", "compress/...", "math/big", "mime/...", "container/...", "bufio", "os", "io/fs", "path/...",
	"log/...", "unique", "weak",
	"./render/...", "./questionnaire", "./region", "./progress", "./load", "./schemas", "./internal/...",
}

// BuildTags are the build tags of the workbook's engine: ncskit_page
// leaves the model's files out of it, as the page carries the model and
// hands it over (see package catalog).
const BuildTags = "ncskit_page"

// Build compiles the bridge with the local Go toolchain (GOOS=js
// GOARCH=wasm, -trimpath -ldflags='-s -w', -tags=BuildTags, no inlining in ColdPackages) into a temporary directory,
// takes wasm_exec.js from the same toolchain and bundles the page.
func Build(ctx context.Context, o *BuildOptions) (*Workbook, error) {
	goCmd, err := goCommand(o.Go)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "ncskit-workbook-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "ncskit.wasm")
	args := []string{"build", "-trimpath", "-ldflags=-s -w", "-tags=" + BuildTags}
	for _, p := range ColdPackages {
		args = append(args, "-gcflags="+p+"=-l")
	}
	cmd := exec.CommandContext(ctx, goCmd, append(args, "-o", out, "./wasm")...)
	cmd.Dir = o.Dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("compiling the bridge (GOOS=js GOARCH=wasm go build ./wasm in %s): %v\n%s", o.Dir, err, bytes.TrimSpace(msg))
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		return nil, err
	}
	// Joined segments make the same memory in a smaller page; a module
	// whose data section mergeData cannot rewrite runs as it is.
	if joined, err := mergeData(wasm, mergeGap); err == nil {
		wasm = joined
	}
	env, err := exec.CommandContext(ctx, goCmd, "env", "GOROOT", "GOVERSION").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT GOVERSION: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(env)), "\n")
	if len(lines) != 2 {
		return nil, fmt.Errorf("go env GOROOT GOVERSION said %q", env)
	}
	goroot, goVersion := strings.TrimSpace(lines[0]), strings.TrimSpace(lines[1])
	var exe []byte
	for _, p := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} {
		if exe, err = os.ReadFile(filepath.Join(goroot, p)); err == nil {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("cannot find wasm_exec.js in %s: %v", goroot, err)
	}
	return Bundle(&Page{Wasm: wasm, WasmExec: exe, GoVersion: goVersion})
}

func goCommand(name string) (string, error) {
	if name != "" {
		return name, nil
	}
	if p, err := exec.LookPath("go"); err == nil {
		return p, nil
	}
	if r := os.Getenv("GOROOT"); r != "" {
		p := filepath.Join(r, "bin", "go")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", errors.New("the workbook is compiled by the Go toolchain, and no go command was found on PATH: install Go 1.26 or later")
}

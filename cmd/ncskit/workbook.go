package main

import (
	"context"
	"fmt"
	"os"

	"github.com/ncskit/ncskit/wasm/web"
)

// buildWorkbook compiles the bridge from the source tree that holds the
// working directory and bundles the page.
func buildWorkbook() (*web.Workbook, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	root, err := web.FindRoot(wd)
	if err != nil {
		return nil, err
	}
	return web.Build(context.Background(), &web.BuildOptions{Dir: root})
}

func runWorkbook(e *env, args []string) error {
	spec := cmdSpec{"-o FILE",
		"Build the offline workbook: one self-contained HTML file that runs the\n" +
			"whole workshop in a browser with no network. Open it by double-click,\n" +
			"from a USB stick if need be. The engine is compiled with the local Go\n" +
			"toolchain (GOOS=js GOARCH=wasm), so run the command inside a clone of\n" +
			"the source tree: go run ./cmd/ncskit workbook -o ncskit-workbook.html" + outputHelp}
	fs := newFlags("workbook")
	out := fs.String("o", "", "write the workbook to `file` (- for standard output)")
	pos, err := parse(e, fs, spec, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if *out == "" {
		return usagef("-o FILE is required")
	}
	if err := checkOutput(*out); err != nil {
		return err
	}
	wb, err := buildWorkbook()
	if err != nil {
		return err
	}
	if err := writeOutput(e, *out, wb.HTML); err != nil {
		return err
	}
	if *out == "-" {
		return nil
	}
	fmt.Fprintf(e.stdout, "%s: %s (engine %s, %s gzip); open it in a current browser\n",
		*out, workbookMB(len(wb.HTML)), workbookMB(wb.Wasm), workbookMB(wb.WasmGzip))
	return nil
}

func workbookMB(n int) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

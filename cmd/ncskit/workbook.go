package main

import (
	"context"
	"fmt"
	"os"

	"github.com/ncskit/ncskit/wasm/web"
)

// buildWorkbook compiles the bridge from the source tree that holds the
// working directory and bundles the page. Errors are printed for cmd.
func buildWorkbook(e *env, cmd string) (*web.Workbook, int) {
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(e.stderr, "ncskit %s: %v\n", cmd, err)
		return nil, exitInvalid
	}
	root, err := web.FindRoot(wd)
	if err != nil {
		fmt.Fprintf(e.stderr, "ncskit %s: %v\n", cmd, err)
		return nil, exitInvalid
	}
	wb, err := web.Build(context.Background(), &web.BuildOptions{Dir: root})
	if err != nil {
		fmt.Fprintf(e.stderr, "ncskit %s: %v\n", cmd, err)
		return nil, exitInvalid
	}
	return wb, -1
}

func runWorkbook(e *env, args []string) int {
	spec := cmdSpec{"-o FILE",
		"Build the offline workbook: one self-contained HTML file that runs the\n" +
			"whole workshop in a browser with no network. Open it by double-click,\n" +
			"from a USB stick if need be. The engine is compiled with the local Go\n" +
			"toolchain (GOOS=js GOARCH=wasm), so run the command inside a clone of\n" +
			"the source tree: go run ./cmd/ncskit workbook -o ncskit-workbook.html" + outputHelp}
	fs := newFlags("workbook")
	out := fs.String("o", "", "write the workbook to `file` (- for standard output)")
	pos, code := parse(e, fs, spec, args)
	if code >= 0 {
		return code
	}
	if len(pos) > 0 {
		return usageError(e, "workbook", "unexpected argument %q", pos[0])
	}
	if *out == "" {
		return usageError(e, "workbook", "-o FILE is required")
	}
	if code := outputStatus(e, "workbook", *out); code >= 0 {
		return code
	}
	wb, code := buildWorkbook(e, "workbook")
	if code >= 0 {
		return code
	}
	if err := writeOutput(e, *out, wb.HTML); err != nil {
		fmt.Fprintf(e.stderr, "ncskit workbook: %v\n", err)
		return exitInvalid
	}
	if *out == "-" {
		return exitOK
	}
	fmt.Fprintf(e.stdout, "%s: %s (engine %s, %s gzip); open it in a current browser\n",
		*out, workbookMB(len(wb.HTML)), workbookMB(wb.Wasm), workbookMB(wb.WasmGzip))
	return exitOK
}

func workbookMB(n int) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main explains how to build the bridge: it runs only in a browser (or
// node), compiled with GOOS=js GOARCH=wasm.
func main() {
	fmt.Fprintln(os.Stderr, "the ncskit bridge runs in a browser: build it with GOOS=js GOARCH=wasm, or run 'ncskit workbook'")
	os.Exit(2)
}

//go:build !ncskit_page

package main

import (
	"sync"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/wasm/catalog"
)

// defaultModelFiles is the embedded default model, read once.
var defaultModelFiles = sync.OnceValues(func() (*catalog.ModelFiles, error) {
	return catalog.ReadModelFiles(assess.EmbeddedFS(), "model/model.json")
})

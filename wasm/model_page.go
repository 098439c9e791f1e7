//go:build js && wasm && ncskit_page

package main

import (
	"errors"
	"sync"
	"syscall/js"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/wasm/catalog"
)

func init() {
	assess.UseModelDocument(pageModel)
}

// pageModel is the default model's document (the answer of "model") that
// the page puts in the worker's global ncskitModel before the engine
// starts (worker.js), read once.
var pageModel = sync.OnceValues(func() ([]byte, error) {
	v := js.Global().Get("ncskitModel")
	if v.Type() != js.TypeString {
		return nil, errors.New("the page did not hand the model to the engine (ncskitModel): the file is damaged; open a fresh copy")
	}
	return []byte(v.String()), nil
})

// defaultModelFiles is the model the page handed over. Its head is read
// from the decoded model, which the first scoring needs anyway: "info"
// and "vocab" are answered by the page itself at its start.
var defaultModelFiles = sync.OnceValues(func() (*catalog.ModelFiles, error) {
	doc, err := pageModel()
	if err != nil {
		return nil, err
	}
	d := assess.Default()
	return &catalog.ModelFiles{Doc: doc, Head: catalog.ModelHead{ID: d.ID, Version: d.Version, Languages: d.Languages}}, nil
})

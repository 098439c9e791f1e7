//go:build ncskit_page

package assess

import (
	"errors"
	"fmt"
)

// The offline workbook's engine is compiled with the build tag
// ncskit_page. Its page carries the default model, as the one document
// the engine's "model" call answers (pillars inline), for its own first
// screen; a second copy of the model's files in the engine would make
// the file some 180 KB larger. So in that build the model's files are not
// embedded (there is no EmbeddedFS), and the engine names the document
// with UseModelDocument before anything calls Default.

var modelDocument func() ([]byte, error)

// UseModelDocument makes Default parse the document that load returns
// (a complete model, as ParseModel reads it), on its first call.
func UseModelDocument(load func() ([]byte, error)) {
	modelDocument = load
}

func loadDefault() (*Model, error) {
	if modelDocument == nil {
		return nil, errors.New("built with ncskit_page, and no model document was named (UseModelDocument)")
	}
	doc, err := modelDocument()
	if err != nil {
		return nil, err
	}
	m, err := ParseModel(doc)
	if err != nil {
		return nil, fmt.Errorf("the model's document: %w", err)
	}
	return m, nil
}

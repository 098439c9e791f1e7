package main

import (
	"fmt"

	"github.com/ncskit/ncskit/wasm/catalog"
)

// VocabRequest is the request of "vocab": the language of the names.
type VocabRequest struct {
	Lang string `json:"lang,omitempty"`
}

func runVocab(req []byte) ([]byte, error) {
	var r VocabRequest
	if err := decodeRequest("vocab", req, &r); err != nil {
		return nil, err
	}
	if r.Lang == "" {
		r.Lang = "en"
	}
	if !langCode.MatchString(r.Lang) {
		return nil, fmt.Errorf("vocab: lang %q is not a language code such as en, es or pt-BR", r.Lang)
	}
	m, err := defaultModelFiles()
	if err != nil {
		return nil, err
	}
	v, err := catalog.NewVocab(m, r.Lang)
	if err != nil {
		return nil, err
	}
	return marshal(v)
}

package web

import (
	"bytes"
	"encoding/json"
	"runtime"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/wasm/catalog"
)

// firstAnswers are the answers of the engine's first calls, made by the
// code the engine answers them with (package catalog), so that the page
// draws its first screen without waiting for the engine (see main.js):
// first is the JSON object {"info": …, "vocab": {"en": …, …}}, with the
// names of the values in each language of langs, and model the model's
// document, which the page also hands to the engine (build tag
// ncskit_page). goVersion is the engine's Go version; empty means this
// program's.
func firstAnswers(goVersion string, langs []string) (first, model []byte, err error) {
	m, err := catalog.ReadModelFiles(assess.EmbeddedFS(), "model/model.json")
	if err != nil {
		return nil, nil, err
	}
	if goVersion == "" {
		goVersion = runtime.Version()
	}
	answers := struct {
		Info  *catalog.Info             `json:"info"`
		Vocab map[string]*catalog.Vocab `json:"vocab"`
	}{catalog.NewInfo(m, goVersion), map[string]*catalog.Vocab{}}
	for _, l := range langs {
		if answers.Vocab[l], err = catalog.NewVocab(m, l); err != nil {
			return nil, nil, err
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // as the engine writes them
	if err := enc.Encode(answers); err != nil {
		return nil, nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), m.Doc, nil
}

package region

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/ncskit/ncskit/assess"
)

// The words of the report live in text.json, keyed by language like all
// text a person reads.
//
//go:embed text.json
var textJSON []byte

// texts reads text.json on first use, not when the program starts: the
// workbook's engine starts sooner for it, and most sessions never write
// a regional report.
var texts = sync.OnceValue(func() map[string]assess.Text {
	var t map[string]assess.Text
	if err := json.Unmarshal(textJSON, &t); err != nil {
		panic(fmt.Sprintf("region: text.json: %v", err))
	}
	return t
})

// text returns the words of key in lang, falling back to English.
func text(lang, key string) string {
	t, ok := texts()[key]
	if !ok {
		panic("region: no text " + key)
	}
	return t.In(lang)
}

// Text returns the words of a key of the report's vocabulary (a heading, a
// programme kind "kind.shared-csirt-service", a function
// "function.csirt") in lang, for renderers.
func Text(lang, key string) string { return text(lang, key) }

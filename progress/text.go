package progress

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ncskit/ncskit/assess"
)

// The words of the report live in text.json, keyed by language like all
// text a person reads.
//
//go:embed text.json
var textJSON []byte

var texts = func() map[string]assess.Text {
	var t map[string]assess.Text
	if err := json.Unmarshal(textJSON, &t); err != nil {
		panic(fmt.Sprintf("progress: text.json: %v", err))
	}
	return t
}()

// text returns the words of key in lang, falling back to English, with
// each {name} replaced by the value that follows it in args.
func text(lang, key string, args ...string) string {
	t, ok := texts[key]
	if !ok {
		panic("progress: no text " + key)
	}
	s := t.In(lang)
	for i := 0; i+1 < len(args); i += 2 {
		s = strings.ReplaceAll(s, "{"+args[i]+"}", args[i+1])
	}
	return s
}

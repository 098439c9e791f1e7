package progress

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/ncskit/ncskit/assess"
)

// The words of the report live in text.json, keyed by language like all
// text a person reads.
//
//go:embed text.json
var textJSON []byte

// texts reads text.json on first use, not when a program that links the
// package starts: the workbook's engine starts sooner for it, and most
// sessions never write a progress report. The encoders return its error.
var texts = sync.OnceValues(func() (map[string]assess.Text, error) {
	return readTexts(textJSON)
})

func readTexts(data []byte) (map[string]assess.Text, error) {
	var t map[string]assess.Text
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("progress: text.json: %v", err)
	}
	return t, nil
}

// text returns the words of key in lang, falling back to English, with
// each {name} replaced by the value that follows it in args. The encoders
// read texts (and return its error) before they call it.
func text(lang, key string, args ...string) string {
	all, _ := texts()
	t, ok := all[key]
	if !ok {
		panic("progress: no text " + key)
	}
	s := t.In(lang)
	for i := 0; i+1 < len(args); i += 2 {
		s = strings.ReplaceAll(s, "{"+args[i]+"}", args[i+1])
	}
	return s
}

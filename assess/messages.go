package assess

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/ncskit/ncskit/internal/locale"
)

// The words of the warnings and priority reasons that Score writes live
// in messages.json, keyed by language like the model's text, with named
// placeholders ({indicator}, {level}) so that a language can order them
// as it needs.
//
//go:embed messages.json
var messagesJSON []byte

var messages = sync.OnceValue(func() map[string]Text {
	var m map[string]Text
	if err := json.Unmarshal(messagesJSON, &m); err != nil {
		panic(fmt.Sprintf("assess: messages.json: %v", err))
	}
	return m
})

// MessageLanguages are the languages Score writes its warnings and
// reasons in.
var MessageLanguages = []string{"en", "es", "fr", "pt"}

// message returns the message key in lang with its placeholders filled
// from the name, value pairs of args.
func message(lang, key string, args ...string) string {
	return fill(messageIn(lang, key), args)
}

// messageIn returns the message of key in lang, placeholders unfilled.
func messageIn(lang, key string) string {
	t, ok := messages()[key]
	if !ok {
		panic("assess: no message " + key)
	}
	return t.In(lang)
}

// number writes f as lang writes a decimal number: 1.5 in English, 1,5
// in Spanish, French and Portuguese.
func number(lang string, f float64) string { return locale.For(lang).Number(f) }

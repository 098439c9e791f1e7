package drafttest

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
)

// Slim returns a small valid copy of an assessment for seeding a fuzzer:
// the first 20 responses, every other section whole, free text cut to 16
// characters, compact JSON. The examples are 60 KB and take milliseconds
// to load, so an input grown from them takes the fuzzer longer to minimize
// than a short run lasts; a slim seed reaches the same code in a few KB.
func Slim(tb testing.TB, a *assess.Assessment) []byte {
	tb.Helper()
	c := *a
	cut := func(s *string) {
		if r := []rune(*s); len(r) > 16 {
			*s = string(r[:16])
		}
	}
	c.Responses = slices.Clone(c.Responses[:min(20, len(c.Responses))])
	for i := range c.Responses {
		cut(&c.Responses[i].Evidence)
	}
	c.Decisions.Agreed = slices.Clone(c.Decisions.Agreed)
	for i := range c.Decisions.Agreed {
		d := &c.Decisions.Agreed[i]
		cut(&d.Rationale)
		d.Dissent = slices.Clone(d.Dissent)
		for j := range d.Dissent {
			cut(&d.Dissent[j].Note)
		}
	}
	c.Decisions.PriorityOverrides = slices.Clone(c.Decisions.PriorityOverrides)
	for i := range c.Decisions.PriorityOverrides {
		cut(&c.Decisions.PriorityOverrides[i].Reason)
	}
	data, err := json.Marshal(&c)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := load.Assessment("slim.json", data, assess.Default()); err != nil {
		tb.Fatalf("the slim seed does not load:\n%v", err)
	}
	return data
}

package questionnaire_test

import (
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/questionnaire"
)

// FuzzRead feeds Read with damaged questionnaires, seeded from a blank, a
// filled and a pre-filled questionnaire and from the broken corpus. Read
// must not panic, must not report a panic it recovered from, and what it
// accepts must make sense against the model.
//
// The seeds are workbooks of 50-150 kB, which the fuzzer is slow to
// minimise: run it with a short -fuzzminimizetime, for example
//
//	go test ./questionnaire -run XXX -fuzz FuzzRead -fuzztime 5m -fuzzminimizetime 3s
func FuzzRead(f *testing.F) {
	blank := write(f, nil)
	f.Add(blank)
	x := open(f, blank)
	filledRespondent(f, x, "Ana Pérez", "Ministry of Tests")
	fill(f, x, "GOV.STR.1", "3 - Defined", "4", "National", "high", "no", hostile[0])
	fill(f, x, "IRC.SA.1", "n/a")
	f.Add(save(f, x))
	f.Add(write(f, &questionnaire.Options{Lang: "fr", Prefill: example(f), Respondent: "r-irc-2"}))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("Indicator,Level\nGOV.STR.1,3\n"))
	m := assess.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := read("fuzz.xlsx", data)
		if err != nil {
			if strings.Contains(err.Error(), "could not be read (") {
				t.Fatalf("Read recovered from a panic: %v", err)
			}
			if got != nil {
				t.Fatal("Read returned both a result and an error")
			}
			return
		}
		if got.Name == "" || got.Organisation == "" {
			t.Errorf("accepted without a name or organisation: %q %q", got.Name, got.Organisation)
		}
		for _, a := range got.Answers {
			if m.Indicator(a.Indicator) == nil {
				t.Errorf("%s: unknown indicator %q accepted", a.Cell, a.Indicator)
			}
			if a.Level == 0 || int(a.Level) > m.Scale.Max() || a.Target < 0 || a.Target > m.Scale.Max() {
				t.Errorf("%s: level %d, target %d accepted", a.Cell, a.Level, a.Target)
			}
		}
	})
}

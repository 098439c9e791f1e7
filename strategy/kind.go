package strategy

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/problem"
)

// titleKeys are the text keys of the title of each kind of draft.
var titleKeys = map[string]string{
	"strategy":            "meta.title",
	"implementation-plan": "meta.titleImplementation",
	"refresh":             "meta.titleRefresh",
}

// summaryKeys are the text keys of the summary's sentence on what the
// draft is.
var summaryKeys = map[string]string{
	"strategy":            "summary.kindStrategy",
	"implementation-plan": "summary.kindImplementation",
	"refresh":             "summary.kindRefresh",
}

// kind returns what the draft is (Options.Kind, or the choice the facts
// make) and the strategy in force, if any, with its instrument. A kind
// the facts cannot support is a build error, and the draft falls back to
// a strategy.
func (b *builder) kind(start int) (string, *strategyInForce) {
	sif := b.strategyInForce()
	kind := b.o.Kind
	if kind == "" {
		switch {
		case sif == nil || sif.From > start || sif.To < start:
			kind = "strategy"
		case sif.To == start:
			kind = "refresh"
		default:
			kind = "implementation-plan"
		}
	}
	switch {
	case !slices.Contains(Kinds, kind):
		b.fail(fmt.Errorf("unknown kind of draft %q (known: %s)", kind, strings.Join(Kinds, ", ")))
		return "strategy", sif
	case kind != "strategy" && sif == nil:
		b.fail(problem.List{{At: "/facts/strategyInForce", Message: fmt.Sprintf("a draft of kind %s needs the strategy in force, and the assessment records none", kind)}})
		return "strategy", nil
	case kind == "implementation-plan" && sif.To < start:
		b.fail(problem.List{{At: "/facts/strategyInForce/to", Message: fmt.Sprintf("the strategy in force ends in %d, before the plan starts in %d", sif.To, start),
			Hint: "draft a refresh or a strategy instead"}})
		return "strategy", sif
	}
	return kind, sif
}

// strategyInForce is the strategy in force recorded in the facts, with
// the instrument that adopted it.
type strategyInForce struct {
	assess.StrategyInForce
	instrument *assess.Instrument
}

func (b *builder) strategyInForce() *strategyInForce {
	f := b.a.Facts
	if f == nil || f.StrategyInForce == nil {
		return nil
	}
	s := &strategyInForce{StrategyInForce: *f.StrategyInForce}
	for i := range f.Instruments {
		if f.Instruments[i].ID == s.Instrument {
			s.instrument = &f.Instruments[i]
		}
	}
	return s
}

// strategyPairs are the placeholders that name the strategy in force:
// {strategy} (its name, and its reference in brackets), {strategyFrom}
// and {strategyTo}.
func (b *builder) strategyPairs(s *strategyInForce) []string {
	if s == nil {
		return nil
	}
	name := s.Instrument
	if in := s.instrument; in != nil {
		name = in.Name
		if in.Reference != "" {
			name += " (" + in.Reference + ")"
		}
	}
	return []string{"strategy", name, "strategyFrom", strconv.Itoa(s.From), "strategyTo", strconv.Itoa(s.To)}
}

// kindText says what the draft is, for the document control and the
// summary.
func (b *builder) kindText(kind string, s *strategyInForce) string {
	key := map[string]string{"strategy": "kind.strategy", "implementation-plan": "kind.implementationPlan", "refresh": "kind.refresh"}[kind]
	return b.text(key, b.strategyPairs(s)...)
}

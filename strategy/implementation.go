package strategy

// The strategy's implementation chapter and the minimum viable path.

import (
	"strconv"
	"strings"
)

// implementation is the strategy's chapter on implementation: the
// actions of each horizon by ID, the plan year by year and the minimum
// viable path; the implementation plan holds the dates, leads,
// dependencies and capacity.
func (b *builder) implementation() {
	b.chapterHeading(b.label("ch.implementation"), "implementation")
	b.para(b.text("implementation.summary"))
	b.implementationFacts()
	var rows [][]string
	for _, h := range []string{"quick", "medium", "long"} {
		var ids []string
		for _, a := range b.d.Actions {
			if a.Horizon == h {
				ids = append(ids, a.ID)
			}
		}
		if len(ids) > 0 {
			rows = append(rows, []string{b.term(b.t.common.Horizons, h), strconv.Itoa(len(ids)), strings.Join(ids, ", ")})
		}
	}
	if n := len(b.d.Deferred); n > 0 {
		var ids []string
		for _, d := range b.d.Deferred {
			ids = append(ids, d.ID)
		}
		rows = append(rows, []string{b.label("sec.beyond"), strconv.Itoa(n), strings.Join(ids, ", ")})
	}
	b.table("horizons", "", b.labels("col.horizon", "col.actions", "col.actionIDs"), []float64{1.6, 0.6, 4}, rows)
	b.yearsSection()
	b.sectionHeading(b.label("sec.minimumPath"), "minimum-path")
	mp := b.minimumPath()
	if len(mp) == 0 {
		b.para(b.text("implementation.noMinimumPath"))
		return
	}
	ids := make([]string, len(mp))
	for i, a := range mp {
		ids[i] = a.ID
	}
	b.para(b.text("implementation.minimumPath") + " " + b.text("implementation.minimumPathIDs", "ids", b.join(ids)))
}

// minimumPath returns the actions on the minimum viable path: those the
// library marks as foundational and cheap, in priority order.
func (b *builder) minimumPath() []Action {
	var out []Action
	for _, a := range b.d.Actions {
		if a.MinimumPath {
			out = append(out, a)
		}
	}
	return out
}

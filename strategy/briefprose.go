package strategy

import (
	"strconv"
	"strings"
)

// The sentences of the Cabinet brief that read its figures for the
// minister: the first year's cost against today's budget line, and when
// the ten actions that matter most are in place.

// briefCostText compares the cost of the plan with today's recurrent
// budget line: with the line the budget needs by the last year when the
// line is in US dollars, as the plan is costed; saying why the table
// cannot add the two when it is in another currency; saying that all of
// it is new money when no line is recorded.
func (b *builder) briefCostText(years []yearCost, first, all float64) string {
	lines, total, currencies := b.budgetLines()
	pairs := []string{"firstYear", b.money(first), "total", b.money(all)}
	switch {
	case len(currencies) == 1 && currencies[0] == "USD" && len(years) > 0:
		last := years[len(years)-1]
		return b.text("brief.cost.usd", append(pairs, "line", b.amount(total["USD"], "USD"),
			"lastYear", strconv.Itoa(last.year), "needed", b.money(float64(total["USD"])+last.recurrent))...)
	case len(lines) > 0:
		return b.text("brief.cost.other", append(pairs, "line", b.amount(total[currencies[0]], currencies[0]))...)
	}
	return b.text("brief.cost.none", pairs...)
}

// topActionsText says how many of the top actions are set up within the
// first year of the period and when the last of them is.
func (b *builder) topActionsText(top []Action, firstYear int) string {
	if len(top) == 0 {
		return ""
	}
	year := strconv.Itoa(firstYear)
	n, earliest, latest := 0, top[0].End, top[0].End
	for _, a := range top {
		if strings.HasPrefix(a.End, year) {
			n++
		}
		earliest, latest = min(earliest, a.End), max(latest, a.End)
	}
	pairs := []string{"year", year, "first", b.loc.MonthShort(earliest), "last", b.loc.MonthShort(latest)}
	switch n {
	case 0:
		return b.text("brief.topActions.none", pairs...)
	case len(top):
		return b.text("brief.topActions.all", pairs...)
	}
	return b.counted("brief.topActions", n, pairs...)
}

package strategy

// The strategy's resourcing chapter and the cost figures other chapters
// and the brief quote.

import (
	"strconv"
)

func (b *builder) resourcing() {
	b.chapterHeading(b.label("ch.resourcing"), "resourcing")
	b.para(b.text("resourcing.intro"))
	var bands []string
	for _, c := range b.t.common.CostBands {
		bands = append(bands, c.ID+b.loc.Colon()+c.Name.In(b.lang))
	}
	b.list(false, bands...)
	var rows [][]string
	for _, p := range b.r.Pillars {
		oneOff, rec := 0.0, 0.0
		n := 0
		for _, a := range b.d.Actions {
			if a.Pillar != p.ID {
				continue
			}
			n++
			if a.Recurrent {
				rec += b.midpoint(a.CostBand)
			} else {
				oneOff += b.midpoint(a.CostBand)
			}
		}
		rows = append(rows, []string{p.ID + " " + b.m.Pillar(p.ID).Name.In(b.lang), strconv.Itoa(n), b.money(oneOff), b.money(rec)})
	}
	rows = append(rows, []string{b.label("total"), strconv.Itoa(len(b.d.Actions)), b.money(b.totalCost(false)), b.money(b.totalCost(true))})
	b.table("budget", b.text("table.budgetCaption"), b.labels("col.pillar", "col.actions", "col.oneOff", "col.recurrent"), []float64{3, 1, 1.5, 1.5}, rows)
	b.recurrentCosts()
	b.para(b.text("resourcing.funding"))
	if share := b.donorShare(); share > 0 {
		b.para(b.text("summary.donors", "donorShare", strconv.Itoa(share)))
	}
	counts := map[string]int{}
	for _, a := range b.d.Actions {
		for _, f := range a.Funding {
			counts[f]++
		}
	}
	var frows [][]string
	for _, f := range b.t.common.Funding {
		name := f.Name.In(b.lang)
		if counts[name] > 0 {
			frows = append(frows, []string{name, strconv.Itoa(counts[name])})
		}
	}
	b.table("funding", "", b.labels("col.funding", "col.actions"), []float64{3, 1}, frows)
	b.para(b.text("resourcing.sustainability"))
}

func (b *builder) midpoint(band string) float64 {
	for _, c := range b.t.common.CostBands {
		if c.ID == band {
			return c.Midpoint
		}
	}
	return 0
}

// totalCost adds the mid-points of the cost bands of the one-off or the
// recurrent actions.
func (b *builder) totalCost(recurrent bool) float64 {
	t := 0.0
	for _, a := range b.d.Actions {
		if a.Recurrent == recurrent {
			t += b.midpoint(a.CostBand)
		}
	}
	return t
}

// donorShare is the percentage of actions whose first funding source is a
// development partner or bank.
func (b *builder) donorShare() int {
	if len(b.d.Actions) == 0 {
		return 0
	}
	n := 0
	for _, a := range b.d.Actions {
		la := b.lib.Action(a.LibraryID)
		if len(la.Funding) > 0 && (la.Funding[0] == "development-partner" || la.Funding[0] == "development-bank") {
			n++
		}
	}
	return (n*100 + len(b.d.Actions)/2) / len(b.d.Actions)
}

// money writes an amount in US dollars in thousands or millions, as the
// draft's language writes them.
func (b *builder) money(v float64) string { return b.loc.Money(v, "USD") }

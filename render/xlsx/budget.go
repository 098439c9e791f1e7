package xlsx

// listRefs are absolute references into the Lists sheet: the ranges that
// feed drop-down lists and lookups, and the single cells that formulas
// compare with, so that a translated workbook stays consistent.
type listRefs struct {
	bandTable                                   string // ID, range, mid-point
	bands, status, costTypes, horizons, funding string
	raci                                        string
	periods                                     string // the reporting periods, in order
	notStarted                                  string
	onTrack, atRisk, offTrack, noData           string
	oneOff, recurrent                           string
	inProgress, completed, delayed, cancelled   string
}

// Columns of the Lists sheet.
const (
	lBand, lRange, lMid  = 1, 2, 3
	lStatus, lCostType   = 5, 7
	lHorizon, lFunding   = 9, 11
	lRACI, lRACIMeaning  = 13, 14
	lPeriod, lLight      = 16, 18
	statusRows, raciRows = 5, 4
)

func (e *encoder) listLayout() listRefs {
	sh := e.name["lists"]
	abs := func(col, from, to int) string {
		c := "$" + colName(col) + "$"
		return ref(sh, c+itoa(from)+":"+c+itoa(to))
	}
	one := func(col, row int) string { return ref(sh, "$"+colName(col)+"$"+itoa(row)) }
	nb := len(e.voc.bands)
	return listRefs{
		bandTable:  ref(sh, "$A$2:$C$"+itoa(nb+1)),
		bands:      abs(lBand, 2, nb+1),
		status:     abs(lStatus, 2, statusRows+1),
		costTypes:  abs(lCostType, 2, 3),
		horizons:   abs(lHorizon, 2, len(e.voc.horizons)+1),
		funding:    abs(lFunding, 2, len(e.voc.funding)+1),
		raci:       abs(lRACI, 2, raciRows+1),
		periods:    abs(lPeriod, 2, len(e.periods())+1),
		notStarted: one(lStatus, 2),
		onTrack:    one(lLight, 2),
		atRisk:     one(lLight, 3),
		offTrack:   one(lLight, 4),
		noData:     one(lLight, 5),
		oneOff:     one(lCostType, 2),
		recurrent:  one(lCostType, 3),
		inProgress: one(lStatus, 3),
		completed:  one(lStatus, 4),
		delayed:    one(lStatus, 5),
		cancelled:  one(lStatus, 6),
	}
}

// lists writes the vocabularies behind the drop-down lists and the cost
// bands with the mid-points the Budget adds up. A planner may refine a
// mid-point here; the action plan and the Budget follow.
func (e *encoder) lists() {
	sh := e.name["lists"]
	s := e.st
	put := func(col int, head string, width float64, style int, values []string) {
		e.colWidth(sh, col, col, width)
		e.check(e.f.SetColStyle(sh, colName(col), style))
		e.head(sh, col, 1, head)
		e.style(sh, col, 1, col, 1, s.header)
		for i, v := range values {
			e.fixed(sh, col, i+2, v)
		}
	}
	var ids, names []string
	for _, b := range e.voc.bands {
		ids = append(ids, b.id)
		names = append(names, b.name)
	}
	put(lBand, e.l("xlsx.col.costBand"), 10, s.text, ids)
	put(lRange, e.l("xlsx.col.range"), 26, s.text, names)
	put(lMid, e.l("xlsx.col.midpoint"), 14, s.money, nil)
	for i, b := range e.voc.bands {
		e.float(sh, lMid, i+2, b.midpoint)
	}
	put(lStatus, e.l("xlsx.list.status"), 14, s.text, e.statuses())
	put(lCostType, e.l("xlsx.list.costType"), 14, s.text, []string{e.l("xlsx.oneOff"), e.l("xlsx.recurrent")})
	var hs []string
	for _, h := range e.voc.horizons {
		hs = append(hs, h.name)
	}
	put(lHorizon, e.l("col.horizon"), 24, s.text, hs)
	put(lFunding, e.l("xlsx.col.mainFunding"), 36, s.text, e.voc.funding)
	put(lRACI, e.l("xlsx.list.raci"), 8, s.text, raciLetters)
	put(lRACIMeaning, e.l("col.meaning"), 44, s.text, nil)
	for i, k := range raciLetters {
		e.fixed(sh, lRACIMeaning, i+2, e.l("xlsx.raci."+k))
	}
	put(lPeriod, e.l("xlsx.list.period"), 12, s.text, e.periods())
	put(lLight, e.l("xlsx.list.light"), 14, s.text, []string{e.l("xlsx.light.onTrack"), e.l("xlsx.light.atRisk"),
		e.l("xlsx.light.offTrack"), e.l("xlsx.light.noData")})
	e.lightColours(sh, cell(lLight, 2)+":"+cell(lLight, 4), "$"+cell(lLight, 2))
	for _, col := range []int{lMid + 1, lStatus + 1, lCostType + 1, lHorizon + 1, lFunding + 1, lRACIMeaning + 1, lPeriod + 1} {
		e.colWidth(sh, col, col, 3)
	}
	e.raciColours(sh, cell(lRACI, 2)+":"+cell(lRACI, raciRows+1))
	e.frame(sh, layout{freeze: "A2", filter: "A1:" + cell(lMid, len(e.voc.bands)+1), titles: "$1:$1"})
}

// budget adds the mid-points of the cost bands of the action plan by
// pillar, horizon and main funding source, with SUMIFS over the plan:
// one-off investment and recurrent cost per year, cancelled actions left
// out. Each group ends with its total.
func (e *encoder) budget() {
	sh := e.name["budget"]
	s := e.st
	cols := []column{
		{"by", "xlsx.col.breakdown", 20, s.text},
		{"item", "xlsx.col.item", 34, s.text},
		{"name", "xlsx.col.name", 32, s.text},
		{"actions", "col.actions", 10, s.int},
		{"oneOff", "col.oneOff", 18, s.money},
		{"recurrent", "col.recurrent", 18, s.money},
	}
	e.header(sh, cols, 1, 1)
	type group struct {
		by    string
		key   string // the action plan column the items match
		items [][2]string
	}
	var pillars [][2]string
	for _, sc := range e.d.Scores {
		if sc.Kind == "pillar" {
			pillars = append(pillars, [2]string{sc.ID, sc.Name})
		}
	}
	var horizons, funding [][2]string
	for _, h := range e.voc.horizons {
		horizons = append(horizons, [2]string{h.name, ""})
	}
	for _, f := range e.voc.funding {
		funding = append(funding, [2]string{f, ""})
	}
	groups := []group{
		{e.l("col.pillar"), "pillar", pillars},
		{e.l("col.horizon"), "horizon", horizons},
		{e.l("xlsx.budget.mainFunding"), "funding", funding},
	}
	notCancelled := e.planRef("status") + `,"<>"&` + e.list.cancelled
	mid := e.planRef("midpoint")
	costType := e.planRef("costType")
	r, firstTotal := 2, 0
	for _, g := range groups {
		first := r
		match := e.planRef(g.key)
		for _, it := range g.items {
			e.str(sh, 1, r, g.by)
			e.str(sh, 2, r, it[0])
			e.str(sh, 3, r, it[1])
			crit := match + ",$B" + itoa(r)
			count := "COUNTIFS(" + crit + "," + notCancelled + ")"
			if g.key == "funding" {
				// An action counts under every source it names, main or
				// other, as the draft's funding table counts it.
				count += "+COUNTIFS(" + e.planRef("otherFunding") + `,"*"&$B` + itoa(r) + `&"*",` + notCancelled + ")"
			}
			e.formula(sh, 4, r, count)
			e.formula(sh, 5, r, "SUMIFS("+mid+","+crit+","+costType+","+e.list.oneOff+","+notCancelled+")")
			e.formula(sh, 6, r, "SUMIFS("+mid+","+crit+","+costType+","+e.list.recurrent+","+notCancelled+")")
			r = e.next(sh, r, 1, g.by)
		}
		e.str(sh, 1, r, g.by)
		e.str(sh, 2, r, e.l("total"))
		for c := 4; c <= 6; c++ {
			e.formula(sh, c, r, "SUM("+cell(c, first)+":"+cell(c, r-1)+")")
		}
		if g.key == "funding" && firstTotal > 0 {
			// An action naming two sources counts under both: the
			// total is the number of actions.
			e.formula(sh, 4, r, cell(4, firstTotal))
		}
		if firstTotal == 0 {
			firstTotal = r
		}
		e.style(sh, 1, r, 3, r, s.textBold)
		e.style(sh, 4, r, 4, r, s.intTotal)
		e.style(sh, 5, r, 6, r, s.moneyBold)
		r = e.next(sh, r, 1, g.by)
	}
	e.check(e.f.MergeCell(sh, cell(1, r+1), cell(6, r+1)))
	e.note(sh, r+1, 6, e.l("xlsx.budget.note"))
	e.frame(sh, layout{freeze: "A2", filter: "A1:" + cell(len(cols), r-1), titles: "$1:$1"})
}

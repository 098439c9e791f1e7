package strategy

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/ncskit/ncskit/assess"
)

// plan selects the library actions that close the assessment's gaps,
// numbers and schedules them, and derives the KPIs and the tabular data.
func (b *builder) plan() {
	b.scoreRows()
	b.indicatorRows()
	var picks []*pick
	byLib := map[string]*pick{}
	fs := b.facts()
	for _, p := range b.r.Priorities {
		is := b.r.Indicator(p.Indicator)
		band := Band(is.Level)
		found, closed := false, false
		var waiting *LibraryAction // an action that fits but waits for its other indicators
		var waitingOn *assess.Instrument
		for _, la := range b.lib.Actions {
			if la.Band != band && la.Band != "any" || la.Always || !la.For(b.t.ID) || !slices.Contains(la.Indicators, p.Indicator) {
				continue
			}
			if t := la.firstInstrumentTest(); t != nil && t.AnyIndicator {
				continue // a generic renewal or handover: see expiring
			}
			if slices.Contains(la.ClosedByDraft, b.d.Meta.Kind) {
				closed = true
				continue
			}
			in, ok := fs.applies(la)
			if !ok {
				continue
			}
			if !fs.inBand(la) {
				if waiting == nil {
					waiting, waitingOn = la, in
				}
				continue
			}
			found = true
			// Two actions that do the same thing to the same instrument
			// (pass the same bill) are one action closing both gaps.
			key := la.ID
			if in != nil {
				key = la.Mode + " " + in.ID
			}
			pk := byLib[key]
			if pk == nil {
				pk = &pick{lib: la, instrument: in, rank: p.Rank}
				byLib[key] = pk
				picks = append(picks, pk)
			}
			if !slices.Contains(pk.indicators, p.Indicator) {
				pk.indicators = append(pk.indicators, p.Indicator)
			}
			if p.Override != nil && pk.note == "" {
				pk.note = b.text("plan.overrideNote", "indicator", p.Indicator, "rank", fmt.Sprint(p.Rank), "reason", strings.TrimRight(p.Override.Reason, ". "))
			}
		}
		switch {
		case found:
		case closed:
			b.closed = append(b.closed, deferral{p.Indicator, b.text("plan.closedByDraft",
				"indicator", p.Indicator, "title", b.indicatorTitle(p.Indicator), "level", b.levelName(is.Level)), ""})
		case waiting != nil:
			b.deferred = append(b.deferred, deferral{p.Indicator, b.text("plan.deferredBundle",
				"indicator", p.Indicator, "title", b.indicatorTitle(p.Indicator), "level", b.levelName(is.Level),
				"action", b.actionText(waiting, waiting.Title, waitingOn), "others", b.outOfBand(waiting)), ""})
		default:
			b.deferred = append(b.deferred, deferral{p.Indicator, b.text("plan.deferredNoAction",
				"indicator", p.Indicator, "title", b.indicatorTitle(p.Indicator), "level", b.levelName(is.Level)), ""})
		}
	}
	used := map[string]bool{}
	for _, pk := range picks {
		if pk.instrument != nil {
			used[pk.instrument.ID] = true
		}
	}
	for _, ex := range b.expiring(fs, used, len(b.r.Priorities)) {
		picks = append(picks, &pick{lib: ex.lib, instrument: ex.in, indicators: ex.indicators, rank: ex.rank})
	}
	for _, st := range b.standing(fs, len(b.r.Priorities)) {
		picks = append(picks, &pick{lib: st.lib, instrument: st.in, indicators: st.indicators, rank: st.rank})
	}
	for _, ff := range b.factFinding(len(b.r.Priorities)) {
		picks = append(picks, &pick{lib: ff.lib, indicators: []string{ff.indicator}, rank: ff.rank})
	}
	last := 0
	for _, pk := range picks {
		last = max(last, pk.rank)
	}
	if pk := b.baselinePick(picks, last); pk != nil {
		picks = append(picks, pk)
	}
	picks = b.designate(picks)
	// Actions are numbered per pillar in priority order.
	counters := map[string]int{}
	idOf := map[string]string{}
	sort.SliceStable(picks, func(i, j int) bool { return picks[i].rank < picks[j].rank })
	for _, pk := range picks {
		pillar := pk.lib.Area[:strings.IndexByte(pk.lib.Area, '.')]
		counters[pillar]++
		id := fmt.Sprintf("%s-%02d", pillar, counters[pillar])
		idOf[pk.lib.ID] = id
		la := pk.lib
		a := Action{
			ID: id, LibraryID: la.ID, Mode: la.Mode, Designates: la.Designates, Pillar: pillar, Area: la.Area,
			Objective:   b.actionText(la, la.Objective, pk.instrument),
			Title:       b.actionText(la, la.Title, pk.instrument),
			Description: b.actionText(la, la.Description, pk.instrument),
			Milestone:   b.actionText(la, la.Milestone, pk.instrument),
			Indicators:  pk.indicators,
			Priority:    pk.rank,
			CostBand:    la.Cost,
			Recurrent:   la.Recurrent,
			Funding:     termNames(b, b.t.common.Funding, la.Funding),
			FundingIDs:  slices.Clone(la.Funding),
			ITU:         termNames(b, b.t.common.ITU, la.ITU),
			CARICOM:     termNames(b, b.t.common.CARICOM, la.CARICOM),
			MinimumPath: la.MinimumPath,
			Note:        pk.note,
			StatusID:    StatusNotStarted,
			Status:      b.term(b.t.common.Statuses, StatusNotStarted),
		}
		if pk.instrument != nil {
			a.Instrument = pk.instrument.ID
		}
		b.d.Actions = append(b.d.Actions, a)
	}
	// The plan reads by pillar, in model order, and within a pillar by
	// priority (the order of the numbers).
	pillarOrder := map[string]int{}
	for i, p := range b.m.Pillars {
		pillarOrder[p.ID] = i
	}
	sort.SliceStable(b.d.Actions, func(i, j int) bool {
		return pillarOrder[b.d.Actions[i].Pillar] < pillarOrder[b.d.Actions[j].Pillar]
	})
	for i := range b.d.Actions {
		a := &b.d.Actions[i]
		for _, dep := range b.lib.Action(a.LibraryID).DependsOn {
			if id, ok := idOf[dep]; ok && id != a.ID {
				a.DependsOn = append(a.DependsOn, id)
			}
		}
	}
	b.linkDesignations(idOf)
	b.describeBaselines()
	b.weights()
	b.priorityRows()
}

// pick is a library action chosen for the plan, with the gaps it closes.
type pick struct {
	lib        *LibraryAction
	instrument *assess.Instrument
	indicators []string
	rank       int
	note       string
}

func termNames(b *builder, list []Term, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = b.term(list, id)
	}
	return out
}

func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

// month formats month offset n of the period as YYYY-MM.
func (b *builder) month(n int) string {
	return fmt.Sprintf("%04d-%02d", b.d.Meta.StartYear+n/12, n%12+1)
}

// weights gives each action its share of its pillar's effort, in percent:
// proportional to the gaps it closes (gap × indicator weight), rounded so
// that each pillar adds up to exactly 100.
func (b *builder) weights() {
	byPillar := map[string][]int{}
	raw := make([]float64, len(b.d.Actions))
	for i, a := range b.d.Actions {
		for _, id := range a.Indicators {
			is := b.r.Indicator(id)
			raw[i] += float64(is.Gap * is.Weight)
		}
		byPillar[a.Pillar] = append(byPillar[a.Pillar], i)
	}
	for _, idx := range byPillar {
		total := 0.0
		for _, i := range idx {
			total += raw[i]
		}
		if total == 0 {
			// Only fact-finding actions, which close no gap yet: an
			// equal share each.
			for _, i := range idx {
				raw[i] = 1
			}
			total = float64(len(idx))
		}
		type rem struct {
			i    int
			frac float64
		}
		sum := 0
		var rems []rem
		for _, i := range idx {
			exact := raw[i] * 100 / total
			w := int(math.Floor(exact))
			b.d.Actions[i].Weight = w
			sum += w
			rems = append(rems, rem{i, exact - float64(w)})
		}
		sort.SliceStable(rems, func(x, y int) bool { return rems[x].frac > rems[y].frac })
		for k := 0; sum < 100; k++ {
			b.d.Actions[rems[k%len(rems)].i].Weight++
			sum++
		}
	}
}

// kpis derives one KPI per action, once the actions are scheduled and
// their leads assigned: the library's measure with its baseline from the
// assessment's facts (or the action that measures it) and numeric targets
// for each year up to the end of the action, beside the maturity level
// of the indicator it serves first, from the assessment's level towards
// the target level.
func (b *builder) kpis() {
	for i := range b.d.Actions {
		a := &b.d.Actions[i]
		la := b.lib.Action(a.LibraryID)
		is := b.r.Indicator(a.Indicators[0])
		endYear := year(a.End)
		k := KPI{
			ID:         kpiID(a.ID),
			Action:     a.ID,
			Indicator:  is.ID,
			Name:       la.KPI.Name.In(b.lang),
			TargetYear: endYear,
			Frequency:  b.label("freq." + la.KPI.Frequency),
			Source:     la.KPI.Source.In(b.lang),
			Owner:      a.Lead.Name,
		}
		b.levelTrack(&k, is)
		if bl := b.measure(&k, &la.KPI, is.ID, a.Instrument); bl.value == nil {
			k.DataAction = b.dataAction
		}
		b.d.KPIs = append(b.d.KPIs, k)
	}
	b.objectives()
	b.outcomes()
}

// levelTrack sets the maturity track of a KPI beside its measure: the
// indicator's level in the assessment, its target level by k.TargetYear,
// both in the model's words, and the level for each year up to then.
func (b *builder) levelTrack(k *KPI, is *assess.IndicatorScore) {
	in := b.m.Indicator(is.ID)
	k.Baseline, k.Target = is.Level, is.Target
	if is.Level > 0 {
		k.BaselineText = fmt.Sprintf("%s (%s): %s", b.levelName(is.Level), b.a.Session.Date[:4], in.Levels[is.Level-1].In(b.lang))
	} else {
		k.BaselineText = b.text("plan.baselineUnknown")
	}
	k.TargetText = fmt.Sprintf("%s (%d): %s", b.levelName(is.Target), k.TargetYear, in.Levels[is.Target-1].In(b.lang))
	from := max(is.Level, 1)
	n := k.TargetYear - b.d.Meta.StartYear + 1
	for y := 0; y < n; y++ {
		lv := from + int(math.Round(float64((is.Target-from)*(y+1))/float64(n)))
		k.Yearly = append(k.Yearly, YearTarget{Year: b.d.Meta.StartYear + y, Level: lv})
	}
}

func (b *builder) priorityRows() {
	actionsOf := map[string][]string{}
	for _, a := range b.d.Actions {
		for _, id := range a.Indicators {
			actionsOf[id] = append(actionsOf[id], a.ID)
		}
	}
	for _, p := range b.r.Priorities {
		row := PriorityRow{
			Rank: p.Rank, Indicator: p.Indicator, Title: b.indicatorTitle(p.Indicator), Pillar: p.Pillar,
			Gap: p.Gap, Score: p.Effective, Reason: p.Reason, Actions: actionsOf[p.Indicator],
		}
		if p.Override != nil {
			row.Override = p.Override.Reason
		}
		b.d.Priorities = append(b.d.Priorities, row)
	}
	b.d.Gaps = b.r.Gaps
}

func (b *builder) scoreRows() {
	for _, p := range b.r.Pillars {
		b.d.Scores = append(b.d.Scores, ScoreRow{ID: p.ID, Pillar: p.ID, Kind: "pillar", Name: b.m.Pillar(p.ID).Name.In(b.lang),
			Achieved: p.Achieved, Progress: p.Progress, Target: p.Target, Gap: p.Gap,
			Assessed: p.Coverage.Assessed, Total: p.Coverage.Total - p.Coverage.NA, LowConfidence: lowConfidence(p)})
		for _, a := range p.Areas {
			b.d.Scores = append(b.d.Scores, ScoreRow{ID: a.ID, Pillar: p.ID, Kind: "area", Name: b.m.Area(a.ID).Name.In(b.lang),
				Achieved: a.Achieved, Progress: a.Progress, Target: a.Target, Gap: a.Gap,
				Assessed: a.Coverage.Assessed, Total: a.Coverage.Total - a.Coverage.NA, LowConfidence: lowConfidenceArea(a)})
		}
	}
}

func (b *builder) indicatorRows() {
	agreed := map[string]assess.Agreed{}
	for _, d := range b.a.Decisions.Agreed {
		agreed[d.Indicator] = d
	}
	for _, p := range b.r.Pillars {
		for _, ar := range p.Areas {
			for _, is := range ar.Indicators {
				in := b.m.Indicator(is.ID)
				row := IndicatorRow{
					ID: is.ID, Pillar: p.ID, Area: ar.ID, Title: b.modelText(in.ID+"/title", in.Title), Question: b.modelText(in.ID+"/question", in.Question),
					Status: b.label("status." + string(is.Status)), Level: is.Level, LevelName: b.levelName(is.Level),
					Target: is.Target, Gap: is.Gap, Spread: is.Spread, Disagreement: is.Disagreement, Agreed: is.Agreed,
					Provision: b.term(b.t.common.Provisions, is.Provision), Confidence: b.label("confidence." + orNone(is.Confidence)),
					StatusID: string(is.Status), ConfidenceID: is.Confidence,
				}
				for _, rr := range is.Ratings {
					if line := b.evidenceLine(b.a.Responses[rr.Response], rr.Rating); line != "" {
						row.Evidence = append(row.Evidence, line)
					}
				}
				if d, ok := agreed[is.ID]; ok {
					row.Decision = d.Rationale
					for _, ds := range d.Dissent {
						row.Decision += " " + b.text("plan.dissent", "name", b.dissenter(ds.Respondent), "note", ds.Note)
					}
				}
				b.d.Indicators = append(b.d.Indicators, row)
			}
		}
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func ratingText(b *builder, r assess.Rating) string {
	switch r {
	case assess.NotApplicable:
		return b.m.Scale.NotApplicable.Name.In(b.lang)
	case assess.Unknown:
		return b.m.Scale.Unknown.Name.In(b.lang)
	}
	return b.levelName(int(r))
}

// dissenter names who dissented from an agreed level: the person when
// the options keep names, else their institution.
func (b *builder) dissenter(respondent string) string {
	r := b.respondents[respondent]
	if s, ok := b.stakeholders[r.Stakeholder]; ok && !b.o.Names {
		return s.Name
	}
	return b.attribution(r.Name, b.label("reviewer"))
}

package region

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/internal/locale"
)

// The HTML page and the workbook show the same tables, built once here:
// a renderer only lays them out.

// table is one table of the report: a sheet of the workbook, a section of
// the page.
type table struct {
	key   string // sheet name key ("s.heat") and section anchor
	title string
	note  string
	head  []string
	rows  [][]cell
	// narrow tables (the heat map) have narrow columns in the workbook.
	narrow bool
	// wide gives the width in the workbook of the columns (by index)
	// that need more room than the default.
	wide map[int]float64
}

// cell is one cell: text, or a number when num is set; shade is the heat
// of a heat-map cell (0 meets the target, 1-4 growing shortfall) or -1
// when the cell has no shade, -2 for a heat-map cell with no level.
type cell struct {
	text  string
	num   *float64
	shade int
	// figures marks a text made of numbers ("2.33 / 3"), whose decimal
	// point follows the report's language like a number's.
	figures bool
}

func txt(s string) cell { return cell{text: s, shade: -1} }

func num(x float64) cell {
	return cell{text: strconv.FormatFloat(x, 'f', -1, 64), num: &x, shade: -1}
}

func count(n int) cell { return num(float64(n)) }

func figures(s string) cell { return cell{text: s, shade: -1, figures: true} }

// localise writes every number and figure the way the report's
// language does (2,5 for 2.5). Numbers keep their value for the workbook.
func (r *Report) localise(ts []table) {
	loc := locale.For(r.Language)
	if loc.Point() == "." {
		return
	}
	for _, t := range ts {
		for _, row := range t.rows {
			for i := range row {
				switch {
				case row[i].num != nil:
					row[i].text = loc.Number(*row[i].num)
				case row[i].figures:
					row[i].text = strings.ReplaceAll(row[i].text, ".", loc.Point())
				}
			}
		}
	}
}

// heat returns the shade of a shortfall.
func heat(c Cell) int {
	switch {
	case !c.Assessed:
		return -2
	case c.Shortfall <= 0:
		return 0
	case c.Shortfall <= 0.5:
		return 1
	case c.Shortfall <= 1:
		return 2
	case c.Shortfall <= 1.5:
		return 3
	}
	return 4
}

// tables returns the report's tables in reading order.
func (r *Report) tables() []table {
	l := func(k string) string { return text(r.Language, k) }
	ts := []table{r.summaryTable(), r.statesTable(), r.heatTable(), r.distributionTable(),
		r.gapsTable(), r.programmesTable(), r.existingTable()}
	if !r.Anonymised {
		ts = append(ts, r.evidenceTable())
	}
	ts = append(ts, r.progressTables()...)
	ts = append(ts, r.directoryTable())
	notes := table{key: "s.notes", title: l("h.notes"), head: []string{l("h.notes")}, wide: map[int]float64{0: 60}}
	for _, n := range r.Notes {
		notes.rows = append(notes.rows, []cell{txt(n)})
	}
	ts = append(ts, notes)
	r.localise(ts)
	return ts
}

func (r *Report) l(k string) string { return text(r.Language, k) }

// subtitle says how many states the report compares.
func (r *Report) subtitle() string {
	if len(r.States) == 1 {
		return r.l("h.subtitleOne")
	}
	return fmt.Sprintf(r.l("h.subtitle"), len(r.States))
}

func (r *Report) summaryTable() table {
	marking := r.Classification
	if r.Anonymised {
		marking = r.l("h.anonymised")
	} else if marking == "" {
		marking = "—"
	}
	return table{key: "s.summary", title: r.l("h.title"), head: []string{r.l("h.title"), r.subtitle()}, wide: map[int]float64{1: 60},
		rows: [][]cell{
			{txt(r.l("c.classification")), txt(marking)},
			{txt(r.l("c.model")), txt(r.Model.ID + " " + r.Model.Version)},
			{txt(r.l("h.states")), count(len(r.States))},
			{txt(r.l("c.latest")), txt(r.Latest)},
			{txt(r.l("h.shared")), count(len(r.SharedGaps))},
			{txt(r.l("c.minStates")), count(r.MinStates)},
		}}
}

func (r *Report) statesTable() table {
	t := table{key: "s.summary", title: r.l("h.states"),
		head: []string{r.l("c.code"), r.l("c.state"), r.l("c.small"), r.l("c.date"), r.l("c.rounds"), r.l("c.coverage")}}
	for _, p := range r.Pillars {
		t.head = append(t.head, p.ID)
	}
	for _, s := range r.States {
		row := []cell{txt(s.Code), txt(s.Name), txt(r.yesNo(s.SmallIslandState)), txt(s.Date), count(s.Rounds), count(s.Coverage)}
		for _, c := range s.Pillars {
			row = append(row, heatCell(c))
		}
		t.rows = append(t.rows, row)
	}
	return t
}

func (r *Report) yesNo(b bool) string {
	if b {
		return r.l("c.yes")
	}
	return r.l("c.no")
}

// heatCell shows progress against target: "2.33 / 3".
func heatCell(c Cell) cell {
	if !c.Assessed {
		return cell{shade: -2}
	}
	return cell{text: fmt.Sprintf("%.2f / %g", c.Progress, c.TargetProgress), shade: heat(c), figures: true}
}

func (r *Report) heatTable() table {
	t := table{key: "s.heat", title: r.l("h.heat"), note: r.l("h.heatNote"), wide: map[int]float64{}, narrow: true, head: []string{r.l("c.state")}}
	for _, p := range r.Pillars {
		for _, a := range p.Areas {
			t.head = append(t.head, a.ID)
		}
	}
	for _, s := range r.States {
		row := []cell{txt(r.label(s))}
		for _, c := range s.Areas {
			row = append(row, heatCell(c))
		}
		t.rows = append(t.rows, row)
	}
	return t
}

func (r *Report) distributionTable() table {
	t := table{key: "s.distribution", title: r.l("h.distribution"), wide: map[int]float64{1: 60},
		head: []string{r.l("c.group"), "", r.l("c.noLevel")}}
	for l := 1; l <= 5; l++ {
		t.head = append(t.head, fmt.Sprintf(r.l("c.level"), l))
	}
	t.head = append(t.head, r.l("c.min"), r.l("c.median"), r.l("c.max"), r.l("c.behind"))
	names := r.groupNames()
	for _, d := range r.Distribution {
		row := []cell{txt(d.ID), txt(names[d.ID])}
		for _, n := range d.Levels {
			row = append(row, count(n))
		}
		row = append(row, num(d.Min), num(d.Median), num(d.Max), count(d.Behind))
		t.rows = append(t.rows, row)
	}
	return t
}

func (r *Report) groupNames() map[string]string {
	out := map[string]string{}
	for _, p := range r.Pillars {
		out[p.ID] = p.Name
		for _, a := range p.Areas {
			out[a.ID] = a.Name
		}
	}
	return out
}

func (r *Report) gapsTable() table {
	t := table{key: "s.gaps", title: r.l("h.shared"), wide: map[int]float64{2: 60, 7: 60},
		head: []string{r.l("c.rank"), r.l("c.indicator"), "", r.l("c.states"), r.l("c.assessed"), r.l("c.total"), r.l("c.mean"), r.l("c.affected")}}
	for i, g := range r.SharedGaps {
		var aff []string
		for _, a := range g.Affected {
			aff = append(aff, fmt.Sprintf("%s %d→%d", r.label(r.state(a.State)), a.Level, a.Target))
		}
		t.rows = append(t.rows, []cell{count(i + 1), txt(g.Indicator), txt(g.Title), count(g.States), count(g.Assessed),
			count(g.Total), num(g.Mean), txt(strings.Join(aff, ", "))})
	}
	return t
}

func (r *Report) programmesTable() table {
	t := table{key: "s.programmes", title: r.l("h.programmes"), wide: map[int]float64{1: 20, 2: 40, 3: 24, 4: 24, 5: 40, 6: 70},
		head: []string{r.l("c.indicator"), r.l("c.programme"), r.l("c.action"), r.l("c.members"), r.l("c.leads"), r.l("c.builds"), r.l("c.summary")}}
	for _, g := range r.SharedGaps {
		p := g.Programme
		action := p.ActionTitle
		if p.Action != "" {
			action = p.Action + ": " + action
		}
		t.rows = append(t.rows, []cell{txt(g.Indicator), txt(p.Name), txt(action), txt(r.names(p.Members)),
			txt(r.names(p.Leads)), txt(strings.Join(p.Builds, "\n")), txt(p.Summary)})
	}
	return t
}

func (r *Report) existingTable() table {
	t := table{key: "s.existing", title: r.l("h.existing"), wide: map[int]float64{0: 22, 2: 40, 3: 30, 4: 60},
		head: []string{r.l("c.kind"), r.l("c.subject"), "", r.l("h.states")}}
	if !r.Anonymised {
		t.head = append(t.head, r.l("c.instruments"))
	}
	for _, p := range r.Existing {
		row := []cell{txt(r.l("provision." + p.Kind)), txt(p.Subject), txt(p.Name), txt(r.names(p.States))}
		if !r.Anonymised {
			row = append(row, txt(strings.Join(p.Instruments, "\n")))
		}
		t.rows = append(t.rows, row)
	}
	return t
}

func (r *Report) evidenceTable() table {
	t := table{key: "s.evidence", title: r.l("c.evidence"), wide: map[int]float64{5: 60},
		head: []string{r.l("c.indicator"), r.l("c.state"), r.l("c.level1"), r.l("c.target"), r.l("c.provision"), r.l("c.evidence")}}
	for _, g := range r.SharedGaps {
		for _, a := range g.Affected {
			t.rows = append(t.rows, []cell{txt(g.Indicator), txt(r.label(r.state(a.State))), count(a.Level), count(a.Target),
				txt(a.Provision), txt(a.Evidence)})
		}
	}
	return t
}

func (r *Report) progressTables() []table {
	overview := table{key: "s.progress", title: r.l("h.progress"), note: r.l("h.progressNote"),
		head: []string{r.l("c.state"), r.l("c.date")}, wide: map[int]float64{1: 36}}
	for _, p := range r.Pillars {
		overview.head = append(overview.head, p.ID)
	}
	overview.head = append(overview.head, r.l("c.up"), r.l("c.down"), r.l("c.same"))
	series := table{key: "s.progress", title: r.l("h.progressDetail"), wide: map[int]float64{3: 60},
		head: []string{r.l("c.state"), r.l("c.group"), r.l("c.date"), r.l("c.from") + " → " + r.l("c.to"), r.l("c.change")}}
	moves := table{key: "s.progress", title: r.l("c.indicator"), wide: map[int]float64{4: 60, 5: 60},
		head: []string{r.l("c.state"), r.l("c.up"), r.l("c.down"), r.l("c.same"), r.l("c.indicator"), r.l("c.notCompared")}}
	for _, sp := range r.Progress {
		name := r.label(r.state(sp.State))
		orow := []cell{txt(name), txt(strings.Join(sp.Dates, " → "))}
		for _, s := range sp.Pillars {
			if s.Change == nil {
				orow = append(orow, txt("—"))
			} else {
				orow = append(orow, num(*s.Change))
			}
		}
		overview.rows = append(overview.rows, append(orow, count(sp.Up), count(sp.Down), count(sp.Same)))
		for _, s := range append(append([]Series(nil), sp.Pillars...), sp.Areas...) {
			var vals []string
			for _, v := range s.Progress {
				if v == nil {
					vals = append(vals, "—")
				} else {
					vals = append(vals, strconv.FormatFloat(*v, 'f', 2, 64))
				}
			}
			ch := txt("—")
			if s.Change != nil {
				ch = num(*s.Change)
			}
			series.rows = append(series.rows, []cell{txt(name), txt(s.ID), txt(strings.Join(sp.Dates, " → ")), figures(strings.Join(vals, " → ")), ch})
		}
		var moved []string
		for _, c := range sp.Indicators {
			if c.Delta != 0 {
				moved = append(moved, fmt.Sprintf("%s %d→%d", c.Indicator, c.From, c.To))
			}
		}
		moves.rows = append(moves.rows, []cell{txt(name), count(sp.Up), count(sp.Down), count(sp.Same),
			txt(strings.Join(moved, ", ")), txt(strings.Join(sp.NotCompared, ", "))})
	}
	ts := []table{overview, moves, series}
	return append(ts, r.planTables()...)
}

// planTables set the actions of the earlier plans against the change of
// their indicators, when plans were given: a summary per state, then the
// actions, those due by the latest round whose indicators did not move
// first.
func (r *Report) planTables() []table {
	sum := table{key: "s.progress", title: r.l("h.plan"), note: r.l("h.planNote"),
		head: []string{r.l("c.state"), r.l("c.planDate"), r.l("c.planRounds"), r.l("c.planActions")}, wide: map[int]float64{2: 30}}
	for _, res := range Results {
		sum.head = append(sum.head, r.l("result."+res))
	}
	sum.head = append(sum.head, r.l("c.dueNotMoved"))
	acts := table{key: "s.progress", title: r.l("h.planActions"), head: []string{r.l("c.state"), r.l("c.planAction")}, wide: map[int]float64{4: 40}}
	if !r.Anonymised {
		acts.head = append(acts.head, r.l("c.title"))
		acts.wide = map[int]float64{2: 60, 4: 40}
	}
	acts.head = append(acts.head, r.l("c.dueBy"), r.l("c.changes"), r.l("c.result"))
	rank := map[string]int{"not-moved": 0, "partly": 1, "not-compared": 2, "moved": 3}
	for _, sp := range r.Progress {
		pr := sp.Plan
		if pr == nil {
			continue
		}
		name := r.label(r.state(sp.State))
		actions := append([]ActionReview(nil), pr.Actions...)
		sort.SliceStable(actions, func(i, j int) bool {
			if actions[i].Due != actions[j].Due {
				return actions[i].Due
			}
			return rank[actions[i].Result] < rank[actions[j].Result]
		})
		stuck := 0
		for _, a := range actions {
			if a.Due && a.Result == "not-moved" {
				stuck++
			}
			var ch []string
			for _, c := range a.Indicators {
				ch = append(ch, fmt.Sprintf("%s %d→%d", c.Indicator, c.From, c.To))
			}
			for _, id := range a.NotCompared {
				ch = append(ch, id+" —")
			}
			due := a.End
			if a.Due {
				due += " ✓"
			}
			row := []cell{txt(name), txt(a.ID)}
			if !r.Anonymised {
				row = append(row, txt(a.Title))
			}
			acts.rows = append(acts.rows, append(row, txt(due), txt(strings.Join(ch, ", ")), txt(r.l("result."+a.Result))))
		}
		row := []cell{txt(name), txt(pr.Date), txt(pr.From + " → " + pr.To), count(len(pr.Actions))}
		for _, res := range Results {
			row = append(row, count(pr.Counts[res]))
		}
		sum.rows = append(sum.rows, append(row, count(stuck)))
	}
	if len(sum.rows) == 0 {
		return nil
	}
	return []table{sum, acts}
}

func (r *Report) directoryTable() table {
	t := table{key: "s.directory", title: r.l("h.contacts"), note: r.l("h.contactsNote"), wide: map[int]float64{4: 24, 5: 24, 6: 36, 7: 24, 8: 36, 9: 36},
		head: []string{r.l("c.state"), r.l("c.date"), r.l("c.age"), r.l("c.designated"), r.l("c.function")}}
	if !r.Anonymised {
		t.head = append(t.head, r.l("c.person"), r.l("c.organisation"), r.l("c.deputy"), r.l("c.deputyOrg"))
	} else {
		t.head = append(t.head, r.l("c.deputy"))
	}
	t.head = append(t.head, r.l("c.missing"))
	for _, d := range r.Contacts {
		name := r.label(r.state(d.State))
		missing := r.missingText(d)
		lead := []cell{txt(name), txt(d.Date), count(d.Age), count(d.Designated)}
		if len(d.Contacts) == 0 {
			row := append(append([]cell(nil), lead...), txt(r.l("c.none")))
			for range len(t.head) - len(row) - 1 {
				row = append(row, txt(""))
			}
			t.rows = append(t.rows, append(row, txt(missing)))
			continue
		}
		for _, c := range d.Contacts {
			row := append(append([]cell(nil), lead...), txt(r.l("function."+c.Function)))
			if !r.Anonymised {
				row = append(row, txt(c.Person), txt(c.Organisation))
				if c.Deputy != nil {
					row = append(row, txt(c.Deputy.Person), txt(c.Deputy.Organisation))
				} else {
					row = append(row, txt("—"), txt(""))
				}
			} else {
				row = append(row, txt(r.yesNo(c.Deputy != nil)))
			}
			t.rows = append(t.rows, append(row, txt(missing)))
		}
	}
	return t
}

// missingText says in words what a state has not designated.
func (r *Report) missingText(d *Directory) string {
	var out []string
	for _, m := range d.Missing {
		if fn, ok := strings.CutPrefix(m, "deputy:"); ok {
			out = append(out, fmt.Sprintf(r.l("missing.deputy"), r.l("function."+fn)))
		} else {
			out = append(out, fmt.Sprintf(r.l("missing.function"), r.l("function."+m)))
		}
	}
	return strings.Join(out, "; ")
}

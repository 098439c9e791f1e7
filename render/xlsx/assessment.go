package xlsx

import (
	"strings"

	"github.com/ncskit/ncskit/internal/locale"
	"github.com/ncskit/ncskit/strategy"
)

// assessment writes every indicator with its consolidated result and the
// evidence behind it.
func (e *encoder) assessment() {
	sh := e.name["assessment"]
	s := e.st
	cols := []column{
		{"id", "col.indicator", 11, s.text},
		{"pillar", "col.pillar", 7, s.text},
		{"area", "col.area", 10, s.text},
		{"title", "col.title", 24, s.text},
		{"question", "xlsx.col.question", 40, s.text},
		{"status", "col.status", 12, s.text},
		{"level", "col.level", 7, s.int},
		{"target", "col.target", 7, s.int},
		{"gap", "col.gap", 6, s.int},
		{"spread", "col.spread", 7, s.int},
		{"flag", "xlsx.col.disagreement", 13, s.text},
		{"provision", "col.provision", 13, s.text},
		{"confidence", "xlsx.col.confidence", 11, s.text},
		{"evidence", "col.evidence", 72, s.text},
	}
	e.header(sh, cols, 1, 1)
	r := 2
	for _, in := range e.d.Indicators {
		e.str(sh, 1, r, in.ID)
		e.str(sh, 2, r, in.Pillar)
		e.str(sh, 3, r, in.Area)
		e.str(sh, 4, r, in.Title)
		e.str(sh, 5, r, in.Question)
		e.str(sh, 6, r, in.Status)
		if in.Level > 0 {
			e.int(sh, 7, r, in.Level)
			e.int(sh, 9, r, in.Gap)
			e.int(sh, 10, r, in.Spread)
		}
		if in.Target > 0 {
			e.int(sh, 8, r, in.Target)
		}
		e.str(sh, 11, r, flagOf(e, in))
		e.str(sh, 12, r, in.Provision)
		e.str(sh, 13, r, in.Confidence)
		e.str(sh, 14, r, evidence(e, in))
		r = e.next(sh, r, 1, in.ID)
	}
	e.frame(sh, layout{freeze: "B2", filter: "A1:" + cell(len(cols), r-1), titles: "$1:$1"})
}

func flagOf(e *encoder, in strategy.IndicatorRow) string {
	switch {
	case in.Agreed:
		return e.l("flag.agreed")
	case in.Disagreement:
		return e.l("flag.disagreement")
	}
	return ""
}

// evidence puts each respondent's note on a line of its own, then the
// decision recorded in the session.
func evidence(e *encoder, in strategy.IndicatorRow) string {
	lines := append([]string(nil), in.Evidence...)
	if in.Decision != "" {
		lines = append(lines, e.l("decision")+locale.For(e.d.Meta.Language).Colon()+in.Decision)
	}
	return strings.Join(lines, "\n")
}

// gaps writes the gaps in the draft's order: largest first.
func (e *encoder) gaps() {
	sh := e.name["gaps"]
	s := e.st
	cols := []column{
		{"id", "col.indicator", 11, s.text},
		{"title", "col.title", 44, s.text},
		{"pillar", "col.pillar", 7, s.text},
		{"area", "col.area", 10, s.text},
		{"level", "col.level", 7, s.int},
		{"target", "col.target", 7, s.int},
		{"gap", "col.gap", 6, s.int},
		{"actions", "col.actions", 22, s.text},
	}
	e.header(sh, cols, 1, 1)
	title := map[string]string{}
	for _, in := range e.d.Indicators {
		title[in.ID] = in.Title
	}
	actions := map[string][]string{}
	for _, p := range e.d.Priorities {
		actions[p.Indicator] = p.Actions
	}
	r := 2
	for _, g := range e.d.Gaps {
		e.str(sh, 1, r, g.Indicator)
		e.str(sh, 2, r, title[g.Indicator])
		e.str(sh, 3, r, g.Pillar)
		e.str(sh, 4, r, g.Area)
		if g.Level > 0 {
			e.int(sh, 5, r, g.Level)
		}
		e.int(sh, 6, r, g.Target)
		e.int(sh, 7, r, g.Gap)
		e.str(sh, 8, r, strings.Join(actions[g.Indicator], ", "))
		r = e.next(sh, r, 1, g.Indicator)
	}
	e.frame(sh, layout{freeze: "B2", filter: "A1:" + cell(len(cols), r-1), titles: "$1:$1"})
}

// priorities writes the ranked priorities with the reason for each rank
// and the facilitator's override, if any.
func (e *encoder) priorities() {
	sh := e.name["priorities"]
	s := e.st
	cols := []column{
		{"rank", "col.rank", 6, s.int},
		{"id", "col.indicator", 11, s.text},
		{"title", "col.title", 36, s.text},
		{"pillar", "col.pillar", 7, s.text},
		{"gap", "col.gap", 6, s.int},
		{"score", "col.score", 8, s.general},
		{"reason", "col.reason", 70, s.text},
		{"override", "xlsx.col.override", 50, s.text},
		{"actions", "col.actions", 16, s.text},
	}
	e.header(sh, cols, 1, 1)
	r := 2
	for _, p := range e.d.Priorities {
		e.int(sh, 1, r, p.Rank)
		e.str(sh, 2, r, p.Indicator)
		e.str(sh, 3, r, p.Title)
		e.str(sh, 4, r, p.Pillar)
		e.int(sh, 5, r, p.Gap)
		e.float(sh, 6, r, p.Score)
		e.str(sh, 7, r, p.Reason)
		e.str(sh, 8, r, p.Override)
		e.str(sh, 9, r, strings.Join(p.Actions, ", "))
		r = e.next(sh, r, 2, p.Indicator)
	}
	e.frame(sh, layout{freeze: "C2", filter: "A1:" + cell(len(cols), r-1), titles: "$1:$1"})
}

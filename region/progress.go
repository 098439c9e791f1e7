package region

import (
	"github.com/ncskit/ncskit/assess"
)

// StateProgress is the change of one state over its assessment rounds.
type StateProgress struct {
	State string `json:"state"`
	// Dates are the session dates of the rounds, oldest first.
	Dates []string `json:"dates"`
	// Pillars and Areas give the progress figure of every round, in the
	// order of Dates; a round with no level for the group has null.
	Pillars []Series `json:"pillars"`
	Areas   []Series `json:"areas"`
	// Indicators are the changes from the first round to the last of
	// every indicator with a level in both.
	Indicators []Change `json:"indicators"`
	// Up, Down and Same count those changes; NotCompared lists the
	// indicators left out because one of the two rounds has no level.
	Up          int      `json:"up"`
	Down        int      `json:"down"`
	Same        int      `json:"same"`
	NotCompared []string `json:"notCompared"`
	// Plan reviews the state's earlier plan, when one was given.
	Plan *PlanReview `json:"plan,omitempty"`
}

// Series is the progress figure of a pillar or area in each round, and
// its change from the first round to the last. The change is counted
// only on the indicators with a level in both rounds (the weighted mean
// of their levels in the last round minus that in the first), so that an
// indicator assessed only once does not move the figure; it is null when
// no indicator of the group has a level in both.
type Series struct {
	ID       string     `json:"id"`
	Progress []*float64 `json:"progress"`
	Change   *float64   `json:"change"`
}

// Change is the change of one indicator's consolidated level.
type Change struct {
	Indicator string `json:"indicator"`
	From      int    `json:"from"`
	To        int    `json:"to"`
	Delta     int    `json:"delta"`
}

// progress compares the rounds of every state assessed more than once.
func (r *Report) progress(m *assess.Model) {
	for _, s := range r.States {
		if len(s.rounds) < 2 {
			continue
		}
		sp := &StateProgress{State: s.Code, Indicators: []Change{}, NotCompared: []string{}}
		for _, rd := range s.rounds {
			sp.Dates = append(sp.Dates, rd.in.Assessment.Session.Date)
		}
		for _, p := range m.Pillars {
			sp.Pillars = append(sp.Pillars, seriesOf(m, s.rounds, p.ID))
			for _, a := range p.Areas {
				sp.Areas = append(sp.Areas, seriesOf(m, s.rounds, a.ID))
			}
		}
		first, last := s.rounds[0].res, s.rounds[len(s.rounds)-1].res
		for _, ind := range m.Indicators() {
			a, b := first.Indicator(ind.ID), last.Indicator(ind.ID)
			if a == nil || b == nil || a.Status != assess.Assessed || b.Status != assess.Assessed {
				sp.NotCompared = append(sp.NotCompared, ind.ID)
				continue
			}
			c := Change{ind.ID, a.Level, b.Level, b.Level - a.Level}
			switch {
			case c.Delta > 0:
				sp.Up++
			case c.Delta < 0:
				sp.Down++
			default:
				sp.Same++
			}
			sp.Indicators = append(sp.Indicators, c)
		}
		r.Progress = append(r.Progress, sp)
	}
}

// seriesOf returns the progress of pillar or area id in each round.
func seriesOf(m *assess.Model, rounds []round, id string) Series {
	s := Series{ID: id}
	for _, rd := range rounds {
		var roll *assess.Rollup
		if p := rd.res.Pillar(id); p != nil {
			roll = &p.Rollup
		} else if a := rd.res.Area(id); a != nil {
			roll = &a.Rollup
		}
		if roll == nil || roll.Coverage.Assessed == 0 {
			s.Progress = append(s.Progress, nil)
			continue
		}
		v := roll.Progress
		s.Progress = append(s.Progress, &v)
	}
	first, last := rounds[0].res, rounds[len(rounds)-1].res
	var sumA, sumB, weight float64
	for _, ind := range m.Indicators() {
		if ind.ID != id && !hasPrefix(ind.ID, id+".") {
			continue
		}
		a, b := first.Indicator(ind.ID), last.Indicator(ind.ID)
		if a == nil || b == nil || a.Status != assess.Assessed || b.Status != assess.Assessed {
			continue
		}
		w := float64(max(ind.Weight, 1))
		sumA += w * float64(a.Level)
		sumB += w * float64(b.Level)
		weight += w
	}
	if weight > 0 {
		d := round2((sumB - sumA) / weight)
		s.Change = &d
	}
	return s
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

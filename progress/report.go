package progress

import (
	"sort"
	"strconv"

	"github.com/ncskit/ncskit/render/xlsx"
	"github.com/ncskit/ncskit/strategy"
)

// Report is the progress report of a follow-up workbook.
type Report struct {
	Title    string `json:"title"`
	Country  string `json:"country,omitempty"`
	Version  string `json:"version,omitempty"`
	Language string `json:"language"`
	// AsOf is the latest period reported on, "" when nothing is.
	AsOf    string  `json:"asOf"`
	Reports int     `json:"reports"` // rows of the Reporting sheet
	Overall float64 `json:"overall"` // progress of the whole plan, %
	// Pillars and Objectives are the weighted progress, %.
	Pillars    []PillarProgress    `json:"pillars"`
	Objectives []ObjectiveProgress `json:"objectives"`
	Actions    []ActionStatus      `json:"actions"`
	// Late are the IDs of the actions that are late (see ActionStatus).
	Late       []string          `json:"late"`
	Indicators []IndicatorStatus `json:"indicators"`
	// OffTrack are the IDs of the indicators at risk or off track.
	OffTrack []string   `json:"offTrack"`
	Currency string     `json:"currency"`
	Rate     float64    `json:"rate"` // local currency units per US$
	Spending []Spending `json:"spending"`
	// ByFunding is the spending against plan per funding source, over
	// the whole period.
	ByFunding []Spending `json:"byFunding"`
	// Labels are the words of the workbook's lists, for the renderers.
	Labels map[string]string `json:"-"`
}

// PillarProgress is the progress of a pillar, weighted by the weights
// of its objectives.
type PillarProgress struct {
	Pillar     string  `json:"pillar"`
	Objectives int     `json:"objectives"`
	Actions    int     `json:"actions"`
	Weight     float64 `json:"weight"`
	Progress   float64 `json:"progress"`
}

// ObjectiveProgress is the progress of an objective, weighted by the
// weights of its actions, or of a goal (Goal set), weighted by the
// weights of its pillar's objectives.
type ObjectiveProgress struct {
	ID       string  `json:"id"`
	Pillar   string  `json:"pillar"`
	Goal     bool    `json:"goal,omitempty"`
	Text     string  `json:"text"`
	Actions  int     `json:"actions"`
	Weight   float64 `json:"weight"`
	Progress float64 `json:"progress"`
}

// ActionStatus is the latest report of an action. An action is late
// when its latest status is delayed, or when its end month is before the
// end of the latest period reported and it is neither completed (status
// or 100%) nor cancelled. StatusID is the code of the status
// (a strategy.Status* constant), Status its word in the workbook's
// language.
type ActionStatus struct {
	ID       string  `json:"id"`
	Pillar   string  `json:"pillar"`
	Title    string  `json:"title"`
	End      string  `json:"end,omitempty"`
	Period   string  `json:"period,omitempty"` // "" when never reported on
	StatusID string  `json:"statusId"`
	Status   string  `json:"status"`
	Progress float64 `json:"progress"`
	Date     string  `json:"date,omitempty"`
	Comment  string  `json:"comment,omitempty"`
	Late     bool    `json:"late"`
	// Row is the Reporting row of the latest report, 0 when none.
	Row int `json:"row,omitempty"`
}

// IndicatorStatus is a KPI's actuals per year beside its targets, and
// its traffic light.
type IndicatorStatus struct {
	ID       string     `json:"id"`
	Action   string     `json:"action,omitempty"`
	Name     string     `json:"name"`
	Unit     string     `json:"unit,omitempty"`
	Baseline *float64   `json:"baseline"`
	Years    []int      `json:"years"`
	Targets  []*float64 `json:"targets"`
	Actuals  []*float64 `json:"actuals"`
	Latest   *float64   `json:"latest"`
	// Light is onTrack, atRisk, offTrack or noData.
	Light string `json:"light"`
}

// Spending is the money of a year or a funding source, in the local
// currency, with the planned and spent amounts in US$.
type Spending struct {
	Year       int     `json:"year,omitempty"`
	Funding    string  `json:"funding,omitempty"`
	Planned    float64 `json:"planned"`
	Secured    float64 `json:"secured"`
	Pledged    float64 `json:"pledged"`
	Gap        float64 `json:"gap"`
	Spent      float64 `json:"spent"`
	PlannedUSD float64 `json:"plannedUSD"`
	SpentUSD   float64 `json:"spentUSD"`
}

// Compute computes the progress report of a workbook.
func Compute(w *Workbook) *Report {
	rep := &Report{Title: w.Title, Country: w.Country, Version: w.Version, Language: w.Language, Reports: len(w.Reports),
		Currency: w.Currency, Rate: w.Rate, Labels: map[string]string{}, Late: []string{}, OffTrack: []string{}}
	if w.layout != nil {
		for k, v := range w.layout.Lights {
			rep.Labels[k] = v
		}
	}
	latestNo := 0
	for _, r := range w.Reports {
		latestNo = max(latestNo, r.periodNo)
	}
	if latestNo > 0 {
		rep.AsOf = w.Periods[latestNo-1]
	}
	latest := latestReports(w)
	prog := map[string]float64{}
	for _, a := range w.Actions {
		s := ActionStatus{ID: a.ID, Pillar: a.Pillar, Title: a.Title, End: a.End, StatusID: a.InitialStatusID, Status: a.InitialStatus}
		if r, ok := latest[a.ID]; ok {
			s.Period, s.StatusID, s.Status, s.Progress, s.Date, s.Comment, s.Row = r.Period, r.StatusID, r.Status, r.Progress, r.Date, r.Comment, r.Row
		}
		prog[a.ID] = s.Progress
		done := s.StatusID == strategy.StatusCompleted || s.StatusID == strategy.StatusCancelled || s.Progress >= 100
		s.Late = s.StatusID == strategy.StatusDelayed || (!done && s.End != "" && rep.AsOf != "" && s.End < periodEnd(rep.AsOf))
		if s.Late {
			rep.Late = append(rep.Late, s.ID)
		}
		rep.Actions = append(rep.Actions, s)
	}
	// Objectives: the action weights; pillars and their goals: the
	// objective weights.
	var totW, totWP float64
	pillarAt := map[string]int{}
	for _, o := range w.Objectives {
		if o.Goal {
			continue
		}
		op := ObjectiveProgress{ID: o.ID, Pillar: o.Pillar, Text: o.Text, Weight: o.Weight}
		var sw, swp float64
		for _, a := range w.Actions {
			if a.Objective == o.ID {
				op.Actions++
				sw += a.Weight
				swp += a.Weight * prog[a.ID]
			}
		}
		if sw != 0 {
			op.Progress = swp / sw
		}
		rep.Objectives = append(rep.Objectives, op)
		i, ok := pillarAt[o.Pillar]
		if !ok {
			i = len(rep.Pillars)
			pillarAt[o.Pillar] = i
			rep.Pillars = append(rep.Pillars, PillarProgress{Pillar: o.Pillar})
		}
		p := &rep.Pillars[i]
		p.Objectives++
		p.Actions += op.Actions
		p.Weight += o.Weight
		p.Progress += o.Weight * op.Progress // divided below
		totW += o.Weight
		totWP += o.Weight * op.Progress
	}
	for i := range rep.Pillars {
		p := &rep.Pillars[i]
		if p.Weight != 0 {
			p.Progress /= p.Weight
		} else {
			p.Progress = 0
		}
	}
	if totW != 0 {
		rep.Overall = totWP / totW
	}
	rep.Objectives = goalsFirst(w, rep)
	rep.indicators(w)
	rep.spending(w)
	return rep
}

// goalsFirst returns the objectives of the report in the order of the
// Objectives sheet, with each goal as its pillar sums it up: the actions
// of the pillar, the weight and the progress of its objectives.
func goalsFirst(w *Workbook, rep *Report) []ObjectiveProgress {
	byID := map[string]ObjectiveProgress{}
	for _, o := range rep.Objectives {
		byID[o.ID] = o
	}
	var out []ObjectiveProgress
	for _, o := range w.Objectives {
		if !o.Goal {
			out = append(out, byID[o.ID])
			continue
		}
		g := ObjectiveProgress{ID: o.ID, Pillar: o.Pillar, Text: o.Text, Goal: true}
		for _, a := range w.Actions {
			if a.Pillar == o.Pillar {
				g.Actions++
			}
		}
		for _, p := range rep.Pillars {
			if p.Pillar == o.Pillar {
				g.Weight, g.Progress = p.Weight, p.Progress
			}
		}
		out = append(out, g)
	}
	return out
}

// latestReports returns the latest report of each action: of the latest
// period, and of reports of one period the last row, as the workbook's
// formulas choose it.
func latestReports(w *Workbook) map[string]Entry {
	out := map[string]Entry{}
	for _, r := range w.Reports {
		if r.periodNo == 0 {
			continue
		}
		if p, ok := out[r.Action]; !ok || r.periodNo > p.periodNo || r.periodNo == p.periodNo && r.Row > p.Row {
			out[r.Action] = r
		}
	}
	return out
}

// periodEnd returns the first month after a period "2027-Q2", as
// YYYY-MM: an end month before it has passed.
func periodEnd(p string) string {
	y, _ := strconv.Atoi(p[:4])
	q, _ := strconv.Atoi(p[6:])
	m := q*3 + 1
	if m > 12 {
		y, m = y+1, 1
	}
	return strconv.Itoa(y) + "-" + pad2(m)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// indicators computes the actual of each KPI per year (of an action's
// KPI, the value of the latest report of its action in a period of the
// year; of an outcome indicator, as entered), the latest actual and the
// traffic light.
func (rep *Report) indicators(w *Workbook) {
	y0 := 0
	if len(w.Periods) > 0 {
		y0, _ = strconv.Atoi(w.Periods[0][:4])
	}
	for _, k := range w.KPIs {
		s := IndicatorStatus{ID: k.ID, Action: k.Action, Name: k.Name, Unit: k.Unit, Baseline: k.BaselineValue, Targets: k.Targets, Light: "noData"}
		for y := range k.Targets {
			year := y0 + y
			s.Years = append(s.Years, year)
			var act *float64
			if k.Action == "" {
				if y < len(k.Entered) {
					act = k.Entered[y]
				}
			} else {
				var best *Entry
				for i := range w.Reports {
					r := &w.Reports[i]
					if r.Action != k.Action || r.Actual == nil || r.periodNo == 0 || r.Period[:4] != strconv.Itoa(year) {
						continue
					}
					if best == nil || r.periodNo > best.periodNo || r.periodNo == best.periodNo && r.Row > best.Row {
						best = r
					}
				}
				if best != nil {
					act = best.Actual
				}
			}
			s.Actuals = append(s.Actuals, act)
		}
		for y := len(s.Actuals) - 1; y >= 0; y-- {
			if s.Actuals[y] == nil {
				continue
			}
			s.Latest = s.Actuals[y]
			if t := s.Targets[y]; t != nil {
				base := 0.0
				if k.BaselineValue != nil {
					base = *k.BaselineValue
				}
				s.Light = xlsx.Light(*s.Latest, *t, base, direction(k))
			}
			break
		}
		if s.Light == "atRisk" || s.Light == "offTrack" {
			rep.OffTrack = append(rep.OffTrack, s.ID)
		}
		rep.Indicators = append(rep.Indicators, s)
	}
}

// direction is xlsx.Direction on what the workbook holds: -1 when the
// last target is below the baseline.
func direction(k KPI) int {
	if k.BaselineValue == nil {
		return 1
	}
	for i := len(k.Targets) - 1; i >= 0; i-- {
		if t := k.Targets[i]; t != nil {
			if *t < *k.BaselineValue {
				return -1
			}
			return 1
		}
	}
	return 1
}

// spending adds the costs by year and by funding source.
func (rep *Report) spending(w *Workbook) {
	byYear := map[int]*Spending{}
	byFund := map[string]*Spending{}
	add := func(s *Spending, c Cost) {
		s.Planned += c.Planned
		s.Secured += c.Secured
		s.Pledged += c.Pledged
		s.Gap += max(0, c.Planned-c.Secured-c.Pledged)
		s.Spent += c.Spent
		s.PlannedUSD += c.Planned / w.Rate
		s.SpentUSD += c.Spent / w.Rate
	}
	for _, c := range w.Costs {
		if byYear[c.Year] == nil {
			byYear[c.Year] = &Spending{Year: c.Year}
		}
		add(byYear[c.Year], c)
		if byFund[c.Funding] == nil {
			byFund[c.Funding] = &Spending{Funding: c.Funding}
		}
		add(byFund[c.Funding], c)
	}
	for _, s := range byYear {
		rep.Spending = append(rep.Spending, *s)
	}
	sort.Slice(rep.Spending, func(i, j int) bool { return rep.Spending[i].Year < rep.Spending[j].Year })
	for _, s := range byFund {
		rep.ByFunding = append(rep.ByFunding, *s)
	}
	sort.Slice(rep.ByFunding, func(i, j int) bool { return rep.ByFunding[i].Funding < rep.ByFunding[j].Funding })
}

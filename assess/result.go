package assess

// Result is the outcome of scoring an assessment: scores at every level of
// the model, the gaps, the ranked priorities and the warnings about what is
// missing or disputed. It is plain data, ready to be encoded as JSON.
type Result struct {
	Model      ModelRef       `json:"model"`
	Country    string         `json:"country"`
	Date       string         `json:"date"`
	Coverage   Coverage       `json:"coverage"`
	Pillars    []*PillarScore `json:"pillars"`
	Gaps       []Gap          `json:"gaps"`
	Priorities []Priority     `json:"priorities"`
	Warnings   []Warning      `json:"warnings"`
	TargetFrom string         `json:"targetProfile,omitempty"`
	byID       map[string]*IndicatorScore
}

// Indicator returns the score of the indicator with the given ID, or nil.
func (r *Result) Indicator(id string) *IndicatorScore { return r.byID[id] }

// Area returns the score of the area with the given ID, or nil.
func (r *Result) Area(id string) *AreaScore {
	for _, p := range r.Pillars {
		for _, a := range p.Areas {
			if a.ID == id {
				return a
			}
		}
	}
	return nil
}

// Pillar returns the score of the pillar with the given ID, or nil.
func (r *Result) Pillar(id string) *PillarScore {
	for _, p := range r.Pillars {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Coverage counts how many indicators were assessed.
type Coverage struct {
	Total      int `json:"total"`
	Assessed   int `json:"assessed"`
	NA         int `json:"notApplicable"`
	Unknown    int `json:"unknown"`
	Unassessed int `json:"unassessed"`
	// Percent is the share of applicable indicators that have a level,
	// rounded to a whole number.
	Percent int `json:"percent"`
}

// Complete reports whether every applicable indicator has a level.
func (c Coverage) Complete() bool { return c.Unknown == 0 && c.Unassessed == 0 }

func (c *Coverage) add(s Status) {
	c.Total++
	switch s {
	case Assessed:
		c.Assessed++
	case StatusNA:
		c.NA++
	case StatusUnknown:
		c.Unknown++
	default:
		c.Unassessed++
	}
}

func (c *Coverage) merge(o Coverage) {
	c.Total += o.Total
	c.Assessed += o.Assessed
	c.NA += o.NA
	c.Unknown += o.Unknown
	c.Unassessed += o.Unassessed
}

func (c *Coverage) finish() {
	if n := c.Total - c.NA; n > 0 {
		c.Percent = (c.Assessed*100 + n/2) / n
	}
}

// Rollup is the score of a group of indicators (an area or a pillar): the
// achieved level (the weakest applicable indicator: a level counts only
// when every indicator reaches it) and the progress (the weighted mean of
// the levels) side by side, with the target and the gap.
type Rollup struct {
	// Achieved is the lowest consolidated level of the assessed indicators;
	// 0 when none is assessed.
	Achieved int `json:"achieved"`
	// Progress is the weight-averaged level of the assessed indicators,
	// rounded to two decimals; 0 when none is assessed.
	Progress float64 `json:"progress"`
	// Target is the lowest target of the applicable indicators: the level
	// the group reaches when every indicator meets its target.
	Target int `json:"target"`
	// Gap is Target − Achieved, never negative.
	Gap int `json:"gap"`
	// TargetProgress is the weight-averaged target, for comparison with
	// Progress.
	TargetProgress float64  `json:"targetProgress"`
	Coverage       Coverage `json:"coverage"`
}

// PillarScore is the score of one pillar.
type PillarScore struct {
	ID string `json:"id"`
	Rollup
	Areas []*AreaScore `json:"areas"`
}

// AreaScore is the score of one area.
type AreaScore struct {
	ID string `json:"id"`
	Rollup
	Indicators []*IndicatorScore `json:"indicators"`
}

// Status says whether an indicator has a level.
type Status string

// The statuses of an indicator.
const (
	Assessed      Status = "assessed"   // it has a consolidated or agreed level
	StatusNA      Status = "n/a"        // it does not apply; left out of roll-ups
	StatusUnknown Status = "unknown"    // answered, but nobody knew: a data gap
	Unassessed    Status = "unassessed" // nobody answered it
)

// IndicatorScore is the consolidated score of one indicator.
type IndicatorScore struct {
	ID     string `json:"id"`
	Status Status `json:"status"`
	// Level is the consolidated level: the agreed level when the room
	// recorded one, else the median of the respondents' levels.
	Level int `json:"level"`
	// Median is the median of the respondents' levels (after the
	// person-dependent cap), 0 when there is none.
	Median int `json:"median"`
	// Agreed is true when Level is an agreed level.
	Agreed bool `json:"agreed"`
	// Spread is the highest minus the lowest respondent level.
	Spread int `json:"spread"`
	// Disagreement is true when Spread is 2 or more, or when some
	// respondents gave a level and others said it does not apply.
	Disagreement bool `json:"disagreement"`
	// Ratings lists each respondent's answer in response order.
	Ratings []RespondentRating `json:"ratings"`
	Target  int                `json:"target"`
	// TargetSource says where the target came from: "agreed", "responses",
	// "profile", "target-profile" or "model".
	TargetSource string `json:"targetSource"`
	// Gap is Target − Level, never negative; 0 when there is no level.
	Gap int `json:"gap"`
	// Provision is the most common provision mode among the responses.
	Provision string `json:"provision,omitempty"`
	// DonorFunded is true when any respondent says the capability is
	// donor-funded: a sustainability risk.
	DonorFunded bool `json:"donorFunded"`
	// Capped is true when at least one level was capped because the
	// capability depends on one person.
	Capped bool `json:"capped"`
	// Confidence is the lowest confidence reported, "" when none was.
	Confidence string `json:"confidence,omitempty"`
	Weight     int    `json:"weight"`
}

// RespondentRating is one respondent's answer to an indicator, as counted.
type RespondentRating struct {
	Respondent string `json:"respondent"`
	// Rating is the answer as given.
	Rating Rating `json:"rating"`
	// Counted is the level that entered the median after the
	// person-dependent cap; 0 for n/a and unknown.
	Counted int `json:"counted"`
	// Response is the index of the response in the assessment's
	// responses (JSON pointer /responses/N).
	Response int `json:"response"`
}

// Gap is an indicator whose consolidated level is below its target.
type Gap struct {
	Indicator string `json:"indicator"`
	Area      string `json:"area"`
	Pillar    string `json:"pillar"`
	Level     int    `json:"level"`
	Target    int    `json:"target"`
	Gap       int    `json:"gap"`
}

// Warning is a problem with the content of an assessment that does not stop
// scoring: an unassessed indicator, a disagreement, a missing target.
type Warning struct {
	Code      string `json:"code"`
	Indicator string `json:"indicator,omitempty"`
	Pointer   string `json:"pointer,omitempty"`
	Message   string `json:"message"`
}

// The warning codes.
const (
	WarnUnassessed    = "unassessed"
	WarnUnknown       = "unknown"
	WarnDisagreement  = "disagreement"
	WarnMissingTarget = "missing-target"
	WarnCapped        = "capped"
	WarnDonorFunded   = "donor-funded"
	WarnModelVersion  = "model-version"
	WarnOverride      = "override"
	WarnNoSource      = "no-source"
)

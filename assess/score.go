package assess

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Score scores assessment a against model m. It succeeds on a half-filled
// assessment: what is missing or disputed comes back as warnings in the
// Result. It returns an error only when the assessment does not fit the
// model (see Check); the error is then a problem.List.
func Score(m *Model, a *Assessment) (*Result, error) {
	return ScoreIn(m, a, "en")
}

// ScoreIn is Score with the warnings and the priorities' reasons written in
// lang, one of MessageLanguages (English for any other).
func ScoreIn(m *Model, a *Assessment, lang string) (*Result, error) {
	nth := make([]int, len(a.Responses))
	if probs := check(m, a, nth); len(probs) > 0 {
		return nil, probs
	}
	s := scorer{m: m, a: a, lang: lang, res: &Result{
		Model:   a.Model,
		Country: a.Profile.Country,
		Date:    a.Session.Date,
		byID:    map[string]*IndicatorScore{},
	}}
	s.prepare(nth)
	s.scores = make([]IndicatorScore, 0, len(m.nth))
	if a.Model.Version != m.Version {
		s.warn(WarnModelVersion, "", "/model/version", "warn.model-version", "from", a.Model.Version, "to", m.Version)
	}
	var pinds []*IndicatorScore // of the pillar, reused
	for _, p := range m.Pillars {
		ps := &PillarScore{ID: p.ID, Areas: make([]*AreaScore, 0, len(p.Areas))}
		pinds = pinds[:0]
		for _, ar := range p.Areas {
			as := &AreaScore{ID: ar.ID, Indicators: make([]*IndicatorScore, 0, len(ar.Indicators))}
			for _, in := range ar.Indicators {
				is := s.indicator(in)
				as.Indicators = append(as.Indicators, is)
				s.res.byID[in.ID] = is
			}
			as.Rollup = rollup(as.Indicators)
			ps.Areas = append(ps.Areas, as)
			pinds = append(pinds, as.Indicators...)
		}
		ps.Rollup = rollup(pinds)
		s.res.Coverage.merge(ps.Coverage)
		s.res.Pillars = append(s.res.Pillars, ps)
	}
	s.res.Coverage.finish()
	s.gaps()
	s.res.Priorities = prioritise(m, a, s.res, lang, s.warn)
	return s.res, nil
}

// ScoreIndicator returns the score of the indicator id in a, as Score
// gives it, without scoring the others: an indicator's score depends on
// its own responses and decision, the profile and the respondents alone.
// Its warnings are left out. It returns an error when a does not fit m
// (see Check; a problem.List) or m has no indicator id.
func ScoreIndicator(m *Model, a *Assessment, id string) (*IndicatorScore, error) {
	in := m.Indicator(id)
	if in == nil {
		return nil, fmt.Errorf("the model has no indicator %q", id)
	}
	nth := make([]int, len(a.Responses))
	if probs := check(m, a, nth); len(probs) > 0 {
		return nil, probs
	}
	s := scorer{m: m, a: a, lang: "en", res: &Result{byID: map[string]*IndicatorScore{}}}
	s.prepare(nth)
	return s.indicator(in), nil
}

type scorer struct {
	m         *Model
	a         *Assessment
	lang      string // of the warnings
	res       *Result
	responses [][]int        // by the indicator's place in m.Indicators(): indices into a.Responses
	agreed    map[string]int // indicator → index into a.Decisions.Agreed
	profile   TargetProfile
	hasProf   bool
	reviewers map[string]bool  // respondents who answer for no stakeholder
	scores    []IndicatorScore // where indicator puts its scores, one allocation for all
	levels    []int            // scratch of indicator
}

// warn adds a warning whose message is the message key with the
// placeholders of args (name, value pairs) filled; {indicator} is always
// the indicator.
func (s *scorer) warn(code, indicator, pointer, key string, args ...string) {
	var buf [10]string // args and the indicator, without a copy on the heap
	all := append(append(buf[:0], args...), "indicator", indicator)
	s.res.Warnings = append(s.res.Warnings, Warning{
		Code: code, Indicator: indicator, Pointer: pointer, Message: message(s.lang, key, all...),
	})
}

func (s *scorer) prepare(nth []int) {
	s.groupResponses(nth)
	s.reviewers = map[string]bool{}
	for _, r := range s.a.Respondents {
		if r.Stakeholder == "" {
			s.reviewers[r.ID] = true
		}
	}
	s.agreed = map[string]int{}
	for i, d := range s.a.Decisions.Agreed {
		s.agreed[d.Indicator] = i
	}
	id := s.a.Profile.TargetProfile
	if id == "" {
		id = "larger-state"
		if s.a.Profile.SmallIslandState {
			id = "small-island-state"
		}
	}
	s.profile, s.hasProf = s.m.TargetProfile(id)
	if s.hasProf {
		s.res.TargetFrom = s.profile.ID
	}
}

// groupResponses lists the responses of each indicator in answer order,
// in one backing array. nth[i] is the place of response i's indicator in
// m.Indicators(), as check found it.
func (s *scorer) groupResponses(nth []int) {
	counts := make([]int, len(s.m.nth)+1)
	for _, k := range nth {
		counts[k+1]++
	}
	for o := 1; o < len(counts); o++ {
		counts[o] += counts[o-1]
	}
	flat := make([]int, len(s.a.Responses))
	s.responses = make([][]int, len(s.m.nth))
	for k := range s.responses {
		s.responses[k] = flat[counts[k]:counts[k]:counts[k+1]]
	}
	for i, k := range nth {
		s.responses[k] = append(s.responses[k], i)
	}
}

// indicator consolidates the responses to one indicator.
func (s *scorer) indicator(in *Indicator) *IndicatorScore {
	var is *IndicatorScore
	if len(s.scores) < cap(s.scores) {
		s.scores = append(s.scores, IndicatorScore{ID: in.ID, Weight: in.Weight})
		is = &s.scores[len(s.scores)-1]
	} else {
		is = &IndicatorScore{ID: in.ID, Weight: in.Weight}
	}
	idx := s.responses[s.m.nth[in.ID]]
	levels := s.levels[:0]
	defer func() { s.levels = levels[:0] }()
	var targets []int
	var na, unknown int
	is.Ratings = make([]RespondentRating, 0, len(idx))
	var provisions [8]int // counts by index in m.ProvisionModes
	limit := s.m.PersonDependentCap
	for _, i := range idx {
		r := &s.a.Responses[i]
		rr := RespondentRating{Respondent: r.Respondent, Rating: r.Level, Response: i}
		switch {
		case r.Level == NotApplicable:
			na++
		case r.Level == Unknown:
			unknown++
		case r.Level.IsLevel():
			rr.Counted = int(r.Level)
			if r.PersonDependent && rr.Counted > limit {
				rr.Counted = limit
				is.Capped = true
				s.warn(WarnCapped, in.ID, responsePtr(i, "/level"), "warn.capped",
					"level", strconv.Itoa(int(r.Level)), "respondent", r.Respondent, "counted", strconv.Itoa(limit))
			}
			levels = append(levels, rr.Counted)
			if len(s.reviewers) > 0 && s.reviewers[r.Respondent] && strings.TrimSpace(r.Source) == "" {
				s.warn(WarnNoSource, in.ID, responsePtr(i, "/source"), "warn.no-source",
					"level", strconv.Itoa(int(r.Level)), "respondent", r.Respondent)
			}
		}
		is.Ratings = append(is.Ratings, rr)
		if r.Target != 0 {
			targets = append(targets, r.Target)
		}
		if r.Provision != "" {
			if k := s.provisionIndex(r.Provision); k >= 0 && k < len(provisions) {
				provisions[k]++
			}
		}
		if r.Provision == "donor-funded" && !is.DonorFunded {
			is.DonorFunded = true
			s.warn(WarnDonorFunded, in.ID, responsePtr(i, "/provision"), "warn.donor-funded")
		}
		if r.Confidence != "" && (is.Confidence == "" || rank(Confidences, r.Confidence) < rank(Confidences, is.Confidence)) {
			is.Confidence = r.Confidence
		}
	}
	is.Provision = mode(provisions[:], s.m.ProvisionModes)
	if len(levels) > 0 {
		is.Median = median(levels)
		is.Spread = slices.Max(levels) - slices.Min(levels)
	}
	is.Disagreement = is.Spread >= 2 || (na > 0 && len(levels) > 0)

	di, hasAgreed := s.agreed[in.ID]
	switch {
	case hasAgreed && s.a.Decisions.Agreed[di].Level.IsLevel():
		is.Status, is.Level, is.Agreed = Assessed, int(s.a.Decisions.Agreed[di].Level), true
	case hasAgreed && s.a.Decisions.Agreed[di].Level == NotApplicable:
		is.Status, is.Agreed = StatusNA, true
	case hasAgreed && s.a.Decisions.Agreed[di].Level == Unknown:
		is.Status, is.Agreed = StatusUnknown, true
	case len(levels) > 0:
		is.Status, is.Level = Assessed, is.Median
	case na > 0:
		is.Status = StatusNA
	case unknown > 0:
		is.Status = StatusUnknown
	default:
		is.Status = Unassessed
	}
	s.target(is, targets, hasAgreed, di)
	if is.Status == Assessed {
		is.Gap = max(0, is.Target-is.Level)
	}
	s.indicatorWarnings(is, hasAgreed, na, len(levels))
	return is
}

func (s *scorer) indicatorWarnings(is *IndicatorScore, hasAgreed bool, na, nlevels int) {
	first := ""
	if len(is.Ratings) > 0 {
		first = responsePtr(is.Ratings[0].Response, "")
	}
	switch is.Status {
	case Unassessed:
		s.warn(WarnUnassessed, is.ID, "", "warn.unassessed")
	case StatusUnknown:
		s.warn(WarnUnknown, is.ID, first, "warn.unknown")
	}
	if is.Disagreement && !hasAgreed {
		if na > 0 && nlevels > 0 {
			key := "warn.not-applicable.other"
			if na == 1 {
				key = "warn.not-applicable.one"
			}
			s.warn(WarnDisagreement, is.ID, first, key, "n", strconv.Itoa(na))
		} else {
			s.warn(WarnDisagreement, is.ID, first, "warn.disagreement", "spread", strconv.Itoa(is.Spread))
		}
	}
	if is.TargetSource == "model" && is.Status != StatusNA {
		s.warn(WarnMissingTarget, is.ID, "", "warn.missing-target", "target", strconv.Itoa(is.Target))
	}
}

// target sets the indicator's target by precedence: agreed decision,
// median of the respondents' targets, the profile's own targets, the target
// profile, the model default.
func (s *scorer) target(is *IndicatorScore, targets []int, hasAgreed bool, di int) {
	switch {
	case hasAgreed && s.a.Decisions.Agreed[di].Target != 0:
		is.Target, is.TargetSource = s.a.Decisions.Agreed[di].Target, "agreed"
	case len(targets) > 0:
		is.Target, is.TargetSource = median(targets), "responses"
	default:
		if t, ok := lookupTarget(s.a.Profile.Targets, is.ID); ok {
			is.Target, is.TargetSource = t, "profile"
		} else if t, ok := lookupTarget(s.profile.Targets, is.ID); ok && s.hasProf {
			is.Target, is.TargetSource = t, "target-profile"
		} else {
			is.Target, is.TargetSource = s.m.DefaultTarget, "model"
		}
	}
}

// lookupTarget finds the most specific target for an indicator: its own
// ID, then its area, then its pillar.
func lookupTarget(targets map[string]int, id string) (int, bool) {
	if t, ok := targets[id]; ok {
		return t, true
	}
	for _, p := range parents(id) {
		if t, ok := targets[p]; ok {
			return t, true
		}
	}
	return 0, false
}

// median returns the median of levels; for an even count it returns the
// lower of the two middle values, so that a level counts only when at least
// half of the respondents place the capability at that level or higher.
func median(levels []int) int {
	// Levels and targets are small: count them rather than sort a copy.
	var counts [16]int
	for _, l := range levels {
		if l < 0 || l >= len(counts) {
			v := slices.Clone(levels)
			slices.Sort(v)
			return v[(len(v)-1)/2]
		}
		counts[l]++
	}
	k := (len(levels) - 1) / 2
	for l, n := range counts {
		if k < n {
			return l
		}
		k -= n
	}
	panic("assess: median of no levels")
}

// mode returns the most frequent provision mode; ties go to the mode listed
// first in the model. counts[i] counts order[i].
func mode(counts []int, order []Term) string {
	best, n := "", 0
	for i, t := range order {
		if i < len(counts) && counts[i] > n {
			best, n = t.ID, counts[i]
		}
	}
	return best
}

func (s *scorer) provisionIndex(id string) int {
	for i, t := range s.m.ProvisionModes {
		if t.ID == id {
			return i
		}
	}
	return -1
}

func rank(list []string, v string) int { return slices.Index(list, v) }

// rollup computes the achieved level, the progress and the gap of a group
// of indicators.
func rollup(inds []*IndicatorScore) Rollup {
	var r Rollup
	var wsum, lsum, tsum, twsum float64
	for _, is := range inds {
		r.Coverage.add(is.Status)
		if is.Status == StatusNA {
			continue
		}
		if r.Target == 0 || is.Target < r.Target {
			r.Target = is.Target
		}
		tsum += float64(is.Target * is.Weight)
		twsum += float64(is.Weight)
		if is.Status != Assessed {
			continue
		}
		if r.Achieved == 0 || is.Level < r.Achieved {
			r.Achieved = is.Level
		}
		lsum += float64(is.Level * is.Weight)
		wsum += float64(is.Weight)
	}
	if wsum > 0 {
		r.Progress = round2(lsum / wsum)
	}
	if twsum > 0 {
		r.TargetProgress = round2(tsum / twsum)
	}
	if r.Achieved > 0 {
		r.Gap = max(0, r.Target-r.Achieved)
	}
	r.Coverage.finish()
	return r
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// gaps lists every indicator below its target, largest gap first, then in
// model order.
func (s *scorer) gaps() {
	var gaps []Gap
	largest := 0
	for _, p := range s.res.Pillars {
		for _, a := range p.Areas {
			for _, is := range a.Indicators {
				if is.Gap > 0 {
					gaps = append(gaps, Gap{
						Indicator: is.ID, Area: a.ID, Pillar: p.ID,
						Level: is.Level, Target: is.Target, Gap: is.Gap,
					})
					largest = max(largest, is.Gap)
				}
			}
		}
	}
	if largest > 8 { // gaps are at most the scale's length: sort only if not
		slices.SortStableFunc(gaps, func(a, b Gap) int { return cmp.Compare(b.Gap, a.Gap) })
		s.res.Gaps = gaps
		return
	}
	if len(gaps) > 0 {
		s.res.Gaps = make([]Gap, 0, len(gaps))
	}
	for g := largest; g > 0; g-- {
		for _, x := range gaps {
			if x.Gap == g {
				s.res.Gaps = append(s.res.Gaps, x)
			}
		}
	}
}

func responsePtr(i int, field string) string {
	var buf [40]byte
	b := strconv.AppendInt(append(buf[:0], "/responses/"...), int64(i), 10)
	return string(append(b, field...))
}

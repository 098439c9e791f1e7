package assess

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Score scores assessment a against model m. It succeeds on a half-filled
// assessment: what is missing or disputed comes back as warnings in the
// Result. It returns an error only when the assessment does not fit the
// model (see Check); the error is then a problem.List.
func Score(m *Model, a *Assessment) (*Result, error) {
	if probs := Check(m, a); len(probs) > 0 {
		return nil, probs
	}
	s := scorer{m: m, a: a, res: &Result{
		Model:   a.Model,
		Country: a.Profile.Country,
		Date:    a.Session.Date,
		byID:    map[string]*IndicatorScore{},
	}}
	s.prepare()
	if a.Model.Version != m.Version {
		s.warn(WarnModelVersion, "", "/model/version",
			"the assessment was made with version %s of the model and is scored with version %s", a.Model.Version, m.Version)
	}
	for _, p := range m.Pillars {
		ps := &PillarScore{ID: p.ID}
		var pinds []*IndicatorScore
		for _, ar := range p.Areas {
			as := &AreaScore{ID: ar.ID}
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
	s.res.Priorities = prioritise(m, a, s.res, s.warn)
	return s.res, nil
}

type scorer struct {
	m         *Model
	a         *Assessment
	res       *Result
	responses map[string][]int // indicator → indices into a.Responses
	agreed    map[string]int   // indicator → index into a.Decisions.Agreed
	profile   TargetProfile
	hasProf   bool
	reviewers map[string]bool // respondents who answer for no stakeholder
}

func (s *scorer) warn(code, indicator, pointer, format string, args ...any) {
	s.res.Warnings = append(s.res.Warnings, Warning{
		Code: code, Indicator: indicator, Pointer: pointer, Message: fmt.Sprintf(format, args...),
	})
}

func (s *scorer) prepare() {
	s.responses = make(map[string][]int, len(s.m.index))
	for i, r := range s.a.Responses {
		s.responses[r.Indicator] = append(s.responses[r.Indicator], i)
	}
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

// indicator consolidates the responses to one indicator.
func (s *scorer) indicator(in *Indicator) *IndicatorScore {
	is := &IndicatorScore{ID: in.ID, Weight: in.Weight}
	idx := s.responses[in.ID]
	levels := make([]int, 0, len(idx))
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
				s.warn(WarnCapped, in.ID, responsePtr(i, "/level"),
					"%s: level %d from %s counts as %d because the capability depends on one person", in.ID, r.Level, r.Respondent, limit)
			}
			levels = append(levels, rr.Counted)
			if s.reviewers[r.Respondent] && strings.TrimSpace(r.Source) == "" {
				s.warn(WarnNoSource, in.ID, responsePtr(i, "/source"),
					"%s: level %d from %s, a desk reviewer, names no source; add the document, URL or citation it rests on", in.ID, r.Level, r.Respondent)
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
			s.warn(WarnDonorFunded, in.ID, responsePtr(i, "/provision"),
				"%s is donor-funded: plan how the national budget takes it over", in.ID)
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
		s.warn(WarnUnassessed, is.ID, "", "%s has no response", is.ID)
	case StatusUnknown:
		s.warn(WarnUnknown, is.ID, first, "%s: nobody could give a level; this is a data gap to close", is.ID)
	}
	if is.Disagreement && !hasAgreed {
		if na > 0 && nlevels > 0 {
			s.warn(WarnDisagreement, is.ID, first, "%s: %s it does not apply while others give a level; record an agreed answer", is.ID, plural(na, "respondent says", "respondents say"))
		} else {
			s.warn(WarnDisagreement, is.ID, first, "%s: respondents' levels differ by %d; discuss and record an agreed level", is.ID, is.Spread)
		}
	}
	if is.TargetSource == "model" && is.Status != StatusNA {
		s.warn(WarnMissingTarget, is.ID, "", "%s has no target from the responses, the profile or a target profile; the model default %d is used", is.ID, is.Target)
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
	v := slices.Clone(levels)
	slices.Sort(v)
	return v[(len(v)-1)/2]
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
	for _, p := range s.res.Pillars {
		for _, a := range p.Areas {
			for _, is := range a.Indicators {
				if is.Gap > 0 {
					s.res.Gaps = append(s.res.Gaps, Gap{
						Indicator: is.ID, Area: a.ID, Pillar: p.ID,
						Level: is.Level, Target: is.Target, Gap: is.Gap,
					})
				}
			}
		}
	}
	sort.SliceStable(s.res.Gaps, func(i, j int) bool { return s.res.Gaps[i].Gap > s.res.Gaps[j].Gap })
}

func responsePtr(i int, field string) string { return "/responses/" + strconv.Itoa(i) + field }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

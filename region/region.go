package region

import (
	"crypto/sha256"
	"fmt"
	"sort"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/problem"
	"github.com/ncskit/ncskit/strategy"
)

// Input is one assessment of one state, as read from a file.
type Input struct {
	// Name is the file the assessment came from, for messages.
	Name       string
	Assessment *assess.Assessment
	// Migrated holds the notes of load.Migrate when the file was made
	// with an earlier major version of the model; nil otherwise.
	Migrated []string
}

// Options adjust the report. A nil *Options means the defaults: the
// restricted report, in English, with a gap shared when a third of the
// states (at least two) have it.
type Options struct {
	// Anonymise replaces state names with codes and leaves out personal
	// names, institution names, instrument names and evidence text, for
	// publication.
	Anonymise bool
	// Key, when set, enters the codes of anonymised states (see Code), so
	// that a reader who knows which states took part cannot work out
	// which code is which.
	Key string
	// MinStates is how many states must share a gap for it to count as
	// shared; 0 means a third of the states, rounded up, and at least 2.
	MinStates int
	// Lang is the language of the names of pillars, areas, indicators
	// and actions; "" means English.
	Lang string
	// Plans are earlier drafts of states assessed more than once (see
	// ReadPlan): each state's progress then says which of the plan's
	// actions were followed by a move of their indicators.
	Plans []*Plan
}

// Report is the regional view of many assessments. It is plain data; the
// package doc describes its JSON form.
type Report struct {
	Format         string          `json:"format"`
	Model          assess.ModelRef `json:"model"`
	Anonymised     bool            `json:"anonymised"`
	Classification string          `json:"classification"`
	Language       string          `json:"language"`
	// Latest is the most recent session date of the inputs; the age of
	// each state's data is counted from it.
	Latest string `json:"latest"`
	// MinStates is how many states must share a gap for it to be listed.
	MinStates    int              `json:"minStates"`
	Pillars      []PillarRef      `json:"pillars"`
	States       []*State         `json:"states"`
	Distribution []Distribution   `json:"distribution"`
	SharedGaps   []*SharedGap     `json:"sharedGaps"`
	Existing     []Provision      `json:"existing"`
	Progress     []*StateProgress `json:"progress"`
	Contacts     []*Directory     `json:"contacts"`
	Notes        []string         `json:"notes"`
}

// ReportFormat is the value of Report.Format: the name and version of
// the JSON structure.
const ReportFormat = "ncskit-region-v1"

// PillarRef names a pillar of the model and its areas, in model order.
type PillarRef struct {
	ID    string    `json:"id"`
	Name  string    `json:"name"`
	Areas []AreaRef `json:"areas"`
}

// AreaRef names an area of the model.
type AreaRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// State is one state in the comparison, with the scores of its latest
// assessment.
type State struct {
	// Code is the state's stable code (see Code); Name is the country's
	// name, or the code in an anonymised report.
	Code string `json:"code"`
	Name string `json:"name"`
	// ISO3166 is the country code; empty in an anonymised report.
	ISO3166          string `json:"iso3166,omitempty"`
	SmallIslandState bool   `json:"smallIslandState"`
	// Date is the session date of the latest assessment, Rounds how many
	// assessments of the state were read.
	Date   string `json:"date"`
	Rounds int    `json:"rounds"`
	// Coverage is the share of applicable indicators with a level in the
	// latest assessment.
	Coverage int      `json:"coverage"`
	Pillars  []Cell   `json:"pillars"`
	Areas    []Cell   `json:"areas"`
	Files    []string `json:"files,omitempty"`

	res    *assess.Result
	a      *assess.Assessment
	key    string
	rounds []round
}

// round is one assessment of a state.
type round struct {
	in  Input
	res *assess.Result
}

// Cell is one state's score of one pillar or area: the heat-map cell.
type Cell struct {
	ID string `json:"id"`
	// Assessed is false when the state has no level for any indicator of
	// the group; the other fields are then zero.
	Assessed bool    `json:"assessed"`
	Achieved int     `json:"achieved"`
	Progress float64 `json:"progress"`
	Target   int     `json:"target"`
	// TargetProgress is the weighted mean of the targets; Shortfall is
	// TargetProgress − Progress (negative when above target).
	TargetProgress float64 `json:"targetProgress"`
	Shortfall      float64 `json:"shortfall"`
	// Indicators is how many of the group's indicators have a level.
	Indicators int `json:"indicators"`
}

// Distribution is how the states spread on one pillar or area.
type Distribution struct {
	ID string `json:"id"`
	// Levels[l] counts the states whose achieved level is l (1-5);
	// Levels[0] those with no level.
	Levels [6]int `json:"levels"`
	// States is how many states have a level; Min, Median and Max are of
	// their progress figures, Behind how many are below their target.
	States int     `json:"states"`
	Min    float64 `json:"min"`
	Median float64 `json:"median"`
	Max    float64 `json:"max"`
	Behind int     `json:"behind"`
}

// Build compares the assessments in inputs, scored against model m, and
// proposes regional programmes from the action library lib (nil for
// strategy.DefaultLibrary). Every assessment must have been made with m's
// ID and major version (load.Migrate migrates older ones); two
// assessments of one state must have different session dates. The error
// is a problem.List naming the files.
func Build(m *assess.Model, lib *strategy.Library, inputs []Input, o *Options) (*Report, error) {
	var opts Options
	if o != nil {
		opts = *o
	}
	if len(inputs) == 0 {
		return nil, fmt.Errorf("region: no assessment to compare")
	}
	states, err := group(m, inputs)
	if err != nil {
		return nil, err
	}
	if opts.MinStates < 1 {
		opts.MinStates = max(2, (len(states)+2)/3)
	}
	if opts.Lang == "" {
		opts.Lang = "en"
	}
	if lib == nil {
		var err error
		if lib, err = strategy.DefaultLibrary(); err != nil {
			return nil, err
		}
	}
	r := &Report{Format: ReportFormat, Model: assess.ModelRef{ID: m.ID, Version: m.Version},
		Anonymised: opts.Anonymise, Language: opts.Lang, MinStates: opts.MinStates,
		SharedGaps: []*SharedGap{}, Existing: []Provision{}, Progress: []*StateProgress{}}
	for _, p := range m.Pillars {
		pr := PillarRef{ID: p.ID, Name: p.Name.In(opts.Lang)}
		for _, a := range p.Areas {
			pr.Areas = append(pr.Areas, AreaRef{a.ID, a.Name.In(opts.Lang)})
		}
		r.Pillars = append(r.Pillars, pr)
	}
	assignCodes(states, opts.Key)
	for _, s := range states {
		s.fill(m)
		if s.Date > r.Latest {
			r.Latest = s.Date
		}
	}
	sort.Slice(states, func(i, j int) bool { return states[i].sortKey(opts.Anonymise) < states[j].sortKey(opts.Anonymise) })
	r.States = states
	r.Classification = highestMarking(inputs)
	r.distribute(m)
	r.existing(m)
	r.sharedGaps(m, lib, opts)
	r.progress(m)
	if err := r.reviewPlans(opts.Plans); err != nil {
		return nil, err
	}
	r.contacts(m)
	r.coverageNotes(m, inputs)
	if opts.Anonymise {
		r.anonymise()
	}
	return r, nil
}

// group scores every input and groups them by state, oldest first.
func group(m *assess.Model, inputs []Input) ([]*State, error) {
	var probs problem.List
	byKey := map[string]*State{}
	var order []*State
	for _, in := range inputs {
		a := in.Assessment
		if a.Model.ID != m.ID || majorOf(a.Model.Version) != majorOf(m.Version) {
			probs = append(probs, problem.Problem{File: in.Name, At: "/model",
				Message: fmt.Sprintf("made with model %s %s, not %s %s", a.Model.ID, a.Model.Version, m.ID, m.Version),
				Hint:    "migrate it first with \"ncskit migrate FILE -o NEW.json\""})
			continue
		}
		res, err := assess.Score(m, a)
		if err != nil {
			probs = append(probs, problem.From(err).In(in.Name)...)
			continue
		}
		k := stateKey(a.Profile)
		s := byKey[k]
		if s == nil {
			s = &State{key: k}
			byKey[k] = s
			order = append(order, s)
		}
		s.rounds = append(s.rounds, round{in, res})
	}
	for _, s := range order {
		sort.SliceStable(s.rounds, func(i, j int) bool {
			return s.rounds[i].in.Assessment.Session.Date < s.rounds[j].in.Assessment.Session.Date
		})
		for i := 1; i < len(s.rounds); i++ {
			a, b := s.rounds[i-1].in, s.rounds[i].in
			if a.Assessment.Session.Date == b.Assessment.Session.Date {
				probs = append(probs, problem.Problem{File: b.Name, At: "/session/date",
					Message: fmt.Sprintf("%s was assessed on %s in %s too", a.Assessment.Profile.Country, b.Assessment.Session.Date, a.Name),
					Hint:    "two rounds of one state need different session dates"})
			}
		}
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return order, nil
}

// stateKey identifies a state across rounds: its ISO 3166 code, or its
// name when the code is missing.
func stateKey(p assess.Profile) string {
	if p.ISO3166 != "" {
		return "iso:" + strings.ToUpper(p.ISO3166)
	}
	return "name:" + strings.ToLower(strings.TrimSpace(p.Country))
}

func majorOf(v string) string {
	major, _, _ := strings.Cut(strings.TrimPrefix(v, "v"), ".")
	return major
}

// assignCodes gives every state its code: "S" and its rank, from 01, in
// the order of the SHA-256 of key and the state's ISO code (or name). The
// code of a state stays the same as long as the set of states and the
// key do; it does not follow the alphabetical order of the names.
func assignCodes(states []*State, key string) {
	hash := func(s *State) string {
		h := sha256.Sum256([]byte("ncskit-region\x00" + key + "\x00" + s.key))
		return string(h[:])
	}
	sorted := append([]*State(nil), states...)
	sort.Slice(sorted, func(i, j int) bool { return hash(sorted[i]) < hash(sorted[j]) })
	width := len(fmt.Sprint(len(states)))
	if width < 2 {
		width = 2
	}
	for i, s := range sorted {
		s.Code = fmt.Sprintf("S%0*d", width, i+1)
	}
}

func (s *State) sortKey(anon bool) string {
	if anon {
		return s.Code
	}
	return strings.ToLower(s.Name) + "\x00" + s.Code
}

// fill sets the state's fields from its latest round.
func (s *State) fill(m *assess.Model) {
	last := s.rounds[len(s.rounds)-1]
	s.a, s.res = last.in.Assessment, last.res
	s.Name = s.a.Profile.Country
	s.ISO3166 = s.a.Profile.ISO3166
	s.SmallIslandState = s.a.Profile.SmallIslandState
	s.Date = s.a.Session.Date
	s.Rounds = len(s.rounds)
	s.Coverage = s.res.Coverage.Percent
	for _, rd := range s.rounds {
		s.Files = append(s.Files, rd.in.Name)
	}
	for _, p := range s.res.Pillars {
		s.Pillars = append(s.Pillars, cellOf(p.ID, p.Rollup))
		for _, a := range p.Areas {
			s.Areas = append(s.Areas, cellOf(a.ID, a.Rollup))
		}
	}
}

func cellOf(id string, r assess.Rollup) Cell {
	c := Cell{ID: id, Indicators: r.Coverage.Assessed}
	if r.Coverage.Assessed == 0 {
		return c
	}
	c.Assessed = true
	c.Achieved, c.Progress, c.Target, c.TargetProgress = r.Achieved, r.Progress, r.Target, r.TargetProgress
	c.Shortfall = round2(r.TargetProgress - r.Progress)
	return c
}

func round2(x float64) float64 {
	if x < 0 {
		return -round2(-x)
	}
	return float64(int64(x*100+0.5)) / 100
}

// Cell returns the state's cell of pillar or area id.
func (s *State) Cell(id string) (Cell, bool) {
	for _, list := range [][]Cell{s.Areas, s.Pillars} {
		for _, c := range list {
			if c.ID == id {
				return c, true
			}
		}
	}
	return Cell{}, false
}

// distribute fills the distribution of the states on every pillar and area.
func (r *Report) distribute(m *assess.Model) {
	for _, p := range m.Pillars {
		r.Distribution = append(r.Distribution, r.distributionOf(p.ID))
		for _, a := range p.Areas {
			r.Distribution = append(r.Distribution, r.distributionOf(a.ID))
		}
	}
}

func (r *Report) distributionOf(id string) Distribution {
	d := Distribution{ID: id}
	var ps []float64
	for _, s := range r.States {
		c, _ := s.Cell(id)
		if !c.Assessed {
			d.Levels[0]++
			continue
		}
		d.Levels[min(max(c.Achieved, 0), 5)]++
		ps = append(ps, c.Progress)
		if c.Shortfall > 0 {
			d.Behind++
		}
	}
	d.States = len(ps)
	if len(ps) > 0 {
		sort.Float64s(ps)
		d.Min, d.Max = ps[0], ps[len(ps)-1]
		if n := len(ps); n%2 == 1 {
			d.Median = ps[n/2]
		} else {
			d.Median = round2((ps[n/2-1] + ps[n/2]) / 2)
		}
	}
	return d
}

// label returns what a reader sees of a state: its name, or its code.
func (r *Report) label(s *State) string {
	if r.Anonymised {
		return s.Code
	}
	return s.Name
}

package assess

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/ncskit/ncskit/problem"
)

// Model is a maturity model: a scale, the role archetypes that lead and
// support capabilities, target profiles, crosswalk vocabularies and the
// pillars, areas and indicators that an assessment answers.
type Model struct {
	Schema             string          `json:"$schema,omitempty"`
	ID                 string          `json:"id"`
	Version            string          `json:"version"`
	Name               Text            `json:"name"`
	Summary            Text            `json:"summary,omitempty"`
	Languages          []string        `json:"languages"`
	DefaultTarget      int             `json:"defaultTarget"`
	PersonDependentCap int             `json:"personDependentCap"`
	Scale              Scale           `json:"scale"`
	ProvisionModes     []Term          `json:"provisionModes"`
	Roles              []Term          `json:"roles"`
	TargetProfiles     []TargetProfile `json:"targetProfiles"`
	Frameworks         []Framework     `json:"frameworks"`
	Migrations         []Migration     `json:"migrations,omitempty"`
	Include            []string        `json:"include,omitempty"`
	Pillars            []*Pillar       `json:"pillars,omitempty"`

	index map[string]*Indicator
	areas map[string]*Area
	pills map[string]*Pillar
	order map[string]int // pillar, area and indicator IDs → model order
	nth   map[string]int // indicator ID → its place in Indicators()
	inds  []*Indicator   // Indicators()
}

// Scale is the five-level maturity scale plus the two answers that are not
// levels: not applicable and unknown.
type Scale struct {
	Levels        []ScaleLevel `json:"levels"`
	NotApplicable Term         `json:"notApplicable"`
	Unknown       Term         `json:"unknown"`
}

// Max returns the highest level of the scale.
func (s Scale) Max() int { return len(s.Levels) }

// Name returns the name of level l in lang, or "" when l is not a level.
func (s Scale) Name(l int, lang string) string {
	if l < 1 || l > len(s.Levels) {
		return ""
	}
	return s.Levels[l-1].Name.In(lang)
}

// ScaleLevel is one level of the scale.
type ScaleLevel struct {
	Level    int    `json:"level"`
	Key      string `json:"key"`
	CMMStage string `json:"cmmStage,omitempty"`
	Name     Text   `json:"name"`
	Meaning  Text   `json:"meaning"`
}

// Term is a named item of a controlled vocabulary: a role archetype, a
// provision mode, the not-applicable answer. Purpose is set on a role
// archetype only (see Purposes).
type Term struct {
	ID      string `json:"id,omitempty"`
	Name    Text   `json:"name"`
	Meaning Text   `json:"meaning,omitempty"`
	Purpose string `json:"purpose,omitempty"`
}

// Purposes say what a role archetype, an area or an indicator stands for
// where a drafted strategy needs one by meaning rather than by ID: the
// lead agency that leads the actions nobody else owns, the legal
// foundations the country's situation describes, the monitoring
// indicator a baseline survey serves... A model gives each purpose to at
// most one role, area or indicator (its "purpose" property); a model
// without one simply lacks what needs it, and the draft leaves it out.
// Look them up with RoleWithPurpose, AreaWithPurpose and
// IndicatorWithPurpose.
const (
	// PurposeLeadAgency: the role archetype of the national lead agency
	// for cyber security, and the indicator of its mandate.
	PurposeLeadAgency = "lead-agency"
	// PurposeCoordination: the indicator of a standing inter-agency
	// coordination body.
	PurposeCoordination = "coordination"
	// PurposeStrategyPlan: the indicator of a costed action plan with
	// named owners.
	PurposeStrategyPlan = "strategy-plan"
	// PurposeMonitoring: the indicator of the monitoring, reporting and
	// review of the strategy.
	PurposeMonitoring = "monitoring"
	// PurposeBudget: the indicator of a recurrent national budget for
	// cyber security.
	PurposeBudget = "budget"
	// PurposeLegalFramework: the area of the legal foundations.
	PurposeLegalFramework = "legal-framework"
	// PurposeGovernance, PurposeIncidentResponse, PurposeCapacity and
	// PurposeOutreach: the pillars of strategy and governance (whose
	// goal starts from a strategy), of incident response (whose facts
	// include the recorded incidents; its goal starts from a CSIRT), of
	// training and exercises (from a donor programme) and of outreach and
	// partnership (from an agreement).
	PurposeGovernance       = "governance"
	PurposeIncidentResponse = "incident-response"
	PurposeCapacity         = "capacity"
	PurposeOutreach         = "outreach"
)

// Purposes lists the purposes a model can give, by what takes them:
// "role", "pillar", "area" or "indicator".
var Purposes = map[string][]string{
	"role":      {PurposeLeadAgency},
	"pillar":    {PurposeGovernance, PurposeIncidentResponse, PurposeCapacity, PurposeOutreach},
	"area":      {PurposeLegalFramework},
	"indicator": {PurposeLeadAgency, PurposeCoordination, PurposeStrategyPlan, PurposeMonitoring, PurposeBudget},
}

// TargetProfile is a named set of default targets, keyed by pillar, area or
// indicator ID; the most specific key wins.
type TargetProfile struct {
	ID      string         `json:"id"`
	Name    Text           `json:"name"`
	Meaning Text           `json:"meaning,omitempty"`
	Targets map[string]int `json:"targets"`
}

// Framework is a crosswalk vocabulary: the identifiers of a public framework
// that indicators reference as "ID:REF", for example "cmm:2021:D1.2".
type Framework struct {
	ID   string            `json:"id"`
	Name Text              `json:"name"`
	Refs map[string]string `json:"refs"`
}

// Migration tells how answers made with an earlier major version of the
// model carry over: renamed indicator IDs and retired ones.
type Migration struct {
	From    string            `json:"from"`
	Renamed map[string]string `json:"renamed,omitempty"`
	Retired []string          `json:"retired,omitempty"`
}

// Pillar is one of the model's top-level groups.
type Pillar struct {
	ID      string  `json:"id"`
	Name    Text    `json:"name"`
	Summary Text    `json:"summary,omitempty"`
	Purpose string  `json:"purpose,omitempty"` // see Purposes
	Areas   []*Area `json:"areas"`
}

// Area is a group of indicators within a pillar.
type Area struct {
	ID         string       `json:"id"`
	Name       Text         `json:"name"`
	Summary    Text         `json:"summary,omitempty"`
	Purpose    string       `json:"purpose,omitempty"` // see Purposes
	Indicators []*Indicator `json:"indicators"`
}

// Indicator is one assessable capability: a question, a descriptor for each
// level, the evidence that shows it and the data that prioritisation uses.
type Indicator struct {
	ID        string   `json:"id"`
	Title     Text     `json:"title"`
	Question  Text     `json:"question"`
	Levels    []Text   `json:"levels"`
	Evidence  Text     `json:"evidence"`
	Weight    int      `json:"weight"`
	Urgency   int      `json:"urgency"`
	Cost      string   `json:"cost"`
	Lead      []string `json:"lead"`
	Support   []string `json:"support"`
	DependsOn []string `json:"dependsOn"`
	Crosswalk []string `json:"crosswalk"`
	Purpose   string   `json:"purpose,omitempty"` // see Purposes
}

// Indicator returns the indicator with the given ID, or nil.
func (m *Model) Indicator(id string) *Indicator { return m.index[id] }

// Area returns the area with the given ID, or nil.
func (m *Model) Area(id string) *Area { return m.areas[id] }

// Pillar returns the pillar with the given ID, or nil.
func (m *Model) Pillar(id string) *Pillar { return m.pills[id] }

// Indicators returns every indicator in model order.
func (m *Model) Indicators() []*Indicator {
	var out []*Indicator
	for _, p := range m.Pillars {
		for _, a := range p.Areas {
			out = append(out, a.Indicators...)
		}
	}
	return out
}

// IndicatorWithPurpose returns the indicator the model gives purpose (see
// Purposes), or nil when none has it.
func (m *Model) IndicatorWithPurpose(purpose string) *Indicator {
	for _, in := range m.Indicators() {
		if in.Purpose == purpose {
			return in
		}
	}
	return nil
}

// PillarWithPurpose returns the pillar the model gives purpose (see
// Purposes), or nil when none has it.
func (m *Model) PillarWithPurpose(purpose string) *Pillar {
	for _, p := range m.Pillars {
		if p.Purpose == purpose {
			return p
		}
	}
	return nil
}

// AreaWithPurpose returns the area the model gives purpose (see
// Purposes), or nil when none has it.
func (m *Model) AreaWithPurpose(purpose string) *Area {
	for _, p := range m.Pillars {
		for _, a := range p.Areas {
			if a.Purpose == purpose {
				return a
			}
		}
	}
	return nil
}

// AreaOf returns the area that holds the indicator with the given ID, or
// nil.
func (m *Model) AreaOf(indicator string) *Area {
	for _, p := range m.Pillars {
		for _, a := range p.Areas {
			for _, in := range a.Indicators {
				if in.ID == indicator {
					return a
				}
			}
		}
	}
	return nil
}

// RoleWithPurpose returns the ID of the role archetype the model gives
// purpose (see Purposes), or "" when none has it.
func (m *Model) RoleWithPurpose(purpose string) string {
	for _, r := range m.Roles {
		if r.Purpose == purpose {
			return r.ID
		}
	}
	return ""
}

// Role returns the role archetype with the given ID.
func (m *Model) Role(id string) (Term, bool) {
	for _, r := range m.Roles {
		if r.ID == id {
			return r, true
		}
	}
	return Term{}, false
}

// TargetProfile returns the target profile with the given ID.
func (m *Model) TargetProfile(id string) (TargetProfile, bool) {
	for _, p := range m.TargetProfiles {
		if p.ID == id {
			return p, true
		}
	}
	return TargetProfile{}, false
}

// parent returns the area and pillar IDs of an indicator ID ("IRC.OPS.2" →
// "IRC.OPS", "IRC"), or of an area ID.
func parents(id string) []string {
	var out []string
	for i := strings.LastIndexByte(id, '.'); i > 0; i = strings.LastIndexByte(id, '.') {
		id = id[:i]
		out = append(out, id)
	}
	return out
}

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the built-in four-pillar model. It is parsed once; callers
// must not modify it.
func Default() *Model {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = loadDefault()
	})
	if defaultErr != nil {
		// The embedded model is checked by the package tests; reaching this
		// line means the binary was built from a broken tree.
		panic("assess: embedded model: " + defaultErr.Error())
	}
	return defaultModel
}

// LoadModel reads a model from fsys. The file may hold the pillars inline
// or list pillar files under "include", read relative to the model file.
// Decoding is strict: an unknown field is an error. The returned error is a
// problem.List when the model is readable but inconsistent.
func LoadModel(fsys fs.FS, name string) (*Model, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	m, err := DecodeModel(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for _, inc := range m.Include {
		file := path.Join(path.Dir(name), inc)
		pd, err := fs.ReadFile(fsys, file)
		if err != nil {
			return nil, err
		}
		var p Pillar
		if err := decodeStrict(pd, &p); err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		m.Pillars = append(m.Pillars, &p)
	}
	m.Include = nil
	if probs := m.check(); len(probs) > 0 {
		return nil, fmt.Errorf("%s: %w", name, probs)
	}
	m.buildIndex()
	return m, nil
}

// ParseModel decodes a complete model (pillars inline) from data and checks
// its consistency.
func ParseModel(data []byte) (*Model, error) {
	m, err := DecodeModel(data)
	if err != nil {
		return nil, err
	}
	if len(m.Include) > 0 {
		return nil, problem.List{{At: "/include", Message: "a model read from one file must hold its pillars inline"}}
	}
	if probs := m.check(); len(probs) > 0 {
		return nil, probs
	}
	m.buildIndex()
	return m, nil
}

// DecodeModel decodes a model strictly without checking its consistency.
func DecodeModel(data []byte) (*Model, error) {
	var m Model
	if err := decodeStrict(data, &m); err != nil {
		return nil, err
	}
	return &m, nil
}

func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("unexpected data after the top-level value")
	}
	return nil
}

func (m *Model) buildIndex() {
	m.index = map[string]*Indicator{}
	m.areas = map[string]*Area{}
	m.pills = map[string]*Pillar{}
	m.order = map[string]int{}
	m.nth = map[string]int{}
	n := 0
	for _, p := range m.Pillars {
		m.pills[p.ID] = p
		m.order[p.ID] = n
		n++
		for _, a := range p.Areas {
			m.areas[a.ID] = a
			m.order[a.ID] = n
			n++
			for _, in := range a.Indicators {
				m.index[in.ID] = in
				m.nth[in.ID] = len(m.nth)
				m.inds = append(m.inds, in)
				m.order[in.ID] = n
				n++
			}
		}
	}
}

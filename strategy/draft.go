package strategy

import (
	"encoding/json"
	"fmt"

	"github.com/ncskit/ncskit/assess"
)

// Draft is a national cyber-security strategy draft in a format-neutral
// form: document control, an ordered list of blocks that every renderer
// turns into its format, and the structured data (actions, roles, KPIs,
// scores) that tabular renderers such as the Excel workbook use directly.
// Renderers never compute a score or decide content: everything they show
// is here.
type Draft struct {
	Meta       Meta           `json:"meta"`
	Blocks     []Block        `json:"blocks"`
	Scores     []ScoreRow     `json:"scores"`
	Indicators []IndicatorRow `json:"indicators"`
	Gaps       []assess.Gap   `json:"gaps"`
	Priorities []PriorityRow  `json:"priorities"`
	Actions    []Action       `json:"actions"`
	// Deferred are the actions the gaps call for that cannot be set up
	// within the period, left to the next strategy with the reason.
	Deferred []DeferredAction `json:"deferred,omitempty"`
	KPIs     []KPI            `json:"kpis"`
	Outcomes []KPI            `json:"outcomes,omitempty"` // the strategy's outcome indicators
	// Objectives are the strategy's goals and objectives with the IDs by
	// which outcome indicators (KPI.Objectives) refer to them.
	Objectives []Objective `json:"objectives,omitempty"`
	Roles      Roles       `json:"roles"`
	Labels     Labels      `json:"labels"`
	// Vocabulary names, in the draft's language, what actions refer to by
	// ID (cost bands, horizons, funding sources), so that a renderer shows
	// or totals them without reading the templates.
	Vocabulary Vocabulary `json:"vocabulary"`
	// Warnings are what the plan could not do as the assessment asks:
	// a facilitator's deadline that no schedule can meet.
	Warnings []assess.Warning `json:"warnings,omitempty"`
}

// Meta is the document-control block: what the draft is, its status, and
// what produced it.
type Meta struct {
	Title          string `json:"title"`
	Subtitle       string `json:"subtitle"`
	Kind           string `json:"kind"` // strategy, implementation-plan or refresh (see Kinds)
	Country        string `json:"country"`
	ISO3166        string `json:"iso3166"`
	Period         string `json:"period"` // "2027–2031"
	StartYear      int    `json:"startYear"`
	HorizonYear    int    `json:"horizonYear"`
	Version        string `json:"version"` // "0.1"
	Status         string `json:"status"`  // "Draft for consultation"
	Approval       string `json:"approval"`
	Date           string `json:"date"`       // the session date, YYYY-MM-DD; the document date
	NextReview     string `json:"nextReview"` // YYYY-MM-DD
	Classification string `json:"classification"`
	Language       string `json:"language"`
	Author         string `json:"author"` // the lead ministry
	Template       Ref    `json:"template"`
	Model          Ref    `json:"model"`
	Generator      string `json:"generator"` // "ncskit 0.3.0"
	AssessmentDate string `json:"assessmentDate"`
	// Method is how the assessment gathered its levels: "workshop",
	// "desk-review" or "interviews".
	Method string `json:"method"`
	// Coverage is the percentage of applicable indicators with a level.
	Coverage int `json:"coverage"`
	// Evidence is "sufficient", "partial" or "outline" by the thresholds
	// PartialEvidenceBelow and OutlineBelow; EvidenceNote is the sentence
	// that says so on the cover, "" when the evidence is sufficient.
	Evidence     string `json:"evidence"`
	EvidenceNote string `json:"evidenceNote,omitempty"`
}

// Ref names a versioned input.
type Ref struct {
	ID      string `json:"id"`
	Version string `json:"version"`
}

// Labels are the fixed words renderers need (column heads, "Page", "of",
// "DRAFT"), in the draft's language, so renderers hold no text of their own.
type Labels map[string]string

// Get returns the label for key, or key itself when it is missing.
func (l Labels) Get(key string) string {
	if s, ok := l[key]; ok {
		return s
	}
	return key
}

// ScoreRow is the score of a pillar or an area, for charts and tables.
type ScoreRow struct {
	ID       string  `json:"id"`
	Pillar   string  `json:"pillar"`
	Kind     string  `json:"kind"` // "pillar" or "area"
	Name     string  `json:"name"`
	Achieved int     `json:"achieved"`
	Progress float64 `json:"progress"`
	Target   int     `json:"target"`
	Gap      int     `json:"gap"`
	Assessed int     `json:"assessed"`
	Total    int     `json:"total"`
	// LowConfidence counts the assessed indicators whose consolidated
	// confidence is low.
	LowConfidence int `json:"lowConfidence"`
}

// IndicatorRow is one indicator's consolidated result with its evidence,
// for the assessment annex and sheet.
type IndicatorRow struct {
	ID           string `json:"id"`
	Pillar       string `json:"pillar"`
	Area         string `json:"area"`
	Title        string `json:"title"`
	Question     string `json:"question"`
	Status       string `json:"status"`   // its label, in the draft's language
	StatusID     string `json:"statusId"` // assessed, n/a, unknown or unassessed (assess.Status)
	Level        int    `json:"level"`
	LevelName    string `json:"levelName"`
	Target       int    `json:"target"`
	Gap          int    `json:"gap"`
	Spread       int    `json:"spread"`
	Disagreement bool   `json:"disagreement"`
	Agreed       bool   `json:"agreed"`
	Provision    string `json:"provision"`
	Confidence   string `json:"confidence"`   // its label, in the draft's language
	ConfidenceID string `json:"confidenceId"` // high, medium, low, or "" when not given
	// Evidence cites each response with a note or a source: "Name
	// (Stakeholder, level): note", or for a desk reviewer "Source, date
	// (level): note".
	Evidence []string `json:"evidence"`
	Decision string   `json:"decision,omitempty"`
}

// PriorityRow is one ranked priority with its reason.
type PriorityRow struct {
	Rank      int      `json:"rank"`
	Indicator string   `json:"indicator"`
	Title     string   `json:"title"`
	Pillar    string   `json:"pillar"`
	Gap       int      `json:"gap"`
	Score     float64  `json:"score"`
	Reason    string   `json:"reason"`
	Override  string   `json:"override,omitempty"` // the facilitator's reason, when overridden
	Actions   []string `json:"actions"`            // IDs of the actions that address it
}

// Objective is a goal of the strategy's vision (one per pillar, ID
// "G-GOV") or an objective of a pillar (one per area the plan acts on, ID
// "O-GOV.STR"), as the strategy document numbers them.
type Objective struct {
	ID     string `json:"id"`
	Pillar string `json:"pillar"`
	Area   string `json:"area,omitempty"` // empty for a goal
	Text   string `json:"text"`
}

// Action is one line of the action plan.
type Action struct {
	ID        string `json:"id"`        // "GOV-01", unique in the draft
	LibraryID string `json:"libraryId"` // the action library entry it comes from
	Mode      string `json:"mode"`      // what it does to what exists: one of Modes
	// Instrument is the ID of the recorded instrument the action acts on
	// (renews, revives, brings into force…), if any.
	Instrument string `json:"instrument,omitempty"`
	// Designates is the role archetype whose holder the action designates:
	// a library action that does so, or one Build adds for a role that
	// leads actions but that no stakeholder fills ("designate:ROLE").
	Designates  string   `json:"designates,omitempty"`
	Pillar      string   `json:"pillar"`
	Area        string   `json:"area"`
	Objective   string   `json:"objective"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Milestone   string   `json:"milestone"`
	Indicators  []string `json:"indicators"` // the gaps it closes
	Priority    int      `json:"priority"`   // the best rank among its indicators
	Horizon     string   `json:"horizon"`    // quick, medium or long
	Start       string   `json:"start"`      // YYYY-MM
	End         string   `json:"end"`        // YYYY-MM: the last month of its set-up
	// Ongoing says that the action is recurrent work that goes on, from
	// OngoingFrom (YYYY-MM, the month after End) to the end of the period.
	Ongoing     bool   `json:"ongoing,omitempty"`
	OngoingFrom string `json:"ongoingFrom,omitempty"`
	// Deadline is the facilitator's deadline (YYYY-MM-DD) on an indicator
	// the action closes; DeadlineMissed says that it ends in or after the
	// deadline's month.
	Deadline       string       `json:"deadline,omitempty"`
	DeadlineMissed bool         `json:"deadlineMissed,omitempty"`
	Lead           Assignment   `json:"lead"`
	Responsible    []Assignment `json:"responsible"`
	Consulted      []Assignment `json:"consulted"`
	Informed       []Assignment `json:"informed"`
	Weight         int          `json:"weight"` // share of its pillar's effort, percent
	CostBand       string       `json:"costBand"`
	Recurrent      bool         `json:"recurrent"`
	Funding        []string     `json:"funding"`    // names of its funding sources
	FundingIDs     []string     `json:"fundingIds"` // their IDs in Vocabulary.Funding
	DependsOn      []string     `json:"dependsOn"`  // action IDs
	ITU            []string     `json:"itu"`
	CARICOM        []string     `json:"caricom"`
	MinimumPath    bool         `json:"minimumPath"` // part of the minimum viable path
	Note           string       `json:"note,omitempty"`
	// StatusID is the code of the action's status (one of the Status*
	// constants: StatusNotStarted in a new draft) and Status its name in
	// the draft's language, from Vocabulary.Statuses. Compare codes:
	// the name changes with the language.
	StatusID string `json:"statusId"`
	Status   string `json:"status"`
}

// The codes of an action's status in the follow-up of the plan, in the
// order of Vocabulary.Statuses.
const (
	StatusNotStarted = "not-started"
	StatusInProgress = "in-progress"
	StatusCompleted  = "completed"
	StatusDelayed    = "delayed"
	StatusCancelled  = "cancelled"
)

// DeferredAction is an action the plan would need that cannot be set up
// within the period: it is not scheduled, and the next strategy takes it
// up.
type DeferredAction struct {
	ID         string     `json:"id"` // the number it would have had in the plan
	LibraryID  string     `json:"libraryId"`
	Mode       string     `json:"mode"`
	Instrument string     `json:"instrument,omitempty"` // the recorded instrument it would act on
	Pillar     string     `json:"pillar"`
	Title      string     `json:"title"`
	Indicators []string   `json:"indicators"` // the gaps it would close
	Lead       Assignment `json:"lead"`       // without the contact: it is not yet anyone's task
	CostBand   string     `json:"costBand"`
	Months     int        `json:"months"`    // how long its set-up takes
	DependsOn  []string   `json:"dependsOn"` // the actions it needs first
	// Reason is why it does not fit: "capacity" (its lead's staff are
	// taken by work of better priority until too late in the period),
	// "prerequisite" (it waits for an action that is itself deferred, or
	// that ends too late for it to follow within the period) or
	// "length" (its prerequisites and its own set-up take longer than
	// the period).
	Reason string   `json:"reason"`
	After  []string `json:"after,omitempty"` // the actions it waits for, deferred or late
	Note   string   `json:"note"`            // the reason, in the draft's language
}

// Assignment is a role archetype mapped to the country's stakeholder that
// fills it. When no stakeholder fills it, Stakeholder is empty and Gap is
// true: the draft reports a role gap.
type Assignment struct {
	Role        string `json:"role"`
	RoleName    string `json:"roleName"`
	Stakeholder string `json:"stakeholder,omitempty"`
	Name        string `json:"name"` // the stakeholder's name, or the role name for a gap
	Contact     string `json:"contact,omitempty"`
	Gap         bool   `json:"gap"`
}

// KPI is a key performance indicator: of an action (Action set), or of the
// strategy as a whole (an outcome indicator, Objectives set). It carries a
// measure (unit, counting rule, source and its owner, baseline value) and
// yearly numeric targets; the maturity levels of the indicator it serves
// stay beside it as the assessment's measure.
type KPI struct {
	ID           string       `json:"id"`
	Action       string       `json:"action,omitempty"`
	Indicator    string       `json:"indicator,omitempty"`
	Name         string       `json:"name"`
	Baseline     int          `json:"baseline"` // the consolidated level, 0 when unknown
	BaselineText string       `json:"baselineText"`
	Target       int          `json:"target"`
	TargetText   string       `json:"targetText"`
	TargetYear   int          `json:"targetYear"`
	Yearly       []YearTarget `json:"yearly"`
	Frequency    string       `json:"frequency"`
	Source       string       `json:"source"`
	Owner        string       `json:"owner"`

	// Type is input, output, outcome or impact; TypeName its label.
	Type     string `json:"type,omitempty"`
	TypeName string `json:"typeName,omitempty"`
	// Unit is what one counts ("incidents", "%", "hours", "US$").
	Unit string `json:"unit,omitempty"`
	// Rule says how the value is counted or computed.
	Rule string `json:"rule,omitempty"`
	// SourceOwner is the institution that holds the data source.
	SourceOwner string `json:"sourceOwner,omitempty"`
	// Disaggregation lists the breakdowns reported (IDs: sex, age, region,
	// sector), with their labels in DisaggregationNames.
	Disaggregation      []string `json:"disaggregation,omitempty"`
	DisaggregationNames []string `json:"disaggregationNames,omitempty"`
	// BaselineValue is the measured value in BaselineYear; nil means no
	// data, and DataAction names the action that collects it.
	BaselineValue *float64 `json:"baselineValue,omitempty"`
	BaselineYear  int      `json:"baselineYear,omitempty"`
	BaselineFrom  string   `json:"baselineFrom,omitempty"` // where the value comes from
	DataAction    string   `json:"dataAction,omitempty"`
	// Objectives are the IDs of the strategy objectives an outcome
	// indicator measures.
	Objectives []string `json:"objectives,omitempty"`
}

// YearTarget is what a KPI should reach by the end of a year: the level of
// the indicator it serves and, where the KPI has a measure, its value.
type YearTarget struct {
	Year  int      `json:"year"`
	Level int      `json:"level"`
	Value *float64 `json:"value,omitempty"`
}

// Roles is the roles section: who fills which archetype, the RACI matrix,
// the points of contact and the role gaps.
type Roles struct {
	Stakeholders []StakeholderRoles `json:"stakeholders"`
	RACI         RACI               `json:"raci"`
	Contacts     []Contact          `json:"contacts"`
	Gaps         []RoleGap          `json:"gaps"`
}

// StakeholderRoles lists a stakeholder and the archetypes it fills.
type StakeholderRoles struct {
	ID    string   `json:"id"`
	Name  string   `json:"name"`
	Roles []string `json:"roles"` // role names in the draft's language
}

// RACI is the actions × stakeholders matrix. Cells[i][j] is "A", "R", "C",
// "I" or "" for action i and column j.
type RACI struct {
	Columns []string   `json:"columns"` // stakeholder names, then unfilled role names
	Actions []string   `json:"actions"` // action IDs
	Cells   [][]string `json:"cells"`
}

// Contact is a designated point of contact and their deputy.
type Contact struct {
	Function    string `json:"function"`
	Label       string `json:"label"`
	Pillar      string `json:"pillar,omitempty"`
	Person      string `json:"person"`
	Stakeholder string `json:"stakeholder"`
	Deputy      string `json:"deputy"` // "" when there is none: a role gap
}

// RoleGap is a finding about roles: an archetype nobody fills, a
// designated contact without a deputy or an expected one nobody holds,
// institutions of government absent from the assessment, a sector duty
// without its regulator, or a business association standing in for the
// operators of critical infrastructure.
type RoleGap struct {
	Kind    string `json:"kind"` // "unfilled-role", "no-deputy", "no-contact", "not-represented", "sector-duty" or "operators-by-association"
	Role    string `json:"role"`
	Finding string `json:"finding"`
}

// Block is one element of the document body. The concrete types are
// Part, Heading, Paragraph, List, Table, Chart, Callout and PageBreak.
type Block interface {
	Kind() string
}

// Heading starts a section. Level 1 is a chapter; Number is "4" or "4.2".
type Heading struct {
	Level  int    `json:"level"`
	Number string `json:"number,omitempty"`
	Text   string `json:"text"`
	Anchor string `json:"anchor"`
}

// Paragraph is a paragraph of plain text. Style is "" for body text,
// "lead" for an introductory paragraph, "small" for notes.
type Paragraph struct {
	Text  string `json:"text"`
	Style string `json:"style,omitempty"`
}

// List is a bulleted or numbered list of plain-text items.
type List struct {
	Ordered bool     `json:"ordered"`
	Items   []string `json:"items"`
}

// Table is a table of plain-text cells. Role tells renderers which table
// it is ("scores", "roles", "raci", "actions", "kpis", "assessment",
// "contacts", "coverage", "budget", "glossary", "consultation", ...), so
// that they can style it (for example colour RACI letters). Widths are
// relative column widths; HeaderRows repeat on every page.
type Table struct {
	Role    string     `json:"role"`
	Caption string     `json:"caption,omitempty"`
	Columns []string   `json:"columns"`
	Widths  []float64  `json:"widths"`
	Rows    [][]string `json:"rows"`
}

// Chart is a chart as data. Type is "radar" (Labels are the axes, one
// series per line), "bars" (Labels are the bars, one value per series and
// label) or "timeline" (Spans).
type Chart struct {
	Type    string   `json:"type"`
	Title   string   `json:"title"`
	Labels  []string `json:"labels,omitempty"`
	Series  []Series `json:"series,omitempty"`
	Max     float64  `json:"max,omitempty"`
	Spans   []Span   `json:"spans,omitempty"`
	Caption string   `json:"caption,omitempty"`
}

// Series is one named line or set of bars of a chart. Missing lists, in
// order, the indexes of the labels for which the series has no value (an
// area that nobody has assessed): its value there is 0 and is not drawn
// as one.
type Series struct {
	Name    string    `json:"name"`
	Values  []float64 `json:"values"`
	Missing []int     `json:"missing,omitempty"`
}

// IsMissing reports whether the series has no value at label i.
func (s Series) IsMissing(i int) bool {
	for _, m := range s.Missing {
		if m == i {
			return true
		}
	}
	return false
}

// Span is a bar of a timeline, in months from the start of the strategy
// period (month 0 is its first month).
type Span struct {
	Label string `json:"label"`
	Group string `json:"group"` // the horizon label
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Ongoing says that the work goes on after End to the end of the
	// period: renderers draw the bar on with an open end.
	Ongoing bool `json:"ongoing,omitempty"`
}

// Callout is a boxed finding, note or warning.
type Callout struct {
	Tone  string `json:"tone"` // "finding", "note" or "warning"
	Title string `json:"title"`
	Text  string `json:"text"`
}

// PageBreak starts a new page in paged formats; other formats ignore it.
type PageBreak struct{}

// Kind names the block type.
func (Heading) Kind() string   { return "heading" }
func (Paragraph) Kind() string { return "paragraph" }
func (List) Kind() string      { return "list" }
func (Table) Kind() string     { return "table" }
func (Chart) Kind() string     { return "chart" }
func (Callout) Kind() string   { return "callout" }
func (PageBreak) Kind() string { return "pagebreak" }

// BlockKinds lists every block kind, for renderers' completeness tests.
var BlockKinds = []Block{Part{}, Heading{}, Paragraph{}, List{}, Table{}, Chart{}, Callout{}, PageBreak{}}

// MarshalJSON writes the blocks with a "kind" field.
func (d Draft) MarshalJSON() ([]byte, error) {
	type plain Draft
	blocks := make([]json.RawMessage, len(d.Blocks))
	for i, b := range d.Blocks {
		raw, err := marshalBlock(b)
		if err != nil {
			return nil, err
		}
		blocks[i] = raw
	}
	return json.Marshal(struct {
		plain
		Blocks []json.RawMessage `json:"blocks"`
	}{plain(d), blocks})
}

func marshalBlock(b Block) ([]byte, error) {
	body, err := json.Marshal(b)
	if err != nil {
		return nil, err
	}
	kind, _ := json.Marshal(b.Kind())
	if string(body) == "{}" {
		return []byte(`{"kind":` + string(kind) + `}`), nil
	}
	return append([]byte(`{"kind":`+string(kind)+`,`), body[1:]...), nil
}

// UnmarshalJSON reads blocks by their "kind" field.
func (d *Draft) UnmarshalJSON(data []byte) error {
	type plain Draft
	var aux struct {
		plain
		Blocks []json.RawMessage `json:"blocks"`
	}
	if err := json.Unmarshal(data, &aux); err != nil {
		return err
	}
	*d = Draft(aux.plain)
	d.Blocks = nil
	for i, raw := range aux.Blocks {
		var k struct {
			Kind string `json:"kind"`
		}
		if err := json.Unmarshal(raw, &k); err != nil {
			return fmt.Errorf("/blocks/%d: %w", i, err)
		}
		var b Block
		switch k.Kind {
		case "part":
			b = &Part{}
		case "heading":
			b = &Heading{}
		case "paragraph":
			b = &Paragraph{}
		case "list":
			b = &List{}
		case "table":
			b = &Table{}
		case "chart":
			b = &Chart{}
		case "callout":
			b = &Callout{}
		case "pagebreak":
			d.Blocks = append(d.Blocks, PageBreak{})
			continue
		default:
			return fmt.Errorf("/blocks/%d/kind: unknown block kind %q", i, k.Kind)
		}
		if err := json.Unmarshal(raw, b); err != nil {
			return fmt.Errorf("/blocks/%d: %w", i, err)
		}
		d.Blocks = append(d.Blocks, deref(b))
	}
	return nil
}

func deref(b Block) Block {
	switch v := b.(type) {
	case *Part:
		return *v
	case *Heading:
		return *v
	case *Paragraph:
		return *v
	case *List:
		return *v
	case *Table:
		return *v
	case *Chart:
		return *v
	case *Callout:
		return *v
	}
	return b
}

// Vocabulary is what the draft's actions refer to by ID, named in the
// draft's language: the cost bands with the mid-points that indicative
// totals use, the horizons, the funding sources and the statuses an
// action can have in the follow-up of the plan.
type Vocabulary struct {
	CostBands []VocabularyBand `json:"costBands"`
	Horizons  []VocabularyTerm `json:"horizons"`
	Funding   []VocabularyTerm `json:"funding"`
	Statuses  []VocabularyTerm `json:"statuses"`
}

// StatusName returns the name of the status code id, or "" when there is
// no such status.
func (v Vocabulary) StatusName(id string) string {
	for _, s := range v.Statuses {
		if s.ID == id {
			return s.Name
		}
	}
	return ""
}

// StatusID returns the code of the status named name (as a follow-up
// workbook in the vocabulary's language shows it), and whether there is
// one.
func (v Vocabulary) StatusID(name string) (string, bool) {
	for _, s := range v.Statuses {
		if s.Name == name {
			return s.ID, true
		}
	}
	return "", false
}

// VocabularyTerm is an ID with its name.
type VocabularyTerm struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// VocabularyBand is a cost band: its ID, its name (with its range) and
// its mid-point in US dollars.
type VocabularyBand struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Midpoint float64 `json:"midpoint"`
}

// vocabulary names the common text's cost bands, horizons and funding
// sources in lang.
func (c *Common) vocabulary(lang string) Vocabulary {
	var v Vocabulary
	for _, b := range c.CostBands {
		v.CostBands = append(v.CostBands, VocabularyBand{b.ID, b.Name.In(lang), b.Midpoint})
	}
	for _, h := range c.Horizons {
		v.Horizons = append(v.Horizons, VocabularyTerm{h.ID, h.Name.In(lang)})
	}
	for _, f := range c.Funding {
		v.Funding = append(v.Funding, VocabularyTerm{f.ID, f.Name.In(lang)})
	}
	for _, s := range c.Statuses {
		v.Statuses = append(v.Statuses, VocabularyTerm{s.ID, s.Name.In(lang)})
	}
	return v
}

// LabelsIn returns the renderers' labels of the embedded common text in
// lang, with the vocabulary: what a reader of a rendered draft (the
// follow-up workbook) needs to find its sheets and columns when no Draft
// is at hand.
func LabelsIn(lang string) (Labels, Vocabulary, error) {
	c, err := loadCommon()
	if err != nil {
		return nil, Vocabulary{}, err
	}
	l := Labels{}
	for k, v := range c.Labels {
		l[k] = v.In(lang)
	}
	return l, c.vocabulary(lang), nil
}

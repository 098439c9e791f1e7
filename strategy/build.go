package strategy

import (
	"errors"
	"fmt"
	"maps"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/locale"
)

// Version is the ncskit version recorded in a draft's document control.
const Version = "0.3.0"

// Options adjust a draft. A nil *Options means the defaults.
type Options struct {
	// Lang is the language of the draft's text; "" means the session's
	// language, else English. Text not yet translated falls back to English.
	Lang string
	// StartYear is the first year of the strategy period; 0 means the year
	// after the session.
	StartYear int
	// Version and Status go in the document control; defaults "0.1" and
	// the template's "draft for consultation" status.
	Version string
	Status  string
	// Library replaces the embedded action library.
	Library *Library
	// Kind is what the draft is: "strategy" (a new national strategy),
	// "implementation-plan" (the plan for the rest of the period of the
	// strategy in force, named in the assessment's facts) or "refresh" (a
	// strategy to follow the one in force). "" chooses from the facts: an
	// implementation plan when a strategy in force covers the first year
	// of the plan, a refresh when that strategy ends within that year,
	// else a strategy.
	Kind string
	// Untranslated is the percentage of the draft's text that falls back
	// to English because it is not yet translated into Lang; when it is
	// above 0 the cover's subtitle says so.
	Untranslated int
	// Classifications overrides the marking of a document of the draft,
	// keyed by part ID (see Parts): by default the strategy is for public
	// release (PublicMarking) and the brief and the plan carry the
	// session's marking when it is a restricted one, else
	// RestrictedMarking.
	Classifications map[string]string
	// Names keeps the names of the people behind the evidence in the
	// implementation plan's assessment annex; by default each response is
	// attributed to its institution only. The brief and the strategy
	// never name a person.
	Names bool
}

// Kinds are the kinds of draft (Options.Kind).
var Kinds = []string{"strategy", "implementation-plan", "refresh"}

// Build turns a scored assessment into a strategy draft. m is the model the
// assessment was scored with, r the result of assess.Score(m, a), t the
// template (see Choose and DefaultTemplate). The same inputs always give
// the same draft.
func Build(m *assess.Model, a *assess.Assessment, r *assess.Result, t *Template, o *Options) (*Draft, error) {
	if m == nil || a == nil || r == nil || t == nil {
		return nil, errors.New("strategy.Build: model, assessment, result and template are required")
	}
	var opts Options
	if o != nil {
		opts = *o
	}
	lib := opts.Library
	if lib == nil {
		var err error
		if lib, err = DefaultLibrary(); err != nil {
			return nil, err
		}
	}
	b := newBuilder(m, a, r, t, lib, opts)
	b.plan()
	b.roles()
	b.schedule()
	b.kpis()
	b.document()
	b.resolveRefs()
	b.acronyms()
	if b.err != nil {
		return nil, b.err
	}
	return b.d, nil
}

type builder struct {
	m    *assess.Model
	a    *assess.Assessment
	r    *assess.Result
	t    *Template
	lib  *Library
	o    Options
	lang string
	loc  locale.Locale // how the draft's language writes numbers, money and dates
	reg  Register      // how the draft words things for the country
	vars map[string]string
	d    *Draft
	err  error

	stakeholders map[string]assess.Stakeholder
	byRole       map[string][]assess.Stakeholder
	respondents  map[string]assess.Respondent
	chapter      int
	section      int
	annex        int
	deferred     []deferral
	closed       []deferral        // gaps that adopting the draft closes
	months       int               // length of the period in months
	kindName     string            // what the draft is, as document control says it
	kindSummary  string            // what the draft is, as the summary says it
	designated   map[string]string // role → library ID of the action that designates its holder
	spans        []Span
	thinPillars  []*assess.PillarScore // pillars below PartialEvidenceBelow
	slots        []slot                // the schedule, in months of the period, per action
	understaffed []int                 // actions that need more people than their lead has
	part         string                // the document being written (see Parts)
	partStart    int                   // the index of its Part block
	dataAction   string                // the ID of the action that measures missing baselines
	noBaseline   []string              // the KPIs whose baselines it measures
	// leadAgency is the model's role archetype of the national lead agency
	// (assess.PurposeLeadAgency), "" when the model has none.
	leadAgency string
}

// deferral is a gap that no library action addresses, with the reason.
type deferral struct {
	indicator, reason string
	// byID is the reason with its action named by ID alone, for the
	// implementation plan, whose list of deferred actions titles it; ""
	// when the reason names no planned action.
	byID string
}

// inPlan is the deferral's reason as the implementation plan gives it.
func (d deferral) inPlan() string {
	if d.byID != "" {
		return d.byID
	}
	return d.reason
}

func newBuilder(m *assess.Model, a *assess.Assessment, r *assess.Result, t *Template, lib *Library, o Options) *builder {
	b := &builder{m: m, a: a, r: r, t: t, o: o, d: &Draft{}, reg: RegisterOf(a.Profile), leadAgency: m.RoleWithPurpose(assess.PurposeLeadAgency)}
	b.lib = lib.worded(b.reg)
	b.lang = o.Lang
	if b.lang == "" {
		b.lang = a.Session.Language
	}
	if b.lang == "" {
		b.lang = "en"
	}
	b.loc = locale.For(b.lang)
	b.stakeholders = map[string]assess.Stakeholder{}
	b.byRole = map[string][]assess.Stakeholder{}
	for _, s := range a.Stakeholders {
		b.stakeholders[s.ID] = s
		for _, role := range s.Roles {
			b.byRole[role] = append(b.byRole[role], s)
		}
	}
	b.respondents = map[string]assess.Respondent{}
	for _, rs := range a.Respondents {
		b.respondents[rs.ID] = rs
	}
	b.meta()
	return b
}

func (b *builder) meta() {
	start := b.o.StartYear
	if start == 0 {
		start = year(b.a.Session.Date) + 1
	}
	years := b.t.PeriodYears
	kind, sif := b.kind(start)
	if kind == "implementation-plan" {
		years = sif.To - start + 1
	}
	b.months = years * 12
	end := start + years - 1
	version := b.o.Version
	if version == "" {
		version = "0.1"
	}
	b.vars = map[string]string{
		"country":      b.a.Profile.Country,
		"leadMinistry": b.a.Profile.LeadMinistry,
		"startYear":    strconv.Itoa(start),
		"endYear":      strconv.Itoa(end),
		"horizonYear":  strconv.Itoa(end),
		"period":       fmt.Sprintf("%d–%d", start, end),
		"years":        strconv.Itoa(years),
		"sessionDate":  b.loc.Date(b.a.Session.Date),
		"place":        b.a.Session.Place,
		"population":   b.loc.Int(b.a.Profile.Population),
		"stakeholders": strconv.Itoa(len(b.a.Stakeholders)),
		"respondents":  strconv.Itoa(len(b.a.Respondents)),
		"responses":    strconv.Itoa(len(b.a.Responses)),
		"indicators":   strconv.Itoa(b.r.Coverage.Total),
		"model":        b.m.Name.In(b.lang),
		"sectors":      b.loc.List(b.a.Profile.Sectors),
		"midYear":      strconv.Itoa(start + years/2),
		"facilitator":  orDash(b.a.Session.Facilitator),
		"reviewers":    b.reviewers(),
		"sources":      strconv.Itoa(b.sourceCount()),
		"gazette":      b.gazette(),
	}
	for name, anchor := range refVars {
		b.vars[name] = refMark(anchor)
	}
	b.kindName = b.kindText(kind, sif)
	b.kindSummary = b.text(summaryKeys[kind], b.strategyPairs(sif)...)
	status := b.o.Status
	if status == "" {
		status = b.label("statusDraft")
	}
	b.d.Meta = Meta{
		Title:          b.text(titleKeys[kind], b.strategyPairs(sif)...),
		Kind:           kind,
		Subtitle:       b.text("meta.subtitle"),
		Country:        b.a.Profile.Country,
		ISO3166:        b.a.Profile.ISO3166,
		Period:         b.vars["period"],
		StartYear:      start,
		HorizonYear:    end,
		Version:        version,
		Status:         status,
		Approval:       b.text("meta.approval"),
		Date:           b.a.Session.Date,
		NextReview:     fmt.Sprintf("%d-12-31", start),
		Classification: b.markings()[PartPlan],
		Language:       b.lang,
		Author:         b.a.Profile.LeadMinistry,
		Template:       Ref{ID: b.t.ID, Version: b.t.Version},
		Model:          Ref{ID: b.m.ID, Version: b.m.Version},
		Generator:      "ncskit " + Version,
		AssessmentDate: b.a.Session.Date,
	}
	b.d.Labels = Labels{}
	for k, v := range b.t.common.Labels {
		b.d.Labels[k] = v.In(b.lang)
	}
	b.d.Labels["classification"] = b.d.Meta.Classification
	b.d.Vocabulary = b.t.common.vocabulary(b.lang)
	b.evidenceMeta()
	if b.o.Untranslated > 0 {
		b.d.Meta.Subtitle += " " + b.text("meta.untranslated", "share", strconv.Itoa(b.o.Untranslated))
	}
}

// text expands the template text for key with the draft's variables and
// the extra name-value pairs given. A missing key or an unresolved
// placeholder is recorded as the build error.
func (b *builder) text(key string, pairs ...string) string {
	raw, ok := b.t.raw(key, b.lang, b.reg)
	if !ok {
		b.fail(fmt.Errorf("template %s: no text for %q", b.t.ID, key))
		return ""
	}
	vars := b.vars
	if len(pairs) > 0 {
		vars = make(map[string]string, len(b.vars)+len(pairs)/2)
		for k, v := range b.vars {
			vars[k] = v
		}
		for i := 0; i+1 < len(pairs); i += 2 {
			vars[pairs[i]] = pairs[i+1]
		}
	}
	s, err := expand(raw, b.localDates(vars))
	if err != nil {
		b.fail(fmt.Errorf("template %s: text %q: %w", b.t.ID, key, err))
	}
	return b.loc.Punctuate(b.loc.DateArticles(s))
}

// localDates returns vars with every value that is a date or a month
// (YYYY-MM-DD, YYYY-MM) written as the draft's language writes dates:
// "junio de 2029" where the data says 2029-06. English keeps ISO dates.
func (b *builder) localDates(vars map[string]string) map[string]string {
	if b.loc.Lang() == "en" {
		return vars
	}
	var out map[string]string
	for k, v := range vars {
		if d := b.loc.Date(v); d != v {
			if out == nil {
				out = maps.Clone(vars)
			}
			out[k] = d
		}
	}
	if out == nil {
		return vars
	}
	return out
}

// label returns the label key in the draft's language, as the register
// words it when the common template has a variant for it.
func (b *builder) label(key string) string {
	if l, ok := variantFor(b.t.common.Variants[key], b.reg); ok {
		return l.In(b.lang)
	}
	if l, ok := b.t.common.Labels[key]; ok {
		return l.In(b.lang)
	}
	b.fail(fmt.Errorf("template %s: no label %q", b.t.ID, key))
	return key
}

func (b *builder) fail(err error) {
	if b.err == nil {
		b.err = err
	}
}

func (b *builder) term(list []Term, id string) string {
	for _, t := range list {
		if t.ID == id {
			return t.Name.In(b.lang)
		}
	}
	return id
}

func (b *builder) roleName(id string) string {
	if r, ok := b.m.Role(id); ok {
		return b.modelText("role/"+id+"/name", r.Name)
	}
	return id
}

func (b *builder) indicatorTitle(id string) string {
	if in := b.m.Indicator(id); in != nil {
		return b.modelText(id+"/title", in.Title)
	}
	return id
}

// modelText returns the model's text t, at key of Common.ModelVariants
// ("IRC.CRI.1/title", "scale/3/meaning", "role/cabinet-office/name"), in
// the draft's language, as the register words it when the common template
// has a variant for it.
func (b *builder) modelText(key string, t assess.Text) string {
	if v, ok := variantFor(b.t.common.ModelVariants[key], b.reg); ok {
		return v.In(b.lang)
	}
	return t.In(b.lang)
}

func (b *builder) levelName(l int) string {
	if l == 0 {
		return b.label("noLevel")
	}
	return fmt.Sprintf("%d %s", l, b.m.Scale.Name(l, b.lang))
}

func year(date string) int {
	y, _ := strconv.Atoi(strings.SplitN(date, "-", 2)[0])
	return y
}

// join joins items as the draft's language writes a list: "a, b and
// c", "a, b y c". A language without its own conventions in package
// locale joins them with the template's word for "and".
func (b *builder) join(items []string) string {
	if b.loc.Lang() == b.lang {
		return b.loc.List(items)
	}
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + b.label("and") + " " + items[len(items)-1]
}

// Warnings returns what the plan drawn from a scored assessment cannot do
// as the assessment asks — a facilitator's deadline that no schedule
// meets — as Build would report them in Draft.Warnings, without writing
// the document. The template is the one Choose picks from the profile.
// The score command and the workbook add them to the scoring warnings.
func Warnings(m *assess.Model, a *assess.Assessment, r *assess.Result, o *Options) ([]assess.Warning, error) {
	if m == nil || a == nil || r == nil {
		return nil, errors.New("strategy.Warnings: model, assessment and result are required")
	}
	t, err := DefaultTemplate(Choose(a.Profile))
	if err != nil {
		return nil, err
	}
	var opts Options
	if o != nil {
		opts = *o
	}
	lib := opts.Library
	if lib == nil {
		if lib, err = DefaultLibrary(); err != nil {
			return nil, err
		}
	}
	b := newBuilder(m, a, r, t, lib, opts)
	b.plan()
	b.roles()
	b.schedule()
	if b.err != nil {
		return nil, b.err
	}
	return b.d.Warnings, nil
}

package strategy

import (
	"fmt"
	"slices"
	"strings"
)

// The documents a government adopts come from one draft: a Cabinet
// brief, the strategy for adoption and the implementation plan with its
// annexes. Each starts with a Part block in Draft.Blocks and holds the
// blocks up to the next one; each carries its own classification.

// Part IDs, in the order of a draft.
const (
	PartBrief    = "brief"
	PartStrategy = "strategy"
	PartPlan     = "plan"
	// PartAll selects the whole draft: the three documents in one file.
	PartAll = "all"
)

// Parts lists the documents of a draft in order; PartAll is not one.
var Parts = []string{PartBrief, PartStrategy, PartPlan}

// PublicMarking is the classification of a document for public release.
const PublicMarking = "TLP:CLEAR"

// RestrictedMarking is the classification of a restricted document when
// the session records none that is restricted.
const RestrictedMarking = "TLP:AMBER"

// Part starts one document of the draft: renderers give it its own cover
// (or title block) and mark it, and every page of it, with its
// classification. The blocks after it, up to the next Part, belong to it.
type Part struct {
	ID             string `json:"id"` // one of Parts
	Title          string `json:"title"`
	Subtitle       string `json:"subtitle,omitempty"`
	Classification string `json:"classification"`
}

// Kind names the block type.
func (Part) Kind() string { return "part" }

// PartsOf returns the Part blocks of d in order: the documents it holds.
func PartsOf(d *Draft) []Part {
	var out []Part
	for _, bl := range d.Blocks {
		if p, ok := bl.(Part); ok {
			out = append(out, p)
		}
	}
	return out
}

// Select returns the draft with only the document id (one of Parts), or d
// itself for PartAll or "". The selected draft's Meta carries the part's
// title and classification. For the brief and the strategy it also
// leaves out, from the structured data, what only the restricted plan may
// hold: the evidence with its attributions, the points of
// contact, the role gaps that name people, and contact persons.
func Select(d *Draft, id string) (*Draft, error) {
	if id == "" || id == PartAll {
		return d, nil
	}
	if !slices.Contains(Parts, id) {
		return nil, fmt.Errorf("unknown part %q (known: %s, %s)", id, strings.Join(Parts, ", "), PartAll)
	}
	out := *d
	out.Blocks = nil
	var part *Part
	for _, bl := range d.Blocks {
		if p, ok := bl.(Part); ok {
			if part != nil {
				break
			}
			if p.ID == id {
				part = &p
			} else {
				continue
			}
		}
		if part != nil {
			out.Blocks = append(out.Blocks, bl)
		}
	}
	if part == nil {
		return nil, fmt.Errorf("the draft holds no part %q", id)
	}
	out.Meta.Title = part.Title
	out.Meta.Subtitle = part.Subtitle
	out.Meta.Classification = part.Classification
	out.Labels = Labels{}
	for k, v := range d.Labels {
		out.Labels[k] = v
	}
	out.Labels["classification"] = part.Classification
	if id != PartPlan {
		scrub(&out)
	}
	return &out, nil
}

// Restricted reports whether a marking restricts a document: anything
// but TLP:CLEAR, TLP:GREEN, "public" or no marking.
func Restricted(marking string) bool {
	u := strings.ToUpper(strings.TrimSpace(marking))
	switch {
	case u == "", u == "PUBLIC", strings.HasPrefix(u, "TLP:CLEAR"), strings.HasPrefix(u, "TLP:WHITE"), strings.HasPrefix(u, "TLP:GREEN"):
		return false
	}
	return true
}

// scrub removes personal and restricted detail from the structured data of
// a public document.
func scrub(d *Draft) {
	inds := make([]IndicatorRow, len(d.Indicators))
	for i, row := range d.Indicators {
		row.Evidence = []string{}
		row.Decision = ""
		inds[i] = row
	}
	d.Indicators = inds
	acts := make([]Action, len(d.Actions))
	for i, a := range d.Actions {
		a.Lead.Contact = ""
		a.Responsible = noContacts(a.Responsible)
		a.Consulted = noContacts(a.Consulted)
		a.Informed = noContacts(a.Informed)
		acts[i] = a
	}
	d.Actions = acts
	d.Roles.Contacts = nil
	d.Roles.Gaps = nil
}

func noContacts(list []Assignment) []Assignment {
	out := make([]Assignment, len(list))
	for i, as := range list {
		as.Contact = ""
		out[i] = as
	}
	return out
}

// markings returns the classification of each part: the strategy public,
// the brief and the plan restricted with the session's marking when it is
// a restricted one; Options.Classifications overrides any.
func (b *builder) markings() map[string]string {
	restricted := b.a.Session.Classification
	if !Restricted(restricted) {
		restricted = RestrictedMarking
	}
	out := map[string]string{PartBrief: restricted, PartStrategy: PublicMarking, PartPlan: restricted}
	for k, v := range b.o.Classifications {
		if _, ok := out[k]; ok && strings.TrimSpace(v) != "" {
			out[k] = v
		}
	}
	return out
}

// startPart begins a document of the draft: its Part block, and fresh
// chapter and annex numbers.
func (b *builder) startPart(id string) {
	b.chapter, b.section, b.annex = 0, 0, 0
	b.part = id
	b.partStart = len(b.d.Blocks)
	b.vars["reviewers"] = b.reviewers()
	pairs := []string{"title", b.d.Meta.Title, "subtitle", b.d.Meta.Subtitle}
	b.add(Part{ID: id, Title: b.text("part."+id+".title", pairs...), Subtitle: b.text("part."+id+".subtitle", pairs...),
		Classification: b.markings()[id]})
}

// public reports whether the document being written is the brief or the
// strategy, whatever their marking: they name no person and give no
// vulnerability detail, which only the implementation plan holds.
func (b *builder) public() bool { return b.part != PartPlan }

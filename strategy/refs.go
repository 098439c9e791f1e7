package strategy

import (
	"fmt"
	"strings"
)

// Cross-references. A text names another place of the draft by a
// placeholder ({refPillars}, {refEvidence}, …) that stands for a heading
// anchor; once the document is built, resolveRefs writes in the number
// the heading has in the document the text is in ("chapter 8", "section
// 9.2", "Annex A"), or, when the heading is in another of the documents,
// that number and the other document's title. The parts are numbered
// separately, so a fixed number would be wrong in one of them.

// refVars are the reference placeholders of the texts, by the anchor of
// the heading each one names.
var refVars = map[string]string{
	"refPillars":     "pillars",
	"refMinimumPath": "minimum-path",
	"refMonitoring":  "monitoring",
	"refEvidence":    "annex-assessment",
	"refCards":       "action-cards",
}

// Private-use characters that no other marker of the drafts uses
// (internal/drafting marks languages with U+E000 and U+E001).
const refOpen, refClose = "\uE010", "\uE011"

// refMark is the placeholder's value until resolveRefs replaces it.
func refMark(anchor string) string { return refOpen + anchor + refClose }

// place is a heading of the draft, in the document that holds it.
type place struct {
	part    Part
	heading Heading
}

// resolveRefs replaces every reference mark in the text blocks with the
// heading it names, as the document that holds the text numbers it.
func (b *builder) resolveRefs() {
	var part Part
	where := map[string][]place{} // anchor → its headings, by document
	partOf := make([]Part, len(b.d.Blocks))
	for i, bl := range b.d.Blocks {
		switch x := bl.(type) {
		case Part:
			part = x
		case Heading:
			where[x.Anchor] = append(where[x.Anchor], place{part, x})
		}
		partOf[i] = part
	}
	for i, bl := range b.d.Blocks {
		r := func(s string) string { return b.resolve(s, partOf[i], where) }
		switch x := bl.(type) {
		case Paragraph:
			x.Text = r(x.Text)
			b.d.Blocks[i] = x
		case List:
			items := make([]string, len(x.Items))
			for k, s := range x.Items {
				items[k] = r(s)
			}
			x.Items = items
			b.d.Blocks[i] = x
		case Callout:
			x.Text = r(x.Text)
			b.d.Blocks[i] = x
		case Table:
			x.Caption = r(x.Caption)
			rows := make([][]string, len(x.Rows))
			for k, row := range x.Rows {
				rows[k] = make([]string, len(row))
				for c, s := range row {
					rows[k][c] = r(s)
				}
			}
			x.Rows = rows
			b.d.Blocks[i] = x
		}
	}
}

// resolve replaces the reference marks of s, a text of document in.
func (b *builder) resolve(s string, in Part, where map[string][]place) string {
	for {
		i := strings.Index(s, refOpen)
		if i < 0 {
			return s
		}
		j := strings.Index(s[i:], refClose)
		if j < 0 {
			b.fail(fmt.Errorf("an unclosed reference in %q", s))
			return s
		}
		anchor := s[i+len(refOpen) : i+j]
		s = s[:i] + b.refText(anchor, in, where[anchor]) + s[i+j+len(refClose):]
	}
}

// refText names the heading anchor for a text of document in: its number
// there, or its number in the first other document that has it, with
// that document's title.
func (b *builder) refText(anchor string, in Part, places []place) string {
	for _, p := range places {
		if p.part.ID == in.ID {
			return b.headingRef(p.heading)
		}
	}
	if len(places) == 0 {
		b.fail(fmt.Errorf("template %s: a reference to %q, which no document of the draft has", b.t.ID, anchor))
		return ""
	}
	p := places[0]
	return b.text("ref.inPart", "where", b.headingRef(p.heading), "part", p.part.Title)
}

// headingRef is "chapter 8", "“Minimum viable path” in chapter 9" or
// "Annex A" in the draft's language.
func (b *builder) headingRef(h Heading) string {
	annex := b.label("annex") + " "
	switch {
	case strings.HasPrefix(h.Number, annex):
		return b.text("ref.annex", "n", strings.TrimPrefix(h.Number, annex))
	case h.Level == 1:
		return b.text("ref.chapter", "n", h.Number)
	case h.Number == "":
		return b.text("ref.unnumbered", "name", h.Text)
	}
	// A section by its name and chapter: "9.2" in running text would
	// read as a decimal number in languages with a decimal comma.
	chapter, _, _ := strings.Cut(h.Number, ".")
	return b.text("ref.section", "name", h.Text, "chapter", chapter)
}

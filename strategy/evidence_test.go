package strategy_test

import (
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

// keepPerPillar returns the small-island example with the answers and
// agreed levels of only the first keep[P] indicators of each pillar P,
// in model order: a generated assessment of known coverage.
func keepPerPillar(t *testing.T, keep map[string]int) (*assess.Assessment, *assess.Result) {
	t.Helper()
	a, _ := drafttest.Assessment(t, "small-island")
	m := assess.Default()
	kept := map[string]bool{}
	for _, p := range m.Pillars {
		n := 0
		for _, ar := range p.Areas {
			for _, in := range ar.Indicators {
				if n < keep[p.ID] {
					kept[in.ID] = true
				}
				n++
			}
		}
	}
	var responses []assess.Response
	for _, r := range a.Responses {
		if kept[r.Indicator] {
			responses = append(responses, r)
		}
	}
	var agreed []assess.Agreed
	for _, d := range a.Decisions.Agreed {
		if kept[d.Indicator] {
			agreed = append(agreed, d)
		}
	}
	a.Responses, a.Decisions.Agreed = responses, agreed
	r, err := assess.Score(m, a)
	if err != nil {
		t.Fatal(err)
	}
	return a, r
}

// TestEvidenceLabels builds drafts from assessments cut down to known
// coverage and checks the evidence base, the cover note, the title and
// status, and the executive summary's warning at each threshold.
func TestEvidenceLabels(t *testing.T) {
	all := map[string]int{"GOV": 16, "IRC": 16, "CAP": 11, "OUT": 12}
	with := func(changes map[string]int) map[string]int {
		out := map[string]int{}
		for k, v := range all {
			out[k] = v
		}
		for k, v := range changes {
			out[k] = v
		}
		return out
	}
	for _, c := range []struct {
		name     string
		keep     map[string]int
		coverage int
		evidence string
		note     string   // in the cover note; "" for none
		summary  []string // in the executive summary's warning
	}{
		{"complete", all, 100, strategy.EvidenceSufficient, "", nil},
		// 10/16, 10/16, 7/11, 8/12: every pillar at 60 % or more.
		{"every pillar at 60 % or more", map[string]int{"GOV": 10, "IRC": 10, "CAP": 7, "OUT": 8}, 64, strategy.EvidenceSufficient, "", nil},
		// OUT at 7/12 = 58 %: one pillar below the threshold.
		{"one pillar below 60 %", map[string]int{"GOV": 10, "IRC": 10, "CAP": 7, "OUT": 7}, 62, strategy.EvidencePartial,
			"Rests on partial evidence: 34 of the 55 applicable indicators have a level (62%); below 60% in OUT (58%).",
			[]string{"This draft rests on partial evidence.", "fewer than 60% do in OUT Awareness, outreach and partnership (58%, 7 of 12)."}},
		{"a pillar not assessed", with(map[string]int{"OUT": 0}), 78, strategy.EvidencePartial,
			"below 60% in OUT (0%).", []string{"OUT Awareness, outreach and partnership (0%, 0 of 12)"}},
		// 14/55 = 25 %: partial, not yet an outline.
		{"25 % overall", map[string]int{"GOV": 14}, 25, strategy.EvidencePartial,
			"Rests on partial evidence: 14 of the 55 applicable indicators have a level (25%); below 60% in IRC (0%), CAP (0%), OUT (0%).",
			[]string{"This draft rests on partial evidence."}},
		// 13/55 = 24 %: a preliminary outline.
		{"24 % overall", map[string]int{"GOV": 13}, 24, strategy.EvidenceOutline,
			"Preliminary outline, not a draft for consultation: only 13 of the 55 applicable indicators have a level (24%); below 60% in IRC (0%), CAP (0%), OUT (0%).",
			[]string{"This is a preliminary outline, not a draft strategy.", "IRC Incident-response capability (0%, 0 of 16), CAP Technical training and exercises (0%, 0 of 11) and OUT Awareness, outreach and partnership (0%, 0 of 12)"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, r := keepPerPillar(t, c.keep)
			d := drafttest.Build(t, a, r)
			mt := d.Meta
			if mt.Coverage != c.coverage || mt.Evidence != c.evidence {
				t.Fatalf("coverage %d%%, evidence %q; want %d%%, %q", mt.Coverage, mt.Evidence, c.coverage, c.evidence)
			}
			md := markdownOf(t, d)
			html := htmlOf(t, d)
			summary := section(md, "## 2 Executive summary", "## 3 ")
			outline := strings.HasPrefix(mt.Title, "Preliminary outline of a National Cyber Security Strategy")
			if outline != (c.evidence == strategy.EvidenceOutline) ||
				(mt.Status == "Preliminary outline — not ready for consultation") != (c.evidence == strategy.EvidenceOutline) {
				t.Errorf("title %q, status %q for evidence %q", mt.Title, mt.Status, c.evidence)
			}
			if strings.Contains(mt.Subtitle, "draft") == (c.evidence == strategy.EvidenceOutline) {
				t.Errorf("subtitle %q for evidence %q", mt.Subtitle, c.evidence)
			}
			if c.note == "" {
				if mt.EvidenceNote != "" || strings.Contains(md, "partial evidence") || strings.Contains(html, `class="evidence"`) {
					t.Errorf("a draft on sufficient evidence carries a note: %q", mt.EvidenceNote)
				}
				if !strings.Contains(md, "| Evidence base | ") {
					t.Error("the document control has no evidence base")
				}
				return
			}
			if !strings.Contains(mt.EvidenceNote, c.note) {
				t.Errorf("cover note %q, want it to hold %q", mt.EvidenceNote, c.note)
			}
			cover := md[:strings.Index(md, "## Document control")]
			for where, text := range map[string]string{"markdown cover": cover, "document control": section(md, "## Document control", "## 1 "),
				"HTML title page": section(html, `<header class="cover"`, "</header>")} {
				if !strings.Contains(text, esc(mt.EvidenceNote, where)) {
					t.Errorf("%s: no evidence note", where)
				}
			}
			for _, s := range c.summary {
				if !strings.Contains(summary, s) {
					t.Errorf("executive summary lacks %q", s)
				}
			}
		})
	}
}

// esc escapes the note as the HTML renderer does, for the HTML title page.
func esc(s, where string) string {
	if strings.HasPrefix(where, "HTML") {
		return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
	}
	return s
}

// section returns the text of s from the first from to the next to after
// it.
func section(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i:]
	if j := strings.Index(s[len(from):], to); j >= 0 {
		return s[:len(from)+j]
	}
	return s
}

// TestConfidenceShown checks that the assessment annex gives every
// indicator the confidence of its level, and that only a pillar whose
// levels are mostly of low confidence says so.
func TestConfidenceShown(t *testing.T) {
	d := drafttest.Draft(t, "desk-review")
	conf := map[string]string{}
	for _, row := range d.Indicators {
		conf[row.ID] = row.Confidence
		if row.Level == 0 {
			conf[row.ID] = "—"
		}
	}
	rows := 0
	for _, b := range d.Blocks {
		tb, ok := b.(strategy.Table)
		if !ok || tb.Role != "assessment" {
			continue
		}
		if tb.Columns[2] != "Confidence" {
			t.Fatalf("assessment annex columns %q", tb.Columns)
		}
		for _, row := range tb.Rows {
			id := strings.Fields(row[0])[0]
			if row[2] != conf[id] {
				t.Errorf("%s: confidence %q in the annex, %q in the draft", id, row[2], conf[id])
			}
			rows++
		}
	}
	if rows != len(d.Indicators) {
		t.Errorf("%d annex rows, want %d", rows, len(d.Indicators))
	}
	md := markdownOf(t, d)
	for _, p := range []string{"GOV", "IRC", "CAP", "OUT"} {
		chapter := section(md, "### 8.", "### 9.")
		chapter = section(chapter, " "+p+" — ", "\n### ")
		got := strings.Contains(chapter, "**Low confidence.** Most levels of this pillar are uncertain")
		if want := p == "OUT"; got != want {
			t.Errorf("%s: low-confidence statement %v, want %v", p, got, want)
		}
	}
	if !strings.Contains(md, "| OUT Awareness, outreach and partnership | 2 Initial | 2.31 | 3 | 1 | 6/12 | 4/6 |") {
		t.Error("the scores table does not count OUT's low-confidence levels")
	}
}

// TestDeskReviewDraft checks that the draft of a desk review cites the
// source and date behind each level, lists its sources, and never speaks
// of a session, a room or respondents as if stakeholders had met.
func TestDeskReviewDraft(t *testing.T) {
	a, r := drafttest.Assessment(t, "desk-review")
	d := drafttest.Build(t, a, r)
	md := markdownOf(t, d)
	evidence := map[string]string{}
	for _, row := range d.Indicators {
		evidence[row.ID] = strings.Join(row.Evidence, "\n")
	}
	sources := section(md, " Consultation record\n", "## Annex A")
	for i, resp := range a.Responses {
		if resp.Source == "" {
			continue
		}
		if cite := resp.Source + ", " + resp.Date + " ("; !strings.HasPrefix(evidence[resp.Indicator], cite) {
			t.Errorf("/responses/%d: the annex cites %.80q, want %.80q", i, evidence[resp.Indicator], cite)
		}
		if !strings.Contains(sources, "| "+resp.Source+" | "+resp.Date+" | ") {
			t.Errorf("/responses/%d: source not in the consultation record", i)
		}
	}
	for _, phrase := range []string{"assessment session", "session participants", "in the session", "the room",
		"respondents cited", "facilitated by", "answered the questionnaire", "Respondents to the assessment", "Mid-term review team ("} {
		if strings.Contains(md, phrase) {
			t.Errorf("the draft of a desk review says %q", phrase)
		}
	}
	for _, phrase := range []string{"desk review of published sources completed on 2026-11-20",
		"No institution has yet been consulted", "No published source the reviewers found says where they stand"} {
		if !strings.Contains(md, phrase) {
			t.Errorf("the draft of a desk review lacks %q", phrase)
		}
	}
	workshop := markdownOf(t, drafttest.Draft(t, "small-island"))
	for _, phrase := range []string{"assessment session held on", "Respondents to the assessment"} {
		if !strings.Contains(workshop, phrase) {
			t.Errorf("the draft of a workshop lacks %q", phrase)
		}
	}
	if strings.Contains(workshop, "desk review") {
		t.Error("the draft of a workshop speaks of a desk review")
	}
}

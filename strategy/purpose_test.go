package strategy_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/strategy"
)

// customDraft builds the draft of an example with a model and an action
// library made from the embedded ones: edit rewrites the text of every
// model, library and assessment file before it is read.
func customDraft(t *testing.T, example string, edit func(file, text string) string) (*strategy.Draft, *assess.Model) {
	t.Helper()
	copyFS := func(src fs.FS, pattern string) fstest.MapFS {
		out := fstest.MapFS{}
		files, err := fs.Glob(src, pattern)
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: %v", pattern, err)
		}
		for _, f := range files {
			data, err := fs.ReadFile(src, f)
			if err != nil {
				t.Fatal(err)
			}
			out[f] = &fstest.MapFile{Data: []byte(edit(f, string(data)))}
		}
		return out
	}
	m, err := assess.LoadModel(copyFS(assess.EmbeddedFS(), "model/*.json"), "model/model.json")
	if err != nil {
		t.Fatal(err)
	}
	lib, err := strategy.LoadLibrary(copyFS(strategy.EmbeddedFS(), "actions/*.json"), "actions", m)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(drafttest.ExamplesDir(), example+".json"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := load.Assessment(example+".json", []byte(edit(example+".json", string(data))), m)
	if err != nil {
		t.Fatal(err)
	}
	r, err := assess.Score(m, a)
	if err != nil {
		t.Fatal(err)
	}
	tp, err := strategy.DefaultTemplate(strategy.Choose(a.Profile))
	if err != nil {
		t.Fatal(err)
	}
	d, err := strategy.Build(m, a, r, tp, &strategy.Options{Library: lib})
	if err != nil {
		t.Fatal(err)
	}
	return d, m
}

// renames are the IDs TestRenamedModel changes: the legal-framework area
// with its indicators, and the strategy-plan, monitoring, lead-agency and
// coordination indicators, none of which the common text names.
var renames = [][2]string{
	{"GOV.LAW", "GOV.LEX"}, {"GOV.STR.2", "GOV.STR.7"}, {"GOV.STR.3", "GOV.STR.8"},
	{"GOV.LEAD.1", "GOV.LEAD.5"}, {"GOV.LEAD.2", "GOV.LEAD.6"},
}

// rename replaces every ID of renames in s, from the first of each pair
// to the second or back.
func rename(s string, back bool) string {
	for _, r := range renames {
		from, to := r[0], r[1]
		if back {
			from, to = to, from
		}
		s = regexp.MustCompile(regexp.QuoteMeta(from)+`\b`).ReplaceAllString(s, to)
	}
	return s
}

// TestRenamedModel checks that a model whose IDs differ from the default
// one's, everything else equal, gives the same draft apart from the IDs:
// the draft finds the legal foundations, the monitoring indicator, the
// lead agency's and the coordination body's indicators and the lessons
// of the previous strategy by their purpose in the model, not by ID.
func TestRenamedModel(t *testing.T) {
	for _, name := range []string{"small-island", "larger-state"} {
		t.Run(name, func(t *testing.T) {
			want := outline(drafttest.Draft(t, name))
			d, m := customDraft(t, name, func(_, text string) string { return rename(text, false) })
			if m.Area("GOV.LEX") == nil || m.Area("GOV.LAW") != nil {
				t.Fatal("the model was not renamed")
			}
			got := outline(d)
			if !strings.Contains(got, "GOV.LEX") && !strings.Contains(strings.Join(indicatorsOf(d), " "), "GOV.LEX") {
				t.Fatal("the draft of the renamed model does not use its IDs")
			}
			if got = rename(got, true); got != want {
				gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
				for i := range min(len(gl), len(wl)) {
					if gl[i] != wl[i] {
						t.Fatalf("line %d of the outline:\n got %s\nwant %s", i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("the outline has %d lines, want %d", len(gl), len(wl))
			}
		})
	}
}

func indicatorsOf(d *strategy.Draft) []string {
	var out []string
	for _, row := range d.Indicators {
		out = append(out, row.ID)
	}
	return out
}

// withoutPurposes returns the JSON text of a model file without any
// "purpose" property.
func withoutPurposes(t *testing.T, text string) string {
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		t.Fatal(err)
	}
	var drop func(v any)
	drop = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			delete(x, "purpose")
			for _, e := range x {
				drop(e)
			}
		case []any:
			for _, e := range x {
				drop(e)
			}
		}
	}
	drop(v)
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestModelWithoutPurposes checks that a model that gives no purpose
// drafts cleanly without what needs one: no paragraph on the legal
// foundations, no baseline survey, no designation of an institution, no
// lesson drawn from the plan, monitoring, budget or coordination
// indicators, and no heading left without its section.
func TestModelWithoutPurposes(t *testing.T) {
	var sawBaselines, sawDesignation bool
	for _, name := range []string{"small-island", "larger-state"} {
		t.Run(name, func(t *testing.T) {
			full := drafttest.Draft(t, name)
			d, m := customDraft(t, name, func(file, text string) string {
				if !strings.HasPrefix(file, "model/") {
					return text
				}
				return withoutPurposes(t, text)
			})
			for _, p := range []string{assess.PurposeMonitoring, assess.PurposeLeadAgency, assess.PurposeCoordination} {
				if m.IndicatorWithPurpose(p) != nil {
					t.Fatalf("the trimmed model still gives %s", p)
				}
			}
			if m.AreaWithPurpose(assess.PurposeLegalFramework) != nil || m.RoleWithPurpose(assess.PurposeLeadAgency) != "" {
				t.Fatal("the trimmed model still gives purposes")
			}
			has := func(d *strategy.Draft, pred func(strategy.Action) bool) bool {
				return slices.ContainsFunc(d.Actions, pred)
			}
			baselines := func(a strategy.Action) bool { return strings.HasSuffix(a.LibraryID, ".baselines") }
			designation := func(a strategy.Action) bool { return a.Designates != "" }
			sawBaselines = sawBaselines || has(full, baselines)
			sawDesignation = sawDesignation || has(full, designation)
			if has(d, baselines) || has(d, designation) {
				t.Error("the draft of a model without purposes has a baseline survey or a designation")
			}
			// The paragraph on the legal foundations lists the titles of
			// the area's indicators with their levels.
			law := assess.Default().Area("GOV.LAW").Indicators[0].Title.In(full.Meta.Language)
			if paraCount(full, law) == 0 {
				t.Fatalf("the default model's draft has no paragraph naming %q: the test shows nothing", law)
			}
			if n := paraCount(d, law); n != 0 {
				t.Errorf("the draft of a model without a legal-framework area has %d paragraphs naming %q", n, law)
			}
			// The incident-response pillar's facts end with the recorded
			// incidents, which only a pillar with that purpose lists.
			if name == "small-island" {
				builds := func(d *strategy.Draft) string {
					var out []string
					for _, bl := range d.Blocks {
						if p, ok := bl.(strategy.Paragraph); ok && strings.HasPrefix(p.Text, "What this pillar builds on") {
							out = append(out, p.Text)
						}
					}
					return strings.Join(out, "\n")
				}
				if !strings.Contains(builds(full), "47 incidents") {
					t.Fatalf("the default model's pillars do not build on the recorded incidents: the test shows nothing:\n%s", builds(full))
				}
				if got := builds(d); strings.Contains(got, "47 incidents") {
					t.Errorf("a model without pillar purposes lists the incidents under a pillar:\n%s", got)
				}
			}
			checkSections(t, full)
			checkSections(t, d)
			if len(d.Actions) == 0 {
				t.Error("no actions")
			}
		})
	}
	if !sawBaselines || !sawDesignation {
		t.Errorf("no default draft has a baseline survey (%v) or a designation (%v): the test shows nothing", sawBaselines, sawDesignation)
	}
}

// paraCount counts the paragraphs of d that contain s.
func paraCount(d *strategy.Draft, s string) int {
	n := 0
	for _, bl := range d.Blocks {
		if p, ok := bl.(strategy.Paragraph); ok && strings.Contains(p.Text, s) {
			n++
		}
	}
	return n
}

// checkSections fails when a heading or a paragraph is empty, or a
// heading is followed by another of the same or a higher level with
// nothing between.
func checkSections(t *testing.T, d *strategy.Draft) {
	t.Helper()
	prev := -1
	for i, bl := range d.Blocks {
		switch v := bl.(type) {
		case strategy.Heading:
			if strings.TrimSpace(v.Text) == "" {
				t.Errorf("block %d: an empty heading", i)
			}
			if prev >= 0 {
				if h := d.Blocks[prev].(strategy.Heading); v.Level <= h.Level {
					t.Errorf("block %d: heading %q has no content before %q", prev, h.Text, v.Text)
				}
			}
			prev = i
		case strategy.Paragraph:
			if strings.TrimSpace(v.Text) == "" {
				t.Errorf("block %d: an empty paragraph", i)
			}
			prev = -1
		case strategy.Part:
			prev = -1
		default:
			prev = -1
		}
	}
}

package region

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/golden"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/problem"
)

// examples reads the named example assessments.
func examples(t testing.TB, names ...string) []Input {
	t.Helper()
	var out []Input
	for _, n := range names {
		path := filepath.Join("..", "examples", n)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		in, err := load.AssessmentOrSession("examples/"+n, data, assess.Default())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, Input{Name: "examples/" + n, Assessment: in.Assessment})
	}
	return out
}

func build(t testing.TB, inputs []Input, o *Options) *Report {
	t.Helper()
	r, err := Build(assess.Default(), nil, inputs, o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// encodings returns the report in every format, vCard included.
func encodings(t testing.TB, r *Report) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for name, enc := range map[string]func(io.Writer, *Report) error{
		"json": EncodeJSON, "html": EncodeHTML, "xlsx": EncodeXLSX, "vcf": EncodeVCard,
	} {
		var buf bytes.Buffer
		if err := enc(&buf, r); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = buf.Bytes()
	}
	return out
}

// unzipped returns every part of an XLSX file, one after the other, as
// text: what a reader of the file could find in it.
func unzipped(t testing.TB, data []byte) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var all bytes.Buffer
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(&all, rc)
		rc.Close()
	}
	return all.Bytes()
}

// TestExamples pins the regional report of the two example states, in
// JSON (restricted and anonymised), HTML and vCard, and a text dump of
// the workbook.
func TestExamples(t *testing.T) {
	in := examples(t, "small-island.json", "larger-state.json")
	for _, anon := range []bool{false, true} {
		suffix := "restricted"
		if anon {
			suffix = "anonymised"
		}
		enc := encodings(t, build(t, in, &Options{Anonymise: anon}))
		golden.Check(t, "testdata/examples-"+suffix+".json", enc["json"])
		golden.Check(t, "testdata/examples-"+suffix+".html", enc["html"])
		golden.Check(t, "testdata/examples-"+suffix+".vcf", enc["vcf"])
		golden.Check(t, "testdata/examples-"+suffix+".xlsx.txt", dumpXLSX(t, enc["xlsx"]))
	}
}

// TestGeneratedGolden pins the anonymised report of a generated set of
// five states, two of them with three rounds, some indicators left out.
func TestGeneratedGolden(t *testing.T) {
	g := generate(t, assess.Default(), genSet{states: 5, rounds: 3, respondents: 4, seed: 11, partial: true})
	golden.Check(t, "testdata/generated-anonymised.json", encodings(t, build(t, g.inputs, &Options{Anonymise: true}))["json"])
}

// TestAnonymised: over generated sets (and the examples), no output of an
// anonymised report holds a state, person, institution or place name of
// the inputs, nor the input file names, and every state appears exactly
// once in the states, the heat map and the directory.
func TestAnonymised(t *testing.T) {
	m := assess.Default()
	for seed := uint64(1); seed <= 6; seed++ {
		g := generate(t, m, genSet{states: 2 + int(seed)*2, rounds: 1 + int(seed%3), respondents: 3, seed: seed, partial: seed%2 == 0})
		r := build(t, g.inputs, &Options{Anonymise: true})
		enc := encodings(t, r)
		enc["xlsx"] = unzipped(t, enc["xlsx"])
		for format, data := range enc {
			for _, name := range g.names {
				if bytes.Contains(data, []byte(name)) {
					t.Errorf("seed %d: the anonymised %s holds %q", seed, format, name)
				}
			}
			for _, in := range g.inputs {
				if bytes.Contains(data, []byte(in.Name)) {
					t.Errorf("seed %d: the anonymised %s holds the file name %q", seed, format, in.Name)
				}
			}
		}
		onceEach(t, r, g.states)
	}
	// Every example together, whose names are real-looking.
	paths, err := filepath.Glob(filepath.Join("..", "examples", "*.json"))
	if err != nil || len(paths) < 2 {
		t.Fatalf("examples: %v %v", paths, err)
	}
	var files []string
	for _, p := range paths {
		files = append(files, filepath.Base(p))
	}
	in := examples(t, files...)
	enc := encodings(t, build(t, in, &Options{Anonymise: true}))
	enc["xlsx"] = unzipped(t, enc["xlsx"])
	var names []string
	for _, x := range in {
		a := x.Assessment
		names = append(names, a.Profile.Country, a.Profile.LeadMinistry, a.Session.Facilitator, a.Session.Place)
		for _, s := range a.Stakeholders {
			names = append(names, s.Name)
		}
		for _, p := range a.Respondents {
			names = append(names, p.Name)
		}
		for _, p := range a.PointsOfContact {
			names = append(names, p.Person)
			if p.Deputy != nil {
				names = append(names, p.Deputy.Person)
			}
		}
		if a.Facts != nil {
			for _, i := range a.Facts.Instruments {
				names = append(names, i.Name)
			}
		}
	}
	for format, data := range enc {
		for _, name := range names {
			// An optional field left empty (a desk review has no place)
			// names nothing.
			if name != "" && bytes.Contains(data, []byte(name)) {
				t.Errorf("the anonymised %s of the examples holds %q", format, name)
			}
		}
	}
}

// onceEach checks that every state appears once in the list of states,
// in the heat map and in the directory, under a distinct code.
func onceEach(t *testing.T, r *Report, states int) {
	t.Helper()
	codes := map[string]bool{}
	for _, s := range r.States {
		codes[s.Code] = true
	}
	if len(r.States) != states || len(codes) != states {
		t.Errorf("%d states with %d codes, want %d", len(r.States), len(codes), states)
	}
	dir := map[string]int{}
	for _, d := range r.Contacts {
		dir[d.State]++
	}
	for c := range codes {
		if dir[c] != 1 {
			t.Errorf("state %s is %d times in the directory", c, dir[c])
		}
	}
	var heat table
	for _, tb := range r.tables() {
		if tb.key == "s.heat" {
			heat = tb
		}
	}
	rows := map[string]int{}
	for _, row := range heat.rows {
		rows[row[0].text]++
	}
	for c := range codes {
		if rows[c] != 1 {
			t.Errorf("state %s is %d times in the heat map", c, rows[c])
		}
	}
}

// TestSharedGapCounts recounts the shared gaps straight from the scores
// of each state's latest assessment.
func TestSharedGapCounts(t *testing.T) {
	m := assess.Default()
	for seed := uint64(1); seed <= 4; seed++ {
		g := generate(t, m, genSet{states: 9, rounds: 2, respondents: 3, seed: seed, partial: true})
		r := build(t, g.inputs, &Options{MinStates: 3})
		latest := map[string]*assess.Assessment{}
		for _, in := range g.inputs {
			a := in.Assessment
			if l := latest[a.Profile.ISO3166]; l == nil || l.Session.Date < a.Session.Date {
				latest[a.Profile.ISO3166] = a
			}
		}
		type tally struct{ states, assessed, total int }
		want := map[string]tally{}
		for _, a := range latest {
			res, err := assess.Score(m, a)
			if err != nil {
				t.Fatal(err)
			}
			for _, ind := range m.Indicators() {
				is := res.Indicator(ind.ID)
				if is.Status != assess.Assessed {
					continue
				}
				w := want[ind.ID]
				w.assessed++
				if is.Level < is.Target {
					w.states++
					w.total += is.Target - is.Level
				}
				want[ind.ID] = w
			}
		}
		got := map[string]tally{}
		for i, sg := range r.SharedGaps {
			got[sg.Indicator] = tally{sg.States, sg.Assessed, sg.Total}
			if len(sg.Affected) != sg.States || len(sg.Programme.Members) != sg.States {
				t.Errorf("%s: %d affected, %d members, want %d", sg.Indicator, len(sg.Affected), len(sg.Programme.Members), sg.States)
			}
			if i > 0 {
				p := r.SharedGaps[i-1]
				if p.States < sg.States || p.States == sg.States && p.Total < sg.Total {
					t.Errorf("%s ranks after %s", sg.Indicator, p.Indicator)
				}
			}
		}
		for id, w := range want {
			if w.states >= 3 && got[id] != w {
				t.Errorf("seed %d: %s: got %+v, want %+v", seed, id, got[id], w)
			}
			if w.states < 3 && got[id] != (tally{}) {
				t.Errorf("seed %d: %s is listed with %d states", seed, id, w.states)
			}
		}
	}
}

// TestLeads: the states that could lead a programme are those at level 4
// or 5 on its indicator, and only those.
func TestLeads(t *testing.T) {
	g := generate(t, assess.Default(), genSet{states: 12, rounds: 1, respondents: 2, seed: 5})
	r := build(t, g.inputs, nil)
	for _, sg := range r.SharedGaps {
		var want []string
		for _, s := range r.States {
			if is := s.res.Indicator(sg.Indicator); is.Status == assess.Assessed && is.Level >= 4 {
				want = append(want, s.Code)
			}
		}
		if strings.Join(want, ",") != strings.Join(sg.Programme.Leads, ",") {
			t.Errorf("%s: leads %v, want %v", sg.Indicator, sg.Programme.Leads, want)
		}
	}
}

// TestProgress: two rounds of one state give the change of the indicators
// that moved, count those that did not, and leave out those assessed in
// one round only.
func TestProgress(t *testing.T) {
	first := examples(t, "small-island.json")[0]
	second := examples(t, "small-island.json")[0]
	a := second.Assessment
	a.Session.Date = "2027-01-14"
	a.Decisions.Agreed = nil
	raised, dropped := "GOV.STR.1", "CAP.EDU.2"
	var kept []assess.Response
	for _, resp := range a.Responses {
		switch resp.Indicator {
		case raised:
			resp.Level = 5
		case dropped:
			continue
		}
		kept = append(kept, resp)
	}
	a.Responses = kept
	second.Name = "corallia-2027.json"
	r := build(t, []Input{second, first}, nil)
	if len(r.Progress) != 1 || len(r.States) != 1 || r.States[0].Rounds != 2 {
		t.Fatalf("%d progress entries, %d states", len(r.Progress), len(r.States))
	}
	sp := r.Progress[0]
	if strings.Join(sp.Dates, ",") != "2026-10-14,2027-01-14" {
		t.Errorf("dates %v", sp.Dates)
	}
	if !contains(sp.NotCompared, dropped) || len(sp.NotCompared) != 1 {
		t.Errorf("not compared: %v, want [%s]", sp.NotCompared, dropped)
	}
	b4, _ := Build(assess.Default(), nil, []Input{first}, nil)
	moved := map[string]Change{}
	for _, c := range sp.Indicators {
		if c.Delta != 0 {
			moved[c.Indicator] = c
		}
	}
	if c := moved[raised]; c.To != 5 || c.From != b4.States[0].res.Indicator(raised).Level {
		t.Errorf("%s: %+v", raised, c)
	}
	if sp.Up+sp.Down != len(moved) || sp.Up+sp.Down+sp.Same+len(sp.NotCompared) != len(assess.Default().Indicators()) {
		t.Errorf("up %d down %d same %d not compared %d", sp.Up, sp.Down, sp.Same, len(sp.NotCompared))
	}
	for _, s := range sp.Areas {
		if s.ID == "CAP.EDU" && (s.Change == nil || *s.Change != 0) {
			t.Errorf("CAP.EDU changed by %v, though only the dropped indicator differs", s.Change)
		}
	}
}

// TestPartial: an indicator some states did not assess is counted among
// those that did, and a note says so.
func TestPartial(t *testing.T) {
	in := examples(t, "small-island.json", "larger-state.json")
	a := in[1].Assessment
	var kept []assess.Response
	for _, resp := range a.Responses {
		if resp.Indicator != "GOV.STR.3" {
			kept = append(kept, resp)
		}
	}
	a.Responses = kept
	var agreed []assess.Agreed
	for _, d := range a.Decisions.Agreed {
		if d.Indicator != "GOV.STR.3" {
			agreed = append(agreed, d)
		}
	}
	a.Decisions.Agreed = agreed
	r := build(t, in, &Options{MinStates: 1})
	for _, g := range r.SharedGaps {
		if g.Indicator == "GOV.STR.3" && (g.Assessed != 1 || g.States != 1) {
			t.Errorf("GOV.STR.3: %d of %d", g.States, g.Assessed)
		}
	}
	if !strings.Contains(strings.Join(r.Notes, "\n"), "GOV.STR.3 (1/2)") {
		t.Errorf("no note on GOV.STR.3: %q", r.Notes)
	}
}

// TestRefused: an assessment made with another major version of the
// model, and two rounds of one state on one date, are refused with the
// file and the place.
func TestRefused(t *testing.T) {
	in := examples(t, "small-island.json", "small-island.json", "larger-state.json")
	in[1].Name = "copy.json"
	in[2].Assessment.Model.Version = "2.0.0"
	_, err := Build(assess.Default(), nil, in, nil)
	var l problem.List
	if !asList(err, &l) {
		t.Fatalf("error %v is not a problem list", err)
	}
	got := l.Error()
	for _, want := range []string{
		"examples/larger-state.json: /model: made with model ncskit-cicte 2.0.0, not ncskit-cicte 1.1.0",
		"copy.json: /session/date: Corallia was assessed on 2026-10-14 in examples/small-island.json too",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("error\n%s\nlacks %q", got, want)
		}
	}
}

func asList(err error, l *problem.List) bool {
	x, ok := err.(problem.List)
	*l = x
	return ok
}

// TestMarking: the restricted report carries the highest marking of its
// inputs; markings it cannot order are all kept; the anonymised report
// carries none.
func TestMarking(t *testing.T) {
	for _, c := range []struct {
		marks []string
		want  string
	}{
		{[]string{"TLP:GREEN", "TLP:AMBER", ""}, "TLP:AMBER"},
		{[]string{"TLP:CLEAR", "tlp:red"}, "tlp:red"},
		{[]string{"TLP:AMBER", "OFFICIAL-SENSITIVE"}, "OFFICIAL-SENSITIVE / TLP:AMBER"},
		{[]string{"", ""}, ""},
	} {
		var in []Input
		for _, m := range c.marks {
			in = append(in, Input{Assessment: &assess.Assessment{Session: assess.Session{Classification: m}}})
		}
		if got := highestMarking(in); got != c.want {
			t.Errorf("%q: got %q, want %q", c.marks, got, c.want)
		}
	}
	in := examples(t, "small-island.json", "larger-state.json")
	in[0].Assessment.Session.Classification = "TLP:RED"
	if got := build(t, in, nil).Classification; got != "TLP:RED" {
		t.Errorf("restricted report marked %q", got)
	}
	if got := build(t, in, &Options{Anonymise: true}).Classification; got != "" {
		t.Errorf("anonymised report marked %q", got)
	}
}

// TestDirectoryOrder: states with no designated contact come first.
func TestDirectoryOrder(t *testing.T) {
	in := examples(t, "small-island.json", "larger-state.json")
	in[1].Assessment.PointsOfContact = nil
	r := build(t, in, nil)
	first := r.Contacts[0]
	if r.label(r.state(first.State)) != "República de Solandía" || first.Designated != 0 ||
		strings.Join(first.Missing, ",") != strings.Join(DirectoryFunctions, ",") {
		t.Errorf("first entry %+v", first)
	}
	if d := r.Contacts[1]; d.Designated != 3 || strings.Join(d.Missing, ",") != "deputy:cybercrime-24-7" || d.Age != 0 {
		t.Errorf("second entry %+v", d)
	}
}

// TestCodes: codes do not follow the order of the names, do not change
// with the order of the inputs, and change with the key.
func TestCodes(t *testing.T) {
	g := generate(t, assess.Default(), genSet{states: 8, rounds: 1, respondents: 1, seed: 3})
	codes := func(in []Input, key string) string {
		r := build(t, in, &Options{Key: key})
		var out []string
		for _, s := range r.States { // in name order
			out = append(out, s.Code)
		}
		return strings.Join(out, ",")
	}
	a := codes(g.inputs, "")
	rev := append([]Input(nil), g.inputs...)
	sort.Slice(rev, func(i, j int) bool { return rev[i].Name > rev[j].Name })
	if b := codes(rev, ""); a != b {
		t.Errorf("codes depend on the order of the inputs: %s and %s", a, b)
	}
	if sorted := strings.Split(a, ","); sort.StringsAreSorted(sorted) {
		t.Errorf("codes follow the names' order: %s", a)
	}
	if b := codes(g.inputs, "secret"); a == b {
		t.Errorf("the key does not change the codes: %s", a)
	}
}

// TestJSONShape: the JSON has the documented top-level members, and lists
// are never null.
func TestJSONShape(t *testing.T) {
	r := build(t, examples(t, "small-island.json"), nil)
	var buf bytes.Buffer
	if err := EncodeJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &top); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"format", "model", "anonymised", "classification", "language", "latest", "minStates", "pillars", "states",
		"distribution", "sharedGaps", "existing", "progress", "contacts", "notes"} {
		v, ok := top[k]
		if !ok || string(v) == "null" {
			t.Errorf("member %q is %s", k, v)
		}
	}
	if len(top) != 15 {
		t.Errorf("%d members", len(top))
	}
}

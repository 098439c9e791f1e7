package strategy_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

// chapter is the text of one numbered chapter of a draft's body.
type chapter struct {
	heading string
	texts   []string
}

// strategyPart returns the strategy document of a draft, the body a
// government adopts and publishes: not the Cabinet brief, not the
// implementation plan.
func strategyPart(d *strategy.Draft) *strategy.Draft {
	s, err := strategy.Select(d, strategy.PartStrategy)
	if err != nil {
		panic(err) // PartStrategy is always known
	}
	return s
}

// bodyChapters returns the numbered chapters of a draft's strategy
// document (1 to 12: the body, not the document control or the
// annexes), each with the text of its blocks.
func bodyChapters(d *strategy.Draft) []chapter {
	var out []chapter
	in := false
	for _, bl := range strategyPart(d).Blocks {
		if h, ok := bl.(strategy.Heading); ok && h.Level == 1 {
			_, err := strconv.Atoi(h.Number)
			in = err == nil
			if in {
				out = append(out, chapter{heading: h.Number + " " + h.Text})
			}
			continue
		}
		if !in {
			continue
		}
		c := &out[len(out)-1]
		switch x := bl.(type) {
		case strategy.Heading:
			c.texts = append(c.texts, x.Text)
		case strategy.Paragraph:
			c.texts = append(c.texts, x.Text)
		case strategy.List:
			c.texts = append(c.texts, x.Items...)
		case strategy.Callout:
			c.texts = append(c.texts, x.Title, x.Text)
		case strategy.Table:
			c.texts = append(c.texts, x.Caption)
			for _, r := range x.Rows {
				c.texts = append(c.texts, r...)
			}
		case strategy.Chart:
			c.texts = append(c.texts, x.Title, x.Caption)
		}
	}
	return out
}

// caribbeanWords are the words that belong to Caribbean, Commonwealth
// profiles only, by the language of the draft. Other languages translate
// Cabinet, the Gazette and the permanent secretary by the civil-law terms
// (assess/glossary), so there only the geography gives the register away.
var caribbeanWords = map[string]*regexp.Regexp{
	"en": regexp.MustCompile(`(?i)hurricane|caricom|impacs|caribbean|island|cabinet|permanent secretar|director of public prosecutions|gazette`),
	"es": regexp.MustCompile(`(?i)huracán|huracanes|caricom|impacs|caribe|(^|[^\pL])islas?([^\pL]|$)|insular|isleñ`),
	"fr": regexp.MustCompile(`(?i)ouragan|cyclone|caricom|impacs|caraïbe|(^|[^\pL])îles?([^\pL]|$)|insulaire`),
	"pt": regexp.MustCompile(`(?i)furacão|furacões|caricom|impacs|caribe|(^|[^\pL])ilhas?([^\pL]|$)|insular`),
}

// partTexts returns the text of every block of a document: headings,
// paragraphs, list items, callouts, table captions, columns and cells,
// and chart titles, captions, labels and series; and its approving
// instrument. A table of acronyms is left out row by row where keep
// says no.
func partTexts(d *strategy.Draft, keep func(acronym string) bool) []string {
	out := []string{d.Meta.Approval}
	for _, bl := range d.Blocks {
		switch x := bl.(type) {
		case strategy.Heading:
			out = append(out, x.Text)
		case strategy.Paragraph:
			out = append(out, x.Text)
		case strategy.List:
			out = append(out, x.Items...)
		case strategy.Callout:
			out = append(out, x.Title, x.Text)
		case strategy.Table:
			out = append(out, x.Caption)
			out = append(out, x.Columns...)
			for _, r := range x.Rows {
				if x.Role == "acronyms" && len(r) > 0 && !keep(r[0]) {
					continue
				}
				out = append(out, r...)
			}
		case strategy.Chart:
			out = append(out, x.Title, x.Caption)
			out = append(out, x.Labels...)
			for _, s := range x.Series {
				out = append(out, s.Name)
			}
			for _, s := range x.Spans {
				out = append(out, s.Label, s.Group)
			}
		}
	}
	return out
}

// freeTexts returns every free text of an assessment (names, titles,
// references, evidence, notes, reasons: the country's own record, which
// the draft quotes as it is), longest first.
func freeTexts(t *testing.T, a *assess.Assessment) []string {
	t.Helper()
	data, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				walk(k, c)
			}
		case []any:
			for _, c := range x {
				walk(key, c)
			}
		case string:
			if (drafttest.FreeTextKeys[key] || key == "reference") && x != "" {
				// A draft may quote a sentence without its full stop.
				seen[x], seen[strings.TrimSuffix(x, ".")] = true, true
			}
		}
	}
	walk("", v)
	out := slices.Collect(maps.Keys(seen))
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// quoted returns the texts a draft quotes rather than writes: every text
// of the model (indicator titles and level descriptors, areas, pillars,
// roles, the scale), when m is not nil, and every free text of the
// assessment (names of institutions and instruments, notes), longest
// first.
func quoted(m *assess.Model, a *assess.Assessment) []string {
	var out []string
	if m == nil {
		m = &assess.Model{}
	}
	add := func(ts ...assess.Text) {
		for _, t := range ts {
			if s := t.In("en"); s != "" {
				out = append(out, s)
			}
		}
	}
	for _, l := range m.Scale.Levels {
		add(l.Name, l.Meaning)
	}
	for _, r := range m.Roles {
		add(r.Name, r.Meaning)
	}
	for _, p := range m.Pillars {
		add(p.Name, p.Summary)
		for _, ar := range p.Areas {
			add(ar.Name)
			for _, in := range ar.Indicators {
				add(in.Title, in.Question, in.Evidence)
				add(in.Levels...)
			}
		}
	}
	for _, s := range a.Stakeholders {
		out = append(out, s.Name)
	}
	for _, r := range a.Respondents {
		out = append(out, r.Name, r.Title)
	}
	if a.Facts != nil {
		for _, in := range a.Facts.Instruments {
			out = append(out, in.Name, in.Reference, in.Note)
		}
		for _, c := range a.Facts.Incidents {
			out = append(out, c.Note)
		}
	}
	out = slices.DeleteFunc(out, func(s string) bool { return s == "" })
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// civilProfile returns the small island's assessment moved to a civil-law
// South American republic of five million people, without the CARICOM
// contact and network that only a Caribbean state would have.
func civilProfile(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(drafttest.ExamplesDir(), "small-island.json"))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	p := v["profile"].(map[string]any)
	p["region"], p["smallIslandState"], p["population"] = "south-america", false, 5100000
	p["legalTradition"], p["framing"] = "civil-law", "inclusion-education"
	p["targetProfile"] = "larger-state"
	var contacts []any
	for _, c := range v["pointsOfContact"].([]any) {
		if c.(map[string]any)["function"] != "caricom-cyber" {
			contacts = append(contacts, c)
		}
	}
	v["pointsOfContact"] = contacts
	f := v["facts"].(map[string]any)
	var networks []any
	for _, n := range f["networks"].([]any) {
		if n.(map[string]any)["network"] != "caricom-impacs" {
			networks = append(networks, n)
		}
	}
	f["networks"] = networks
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// approvals are the words of a decree published in the official journal
// of a civil-law state, by language.
var approvals = map[string][]string{
	"en": {"decree", "Diario Oficial"},
	"es": {"decreto", "Diario Oficial"},
	"fr": {"décret", "Journal officiel"},
	"pt": {"decreto", "Diário Oficial"},
}

// TestCivilLawWording checks that a civil-law state outside the Caribbean
// never reads hurricanes, islands, CARICOM, Cabinet, permanent
// secretaries, the Director of Public Prosecutions or the Gazette in the
// text the draft writes or quotes from the model (an indicator's title,
// question, evidence or level descriptor, an action's KPI, in the wording
// of the register): in the Cabinet brief, the strategy and the
// implementation plan, in every language, for the larger state, the desk
// review and a generated profile. Text the draft quotes from the
// assessment, the country's own record, is masked and only counted, and
// so is an acronym the record uses.
func TestCivilLawWording(t *testing.T) {
	cases := map[string]func() []byte{
		"larger-state": func() []byte { return exampleJSON(t, "larger-state") },
		"desk-review":  func() []byte { return exampleJSON(t, "desk-review") },
		"generated":    func() []byte { return civilProfile(t) },
	}
	for _, name := range []string{"larger-state", "desk-review", "generated"} {
		data := cases[name]()
		a, _ := drafttest.Parse(t, name+".json", data)
		if reg := strategy.RegisterOf(a.Profile); reg.Legal != strategy.CivilLaw || reg.Region == "caribbean" {
			t.Fatalf("%s: register %+v, want a civil-law state outside the Caribbean", name, reg)
		}
		q := freeTexts(t, a)
		record := strings.Join(q, "\n")
		for _, lang := range []string{"en", "es", "fr", "pt"} {
			d := drafttest.BuildIn(t, a, lang)
			words := caribbeanWords[lang]
			inQuotes := 0
			for _, part := range strategy.Parts {
				p, err := strategy.Select(d, part)
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range partTexts(p, func(acr string) bool { return !strings.Contains(record, acr) }) {
					for _, x := range q {
						if strings.Contains(s, x) {
							inQuotes += len(words.FindAllString(x, -1)) * strings.Count(s, x)
							s = strings.ReplaceAll(s, x, "…")
						}
					}
					for _, w := range words.FindAllString(s, -1) {
						t.Errorf("%s, %s, %s: %q in %q", name, lang, part, w, s)
					}
					// A Latin American legislature is a congress or an assembly.
					if lang == "en" && strings.Contains(s, "Parliament") {
						t.Errorf("%s, %s, %s: Parliament in %q", name, lang, part, s)
					}
				}
			}
			t.Logf("%s, %s: %d Caribbean words inside text quoted from the assessment", name, lang, inQuotes)
			for _, w := range approvals[lang] {
				if !strings.Contains(d.Meta.Approval, w) {
					t.Errorf("%s, %s: approving instrument %q, want %q", name, lang, d.Meta.Approval, w)
				}
			}
		}
	}
}

// exampleJSON returns the JSON of an example assessment.
func exampleJSON(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(drafttest.ExamplesDir(), name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestCommonLawWording checks that the small island keeps its register:
// adoption by Cabinet and publication in the Official Gazette.
func TestCommonLawWording(t *testing.T) {
	d := drafttest.Draft(t, "small-island")
	if !strings.Contains(d.Meta.Approval, "Cabinet") || !strings.Contains(d.Meta.Approval, "Official Gazette") {
		t.Errorf("approving instrument %q, want a Cabinet decision published in the Official Gazette", d.Meta.Approval)
	}
}

// TestGazetteFromProfile checks that a profile naming its official
// journal gets it.
func TestGazetteFromProfile(t *testing.T) {
	a, r := drafttest.Assessment(t, "desk-review")
	a.Profile.Gazette = "La Gaceta"
	d := drafttest.Build(t, a, r)
	if !strings.Contains(d.Meta.Approval, "La Gaceta") {
		t.Errorf("approving instrument %q, want La Gaceta", d.Meta.Approval)
	}
}

// factTokens are the strings by which a draft names the country's facts:
// the names and references of its instruments, its incident counts and
// its budget amounts.
func factTokens(a *assess.Assessment) []string {
	var out []string
	if a.Facts == nil {
		return nil
	}
	for _, in := range a.Facts.Instruments {
		out = append(out, in.Name)
		if in.Reference != "" {
			out = append(out, in.Reference)
		}
	}
	for _, c := range a.Facts.Incidents {
		out = append(out, fmt.Sprintf("%s incidents in %d", thousands(c.Handled), c.Year))
	}
	return out
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// TestFactsInEveryChapter checks that every chapter of the body names at
// least one of the country's facts when the assessment records any.
func TestFactsInEveryChapter(t *testing.T) {
	for _, name := range drafttest.Examples {
		a, r := drafttest.Assessment(t, name)
		tokens := factTokens(a)
		if len(tokens) == 0 {
			t.Fatalf("%s records no facts", name)
		}
		d := drafttest.Build(t, a, r)
		var counts []string
		for _, c := range bodyChapters(d) {
			n := 0
			for _, s := range c.texts {
				for _, tok := range tokens {
					n += strings.Count(s, tok)
				}
			}
			if n == 0 {
				t.Errorf("%s: chapter %s names none of the country's facts", name, c.heading)
			}
			counts = append(counts, fmt.Sprintf("%s: %d", c.heading, n))
		}
		t.Logf("%s: facts named per chapter: %s", name, strings.Join(counts, "; "))
	}
}

// TestProfileActions checks that the framing, the inclusion of women and
// the pending bills recorded in the facts each bring their own actions.
func TestProfileActions(t *testing.T) {
	want := map[string][]string{
		// rights and democracy: oversight of powers and incident data, elections
		"larger-state": {"GOV.LAW.a16", "IRC.CRI.a11", "CAP.WF.a9", "OUT.TRU.a8", "GOV.LAW.a15"},
		// inclusion and education: bursaries, accessible reporting
		"desk-review": {"CAP.EDU.a8", "OUT.TRU.a9", "CAP.WF.a9", "OUT.TRU.a8", "GOV.LAW.a15"},
		// economy and infrastructure: cost of incidents, firms' baseline
		"small-island": {"GOV.CI.a10", "OUT.BUS.a8", "CAP.WF.a9", "OUT.TRU.a8"},
	}
	notWant := map[string][]string{
		"larger-state": {"CAP.EDU.a8", "OUT.BUS.a8", "GOV.CI.a10"},
		"desk-review":  {"GOV.LAW.a16", "IRC.CRI.a11", "GOV.CI.a10"},
		"small-island": {"GOV.LAW.a16", "IRC.CRI.a11", "CAP.EDU.a8", "OUT.TRU.a9"},
	}
	for _, name := range drafttest.Examples {
		a, r := drafttest.Assessment(t, name)
		d := drafttest.Build(t, a, r)
		got := map[string]strategy.Action{}
		for _, ac := range planned(d) {
			got[ac.LibraryID] = ac
		}
		for _, id := range want[name] {
			if _, ok := got[id]; !ok {
				t.Errorf("%s: no action %s", name, id)
			}
		}
		for _, id := range notWant[name] {
			if _, ok := got[id]; ok {
				t.Errorf("%s: action %s does not fit its framing", name, id)
			}
		}
		// Gender actions measure by sex.
		for _, k := range d.KPIs {
			if ac := got["CAP.WF.a9"]; k.Action == ac.ID && (!strings.Contains(k.Name, "women") || !slices.Contains(k.Disaggregation, "sex")) {
				t.Errorf("%s: KPI of the gender action is %q by %v", name, k.Name, k.Disaggregation)
			}
			if ac := got["OUT.TRU.a8"]; k.Action == ac.ID && !(slices.Contains(k.Disaggregation, "sex") && slices.Contains(k.Disaggregation, "age")) {
				t.Errorf("%s: KPI of the online-violence action is %q by %v", name, k.Name, k.Disaggregation)
			}
		}
		// Every pending bill has an action that names it.
		for _, in := range a.Facts.Instruments {
			if in.Kind != "bill" || in.Status == "lapsed" {
				continue
			}
			if !slices.ContainsFunc(d.Actions, func(ac strategy.Action) bool { return strings.Contains(ac.Title, in.Name) }) {
				t.Errorf("%s: no action names the pending %s", name, in.Name)
			}
		}
	}
}

// TestRegister checks how a profile sets the register and how a variant's
// conditions match it.
func TestRegister(t *testing.T) {
	for _, c := range []struct {
		p    assess.Profile
		want strategy.Register
	}{
		{assess.Profile{Region: "caribbean", SmallIslandState: true, Framing: "economy-infrastructure"},
			strategy.Register{Region: "caribbean", Legal: strategy.CommonLaw, Size: "small-island", Framing: "economy-infrastructure"}},
		{assess.Profile{Region: "caribbean", LegalTradition: "civil-law"},
			strategy.Register{Region: "caribbean", Legal: strategy.CivilLaw, Size: "larger"}},
		{assess.Profile{Region: "south-america"}, strategy.Register{Region: "south-america", Legal: strategy.CivilLaw, Size: "larger"}},
		{assess.Profile{Region: "central-america", LegalTradition: "common-law"},
			strategy.Register{Region: "central-america", Legal: strategy.CommonLaw, Size: "larger"}},
	} {
		if got := strategy.RegisterOf(c.p); got != c.want {
			t.Errorf("RegisterOf(%+v) = %+v, want %+v", c.p, got, c.want)
		}
	}
	r := strategy.Register{Region: "south-america", Legal: strategy.CivilLaw, Size: "larger", Framing: "rights-democracy"}
	for w, want := range map[*strategy.When]bool{
		{}:                              true,
		{Legal: []string{"civil-law"}}:  true,
		{Legal: []string{"common-law"}}: false,
		{Region: []string{"caribbean", "south-america"}, Framing: []string{"rights-democracy"}}: true,
		{Region: []string{"south-america"}, Size: []string{"small-island"}}:                     false,
	} {
		if got := w.Matches(r); got != want {
			t.Errorf("%+v.Matches(%+v) = %v, want %v", *w, r, got, want)
		}
	}
}

// TestTemplateVariants checks that a template's variants are checked
// like its text, and chosen by the country's register.
func TestTemplateVariants(t *testing.T) {
	bad := `{"id": "x", "version": "1.0.0", "name": {"en": "X"}, "periodYears": 5, "text": {},
		"variants": {"meta.aproval": [{"when": {"legal": ["civil-law"]}, "text": {"en": "By decree"}}],
		"intro.scope": [{"when": {"legal": ["roman-law"]}, "text": {"en": "{nope}"}}]}}`
	_, err := strategy.ParseTemplate("x.json", []byte(bad))
	if err == nil {
		t.Fatal("a template with a bad variant parsed")
	}
	for _, want := range []string{"/variants/meta.aproval", "meta.approval", "/variants/intro.scope/0/when", "roman-law", "{nope}"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	good := `{"id": "x", "version": "1.0.0", "name": {"en": "X"}, "periodYears": 5, "text": {},
		"variants": {"meta.approval": [{"when": {"region": ["south-america"]}, "text": {"en": "Adopted by decree of the President of {country}"}}]}}`
	tp, err := strategy.ParseTemplate("x.json", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"larger-state": "Adopted by decree of the President of República de Solandía",
		"desk-review":  "To be adopted by executive decree and published in the Diario Oficial",
		"small-island": "To be approved by Cabinet decision and published in the Official Gazette",
	} {
		a, r := drafttest.Assessment(t, name)
		d, err := strategy.Build(assess.Default(), a, r, tp, nil)
		if err != nil {
			t.Fatal(err)
		}
		if d.Meta.Approval != want {
			t.Errorf("%s: approval %q, want %q", name, d.Meta.Approval, want)
		}
	}
}

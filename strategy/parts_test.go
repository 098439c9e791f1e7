package strategy_test

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafttest"
	"github.com/ncskit/ncskit/strategy"
)

// parts returns the three documents of an example's draft as Markdown,
// by part ID, with the selected drafts.
func parts(t *testing.T, d *strategy.Draft) (map[string]string, map[string]*strategy.Draft) {
	t.Helper()
	md, drafts := map[string]string{}, map[string]*strategy.Draft{}
	for _, id := range strategy.Parts {
		p, err := strategy.Select(d, id)
		if err != nil {
			t.Fatal(err)
		}
		md[id], drafts[id] = markdownOf(t, p), p
	}
	return md, drafts
}

// TestParts checks the three documents of every example: in order, each
// with its marking — the strategy public, the brief and the plan
// restricted — and that neither the brief nor the strategy, in their
// text or their JSON, names a person of the assessment.
func TestParts(t *testing.T) {
	for _, name := range drafttest.Examples {
		t.Run(name, func(t *testing.T) {
			a, r := drafttest.Assessment(t, name)
			d := drafttest.Build(t, a, r)
			ps := strategy.PartsOf(d)
			if len(ps) != 3 || ps[0].ID != "brief" || ps[1].ID != "strategy" || ps[2].ID != "plan" {
				t.Fatalf("parts %+v", ps)
			}
			if ps[1].Classification != "TLP:CLEAR" || !strategy.Restricted(ps[0].Classification) || !strategy.Restricted(ps[2].Classification) {
				t.Errorf("markings %q, %q, %q", ps[0].Classification, ps[1].Classification, ps[2].Classification)
			}
			md, drafts := parts(t, d)
			for _, id := range []string{"brief", "strategy"} {
				data, err := json.Marshal(drafts[id])
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range drafttest.People(a) {
					if strings.Contains(md[id], p) {
						t.Errorf("the %s names %q", id, p)
					}
					if strings.Contains(string(data), p) {
						t.Errorf("the JSON of the %s names %q", id, p)
					}
				}
				if drafts[id].Meta.Classification != ps[slicesIndex(id)].Classification || strings.Contains(md[id], ps[2].Classification+"**") && id == "strategy" {
					t.Errorf("the %s is marked %q", id, drafts[id].Meta.Classification)
				}
			}
			for id, text := range md {
				if n := strings.Count(text, "**TLP:"); n != 1 {
					t.Errorf("the %s carries %d markings", id, n)
				}
			}
		})
	}
}

func slicesIndex(id string) int {
	for i, p := range strategy.Parts {
		if p == id {
			return i
		}
	}
	return -1
}

// TestEvidenceNames attributes the plan's evidence to institutions by
// default and to the people who gave it with Options.Names.
func TestEvidenceNames(t *testing.T) {
	a, r := drafttest.Assessment(t, "small-island")
	evidence := func(o *strategy.Options) string {
		tp, _ := strategy.DefaultTemplate(strategy.Choose(a.Profile))
		d, err := strategy.Build(assess.Default(), a, r, tp, o)
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, row := range d.Indicators {
			all = append(all, row.Evidence...)
			all = append(all, row.Decision)
		}
		return strings.Join(all, "\n")
	}
	anonymous, named := evidence(nil), evidence(&strategy.Options{Names: true})
	found := 0
	for _, rs := range a.Respondents {
		if strings.Contains(anonymous, rs.Name) {
			t.Errorf("the evidence names %q", rs.Name)
		}
		if strings.Contains(named, rs.Name+" (") {
			found++
		}
	}
	if found == 0 {
		t.Error("with Names the evidence names nobody")
	}
}

// TestSayOnce checks that every document titles each action at most once
// (elsewhere an action is its ID), that a long institution name is
// written in full once and then by its short form, listed with the
// acronyms, and that the strategy has one vision.
func TestSayOnce(t *testing.T) {
	for _, name := range drafttest.Examples {
		t.Run(name, func(t *testing.T) {
			a, r := drafttest.Assessment(t, name)
			d := drafttest.Build(t, a, r)
			md, _ := parts(t, d)
			for id, text := range md {
				repeated := 0
				for _, act := range d.Actions {
					if n := strings.Count(text, act.Title); n > 1 {
						repeated++
						t.Errorf("the %s titles %s %d times", id, act.ID, n)
					}
				}
				t.Logf("%s: %d action titles printed more than once", id, repeated)
			}
			for _, s := range a.Stakeholders {
				if len([]rune(s.Name)) < 30 {
					continue
				}
				// the first use, and the list of acronyms
				if n := strings.Count(md["strategy"], s.Name); n > 2 {
					t.Errorf("the strategy writes %q in full %d times", s.Name, n)
				}
			}
			if !strings.Contains(md["strategy"], "\n## Acronyms\n") || !strings.Contains(md["plan"], "\n## Acronyms\n") {
				t.Error("no list of acronyms")
			}
			vision := section(md["strategy"], "## 5 ", "## 6 ")
			lead := regexp.MustCompile(`\*\*(By \d{4}, [^*]+)\*\*`).FindStringSubmatch(vision)
			if lead == nil || strings.Count(md["strategy"], lead[1]) != 2 || strings.Count(md["strategy"], "**By ") != 2 {
				t.Errorf("the summary and chapter 5 do not state the one vision: %q", lead)
			}
		})
	}
}

// TestHeadlines checks the pillar headlines and goals: they lead with
// progress against target, never state a goal from a level to itself,
// and give no progress for a pillar nobody assessed.
func TestHeadlines(t *testing.T) {
	a, r := keepPerPillar(t, map[string]int{"GOV": 16, "IRC": 16, "CAP": 0, "OUT": 12})
	d := drafttest.Build(t, a, r)
	md, _ := parts(t, d)
	s := md["strategy"]
	for _, line := range strings.Split(s, "\n") {
		for _, bad := range []string{"progress 0.0", "| 0.00 |", "Current maturity: achieved"} {
			if strings.Contains(line, bad) {
				t.Errorf("the strategy says %q: %s", bad, line)
			}
		}
	}
	if !strings.Contains(s, "Technical training and exercises not yet assessed") {
		t.Error("the baseline does not say that CAP is not assessed")
	}
	headlines := regexp.MustCompile(`(?m)^### 8\.\d [A-Z]+ — .*\n\n.*\n\n(.*)$`).FindAllStringSubmatch(s, -1)
	if len(headlines) != 4 {
		t.Fatalf("%d pillar sections", len(headlines))
	}
	for _, h := range headlines {
		if !strings.HasPrefix(h[1], "Progress ") && !strings.HasPrefix(h[1], "Not yet assessed") {
			t.Errorf("a pillar headline leads with %.60q", h[1])
		}
	}
	same := regexp.MustCompile(`from (\d \w+) today to (\d \w+)`)
	for _, m := range same.FindAllStringSubmatch(s, -1) {
		if m[1] == m[2] {
			t.Errorf("a goal from %s to itself", m[1])
		}
	}
}

// TestCabinet checks what Cabinet is asked: the executive summary says
// what it decides and the first-year cost; the brief asks for the
// pending bill, the renewal before expiry, and the budget line against
// today's.
func TestCabinet(t *testing.T) {
	d := drafttest.Draft(t, "small-island")
	md, _ := parts(t, d)
	summary := section(md["strategy"], "## 2 Executive summary", "## 3 ")
	if !regexp.MustCompile(`Cabinet is asked to adopt the strategy, .* costs about US\$[0-9.]+[km] in its first year`).MatchString(summary) {
		t.Errorf("the summary does not say what Cabinet decides and the first-year cost:\n%s", summary)
	}
	brief := md["brief"]
	for _, want := range []string{
		"Give the instructions that take the Cyber Security Bill, still in draft, to the legislature, through GOV-",
		"Renew the Memorandum of understanding with the regional shared CSIRT service before it expires (2027-03-18), through IRC-",
		"from US$185,000 a year today",
		"Bring the Data Protection Act 2021 into force",
		"| 2027 | ", "| Total |  |  | US$",
	} {
		if !strings.Contains(brief, want) {
			t.Errorf("the brief lacks %q", want)
		}
	}
	if n := strings.Count(section(brief, "### The ten actions", "### Main risks"), "\n| "); n != 11 {
		t.Errorf("the brief lists %d actions, want 10", n-1)
	}
	checkBudgetTarget(t, brief)
}

// checkBudgetTarget checks that the brief asks for what the country will
// spend a year at the end of the period — today's line of US$185,000
// plus the plan's additional recurrent cost — and that the cost table's
// last row says the same.
func checkBudgetTarget(t *testing.T, brief string) {
	t.Helper()
	m := regexp.MustCompile(`from US\$185,000 a year today to about US\$([0-9]+)k a year by (\d{4}), in the steps of the cost table: today's line plus about US\$([0-9]+)k a year`).FindStringSubmatch(brief)
	if m == nil {
		t.Fatalf("the budget decision does not ask for today's line plus the plan's recurrent cost:\n%s", section(brief, "### Decisions sought", "### Cost"))
	}
	need, _ := strconv.Atoi(m[1])
	add, _ := strconv.Atoi(m[3])
	if add <= 0 || need < 185+add-1 || need > 185+add+1 {
		t.Errorf("the brief asks for US$%dk a year, want US$185,000 + US$%dk", need, add)
	}
	row := "| " + m[2] + " | "
	table := section(brief, "### Cost against", "### The ten actions")
	i := strings.Index(table, row)
	if i < 0 {
		t.Fatalf("the cost table has no row for %s:\n%s", m[2], table)
	}
	cells := strings.Split(strings.SplitN(table[i:], "\n", 2)[0], " | ")
	if got, want := strings.TrimSuffix(cells[len(cells)-1], " |"), "US$"+m[1]+"k"; got != want {
		t.Errorf("the cost table needs %s in %s, the decision %s", got, m[2], want)
	}
	if got, want := cells[2], "US$"+m[3]+"k"; got != want {
		t.Errorf("the cost table adds %s in %s, the decision %s", got, m[2], want)
	}
}

// TestBriefRegister checks that the brief speaks to the body that
// decides: a civil-law state's brief goes to the Council of Ministers
// and never says Cabinet, a common-law island's stays a Cabinet brief.
func TestBriefRegister(t *testing.T) {
	for _, c := range []struct {
		example, title string
		cabinet        bool
	}{
		{"larger-state", "Brief to the Council of Ministers", false},
		{"desk-review", "Brief to the Council of Ministers", false},
		{"small-island", "Cabinet brief", true},
	} {
		md, drafts := parts(t, drafttest.Draft(t, c.example))
		brief := md["brief"]
		if got := drafts["brief"].Meta.Title; got != c.title {
			t.Errorf("%s: the brief is titled %q, want %q", c.example, got, c.title)
		}
		if has := strings.Contains(brief, "Cabinet"); has != c.cabinet {
			t.Errorf("%s: the brief says Cabinet: %v, want %v:\n%s", c.example, has, c.cabinet, brief)
		}
		summary := section(md["strategy"], "## 2 Executive summary", "## 3 ")
		if has := strings.Contains(summary, "Cabinet"); has != c.cabinet {
			t.Errorf("%s: the executive summary says Cabinet: %v, want %v", c.example, has, c.cabinet)
		}
	}
}

package region

import (
	"strings"
	"testing"

	"github.com/ncskit/ncskit/problem"
)

// TestReadPlan: a draft that is not one, or whose fields a review needs
// are wrong, is refused with the file and the place of every problem.
func TestReadPlan(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"not json", `{"meta": `, "p.json: not a strategy draft in JSON: unexpected EOF; give the JSON form of the earlier draft (ncskit draft FILE --format json)"},
		{"an assessment", `{"schemaVersion": 1, "responses": []}`, "p.json: not a strategy draft: it has no meta or no actions; give the JSON form of the earlier draft (ncskit draft FILE --format json)"},
		{"fields", `{"meta": {"date": "2026-1-5"}, "actions": [
			{"id": "GOV-01", "indicators": ["GOV.STR.1"], "end": "2027-03"},
			{"id": "GOV-01", "indicators": [], "end": "2027"},
			{"indicators": ["GOV.STR.2"], "end": "2027-05"}]}`,
			"p.json: /meta/country: the draft names no country\n" +
				"p.json: /meta/date: \"2026-1-5\" is not a date (YYYY-MM-DD)\n" +
				"p.json: /actions/1/id: action GOV-01 is listed twice\n" +
				"p.json: /actions/1/indicators: action GOV-01 names no indicator\n" +
				"p.json: /actions/1/end: \"2027\" is not a month (YYYY-MM)\n" +
				"p.json: /actions/2/id: the action has no ID"},
	} {
		_, err := ReadPlan("p.json", []byte(tc.data))
		var l problem.List
		if !asList(err, &l) {
			t.Fatalf("%s: %v, want a problem list", tc.name, err)
		}
		if got := l.Error(); got != tc.want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
	p, err := ReadPlan("p.json", []byte(`{"meta": {"country": " Testland ", "iso3166": "xt", "date": "2026-01-15"},
		"actions": [{"id": "IRC-01", "title": "T", "indicators": ["IRC.MAN.1"], "end": "2026-12"}], "kpis": []}`))
	if err != nil {
		t.Fatal(err)
	}
	if p.Country != "Testland" || p.ISO3166 != "XT" || len(p.Actions) != 1 || strings.Join(p.Actions[0].Indicators, ",") != "IRC.MAN.1" {
		t.Errorf("read %+v", p)
	}
}

package load_test

import (
	"strings"
	"testing"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
)

// session wraps the small-island example in a session file with a log
// and a snapshot; log and snapshot seq are given as JSON text.
func session(t *testing.T, seq1, snapSeq string) []byte {
	a := string(validAssessment(t))
	return []byte(`{"format": "ncskit-session", "version": 1, "id": "s1", "name": "Corallia day 1",
  "created": "2026-10-14T09:00:00Z", "updated": "2026-10-14T10:00:00Z",
  "assessment": ` + a + `,
  "log": [{"seq": ` + seq1 + `, "at": "2026-10-14T09:05:00Z", "what": "level"}],
  "snapshots": [{"name": "end of day", "at": "2026-10-14T10:00:00Z", "seq": ` + snapSeq + `, "assessment": ` + a + `}]}`)
}

func TestSession(t *testing.T) {
	m := assess.Default()
	s, err := load.ReadSession("day1.json", session(t, "1.0", "1e0"), m)
	if err != nil {
		t.Fatalf("a session with seq 1.0 and 1e0: %v", err)
	}
	if s.File.Log[0].Seq != 1 || s.File.Snapshots[0].Seq != 1 || s.Assessment.Profile.Country != "Corallia" {
		t.Errorf("decoded %+v", s.File.Log)
	}
	in, err := load.AssessmentOrSession("day1.json", session(t, "1", "1"), m)
	if err != nil || in.Kind != "session" || in.Session == nil {
		t.Errorf("AssessmentOrSession: %v, %+v", err, in)
	}

	for _, c := range []struct{ name, seq1, snap, want string }{
		{"huge seq", "99999999999999999999", "1",
			"day1.json: /log/0/seq: the number 99999999999999999999 is too large: numbers in these files lie between -9007199254740991 and 9007199254740991"},
		{"fraction", "1.5", "1",
			"day1.json: /log/0/seq: expected a whole number, got 1.5"},
		{"log order", "2", "1",
			"day1.json: /log/0/seq: the change log is append-only: entry 0 must have seq 1, not 2"},
		{"snapshot after the log", "1", "3.0",
			"day1.json: /snapshots/0/seq: snapshot after change 3, but the log has 1 changes"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := load.ReadSession("day1.json", session(t, c.seq1, c.snap), m)
			if err == nil || err.Error() != c.want {
				t.Errorf("got\n%v\nwant\n%s", err, c.want)
			}
		})
	}

	bad := strings.Replace(string(session(t, "1", "1")), `"level": 2,`, `"level": 9,`, 1)
	_, err = load.ReadSession("day1.json", []byte(bad), m)
	if want := "day1.json: /assessment/responses/0/level: 9 is above the highest level (5)"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("a bad level inside the session: got\n%v\nwant it to start with\n%s", err, want)
	}
}

func TestDetect(t *testing.T) {
	for _, c := range []struct{ data, kind, why string }{
		{`{"$schema": "https://ncskit.org/schemas/model-v1.schema.json", "schemaVersion": 1}`, "model", `it declares "$schema": "https://ncskit.org/schemas/model-v1.schema.json"`},
		{`{"format": "ncskit-session"}`, "session", `it declares "format": "ncskit-session"`},
		{`{"schemaVersion": 1, "profile": {}, "responses": [], "scale": {}}`, "assessment", `it has the fields "profile", "responses", "schemaVersion"`},
		{`{"scale": {}, "pillars": []}`, "model", `it has the fields "pillars", "scale"`},
		{`{"id": "t", "periodYears": 5, "text": {}}`, "template", `it has the fields "periodYears", "text"`},
		{`[1]`, "assessment", ``},
		{`{"x": 1}`, "assessment", `it has none of the fields that tell the kinds apart`},
	} {
		k, why := load.Detect([]byte(c.data))
		if string(k) != c.kind || why != c.why {
			t.Errorf("Detect(%s) = %s, %q; want %s, %q", c.data, k, why, c.kind, c.why)
		}
	}
}

// TestSessionRulesPlaces checks that the rules of the session format
// report only at places that exist in the file and only what the schema
// does not: not at a seq that is missing, nor under a field whose name
// differs in case (encoding/json would read "snApshots" as "snapshots"),
// nor a snapshot after the end of a log that is not a list.
func TestSessionRulesPlaces(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{`{"format": "ncskit-session", "log": [{}]}`,
			`s.json: missing required fields "version", "id", "name", "created", "updated", "assessment", "snapshots"
s.json: /log/0: missing required fields "seq", "at", "what"`},
		{`{"format": "ncskit-session", "log": [{"seq": 1}], "snApshots": [{"seq": 2}]}`,
			`s.json: missing required fields "version", "id", "name", "created", "updated", "assessment", "snapshots"
s.json: unknown field "snApshots"
s.json: /log/0: missing required fields "at", "what"`},
		{`{"format": "ncskit-session", "log": "none", "snapshots": [{"seq": 2}]}`,
			`s.json: missing required fields "version", "id", "name", "created", "updated", "assessment"
s.json: /log: expected a list, got "none"
s.json: /snapshots/0: missing required fields "name", "at", "assessment"`},
	} {
		_, err := load.ReadSession("s.json", []byte(c.data), assess.Default())
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: got\n%v\nwant\n%s", c.data, err, c.want)
		}
	}
}

// TestSessionOld reads a log entry with the old value of a removed
// answer, as the workbook writes it, and one without (older files).
func TestSessionOld(t *testing.T) {
	data := strings.Replace(string(session(t, "1", "1")), `"what": "level"}`,
		`"what": "clear", "pointer": "/responses/3", "old": {"indicator": "GOV.STR.1", "respondent": "r-gov-1", "level": 3, "evidence": "Cabinet paper"}}, {"seq": 2, "at": "2026-10-14T09:06:00Z", "what": "undo", "value": null}`, 1)
	s, err := load.ReadSession("day1.json", []byte(data), assess.Default())
	if err != nil {
		t.Fatal(err)
	}
	if got := string(s.File.Log[0].Old); !strings.Contains(got, `"evidence": "Cabinet paper"`) {
		t.Errorf("old = %s", got)
	}
	if s.File.Log[1].Old != nil {
		t.Errorf("an entry without old reads as %s", s.File.Log[1].Old)
	}
	_, err = load.ReadSession("day1.json", []byte(strings.Replace(data, `"old": {`, `"olds": {`, 1)), assess.Default())
	if err == nil || !strings.Contains(err.Error(), "/log/0") {
		t.Errorf("an unknown field in a log entry: %v", err)
	}
}

package schemas_test

import (
	"os"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/schemas"
)

// TestSessionSchema validates a workbook session file around the example
// assessment, and pins the problems of a broken one: the assessment inside
// is checked by the assessment schema, with pointers into the session.
func TestSessionSchema(t *testing.T) {
	assessment, err := os.ReadFile("../examples/small-island.json")
	if err != nil {
		t.Fatal(err)
	}
	session := func(log, extra string) []byte {
		return []byte(`{"format": "ncskit-session", "version": 1, "id": "s-1", "name": "Corallia day 1",
			"created": "2026-10-14T09:00:00Z", "updated": "2026-10-14T17:30:00Z", "template": "small-island-state",
			"assessment": ` + string(assessment) + `, "log": [` + log + `], "snapshots": []` + extra + `}`)
	}
	if errs := schemas.Validate(schemas.Session, session(`{"seq": 1, "at": "2026-10-14T09:00:00Z", "what": "session"}`, "")); errs != nil {
		t.Errorf("a valid session: %v", errs)
	}
	var got []string
	for _, e := range schemas.Validate(schemas.Session, session(`{"seq": 0, "at": "2026-10-14T09:00:00Z"}`, `, "colour": "red"`)) {
		got = append(got, e.String())
	}
	want := `unknown field "colour"; /log/0: missing required field "what"; /log/0/seq: 0 is below the minimum (1)`
	if g := strings.Join(got, "; "); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
	broken := strings.Replace(string(session("", "")), `"level": 2,`, `"level": "2",`, 1)
	got = nil
	for _, e := range schemas.Validate(schemas.Session, []byte(broken)) {
		got = append(got, e.String())
	}
	if want := `/assessment/responses/0/level: expected a whole-number level, "n/a" or "unknown", got "2": write the number without quotes`; strings.Join(got, "; ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "; "), want)
	}
}

// TestSessionSize holds session files to MaxSessionSize and everything
// else to MaxSize: a session with ten snapshots is larger than an
// assessment may be.
func TestSessionSize(t *testing.T) {
	assessment, err := os.ReadFile("../examples/small-island.json")
	if err != nil {
		t.Fatal(err)
	}
	var snaps []string
	for i := 0; len(snaps)*len(assessment) < schemas.MaxSize+len(assessment); i++ {
		snaps = append(snaps, `{"name": "s`+strings.Repeat("x", i)+`", "at": "2026-10-14T17:30:00Z", "seq": 1, "assessment": `+string(assessment)+`}`)
	}
	session := []byte(`{"format": "ncskit-session", "version": 1, "id": "s-1", "name": "Corallia day 1",
		"created": "2026-10-14T09:00:00Z", "updated": "2026-10-14T17:30:00Z",
		"assessment": ` + string(assessment) + `, "log": [{"seq": 1, "at": "2026-10-14T09:00:00Z", "what": "session"}], "snapshots": [` + strings.Join(snaps, ",") + `]}`)
	if len(session) <= schemas.MaxSize {
		t.Fatalf("the session is only %d bytes", len(session))
	}
	if errs := schemas.Validate(schemas.Session, session); errs != nil {
		t.Errorf("a session of %d bytes: %v", len(session), errs)
	}
	padded := strings.Replace(string(assessment), `"country": "`, `"country": "`+strings.Repeat("x", schemas.MaxSize), 1)
	errs := schemas.Validate(schemas.Assessment, []byte(padded))
	if len(errs) != 1 || !strings.HasSuffix(errs[0].Message, "the limit is 8 MiB") {
		t.Errorf("an assessment of %d bytes: %v", len(padded), errs)
	}
	huge := strings.Replace(string(session), `"name": "Corallia day 1"`, `"name": "`+strings.Repeat("x", schemas.MaxSessionSize)+`"`, 1)
	errs = schemas.Validate(schemas.Session, []byte(huge))
	if len(errs) != 1 || !strings.HasSuffix(errs[0].Message, "the limit is 64 MiB") {
		t.Errorf("a session of %d bytes: %v", len(huge), errs)
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafting"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/questionnaire"
)

// cliDraft makes a draft the way "ncskit draft FILE --format F
// [--template T] [--lang L]" does: load, then package drafting.
func cliDraft(t testing.TB, assessment []byte, format, template, lang string) []byte {
	t.Helper()
	m := assess.Default()
	a, err := load.Assessment("assessment.json", assessment, m)
	if err != nil {
		t.Fatal(err)
	}
	tm, err := drafting.Template(template, a.Profile)
	if err != nil {
		t.Fatal(err)
	}
	out, err := drafting.Make(m, a, tm, &drafting.Options{Format: format, Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func draftRequest(t testing.TB, r map[string]any) []byte {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDraft checks that every format of the bridge's draft is, byte for
// byte, what the CLI writes for the same assessment and options, from an
// assessment and from a session file (whose template is the default).
func TestDraft(t *testing.T) {
	data := readExample(t, "small-island.json")
	session := wrap(t, data, func(s map[string]any) { s["template"] = "national" })
	formats := []string{"docx", "html", "json", "md", "pdf", "xlsx"}
	if testing.Short() {
		formats = []string{"md", "pdf"}
	}
	for _, format := range formats {
		t.Run(format, func(t *testing.T) {
			out, err := handle("draft", draftRequest(t, map[string]any{"assessment": json.RawMessage(data), "format": format}))
			if err != nil {
				t.Fatal(err)
			}
			if want := cliDraft(t, data, format, "", ""); !bytes.Equal(out, want) {
				t.Errorf("%d bytes, the CLI's are %d and differ", len(out), len(want))
			}
			out, err = handle("draft", draftRequest(t, map[string]any{"session": json.RawMessage(session), "format": format, "lang": "en"}))
			if err != nil {
				t.Fatal(err)
			}
			if want := cliDraft(t, data, format, "national", "en"); !bytes.Equal(out, want) {
				t.Errorf("from the session: %d bytes, the CLI's with --template national are %d and differ", len(out), len(want))
			}
		})
	}
	md, err := handle("draft", draftRequest(t, map[string]any{"session": json.RawMessage(session), "format": "md", "template": "small-island-state"}))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(md, []byte("| Template | Small island state 1.0.0 |")) || !bytes.Contains(md, []byte("Corallia")) {
		t.Error("the template of the request does not override the session's")
	}
	// One document of the three: the public strategy alone.
	md, err = handle("draft", draftRequest(t, map[string]any{"assessment": json.RawMessage(data), "format": "md", "part": "strategy"}))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(md, []byte("**TLP:CLEAR** · DRAFT\n")) || bytes.Contains(md, []byte("TLP:AMBER")) || bytes.Contains(md, []byte("# Cabinet brief")) {
		t.Errorf("the strategy part: %.200q", md)
	}
}

// TestDraftFiles checks that the PDF and the XLSX are what their readers
// expect: a PDF header and trailer, a workbook excelize opens.
func TestDraftFiles(t *testing.T) {
	data := readExample(t, "small-island.json")
	pdf, err := handle("draft", draftRequest(t, map[string]any{"assessment": json.RawMessage(data), "format": "pdf"}))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.")) || !bytes.Contains(pdf[len(pdf)-64:], []byte("%%EOF")) {
		t.Errorf("not a PDF: %.20q … %q", pdf, pdf[len(pdf)-20:])
	}
	x, err := handle("draft", draftRequest(t, map[string]any{"assessment": json.RawMessage(data), "format": "xlsx"}))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if len(f.GetSheetList()) < 3 {
		t.Errorf("sheets %q", f.GetSheetList())
	}
}

func TestDraftErrors(t *testing.T) {
	data := readExample(t, "small-island.json")
	raw := json.RawMessage(data)
	bad := json.RawMessage(replaceFirst(t, data, `"level": 2,`, `"level": 7,`))
	for _, tc := range []struct {
		req  map[string]any
		want string
	}{
		{map[string]any{"assessment": raw}, "draft: format is required: docx, html, json, md, pdf, xlsx"},
		{map[string]any{"assessment": raw, "format": "odt"}, `draft: format "odt" is not one of docx, html, json, md, pdf, xlsx`},
		{map[string]any{"assessment": raw, "format": "md", "lang": "English"}, `draft: lang "English" is not a language code such as en, es or pt-BR`},
		{map[string]any{"format": "md"}, "draft: give either an assessment or a session, not both or neither"},
		{map[string]any{"assessment": raw, "session": raw, "format": "md"}, "draft: give either an assessment or a session, not both or neither"},
		{map[string]any{"session": raw, "format": "md"}, `draft: the session is not a session file (its "format" is not "ncskit-session")`},
		{map[string]any{"assessment": raw, "format": "md", "template": "global"}, `draft: unknown template "global" (known: small-island-state, national)`},
		{map[string]any{"assessment": bad, "format": "pdf"}, "draft: the assessment has 1 problem:\n/responses/0/level: 7 is above the highest level (5)"},
		{map[string]any{"session": json.RawMessage(wrap(t, bad, func(s map[string]any) { s["snapshots"] = []any{} })), "format": "pdf"},
			"draft: the session has 1 problem:\n/assessment/responses/0/level: 7 is above the highest level (5)"},
		{map[string]any{"assessment": raw, "format": "md", "part": "annex"}, `draft: unknown part "annex" (known: brief, strategy, plan, all)`},
		{map[string]any{"assessment": raw, "format": "md", "colour": "red"}, `draft: the request is not the expected JSON: json: unknown field "colour"`},
	} {
		_, err := handle("draft", draftRequest(t, tc.req))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%v:\nerror %v\nwant  %s", tc.req["format"], err, tc.want)
		}
	}
}

// TestQuestionnaire checks that the bridge's blank questionnaire is what
// "ncskit questionnaire --format xlsx --lang L" writes.
func TestQuestionnaire(t *testing.T) {
	for _, tc := range []struct{ req, lang string }{{"", "en"}, {"{}", "en"}, {`{"lang":"es","format":"xlsx"}`, "es"}, {`{"lang":"fr"}`, "fr"}} {
		out, err := handle("questionnaire", []byte(tc.req))
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := questionnaire.Write(&want, assess.Default(), &questionnaire.Options{Lang: tc.lang}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, want.Bytes()) {
			t.Errorf("%s: the questionnaire differs from questionnaire.Write with lang %s", tc.req, tc.lang)
		}
		if _, err := questionnaire.Read("blank.xlsx", bytes.NewReader(out), int64(len(out)), assess.Default()); err == nil || !strings.Contains(err.Error(), "!B4: the respondent's name is missing") {
			t.Errorf("%s: a blank questionnaire reads back as %v", tc.req, err)
		}
	}
	for _, tc := range []struct{ req, want string }{
		{`{"lang":"de"}`, `questionnaire: lang "de" is not offered; use en, es, fr`},
		{`{"format":"pdf"}`, `questionnaire: format "pdf" is not offered; use xlsx`},
	} {
		_, err := handle("questionnaire", []byte(tc.req))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: error %v, want %s", tc.req, err, tc.want)
		}
	}
}

func BenchmarkDraftPDF(b *testing.B) {
	req := draftRequest(b, map[string]any{"assessment": json.RawMessage(readExample(b, "small-island.json")), "format": "pdf"})
	for b.Loop() {
		if _, err := handle("draft", req); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDraftXLSX(b *testing.B) {
	req := draftRequest(b, map[string]any{"assessment": json.RawMessage(readExample(b, "small-island.json")), "format": "xlsx"})
	for b.Loop() {
		if _, err := handle("draft", req); err != nil {
			b.Fatal(err)
		}
	}
}

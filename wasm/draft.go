package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/ncskit/ncskit/problem"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/internal/drafting"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/questionnaire"
)

// DraftRequest is the request of "draft", with the options of
// "ncskit draft": the assessment, or a session file, and the format,
// language and template of the draft. The draft is made by the code of
// "ncskit draft" (package internal/drafting), so that the bytes are the
// CLI's for the same assessment and options.
type DraftRequest struct {
	// Assessment is an assessment, as "ncskit draft FILE" reads it.
	Assessment json.RawMessage `json:"assessment,omitempty"`
	// Session is a session file, in place of Assessment. Its assessment is
	// drafted, with the session's template unless Template names one.
	Session json.RawMessage `json:"session,omitempty"`
	// Format is one of docx, html, json, md, pdf and xlsx.
	Format string `json:"format"`
	// Lang is the language of the draft; "" means the session's language.
	// Text not yet translated into it is in English, and the draft's
	// cover states its share.
	Lang string `json:"lang,omitempty"`
	// Template is an embedded template (small-island-state, national);
	// "" means the session's, else the one the profile suggests.
	Template string `json:"template,omitempty"`
	// Part is the document to write: brief, strategy, plan, or all (the
	// default) for the three in one file.
	Part string `json:"part,omitempty"`
}

func runDraft(req []byte) ([]byte, error) {
	var r DraftRequest
	if err := decodeRequest("draft", req, &r); err != nil {
		return nil, err
	}
	formats := strings.Join(drafting.Formats(), ", ")
	switch {
	case r.Format == "":
		return nil, fmt.Errorf("draft: format is required: %s", formats)
	case !contains(drafting.Formats(), r.Format):
		return nil, fmt.Errorf("draft: format %q is not one of %s", r.Format, formats)
	case r.Lang != "" && !langCode.MatchString(r.Lang):
		return nil, fmt.Errorf("draft: lang %q is not a language code such as en, es or pt-BR", r.Lang)
	case (r.Assessment == nil) == (r.Session == nil):
		return nil, errors.New("draft: give either an assessment or a session, not both or neither")
	}
	m := assess.Default()
	what, data := "assessment", []byte(r.Assessment)
	if r.Session != nil {
		what = "session"
		if !load.IsSession(r.Session) {
			return nil, errors.New(`draft: the session is not a session file (its "format" is not "ncskit-session")`)
		}
		s, err := load.ReadSession("", r.Session, m)
		if err != nil {
			return nil, problemsError("draft", what, problem.From(err))
		}
		data = s.File.Assessment
		if r.Template == "" {
			r.Template = s.File.Template
		}
	}
	// As "ncskit draft FILE" does: load (schema, decoding, model checks),
	// then score, build and encode.
	a, err := load.Assessment("", data, m)
	if err != nil {
		return nil, problemsError("draft", what, problem.From(err))
	}
	t, err := drafting.Template(r.Template, a.Profile)
	if err != nil {
		return nil, fmt.Errorf("draft: %v", err)
	}
	// The workbook drafts in the session's language even where the
	// draft's text is not yet translated (the CLI asks for
	// --partial-language): the untranslated text is in English and the
	// cover of the preview says how much of it there is.
	out, err := drafting.Make(m, a, t, &drafting.Options{Format: r.Format, Lang: r.Lang, PartialLanguage: true, Part: r.Part})
	var scoring problem.List
	switch {
	case errors.As(err, &scoring):
		return nil, problemsError("draft", what, scoring)
	case err != nil:
		return nil, fmt.Errorf("draft: %v", err)
	}
	return out, nil
}

// problemsError is the error of a binary function whose input has
// problems: binary results have no room for them, so the rejected
// promise lists them, one per line, with their pointers.
func problemsError(fn, what string, probs problem.List) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: the %s has %d problem%s:", fn, what, len(probs), plural(len(probs)))
	for _, p := range probs {
		b.WriteString("\n" + p.String())
	}
	return errors.New(b.String())
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// QuestionnaireRequest is the request of "questionnaire", with the
// options of "ncskit questionnaire": the format (only xlsx) and the
// language of the blank questionnaire.
type QuestionnaireRequest struct {
	Format string `json:"format,omitempty"` // "" means xlsx
	Lang   string `json:"lang,omitempty"`   // "" means en
}

func runQuestionnaire(req []byte) ([]byte, error) {
	var r QuestionnaireRequest
	if err := decodeRequest("questionnaire", req, &r); err != nil {
		return nil, err
	}
	r.Format = cmp.Or(r.Format, "xlsx")
	r.Lang = cmp.Or(r.Lang, "en")
	if r.Format != "xlsx" {
		return nil, fmt.Errorf("questionnaire: format %q is not offered; use xlsx", r.Format)
	}
	if !contains(questionnaire.Languages(), r.Lang) {
		return nil, fmt.Errorf("questionnaire: lang %q is not offered; use %s", r.Lang, strings.Join(questionnaire.Languages(), ", "))
	}
	var buf bytes.Buffer
	if err := questionnaire.Write(&buf, assess.Default(), &questionnaire.Options{Lang: r.Lang}); err != nil {
		return nil, fmt.Errorf("questionnaire: %v", err)
	}
	return buf.Bytes(), nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Package drafting is the one path from a loaded assessment to the bytes
// of a strategy draft, shared by "ncskit draft" and the workbook's bridge
// (package wasm) so that both give the same bytes for the same assessment
// and options:
//
//	assess.Score → strategy.Build → the renderer of the format
//
//	t, err := drafting.Template("", a.Profile) // the template the profile suggests
//	out, err := drafting.Make(m, a, t, &drafting.Options{Format: "pdf"})
//
// It is internal: glue between the front ends, not an API of its own. The
// library's API for the same work is assess.Score, strategy.Build and the
// renderers' Encode functions.
package drafting

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/render/docx"
	"github.com/ncskit/ncskit/render/html"
	"github.com/ncskit/ncskit/render/markdown"
	"github.com/ncskit/ncskit/render/pdf"
	"github.com/ncskit/ncskit/render/xlsx"
	"github.com/ncskit/ncskit/strategy"
)

// encoders are the draft formats, keyed by name. Each has the verb of the
// renderers: Encode(w, draft).
var encoders = map[string]func(w io.Writer, d *strategy.Draft) error{
	"md":   func(w io.Writer, d *strategy.Draft) error { return markdown.Encode(w, d, nil) },
	"html": func(w io.Writer, d *strategy.Draft) error { return html.Encode(w, d, nil) },
	"json": writeJSON,
	"xlsx": func(w io.Writer, d *strategy.Draft) error { return xlsx.Encode(w, d, nil) },
	"pdf":  func(w io.Writer, d *strategy.Draft) error { return pdf.Encode(w, d, nil) },
	"docx": func(w io.Writer, d *strategy.Draft) error { return docx.Encode(w, d, nil) },
}

// Formats returns the names of the draft formats, sorted: docx, html,
// json, md, pdf, xlsx.
func Formats() []string {
	var f []string
	for k := range encoders {
		f = append(f, k)
	}
	slices.Sort(f)
	return f
}

// Options are the settings of Make.
type Options struct {
	// Format is one of Formats.
	Format string
	// Lang is the language of the draft; "" means the session's language
	// (see strategy.Options).
	Lang string
	// Kind is what the draft is: "" (chosen from the facts), "strategy",
	// "implementation-plan" or "refresh" (see strategy.Options).
	Kind string
	// PartialLanguage accepts a language in which the draft's text is not
	// complete (see Languages): the untranslated text is in English, and
	// the cover says how much. Without it such a language is refused
	// with a *LanguageError.
	PartialLanguage bool
	// Part is the document of the draft to write: "brief", "strategy",
	// "plan", or "all" or "" for the three in one file (see
	// strategy.Select).
	Part string
	// Names keeps the names of the people behind the evidence in the
	// plan (see strategy.Options).
	Names bool
}

// Template returns the embedded template with the given ID, or when id is
// "" the one strategy.Choose picks for the profile p.
func Template(id string, p assess.Profile) (*strategy.Template, error) {
	if id == "" {
		id = strategy.Choose(p)
	}
	return strategy.DefaultTemplate(id)
}

// Draft scores a with m, its warnings and reasons in lang, and builds its
// draft with template t. A problem that stops scoring comes back as the
// problem.List of assess.Score.
func Draft(m *assess.Model, a *assess.Assessment, t *strategy.Template, lang string) (*strategy.Draft, error) {
	return build(m, a, t, &strategy.Options{Lang: lang})
}

func build(m *assess.Model, a *assess.Assessment, t *strategy.Template, o *strategy.Options) (*strategy.Draft, error) {
	res, err := assess.ScoreIn(m, a, o.Lang)
	if err != nil {
		return nil, err
	}
	return strategy.Build(m, a, res, t, o)
}

// Encode writes d to w in format, one of Formats.
func Encode(w io.Writer, format string, d *strategy.Draft) error {
	enc, ok := encoders[format]
	if !ok {
		return fmt.Errorf("unknown draft format %q (known: %s)", format, strings.Join(Formats(), ", "))
	}
	return enc(w, d)
}

// Make scores a, builds its draft with template t and encodes it in
// o.Format: the bytes "ncskit draft" writes. Scoring problems come back as
// an problem.List; a language the draft is not complete in, without
// o.PartialLanguage, as a *LanguageError; any other error means the draft
// could not be built or written.
func Make(m *assess.Model, a *assess.Assessment, t *strategy.Template, o *Options) ([]byte, error) {
	out, _, err := MakeIn(m, a, t, o)
	return out, err
}

// MakeIn is Make that also says how far the draft is written in its
// language: o.Lang, else the session's language, else English.
func MakeIn(m *assess.Model, a *assess.Assessment, t *strategy.Template, o *Options) ([]byte, *Language, error) {
	if _, ok := encoders[o.Format]; !ok {
		return nil, nil, fmt.Errorf("unknown draft format %q (known: %s)", o.Format, strings.Join(Formats(), ", "))
	}
	lang, err := language(m, a, t, o)
	if err != nil {
		return nil, nil, err
	}
	so := strategy.Options{Lang: lang.Lang, Kind: o.Kind, Names: o.Names}
	if !lang.Complete() {
		if !o.PartialLanguage {
			return nil, lang, &LanguageError{lang}
		}
		if lang.Texts, lang.English, err = measure(m, a, t, so); err != nil {
			return nil, lang, err
		}
		so.Untranslated = lang.Percent()
	}
	d, err := build(m, a, t, &so)
	if err != nil {
		return nil, lang, err
	}
	if d, err = strategy.Select(d, o.Part); err != nil {
		return nil, lang, err
	}
	var buf bytes.Buffer
	if err := Encode(&buf, o.Format, d); err != nil {
		return nil, lang, err
	}
	return buf.Bytes(), lang, nil
}

// language resolves the language of the draft and the languages it could
// be complete in.
func language(m *assess.Model, a *assess.Assessment, t *strategy.Template, o *Options) (*Language, error) {
	avail, err := Languages(m, t)
	if err != nil {
		return nil, err
	}
	l := &Language{Lang: o.Lang, Available: avail}
	if l.Lang == "" {
		l.Lang, l.FromSession = a.Session.Language, true
	}
	if l.Lang == "" {
		l.Lang, l.FromSession = "en", false
	}
	return l, nil
}

// writeJSON writes the draft as "ncskit draft --format json" always has:
// indented by two spaces, without HTML escaping, with a final newline.
func writeJSON(w io.Writer, d *strategy.Draft) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

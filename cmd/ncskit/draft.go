package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/render/html"
	"github.com/ncskit/ncskit/render/markdown"
	"github.com/ncskit/ncskit/render/pdf"
	"github.com/ncskit/ncskit/render/xlsx"
	"github.com/ncskit/ncskit/schemas"
	"github.com/ncskit/ncskit/strategy"
)

// encoders are the draft formats, keyed by --format. Each has the verb of
// the renderers: Encode(w, draft).
var encoders = map[string]func(w io.Writer, d *strategy.Draft) error{
	"md":   func(w io.Writer, d *strategy.Draft) error { return markdown.Encode(w, d, nil) },
	"html": func(w io.Writer, d *strategy.Draft) error { return html.Encode(w, d, nil) },
	"json": func(w io.Writer, d *strategy.Draft) error { return writeJSON(w, d) },
	"xlsx": func(w io.Writer, d *strategy.Draft) error { return xlsx.Encode(w, d, nil) },
	"pdf":  func(w io.Writer, d *strategy.Draft) error { return pdf.Encode(w, d, nil) },
}

func formats() []string {
	var f []string
	for k := range encoders {
		f = append(f, k)
	}
	sort.Strings(f)
	return f
}

func runDraft(e *env, args []string) int {
	spec := cmdSpec{"FILE --format " + strings.Join(formats(), "|") + " -o OUT [--lang L] [--template NAME|FILE.json] [--model MODEL.json]",
		"Build a national cyber-security strategy draft from an assessment: the\n" +
			"baseline, vision, governance and roles, objectives per pillar, an action\n" +
			"plan with owners, dates, cost bands and KPIs, and the annexes. The\n" +
			"template is chosen from the profile (small-island-state or national)\n" +
			"unless --template names one or gives a template file. OUT may be - for\n" +
			"standard output."}
	fs := newFlags("draft")
	format := fs.String("format", "", "output `format`: "+strings.Join(formats(), ", "))
	out := fs.String("o", "", "write the draft to `file` (- for standard output)")
	lang := fs.String("lang", "", "`language` of the draft; untranslated text falls back to English (default: the session's language)")
	tmpl := fs.String("template", "", "template `name` (small-island-state, national) or a template file")
	modelFile := fs.String("model", "", "score against this `model` file instead of the default model")
	pos, code := parse(e, fs, spec, args)
	if code >= 0 {
		return code
	}
	if len(pos) != 1 {
		return usageError(e, "draft", "expected exactly one FILE")
	}
	if *format == "" {
		return usageError(e, "draft", "--format is required: %s", strings.Join(formats(), ", "))
	}
	enc, ok := encoders[*format]
	if !ok {
		return usageError(e, "draft", "--format must be one of %s, not %q", strings.Join(formats(), ", "), *format)
	}
	if *out == "" {
		return usageError(e, "draft", "-o OUT is required (- for standard output)")
	}
	m, code := modelFor(e, *modelFile)
	if code >= 0 {
		return code
	}
	name := pos[0]
	data, err := readInput(e, name)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", name, cleanErr(err))
		return exitInvalid
	}
	a, err := load.Assessment(name, data, m)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitInvalid
	}
	res, err := assess.Score(m, a)
	if err != nil {
		fmt.Fprintln(e.stderr, &load.Error{File: name, Problems: load.Problems(err)})
		return exitInvalid
	}
	t, code := templateFor(e, *tmpl, a.Profile)
	if code >= 0 {
		return code
	}
	d, err := strategy.Build(m, a, res, t, &strategy.Options{Lang: *lang})
	if err != nil {
		fmt.Fprintf(e.stderr, "ncskit draft: %v\n", err)
		return exitInvalid
	}
	var buf bytes.Buffer
	if err := enc(&buf, d); err != nil {
		fmt.Fprintf(e.stderr, "ncskit draft: %v\n", err)
		return exitInvalid
	}
	if *out == "-" {
		_, err = e.stdout.Write(buf.Bytes())
	} else {
		err = writeFileAtomic(*out, buf.Bytes())
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "ncskit draft: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

// templateFor returns the embedded template named by spec, the template
// in the file spec, or the template the profile suggests.
func templateFor(e *env, spec string, p assess.Profile) (*strategy.Template, int) {
	if spec == "" {
		spec = strategy.Choose(p)
	}
	if !strings.HasSuffix(spec, ".json") {
		t, err := strategy.DefaultTemplate(spec)
		if err != nil {
			return nil, usageError(e, "draft", "%v", err)
		}
		return t, -1
	}
	data, err := os.ReadFile(spec)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", spec, cleanErr(err))
		return nil, exitInvalid
	}
	if errs := schemas.Validate(schemas.Template, data); errs != nil {
		le := &load.Error{File: spec}
		for _, s := range errs {
			le.Problems = append(le.Problems, assess.Problem{Pointer: s.Pointer, Message: s.Message})
		}
		fmt.Fprintln(e.stderr, le)
		return nil, exitInvalid
	}
	t, err := strategy.ParseTemplate(filepath.Base(spec), data)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return nil, exitInvalid
	}
	return t, -1
}

// writeFileAtomic writes data to a temporary file beside name and renames
// it, so that a failed run never leaves half a file.
func writeFileAtomic(name string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), ".ncskit-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

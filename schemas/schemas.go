package schemas

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/ncskit/ncskit/problem"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// Kind names one of the published schemas.
type Kind string

// The published schemas. Each file is embedded and published under its $id.
const (
	Model      Kind = "model"
	Pillar     Kind = "pillar"
	Assessment Kind = "assessment"
	Draft      Kind = "draft"
	Template   Kind = "template"
	Session    Kind = "session"
)

// Kinds lists the schemas in a stable order.
var Kinds = []Kind{Model, Pillar, Assessment, Draft, Template, Session}

// MaxSize is the largest input Validate accepts, in bytes, for every kind
// but Session. A real assessment with 30 respondents and long evidence
// notes stays well under it.
const MaxSize = 8 << 20

// MaxSessionSize is the largest session file (kind Session) Validate
// accepts, in bytes. A session file holds the assessment and a copy of it
// in each snapshot, with the change log: 30 respondents with evidence and
// 10 snapshots come to about 9 MiB. The limit is for the whole file: the
// assessment inside a session file is not held to MaxSize. The workbook
// warns well before it.
const MaxSessionSize = 64 << 20

// maxSizeOf is the size limit of kind k.
func maxSizeOf(k Kind) int {
	if k == Session {
		return MaxSessionSize
	}
	return MaxSize
}

// MaxDepth is the deepest nesting of arrays and objects Validate accepts.
// The formats nest at most six levels; the limit guards against inputs
// built to exhaust the validator.
const MaxDepth = 32

//go:embed *.schema.json
var files embed.FS

// File returns the schema of kind k as JSON.
func File(k Kind) ([]byte, error) { return files.ReadFile(string(k) + ".schema.json") }

// URL returns the $id of the schema of kind k.
func URL(k Kind) string { return "https://ncskit.org/schemas/" + string(k) + "-v1.schema.json" }

var (
	compileOnce sync.Once
	compiled    map[Kind]*jsonschema.Schema
	compileErr  error
)

func compile() (map[Kind]*jsonschema.Schema, error) {
	compileOnce.Do(func() {
		c := jsonschema.NewCompiler()
		c.Draft = jsonschema.Draft2020
		c.AssertFormat = true
		// Only the embedded schemas may be loaded: never the file system
		// or the network (a browser has neither).
		c.LoadURL = func(s string) (io.ReadCloser, error) {
			return nil, fmt.Errorf("schema %s is not embedded", s)
		}
		for _, k := range Kinds {
			b, err := File(k)
			if err != nil {
				compileErr = err
				return
			}
			if err := c.AddResource(URL(k), bytes.NewReader(b)); err != nil {
				compileErr = err
				return
			}
		}
		compiled = map[Kind]*jsonschema.Schema{}
		for _, k := range Kinds {
			s, err := c.Compile(URL(k))
			if err != nil {
				compileErr = err
				return
			}
			compiled[k] = s
		}
	})
	return compiled, compileErr
}

// Validate checks data against the schema of kind k and returns every
// problem, each with the JSON pointer of the offending value. An empty,
// oversized (beyond MaxSize, or MaxSessionSize for a session), malformed
// or too deeply nested input gives one problem that says so. A nil result
// means the document is valid.
func Validate(k Kind, data []byte) problem.List {
	_, p := Check(k, data)
	return p
}

// Check validates data as Validate does and also returns the document as
// a decoder should read it: without a byte-order mark, and with integral
// numbers written as integers (see Parse). The document is nil when data
// could not be parsed at all; it is returned whenever it could, so that a
// caller may go on to find more problems.
func Check(k Kind, data []byte) ([]byte, problem.List) {
	clean, v, p, unnamed := parse(data, maxSizeOf(k))
	if clean == nil {
		return nil, p
	}
	sp := ValidateValue(k, v)
	// Under an empty field name the validator's pointers are not
	// reliable; the empty name is reported, and the rest once it is fixed.
	for _, at := range unnamed {
		sp = slices.DeleteFunc(sp, func(q problem.Problem) bool {
			return q.At == at || strings.HasPrefix(q.At, at+"/")
		})
	}
	// A number the schema bounds more tightly is reported once, in the
	// schema's words.
	bounded := map[string]bool{}
	for _, q := range sp {
		bounded[q.At] = true
	}
	p = slices.DeleteFunc(p, func(q problem.Problem) bool {
		return q.Hint == "" && bounded[q.At] && strings.HasPrefix(q.Message, "the number ")
	})
	p = append(p, sp...)
	p.Sort()
	return clean, dedupe(p)
}

// ValidateValue checks an already parsed value (as Check parses it).
// Under a field with an empty name, the pointers of its problems leave
// the name out; Check and Validate report the empty name instead.
func ValidateValue(k Kind, v any) problem.List {
	all, err := compile()
	if err != nil {
		return problem.List{{Message: "internal error: " + err.Error()}}
	}
	s, ok := all[k]
	if !ok {
		return problem.List{{Message: fmt.Sprintf("unknown schema %q", k)}}
	}
	err = s.Validate(v)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return problem.List{{Message: err.Error()}}
	}
	var out problem.List
	collect(ve, v, &out)
	out.Sort()
	return dedupe(out)
}

// parse decodes JSON for validation, with the emptiness, not-JSON, size,
// syntax and depth checks of Validate, and the checks that encoding/json does not
// make (see lint): a field given twice in one object, text that is not
// UTF-8 or holds control characters other than tab and line breaks,
// numbers beyond MaxSafeInteger. A UTF-8 byte-order mark at the start is
// skipped. An integral number written as 3.0 or 3e0 is read as the
// integer 3, as the JSON Schema counts it. It returns the document as
// read, its value, the problems, and the pointers of the objects that
// have an empty field name (see lint); the document is nil when data
// could not be parsed.
func parse(data []byte, max int) ([]byte, any, problem.List, []string) {
	data = bytes.TrimPrefix(data, bom)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, problem.List{{Message: "the file is empty; expected a JSON object"}}, nil
	}
	if msg := notJSON(data); msg != "" {
		return nil, nil, problem.List{{Message: msg}}, nil
	}
	if len(data) > max {
		return nil, nil, problem.List{{Message: fmt.Sprintf("the file is %.1f MiB (%d bytes); the limit is %d MiB", float64(len(data))/(1<<20), len(data), max>>20)}}, nil
	}
	if d, at := depth(data); d > MaxDepth {
		line, col := position(data, at)
		return nil, nil, problem.List{{Message: fmt.Sprintf("line %d, column %d: JSON nested deeper than %d levels", line, col, MaxDepth)}}, nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, nil, problem.List{{Message: syntaxMessage(data, err)}}, nil
	}
	off := int(dec.InputOffset())
	if _, err := dec.Token(); err != io.EOF {
		// InputOffset is past the value; report where the extra data starts.
		off += len(data[off:]) - len(bytes.TrimLeft(data[off:], " \t\r\n"))
		line, col := position(data, off)
		return nil, nil, problem.List{{Message: fmt.Sprintf("line %d, column %d: unexpected data after the JSON value", line, col)}}, nil
	}
	clean, p, unnamed := lint(data)
	if len(clean) != len(data) || !bytes.Equal(clean, data) {
		dec := json.NewDecoder(bytes.NewReader(clean))
		dec.UseNumber()
		v = nil
		if err := dec.Decode(&v); err != nil {
			return nil, nil, problem.List{{Message: "internal error: " + err.Error()}}, nil
		}
	}
	return clean, v, p, unnamed
}

func syntaxMessage(data []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the offending byte; point at it.
		line, col := position(data, int(se.Offset)-1)
		return fmt.Sprintf("line %d, column %d: invalid JSON: %s", line, col, explainSyntax(se.Error()))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		if open, ok := unclosed(data); ok {
			ol, oc := position(data, open)
			line, col := position(data, len(data))
			return fmt.Sprintf("line %d, column %d: invalid JSON: the file ends before the %c opened at line %d, column %d is closed",
				line, col, data[open], ol, oc)
		}
		line, col := position(data, len(data))
		return fmt.Sprintf("line %d, column %d: invalid JSON: the file ends in the middle of a value", line, col)
	}
	return "invalid JSON: " + err.Error()
}

// explainSyntax restates encoding/json's syntax errors in plain words.
func explainSyntax(msg string) string {
	msg = strings.TrimPrefix(msg, "json: ")
	ch := ""
	if i := strings.Index(msg, "invalid character "); i >= 0 {
		rest := msg[i+len("invalid character "):]
		if j := strings.Index(rest, "' "); j >= 0 {
			ch = rest[:j+1]
		}
	}
	switch {
	case ch == "']'" && strings.HasSuffix(msg, "looking for beginning of value"):
		return "a comma before ] is not allowed, or a value is missing"
	case ch == "'}'" && strings.HasSuffix(msg, "looking for beginning of object key string"):
		return "a comma before } is not allowed"
	case ch == `'\''` && strings.Contains(msg, "looking for beginning"):
		return "text and field names need double quotes (\"), not single quotes"
	case strings.HasSuffix(msg, "looking for beginning of object key string"):
		return "unexpected " + ch + " where a field name in double quotes should start"
	case strings.HasSuffix(msg, "looking for beginning of value"):
		return "unexpected " + ch + " where a value should start (text needs double quotes)"
	case strings.HasSuffix(msg, "after object key:value pair"):
		return "expected a comma or } after a field, found " + ch
	case strings.HasSuffix(msg, "after array element"):
		return "expected a comma or ] after a list item, found " + ch
	case strings.HasSuffix(msg, "after object key"):
		return "expected : after a field name, found " + ch
	case strings.HasPrefix(msg, "invalid character ") && strings.Contains(msg, " in literal "):
		return "unexpected " + ch + ": true, false and null are the only bare words (text needs double quotes)"
	}
	return msg
}

// unclosed returns the offset of the innermost bracket still open at the
// end of data.
func unclosed(data []byte) (int, bool) {
	var stack []int
	brackets(data, func(i int, open bool) {
		switch {
		case open:
			stack = append(stack, i)
		case len(stack) > 0:
			stack = stack[:len(stack)-1]
		}
	})
	if len(stack) == 0 {
		return 0, false
	}
	return stack[len(stack)-1], true
}

// brackets calls visit for every bracket of data outside strings, with
// open true for { and [ and false for } and ].
func brackets(data []byte, visit func(i int, open bool)) {
	inStr, esc := false, false
	for i, c := range data {
		switch {
		case inStr:
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == '{' || c == '[':
			visit(i, true)
		case c == '}' || c == ']':
			visit(i, false)
		}
	}
}

// position turns a byte offset into a 1-based line and column (in runes).
func position(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	col = len([]rune(string(before[start:]))) + 1
	return line, col
}

// depth returns the deepest nesting of arrays and objects in data, and the
// offset where the limit was first exceeded. It skips strings.
func depth(data []byte) (int, int) {
	d, deepest, at := 0, 0, 0
	brackets(data, func(i int, open bool) {
		if !open {
			d--
			return
		}
		d++
		if d > deepest {
			deepest = d
			if d == MaxDepth+1 {
				at = i
			}
		}
	})
	return deepest, at
}

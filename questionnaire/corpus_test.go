package questionnaire_test

import (
	"archive/zip"
	"bytes"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/xlsxtext"
	"github.com/ncskit/ncskit/questionnaire"
	"github.com/rogpeppe/go-internal/txtar"
	"github.com/xuri/excelize/v2"
)

// TestCorpus reads every case in testdata/broken (see its README): a
// questionnaire changed by a list of edits, or a file given byte for
// byte, and compares what Read says with the case's want section.
// go test -run TestCorpus -update rewrites the want sections; read every
// changed line before keeping it.
func TestCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "broken", "*.txtar"))
	must(t, err)
	if len(files) < 30 {
		t.Fatalf("found %d cases in testdata/broken, want at least 30", len(files))
	}
	base := map[string][]byte{}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			raw, err := os.ReadFile(file)
			must(t, err)
			ar := txtar.Parse(raw)
			if c := strings.TrimSpace(string(ar.Comment)); c == "" || strings.Contains(c, "\n") {
				t.Errorf("the comment must be one line saying what the case checks, got %q", c)
			}
			data := caseFile(t, ar, base)
			f, err := read("q.xlsx", data)
			got := describe(f, err)
			if *update {
				setSection(ar, "want", []byte(got))
				must(t, os.WriteFile(file, txtar.Format(ar), 0o666))
				return
			}
			want, ok := section(ar, "want")
			if !ok {
				t.Fatal("no want section (go test -update adds it)")
			}
			if got != string(want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// caseFile returns the bytes a case reads: its file or file.hex section,
// or a questionnaire with the respondent filled in and the edits applied.
func caseFile(t testing.TB, ar *txtar.Archive, base map[string][]byte) []byte {
	if b, ok := section(ar, "file"); ok {
		return b
	}
	if b, ok := section(ar, "file.hex"); ok {
		data, err := hex.DecodeString(strings.Join(strings.Fields(string(b)), ""))
		must(t, err)
		return data
	}
	edits, _ := section(ar, "edits")
	lines := strings.Split(strings.TrimSpace(string(edits)), "\n")
	lang := "en"
	if len(lines) > 0 && strings.HasPrefix(lines[0], "lang ") {
		lang, lines = strings.TrimPrefix(lines[0], "lang "), lines[1:]
	}
	if base[lang] == nil {
		f := open(t, write(t, &questionnaire.Options{Lang: lang}))
		resp := map[string]string{"en": "Respondent", "es": "Encuestado", "fr": "Répondant"}[lang]
		must(t, f.SetCellStr(resp, "B4", "Test Person"))
		must(t, f.SetCellStr(resp, "B5", "Ministry of Tests"))
		base[lang] = save(t, f)
	}
	f := open(t, base[lang])
	var after []func([]byte) []byte // edits of the saved file
	for _, line := range lines {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if fn, ok := fileEdit(t, line); ok {
			after = append(after, fn)
			continue
		}
		if err := edit(f, line); err != nil {
			t.Fatalf("edit %q: %v", line, err)
		}
	}
	data := save(t, f)
	for _, fn := range after {
		data = fn(data)
	}
	return data
}

// fileEdit returns the edit of the saved file that line asks for:
// truncate, replace, declare-size or crc.
func fileEdit(t testing.TB, line string) (func([]byte) []byte, bool) {
	verb, rest, _ := strings.Cut(line, " ")
	switch verb {
	case "truncate":
		n, err := strconv.Atoi(rest)
		must(t, err)
		return func(data []byte) []byte { return data[:n] }, true
	case "replace":
		part, rest, _ := strings.Cut(rest, " ")
		old, rest := unquotePrefix(t, strings.TrimSpace(rest))
		new, _ := unquotePrefix(t, strings.TrimSpace(rest))
		return func(data []byte) []byte {
			content := readPart(t, data, part)
			if !bytes.Contains(content, []byte(old)) {
				t.Fatalf("replace: %s does not hold %q", part, old)
			}
			return rezip(t, data, map[string][]byte{part: bytes.Replace(content, []byte(old), []byte(new), 1)})
		}, true
	case "declare-size":
		part, n, _ := strings.Cut(rest, " ")
		size, err := strconv.ParseUint(n, 10, 64)
		must(t, err)
		return func(data []byte) []byte { return declareSize(t, data, part, size) }, true
	case "crc":
		part, n, _ := strings.Cut(rest, " ")
		crc, err := strconv.ParseUint(n, 16, 32)
		must(t, err)
		return func(data []byte) []byte {
			return rawCopy(t, data, func(h *zip.FileHeader) {
				if h.Name == part {
					h.CRC32 = uint32(crc)
				}
			})
		}, true
	}
	return nil, false
}

// unquotePrefix reads a Go string literal at the start of s and returns
// its value and the rest of s.
func unquotePrefix(t testing.TB, s string) (string, string) {
	q, err := strconv.QuotedPrefix(s)
	must(t, err)
	v, err := strconv.Unquote(q)
	must(t, err)
	return v, s[len(q):]
}

// edit applies one edit line to a workbook.
func edit(f *excelize.File, line string) error {
	verb, rest, _ := strings.Cut(line, " ")
	args := strings.Fields(rest)
	ref := func() (string, string, string, error) {
		if len(args) == 0 {
			return "", "", "", fmt.Errorf("no cell")
		}
		sheet, cell, ok := strings.Cut(args[0], "!")
		if !ok {
			return "", "", "", fmt.Errorf("%q is not SHEET!CELL", args[0])
		}
		value := strings.TrimSpace(strings.TrimPrefix(rest, args[0]))
		if strings.HasPrefix(value, `"`) {
			v, err := strconv.Unquote(value)
			if err != nil {
				return "", "", "", err
			}
			value = v
		}
		return sheet, cell, value, nil
	}
	switch verb {
	case "long":
		sheet, cell, n, err := ref()
		if err != nil {
			return err
		}
		count, err := strconv.Atoi(n)
		if err != nil {
			return err
		}
		return f.SetCellStr(sheet, cell, strings.Repeat("x", count))
	case "text", "number", "formula", "clear":
		sheet, cell, value, err := ref()
		if err != nil {
			return err
		}
		switch verb {
		case "text":
			return f.SetCellStr(sheet, cell, excelText(value))
		case "number":
			n, err := strconv.ParseFloat(value, 64)
			if err != nil {
				return err
			}
			return f.SetCellFloat(sheet, cell, n, -1, 64)
		case "formula":
			return f.SetCellFormula(sheet, cell, value)
		}
		return f.SetCellValue(sheet, cell, nil)
	case "meta":
		key, value, _ := strings.Cut(rest, " ")
		if v, err := strconv.Unquote(value); err == nil {
			value = v
		}
		rows, err := f.GetRows("ncskit")
		if err != nil {
			return err
		}
		for i, r := range rows {
			if len(r) > 0 && r[0] == key {
				return f.SetCellStr("ncskit", fmt.Sprintf("B%d", i+1), value)
			}
		}
		return fmt.Errorf("no key %q", key)
	case "delete-sheet":
		return f.DeleteSheet(rest)
	case "rename-sheet":
		return f.SetSheetName(args[0], args[1])
	case "add-sheet":
		_, err := f.NewSheet(rest)
		return err
	case "move-sheet":
		return f.MoveSheet(args[0], args[1])
	case "insert-rows":
		row, _ := strconv.Atoi(args[1])
		n, _ := strconv.Atoi(args[2])
		return f.InsertRows(args[0], row, n)
	}
	return fmt.Errorf("unknown edit %q", verb)
}

// excelText returns text as Excel stores it: "_xHHHH_" for the control
// characters that XML cannot hold, and "_x005F_" before text that would
// read as such an escape.
func excelText(s string) string {
	var b strings.Builder
	for _, r := range xlsxtext.Escape(s) {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			fmt.Fprintf(&b, "_x%04X_", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// describe is what a case's want section holds: the error, one problem a
// line, or what was read.
func describe(f *questionnaire.Filled, err error) string {
	if err != nil {
		return err.Error() + "\n"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "ok: %q of %q, title %q, contact %q, date %q, id %q, lang %s, model %s %s\n",
		f.Name, f.Organisation, f.Title, f.Contact, f.Date, f.RespondentID, f.Lang, f.Model.ID, f.Model.Version)
	for _, a := range f.Answers {
		fmt.Fprintf(&b, "%s %s: level %s", a.Cell, a.Indicator, a.Level)
		if a.Target != 0 {
			fmt.Fprintf(&b, ", target %d", a.Target)
		}
		if a.Provision != "" {
			fmt.Fprintf(&b, ", provision %s", a.Provision)
		}
		if a.Confidence != "" {
			fmt.Fprintf(&b, ", confidence %s", a.Confidence)
		}
		if a.PersonDependent {
			fmt.Fprintf(&b, ", rests on one person")
		}
		if a.Evidence != "" {
			fmt.Fprintf(&b, ", evidence %q", a.Evidence)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func section(ar *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

func setSection(ar *txtar.Archive, name string, data []byte) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = data
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: data})
}

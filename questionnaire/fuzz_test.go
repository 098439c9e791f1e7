package questionnaire_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/problem"
	"github.com/ncskit/ncskit/questionnaire"
	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzRead feeds Read with damaged questionnaires, seeded from a blank, a
// filled and a pre-filled questionnaire, the lead agency's with its facts
// sheet, and from the broken corpus. Read
// must not panic, must not report a panic it recovered from, and what it
// accepts must make sense against the model.
//
// The seeds are workbooks of 50-150 kB, which the fuzzer is slow to
// minimise: run it with a short -fuzzminimizetime, for example
//
//	go test ./questionnaire -run XXX -fuzz FuzzRead -fuzztime 5m -fuzzminimizetime 3s
func FuzzRead(f *testing.F) {
	blank := write(f, nil)
	f.Add(blank)
	x := open(f, blank)
	filledRespondent(f, x, "Ana Pérez", "Ministry of Tests")
	fill(f, x, "GOV.STR.1", "3 - Defined", "4", "National", "high", "no", hostile[0])
	fill(f, x, "IRC.SA.1", "n/a")
	f.Add(save(f, x))
	f.Add(write(f, &questionnaire.Options{Lang: "fr", Prefill: example(f), Respondent: "r-irc-2"}))
	f.Add(write(f, &questionnaire.Options{Lang: "es", Prefill: example(f), Respondent: "r-gov-1"}))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("Indicator,Level\nGOV.STR.1,3\n"))
	m := assess.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := read("fuzz.xlsx", data)
		if err != nil {
			if strings.Contains(err.Error(), "could not be read (") {
				t.Fatalf("Read recovered from a panic: %v", err)
			}
			if got != nil {
				t.Fatal("Read returned both a result and an error")
			}
			return
		}
		if got.Name == "" || got.Organisation == "" {
			t.Errorf("accepted without a name or organisation: %q %q", got.Name, got.Organisation)
		}
		for _, a := range got.Answers {
			if m.Indicator(a.Indicator) == nil {
				t.Errorf("%s: unknown indicator %q accepted", a.Cell, a.Indicator)
			}
			if a.Level == 0 || int(a.Level) > m.Scale.Max() || a.Target < 0 || a.Target > m.Scale.Max() {
				t.Errorf("%s: level %d, target %d accepted", a.Cell, a.Level, a.Target)
			}
		}
	})
}

// FuzzImport reads two fuzzed questionnaires and imports them into the
// small island state. Each questionnaire is given unpacked, as a txtar
// archive of its parts (see unpack), so that the fuzzer changes the
// sheets and the text that respondents type rather than compressed bytes
// that fail their checksum. The seeds are the files of the good cases of
// testdata/broken, questionnaires pre-filled from the small island state
// and filled ones that conflict with it, in pairs.
//
// Import must not panic, every problem must name one of the files or be
// at a JSON pointer into the assessment (named small-island.json), the
// assessment must not change, and a result must read as an assessment
// file and agree with its report.
//
//	go test ./questionnaire -run XXX -fuzz FuzzImport -fuzztime 60s -fuzzminimizetime 20x
func FuzzImport(f *testing.F) {
	var seeds [][]byte
	files, err := filepath.Glob(filepath.Join("testdata", "broken", "ok-*.txtar"))
	must(f, err)
	base := map[string][]byte{}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		must(f, err)
		seeds = append(seeds, unpack(f, caseFile(f, ar, base)))
	}
	orig := example(f)
	var evidence []string
	for _, r := range orig.Responses {
		evidence = append(evidence, r.Evidence)
	}
	for _, id := range []string{"r-gov-1", "r-irc-2"} {
		seeds = append(seeds, unpack(f, write(f, &questionnaire.Options{Prefill: orig, Respondent: id}), evidence...))
	}
	x := open(f, write(f, nil))
	filledRespondent(f, x, "Desirée Fontaine-Charles", "MDT")
	fill(f, x, "GOV.STR.1", "4", "5", "Shared or regional", "low", "yes", "Иван Петров — 王伟")
	seeds = append(seeds, unpack(f, save(f, x)))
	for i := range seeds {
		f.Add(seeds[i], seeds[(i+1)%len(seeds)])
	}

	m := assess.Default()
	names := []string{"a.xlsx", "b.xlsx"}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		var filled []*questionnaire.Filled
		for i, parts := range [][]byte{a, b} {
			q, err := read(names[i], pack(t, parts))
			if err != nil {
				for _, p := range problem.From(err) {
					if p.File != names[i] || strings.Contains(p.Message, "could not be read (") {
						t.Fatalf("Read: %v", p)
					}
				}
				continue
			}
			filled = append(filled, q)
		}
		into := exampleCopy(t)
		before := marshal(t, into)
		im, err := questionnaire.Import(m, into, filled, &questionnaire.ImportOptions{Name: "small-island.json"})
		if marshal(t, into) != before {
			t.Fatal("Import changed the assessment")
		}
		if err != nil {
			var l problem.List
			if !errors.As(err, &l) || im != nil {
				t.Fatalf("Import: %T %v, result %v", err, err, im != nil)
			}
			for _, p := range l {
				if !slices.Contains(names, p.File) && !(p.File == "small-island.json" && strings.HasPrefix(p.At, "/")) {
					t.Errorf("a problem neither of a file nor at a pointer of the assessment: %q", p)
				}
			}
			return
		}
		if _, err := load.Assessment("result.json", []byte(marshal(t, im.Assessment)), m); err != nil {
			t.Fatalf("the result does not read: %v", err)
		}
		added := 0
		for _, f := range im.Files {
			added += f.Added
			if !slices.ContainsFunc(im.Assessment.Respondents, func(r assess.Respondent) bool { return r.ID == f.Respondent && r.Stakeholder == f.Stakeholder }) {
				t.Errorf("%s: respondent %q of %q is not in the result", f.Filled.File, f.Respondent, f.Stakeholder)
			}
		}
		if len(im.Files) != len(filled) || added != im.Responses || len(im.Assessment.Responses) != len(into.Responses)+added {
			t.Errorf("%d files reported of %d; %d answers added by the files, %d in all", len(im.Files), len(filled), added, im.Responses)
		}
	})
}

var (
	exampleJSONOnce sync.Once
	exampleJSON     []byte
)

// exampleCopy returns a fresh copy of the small island state's assessment,
// checked once.
func exampleCopy(t testing.TB) *assess.Assessment {
	exampleJSONOnce.Do(func() { exampleJSON = []byte(marshal(t, example(t))) })
	var a assess.Assessment
	must(t, json.Unmarshal(exampleJSON, &a))
	return &a
}

// unpack returns the parts of a workbook as a txtar archive, leaving out
// those Read does not need and cutting the questionnaire's own long text
// (instructions, questions, level descriptions) short, so that a fuzzer
// input stays small. Text in keep (the answers' evidence) stays whole.
func unpack(t testing.TB, data []byte, keep ...string) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	kept := map[string]bool{}
	for _, s := range keep {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(s))
		kept[b.String()] = true
	}
	var ar txtar.Archive
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "docProps/") || strings.HasPrefix(f.Name, "xl/theme/") {
			continue
		}
		content := readPart(t, data, f.Name)
		if f.Name == "xl/sharedStrings.xml" {
			content = richText.ReplaceAll(content, []byte("<si><t>…</t></si>"))
			content = longText.ReplaceAllFunc(content, func(s []byte) []byte {
				m := longText.FindSubmatch(s)
				if kept[string(m[2])] {
					return s
				}
				text := m[2][:40]
				if i := bytes.LastIndexByte(text, '&'); i >= 0 && !bytes.Contains(text[i:], []byte(";")) {
					text = text[:i]
				}
				for !utf8.Valid(text) {
					text = text[:len(text)-1]
				}
				return []byte("<t" + string(m[1]) + ">" + string(text) + "…</t>")
			})
		}
		ar.Files = append(ar.Files, txtar.File{Name: f.Name, Data: content})
	}
	return txtar.Format(&ar)
}

var (
	// richText matches a shared string in runs of formatted text: the
	// level descriptions.
	richText = regexp.MustCompile(`(?s)<si><r>.*?</si>`)
	// longText matches a plain shared string of more than 60 bytes.
	longText = regexp.MustCompile(`<t([^>]*)>([^<]{61,})</t>`)
)

// pack makes a workbook of the parts in a txtar archive.
func pack(t testing.TB, parts []byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range txtar.Parse(parts).Files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		if err != nil {
			continue // a name the zip format cannot hold
		}
		_, err = w.Write(f.Data)
		must(t, err)
	}
	must(t, zw.Close())
	return buf.Bytes()
}

package main

import (
	"bytes"
	"strings"
	"testing"
)

func section(id byte, body []byte) []byte {
	return append([]byte{id, byte(len(body))}, body...)
}

func str(s string) []byte { return append([]byte{byte(len(s))}, s...) }

// tinyModule has one imported function (number 0) and two bodies,
// functions 1 and 2, named as the Go linker names them.
func tinyModule() []byte {
	m := []byte("\x00asm\x01\x00\x00\x00")
	imp := append([]byte{1}, str("go")...)
	imp = append(imp, str("debug")...)
	imp = append(imp, 0, 0) // a function of type 0
	m = append(m, section(2, imp)...)
	m = append(m, section(10, []byte{2, 3, 0, 0x0b, 0x0b, 5, 0, 1, 1, 1, 0x0b})...)
	names := []byte{2, 1}
	names = append(names, str("github.com_go_pdf_fpdf.__Fpdf_.Cell")...)
	names = append(names, 2)
	names = append(names, str("runtime.mallocgc")...)
	name := append(str("name"), section(1, names)...)
	return append(m, section(0, name)...)
}

func TestParse(t *testing.T) {
	m, err := parse(tinyModule())
	if err != nil {
		t.Fatal(err)
	}
	if m.imported != 1 || len(m.bodies) != 2 || len(m.bodies[0]) != 3 || len(m.bodies[1]) != 5 {
		t.Fatalf("imported %d, bodies %v", m.imported, m.bodies)
	}
	var b bytes.Buffer
	report(&b, m, map[string]string{"github.com_go_pdf_fpdf": "github.com/go-pdf/fpdf", "runtime": "runtime"}, 10)
	out := b.String()
	for _, want := range []string{"github.com/go-pdf/fpdf ", "runtime "} {
		if !strings.Contains(out, want) {
			t.Errorf("the report has no line for %q:\n%s", want, out)
		}
	}
	if _, err := parse(tinyModule()[:20]); err == nil {
		t.Error("a truncated module parses")
	}
}

func TestPkg(t *testing.T) {
	pkgs := map[string]string{}
	for _, p := range []string{"github.com/go-pdf/fpdf", "github.com/xuri/excelize/v2", "fmt", "golang.org/x/text/unicode/norm", "encoding/json"} {
		pkgs[mangle(p)] = p
	}
	for sym, want := range map[string]string{
		"github.com_go_pdf_fpdf.__Fpdf_.Cell":              "github.com/go-pdf/fpdf",
		"github.com_xuri_excelize_v2.__File_.SetCellValue": "github.com/xuri/excelize/v2",
		"fmt.__pp_.doPrintf":                               "fmt",
		"golang.org_x_text_unicode_norm.Form.String":       "golang.org/x/text/unicode/norm",
		"encoding_json.Marshal":                            "encoding/json",
		"main.main":                                        "main",
		"type_.eq.internal_abi.ITab":                       "type: (equality and hash functions)",
	} {
		if got := pkg(sym, pkgs); got != want {
			t.Errorf("pkg(%q) = %q, want %q", sym, got, want)
		}
	}
}

package questionnaire_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"testing"
)

// rezip copies a zip archive, replacing or adding the parts in parts (a
// nil value drops the part).
func rezip(t testing.TB, data []byte, parts map[string][]byte) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	done := map[string]bool{}
	for _, f := range z.File {
		content, ok := parts[f.Name]
		if !ok {
			rc, err := f.Open()
			must(t, err)
			content, err = io.ReadAll(rc)
			must(t, err)
		}
		done[f.Name] = true
		if ok && content == nil {
			continue
		}
		fw, err := w.Create(f.Name)
		must(t, err)
		_, err = fw.Write(content)
		must(t, err)
	}
	for name, content := range parts {
		if !done[name] && content != nil {
			fw, err := w.Create(name)
			must(t, err)
			_, err = fw.Write(content)
			must(t, err)
		}
	}
	must(t, w.Close())
	return buf.Bytes()
}

// readPart returns the unpacked content of a part of a zip archive.
func readPart(t testing.TB, data []byte, name string) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	for _, f := range z.File {
		if f.Name == name {
			rc, err := f.Open()
			must(t, err)
			defer rc.Close()
			content, err := io.ReadAll(rc)
			must(t, err)
			return content
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}

// declareSize copies a zip archive, changing what its directory says the
// part unpacks to (its data and checksum stay as they are).
func declareSize(t testing.TB, data []byte, name string, size uint64) []byte {
	t.Helper()
	return rawCopy(t, data, func(h *zip.FileHeader) {
		if h.Name == name {
			h.UncompressedSize64 = size
		}
	})
}

// rawCopy copies a zip archive part by part without unpacking anything,
// after change has edited each part's header.
func rawCopy(t testing.TB, data []byte, change func(*zip.FileHeader)) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range z.File {
		h := f.FileHeader
		change(&h)
		w, err := zw.CreateRaw(&h)
		must(t, err)
		rc, err := f.OpenRaw()
		must(t, err)
		_, err = io.Copy(w, rc)
		must(t, err)
	}
	must(t, zw.Close())
	return out.Bytes()
}

// ircPart is the part that holds the IRC sheet: the fourth sheet written.
const ircPart = "xl/worksheets/sheet4.xml"

// sheetXML returns a worksheet of n rows, each with one text cell.
func sheetXML(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r := 1; r <= n; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="D%d" t="inlineStr"><is><t>3</t></is></c></row>`, r, r)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.Bytes()
}

// TestBrokenFiles reads files that cannot be described as edits: other
// zip archives, a zip bomb, a sheet with too many rows, a huge file.
func TestBrokenFiles(t *testing.T) {
	blank := write(t, nil)
	f := open(t, blank)
	filledRespondent(t, f, "Test Person", "Ministry of Tests")
	base := save(t, f)

	var ods bytes.Buffer
	zw := zip.NewWriter(&ods)
	for _, p := range []struct{ name, content string }{
		{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
		{"content.xml", "<office:document-content/>"},
	} {
		fw, err := zw.Create(p.name)
		must(t, err)
		_, err = io.WriteString(fw, p.content)
		must(t, err)
	}
	must(t, zw.Close())

	var parts bytes.Buffer
	zw = zip.NewWriter(&parts)
	for i := range 1001 {
		_, err := zw.Create(fmt.Sprintf("part%d", i))
		must(t, err)
	}
	must(t, zw.Close())

	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"ods", ods.Bytes(), "q.xlsx: the file is an OpenDocument spreadsheet (.ods): save it as an Excel workbook (.xlsx)"},
		{"zip without a workbook", rezip(t, base, map[string][]byte{"xl/workbook.xml": nil}), "q.xlsx: the file is a zip archive but not an Excel workbook (.xlsx)"},
		{"too many parts", parts.Bytes(), "q.xlsx: the file has 1001 parts, too many for a questionnaire"},
		{"too many rows", rezip(t, base, map[string][]byte{ircPart: sheetXML(5000)}),
			"q.xlsx: IRC: the sheet has more than 2000 rows, far more than a questionnaire: stopped reading"},
		{"rows far down", rezip(t, base, map[string][]byte{ircPart: []byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`)}),
			"q.xlsx: IRC: the sheet has more than 2000 rows, far more than a questionnaire: stopped reading"},
		{"huge file", append([]byte("PK\x03\x04"), make([]byte, 11<<20)...), "q.xlsx: the file is 11.0 MB, too large for a questionnaire (at most 10.0 MB)"},
		{"sheet cut short", rezip(t, base, map[string][]byte{ircPart: []byte("<worksheet")}),
			"q.xlsx: IRC!A3: the header row (\"ID\", \"Indicator and question\", …) is missing: the sheet's layout was changed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := read("q.xlsx", c.data)
			if err == nil || err.Error() != c.want {
				t.Errorf("got  %v\nwant %s", err, c.want)
			}
		})
	}
}

// TestZipBomb reads a workbook whose IRC sheet unpacks to 40 MB from a
// few hundred kilobytes, once with honest sizes in the zip directory (the
// file is refused before anything is unpacked) and once with sizes that
// lie (the part is read only as far as its declared size, and the file
// is damaged).
func TestZipBomb(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 80 MB of XML")
	}
	base := write(t, nil)
	const size = 40 << 20
	row := []byte(`<row><c t="inlineStr"><is><t>x</t></is></c></row>`)
	huge := func(w io.Writer) {
		io.WriteString(w, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		for n := 0; n < size; n += len(row) {
			w.Write(row)
		}
		io.WriteString(w, `</sheetData></worksheet>`)
	}

	t.Run("honest sizes", func(t *testing.T) {
		var buf bytes.Buffer
		huge(&buf)
		data := rezip(t, base, map[string][]byte{ircPart: buf.Bytes()})
		t.Logf("%d bytes unpack to %d", len(data), buf.Len())
		_, err := read("q.xlsx", data)
		want := "q.xlsx: the file unpacks to 40.3 MB, too large for a questionnaire (at most 32.0 MB)"
		if err == nil || err.Error() != want {
			t.Errorf("got  %v\nwant %s", err, want)
		}
	})

	t.Run("lying sizes", func(t *testing.T) {
		// The directory says the part holds 1 kB; its data unpacks to 40 MB.
		var comp bytes.Buffer
		fw, err := flate.NewWriter(&comp, flate.BestCompression)
		must(t, err)
		crc := crc32.NewIEEE()
		huge(io.MultiWriter(fw, crc))
		must(t, fw.Close())
		var out bytes.Buffer
		zw := zip.NewWriter(&out)
		z, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
		must(t, err)
		for _, f := range z.File {
			if f.Name == ircPart {
				w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: crc.Sum32(),
					CompressedSize64: uint64(comp.Len()), UncompressedSize64: 1024})
				must(t, err)
				_, err = w.Write(comp.Bytes())
				must(t, err)
				continue
			}
			w, err := zw.CreateRaw(&f.FileHeader)
			must(t, err)
			rc, err := f.OpenRaw()
			must(t, err)
			_, err = io.Copy(w, rc)
			must(t, err)
		}
		must(t, zw.Close())
		_, err = read("q.xlsx", out.Bytes())
		want := "q.xlsx: the file is damaged: the part xl/worksheets/sheet4.xml is larger than its declared size"
		if err == nil || err.Error() != want {
			t.Errorf("got  %v\nwant %s", err, want)
		}
	})
}

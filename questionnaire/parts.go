package questionnaire

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// checkParts unpacks every part of a workbook once, keeping nothing, and
// reports each part that is damaged (it unpacks to more or less than the
// zip directory says, or to data that does not match its checksum) or
// that holds an XML document type declaration. A spreadsheet program
// never writes one; it is how an altered file makes an XML reader expand
// entities, and the reader that excelize uses stops at the first entity it
// does not know, which would be reported as a sheet's missing header.
func checkParts(z *zip.Reader, p *problems) {
	var doctypes []string
	for _, f := range z.File {
		dtd, err := checkPart(f)
		switch {
		case err != nil:
			p.add("", "the file is damaged: the part "+f.Name+" "+damage(err))
		case dtd:
			doctypes = append(doctypes, f.Name)
		}
	}
	if len(doctypes) == 0 {
		return
	}
	sheets := sheetParts(z)
	for _, part := range doctypes {
		const what = "a document type declaration, which a spreadsheet program never writes; the file was altered"
		if sheet, ok := sheets[part]; ok {
			p.add(sheet, "the sheet contains "+what)
		} else {
			p.add("", "the part "+part+" contains "+what)
		}
	}
}

// damage says in words what is wrong with a part that could not be
// unpacked.
func damage(err error) string {
	switch {
	case errors.Is(err, zip.ErrFormat):
		// archive/zip reports a part that unpacks to more than its
		// declared size this way, and stops reading it there.
		return "is larger than its declared size"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "is cut short"
	case errors.Is(err, zip.ErrChecksum):
		return "does not match its checksum"
	case errors.Is(err, zip.ErrAlgorithm):
		return "is compressed in a way that spreadsheet programs do not use"
	}
	return "could not be unpacked (" + err.Error() + ")"
}

// checkPart reads a part to its end and reports whether it is an XML
// document with a document type declaration.
func checkPart(f *zip.File) (doctype bool, err error) {
	if f.FileInfo().IsDir() {
		return false, nil
	}
	rc, err := f.Open()
	if err != nil {
		return false, err
	}
	defer rc.Close()
	r := bufio.NewReader(rc)
	if name := strings.ToLower(f.Name); strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") || strings.HasSuffix(name, ".vml") {
		doctype = hasDoctype(r)
	}
	// A read error inside hasDoctype comes back here: the zip reader
	// returns it again.
	_, err = io.Copy(io.Discard, r)
	return doctype, err
}

// hasDoctype reads the prolog of an XML document, up to its first
// element, and reports whether it declares a document type. A document
// type can only be declared there.
func hasDoctype(r io.Reader) bool {
	d := xml.NewDecoder(r)
	d.Strict = false
	for {
		tok, err := d.RawToken()
		if err != nil {
			return false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return false
		case xml.Directive:
			if len(t) >= 7 && strings.EqualFold(string(t[:7]), "DOCTYPE") {
				return true
			}
		}
	}
}

// sheetParts maps the parts of a workbook's sheets to the sheets' names,
// as its xl/workbook.xml and the relationships of that part say. It is
// used only to name a sheet in a message, and gives what it can.
func sheetParts(z *zip.Reader) map[string]string {
	var wb struct {
		Sheets []struct {
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if unmarshalPart(z, "xl/workbook.xml", &wb) != nil || unmarshalPart(z, "xl/_rels/workbook.xml.rels", &rels) != nil {
		return nil
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = path.Clean(t[1:])
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		var name, id string
		for _, a := range s.Attrs {
			switch {
			case a.Name.Local == "name" && a.Name.Space == "":
				name = a.Value
			case a.Name.Local == "id" && a.Name.Space != "":
				id = a.Value
			}
		}
		if t, ok := targets[id]; ok && name != "" {
			out[t] = name
		}
	}
	return out
}

// unmarshalPart decodes an XML part of at most 1 MB (a workbook part or
// its relationships, never that large), refusing one with a document
// type declaration.
func unmarshalPart(z *zip.Reader, name string, v any) error {
	for _, f := range z.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, 1<<20))
		if err != nil {
			return err
		}
		if hasDoctype(bytes.NewReader(data)) {
			return fmt.Errorf("%s: a document type declaration", name)
		}
		return xml.Unmarshal(data, v)
	}
	return fmt.Errorf("no part %s", name)
}

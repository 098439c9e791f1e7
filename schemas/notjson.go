package schemas

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// signatures are the first bytes of the files most often picked by
// mistake instead of a JSON file, and what to call them.
var signatures = []struct {
	magic  []byte
	shown  string
	what   string
	advice string // when not "open the .json file instead"
}{
	{[]byte("%PDF"), "%PDF", "a PDF document", ""},
	{[]byte("PK\x03\x04"), "PK", "a ZIP archive, as an Excel (.xlsx) or Word (.docx) file is", ""},
	{[]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), "the bytes D0 CF 11 E0", "an old Office document (.xls or .doc)", ""},
	{[]byte("\x89PNG"), "the bytes 89 50 4E 47", "a PNG image", ""},
	{[]byte("\xFF\xD8\xFF"), "the bytes FF D8 FF", "a JPEG image", ""},
	{[]byte("\x1F\x8B"), "the bytes 1F 8B", "a gzip-compressed file", ""},
	{[]byte("{\\rtf"), `{\rtf`, "an RTF document", ""},
	{[]byte("\xFF\xFE"), "the bytes FF FE", "text in UTF-16", "save it as UTF-8"},
	{[]byte("\xFE\xFF"), "the bytes FE FF", "text in UTF-16", "save it as UTF-8"},
}

// sniffLen is how much of the start of a file notJSON looks at.
const sniffLen = 512

// notJSON says why data, which does not start with a byte-order mark, is
// not JSON at all, before any JSON check runs: a PDF or a spreadsheet
// renamed to .json would otherwise be reported by whatever JSON check it
// breaks first (nested too deep, an invalid character). It returns "" for
// text, and for anything that starts as JSON may: the JSON parser then
// says where it goes wrong.
func notJSON(data []byte) string {
	for _, s := range signatures {
		if bytes.HasPrefix(data, s.magic) {
			advice := s.advice
			if advice == "" {
				advice = "open the .json file instead"
			}
			return fmt.Sprintf("the file is not JSON but %s (it starts with %s); %s", s.what, s.shown, advice)
		}
	}
	start := bytes.TrimLeft(data, " \t\r\n")
	if len(start) == 0 || bytes.IndexByte([]byte(`{["-0123456789tfn`), start[0]) >= 0 {
		return "" // it may be JSON: the parser says where it is not
	}
	head := data[:min(len(data), sniffLen)]
	for i := 0; i < len(head); {
		r, n := utf8.DecodeRune(head[i:])
		switch {
		case r == utf8.RuneError && n == 1 && len(head)-i >= utf8.UTFMax:
			return fmt.Sprintf("the file is not JSON but binary data (byte %d is 0x%02X, which is not text); open the .json file instead", i+1, head[i])
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r':
			return fmt.Sprintf("the file is not JSON but binary data (byte %d is 0x%02X, a control character); open the .json file instead", i+1, head[i])
		}
		i += n
	}
	return ""
}

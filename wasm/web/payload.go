package web

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// The page is written in windows-1252 (<meta charset="windows-1252">), in
// which every byte is one character, so the compressed engine is inlined
// in it nearly byte for byte: 0.8 % larger instead of the 33 % of base64.
// Three bytes are written as "=" and a character, because HTML would not
// give them back unchanged inside a <script> element: NUL (=0, replaced
// by U+FFFD), CR (=r, turned into LF) and "<" before "/" or "!" (=l,
// which may end the element or start an escaped section). The escape
// character "=" is written "==" only where the character after it in the
// text is one that would make it an escape ("0", "r", "l" or "="):
// elsewhere it stands for itself, so it costs nearly nothing.
// The browser turns bytes 0x80-0x9F into the characters windows-1252 gives
// them (0x80 is "€", U+20AC); the decoder (decodePayload in worker.js, and
// decodePayload here for the tests) maps them back.
//
// Everything else in the page is ASCII: Bundle writes the other
// characters of the styles, scripts and markup as escapes (asciiCSS,
// asciiJS, asciiHTML), which mean the same in any encoding.

// payloadEscapes are the bytes written as "=" and a character.
var payloadEscapes = map[byte]byte{0x00: '0', '\r': 'r', '<': 'l', '=': '='}

// encodePayload encodes data as windows-1252 text for a <script> element.
func encodePayload(data []byte) string {
	escaped := func(i int) bool {
		switch data[i] {
		case 0x00, '\r':
			return true
		case '<':
			return i+1 < len(data) && (data[i+1] == '/' || data[i+1] == '!')
		case '=':
			// Doubled when the character written after it would make it
			// an escape.
			if i+1 == len(data) {
				return false
			}
			next := data[i+1]
			return next == '0' || next == 'r' || next == 'l' || next == '=' || next == 0x00 || next == '\r' ||
				next == '<' && i+2 < len(data) && (data[i+2] == '/' || data[i+2] == '!')
		}
		return false
	}
	var s strings.Builder
	s.Grow(len(data) + len(data)/128)
	for i, b := range data {
		if escaped(i) {
			s.WriteByte('=')
			s.WriteByte(payloadEscapes[b])
			continue
		}
		s.WriteByte(b)
	}
	return s.String()
}

// cp1252 are the characters that windows-1252 gives bytes 0x80-0x9F,
// as browsers decode it (the WHATWG Encoding Standard): the five bytes it
// leaves undefined stand for the control character of the same number.
var cp1252 = [32]rune{
	0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
	0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
}

// decodePayload decodes n bytes from the text of the payload as a browser
// hands it to the page: characters, not the bytes of the file.
func decodePayload(text string, n int) ([]byte, error) {
	back := map[rune]byte{}
	for i, r := range cp1252 {
		back[r] = byte(0x80 + i)
	}
	unescape := map[rune]byte{}
	for b, e := range payloadEscapes {
		unescape[rune(e)] = b
	}
	out := make([]byte, 0, n)
	runes := []rune(text)
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		if r == '=' && i+1 < len(runes) {
			if b, ok := unescape[runes[i+1]]; ok {
				out = append(out, b)
				i++
				continue
			}
		}
		var b byte
		switch v, ok := back[r]; {
		case ok:
			b = v
		case r < 0x100 && (r < 0x80 || r >= 0xA0):
			b = byte(r)
		default:
			return nil, errors.New("web: the engine's text has a character outside windows-1252")
		}
		out = append(out, b)
	}
	if len(out) != n {
		return nil, errors.New("web: the engine's text is not as long as its recorded size")
	}
	return out, nil
}

// asciiJS writes the characters beyond ASCII of a script as \u escapes,
// which mean the same in strings, template literals, regular expressions,
// identifiers and comments.
func asciiJS(s string) (string, error) {
	return asciiEscaped(s, func(b *strings.Builder, r rune) {
		var u [2]uint16
		n := 1
		u[0] = uint16(r)
		if r > 0xFFFF {
			r -= 0x10000
			u[0], u[1], n = uint16(0xD800+r>>10), uint16(0xDC00+r&0x3FF), 2
		}
		for _, v := range u[:n] {
			b.WriteString(`\u`)
			writeHex(b, uint32(v), 4)
		}
	})
}

// asciiCSS writes the characters beyond ASCII of a style sheet as CSS
// escapes of six hexadecimal digits, which need no space after them.
func asciiCSS(s string) (string, error) {
	return asciiEscaped(s, func(b *strings.Builder, r rune) {
		b.WriteByte('\\')
		writeHex(b, uint32(r), 6)
	})
}

// asciiHTML writes the characters beyond ASCII of markup as character
// references.
func asciiHTML(s string) string {
	return ascii(s, func(b *strings.Builder, r rune) {
		b.WriteString("&#x")
		writeHex(b, uint32(r), 1)
		b.WriteByte(';')
	})
}

// asciiEscaped is ascii for scripts and style sheets, where a backslash
// before a character would change the meaning of its escape.
func asciiEscaped(s string, esc func(*strings.Builder, rune)) (string, error) {
	for i := strings.IndexByte(s, '\\'); i >= 0; {
		if i+1 < len(s) && s[i+1] >= utf8.RuneSelf {
			return "", errors.New("a backslash before a character beyond ASCII, which the page cannot escape")
		}
		j := strings.IndexByte(s[i+1:], '\\')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return ascii(s, esc), nil
}

func ascii(s string, esc func(*strings.Builder, rune)) string {
	var b strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		esc(&b, r)
	}
	return b.String()
}

func writeHex(b *strings.Builder, v uint32, digits int) {
	const hex = "0123456789ABCDEF"
	var buf [8]byte
	i := len(buf)
	for v > 0 || len(buf)-i < digits {
		i--
		buf[i] = hex[v&0xF]
		v >>= 4
	}
	b.Write(buf[i:])
}

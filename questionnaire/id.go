package questionnaire

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Merge tells people and organisations apart by the key of their names,
// and makes the IDs of new ones from the key:
//
//	name              key                ID
//	"Ana Pérez"       "ana-perez"        "ana-perez"
//	" ana  PEREZ"     "ana-perez"        "ana-perez"
//	"Łukasz Nowak"    "lukasz-nowak"     "lukasz-nowak"
//	"Иван Петров"     "иван-петров"      "r-1a2b3c4d"
//	"Ольга Smith"     "ольга-smith"      "smith-5e6f7a8b"
//
// A key keeps the letters and digits of every script, in lower case,
// with the accents of Latin and Greek letters taken off (people type
// them or not) and every other character a word break. An ID is the key
// when the key is all ASCII. Else it is the ASCII words of the key, or
// "r-" for a respondent and "s-" for a stakeholder when there are none,
// followed by the first 8 hexadecimal digits of the key's SHA-256: the
// same ID for the same name whatever the order of the files, and
// different IDs for different names. Two names that still come to the
// same ID get the suffixes "-2", "-3", ….

// key returns the key of a name.
func key(s string) string {
	var b strings.Builder
	brk := false
	var base rune // the last letter, whose marks follow it
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			if base != 0 && !unicode.In(base, unicode.Latin, unicode.Greek) {
				b.WriteRune(r)
			}
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if brk && b.Len() > 0 {
				b.WriteByte('-')
			}
			brk = false
			base = r
			r = unicode.ToLower(r)
			if t, ok := latinLetters[r]; ok {
				b.WriteString(t)
			} else if r == 'ς' {
				b.WriteRune('σ') // a final sigma is a sigma
			} else {
				b.WriteRune(r)
			}
		default:
			brk, base = true, 0
		}
	}
	return norm.NFC.String(b.String())
}

// latinLetters are the Latin letters that no decomposition takes to
// ASCII, written as people write them without a special keyboard.
var latinLetters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d",
	'þ': "th", 'ħ': "h", 'ı': "i", 'ŀ': "l", 'ĸ': "k", 'ŧ': "t",
}

// slug returns the ASCII words of a key: "ольга-smith" → "smith".
func slug(k string) string {
	var b strings.Builder
	brk := false
	for _, r := range k {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if brk && b.Len() > 0 {
				b.WriteByte('-')
			}
			brk = false
			b.WriteRune(r)
		} else {
			brk = true
		}
	}
	return b.String()
}

// newID makes the ID of a new respondent or stakeholder from its name: the
// key when it is ASCII, else its ASCII words and a hash of the key, or
// prefix and the hash when it has none ("r-2b2f8c36"), or fallback for a
// name without letters or digits. The ID is at most 56 characters, so
// that unique can add a suffix.
func newID(name, prefix, fallback string) string {
	k := key(name)
	s := slug(k)
	switch {
	case k == "":
		return fallback
	case s == k:
		return cut(s, 56)
	}
	sum := sha256.Sum256([]byte(k))
	h := hex.EncodeToString(sum[:4])
	if s == "" {
		return prefix + "-" + h
	}
	return cut(s, 56-len(h)-1) + "-" + h
}

// cut shortens an ID to at most n bytes, at a word break when there is
// one.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndexByte(s[:n+1], '-'); i > 0 {
		return s[:i]
	}
	return s[:n]
}

// unique returns id, or id with the first free suffix "-2", "-3", ….
func unique(id string, taken map[string]bool) string {
	if !taken[id] {
		return id
	}
	for n := 2; ; n++ {
		if s := fmt.Sprintf("%s-%d", id, n); !taken[s] {
			return s
		}
	}
}

package region

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// EncodeVCard writes the points-of-contact directory as vCard 4.0 (RFC
// 6350), UTF-8, one card per person and state, for loading into a phone
// or an address book: FN is the person, ORG the organisation, ROLE the
// functions the person holds (a deputy's as "Deputy …"), CATEGORIES the
// state and the functions. Assessments record no telephone numbers or
// addresses, so the cards hold none.
//
// In an anonymised report a card stands for a function, not a person: FN
// is the state's code and the function, and there is no ORG.
//
// Text values are escaped (backslash, comma, semicolon, newline), lines
// end in CRLF and are folded at 75 octets without splitting a character.
// UID is derived from the state and the person, so the same report gives
// the same cards.
func EncodeVCard(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for _, c := range r.cards() {
		c.write(bw, r)
	}
	return bw.Flush()
}

// card is one vCard.
type card struct {
	state       *State
	person, org string
	roles       []string // function keys, "deputy:" for a deputy
	date        string
}

// cards collects the cards in directory order: one per person and state,
// or, anonymised, one per function.
func (r *Report) cards() []*card {
	var out []*card
	for _, d := range r.Contacts {
		s := r.state(d.State)
		byPerson := map[string]*card{}
		add := func(person, org, role string) {
			key := person + "\x00" + org
			if r.Anonymised {
				key = role
			}
			c := byPerson[key]
			if c == nil {
				c = &card{state: s, person: person, org: org, date: d.Date}
				byPerson[key] = c
				out = append(out, c)
			}
			if !contains(c.roles, role) {
				c.roles = append(c.roles, role)
			}
		}
		for _, ct := range d.Contacts {
			add(ct.Person, ct.Organisation, ct.Function)
			if ct.Deputy != nil {
				add(ct.Deputy.Person, ct.Deputy.Organisation, "deputy:"+ct.Function)
			}
		}
	}
	return out
}

func (c *card) roleText(r *Report) []string {
	var out []string
	for _, role := range c.roles {
		if fn, ok := strings.CutPrefix(role, "deputy:"); ok {
			out = append(out, r.l("c.deputy")+" – "+r.l("function."+fn))
		} else {
			out = append(out, r.l("function."+role))
		}
	}
	return out
}

func (c *card) write(w *bufio.Writer, r *Report) {
	roles := c.roleText(r)
	name := c.person
	if r.Anonymised {
		name = c.state.Code + " " + strings.Join(roles, ", ")
	}
	h := sha256.Sum256([]byte("ncskit-vcard\x00" + c.state.Code + "\x00" + c.state.key + "\x00" + name + "\x00" + c.org))
	if r.Anonymised {
		h = sha256.Sum256([]byte("ncskit-vcard\x00" + name))
	}
	h[6] = h[6]&0x0f | 0x50 // a name-based UUID (version 5 layout)
	h[8] = h[8]&0x3f | 0x80
	uid := fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
	line(w, "BEGIN:VCARD")
	line(w, "VERSION:4.0")
	line(w, "KIND:individual")
	line(w, "FN:"+escapeV(name))
	if !r.Anonymised {
		if c.org != "" {
			line(w, "ORG:"+escapeV(c.org))
		}
	}
	line(w, "ROLE:"+escapeV(strings.Join(roles, "; ")))
	cats := []string{"ncskit", r.label(c.state)}
	for _, role := range roles {
		cats = append(cats, role)
	}
	var esc []string
	for _, s := range cats {
		esc = append(esc, escapeV(s))
	}
	line(w, "CATEGORIES:"+strings.Join(esc, ","))
	line(w, "NOTE:"+escapeV(fmt.Sprintf("%s: %s. %s %s.", r.label(c.state), strings.Join(roles, "; "), r.l("c.date"), c.date)))
	if len(c.date) == len("2006-01-02") {
		line(w, "REV:"+strings.ReplaceAll(c.date, "-", "")+"T000000Z")
	}
	line(w, "UID:"+uid)
	line(w, "END:VCARD")
}

// escapeV escapes a text value of RFC 6350 (section 3.4): backslash,
// comma and semicolon with a backslash, a line break as \n.
func escapeV(s string) string {
	s = strings.NewReplacer(`\`, `\\`, ",", `\,`, ";", `\;`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
	return s
}

// line writes a content line, folded (RFC 6350 section 3.2): no line
// longer than 75 octets before its CRLF, the continuation lines opening
// with one space, never in the middle of a UTF-8 character.
func line(w *bufio.Writer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}

package questionnaire

import "testing"

func TestKeyAndID(t *testing.T) {
	for _, c := range []struct{ name, key, id string }{
		{"Desirée Fontaine-Charles", "desiree-fontaine-charles", "desiree-fontaine-charles"},
		{"  Ana   PÉREZ ", "ana-perez", "ana-perez"},
		{"Ministry of Foreign Affairs, Trade & Diaspora", "ministry-of-foreign-affairs-trade-diaspora", "ministry-of-foreign-affairs-trade-diaspora"},
		{"O'Neil", "o-neil", "o-neil"},
		{"Łukasz Strauß-Øberg", "lukasz-strauss-oberg", "lukasz-strauss-oberg"},
		{"Ｆｕｌｌ　Ｗｉｄｔｈ", "full-width", "full-width"},
		{"Иван Петров", "иван-петров", "r-"},
		{"ИВАН  петров", "иван-петров", "r-"},
		{"Андрей Чайковский", "андрей-чайковский", "r-"}, // й is not и
		{"王伟", "王伟", "r-"},
		{"محمد علي", "محمد-علي", "r-"},
		{"Νίκος Παπαδόπουλος", "νικοσ-παπαδοπουλοσ", "r-"},
		{"ΝΙΚΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ", "νικοσ-παπαδοπουλοσ", "r-"},
		{"Ольга Smith", "ольга-smith", "smith-"},
		{"—", "", "respondent"},
	} {
		k := key(c.name)
		id := newID(c.name, "r", "respondent")
		if k != c.key {
			t.Errorf("key(%q) = %q, want %q", c.name, k, c.key)
		}
		if len(c.id) > 0 && c.id[len(c.id)-1] == '-' {
			if len(id) != len(c.id)+8 || id[:len(c.id)] != c.id {
				t.Errorf("newID(%q) = %q, want %q and 8 hex digits", c.name, id, c.id)
			}
		} else if id != c.id {
			t.Errorf("newID(%q) = %q, want %q", c.name, id, c.id)
		}
	}
	if a, b := newID("Иван Петров", "r", ""), newID("Сергей Иванов", "r", ""); a == b {
		t.Errorf("two names, one ID %q", a)
	}
	if got := newID("CoralCIRT, National Cyber Incident Response Unit (hosted by the Ministry)", "s", ""); got != "coralcirt-national-cyber-incident-response-unit-hosted" {
		t.Errorf("long name: %q", got)
	}
	if got := newID("Ольга Smith-Fontaine-Charles-Montgomery-Worthington-Abernathy", "r", ""); len(got) > 56 {
		t.Errorf("long mixed name: %q is %d bytes", got, len(got))
	}
}

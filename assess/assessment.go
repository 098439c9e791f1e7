package assess

import (
	"encoding/json"
	"fmt"
	"math"
)

// SchemaVersion is the version of the assessment file format that this
// package reads and writes.
const SchemaVersion = 1

// Assessment is one national assessment session: who the country is, who
// took part, what each respondent answered, what the facilitator decided
// and, optionally, what instruments, posts and memberships already exist.
type Assessment struct {
	Schema          string           `json:"$schema,omitempty"`
	SchemaVersion   int              `json:"schemaVersion"`
	Model           ModelRef         `json:"model"`
	Profile         Profile          `json:"profile"`
	Session         Session          `json:"session"`
	Stakeholders    []Stakeholder    `json:"stakeholders"`
	PointsOfContact []PointOfContact `json:"pointsOfContact,omitempty"`
	Respondents     []Respondent     `json:"respondents"`
	Responses       []Response       `json:"responses"`
	Decisions       Decisions        `json:"decisions"`
	// Facts are what the country already has; nil when none are
	// recorded.
	Facts *Facts `json:"facts,omitempty"`
}

// ModelRef names the model, and its version, that an assessment was made with.
type ModelRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
}

// Profile describes the country.
type Profile struct {
	Country          string `json:"country"`
	ISO3166          string `json:"iso3166"`
	Region           string `json:"region"`
	SmallIslandState bool   `json:"smallIslandState"`
	// LegalTradition is "common-law" or "civil-law"; "" means common law
	// in the Caribbean and civil law elsewhere. It decides how a draft is
	// adopted and published, and the words for the institutions.
	LegalTradition string `json:"legalTradition,omitempty"`
	// Gazette is the name of the official journal in which the country
	// publishes its laws and decrees ("Diario Oficial", "La Gaceta");
	// "" means the usual name for the legal tradition.
	Gazette       string         `json:"gazette,omitempty"`
	Population    int64          `json:"population"`
	Languages     []string       `json:"languages"`
	LeadMinistry  string         `json:"leadMinistry"`
	Framing       string         `json:"framing"`
	Sectors       []string       `json:"sectors,omitempty"`
	TargetProfile string         `json:"targetProfile,omitempty"`
	Targets       map[string]int `json:"targets,omitempty"`
}

// Framings are the ways a country frames cyber security, which shape who
// leads and how a strategy argues.
var Framings = []string{"economy-infrastructure", "inclusion-education", "rights-democracy"}

// Session records when and where the assessment took place, and how.
type Session struct {
	Date           string `json:"date"`
	Place          string `json:"place,omitempty"`
	Facilitator    string `json:"facilitator,omitempty"`
	Classification string `json:"classification,omitempty"`
	Language       string `json:"language,omitempty"`
	// Method is how the levels were gathered: one of Methods; "" means a
	// workshop, as in files written before the field existed.
	Method string `json:"method,omitempty"`
}

// Methods are the values of Session.Method: a workshop of stakeholders
// scoring together, a desk review compiled from published sources, or
// interviews held one by one.
var Methods = []string{MethodWorkshop, MethodDeskReview, MethodInterviews}

// The methods of an assessment.
const (
	MethodWorkshop   = "workshop"
	MethodDeskReview = "desk-review"
	MethodInterviews = "interviews"
)

// MethodOf returns the session's method, "workshop" when none is given.
func (s Session) MethodOf() string {
	if s.Method == "" {
		return MethodWorkshop
	}
	return s.Method
}

// Stakeholder is an agency or organisation that takes part, with the role
// archetypes it fills.
type Stakeholder struct {
	ID    string   `json:"id"`
	Name  string   `json:"name"`
	Roles []string `json:"roles"`
}

// PointOfContact is a designated contact (a National Point of Contact, a
// CSIRT contact, a pillar lead) and their deputy. A missing deputy is a
// role gap.
type PointOfContact struct {
	Function    string  `json:"function"`
	Pillar      string  `json:"pillar,omitempty"`
	Person      string  `json:"person"`
	Stakeholder string  `json:"stakeholder"`
	Deputy      *Person `json:"deputy,omitempty"`
}

// Person is a named person in a stakeholder organisation.
type Person struct {
	Person      string `json:"person"`
	Stakeholder string `json:"stakeholder"`
}

// ContactFunctions are the kinds of point of contact an assessment records.
var ContactFunctions = []string{"cicte-npc", "cbm-policy", "cbm-foreign", "caricom-cyber", "csirt", "cybercrime-24-7", "pillar-lead"}

// Respondent is a person who answers indicators for a stakeholder. In a
// desk review a respondent may be the reviewer or the reviewing team, who
// speaks for no stakeholder: Stakeholder is then empty, and each response
// names its published source instead.
type Respondent struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Stakeholder string `json:"stakeholder,omitempty"`
	Title       string `json:"title,omitempty"`
}

// Response is one respondent's answer to one indicator.
type Response struct {
	Indicator       string `json:"indicator"`
	Respondent      string `json:"respondent"`
	Level           Rating `json:"level"`
	Target          int    `json:"target,omitempty"`
	Evidence        string `json:"evidence,omitempty"`
	Confidence      string `json:"confidence,omitempty"`
	Provision       string `json:"provision,omitempty"`
	PersonDependent bool   `json:"personDependent,omitempty"`
	// Source is the document, URL or citation the answer rests on, and
	// Date when that source was published or consulted (YYYY-MM-DD,
	// YYYY-MM or YYYY). A desk review gives a source for every level.
	Source string `json:"source,omitempty"`
	Date   string `json:"date,omitempty"`
}

// Confidences are the values of Response.Confidence, lowest first.
var Confidences = []string{"low", "medium", "high"}

// Decisions are what the facilitator recorded in the room.
type Decisions struct {
	Agreed            []Agreed           `json:"agreed,omitempty"`
	PriorityOverrides []PriorityOverride `json:"priorityOverrides,omitempty"`
}

// Agreed is a level the room agreed for an indicator. It wins over the
// median of the responses; the dissent stays on record.
type Agreed struct {
	Indicator string    `json:"indicator"`
	Level     Rating    `json:"level"`
	Target    int       `json:"target,omitempty"`
	Rationale string    `json:"rationale"`
	Dissent   []Dissent `json:"dissent,omitempty"`
	// Deadline, when set, is the date (YYYY-MM-DD) by which the room
	// wants the indicator's target reached: the actions that close it
	// end before it, or the plan says that they cannot.
	Deadline string `json:"deadline,omitempty"`
}

// Dissent is a respondent's recorded disagreement with an agreed level.
type Dissent struct {
	Respondent string `json:"respondent"`
	Note       string `json:"note"`
}

// PriorityOverride pins an indicator to a rank in the priority list.
type PriorityOverride struct {
	Indicator string `json:"indicator"`
	Rank      int    `json:"rank"`
	Reason    string `json:"reason"`
	// Deadline, when set, is the date (YYYY-MM-DD) before which the
	// actions that close the indicator must be done. The plan pulls them
	// and their prerequisites forward to meet it, and warns when they
	// cannot.
	Deadline string `json:"deadline,omitempty"`
}

// Rating is an answer on the scale: a level from 1 up, NotApplicable or
// Unknown. The zero Rating means "no answer". In JSON a level is a number
// and the two other answers are the strings "n/a" and "unknown".
type Rating int

// The answers that are not levels.
const (
	NotApplicable Rating = -1
	Unknown       Rating = -2
)

// IsLevel reports whether r is a level rather than n/a, unknown or no answer.
func (r Rating) IsLevel() bool { return r > 0 }

// String returns "n/a", "unknown", "" for no answer, or the level number.
func (r Rating) String() string {
	switch r {
	case NotApplicable:
		return "n/a"
	case Unknown:
		return "unknown"
	case 0:
		return ""
	}
	return fmt.Sprint(int(r))
}

// MarshalJSON writes a level as a number and the other answers as strings.
func (r Rating) MarshalJSON() ([]byte, error) {
	if r.IsLevel() {
		return json.Marshal(int(r))
	}
	if r == 0 {
		return []byte("null"), nil
	}
	return json.Marshal(r.String())
}

// UnmarshalJSON reads a number or one of "n/a" and "unknown".
func (r *Rating) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		switch s {
		case "n/a":
			*r = NotApplicable
		case "unknown":
			*r = Unknown
		default:
			return fmt.Errorf("%q is not a level, \"n/a\" or \"unknown\"", s)
		}
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil || f != math.Trunc(f) || math.Abs(f) > 1e6 {
		return fmt.Errorf("%s is not a level, \"n/a\" or \"unknown\"", b)
	}
	n := int(f)
	if n < 1 {
		return fmt.Errorf("%d is below the lowest level (1)", n)
	}
	*r = Rating(n)
	return nil
}

package assess

// Facts record what the country already has, as a ministry official would
// list it: the instruments that carry its capabilities (strategies, laws,
// decisions, agreements, bodies, teams, budget lines, donor programmes),
// the posts of the institutions that would do the work, its treaty and
// network status and its incident counts. A maturity level says how far a
// capability has come; the facts say which instrument carries it, so
// that a plan can renew, revive or implement what exists instead of
// creating it again. Every record is optional.
type Facts struct {
	Instruments     []Instrument     `json:"instruments,omitempty"`
	Staff           []Staffing       `json:"staff,omitempty"`
	Treaties        *Treaties        `json:"treaties,omitempty"`
	Networks        []Network        `json:"networks,omitempty"`
	Incidents       []IncidentCount  `json:"incidents,omitempty"`
	StrategyInForce *StrategyInForce `json:"strategyInForce,omitempty"`
}

// Instrument is one strategy, law, bill, decree, regulation, decision,
// agreement, body, CSIRT, budget line or donor programme, with its status
// and dates.
//
// Dates are written as precisely as they are known: YYYY-MM-DD, YYYY-MM
// or YYYY. Two dates are compared at the precision of the less precise
// one, so "2021" is neither before nor after "2021-07-15".
type Instrument struct {
	// ID names the instrument within the assessment, for strategyInForce
	// and, later, for the actions of a plan.
	ID string `json:"id"`
	// Kind is one of InstrumentKinds.
	Kind string `json:"kind"`
	// Name is what the instrument is called: "National Cyber Security
	// Committee", "Data Protection Act 2021".
	Name string `json:"name"`
	// Reference is how the instrument is cited: "Cabinet Decision
	// 47/2021", "Ley 2187 de 2022".
	Reference string `json:"reference,omitempty"`
	// Status is one of InstrumentStatuses, and one that fits the kind
	// (see KindStatuses).
	Status string `json:"status"`
	// Adopted is when it was adopted, enacted, signed or set up.
	Adopted string `json:"adopted,omitempty"`
	// InForce is when it came, or comes, into force.
	InForce string `json:"inForce,omitempty"`
	// Expires is when it lapses or ends: the end of an agreement's term,
	// a strategy's period or a donor programme.
	Expires string `json:"expires,omitempty"`
	// Review is when it is due for review.
	Review string `json:"review,omitempty"`
	// Owner is the ID of the stakeholder that holds the instrument.
	Owner string `json:"owner,omitempty"`
	// Indicators are the IDs of the model's indicators it bears on.
	Indicators []string `json:"indicators,omitempty"`
	// Amount is the yearly amount of a budget line, or the total of a
	// donor programme, in whole units of Currency.
	Amount int64 `json:"amount,omitempty"`
	// Currency is the ISO 4217 code of Amount, such as USD or XCD.
	Currency string `json:"currency,omitempty"`
	// Recurrent says that a budget line is voted every year, not once.
	Recurrent bool `json:"recurrent,omitempty"`
	// Source says where the fact comes from: a document, a URL, or
	// "workshop" or "desk review".
	Source string `json:"source,omitempty"`
	// Note is anything else worth knowing.
	Note string `json:"note,omitempty"`
}

// InstrumentKinds are the kinds of instrument: "decision" is a Cabinet or
// ministerial decision, "agreement" an MoU or shared-service agreement,
// "body" a committee or council.
var InstrumentKinds = []string{"strategy", "law", "bill", "decree", "regulation", "decision", "agreement", "body", "csirt", "budget-line", "donor-programme"}

// InstrumentStatuses are the statuses of an instrument. "enacted" is a
// law passed but not brought into force; "dormant" a body or team that no
// longer meets or works; "lapsed" an instrument that ended without being
// renewed or a bill that died with its parliament; "expired" one that
// reached the end of its term.
var InstrumentStatuses = []string{"draft", "before-parliament", "adopted", "enacted", "in-force", "lapsed", "repealed", "expired", "dormant", "active"}

// KindStatuses are the statuses that fit each kind of instrument. A bill
// cannot be in force (once passed it is a law); a body or a CSIRT is
// active or dormant.
var KindStatuses = map[string][]string{
	"strategy":        {"draft", "adopted", "in-force", "lapsed", "repealed"},
	"law":             {"enacted", "in-force", "repealed"},
	"bill":            {"draft", "before-parliament", "lapsed"},
	"decree":          {"draft", "adopted", "in-force", "repealed", "expired"},
	"regulation":      {"draft", "adopted", "in-force", "repealed", "expired"},
	"decision":        {"draft", "adopted", "in-force", "repealed"},
	"agreement":       {"draft", "adopted", "in-force", "expired", "repealed"},
	"body":            {"active", "dormant"},
	"csirt":           {"active", "dormant"},
	"budget-line":     {"draft", "active", "lapsed"},
	"donor-programme": {"draft", "active", "expired"},
}

// Staffing is the posts of one institution, or of one unit of it, in one
// year: what it can take on at once.
type Staffing struct {
	// Stakeholder is the ID of the institution.
	Stakeholder string `json:"stakeholder"`
	// Unit names the part of the institution counted, such as "Cyber
	// Policy Directorate"; empty for the institution's cyber staff as a
	// whole.
	Unit string `json:"unit,omitempty"`
	// Established is the number of approved posts; nil when not known.
	Established *int `json:"established,omitempty"`
	// Filled is the number of those posts with someone in them; nil when
	// not known. A record gives at least one of the two.
	Filled *int `json:"filled,omitempty"`
	// Year is the year the numbers describe.
	Year   int    `json:"year"`
	Source string `json:"source,omitempty"`
	Note   string `json:"note,omitempty"`
}

// Treaties records the country's status under international treaties on
// cyber security and cybercrime.
type Treaties struct {
	// Budapest is the Council of Europe Convention on Cybercrime.
	Budapest *TreatyStatus `json:"budapest,omitempty"`
}

// TreatyStatus is the country's status under one treaty.
type TreatyStatus struct {
	// Status is one of TreatyStatuses: a party implements the treaty, a
	// signatory ratifies it, an invited state or one with none accedes.
	Status string `json:"status"`
	// Date is when the country became what Status says: the deposit of
	// its ratification or accession, its signature, its invitation.
	Date   string `json:"date,omitempty"`
	Source string `json:"source,omitempty"`
	Note   string `json:"note,omitempty"`
}

// TreatyStatuses are the values of TreatyStatus.Status.
var TreatyStatuses = []string{"party", "signatory", "invited", "none"}

// Network is the country's standing in a network of CSIRTs or of
// cybercrime contacts.
type Network struct {
	// Network is one of Networks.
	Network string `json:"network"`
	// Name is the network's name, needed when Network is "other".
	Name string `json:"name,omitempty"`
	// Status is one of NetworkStatuses: a "sponsored-applicant" has the
	// sponsors it needs and awaits the decision, an "applicant" still
	// lacks them.
	Status string `json:"status"`
	// Since is when the status began (a date, as for instruments).
	Since string `json:"since,omitempty"`
	// Stakeholder is the ID of the member or applicant, such as the
	// national CSIRT or the police unit holding the 24/7 contact.
	Stakeholder string `json:"stakeholder,omitempty"`
	Source      string `json:"source,omitempty"`
	Note        string `json:"note,omitempty"`
}

// Networks are the values of Network.Network.
var Networks = []string{"first", "csirtamericas", "caricom-impacs", "24-7-network", "other"}

// NetworkStatuses are the values of Network.Status.
var NetworkStatuses = []string{"member", "sponsored-applicant", "applicant", "none"}

// IncidentCount is the number of incidents handled in one year, by one
// team or, with no stakeholder, nationally.
type IncidentCount struct {
	Year int `json:"year"`
	// Handled is the number of incidents handled (confirmed), not of
	// reports received.
	Handled     int    `json:"handled"`
	Stakeholder string `json:"stakeholder,omitempty"`
	Source      string `json:"source,omitempty"`
	Note        string `json:"note,omitempty"`
}

// StrategyInForce names the national strategy in force at the session
// and its period.
type StrategyInForce struct {
	// Instrument is the ID of an instrument of kind "strategy".
	Instrument string `json:"instrument"`
	// From and To are the first and last years of its period.
	From int `json:"from"`
	To   int `json:"to"`
}

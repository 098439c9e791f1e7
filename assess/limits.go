package assess

// Limits of the file formats. The JSON Schemas state them (maxLength,
// maxItems), Check and the model checks enforce them for values built in
// Go, the questionnaire import reports a longer cell at its place, and the
// workbook stops typing at them. They are far above what a national
// assessment needs (the examples' longest evidence note is about 320
// characters, and a workshop has 10-30 respondents) and low enough that no
// input can make the tools slow or exhaust memory.
const (
	// MaxText is the most characters (Unicode code points) of a free-text
	// field: evidence, a rationale, a dissent, a note, a reason. It fits a
	// spreadsheet cell (32,767) with room to spare.
	MaxText = 8000
	// MaxName is the most characters of a one-line field: a name, a
	// title, an organisation, a place, a country.
	MaxName = 200
	// MaxClassification is the most characters of an assessment's
	// classification, a marking such as "TLP:AMBER" that a draft prints
	// in its page headers.
	MaxClassification = 80

	// MaxStakeholders is the most stakeholders of an assessment.
	MaxStakeholders = 500
	// MaxRespondents is the most respondents of an assessment.
	MaxRespondents = 500
	// MaxResponses is the most responses of an assessment: every
	// respondent answering a 100-indicator model.
	MaxResponses = 50000
	// MaxDecisions is the most agreed levels, and the most priority
	// overrides, of an assessment.
	MaxDecisions = 1000
	// MaxInstruments is the most instruments in an assessment's facts.
	MaxInstruments = 500
	// MaxFactRecords is the most staff, network and incident records in
	// an assessment's facts.
	MaxFactRecords = 1000

	// MaxIndicators is the most indicators of a model, and of the
	// indicators an instrument bears on.
	MaxIndicators = 1000
)

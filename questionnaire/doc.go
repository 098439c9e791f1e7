// Package questionnaire writes the respondents' questionnaire, an XLSX
// workbook to fill in with Excel or LibreOffice, and reads filled ones back
// into an assessment.
//
//	m := assess.Default()
//	err := questionnaire.Write(w, m, &questionnaire.Options{Lang: "es"})
//
//	f, err := questionnaire.Read("minsec.xlsx", file, size, m) // one respondent
//	im, err := questionnaire.Import(m, a, []*questionnaire.Filled{f}, nil)
//	// im.Assessment is a with the answers added; im.Files says whose they are
//
// # The workbook
//
// Write makes one workbook per respondent. The Instructions sheet explains
// how to answer, the levels of the scale with their meaning, what "n/a"
// and "unknown" mean, each answer column and the provision modes, all in
// the words of the model. The Respondent sheet asks for the name,
// organisation, role or title, contact and date. Then comes one sheet per
// pillar, named by the pillar ID, with one row per indicator under a band
// row per area: the indicator ID; its title, question and the evidence
// that would show it; what each of the five levels looks like; and the
// yellow answer cells — level (a drop-down list of "1 - Absent" to
// "5 - Adaptive", "n/a" and "unknown"), target, provision mode,
// confidence, whether the capability rests on one person, and evidence.
// The answer cells are columns D (level) to I (evidence).
//
// Every sheet is protected without a password so that only the answer
// cells can be changed, and the workbook's structure is locked; nobody
// needs a password to fill it in. A very hidden sheet named "ncskit"
// records the questionnaire format version (FormatVersion), the model ID
// and version, the language and, for a questionnaire issued to a known
// respondent, the respondent ID; the defined names ncskit_format,
// ncskit_model_id and ncskit_model_version point at them. Text is always
// written as text, never as a formula, and the same input gives the same
// bytes.
//
// # The facts sheet
//
// With Options.Facts, or pre-filled for a respondent of the stakeholder
// that holds the lead agency's role (LeadRole), the workbook has a Facts
// sheet after the pillar sheets: the country's instruments, posts, Budapest
// Convention status and standing in networks (assess.Facts), one table
// each under a band row, pre-filled from Options.Prefill, with empty rows
// to add more. Kinds, statuses and networks are picked from drop-down
// lists of the assessment format's values ("in-force"); institutions by
// name from a list of the assessment's stakeholders (or typed); dates are
// written as YYYY, YYYY-MM or YYYY-MM-DD. Incident counts and the
// strategy in force are not on the sheet.
//
// Read returns its rows in Filled.Facts, checking each value at its cell:
//
//	lead.xlsx: Facts!E7: "in-effect" is not a status (draft, before-parliament, ...)
//	lead.xlsx: Facts!F7: "2021-13" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD
//
// Merge puts them into the assessment's facts: a row with the ID of an
// instrument the assessment holds replaces it, posts replace those of the
// same institution, unit and year, a network standing that of the same
// network, name and member, and the Budapest status replaces the one
// recorded; any other row is added (an instrument without an ID gets one
// made from its name), and nothing is removed. Problems that the
// assessment's checks find in a merged fact, such as a status that does
// not fit the kind, are reported at the row's cell:
//
//	lead.xlsx: Facts!E8: a bill cannot be "in-force"; a bill is "draft", "before-parliament" or "lapsed" (once passed, record it as a law)
//
// # Reading it back
//
// Read is tolerant of what people do in a spreadsheet: numbers stored as
// text, "3", "3 - Defined", "Defined" or "defined" for a level, names in
// any of the questionnaire's languages, stray spaces, blank rows, sheets
// moved or added, a header row pushed down. It is strict about what
// matters, and reports every problem at once with the file and the cell:
//
//	minsec.xlsx: IRC!D14: "7" is not a level (1-5)
//	minsec.xlsx: ncskit!B2: the questionnaire is for model "other", not "ncskit-cicte"
//	minsec.xlsx: GOV!E3: the header is "Notes", not "Target": the sheet's layout was changed
//
// A wrong model or incompatible model version, an unknown indicator, a
// value outside the lists, a name, organisation, title or contact longer
// than assess.MaxName characters or evidence longer than assess.MaxText,
// a control character other than tab and line breaks in any text (as the
// JSON reader refuses them), a changed header or label, a missing sheet, a
// file that is not an XLSX workbook, a damaged one (a part that unpacks to
// more or less than the zip directory says, or that fails its checksum),
// an XML document type declaration in any part, and a file or sheet far
// larger than a questionnaire are errors:
//
//	minsec.xlsx: the file is damaged: the part xl/worksheets/sheet2.xml is larger than its declared size
//	minsec.xlsx: IRC: the sheet contains a document type declaration, which a spreadsheet program never writes; the file was altered
//
// A formula in an answer cell is read as the text of the formula.
//
// Import adds the answers of filled questionnaires to an assessment, or
// to a new one, without replacing anything: a different answer by the
// same respondent to the same indicator is a conflict naming both places.
// It checks the result as the JSON reader would and reports, file by
// file, the respondent each file's answers were filed under, whether that
// respondent and organisation are new, and how many answers were added.
// It imports nothing when there is a problem. Merge does the same merge
// in place, without the report.
package questionnaire

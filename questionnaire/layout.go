package questionnaire

import (
	"fmt"
	"unicode"

	"github.com/ncskit/ncskit/assess"
	"github.com/xuri/excelize/v2"
)

// FormatVersion is the version of the questionnaire layout that Write
// produces and Read accepts. It changes when a change to the layout would
// make an older ncskit misread a newer questionnaire, or the reverse.
const FormatVersion = 1

// The layout that Write and Read share. A pillar sheet has a title row, a
// hint row, the header row, then for each area one band row (area ID and
// name) followed by one row per indicator.
const (
	metaSheet    = "ncskit" // very hidden: the format, model and language
	headerRow    = 3        // of a pillar sheet
	firstRespRow = 4        // first field row of the respondent sheet
)

// column is a column of a pillar sheet.
type column int

const (
	colID column = iota
	colIndicator
	colLevels
	colLevel
	colTarget
	colProvision
	colConfidence
	colPersonDependent
	colEvidence
	numColumns
)

// columns describes the columns of a pillar sheet, in order: the catalogue
// key of the header, the width, and whether the respondent fills it in.
var columns = [numColumns]struct {
	key   string
	width float64
	input bool
}{
	colID:              {"col.id", 12, false},
	colIndicator:       {"col.indicator", 34, false},
	colLevels:          {"col.levels", 64, false},
	colLevel:           {"col.level", 15, true},
	colTarget:          {"col.target", 14, true},
	colProvision:       {"col.provision", 16, true},
	colConfidence:      {"col.confidence", 12, true},
	colPersonDependent: {"col.personDependent", 13, true},
	colEvidence:        {"col.evidence", 40, true},
}

// letter returns the column letter of c ("A" for colID).
func (c column) letter() string {
	s, _ := excelize.ColumnNumberToName(int(c) + 1)
	return s
}

// cell returns the reference of column c in row ("D14").
func (c column) cell(row int) string { return fmt.Sprintf("%s%d", c.letter(), row) }

// The fields of the respondent sheet, one row each from firstRespRow:
// label in A, the answer in B, a hint in C.
const (
	fieldName = iota
	fieldOrganisation
	fieldTitle
	fieldContact
	fieldDate
	numFields
)

var fields = [numFields]struct{ label, hint string }{
	fieldName:         {"resp.name", "resp.name.hint"},
	fieldOrganisation: {"resp.organisation", "resp.organisation.hint"},
	fieldTitle:        {"resp.title.field", "resp.title.hint"},
	fieldContact:      {"resp.contact", "resp.contact.hint"},
	fieldDate:         {"resp.date", "resp.date.hint"},
}

// fieldCell returns the answer cell of a respondent field ("B4").
func fieldCell(field int) string { return fmt.Sprintf("B%d", firstRespRow+field) }

// The keys of the hidden sheet, one row each (key in A, value in B).
const (
	keyFormat       = "format"
	keyModelID      = "model.id"
	keyModelVersion = "model.version"
	keyLang         = "lang"
	keyRespondent   = "respondent"
)

var metaKeys = []string{keyFormat, keyModelID, keyModelVersion, keyLang, keyRespondent}

// A list is a drop-down list kept on the hidden sheet, in its own column
// from row 1, and named by a defined name that data validation refers to.
type list struct {
	name   string // the defined name
	column string // on the hidden sheet
	items  []string
}

// lists returns the drop-down lists of a questionnaire in lang.
func lists(m *assess.Model, lang string) (levels, targets, provision, confidence, yesNo list) {
	var lv []string
	for i := range m.Scale.Levels {
		lv = append(lv, levelItem(m, i+1, lang))
	}
	targets = list{"ncskit_targets", "E", lv}
	levels = list{"ncskit_levels", "D", append(lv[:len(lv):len(lv)], tr(lang, "choice.na"), tr(lang, "choice.unknown"))}
	var pm []string
	for _, p := range m.ProvisionModes {
		pm = append(pm, p.Name.In(lang))
	}
	provision = list{"ncskit_provision", "F", pm}
	var cf []string
	for _, c := range assess.Confidences {
		cf = append(cf, tr(lang, "choice."+c))
	}
	confidence = list{"ncskit_confidence", "G", cf}
	yesNo = list{"ncskit_yesno", "H", []string{tr(lang, "choice.yes"), tr(lang, "choice.no")}}
	return
}

// levelItem is how a level appears in the drop-down list: "3 - Defined".
func levelItem(m *assess.Model, level int, lang string) string {
	return fmt.Sprintf("%d - %s", level, m.Scale.Name(level, lang))
}

// sheetRef quotes a sheet name for a cell reference when it needs it.
func sheetRef(sheet, cell string) string {
	if sheet == "" {
		return cell
	}
	for _, r := range sheet {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '.' {
			return "'" + sheet + "'!" + cell
		}
	}
	return sheet + "!" + cell
}

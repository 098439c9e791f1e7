// Package catalog makes the answers the workbook's engine (package wasm)
// gives before any session is open: "info" (what this build offers and
// the limits of the formats), "model" (the default model as one JSON
// document) and "vocab" (the names of the values the page offers, in one
// language). They depend on the source tree alone, so the workbook's
// bundler (package wasm/web) makes the same answers when it builds the
// page and puts them in the file: the page draws its first screen from
// them while the engine starts.
//
//	m, _ := catalog.ReadModelFiles(assess.EmbeddedFS(), "model/model.json")
//	info := catalog.NewInfo(m, runtime.Version())
//	v, _ := catalog.NewVocab(m, "es")
package catalog

import (
	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/schemas"
)

// Function is one function of the engine's protocol: a name on the global
// ncskit object; Binary ones answer raw bytes (drafts, questionnaires)
// rather than JSON.
type Function struct {
	Name   string
	Binary bool
}

// Functions is the protocol, in the order "info" lists it. The engine
// has a run function for each (TestFunctions in package wasm).
var Functions = []Function{
	{Name: "info"},
	{Name: "model"},
	{Name: "validate"},
	{Name: "score"},
	{Name: "rescore"},
	{Name: "live"},
	{Name: "preview"},
	{Name: "draft", Binary: true},
	{Name: "questionnaire", Binary: true},
	{Name: "import"},
	{Name: "migrate"},
	{Name: "region"},
	{Name: "regionReport", Binary: true},
	{Name: "progress", Binary: true},
	{Name: "vocab"},
}

// Info is the answer of "info": what this build of the engine offers.
// The page shows or hides features by the functions listed.
type Info struct {
	Functions     []string        `json:"functions"`
	Binary        []string        `json:"binary"`
	Model         assess.ModelRef `json:"model"`
	Languages     []string        `json:"languages"`
	SchemaVersion int             `json:"schemaVersion"`
	Session       SessionFormat   `json:"session"`
	Limits        Limits          `json:"limits"`
	Facts         FactLists       `json:"facts"`
	Go            string          `json:"go"`
}

// FactLists are the values the country facts may take (package assess),
// for the page's selects: the kinds and statuses of an instrument, the
// statuses that fit each kind, the treaty statuses, the networks and the
// statuses in a network. The page never keeps lists of its own.
type FactLists struct {
	InstrumentKinds    []string            `json:"instrumentKinds"`
	InstrumentStatuses []string            `json:"instrumentStatuses"`
	KindStatuses       map[string][]string `json:"kindStatuses"`
	TreatyStatuses     []string            `json:"treatyStatuses"`
	Networks           []string            `json:"networks"`
	NetworkStatuses    []string            `json:"networkStatuses"`
}

// Limits are the limits of the file formats (assess/limits.go), for the
// page to stop typing where the checks would report a problem.
type Limits struct {
	// Text is the most characters of a free text: evidence, a rationale,
	// a dissent note, a reason.
	Text int `json:"text"`
	// Name is the most characters of a one-line text: a name, a title, a
	// person, a place.
	Name int `json:"name"`
	// Classification is the most characters of the classification.
	Classification int `json:"classification"`
	Stakeholders   int `json:"stakeholders"`
	Respondents    int `json:"respondents"`
	Responses      int `json:"responses"`
	Decisions      int `json:"decisions"`
	// Instruments is the most instruments in the facts, and FactRecords
	// the most staff, network and incident records.
	Instruments int `json:"instruments"`
	FactRecords int `json:"factRecords"`
}

// SessionFormat names the session-file format the engine reads, and the
// largest session file it accepts (schemas.MaxSessionSize), in bytes.
type SessionFormat struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	MaxSize int    `json:"maxSize"`
}

// NewInfo is the answer of "info" for model m and an engine compiled by
// Go version goVersion (runtime.Version of the engine).
func NewInfo(m *ModelFiles, goVersion string) *Info {
	in := &Info{
		Model:         assess.ModelRef{ID: m.Head.ID, Version: m.Head.Version},
		Languages:     m.Head.Languages,
		SchemaVersion: assess.SchemaVersion,
		Session:       SessionFormat{Format: load.SessionFormat, Version: load.SessionVersion, MaxSize: schemas.MaxSessionSize},
		Limits: Limits{
			Text: assess.MaxText, Name: assess.MaxName, Classification: assess.MaxClassification,
			Stakeholders: assess.MaxStakeholders, Respondents: assess.MaxRespondents,
			Responses: assess.MaxResponses, Decisions: assess.MaxDecisions,
			Instruments: assess.MaxInstruments, FactRecords: assess.MaxFactRecords,
		},
		Facts: FactLists{
			InstrumentKinds:    assess.InstrumentKinds,
			InstrumentStatuses: assess.InstrumentStatuses,
			KindStatuses:       assess.KindStatuses,
			TreatyStatuses:     assess.TreatyStatuses,
			Networks:           assess.Networks,
			NetworkStatuses:    assess.NetworkStatuses,
		},
		Go:     goVersion,
		Binary: []string{},
	}
	for _, f := range Functions {
		in.Functions = append(in.Functions, f.Name)
		if f.Binary {
			in.Binary = append(in.Binary, f.Name)
		}
	}
	return in
}

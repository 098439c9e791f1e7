package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/problem"
	"github.com/ncskit/ncskit/region"
)

// RegionRequest is the request of "region" and "regionReport", with the
// options of "ncskit region": the files of the states to compare
// (assessments or session files, as text), and for "regionReport" the
// format of the report.
type RegionRequest struct {
	Files []RegionFile `json:"files"`
	// Format is one of pdf, xlsx, html, json and vcf (the points-of-contact
	// directory as vCard); "region" takes none.
	Format    string `json:"format,omitempty"`
	Anonymise bool   `json:"anonymise,omitempty"`
	Key       string `json:"key,omitempty"`
	MinStates int    `json:"minStates,omitempty"`
	Lang      string `json:"lang,omitempty"`
}

// RegionFile is one file of a comparison: its name, for the problems and
// notes, and its text.
type RegionFile struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// maxRegionFiles is the most files one comparison reads: a region of 35
// states with several rounds each, and room to spare.
const maxRegionFiles = 300

// RegionView is the response of "region": the report's tables for the
// page to show (region.Report.View), its title and marking and the words
// of the heat map's legend; or, with no tables, every problem of every
// file that stops the comparison.
type RegionView struct {
	Problems   problem.List       `json:"problems"`
	Title      string             `json:"title"`
	Subtitle   string             `json:"subtitle"`
	Marking    string             `json:"marking"`
	Anonymised bool               `json:"anonymised"`
	States     int                `json:"states"`
	Legend     []LegendEntry      `json:"legend"`
	Tables     []region.ViewTable `json:"tables"`
}

// LegendEntry names one shade of the heat map.
type LegendEntry struct {
	Shade   *int   `json:"shade,omitempty"`
	NoLevel bool   `json:"noLevel,omitempty"`
	Label   string `json:"label"`
}

func runRegion(req []byte) ([]byte, error) {
	r, probs, err := regionReport("region", req, false)
	if err != nil {
		return nil, err
	}
	if len(probs) > 0 {
		return marshal(RegionView{Problems: probs, Legend: []LegendEntry{}, Tables: []region.ViewTable{}})
	}
	lang := r.Language
	v := RegionView{Problems: problem.List{}, Title: region.Text(lang, "h.title"), Subtitle: fmt.Sprintf(region.Text(lang, "h.subtitle"), len(r.States)),
		Marking: r.Marking(), Anonymised: r.Anonymised, States: len(r.States), Tables: r.View(),
		Legend: []LegendEntry{{NoLevel: true, Label: region.Text(lang, "legend.none")}}}
	for i := range 5 {
		shade := i
		v.Legend = append(v.Legend, LegendEntry{Shade: &shade, Label: region.Text(lang, fmt.Sprintf("legend.%d", i))})
	}
	return marshal(v)
}

// regionFormats are the formats of "regionReport".
var regionFormats = []string{"pdf", "xlsx", "html", "json", "vcf"}

func runRegionReport(req []byte) ([]byte, error) {
	r, probs, err := regionReport("regionReport", req, true)
	if err != nil {
		return nil, err
	}
	if len(probs) > 0 {
		return nil, problemsError("regionReport", "comparison", probs)
	}
	var buf bytes.Buffer
	switch r.format {
	case "pdf":
		err = region.EncodePDF(&buf, r.Report)
	case "xlsx":
		err = region.EncodeXLSX(&buf, r.Report)
	case "html":
		err = region.EncodeHTML(&buf, r.Report)
	case "json":
		err = region.EncodeJSON(&buf, r.Report)
	case "vcf":
		err = region.EncodeVCard(&buf, r.Report)
	}
	if err != nil {
		return nil, fmt.Errorf("regionReport: %v", err)
	}
	return buf.Bytes(), nil
}

type builtRegion struct {
	*region.Report
	format string
}

// regionReport reads the files of a request and builds the report, as
// "ncskit region" does. Problems with the files are returned as a list;
// the error is for a request that could not run.
func regionReport(fn string, req []byte, wantFormat bool) (*builtRegion, problem.List, error) {
	var r RegionRequest
	if err := decodeRequest(fn, req, &r); err != nil {
		return nil, nil, err
	}
	switch {
	case wantFormat && !contains(regionFormats, r.Format):
		return nil, nil, fmt.Errorf("%s: format %q is not one of %s", fn, r.Format, strings.Join(regionFormats, ", "))
	case !wantFormat && r.Format != "":
		return nil, nil, fmt.Errorf("%s: takes no format; regionReport makes the files", fn)
	case len(r.Files) == 0:
		return nil, nil, fmt.Errorf("%s: no file to compare", fn)
	case len(r.Files) > maxRegionFiles:
		return nil, nil, fmt.Errorf("%s: %d files; one comparison reads at most %d", fn, len(r.Files), maxRegionFiles)
	case r.Lang != "" && !langCode.MatchString(r.Lang):
		return nil, nil, fmt.Errorf("%s: lang %q is not a language code such as en, es or pt-BR", fn, r.Lang)
	case r.MinStates < 0:
		return nil, nil, fmt.Errorf("%s: minStates must be 1 or more, not %d", fn, r.MinStates)
	case r.Key != "" && !r.Anonymise:
		return nil, nil, fmt.Errorf("%s: a key works only with anonymise", fn)
	}
	m := assess.Default()
	var ins []region.Input
	var probs problem.List
	for _, f := range r.Files {
		in, err := region.ReadInput(f.Name, []byte(f.Text), m)
		if err != nil {
			probs = append(probs, problem.From(err).In(f.Name)...)
			continue
		}
		ins = append(ins, in)
	}
	if len(probs) > 0 {
		return nil, probs, nil
	}
	rep, err := region.Build(m, nil, ins, &region.Options{Anonymise: r.Anonymise, Key: r.Key, MinStates: r.MinStates, Lang: r.Lang})
	var l problem.List
	switch {
	case errors.As(err, &l):
		return nil, l, nil
	case err != nil:
		return nil, nil, fmt.Errorf("%s: %v", fn, err)
	}
	return &builtRegion{rep, r.Format}, nil, nil
}

package main

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"strings"

	followup "github.com/ncskit/ncskit/progress"
)

// ProgressRequest asks for the progress report of a filled follow-up
// workbook (the XLSX draft with reports on its Reporting sheet), as
// "ncskit progress" writes it.
type ProgressRequest struct {
	File   ImportFile `json:"file"`
	Format string     `json:"format"` // pdf, html or json
}

// runProgress reads the follow-up workbook of the request and returns
// its progress report in the format asked for: the same bytes as
// "ncskit progress FILE --format F". A workbook with problems is refused
// with every problem located as FILE: SHEET!CELL: message.
func runProgress(req []byte) ([]byte, error) {
	var r ProgressRequest
	if err := decodeRequest("progress", req, &r); err != nil {
		return nil, err
	}
	if !slices.Contains(followup.Formats, r.Format) {
		return nil, fmt.Errorf("progress: format %q: give one of %s", r.Format, strings.Join(followup.Formats, ", "))
	}
	if r.File.Data == "" {
		return nil, errors.New("progress: no file: give the follow-up workbook as file: {name, data}")
	}
	name := r.File.Name
	if strings.TrimSpace(name) == "" {
		name = "follow-up.xlsx"
	}
	data, err := base64.StdEncoding.DecodeString(r.File.Data)
	if err != nil {
		return nil, fmt.Errorf("progress: %s: the data is not base64: %v", name, err)
	}
	w, err := followup.Read(name, data)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := followup.Encode(&buf, followup.Compute(w), r.Format); err != nil {
		return nil, fmt.Errorf("progress: %v", err)
	}
	return buf.Bytes(), nil
}

package questionnaire

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
)

// MaxSize is the largest filled questionnaire Read accepts, in bytes. A
// questionnaire with every answer and long evidence is under 1 MB.
const MaxSize = 10 << 20

// Limits that keep a damaged or hostile file from using much memory.
const (
	maxFileSize  = MaxSize  // bytes of the .xlsx file
	maxUnzipped  = 32 << 20 // bytes of all its parts, unpacked
	maxZipParts  = 1000
	maxSheetRows = 2000 // rows read from any one sheet
)

// sniff checks that the file is a zip archive holding a workbook of a
// sane size and returns the archive, or says what the file is when it is
// not.
func sniff(r io.ReaderAt, size int64) (*zip.Reader, string) {
	switch {
	case size == 0:
		return nil, "the file is empty"
	case size > maxFileSize:
		return nil, fmt.Sprintf("the file is %s, too large for a questionnaire (at most %s)", mb(size), mb(maxFileSize))
	}
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, "the file is an old-style .xls workbook or is protected by a password: open it and save it as an Excel workbook (.xlsx) without a password"
	case bytes.HasPrefix(head, []byte("%PDF")):
		return nil, "the file is a PDF, not an Excel workbook (.xlsx)"
	case !bytes.HasPrefix(head, []byte("PK")):
		return nil, "the file is not an Excel workbook (.xlsx): save the questionnaire from Excel or LibreOffice as an Excel workbook"
	}
	z, err := zip.NewReader(r, size)
	if err != nil {
		return nil, "the file is not an Excel workbook (.xlsx): it is a damaged zip archive (" + err.Error() + ")"
	}
	if len(z.File) > maxZipParts {
		return nil, fmt.Sprintf("the file has %d parts, too many for a questionnaire", len(z.File))
	}
	var total uint64
	hasWorkbook := false
	for _, f := range z.File {
		total += f.UncompressedSize64
		switch f.Name {
		case "mimetype":
			return nil, "the file is an OpenDocument spreadsheet (.ods): save it as an Excel workbook (.xlsx)"
		case "xl/workbook.xml":
			hasWorkbook = true
		}
	}
	if !hasWorkbook {
		return nil, "the file is a zip archive but not an Excel workbook (.xlsx)"
	}
	if total > maxUnzipped {
		return nil, fmt.Sprintf("the file unpacks to %s, too large for a questionnaire (at most %s)", mb(int64(min(total, 1<<62))), mb(maxUnzipped))
	}
	return z, ""
}

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

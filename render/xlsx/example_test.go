package xlsx_test

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/render/xlsx"
	"github.com/ncskit/ncskit/strategy"
)

// Encode writes the strategy workbook of an example assessment.
func ExampleEncode() {
	data, err := os.ReadFile("../../examples/small-island.json")
	if err != nil {
		log.Fatal(err)
	}
	m := assess.Default()
	a, err := load.Assessment("small-island.json", data, m)
	if err != nil {
		log.Fatal(err)
	}
	res, err := assess.Score(m, a)
	if err != nil {
		log.Fatal(err)
	}
	t, err := strategy.DefaultTemplate(strategy.Choose(a.Profile))
	if err != nil {
		log.Fatal(err)
	}
	d, err := strategy.Build(m, a, res, t, nil)
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if err := xlsx.Encode(&buf, d, nil); err != nil {
		log.Fatal(err)
	}

	f, err := excelize.OpenReader(&buf)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Join(f.GetSheetList(), ", "))
	head, _ := f.GetRows("Reporting")
	fmt.Println(strings.Join(head[0][:9], " | "))
	// Output:
	// Summary, Assessment, Gaps, Priorities, Action plan, Reporting, Objectives, Indicators, Costs, Print view, RACI, RACI list, Points of contact, Role gaps, Risks, Budget, Timeline, Change log, Lists
	// Period | Action ID | Status | Progress (%) | Indicator value | Evidence | Comment | Reported by | Date reported
}

package region_test

import (
	"fmt"
	"log"
	"os"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
	"github.com/ncskit/ncskit/region"
)

// Compare the two example states: the gap they share most and the
// programme proposed for it, and the first entry of the directory.
func ExampleBuild() {
	m := assess.Default()
	var inputs []region.Input
	for _, name := range []string{"../examples/small-island.json", "../examples/larger-state.json"} {
		data, err := os.ReadFile(name)
		if err != nil {
			log.Fatal(err)
		}
		in, err := load.AssessmentOrSession(name, data, m)
		if err != nil {
			log.Fatal(err)
		}
		inputs = append(inputs, region.Input{Name: name, Assessment: in.Assessment})
	}
	r, err := region.Build(m, nil, inputs, &region.Options{Anonymise: true})
	if err != nil {
		log.Fatal(err)
	}
	g := r.SharedGaps[0]
	fmt.Println(g.Indicator, g.Title, g.States, "states, total gap", g.Total)
	fmt.Println(g.Programme.Name+":", g.Programme.ActionTitle)
	d := r.Contacts[0]
	fmt.Println(d.State, d.Designated, "of 3 designated, missing", d.Missing)
	// Output:
	// GOV.STR.3 Monitoring, reporting and review of the strategy 2 states, total gap 4
	// Regional peer support: Set strategy indicators with baselines and a six-monthly progress report
	// S02 3 of 3 designated, missing [deputy:cybercrime-24-7]
}

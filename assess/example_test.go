package assess_test

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/ncskit/ncskit/assess"
)

func ExampleDefault() {
	m := assess.Default()
	fmt.Println(m.ID, m.Version, len(m.Indicators()), "indicators")
	for _, p := range m.Pillars {
		fmt.Printf("%s %s (%d areas)\n", p.ID, p.Name.In("en"), len(p.Areas))
	}
	in := m.Indicator("IRC.MAN.1")
	fmt.Println(in.ID, in.Title.In("en"))
	// Output:
	// ncskit-cicte 1.1.0 55 indicators
	// GOV Strategy, policy and governance (5 areas)
	// IRC Incident-response capability (5 areas)
	// CAP Technical training and exercises (4 areas)
	// OUT Awareness, outreach and partnership (5 areas)
	// IRC.MAN.1 National CSIRT function (own, shared-regional or hosted)
}

func ExampleScore() {
	data, err := os.ReadFile("../examples/small-island.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	var a assess.Assessment
	if err := json.Unmarshal(data, &a); err != nil {
		fmt.Println(err)
		return
	}
	res, err := assess.Score(assess.Default(), &a)
	if err != nil {
		fmt.Println(err) // a problem.List: one "/pointer: message" per line
		return
	}
	for _, p := range res.Pillars {
		fmt.Printf("%s achieved %d, progress %.2f, target %d\n", p.ID, p.Achieved, p.Progress, p.Target)
	}
	for _, p := range res.Priorities[:3] {
		fmt.Println(p.Rank, p.Indicator)
	}
	// Output:
	// GOV achieved 1, progress 1.90, target 3
	// IRC achieved 1, progress 2.06, target 3
	// CAP achieved 1, progress 1.59, target 3
	// OUT achieved 1, progress 1.79, target 2
	// 1 IRC.CRI.1
	// 2 GOV.LEAD.1
	// 3 GOV.LEAD.4
}

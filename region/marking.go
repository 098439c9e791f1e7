package region

import (
	"sort"
	"strings"
)

// markingRanks orders the classification markings ncskit recognises, from
// the least to the most restricted: the Traffic Light Protocol (2.0, and
// WHITE of 1.0) and common government markings.
var markingRanks = map[string]int{
	"TLP:CLEAR": 0, "TLP:WHITE": 0, "PUBLIC": 0, "UNCLASSIFIED": 0,
	"TLP:GREEN": 1, "OFFICIAL": 1, "INTERNAL": 1,
	"TLP:AMBER": 2, "RESTRICTED": 2,
	"TLP:AMBER+STRICT": 3, "CONFIDENTIAL": 3,
	"TLP:RED": 4, "SECRET": 4,
}

// highestMarking returns the highest classification marking of the
// inputs. When an input has a marking that is not in markingRanks, the
// markings cannot be ordered: all the distinct markings are returned,
// joined by " / ", for a person to settle. Inputs without a marking count
// as unmarked.
func highestMarking(inputs []Input) string {
	seen := map[string]bool{}
	var all []string
	best, bestRank, ranked := "", -1, true
	for _, in := range inputs {
		c := strings.TrimSpace(in.Assessment.Session.Classification)
		if c == "" || seen[c] {
			continue
		}
		seen[c] = true
		all = append(all, c)
		rank, ok := markingRanks[strings.ToUpper(c)]
		if !ok {
			ranked = false
			continue
		}
		if rank > bestRank {
			best, bestRank = c, rank
		}
	}
	if ranked {
		return best
	}
	sort.Strings(all)
	return strings.Join(all, " / ")
}

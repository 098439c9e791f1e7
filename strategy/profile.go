package strategy

// standing returns the library actions that every plan of a register
// carries, whatever its gaps (Always): those a framing calls for, such as
// oversight of surveillance powers where a country frames cyber security
// by rights and democracy, and those for women and underserved groups.
// Each closes the gaps of its indicators, when they have any, and ranks
// with the best of them, else after every gap.
func (b *builder) standing(fs *facts, after int) []expiry {
	rank := map[string]int{}
	for _, p := range b.r.Priorities {
		rank[p.Indicator] = p.Rank
	}
	var out []expiry
	for _, la := range b.lib.Actions {
		if !la.Always || !la.For(b.t.ID) {
			continue
		}
		in, ok := fs.applies(la)
		if !ok {
			continue
		}
		st := expiry{lib: la, in: in, rank: after + 1}
		for _, id := range la.Indicators {
			if is := b.r.Indicator(id); is != nil && is.Target >= 1 {
				st.indicators = append(st.indicators, id)
				if r, ok := rank[id]; ok {
					st.rank = min(st.rank, r)
				}
			}
		}
		if len(st.indicators) > 0 {
			out = append(out, st)
		}
	}
	return out
}

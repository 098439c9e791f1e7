package strategy

import (
	"slices"
	"strconv"
)

// Deferred reasons (DeferredAction.Reason).
const (
	DeferCapacity     = "capacity"
	DeferPrerequisite = "prerequisite"
	DeferLength       = "length"
)

// deferActions takes the actions the schedule could not fit in the
// period out of the plan and lists them in the draft's Deferred, with
// the reason; it returns the slots of the actions that stay. The
// priorities, the RACI matrix, the dependencies and the weights then
// speak only of scheduled work.
func (b *builder) deferActions(slots []slot) []slot {
	out := make([]slot, 0, len(slots))
	deferred := map[string]bool{}
	end := map[string]int{}
	for i, a := range b.d.Actions {
		if slots[i].deferred {
			deferred[a.ID] = true
		}
		end[a.ID] = slots[i].end
	}
	if len(deferred) == 0 {
		return slots
	}
	var kept []Action
	for i, a := range b.d.Actions {
		if !slots[i].deferred {
			kept = append(kept, a)
			out = append(out, slots[i])
			continue
		}
		d := DeferredAction{ID: a.ID, LibraryID: a.LibraryID, Mode: a.Mode, Instrument: a.Instrument, Pillar: a.Pillar, Title: a.Title,
			Indicators: a.Indicators, Lead: a.Lead, CostBand: a.CostBand, Months: b.length(i), DependsOn: a.DependsOn}
		d.Lead.Contact = ""
		if d.DependsOn == nil {
			d.DependsOn = []string{}
		}
		var late []string
		for _, dep := range a.DependsOn {
			switch {
			case deferred[dep]:
				d.After = append(d.After, dep)
			case end[dep]+d.Months > b.months:
				late = append(late, dep)
			}
		}
		switch {
		case len(d.After) > 0:
			d.Reason = DeferPrerequisite
			d.Note = b.text("plan.deferred.prerequisite", "after", b.join(d.After))
		case len(late) > 0:
			d.Reason, d.After = DeferPrerequisite, late
			d.Note = b.text("plan.deferred.late", "after", b.join(late))
		case slots[i].critical > b.months:
			d.Reason = DeferLength
			d.Note = b.text("plan.deferred.length", "months", strconv.Itoa(d.Months))
		default:
			c := DefaultCapacity
			if a.Lead.Stakeholder != "" {
				c, _, _ = Capacity(b.a, a.Lead.Stakeholder)
			}
			d.Reason = DeferCapacity
			d.Note = b.text("plan.deferred.capacity", "lead", a.Lead.Name, "actions", b.plural("count.action", c))
		}
		b.d.Deferred = append(b.d.Deferred, d)
	}
	b.d.Actions = kept
	for i := range b.d.Priorities {
		p := &b.d.Priorities[i]
		var gone string
		for _, id := range p.Actions {
			if deferred[id] && gone == "" {
				gone = id
			}
		}
		p.Actions = slices.DeleteFunc(p.Actions, func(id string) bool { return deferred[id] })
		if len(p.Actions) == 0 && gone != "" {
			// The gap stays open: say so where the draft lists the gaps
			// it leaves.
			x := b.d.Deferred[slices.IndexFunc(b.d.Deferred, func(x DeferredAction) bool { return x.ID == gone })]
			pairs := []string{"indicator", p.Indicator, "title", b.indicatorTitle(p.Indicator),
				"level", b.levelName(b.r.Indicator(p.Indicator).Level), "action", x.ID, "actionTitle", x.Title}
			b.deferred = append(b.deferred, deferral{p.Indicator, b.text("plan.deferredStaff", pairs...),
				b.text("plan.deferredStaffByID", pairs...)})
		}
	}
	raci := &b.d.Roles.RACI
	for i := len(raci.Actions) - 1; i >= 0; i-- {
		if deferred[raci.Actions[i]] {
			raci.Actions = slices.Delete(raci.Actions, i, i+1)
			raci.Cells = slices.Delete(raci.Cells, i, i+1)
		}
	}
	b.weights()
	return out
}

// patch.js describes a change to a session as patches on its units: the
// session's name and template, each snapshot (by name), each top-level
// field of the assessment, and one unit per stakeholder, respondent and
// answer (by ID), per agreed level and per priority override (by
// indicator). A unit is identified the same way in every copy of the
// session, so a patch made in one window applies to another copy (a merge
// per answer), and the old value of each patch undoes it.

const keyed = {
  stakeholders: (x) => x.id,
  respondents: (x) => x.id,
  responses: (x) => `${x.indicator}\u0000${x.respondent}`,
};
const keyedDecisions = {
  agreed: (x) => x.indicator,
  priorityOverrides: (x) => x.indicator,
};

// capture copies what a later diff compares: the assessment deeply, the
// snapshots by reference (a snapshot is never changed in place, only
// added, replaced or removed).
export function capture(s) {
  return {
    name: s.name,
    template: s.template,
    assessment: structuredClone(s.assessment),
    snapshots: s.snapshots.slice(),
    logLength: s.log.length,
  };
}

// units lists a session's units: key → {value, index}.
function units(s) {
  const m = new Map();
  m.set('name', { value: s.name });
  m.set('template', { value: s.template });
  s.snapshots.forEach((x, i) => m.set(`snapshot/${x.name}`, { value: x, index: i, same: true }));
  const a = s.assessment;
  for (const [k, v] of Object.entries(a)) {
    if (keyed[k] && Array.isArray(v)) {
      v.forEach((x, i) => m.set(`${k}/${keyed[k](x)}`, { value: x, index: i }));
    } else if (k === 'decisions' && v && typeof v === 'object') {
      for (const [dk, dv] of Object.entries(v)) {
        if (keyedDecisions[dk] && Array.isArray(dv)) dv.forEach((x, i) => m.set(`decisions/${dk}/${keyedDecisions[dk](x)}`, { value: x, index: i }));
        else m.set(`decisions/${dk}`, { value: dv });
      }
    } else {
      m.set(`a/${k}`, { value: v });
    }
  }
  return m;
}

// same reports whether two units hold the same JSON value: what their
// JSON texts would say, without writing them (this runs for every unit
// of the session on every change). Properties holding undefined do not
// count, as in JSON, and neither does the order of properties.
function same(x, y) {
  if (x === y) return true;
  if (x === undefined || y === undefined) return false;
  return equal(x, y);
}

function equal(x, y) {
  if (x === y) return true;
  if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return false;
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!equal(x[i] ?? null, y[i] ?? null)) return false;
    return true;
  }
  let n = 0;
  for (const k of Object.keys(x)) {
    if (x[k] === undefined) continue;
    if (!equal(x[k], y[k])) return false;
    n++;
  }
  for (const k of Object.keys(y)) if (y[k] !== undefined) n--;
  return n === 0;
}

// diff returns the patches that turn before into after: [{unit, old, new,
// at}] where old or new is undefined for a unit that was added or removed,
// and at is the unit's place in its list (after the change, or before it
// for a removal). Values are copies, safe from later edits.
export function diff(before, after) {
  const b = units(before);
  const c = units(after);
  const out = [];
  for (const [unit, cur] of c) {
    const old = b.get(unit);
    if (old && (cur.same ? old.value === cur.value : same(old.value, cur.value))) continue;
    if (!old && cur.value === undefined) continue;
    out.push({ unit, old: old ? copy(old.value, cur.same) : undefined, new: copy(cur.value, cur.same), at: cur.index });
  }
  for (const [unit, old] of b) {
    if (!c.has(unit) && old.value !== undefined) out.push({ unit, old: copy(old.value, old.same), new: undefined, at: old.index });
  }
  return out;
}

function copy(v, byReference) {
  return v === undefined || byReference ? v : structuredClone(v);
}

// valueOf returns a unit's value in a session, or undefined.
export function valueOf(s, unit) {
  const u = units(s).get(unit);
  return u ? u.value : undefined;
}

// applies reports whether every patch finds its unit as the patch left it
// (dir 'new') or found it (dir 'old'): only then can it be undone or
// redone without overwriting a later change.
export function applies(s, patches, dir) {
  const m = units(s);
  return patches.every((p) => {
    const u = m.get(p.unit);
    const v = u ? u.value : undefined;
    return p.unit.startsWith('snapshot/') ? (v === undefined ? p[dir] === undefined : p[dir] !== undefined && v.at === p[dir].at) : same(v, p[dir]);
  });
}

// apply sets each patch's unit of s to its new value (or, with undo, to
// its old value); undefined removes the unit. A unit that is added goes
// back to its place in the list where that place still exists.
export function apply(s, patches, undo = false) {
  for (const p of patches) {
    const v = undo ? p.old : p.new;
    const value = p.unit.startsWith('snapshot/') ? v : copy(v);
    setUnit(s, p.unit, value, p.at);
  }
}

function setUnit(s, unit, v, at) {
  const a = s.assessment;
  const parts = unit.split('/');
  if (unit === 'name' || unit === 'template') {
    if (v === undefined) delete s[unit];
    else s[unit] = v;
    return;
  }
  if (parts[0] === 'snapshot') {
    place(s.snapshots, (x) => `snapshot/${x.name}` === unit, v, at);
    return;
  }
  if (parts[0] === 'a') {
    if (v === undefined) delete a[parts[1]];
    else a[parts[1]] = v;
    return;
  }
  if (keyed[parts[0]]) {
    const key = unit.slice(parts[0].length + 1);
    if (!Array.isArray(a[parts[0]])) a[parts[0]] = [];
    place(a[parts[0]], (x) => keyed[parts[0]](x) === key, v, at);
    return;
  }
  if (parts[0] === 'decisions') {
    a.decisions = a.decisions || {};
    const dk = parts[1];
    if (keyedDecisions[dk]) {
      const key = unit.slice(`decisions/${dk}/`.length);
      if (!Array.isArray(a.decisions[dk])) a.decisions[dk] = [];
      place(a.decisions[dk], (x) => keyedDecisions[dk](x) === key, v, at);
      if (!a.decisions[dk].length) delete a.decisions[dk];
    } else if (v === undefined) {
      delete a.decisions[dk];
    } else {
      a.decisions[dk] = v;
    }
  }
}

function place(list, match, v, at) {
  const i = list.findIndex(match);
  if (v === undefined) {
    if (i >= 0) list.splice(i, 1);
  } else if (i >= 0) {
    list[i] = v;
  } else {
    list.splice(at === undefined ? list.length : Math.min(at, list.length), 0, v);
  }
}

// pointed returns the value at a JSON pointer in a value, or undefined.
export function pointed(v, pointer) {
  if (!pointer) return undefined;
  for (const raw of pointer.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return v;
}

// merge puts the changes this window made since base (what it last read
// or wrote) on top of theirs (the session as another window saved it):
// per unit, so an answer changed here and another changed there both
// stay. The log entries made here since base follow theirs, renumbered,
// and snapshots taken here point into the merged log. theirs is changed
// and returned.
export function merge(theirs, base, ours) {
  const patches = diff(base, ours);
  const added = ours.log.slice(base.logLength);
  const shift = theirs.log.length - base.logLength;
  apply(theirs, patches);
  for (const e of added) theirs.log.push({ ...e, seq: theirs.log.length + 1 });
  theirs.snapshots = theirs.snapshots.map((x) => (patches.some((p) => p.new === x) && x.seq > base.logLength ? { ...x, seq: x.seq + shift } : x));
  if (added.length) theirs.updated = ours.updated;
  return { session: theirs, patches };
}

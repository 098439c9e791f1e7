// facts.js is the Setup screen's Facts section: what the country already
// has (instruments, posts, the Budapest Convention, networks, incident
// counts, the strategy in force), as a list of records per kind with one
// edit form at a time. The kinds and statuses come from the engine
// (info.facts), never from lists kept here. A record is checked by the
// engine before it is saved; each problem shows beside the field its
// JSON pointer names. Every change goes through change(), so it is
// saved, logged and can be undone like any other.

import { h, field, setError, options, announce, toast, colHeads } from './dom.js';
import { app, change, render as redraw, undo, limits, problemText } from './app.js';
import { slug } from './session.js';
import { text } from './model.js';

// view is what the section shows: the kind of record, and the record
// being edited (index, or -1 for a new one; null when no form is open).
const view = { kind: 'instruments', editing: null, problems: [] };

function a() {
  return app.session.assessment;
}

function lists() {
  return app.info.facts;
}

// Proper names among the values of the lists; any other value is shown
// as its words: "before-parliament" → "Before parliament".
const names = {
  csirt: 'CSIRT', first: 'FIRST', csirtamericas: 'CSIRTAmericas', 'caricom-impacs': 'CARICOM IMPACS', '24-7-network': '24/7 network',
};

// label is how a value of the engine's lists reads on screen.
export function label(v) {
  if (!v) return '';
  if (names[v]) return names[v];
  const s = v.replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function valueOptions(values, selected, blank) {
  const pairs = values.map((v) => [v, label(v)]);
  return options(blank !== undefined ? [['', blank], ...pairs] : pairs, selected);
}

function stakeholderName(id) {
  if (!id) return '';
  return (a().stakeholders.find((s) => s.id === id) || { name: id }).name;
}

function stakeholderPairs(blank) {
  const pairs = a().stakeholders.map((s) => [s.id, s.name]);
  return blank ? [['', blank], ...pairs] : pairs;
}

function year() {
  const y = Number(String(a().session.date || '').slice(0, 4));
  return y || new Date().getFullYear();
}

const dateHint = 'YYYY, YYYY-MM or YYYY-MM-DD, as precisely as known';

// kinds describes each kind of record: where it lives in facts, how its
// list reads, and its form's fields. A field has a name (the JSON field),
// a label, a type (text, line, number, select, multi, check) and, for a
// select, its options; show(record) hides a field that does not apply.
const kinds = [
  {
    key: 'instruments', title: 'Instruments', one: 'instrument', limit: () => limits().instruments,
    blank: () => ({ kind: 'law', status: 'in-force' }),
    name: (r) => r.name,
    columns: ['Name', 'Kind', 'Status', 'Dates'],
    cells: (r) => [r.name + (r.reference ? ` (${r.reference})` : ''), label(r.kind), label(r.status),
      [r.adopted && `adopted ${r.adopted}`, r.inForce && `in force ${r.inForce}`, r.expires && `expires ${r.expires}`, r.review && `review ${r.review}`].filter(Boolean).join(', ')],
    fields: [
      { name: 'kind', label: 'Kind', type: 'select', options: (r) => valueOptions(lists().instrumentKinds, r.kind) },
      { name: 'status', label: 'Status', type: 'select', options: (r) => valueOptions(statusesOf(r.kind), r.status), hint: 'The statuses that fit the kind.' },
      { name: 'name', label: 'Name', type: 'line', required: 'Enter the name of the instrument.' },
      { name: 'id', label: 'ID', type: 'line', newOnly: true, hint: 'Made from the name when left empty.' },
      { name: 'reference', label: 'Reference', type: 'line', hint: 'How it is cited: Cabinet Decision 47/2021.' },
      { name: 'owner', label: 'Owner', type: 'select', options: (r) => options(stakeholderPairs('—'), r.owner || '') },
      { name: 'adopted', label: 'Adopted', type: 'line', hint: dateHint },
      { name: 'inForce', label: 'In force', type: 'line', hint: dateHint },
      { name: 'expires', label: 'Expires', type: 'line', hint: dateHint },
      { name: 'review', label: 'Review due', type: 'line', hint: dateHint },
      { name: 'amount', label: 'Amount', type: 'number', show: money, hint: 'Yearly for a budget line, the total of a programme; whole units.' },
      { name: 'currency', label: 'Currency', type: 'line', show: money, hint: 'ISO 4217: USD, XCD…', upper: true },
      { name: 'recurrent', label: 'Voted every year (recurrent)', type: 'check', show: (r) => r.kind === 'budget-line' },
      { name: 'indicators', label: 'Indicators it bears on', type: 'multi', wide: true, hint: 'Ctrl+click or Shift+arrows to choose several.' },
      { name: 'source', label: 'Source', type: 'text' },
      { name: 'note', label: 'Note', type: 'text' },
    ],
  },
  {
    key: 'staff', title: 'Staff', one: 'staff record', limit: () => limits().factRecords,
    blank: () => ({ year: year() }),
    name: (r) => `${stakeholderName(r.stakeholder)}${r.unit ? `, ${r.unit}` : ''} ${r.year}`,
    columns: ['Institution', 'Year', 'Established', 'Filled'],
    cells: (r) => [stakeholderName(r.stakeholder) + (r.unit ? ` — ${r.unit}` : ''), String(r.year), r.established ?? '?', r.filled ?? '?'],
    fields: [
      { name: 'stakeholder', label: 'Institution', type: 'select', options: (r) => options(stakeholderPairs(), r.stakeholder || '') },
      { name: 'unit', label: 'Unit', type: 'line', hint: 'Empty for the institution\'s cyber staff as a whole.' },
      { name: 'year', label: 'Year', type: 'number', required: 'Enter the year the numbers describe.' },
      { name: 'established', label: 'Established posts', type: 'number' },
      { name: 'filled', label: 'Filled posts', type: 'number' },
      { name: 'source', label: 'Source', type: 'text' },
      { name: 'note', label: 'Note', type: 'text' },
    ],
  },
  {
    key: 'budapest', title: 'Budapest Convention', one: 'treaty status', single: ['treaties', 'budapest'],
    blank: () => ({ status: 'none' }),
    name: () => 'Budapest Convention',
    columns: ['Treaty', 'Status', 'Since'],
    cells: (r) => ['Council of Europe Convention on Cybercrime (Budapest)', label(r.status), r.date || ''],
    fields: [
      { name: 'status', label: 'Status', type: 'select', options: (r) => valueOptions(lists().treatyStatuses, r.status) },
      { name: 'date', label: 'Date', type: 'line', hint: `Of ratification or accession, signature or invitation: ${dateHint}` },
      { name: 'source', label: 'Source', type: 'text' },
      { name: 'note', label: 'Note', type: 'text' },
    ],
  },
  {
    key: 'networks', title: 'Networks', one: 'network record', limit: () => limits().factRecords,
    blank: () => ({ network: 'first', status: 'member' }),
    name: (r) => (r.network === 'other' ? r.name : label(r.network)),
    columns: ['Network', 'Status', 'Since', 'Member'],
    cells: (r) => [r.network === 'other' ? r.name || 'Other' : label(r.network), label(r.status), r.since || '', stakeholderName(r.stakeholder)],
    fields: [
      { name: 'network', label: 'Network', type: 'select', options: (r) => valueOptions(lists().networks, r.network) },
      { name: 'name', label: 'Name of the network', type: 'line', show: (r) => r.network === 'other' },
      { name: 'status', label: 'Status', type: 'select', options: (r) => valueOptions(lists().networkStatuses, r.status) },
      { name: 'since', label: 'Since', type: 'line', hint: dateHint },
      { name: 'stakeholder', label: 'Member or applicant', type: 'select', options: (r) => options(stakeholderPairs('—'), r.stakeholder || '') },
      { name: 'source', label: 'Source', type: 'text' },
      { name: 'note', label: 'Note', type: 'text' },
    ],
  },
  {
    key: 'incidents', title: 'Incidents', one: 'incident count', limit: () => limits().factRecords,
    blank: () => ({ year: year() - 1 }),
    name: (r) => `${r.year}${r.stakeholder ? ` ${stakeholderName(r.stakeholder)}` : ''}`,
    columns: ['Year', 'Handled', 'By'],
    cells: (r) => [String(r.year), String(r.handled), r.stakeholder ? stakeholderName(r.stakeholder) : 'national'],
    fields: [
      { name: 'year', label: 'Year', type: 'number', required: 'Enter the year.' },
      { name: 'handled', label: 'Incidents handled', type: 'number', required: 'Enter the number handled (confirmed incidents).' },
      { name: 'stakeholder', label: 'Team', type: 'select', options: (r) => options(stakeholderPairs('National total'), r.stakeholder || '') },
      { name: 'source', label: 'Source', type: 'text' },
      { name: 'note', label: 'Note', type: 'text' },
    ],
  },
  {
    key: 'strategyInForce', title: 'Strategy in force', one: 'strategy in force', single: ['strategyInForce'],
    blank: () => ({ from: year(), to: year() + 4 }),
    name: (r) => instrumentName(r.instrument),
    columns: ['Strategy', 'Period'],
    cells: (r) => [instrumentName(r.instrument), `${r.from}–${r.to}`],
    fields: [
      { name: 'instrument', label: 'Strategy', type: 'select', options: (r) => options(strategies(r.instrument), r.instrument || ''), required: 'Record the strategy as an instrument of kind "Strategy" first.' },
      { name: 'from', label: 'First year', type: 'number', required: 'Enter the first year of its period.' },
      { name: 'to', label: 'Last year', type: 'number', required: 'Enter the last year of its period.' },
    ],
  },
];

function money(r) {
  return r.kind === 'budget-line' || r.kind === 'donor-programme';
}

function statusesOf(kind) {
  return lists().kindStatuses[kind] || lists().instrumentStatuses;
}

function instruments() {
  return (a().facts && a().facts.instruments) || [];
}

function instrumentName(id) {
  const i = instruments().find((x) => x.id === id);
  return i ? i.name : id;
}

function strategies() {
  return instruments().filter((x) => x.kind === 'strategy').map((x) => [x.id, x.name]);
}

// records returns the records of kind k, with the pointer of each.
function records(k) {
  const f = a().facts || {};
  if (k.single) {
    const v = k.single.reduce((o, p) => (o ? o[p] : undefined), f);
    return v ? [{ r: v, at: `/facts/${k.single.join('/')}` }] : [];
  }
  return (f[k.key] || []).map((r, i) => ({ r, at: `/facts/${k.key}/${i}` }));
}

function pointerOf(k, index) {
  return k.single ? `/facts/${k.single.join('/')}` : `/facts/${k.key}/${index}`;
}

// put sets record r (or removes it, r undefined) of kind k at index in
// facts, dropping what becomes empty.
function put(facts, k, index, r) {
  if (k.single) {
    const [outer, inner] = k.single;
    if (inner) {
      facts[outer] = { ...(facts[outer] || {}) };
      if (r) facts[outer][inner] = r;
      else delete facts[outer][inner];
      if (!Object.keys(facts[outer]).length) delete facts[outer];
    } else if (r) {
      facts[outer] = r;
    } else {
      delete facts[outer];
    }
    return facts;
  }
  const list = (facts[k.key] || []).slice();
  if (!r) list.splice(index, 1);
  else if (index < 0) list.push(r);
  else list[index] = r;
  if (list.length) facts[k.key] = list;
  else delete facts[k.key];
  return facts;
}

function withFacts(as, facts) {
  if (Object.keys(facts).length) as.facts = facts;
  else delete as.facts;
}

// count is the number of records of every kind.
function count() {
  return kinds.reduce((n, k) => n + records(k).length, 0);
}

// section returns the Facts section of the Setup screen.
export function factsSection() {
  if (!app.info.facts) return null;
  const k = kinds.find((x) => x.key === view.kind) || kinds[0];
  if (view.editing !== null && view.editing >= records(k).length) {
    // The record went (an undo, another window): no form for it.
    view.editing = null;
    view.problems = [];
  }
  const tabs = h('div', { class: 'facts-kinds', role: 'group', 'aria-label': 'Kind of fact' }, kinds.map((x) => h('button', {
    type: 'button', id: `facts-kind-${x.key}`, 'aria-pressed': String(x === k),
    text: `${x.title}${x.single ? '' : ` (${records(x).length})`}`,
    on: { click: () => {
      view.kind = x.key;
      view.editing = null;
      view.problems = [];
      redraw();
      focus(`facts-kind-${x.key}`);
    } },
  })));
  return h('section', { class: 'panel facts', id: 'facts', 'aria-labelledby': 'h-facts' },
    h('h2', { id: 'h-facts', text: `Country facts (${count()})` }),
    h('p', { class: 'hint', text: 'What the country already has: the instruments that carry its capabilities, posts, treaty and network status, incident counts. ' +
      'The draft renews, revives or implements what exists instead of creating it again. Record each fact with its source.' }),
    tabs, listOf(k), view.editing !== null ? form(k) : null);
}

function listOf(k) {
  const recs = records(k);
  const rows = recs.map(({ r, at }, i) => {
    const problems = app.problems.filter((p) => p.at && (p.at === at || p.at.startsWith(`${at}/`)));
    const used = k.key === 'instruments' && a().facts.strategyInForce && a().facts.strategyInForce.instrument === r.id;
    return h('tr', { dataset: { at }, class: view.editing === i ? 'current' : null },
      k.cells(r).map((c, j) => h('td', {}, j === 0 ? [h('span', { text: c }), problems.length ? h('span', { class: 'flag', title: problems.map((p) => problemText(p)).join('; '), text: `${problems.length} problem${problems.length > 1 ? 's' : ''}` }) : null] : String(c))),
      h('td', { class: 'actions' },
        h('button', { type: 'button', id: `fact-edit-${i}`, text: 'Edit', 'aria-label': `Edit ${k.name(r)}`, on: { click: () => open(i) } }),
        h('button', {
          type: 'button', text: 'Remove', 'aria-label': `Remove ${k.name(r)}`, disabled: used,
          title: used ? 'The strategy in force names it' : '',
          on: { click: () => remove(k, i, r) },
        })));
  });
  const full = !k.single && k.limit && recs.length >= k.limit();
  const canAdd = !(k.single && recs.length) && !full && (k.key !== 'staff' || a().stakeholders.length);
  return h('div', { class: 'facts-list' },
    rows.length ? h('table', { class: 'grid small' },
      h('thead', {}, h('tr', {}, colHeads([...k.columns, '']))),
      h('tbody', {}, rows)) : h('p', { text: k.key === 'staff' && !a().stakeholders.length ? 'Add stakeholders first: posts belong to one.' : `No ${k.one} recorded.` }),
    canAdd && view.editing === null ? h('button', { type: 'button', id: 'fact-add', class: 'primary', text: `Add ${k.one}`, on: { click: () => open(-1) } }) : null,
    full ? h('p', { class: 'hint', text: `The list holds ${k.limit()} records, the most an assessment may have.` }) : null);
}

function open(index) {
  view.editing = index;
  const k = kinds.find((x) => x.key === view.kind);
  const at = pointerOf(k, index);
  // Problems the checks already found in this record show at once.
  view.problems = index < 0 ? [] : app.problems.filter((p) => p.at && (p.at === at || p.at.startsWith(`${at}/`)));
  redraw();
  focus(`fact-${k.fields[0].name}`);
}

function close(focusId) {
  view.editing = null;
  view.problems = [];
  redraw();
  focus(focusId);
}

function focus(id) {
  const el = document.getElementById(id);
  if (el) {
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  }
}

// control makes the input of field f for record r.
function control(f, r) {
  const id = `fact-${f.name}`;
  const v = r[f.name];
  switch (f.type) {
    case 'select':
      return h('select', { id, name: f.name }, f.options(r));
    case 'multi': {
      const chosen = new Set(v || []);
      return h('select', { id, name: f.name, multiple: true, size: 8 }, app.model.pillars.map((p) => h('optgroup', { label: `${p.id} ${text(p.name, 'en')}` },
        p.areas.flatMap((ar) => ar.indicators.map((ind) => h('option', { value: ind.id, text: `${ind.id} ${text(ind.title, 'en')}`, selected: chosen.has(ind.id) }))))));
    }
    case 'check':
      return h('input', { type: 'checkbox', id, name: f.name, checked: !!v });
    case 'number':
      return h('input', { type: 'number', id, name: f.name, value: v ?? '', step: 1, min: 0, inputMode: 'numeric' });
    case 'text':
      return h('textarea', { id, name: f.name, rows: 2, maxLength: limits().text, value: v || '' });
    default:
      return h('input', { type: 'text', id, name: f.name, value: v || '', maxLength: limits().name });
  }
}

function form(k) {
  const recs = records(k);
  const index = view.editing;
  const old = index >= 0 && recs[index] ? recs[index].r : null;
  const r = old ? structuredClone(old) : k.blank();
  const at = pointerOf(k, index < 0 ? ((a().facts || {})[k.key] || []).length : index);
  const controls = {};
  const wraps = {};
  const parts = k.fields.map((f) => {
    if (f.newOnly && old) return null;
    const c = control(f, r);
    controls[f.name] = c;
    const w = f.type === 'check' ? h('div', { class: 'field check' }, c, h('label', { for: c.id, text: f.label }), h('span', { class: 'field-error', id: `${c.id}-err`, hidden: true })) : field(f.label, c, f.hint);
    if (f.type === 'check') c.setAttribute('aria-describedby', `${c.id}-err`);
    if (f.wide || f.type === 'text') w.classList.add('wide');
    if (f.type === 'multi') {
      // What is chosen stays in view however the list is scrolled.
      const chosen = h('span', { class: 'chosen', id: `${c.id}-chosen`, 'aria-live': 'polite' });
      const say = () => { chosen.textContent = `Chosen: ${[...c.selectedOptions].map((o) => o.value).join(', ') || 'none'}`; };
      c.addEventListener('change', say);
      say();
      w.insertBefore(chosen, c.nextSibling);
    }
    wraps[f.name] = w;
    return w;
  });
  const general = h('div', { class: 'field-error', id: 'fact-problems', role: 'alert', hidden: true });
  // The fields that apply, and the statuses that fit the kind, follow
  // the kind (and the network).
  const follow = () => {
    const cur = read(k, controls, r);
    for (const f of k.fields) if (f.show && wraps[f.name]) wraps[f.name].hidden = !f.show(cur);
    if (controls.kind && controls.status) {
      const fits = statusesOf(controls.kind.value);
      const keep = fits.includes(controls.status.value) ? controls.status.value : fits[0];
      controls.status.replaceChildren(...valueOptions(fits, keep));
    }
  };
  for (const name of ['kind', 'network']) if (controls[name]) controls[name].addEventListener('change', follow);
  const el = h('form', {
    class: 'facts-form', id: 'fact-form', novalidate: true, 'aria-labelledby': 'fact-form-title',
    on: {
      submit: (e) => {
        e.preventDefault();
        save(k, index, read(k, controls, r), controls, general, at);
      },
      keydown: (e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close(index >= 0 ? `fact-edit-${index}` : 'fact-add');
        }
      },
    },
  },
  h('h3', { id: 'fact-form-title', text: old ? `Edit ${k.one}: ${k.name(old)}` : `Add ${k.one}` }),
  old && old.id && k.key === 'instruments' ? h('p', { class: 'hint', text: `ID ${old.id}` }) : null,
  general,
  h('div', { class: 'cols' }, parts),
  h('div', { class: 'row' },
    h('button', { type: 'submit', class: 'primary', id: 'fact-save', text: old ? 'Save changes' : `Add ${k.one}` }),
    h('button', { type: 'button', id: 'fact-cancel', text: 'Cancel', on: { click: () => close(index >= 0 ? `fact-edit-${index}` : 'fact-add') } }),
    h('span', { class: 'hint', text: 'Esc cancels.' })));
  follow();
  show(view.problems, controls, general, at);
  return el;
}

// read returns the record the form holds: empty fields left out, numbers
// as numbers, the currency in capitals. Fields of r the form does not
// show are kept.
function read(k, controls, r) {
  const out = { ...r };
  for (const f of k.fields) {
    const c = controls[f.name];
    if (!c) continue;
    let v;
    switch (f.type) {
      case 'check': v = c.checked || undefined; break;
      case 'multi': v = [...c.selectedOptions].map((o) => o.value); if (!v.length) v = undefined; break;
      case 'number': v = c.value.trim() === '' ? undefined : Number(c.value); break;
      case 'select': v = c.value || undefined; break;
      default: v = c.value.trim() || undefined; if (v && f.upper) v = v.toUpperCase();
    }
    if (v === undefined) delete out[f.name];
    else out[f.name] = v;
  }
  for (const f of k.fields) if (f.show && !f.show(out)) delete out[f.name];
  return out;
}

// save checks record r with the engine, as it would sit at its place in
// the assessment, and saves it when the engine finds no problem in it.
async function save(k, index, r, controls, general, at) {
  const missing = k.fields.filter((f) => f.required && controls[f.name] && (r[f.name] === undefined || r[f.name] === ''));
  for (const f of k.fields) if (controls[f.name]) setError(controls[f.name], '');
  if (missing.length) {
    for (const f of missing) setError(controls[f.name], f.required);
    controls[missing[0].name].focus();
    return;
  }
  if (k.key === 'instruments' && index < 0 && !r.id) {
    r.id = slug(r.name, new Set(instruments().map((x) => x.id)));
  }
  const facts = put(structuredClone(a().facts || {}), k, index, r);
  const candidate = { ...a() };
  withFacts(candidate, facts);
  let problems;
  try {
    const v = await app.engine.call('validate', JSON.stringify(candidate));
    problems = v.problems.filter((p) => p.at && (p.at === at || p.at.startsWith(`${at}/`) || (k.key === 'instruments' && p.at.startsWith('/facts/strategyInForce'))));
  } catch (e) {
    problems = [{ message: `the engine could not check the record: ${e.message}` }];
  }
  if (problems.length) {
    view.problems = problems;
    show(problems, controls, general, at);
    return;
  }
  const added = index < 0;
  const i = added ? ((a().facts || {})[k.key] || []).length : index;
  change({ what: 'fact', pointer: pointerOf(k, i), value: r, note: `${added ? 'added' : 'changed'} ${k.one} "${k.name(r)}"` },
    (as) => withFacts(as, put(structuredClone(as.facts || {}), k, index, r)));
  announce(`${added ? 'Added' : 'Saved'} ${k.one} ${k.name(r)}`);
  close(k.single ? 'fact-edit-0' : `fact-edit-${i}`);
}

// show puts each problem beside the field its pointer names (the first
// part after the record's pointer), and the others above the fields.
function show(problems, controls, general, at) {
  const byField = new Map();
  const rest = [];
  for (const p of problems) {
    const name = p.at && p.at.startsWith(`${at}/`) ? p.at.slice(at.length + 1).split('/')[0] : '';
    if (name && controls[name]) byField.set(name, [...(byField.get(name) || []), p]);
    else rest.push(p);
  }
  for (const [name, c] of Object.entries(controls)) {
    const ps = byField.get(name) || [];
    setError(c, ps.map((p) => (p.hint ? `${p.message}; ${p.hint}` : p.message)).join('. '));
  }
  general.textContent = rest.map((p) => (p.hint ? `${p.message}; ${p.hint}` : p.message)).join('. ');
  general.hidden = !rest.length;
  const first = Object.keys(controls).find((n) => byField.has(n));
  if (first) controls[first].focus();
  else if (rest.length) general.scrollIntoView({ block: 'nearest' });
}

function remove(k, i, r) {
  const name = k.name(r);
  change({ what: 'fact', pointer: pointerOf(k, i), note: `removed ${k.one} "${name}"` },
    (as) => withFacts(as, put(structuredClone(as.facts || {}), k, i, undefined)));
  view.editing = null;
  view.problems = [];
  redraw();
  focus(document.getElementById('fact-edit-0') ? 'fact-edit-0' : 'fact-add');
  toast(`Removed ${k.one} "${name}". Undo: Ctrl+Z.`, { action: { label: 'Undo', run: undo } });
}

// refreshFacts marks the records the engine's checks find problems in,
// when a new result comes.
export function refreshFacts() {
  for (const tr of document.querySelectorAll('#facts tbody tr[data-at]')) {
    const at = tr.dataset.at;
    const n = app.problems.filter((p) => p.at && (p.at === at || p.at.startsWith(`${at}/`))).length;
    const cell = tr.querySelector('td');
    const flag = cell.querySelector('.flag');
    if (flag) flag.remove();
    if (n) cell.append(h('span', { class: 'flag', text: `${n} problem${n > 1 ? 's' : ''}` }));
  }
}

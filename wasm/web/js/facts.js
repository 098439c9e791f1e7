// facts.js is the Setup screen's Facts section: what the country already
// has (instruments, posts, the Budapest Convention, networks, incident
// counts, the strategy in force), as a list of records per kind with one
// edit form at a time. The kinds and statuses come from the engine
// (info.facts), never from lists kept here. A record is checked by the
// engine before it is saved; each problem shows beside the field its
// JSON pointer names. Every change goes through change(), so it is
// saved, logged and can be undone like any other.

import { h, field, setError, options, announce, toast, colHeads } from './dom.js';
import { app, change, render as redraw, undo, limits, problemText, vocab, lang } from './app.js';
import { slug } from './session.js';
import { text } from './model.js';
import { t, tn } from './i18n.js';

// view is what the section shows: the kind of record, and the record
// being edited (index, or -1 for a new one; null when no form is open).
const view = { kind: 'instruments', editing: null, problems: [] };

function a() {
  return app.session.assessment;
}

function lists() {
  return app.info.facts;
}

// label is how a value of one of the engine's lists (list: a key of
// vocab().facts, such as instrumentStatuses) reads on screen, named by the
// engine in the page's language.
export function label(list, v) {
  if (!v) return '';
  const x = vocab().facts[list].find((y) => y.id === v);
  return x ? x.name : v;
}

function valueOptions(list, values, selected, blank) {
  const pairs = values.map((v) => [v, label(list, v)]);
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

// kinds describes each kind of record: where it lives in facts, how its
// list reads, and its form's fields. A field has a name (the JSON field),
// a label, a type (text, line, number, select, multi, check) and, for a
// select, its options; show(record) hides a field that does not apply.
// Titles, labels, hints and messages are keys of text.json; the messages
// of a kind are the keys facts.KIND.add, .none, .edit, .added, .saved and
// .removed.
const kinds = [
  {
    key: 'instruments', title: 'facts.instruments.title', one: 'facts.instruments.one', limit: () => limits().instruments,
    blank: () => ({ kind: 'law', status: 'in-force' }),
    name: (r) => r.name,
    columns: ['facts.w.name', 'facts.w.kind', 'facts.w.status', 'facts.instruments.col3'],
    cells: (r) => [r.name + (r.reference ? ` (${r.reference})` : ''), label('instrumentKinds', r.kind), label('instrumentStatuses', r.status),
      ['adopted', 'inForce', 'expires', 'review'].filter((d) => r[d]).map((d) => t(`facts.dates.${d}`, { date: r[d] })).join(', ')],
    fields: [
      { name: 'kind', label: 'facts.w.kind', type: 'select', options: (r) => valueOptions('instrumentKinds', lists().instrumentKinds, r.kind) },
      { name: 'status', label: 'facts.w.status', type: 'select', options: (r) => valueOptions('instrumentStatuses', statusesOf(r.kind), r.status), hint: 'facts.instruments.status.hint' },
      { name: 'name', label: 'facts.w.name', type: 'line', required: 'facts.instruments.name.required' },
      { name: 'id', label: 'facts.instruments.id', type: 'line', newOnly: true, hint: 'facts.instruments.id.hint' },
      { name: 'reference', label: 'facts.instruments.reference', type: 'line', hint: 'facts.instruments.reference.hint' },
      { name: 'owner', label: 'facts.instruments.owner', type: 'select', options: (r) => options(stakeholderPairs('—'), r.owner || '') },
      { name: 'adopted', label: 'facts.instruments.adopted', type: 'line', hint: 'facts.date.hint' },
      { name: 'inForce', label: 'facts.instruments.inForce', type: 'line', hint: 'facts.date.hint' },
      { name: 'expires', label: 'facts.instruments.expires', type: 'line', hint: 'facts.date.hint' },
      { name: 'review', label: 'facts.instruments.review', type: 'line', hint: 'facts.date.hint' },
      { name: 'amount', label: 'facts.instruments.amount', type: 'number', show: money, hint: 'facts.instruments.amount.hint' },
      { name: 'currency', label: 'facts.instruments.currency', type: 'line', show: money, hint: 'facts.instruments.currency.hint', upper: true },
      { name: 'recurrent', label: 'facts.instruments.recurrent', type: 'check', show: (r) => r.kind === 'budget-line' },
      { name: 'indicators', label: 'facts.instruments.indicators', type: 'multi', wide: true, hint: 'facts.instruments.indicators.hint' },
      { name: 'source', label: 'facts.w.source', type: 'text' },
      { name: 'note', label: 'facts.w.note', type: 'text' },
    ],
  },
  {
    key: 'staff', title: 'facts.staff.title', one: 'facts.staff.one', limit: () => limits().factRecords,
    blank: () => ({ year: year() }),
    name: (r) => `${stakeholderName(r.stakeholder)}${r.unit ? `, ${r.unit}` : ''} ${r.year}`,
    columns: ['facts.w.institution', 'facts.w.year', 'facts.staff.col2', 'facts.staff.col3'],
    cells: (r) => [stakeholderName(r.stakeholder) + (r.unit ? ` — ${r.unit}` : ''), String(r.year), r.established ?? '?', r.filled ?? '?'],
    fields: [
      { name: 'stakeholder', label: 'facts.w.institution', type: 'select', options: (r) => options(stakeholderPairs(), r.stakeholder || '') },
      { name: 'unit', label: 'facts.staff.unit', type: 'line', hint: 'facts.staff.unit.hint' },
      { name: 'year', label: 'facts.w.year', type: 'number', required: 'facts.staff.year.required' },
      { name: 'established', label: 'facts.staff.established', type: 'number' },
      { name: 'filled', label: 'facts.staff.filled', type: 'number' },
      { name: 'source', label: 'facts.w.source', type: 'text' },
      { name: 'note', label: 'facts.w.note', type: 'text' },
    ],
  },
  {
    key: 'budapest', title: 'facts.budapest.title', one: 'facts.budapest.one', single: ['treaties', 'budapest'],
    blank: () => ({ status: 'none' }),
    name: () => t('facts.budapest.title'),
    columns: ['facts.budapest.col0', 'facts.w.status', 'facts.w.since'],
    cells: (r) => [t('facts.budapest.treaty'), label('treatyStatuses', r.status), r.date || ''],
    fields: [
      { name: 'status', label: 'facts.w.status', type: 'select', options: (r) => valueOptions('treatyStatuses', lists().treatyStatuses, r.status) },
      { name: 'date', label: 'facts.budapest.date', type: 'line', hint: 'facts.budapest.date.hint' },
      { name: 'source', label: 'facts.w.source', type: 'text' },
      { name: 'note', label: 'facts.w.note', type: 'text' },
    ],
  },
  {
    key: 'networks', title: 'facts.networks.title', one: 'facts.networks.one', limit: () => limits().factRecords,
    blank: () => ({ network: 'first', status: 'member' }),
    name: (r) => (r.network === 'other' ? r.name : label('networks', r.network)),
    columns: ['facts.w.network', 'facts.w.status', 'facts.w.since', 'facts.networks.col3'],
    cells: (r) => [r.network === 'other' ? r.name || label('networks', 'other') : label('networks', r.network), label('networkStatuses', r.status), r.since || '', stakeholderName(r.stakeholder)],
    fields: [
      { name: 'network', label: 'facts.w.network', type: 'select', options: (r) => valueOptions('networks', lists().networks, r.network) },
      { name: 'name', label: 'facts.networks.name', type: 'line', show: (r) => r.network === 'other' },
      { name: 'status', label: 'facts.w.status', type: 'select', options: (r) => valueOptions('networkStatuses', lists().networkStatuses, r.status) },
      { name: 'since', label: 'facts.w.since', type: 'line', hint: 'facts.date.hint' },
      { name: 'stakeholder', label: 'facts.networks.stakeholder', type: 'select', options: (r) => options(stakeholderPairs('—'), r.stakeholder || '') },
      { name: 'source', label: 'facts.w.source', type: 'text' },
      { name: 'note', label: 'facts.w.note', type: 'text' },
    ],
  },
  {
    key: 'incidents', title: 'facts.incidents.title', one: 'facts.incidents.one', limit: () => limits().factRecords,
    blank: () => ({ year: year() - 1 }),
    name: (r) => `${r.year}${r.stakeholder ? ` ${stakeholderName(r.stakeholder)}` : ''}`,
    columns: ['facts.w.year', 'facts.incidents.col1', 'facts.incidents.col2'],
    cells: (r) => [String(r.year), String(r.handled), r.stakeholder ? stakeholderName(r.stakeholder) : t('facts.incidents.national')],
    fields: [
      { name: 'year', label: 'facts.w.year', type: 'number', required: 'facts.incidents.year.required' },
      { name: 'handled', label: 'facts.incidents.handled', type: 'number', required: 'facts.incidents.handled.required' },
      { name: 'stakeholder', label: 'facts.incidents.stakeholder', type: 'select', options: (r) => options(stakeholderPairs(t('facts.incidents.total')), r.stakeholder || '') },
      { name: 'source', label: 'facts.w.source', type: 'text' },
      { name: 'note', label: 'facts.w.note', type: 'text' },
    ],
  },
  {
    key: 'strategyInForce', title: 'facts.strategyInForce.title', one: 'facts.strategyInForce.one', single: ['strategyInForce'],
    blank: () => ({ from: year(), to: year() + 4 }),
    name: (r) => instrumentName(r.instrument),
    columns: ['facts.w.strategy', 'facts.strategyInForce.col1'],
    cells: (r) => [instrumentName(r.instrument), `${r.from}–${r.to}`],
    fields: [
      { name: 'instrument', label: 'facts.w.strategy', type: 'select', options: (r) => options(strategies(r.instrument), r.instrument || ''), required: 'facts.strategyInForce.instrument.required' },
      { name: 'from', label: 'facts.strategyInForce.from', type: 'number', required: 'facts.strategyInForce.from.required' },
      { name: 'to', label: 'facts.strategyInForce.to', type: 'number', required: 'facts.strategyInForce.to.required' },
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
  const tabs = h('div', { class: 'facts-kinds', role: 'group', 'aria-label': t('facts.kinds') }, kinds.map((x) => h('button', {
    type: 'button', id: `facts-kind-${x.key}`, 'aria-pressed': String(x === k),
    text: `${t(x.title)}${x.single ? '' : ` (${records(x).length})`}`,
    on: { click: () => {
      view.kind = x.key;
      view.editing = null;
      view.problems = [];
      redraw();
      focus(`facts-kind-${x.key}`);
    } },
  })));
  return h('section', { class: 'panel facts', id: 'facts', 'aria-labelledby': 'h-facts' },
    h('h2', { id: 'h-facts', text: t('facts.title', { n: count() }) }),
    h('p', { class: 'hint', text: t('facts.about') }),
    tabs, listOf(k), view.editing !== null ? form(k) : null);
}

function listOf(k) {
  const recs = records(k);
  const rows = recs.map(({ r, at }, i) => {
    const problems = app.problems.filter((p) => p.at && (p.at === at || p.at.startsWith(`${at}/`)));
    const used = k.key === 'instruments' && a().facts.strategyInForce && a().facts.strategyInForce.instrument === r.id;
    return h('tr', { dataset: { at }, class: view.editing === i ? 'current' : null },
      k.cells(r).map((c, j) => h('td', {}, j === 0 ? [h('span', { text: c }), problems.length ? h('span', { class: 'flag', title: problems.map((p) => problemText(p)).join('; '), text: tn('facts.problems', problems.length) }) : null] : String(c))),
      h('td', { class: 'actions' },
        h('button', { type: 'button', id: `fact-edit-${i}`, text: t('edit'), 'aria-label': t('edit.label', { name: k.name(r) }), on: { click: () => open(i) } }),
        h('button', {
          type: 'button', text: t('remove'), 'aria-label': t('remove.label', { name: k.name(r) }), disabled: used,
          title: used ? t('facts.used') : '',
          on: { click: () => remove(k, i, r) },
        })));
  });
  const full = !k.single && k.limit && recs.length >= k.limit();
  const canAdd = !(k.single && recs.length) && !full && (k.key !== 'staff' || a().stakeholders.length);
  return h('div', { class: 'facts-list' },
    rows.length ? h('table', { class: 'grid small' },
      h('thead', {}, h('tr', {}, colHeads([...k.columns.map((c) => t(c)), '']))),
      h('tbody', {}, rows)) : h('p', { text: k.key === 'staff' && !a().stakeholders.length ? t('facts.staff.first') : t(`facts.${k.key}.none`) }),
    canAdd && view.editing === null ? h('button', { type: 'button', id: 'fact-add', class: 'primary', text: t(`facts.${k.key}.add`), on: { click: () => open(-1) } }) : null,
    full ? h('p', { class: 'hint', text: t('facts.full', { n: k.limit() }) }) : null);
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
      return h('select', { id, name: f.name, multiple: true, size: 8 }, app.model.pillars.map((p) => h('optgroup', { label: `${p.id} ${text(p.name, lang())}` },
        p.areas.flatMap((ar) => ar.indicators.map((ind) => h('option', { value: ind.id, text: `${ind.id} ${text(ind.title, lang())}`, selected: chosen.has(ind.id) }))))));
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
    const w = f.type === 'check' ? h('div', { class: 'field check' }, c, h('label', { for: c.id, text: t(f.label) }), h('span', { class: 'field-error', id: `${c.id}-err`, hidden: true })) : field(t(f.label), c, f.hint && t(f.hint));
    if (f.type === 'check') c.setAttribute('aria-describedby', `${c.id}-err`);
    if (f.wide || f.type === 'text') w.classList.add('wide');
    if (f.type === 'multi') {
      // What is chosen stays in view however the list is scrolled.
      const chosen = h('span', { class: 'chosen', id: `${c.id}-chosen`, 'aria-live': 'polite' });
      const say = () => { chosen.textContent = t('facts.chosen', { list: [...c.selectedOptions].map((o) => o.value).join(', ') || t('facts.chosen.none') }); };
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
      controls.status.replaceChildren(...valueOptions('instrumentStatuses', fits, keep));
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
  h('h3', { id: 'fact-form-title', text: old ? t(`facts.${k.key}.edit`, { name: k.name(old) }) : t(`facts.${k.key}.add`) }),
  old && old.id && k.key === 'instruments' ? h('p', { class: 'hint', text: t('id', { id: old.id }) }) : null,
  general,
  h('div', { class: 'cols' }, parts),
  h('div', { class: 'row' },
    h('button', { type: 'submit', class: 'primary', id: 'fact-save', text: old ? t('facts.save') : t(`facts.${k.key}.add`) }),
    h('button', { type: 'button', id: 'fact-cancel', text: t('cancel'), on: { click: () => close(index >= 0 ? `fact-edit-${index}` : 'fact-add') } }),
    h('span', { class: 'hint', text: t('facts.esc') })));
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
    for (const f of missing) setError(controls[f.name], t(f.required));
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
    problems = [{ message: t('facts.unchecked', { reason: e.message }) }];
  }
  if (problems.length) {
    view.problems = problems;
    show(problems, controls, general, at);
    return;
  }
  const added = index < 0;
  const i = added ? ((a().facts || {})[k.key] || []).length : index;
  change({ what: 'fact', pointer: pointerOf(k, i), value: r, note: t(added ? 'note.fact.added' : 'note.fact.changed', { kind: t(k.one), name: k.name(r) }) },
    (as) => withFacts(as, put(structuredClone(as.facts || {}), k, index, r)));
  announce(t(`facts.${k.key}.${added ? 'added' : 'saved'}`, { name: k.name(r) }));
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
  change({ what: 'fact', pointer: pointerOf(k, i), note: t('note.fact.removed', { kind: t(k.one), name }) },
    (as) => withFacts(as, put(structuredClone(as.facts || {}), k, i, undefined)));
  view.editing = null;
  view.problems = [];
  redraw();
  focus(document.getElementById('fact-edit-0') ? 'fact-edit-0' : 'fact-add');
  toast(`${t(`facts.${k.key}.removed`, { name })} ${t('undo.hint')}`, { action: { label: t('undo.verb'), run: undo } });
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
    if (n) cell.append(h('span', { class: 'flag', text: tn('facts.problems', n) }));
  }
}

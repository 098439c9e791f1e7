// screens/priorities.js: the ranked priorities with their reasons; the
// facilitator pins an indicator to a rank, with a reason and, when the
// room sets one, a deadline.

import { h, fill, field, setError, announce } from '../dom.js';
import { app, change, go, lang, limits } from '../app.js';
import { text } from '../model.js';
import { overrideIndex } from '../session.js';

export const screen = { id: 'priorities', title: 'Priorities', needsSession: true, render, refresh: () => draw() };

let root = null;
let editing = '';

function render(el) {
  root = el;
  draw();
}

function draw() {
  if (!root || !document.body.contains(root)) return;
  fill(root, h('h1', { text: 'Priorities' }));
  const r = app.result;
  if (!r) {
    root.append(h('p', { class: 'banner', text: 'Scores are not available: see the Results screen.' }));
    return;
  }
  if (!r.priorities.length) {
    root.append(h('p', { text: 'No gap yet: answer indicators on the Assess screen, and every indicator below its target ranks here.' }));
    return;
  }
  root.append(h('p', { class: 'hint', text: 'Score = gap × weight × urgency × cost factor; an indicator that others depend on ranks with them. Pin a rank when the room decides otherwise; the computed rank and your reason stay on record.' }));
  const L = lang();
  const rows = r.priorities.map((p) => {
    const ind = app.model.indicator(p.indicator);
    const cells = [
      h('td', { class: 'num rank', text: p.rank }),
      h('td', {}, h('button', { type: 'button', class: 'link', text: p.indicator, on: { click: () => go('assess', { indicator: p.indicator }) } }),
        h('div', { text: text(ind.title, L) })),
      h('td', { class: 'num', text: `${p.level} → ${p.target}` }),
      h('td', { class: 'num', text: p.effective.toFixed(2) }),
      h('td', { class: 'reason', text: p.reason }),
      h('td', {}, overrideCell(p)),
    ];
    return h('tr', { class: p.override ? 'pinned' : '' }, cells);
  });
  root.append(h('table', { class: 'grid', id: 'priorities' },
    h('thead', {}, h('tr', {}, ['Rank', 'Indicator', 'Level → target', 'Score', 'Why', 'Override'].map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, rows)));
}

function overrideCell(p) {
  const a = app.session.assessment;
  if (editing === p.indicator) return overrideForm(p);
  if (p.override) {
    return h('div', {},
      h('p', { text: `Pinned at ${p.override.rank} (computed ${p.override.computed || 'none'})${p.override.deadline ? `, due before ${p.override.deadline}` : ''}; the reason is in "Why".` }),
      h('button', { type: 'button', text: 'Remove', 'aria-label': `Remove the override of ${p.indicator}`, on: { click: () => {
        const i = overrideIndex(a, p.indicator);
        change({ what: 'override', pointer: `/decisions/priorityOverrides/${i}`, indicator: p.indicator, note: 'override removed' },
          (as) => { as.decisions.priorityOverrides.splice(i, 1); if (!as.decisions.priorityOverrides.length) delete as.decisions.priorityOverrides; });
      } } }));
  }
  return h('button', { type: 'button', on: { click: () => { editing = p.indicator; draw(); document.getElementById('ov-rank').focus(); } } },
    'Pin rank…', h('span', { class: 'visually-hidden', text: ` of ${p.indicator}` }));
}

function overrideForm(p) {
  const a = app.session.assessment;
  const total = app.result.priorities.length;
  const rank = h('input', { type: 'number', id: 'ov-rank', min: 1, max: total, step: 1, value: p.rank });
  const reason = h('textarea', { id: 'ov-reason', rows: 3, maxLength: limits().text });
  // The deadline is optional: the date before which the actions that
  // close the indicator must be done. The plan meets it or warns.
  const current = (a.decisions.priorityOverrides || []).find((o) => o.indicator === p.indicator);
  const deadline = h('input', { type: 'date', id: 'ov-deadline', value: (current && current.deadline) || '' });
  return h('form', {
    class: 'override', novalidate: true,
    on: { submit: (e) => {
      e.preventDefault();
      const n = Number(rank.value);
      const taken = (a.decisions.priorityOverrides || []).find((o) => o.rank === n && o.indicator !== p.indicator);
      const bad = !Number.isInteger(n) || n < 1 ? 'A whole number, 1 or more.' : taken ? `Rank ${n} is already pinned to ${taken.indicator}.` : '';
      setError(rank, bad);
      setError(reason, reason.value.trim() ? '' : 'Say why the room ranks it so.');
      const due = deadline.value;
      const session = a.session.date || '';
      const badDue = due && !/^\d{4}-\d{2}-\d{2}$/.test(due) ? 'A date, as YYYY-MM-DD.'
        : due && session && due <= session ? `A deadline comes after the session (${session}).` : '';
      setError(deadline, badDue);
      if (bad || badDue || !reason.value.trim()) return;
      const o = { indicator: p.indicator, rank: n, reason: reason.value.trim() };
      if (due) o.deadline = due;
      const i = overrideIndex(a, p.indicator);
      const list = a.decisions.priorityOverrides || [];
      editing = '';
      change({ what: 'override', pointer: `/decisions/priorityOverrides/${i >= 0 ? i : list.length}`, indicator: p.indicator, value: o, note: `pinned at ${n}` },
        (as) => {
          as.decisions.priorityOverrides = as.decisions.priorityOverrides || [];
          if (i >= 0) as.decisions.priorityOverrides[i] = o;
          else as.decisions.priorityOverrides.push(o);
        });
      announce(`${p.indicator} pinned at rank ${n}`);
    } },
  }, field('Rank', rank), field('Reason', reason), field('Deadline (optional)', deadline, 'The date before which the actions must be done.'),
  h('button', { type: 'submit', text: 'Pin' }), ' ',
  h('button', { type: 'button', text: 'Cancel', on: { click: () => { editing = ''; draw(); } } }));
}

// screens/priorities.js: the ranked priorities with their reasons; the
// facilitator pins an indicator to a rank, with a reason and, when the
// room sets one, a deadline.

import { h, fill, field, setError, announce, colHeads } from '../dom.js';
import { app, change, go, lang, limits } from '../app.js';
import { text } from '../model.js';
import { overrideIndex } from '../session.js';
import { t, locale } from '../i18n.js';

export const screen = { id: 'priorities', needsSession: true, render, refresh: () => draw() };

let root = null;
let editing = '';

function render(el) {
  root = el;
  draw();
}

function draw() {
  if (!root || !document.body.contains(root)) return;
  fill(root, h('h1', { text: t('screen.priorities') }));
  const r = app.result;
  if (!r) {
    root.append(h('p', { class: 'banner', text: t('prio.no-scores') }));
    return;
  }
  if (!r.priorities.length) {
    root.append(h('p', { text: t('prio.no-gap') }));
    return;
  }
  root.append(h('p', { class: 'hint', text: t('prio.about') }));
  const L = lang();
  const rows = r.priorities.map((p) => {
    const ind = app.model.indicator(p.indicator);
    const cells = [
      h('td', { class: 'num rank', text: p.rank }),
      h('td', {}, h('button', { type: 'button', class: 'link', text: p.indicator, on: { click: () => go('assess', { indicator: p.indicator }) } }),
        h('div', { text: text(ind.title, L) })),
      h('td', { class: 'num', text: `${p.level} → ${p.target}` }),
      h('td', { class: 'num', text: p.effective.toLocaleString(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }) }),
      h('td', { class: 'reason', text: p.reason }),
      h('td', {}, overrideCell(p)),
    ];
    return h('tr', { class: p.override ? 'pinned' : '' }, cells);
  });
  root.append(h('table', { class: 'grid', id: 'priorities' },
    h('thead', {}, h('tr', {}, colHeads([t('prio.col.rank'), t('prio.col.indicator'), t('prio.col.level'), t('prio.col.score'), t('prio.col.why'), t('prio.col.override')]))),
    h('tbody', {}, rows)));
}

function overrideCell(p) {
  const a = app.session.assessment;
  if (editing === p.indicator) return overrideForm(p);
  if (p.override) {
    return h('div', {},
      h('p', { text: t(p.override.deadline ? 'prio.pinned.due' : 'prio.pinned', { rank: p.override.rank, computed: p.override.computed || t('prio.computed.none'), due: p.override.deadline }) }),
      h('button', { type: 'button', text: t('remove'), 'aria-label': t('prio.remove.label', { id: p.indicator }), on: { click: () => {
        const i = overrideIndex(a, p.indicator);
        change({ what: 'override', pointer: `/decisions/priorityOverrides/${i}`, indicator: p.indicator, note: t('note.override-removed') },
          (as) => { as.decisions.priorityOverrides.splice(i, 1); if (!as.decisions.priorityOverrides.length) delete as.decisions.priorityOverrides; });
      } } }));
  }
  return h('button', { type: 'button', on: { click: () => { editing = p.indicator; draw(); document.getElementById('ov-rank').focus(); } } },
    t('prio.pin.open'), h('span', { class: 'visually-hidden', text: ` ${t('prio.pin.of', { id: p.indicator })}` }));
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
      const bad = !Number.isInteger(n) || n < 1 ? t('profile.population.bad') : taken ? t('prio.rank.taken', { n, id: taken.indicator }) : '';
      setError(rank, bad);
      setError(reason, reason.value.trim() ? '' : t('prio.reason.missing'));
      const due = deadline.value;
      const session = a.session.date || '';
      const badDue = due && !/^\d{4}-\d{2}-\d{2}$/.test(due) ? t('prio.due.bad')
        : due && session && due <= session ? t('prio.due.early', { date: session }) : '';
      setError(deadline, badDue);
      if (bad || badDue || !reason.value.trim()) return;
      const o = { indicator: p.indicator, rank: n, reason: reason.value.trim() };
      if (due) o.deadline = due;
      const i = overrideIndex(a, p.indicator);
      const list = a.decisions.priorityOverrides || [];
      editing = '';
      change({ what: 'override', pointer: `/decisions/priorityOverrides/${i >= 0 ? i : list.length}`, indicator: p.indicator, value: o, note: t('note.pinned', { n }) },
        (as) => {
          as.decisions.priorityOverrides = as.decisions.priorityOverrides || [];
          if (i >= 0) as.decisions.priorityOverrides[i] = o;
          else as.decisions.priorityOverrides.push(o);
        });
      announce(t('prio.pinned.announce', { id: p.indicator, n }));
    } },
  }, field(t('prio.col.rank'), rank), field(t('prio.reason'), reason), field(t('prio.due'), deadline, t('prio.due.hint')),
  h('button', { type: 'submit', text: t('prio.pin') }), ' ',
  h('button', { type: 'button', text: t('cancel'), on: { click: () => { editing = ''; draw(); } } }));
}

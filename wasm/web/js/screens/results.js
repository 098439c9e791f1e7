// screens/results.js: live results. Coverage, a radar of progress against
// target per pillar or area, the table of achieved level, progress, target
// and gap, a gap heat map of every indicator and the open warnings.

import { h, fill } from '../dom.js';
import { app, go, lang, problemText, scorePlan } from '../app.js';
import { text } from '../model.js';
import { radar } from '../radar.js';

export const screen = { id: 'results', title: 'Results', needsSession: true, render, refresh: () => draw() };

let root = null;
let by = 'pillar';
let planAsked = null; // the result for which the plan's warnings were asked

function render(el) {
  root = el;
  draw();
}

function draw() {
  if (!root || !document.body.contains(root)) return;
  const L = lang();
  const r = app.result;
  fill(root, h('h1', { text: 'Results' }));
  if (!r) {
    root.append(h('div', { class: 'banner', role: 'alert' },
      h('p', { text: app.problems.length ? 'The assessment cannot be scored until these problems are fixed:' : 'Scoring…' }),
      h('ul', {}, app.problems.slice(0, 20).map((p) => h('li', { text: problemText(p) })))));
    return;
  }
  // A result scored on another screen lacks the plan's warnings: ask for
  // them once per result (an engine that fails keeps the old one).
  if (!app.resultPlan && planAsked !== r) {
    planAsked = r;
    scorePlan();
  }
  const c = r.coverage;
  root.append(h('p', { class: 'coverage', id: 'coverage' },
    h('strong', { text: `${c.percent}% covered` }),
    ` — ${c.assessed} of ${c.total - c.notApplicable} applicable indicators assessed`,
    c.unknown ? `, ${c.unknown} unknown` : '', c.unassessed ? `, ${c.unassessed} not yet answered` : '',
    c.notApplicable ? `, ${c.notApplicable} not applicable` : '', r.targetProfile ? `. Targets: ${r.targetProfile}.` : '.'));

  const m = app.model;
  const axes = by === 'pillar'
    ? r.pillars.map((p) => ({ label: p.id, title: text(m.find(p.id).node.name, L), value: p.progress, target: p.targetProgress, missing: !p.coverage.assessed }))
    : areaAxes(r, L);
  const toggle = h('div', { class: 'toggle', role: 'group', 'aria-label': 'Radar axes' },
    [['pillar', 'By pillar'], ['area', 'By area']].map(([v, label]) => h('button', {
      type: 'button', 'aria-pressed': String(by === v), text: label,
      on: { click: () => { by = v; draw(); } },
    })));
  root.append(h('div', { class: 'results-top' },
    h('figure', { class: 'chart', id: 'radar' },
      radar({ axes, max: m.maxLevel, size: 400, title: `Progress against target by ${by}` }),
      h('figcaption', {}, h('span', { class: 'key current', text: 'Current (progress)' }), h('span', { class: 'key target', text: 'Target' }),
        by === 'area' && axes.some((a) => a.missing) ? h('span', { class: 'key missing', text: 'grey: not assessed' }) : null, toggle)),
    table(r, L)));
  root.append(heatmap(r, L), warnings(r));
}

// areaAxes labels each area by the part of its ID after the pillar, or by
// the whole ID where two pillars use the same short name (GOV.RES, IRC.RES).
function areaAxes(r, L) {
  const m = app.model;
  const areas = r.pillars.flatMap((p) => p.areas);
  const short = (id) => id.split('.').slice(1).join('.');
  const seen = new Map();
  for (const ar of areas) seen.set(short(ar.id), (seen.get(short(ar.id)) || 0) + 1);
  return areas.map((ar) => ({
    label: seen.get(short(ar.id)) > 1 ? ar.id : short(ar.id),
    title: `${ar.id} ${text(m.find(ar.id).node.name, L)}`,
    value: ar.progress,
    target: ar.targetProgress,
    missing: !ar.coverage.assessed,
  }));
}

function fmt(x) {
  return x ? x.toFixed(2) : '—';
}

function table(r, L) {
  const m = app.model;
  const rows = [];
  for (const p of r.pillars) {
    const row = (s, name, cls) => h('tr', { class: cls },
      h('th', { scope: 'row', text: name }),
      h('td', { class: 'num', text: s.achieved || '—' }),
      h('td', { class: 'num', text: fmt(s.progress) }),
      h('td', { class: 'num', text: s.target || '—' }),
      h('td', { class: s.achieved ? `num gap${Math.min(s.gap, 3)}` : 'num', text: s.achieved ? s.gap : '—' }),
      h('td', { class: 'num', text: `${s.coverage.percent}%` }));
    rows.push(row(p, `${p.id} ${text(m.find(p.id).node.name, L)}`, 'pillar'));
    for (const ar of p.areas) rows.push(row(ar, `${ar.id} ${text(m.find(ar.id).node.name, L)}`, 'area'));
  }
  return h('table', { class: 'grid scores', id: 'score-table' },
    h('caption', { text: 'Achieved is the weakest indicator; progress the weighted mean' }),
    h('thead', {}, h('tr', {}, ['Pillar or area', 'Achieved', 'Progress', 'Target', 'Gap', 'Covered'].map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, rows));
}

function heatmap(r, L) {
  const m = app.model;
  const rows = [];
  for (const p of r.pillars) {
    for (const ar of p.areas) {
      rows.push(h('tr', {},
        h('th', { scope: 'row', text: `${ar.id} ${text(m.find(ar.id).node.name, L)}` }),
        h('td', {}, h('div', { class: 'cells' }, ar.indicators.map((s) => {
          const state = s.status === 'assessed' ? `gap${Math.min(s.gap, 3)}` : s.status === 'n/a' ? 'na' : 'none';
          const label = s.status === 'assessed' ? `${s.level}→${s.target}` : s.status === 'n/a' ? 'n/a' : s.status === 'unknown' ? '?' : '—';
          const name = text(m.indicator(s.id).title, L);
          const detail = `${s.id} ${name}: ${s.status === 'assessed' ? `level ${s.level}, target ${s.target}, gap ${s.gap}` : s.status}`;
          // The cell's name is what it shows, then the detail: a reader
          // who speaks to the screen says what they see.
          return h('button', {
            type: 'button', class: `cell ${state}`, title: detail,
            on: { click: () => go('assess', { indicator: s.id }) },
          }, h('span', { class: 'cid', text: s.id.split('.').slice(1).join('.') }), ' ', h('span', { class: 'cv', text: label }),
          h('span', { class: 'visually-hidden', text: ` — ${detail}` }));
        })))));
    }
  }
  return h('section', { class: 'panel', 'aria-labelledby': 'h-heat' },
    h('h2', { id: 'h-heat', text: 'Gap heat map' }),
    h('p', { class: 'legend' }, 'Each cell is an indicator, level → target: ',
      h('span', { class: 'cell gap0', text: 'no gap' }), h('span', { class: 'cell gap1', text: 'gap 1' }),
      h('span', { class: 'cell gap2', text: 'gap 2' }), h('span', { class: 'cell gap3', text: 'gap 3+' }),
      h('span', { class: 'cell none', text: 'not assessed' }), h('span', { class: 'cell na', text: 'n/a' })),
    h('table', { class: 'heat', id: 'heatmap' }, h('tbody', {}, rows)));
}

function warnings(r) {
  const counts = new Map();
  for (const w of r.warnings) counts.set(w.code, (counts.get(w.code) || 0) + 1);
  const names = {
    unassessed: 'not yet answered', unknown: 'unknown', disagreement: 'disagreements to resolve', 'missing-target': 'without a target',
    capped: 'capped (one person)', 'donor-funded': 'donor-funded', 'model-version': 'model version', override: 'priority overrides', deadline: 'deadlines at risk',
  };
  const important = r.warnings.filter((w) => w.code !== 'unassessed');
  return h('section', { class: 'panel', 'aria-labelledby': 'h-warn' },
    h('h2', { id: 'h-warn', text: 'Warnings' }),
    h('p', { text: counts.size ? [...counts].map(([k, n]) => `${n} ${names[k] || k}`).join(' · ') : 'None.' }),
    app.resultPlan ? null : h('p', { class: 'task', id: 'plan-pending', text: 'Checking what the plan can meet…' }),
    important.length ? h('details', {}, h('summary', { text: `Show ${important.length} warning${important.length > 1 ? 's' : ''}` }),
      h('ul', {}, important.map((w) => h('li', {}, w.indicator
        ? h('button', { type: 'button', class: 'link', text: w.indicator, on: { click: () => go('assess', { indicator: w.indicator, respondent: w.code === 'disagreement' ? 'consensus' : app.view.respondent }) } })
        : null, ' ', w.message)))) : null);
}

// screens/results.js: live results. Coverage, a radar of progress against
// target per pillar or area, the table of achieved level, progress, target
// and gap, a gap heat map of every indicator and the open warnings.

import { h, fill, colHeads } from '../dom.js';
import { app, go, lang, problemText, scorePlan } from '../app.js';
import { text } from '../model.js';
import { radar } from '../radar.js';
import { t, tn, locale } from '../i18n.js';

export const screen = { id: 'results', needsSession: true, render, refresh: () => draw() };

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
  fill(root, h('h1', { text: t('screen.results') }));
  if (!r) {
    root.append(h('div', { class: 'banner', role: 'alert' },
      h('p', { text: app.problems.length ? t('results.problems') : t('results.scoring') }),
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
    h('strong', { text: t('results.covered', { n: c.percent }) }),
    ' — ', t('results.assessed', { n: c.assessed, of: c.total - c.notApplicable }),
    c.unknown ? t('results.unknown', { n: c.unknown }) : '', c.unassessed ? t('results.unassessed', { n: c.unassessed }) : '',
    c.notApplicable ? t('results.na', { n: c.notApplicable }) : '', r.targetProfile ? t('results.targets', { profile: targetName(r.targetProfile) }) : '.'));

  const m = app.model;
  const axes = by === 'pillar'
    ? r.pillars.map((p) => ({ label: p.id, title: text(m.find(p.id).node.name, L), value: p.progress, target: p.targetProgress, missing: !p.coverage.assessed }))
    : areaAxes(r, L);
  const toggle = h('div', { class: 'toggle', role: 'group', 'aria-label': t('results.axes') },
    [['pillar', t('results.by-pillar')], ['area', t('results.by-area')]].map(([v, label]) => h('button', {
      type: 'button', 'aria-pressed': String(by === v), text: label,
      on: { click: () => { by = v; draw(); } },
    })));
  root.append(h('div', { class: 'results-top' },
    h('figure', { class: 'chart', id: 'radar' },
      radar({ axes, max: m.maxLevel, size: 400, title: t(`results.radar.${by}`) }),
      h('figcaption', {}, h('span', { class: 'key current', text: t('results.key.current') }), h('span', { class: 'key target', text: t('results.key.target') }),
        by === 'area' && axes.some((a) => a.missing) ? h('span', { class: 'key missing', text: t('results.key.missing') }) : null, toggle)),
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

// targetName names a target profile of the model in the page's language.
function targetName(id) {
  const p = app.model.targetProfiles.find((x) => x.id === id);
  return p ? text(p.name, lang()) : id;
}

function fmt(x) {
  return x ? x.toLocaleString(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '—';
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
    h('caption', { text: t('results.caption') }),
    h('thead', {}, h('tr', {}, colHeads([t('results.col.pillar-area'), t('results.col.achieved'), t('results.col.progress'), t('results.col.target'), t('results.col.gap'), t('results.col.covered')]))),
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
          const label = s.status === 'assessed' ? `${s.level}→${s.target}` : s.status === 'n/a' ? t('results.na.short') : s.status === 'unknown' ? '?' : '—';
          const name = text(m.indicator(s.id).title, L);
          const detail = `${s.id} ${name}: ${s.status === 'assessed' ? t('results.cell', { level: s.level, target: s.target, gap: s.gap }) : t(`results.status.${s.status}`)}`;
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
    h('h2', { id: 'h-heat', text: t('results.heat') }),
    h('p', { class: 'legend' }, t('results.heat.legend'), ' ',
      h('span', { class: 'cell gap0', text: t('results.heat.gap0') }), h('span', { class: 'cell gap1', text: t('results.heat.gap', { n: 1 }) }),
      h('span', { class: 'cell gap2', text: t('results.heat.gap', { n: 2 }) }), h('span', { class: 'cell gap3', text: t('results.heat.gap', { n: '3+' }) }),
      h('span', { class: 'cell none', text: t('results.heat.none') }), h('span', { class: 'cell na', text: t('results.na.short') })),
    h('table', { class: 'heat', id: 'heatmap' }, h('tbody', {}, rows)));
}

function warnings(r) {
  const counts = new Map();
  for (const w of r.warnings) counts.set(w.code, (counts.get(w.code) || 0) + 1);
  const named = (k) => (['unassessed', 'unknown', 'disagreement', 'missing-target', 'capped', 'donor-funded', 'model-version', 'override', 'deadline'].includes(k) ? t(`warn.${k}`) : k);
  const important = r.warnings.filter((w) => w.code !== 'unassessed');
  return h('section', { class: 'panel', 'aria-labelledby': 'h-warn' },
    h('h2', { id: 'h-warn', text: t('results.warnings') }),
    h('p', { text: counts.size ? [...counts].map(([k, n]) => `${n} ${named(k)}`).join(' · ') : t('results.warnings.none') }),
    app.resultPlan ? null : h('p', { class: 'task', id: 'plan-pending', text: t('results.plan-pending') }),
    important.length ? h('details', {}, h('summary', { text: tn('results.warnings.show', important.length) }),
      h('ul', {}, important.map((w) => h('li', {}, w.indicator
        ? h('button', { type: 'button', class: 'link', text: w.indicator, on: { click: () => go('assess', { indicator: w.indicator, respondent: w.code === 'disagreement' ? 'consensus' : app.view.respondent }) } })
        : null, ' ', w.message)))) : null);
}

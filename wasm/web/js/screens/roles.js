// screens/roles.js: who fills each role archetype, the archetypes nobody
// fills (role gaps), and the points of contact with their deputies.

import { h, fill, options, announce, onChoose } from '../dom.js';
import { app, change, go, lang, vocab, named } from '../app.js';
import { text } from '../model.js';
import { t } from '../i18n.js';

export const screen = { id: 'roles', needsSession: true, render, refresh() {} };

let root = null;

function render(el) {
  root = el;
  draw();
}

function draw() {
  const a = app.session.assessment;
  const L = lang();
  const m = app.model;
  const leads = new Map();
  for (const ind of m.indicators) for (const r of ind.lead) leads.set(r, (leads.get(r) || 0) + 1);
  const holders = (role) => a.stakeholders.filter((s) => s.roles.includes(role));
  const unfilled = m.roles.filter((r) => !holders(r.id).length);
  const rows = m.roles.map((role) => {
    const hs = holders(role.id);
    const free = a.stakeholders.filter((s) => !s.roles.includes(role.id));
    const pick = h('select', { 'aria-label': t('roles.pick', { role: text(role.name, L) }) }, options([['', t('roles.assign.blank')], ...free.map((s) => [s.id, s.name])], ''));
    onChoose(pick, () => {
      const i = a.stakeholders.findIndex((s) => s.id === pick.value);
      if (i < 0) return;
      const roles = [...a.stakeholders[i].roles, role.id];
      change({ what: 'role', pointer: `/stakeholders/${i}/roles`, value: roles, note: t('note.fills', { name: a.stakeholders[i].name, role: role.id }) },
        (as) => { as.stakeholders[i].roles = roles; });
      announce(t('roles.fills', { name: a.stakeholders[i].name, role: text(role.name, L) }));
      draw();
    });
    return h('tr', { class: hs.length ? '' : 'unfilled' },
      h('th', { scope: 'row' }, h('span', { text: text(role.name, L) }), h('div', { class: 'hint', text: text(role.meaning, L) })),
      h('td', { class: 'num', text: leads.get(role.id) || 0 }),
      h('td', {}, hs.length ? hs.map((s) => h('span', { class: 'chip' }, s.name, h('button', {
        type: 'button', class: 'x', text: '×', 'aria-label': t('roles.unfill', { name: s.name, role: text(role.name, L) }),
        on: { click: () => {
          const i = a.stakeholders.indexOf(s);
          const roles = s.roles.filter((x) => x !== role.id);
          change({ what: 'role', pointer: `/stakeholders/${i}/roles`, value: roles, note: t('note.unfills', { name: s.name, role: role.id }) },
            (as) => { as.stakeholders[i].roles = roles; });
          draw();
        } },
      }))) : h('span', { class: 'flag', text: t('roles.unfilled') })),
      h('td', {}, free.length ? pick : null));
  });
  const contacts = a.pointsOfContact || [];
  const name = (id) => (a.stakeholders.find((s) => s.id === id) || { name: id }).name;
  const functions = vocab().contactFunctions;
  const missing = functions.filter(({ id }) => id !== 'pillar-lead' && id !== 'caricom-cyber' && !contacts.some((c) => c.function === id));
  if (a.profile.region === 'caribbean' && !contacts.some((c) => c.function === 'caricom-cyber')) missing.push(functions.find(({ id }) => id === 'caricom-cyber'));
  const noDeputy = contacts.filter((c) => !c.deputy);
  const filled = t('roles.summary', { n: m.roles.length - unfilled.length, of: m.roles.length });
  fill(root, h('h1', { text: t('screen.roles') }),
    h('p', { class: 'summary', id: 'role-summary', text: unfilled.length ? `${filled} ${t('roles.summary.unfilled', { list: unfilled.map((r) => text(r.name, L)).join(', ') })}` : filled }),
    h('section', { class: 'panel', 'aria-labelledby': 'h-arch' }, h('h2', { id: 'h-arch', text: t('roles.archetypes') }),
      h('table', { class: 'grid', id: 'roles-table' },
        h('thead', {}, h('tr', {}, [t('roles.col.archetype'), t('roles.col.leads'), t('roles.col.filled'), t('roles.col.assign')].map((x) => h('th', { scope: 'col', text: x })))),
        h('tbody', {}, rows))),
    h('section', { class: 'panel', 'aria-labelledby': 'h-npc' }, h('h2', { id: 'h-npc', text: t('contact.title0') }),
      contacts.length ? h('table', { class: 'grid', id: 'contacts-table' },
        h('thead', {}, h('tr', {}, [t('contact.function'), t('contact.person'), t('contact.deputy')].map((x) => h('th', { scope: 'col', text: x })))),
        h('tbody', {}, contacts.map((c) => h('tr', { class: c.deputy ? '' : 'unfilled' },
          h('td', { text: named('contactFunctions', c.function) + (c.pillar ? ` (${c.pillar})` : '') }),
          h('td', { text: `${c.person}, ${name(c.stakeholder)}` }),
          h('td', {}, c.deputy ? `${c.deputy.person}, ${name(c.deputy.stakeholder)}` : h('span', { class: 'flag', text: t('roles.no-deputy') })))))) : h('p', { text: t('roles.no-contact') }),
      missing.length ? h('p', { class: 'flag-line', text: t('roles.not-designated', { list: missing.map((f) => f.name).join('; ') }) }) : null,
      noDeputy.length ? h('p', { class: 'flag-line', text: noDeputy.length === 1 ? t('roles.no-deputy.one') : t('roles.no-deputy.other', { n: noDeputy.length }) }) : null,
      h('p', {}, h('button', { type: 'button', text: t('roles.edit'), on: { click: () => go('setup') } }))));
}

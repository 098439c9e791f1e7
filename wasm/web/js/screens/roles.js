// screens/roles.js: who fills each role archetype, the archetypes nobody
// fills (role gaps), and the points of contact with their deputies.

import { h, fill, options, announce, onChoose } from '../dom.js';
import { app, change, go, lang } from '../app.js';
import { text } from '../model.js';
import { contactFunctions } from './setup.js';

export const screen = { id: 'roles', title: 'Roles', needsSession: true, render, refresh() {} };

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
    const pick = h('select', { 'aria-label': `Stakeholder to fill ${text(role.name, L)}` }, options([['', 'Assign…'], ...free.map((s) => [s.id, s.name])], ''));
    onChoose(pick, () => {
      const i = a.stakeholders.findIndex((s) => s.id === pick.value);
      if (i < 0) return;
      const roles = [...a.stakeholders[i].roles, role.id];
      change({ what: 'role', pointer: `/stakeholders/${i}/roles`, value: roles, note: `${a.stakeholders[i].name} fills ${role.id}` },
        (as) => { as.stakeholders[i].roles = roles; });
      announce(`${a.stakeholders[i].name} fills ${text(role.name, L)}`);
      draw();
    });
    return h('tr', { class: hs.length ? '' : 'unfilled' },
      h('th', { scope: 'row' }, h('span', { text: text(role.name, L) }), h('div', { class: 'hint', text: text(role.meaning, L) })),
      h('td', { class: 'num', text: leads.get(role.id) || 0 }),
      h('td', {}, hs.length ? hs.map((s) => h('span', { class: 'chip' }, s.name, h('button', {
        type: 'button', class: 'x', text: '×', 'aria-label': `${s.name} no longer fills ${text(role.name, L)}`,
        on: { click: () => {
          const i = a.stakeholders.indexOf(s);
          const roles = s.roles.filter((x) => x !== role.id);
          change({ what: 'role', pointer: `/stakeholders/${i}/roles`, value: roles, note: `${s.name} no longer fills ${role.id}` },
            (as) => { as.stakeholders[i].roles = roles; });
          draw();
        } },
      }))) : h('span', { class: 'flag', text: 'Unfilled' })),
      h('td', {}, free.length ? pick : null));
  });
  const contacts = a.pointsOfContact || [];
  const name = (id) => (a.stakeholders.find((s) => s.id === id) || { name: id }).name;
  const missing = contactFunctions.filter(([f]) => f !== 'pillar-lead' && f !== 'caricom-cyber' && !contacts.some((c) => c.function === f));
  if (a.profile.region === 'caribbean' && !contacts.some((c) => c.function === 'caricom-cyber')) missing.push(contactFunctions.find(([f]) => f === 'caricom-cyber'));
  const noDeputy = contacts.filter((c) => !c.deputy);
  fill(root, h('h1', { text: 'Roles' }),
    h('p', { class: 'summary', id: 'role-summary', text: `${m.roles.length - unfilled.length} of ${m.roles.length} role archetypes filled. ${unfilled.length ? `Unfilled: ${unfilled.map((r) => text(r.name, L)).join(', ')}.` : ''}` }),
    h('section', { class: 'panel', 'aria-labelledby': 'h-arch' }, h('h2', { id: 'h-arch', text: 'Role archetypes' }),
      h('table', { class: 'grid', id: 'roles-table' },
        h('thead', {}, h('tr', {}, ['Archetype', 'Leads', 'Filled by', 'Assign'].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, rows))),
    h('section', { class: 'panel', 'aria-labelledby': 'h-npc' }, h('h2', { id: 'h-npc', text: 'Points of contact and deputies' }),
      contacts.length ? h('table', { class: 'grid', id: 'contacts-table' },
        h('thead', {}, h('tr', {}, ['Function', 'Person', 'Deputy'].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, contacts.map((c) => h('tr', { class: c.deputy ? '' : 'unfilled' },
          h('td', { text: (contactFunctions.find((f) => f[0] === c.function) || [0, c.function])[1] + (c.pillar ? ` (${c.pillar})` : '') }),
          h('td', { text: `${c.person}, ${name(c.stakeholder)}` }),
          h('td', {}, c.deputy ? `${c.deputy.person}, ${name(c.deputy.stakeholder)}` : h('span', { class: 'flag', text: 'No deputy: a single point of failure' })))))) : h('p', { text: 'No point of contact designated.' }),
      missing.length ? h('p', { class: 'flag-line', text: `Not designated: ${missing.map((f) => f[1]).join('; ')}.` }) : null,
      noDeputy.length ? h('p', { class: 'flag-line', text: `${noDeputy.length} contact${noDeputy.length > 1 ? 's have' : ' has'} no deputy.` }) : null,
      h('p', {}, h('button', { type: 'button', text: 'Edit points of contact on the Setup screen', on: { click: () => go('setup') } }))));
}

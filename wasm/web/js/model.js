// model.js indexes the maturity model that the engine returns and picks
// the text of the session's language, falling back to English.

export function text(t, lang) {
  if (!t) return '';
  if (lang && t[lang]) return t[lang];
  if (t.en) return t.en;
  const k = Object.keys(t).sort().find((x) => t[x]);
  return k ? t[k] : '';
}

// indexModel returns the model with lookups: pillars, areas and
// indicators in model order, by ID, and each one's parents.
export function indexModel(model) {
  const byId = new Map();
  const indicators = [];
  const areas = [];
  for (const p of model.pillars) {
    byId.set(p.id, { kind: 'pillar', node: p });
    for (const a of p.areas) {
      areas.push(a);
      byId.set(a.id, { kind: 'area', node: a, pillar: p });
      for (const i of a.indicators) {
        byId.set(i.id, { kind: 'indicator', node: i, area: a, pillar: p, index: indicators.length });
        indicators.push(i);
      }
    }
  }
  return {
    raw: model,
    pillars: model.pillars,
    areas,
    indicators,
    byId,
    levels: model.scale.levels,
    maxLevel: model.scale.levels.length,
    roles: model.roles,
    provisionModes: model.provisionModes,
    targetProfiles: model.targetProfiles,
    find(id) {
      return byId.get(id);
    },
    indicator(id) {
      const e = byId.get(id);
      return e && e.kind === 'indicator' ? e.node : null;
    },
    role(id) {
      return model.roles.find((r) => r.id === id);
    },
  };
}

// levelLabel names an answer: "3 Defined", "n/a", "unknown".
export function levelLabel(m, rating, lang) {
  if (rating === 'n/a') return text(m.raw.scale.notApplicable.name, lang) || 'n/a';
  if (rating === 'unknown') return text(m.raw.scale.unknown.name, lang) || 'unknown';
  if (typeof rating === 'number' && rating >= 1 && rating <= m.maxLevel) {
    return `${rating} ${text(m.levels[rating - 1].name, lang)}`;
  }
  return '—';
}

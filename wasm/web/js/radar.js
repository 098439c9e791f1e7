// radar.js draws a radar chart in SVG: one axis per pillar or area, rings
// for the levels, the current progress and the target as two polygons. An
// axis with nothing assessed has no current value: the current line
// breaks there instead of dropping to the centre, and the axis says "not
// assessed".

import { svg } from './dom.js';
import { t } from './i18n.js';

// radar returns an <svg>. axes: [{label, title, value, target, missing}],
// values on the scale 0..max; missing marks an axis with nothing assessed.
export function radar({ axes, max, size = 400, title }) {
  const pad = axes.length > 8 ? 68 : 44;
  const r = size / 2 - pad;
  const c = size / 2;
  const n = axes.length;
  const at = (k, v) => {
    const ang = -Math.PI / 2 + (2 * Math.PI * k) / n;
    return [c + Math.cos(ang) * r * (v / max), c + Math.sin(ang) * r * (v / max)];
  };
  const pts = (vals) => vals.map((v, k) => at(k, v).map((x) => x.toFixed(1)).join(',')).join(' ');
  const el = svg('svg', {
    viewBox: `0 0 ${size} ${size}`, class: 'radar', role: 'img', 'aria-labelledby': 'radar-title',
  }, svg('title', { id: 'radar-title', text: title }));
  for (let lv = 1; lv <= max; lv++) {
    el.append(svg('polygon', { class: 'ring', points: pts(axes.map(() => lv)) }));
    const [x, y] = at(0, lv);
    el.append(svg('text', { class: 'ring-label', x: x + 4, y: y - 2, text: lv }));
  }
  axes.forEach((ax, k) => {
    const [x, y] = at(k, max);
    el.append(svg('line', { class: 'axis', x1: c, y1: c, x2: x.toFixed(1), y2: y.toFixed(1) }));
    const [lx, ly] = at(k, max + (n > 8 ? 0.55 : 0.45));
    const anchor = Math.abs(lx - c) < 8 ? 'middle' : lx > c ? 'start' : 'end';
    // With many axes there is no room for a second line: the label of a
    // missing axis is greyed and italic, and says so in its tooltip.
    const crowded = n > 8;
    el.append(svg('text', { class: ax.missing && crowded ? 'axis-label not-assessed' : 'axis-label', x: lx.toFixed(1), y: (ly + 4).toFixed(1), 'text-anchor': anchor },
      svg('title', { text: ax.missing ? `${ax.title || ax.label}: ${t('results.heat.none')}` : (ax.title || ax.label) }), ax.label));
    if (ax.missing && !crowded) {
      // Centred under the label, and kept inside the chart at its sides.
      const sx = Math.min(Math.max(lx, 36), size - 36);
      el.append(svg('text', { class: 'not-assessed', x: sx.toFixed(1), y: (ly + 17).toFixed(1), 'text-anchor': 'middle', text: t('results.heat.none') }));
    }
  });
  el.append(svg('polygon', { class: 'target', points: pts(axes.map((a) => a.target || 0)) }));
  el.append(current(axes, at));
  axes.forEach((ax, k) => {
    if (ax.missing) return;
    const [x, y] = at(k, ax.value || 0);
    el.append(svg('circle', { class: 'dot', cx: x.toFixed(1), cy: y.toFixed(1), r: 3.5 },
      svg('title', { text: `${ax.title || ax.label}: ${t('radar.of-target', { value: ax.value, target: ax.target })}` })));
  });
  return el;
}

// current draws the current progress: a polygon when every axis has a
// value, otherwise the line between neighbouring axes that both have one,
// with a gap at each missing axis (and no fill, which would claim an area
// for what nobody has assessed).
function current(axes, at) {
  const p = (k) => at(k, axes[k].value || 0).map((x) => x.toFixed(1)).join(',');
  if (!axes.some((a) => a.missing)) {
    return svg('polygon', { class: 'current', points: axes.map((_, k) => p(k)).join(' ') });
  }
  const n = axes.length;
  const parts = [];
  for (let k = 0; k < n; k++) {
    const next = (k + 1) % n;
    if (!axes[k].missing && !axes[next].missing) parts.push(`M${p(k)} L${p(next)}`);
  }
  return svg('path', { class: 'current partial', d: parts.join(' ') || 'M0,0' });
}

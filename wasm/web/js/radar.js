// radar.js draws a radar chart in SVG: one axis per pillar or area, rings
// for the levels, the current progress and the target as two polygons.

import { svg } from './dom.js';

// radar returns an <svg>. axes: [{label, title, value, target}], values
// on the scale 0..max.
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
    el.append(svg('text', { class: 'axis-label', x: lx.toFixed(1), y: (ly + 4).toFixed(1), 'text-anchor': anchor },
      svg('title', { text: ax.title || ax.label }), ax.label));
  });
  el.append(svg('polygon', { class: 'target', points: pts(axes.map((a) => a.target || 0)) }));
  el.append(svg('polygon', { class: 'current', points: pts(axes.map((a) => a.value || 0)) }));
  axes.forEach((ax, k) => {
    const [x, y] = at(k, ax.value || 0);
    el.append(svg('circle', { class: 'dot', cx: x.toFixed(1), cy: y.toFixed(1), r: 3.5 },
      svg('title', { text: `${ax.title || ax.label}: ${ax.value} of target ${ax.target}` })));
  });
  return el;
}

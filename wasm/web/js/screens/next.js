// screens/next.js: the step that comes after a screen, as a plain link at
// its end, so that a facilitator who has finished setting up sees where
// the workshop goes next.

import { h } from '../dom.js';
import { app, go } from '../app.js';
import { t, tn } from '../i18n.js';

// setupNext says what comes after Setup: answering on the Assess screen,
// or, with no respondent yet, adding one first.
export function setupNext() {
  const n = app.session.assessment.respondents.length;
  return h('section', { class: 'next-step', 'aria-labelledby': 'h-next' },
    h('h2', { id: 'h-next', text: t('next.title') }),
    h('p', { text: n ? tn('next.with', n) : t('next.none') }),
    h('button', { type: 'button', id: 'setup-next', class: 'primary', text: t('next.assess'), on: { click: () => go('assess') } }));
}

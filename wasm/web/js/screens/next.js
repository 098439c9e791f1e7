// screens/next.js: the step that comes after a screen, as a plain link at
// its end, so that a facilitator who has finished setting up sees where
// the workshop goes next.

import { h } from '../dom.js';
import { app, go } from '../app.js';

// setupNext says what comes after Setup: answering on the Assess screen,
// or, with no respondent yet, adding one first.
export function setupNext() {
  const n = app.session.assessment.respondents.length;
  return h('section', { class: 'next-step', 'aria-labelledby': 'h-next' },
    h('h2', { id: 'h-next', text: 'Next step' }),
    h('p', { text: n
      ? `With the ${n === 1 ? 'respondent' : `${n} respondents`} above, go on to the questions: one indicator at a time, one key per level.`
      : 'Add at least one respondent above; then go on to the questions.' }),
    h('button', { type: 'button', id: 'setup-next', class: 'primary', text: 'Go to Assess →', on: { click: () => go('assess') } }));
}

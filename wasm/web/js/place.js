// place.js keeps where the facilitator was in each session (screen,
// indicator, respondent) in localStorage, so that opening the file again,
// or the session from the Sessions screen, comes back there. The Sessions
// screen belongs to no session: going there keeps the working screen.

const PLACE = 'ncskit.place.';

// placeOf returns the place last shown in session id, or null.
export function placeOf(id) {
  try {
    const p = JSON.parse(localStorage.getItem(PLACE + id) || 'null');
    return p && typeof p === 'object' ? p : null;
  } catch (e) {
    return null;
  }
}

// rememberPlace keeps view ({screen, indicator, respondent}) as the place
// of session id.
export function rememberPlace(id, { screen, indicator, respondent }) {
  if (screen === 'sessions') screen = (placeOf(id) || {}).screen || 'assess';
  try {
    localStorage.setItem(PLACE + id, JSON.stringify({ screen, indicator, respondent }));
  } catch (e) {
    // the place is not worth a warning
  }
}

// forgetPlace drops the place of a deleted session.
export function forgetPlace(id) {
  try {
    localStorage.removeItem(PLACE + id);
  } catch (e) {
    // nothing was kept
  }
}

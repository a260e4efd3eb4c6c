import {h, text} from '../dom.js';
import {login} from '../api.js';

export function render(container, params, done) {
  const error = h('p', {class: 'error', id: 'login-error', role: 'alert'});
  const mfaRow = h('label', {class: 'hidden', id: 'mfa-row'}, h('span', {}, 'Authenticator code'),
    h('input', {id: 'mfa', name: 'mfa', inputmode: 'numeric', autocomplete: 'one-time-code',
      maxlength: 8}));
  const form = h('form', {class: 'login', id: 'login-form'},
    h('h1', {}, 'Tocsin'),
    h('p', {class: 'muted'}, 'Sign in to triage alerts and manage detections.'),
    h('label', {}, h('span', {}, 'Username or email'),
      h('input', {id: 'username', name: 'username', autocomplete: 'username', required: true})),
    h('label', {}, h('span', {}, 'Password'),
      h('input', {id: 'password', name: 'password', type: 'password',
        autocomplete: 'current-password', required: true})),
    mfaRow,
    h('details', {}, h('summary', {}, 'Tenant'),
      h('label', {}, h('span', {}, 'Tenant id (only if your username exists in several)'),
        h('input', {id: 'tenant', name: 'tenant'}))),
    error,
    h('button', {type: 'submit', class: 'primary', id: 'login-submit'}, 'Sign in'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    text(error, '');
    const v = (id) => form.querySelector(`#${id}`).value.trim();
    try {
      await login(v('username'), form.querySelector('#password').value, v('mfa'), v('tenant'));
      location.hash = params.next || '#/alerts';
      done();
    } catch (err) {
      if (err.details && err.details.mfa_required) {
        mfaRow.classList.remove('hidden');
        form.querySelector('#mfa').focus();
        text(error, 'Enter the code from your authenticator app.');
      } else if (err.status === 429) {
        text(error, 'Too many failed attempts. Try again later.');
      } else {
        text(error, err.status === 401 ? 'Wrong username, password or code.' : err.message);
      }
    }
  });
  container.append(h('div', {class: 'login-page'}, form));
  form.querySelector('#username').focus();
}

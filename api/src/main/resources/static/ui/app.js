// The single-page app: a hash router over views; each view is a module exporting
// render(container, params) that may return a cleanup function.

import {h, clear} from './dom.js';
import {session, logout, can, whenSignedOut} from './api.js';
import * as loginView from './views/login.js';
import * as alertsView from './views/alerts.js';
import * as alertView from './views/alert.js';
import * as policiesView from './views/policies.js';
import * as policyView from './views/policy.js';
import * as searchView from './views/search.js';
import * as hostsView from './views/hosts.js';
import * as dashboardView from './views/dashboard.js';
import * as webhooksView from './views/webhooks.js';
import * as adminView from './views/admin.js';

const routes = [
  [/^#\/alerts\/([^/]+)$/, alertView],
  [/^#\/alerts$/, alertsView],
  [/^#\/policies\/new$/, policyView, () => ({id: null})],
  [/^#\/policies\/([^/]+)$/, policyView],
  [/^#\/policies$/, policiesView],
  [/^#\/search$/, searchView],
  [/^#\/hosts\/([^/]+)$/, hostsView],
  [/^#\/hosts$/, hostsView],
  [/^#\/dashboard$/, dashboardView],
  [/^#\/webhooks$/, webhooksView],
  [/^#\/admin$/, adminView],
];

const NAV = [
  ['#/alerts', 'Alerts'],
  ['#/dashboard', 'Dashboard'],
  ['#/policies', 'Policies'],
  ['#/search', 'Search'],
  ['#/hosts', 'Hosts'],
  ['#/webhooks', 'Webhooks'],
  ['#/admin', 'Admin'],
];

const app = document.getElementById('app');
let cleanup = null;

function shell() {
  const s = session.get();
  const user = (s && s.user) || {};
  const main = h('main', {id: 'main'});
  const nav = h('nav', {class: 'topnav'},
    h('a', {href: '#/alerts', class: 'brand'}, 'Tocsin'),
    NAV.map(([href, label]) => h('a', {href, 'data-nav': href,
      class: location.hash.startsWith(href) ? 'active' : ''}, label)),
    h('span', {class: 'spacer'}),
    h('span', {class: 'whoami', id: 'whoami'},
      `${user.username || user.email || ''} · ${s.role} · ${s.tenant_id}`),
    h('button', {class: 'secondary small', id: 'logout', onclick: async () => {
      await logout();
      location.hash = '#/login';
      route();
    }}, 'Log out'));
  clear(app).append(nav, main);
  return main;
}

function route() {
  if (cleanup) { try { cleanup(); } catch { /* view gone */ } cleanup = null; }
  const hash = location.hash || '#/alerts';
  if (!session.get()) {
    clear(app);
    cleanup = loginView.render(app, {next: hash === '#/login' ? '#/alerts' : hash}, route);
    return;
  }
  if (hash === '#/login') { location.hash = '#/alerts'; return; }
  for (const [re, view, paramsOf] of routes) {
    const m = hash.match(re);
    if (m) {
      const main = shell();
      const params = paramsOf ? paramsOf(m) : {id: m[1] ? decodeURIComponent(m[1]) : null};
      cleanup = view.render(main, params) || null;
      return;
    }
  }
  location.hash = '#/alerts';
}

whenSignedOut(() => { location.hash = '#/login'; route(); });
window.addEventListener('hashchange', route);
document.documentElement.dataset.role = (session.get() || {}).role || '';
export {can};
route();

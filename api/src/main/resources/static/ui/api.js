// The REST client of the UI. The access token lives in sessionStorage (this tab only) and travels
// in the Authorization header: no cookie is ever set, so a forged cross-site request carries no
// credential (CSRF-safe by construction).

const KEY = 'tocsin.session';
const BASE = '/api/v1';

export class ApiError extends Error {
  constructor(status, body) {
    const err = (body && body.error) || {};
    super(err.message || `HTTP ${status}`);
    this.status = status;
    this.code = err.code || 'HTTP_' + status;
    this.details = err.details || {};
    this.requestId = body && body.request_id;
  }
}

export const session = {
  get() {
    try { return JSON.parse(sessionStorage.getItem(KEY)) || null; } catch { return null; }
  },
  set(value) { sessionStorage.setItem(KEY, JSON.stringify(value)); },
  clear() { sessionStorage.removeItem(KEY); },
};

const ROLE_RANK = {viewer: 1, analyst: 2, detection_engineer: 3, admin: 4};

/** What the signed-in role may do; the server checks again, the UI only hides what it would refuse. */
export function can(what) {
  const s = session.get();
  const rank = s ? ROLE_RANK[s.role] || 0 : 0;
  switch (what) {
    case 'triage': return rank >= 2;        // alerts: update, actions, manual alerts, backtest
    case 'engineer': return rank >= 3;      // policies, lists, macros, webhooks, test events
    case 'admin': return rank >= 4;         // users, API keys
    default: return rank >= 1;
  }
}

function remember(body, previous) {
  session.set({
    token: body.token,
    refresh_token: body.refresh_token,
    expires_at: body.expires_at,
    role: body.role,
    user: body.user,
    tenant_id: body.tenant_id,
    login_tenant: previous ? previous.login_tenant : undefined,
  });
}

export async function login(username, password, mfaCode, tenant) {
  const body = {username, password};
  if (mfaCode) body.mfa_code = mfaCode;
  const headers = {'Content-Type': 'application/json', Accept: 'application/json'};
  if (tenant) headers['X-Tenant-ID'] = tenant;
  const res = await fetch(`${BASE}/auth/login`, {method: 'POST', headers, body: JSON.stringify(body)});
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, json);
  remember(json);
  const s = session.get();
  s.login_tenant = tenant || undefined;
  session.set(s);
  return json;
}

let refreshing = null;
export async function refresh() {
  const s = session.get();
  if (!s || !s.refresh_token) return false;
  if (!refreshing) {
    refreshing = (async () => {
      const res = await fetch(`${BASE}/auth/refresh`, {
        method: 'POST', headers: {'Content-Type': 'application/json', Accept: 'application/json'},
        body: JSON.stringify({refresh_token: s.refresh_token}),
      });
      if (!res.ok) return false;
      remember(await res.json(), s);
      return true;
    })().finally(() => { setTimeout(() => { refreshing = null; }, 0); });
  }
  return refreshing;
}

export async function logout() {
  const s = session.get();
  session.clear();
  if (s && s.token) {
    await fetch(`${BASE}/auth/logout`, {
      method: 'POST',
      headers: {Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json'},
      body: JSON.stringify({refresh_token: s.refresh_token}),
    }).catch(() => {});
  }
}

let onSignedOut = () => {};
export function whenSignedOut(fn) { onSignedOut = fn; }

export function authHeaders() {
  const s = session.get();
  return s && s.token ? {Authorization: `Bearer ${s.token}`} : {};
}

/** api('GET', '/alerts', null, {status: 'open'}) -> parsed JSON; throws ApiError. */
export async function api(method, path, body, params, retried = false) {
  let url = BASE + path;
  if (params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v !== null && v !== undefined && v !== '') q.append(k, v);
    }
    const qs = q.toString();
    if (qs) url += (url.includes('?') ? '&' : '?') + qs;
  }
  const headers = {Accept: 'application/json', ...authHeaders()};
  const init = {method, headers};
  if (body !== undefined && body !== null) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(url, init);
  if (res.status === 401 && !retried && session.get()) {
    if (await refresh()) return api(method, path, body, params, true);
    session.clear();
    onSignedOut();
  }
  if (res.status === 204) return null;
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!res.ok) throw new ApiError(res.status, json);
  const total = res.headers.get('X-Total-Count');
  if (Array.isArray(json) && total !== null) json.total = Number(total);
  return json;
}

export const get = (path, params) => api('GET', path, null, params);
export const post = (path, body, params) => api('POST', path, body === undefined ? {} : body, params);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

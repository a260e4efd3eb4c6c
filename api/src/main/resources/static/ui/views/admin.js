import {h, clear, fmtTime, dialog, toast} from '../dom.js';
import {get, post, put, del, can, session} from '../api.js';

const ROLES = ['viewer', 'analyst', 'detection_engineer', 'admin'];

export function render(main) {
  const admin = can('admin');
  const s = session.get();
  const users = h('div', {id: 'admin-users'});
  const keys = h('div', {id: 'admin-keys'});
  const tenant = h('div', {id: 'admin-tenant'});
  const account = h('div', {id: 'admin-account'});
  main.append(h('div', {class: 'page-head'}, h('h1', {}, admin ? 'Administration' : 'Account')),
    admin ? h('section', {class: 'card'}, h('h2', {}, 'Users'), users) : null,
    admin ? h('section', {class: 'card'}, h('h2', {}, 'API keys'), keys) : null,
    h('div', {class: 'grid3'}, h('section', {class: 'card'}, h('h2', {}, 'Tenant'), tenant),
      h('section', {class: 'card'}, h('h2', {}, 'My account'), account)));

  async function loadUsers() {
    const r = await get('/users', {limit: 1000});
    const body = h('tbody', {id: 'user-rows'}, r.users.map((u) => h('tr', {}, h('td', {}, u.username), h('td', {}, u.email),
      h('td', {}, h('select', {'aria-label': `role of ${u.username}`, onchange: async (e) => {
        try { await put(`/users/${encodeURIComponent(u.id)}`, {role: e.target.value}); toast(`${u.username} is now ${e.target.value}`, 'ok'); } catch (err) { toast(err.message, 'error'); loadUsers(); }
      }}, ROLES.map((x) => h('option', {value: x, selected: x === u.role}, x)))),
      h('td', {}, u.mfa_enabled ? 'MFA' : ''), h('td', {}, fmtTime(u.created_at)),
      h('td', {}, u.id === s.user.id ? null : h('button', {class: 'small danger', onclick: async () => {
        if (!confirm(`Delete ${u.username}?`)) return;
        try { await del(`/users/${encodeURIComponent(u.id)}`); loadUsers(); } catch (err) { toast(err.message, 'error'); }
      }}, 'Delete')))));
    clear(users).append(h('button', {class: 'primary small', id: 'new-user', onclick: async () => {
      const v = await dialog('New user', [{name: 'email', label: 'Email'}, {name: 'username', label: 'Username (optional)'},
        {name: 'password', label: 'Password (8+; empty = one-time set-password link)', type: 'password'},
        {name: 'role', label: 'Role', type: 'select', options: ROLES.map((x) => [x, x])}], 'Create');
      if (!v) return;
      const body = {email: v.email.trim(), role: v.role};
      if (v.username.trim()) body.username = v.username.trim();
      if (v.password) body.password = v.password;
      try {
        const u = await post('/users', body);
        if (u.set_password_token) await dialog('Set-password token (shown once)', [{type: 'info', text: u.set_password_token}], 'Done');
        loadUsers();
      } catch (err) { toast(err.message, 'error'); }
    }}, 'New user'), h('table', {class: 'grid'}, h('thead', {}, h('tr', {}, ['Username', 'Email', 'Role', '', 'Created', ''].map((x) => h('th', {}, x)))), body));
  }

  async function loadKeys() {
    const r = await get('/api-keys');
    const list = r.api_keys || r.keys || r;
    const body = h('tbody', {id: 'key-rows'}, (Array.isArray(list) ? list : []).map((k) => h('tr', {}, h('td', {}, k.name), h('td', {}, `${k.prefix || ''}…`),
      h('td', {}, k.host_id || 'any host'), h('td', {}, fmtTime(k.created_at)), h('td', {}, h('button', {class: 'small danger', onclick: async () => {
        if (!confirm(`Revoke ${k.name}?`)) return;
        try { await del(`/api-keys/${encodeURIComponent(k.id)}`); loadKeys(); } catch (err) { toast(err.message, 'error'); }
      }}, 'Revoke')))));
    const shown = h('div', {id: 'new-key'});
    clear(keys).append(h('button', {class: 'primary small', id: 'create-key', onclick: async () => {
      const v = await dialog('New API key', [{name: 'name', label: 'Name'}, {name: 'host_id', label: 'Bind to host (optional)'}], 'Create');
      if (!v) return;
      try {
        const k = await post('/api-keys', {name: v.name.trim(), ...(v.host_id.trim() ? {host_id: v.host_id.trim()} : {})});
        clear(shown).append(h('p', {class: 'banner'}, 'Copy this key now; it is not shown again: ', h('code', {id: 'new-key-value'}, k.key)));
        loadKeys().then(() => keys.append(shown));
      } catch (err) { toast(err.message, 'error'); }
    }}, 'New API key'), shown, h('table', {class: 'grid'}, h('thead', {}, h('tr', {}, ['Name', 'Prefix', 'Host', 'Created', ''].map((x) => h('th', {}, x)))), body));
  }

  async function loadTenant() {
    const t = await get(`/tenants/${encodeURIComponent(s.tenant_id)}`);
    clear(tenant).append(h('table', {class: 'kv'}, [['Id', t.id], ['Name', t.name], ['Retention', `${t.retention_days} days`], ['Created', fmtTime(t.created_at)]]
      .map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', {}, v)))));
    if (admin && s.tenant_id === 'default') {
      tenant.append(h('button', {class: 'small', id: 'new-tenant', onclick: async () => {
        const v = await dialog('New tenant', [{name: 'name', label: 'Name'}, {name: 'retention_days', label: 'Retention (days)', value: '30', type: 'number'}], 'Create');
        if (!v) return;
        try { const n = await post('/tenants', {name: v.name.trim(), retention_days: Number(v.retention_days)}); toast(`Tenant ${n.id} created`, 'ok'); } catch (err) { toast(err.message, 'error'); }
      }}, 'New tenant'));
    }
  }

  async function loadAccount() {
    const me = await get('/users/me');
    clear(account).append(h('p', {}, `${me.username} (${me.email}) · ${me.role}`),
      me.mfa_enabled ? h('p', {}, 'Two-factor authentication is on.') : h('button', {class: 'small', id: 'mfa-enroll', onclick: async () => {
        try {
          const e = await post('/auth/mfa/enroll');
          const v = await dialog('Enable two-factor authentication', [
            {type: 'info', text: `Add this secret to your authenticator app: ${e.secret}`},
            {type: 'info', text: e.otpauth_uri || e.uri || ''},
            {name: 'code', label: 'First code from the app', placeholder: '123456'}], 'Enable');
          if (!v) return;
          await post('/auth/mfa/confirm', {code: v.code.trim()});
          toast('Two-factor authentication enabled', 'ok');
          loadAccount();
        } catch (err) { toast(err.message, 'error'); }
      }}, 'Enable two-factor authentication'));
  }

  const fail = (e) => toast(e.message, 'error');
  if (admin) { loadUsers().catch(fail); loadKeys().catch(fail); }
  loadTenant().catch(fail);
  loadAccount().catch(fail);
}

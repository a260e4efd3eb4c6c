import {h, clear, fmtTime, toast} from '../dom.js';
import {get, post, can} from '../api.js';

export function render(main) {
  const engineer = can('engineer');
  const tbody = h('tbody', {id: 'policy-rows'});
  const filter = h('input', {id: 'policy-tag', placeholder: 'Filter by tag, e.g. attack.t1059', onchange: load});
  main.append(h('div', {class: 'page-head'}, h('h1', {}, 'Policies'),
    engineer ? h('a', {href: '#/policies/new', class: 'button primary', id: 'new-policy'}, 'New policy') : null),
  h('div', {class: 'filters'}, filter),
  h('table', {class: 'grid', id: 'policy-table'}, h('thead', {}, h('tr', {}, h('th', {}, 'Enabled'), h('th', {}, 'Name'),
    h('th', {}, 'Id'), h('th', {}, 'Rules'), h('th', {}, 'Severity'), h('th', {}, 'ATT&CK'), h('th', {}, 'Version'),
    h('th', {}, 'Updated'))), tbody));

  async function load() {
    try {
      const r = await get('/policies', {limit: 1000, tag: filter.value.trim()});
      clear(tbody);
      for (const p of r.policies) {
        const toggle = h('input', {type: 'checkbox', class: 'toggle', checked: p.enabled, disabled: !engineer,
          'aria-label': `enable ${p.id}`, 'data-policy': p.id,
          onchange: async (e) => {
            try { await post(`/policies/${encodeURIComponent(p.id)}/${e.target.checked ? 'enable' : 'disable'}`); toast(`${p.name} ${e.target.checked ? 'enabled' : 'disabled'}`, 'ok'); } catch (err) { e.target.checked = !e.target.checked; toast(err.message, 'error'); }
          }});
        tbody.append(h('tr', {'data-id': p.id}, h('td', {}, toggle),
          h('td', {}, h('a', {href: `#/policies/${encodeURIComponent(p.id)}`}, p.name)), h('td', {class: 'muted'}, p.id),
          h('td', {class: 'num'}, (p.rules || []).length),
          h('td', {}, [...new Set((p.rules || []).map((x) => x.severity))].join(', ')),
          h('td', {}, attackTags(p.tags)), h('td', {class: 'num'}, p.version), h('td', {}, fmtTime(p.updated_at))));
      }
    } catch (e) { toast(e.message, 'error'); }
  }
  load();
}

/** ATT&CK tags link to their technique page; other tags are plain chips. */
export function attackTags(tags) {
  return (tags || []).map((t) => {
    const m = /^attack\.(t\d{4})(?:\.(\d{3}))?$/i.exec(t);
    if (!m) return h('span', {class: 'tag'}, t);
    const url = `https://attack.mitre.org/techniques/${m[1].toUpperCase()}/${m[2] ? m[2] + '/' : ''}`;
    return h('a', {class: 'tag attack', href: url, target: '_blank', rel: 'noopener noreferrer'}, t);
  });
}

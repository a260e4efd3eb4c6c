import {h, clear, text, fmtTime, badge, dialog, toast} from '../dom.js';
import {get, post, can} from '../api.js';

export function render(main) {
  const engineer = can('engineer');
  const tbody = h('tbody', {id: 'webhook-rows'});
  const detail = h('div', {id: 'webhook-detail'});
  main.append(h('div', {class: 'page-head'}, h('h1', {}, 'Webhooks'),
    engineer ? h('button', {class: 'primary', id: 'new-webhook', onclick: create}, 'New webhook') : null),
  h('table', {class: 'grid', id: 'webhook-table'}, h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Format'),
    h('th', {}, 'URL'), h('th', {}, 'Events'), h('th', {}, 'Enabled'), h('th', {}, ''))), tbody), detail);

  async function load() {
    try {
      const r = await get('/webhooks', {limit: 1000});
      clear(tbody);
      for (const w of r.webhooks) {
        tbody.append(h('tr', {}, h('td', {}, h('a', {href: '#/webhooks', onclick: (e) => { e.preventDefault(); deliveries(w, ''); }}, w.name)),
          h('td', {}, w.format), h('td', {class: 'muted'}, w.url), h('td', {}, (w.events || []).join(', ')), h('td', {}, w.enabled ? 'yes' : 'no'),
          h('td', {}, engineer ? h('button', {class: 'small', onclick: () => test(w)}, 'Send test') : null,
            h('button', {class: 'small secondary', onclick: () => deliveries(w, 'dead')}, 'Dead letters'))));
      }
      if (!r.webhooks.length) tbody.append(h('tr', {}, h('td', {colspan: 6, class: 'empty'}, 'No webhooks.')));
    } catch (e) { toast(e.message, 'error'); }
  }

  async function create() {
    const v = await dialog('New webhook', [{name: 'name', label: 'Name'}, {name: 'url', label: 'URL (https://…)'},
      {name: 'format', label: 'Format', type: 'select', options: ['generic', 'slack', 'jira', 'servicenow', 'pagerduty'].map((f) => [f, f])}], 'Create');
    if (!v) return;
    try {
      const w = await post('/webhooks', {name: v.name.trim(), url: v.url.trim(), format: v.format});
      if (w.secret) await dialog('Signing secret (shown once)', [{type: 'info', text: w.secret}], 'I saved it');
      load();
    } catch (e) { toast(e.message, 'error'); }
  }

  async function test(w) {
    try {
      const r = await post(`/webhooks/${encodeURIComponent(w.id)}/test`);
      toast(r.delivered ? `Delivered: HTTP ${r.status_code} in ${r.latency_ms} ms` : `Not delivered: ${r.error || r.status_code}`, r.delivered ? 'ok' : 'error');
    } catch (e) { toast(e.message, 'error'); }
  }

  async function deliveries(w, state) {
    clear(detail).append(h('h2', {}, `Deliveries of ${w.name}`));
    const pick = h('select', {id: 'delivery-state', onchange: () => deliveries(w, pick.value)}, [['', 'all'], ['pending', 'pending'], ['delivered', 'delivered'], ['dead', 'dead letters']]
      .map(([v, l]) => h('option', {value: v, selected: v === state}, l)));
    const body = h('tbody', {});
    detail.append(pick, h('table', {class: 'grid'}, h('thead', {}, h('tr', {}, h('th', {}, 'Created'), h('th', {}, 'Event'), h('th', {}, 'Alert'),
      h('th', {}, 'State'), h('th', {}, 'Attempts'), h('th', {}, 'Last result'), h('th', {}, ''))), body));
    try {
      const r = await get(`/webhooks/${encodeURIComponent(w.id)}/deliveries`, {state, limit: 100});
      for (const d of r.deliveries) {
        body.append(h('tr', {}, h('td', {}, fmtTime(d.created_at)), h('td', {}, d.event), h('td', {}, h('a', {href: `#/alerts/${encodeURIComponent(d.alert_id)}`}, d.alert_id)),
          h('td', {}, badge('state', d.state)), h('td', {class: 'num'}, d.attempts), h('td', {}, d.last_error || d.last_status_code || ''),
          h('td', {}, engineer && d.state === 'dead' ? h('button', {class: 'small', onclick: async () => {
            try { await post(`/webhooks/${encodeURIComponent(w.id)}/deliveries/${encodeURIComponent(d.id)}/redrive`); toast('Re-driven', 'ok'); deliveries(w, state); } catch (e) { toast(e.message, 'error'); }
          }}, 'Re-drive') : null)));
      }
      if (!r.deliveries.length) body.append(h('tr', {}, h('td', {colspan: 7, class: 'empty'}, 'None.')));
    } catch (e) { text(body, e.message); }
  }
  load();
}

import {h, clear, text, fmtTime, ago, confirmAction, toast} from '../dom.js';
import {get, post, can} from '../api.js';
import {loadTree} from './alert.js';

export function render(main, {id}) {
  if (id) return host(main, id);
  const tbody = h('tbody', {id: 'host-rows'});
  main.append(h('div', {class: 'page-head'}, h('h1', {}, 'Hosts')),
    h('table', {class: 'grid', id: 'host-table'}, h('thead', {}, h('tr', {}, h('th', {}, 'Host'), h('th', {}, 'Hostname'),
      h('th', {}, 'Platform'), h('th', {}, 'IP'), h('th', {}, 'Processes'), h('th', {}, 'Agent'), h('th', {}, 'Last seen'))), tbody));
  get('/hosts/summary/', {limit: 500}).then((hosts) => {
    if (!hosts.length) tbody.append(h('tr', {}, h('td', {colspan: 7, class: 'empty'}, 'No host has submitted an inventory yet (run the agent).')));
    for (const x of hosts) {
      tbody.append(h('tr', {}, h('td', {}, h('a', {href: `#/hosts/${encodeURIComponent(x.host_id)}`}, x.host_id)),
        h('td', {}, x.hostname || ''), h('td', {}, `${x.platform || ''} ${x.platform_version || ''}`), h('td', {}, x.ip_address || ''),
        h('td', {class: 'num'}, x.process_count ?? ''), h('td', {}, x.is_active ? 'active' : 'inactive'),
        h('td', {title: fmtTime(x.last_seen)}, ago(x.last_seen))));
    }
  }).catch((e) => toast(e.message, 'error'));
  return null;
}

function host(main, id) {
  const head = h('div', {id: 'host-head'});
  const tree = h('div', {id: 'process-tree'}, 'Loading…');
  const commands = h('ul', {id: 'host-commands', class: 'actions'});
  main.append(h('p', {}, h('a', {href: '#/hosts'}, '← Hosts')), head,
    h('div', {class: 'cols'}, h('section', {class: 'card col'}, h('h2', {}, 'Process tree (latest snapshot)'), tree),
      h('section', {class: 'card col side'}, h('h2', {}, 'Response'), can('triage') ? h('div', {class: 'action-buttons'},
        h('button', {class: 'danger', id: 'host-isolate', onclick: () => respond('isolate_host', 'Isolate host')}, 'Isolate host'),
        h('button', {id: 'host-release', onclick: () => respond('release_host', 'Release host')}, 'Release host'))
        : h('p', {class: 'muted'}, 'Read-only: your role cannot run response actions.'),
      h('h3', {}, 'Commands'), commands)));

  get(`/hosts/${encodeURIComponent(id)}/`).then((x) => {
    clear(head).append(h('h1', {}, x.hostname || x.host_id), h('p', {class: 'muted'},
      `${x.host_id} · ${x.platform || ''} ${x.platform_version || ''} · ${x.ip_address || ''} · last seen ${fmtTime(x.last_seen)} (${ago(x.last_seen)})`));
  }).catch((e) => clear(head).append(h('h1', {}, id), h('p', {class: 'muted'}, e.status === 404 ? 'No inventory for this host.' : e.message)));
  loadTree(id, new Set()).then((t) => clear(tree).append(t)).catch((e) => text(tree, e.message));
  loadCommands();

  async function loadCommands() {
    try {
      const r = await get(`/agents/${encodeURIComponent(id)}/commands`, {limit: 20});
      clear(commands);
      for (const c of r.commands) commands.append(h('li', {}, h('strong', {}, c.type), ` ${c.status} · ${fmtTime(c.created_at)}`));
      if (!r.commands.length) commands.append(h('li', {class: 'muted'}, 'None.'));
    } catch (e) { text(commands, e.message); }
  }

  // The API queues response actions on alerts (for the audit trail), so a host-level action opens
  // a manual alert for the host and queues the action on it.
  async function respond(action, label) {
    if (!(await confirmAction(label, `${label} ${id}? A manual alert records who asked and why; the agent runs it at its next poll.`, label))) return;
    try {
      const alert = await post('/alerts', {title: `${label} ${id} (manual)`, description: `Requested from the Hosts screen`,
        severity: 'low', host_id: id, tags: ['manual', 'response']});
      await post(`/alerts/${encodeURIComponent(alert.id)}/actions`, {action, parameters: {}});
      toast(`${label} queued (alert ${alert.id})`, 'ok');
      loadCommands();
    } catch (e) { toast(e.message, 'error'); }
  }
  return null;
}

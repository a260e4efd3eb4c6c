// One alert: triggering events with matched fields highlighted, the host's process tree, a
// timeline of the host's events around it, the policy and rule, history, notes, response actions.

import {h, clear, text, fmtTime, badge, flatten, dialog, confirmAction, toast} from '../dom.js';
import {get, put, post, can} from '../api.js';
import {openStream} from '../stream.js';
import {closeDialog} from './alerts.js';

const ACTIONS = [
  ['isolate_host', 'Isolate host'], ['release_host', 'Release host'],
  ['kill_process', 'Kill process'], ['quarantine', 'Quarantine file'], ['block', 'Block'],
];
const FINAL = {succeeded: 'done', dry_run: 'done (dry run)', failed: 'failed', expired: 'expired'};

/** Dotted field names a condition mentions: the fields to highlight in its events. */
export function conditionFields(condition) {
  const out = new Set();
  const stripped = String(condition || '').replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, ' ');
  for (const m of stripped.matchAll(/[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)+|\b(?:host_id|severity|labels|risk_hints|ts|id)\b/g)) {
    out.add(m[0]);
  }
  return out;
}

export function render(main, {id}) {
  const triage = can('triage');
  const body = h('div', {class: 'alert-detail', id: 'alert-detail'}, h('p', {class: 'muted'}, 'Loading…'));
  main.append(h('p', {}, h('a', {href: '#/alerts', id: 'back'}, '← Alert queue')), body);
  let alert = null;

  async function load() {
    try {
      alert = await get(`/alerts/${encodeURIComponent(id)}`);
    } catch (e) {
      clear(body).append(h('p', {class: 'error', id: 'alert-error'}, e.status === 404 ? 'No such alert in your tenant.' : e.message));
      return;
    }
    let policy = null;
    if (alert.policy_id) policy = await get(`/policies/${encodeURIComponent(alert.policy_id)}`).catch(() => null);
    const rule = policy && (policy.rules || []).find((r) => r.id === alert.rule_id);
    const fields = conditionFields(rule ? rule.condition : '');
    clear(body).append(
      header(policy, rule),
      triage ? triageBar() : h('p', {class: 'muted', id: 'read-only'}, 'Read-only: your role cannot triage.'),
      h('div', {class: 'cols'},
        h('div', {class: 'col'}, section('Triggering events', eventsView(alert.triggering_events || [], fields)),
          section('Host timeline', timeline()), section('Process tree', processTree())),
        h('div', {class: 'col side'}, section('Response actions', actionsView()),
          section('Notes', notesView()), section('History', historyView()))));
  }

  function header(policy, rule) {
    return h('div', {class: 'detail-head'},
      h('h1', {id: 'alert-title'}, alert.title),
      h('div', {class: 'meta'}, badge('sev', alert.severity), ' ', h('span', {id: 'alert-status'}, badge('status', alert.status)),
        alert.close_reason ? h('span', {class: 'muted'}, ` (${alert.close_reason})`) : null,
        h('span', {}, ` risk ${alert.risk_score}`), h('span', {}, ` · host ${alert.host_id || '–'}`),
        h('span', {}, ` · ${alert.count} match${alert.count === 1 ? '' : 'es'}`),
        h('span', {}, ` · first ${fmtTime(alert.first_seen || alert.created_at)}`),
        h('span', {}, ` · assignee ${alert.assignee_name || '–'}`)),
      h('p', {}, alert.description || ''),
      alert.policy_id ? h('p', {class: 'policy-link'}, 'Policy ',
        h('a', {href: `#/policies/${encodeURIComponent(alert.policy_id)}`, id: 'policy-link'}, alert.policy_name || alert.policy_id),
        alert.rule_id ? ` · rule ${alert.rule_id}` : '',
        rule ? h('code', {class: 'condition-text'}, rule.condition) : null) : null,
      h('div', {class: 'tags'}, (alert.tags || []).map((t) => h('span', {class: 'tag'}, t))));
  }

  function triageBar() {
    const update = async (change, label) => {
      try { await put(`/alerts/${encodeURIComponent(id)}`, change); toast(label, 'ok'); await load(); } catch (e) { toast(e.message, 'error'); }
    };
    return h('div', {class: 'bulk'},
      alert.status === 'open' ? h('button', {id: 'detail-ack', onclick: () => update({status: 'acknowledged'}, 'Acknowledged')}, 'Acknowledge') : null,
      h('button', {id: 'detail-assign', onclick: async () => {
        const v = await dialog('Assign', [{name: 'assignee', label: 'User (username, email or id; empty to unassign)', value: alert.assignee || ''}], 'Assign');
        if (v) update({assignee: v.assignee.trim()}, 'Assigned');
      }}, 'Assign…'),
      alert.status !== 'closed' ? h('button', {id: 'detail-close', class: 'danger', onclick: async () => {
        const v = await closeDialog(1);
        if (v) update({status: 'closed', close_reason: v.close_reason, ...(v.notes.trim() ? {notes: v.notes.trim()} : {})}, 'Closed');
      }}, 'Close…') : h('button', {id: 'detail-reopen', onclick: () => update({status: 'open'}, 'Reopened')}, 'Reopen'));
  }

  function section(title, content) {
    return h('section', {class: 'card'}, h('h2', {}, title), content);
  }

  function eventsView(events, fields) {
    if (!events.length) return h('p', {class: 'muted'}, 'No events kept.');
    return h('div', {id: 'triggering-events'}, events.map((ev) => h('table', {class: 'kv event'},
      h('caption', {}, `${ev.id} · ${fmtTime(ev.ts)}`),
      flatten(ev).filter(([k]) => k !== 'tenant_id').map(([k, v]) => h('tr', {class: fields.has(k) ? 'matched' : ''},
        h('th', {}, k), h('td', {}, Array.isArray(v) ? JSON.stringify(v) : String(v)))))));
  }

  function timeline() {
    const box = h('div', {id: 'timeline'}, h('p', {class: 'muted'}, 'Loading…'));
    if (!alert.host_id) { clear(box).append(h('p', {class: 'muted'}, 'No host.')); return box; }
    const from = new Date(new Date(alert.first_seen || alert.created_at).getTime() - 15 * 60e3);
    const to = new Date(new Date(alert.last_seen || alert.created_at).getTime() + 15 * 60e3);
    const mine = new Set(alert.events || []);
    get('/events', {host_id: alert.host_id, start_time: from.toISOString(), end_time: to.toISOString(), limit: 100})
      .then((r) => {
        const events = (r.events || []).slice().sort((a, b) => String(a.ts).localeCompare(String(b.ts)));
        clear(box).append(h('p', {class: 'muted'}, `${events.length} event(s) of ${alert.host_id} from ${fmtTime(from.toISOString())} to ${fmtTime(to.toISOString())}`),
          h('ol', {class: 'timeline'}, events.map((ev) => h('li', {class: mine.has(ev.id) ? 'trigger' : ''},
            h('time', {}, fmtTime(ev.ts)), ' ', h('span', {class: 'tag'}, (ev.event && ev.event.type) || ev['event.type'] || 'event'), ' ',
            summaryOf(ev)))));
      }).catch((e) => { clear(box).append(h('p', {class: 'error'}, e.message)); });
    return box;
  }

  function processTree() {
    const box = h('div', {id: 'process-tree'}, h('p', {class: 'muted'}, 'Loading…'));
    if (!alert.host_id) { clear(box).append(h('p', {class: 'muted'}, 'No host.')); return box; }
    const pids = new Set();
    for (const ev of alert.triggering_events || []) {
      const p = ev.process || {};
      if (p.pid !== undefined) pids.add(Number(p.pid));
      if (p.ppid !== undefined) pids.add(Number(p.ppid));
    }
    loadTree(alert.host_id, pids).then((tree) => clear(box).append(tree)).catch((e) => {
      clear(box).append(h('p', {class: 'muted'}, e.status === 404 ? 'No inventory snapshot for this host.' : e.message));
    });
    return box;
  }

  function actionsView() {
    const list = h('ul', {class: 'actions', id: 'actions'}, (alert.actions || []).map((a) => h('li', {'data-action': a.id},
      h('strong', {}, a.type), ' ', badge('state', a.state), ' ',
      h('span', {class: 'muted'}, `${stateWord(a.state)} · ${a.requested_by_name || ''} · ${fmtTime(a.updated_at)}`),
      a.message ? h('div', {class: 'muted'}, a.message) : null)));
    if (!(alert.actions || []).length) list.append(h('li', {class: 'muted'}, 'None yet.'));
    if (!triage || !alert.host_id) return list;
    return h('div', {}, list, h('div', {class: 'action-buttons'}, ACTIONS.map(([type, label]) =>
      h('button', {class: type === 'isolate_host' || type === 'kill_process' ? 'danger small' : 'small', id: `action-${type}`,
        onclick: async () => {
          if (!(await confirmAction(label, `${label} on ${alert.host_id}? The agent runs it at its next poll.`, label))) return;
          try { await post(`/alerts/${encodeURIComponent(id)}/actions`, {action: type, parameters: {}}); toast(`${label} queued`, 'ok'); await load(); } catch (e) { toast(e.message, 'error'); }
        }}, label))));
  }

  function notesView() {
    const list = h('ul', {class: 'notes', id: 'notes'}, (alert.notes || []).map((n) => h('li', {},
      h('div', {class: 'muted'}, `${n.author || n.username || ''} · ${fmtTime(n.at || n.created_at)}`), h('div', {}, n.text))));
    if (!triage) return list;
    const area = h('textarea', {id: 'note-text', rows: 2, placeholder: 'Add a note'});
    return h('div', {}, list, area, h('button', {id: 'note-add', class: 'small', onclick: async () => {
      if (!area.value.trim()) return;
      try { await put(`/alerts/${encodeURIComponent(id)}`, {notes: area.value.trim()}); await load(); } catch (e) { toast(e.message, 'error'); }
    }}, 'Add note'));
  }

  function historyView() {
    return h('ol', {class: 'history', id: 'history'}, (alert.history || []).slice().reverse().map((e) => h('li', {},
      h('time', {}, fmtTime(e.at)), ' ', h('strong', {}, e.username || 'system'), ` ${e.action}: `,
      e.from ? `${e.from} → ` : '', e.to || '')));
  }

  const stream = openStream('alerts', (event, data) => {
    if (data && data.alert_id === id) load();
  });
  load();
  return () => stream.close();
}

function stateWord(state) {
  if (state === 'pending') return 'queued';
  if (state === 'sent') return 'sent to agent';
  return FINAL[state] || state;
}

export function summaryOf(ev) {
  const f = Object.fromEntries(flatten(ev));
  const parts = [f['event.action'], f['process.name'], f['process.command_line'], f['file.path'],
    f['network.destination.ip'], f['network.destination.domain'], f['user.name'], f['auth.result']];
  return parts.filter((p) => p !== undefined && p !== null && p !== '').join(' · ');
}

/** The host's latest snapshot's process tree, opened along the path to the given pids. */
export async function loadTree(hostId, pids) {
  const snaps = await get('/snapshots/latest/', {host_id: hostId, limit: 1});
  if (!snaps.length) return h('p', {class: 'muted'}, 'No inventory snapshot for this host.');
  const snap = snaps[0];
  const tree = await get(`/snapshots/${encodeURIComponent(snap.id)}/tree/`);
  const contains = (node) => pids.has(Number(node.process.pid)) || node.children.some(contains);
  const draw = (node, depth) => {
    const p = node.process;
    const hit = pids.has(Number(p.pid));
    const onPath = contains(node);
    const label = h('span', {class: hit ? 'proc hit' : 'proc'}, `${p.name} `, h('span', {class: 'muted'},
      `pid ${p.pid} · ${p.username || ''} · cpu ${p.cpu_percent ?? '–'}%`));
    if (!node.children.length) return h('li', {}, label);
    return h('li', {}, h('details', {open: onPath || (depth < 1 && !pids.size)}, h('summary', {}, label),
      h('ul', {}, node.children.map((c) => draw(c, depth + 1)))));
  };
  return h('div', {}, h('p', {class: 'muted'}, `Snapshot ${fmtTime(snap.timestamp)} · ${snap.total_processes} processes`),
    h('ul', {class: 'tree'}, tree.map((n) => draw(n, 0))));
}

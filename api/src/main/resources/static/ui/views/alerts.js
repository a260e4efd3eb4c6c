// The alert queue: filters, counts per status, sort, cursor paging, multi-select triage, live
// updates from the stream, keyboard j/k/x/a/c and / .

import {h, clear, text, fmtTime, ago, badge, dialog, toast} from '../dom.js';
import {get, put, can} from '../api.js';
import {openStream} from '../stream.js';

export const CLOSE_REASONS = ['true_positive', 'false_positive', 'benign', 'duplicate', 'other'];
const RANGES = [['', 'Any time'], ['1h', 'Last hour'], ['24h', 'Last 24 h'], ['7d', 'Last 7 days'],
  ['30d', 'Last 30 days']];
const DEFAULT_FILTER = {status: 'open', severity: '', policy_id: '', host_id: '', assignee: '',
  tag: '', range: '', condition: '', sort: '-created_at'};
const RANGE_MS = {'1h': 3600e3, '24h': 86400e3, '7d': 7 * 86400e3, '30d': 30 * 86400e3};

export function closeDialog(count) {
  return dialog(`Close ${count} alert${count === 1 ? '' : 's'}`, [
    {name: 'close_reason', label: 'Reason', type: 'select',
      options: CLOSE_REASONS.map((r) => [r, r.replace('_', ' ')])},
    {name: 'notes', label: 'Note (optional)', type: 'textarea'},
  ], 'Close');
}

export function render(main) {
  const state = {
    filter: JSON.parse(sessionStorage.getItem('tocsin.alerts.filter') || 'null') ||
      {...DEFAULT_FILTER},
    rows: [], selected: new Set(), cursor: null, offset: 0, hasMore: false, focus: 0, total: 0,
  };
  const triage = can('triage');

  const tabs = h('div', {class: 'tabs', id: 'status-tabs'});
  const counts = {};
  for (const s of ['open', 'acknowledged', 'closed', '']) {
    const count = h('span', {class: 'count', id: `count-${s || 'all'}`});
    counts[s] = count;
    tabs.append(h('button', {class: 'tab', 'data-status': s, id: `tab-${s || 'all'}`,
      onclick: () => { state.filter.status = s; reload(); }}, s || 'all', ' ', count));
  }

  const input = (name, placeholder, list) => h('input', {id: `f-${name}`, name, placeholder,
    value: state.filter[name] || '', list, onchange: (e) => { state.filter[name] = e.target.value.trim(); reload(); }});
  const select = (name, options) => h('select', {id: `f-${name}`, name,
    onchange: (e) => { state.filter[name] = e.target.value; reload(); }},
    options.map(([v, l]) => h('option', {value: v, selected: v === (state.filter[name] || '')}, l)));
  const policies = h('datalist', {id: 'policy-options'});
  get('/policies', {limit: 1000}).then((r) => r.policies.forEach((p) =>
    policies.append(h('option', {value: p.id}, p.name)))).catch(() => {});

  const condition = h('input', {id: 'f-condition', class: 'condition', name: 'condition',
    placeholder: "condition on the triggering events, e.g. process.name == 'curl'   ( / )",
    value: state.filter.condition || ''});
  const conditionError = h('div', {class: 'error', id: 'condition-error'});
  condition.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { state.filter.condition = condition.value.trim(); reload(); condition.blur(); }
    if (e.key === 'Escape') condition.blur();
  });

  const filters = h('div', {class: 'filters'},
    select('severity', [['', 'Any severity'], ['critical', 'critical'], ['high', 'high'],
      ['medium', 'medium'], ['low', 'low']]),
    input('policy_id', 'Policy id', 'policy-options'), policies,
    input('host_id', 'Host'), input('assignee', 'Assignee'), input('tag', 'Tag'),
    select('range', RANGES),
    select('sort', [['-created_at', 'Newest'], ['created_at', 'Oldest'],
      ['-risk_score', 'Highest risk'], ['-updated_at', 'Recently changed']]),
    h('button', {class: 'secondary small', id: 'f-reset', onclick: () => {
      state.filter = {...DEFAULT_FILTER};
      filters.querySelectorAll('input, select').forEach((el) => { el.value = state.filter[el.name] || ''; });
      condition.value = '';
      reload();
    }}, 'Reset'));

  const live = h('span', {class: 'live', id: 'live-state'}, 'connecting…');
  const bulk = h('div', {class: 'bulk', id: 'bulk'});
  const selectedCount = h('span', {id: 'selected-count'}, '0 selected');
  if (triage) {
    bulk.append(selectedCount,
      h('button', {id: 'bulk-ack', onclick: () => acknowledge()}, 'Acknowledge (a)'),
      h('button', {id: 'bulk-assign', onclick: () => assign()}, 'Assign…'),
      h('button', {id: 'bulk-close', class: 'danger', onclick: () => close()}, 'Close… (c)'));
  } else {
    bulk.append(h('span', {class: 'muted', id: 'read-only'}, 'Read-only: your role cannot triage.'));
  }

  const tbody = h('tbody', {id: 'alert-rows'});
  const allBox = h('input', {type: 'checkbox', id: 'select-all', 'aria-label': 'select all',
    onchange: (e) => { state.rows.forEach((r) => e.target.checked ? state.selected.add(r.id) : state.selected.delete(r.id)); draw(); }});
  const table = h('table', {class: 'grid alerts', id: 'alert-table'},
    h('thead', {}, h('tr', {}, triage ? h('th', {}, allBox) : null, h('th', {}, 'Severity'),
      h('th', {}, 'Status'), h('th', {}, 'Title'), h('th', {}, 'Host'), h('th', {}, 'Policy'),
      h('th', {}, 'Assignee'), h('th', {}, 'Tags'), h('th', {}, 'Risk'), h('th', {}, 'Created'))),
    tbody);
  const more = h('button', {class: 'secondary', id: 'load-more', onclick: () => load(false)}, 'Load more');
  const summary = h('span', {class: 'muted', id: 'alert-summary'});
  const banner = h('div', {class: 'banner hidden', id: 'new-banner', onclick: () => reload()});

  main.append(h('div', {class: 'page-head'}, h('h1', {}, 'Alert queue'), live,
      h('span', {class: 'muted keys'}, 'j/k move · x select · a acknowledge · c close · Enter open · / condition')),
    tabs, filters, h('div', {class: 'condition-row'}, condition), conditionError, bulk, banner,
    table, h('div', {class: 'pager'}, summary, more));


  function params() {
    const f = state.filter;
    const p = {status: f.status, severity: f.severity, policy_id: f.policy_id, host_id: f.host_id,
      assignee: f.assignee, tag: f.tag, condition: f.condition, sort: f.sort};
    if (f.range) p.start_time = new Date(Date.now() - RANGE_MS[f.range]).toISOString();
    return p;
  }

  async function reload() {
    sessionStorage.setItem('tocsin.alerts.filter', JSON.stringify(state.filter));
    tabs.querySelectorAll('.tab').forEach((t) => t.classList.toggle('active', t.dataset.status === (state.filter.status || '')));
    state.rows = []; state.cursor = null; state.offset = 0; state.selected.clear(); state.focus = 0;
    banner.classList.add('hidden');
    await Promise.all([load(true), loadCounts()]);
  }

  async function loadCounts() {
    const p = params(); delete p.status; delete p.sort;
    try {
      const r = await get('/alerts/counts', p);
      for (const [s, el] of Object.entries(counts)) text(el, s ? r.counts[s] : r.total);
    } catch { /* shown by load() */ }
  }

  async function load(first) {
    const p = {...params(), limit: 50};
    if (!first && state.cursor) p.cursor = state.cursor;
    else if (!first) p.offset = state.offset;
    const started = performance.now();
    try {
      const r = await get('/alerts', p);
      text(conditionError, '');
      state.rows = first ? r.alerts : state.rows.concat(r.alerts);
      state.cursor = r.next_cursor; state.hasMore = r.has_more; state.total = r.total;
      state.offset = state.rows.length;
      main.dataset.loadMs = String(Math.round(performance.now() - started));
      draw();
    } catch (e) {
      if (e.details && e.details.field === 'condition') {
        text(conditionError, (e.details.diagnostics || []).map((d) => `line ${d.line}:${d.column}: ${d.message}`).join('\n') || e.message);
      } else toast(e.message, 'error');
    }
  }

  function draw() {
    clear(tbody);
    state.rows.forEach((a, i) => {
      const box = triage ? h('td', {}, h('input', {type: 'checkbox', class: 'row-select',
        'aria-label': 'select', checked: state.selected.has(a.id),
        onclick: (e) => e.stopPropagation(),
        onchange: (e) => { e.target.checked ? state.selected.add(a.id) : state.selected.delete(a.id); drawSelection(); }})) : null;
      const tr = h('tr', {'data-id': a.id, class: [i === state.focus ? 'focus' : '', a._new ? 'new' : ''].join(' '),
        onclick: () => { state.focus = i; draw(); },
        ondblclick: () => { location.hash = `#/alerts/${encodeURIComponent(a.id)}`; }},
        box,
        h('td', {}, badge('sev', a.severity)),
        h('td', {class: 'status-cell'}, badge('status', a.status)),
        h('td', {}, h('a', {href: `#/alerts/${encodeURIComponent(a.id)}`, class: 'alert-title'}, a.title)),
        h('td', {}, a.host_id || ''),
        h('td', {}, a.policy_name || a.policy_id || ''),
        h('td', {}, a.assignee_name || ''),
        h('td', {}, (a.tags || []).map((t) => h('span', {class: 'tag'}, t))),
        h('td', {class: 'num'}, a.risk_score ?? ''),
        h('td', {title: fmtTime(a.created_at)}, ago(a.created_at)));
      tbody.append(tr);
    });
    if (!state.rows.length) {
      tbody.append(h('tr', {}, h('td', {colspan: 10, class: 'empty', id: 'no-alerts'}, 'No alerts match.')));
    }
    more.classList.toggle('hidden', !state.hasMore);
    text(summary, `${state.rows.length} of ${state.total}`);
    drawSelection();
  }

  function drawSelection() {
    text(selectedCount, `${state.selected.size} selected`);
    bulk.querySelectorAll('button').forEach((b) => { b.disabled = targets().length === 0; });
  }

  function targets() {
    if (state.selected.size) return [...state.selected];
    const row = state.rows[state.focus];
    return row ? [row.id] : [];
  }

  async function apply(body, label) {
    const ids = targets();
    let ok = 0;
    for (const id of ids) {
      try {
        const updated = await put(`/alerts/${encodeURIComponent(id)}`, body);
        merge(updated); ok++;
      } catch (e) { toast(`${id}: ${e.message}`, 'error'); }
    }
    if (ok) toast(`${label} ${ok} alert${ok === 1 ? '' : 's'}`, 'ok');
    state.selected.clear();
    draw(); loadCounts();
  }

  const acknowledge = () => triage && targets().length && apply({status: 'acknowledged'}, 'Acknowledged');
  async function assign() {
    if (!triage || !targets().length) return;
    const v = await dialog('Assign', [{name: 'assignee', label: 'User (username, email or id; empty to unassign)'}], 'Assign');
    if (v) apply({assignee: v.assignee.trim()}, 'Assigned');
  }
  async function close() {
    if (!triage || !targets().length) return;
    const v = await closeDialog(targets().length);
    if (v) apply({status: 'closed', close_reason: v.close_reason, ...(v.notes.trim() ? {notes: v.notes.trim()} : {})}, 'Closed');
  }

  function matches(a) {
    const f = state.filter;
    if (f.status && a.status !== f.status) return false;
    if (f.severity && a.severity !== f.severity) return false;
    if (f.policy_id && a.policy_id !== f.policy_id) return false;
    if (f.host_id && a.host_id !== f.host_id) return false;
    if (f.tag && !(a.tags || []).includes(f.tag)) return false;
    return !(f.condition || f.assignee);
  }

  function merge(alert) {
    const i = state.rows.findIndex((r) => r.id === alert.id);
    if (i >= 0) state.rows[i] = {...state.rows[i], ...alert};
  }

  let pending = 0;
  const stream = openStream('alerts', (event, data) => {
    if (event === 'resync') { reload(); return; }
    if (!data || !data.alert) return;
    const a = data.alert;
    const i = state.rows.findIndex((r) => r.id === a.id);
    if (i >= 0) { state.rows[i] = {...state.rows[i], ...a}; draw(); }
    else if (event === 'alert.created') {
      if (matches(a) && state.filter.sort === '-created_at') {
        state.rows.unshift({...a, _new: true}); state.total++;
        if (state.focus > 0 || state.rows.length > 1) state.focus++;
        draw();
      } else if (state.filter.condition || state.filter.assignee) {
        pending++;
        text(banner, `${pending} new alert${pending === 1 ? '' : 's'} — click to refresh`);
        banner.classList.remove('hidden');
      }
    }
    loadCounts();
  }, (s) => { text(live, s === 'live' ? '● live' : s); live.className = `live ${s}`; });

  function onKey(e) {
    if (e.target.closest('input, textarea, select, dialog')) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const n = state.rows.length;
    switch (e.key) {
      case 'j': state.focus = Math.min(state.focus + 1, n - 1); draw(); scroll(); break;
      case 'k': state.focus = Math.max(state.focus - 1, 0); draw(); scroll(); break;
      case 'x': {
        const row = state.rows[state.focus];
        if (row && triage) { state.selected.has(row.id) ? state.selected.delete(row.id) : state.selected.add(row.id); draw(); }
        break;
      }
      case 'a': acknowledge(); break;
      case 'c': close(); break;
      case 'Enter': if (state.rows[state.focus]) location.hash = `#/alerts/${encodeURIComponent(state.rows[state.focus].id)}`; break;
      case '/': e.preventDefault(); condition.focus(); break;
      default: return;
    }
  }
  function scroll() { const el = tbody.querySelector('tr.focus'); if (el) el.scrollIntoView({block: 'nearest'}); }
  document.addEventListener('keydown', onKey);
  function stop() { document.removeEventListener('keydown', onKey); stream.close(); }

  reload();
  return stop;
}

// Create or edit a policy: validation as you type (POST /policies/validate) with every problem at
// its line:column and its did-you-mean, backtest over stored events, versions with a diff.

import {h, clear, text, fmtTime, toast} from '../dom.js';
import {get, post, put, del, can} from '../api.js';
import {attackTags} from './policies.js';

const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const ACTIONS = ['alert', 'notify', 'block', 'quarantine', 'isolate_host', 'kill_process'];

export function render(main, {id}) {
  const engineer = can('engineer');
  const prefill = JSON.parse(sessionStorage.getItem('tocsin.policy.prefill') || 'null');
  sessionStorage.removeItem('tocsin.policy.prefill');
  const state = {policy: null, rules: []};
  const form = h('form', {class: 'policy-form', id: 'policy-form'});
  const problems = h('ul', {class: 'problems', id: 'policy-problems', 'aria-live': 'polite'});
  const status = h('span', {id: 'validation-status', class: 'muted'});
  const backtest = h('div', {id: 'backtest'});
  const versions = h('div', {id: 'versions'});
  main.append(h('p', {}, h('a', {href: '#/policies'}, '← Policies')),
    h('div', {class: 'cols'}, h('div', {class: 'col'}, form),
      h('div', {class: 'col side'}, h('section', {class: 'card'}, h('h2', {}, 'Validation '), status, problems),
        h('section', {class: 'card'}, h('h2', {}, 'Backtest'), backtest),
        id ? h('section', {class: 'card'}, h('h2', {}, 'Versions'), versions) : null)));

  const field = (name, label, attrs = {}) => h('label', {}, h('span', {}, label),
    h(attrs.rows ? 'textarea' : 'input', {id: `p-${name}`, name, disabled: !engineer, ...attrs}));

  function ruleBlock(rule, index) {
    const cond = h('textarea', {class: 'condition code', id: `rule-${index}-condition`, rows: 3, spellcheck: 'false',
      disabled: !engineer, oninput: validateSoon}, rule.condition || '');
    const sev = h('select', {id: `rule-${index}-severity`, disabled: !engineer, onchange: validateSoon},
      SEVERITIES.map((s) => h('option', {value: s, selected: s === (rule.severity || 'medium')}, s)));
    const act = h('select', {id: `rule-${index}-action`, disabled: !engineer, onchange: validateSoon},
      ACTIONS.map((s) => h('option', {value: s, selected: s === (rule.action || 'alert')}, s)));
    const block = h('fieldset', {class: 'rule', 'data-index': index}, h('legend', {}, `Rule ${rule.id || index + 1}`),
      h('label', {}, h('span', {}, 'Condition'), cond), h('div', {class: 'row'},
        h('label', {}, h('span', {}, 'Severity'), sev), h('label', {}, h('span', {}, 'Action'), act),
        engineer && index > 0 ? h('button', {type: 'button', class: 'secondary small', onclick: () => { state.rules.splice(index, 1); drawRules(); validateSoon(); }}, 'Remove rule') : null),
      h('div', {class: 'rule-problems', id: `rule-${index}-problems`}));
    block.read = () => ({...rule, condition: cond.value, severity: sev.value, action: act.value});
    return block;
  }

  const rulesBox = h('div', {id: 'rules'});
  function drawRules() {
    clear(rulesBox);
    state.blocks = state.rules.map((r, i) => ruleBlock(r, i));
    rulesBox.append(...state.blocks);
  }

  function read() {
    const v = (n) => form.querySelector(`#p-${n}`).value;
    const body = {name: v('name').trim(), description: v('description'),
      tags: v('tags').split(',').map((t) => t.trim()).filter(Boolean),
      enabled: form.querySelector('#p-enabled').checked,
      rules: state.blocks.map((b) => b.read())};
    if (state.policy) body.id = state.policy.id;
    return body;
  }

  let timer = null;
  let seq = 0;
  function validateSoon() { clearTimeout(timer); timer = setTimeout(validate, 300); }
  async function validate() {
    const mine = ++seq;
    text(status, 'checking…');
    try {
      const r = await post('/policies/validate', read());
      if (mine !== seq) return;
      show(r.warnings || [], true);
    } catch (e) {
      if (mine !== seq) return;
      show((e.details && e.details.diagnostics) || [{severity: 'error', message: e.message}], false);
    }
  }

  function show(list, ok) {
    text(status, ok ? (list.length ? 'valid, with warnings' : 'valid') : 'invalid');
    status.className = ok ? 'ok' : 'error';
    clear(problems);
    form.querySelectorAll('.rule-problems').forEach((el) => clear(el));
    for (const d of list) {
      const where = d.line ? `line ${d.line}:${d.column}: ` : '';
      const item = h('li', {class: d.severity === 'warning' ? 'warning' : 'error', 'data-code': d.code || ''},
        h('code', {}, d.field || ''), ' ', `${where}${d.message}`);
      problems.append(item);
      const m = /^rules\[(\d+)\]\.condition$/.exec(d.field || '');
      if (m && d.line) {
        const box = form.querySelector(`#rule-${m[1]}-problems`);
        const cond = form.querySelector(`#rule-${m[1]}-condition`).value.split('\n')[d.line - 1] || '';
        if (box) box.append(h('pre', {class: 'caret'}, cond, '\n', ' '.repeat(Math.max(d.column - 1, 0)), '^ ', d.message));
      }
    }
  }

  async function save(e) {
    e.preventDefault();
    try {
      const body = read();
      const saved = state.policy ? await put(`/policies/${encodeURIComponent(state.policy.id)}`, body) : await post('/policies', body);
      toast(`Saved ${saved.name} (version ${saved.version})`, 'ok');
      if (!state.policy) location.hash = `#/policies/${encodeURIComponent(saved.id)}`;
      else { state.policy = saved; loadVersions(); }
    } catch (err) {
      show((err.details && err.details.diagnostics) || [{severity: 'error', message: err.message}], false);
    }
  }

  function drawForm(p) {
    clear(form).append(h('div', {class: 'page-head'}, h('h1', {id: 'policy-heading'}, p.id ? p.name : 'New policy'),
      p.builtin ? h('span', {class: 'tag'}, 'built-in') : null),
    field('name', 'Name', {value: p.name || '', oninput: validateSoon, required: true}),
    field('description', 'Description', {rows: 2, oninput: validateSoon}),
    field('tags', 'Tags (comma separated, ATT&CK as attack.t1059)', {value: (p.tags || []).join(', '), oninput: validateSoon}),
    h('div', {class: 'tags'}, attackTags(p.tags)),
    h('label', {class: 'inline'}, h('input', {type: 'checkbox', id: 'p-enabled', checked: p.enabled !== false, disabled: !engineer, onchange: validateSoon}), ' Enabled'),
    rulesBox,
    engineer ? h('div', {class: 'bulk'},
      h('button', {type: 'button', class: 'secondary', id: 'add-rule', onclick: () => { state.rules = state.blocks.map((b) => b.read()); state.rules.push({condition: ''}); drawRules(); }}, 'Add rule'),
      h('button', {type: 'submit', class: 'primary', id: 'save-policy'}, p.id ? 'Save' : 'Create'),
      p.id ? h('button', {type: 'button', class: 'danger', id: 'delete-policy', onclick: async () => {
        if (!confirm(`Delete policy ${p.name}?`)) return;
        try { await del(`/policies/${encodeURIComponent(p.id)}`); location.hash = '#/policies'; } catch (err) { toast(err.message, 'error'); }
      }}, 'Delete') : null) : h('p', {class: 'muted'}, 'Read-only: your role cannot change policies.'));
    form.querySelector('#p-description').value = p.description || '';
    state.rules = (p.rules && p.rules.length) ? p.rules : [{condition: ''}];
    drawRules();
    validateSoon();
  }
  form.addEventListener('submit', save);

  function drawBacktest() {
    const range = h('select', {id: 'bt-range'}, [['1h', 'last hour'], ['24h', 'last 24 h'], ['7d', 'last 7 days'], ['30d', 'last 30 days']]
      .map(([v, l]) => h('option', {value: v, selected: v === '24h'}, l)));
    const out = h('div', {id: 'bt-results'});
    const ms = {'1h': 3600e3, '24h': 86400e3, '7d': 7 * 86400e3, '30d': 30 * 86400e3};
    const run = h('button', {type: 'button', id: 'bt-run', disabled: !can('triage'), onclick: async () => {
      text(out, 'running…');
      try {
        const end = new Date();
        const r = await post('/policies/backtest', {policy: read(), start_time: new Date(end - ms[range.value]).toISOString(), end_time: end.toISOString()});
        clear(out).append(h('p', {id: 'bt-summary'}, `${r.alerts_total} alert(s) from ${r.events_scanned} events in ${r.took} ms${r.truncated ? ' (truncated)' : ''}`),
          h('table', {class: 'grid small'}, h('tbody', {}, r.alerts.map((a) => h('tr', {},
            h('td', {}, fmtTime(a.first_seen)), h('td', {}, a.host_id || ''), h('td', {}, a.severity), h('td', {}, a.reason || ''),
            h('td', {}, (a.event_ids || []).slice(0, 3).join(', ')))))));
      } catch (e) {
        clear(out).append(h('p', {class: 'error'}, e.message));
      }
    }}, 'Run backtest');
    clear(backtest).append(h('div', {class: 'row'}, range, run), out);
  }

  async function loadVersions() {
    if (!id) return;
    try {
      const r = await get(`/policies/${encodeURIComponent(id)}/versions`, {limit: 50});
      const picks = [];
      const diffBox = h('div', {id: 'version-diff'});
      const list = h('ul', {class: 'versions'}, r.versions.map((v) => h('li', {},
        h('input', {type: 'checkbox', 'data-version': v.version, onchange: async (e) => {
          if (e.target.checked) picks.push(v.version); else picks.splice(picks.indexOf(v.version), 1);
          while (picks.length > 2) { const old = picks.shift(); list.querySelector(`input[data-version="${old}"]`).checked = false; }
          if (picks.length === 2) diff(Math.min(...picks), Math.max(...picks), diffBox);
        }}), ` v${v.version} ${v.change} by ${v.changed_by} · ${fmtTime(v.changed_at)}`)));
      clear(versions).append(h('p', {class: 'muted'}, 'Tick two versions to compare.'), list, diffBox);
    } catch (e) { clear(versions).append(h('p', {class: 'error'}, e.message)); }
  }

  async function diff(a, b, box) {
    const [va, vb] = await Promise.all([a, b].map((n) => get(`/policies/${encodeURIComponent(id)}/versions/${n}`)));
    const strip = (p) => { const c = {...p}; delete c.updated_at; delete c.updated_by; delete c.version; return c; };
    const lines = lineDiff(JSON.stringify(strip(va.policy), null, 2).split('\n'), JSON.stringify(strip(vb.policy), null, 2).split('\n'));
    clear(box).append(h('h3', {}, `v${a} → v${b}`), h('pre', {class: 'diff'}, lines.map(([op, l]) => h('span', {class: op === '+' ? 'add' : op === '-' ? 'del' : ''}, `${op} ${l}\n`))));
  }

  (async () => {
    if (id) {
      try { state.policy = await get(`/policies/${encodeURIComponent(id)}`); } catch (e) { clear(form).append(h('p', {class: 'error'}, e.message)); return; }
      drawForm(state.policy);
      loadVersions();
    } else {
      drawForm(prefill || {enabled: true, rules: [{condition: '', severity: 'medium', action: 'alert'}]});
    }
    drawBacktest();
  })();
}

/** A longest-common-subsequence line diff: [['=', line] | ['-', line] | ['+', line]]. */
export function lineDiff(a, b) {
  const n = a.length; const m = b.length;
  const dp = Array.from({length: n + 1}, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const out = []; let i = 0; let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { out.push(['=', a[i]]); i++; j++; } else if (dp[i + 1][j] >= dp[i][j + 1]) out.push(['-', a[i++]]); else out.push(['+', b[j++]]);
  }
  while (i < n) out.push(['-', a[i++]]);
  while (j < m) out.push(['+', b[j++]]);
  return out;
}

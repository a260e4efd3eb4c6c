import {h, clear, text, fmtTime, toast} from '../dom.js';
import {post, can} from '../api.js';
import {summaryOf} from './alert.js';

const RANGE_MS = {'1h': 3600e3, '24h': 86400e3, '7d': 7 * 86400e3, '30d': 30 * 86400e3};

export function render(main) {
  const saved = sessionStorage.getItem('tocsin.search.query') || '';
  const query = h('textarea', {id: 'search-query', class: 'condition code', rows: 2, spellcheck: 'false',
    placeholder: "process.name:powershell AND file.size:>100MB"}, saved);
  const range = h('select', {id: 'search-range'}, Object.keys(RANGE_MS).map((k) => h('option', {value: k, selected: k === '24h'}, `last ${k}`)));
  const errors = h('ul', {class: 'problems', id: 'search-errors'});
  const info = h('p', {class: 'muted', id: 'search-info'});
  const tbody = h('tbody', {id: 'search-rows'});
  main.append(h('div', {class: 'page-head'}, h('h1', {}, 'Event search')),
    h('form', {id: 'search-form', onsubmit: (e) => { e.preventDefault(); run(); }}, query,
      h('div', {class: 'row'}, range, h('button', {type: 'submit', class: 'primary', id: 'search-run'}, 'Search'),
        can('engineer') ? h('button', {type: 'button', id: 'save-as-policy', onclick: saveAsPolicy}, 'Save as policy…') : null)),
    errors, info,
    h('table', {class: 'grid', id: 'search-table'}, h('thead', {}, h('tr', {}, h('th', {}, 'Time'), h('th', {}, 'Host'),
      h('th', {}, 'Type'), h('th', {}, 'Summary'), h('th', {}, 'Id'))), tbody));
  query.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run(); });

  async function run() {
    clear(errors); clear(tbody); text(info, 'searching…');
    sessionStorage.setItem('tocsin.search.query', query.value);
    const end = new Date();
    try {
      const r = await post('/search/events', {query: query.value, start_time: new Date(end - RANGE_MS[range.value]).toISOString(),
        end_time: end.toISOString(), limit: 200});
      text(info, `${r.total}${r.truncated ? '+' : ''} match(es) in ${r.took} ms${r.has_more ? `, showing ${r.results.length}` : ''}`);
      for (const ev of r.results) {
        tbody.append(h('tr', {}, h('td', {}, fmtTime(ev.ts)), h('td', {}, ev.host_id || ''),
          h('td', {}, (ev.event && ev.event.type) || ''), h('td', {}, summaryOf(ev)), h('td', {class: 'muted'}, ev.id)));
      }
    } catch (e) {
      text(info, '');
      const list = (e.details && e.details.diagnostics) || [{message: e.message}];
      list.forEach((d) => errors.append(h('li', {class: 'error'}, d.line ? `line ${d.line}:${d.column}: ${d.message}` : d.message)));
    }
  }

  function saveAsPolicy() {
    if (!query.value.trim()) { toast('Write a condition first', 'error'); return; }
    sessionStorage.setItem('tocsin.policy.prefill', JSON.stringify({name: '', enabled: true,
      rules: [{condition: query.value.trim(), severity: 'medium', action: 'alert'}]}));
    location.hash = '#/policies/new';
  }
  if (saved) run();
}

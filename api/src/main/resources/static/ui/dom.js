// Building DOM without HTML strings: every text goes through createTextNode / textContent, so no
// user-supplied value can ever become markup or script.

/**
 * h('tr', {class: 'row', 'data-id': id, onclick: fn}, child, 'text', [more]) -> Element.
 * Attributes are set with setAttribute (never innerHTML, never inline style); functions named on*
 * become event listeners; children that are strings or numbers become text nodes.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'value') {
      el.value = value;
    } else if (key === 'checked' || key === 'disabled' || key === 'selected') {
      el[key] = Boolean(value);
    } else if (key === 'style' || key === 'innerHTML') {
      throw new Error('inline style and innerHTML are not allowed');
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function text(el, value) {
  el.textContent = value === null || value === undefined ? '' : String(value);
  return el;
}

export function fmtTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function ago(iso) {
  if (!iso) return '';
  const s = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (s < 60) return `${Math.max(s, 0)}s ago`;
  if (s < 3600) return `${Math.round(s / 60)}m ago`;
  if (s < 86400) return `${Math.round(s / 3600)}h ago`;
  return `${Math.round(s / 86400)}d ago`;
}

export function badge(kind, value) {
  return h('span', {class: `badge ${kind}-${String(value).replace(/[^a-z_]/gi, '')}`}, value);
}

/** Flattens nested objects to dotted paths: {process: {name: 'x'}} -> [['process.name', 'x']]. */
export function flatten(obj, prefix = '', out = []) {
  for (const [k, v] of Object.entries(obj || {})) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, path, out);
    else out.push([path, v]);
  }
  return out;
}

/** A modal dialog (<dialog>) with a form; resolves with the form's values or null. */
export function dialog(title, fields, submitLabel = 'OK', danger = false) {
  return new Promise((resolve) => {
    const inputs = {};
    const form = h('form', {method: 'dialog', class: 'dialog-form'},
      h('h2', {}, title),
      fields.map((f) => {
        let input;
        if (f.type === 'select') {
          input = h('select', {name: f.name, id: `dlg-${f.name}`},
            f.options.map(([v, label]) => h('option', {value: v, selected: v === f.value}, label)));
        } else if (f.type === 'textarea') {
          input = h('textarea', {name: f.name, id: `dlg-${f.name}`, rows: 3}, f.value || '');
        } else if (f.type === 'info') {
          return h('p', {class: 'dialog-info'}, f.text);
        } else {
          input = h('input', {name: f.name, id: `dlg-${f.name}`, type: f.type || 'text',
            value: f.value || '', placeholder: f.placeholder || ''});
        }
        inputs[f.name] = input;
        return h('label', {}, h('span', {}, f.label), input);
      }),
      h('div', {class: 'dialog-buttons'},
        h('button', {type: 'button', class: 'secondary', id: 'dlg-cancel',
          onclick: () => { dlg.close(); resolve(null); }}, 'Cancel'),
        h('button', {type: 'submit', class: danger ? 'danger' : 'primary', id: 'dlg-ok'}, submitLabel)));
    const dlg = h('dialog', {class: 'modal'}, form);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const values = {};
      for (const [k, el] of Object.entries(inputs)) values[k] = el.value;
      dlg.close();
      resolve(values);
    });
    dlg.addEventListener('close', () => { dlg.remove(); resolve(null); });
    document.body.appendChild(dlg);
    dlg.showModal();
    const first = Object.values(inputs)[0];
    if (first) first.focus(); else dlg.querySelector('#dlg-ok').focus();
  });
}

export function confirmAction(title, text, label = 'Confirm', danger = true) {
  return dialog(title, [{type: 'info', text}], label, danger).then((v) => v !== null);
}

let toastBox;
export function toast(message, kind = 'info') {
  if (!toastBox) {
    toastBox = h('div', {class: 'toasts', id: 'toasts', role: 'status'});
    document.body.appendChild(toastBox);
  }
  const t = h('div', {class: `toast toast-${kind}`}, message);
  toastBox.appendChild(t);
  setTimeout(() => t.remove(), 6000);
}

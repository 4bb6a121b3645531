// Number formatting and small DOM helpers shared by the panels.

export function percent(fraction, digits = 2) {
  return fraction === null || fraction === undefined ? 'n/a' : (fraction * 100).toFixed(digits) + '%';
}

export function number(value, digits = 2) {
  return value === null || value === undefined ? 'n/a' : value.toFixed(digits);
}

/** US dollars in T/B/M: 3.78e12 is "$3.78T". */
export function usd(value) {
  if (value === null || value === undefined) {
    return 'n/a';
  }
  const sign = value < 0 ? '-' : '';
  const size = Math.abs(value);
  for (const [unit, scale] of [['T', 1e12], ['B', 1e9], ['M', 1e6]]) {
    if (size >= scale) {
      return sign + '$' + (size / scale).toFixed(size >= 100 * scale ? 0 : 2) + unit;
    }
  }
  return sign + '$' + size.toFixed(0);
}

/** An element with text (never parsed as HTML) and optional attributes. */
export function el(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  return node;
}

/** Replaces the rows of tbody with one row per item; cells(item) gives each row's cells as text or elements. */
export function fillRows(tbody, items, cells) {
  tbody.replaceChildren(...items.map(item => {
    const row = el('tr');
    for (const cell of cells(item)) {
      const td = el('td');
      if (cell instanceof Node) {
        td.append(cell);
      } else {
        td.textContent = cell;
      }
      row.append(td);
    }
    return row;
  }));
}

/** A signed figure coloured by its sign. */
export function signed(text, value) {
  return el('span', text, { class: value < 0 ? 'down' : value > 0 ? 'up' : '' });
}

/** Source links: a source is one URL or several separated by " ; ". */
export function sourceLinks(source) {
  const list = el('ul', null, { class: 'sources' });
  for (const url of (source || '').split(/\s*;\s*/).filter(Boolean)) {
    const item = el('li');
    if (/^https?:\/\//.test(url)) {
      item.append(el('a', url, { href: url, target: '_blank', rel: 'noopener noreferrer' }));
    } else {
      item.textContent = url;
    }
    list.append(item);
  }
  return list;
}

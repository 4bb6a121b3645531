// The error banner at the top of the page: one line per panel, cleared when that panel loads again.

const banner = () => document.getElementById('errors');

export function showError(panel, message) {
  const list = banner();
  let line = list.querySelector(`[data-panel="${panel}"]`);
  if (!line) {
    line = document.createElement('li');
    line.dataset.panel = panel;
    list.append(line);
  }
  line.textContent = panel + ': ' + message;
  list.hidden = false;
}

export function clearError(panel) {
  const list = banner();
  list.querySelector(`[data-panel="${panel}"]`)?.remove();
  list.hidden = list.children.length === 0;
}

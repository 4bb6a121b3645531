// Wires the panels and the token field; window.capflow exposes the charts to the browser test.

import { readToken, saveToken } from './api.js';
import { BasketPanel } from './baskets.js';
import { GraphPanel } from './graph.js';
import { StressPanel } from './stress.js';

const tokenForm = document.getElementById('token-form');
tokenForm.token.value = readToken();
tokenForm.addEventListener('submit', event => {
  event.preventDefault();
  saveToken(tokenForm.token.value);
  location.reload();
});
tokenForm.clear.addEventListener('click', () => {
  saveToken('');
  location.reload();
});

const baskets = new BasketPanel(document.getElementById('baskets'));
const graph = new GraphPanel(document.getElementById('graph'));
const stress = new StressPanel(document.getElementById('stress'));
window.capflow = { charts: { levels: baskets.chart, graph: graph.chart } };

// the stress panel shows the compared pair by default, among every basket
baskets.start().then(() => stress.offerBaskets(baskets.baskets || [], [baskets.form.a.value, baskets.form.b.value]));
graph.start().then(entities => stress.offer(entities));

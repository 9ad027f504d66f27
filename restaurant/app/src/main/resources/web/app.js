// Cairn restaurant page: plain JavaScript against the HTTP contract, no build step.
'use strict';

const $ = (selector) => document.querySelector(selector);
const orders = new Map();                 // orderId -> OrderView, kept live by /api/stream
const known = load('cairn.known', { consumers: [], couriers: [] });
let restaurants = [];
let eventsAfter = 0;

function load(key, fallback) {
  try { return JSON.parse(localStorage.getItem(key)) || fallback; } catch { return fallback; }
}
function save() { localStorage.setItem('cairn.known', JSON.stringify(known)); }

function toast(text, isError) {
  const t = $('#toast');
  t.textContent = text;
  t.className = 'show' + (isError ? ' error' : '');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.className = ''; }, isError ? 6000 : 2500);
}

async function api(method, path, body) {
  const options = { method, headers: {} };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const message = json && json.message ? `${json.error}: ${json.message}` : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return json;
}

async function act(label, method, path, body) {
  try {
    const answer = await api(method, path, body);
    toast(`${label}: accepted`);
    return answer;
  } catch (e) {
    toast(`${label}: ${e.message}`, true);
    return null;
  }
}

const money = (cents) => (cents / 100).toFixed(2);
const shortId = (id) => (id || '').slice(0, 8);
const escapeHtml = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

// ---- set-up forms --------------------------------------------------------------------------

$('#consumer-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const name = e.target.name.value.trim();
  const answer = await act('create consumer', 'POST', '/api/consumers', { name });
  if (answer) {
    known.consumers.push({ id: answer.consumerId, name });
    save(); renderConsumers(); e.target.reset();
  }
});

$('#restaurant-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const name = e.target.name.value.trim();
  let menu;
  try {
    menu = e.target.menu.value.split('\n').map((line) => line.trim()).filter(Boolean).map((line, i) => {
      const [itemName, price] = line.split(',').map((s) => s.trim());
      const priceCents = Math.round(parseFloat(price) * 100);
      if (!itemName || !Number.isFinite(priceCents)) throw new Error(`menu line ${i + 1} needs "name, price"`);
      return { menuItemId: `item-${i + 1}`, name: itemName, priceCents };
    });
  } catch (err) { toast(err.message, true); return; }
  const answer = await act('create restaurant', 'POST', '/api/restaurants', { name, menu });
  if (answer) {
    await api('GET', `/api/restaurants/${answer.restaurantId}?consistentWith=${answer.position}`).catch(() => null);
    await loadRestaurants();
  }
});

$('#courier-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const name = e.target.name.value.trim();
  const answer = await act('create courier', 'POST', '/api/couriers', { name });
  if (answer) {
    known.couriers.push({ id: answer.courierId, name, available: true });
    save(); renderCouriers(); e.target.reset();
  }
});

function renderConsumers() {
  const select = $('#order-form').consumerId;
  const current = select.value;
  select.innerHTML = known.consumers.map((c) => `<option value="${c.id}">${escapeHtml(c.name)} (${shortId(c.id)})</option>`).join('')
    + '<option value="unknown-consumer">an unknown consumer</option>';
  if (current) select.value = current;
}

function renderCouriers() {
  $('#couriers').innerHTML = known.couriers.map((c) => `
    <div class="menu-line" data-testid="courier-${c.id}">${escapeHtml(c.name)} (${shortId(c.id)})
      <button class="small" data-courier="${c.id}" data-available="${!c.available}">${c.available ? 'set unavailable' : 'set available'}</button>
    </div>`).join('');
}

$('#couriers').addEventListener('click', async (e) => {
  const id = e.target.dataset.courier;
  if (!id) return;
  const available = e.target.dataset.available === 'true';
  if (await act('courier availability', 'POST', `/api/couriers/${id}/availability`, { available })) {
    known.couriers.find((c) => c.id === id).available = available;
    save(); renderCouriers();
  }
});

async function loadRestaurants() {
  try {
    const answer = await api('GET', '/api/restaurants');
    restaurants = Array.isArray(answer) ? answer : (answer.restaurants || []);
  } catch (e) { restaurants = []; }
  const select = $('#order-form').restaurantId;
  const current = select.value;
  select.innerHTML = restaurants.map((r) => `<option value="${r.restaurantId}">${escapeHtml(r.name)}</option>`).join('');
  if (current && restaurants.some((r) => r.restaurantId === current)) select.value = current;
  renderMenu();
}

function renderMenu() {
  const restaurant = restaurants.find((r) => r.restaurantId === $('#order-form').restaurantId.value);
  $('#menu-lines').innerHTML = !restaurant ? '<em>create a restaurant first</em>' : restaurant.menu.map((item) => `
    <div class="menu-line"><span>${escapeHtml(item.name)} — ${money(item.priceCents)}</span>
      <input type="number" min="0" max="100" value="1" data-item="${escapeHtml(item.menuItemId)}" aria-label="quantity of ${escapeHtml(item.name)}"></div>`).join('');
}
$('#order-form').restaurantId.addEventListener('change', renderMenu);

$('#order-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target;
  const items = [...form.querySelectorAll('[data-item]')]
    .map((input) => ({ menuItemId: input.dataset.item, quantity: parseInt(input.value, 10) }))
    .filter((line) => line.quantity > 0);
  const answer = await act('place order', 'POST', '/api/orders', {
    consumerId: form.consumerId.value, restaurantId: form.restaurantId.value, items,
    deliveryAddress: form.deliveryAddress.value, paymentToken: form.paymentToken.value,
  });
  if (answer) {
    // Read-your-writes: ask the order-history view for the order once it has processed our command.
    const view = await api('GET', `/api/orders/${answer.orderId}?consistentWith=${answer.position}`).catch(() => null);
    if (view) upsertOrder(view);
  }
});

// ---- the live order board ---------------------------------------------------------------------

const TICKET_AFTER_PREPARING = ['PREPARING', 'READY_FOR_PICKUP', 'PICKED_UP'];

function actions(o) {
  const b = (label, path, enabled, extra = '') =>
    `<button class="small ${extra}" data-path="${path}" data-label="${label}" ${enabled ? '' : 'disabled'}>${label}</button>`;
  const id = o.orderId;
  return [
    b('accept', `/api/tickets/${id}/accept`, o.ticketState === 'AWAITING_ACCEPTANCE'),
    b('reject', `/api/tickets/${id}/reject`, o.ticketState === 'AWAITING_ACCEPTANCE', 'danger'),
    b('preparing', `/api/tickets/${id}/preparing`, o.ticketState === 'ACCEPTED'),
    b('ready', `/api/tickets/${id}/ready`, o.ticketState === 'PREPARING'),
    b('pickup', `/api/deliveries/${id}/pickup`, o.ticketState === 'READY_FOR_PICKUP' && o.deliveryState === 'SCHEDULED'),
    b('deliver', `/api/deliveries/${id}/deliver`, o.deliveryState === 'PICKED_UP'),
    b('cancel', `/api/orders/${id}/cancel`, o.state === 'APPROVED' && !TICKET_AFTER_PREPARING.includes(o.ticketState), 'danger'),
  ].join('');
}

function renderOrders() {
  const rows = [...orders.values()].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
  $('#order-rows').innerHTML = rows.map((o) => `
    <tr data-order="${o.orderId}" data-testid="order-${o.orderId}" data-state="${o.state}" data-ticket="${o.ticketState || ''}" data-delivery="${o.deliveryState || ''}">
      <td title="${o.orderId}">${shortId(o.orderId)}</td>
      <td title="${o.consumerId}">${shortId(o.consumerId)}</td>
      <td>${escapeHtml(o.restaurantName)}</td>
      <td>${money(o.totalCents || 0)}</td>
      <td class="state ${o.state}">${o.state}${o.reason ? ` <small>(${o.reason})</small>` : ''}</td>
      <td>${o.ticketState || '–'}</td><td>${o.paymentState || '–'}</td>
      <td>${o.deliveryState || '–'}${o.courierId ? ` <small>${shortId(o.courierId)}</small>` : ''}</td>
      <td>${o.updatedAt ? new Date(o.updatedAt).toLocaleTimeString() : ''}</td>
      <td>${actions(o)}</td>
    </tr>`).join('');
}

function upsertOrder(view) {
  const previous = orders.get(view.orderId);
  if (previous && previous.updatedAt && view.updatedAt && previous.updatedAt > view.updatedAt) return;
  orders.set(view.orderId, view);
  renderOrders();
  const row = document.querySelector(`tr[data-order="${view.orderId}"]`);
  if (row) row.classList.add('flash');
}

$('#order-rows').addEventListener('click', async (e) => {
  const path = e.target.dataset.path;
  if (!path) return;
  const label = e.target.dataset.label;
  let body = {};
  if (label === 'accept') body = { readyBy: new Date(Date.now() + 20 * 60 * 1000).toISOString() };
  if (label === 'reject') body = { reason: prompt('Why does the kitchen reject this order?', 'out of ingredients') || 'rejected' };
  e.target.disabled = true;
  await act(label, 'POST', path, body);
});

async function loadOrdersOfKnownConsumers() {
  for (const consumer of known.consumers) {
    try {
      const page = await api('GET', `/api/orders?consumerId=${encodeURIComponent(consumer.id)}&limit=50`);
      page.orders.forEach(upsertOrder);
    } catch (e) { /* the consumer may belong to another data directory */ }
  }
}

function connectStream() {
  const source = new EventSource('/api/stream');
  source.onopen = () => { $('#connection').textContent = 'live'; $('#connection').className = 'pill up'; };
  source.onerror = () => { $('#connection').textContent = 'reconnecting…'; $('#connection').className = 'pill down'; };
  source.onmessage = (message) => {
    try { upsertOrder(JSON.parse(message.data)); } catch (e) { /* heartbeat or foreign data */ }
  };
}

// ---- event log and processors ------------------------------------------------------------------

async function loadEvents() {
  try {
    const page = await api('GET', `/api/events?after=${eventsAfter}&limit=200`);
    if (page.events.length === 0) return;
    eventsAfter = page.next ?? page.events[page.events.length - 1].position;
    const html = page.events.reverse().map((e) => `
      <tr data-testid="event-${e.position}"><td>${e.position}</td><td>${escapeHtml(e.streamId)}</td><td>${e.version}</td>
        <td>${escapeHtml(e.type)}</td><td>${new Date(e.recordedAt).toLocaleTimeString()}</td>
        <td class="data" title="${escapeHtml(JSON.stringify(e.data))}">${escapeHtml(JSON.stringify(e.data))}</td></tr>`).join('');
    const body = $('#event-rows');
    body.insertAdjacentHTML('afterbegin', html);
    while (body.rows.length > 300) body.deleteRow(body.rows.length - 1);
  } catch (e) { /* shown by the connection pill */ }
}

async function loadProcessors() {
  try {
    const processors = await api('GET', '/api/processors');
    $('#processor-rows').innerHTML = processors.map((p) => `
      <tr data-testid="processor-${escapeHtml(p.name)}"><td>${escapeHtml(p.name)}</td><td>${p.position}</td><td>${p.lag}</td><td>${p.parked}</td></tr>`).join('');
  } catch (e) { /* retried on the next tick */ }
}

$('#events-refresh').addEventListener('click', loadEvents);

async function start() {
  renderConsumers();
  renderCouriers();
  await loadRestaurants();
  connectStream();
  await loadOrdersOfKnownConsumers();
  await loadEvents();
  await loadProcessors();
  setInterval(() => { if ($('#events-follow').checked) loadEvents(); }, 1000);
  setInterval(loadProcessors, 2000);
}

start();

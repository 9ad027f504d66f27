// Cairn restaurant page: plain JavaScript against the HTTP contract, no build step.
'use strict';

const $ = (selector) => document.querySelector(selector);
const MAX_ORDERS = 200;        // rows kept on the board (newest first)
const MAX_EVENTS = 500;        // rows kept in the event log
const EVENT_PAGE = 200;        // events fetched per request

const orders = new Map();      // orderId -> OrderView, kept live by /api/stream
const dirty = new Set();       // orderIds whose row must be drawn again
const pending = new Set();     // "orderId action" while its command is on its way
const known = load('cairn.known', { consumers: [], couriers: [] });
const restaurantPositions = new Map(); // restaurantId -> position of its creation (read-your-writes when ordering)
let restaurants = [];
let logHead = 0;               // the log's head as the processors report it
let newestEvent = null;        // position of the newest event shown
let oldestEvent = null;        // position of the oldest event shown

// ---- signing in ---------------------------------------------------------------------------------------
// The token arrives once in the address's fragment (never sent to a server), is kept in this tab's
// sessionStorage and removed from the address bar, so it is neither bookmarked nor shared by copying the URL.
const session = signIn();

function signIn() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const fromLink = fragment.get('token');
  if (fromLink) {
    sessionStorage.setItem('cairn.token', fromLink);
    sessionStorage.removeItem('cairn.actingAs');
    history.replaceState(null, '', location.pathname + location.search);
  }
  const admin = sessionStorage.getItem('cairn.token');
  const acting = JSON.parse(sessionStorage.getItem('cairn.actingAs') || 'null');
  return { admin, acting, token: acting ? acting.token : admin, claims: admin ? claimsOf(acting ? acting.token : admin) : null };
}

/** The token's claims, to show who is signed in (the server verifies the token; the page only reads it). */
function claimsOf(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(part.length + (4 - part.length % 4) % 4, '=')));
  } catch { return null; }
}

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
  const options = { method, headers: { Accept: 'application/json' } };
  if (session.token) options.headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON: reported by status below */ }
  if (!response.ok) {
    const error = new Error(json && json.message ? `${json.message} (${json.error})` : `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return json;
}

/** A command: the answer, or null after telling the user why it failed. */
async function act(label, method, path, body) {
  try {
    return await api(method, path, body);
  } catch (e) {
    toast(`${label}: ${e.message}`, true);
    return null;
  }
}

const money = (cents) => (cents / 100).toFixed(2);
const shortId = (id) => (id || '').slice(0, 8);
const escapeHtml = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const pos = (token) => Number(token);

/** An ISO-8601 instant as a string that sorts in time order, whatever its number of fraction digits. */
function stamp(iso) {
  const m = /^(.*?)(?:\.(\d+))?Z$/.exec(iso || '');
  return m ? `${m[1]}.${(m[2] || '').padEnd(9, '0')}` : String(iso || '');
}
/** Local wall-clock time with milliseconds: events of one order are milliseconds apart. */
function clock(iso) {
  const m = /^(.*?)(?:\.(\d{1,3})\d*)?Z$/.exec(iso || '');
  const date = new Date(m ? `${m[1]}.${(m[2] || '0').padEnd(3, '0')}Z` : iso);
  if (Number.isNaN(date.getTime())) return '';
  const two = (n) => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

const consumerName = (id) => known.consumers.find((c) => c.id === id)?.name;
const courierName = (id) => known.couriers.find((c) => c.id === id)?.name;

// ---- people ------------------------------------------------------------------------------------

$('#consumer-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target;
  const name = form.name.value.trim();
  if (!name) return;
  const answer = await act('create consumer', 'POST', '/api/consumers', { name });
  if (answer) {
    known.consumers.push({ id: answer.consumerId, name });
    save();
    renderConsumers(answer.consumerId);
    form.reset();
    toast(`consumer ${name} created`);
  }
});

$('#courier-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target;
  const name = form.name.value.trim();
  if (!name) return;
  const answer = await act('create courier', 'POST', '/api/couriers', { name });
  if (answer) {
    known.couriers.push({ id: answer.courierId, name, available: true });
    save();
    renderCouriers();
    form.reset();
    toast(`courier ${name} created, available`);
  }
});

/** Draws the consumer chips and the order form's choice; {@code select} picks a consumer (the one just created). */
function renderConsumers(select) {
  $('#consumers').innerHTML = known.consumers.map((c) =>
    `<li data-consumer-id="${escapeHtml(c.id)}" title="${escapeHtml(c.id)}">${escapeHtml(c.name)} <small>${shortId(c.id)}</small></li>`).join('');
  const choice = $('#order-form').consumerId;
  const current = select || choice.value;
  choice.innerHTML = known.consumers.map((c) => `<option value="${escapeHtml(c.id)}">${escapeHtml(c.name)} (${shortId(c.id)})</option>`).join('')
    + '<option value="unknown-consumer">an unknown consumer (the order is rejected)</option>';
  if (current && [...choice.options].some((o) => o.value === current)) choice.value = current;
  else choice.selectedIndex = 0;
}

function renderCouriers() {
  $('#couriers').innerHTML = known.couriers.map((c) => `
    <li data-testid="courier-${escapeHtml(c.id)}" data-courier-id="${escapeHtml(c.id)}" title="${escapeHtml(c.id)}">
      <span>${escapeHtml(c.name)} <small>${shortId(c.id)}</small></span>
      <span class="availability ${c.available ? 'on' : 'off'}">${c.available ? 'available' : 'unavailable'}</span>
      <button type="button" class="small secondary" data-courier="${escapeHtml(c.id)}" data-available="${!c.available}">${c.available ? 'make unavailable' : 'make available'}</button>
    </li>`).join('');
}

$('#couriers').addEventListener('click', async (e) => {
  const id = e.target.dataset.courier;
  if (!id) return;
  const available = e.target.dataset.available === 'true';
  e.target.disabled = true;
  if (await act('courier availability', 'POST', `/api/couriers/${encodeURIComponent(id)}/availability`, { available })) {
    known.couriers.find((c) => c.id === id).available = available;
    save();
  }
  renderCouriers();
});

/**
 * Consumers and couriers as the server lists them (the admin's lists), so every browser sees the same
 * people; those this page created meanwhile stay even if the lists were taken before they existed.
 */
async function reconcileKnown() {
  const before = { consumers: new Set(known.consumers.map((c) => c.id)), couriers: new Set(known.couriers.map((c) => c.id)) };
  let consumers;
  let couriers;
  try {
    [consumers, couriers] = await Promise.all([api('GET', '/api/consumers'), api('GET', '/api/couriers')]);
  } catch { return; /* only the admin lists people */ }
  const listedConsumers = consumers.consumers.map((c) => ({ id: c.consumerId, name: c.name }));
  const listedCouriers = couriers.couriers.map((c) => ({ id: c.courierId, name: c.name, available: c.available }));
  const newConsumers = known.consumers.filter((c) => !before.consumers.has(c.id) && !listedConsumers.some((l) => l.id === c.id));
  const newCouriers = known.couriers.filter((c) => !before.couriers.has(c.id) && !listedCouriers.some((l) => l.id === c.id));
  known.consumers = listedConsumers.concat(newConsumers);
  known.couriers = listedCouriers.concat(newCouriers);
  save();
  renderConsumers();
  renderCouriers();
}

// ---- restaurants and the order form --------------------------------------------------------------

function parseMenu(text) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line, i) => {
    const m = /^(.*?)\s*[,;]\s*(\d+(?:[.,]\d{1,2})?)$/.exec(line);
    if (!m || !m[1]) throw new Error(`menu line ${i + 1} ("${line}") needs a name and a price, e.g. "Margherita, 9.50"`);
    return { menuItemId: `item-${i + 1}`, name: m[1], priceCents: Math.round(parseFloat(m[2].replace(',', '.')) * 100) };
  });
}

$('#restaurant-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target;
  const name = form.name.value.trim();
  let menu;
  try { menu = parseMenu(form.menu.value); } catch (err) { toast(err.message, true); return; }
  if (menu.length === 0) { toast('the menu needs at least one item', true); return; }
  const answer = await act('create restaurant', 'POST', '/api/restaurants', { name, menu });
  if (answer) {
    restaurantPositions.set(answer.restaurantId, answer.position);
    await api('GET', `/api/restaurants/${encodeURIComponent(answer.restaurantId)}?consistentWith=${answer.position}`).catch(() => null);
    await loadRestaurants(answer.restaurantId);
    form.name.value = '';
    toast(`restaurant ${name} created with ${menu.length} item${menu.length === 1 ? '' : 's'}`);
  }
});

async function loadRestaurants(select) {
  try {
    const answer = await api('GET', '/api/restaurants');
    restaurants = Array.isArray(answer) ? answer : (answer.restaurants || []);
  } catch (e) { restaurants = []; }
  $('#restaurant-list').innerHTML = restaurants.map((r) =>
    `<li title="${escapeHtml(r.menu.map((i) => `${i.name} ${money(i.priceCents)}`).join(', '))}">${escapeHtml(r.name)} <small>${r.menu.length} item${r.menu.length === 1 ? '' : 's'}</small></li>`).join('');
  const choice = $('#order-form').restaurantId;
  const current = select || choice.value;
  choice.innerHTML = restaurants.map((r) => `<option value="${escapeHtml(r.restaurantId)}">${escapeHtml(r.name)}</option>`).join('');
  if (current && restaurants.some((r) => r.restaurantId === current)) choice.value = current;
  renderMenu();
}

function renderMenu() {
  const restaurant = restaurants.find((r) => r.restaurantId === $('#order-form').restaurantId.value);
  $('#menu-lines').innerHTML = !restaurant ? '<p class="hint">Create a restaurant first: its menu appears here.</p>' : restaurant.menu.map((item, i) => `
    <label class="menu-line"><span>${escapeHtml(item.name)} <small>${money(item.priceCents)}</small></span>
      <input type="number" min="0" max="100" value="${i === 0 ? 1 : 0}" data-item="${escapeHtml(item.menuItemId)}"
        data-price="${item.priceCents}" aria-label="quantity of ${escapeHtml(item.name)}"></label>`).join('');
  $('#place-order').disabled = !restaurant;
  renderTotal();
}

function chosenItems() {
  return [...document.querySelectorAll('#menu-lines [data-item]')]
    .map((input) => ({ menuItemId: input.dataset.item, quantity: parseInt(input.value, 10) || 0, priceCents: Number(input.dataset.price) }))
    .filter((line) => line.quantity > 0);
}

function renderTotal() {
  const lines = chosenItems();
  const total = lines.reduce((sum, line) => sum + line.quantity * line.priceCents, 0);
  $('#order-total').textContent = lines.length ? `total ${money(total)}` : 'choose at least one item';
}

$('#order-form').restaurantId.addEventListener('change', () => renderMenu());
$('#menu-lines').addEventListener('input', renderTotal);

$('#order-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target;
  const items = chosenItems().map(({ menuItemId, quantity }) => ({ menuItemId, quantity }));
  if (items.length === 0) { toast('choose at least one item (a quantity above 0)', true); return; }
  const restaurantId = form.restaurantId.value;
  // A restaurant created a moment ago: ordering prices against its own menu replica, so the command waits for it.
  const position = restaurantPositions.get(restaurantId);
  const path = '/api/orders' + (position ? `?consistentWith=${position}` : '');
  const button = $('#place-order');
  button.disabled = true;
  const answer = await act('place order', 'POST', path, {
    consumerId: form.consumerId.value, restaurantId, items,
    deliveryAddress: form.deliveryAddress.value, paymentToken: form.paymentToken.value,
  });
  button.disabled = false;
  if (answer) {
    toast(`order ${shortId(answer.orderId)} placed`);
    // Read-your-writes: ask the order-history view for the order once it has processed the command.
    const view = await api('GET', `/api/orders/${encodeURIComponent(answer.orderId)}?consistentWith=${answer.position}`).catch(() => null);
    if (view) upsertOrder(view);
  }
});

// ---- the live order board ---------------------------------------------------------------------------

const CANCELLABLE_TICKET = [null, undefined, 'CREATE_PENDING', 'AWAITING_ACCEPTANCE', 'ACCEPTED'];

/** What can be done next with an order, by whom: only the steps the contract allows now. */
function nextSteps(o) {
  const id = encodeURIComponent(o.orderId);
  const kitchen = [];
  const courier = [];
  const consumer = [];
  if (o.ticketState === 'AWAITING_ACCEPTANCE') {
    kitchen.push(['accept', `/api/tickets/${id}/accept`], ['reject', `/api/tickets/${id}/reject`, 'danger']);
  }
  if (o.ticketState === 'ACCEPTED') kitchen.push(['preparing', `/api/tickets/${id}/preparing`]);
  if (o.ticketState === 'PREPARING') kitchen.push(['ready', `/api/tickets/${id}/ready`]);
  if (o.ticketState === 'READY_FOR_PICKUP' && o.deliveryState === 'SCHEDULED') courier.push(['pickup', `/api/deliveries/${id}/pickup`]);
  if (o.deliveryState === 'PICKED_UP') courier.push(['deliver', `/api/deliveries/${id}/deliver`]);
  if (o.state === 'APPROVED' && CANCELLABLE_TICKET.includes(o.ticketState)) consumer.push(['cancel', `/api/orders/${id}/cancel`, 'danger']);
  const group = (role, steps) => !steps.length ? '' : `<span class="steps"><span class="role">${role}</span>${steps.map(([action, path, extra]) => {
    const busy = pending.has(`${o.orderId} ${action}`);
    return `<button type="button" class="small ${extra || ''}" data-action="${action}" data-path="${path}" ${busy ? 'disabled' : ''}>${action}${busy ? '…' : ''}</button>`;
  }).join('')}</span>`;
  const html = group('kitchen', kitchen) + group('courier', courier) + group('consumer', consumer);
  if (html) return html;
  if (o.ticketState === 'READY_FOR_PICKUP' && o.deliveryState === 'PENDING') return '<span class="hint">waiting for a free courier</span>';
  if (o.state === 'APPROVAL_PENDING') return '<span class="hint">being approved…</span>';
  if (o.state === 'CANCEL_PENDING') return '<span class="hint">being cancelled…</span>';
  if (o.deliveryState === 'DELIVERED') return '<span class="hint">done</span>';
  if (o.state === 'REJECTED' || o.state === 'CANCELLED') return '<span class="hint">ended</span>';
  return '';
}

const badge = (value, extra = '') => value ? `<span class="badge s-${value}" title="${value}">${value.replace(/_/g, ' ').toLowerCase()}</span>${extra}` : '<span class="none">–</span>';

function rowHtml(o) {
  const items = (o.items || []).map((i) => `${i.quantity}× ${escapeHtml(i.name)}`).join(', ');
  const consumer = consumerName(o.consumerId);
  const courier = o.courierId ? (courierName(o.courierId) || shortId(o.courierId)) : '';
  return `<tr data-order="${escapeHtml(o.orderId)}" data-testid="order-${escapeHtml(o.orderId)}" data-state="${o.state || ''}"
      data-reason="${o.reason || ''}" data-ticket="${o.ticketState || ''}" data-payment="${o.paymentState || ''}"
      data-delivery="${o.deliveryState || ''}" data-courier="${escapeHtml(o.courierId || '')}">
    <td class="id" data-label="order"><a href="#log" data-filter="${escapeHtml(o.orderId)}" title="${escapeHtml(o.orderId)}: show its events">${shortId(o.orderId)}</a></td>
    <td data-label="consumer" title="${escapeHtml(o.consumerId)}">${consumer ? escapeHtml(consumer) : `<span class="id">${shortId(o.consumerId)}</span>`}</td>
    <td data-label="restaurant · items">${escapeHtml(o.restaurantName)}<div class="items">${items}</div></td>
    <td data-label="total" class="num">${money(o.totalCents || 0)}</td>
    <td data-label="state">${badge(o.state, o.reason ? `<div class="reason">${o.reason.replace(/_/g, ' ').toLowerCase()}</div>` : '')}</td>
    <td data-label="ticket">${badge(o.ticketState)}</td>
    <td data-label="payment">${badge(o.paymentState)}</td>
    <td data-label="delivery">${badge(o.deliveryState, courier ? `<div class="reason">${escapeHtml(courier)}</div>` : '')}</td>
    <td data-label="updated" class="time">${clock(o.updatedAt)}</td>
    <td data-label="next steps" class="actions">${nextSteps(o)}</td>
  </tr>`;
}

function upsertOrder(view) {
  const previous = orders.get(view.orderId);
  if (previous && stamp(previous.updatedAt) > stamp(view.updatedAt)) return;
  orders.set(view.orderId, view);
  dirty.add(view.orderId);
  scheduleDraw();
}

/** Updates arrive in bursts (one per event): the board is drawn at most once per frame, one row per changed order. */
function scheduleDraw() {
  if (scheduleDraw.timer) return;
  scheduleDraw.timer = setTimeout(() => { scheduleDraw.timer = null; drawOrders(); }, 30);
}

function drawOrders() {
  const body = $('#order-rows');
  if (orders.size > MAX_ORDERS) {
    const oldest = [...orders.values()].sort((a, b) => stamp(a.createdAt).localeCompare(stamp(b.createdAt)));
    for (const o of oldest.slice(0, orders.size - MAX_ORDERS)) {
      orders.delete(o.orderId);
      dirty.delete(o.orderId);
      body.querySelector(`tr[data-order="${CSS.escape(o.orderId)}"]`)?.remove();
    }
  }
  const template = document.createElement('template');
  for (const id of dirty) {
    const o = orders.get(id);
    template.innerHTML = rowHtml(o);
    const row = template.content.firstElementChild;
    const existing = body.querySelector(`tr[data-order="${CSS.escape(id)}"]`);
    if (existing) {
      existing.replaceWith(row);
    } else {
      const created = stamp(o.createdAt);
      const after = [...body.rows].find((r) => stamp(orders.get(r.dataset.order)?.createdAt) < created);
      body.insertBefore(row, after || null);
    }
    row.classList.add('flash');
    applyOrderFilter(row);
  }
  dirty.clear();
  $('#orders-empty').hidden = orders.size > 0;
}

function applyOrderFilter(row) {
  const filter = $('#orders-filter').value.trim().toLowerCase();
  row.hidden = filter !== '' && !(row.textContent.toLowerCase().includes(filter) || row.dataset.order.includes(filter));
}
$('#orders-filter').addEventListener('input', () => [...$('#order-rows').rows].forEach(applyOrderFilter));

$('#order-rows').addEventListener('click', async (e) => {
  const link = e.target.closest('[data-filter]');
  if (link) {
    $('#events-filter').value = link.dataset.filter;
    applyEventFilter();
    return; // the link scrolls to the log
  }
  const button = e.target.closest('button[data-action]');
  if (!button) return;
  const action = button.dataset.action;
  const orderId = button.closest('tr').dataset.order;
  let body = {};
  if (action === 'accept') body = { readyBy: new Date(Date.now() + 20 * 60 * 1000).toISOString() };
  if (action === 'reject') {
    const reason = prompt('Why does the kitchen reject this order?', 'out of ingredients');
    if (reason === null) return;
    body = { reason: reason || 'rejected by the kitchen' };
  }
  const key = `${orderId} ${action}`;
  pending.add(key);
  dirty.add(orderId);
  drawOrders();
  await act(action, 'POST', button.dataset.path, body);
  // The new state arrives from /api/stream; drawing again re-enables the step if the command failed.
  pending.delete(key);
  if (orders.has(orderId)) { dirty.add(orderId); scheduleDraw(); }
});

async function loadLatestOrders() {
  try {
    const page = await api('GET', `/api/orders?limit=50`);
    page.orders.forEach(upsertOrder);
  } catch (e) { /* the stream still brings every change */ }
}

/**
 * /api/stream read with fetch, since EventSource cannot send the Authorization header (and a token in
 * the URL would end up in logs). Reconnects after 2 s, like EventSource would.
 */
function connectStream() {
  const pill = $('#connection');
  let wasDown = false;
  let updates = 0;
  const down = () => {
    pill.textContent = 'reconnecting…';
    pill.className = 'pill down';
    wasDown = true;
    setTimeout(open, 2000);
  };
  const onData = (data) => {
    let view;
    try { view = JSON.parse(data); } catch (e) { return; /* foreign data */ }
    if (view && view.orderId) {
      updates += 1;
      pill.dataset.updates = updates;
      pill.title = `subscribed to /api/stream: ${updates} order update${updates === 1 ? '' : 's'} received`;
      upsertOrder(view);
    }
  };
  async function open() {
    let response;
    try {
      response = await fetch('/api/stream', { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${session.token}` } });
    } catch (e) { down(); return; }
    if (!response.ok) {
      pill.textContent = response.status === 401 ? 'signed out' : `stream refused (${response.status})`;
      pill.className = 'pill down';
      return;
    }
    pill.textContent = 'live';
    pill.className = 'pill up';
    if (wasDown) loadLatestOrders(); // changes made while disconnected
    wasDown = false;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart()).join('\n');
          if (data) onData(data);
        }
      }
    } catch (e) { /* the connection dropped */ }
    down();
  }
  if (!session.token) {
    pill.textContent = 'signed out';
    pill.className = 'pill down';
    return;
  }
  open();
}

// ---- event log and processors ---------------------------------------------------------------------------

/** {@code order-7bf17a7a-e753-…} shown as {@code order-7bf17a7a…}: the whole id stays in the title and the filter. */
function shortStream(streamId) {
  const m = /^([a-z]+-)([0-9a-f]{8})-[0-9a-f-]{27}$/.exec(streamId);
  return m ? `${m[1]}${m[2]}…` : streamId;
}

function eventRow(e) {
  const data = JSON.stringify(e.data);
  return `<tr data-testid="event-${e.position}" data-position="${e.position}" data-type="${escapeHtml(e.type)}" data-stream="${escapeHtml(e.streamId)}">
    <td class="num">${e.position}</td><td class="time">${clock(e.recordedAt)}</td>
    <td class="type">${escapeHtml(e.type)}</td><td class="stream" title="${escapeHtml(e.streamId)}">${escapeHtml(shortStream(e.streamId))}</td><td class="num">${e.version}</td>
    <td class="data"><span class="short">${escapeHtml(data)}</span>
      <pre class="full">${escapeHtml(JSON.stringify(e.data, null, 2))}\n${escapeHtml(JSON.stringify(e.metadata, null, 2))}</pre></td></tr>`;
}

function gapRow(count) {
  return `<tr class="gap"><td colspan="6">… ${count} event${count === 1 ? '' : 's'} not shown (the log moved faster than the page follows) …</td></tr>`;
}

/** Newer events: starts near the log's head (not at its beginning), and jumps ahead when far behind. */
async function loadNewerEvents() {
  if (loadNewerEvents.busy) return;
  loadNewerEvents.busy = true;
  try {
    const body = $('#event-rows');
    let after = newestEvent;
    let gap = 0;
    if (after === null || logHead - after > 5 * EVENT_PAGE) {
      const start = Math.max(0, logHead - EVENT_PAGE);
      if (after !== null) gap = start - after;
      after = start;
    }
    const page = await api('GET', `/api/events?after=${after}&limit=${EVENT_PAGE}`);
    newestEvent = pos(page.next);
    if (page.events.length === 0) return;
    if (oldestEvent === null) oldestEvent = pos(page.events[0].position);
    const html = page.events.slice().reverse().map(eventRow).join('');
    body.insertAdjacentHTML('afterbegin', html + (gap > 0 ? gapRow(gap) : ''));
    while (body.rows.length > MAX_EVENTS) {
      body.deleteRow(body.rows.length - 1);
      const last = body.rows[body.rows.length - 1];
      oldestEvent = last && last.dataset.position ? pos(last.dataset.position) : oldestEvent;
    }
    [...body.rows].slice(0, page.events.length).forEach(applyEventFilter);
  } catch (e) { /* retried on the next tick */ } finally {
    loadNewerEvents.busy = false;
  }
}

/** Older events, below the oldest shown. Positions need not be contiguous, so the page before is found by reading back. */
async function loadOlderEvents() {
  if (oldestEvent === null || oldestEvent <= 1) { toast('the log has no older events'); return; }
  const after = Math.max(0, oldestEvent - 1 - EVENT_PAGE);
  try {
    const page = await api('GET', `/api/events?after=${after}&limit=${EVENT_PAGE}`);
    const older = page.events.filter((e) => pos(e.position) < oldestEvent);
    if (older.length === 0) { toast('the log has no older events'); oldestEvent = 0; return; }
    const body = $('#event-rows');
    body.insertAdjacentHTML('beforeend', older.slice().reverse().map(eventRow).join(''));
    oldestEvent = pos(older[0].position);
    [...body.rows].slice(-older.length).forEach(applyEventFilter);
  } catch (e) { toast(`older events: ${e.message}`, true); }
}

function applyEventFilter(row) {
  if (!row) { [...$('#event-rows').rows].forEach(applyEventFilter); return; }
  const filter = $('#events-filter').value.trim().toLowerCase();
  row.hidden = filter !== '' && !(row.textContent.toLowerCase().includes(filter) || (row.dataset.stream || '').includes(filter));
}

$('#events-filter').addEventListener('input', () => applyEventFilter());
$('#events-refresh').addEventListener('click', loadNewerEvents);
$('#events-older').addEventListener('click', loadOlderEvents);
$('#event-rows').addEventListener('click', (e) => {
  const row = e.target.closest('tr[data-position]');
  if (row && !window.getSelection().toString()) row.classList.toggle('open');
});

async function loadProcessors() {
  try {
    const processors = await api('GET', '/api/processors');
    logHead = processors.reduce((head, p) => Math.max(head, pos(p.position) + p.lag), logHead);
    $('#processor-rows').innerHTML = processors.map((p) => `
      <tr data-testid="processor-${escapeHtml(p.name)}" data-processor="${escapeHtml(p.name)}" class="${p.lag > 0 ? 'behind' : ''} ${p.parked > 0 ? 'parked' : ''} ${p.running === false ? 'stopped' : ''}">
        <td>${escapeHtml(p.name)}${p.running === false ? ' (stopped: see /ready and the server log)' : ''}</td><td class="num">${p.position}</td><td class="num lag">${p.lag}</td><td class="num parked">${p.parked}</td></tr>`).join('');
    const behind = processors.filter((p) => p.lag > 0).length;
    const parked = processors.reduce((sum, p) => sum + p.parked, 0);
    const stopped = processors.filter((p) => p.running === false).length;
    $('#processors-summary').textContent = `${processors.length} processors · log head at ${logHead} · `
      + (behind ? `${behind} catching up` : 'all caught up') + (parked ? ` · ${parked} parked event${parked === 1 ? '' : 's'}` : '')
      + (stopped ? ` · ${stopped} STOPPED` : '');
  } catch (e) { /* retried on the next tick */ }
}

/** Who is signed in, and (for the admin) whom the page acts as. */
function renderSession() {
  const who = $('#signed-in');
  if (!session.admin) {
    who.textContent = 'not signed in: open the sign-in link that ./cairn run prints';
    return;
  }
  const claims = session.claims || {};
  const actor = claims.role ? `${claims.role}:${claims.id || claims.sub}` : 'unknown';
  who.textContent = session.acting ? `acting as ${session.acting.label} (${actor})` : `signed in as ${actor}`;
  who.dataset.actor = actor;
}

async function start() {
  renderSession();
  renderConsumers();
  renderCouriers();
  connectStream();
  await Promise.all([loadRestaurants(), loadProcessors(), reconcileKnown()]);
  await loadLatestOrders();
  drawOrders();
  await loadNewerEvents();
  setInterval(() => { if ($('#events-follow').checked) loadNewerEvents(); }, 1000);
  setInterval(loadProcessors, 1000);
}

start();

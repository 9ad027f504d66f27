// Cairn restaurant page: plain JavaScript against the HTTP contract, no build step.
'use strict';

const $ = (selector) => document.querySelector(selector);

/**
 * Replaces an element's content only when it differs from what was last drawn there: the lists
 * refresh every two seconds, and redrawing unchanged ones would close a choice list a user has
 * open, drop the focus of a button and throw away what a user is pointing at.
 */
const drawn = new WeakMap();
function redraw(element, html) {
  if (drawn.get(element) === html) return;
  drawn.set(element, html);
  element.innerHTML = html;
}
const MAX_ORDERS = 200;        // rows kept on the board (newest first)
const MAX_EVENTS = 500;        // rows kept in the event log
const EVENT_PAGE = 200;        // events fetched per request

const orders = new Map();      // orderId -> OrderView, kept live by /api/stream
const dirty = new Set();       // orderIds whose row must be drawn again
const pending = new Set();     // "orderId action" while its command is on its way
// People and restaurants as the server lists them: the server is the only source of truth, so every
// browser shows the same names.
const people = { consumers: [], couriers: [] };
const restaurantPositions = new Map(); // restaurantId -> position of its newest creation or menu revision (consistentWith)
const kitchenReasons = new Map();      // orderId -> why the kitchen rejected it (from the ticket's TicketRejected event)
let restaurants = [];
let currency = 'EUR';
let offline = false;
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
  const token = acting ? acting.token : admin;
  return { admin, acting, token, claims: token ? claimsOf(token) : null, adminClaims: admin ? claimsOf(admin) : null };
}

/** The token's claims, to show who is signed in (the server verifies the token; the page only reads it). */
function claimsOf(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(part.length + (4 - part.length % 4) % 4, '=')));
  } catch { return null; }
}

const isAdmin = () => session.claims && session.claims.role === 'admin';

/** One message at a time, in the page's flow under the header: it never covers a control, and a new one replaces the old. */
function toast(text, isError) {
  const t = $('#toast');
  t.textContent = text;
  t.className = 'show' + (isError ? ' error' : '');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.textContent = ''; t.className = ''; }, isError ? 8000 : 3000);
}

async function api(method, path, body, token = session.token) {
  const options = { method, headers: { Accept: 'application/json' } };
  if (token) options.headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, options);
  } catch (e) {
    setOffline(true);
    const error = new Error('the server cannot be reached');
    error.status = 0;
    throw error;
  }
  setOffline(false);
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON: reported by status below */ }
  if (!response.ok) {
    const error = new Error(json && json.message ? json.message : `HTTP ${response.status}`);
    error.status = response.status;
    error.code = json && json.error;
    throw error;
  }
  return json;
}

/** A command: the answer, or null after telling the user why it failed (in words, the units they typed). */
async function act(label, method, path, body, explain = (e) => e.message) {
  try {
    const answer = await api(method, path, body);
    return answer;
  } catch (e) {
    toast(`${label}: ${explain(e)}`, true);
    return null;
  }
}

// ---- offline: every control disabled, one banner ------------------------------------------------------
function setOffline(down) {
  if (down === offline) return;
  offline = down;
  $('#offline').hidden = !down;
  document.body.classList.toggle('offline', down);
  for (const control of document.querySelectorAll('main button, main input, main select, main textarea, #act-as button, #act-as select, #simulation')) {
    if (down) {
      if (!control.disabled) { control.dataset.offline = 'true'; control.disabled = true; }
    } else if (control.dataset.offline) {
      delete control.dataset.offline;
      control.disabled = false;
    }
  }
  if (!down) { drawAllOrders(); renderMenu(); }
}

async function checkHealth() {
  try {
    const response = await fetch('/health', { cache: 'no-store' });
    setOffline(!response.ok);
  } catch { setOffline(true); }
}

// ---- money -------------------------------------------------------------------------------------------
let moneyFormat = new Intl.NumberFormat(undefined, { style: 'currency', currency });
const money = (cents) => moneyFormat.format(cents / 100);
const minorDigits = () => moneyFormat.resolvedOptions().maximumFractionDigits;
/** A price as the user typed it ("9.50", "9,50") in cents, or NaN. */
function toCents(text) {
  const m = /^\s*(\d+)(?:[.,](\d{1,2}))?\s*$/.exec(String(text));
  return m ? Number(m[1]) * 100 + Number((m[2] || '0').padEnd(2, '0')) : NaN;
}
const maxPrice = () => money(10_000_000);

async function loadConfig() {
  try {
    const config = await api('GET', '/api/config');
    currency = config.currency;
    moneyFormat = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    document.querySelectorAll('.currency-code').forEach((e) => { e.textContent = currency; });
    renderSimulation(config.simulation);
  } catch { /* euros until the server says otherwise */ }
}

/** The simulated kitchen staff and couriers (./cairn run --simulate): the admin switches them on and off. */
function renderSimulation(state) {
  const button = $('#simulation');
  button.hidden = !state.available || !isAdmin();
  button.setAttribute('aria-pressed', String(state.on));
  button.textContent = state.on ? 'simulation on: turn off' : 'simulation off: turn on';
  button.dataset.on = String(state.on);
}

$('#simulation').addEventListener('click', async () => {
  const on = $('#simulation').dataset.on !== 'true';
  const state = await act('simulation', 'POST', '/api/simulation', { on });
  if (state) { renderSimulation(state); toast(on ? 'the simulated kitchen staff and couriers act again' : 'the simulation pauses: you act for kitchens and couriers'); }
});

const shortId = (id) => (id || '').slice(0, 8);
const escapeHtml = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const pos = (token) => Number(token);
const words = (name) => (name || '').replace(/_/g, ' ').toLowerCase();

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

const consumerName = (id) => people.consumers.find((c) => c.consumerId === id)?.name;
const courierName = (id) => people.couriers.find((c) => c.courierId === id)?.name;
const restaurantName = (id) => restaurants.find((r) => r.restaurantId === id)?.name;

// ---- people ------------------------------------------------------------------------------------

/** A form that creates someone by name: posts it, reloads the people, then `created(answer, name)`. */
function onCreateByName(formSelector, what, path, created) {
  $(formSelector).addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = e.target;
    const name = form.name.value.trim();
    if (!name) return;
    const answer = await act(`create ${what}`, 'POST', path, { name });
    if (answer) {
      form.reset();
      await loadPeople(answer.position);
      created(answer, name);
    }
  });
}

onCreateByName('#consumer-form', 'consumer', '/api/consumers', (answer, name) => {
  renderConsumers(answer.consumerId);
  toast(`consumer ${name} created`);
});

onCreateByName('#courier-form', 'courier', '/api/couriers', (answer, name) => {
  toast(`courier ${name} created, available`);
});

/** Draws the consumers and the order form's choice; {@code select} picks a consumer (the one just created). */
function renderConsumers(select) {
  const admin = isAdmin();
  redraw($('#consumers'), people.consumers.map((c) => `
    <li data-testid="consumer-${escapeHtml(c.consumerId)}" data-consumer-id="${escapeHtml(c.consumerId)}" title="${escapeHtml(c.consumerId)}">
      <span>${escapeHtml(c.name)}</span>
      <span class="availability ${c.active ? 'on' : 'off'}">${c.active ? 'active' : 'deactivated'}</span>
      ${admin && c.active ? `<button type="button" class="small secondary" data-deactivate="${escapeHtml(c.consumerId)}" aria-label="deactivate ${escapeHtml(c.name)}">deactivate</button>` : '<span></span>'}
    </li>`).join(''));
  const choice = $('#order-form').consumerId;
  const current = select || choice.value;
  let options = people.consumers.filter((c) => c.active).map((c) => `<option value="${escapeHtml(c.consumerId)}">${escapeHtml(c.name)}</option>`);
  if (!admin && session.claims && session.claims.role === 'consumer') {
    options = [`<option value="${escapeHtml(session.claims.id)}">${escapeHtml(session.acting ? session.acting.label : 'me')}</option>`];
  }
  redraw(choice, options.join('') || '<option value="">create a consumer first</option>');
  if (current && [...choice.options].some((o) => o.value === current)) choice.value = current;
  else choice.selectedIndex = 0;
}

function renderCouriers() {
  redraw($('#couriers'), people.couriers.map((c) => {
    const carrying = c.busyWith ? orders.get(c.busyWith) : null;
    const busy = c.busyWith
      ? `busy with order ${shortId(c.busyWith)}${carrying ? ` from ${escapeHtml(carrying.restaurantName)} for ${escapeHtml(consumerName(carrying.consumerId) || 'a consumer')}` : ''}`
      : 'free';
    return `
    <li data-testid="courier-${escapeHtml(c.courierId)}" data-courier-id="${escapeHtml(c.courierId)}" data-busy="${c.busyWith ? 'true' : 'false'}" title="${escapeHtml(c.courierId)}">
      <span>${escapeHtml(c.name)}<div class="reason ${c.busyWith ? 'busy' : ''}">${busy}</div></span>
      <span class="availability ${c.available ? 'on' : 'off'}">${c.available ? 'available' : 'unavailable'}</span>
      <button type="button" class="small secondary" data-courier="${escapeHtml(c.courierId)}" data-available="${!c.available}" aria-label="${c.available ? 'make unavailable' : 'make available'}: ${escapeHtml(c.name)}">${c.available ? 'make unavailable' : 'make available'}</button>
    </li>`;
  }).join(''));
}

$('#couriers').addEventListener('click', async (e) => {
  const id = e.target.dataset.courier;
  if (!id) return;
  const available = e.target.dataset.available === 'true';
  e.target.disabled = true;
  const answer = await act('courier availability', 'POST', `/api/couriers/${encodeURIComponent(id)}/availability`, { available });
  await loadPeople(answer && answer.position);
  e.target.disabled = false; // the list is redrawn only if it changed: after a refusal the same button stays
});

$('#consumers').addEventListener('click', async (e) => {
  const id = e.target.dataset.deactivate;
  if (!id) return;
  const name = consumerName(id);
  if (!confirm(`Deactivate ${name}? Their new orders will be rejected.`)) return;
  e.target.disabled = true;
  const answer = await act('deactivate consumer', 'POST', `/api/consumers/${encodeURIComponent(id)}/deactivate`);
  if (answer) toast(`${name} is deactivated: new orders will be rejected as consumer inactive`);
  await loadPeople(answer && answer.position);
  e.target.disabled = false; // the list is redrawn only if it changed: after a refusal the same button stays
});

/** Consumers and couriers as the server lists them (the admin's lists), so every browser sees the same people. */
async function loadPeople(position) {
  const after = position ? `?consistentWith=${position}` : '';
  if (isAdmin()) {
    try {
      const [consumers, couriers] = await Promise.all([api('GET', `/api/consumers${after}`), api('GET', `/api/couriers${after}`)]);
      people.consumers = consumers.consumers;
      people.couriers = couriers.couriers;
    } catch { return; }
  }
  renderConsumers();
  renderCouriers();
  renderActAs();
}

// ---- restaurants, menus and the order form ------------------------------------------------------------

/** "name, price" lines; an error names the line and speaks in the units typed, never in cents. */
function parseMenu(text) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line, i) => {
    const m = /^(.*?)\s*[,;]\s*([^,;]+)$/.exec(line);
    const cents = m ? toCents(m[2]) : NaN;
    if (!m || !m[1] || Number.isNaN(cents)) throw new Error(`menu line ${i + 1} ("${line}") needs a name and a price, e.g. "Margherita, 9.50"`);
    if (cents > 10_000_000) throw new Error(`menu line ${i + 1}: a price can be at most ${maxPrice()}`);
    return { menuItemId: `item-${i + 1}`, name: m[1], priceCents: cents, available: true };
  });
}

/** A server refusal about a price, said in the currency rather than in cents. */
function priceWords(e) {
  return /priceCents/.test(e.message) ? `each price must be between ${money(0)} and ${maxPrice()}` : e.message;
}

$('#restaurant-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target;
  const name = form.name.value.trim();
  let menu;
  try { menu = parseMenu(form.menu.value); } catch (err) { toast(err.message, true); return; }
  if (menu.length === 0) { toast('the menu needs at least one item', true); return; }
  const answer = await act('create restaurant', 'POST', '/api/restaurants', { name, menu }, priceWords);
  if (answer) {
    restaurantPositions.set(answer.restaurantId, answer.position);
    await loadRestaurants(answer.restaurantId, answer.position);
    form.name.value = '';
    toast(`restaurant ${name} created with ${menu.length} item${menu.length === 1 ? '' : 's'}`);
  }
});

async function loadRestaurants(select, position) {
  try {
    const answer = await api('GET', '/api/restaurants' + (position ? `?consistentWith=${position}` : ''));
    restaurants = Array.isArray(answer) ? answer : (answer.restaurants || []);
  } catch (e) { return; }
  $('#restaurant-list').innerHTML = restaurants.map((r) =>
    `<li title="${escapeHtml(r.menu.map((i) => `${i.name} ${money(i.priceCents)}`).join(', '))}">${escapeHtml(r.name)} <small>${r.menu.length} item${r.menu.length === 1 ? '' : 's'}</small></li>`).join('');
  const mine = session.claims && session.claims.role === 'restaurant' ? restaurants.filter((r) => r.restaurantId === session.claims.id) : restaurants;
  for (const [choice, list] of [[$('#order-form').restaurantId, restaurants], [$('#menu-form').restaurantId, mine]]) {
    const current = select || choice.value;
    choice.innerHTML = list.map((r) => `<option value="${escapeHtml(r.restaurantId)}">${escapeHtml(r.name)}</option>`).join('');
    if (current && restaurants.some((r) => r.restaurantId === current)) choice.value = current;
  }
  renderMenu();
  renderMenuEditor();
  renderActAs();
}

function renderMenu() {
  const restaurant = restaurants.find((r) => r.restaurantId === $('#order-form').restaurantId.value);
  $('#menu-lines').innerHTML = !restaurant ? '<p class="hint">Create a restaurant first: its menu appears here.</p>' : restaurant.menu.map((item, i) => `
    <label class="menu-line ${item.available === false ? 'unavailable' : ''}"><span>${escapeHtml(item.name)} <small>${money(item.priceCents)}${item.available === false ? ' · not available' : ''}</small></span>
      <input type="number" min="0" max="100" value="${i === 0 && item.available !== false ? 1 : 0}" data-item="${escapeHtml(item.menuItemId)}"
        data-price="${item.priceCents}" aria-label="quantity of ${escapeHtml(item.name)}" ${item.available === false ? 'disabled' : ''}></label>`).join('');
  $('#place-order').disabled = !restaurant || offline;
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

// ---- menu editing ----------------------------------------------------------------------------------------
function editorRow(item, i) {
  const price = (item.priceCents / 100).toFixed(minorDigits() === 0 ? 0 : 2);
  return `<tr data-item-id="${escapeHtml(item.menuItemId)}">
    <td><input name="name" value="${escapeHtml(item.name)}" required maxlength="200" aria-label="name of item ${i + 1}"></td>
    <td class="num"><input name="price" value="${price}" inputmode="decimal" required aria-label="price of item ${i + 1} in ${currency}"></td>
    <td><label class="inline"><input type="checkbox" name="available" ${item.available === false ? '' : 'checked'}> available</label></td></tr>`;
}

function renderMenuEditor() {
  const restaurant = restaurants.find((r) => r.restaurantId === $('#menu-form').restaurantId.value);
  $('#menu-edit-rows').innerHTML = restaurant ? restaurant.menu.map(editorRow).join('') : '';
  const mayEdit = isAdmin() || (session.claims && session.claims.role === 'restaurant');
  $('#menu-form').hidden = !restaurant || !mayEdit;
}
$('#menu-form').restaurantId.addEventListener('change', renderMenuEditor);
$('#menu-add').addEventListener('click', () => {
  const body = $('#menu-edit-rows');
  body.insertAdjacentHTML('beforeend', editorRow({ menuItemId: `item-${Date.now().toString(36)}`, name: '', priceCents: 0, available: true }, body.rows.length));
  body.rows[body.rows.length - 1].querySelector('input').focus();
});

$('#menu-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const restaurantId = e.target.restaurantId.value;
  const menu = [];
  for (const [i, row] of [...$('#menu-edit-rows').rows].entries()) {
    const name = row.querySelector('[name=name]').value.trim();
    const typed = row.querySelector('[name=price]').value;
    const cents = toCents(typed);
    if (!name) { toast(`item ${i + 1} needs a name`, true); return; }
    if (Number.isNaN(cents) || cents > 10_000_000) { toast(`the price of ${name} ("${typed}") must be an amount between ${money(0)} and ${maxPrice()}, e.g. 9.50`, true); return; }
    menu.push({ menuItemId: row.dataset.itemId, name, priceCents: cents, available: row.querySelector('[name=available]').checked });
  }
  const answer = await act('save menu', 'PUT', `/api/restaurants/${encodeURIComponent(restaurantId)}/menu`, { menu }, priceWords);
  if (answer) {
    restaurantPositions.set(restaurantId, answer.position);
    await loadRestaurants(undefined, answer.position);
    toast(`menu of ${restaurantName(restaurantId)} saved at log position ${answer.position}; the next order waits for ordering to have read it (consistentWith=${answer.position})`);
  }
});

// ---- placing an order -------------------------------------------------------------------------------------
$('#order-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target;
  const items = chosenItems().map(({ menuItemId, quantity }) => ({ menuItemId, quantity }));
  if (items.length === 0) { toast('choose at least one item (a quantity above 0)', true); return; }
  const restaurantId = form.restaurantId.value;
  const failure = form.failure.value;
  const consumerId = failure === 'unknown-consumer' ? 'unknown-consumer' : form.consumerId.value;
  if (!consumerId) { toast('create a consumer first', true); return; }
  // A restaurant created or revised a moment ago: ordering prices against its own menu replica, so the command waits for it.
  const position = restaurantPositions.get(restaurantId);
  const path = '/api/orders' + (position ? `?consistentWith=${position}` : '');
  const button = $('#place-order');
  button.disabled = true;
  const answer = await act('place order', 'POST', path, {
    consumerId, restaurantId, items,
    deliveryAddress: form.deliveryAddress.value, paymentToken: failure === 'declined-card' ? 'tok_declined' : 'tok_visa',
  });
  button.disabled = offline;
  if (answer) {
    toast(`order ${shortId(answer.orderId)} placed`);
    form.querySelector('[data-testid=failure-none]').checked = true; // a failure is tried once, never left on
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
    return `<button type="button" class="small ${extra || ''}" data-action="${action}" data-path="${path}" ${busy || offline ? 'disabled' : ''}>${action}${busy ? '…' : ''}</button>`;
  }).join('')}</span>`;
  const html = group('kitchen', kitchen) + group('courier', courier) + group('consumer', consumer);
  if (html) return html;
  if (o.ticketState === 'READY_FOR_PICKUP' && o.deliveryState === 'PENDING') return '<span class="hint">waiting for a free courier</span>';
  if (o.state === 'APPROVAL_PENDING') return '<span class="hint">being approved…</span>';
  if (o.state === 'CANCEL_PENDING') return '<span class="hint">being cancelled…</span>';
  if (o.state === 'COMPLETED' || o.deliveryState === 'DELIVERED') return '<span class="hint">done</span>';
  if (o.state === 'REJECTED' || o.state === 'CANCELLED') return '<span class="hint">ended</span>';
  return '';
}

const TICKET_ORDER = ['CREATE_PENDING', 'AWAITING_ACCEPTANCE', 'ACCEPTED', 'PREPARING', 'READY_FOR_PICKUP', 'PICKED_UP'];
const ticketAt = (o, state) => TICKET_ORDER.indexOf(o.ticketState) >= TICKET_ORDER.indexOf(state);

/** The order's state in a few words; a final state says how it ended. */
function stateLabel(o) {
  switch (o.state) {
    case 'COMPLETED': return o.paymentState === 'CAPTURED' ? 'completed · paid' : 'completed';
    case 'REJECTED': return 'rejected';
    case 'CANCELLED': return 'cancelled';
    case 'CANCEL_PENDING': return 'cancelling…';
    case 'APPROVAL_PENDING': return 'being approved…';
    case 'APPROVED':
      if (o.deliveryState === 'DELIVERED') return 'delivered';
      if (o.deliveryState === 'PICKED_UP') return 'on its way';
      if (ticketAt(o, 'READY_FOR_PICKUP')) return 'ready for pickup';
      if (ticketAt(o, 'PREPARING')) return 'being prepared';
      if (ticketAt(o, 'ACCEPTED')) return 'accepted by the kitchen';
      return 'awaiting the kitchen';
    default: return words(o.state);
  }
}
const FINAL = ['COMPLETED', 'REJECTED', 'CANCELLED'];

/** A short timeline: the steps an order goes through, those reached marked; a failure ends it. */
function timeline(o) {
  const steps = [['placed', true], ['authorised', ['AUTHORIZED', 'CAPTURED'].includes(o.paymentState) || o.paymentState === 'REVERSED'],
    ['accepted', ticketAt(o, 'ACCEPTED')], ['cooked', ticketAt(o, 'READY_FOR_PICKUP')],
    ['picked up', ['PICKED_UP', 'DELIVERED'].includes(o.deliveryState)], ['delivered', o.deliveryState === 'DELIVERED']];
  let reached = steps.filter(([, done]) => done);
  const end = o.state === 'REJECTED' || o.state === 'CANCELLED' ? [[o.state === 'REJECTED' ? 'rejected' : 'cancelled', true, 'fail']] : [];
  const shown = end.length ? reached.concat(end) : steps;
  return `<ol class="timeline" aria-label="timeline">${shown.map(([name, done, extra]) =>
    `<li class="${done ? 'done' : ''} ${extra || ''}">${name}</li>`).join('')}</ol>`;
}

function reasonText(o) {
  if (!o.reason) return '';
  const kitchen = o.reason === 'RESTAURANT_REJECTED' && kitchenReasons.get(o.orderId);
  return `<div class="reason" data-testid="reason">${words(o.reason)}${kitchen ? `: “${escapeHtml(kitchen)}”` : ''}</div>`;
}

/** Why the kitchen said no: in the ticket's TicketRejected event, which the admin may read from the log. */
async function learnKitchenReason(o) {
  if (o.reason !== 'RESTAURANT_REJECTED' || kitchenReasons.has(o.orderId) || !isAdmin()) return;
  kitchenReasons.set(o.orderId, '');
  try {
    const page = await api('GET', `/api/events?stream=${encodeURIComponent(`ticket-${o.orderId}`)}&limit=50`);
    const rejected = page.events.find((e) => e.type === 'kitchen.TicketRejected');
    if (rejected) { kitchenReasons.set(o.orderId, rejected.data.reason); dirty.add(o.orderId); scheduleDraw(); }
  } catch { kitchenReasons.delete(o.orderId); }
}

function rowHtml(o) {
  const items = (o.items || []).map((i) => `${i.quantity}× ${escapeHtml(i.name)}`).join(', ');
  const consumer = consumerName(o.consumerId);
  const courier = o.courierId ? (courierName(o.courierId) || shortId(o.courierId)) : '';
  const final = FINAL.includes(o.state);
  return `<tr data-order="${escapeHtml(o.orderId)}" data-testid="order-${escapeHtml(o.orderId)}" data-state="${o.state || ''}"
      data-reason="${o.reason || ''}" data-ticket="${o.ticketState || ''}" data-payment="${o.paymentState || ''}"
      data-delivery="${o.deliveryState || ''}" data-courier="${escapeHtml(o.courierId || '')}">
    <td class="id" data-label="order"><a href="#log" data-filter="${escapeHtml(o.orderId)}" title="${escapeHtml(o.orderId)}: show its events">${shortId(o.orderId)}</a></td>
    <td data-label="consumer" title="${escapeHtml(o.consumerId)}">${consumer ? escapeHtml(consumer) : (o.consumerId === 'unknown-consumer' ? 'unknown consumer' : `<span class="id">${shortId(o.consumerId)}</span>`)}</td>
    <td data-label="restaurant · items">${escapeHtml(o.restaurantName)}<div class="items">${items}</div></td>
    <td data-label="total" class="num">${money(o.totalCents || 0)}</td>
    <td data-label="state"><span class="badge s-${o.state} ${final ? 'final' : ''}" data-testid="final-state">${stateLabel(o)}</span>${reasonText(o)}</td>
    <td data-label="timeline">${timeline(o)}</td>
    <td data-label="courier">${courier ? escapeHtml(courier) : '<span class="none">–</span>'}</td>
    <td data-label="updated" class="time">${clock(o.updatedAt)}</td>
    <td data-label="next steps" class="actions">${nextSteps(o)}</td>
  </tr>`;
}

function drawAllOrders() {
  for (const id of orders.keys()) dirty.add(id);
  scheduleDraw();
}

function upsertOrder(view) {
  const previous = orders.get(view.orderId);
  if (previous && stamp(previous.updatedAt) > stamp(view.updatedAt)) return;
  orders.set(view.orderId, view);
  dirty.add(view.orderId);
  learnKitchenReason(view);
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
        <td>${escapeHtml(p.name)}${p.running === false ? ' (stopped: ' + escapeHtml(p.stoppedBecause || 'see /ready and the server log') + ')' : ''}</td><td class="num">${p.position}</td><td class="num lag">${p.lag}</td><td class="num parked">${p.parked}</td></tr>`).join('');
    const behind = processors.filter((p) => p.lag > 0).length;
    const parked = processors.reduce((sum, p) => sum + p.parked, 0);
    const stopped = processors.filter((p) => p.running === false).length;
    $('#processors-summary').textContent = `${processors.length} processors · log head at ${logHead} · `
      + (behind ? `${behind} catching up` : 'all caught up') + (parked ? ` · ${parked} parked event${parked === 1 ? '' : 's'}` : '')
      + (stopped ? ` · ${stopped} STOPPED` : '');
  } catch (e) { /* retried on the next tick */ }
}

// ---- who is signed in, and acting as someone else --------------------------------------------------------

/** Who is signed in, and (for the admin) whom the page acts as. */
function renderSession() {
  const who = $('#signed-in');
  if (!session.admin) {
    who.textContent = 'not signed in: open the sign-in link that ./cairn run prints';
    return;
  }
  const claims = session.claims || {};
  const actor = claims.role ? `${claims.role}:${claims.id || claims.sub}` : 'unknown';
  who.textContent = session.acting ? `acting as ${session.acting.label} (${claims.role}) · signed in as admin` : `signed in as ${claims.role === 'admin' ? 'the admin' : actor}`;
  who.dataset.actor = actor;
  const adminSignedIn = session.adminClaims && session.adminClaims.role === 'admin';
  $('#act-as').hidden = !adminSignedIn;
  $('#stop-acting').hidden = !session.acting;
}

/** The admin's picker: every consumer, restaurant and courier the server lists. */
function renderActAs() {
  if (!isAdmin()) return;
  const select = $('#act-as-select');
  const current = select.value;
  const group = (label, role, list, id) => list.length ? `<optgroup label="${label}">${list.map((p) =>
    `<option value="${role}:${escapeHtml(p[id])}">${escapeHtml(p.name)}</option>`).join('')}</optgroup>` : '';
  redraw(select, '<option value="">choose someone…</option>' + group('Consumers', 'consumer', people.consumers, 'consumerId')
    + group('Restaurants', 'restaurant', restaurants, 'restaurantId') + group('Couriers', 'courier', people.couriers, 'courierId'));
  if ([...select.options].some((o) => o.value === current)) select.value = current;
}

$('#act-as').addEventListener('submit', async (e) => {
  e.preventDefault();
  const value = $('#act-as-select').value;
  if (!value) { toast('choose whom to act as', true); return; }
  const [role, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  const label = $('#act-as-select').selectedOptions[0].textContent;
  try {
    const answer = await api('POST', '/api/tokens', { role, id, ttlSeconds: 3600 }, session.admin);
    sessionStorage.setItem('cairn.actingAs', JSON.stringify({ token: answer.token, label, role, id }));
    location.reload();
  } catch (err) { toast(`act as ${label}: ${err.message}`, true); }
});

$('#stop-acting').addEventListener('click', () => {
  sessionStorage.removeItem('cairn.actingAs');
  location.reload();
});

async function start() {
  renderSession();
  if (!isAdmin()) {
    // Only the admin creates people and restaurants, reads the log and the processors: the others see their own part.
    for (const id of ['#log', '#processors', '#consumer-form', '#courier-form', '#restaurant-form']) $(id).hidden = true;
    if (!session.claims || session.claims.role !== 'consumer') $('#ordering').hidden = true;
  }
  await loadConfig();
  renderConsumers();
  renderCouriers();
  connectStream();
  await Promise.all([loadRestaurants(), isAdmin() ? loadProcessors() : null, loadPeople()]);
  await loadLatestOrders();
  drawOrders();
  if (isAdmin()) {
    await loadNewerEvents();
    setInterval(() => { if ($('#events-follow').checked && !offline) loadNewerEvents(); }, 1000);
    setInterval(() => { if (!offline) loadProcessors(); }, 1000);
    setInterval(() => { if (!offline) loadPeople(); }, 2000);
  }
  setInterval(checkHealth, 1500);
}

start();

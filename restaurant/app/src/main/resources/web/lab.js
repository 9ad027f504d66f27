// The "Styles lab" tab: the newest report `cairn lab` wrote, read from /lab/lab.json.
'use strict';

(() => {
  const tabs = { orders: document.getElementById('tab-orders'), lab: document.getElementById('tab-lab') };
  const panels = { orders: document.getElementById('main-orders'), lab: document.getElementById('main-lab') };

  function show(name) {
    for (const key of Object.keys(tabs)) {
      tabs[key].setAttribute('aria-selected', String(key === name));
      panels[key].hidden = key !== name;
    }
    if (name === 'lab') load();
  }

  function cell(text, numeric) {
    const td = document.createElement('td');
    td.textContent = text;
    if (numeric) td.className = 'num';
    return td;
  }

  async function load() {
    const status = document.getElementById('lab-status');
    let report;
    try {
      const response = await fetch('/lab/lab.json', { headers: { Accept: 'application/json' } });
      if (response.status === 404) {
        status.textContent = 'No report yet: run ./cairn lab --quick in the directory the server was started from.';
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      report = await response.json();
    } catch (e) {
      status.textContent = `The report could not be read: ${e.message}`;
      return;
    }
    status.textContent = `Report of ${report.finished}: ${report.plan.offered_per_s} orders/s offered, phases of ${report.plan.phase_s} s.`;
    const claims = document.getElementById('lab-claims');
    claims.replaceChildren(...(report.claims || []).map(c => {
      const li = document.createElement('li');
      li.className = c.holds === null ? '' : (c.holds ? 'ok' : 'no');
      li.textContent = `${c.holds === null ? '·' : (c.holds ? '✔' : '✘')} ${c.text}${c.evidence ? ' — ' + c.evidence : ''}`;
      return li;
    }));
    const rows = document.getElementById('lab-rows');
    rows.replaceChildren(...report.runs.map(r => {
      const tr = document.createElement('tr');
      tr.append(cell(r.style), cell(r.scenario));
      if (!r.applicable) {
        const td = cell(`not applicable: ${r.reason}`);
        td.colSpan = 9;
        tr.append(td);
        return tr;
      }
      tr.append(cell(r.offered, true), cell(r.accepted, true), cell(`${Math.round(r.accepted_during_fault * 100)} %`, true),
        cell(r.completed, true), cell(r.inconsistent, true), cell(r.stuck, true),
        cell(Math.round(r.command_p99_ms), true), cell(Math.round(r.final_p99_ms), true),
        cell(r.history_recoverable ? 'recoverable' : 'not recoverable'));
      return tr;
    }));
  }

  tabs.orders.addEventListener('click', () => show('orders'));
  tabs.lab.addEventListener('click', () => show('lab'));
})();

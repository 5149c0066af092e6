// plantwin dashboard: the scenario library, runs and experiments with live progress (server-sent events read with
// fetch, so that a bearer token can be sent), KPI tables and charts (Chart.js, vendored under /dashboard/vendor).
'use strict';

const state = { token: sessionStorage.getItem('plantwin.token') || '', charts: {}, jobs: new Map() };
const STATE_COLOURS = { idle: '#c9d1d9', busy: '#2da44e', blocked: '#d4a72c', starved: '#8c959f', setup: '#8250df',
  down: '#cf222e', maintenance: '#fb8f44', 'off-shift': '#57606a', offShift: '#57606a' };
const $ = (id) => document.getElementById(id);

function headers(extra) {
  const h = Object.assign({}, extra || {});
  if (state.token) h.Authorization = 'Bearer ' + state.token;
  return h;
}

async function api(path, options) {
  const o = Object.assign({}, options || {});
  o.headers = headers(o.headers);
  const r = await fetch(path, o);
  if (r.status === 401) {
    $('auth').hidden = false;
    throw new Error('This server needs a bearer token: enter it above.');
  }
  const type = r.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await r.json() : await r.text();
  if (!r.ok) {
    const err = new Error(body && body.detail ? body.detail : ('HTTP ' + r.status));
    err.problem = body;
    throw err;
  }
  return body;
}

function fmt(v, digits) {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v)) return v.toLocaleString('en');
  return v.toFixed(digits === undefined ? 3 : digits);
}

function el(tag, attrs, children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => { if (k === 'text') e.textContent = v; else e.setAttribute(k, v); });
  (children || []).forEach((c) => e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c));
  return e;
}

function table(title, columns, rows) {
  const wrap = el('div');
  wrap.appendChild(el('h2', { text: title }));
  const t = el('table', { class: 'grid' });
  const head = el('tr');
  columns.forEach((c, i) => head.appendChild(el('th', { text: c.label, class: i === 0 || c.text ? 'text' : '' })));
  t.appendChild(el('thead', {}, [head]));
  const body = el('tbody');
  rows.forEach((r) => {
    const tr = el('tr');
    columns.forEach((c, i) => tr.appendChild(el('td', { text: fmt(c.value(r), c.digits), class: i === 0 || c.text ? 'text' : '' })));
    body.appendChild(tr);
  });
  t.appendChild(body);
  wrap.appendChild(t);
  return wrap;
}

// ---- health and library ------------------------------------------------------------------------------------------

async function health() {
  try {
    const h = await api('/health');
    $('health').textContent = 'up · ' + h.jobsActive + '/' + h.jobsLimit + ' jobs · ' + h.lanes + ' lanes';
    $('health').className = 'pill up';
  } catch (e) {
    $('health').textContent = 'unreachable';
    $('health').className = 'pill down';
  }
}

async function loadLibrary() {
  const list = await api('/scenarios');
  const ul = $('library');
  const select = $('scenario');
  ul.replaceChildren();
  select.replaceChildren();
  list.forEach((s) => {
    const li = el('li', { 'data-name': s.name }, [el('strong', { text: s.name }),
      el('small', { text: s.horizon + ' · ' + s.machines + ' machines · ' + (s.description || '').slice(0, 140) })]);
    li.addEventListener('click', () => {
      select.value = s.name;
      [...ul.children].forEach((c) => c.classList.toggle('selected', c === li));
    });
    ul.appendChild(li);
    select.appendChild(el('option', { value: s.name, text: s.name }));
  });
}

// ---- jobs --------------------------------------------------------------------------------------------------------

function jobRow(job) {
  let tr = document.querySelector('#jobs tr[data-id="' + job.id + '"]');
  if (!tr) {
    tr = el('tr', { 'data-id': job.id });
    for (let i = 0; i < 6; i++) tr.appendChild(el('td', { class: i < 4 ? 'text' : '' }));
    tr.children[4].appendChild(el('progress', { max: '1', value: '0' }));
    const cancel = el('button', { type: 'button', text: 'cancel' });
    cancel.addEventListener('click', () => api(job.links.self, { method: 'DELETE' }).catch(showRunError));
    tr.children[5].appendChild(cancel);
    $('jobs').tBodies[0].prepend(tr);
  }
  tr.children[0].textContent = job.id;
  tr.children[1].textContent = job.kind;
  tr.children[2].textContent = job.name;
  tr.children[3].textContent = job.status + (job.error ? ': ' + job.error : '');
  tr.children[4].firstChild.value = job.progress;
  tr.children[4].firstChild.title = Math.round(job.progress * 100) + ' %';
  tr.children[5].firstChild.hidden = ['succeeded', 'failed', 'cancelled'].includes(job.status);
  tr.dataset.status = job.status;
}

// Reads a text/event-stream with fetch (EventSource cannot send a bearer token).
async function follow(job, onResult) {
  const r = await fetch(job.links.events, { headers: headers({ Accept: 'text/event-stream' }) });
  if (!r.ok || !r.body) throw new Error('The event stream of ' + job.id + ' failed: HTTP ' + r.status);
  const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let data = [];
  let event = 'message';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).replace(/\r$/, '');
      buffer = buffer.slice(nl + 1);
      if (line === '') {
        if (data.length) dispatch(event, data.join('\n'));
        data = [];
        event = 'message';
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      } else if (line.startsWith('event:')) {
        event = line.slice(6).trim();
      }
    }
  }
  function dispatch(name, text) {
    if (name === 'progress' || name === 'end') {
      const s = JSON.parse(text);
      jobRow(s);
      if (name === 'end') {
        document.body.dataset.lastJob = s.status;
        $('health').dispatchEvent(new Event('refresh'));
      }
    } else if (name === 'result') {
      onResult(JSON.parse(text));
    }
  }
}

function showRunError(e) {
  const p = e.problem && e.problem.problems
    ? e.problem.problems.map((x) => x.path + ': ' + x.rule + ' (found ' + x.value + '). ' + x.hint).join('\n') : '';
  $('run-error').textContent = e.message + (p ? '\n' + p : '');
}

async function startRun(body, contentType, query) {
  $('run-error').textContent = '';
  try {
    const job = await api('/runs' + (query || ''), { method: 'POST', headers: { 'Content-Type': contentType }, body });
    jobRow(job);
    document.body.dataset.lastJob = job.status;
    await follow(job, (result) => showResult(job, result));
  } catch (e) {
    showRunError(e);
  }
}

// ---- run results -------------------------------------------------------------------------------------------------

function chart(id, config) {
  if (state.charts[id]) state.charts[id].destroy();
  const canvas = $(id);
  config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, config.options || {});
  state.charts[id] = new Chart(canvas, config);
  canvas.dataset.drawn = 'true';
  return state.charts[id];
}

function showResult(job, r) {
  $('result').hidden = false;
  $('result-title').textContent = 'Result: ' + r.scenario + ' (seed ' + r.seed + ', ' + r.horizon + ', replication ' + r.replication + ')';
  $('download-json').href = job.links.result;
  $('download-csv').href = job.links.result + '?format=csv';

  const machines = r.machines || [];
  const states = [];
  machines.forEach((m) => Object.keys(m.stateFractions || {}).forEach((s) => { if (!states.includes(s)) states.push(s); }));
  chart('chart-utilisation', {
    type: 'bar',
    data: { labels: machines.map((m) => m.id), datasets: states.map((s) => ({ label: s,
      data: machines.map((m) => (m.stateFractions[s] || 0) * 100), backgroundColor: STATE_COLOURS[s] || '#999' })) },
    options: { indexAxis: 'y', scales: { x: { stacked: true, max: 100, title: { display: true, text: '% of time' } }, y: { stacked: true } } },
  });

  const flows = [...(r.lines || []).map((l) => ({ name: 'line ' + l.id, v: l.throughputPerHour })),
    ...(r.sinks || []).map((s) => ({ name: 'sink ' + s.id, v: s.throughputPerHour })),
    { name: 'plant', v: r.plant.throughputPerHour }];
  chart('chart-throughput', {
    type: 'bar',
    data: { labels: flows.map((f) => f.name), datasets: [{ label: 'parts/h', data: flows.map((f) => f.v), backgroundColor: '#1f6feb' }] },
    options: { plugins: { legend: { display: false } } },
  });

  const inv = r.inventory || [];
  $('no-inventory').hidden = inv.length > 0;
  chart('chart-inventory', {
    type: 'bar',
    data: { labels: inv.map((i) => i.warehouse + '/' + i.product), datasets: [
      { label: 'min–max', data: inv.map((i) => [i.onHandMin, i.onHandMax]), backgroundColor: 'rgba(31,111,235,0.25)', grouped: false },
      { label: 'mean on hand', data: inv.map((i) => i.onHandMean), backgroundColor: '#1f6feb', barPercentage: 0.4, grouped: false }] },
  });

  const tables = $('kpi-tables');
  tables.replaceChildren();
  const p = r.plant;
  tables.appendChild(table('Plant', [{ label: 'parts out', value: () => p.partsOut }, { label: 'throughput/h', value: () => p.throughputPerHour },
    { label: 'WIP mean', value: () => p.wipMean }, { label: 'cycle time mean (min)', value: () => p.cycleTimeMeanMinutes },
    { label: 'p95 (min)', value: () => p.cycleTimeP95Minutes }, { label: 'scrapped', value: () => p.scrapped }], [p]));
  if (machines.length) {
    tables.appendChild(table('Machines', [{ label: 'machine', value: (m) => m.id }, { label: 'station', value: (m) => (m.line || '') + '/' + (m.station || ''), text: true },
      { label: 'processed', value: (m) => m.processed }, { label: 'failures', value: (m) => m.failures },
      { label: 'utilisation', value: (m) => m.utilisation }, { label: 'availability', value: (m) => m.availability },
      { label: 'performance', value: (m) => m.performance }, { label: 'quality', value: (m) => m.quality }, { label: 'OEE', value: (m) => m.oee }], machines));
  }
  if ((r.stations || []).length) {
    tables.appendChild(table('Stations', [{ label: 'station', value: (s) => s.line + '/' + s.id }, { label: 'buffer', value: (s) => s.bufferCapacity },
      { label: 'buffer mean', value: (s) => s.bufferMean }, { label: 'started', value: (s) => s.started },
      { label: 'wait mean (min)', value: (s) => s.waitMeanMinutes }, { label: 'wait p95 (min)', value: (s) => s.waitP95Minutes }], r.stations));
  }
  if (r.supplyChain) {
    const s = r.supplyChain;
    tables.appendChild(table('Supply chain', [{ label: 'orders', value: () => s.orders }, { label: 'order fill', value: () => s.orderFillRate },
      { label: 'on time', value: () => s.onTimeDelivery }, { label: 'lead time mean (h)', value: () => s.leadTimeMeanHours },
      { label: 'stock-outs', value: () => s.stockouts }, { label: 'km', value: () => s.kmDriven, digits: 1 }, { label: 'total cost', value: () => s.totalCost, digits: 0 }], [s]));
  }
  if (inv.length) {
    tables.appendChild(table('Inventory', [{ label: 'warehouse/product', value: (i) => i.warehouse + '/' + i.product }, { label: 'policy', value: (i) => i.policy, text: true },
      { label: 'on hand mean', value: (i) => i.onHandMean }, { label: 'min', value: (i) => i.onHandMin }, { label: 'max', value: (i) => i.onHandMax },
      { label: 'fill', value: (i) => i.orderFillRate }, { label: 'stock-outs', value: (i) => i.stockouts }], inv));
  }
  if ((r.fleets || []).length) {
    tables.appendChild(table('Fleets', [{ label: 'fleet', value: (f) => f.id }, { label: 'trucks', value: (f) => f.trucks }, { label: 'trips', value: (f) => f.trips },
      { label: 'km', value: (f) => f.km, digits: 1 }, { label: 'driving', value: (f) => f.drivingShare }, { label: 'idle', value: (f) => f.idleShare }], r.fleets));
  }
  document.body.dataset.resultShown = r.scenario;
  showReport(job).catch((e) => { $('run-error').textContent = 'The report cannot be drawn: ' + e.message; });
}

// The run report's charts (stock over time, Gantt, route map; shared with report.html through run-charts.js), for
// runs started with a report.
async function showReport(job) {
  const hosts = { series: 'report-series', stock: 'report-stock', gantt: 'report-gantt', routes: 'report-routes' };
  (state.reportCharts || []).forEach((c) => c.destroy());
  state.reportCharts = [];
  Object.values(hosts).forEach((id) => $(id).replaceChildren());
  const link = job.links && job.links.report;
  $('run-report').hidden = !link;
  $('report-link-wrap').hidden = !link;
  delete document.body.dataset.reportCharts;
  if (!link) return;
  $('report-link').href = link;
  const data = await api(link + '?format=json');
  state.reportCharts = PlantwinRunCharts.draw(data, hosts);
  document.body.dataset.routeLines = String(PlantwinRunCharts.routeLines(state.reportCharts));
  document.body.dataset.reportDrawn = String(PlantwinRunCharts.drawn(state.reportCharts));
  document.body.dataset.reportCharts = String(state.reportCharts.length);
}

async function openReport(ev) {
  ev.preventDefault();
  const r = await fetch($('report-link').href, { headers: headers() });
  const url = URL.createObjectURL(new Blob([await r.text()], { type: 'text/html' }));
  window.open(url, '_blank');
}

async function download(ev, href) {
  ev.preventDefault();
  const r = await fetch(href, { headers: headers() });
  const blob = await r.blob();
  const a = el('a', { href: URL.createObjectURL(blob), download: href.includes('csv') ? 'kpis.csv' : 'result.json' });
  a.click();
  URL.revokeObjectURL(a.href);
}

// ---- custom scenarios and experiments ---------------------------------------------------------------------------

async function validateCustom() {
  const out = $('validation');
  out.replaceChildren();
  try {
    const v = await api('/scenarios/validate', { method: 'POST', headers: { 'Content-Type': 'application/yaml' }, body: $('custom').value });
    if (v.valid) {
      out.appendChild(el('p', { text: 'Valid: ' + v.name }));
      return;
    }
    const ul = el('ul', { class: 'problems' });
    v.problems.forEach((p) => ul.appendChild(el('li', {}, [el('code', { text: p.path }), ' ' + p.rule + ' (found ' + p.value + '). ' + p.hint])));
    out.appendChild(ul);
  } catch (e) {
    out.appendChild(el('p', { class: 'error', text: e.message }));
  }
}

async function startExperiment() {
  $('experiment-error').textContent = '';
  try {
    const job = await api('/experiments', { method: 'POST', headers: { 'Content-Type': 'application/yaml' }, body: $('experiment').value });
    jobRow(job);
    await follow(job, (result) => showExperiment(result));
  } catch (e) {
    const p = e.problem && e.problem.problems ? e.problem.problems.map((x) => x.path + ': ' + x.rule + '. ' + x.hint).join('\n') : '';
    $('experiment-error').textContent = e.message + (p ? '\n' + p : '');
  }
}

function showExperiment(x) {
  $('experiment-result').hidden = false;
  $('experiment-title').textContent = 'Experiment: ' + x.name + ' (' + x.replications + ' replications, ' + Math.round(x.confidence * 100) + '% intervals)';
  const kpi = x.kpis[0];
  const vs = x.variants;
  chart('chart-experiment', {
    type: 'bar',
    data: { labels: vs.map((v) => v.name), datasets: [
      { label: kpi + ' (mean)', data: vs.map((v) => v.summaries[kpi].mean), backgroundColor: 'rgba(31,111,235,0.5)', grouped: false },
      { label: 'confidence interval', data: vs.map((v) => [v.summaries[kpi].mean - v.summaries[kpi].halfWidth, v.summaries[kpi].mean + v.summaries[kpi].halfWidth]),
        backgroundColor: '#1d2733', barPercentage: 0.08, grouped: false }] },
  });
  const tables = $('experiment-tables');
  tables.replaceChildren();
  const rows = [];
  vs.forEach((v) => x.kpis.forEach((k) => rows.push({ v: v.name, k, s: v.summaries[k] })));
  tables.appendChild(table('Summaries', [{ label: 'variant', value: (r) => r.v }, { label: 'KPI', value: (r) => r.k, text: true },
    { label: 'mean', value: (r) => r.s.mean }, { label: '±', value: (r) => r.s.halfWidth }, { label: 'sd', value: (r) => r.s.sd }, { label: 'n', value: (r) => r.s.n }], rows));
  const diffs = [];
  (x.comparisons || []).forEach((c) => c.differences.forEach((d) => diffs.push({ c, d })));
  if (diffs.length) {
    tables.appendChild(table('Comparisons (paired, common random numbers)', [{ label: 'variant', value: (r) => r.c.variant + ' vs ' + r.c.baseline },
      { label: 'KPI', value: (r) => r.d.kpi, text: true }, { label: 'difference', value: (r) => r.d.difference.mean },
      { label: '±', value: (r) => r.d.difference.halfWidth }, { label: 'verdict', value: (r) => r.d.verdict.toLowerCase(), text: true }], diffs));
  }
}

// ---- wiring ------------------------------------------------------------------------------------------------------

function init() {
  $('token').value = state.token;
  $('save-token').addEventListener('click', () => {
    state.token = $('token').value.trim();
    sessionStorage.setItem('plantwin.token', state.token);
    $('auth').hidden = true;
    loadLibrary().catch(showRunError);
  });
  $('run-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const body = { library: $('scenario').value };
    if ($('seed').value !== '') body.seed = Number($('seed').value);
    if ($('horizon').value.trim() !== '') body.horizon = $('horizon').value.trim();
    if ($('report').checked) body.report = true;
    startRun(JSON.stringify(body), 'application/json');
  });
  $('validate').addEventListener('click', validateCustom);
  $('run-custom').addEventListener('click', () => startRun($('custom').value, 'application/yaml',
    $('report').checked ? '?report=true' : ''));
  $('report-link').addEventListener('click', (ev) => openReport(ev).catch(showRunError));
  $('start-experiment').addEventListener('click', startExperiment);
  $('health').addEventListener('refresh', health);
  ['download-json', 'download-csv'].forEach((id) => $(id).addEventListener('click', (ev) => download(ev, $(id).href)));
  health();
  setInterval(health, 5000);
  loadLibrary().then(() => { document.body.dataset.ready = 'true'; }).catch(showRunError);
}

init();

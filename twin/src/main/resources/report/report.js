// plantwin experiment report: builds the charts from the JSON in #plantwin-data with the inlined Chart.js, then
// writes data-charts (charts made) and data-drawn (canvases with visible pixels) on <body> for tests.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('plantwin-data').textContent);
  var palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
    '#bcbd22', '#17becf'];
  var charts = [];
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = 'system-ui, sans-serif';

  // Draws whiskers [lo, hi] stored in dataset.whiskers (one per element, or null) over bars or points.
  var whiskers = {
    id: 'whiskers',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      chart.data.datasets.forEach(function (ds, i) {
        if (!ds.whiskers || !chart.isDatasetVisible(i)) { return; }
        var meta = chart.getDatasetMeta(i);
        var scale = chart.scales[meta.yAxisID];
        ctx.save();
        ctx.strokeStyle = '#222';
        ctx.lineWidth = 1.2;
        meta.data.forEach(function (el, j) {
          var w = ds.whiskers[j];
          if (!w || w[0] === null || w[1] === null) { return; }
          var x = el.x, y0 = scale.getPixelForValue(w[0]), y1 = scale.getPixelForValue(w[1]);
          ctx.beginPath();
          ctx.moveTo(x, y0); ctx.lineTo(x, y1);
          ctx.moveTo(x - 5, y0); ctx.lineTo(x + 5, y0);
          ctx.moveTo(x - 5, y1); ctx.lineTo(x + 5, y1);
          ctx.stroke();
        });
        ctx.restore();
      });
    }
  };
  Chart.register(whiskers);

  function box(containerId, title) {
    var host = document.getElementById(containerId);
    var div = document.createElement('div');
    div.className = 'chart';
    var h = document.createElement('h3');
    h.textContent = title;
    var holder = document.createElement('div');
    holder.className = 'canvas-holder';
    var canvas = document.createElement('canvas');
    holder.appendChild(canvas);
    div.appendChild(h);
    div.appendChild(holder);
    host.appendChild(div);
    return canvas;
  }

  function make(containerId, title, config) {
    charts.push(new Chart(box(containerId, title), config));
  }

  function color(i) { return palette[i % palette.length]; }

  function maxOf(values) {
    return values.reduce(function (m, v) { return v !== null && v > m ? v : m; }, -Infinity);
  }

  // KPI means with confidence bars, one chart per KPI, a bar per variant.
  data.kpis.forEach(function (kpi) {
    var means = data.variants.map(function (v) { return v.summaries[kpi].mean; });
    var bars = data.variants.map(function (v) { return [v.summaries[kpi].lower, v.summaries[kpi].upper]; });
    make('kpi-charts', kpi, {
      type: 'bar',
      data: {
        labels: data.variants.map(function (v) { return v.name; }),
        datasets: [{ label: 'mean, ' + data.confidencePercent + '% CI', data: means, whiskers: bars,
          backgroundColor: data.variants.map(function (v, i) { return color(i); }) }]
      },
      options: { plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, suggestedMax: maxOf(bars.map(function (b) { return b[1]; })) } } }
    });
  });

  // Sweep response curves: KPI mean (whiskers: CI) against each numeric factor; one line per setting of the others.
  if (data.sweep) {
    data.sweep.factors.forEach(function (factor, f) {
      data.kpis.forEach(function (kpi) {
        var groups = {};
        var order = [];
        data.variants.forEach(function (v, i) {
          var x = data.sweep.points[i][f];
          if (x === null) { return; }
          var key = data.sweep.points[i].map(function (p, g) { return g === f ? '' : String(p); }).join('|');
          if (!(key in groups)) { groups[key] = []; order.push(key); }
          var s = v.summaries[kpi];
          groups[key].push({ x: x, y: s.mean, lo: s.lower, hi: s.upper });
        });
        var single = order.every(function (k) { return groups[k].length === 1; });
        if (single) { // a Latin hypercube: every point stands alone, draw them as one cloud
          groups = { all: order.reduce(function (a, k) { return a.concat(groups[k]); }, []) };
          order = ['all'];
        }
        var datasets = order.map(function (k, i) {
          var pts = groups[k].slice().sort(function (a, b) { return a.x - b.x; });
          return { label: k === 'all' || k.replace(/\|/g, '') === '' ? kpi : 'others: ' + k.replace(/^\||\|$/g, ''),
            data: pts.map(function (p) { return { x: p.x, y: p.y }; }),
            whiskers: pts.map(function (p) { return [p.lo, p.hi]; }),
            showLine: !single, borderColor: color(i), backgroundColor: color(i), pointRadius: 4 };
        });
        make('sweep-charts', kpi + ' vs ' + factor.path, {
          type: 'scatter',
          data: { datasets: datasets },
          options: { plugins: { legend: { display: datasets.length > 1 } },
            scales: { x: { title: { display: true, text: factor.path + (factor.unit ? ' (' + factor.unit + ')' : '') } } } }
        });
      });
    });
  }

  // Utilisation by state per machine: stacked bars, one chart per variant.
  data.details.forEach(function (d) {
    var machines = Object.keys(d.machineStates);
    if (machines.length === 0) { return; }
    var states = [];
    machines.forEach(function (m) {
      Object.keys(d.machineStates[m]).forEach(function (s) { if (states.indexOf(s) < 0) { states.push(s); } });
    });
    make('state-charts', d.variant + ': share of time by state (%)', {
      type: 'bar',
      data: { labels: machines, datasets: states.map(function (s, i) {
        return { label: s, backgroundColor: color(i),
          data: machines.map(function (m) { return 100 * (d.machineStates[m][s] || 0); }) };
      }) },
      options: { indexAxis: 'y', scales: { x: { stacked: true, max: 100 }, y: { stacked: true } } }
    });
  });

  // Inventory: on-hand mean per product with min-max whiskers, a dataset per variant.
  if (data.inventoryLabels.length > 0) {
    make('inventory-charts', 'On hand: mean (bars), min to max (whiskers)', {
      type: 'bar',
      data: { labels: data.inventoryLabels, datasets: data.details.map(function (d, i) {
        return { label: d.variant, backgroundColor: color(i),
          data: d.inventory.map(function (r) { return r.onHandMean; }),
          whiskers: d.inventory.map(function (r) { return [r.onHandMin, r.onHandMax]; }) };
      }) },
      options: { scales: { y: { beginAtZero: true } } }
    });
  }

  // Throughput and WIP over time, replication 0 of each variant, from time 0 (warm-up included).
  [['throughputPerHour', 'Throughput per hour, by batch'], ['wipMean', 'WIP (time-weighted mean), by batch']]
    .forEach(function (spec) {
      var datasets = data.details.filter(function (d) { return d.series.length > 0; }).map(function (d, i) {
        return { label: d.variant, borderColor: color(i), backgroundColor: color(i), pointRadius: 0, borderWidth: 1.5,
          data: d.series.map(function (b) { return { x: b.endMinutes, y: b[spec[0]] }; }) };
      });
      if (datasets.length === 0) { return; }
      if (data.warmupMinutes !== null) {
        var ys = [];
        datasets.forEach(function (ds) { ds.data.forEach(function (p) { ys.push(p.y); }); });
        datasets.push({ label: 'warm-up (MSER-5)', borderColor: '#000', borderDash: [6, 4], pointRadius: 0,
          borderWidth: 1, data: [{ x: data.warmupMinutes, y: Math.min.apply(null, ys) },
            { x: data.warmupMinutes, y: Math.max.apply(null, ys) }] });
      }
      make('series-charts', spec[1], {
        type: 'line', data: { datasets: datasets },
        options: { scales: { x: { type: 'linear', title: { display: true, text: 'simulated minutes' } } } }
      });
    });

  // Stock over time: time-weighted on-hand per batch, replication 0 of each variant, one chart per product.
  data.inventoryLabels.forEach(function (label) {
    var datasets = data.details.filter(function (d) { return d.series.length > 0 && d.series[0].onHand
        && d.series[0].onHand[label] !== undefined; }).map(function (d, i) {
      return { label: d.variant, borderColor: color(i), backgroundColor: color(i), pointRadius: 0, borderWidth: 1.5,
        data: d.series.map(function (b) { return { x: b.endMinutes, y: b.onHand[label] }; }) };
    });
    if (datasets.length === 0) { return; }
    make('stock-charts', 'On hand over time: ' + label, {
      type: 'line', data: { datasets: datasets },
      options: { scales: { x: { type: 'linear', title: { display: true, text: 'simulated minutes' } },
        y: { beginAtZero: true } } }
    });
  });

  // Gantt: the first traced operations of replication 0 of each variant, one row per machine, one colour per
  // product; the hatched-looking lighter part of a bar is the setup before processing.
  data.details.forEach(function (d) {
    if (!d.operations || d.operations.length === 0) { return; }
    var machines = [];
    var products = [];
    d.operations.forEach(function (o) {
      if (machines.indexOf(o.machine) < 0) { machines.push(o.machine); }
      if (products.indexOf(o.product) < 0) { products.push(o.product); }
    });
    var datasets = products.map(function (p, i) {
      var ops = d.operations.filter(function (o) { return o.product === p; });
      return { label: p, backgroundColor: color(i), borderColor: color(i), borderWidth: 0, barPercentage: 0.8,
        data: ops.map(function (o) { return { y: o.machine, x: [o.processStartMinutes, o.endMinutes] }; }) };
    });
    var setups = d.operations.filter(function (o) { return o.processStartMinutes > o.startMinutes; });
    if (setups.length > 0) {
      datasets.push({ label: 'setup', backgroundColor: '#bbb', borderWidth: 0, barPercentage: 0.8,
        data: setups.map(function (o) { return { y: o.machine, x: [o.startMinutes, o.processStartMinutes] }; }) });
    }
    make('gantt-charts', d.variant + ': first ' + d.operations.length + ' operations of replication 0', {
      type: 'bar', data: { labels: machines, datasets: datasets },
      options: { indexAxis: 'y', parsing: { xAxisKey: 'x', yAxisKey: 'y' },
        scales: { x: { type: 'linear', title: { display: true, text: 'simulated minutes' } },
          y: { type: 'category', labels: machines, stacked: true } } }
    });
  });

  // The series MSER-5 looked at: pilot-averaged warm-up KPI per batch, with each variant's truncation point.
  if (data.warmup) {
    var w = data.warmup;
    var datasets = [];
    w.variants.forEach(function (v, i) {
      datasets.push({ label: v.variant, borderColor: color(i), backgroundColor: color(i), pointRadius: 0,
        borderWidth: 1.5, data: v.series.map(function (y, b) { return { x: (b + 1) * v.batchMinutes, y: y }; }) });
      var ys = v.series;
      datasets.push({ label: v.variant + ' truncation', borderColor: color(i), borderDash: [6, 4], pointRadius: 0,
        borderWidth: 1, data: [{ x: v.warmupMinutes, y: Math.min.apply(null, ys) },
          { x: v.warmupMinutes, y: Math.max.apply(null, ys) }] });
    });
    make('warmup-charts', w.kpi + ' per batch, mean of ' + w.pilotReplications + ' pilot runs', {
      type: 'line', data: { datasets: datasets },
      options: { scales: { x: { type: 'linear', title: { display: true, text: 'simulated minutes' } } } }
    });
  }

  // Generated against parametric scenarios: the empirical distribution function of each KPI per group.
  (data.distributions.length ? data.kpis : []).forEach(function (kpi) {
    var datasets = data.distributions.map(function (g, i) {
      var xs = g.values[kpi].filter(function (v) { return v !== null; }).sort(function (a, b) { return a - b; });
      return { label: g.group, borderColor: color(i), backgroundColor: color(i), stepped: true, pointRadius: 2,
        data: xs.map(function (x, j) { return { x: x, y: (j + 1) / xs.length }; }) };
    });
    make('distribution-charts', kpi + ': share of scenarios at or below', {
      type: 'line', data: { datasets: datasets },
      options: { scales: { x: { type: 'linear', title: { display: true, text: kpi } },
        y: { min: 0, max: 1, title: { display: true, text: 'share of scenarios' } } } }
    });
  });

  function visible(canvas) {
    var px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (var i = 3; i < px.length; i += 4) {
      if (px[i] !== 0) { return true; }
    }
    return false;
  }
  var drawn = charts.filter(function (c) { return c.canvas.width > 0 && visible(c.canvas); }).length;
  document.body.setAttribute('data-charts', String(charts.length));
  document.body.setAttribute('data-drawn', String(drawn));
})();

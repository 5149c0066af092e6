// plantwin run charts, shared by the run report (report.html, inlined) and the dashboard (/dashboard/run-charts.js):
// PlantwinRunCharts.draw(data, hosts) draws into the elements whose ids hosts names (states, series, stock, gantt,
// routes; a missing key or element skips that kind) from the report data of RunReport.data, and returns the charts.
(function (global) {
  'use strict';
  var palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
    '#bcbd22', '#17becf'];
  var SITE_STYLE = { warehouse: ['#1f6feb', 'rect', 9], customer: ['#2da44e', 'circle', 6],
    supplier: ['#cf222e', 'triangle', 9], site: ['#8c959f', 'crossRot', 7] };

  function color(i) { return palette[i % palette.length]; }

  function fade(hex) { return hex + '66'; }

  function host(hosts, key) {
    var id = hosts && hosts[key];
    return id ? document.getElementById(id) : null;
  }

  function box(parent, title, tall) {
    var div = document.createElement('div');
    div.className = 'chart';
    var h = document.createElement('h3');
    h.textContent = title;
    var holder = document.createElement('div');
    holder.className = 'canvas-holder' + (tall ? ' tall' : '');
    holder.style.position = 'relative';
    holder.style.height = (tall || 260) + 'px';
    var canvas = document.createElement('canvas');
    holder.appendChild(canvas);
    div.appendChild(h);
    div.appendChild(holder);
    parent.appendChild(div);
    return canvas;
  }

  function base(options) {
    return Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, options || {});
  }

  // Writes each site's label beside its point (datasets that carry labels[]).
  var siteLabels = {
    id: 'plantwinSiteLabels',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      chart.data.datasets.forEach(function (ds, i) {
        if (!ds.siteLabels || !chart.isDatasetVisible(i)) { return; }
        ctx.save();
        ctx.font = '11px system-ui, sans-serif';
        ctx.fillStyle = '#333';
        chart.getDatasetMeta(i).data.forEach(function (el, j) { ctx.fillText(ds.siteLabels[j], el.x + 7, el.y - 5); });
        ctx.restore();
      });
    }
  };

  function states(data, parent, charts) {
    var machines = Object.keys(data.machineStates || {});
    if (machines.length === 0) { return; }
    var names = [];
    machines.forEach(function (m) {
      Object.keys(data.machineStates[m]).forEach(function (s) { if (names.indexOf(s) < 0) { names.push(s); } });
    });
    charts.push(new Chart(box(parent, 'Share of time by state (%)', Math.max(260, 26 * machines.length + 80)), {
      type: 'bar',
      data: { labels: machines, datasets: names.map(function (s, i) {
        return { label: s, backgroundColor: color(i),
          data: machines.map(function (m) { return 100 * (data.machineStates[m][s] || 0); }) };
      }) },
      options: base({ indexAxis: 'y', scales: { x: { stacked: true, max: 100 }, y: { stacked: true } } })
    }));
  }

  function line(parent, title, datasets, yZero) {
    return new Chart(box(parent, title), {
      type: 'line', data: { datasets: datasets },
      options: base({ scales: { x: { type: 'linear', title: { display: true, text: 'simulated minutes' } },
        y: { beginAtZero: !!yZero } } })
    });
  }

  function series(data, parent, charts) {
    if (!data.series || data.series.length === 0) { return; }
    [['throughputPerHour', 'Throughput per hour, by batch'], ['wipMean', 'WIP (time-weighted mean), by batch']]
      .forEach(function (spec, i) {
        charts.push(line(parent, spec[1], [{ label: spec[0], borderColor: color(i), backgroundColor: color(i),
          pointRadius: 0, borderWidth: 1.5,
          data: data.series.map(function (b) { return { x: b.endMinutes, y: b[spec[0]] }; }) }], true));
      });
  }

  function stock(data, parent, charts) {
    if (!data.series || data.series.length === 0 || !data.inventoryLabels) { return; }
    var labels = data.inventoryLabels.filter(function (l) {
      return data.series[0].onHand && data.series[0].onHand[l] !== undefined;
    });
    labels.forEach(function (label, i) {
      charts.push(line(parent, 'On hand over time: ' + label, [{ label: label, borderColor: color(i),
        backgroundColor: color(i), pointRadius: 0, borderWidth: 1.5, stepped: false,
        data: data.series.map(function (b) { return { x: b.endMinutes, y: b.onHand[label] }; }) }], true));
    });
  }

  // Gantt: a row per machine (and a planned row above it when there is a plan), a colour per product,
  // setups in grey, planned bars lighter.
  function gantt(data, parent, charts) {
    var ops = data.operations || [];
    var plan = data.planned || [];
    if (ops.length === 0 && plan.length === 0) { return; }
    var machines = [];
    var products = [];
    plan.concat(ops).forEach(function (o) {
      if (machines.indexOf(o.machine) < 0) { machines.push(o.machine); }
      if (products.indexOf(o.product) < 0) { products.push(o.product); }
    });
    var withPlan = plan.length > 0;
    var rows = [];
    machines.forEach(function (m) {
      if (withPlan) { rows.push(m + ' planned'); }
      rows.push(withPlan ? m + ' executed' : m);
    });
    var exec = function (m) { return withPlan ? m + ' executed' : m; };
    var from = Math.min.apply(null, plan.concat(ops).map(function (o) { return o.startMinutes; }));
    var datasets = [];
    products.forEach(function (p, i) {
      var mine = ops.filter(function (o) { return o.product === p; });
      if (mine.length > 0) {
        datasets.push({ label: p, backgroundColor: color(i), borderWidth: 0, barPercentage: 0.8,
          data: mine.map(function (o) { return { y: exec(o.machine), x: [o.processStartMinutes, o.endMinutes] }; }) });
      }
      var planned = plan.filter(function (o) { return o.product === p; });
      if (planned.length > 0) {
        datasets.push({ label: p + ' planned', backgroundColor: fade(color(i)), borderColor: color(i), borderWidth: 1,
          barPercentage: 0.8,
          data: planned.map(function (o) { return { y: o.machine + ' planned', x: [o.startMinutes, o.endMinutes] }; }) });
      }
    });
    var setups = ops.filter(function (o) { return o.processStartMinutes > o.startMinutes; });
    if (setups.length > 0) {
      datasets.push({ label: 'setup', backgroundColor: '#bbb', borderWidth: 0, barPercentage: 0.8,
        data: setups.map(function (o) { return { y: exec(o.machine), x: [o.startMinutes, o.processStartMinutes] }; }) });
    }
    charts.push(new Chart(box(parent, 'First ' + ops.length + ' operations as executed'
        + (withPlan ? ', with the plan' : ''), Math.max(260, 24 * rows.length + 90)), {
      type: 'bar', data: { labels: rows, datasets: datasets },
      options: base({ indexAxis: 'y', parsing: { xAxisKey: 'x', yAxisKey: 'y' },
        scales: { x: { type: 'linear', min: Math.floor(from), title: { display: true, text: 'simulated minutes' } },
          y: { type: 'category', labels: rows, stacked: true } } })
    }));
  }

  // Route map: sites as points (by kind, labelled), each traced trip as a polyline depot -> stops -> depot, in km.
  function routes(data, parent, charts) {
    var sites = data.sites || [];
    var trips = data.trips || [];
    if (sites.length === 0 && trips.length === 0) { return; }
    var datasets = [];
    trips.forEach(function (t, i) {
      datasets.push({ label: 'trip ' + (i + 1) + ' (' + t.fleet + ', ' + Math.round(t.departMinutes) + ' min, '
          + t.km.toFixed(1) + ' km)', plantwinTrip: true, showLine: true, borderColor: fade(color(i)),
        backgroundColor: color(i), borderWidth: 1.5, pointRadius: 2, order: 2,
        data: t.points.map(function (p) { return { x: p.x, y: p.y }; }) });
    });
    ['warehouse', 'customer', 'supplier', 'site'].forEach(function (kind) {
      var mine = sites.filter(function (s) { return s.kind === kind; });
      if (mine.length === 0) { return; }
      var st = SITE_STYLE[kind];
      datasets.push({ label: kind + 's', pointStyle: st[1], pointRadius: st[2], backgroundColor: st[0],
        borderColor: st[0], showLine: false, order: 1,
        siteLabels: mine.map(function (s) { return s.label; }),
        data: mine.map(function (s) { return { x: s.x, y: s.y }; }) });
    });
    charts.push(new Chart(box(parent, 'Sites and the first ' + trips.length + ' trips (x, y in km)', 560), {
      type: 'scatter', data: { datasets: datasets }, plugins: [siteLabels],
      options: base({ plugins: { legend: { labels: { filter: function (item, d) {
        return !d.datasets[item.datasetIndex].plantwinTrip || item.datasetIndex < 8; } } } },
        scales: { x: { title: { display: true, text: 'x (km)' } }, y: { title: { display: true, text: 'y (km)' } } } })
    }));
  }

  function visible(canvas) {
    if (canvas.width === 0 || canvas.height === 0) { return false; }
    var px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (var i = 3; i < px.length; i += 4) {
      if (px[i] !== 0) { return true; }
    }
    return false;
  }

  global.PlantwinRunCharts = {
    draw: function (data, hosts) {
      var charts = [];
      var kinds = { states: states, series: series, stock: stock, gantt: gantt, routes: routes };
      Object.keys(kinds).forEach(function (k) {
        var parent = host(hosts, k);
        if (parent) { kinds[k](data, parent, charts); }
      });
      return charts;
    },
    // Charts whose canvas holds visible pixels.
    drawn: function (charts) { return charts.filter(function (c) { return visible(c.canvas); }).length; },
    // Trip polylines drawn on route maps.
    routeLines: function (charts) {
      return charts.reduce(function (n, c) {
        return n + c.data.datasets.filter(function (d) { return d.plantwinTrip; }).length;
      }, 0);
    }
  };
})(window);

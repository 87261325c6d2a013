/**
 * Behaviour of the journey map page (served as /map.js). Plain browser JS, no build step:
 * it fetches /v1/reports/funnel, /feedback and /personas (the flows: /map-flows.js) with the typed-in token in the Authorization header and
 * draws SVG with DOM calls only — report values are set as text, never parsed as markup.
 */
export const MAP_JS = String.raw`(function () {
  'use strict';
  var TOKEN_KEY = 'waymark.exportToken';
  var SVG = 'http://www.w3.org/2000/svg';
  var STAGE_NAMES = ['awareness', 'consideration', 'decision', 'purchase', 'loyalty'];
  var VITALS = ['lcp', 'inp', 'cls', 'fcp', 'ttfb'];
  var $ = function (id) { return document.getElementById(id); };
  var number = new Intl.NumberFormat('en');
  var percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
  var rating = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 2 });

  function el(tag, attrs, text) {
    var node = tag.indexOf('svg:') === 0 ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (var name in attrs || {}) node.setAttribute(name, String(attrs[name]));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function rate(value) { return value === null ? '–' : percent.format(value); }
  function money(list) {
    if (!list.length) return '0';
    return list.map(function (entry) {
      return new Intl.NumberFormat('en', { style: 'currency', currency: entry.currency || 'XXX' }).format(entry.revenue !== undefined ? entry.revenue : entry.value);
    }).join(' + ');
  }
  function status(text, isError) { var s = $('status'); s.textContent = text; s.className = isError ? 'error' : ''; }
  function isoDay(date) { return date.toISOString().slice(0, 10); }

  function figure(value, label, key) {
    var box = el('div', { class: 'figure', 'data-figure': key });
    box.appendChild(el('b', {}, value));
    box.appendChild(el('span', {}, label));
    return box;
  }

  function drawSummary(report) {
    var box = clear($('summary'));
    box.appendChild(figure(number.format(report.visitors), 'visitors', 'visitors'));
    box.appendChild(figure(number.format(report.orders), 'orders', 'orders'));
    box.appendChild(figure(money(report.revenue), 'revenue', 'revenue'));
    box.appendChild(figure(rate(report.conversion), 'visitors who purchased', 'conversion'));
    box.appendChild(figure(number.format(report.landings.total), 'landings', 'landings'));
  }

  function drawFunnel(stages) {
    var svg = clear($('funnel'));
    var width = 900, bar = 46, gap = 34, top = 8;
    var max = Math.max(1, stages[0].reached);
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + (top + stages.length * (bar + gap)));
    stages.forEach(function (stage, i) {
      var y = top + i * (bar + gap);
      var w = Math.max(150, (width - 260) * (stage.reached / max));
      var x = (width - 260 - w) / 2 + 130;
      var g = el('svg:g', { 'data-stage': stage.stage, 'data-reached': stage.reached });
      g.appendChild(el('svg:rect', { x: x, y: y, width: w, height: bar, rx: 6, class: 's' + (i + 1) }));
      g.appendChild(el('svg:text', { x: x + 12, y: y + 29, class: 'big' }, stage.stage.charAt(0).toUpperCase() + stage.stage.slice(1)));
      g.appendChild(el('svg:text', { x: x + w - 12, y: y + 29, 'text-anchor': 'end', class: 'big', 'data-role': 'reached' }, number.format(stage.reached)));
      g.appendChild(el('svg:text', { x: width - 120, y: y + 20, class: 'muted' }, number.format(stage.visitors) + ' in stage'));
      g.appendChild(el('svg:text', { x: width - 120, y: y + 36, class: 'muted' }, number.format(stage.touchpoints) + ' touchpoints'));
      svg.appendChild(g);
      if (stage.conversion_to_next !== null) {
        // Rates from the counts themselves: the API's four-decimal ratios would round twice.
        var next = stages[i + 1].reached;
        var between = el('svg:g', { 'data-drop-off': stage.stage, 'data-dropped': stage.drop_off_to_next });
        between.appendChild(el('svg:text', { x: width / 2 - 10, y: y + bar + 22, 'text-anchor': 'end', class: 'muted' }, rate(next / stage.reached) + ' go on ↓'));
        between.appendChild(el('svg:text', { x: width / 2 + 10, y: y + bar + 22, class: 'drop' }, '−' + number.format(stage.drop_off_to_next) + ' dropped off (' + rate(stage.drop_off_to_next / stage.reached) + ')'));
        svg.appendChild(between);
      }
    });
  }

  function drawTouchpoints(stages, feedback) {
    var box = clear($('touchpoints'));
    stages.forEach(function (stage, i) {
      var column = el('div', { 'data-touchpoints': stage.stage });
      column.appendChild(el('h3', {}, stage.stage));
      var said = feedback.stages[i];
      column.appendChild(el('p', { class: 'rating', 'data-feedback': stage.stage, 'data-responses': said.responses },
        said.average_rating === null ? 'no rating yet' : '★ ' + rating.format(said.average_rating) + ' / 5 · ' + number.format(said.responses) + (said.responses === 1 ? ' response' : ' responses')));
      var list = el('ol');
      if (!stage.by_type.length) list.appendChild(el('li', {}, 'none'));
      stage.by_type.forEach(function (t) {
        var item = el('li', { 'data-type': t.type });
        item.appendChild(document.createTextNode(t.type.replace(/_/g, ' ')));
        item.appendChild(el('span', {}, number.format(t.touchpoints) + ' · ' + number.format(t.visitors) + ' visitors'));
        list.appendChild(item);
      });
      column.appendChild(list);
      box.appendChild(column);
    });
  }

  function drawChannels(landings) {
    var svg = clear($('channels'));
    var rows = [];
    landings.by_channel.forEach(function (c) {
      rows.push({ label: c.channel.replace(/_/g, ' '), value: c.landings, channel: c.channel, sub: false });
      c.search_engines.forEach(function (e) { rows.push({ label: '  ' + e.search_engine, value: e.landings, channel: c.channel, sub: true }); });
    });
    if (!rows.length) rows.push({ label: 'no landings', value: 0, channel: '', sub: false });
    var width = 560, line = 26, max = Math.max(1, landings.by_channel.length ? landings.by_channel[0].landings : 1);
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + (rows.length * line + 4));
    rows.forEach(function (row, i) {
      var y = i * line + 2;
      var g = el('svg:g', row.sub ? { 'data-search-engine': row.label.trim(), 'data-landings': row.value } : { 'data-channel': row.channel, 'data-landings': row.value });
      g.appendChild(el('svg:text', { x: row.sub ? 16 : 0, y: y + 17, class: row.sub ? 'muted' : '' }, row.label.trim()));
      var w = (width - 220) * (row.value / max);
      g.appendChild(el('svg:rect', { x: 150, y: y + 4, width: Math.max(2, w), height: line - 8, rx: 3, class: row.sub ? 'sub' : 'bar' }));
      g.appendChild(el('svg:text', { x: 158 + w, y: y + 17 }, number.format(row.value)));
      svg.appendChild(g);
    });
  }

  function drawCarts(carts) {
    var box = clear($('carts'));
    box.appendChild(figure(number.format(carts.visitors), 'abandoned carts (of ' + number.format(carts.cart_visitors) + ' carts)', 'abandoned'));
    box.appendChild(figure(rate(carts.rate), 'abandonment rate', 'abandonment-rate'));
    box.appendChild(figure(money(carts.value), 'left in abandoned carts', 'abandoned-value'));
  }

  function drawVitals(stages) {
    var table = clear($('vitals'));
    var head = el('tr');
    head.appendChild(el('th', {}, 'stage'));
    VITALS.forEach(function (m) { head.appendChild(el('th', {}, m.toUpperCase())); });
    table.appendChild(head);
    stages.forEach(function (stage) {
      var row = el('tr', { 'data-vitals': stage.stage });
      row.appendChild(el('td', {}, stage.stage));
      VITALS.forEach(function (m) {
        var v = stage.web_vitals[m];
        var unit = m === 'cls' ? '' : ' ms';
        row.appendChild(el('td', { 'data-metric': m }, v ? number.format(v.median) + unit + ' · ' + number.format(v.p75) : '–'));
      });
      table.appendChild(row);
    });
  }

  function drawComments(comments, token) {
    var list = clear($('comments'));
    $('journey-json').hidden = true;
    if (!comments.length) list.appendChild(el('li', {}, 'No comment in this range.'));
    comments.forEach(function (c) {
      var item = el('li', { 'data-comment-visitor': c.visitor });
      item.appendChild(el('blockquote', {}, c.comment));
      var about = el('p', {}, (c.rating === null ? '' : '★ ' + c.rating + ' · ') + c.stage + (c.prompt ? ' · prompt ' + c.prompt : '') + ' · ' + c.at.slice(0, 16).replace('T', ' ') + ' UTC · ');
      var link = el('a', { href: c.journey }, 'journey of ' + c.visitor);
      // The journey needs the token, which never goes in a URL: fetched here, shown as text.
      link.addEventListener('click', function (event) {
        event.preventDefault();
        getReport(c.journey.split('?')[0], new URLSearchParams(c.journey.split('?')[1]), token).then(function (journey) {
          var pre = $('journey-json');
          pre.textContent = JSON.stringify(journey, null, 2);
          pre.hidden = false;
          pre.focus();
        }, function (error) { status('The journey could not be loaded: ' + error.message, true); });
      });
      about.appendChild(link);
      item.appendChild(about);
      list.appendChild(item);
    });
  }

  function drawPersonas(report) {
    var table = clear($('persona-table'));
    var head = el('tr');
    ['persona', 'visitors', 'share'].concat(STAGE_NAMES, ['conversion', 'orders', 'revenue', 'avg order', 'abandoned carts']).forEach(function (name) { head.appendChild(el('th', { scope: 'col' }, name)); });
    table.appendChild(head);
    report.personas.forEach(function (p) {
      var row = el('tr', { 'data-persona': p.key, 'data-visitors': p.visitors });
      var name = el('td');
      name.appendChild(document.createTextNode(p.name));
      name.appendChild(el('small', {}, p.description));
      row.appendChild(name);
      row.appendChild(el('td', { 'data-role': 'visitors' }, number.format(p.visitors)));
      row.appendChild(el('td', {}, rate(p.share)));
      p.stages.forEach(function (s) { row.appendChild(el('td', { 'data-stage': s.stage }, number.format(s.reached))); });
      row.appendChild(el('td', {}, rate(p.conversion)));
      row.appendChild(el('td', {}, number.format(p.orders)));
      row.appendChild(el('td', {}, money(p.revenue)));
      row.appendChild(el('td', {}, p.revenue.length ? money(p.revenue.map(function (r) { return { currency: r.currency, revenue: r.average_order_value }; })) : '–'));
      row.appendChild(el('td', {}, number.format(p.abandoned_carts.visitors) + ' (' + rate(p.abandoned_carts.rate) + ')'));
      table.appendChild(row);
    });
  }

  async function loadPersonaChoices(token) {
    var select = $('persona');
    if (select.options.length > 1) return;
    var response = await fetch('/v1/personas', { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store' });
    if (!response.ok) return;
    var wanted = new URLSearchParams(location.search).get('persona');
    (await response.json()).personas.concat([{ key: 'other', name: 'Other' }]).forEach(function (p) {
      select.appendChild(el('option', { value: p.key }, p.name));
    });
    if (wanted) select.value = wanted;
  }

  async function getReport(path, params, token) {
    var response = await fetch(path + '?' + params.toString(), { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store' });
    var body = await response.json();
    if (!response.ok) throw Object.assign(new Error(body.error), { status: response.status });
    return body;
  }

  async function draw() {
    var token = $('token').value.trim();
    if (!token) { status('Type the export token first.', true); return; }
    sessionStorage.setItem(TOKEN_KEY, token);
    var params = new URLSearchParams({ from: $('from').value, to: $('to').value, tz: $('tz').value.trim() || 'UTC' });
    if ($('channel').value) params.set('channel', $('channel').value);
    if ($('device').value) params.set('device', $('device').value);
    status('Loading…');
    try {
      await loadPersonaChoices(token);
      var funnelParams = new URLSearchParams(params);
      if ($('persona').value) funnelParams.set('persona', $('persona').value);
      var all = await Promise.all([getReport('/v1/reports/funnel', funnelParams, token), getReport('/v1/reports/personas', params, token), getReport('/v1/reports/feedback', funnelParams, token)]);
      var body = all[0];
      drawSummary(body);
      drawFunnel(body.stages);
      drawTouchpoints(body.stages, all[2]);
      drawChannels(body.landings);
      drawCarts(body.abandoned_carts);
      drawVitals(body.stages);
      drawComments(all[2].comments, token);
      drawPersonas(all[1]);
      ['summary', 'journey', 'side', 'feedback', 'personas'].forEach(function (id) { $(id).hidden = false; });
      status('Journeys from ' + body.from + ' to ' + body.to + (body.channel ? ', visitors landing from ' + body.channel.join(', ') : '') + (body.persona ? ', persona ' + body.persona : '') + ' (' + body.tz + ').');
      document.body.setAttribute('data-drawn', 'true');
      // /map-flows.js draws the flows from the same token, range and filters.
      document.dispatchEvent(new CustomEvent('waymark:map-drawn', { detail: { params: funnelParams.toString(), token: token, funnel: body, feedback: all[2] } }));
    } catch (error) {
      status((error.status === 401 ? 'That token was not accepted: ' : error.status ? 'The report failed: ' : 'The report could not be loaded: ') + error.message, true);
    }
  }

  function start() {
    var now = new Date();
    var query = new URLSearchParams(location.search);
    $('to').value = query.get('to') || isoDay(new Date(now.getTime() + 86400000));
    $('from').value = query.get('from') || isoDay(new Date(now.getTime() - 29 * 86400000));
    try { $('tz').value = query.get('tz') || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'; } catch (e) { $('tz').value = 'UTC'; }
    if (query.get('channel')) $('channel').value = query.get('channel');
    if (query.get('device')) $('device').value = query.get('device');
    var saved = sessionStorage.getItem(TOKEN_KEY);
    $('controls').addEventListener('submit', function (event) { event.preventDefault(); draw(); });
    $('forget').addEventListener('click', function () { sessionStorage.removeItem(TOKEN_KEY); $('token').value = ''; status('Token forgotten.'); });
    if (saved) { $('token').value = saved; draw(); }
  }
  start();
})();
`;

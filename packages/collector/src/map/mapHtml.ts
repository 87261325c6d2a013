import { CHANNELS } from '@waymark/schema';

/**
 * The journey map page. No inline script or style (the CSP forbids both): behaviour and
 * looks come from /map.js and /map.css. The export token is typed in, kept in
 * sessionStorage and sent in the Authorization header, never in a URL.
 */
export const MAP_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>Waymark · journey map</title>
<link rel="stylesheet" href="/map.css">
<script defer src="/map-flows.js"></script>
<script defer src="/map.js"></script>
</head>
<body>
<header>
  <h1>Waymark <span>journey map</span></h1>
  <form id="controls" autocomplete="off">
    <label>Export token <input id="token" type="password" required placeholder="wm_exp_…" spellcheck="false"></label>
    <label>From <input id="from" type="date" required></label>
    <label>To <input id="to" type="date" required></label>
    <label>Time zone <input id="tz" type="text" value="UTC" spellcheck="false"></label>
    <label>Channel <select id="channel"><option value="">all channels</option>${CHANNELS.map((c) => `<option value="${c}">${c.replace('_', ' ')}</option>`).join('')}</select></label>
    <label>Persona <select id="persona"><option value="">all shoppers</option></select></label>
    <label>Device <select id="device"><option value="">all devices</option><option value="mobile">mobile</option><option value="tablet">tablet</option><option value="desktop">desktop</option></select></label>
    <button type="submit">Draw the map</button>
    <button type="button" id="forget">Forget token</button>
  </form>
</header>
<main>
  <p id="status" role="status">Type the site’s export token and pick a range.</p>
  <section id="summary" hidden></section>
  <section id="flows" hidden aria-labelledby="flows-title">
    <h2 id="flows-title">How shoppers move</h2>
    <p class="hint">Each visit’s touchpoints in order, on the stage lanes: bar height is visits, the red part of a bar the visits that ended there (exits), ⚠ marks friction. Moves within a stage or back (loops such as product → list → product) are listed apart, in the table view. Tab to the diagram, then arrow keys move between touchpoints and Enter opens one.</p>
    <form id="flow-controls" autocomplete="off">
      <label>Start at <select id="flow-start"><option value="">the visit’s start</option></select></label>
      <label>End at <select id="flow-end"><option value="">the visit’s end</option></select></label>
      <label>Steps <input id="flow-steps" type="number" min="1" max="50" value="20"></label>
      <button type="submit">Follow</button>
      <label class="inline"><input id="flow-compare" type="checkbox"> Compare with the previous period</label>
      <label>Break down by <select id="flow-breakdown-by"><option value="">nothing</option><option value="channel">channel</option><option value="persona">persona</option><option value="device">device</option></select></label>
      <button type="button" id="flow-view" aria-pressed="false">Show as tables</button>
      <button type="button" id="flow-svg">Save SVG</button>
      <button type="button" id="flow-png">Save PNG</button>
      <a id="flow-link" href="/map">Link to this view</a>
    </form>
    <p id="flow-status" role="status"></p>
    <p id="flow-summary"></p>
    <div id="flow-chart" class="scroll"><svg id="flow-diagram" role="group" aria-label="Flow diagram of visits across the five stage lanes"></svg></div>
    <div id="flow-node" hidden aria-live="polite"></div>
    <div id="flow-tables" hidden></div>
    <div class="pair">
      <div id="flow-paths"></div>
      <div><h3>Time and visits to purchase</h3><div id="flow-purchase-charts"></div><div id="flow-purchase-tables" hidden></div></div>
    </div>
    <div id="flow-breakdown"></div>
  </section>
  <section id="journey" hidden>
    <h2>Funnel of stages</h2>
    <p class="hint">Reached: visitors whose furthest touchpoint in the range is at that stage or later. Between stages: who went on, who dropped off.</p>
    <svg id="funnel" role="img" aria-label="Funnel of the five journey stages"></svg>
    <h2>Touchpoints in each stage</h2>
    <div id="touchpoints" class="columns"></div>
  </section>
  <section id="side" hidden>
    <div>
      <h2>Channels that feed awareness</h2>
      <svg id="channels" role="img" aria-label="Landings by channel"></svg>
    </div>
    <div>
      <h2>Abandoned carts</h2>
      <div id="carts"></div>
      <h2>Web vitals per stage <small>(median · p75)</small></h2>
      <table id="vitals"></table>
    </div>
  </section>
  <section id="feedback" hidden>
    <h2>What shoppers say</h2>
    <p class="hint">The latest comments of the range, newest first, as shoppers wrote them (e-mail addresses removed). Each links to its visitor’s journey.</p>
    <ol id="comments"></ol>
    <pre id="journey-json" hidden tabindex="0"></pre>
  </section>
  <section id="personas" hidden>
    <h2>Personas</h2>
    <p class="hint">Each visitor of the range under their primary persona (the first of the site’s rules they match, else other). Stage columns: visitors who reached the stage.</p>
    <div class="scroll"><table id="persona-table"></table></div>
  </section>
</main>
</body>
</html>
`;

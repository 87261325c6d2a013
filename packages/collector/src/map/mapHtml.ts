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
    <button type="submit">Draw the map</button>
    <button type="button" id="forget">Forget token</button>
  </form>
</header>
<main>
  <p id="status" role="status">Type the site’s export token and pick a range.</p>
  <section id="summary" hidden></section>
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

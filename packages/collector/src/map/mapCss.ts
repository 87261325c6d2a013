/** Styles of the journey map page (served as /map.css; the CSP allows no inline style). */
export const MAP_CSS = `
:root { --ink: #1d2433; --muted: #5b6475; --line: #d9dee8; --bg: #f6f7fb; --card: #fff;
  --s1: #3867d6; --s2: #4b7bec; --s3: #8854d0; --s4: #20bf6b; --s5: #0fb9b1; --drop: #eb3b5a; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header { background: var(--ink); color: #fff; padding: 14px 24px; }
h1 { margin: 0 0 10px; font-size: 20px; } h1 span { font-weight: 400; color: #b8c2d6; }
form { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: end; }
label { display: flex; flex-direction: column; font-size: 12px; color: #b8c2d6; gap: 3px; }
input, select, button { font: inherit; padding: 6px 8px; border-radius: 6px; border: 1px solid #3b4458; }
input, select { background: #fff; color: var(--ink); }
#token { width: 280px; }
button { background: var(--s1); color: #fff; border-color: var(--s1); cursor: pointer; }
button#forget { background: transparent; border-color: #6b7488; }
main { padding: 16px 24px 40px; max-width: 1280px; }
#status { color: var(--muted); } #status.error { color: var(--drop); font-weight: 600; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px; margin-bottom: 16px; }
h2 { font-size: 15px; margin: 4px 0 8px; } .hint { color: var(--muted); margin: 0 0 8px; font-size: 12px; }
#summary { display: flex; gap: 32px; flex-wrap: wrap; }
.figure b { display: block; font-size: 24px; } .figure span { color: var(--muted); font-size: 12px; }
svg { display: block; width: 100%; }
/* The flow diagram's text keeps its own attributes, so that a saved picture looks the same. */
svg:not(#flow-diagram) text { font: 13px system-ui, sans-serif; fill: var(--ink); }
svg text.big { font-size: 15px; font-weight: 700; fill: #fff; }
svg text.light { fill: #fff; }
svg text.drop { fill: var(--drop); font-weight: 600; }
svg text.muted { fill: var(--muted); font-size: 12px; }
.s1 { fill: var(--s1); } .s2 { fill: var(--s2); } .s3 { fill: var(--s3); } .s4 { fill: var(--s4); } .s5 { fill: var(--s5); }
.bar { fill: var(--s1); } .sub { fill: #a5b8ec; }
.columns { display: grid; grid-template-columns: repeat(5, 1fr); gap: 12px; }
.columns ol { list-style: none; margin: 0; padding: 0; }
.columns h3 { margin: 0 0 6px; font-size: 13px; text-transform: capitalize; }
.columns li { display: flex; justify-content: space-between; border-bottom: 1px dashed var(--line); padding: 2px 0; }
.columns li span { color: var(--muted); }
#side { display: grid; grid-template-columns: 1.2fr 1fr; gap: 24px; }
#carts { display: flex; gap: 24px; margin-bottom: 12px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: right; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th:first-child, td:first-child { text-align: left; text-transform: capitalize; }
.scroll { overflow-x: auto; }
.rating { margin: 0 0 6px; font-size: 12px; color: var(--muted); }
#comments { list-style: none; margin: 0; padding: 0; }
#comments li { border-bottom: 1px solid var(--line); padding: 6px 0; }
#comments blockquote { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
#comments p { margin: 2px 0 0; font-size: 12px; color: var(--muted); }
#comments a { color: #1f4fb5; }
#journey-json { max-height: 320px; overflow: auto; background: var(--bg); padding: 8px; font-size: 12px; }
#persona-table td:first-child { text-transform: none; }
#flows form { margin: 0 0 8px; }
#flows label { color: var(--muted); }
#flows label.inline { flex-direction: row; align-items: center; gap: 6px; }
#flows input, #flows select { border-color: var(--line); }
#flows button { padding: 5px 10px; }
#flows button[aria-pressed=true] { background: var(--ink); border-color: var(--ink); }
#flow-link { align-self: center; color: #1f4fb5; }
#flow-summary { display: flex; gap: 24px; font-weight: 600; } #flow-summary small { font-weight: 400; color: var(--muted); }
#flow-diagram { width: 100%; height: auto; max-width: 1160px; }
#flow-diagram [data-node] { cursor: pointer; outline: none; }
#flow-diagram [data-node]:focus .focus-ring, #flow-diagram [data-node]:hover .focus-ring { visibility: visible; }
#flow-node { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; margin: 8px 0; }
#flow-node dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 8px; }
#flow-node dt { color: var(--muted); } #flow-node dd { margin: 0; }
#flow-node h4 { margin: 6px 0 2px; font-size: 12px; }
#flow-node pre { max-height: 300px; overflow: auto; background: var(--bg); padding: 8px; font-size: 12px; }
#flows caption { text-align: left; font-weight: 600; padding: 10px 0 4px; }
#flows th[scope=row] { text-align: left; font-weight: 400; text-transform: none; }
#flows td:first-child, #flows th:first-child { text-transform: none; }
.pair { display: grid; grid-template-columns: 1.4fr 1fr; gap: 24px; }
.bars { margin: 0 0 12px; } .bars figcaption { font-weight: 600; margin-bottom: 4px; }
.bars ol { list-style: none; margin: 0; padding: 0; }
.bars li { display: grid; grid-template-columns: 120px 1fr 48px; gap: 8px; align-items: center; }
.bars meter { width: 100%; } .bars b { text-align: right; }
#flow-breakdown table { margin-top: 12px; }
#persona-table td small { display: block; color: var(--muted); font-size: 11px; max-width: 280px; }
`;

import type { FlowsReport } from '../../client/flowsReport.ts';
import { clear, duration, el, label, number, percent } from './dom.ts';
import { nodeKey } from './flowDiagram.ts';
import { nodeFriction } from './friction.ts';

const VISITORS_SHOWN = 20;

/**
 * One node opened: its figures, where its visits came from and went, and its visitors (the
 * export's events of that type and stage in the range, with the same filters), each one's
 * journey a click away — fetched with the token, which never goes in a URL, shown as text.
 */
export function drawNodeDetails(target: HTMLElement, report: FlowsReport, key: string, params: URLSearchParams, token: string): void {
  const node = report.nodes.find((n) => nodeKey(n) === key);
  clear(target);
  if (!node) return;
  target.hidden = false;
  target.setAttribute('data-open-node', key);
  target.appendChild(el('h3', { tabindex: -1 }, `${label(node.type)} · ${node.stage}`));
  const facts = el('dl');
  const fact = (name: string, value: string) => {
    facts.appendChild(el('dt', {}, name));
    facts.appendChild(el('dd', { 'data-fact': name }, value));
  };
  fact('visits', number.format(node.visits));
  fact('visitors', number.format(node.visitors));
  fact('share of visits', percent(node.share));
  fact('exits (visits that ended here)', `${number.format(node.exits)} (${percent(node.exit_rate)})`);
  fact('went on', number.format(node.visits - node.exits));
  fact('median time to the next stage', `${duration(node.median_ms_to_next_stage)} (${number.format(node.reached_next_stage)} visits)`);
  const friction = nodeFriction(node);
  if (friction) fact('friction', friction.text);
  target.appendChild(facts);

  const moves = (title: string, list: FlowsReport['links']) => {
    target.appendChild(el('h4', {}, title));
    const ol = target.appendChild(el('ol'));
    if (!list.length) ol.appendChild(el('li', {}, 'none'));
    for (const l of list.slice(0, 5)) ol.appendChild(el('li', {}, `${label(l.from.type)} → ${label(l.to.type)} (${l.direction}): ${number.format(l.visits)} visits`));
  };
  moves('Came from', report.links.filter((l) => nodeKey(l.to) === key).sort((a, b) => b.visits - a.visits));
  moves('Went to', report.links.filter((l) => nodeKey(l.from) === key).sort((a, b) => b.visits - a.visits));

  const button = el('button', { type: 'button', 'data-role': 'load-visitors' }, 'Show its visitors');
  const list = el('ul', { 'data-role': 'visitors' });
  const journey = el('pre', { tabindex: 0, 'data-role': 'journey', hidden: '' });
  button.addEventListener('click', async () => {
    const query = new URLSearchParams({ from: params.get('from')!, to: params.get('to')!, tz: params.get('tz') ?? 'UTC', type: node.type, stage: node.stage, limit: '500' });
    for (const name of ['channel', 'persona', 'device']) if (params.get(name)) query.set(name, params.get(name)!);
    const response = await fetch(`/v1/export?${query}`, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
    const visitors = [...new Set((await response.text()).split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { visitor: string }).visitor))];
    clear(list);
    for (const visitor of visitors.slice(0, VISITORS_SHOWN)) {
      const open = el('button', { type: 'button', 'data-visitor': visitor }, `journey of ${visitor}`);
      open.addEventListener('click', async () => {
        const answer = await fetch(`/v1/reports/journey?visitor=${encodeURIComponent(visitor)}`, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
        journey.textContent = JSON.stringify(await answer.json(), null, 2);
        journey.hidden = false;
        journey.focus();
      });
      list.appendChild(el('li')).appendChild(open);
    }
    if (visitors.length > VISITORS_SHOWN) list.appendChild(el('li', {}, `and ${number.format(visitors.length - VISITORS_SHOWN)} more in the export`));
    (list.querySelector('button') as HTMLButtonElement | null)?.focus();
  });
  target.appendChild(button);
  target.appendChild(list);
  target.appendChild(journey);
}

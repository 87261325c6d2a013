// `pnpm bench:classify` (collector): the cost of classifying one landing's channel, over the
// referrer corpus of src/enrich/referrerCorpus.json (search engines, social networks,
// webmail, referrals) and over referrers no list knows (every index lookup misses), in
// Node on this machine. The host index makes it a handful of Map lookups per landing,
// whatever the size of the imported lists.
import { readFileSync } from 'node:fs';
import { classifyChannel } from '../src/enrich/classifyChannel.ts';

const LANDING = 'https://shop.example/products/blue-shirt';
const corpus = JSON.parse(readFileSync(new URL('../src/enrich/referrerCorpus.json', import.meta.url), 'utf8')).cases;
const unknown = Array.from({ length: 200 }, (_, i) => `https://blog-${i}.news.example${i % 7}.co.uk/posts/${i}`);

function run(label, referrers, landingOf) {
  const rounds = Math.ceil(400_000 / referrers.length);
  for (let i = 0; i < 20_000; i++) classifyChannel(landingOf(i % referrers.length), referrers[i % referrers.length]);
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (let i = 0; i < referrers.length; i++) classifyChannel(landingOf(i), referrers[i]);
  const ns = Number(process.hrtime.bigint() - start) / (rounds * referrers.length);
  console.log(`${label.padEnd(34)} ${String(referrers.length).padStart(5)} referrers  ${ns.toFixed(0).padStart(6)} ns per landing  ${(1e9 / ns / 1e6).toFixed(2)} M landings/s`);
}

console.log('classifyChannel — one landing (URL parse of page and referrer included), Node, one core\n');
run('corpus of real referrers', corpus.map((c) => c.referrer), (i) => corpus[i].landing ?? LANDING);
run('referrers no list knows', unknown, () => LANDING);

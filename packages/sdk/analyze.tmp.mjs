import { rollup } from 'rollup';
import resolve from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { minify } from '/work/main/node_modules/.pnpm/terser@5.51.2/node_modules/terser/main.js';
import zlib from 'node:zlib';
const b = await rollup({ input: 'src/script.ts', plugins: [resolve({ browser: true, extensions: ['.ts', '.js'] }), esbuild({ target: 'es2020' })] });
const { output } = await b.generate({ format: 'iife' });
const mods = Object.entries(output[0].modules);
const codes = [];
for (const [id, m] of mods) { const r = await minify(m.code ?? '', { module: true, compress: false, mangle: { toplevel: true } }).catch(() => ({ code: m.code })); codes.push([id.replace(process.cwd(), '').replace(/.*node_modules/, ''), r.code ?? '']); }
const br = (s) => zlib.brotliCompressSync(Buffer.from(s)).length;
const all = codes.map((c) => c[1]).join('\n');
console.log('total', all.length, br(all));
const rows = codes.map(([id, c], i) => [br(codes.filter((_, j) => j != i).map((x) => x[1]).join('\n')), id, c.length]).map(([b2, id, len]) => [br(all) - b2, id, len]).sort((a, b) => b[0] - a[0]);
for (const r of rows) console.log(r.join('\t'));

import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import dts from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

const plugins = (browser) => [
  resolve({ browser, extensions: ['.ts', '.js'] }),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
];
const compress = { passes: 3, unsafe: true, unsafe_arrows: true, unsafe_methods: true, pure_getters: true };
const minify = terser({ ecma: 2020, compress });

export default [
  // The script tag: everything but web-vitals, minified, one file.
  {
    input: 'src/script.ts',
    output: { file: 'dist/waymark.js', format: 'iife', plugins: [minify] },
    plugins: plugins(true),
  },
  // The web-vitals chunk waymark.js loads when the page is idle, next to it.
  {
    input: 'src/vitals.ts',
    output: { file: 'dist/waymark-vitals.js', format: 'iife', name: 'waymarkVitals', plugins: [minify] },
    plugins: plugins(true),
  },
  // The feedback prompt widget waymark.js loads when a prompt is due, next to it.
  {
    input: 'src/prompt.ts',
    output: { file: 'dist/waymark-prompt.js', format: 'iife', name: 'waymarkPrompt', exports: 'default', plugins: [minify] },
    plugins: plugins(true),
  },
  // The Shopify custom pixel, pasted by the shop into its checkout's Customer events.
  {
    input: 'src/platforms/shopifyPixelScript.ts',
    output: { file: 'dist/waymark-shopify-pixel.js', format: 'iife', plugins: [minify] },
    plugins: plugins(true),
  },
  // npm: ESM, dependencies (nanoid, web-vitals) left to the app's bundler.
  {
    input: 'src/index.ts',
    output: { file: 'dist/index.js', format: 'es' },
    external: ['nanoid', 'web-vitals'],
    plugins: plugins(true),
  },
  // One .d.ts, the schema's types inlined so the package needs no @waymark/schema.
  {
    input: 'src/index.ts',
    output: { file: 'dist/index.d.ts', format: 'es' },
    external: ['web-vitals'],
    plugins: [
      dts({
        respectExternal: true,
        compilerOptions: { allowImportingTsExtensions: true, baseUrl: '.', paths: { '@waymark/schema': ['../schema/src/index.ts'] } },
      }),
    ],
  },
];

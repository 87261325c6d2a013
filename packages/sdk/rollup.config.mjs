import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import dts from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

const plugins = (browser) => [
  resolve({ browser, extensions: ['.ts', '.js'] }),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
];
/** The platform adapters: `src/platforms/<name>.ts`, each exporting the adapter as `<name>`. */
const PLATFORMS = ['shopify', 'woocommerce', 'magento', 'bigcommerce', 'prestashop', 'shopware', 'opencart', 'sfra'];

/** Entries written here rather than as files: one adapter chunk and one full script per platform. */
const virtual = (modules) => ({
  name: 'virtual-entries',
  resolveId: (id) => (id in modules ? id : null),
  load: (id) => modules[id] ?? null,
});
const platform = (name) => new URL(`src/platforms/${name}.ts`, import.meta.url).pathname;
const entries = virtual(
  Object.fromEntries(
    PLATFORMS.flatMap((name) => [
      [`adapter:${name}`, `export { ${name} as default } from '${platform(name)}';`],
      [`script:${name}`, `import { scriptTag } from '${new URL('src/core/scriptTag.ts', import.meta.url).pathname}';\nimport { ${name} } from '${platform(name)}';\nscriptTag(${name});`],
    ]),
  ),
);

const compress = { passes: 3, unsafe: true, unsafe_arrows: true, unsafe_methods: true, pure_getters: true };
const minify = terser({ ecma: 2020, compress });
/**
 * V8's explicit compile hint (Chromium 136+, https://v8.dev/blog/explicit-compile-hints): the
 * script tag runs most of its functions as the page loads, and this first-line comment has
 * them compiled with the script on the streaming thread instead of one by one on the main
 * thread when first called. Other engines read a comment.
 */
const compileHint = { name: 'compile-hint', renderChunk: (code) => '//# allFunctionsCalledOnLoad\n' + code };

export default [
  // The script tag: everything but web-vitals, minified, one file.
  {
    input: 'src/script.ts',
    output: { file: 'dist/waymark.js', format: 'iife', plugins: [minify, compileHint] },
    plugins: plugins(true),
  },
  // One adapter chunk per platform, fetched by waymark.js from next to it when the sniff names it.
  ...PLATFORMS.map((name) => ({
    input: `adapter:${name}`,
    output: { file: `dist/waymark-adapter-${name}.js`, format: 'iife', name: 'waymarkAdapter', exports: 'default', plugins: [minify] },
    plugins: [entries, ...plugins(true)],
  })),
  // waymark.<platform>.js: the script tag with its platform's adapter inline, one request.
  ...PLATFORMS.map((name) => ({
    input: `script:${name}`,
    output: { file: `dist/waymark.${name}.js`, format: 'iife', plugins: [minify, compileHint] },
    plugins: [entries, ...plugins(true)],
  })),
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
  // npm: ESM, minified, dependencies (nanoid, web-vitals) left to the app's bundler; each adapter its
  // own module (`@waymark/sdk/platforms/<name>`), imported by the app or by the sniff.
  {
    input: { index: 'src/index.ts', ...Object.fromEntries(PLATFORMS.map((name) => [`platforms/${name}`, platform(name)])) },
    // Minified as the app's bundler would: SPEC §5's budget counts the entry minified.
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name].js', plugins: [terser({ ecma: 2020, module: true, compress })] },
    external: ['nanoid', 'web-vitals'],
    plugins: plugins(true),
  },
  // One .d.ts, the schema's types inlined so the package needs no @waymark/schema; one per adapter.
  {
    input: { index: 'src/index.ts', ...Object.fromEntries(PLATFORMS.map((name) => [`platforms/${name}`, platform(name)])) },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/[name].d.ts' },
    external: ['web-vitals'],
    plugins: [
      dts({
        respectExternal: true,
        compilerOptions: { allowImportingTsExtensions: true, baseUrl: '.', paths: { '@waymark/schema': ['../schema/src/index.ts'] } },
      }),
    ],
  },
];

import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Builds dist/ before the tests of built files when it is missing or older than src/. */
export default function setup(): void {
  const newest = (dir: string): number =>
    Math.max(...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    }));
  let built = 0;
  try {
    built = Math.min(...['dist/waymark.js', 'dist/waymark-vitals.js', 'dist/waymark-prompt.js', 'dist/waymark-shopify-pixel.js'].map((file) => statSync(file).mtimeMs));
  } catch {}
  if (built < newest('src')) execFileSync('npx', ['rollup', '-c', '--silent'], { stdio: 'inherit' });
}

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PLATFORMS as ADAPTERS } from './adapters.ts';

const SRC = resolve(import.meta.dirname, '../src');
const PLATFORMS = join(SRC, 'platforms');

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
const files = sources(SRC);
const imports = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((match) => resolve(dirname(file), match[1]!));

/** The platforms' names, as their adapters are named, and the names their products go by. */
const PLATFORM_NAMES = new RegExp([...Object.keys(ADAPTERS), 'woo', 'salesforce', 'hydrogen', 'hyv[äa]', 'wordpress'].join('|'), 'i');

describe('the SDK is laid out as SPEC §4 says', () => {
  test('no platform is named outside src/platforms (its knowledge lives in its adapter)', () => {
    const named = files
      .filter((file) => !file.startsWith(PLATFORMS + '/'))
      .flatMap((file) => readFileSync(file, 'utf8').split('\n').map((line, i) => [relative(SRC, file) + ':' + (i + 1), line] as const))
      .filter(([, line]) => PLATFORM_NAMES.test(line))
      .map(([where, line]) => `${where} ${line.trim()}`);
    expect(PLATFORM_NAMES.test('shopify')).toBe(true);
    expect(named).toEqual([]);
  });

  test('no source file is over 200 lines', () => {
    const long = files.filter((file) => readFileSync(file, 'utf8').split('\n').length > 201).map((file) => relative(SRC, file));
    expect(long).toEqual([]);
  });

  test('no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) == 'done') return;
      if (state.get(file) == 'open') return void cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' → '));
      state.set(file, 'open');
      for (const next of imports(file)) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  test('the core and generic capture import no platform adapter (only the sniff, the entries and the loaders do)', () => {
    const entries = ['index.ts', 'init.ts', 'script.ts'].map((name) => join(SRC, name));
    const reaching = files
      .filter((file) => !file.startsWith(PLATFORMS + '/') && !entries.includes(file))
      .filter((file) => imports(file).some((target) => target.startsWith(PLATFORMS + '/') && !target.endsWith('/sniff.ts') && !target.endsWith('/load.ts')))
      .map((file) => relative(SRC, file));
    expect(reaching).toEqual([]);
  });
});

import type { Context } from 'hono';
import { OTHER } from '../personas/personaRules.ts';
import { listParam } from './listParam.ts';

const DEVICES = ['mobile', 'tablet', 'desktop'];

/** `device=mobile,tablet`: the device classes the collector stores. */
export function deviceParam(c: Context): string[] | undefined {
  return listParam(c, 'device', (v) => DEVICES.includes(v), `one or more of ${DEVICES.join(', ')}`);
}

/** `persona=loyal_customer,other`: keys of the site's personas in effect, or `other`. */
export function personaParam(c: Context, keys: readonly string[]): string[] | undefined {
  const known = [...keys, OTHER];
  return listParam(c, 'persona', (v) => known.includes(v), `one or more of the site's personas: ${known.join(', ')}`);
}

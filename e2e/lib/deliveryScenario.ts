import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { deliveryLedger } from './deliveryLedger.ts';
import { waitForEvents, type ExportedEvent } from './exportedEvents.ts';
import type { Stack } from './startStack.ts';

/**
 * One delivery scenario at a time against `stack`: a fresh visitor, then `settle` waits
 * until the expected touchpoints are in D1, prints the ledger (sent, stored, lost,
 * duplicates stored, re-sends) and asserts SPEC §5's measure: nothing lost, nothing
 * stored twice. Re-sends are allowed.
 */
export function deliveryScenarios(stack: () => Stack) {
  let context: BrowserContext | undefined;
  let firstAttempt = 0;
  return {
    /** A new shopper (fresh browser context); `prepare` runs before any of its pages opens. */
    async visitor(prepare?: (context: BrowserContext) => Promise<unknown>): Promise<Page> {
      context = await stack().newVisitor();
      await prepare?.(context);
      firstAttempt = stack().proxy.attempts.length;
      return context.newPage();
    },
    context: () => context!,
    /** This scenario's requests to /v1/collect so far. */
    attempts: () => stack().proxy.attempts.slice(firstAttempt),
    async settle(name: string, visitorId: string, expected: (rows: ExportedEvent[]) => boolean) {
      const mine = (rows: ExportedEvent[]) => rows.filter((r) => r.visitor === visitorId);
      const rows = mine(await waitForEvents(stack().events, (all) => expected(mine(all)), 45_000));
      // Late re-sends, if any, land before the count.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const final = mine(await stack().events());
      const attempts = stack().proxy.attempts.slice(firstAttempt);
      const ledger = deliveryLedger(attempts, visitorId, final);
      const types = final.filter((e) => e.type !== 'web_vitals').map((e) => e.type);
      console.log(
        `[delivery] ${name}: sent ${ledger.sent}, stored ${ledger.stored}, lost ${ledger.lost.length}, duplicates stored ${ledger.duplicatesStored}, re-sends ${ledger.resends}, requests ${ledger.attempts}; touchpoints ${types.join(' ')}`,
      );
      if (ledger.lost.length) console.log(`[delivery] ${name}: lost`, attempts.flatMap((a) => a.events).filter((e) => ledger.lost.includes(e.id)));
      expect(expected(rows)).toBe(true);
      expect(ledger.lost).toEqual([]);
      expect(ledger.duplicatesStored).toBe(0);
      return final;
    },
    async close() {
      stack().proxy.setFault(undefined);
      await context?.close();
      context = undefined;
    },
  };
}

export const count = (rows: ExportedEvent[], type: string) => rows.filter((r) => r.type === type).length;
// The SDK writes its ids once the page is idle or hidden (SPEC §5), not as the script runs.
export const anonOf = async (page: Page) => (await page.waitForFunction(() => localStorage.getItem('wm_a'))).jsonValue() as Promise<string>;

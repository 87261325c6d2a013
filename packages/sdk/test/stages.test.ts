import { STAGES, TOUCHPOINT_STAGE } from '@waymark/schema';
import { expect, test } from 'vitest';
import { STAGE, TOUCHPOINT } from '../src/lib/stages.ts';

test("the SDK's stage and touchpoint patterns match the schema's table", () => {
  for (const stage of STAGES) expect(STAGE.test(stage)).toBe(true);
  for (const type of Object.keys(TOUCHPOINT_STAGE)) expect(TOUCHPOINT.test(type)).toBe(true);
  expect(TOUCHPOINT.test('gift_card_view')).toBe(false);
  expect(STAGE.test('checkout')).toBe(false);
});

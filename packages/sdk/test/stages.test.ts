import { STAGES, TOUCHPOINT_STAGE, validateEvent } from '@waymark/schema';
import { expect, test } from 'vitest';
import { REQUIRED, refused, STAGE, TOUCHPOINT } from '../src/lib/stages.ts';

test("the SDK's stage and touchpoint patterns match the schema's table", () => {
  for (const stage of STAGES) expect(STAGE.test(stage)).toBe(true);
  for (const type of Object.keys(TOUCHPOINT_STAGE)) expect(TOUCHPOINT.test(type)).toBe(true);
  expect(TOUCHPOINT.test('gift_card_view')).toBe(false);
  expect(STAGE.test('checkout')).toBe(false);
});

test("the SDK's table of required props is the collector's", () => {
  const event = (type: string, props: object) => ({ id: 'abcdefgh', type, ts: 1, url: 'https://shop.example/', session: 's_1', props });
  for (const type of Object.keys(TOUCHPOINT_STAGE)) {
    // What the SDK refuses for want of a field, the collector refuses too, and the other way round.
    expect(refused(type, {}), type).toBe(!validateEvent(event(type, {})).ok);
    if (REQUIRED[type]) expect(refused(type, { [REQUIRED[type]]: 1 })).toBe(false);
  }
  expect(refused('gift_card_view', {})).toBe(true);
  expect(refused('gift_card_view', {}, 'consideration')).toBe(false);
});

import { describe, expect, it } from 'vitest';
import { isBoxElement, isElement, type Element } from '@threatloom/core';
import { applyChecked, MODEL_SKETCH, stateOf } from '../model/records.test-helper';
import { PALETTE, placeNewElement } from './element-factory';

const VIEW = { x: 0, y: 0, width: 1200, height: 800 };
const elementsOf = (records: ReturnType<typeof stateOf>) => [...records.values()].filter(isElement);
const apart = (a: Element, b: Element) =>
  isBoxElement(a) &&
  isBoxElement(b) &&
  (a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y);

describe('placeNewElement', () => {
  it('every palette kind makes a record core accepts, centred in an empty view (to the 10 px grid)', () => {
    for (const { kind } of PALETTE) {
      const records = stateOf(MODEL_SKETCH);
      const record = placeNewElement(kind, 'd', VIEW, []);
      applyChecked(records, { type: 'put', record });
      const placed = records.get(record.id)!;
      expect(placed.typeName).toBe(kind);
      if (isBoxElement(placed)) {
        expect(Math.abs(placed.x + placed.width / 2 - 600)).toBeLessThanOrEqual(5);
        expect(Math.abs(placed.y + placed.height / 2 - 400)).toBeLessThanOrEqual(5);
      }
    }
  });

  it('three processes in a row land side by side, not on top of each other', () => {
    const records = stateOf(MODEL_SKETCH);
    for (let i = 0; i < 3; i++)
      applyChecked(records, {
        type: 'put',
        record: placeNewElement('process', 'd', VIEW, elementsOf(records)),
      });
    const [a, b, c] = elementsOf(records);
    expect(apart(a!, b!) && apart(b!, c!) && apart(a!, c!)).toBe(true);
  });

  it('a process may go inside a trust boundary box; a new boundary box avoids everything', () => {
    const records = stateOf(MODEL_SKETCH);
    const zone = placeNewElement('boundary', 'd', VIEW, []);
    applyChecked(records, { type: 'put', record: zone });
    const inZone = placeNewElement('process', 'd', VIEW, elementsOf(records));
    expect(apart(inZone, zone)).toBe(false);
    applyChecked(records, { type: 'put', record: inZone });
    const second = placeNewElement('boundary', 'd', VIEW, elementsOf(records));
    expect(apart(second, zone) && apart(second, inZone)).toBe(true);
  });
});

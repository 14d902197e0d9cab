import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNativeDocument, toNativeDocument } from '../model/document';
import { tdExpressibleModel } from './arbitrary-model.test-helper';

describe('tdExpressibleModel', () => {
  it('generates valid native models', () => {
    fc.assert(
      fc.property(tdExpressibleModel, (records) => {
        expect(() => parseNativeDocument(toNativeDocument(records))).not.toThrow();
      }),
      { numRuns: 50 },
    );
  });
});

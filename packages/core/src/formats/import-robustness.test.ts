import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNativeDocument, toNativeDocument } from '../model/document';
import { ValidationError } from '../model/errors';
import { exportOtm } from './otm/export-otm';
import { threatDragonFixtures } from '../../../../test-support/fixtures.test-helper';
import { importModel } from './import-model';
import { importThreatDragon } from './threat-dragon/import-threat-dragon';

type Json = unknown;

/** Every path to a node of a JSON value. */
function paths(
  value: Json,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function replaceAt(value: Json, path: (string | number)[], replacement: Json): Json {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path[path.length - 1]!] = replacement;
  return copy;
}

/** Imports must either succeed with a valid model or throw a ValidationError: never crash on a TypeError. */
function importsOrRejects(json: Json): void {
  try {
    const { records } = importModel(json);
    expect(() => parseNativeDocument(toNativeDocument(records))).not.toThrow();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
  }
}

const sources = [
  ...threatDragonFixtures()
    .filter((f) => /v2-threat-model|demo-threat-model|test-reports/.test(f.name))
    .map((f) => f.json),
];
sources.push(exportOtm(importThreatDragon(sources[0]).records));

describe('imports of damaged files', () => {
  it(
    'property: any one value replaced anywhere gives a valid model or a ValidationError',
    { timeout: 60_000 },
    () => {
      const damaged = fc
        .constantFrom(...sources)
        .chain((src) =>
          fc.tuple(fc.constant(src), fc.constantFrom(...paths(src)), fc.jsonValue({ maxDepth: 2 })),
        )
        .map(([src, path, value]) => replaceAt(src, path, value));
      fc.assert(fc.property(damaged, importsOrRejects), { numRuns: 150 });
    },
  );

  it(
    'property: a node deleted anywhere gives a valid model or a ValidationError',
    { timeout: 60_000 },
    () => {
      const damaged = fc
        .constantFrom(...sources)
        .chain((src) =>
          fc.tuple(fc.constant(src), fc.constantFrom(...paths(src).filter((p) => p.length > 0))),
        )
        .map(([src, path]) => {
          const copy = structuredClone(src) as Record<string | number, Json>;
          let node = copy;
          for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
          const last = path[path.length - 1]!;
          if (Array.isArray(node)) node.splice(last as number, 1);
          else delete node[last];
          return copy;
        });
      fc.assert(fc.property(damaged, importsOrRejects), { numRuns: 150 });
    },
  );
});

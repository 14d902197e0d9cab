import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateThreats, importModel, type ModelRecord } from '../../packages/core/src/index';

/**
 * Suggestions per in-scope element and coverage of the human-written threats (same element,
 * same category) on every shared Threat Dragon fixture: the issue 11 targets are at most 6
 * suggestions per element and at least 95% coverage.
 *   pnpm bench:fixtures [--misses]
 */
const dir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/fixtures/threat-dragon',
);
const showMisses = process.argv.includes('--misses');
const showCrowded = process.argv.includes('--crowded');
const TARGETS = new Set(['actor', 'process', 'store', 'flow']);

let humanAll = 0;
let coveredAll = 0;
let suggestionsAll = 0;
let elementsAll = 0;
let worst = 0;
console.log(
  '| fixture | in-scope elements | suggestions | per element | most on one element | human threats | suggested |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const name of (readdirSync(dir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const { records } = importModel(JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
  const suggestions = generateThreats(records);
  const inScope = new Map(
    records.flatMap((r: ModelRecord) =>
      TARGETS.has(r.typeName) && !(r as { outOfScope: boolean }).outOfScope ? [[r.id, r]] : [],
    ),
  );
  const human = records.filter((r) => r.typeName === 'threat' && inScope.has(r.elementId));
  const perElement = new Map<string, number>();
  for (const s of suggestions) perElement.set(s.elementId, (perElement.get(s.elementId) ?? 0) + 1);
  let covered = 0;
  for (const t of human) {
    if (t.typeName !== 'threat') continue;
    if (suggestions.some((s) => s.elementId === t.elementId && s.category === t.category))
      covered += 1;
    else if (showMisses)
      console.log(
        `  miss: ${name} ${(inScope.get(t.elementId) as { name: string }).name.replace(/\n/g, ' ')}: ${t.category} "${t.title}"`,
      );
  }
  if (showCrowded)
    for (const [id, n] of perElement)
      if (n > 6)
        console.log(
          `  crowded: ${name} ${(inScope.get(id) as { name: string }).name.replace(/\n/g, ' ')} (${n}): ${suggestions
            .filter((s) => s.elementId === id)
            .map((s) => s.ruleId)
            .join(' ')}`,
        );
  const most = Math.max(0, ...perElement.values());
  worst = Math.max(worst, most);
  humanAll += human.length;
  coveredAll += covered;
  suggestionsAll += suggestions.length;
  elementsAll += inScope.size;
  console.log(
    `| ${name} | ${inScope.size} | ${suggestions.length} | ${(suggestions.length / Math.max(1, inScope.size)).toFixed(2)} | ${most} | ${human.length} | ${covered} |`,
  );
}
console.log(
  `| all | ${elementsAll} | ${suggestionsAll} | ${(suggestionsAll / elementsAll).toFixed(2)} | ${worst} | ${humanAll} | ${coveredAll} (${((100 * coveredAll) / humanAll).toFixed(1)}%) |`,
);
console.log(
  JSON.stringify({
    elements: elementsAll,
    suggestions: suggestionsAll,
    perElement: suggestionsAll / elementsAll,
    mostOnOneElement: worst,
    human: humanAll,
    covered: coveredAll,
  }),
);

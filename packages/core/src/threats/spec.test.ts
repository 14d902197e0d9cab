import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderRuleSpec } from './describe';
import { PACKS, RULES } from './packs';

const SPEC = fileURLToPath(new URL('../../SPEC.md', import.meta.url));
const HEADING = '# Threat rules';

/** The `# Threat rules` section of SPEC.md and what surrounds it (other sections, such as `# Sync rules`, are left alone). */
function split(text: string): { before: string; section: string; after: string } {
  const start = text.indexOf(HEADING);
  if (start < 0) return { before: text, section: '', after: '' };
  const next = text.slice(start + HEADING.length).search(/^# /m);
  const end = next < 0 ? text.length : start + HEADING.length + next;
  return { before: text.slice(0, start), section: text.slice(start, end), after: text.slice(end) };
}

describe('SPEC.md', () => {
  const expected = renderRuleSpec(RULES, PACKS) + '\n';

  if (process.env.UPDATE_SPEC === '1') {
    const current = existsSync(SPEC) ? readFileSync(SPEC, 'utf8') : '';
    const { before, after } = split(current);
    // the section already ends with a blank line before the next heading
    writeFileSync(SPEC, before + expected + after);
  }

  it('lists exactly the ids of RULES', () => {
    const { section } = split(readFileSync(SPEC, 'utf8'));
    const ids = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(ids.sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it("states every rule's current condition (regenerate with UPDATE_SPEC=1)", () => {
    expect(split(readFileSync(SPEC, 'utf8')).section).toBe(expected);
  });

  it('every rule id is unique, every superseded id exists, and every pack is listed', () => {
    const ids = new Set(RULES.map((r) => r.id));
    expect(ids.size).toBe(RULES.length);
    for (const r of RULES)
      for (const id of r.supersedes) expect(ids.has(id), `${r.id} supersedes ${id}`).toBe(true);
    expect([...new Set(RULES.map((r) => r.pack))].sort()).toEqual([...PACKS].sort());
  });
});

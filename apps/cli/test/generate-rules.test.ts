import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseNativeDocument, type Threat } from '@threatloom/core';
import { describe, expect, it } from 'vitest';
import { tempDir, threatloom } from './run-cli';
import { writeNativeModel } from './sample-model';

const webAppRule = {
  id: 'acme.web-app-session',
  pack: 'acme',
  methodology: 'stride',
  category: 'spoofing',
  targets: ['process'],
  condition: { prop: 'name', contains: ['web'] },
  title: 'ACME: web sessions must be bound to the device',
  description: 'ACME standard 4.2 requires device-bound session tokens for customer-facing apps.',
  mitigations: [
    { title: 'Bind sessions', description: 'Use DPoP or token binding for session tokens.' },
  ],
  severity: 'high',
};

describe('threatloom generate --rules', { timeout: 60_000 }, () => {
  it('runs organisation rules beside the built-in ones, on the elements their condition matches', async () => {
    const dir = tempDir();
    writeNativeModel(dir);
    writeFileSync(path.join(dir, 'rules.json'), JSON.stringify({ rules: [webAppRule] }));
    const result = await threatloom(['generate', 'model.json', '--rules', 'rules.json'], {
      cwd: dir,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const threats = parseNativeDocument(JSON.parse(result.stdout)).records.filter(
      (r): r is Threat => r.typeName === 'threat',
    );
    const org = threats.filter((t) => t.ruleId === 'acme.web-app-session');
    // "Web app" (p1) matches; the actor and the flow do not.
    expect(org.map((t) => t.elementId)).toEqual(['p1']);
    expect(org[0]).toMatchObject({ title: webAppRule.title, severity: 'high' });
    // Built-in rules still ran.
    expect(threats.some((t) => t.ruleId?.startsWith('stride.'))).toBe(true);
  });

  it('refuses a malformed rules file in one line naming the file and the JSON path, writing nothing', async () => {
    const dir = tempDir();
    writeNativeModel(dir);
    const bad = { ...webAppRule, condition: { prop: 'colour', equals: 'red' } };
    writeFileSync(
      path.join(dir, 'rules.json'),
      JSON.stringify({ rules: [webAppRule, { ...bad, id: 'acme.b' }] }),
    );
    const result = await threatloom(
      ['generate', 'model.json', '--rules', 'rules.json', '-o', 'out.json'],
      { cwd: dir },
    );
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: rules\.json: .* at rules\[1\]\.condition/);
    expect(existsSync(path.join(dir, 'out.json'))).toBe(false);
  });

  it('refuses a rule that reuses a built-in id', async () => {
    const dir = tempDir();
    writeNativeModel(dir);
    writeFileSync(
      path.join(dir, 'rules.json'),
      JSON.stringify({ rules: [{ ...webAppRule, id: 'stride.process.spoofing' }] }),
    );
    const result = await threatloom(['generate', 'model.json', '--rules', 'rules.json'], {
      cwd: dir,
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toBe(
      "error: rules.json: rule id stride.process.spoofing is a built-in rule's at rules[0].id\n",
    );
  });
});

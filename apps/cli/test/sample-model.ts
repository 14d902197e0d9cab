import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** Records of a small native model (as a user would write them: defaults left out). */
export function sampleRecords(): Record<string, unknown>[] {
  return [
    { id: 'm1', typeName: 'model', title: 'Shop' },
    { id: 'd1', typeName: 'diagram', title: 'Checkout' },
    { id: 'a1', typeName: 'actor', diagramId: 'd1', name: 'Customer' },
    { id: 'p1', typeName: 'process', diagramId: 'd1', name: 'Web app' },
    { id: 'f1', typeName: 'flow', diagramId: 'd1', sourceId: 'a1', targetId: 'p1', name: 'order' },
    {
      id: 't1',
      typeName: 'threat',
      diagramId: 'd1',
      elementId: 'p1',
      category: 'spoofing',
      title: 'Fake session',
      status: 'mitigated',
    },
  ];
}

/** Writes a native model file to `dir/name`; `mutate` may break it for failure cases. */
export function writeNativeModel(
  dir: string,
  mutate: (records: Record<string, unknown>[]) => void = () => {},
  name = 'model.json',
): string {
  const records = sampleRecords();
  mutate(records);
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ format: 'threatloom', version: 1, records }));
  return file;
}

import {
  isElement,
  newId,
  newMitigation,
  newThreat,
  nextThreatNumber,
  ZLibraryEntry,
  type LibraryEntry,
  type Mitigation,
  type Threat,
} from '@threatloom/core';
import type { Prisma } from '../../db/generated/client';
import type { AuthUser } from '../../auth/types';
import type { Db } from '../../db/open-database';
import { AppError, notFound } from '../app-error';
import { getModel } from '../models/get-model';
import { commitOps, type PublishCommit } from '../ops/commit-ops';

/** The organisation's reusable threats, by title. */
export async function listLibrary(options: { db: Db }): Promise<LibraryEntry[]> {
  const rows = await options.db.libraryEntry.findMany({
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
    select: { data: true },
  });
  return rows.map((r) => r.data as unknown as LibraryEntry);
}

/** Adds an entry (validated by core's `ZLibraryEntry`; `id` generated when absent). */
export async function createLibraryEntry(options: {
  db: Db;
  user: AuthUser;
  body: Record<string, unknown>;
}): Promise<LibraryEntry> {
  const parsed = ZLibraryEntry.safeParse({ ...options.body, id: options.body.id ?? newId() });
  if (!parsed.success)
    throw new AppError('validation_failed', 'invalid library entry', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  const entry = parsed.data;
  if (await options.db.libraryEntry.findUnique({ where: { id: entry.id }, select: { id: true } }))
    throw new AppError('exists', `library entry ${entry.id} exists`);
  await options.db.libraryEntry.create({
    data: {
      id: entry.id,
      title: entry.title,
      category: entry.category,
      data: entry as unknown as Prisma.InputJsonValue,
      createdBy: options.user.id,
    },
  });
  return entry;
}

/** Deletes an entry: its author or an instance admin. Threats applied from it stay. */
export async function deleteLibraryEntry(options: {
  db: Db;
  user: AuthUser;
  id: string;
}): Promise<void> {
  const row = await options.db.libraryEntry.findUnique({
    where: { id: options.id },
    select: { createdBy: true },
  });
  if (!row) throw notFound('library entry');
  if (row.createdBy !== options.user.id && !options.user.isAdmin)
    throw new AppError('forbidden', 'only its author or an admin can delete a library entry');
  await options.db.libraryEntry.delete({ where: { id: options.id } });
}

/** Applies a library entry to an element of a model: one threat (numbered after the highest) and its mitigations, in one commit. */
export async function applyLibraryEntry(options: {
  db: Db;
  modelId: string;
  actor: string;
  entryId: string;
  elementId: string;
  publish: PublishCommit;
}): Promise<{ threat: Threat; mitigations: Mitigation[] }> {
  const { db, modelId, actor, publish } = options;
  const row = await db.libraryEntry.findUnique({
    where: { id: options.entryId },
    select: { data: true },
  });
  if (!row) throw notFound('library entry');
  const entry = row.data as unknown as LibraryEntry;
  const { records } = await getModel({ db, modelId, role: 'viewer' });
  const element = records.find((r) => r.id === options.elementId);
  if (!element || !isElement(element)) throw notFound('element');
  const threatId = newId();
  const mitigations: Mitigation[] = entry.mitigations.map((m) =>
    newMitigation({ id: newId(), threatId, title: m.title, description: m.description }),
  );
  let threat: Threat | undefined;
  await commitOps({
    db,
    modelId,
    actor,
    atomic: true,
    publish,
    // Numbered from the state under the model lock: two applies at once get two numbers.
    ops: (state) => {
      threat = newThreat({
        id: threatId,
        diagramId: element.diagramId,
        elementId: element.id,
        number: nextThreatNumber(state.values()),
        title: entry.title,
        category: entry.category,
        severity: entry.severity,
        description: entry.description,
        libraryEntryId: entry.id,
        references: entry.references,
      });
      return [threat, ...mitigations].map((record) => ({
        opId: newId(),
        op: { type: 'put', record },
      }));
    },
  });
  return { threat: threat!, mitigations };
}

import {
  SEVERITIES,
  THREAT_STATUSES,
  type ExportWarning,
  type Role,
  type Severity,
  type ThreatStatus,
} from '@threatloom/core';
import { api, ApiError, request } from './http';

/** One row of `GET /api/models`. Extra fields the server adds are kept. */
export interface ModelSummary {
  id: string;
  title: string;
  role?: Role;
  updatedAt?: string;
  reviewState?: string;
  [key: string]: unknown;
}

type SeverityCounts = Record<Severity, number>;

/**
 * Open threats by severity from a list row. The list reports counts by status
 * and severity; this accepts `{counts:{open:{high:1}}}`, `{openBySeverity:{…}}`
 * and `{threats:{open:{…}}}` so the dashboard reads whichever the server sends.
 */
export function openCounts(m: ModelSummary): SeverityCounts {
  const pick = (v: unknown): Record<string, unknown> | undefined =>
    v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  const source =
    pick(pick(m.counts)?.open) ??
    pick(m.openBySeverity) ??
    pick(pick(m.threats)?.open) ??
    pick(pick(m.threatCounts)?.open) ??
    {};
  const out = {} as SeverityCounts;
  for (const s of SEVERITIES) out[s] = typeof source[s] === 'number' ? (source[s] as number) : 0;
  return out;
}

function listOf<T>(body: unknown, key: string): T[] {
  if (Array.isArray(body)) return body as T[];
  const inner =
    (body as Record<string, unknown> | null)?.[key] ??
    (body as Record<string, unknown> | null)?.items;
  return Array.isArray(inner) ? (inner as T[]) : [];
}

function one<T>(body: unknown, key: string): T {
  const inner = (body as Record<string, unknown> | null)?.[key];
  return (inner && typeof inner === 'object' ? inner : body) as T;
}

export async function listModels(): Promise<ModelSummary[]> {
  return listOf<ModelSummary>(await api('GET', '/api/models'), 'models');
}

/**
 * A model's summary row (title, your role) from the list: `GET /api/models/:id`
 * also returns every record, which the socket's snapshot already brings.
 */
export async function getModelSummary(id: string): Promise<ModelSummary> {
  const found = (await listModels()).find((m) => m.id === id);
  if (!found)
    throw new ApiError(404, 'not_found', 'This model does not exist or is not shared with you.');
  return found;
}

export async function createModel(title: string): Promise<ModelSummary> {
  return one<ModelSummary>(await api('POST', '/api/models', { title }), 'model');
}

/** Imports a file's JSON text (native or Threat Dragon; the server detects which). */
export async function importModel(jsonText: string): Promise<ModelSummary> {
  return one<ModelSummary>(
    await api('POST', '/api/models/import', undefined, { rawJson: jsonText }),
    'model',
  );
}

export async function deleteModel(id: string): Promise<void> {
  await api('DELETE', `/api/models/${encodeURIComponent(id)}`);
}

/** Export formats the menu offers; the server answers 400 for those it lacks. */
export const EXPORT_FORMATS = [
  { key: 'native', label: 'Threatloom JSON', ext: 'threatloom.json' },
  { key: 'threat-dragon', label: 'Threat Dragon JSON', ext: 'threat-dragon.json' },
  { key: 'otm', label: 'Open Threat Model (OTM)', ext: 'otm.json' },
  { key: 'markdown', label: 'Markdown report', ext: 'md' },
  { key: 'csv', label: 'CSV of threats', ext: 'csv' },
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number]['key'];

export function exportUrl(id: string, format: ExportFormat): string {
  return `/api/models/${encodeURIComponent(id)}/export?format=${format}`;
}

/** What the PDF report shows: the query of `GET /api/models/:id/report.pdf`. */
export interface ReportChoices {
  /** Elements marked out of scope (with their reason). */
  outOfScope: boolean;
  /** Threats whose status is mitigated. */
  mitigated: boolean;
  /** Elements with no (remaining) threats. */
  empty: boolean;
  /** Each element's properties. */
  properties: boolean;
  /** A page per diagram. */
  diagrams: boolean;
  /** Threats of these severities only (all: no filter). */
  severities: Severity[];
  /** Threats of these statuses only (all: no filter). */
  statuses: ThreatStatus[];
}

/** The server's defaults (`ZReportOptions` in packages/report). */
export const DEFAULT_REPORT_CHOICES: ReportChoices = {
  outOfScope: true,
  mitigated: true,
  empty: false,
  properties: false,
  diagrams: true,
  severities: [...SEVERITIES],
  statuses: [...THREAT_STATUSES],
};

/** The report's URL; only choices that differ from the server's defaults go into the query. */
export function reportUrl(id: string, choices: ReportChoices = DEFAULT_REPORT_CHOICES): string {
  const q = new URLSearchParams();
  for (const flag of ['outOfScope', 'mitigated', 'empty', 'properties', 'diagrams'] as const)
    if (choices[flag] !== DEFAULT_REPORT_CHOICES[flag]) q.set(flag, String(choices[flag]));
  if (choices.severities.length < SEVERITIES.length)
    q.set('severity', SEVERITIES.filter((s) => choices.severities.includes(s)).join(','));
  if (choices.statuses.length < THREAT_STATUSES.length)
    q.set('status', THREAT_STATUSES.filter((s) => choices.statuses.includes(s)).join(','));
  const query = q.toString();
  return `/api/models/${encodeURIComponent(id)}/report.pdf${query ? `?${query}` : ''}`;
}

/** What exporting to `format` would lose: `GET /api/models/:id/export/warnings`. */
export async function exportWarnings(id: string, format: ExportFormat): Promise<ExportWarning[]> {
  const body = await api<{ warnings?: ExportWarning[] }>(
    'GET',
    `/api/models/${encodeURIComponent(id)}/export/warnings?format=${format}`,
  );
  return body?.warnings ?? [];
}

/** A copy of a model (the server titles it "Copy of …"). */
export async function duplicateModel(id: string): Promise<ModelSummary> {
  return one<ModelSummary>(
    await api('POST', `/api/models/${encodeURIComponent(id)}/duplicate`),
    'model',
  );
}

export interface Member {
  userId: string;
  email: string;
  name?: string | null;
  role: Role;
}

function memberOf(raw: Record<string, unknown>): Member {
  const user = (raw.user as Record<string, unknown> | undefined) ?? {};
  return {
    userId: String(raw.userId ?? user.id ?? raw.id ?? ''),
    email: String(raw.email ?? user.email ?? ''),
    name: (raw.name ?? user.name ?? null) as string | null,
    role: raw.role as Role,
  };
}

export async function listMembers(modelId: string): Promise<Member[]> {
  return listOf<Record<string, unknown>>(
    await api('GET', `/api/models/${encodeURIComponent(modelId)}/members`),
    'members',
  ).map(memberOf);
}

/** What sharing did: a member's role changed, or an invitation was made (for any other address). */
export type ShareOutcome =
  | { kind: 'member' }
  | { kind: 'invitation'; link: string; emailed: boolean; invitation: Invitation };

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  state: 'pending' | 'expired';
}

export async function addMember(modelId: string, email: string, role: Role): Promise<ShareOutcome> {
  const res = await request('POST', `/api/models/${encodeURIComponent(modelId)}/members`, {
    email,
    role,
  });
  const body = (await res.json()) as {
    link?: string;
    emailed?: boolean;
    invitation?: Invitation;
  };
  if (res.status === 202 && body.link && body.invitation)
    return {
      kind: 'invitation',
      link: body.link,
      emailed: body.emailed === true,
      invitation: body.invitation,
    };
  return { kind: 'member' };
}

export async function listInvitations(modelId: string): Promise<Invitation[]> {
  return listOf<Invitation>(
    await api('GET', `/api/models/${encodeURIComponent(modelId)}/invitations`),
    'invitations',
  );
}

export async function revokeInvitation(modelId: string, invitationId: string): Promise<void> {
  await api(
    'DELETE',
    `/api/models/${encodeURIComponent(modelId)}/invitations/${encodeURIComponent(invitationId)}`,
  );
}

/** What an invitation link shows before anyone signs in. */
export interface InvitationPreview {
  modelTitle: string;
  role: Role;
  inviterName: string;
}

export async function previewInvitation(token: string): Promise<InvitationPreview> {
  return api('GET', `/api/invitations/${encodeURIComponent(token)}`);
}

export async function acceptInvitation(token: string): Promise<{ modelId: string; role: Role }> {
  return api('POST', `/api/invitations/${encodeURIComponent(token)}/accept`);
}

export async function changeMemberRole(modelId: string, userId: string, role: Role): Promise<void> {
  await api(
    'PATCH',
    `/api/models/${encodeURIComponent(modelId)}/members/${encodeURIComponent(userId)}`,
    { role },
  );
}

export async function removeMember(modelId: string, userId: string): Promise<void> {
  await api(
    'DELETE',
    `/api/models/${encodeURIComponent(modelId)}/members/${encodeURIComponent(userId)}`,
  );
}

import { ZLibraryEntry, ZModelRecord, ZOp } from '@threatloom/core';
import { z } from 'zod';
import { RECORD_KINDS } from '../services/records/record-kinds';
import {
  ZApplyLibraryEntry,
  ZCreateModel,
  ZCreateToken,
  ZConfirm,
  ZCredentials,
  ZRevokeToken,
  ZErrorBody,
  ZFieldsBody,
  ZGenerate,
  ZLogin,
  ZPatchModel,
  ZRecordBody,
  ZRuleFile,
  ZSaveRule,
  ZSetRole,
  ZShare,
} from './schemas';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Route {
  method: Method;
  path: string;
  summary: string;
  body?: z.ZodType;
  status?: number;
  query?: Record<string, string>;
  public?: boolean;
}

const routes: Route[] = [
  {
    method: 'post',
    path: '/api/auth/register',
    summary:
      'Create an account: the first one (admin) gets 201 and the session cookie; any later one 202 with the same answer for taken and free addresses (sign in next, or confirm by e-mail when the server sends mail); `invitation` joins its model',
    body: ZCredentials,
    status: 202,
    public: true,
  },
  {
    method: 'post',
    path: '/api/auth/confirm',
    summary: 'Follow an e-mail confirmation link: creates the account, signs in (201)',
    body: ZConfirm,
    status: 201,
    public: true,
  },
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in; sets the session cookie and a new tl_csrf cookie',
    body: ZLogin,
    public: true,
  },
  { method: 'post', path: '/api/auth/logout', summary: 'End the session', status: 204 },
  {
    method: 'get',
    path: '/api/auth/me',
    summary: 'The signed-in user; { user: null } when signed out',
    public: true,
  },
  { method: 'get', path: '/api/tokens', summary: 'Your personal API tokens' },
  {
    method: 'post',
    path: '/api/tokens',
    summary: 'Issue a personal API token (the secret is shown once)',
    body: ZCreateToken,
    status: 201,
  },
  { method: 'delete', path: '/api/tokens/{tokenId}', summary: 'Revoke a token', status: 204 },
  {
    method: 'delete',
    path: '/api/tokens',
    summary: 'Revoke a token named in the body',
    body: ZRevokeToken,
    status: 204,
  },
  {
    method: 'get',
    path: '/api/models',
    summary: 'Your models with open and mitigated threat counts by severity',
  },
  {
    method: 'post',
    path: '/api/models',
    summary: 'Create a model with one diagram',
    body: ZCreateModel,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/models/import',
    summary: 'Import a model file (its JSON as the body, up to 5 MB)',
    body: z.unknown(),
    status: 201,
  },
  {
    method: 'get',
    path: '/api/models/{id}',
    summary: 'A model with all its records, its seq and your role',
  },
  {
    method: 'patch',
    path: '/api/models/{id}',
    summary: 'Change fields of the model record (editor)',
    body: ZPatchModel,
  },
  { method: 'delete', path: '/api/models/{id}', summary: 'Delete a model (owner)', status: 204 },
  {
    method: 'post',
    path: '/api/models/{id}/duplicate',
    summary: 'Copy a model you can read',
    status: 201,
  },
  {
    method: 'get',
    path: '/api/models/{id}/export',
    summary: 'Download the model as a file',
    query: { format: 'native' },
  },
  {
    method: 'get',
    path: '/api/models/{id}/export/warnings',
    summary:
      'What exporting to the format leaves out or keeps only as text: { format, warnings: [{ path, message, recordId, field, kind }] }',
    query: { format: 'an export format, as for /export (default native)' },
  },
  {
    method: 'get',
    path: '/api/models/{id}/report.pdf',
    summary: 'The PDF report (application/pdf attachment)',
    query: {
      outOfScope: 'true|false, default true',
      mitigated: 'true|false, default true',
      empty: 'true|false, default false',
      properties: 'true|false, default false',
      diagrams: 'true|false, default true',
      severity: 'comma-separated severities to keep',
      status: 'comma-separated statuses to keep',
    },
  },
  {
    method: 'post',
    path: '/api/models/{id}/generate',
    summary: 'Add suggested threats for an element, a diagram or the model (editor)',
    body: ZGenerate,
  },
  {
    method: 'post',
    path: '/api/models/{id}/suggestions',
    summary: 'Suggested threats, not committed',
    body: ZGenerate,
  },
  { method: 'get', path: '/api/library', summary: "The organisation's threat library" },
  {
    method: 'post',
    path: '/api/library',
    summary: 'Add a library entry (core LibraryEntry; id optional)',
    body: ZLibraryEntry.partial({ id: true }),
    status: 201,
  },
  {
    method: 'delete',
    path: '/api/library/{entryId}',
    summary: 'Delete a library entry (its author or an admin)',
    status: 204,
  },
  {
    method: 'post',
    path: '/api/models/{id}/library/{entryId}/apply',
    summary: 'Add a library entry as a threat of an element (editor)',
    body: ZApplyLibraryEntry,
    status: 201,
  },
  { method: 'get', path: '/api/rules', summary: "The organisation's threat rules" },
  {
    method: 'post',
    path: '/api/rules',
    summary: 'Add or replace an organisation rule (admin; { rule, enabled? })',
    body: ZSaveRule,
    status: 201,
  },
  {
    method: 'put',
    path: '/api/rules/{ruleId}',
    summary: 'Replace an organisation rule or switch it on or off (admin)',
    body: ZSaveRule,
  },
  { method: 'delete', path: '/api/rules/{ruleId}', summary: 'Delete a rule (admin)', status: 204 },
  { method: 'get', path: '/api/rules/export', summary: 'Every rule as a rules file { rules }' },
  {
    method: 'post',
    path: '/api/rules/import',
    summary: 'Import a rules file { rules } (admin; all or nothing)',
    body: ZRuleFile,
  },
  {
    method: 'get',
    path: '/api/models/{id}/history',
    summary: 'The op log, oldest first, paged',
    query: { after: 'seq to start after (default 0)', limit: '1-1000 (default 100)' },
  },
  { method: 'get', path: '/api/models/{id}/members', summary: 'Members and their roles' },
  {
    method: 'post',
    path: '/api/models/{id}/members',
    summary:
      "Share with an address (owner): 202 invitation for any non-member, whether or not it has an account; 200 a member's new role",
    body: ZShare,
    status: 202,
  },
  {
    method: 'get',
    path: '/api/models/{id}/invitations',
    summary: 'Invitations nobody has used yet (owner)',
  },
  {
    method: 'post',
    path: '/api/models/{id}/invitations',
    summary: 'Invite an address (owner); the same as POST /members',
    body: ZShare,
    status: 202,
  },
  {
    method: 'delete',
    path: '/api/models/{id}/invitations/{invitationId}',
    summary: 'Revoke an invitation (owner)',
    status: 204,
  },
  {
    method: 'get',
    path: '/api/invitations/{token}',
    summary: "An invitation link's preview: model title, role, inviter's name",
    public: true,
  },
  {
    method: 'post',
    path: '/api/invitations/{token}/accept',
    summary: 'Join the model with the invitation (single use)',
  },
  {
    method: 'patch',
    path: '/api/models/{id}/members/{userId}',
    summary: "Change a member's role (owner)",
    body: ZSetRole,
  },
  {
    method: 'delete',
    path: '/api/models/{id}/members/{userId}',
    summary: 'Remove a member (owner) or leave',
    status: 204,
  },
  ...Object.keys(RECORD_KINDS).flatMap((kind): Route[] => [
    { method: 'get', path: `/api/models/{id}/${kind}`, summary: `List ${kind}` },
    {
      method: 'post',
      path: `/api/models/{id}/${kind}`,
      summary: `Create one of the ${kind} (fields of the core record; id optional)`,
      body: ZRecordBody,
      status: 201,
    },
    { method: 'get', path: `/api/models/{id}/${kind}/{recordId}`, summary: `One of the ${kind}` },
    {
      method: 'patch',
      path: `/api/models/{id}/${kind}/{recordId}`,
      summary: `Set fields of one of the ${kind}`,
      body: ZFieldsBody,
    },
    {
      method: 'delete',
      path: `/api/models/{id}/${kind}/{recordId}`,
      summary: `Delete one of the ${kind} with what depends on it`,
      status: 204,
    },
  ]),
];

const schema = (s: z.ZodType) =>
  z.toJSONSchema(s, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });

let cached: object | undefined;

/** OpenAPI 3.1 description of the REST API, generated from the same zod schemas the routes validate with. */
export function openApiDocument(): object {
  if (cached) return cached;
  const paths: Record<string, Record<string, object>> = {};
  const errorResponse = {
    description: 'Error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  for (const r of routes) {
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = Object.entries(r.query ?? {}).map(([name, description]) => ({
      name,
      in: 'query',
      required: false,
      description,
      schema: { type: 'string' },
    }));
    const status = String(r.status ?? 200);
    const operations = (paths[r.path] ??= {});
    // A second entry would silently replace the first in the document.
    if (operations[r.method]) throw new Error(`${r.method} ${r.path} is listed twice`);
    operations[r.method] = {
      summary: r.summary,
      ...(r.public ? { security: [] } : {}),
      ...(params.length + query.length > 0 ? { parameters: [...params, ...query] } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schema(r.body) } },
            },
          }
        : {}),
      responses: {
        [status]: { description: status === '204' ? 'No content' : 'OK' },
        '4XX': errorResponse,
      },
    };
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Threatloom API',
      version: '1',
      description:
        'Collaborative threat modeling. Writes with a session cookie need the X-CSRF-Token header (echo the tl_csrf cookie); Bearer tokens do not.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'Personal API token from POST /api/tokens',
        },
        session: { type: 'apiKey', in: 'cookie', name: 'tl_session' },
      },
      schemas: { Error: schema(ZErrorBody), Record: schema(ZModelRecord), Op: schema(ZOp) },
    },
  };
  return cached;
}

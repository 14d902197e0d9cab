/**
 * `pnpm bench:canvas [--quick]`
 *
 * Builds the web app, starts the real server in-process on PGlite (a fresh
 * temp directory), imports a 1,000-element diagram (600 boxes, 400 flows) and
 * drives Debian's Chromium with Playwright:
 * - openMs: from navigation to the diagram tab until nodes are on screen and
 *   the page answers a requestAnimationFrame (it responds);
 * - dragMedianMs / dragP95Ms: frame times (requestAnimationFrame deltas)
 *   while dragging one node;
 * - panMedianMs: median frame time while panning the canvas.
 * The whole diagram is in view (fit view), so every node is rendered.
 * The last line printed is one JSON object with those four numbers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { createServer } from '../../apps/server/src/create-server';
import { benchDocument } from './diagram';
import { frameStats } from './frames';

const root = path.resolve(import.meta.dirname, '../..');
const t0 = Date.now();
/** Progress on stderr, so stdout's last line stays the JSON result. */
const phase = (what: string) =>
  console.error(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${what}`);
const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const runs = args.quick ? 1 : 3;
const steps = args.quick ? 60 : 120;

execFileSync('pnpm', ['--filter', '@threatloom/web', 'build'], { cwd: root, stdio: 'ignore' });

phase('web app built');
const dataDir = mkdtempSync(path.join(tmpdir(), 'threatloom-canvas-'));
const server = await createServer({
  dataDir,
  webDist: path.join(root, 'apps/web/dist'),
  logLevel: 'silent',
  registrationOpen: true,
});
await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
const { port } = server.httpServer.address() as { port: number };
const base = `http://127.0.0.1:${port}`;
phase('server started');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});

// Page scripts are strings: tsx's transform adds helpers (`__name`) that do not exist in the page.
const START_FRAMES = `(() => {
  window.__frames = [];
  window.__recording = true;
  let last = performance.now();
  const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__recording) requestAnimationFrame(tick); };
  requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
})()`;
const STOP_FRAMES = `(() => { window.__recording = false; return window.__frames; })()`;
const EMPTY_PANE_POINT = `(() => {
  const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
  for (let y = pane.top + 10; y < pane.bottom - 10; y += 7)
    for (let x = pane.left + 10; x < pane.right - 200; x += 7)
      if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
  return null;
})()`;
const NEXT_FRAME_AT = `new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())))`;

/** Starts recording requestAnimationFrame deltas in the page. */
async function startFrames(page: Page): Promise<void> {
  await page.evaluate(START_FRAMES);
}

async function stopFrames(page: Page): Promise<number[]> {
  return (await page.evaluate(STOP_FRAMES)) as number[];
}

/** A point of the canvas where the pane itself (no node, edge or label) is under the pointer. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = (await page.evaluate(EMPTY_PANE_POINT)) as { x: number; y: number } | null;
  if (!point) throw new Error('no empty spot on the canvas to pan from');
  return point;
}

type Sample = { openMs: number; drag: number[]; pan: number[] };

async function runOnce(
  modelId: string,
  context: Awaited<ReturnType<typeof browser.newContext>>,
): Promise<Sample> {
  const page = await context.newPage();
  await page.goto(`${base}/#/models/${modelId}?tab=diagram`);
  await page.locator('.react-flow__node').first().waitFor({ timeout: 30_000 });
  // Responds: a frame after the first nodes are on screen, measured from navigation start.
  const openMs = (await page.evaluate(NEXT_FRAME_AT)) as number;
  if (process.env.BENCH_DEBUG)
    console.error(
      await page.evaluate(
        `JSON.stringify([...performance.getEntriesByType('resource'), ...performance.getEntriesByType('mark')].map((e) => [e.name.slice(-40), Math.round(e.startTime), Math.round(e.responseEnd ?? 0)]))`,
      ),
    );
  await page.waitForFunction(
    `document.querySelectorAll('.react-flow__node').length >= 600`,
    undefined,
    { timeout: 30_000 },
  );
  await page.waitForTimeout(500);

  // Drag a node across the canvas.
  const target = page.locator('.react-flow__node[aria-label="process process 301"]');
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await startFrames(page);
  for (let i = 1; i <= steps; i++)
    await page.mouse.move(box.x + box.width / 2 + i * 3, box.y + box.height / 2 + i * 2);
  const drag = await stopFrames(page);
  await page.mouse.up();
  await page.waitForTimeout(300);

  // Pan the canvas by dragging the empty pane.
  const start = await emptyPanePoint(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await startFrames(page);
  for (let i = 1; i <= steps; i++) await page.mouse.move(start.x + i * 4, start.y + i * 2);
  const pan = await stopFrames(page);
  await page.mouse.up();
  await page.close();
  return { openMs: Math.round(openMs), drag, pan };
}

try {
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 1400, height: 860 },
  });
  const email = `bench-${Date.now()}@example.test`;
  const register = await context.request.post('/api/auth/register', {
    data: { email, password: 'bench-password-123', name: 'Bench' },
    headers: { Origin: base },
  });
  if (!register.ok())
    throw new Error(`register failed: ${register.status()} ${await register.text()}`);
  // Only an instance's first account is signed in by registering; any later one signs in.
  if (register.status() === 202)
    await context.request.post('/api/auth/login', {
      data: { email, password: 'bench-password-123' },
      headers: { Origin: base },
    });
  const csrf = (await context.cookies()).find((c) => c.name === 'tl_csrf')?.value ?? '';
  const imported = await context.request.post('/api/models/import', {
    data: benchDocument(600, 400),
    headers: { 'X-CSRF-Token': csrf, Origin: base },
  });
  if (!imported.ok())
    throw new Error(`import failed: ${imported.status()} ${await imported.text()}`);
  const { id } = (await imported.json()) as { id: string };

  phase('1,000-element model imported');
  const samples: Sample[] = [];
  for (let r = 0; r < runs; r++) {
    const s = await runOnce(id, context);
    const d = frameStats(s.drag);
    console.log(
      `run ${r + 1}/${runs}: open ${s.openMs} ms, drag median ${d.median} ms p95 ${d.p95} ms over ${s.drag.length} frames, pan median ${frameStats(s.pan).median} ms`,
    );
    samples.push(s);
  }
  const opens = samples.map((s) => s.openMs).sort((a, b) => a - b);
  const drag = frameStats(samples.flatMap((s) => s.drag));
  const pan = frameStats(samples.flatMap((s) => s.pan));
  console.log(
    JSON.stringify({
      openMs: opens[Math.floor(opens.length / 2)]!,
      dragMedianMs: drag.median,
      dragP95Ms: drag.p95,
      panMedianMs: pan.median,
    }),
  );
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}

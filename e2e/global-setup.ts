// Serves the built app (dist/) on localhost for the browser tests, and stops it afterwards.
import { preview, type PreviewServer } from 'vite';
import { existsSync } from 'node:fs';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 4179);
let server: PreviewServer | undefined;

export async function setup(): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build:test` first (npm run test:e2e does)');
  // Only a test build exposes window.__test, through which the tests query the map (src/lib/map/test-handle.ts).
  if (!existsSync('dist/test-build.txt')) throw new Error('dist/ is not a test build: run `npm run build:test` (vite build --mode test) first (npm run test:e2e does)');
  server = await preview({ preview: { port: E2E_PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
}

export async function teardown(): Promise<void> {
  await server?.close();
}

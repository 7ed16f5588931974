// Serves the built app (dist/) on localhost for the browser tests, and stops it afterwards.
import { preview, type PreviewServer } from 'vite';
import { existsSync } from 'node:fs';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 4179);
let server: PreviewServer | undefined;

export async function setup(): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `vite build` first (npm run test:e2e does)');
  server = await preview({ preview: { port: E2E_PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'warn' });
}

export async function teardown(): Promise<void> {
  await server?.close();
}

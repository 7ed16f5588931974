// zod in a browser without its eval fast path. Building an object schema, zod 4 probes `new Function` to see whether it
// may compile a fast parser; under the app's Content-Security-Policy (script-src 'self', no 'unsafe-eval') that probe
// is reported as a violation (e2e/csp.e2e.ts fails on it), and the fast path is refused anyway. Every module that
// builds zod schemas imports this first. Node (the CLI, tests) keeps the fast path.
import { z } from 'zod';

const inBrowser = typeof window !== 'undefined' || typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
if (inBrowser) z.config({ jitless: true });

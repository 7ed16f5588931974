// The polygon-overlay engine behind compare mode, behind one tiny interface so switching engines is one line.
// The app ships clipper2 only; the rivals it was chosen against live in bench/clip-engines/ (npm run bench -- diff).
import { clipper2Engine } from './clip-engines/clipper2';
import type { ClipEngine } from './clip-engines/types';

export type { ClipEngine, EngineId, Polygons } from './clip-engines/types';

/**
 * The engine the app ships. Chosen by bench/diff.bench.ts: clipper2-ts had no failures on the real and
 * jittered pairs and was the fastest synchronous engine; see that file's header for the measurements.
 */
export const shippedEngine: ClipEngine = clipper2Engine;

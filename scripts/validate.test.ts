// Tests the validate CLI through its main function (no child process): lines, summary and exit code.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from './validate';

const square = [[[35.0, 51.0], [35.1, 51.0], [35.1, 51.1], [35.0, 51.1], [35.0, 51.0]]];
const feature = (cls: string, coordinates: unknown = square) => ({ type: 'Feature', properties: { class: cls }, geometry: { type: 'Polygon', coordinates } });

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

function run(args: string[]): { code: number; lines: string[] } {
  const lines: string[] = [];
  const code = main(args, (l) => lines.push(l));
  return { code, lines };
}

describe('validate CLI', () => {
  it('prints one line per problem and exits 1 on a bad file beside a good one', () => {
    dir = mkdtempSync(join(tmpdir(), 'cg-validate-'));
    writeFileSync(join(dir, '2024-08-12.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [feature('held')] }));
    // An unclosed ring cannot be repaired (a bow-tie can: src/lib/domain/repair-polygon.ts).
    const unclosed = [[[35.2, 51.0], [35.3, 51.1], [35.3, 51.0], [35.2, 51.1]]];
    writeFileSync(join(dir, '2024-08-19.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [feature('held'), feature('held', unclosed)] }));
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'readme.txt'), 'not data');
    const { code, lines } = run([dir]);
    expect(code).toBe(1);
    expect(lines).toContain(
      '2024-08-19.geojson: feature 1: features[1].geometry.coordinates[0]: ring not closed: first position [35.2, 51] and last [35.2, 51.1] differ (RFC 7946 §3.1.6)',
    );
    expect(lines.some((l) => /^warning: dataset\.json: not found: manifest inferred from 2 GeoJSON files/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/: 1 error, 1 warning; 2 snapshots, 2 features loaded \(no usable dataset\.json: manifest inferred\) in \d+ ms$/);
  });

  it('exits 0 when there are only warnings, and warns about GeoJSON files not in the manifest', () => {
    dir = mkdtempSync(join(tmpdir(), 'cg-validate-'));
    const manifest = {
      id: 't', title: 'T', region: 'R',
      classes: [{ id: 'held', label: 'Held', color: '#1565c0' }],
      measures: [{ id: 'held', label: 'Held', classes: ['held'] }],
      sources: [{ name: 'S', licenceStatus: 'CC0', attribution: 'S' }],
      snapshots: [{ dateIso: '2024-08-12', file: '2024-08-12.geojson' }],
    };
    writeFileSync(join(dir, 'dataset.json'), JSON.stringify(manifest));
    writeFileSync(join(dir, '2024-08-12.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [feature('held')] }));
    writeFileSync(join(dir, '2024-08-19.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [feature('held')] }));
    const { code, lines } = run([dir]);
    expect(lines).toEqual([
      'warning: 2024-08-19.geojson: not listed in dataset.json; ignored',
      expect.stringMatching(/: 0 errors, 1 warning; 1 snapshot, 1 features loaded in \d+ ms$/),
    ]);
    expect(code).toBe(0);
  });

  it('fails clearly on a missing folder and on bad usage', () => {
    expect(run([join(tmpdir(), 'cg-no-such-folder-x')]).code).toBe(1);
    expect(run([]).lines[0]).toMatch(/^usage:/);
  });

  it('passes geodata/kursk with 0 errors', () => {
    const { code, lines } = run([join(import.meta.dirname, '../geodata/kursk')]);
    expect(lines.filter((l) => !l.startsWith('warning:')).length).toBe(1);
    expect(lines[lines.length - 1]).toMatch(/: 0 errors, \d+ warnings?; 94 snapshots, 509 features loaded/);
    expect(code).toBe(0);
  });
});

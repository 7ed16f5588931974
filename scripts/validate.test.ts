// Tests the validate CLI through its main function (no child process): lines, summary and exit code.
import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, ftruncateSync, mkdtempSync, mkdirSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(args, (l) => lines.push(l));
  return { code, lines };
}

describe('validate CLI', () => {
  it('prints one line per problem and exits 1 on a bad file beside a good one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cg-validate-'));
    writeFileSync(join(dir, '2024-08-12.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [feature('held')] }));
    const bowtie = [[[35.2, 51.0], [35.3, 51.1], [35.3, 51.0], [35.2, 51.1], [35.2, 51.0]]];
    writeFileSync(join(dir, '2024-08-19.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [feature('held'), feature('held', bowtie)] }));
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'readme.txt'), 'not data');
    const { code, lines } = await run([dir]);
    expect(code).toBe(1);
    expect(lines).toContain(
      '2024-08-19.geojson: feature 1: features[1].geometry: invalid geometry (OGC simple features): edges cross (self-intersection) at [35.25, 51.05]',
    );
    expect(lines.some((l) => /^warning: dataset\.json: not found: manifest inferred from 2 GeoJSON files/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/: 1 error, 1 warning; 2 snapshots, 2 features loaded \(no usable dataset\.json: manifest inferred\) in \d+ ms$/);
  });

  it('exits 0 when there are only warnings, and warns about GeoJSON files not in the manifest', async () => {
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
    const { code, lines } = await run([dir]);
    expect(lines).toEqual([
      'warning: 2024-08-19.geojson: not listed in dataset.json; ignored',
      expect.stringMatching(/: 0 errors, 1 warning; 1 snapshot, 1 features loaded in \d+ ms$/),
    ]);
    expect(code).toBe(0);
  });

  it('fails clearly on a missing folder and on bad usage', async () => {
    expect((await run([join(tmpdir(), 'cg-no-such-folder-x')])).code).toBe(1);
    expect((await run([])).lines[0]).toMatch(/^usage:/);
  });

  it('passes geodata/kursk with 0 errors', async () => {
    const { code, lines } = await run([join(import.meta.dirname, '../geodata/kursk')]);
    expect(lines.filter((l) => !l.startsWith('warning:')).length).toBe(1);
    expect(lines[lines.length - 1]).toMatch(/: 0 errors, \d+ warnings?; 94 snapshots, 509 features loaded/);
    expect(code).toBe(0);
  });

  it('reads the formats the app converts, through the same code: a KMZ and a KML with a class-mapping dataset.json', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cg-validate-'));
    const fx = join(import.meta.dirname, '../src/lib/data/convert/fixtures/kml');
    copyFileSync(join(fx, '2024-12-15.kmz'), join(dir, '2024-12-15.kmz'));
    copyFileSync(join(fx, '2025-03-16.kml'), join(dir, '2025-03-16.kml'));
    const classes = [{ id: 'advance', label: 'Ukrainian advance', color: '#1565c0' }];
    writeFileSync(join(dir, 'dataset.json'), JSON.stringify({
      id: 'nzz', title: 'NZZ', region: '', classes, measures: [{ id: 'advance', label: 'Ukrainian advance', classes: ['advance'] }],
      sources: [{ name: 'NZZ', licenceStatus: 'not checked', attribution: 'NZZ' }],
      snapshots: [{ dateIso: '2024-12-15', file: '2024-12-15.kmz' }, { dateIso: '2025-03-16', file: '2025-03-16.kml' }],
      classMapping: { from: 'style-fill', values: [{ value: '#1f5a9c', class: 'advance' }, { value: '#d62b2b', class: null }] },
    }));
    const { code, lines } = await run([dir]);
    expect(lines).toContain('2025-03-16.kml: feature 2: features[2]: 1 feature with style colour (fill) "#9e9e9e", a value dataset.json\'s class mapping does not list; left out');
    expect(lines).toContain('warning: 2025-03-16.kml: feature 1: features[1]: 1 feature with style colour (fill) "#d62b2b" left out, as dataset.json\'s class mapping says');
    expect(code).toBe(1);
    expect(lines[lines.length - 1]).toMatch(/: 1 error, 1 warning; 2 snapshots, 2 features loaded in \d+ ms$/);
  });
});

describe('validate CLI on an untrusted folder', () => {
  const snapshot = JSON.stringify({ type: 'FeatureCollection', features: [feature('held')] });

  it('refuses links out of the folder, links to folders, a FIFO and a 3 GB sparse file, each named; validates the rest', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cg-validate-'));
    const outside = mkdtempSync(join(tmpdir(), 'cg-outside-'));
    try {
      writeFileSync(join(dir, '2024-08-12.geojson'), snapshot);
      writeFileSync(join(outside, '2024-08-13.geojson'), snapshot);
      symlinkSync(join(outside, '2024-08-13.geojson'), join(dir, '2024-08-13.geojson'));
      symlinkSync('.', join(dir, 'loop'));
      symlinkSync('/dev/zero', join(dir, '2024-08-14.geojson'));
      symlinkSync('2024-08-12.geojson', join(dir, '2024-08-16.geojson')); // inside: followed
      execFileSync('mkfifo', [join(dir, '2024-08-15.geojson')]);
      // Sparse: 3 GB by its size, no disk used; refused from lstat, never read.
      const fd = openSync(join(dir, '2024-08-17.geojson'), 'w');
      ftruncateSync(fd, 3 * 1024 ** 3);
      closeSync(fd);
      const started = Date.now();
      const { code, lines } = await run([dir]);
      expect(Date.now() - started).toBeLessThan(20_000); // the FIFO would hang a plain read for ever
      expect(lines).toContain('2024-08-13.geojson: a symbolic link to outside the folder; not followed');
      expect(lines).toContain('2024-08-14.geojson: a symbolic link to outside the folder; not followed');
      expect(lines).toContain('warning: loop: a symbolic link to a folder; not followed');
      expect(lines).toContain('2024-08-15.geojson: a named pipe (FIFO), not a regular file; not read');
      expect(lines).toContain('2024-08-17.geojson: file is 3 GB, over the 50 MB limit; not read (split it into smaller files)');
      expect(lines[lines.length - 1]).toMatch(/: 4 errors, 2 warnings; 2 snapshots, 2 features loaded/);
      expect(code).toBe(1);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('escapes control characters from file names and data in every line it prints', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cg-validate-'));
    const fake = '\u001b[2J\u001b[H0 errors';
    const manifest = {
      id: 't', title: 'T', region: 'R',
      classes: [{ id: 'held', label: 'Held', color: '#1565c0' }],
      measures: [{ id: 'held', label: 'Held', classes: ['held'] }],
      sources: [{ name: 'S', licenceStatus: 'CC0', attribution: 'S' }],
      snapshots: [{ dateIso: '2024-08-12', file: '2024-08-12.geojson' }, { dateIso: '2024-08-13', file: `${fake}\u202e.geojson` }],
    };
    writeFileSync(join(dir, 'dataset.json'), JSON.stringify(manifest));
    writeFileSync(join(dir, '2024-08-12.geojson'), snapshot);
    writeFileSync(join(dir, `${fake}.geojson`), '{}');
    const { lines } = await run([dir]);
    // eslint-disable-next-line no-control-regex -- the test looks for raw control characters in what was printed.
    for (const l of lines) expect(l).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(lines).toContain('dataset.json: snapshots[1].file: relative path inside the dataset folder (forward slashes, no "..") expected, "\\u001b[2J\\u001b[H0 errors\\u202e.geojson" found');
    expect(lines).toContain('warning: \\u001b[2J\\u001b[H0 errors.geojson: not listed in dataset.json; ignored');
  });
});

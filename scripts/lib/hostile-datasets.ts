// Hostile but syntactically valid datasets, made on demand (too big to commit): the largest inputs of the
// hostile-input review (issue 15), for the CLI tests, the browser test and `npm run hostile -- <dir>` measurements.

/** One file of a generated dataset: its path in the folder and its bytes. */
export interface HostileFile {
  path: string;
  bytes: Uint8Array;
}

const enc = new TextEncoder();
const json = (path: string, value: unknown): HostileFile => ({ path, bytes: enc.encode(JSON.stringify(value)) });

/** A small square near Kursk, `i` steps east: distinct, valid, counter-clockwise. */
export function square(i = 0, sizeDeg = 0.01): number[][][] {
  const x = 35 + (i % 400) * sizeDeg * 1.5;
  const y = 51 + Math.floor(i / 400) * sizeDeg * 1.5;
  return [[[x, y], [x + sizeDeg, y], [x + sizeDeg, y + sizeDeg], [x, y + sizeDeg], [x, y]]];
}

const feature = (cls: string, coordinates: unknown, properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties: { class: cls, ...properties },
  geometry: { type: 'Polygon', coordinates },
});

/** A manifest with one class `held` and the given snapshots; `extra` overrides any field. */
export function manifest(snapshots: { dateIso: string; file: string }[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'hostile',
    title: 'Hostile test dataset',
    region: 'Test',
    classes: [{ id: 'held', label: 'Held', color: '#1565c0' }],
    measures: [{ id: 'held', label: 'Held', classes: ['held'] }],
    sources: [{ name: 'Test source', licenceStatus: 'CC0', attribution: 'Test' }],
    snapshots,
    ...extra,
  };
}

const oneSnapshot = (dateIso = '2024-08-12', features: unknown[] = [feature('held', square())]): HostileFile[] => [
  json('dataset.json', manifest([{ dateIso, file: `${dateIso}.geojson` }])),
  json(`${dateIso}.geojson`, { type: 'FeatureCollection', features }),
];

/** A 1 MB title with no spaces (froze the tab for over a minute). */
export function hugeTitle(chars = 1024 * 1024): HostileFile[] {
  const files = oneSnapshot();
  files[0] = json('dataset.json', manifest([{ dateIso: '2024-08-12', file: '2024-08-12.geojson' }], { title: 'W'.repeat(chars) }));
  return files;
}

/** One snapshot holding `copies` copies of one polygon (loaded, then kept the main thread busy for minutes). */
export function copiesOfOnePolygon(copies = 100_000): HostileFile[] {
  const f = JSON.stringify(feature('held', square()));
  const text = `{"type":"FeatureCollection","features":[${Array.from({ length: copies }, () => f).join(',')}]}`;
  return [json('dataset.json', manifest([{ dateIso: '2024-08-12', file: '2024-08-12.geojson' }])), { path: '2024-08-12.geojson', bytes: enc.encode(text) }];
}

/** A ring of `vertices` positions around a centre: a valid, distinct polygon with many vertices. */
function circle(cx: number, cy: number, r: number, vertices: number): number[][][] {
  const ring: number[][] = [];
  for (let k = 0; k < vertices; k++) {
    const a = (2 * Math.PI * k) / vertices;
    ring.push([+(cx + r * Math.cos(a)).toFixed(7), +(cy + r * Math.sin(a)).toFixed(7)]);
  }
  ring.push(ring[0]!);
  return [ring];
}

/** One snapshot of about `megabytes` MB: 300 distinct many-vertex polygons (blocked the main thread 5.3 s at 48 MB). */
export function bigFile(megabytes = 48): HostileFile[] {
  const polygons = 300;
  // About 24.5 bytes per position as written by JSON.stringify at 7 decimals.
  const vertices = Math.round((megabytes * 1024 * 1024) / polygons / 24.5);
  const features = Array.from({ length: polygons }, (_, i) => feature('held', circle(35 + (i % 20) * 0.05, 51 + Math.floor(i / 20) * 0.05, 0.02, vertices)));
  return oneSnapshot('2024-08-12', features);
}

/** A manifest with `levels` of nesting in an unknown field of a class (about 5,000 crashed the CLI with a RangeError). */
export function deepManifest(levels = 5000): HostileFile[] {
  const files = oneSnapshot();
  const text = JSON.stringify(manifest([{ dateIso: '2024-08-12', file: '2024-08-12.geojson' }])).replace('"color":"#1565c0"', `"color":"#1565c0","notes":${'['.repeat(levels)}${']'.repeat(levels)}`);
  files[0] = { path: 'dataset.json', bytes: enc.encode(text) };
  return files;
}

/** A feature whose properties nest `levels` deep (100,000: the CLI accepted it, the app refused the whole dataset). */
export function deepProperties(levels = 100_000): HostileFile[] {
  const good = JSON.stringify(feature('held', square(1)));
  const deep = JSON.stringify(feature('held', square(2))).replace('"properties":{', `"properties":{"x":${'{"a":'.repeat(levels)}0${'}'.repeat(levels)},`);
  return [
    json('dataset.json', manifest([{ dateIso: '2024-08-12', file: '2024-08-12.geojson' }, { dateIso: '2024-08-13', file: '2024-08-13.geojson' }])),
    { path: '2024-08-12.geojson', bytes: enc.encode(`{"type":"FeatureCollection","features":[${good}]}`) },
    { path: '2024-08-13.geojson', bytes: enc.encode(`{"type":"FeatureCollection","features":[${deep}]}`) },
  ];
}

/** A manifest listing `entries` snapshots, of which only the first file exists (12 s in the CLI: a quadratic step). */
export function hugeManifest(entries = 100_000): HostileFile[] {
  const day0 = Date.UTC(1900, 0, 1) / 86_400_000;
  const snapshots = Array.from({ length: entries }, (_, i) => {
    const dateIso = new Date((day0 + i) * 86_400_000).toISOString().slice(0, 10);
    return { dateIso, file: `s/${dateIso}.geojson` };
  });
  const first = snapshots[0]!;
  return [json('dataset.json', manifest(snapshots)), json(first.file, { type: 'FeatureCollection', features: [feature('held', square())] })];
}

/** A single snapshot far from the data's era (9999-12-31 froze and crashed the tab: month marks looped). */
export function farDate(dateIso = '9999-12-31'): HostileFile[] {
  return oneSnapshot(dateIso);
}

/**
 * Names that are also Object.prototype keys: classes, a measure, a clip region; and two sources of one name.
 * Three squares side by side: `constructor` (red), `toString` (green), `__proto__` (blue).
 */
export function prototypeNames(): HostileFile[] {
  const classes = [
    { id: 'constructor', label: 'Constructor', color: '#ff0000' },
    { id: 'toString', label: 'To string', color: '#00ff00' },
    { id: '__proto__', label: 'Proto', color: '#0000ff' },
  ];
  const region = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[34, 50], [37, 50], [37, 52], [34, 52], [34, 50]]] } };
  return [
    json('dataset.json', manifest([{ dateIso: '2024-08-12', file: '2024-08-12.geojson' }], {
      classes,
      measures: [
        { id: 'constructor', label: 'Constructor, clipped', classes: ['constructor'], clipTo: 'constructor' },
        { id: 'toString', label: 'To string', classes: ['toString'] },
        { id: '__proto__', label: 'Proto', classes: ['__proto__'] },
      ],
      clipRegions: { constructor: { label: 'Constructor land', file: 'region.geojson' } },
      sources: [
        { name: 'Same name', licenceStatus: 'CC0', attribution: 'First' },
        { name: 'Same name', licenceStatus: 'CC0', attribution: 'Second' },
      ],
      defaultView: { zoom: 9, lat: 51.05, lon: 35.1 },
    })),
    json('2024-08-12.geojson', {
      type: 'FeatureCollection',
      features: classes.map((c, i) => feature(c.id, [[[35 + i * 0.1, 51], [35.08 + i * 0.1, 51], [35.08 + i * 0.1, 51.08], [35 + i * 0.1, 51.08], [35 + i * 0.1, 51]]])),
    }),
    json('region.geojson', region),
  ];
}

/** Every generator by name, with its default size: what `npm run hostile` writes and measures. */
export const HOSTILE_DATASETS: Record<string, () => HostileFile[]> = {
  'huge-title': () => hugeTitle(),
  'copies-100k': () => copiesOfOnePolygon(),
  'big-48mb': () => bigFile(),
  'deep-manifest': () => deepManifest(),
  'deep-properties': () => deepProperties(),
  'manifest-100k': () => hugeManifest(),
  'far-date': () => farDate(),
  'prototype-names': () => prototypeNames(),
};

// KMZ → GeoJSON: the zipped KML read by the KML converter, its path inside the archive kept as provenance.
import type { Converted } from './finish';
import { convertKml } from './kml';
import { describeEntries, readZip, type ZipOptions } from './zip';

/** A KMZ: its main KML (`doc.kml`, else the first .kml at the top level, else the first anywhere). */
export function convertKmz(file: string, bytes: Uint8Array, opts: ZipOptions = {}): Converted {
  const z = readZip(file, bytes, opts);
  if (!z.ok) return { json: undefined, issues: [z.issue] };
  return kmlFromEntries(file, z.entries, opts);
}

/** The main KML among a zip's entries, converted (also for a `.zip` that holds a KML and no Shapefile). */
export function kmlFromEntries(file: string, entries: Map<string, Uint8Array>, opts: ZipOptions): Converted {
  const kmls = [...entries.keys()].filter((n) => /\.kml$/i.test(n)).sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  const main = kmls.find((n) => /(^|\/)doc\.kml$/i.test(n)) ?? kmls[0];
  if (main === undefined)
    return { json: undefined, issues: [{ file, reason: `no .kml inside the archive (it holds ${describeEntries(entries)})`, severity: 'error' }] };
  const r = convertKml(file, entries.get(main)!, { format: 'KMZ', entry: main, ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}) });
  if (kmls.length > 1) r.issues.push({ file, reason: `${kmls.length} KML files inside; only ${main} was read (a KMZ's main document)`, severity: 'warning' });
  return r;
}


// KML → GeoJSON (@tmcw/togeojson on an @xmldom/xmldom document: a worker has no DOMParser). Placemarks with
// polygons become features; their folder path, placemark id and style (fill, outline) become their provenance.
import { DOMParser } from '@xmldom/xmldom';
import { kmlWithFolders, type Folder, type F } from '@tmcw/togeojson';
import type { Issue } from '../../domain/types';
import { decodeText, DEFAULT_MAX_BYTES } from '../decode';
import { finishConversion, type Converted, type ReadFeature } from './finish';
import type { OriginalStyle, Provenance } from './provenance';

/** togeojson's style properties, moved into the provenance's `style` (the rest of the properties stay as they are). */
const STYLE_PROPS: Readonly<Record<string, keyof OriginalStyle>> = {
  fill: 'fill',
  'fill-opacity': 'fillOpacity',
  stroke: 'stroke',
  'stroke-opacity': 'strokeOpacity',
  'stroke-width': 'strokeWidth',
  styleUrl: 'styleUrl',
};
/** togeojson bookkeeping with no meaning outside the KML. */
const DROPPED_PROPS = new Set(['styleHash', 'styleMapHash']);

export interface KmlOptions {
  /** "KML", or "KMZ" when the KML came out of a KMZ. */
  format?: 'KML' | 'KMZ';
  /** The KML's path inside the KMZ. */
  entry?: string;
  maxBytes?: number;
}

/** Convert KML bytes. Never throws; XML errors are issues with their line. */
export function convertKml(file: string, bytes: Uint8Array, opts: KmlOptions = {}): Converted {
  const text = decodeText({ file, bytes }, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!text.ok) return { json: undefined, issues: text.issues };
  const issues: Issue[] = [...text.issues];
  const where = opts.entry ? `${opts.entry}: ` : '';
  const xmlProblems: string[] = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') xmlProblems.push(message.replace(/\s+/g, ' ').trim());
      },
    }).parseFromString(text.value, 'text/xml');
  } catch (err) {
    return { json: undefined, issues: [...issues, { file, reason: `${where}not well-formed XML: ${firstLine((err as Error).message)}`, severity: 'error' }] };
  }
  for (const p of xmlProblems.slice(0, 3)) issues.push({ file, reason: `${where}XML problem: ${firstLine(p)}`, severity: 'warning' });
  const root = doc.documentElement;
  if (!root || root.localName !== 'kml')
    return { json: undefined, issues: [...issues, { file, reason: `${where}not KML: <kml> root element expected, <${root?.localName ?? 'nothing'}> found`, severity: 'error' }] };

  const read: ReadFeature[] = [];
  const walk = (children: readonly (Folder | F)[], folders: string[]) => {
    for (const c of children) {
      if (c.type === 'folder') {
        const name = typeof c.meta.name === 'string' && c.meta.name.trim() !== '' ? c.meta.name.trim() : '(unnamed folder)';
        walk(c.children, [...folders, name]);
        continue;
      }
      const index = read.length;
      const properties: Record<string, unknown> = {};
      const style: OriginalStyle = {};
      for (const [k, v] of Object.entries(c.properties ?? {})) {
        const sk = Object.hasOwn(STYLE_PROPS, k) ? STYLE_PROPS[k] : undefined;
        if (sk === 'fillOpacity' || sk === 'strokeOpacity' || sk === 'strokeWidth') {
          if (typeof v === 'number' && Number.isFinite(v)) style[sk] = v;
        } else if (sk !== undefined) {
          if (typeof v === 'string') style[sk] = v;
        } else if (!DROPPED_PROPS.has(k)) properties[k] = v;
      }
      const id = typeof c.id === 'string' || typeof c.id === 'number' ? c.id : undefined;
      const provenance: Provenance = { format: opts.format ?? 'KML' };
      if (opts.entry) provenance.entry = opts.entry;
      if (folders.length > 0) provenance.layer = folders.join(' / ');
      if (id !== undefined) provenance.originalId = id;
      if (Object.keys(style).length > 0) provenance.style = style;
      const label = typeof properties.name === 'string' && properties.name !== '' ? ` “${properties.name}”` : '';
      read.push({ geometry: c.geometry, properties, provenance, where: `${where}Placemark ${index + 1}${label}`, index });
    }
  };
  try {
    walk(kmlWithFolders(doc).children, []);
  } catch (err) {
    return { json: undefined, issues: [...issues, { file, reason: `${where}KML could not be read: ${firstLine((err as Error).message)}`, severity: 'error' }] };
  }
  return finishConversion(file, 'placemark', read, issues);
}

function firstLine(s: string): string {
  const line = s.split('\n')[0] ?? s;
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

// Where a converted feature came from (format, layer or folder, original id, original style), kept in its
// properties so popups and exports can say it; read back defensively, since a GeoJSON file may carry anything.
import { isRecord } from '../issues';

/** Property under which a converted feature carries its provenance. */
export const PROVENANCE_KEY = 'provenance';

/** A feature's original style, as the source file drew it. Colours are `#rrggbb`. */
export interface OriginalStyle {
  fill?: string;
  /** 0–1. */
  fillOpacity?: number;
  stroke?: string;
  /** 0–1. */
  strokeOpacity?: number;
  /** In the source's units (KML: pixels). */
  strokeWidth?: number;
  /** KML's style reference (`#style-id`), when the placemark used a shared style. */
  styleUrl?: string;
}

/**
 * Where a converted feature came from. The file itself is not repeated here: the loader keeps each polygon's
 * file (the snapshot store's `file`), and a file name in every feature would make an unchanged polygon differ
 * from one date to the next.
 */
export interface Provenance {
  /** "TopoJSON", "KML", "KMZ", "Shapefile" or "Esri JSON". */
  format: string;
  /** The file inside an archive (a KMZ's `doc.kml`, a zip's `layer.shp`), when there is one. */
  entry?: string;
  /** TopoJSON object, KML folder path ("A / B"), Shapefile layer: absent when the file has no named layer. */
  layer?: string;
  /** The feature's id in the source: KML placemark id, TopoJSON geometry id, Esri OBJECTID, Shapefile record. */
  originalId?: string | number;
  style?: OriginalStyle;
}

const STYLE_KEYS = ['fill', 'fillOpacity', 'stroke', 'strokeOpacity', 'strokeWidth', 'styleUrl'] as const;

/** The provenance in a feature's properties, if it has a well-formed one (unknown parts dropped). */
export function provenanceOf(properties: unknown): Provenance | undefined {
  if (!isRecord(properties) || !Object.hasOwn(properties, PROVENANCE_KEY)) return undefined;
  const p = properties[PROVENANCE_KEY];
  if (!isRecord(p) || typeof p.format !== 'string') return undefined;
  const out: Provenance = { format: p.format };
  if (typeof p.entry === 'string') out.entry = p.entry;
  if (typeof p.layer === 'string') out.layer = p.layer;
  if (typeof p.originalId === 'string' || (typeof p.originalId === 'number' && Number.isFinite(p.originalId))) out.originalId = p.originalId;
  if (isRecord(p.style)) {
    const s: OriginalStyle = {};
    const src = p.style;
    for (const k of STYLE_KEYS) {
      const v = src[k];
      if (k === 'fill' || k === 'stroke' || k === 'styleUrl') {
        if (typeof v === 'string') s[k] = v;
      } else if (typeof v === 'number' && Number.isFinite(v)) s[k] = v;
    }
    if (Object.keys(s).length > 0) out.style = s;
  }
  return out;
}

/** One line for a popup: `KML, folder "Losses", placemark id "p3", fill #2166ac 60 %`. */
export function describeProvenance(p: Provenance): string {
  const layerWord = p.format === 'KML' || p.format === 'KMZ' ? 'folder' : p.format === 'TopoJSON' ? 'object' : 'layer';
  const parts = [`from ${p.format}${p.entry ? ` (${p.entry})` : ''}`];
  if (p.layer !== undefined) parts.push(`${layerWord} “${p.layer}”`);
  if (p.originalId !== undefined) parts.push(`original id ${typeof p.originalId === 'string' ? `“${p.originalId}”` : p.originalId}`);
  const s = p.style;
  if (s) {
    const style: string[] = [];
    if (s.fill) style.push(`fill ${s.fill}${s.fillOpacity !== undefined ? ` at ${Math.round(s.fillOpacity * 100)} %` : ''}`);
    if (s.stroke) style.push(`outline ${s.stroke}`);
    if (style.length > 0) parts.push(`drawn with ${style.join(', ')}`);
  }
  return parts.join(', ');
}

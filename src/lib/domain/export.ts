// Every download's shared parts: what a view is, its file names, the credits and dates each file carries, and
// the file formats (GeoJSON of snapshots and of a diff, CSV of figures and of the area series). docs/sharing.md.
import type { SnapshotDiff } from './diff';
import type { AreaReport } from './area';
import type { AreaSeriesPoint } from './claim-compare';
import type { ControlClass, ControlFeature, DatasetSource, Snapshot } from './types';
import { isIsoDate } from './timeline';
import { formatDateLong } from './format';

/**
 * Coordinates are written to 7 decimals (about 1 cm): the shipped engine's own grid, and finer than the
 * snapshots' 6 decimals, so nothing is lost while files stay a third smaller than full doubles.
 */
const COORD_DECIMALS = 7;

/** Area figures in km² to 4 decimals (100 m²): finer than any source's precision, coarse enough to read. */
const KM2_DECIMALS = 4;

/**
 * What is on screen: one date (with `layout` when several sources are shown: on one map, side by side, or split
 * by a swipe line), or two compared dates in one of the compare layouts.
 */
export type ExportView =
  | { kind: 'date'; dateIso: string; layout?: 'overlay' | 'side' | 'swipe' }
  | { kind: 'compare'; fromIso: string; toIso: string; layout: 'overlay' | 'side' | 'swipe' };

/**
 * One source of control polygons shown in the view, with the snapshot of it in force on each date asked for.
 * A list, so that a view of several sources on one clock credits and dates each of them.
 */
export interface ExportLayer {
  /** The source whose polygons these are (name, link, licence status, attribution). */
  source: DatasetSource;
  /** Per date asked for (the view's dates, in order): the snapshot date used, or null when none was in force. */
  snapshots: { askedIso: string; snapshotIso: string | null }[];
}

/** Everything an export says about where it comes from. Built once per download by the UI (share-context.ts). */
export interface ExportContext {
  app: { name: string; version: string };
  dataset: { id: string; title: string };
  view: ExportView;
  /** The polygon sources shown, each with its snapshots in force. */
  layers: ExportLayer[];
  /** Every source credited (the layers' sources and the others the dataset names: places, clip regions). */
  sources: DatasetSource[];
  /** The basemap's credit as plain text. */
  basemapCredit: string;
  /** How the areas were computed, in words (AREA_METHOD, or a build's method). */
  areaMethod: string;
  /** Absolute URL that reopens this view. */
  permalink: string;
  /** The day of the download, `YYYY-MM-DD` (UTC). */
  accessedIso: string;
}

/** What a file holds, the last part of its name. */
export type ExportKind = 'map' | 'map@2x' | 'snapshot' | 'figures' | 'series' | 'diff' | 'citation';

/** The dates a view asks for, in order: one date, or from and to. */
export function viewDatesIso(view: ExportView): string[] {
  return view.kind === 'date' ? [view.dateIso] : [view.fromIso, view.toIso];
}

/**
 * The view's name in file names and headers: `date`, `compare-overlay|side|swipe`, and for several sources on
 * one date `sources-overlay|side|swipe`.
 */
export function viewName(view: ExportView): string {
  if (view.kind === 'compare') return `compare-${view.layout}`;
  return view.layout ? `sources-${view.layout}` : 'date';
}

/**
 * Download name: dataset (several sources' ids joined by `+`), view, dates asked for, what the file holds, e.g.
 * `kursk-2024_date_2024-12-15_map@2x.png`, `kursk-2024_compare-overlay_2024-09-03_2025-02-04_diff.geojson`.
 * The area series covers the whole dataset, whatever the view: its view part is `all-snapshots` and its dates
 * the dataset's first and last, passed as `seriesSpan`. Throws on a dataset id that is not a safe file-name part or on a date that is not
 * `YYYY-MM-DD` (programmer errors: both come from a checked manifest).
 */
export function exportFileName(datasetId: string, view: ExportView, kind: ExportKind, ext: string, seriesSpan?: { firstIso: string; lastIso: string }): string {
  if (!/^[a-z0-9][a-z0-9-]*(\+[a-z0-9][a-z0-9-]*)*$/i.test(datasetId)) throw new Error(`exportFileName: dataset id must be letters, digits and "-" (several joined by "+"), got ${JSON.stringify(datasetId)}`);
  if (!/^[a-z0-9]+$/i.test(ext)) throw new Error(`exportFileName: extension must be letters and digits, got ${JSON.stringify(ext)}`);
  const dates = kind === 'series' && seriesSpan ? [seriesSpan.firstIso, seriesSpan.lastIso] : viewDatesIso(view);
  for (const d of dates) if (!isIsoDate(d)) throw new Error(`exportFileName: YYYY-MM-DD date expected, got ${JSON.stringify(d)}`);
  const viewPart = kind === 'series' ? 'all-snapshots' : viewName(view);
  return `${datasetId}_${viewPart}_${dates.join('_')}_${kind}.${ext}`;
}

/** `20 August 2024 (snapshot of 18 August 2024)` for each date asked, for one layer. */
export function snapshotsText(layer: ExportLayer): string {
  return layer.snapshots
    .map((s) => `${formatDateLong(s.askedIso)} (${s.snapshotIso ? `snapshot of ${formatDateLong(s.snapshotIso)}` : 'no snapshot yet'})`)
    .join(' → ');
}

/** One credit line per source: `Control areas © DeepStateMap (deepstatemap.live). Licence: …`, then the basemap. */
export function creditLines(ctx: ExportContext): string[] {
  return [...ctx.sources.map((s) => `${s.attribution}. Licence: ${s.licenceStatus}`), `Basemap: ${ctx.basemapCredit}`];
}

/**
 * The provenance every file carries, as ordered (name, value) pairs: written as CSV comment lines and as the
 * GeoJSON foreign member's text fields. Values are single lines.
 */
export function provenanceFields(ctx: ExportContext): [string, string][] {
  const fields: [string, string][] = [
    ['dataset', `${ctx.dataset.title} (${ctx.dataset.id})`],
    ['view', viewName(ctx.view)],
    ['dates asked for', viewDatesIso(ctx.view).join(', ')],
  ];
  for (const l of ctx.layers) {
    fields.push([`snapshots used (${l.source.name})`, l.snapshots.map((s) => `${s.askedIso} → ${s.snapshotIso ?? 'none'}`).join(', ')]);
  }
  for (const s of ctx.sources) {
    fields.push([`source`, `${s.name}${s.url ? ` <${s.url}>` : ''}`]);
    fields.push([`  licence status`, s.licenceStatus]);
    fields.push([`  attribution`, s.attribution]);
  }
  fields.push(['basemap', ctx.basemapCredit]);
  fields.push(['area method', ctx.areaMethod]);
  fields.push(['made with', `${ctx.app.name} ${ctx.app.version}`]);
  fields.push(['permalink', ctx.permalink]);
  fields.push(['accessed', ctx.accessedIso]);
  return fields.map(([k, v]) => [k, oneLine(v)]);
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

/**
 * The leading comment lines of every CSV: `# name: value`, one per provenance field. Comment lines rather than
 * a README in a zip: the file stays one file that a spreadsheet opens directly, with its credits in view; CSVW
 * dialects take `#` as the default comment prefix, and pandas (`comment="#"`), R (`comment.char = "#"`) and
 * csvkit skip them (docs/sharing.md).
 */
export function csvCommentLines(ctx: ExportContext): string[] {
  return [`# ${ctx.app.name} export`, ...provenanceFields(ctx).map(([k, v]) => `# ${k}: ${v}`)];
}

/** The foreign member every GeoJSON export carries (RFC 7946 §6.1), `claimedGround`. */
export function geoJsonProvenance(ctx: ExportContext): Record<string, unknown> {
  return {
    app: `${ctx.app.name} ${ctx.app.version}`,
    dataset: ctx.dataset.id,
    datasetTitle: ctx.dataset.title,
    view: viewName(ctx.view),
    datesAskedFor: viewDatesIso(ctx.view),
    layers: ctx.layers.map((l) => ({ source: l.source.name, snapshots: l.snapshots.map((s) => ({ askedFor: s.askedIso, snapshot: s.snapshotIso })) })),
    sources: ctx.sources.map((s) => ({ name: s.name, ...(s.url ? { url: s.url } : {}), licenceStatus: s.licenceStatus, attribution: s.attribution })),
    basemap: ctx.basemapCredit,
    areaMethod: ctx.areaMethod,
    permalink: ctx.permalink,
    accessed: ctx.accessedIso,
  };
}

function roundCoords(coords: unknown): unknown {
  const p = 10 ** COORD_DECIMALS;
  if (typeof coords === 'number') return Math.round(coords * p) / p;
  return Array.isArray(coords) ? coords.map(roundCoords) : coords;
}

/**
 * The diff's polygons as a GeoJSON FeatureCollection string (RFC 7946). Every feature keeps `change`, `measure`,
 * `classes`, `fromDate`, `toDate` and `areaKm2`, and gains `dataset` and `measureLabel`, so a feature copied
 * out of the file still says what it is. Provenance, `areaMethod` and `engine` go in the foreign member.
 */
export function diffToGeoJson(diff: SnapshotDiff, ctx: ExportContext, measureLabels: ReadonlyMap<string, string> = new Map()): string {
  const features = diff.features.features.map((f) => ({
    type: 'Feature' as const,
    properties: {
      dataset: ctx.dataset.id,
      ...f.properties,
      measureLabel: measureLabels.get(f.properties.measure) ?? f.properties.measure,
      areaKm2: Number(f.properties.areaKm2.toFixed(KM2_DECIMALS)),
    },
    geometry: { type: 'Polygon' as const, coordinates: roundCoords(f.geometry.coordinates) },
  }));
  return JSON.stringify({
    type: 'FeatureCollection',
    claimedGround: { ...geoJsonProvenance(ctx), fromSnapshot: diff.fromDateIso, toSnapshot: diff.toDateIso, engine: diff.engine, areaMethod: diff.areaMethod },
    features,
  });
}

/**
 * The snapshots in force as one GeoJSON FeatureCollection: each feature as published, with `snapshotDate`,
 * `askedFor` and `source` added so that features of a compare view's two snapshots stay apart.
 */
export function snapshotsToGeoJson(snapshots: readonly { askedIso: string; source: string; snapshot: Snapshot }[], ctx: ExportContext): string {
  const features = snapshots.flatMap(({ askedIso, source, snapshot }) =>
    snapshot.features.map((f: ControlFeature) => ({
      type: 'Feature' as const,
      properties: { ...f.properties, snapshotDate: snapshot.dateIso, askedFor: askedIso, source },
      geometry: { type: f.geometry.type, coordinates: roundCoords(f.geometry.coordinates) },
    })),
  );
  return JSON.stringify({ type: 'FeatureCollection', claimedGround: geoJsonProvenance(ctx), features });
}

/**
 * One CSV field, RFC 4180: quoted when it holds a comma, quote, CR or LF, with quotes doubled. Text that a
 * spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`, tab, CR) gets a leading `'` (OWASP CSV
 * injection advice); numbers are never text here, so negative figures are untouched.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV file: comment lines, header, rows; RFC 4180 CRLF line ends. */
function csvFile(ctx: ExportContext, columns: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  return [...csvCommentLines(ctx), columns.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\r\n') + '\r\n';
}

const km2 = (x: number | undefined): number | undefined => (x === undefined ? undefined : Number(x.toFixed(KM2_DECIMALS)) || 0);

export const DIFF_CSV_COLUMNS = [
  'dataset', 'measure', 'measure_label', 'from_date', 'to_date', 'from_km2', 'to_km2', 'gained_km2', 'lost_km2',
  'net_km2', 'unchanged_km2', 'identity_error_km2', 'area_method', 'engine',
] as const;

/**
 * The figures of a comparison as CSV, one row per measure. km² to 4 decimals; the identity error
 * (to − from − (gained − lost)) to 3 significant digits, since it is a diagnostic of a few 1e-4 km² at most.
 * `from_date`/`to_date` are the snapshots compared; the dates asked for are in the comment lines.
 */
export function diffToCsv(diff: SnapshotDiff, ctx: ExportContext, measureLabels: ReadonlyMap<string, string> = new Map()): string {
  const rows = diff.measures.map((m) => [
    ctx.dataset.id, m.measureId, measureLabels.get(m.measureId) ?? m.measureId, diff.fromDateIso, diff.toDateIso,
    km2(m.fromKm2), km2(m.toKm2), km2(m.gainedKm2), km2(m.lostKm2), km2(m.netKm2), km2(m.unchangedKm2),
    Number(m.identityErrorKm2.toPrecision(3)), diff.areaMethod, diff.engine,
  ]);
  return csvFile(ctx, DIFF_CSV_COLUMNS, rows);
}

export const FIGURES_CSV_COLUMNS = ['dataset', 'date_asked', 'snapshot_date', 'kind', 'id', 'label', 'clipped_to', 'area_km2'] as const;

/** One source's figures on one date, as the area table shows them. */
export interface SourceFigures {
  datasetId: string;
  askedIso: string;
  /** The snapshot in force, or null before the source's first (its rows are then left out). */
  snapshotIso: string | null;
  report: AreaReport | null;
  classes: readonly ControlClass[];
}

/**
 * The figures of the one-date view as CSV: per source, one row per measure (clipped as defined), then one per
 * class (polygons as drawn, unclipped), as the area table shows them. A measure that could not be computed has
 * an empty area, never 0.
 */
export function areaReportToCsv(sources: readonly SourceFigures[], ctx: ExportContext): string {
  const rows: (string | number | undefined)[][] = sources.flatMap(({ datasetId, askedIso, snapshotIso, report, classes }) =>
    !report || !snapshotIso
      ? []
      : [
          ...report.measures.map((m) => [datasetId, askedIso, snapshotIso, 'measure', m.id, m.label, m.clipTo ?? '', km2(m.areaKm2)]),
          ...report.classes.map((c) => [datasetId, askedIso, snapshotIso, 'class', c.id, classes.find((k) => k.id === c.id)?.label ?? c.id, '', km2(c.areaKm2)]),
        ],
  );
  return csvFile(ctx, FIGURES_CSV_COLUMNS, rows);
}

/** One source's area series: its measures' km² for every one of its snapshots. */
export interface SourceSeries {
  datasetId: string;
  points: readonly AreaSeriesPoint[];
  measures: readonly { id: string }[];
}

/**
 * The area series as CSV: one row per snapshot of each source, one column per measure of any source
 * (`<measure id>_km2`), the figures the app charts and `npm run figures` prints. A measure a source does not
 * define, whose area failed, or that a tiled build cannot answer, is empty.
 */
export function areaSeriesToCsv(sources: readonly SourceSeries[], ctx: ExportContext): string {
  const ids = [...new Set(sources.flatMap((s) => s.measures.map((m) => m.id)))];
  const columns = ['dataset', 'snapshot_date', ...ids.map((id) => `${id}_km2`)];
  const rows = sources.flatMap((s) => {
    const own = new Set(s.measures.map((m) => m.id));
    return s.points.map((p) => [s.datasetId, p.dateIso, ...ids.map((id) => km2(own.has(id) && Object.hasOwn(p.areaKm2ByMeasure, id) ? p.areaKm2ByMeasure[id] : undefined))]);
  });
  return csvFile(ctx, columns, rows);
}

/**
 * The picture's text chunks (PNG keywords of §11.3.3.4): what it shows, the sources, every credit with its
 * licence status, the permalink, the app, the access date, and every provenance field as `Comment`.
 */
export function pngTextFields(ctx: ExportContext, title: string): [string, string][] {
  return [
    ['Title', title],
    ['Author', [...new Set(ctx.layers.map((l) => l.source.name))].join('; ') || ctx.dataset.title],
    ['Copyright', creditLines(ctx).join('\n')],
    ['Source', ctx.permalink],
    ['Software', `${ctx.app.name} ${ctx.app.version}`],
    ['Creation Time', ctx.accessedIso],
    ['Comment', provenanceFields(ctx).map(([k, v]) => `${k.trim()}: ${v}`).join('\n')],
  ];
}

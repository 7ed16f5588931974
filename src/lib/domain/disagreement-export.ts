// Exports of where two sources disagree on one date: the polygons (GeoJSON, with both sources' credits as foreign
// members) and the figures (CSV, with the credits as leading comment lines), so a file read alone still says whose
// polygons it holds and on what terms.
import { agreementShare } from './sources';
import type { SnapshotDiff } from './diff';
import { csvField } from './export';
import type { DatasetSource } from './types';

/** One side of the comparison as an export names it. */
export interface DisagreementSide {
  id: string;
  name: string;
  snapshotDateIso: string | null;
  credits: readonly DatasetSource[];
}

const WHERE = { lost: 'only_a', gained: 'only_b', unchanged: 'both' } as const;

export function disagreementToGeoJson(diff: SnapshotDiff, dateIso: string, a: DisagreementSide, b: DisagreementSide): string {
  const features = diff.features.features.map((f) => ({
    type: 'Feature',
    properties: { where: WHERE[f.properties.change], measure: f.properties.measure, area_km2: Number(f.properties.areaKm2.toFixed(3)) },
    geometry: f.geometry,
  }));
  return JSON.stringify({
    type: 'FeatureCollection',
    claimedGround: {
      what: `Ground two sources draw on ${dateIso}: only_a (only ${a.name}), only_b (only ${b.name}), both`,
      dateIso,
      a: { id: a.id, name: a.name, snapshotDateIso: a.snapshotDateIso },
      b: { id: b.id, name: b.name, snapshotDateIso: b.snapshotDateIso },
      areaMethod: diff.areaMethod,
      credits: creditsOf([a, b]),
    },
    features,
  });
}

export const DISAGREEMENT_CSV_COLUMNS = [
  'date', 'measure', 'source_a', 'a_snapshot', 'source_b', 'b_snapshot', 'a_km2', 'b_km2', 'only_a_km2', 'only_b_km2', 'both_km2', 'agreement_iou',
] as const;

export function disagreementToCsv(diff: SnapshotDiff, dateIso: string, a: DisagreementSide, b: DisagreementSide): string {
  const km2 = (x: number) => Number(x.toFixed(3)) || 0;
  const oneLine = (t: string) => t.replace(/[\r\n]+/g, " ");
  const lines = creditsOf([a, b]).map((c) => `# ${oneLine(c.source)}: ${oneLine(c.attribution)}. Licence status: ${oneLine(c.licenceStatus)}`);
  lines.push(`# Area method: ${diff.areaMethod}`);
  lines.push(DISAGREEMENT_CSV_COLUMNS.join(','));
  for (const m of diff.measures) {
    const iou = agreementShare(m.lostKm2, m.gainedKm2, m.unchangedKm2);
    lines.push(
      [dateIso, m.measureId, a.name, a.snapshotDateIso ?? '', b.name, b.snapshotDateIso ?? '', km2(m.fromKm2), km2(m.toKm2), km2(m.lostKm2), km2(m.gainedKm2), km2(m.unchangedKm2), iou === null ? '' : Number(iou.toFixed(4))]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function creditsOf(sides: readonly DisagreementSide[]): { source: string; name: string; attribution: string; licenceStatus: string }[] {
  return sides.flatMap((s) => s.credits.map((c) => ({ source: s.name, name: c.name, attribution: c.attribution, licenceStatus: c.licenceStatus })));
}

// What the class-mapping step needs to know about opened files, computed where they are converted (the load
// worker): the survey of their values (class-mapping.ts) and the problems conversion found.
import type { Issue } from '../domain/types';
import { surveyDataset, type DatasetSurvey } from './class-survey';
import { convertDatasetFiles } from './convert/convert-files';
import { formatByName } from './convert/formats';
import { decodeJsonFile } from './decode';
import type { DatasetFile } from './dataset-files';

/** A survey of the snapshot files, and the issues met converting and decoding them. */
export interface SurveyResult {
  survey: DatasetSurvey;
  issues: Issue[];
  /** True when a `dataset.json` is among the files: it decides the classes, so no mapping step is needed. */
  hasManifest: boolean;
}

const NOT_SNAPSHOTS = /(^|\/)(dataset\.json|claims\.json|places\.geojson)$/i;

/** Convert and survey the files (no validation: that is the loader's). Never throws on bad data. */
export async function surveyFiles(files: readonly DatasetFile[]): Promise<SurveyResult> {
  const converted = await convertDatasetFiles(files);
  const issues = [...converted.issues];
  const parsed: { file: string; json: unknown }[] = [];
  for (const f of converted.files) {
    if (NOT_SNAPSHOTS.test(f.path) || formatByName(f.path) === undefined) continue;
    if (f.converted) {
      if (f.converted.json !== undefined) parsed.push({ file: f.path, json: f.converted.json });
      continue;
    }
    const d = decodeJsonFile({ file: f.path, bytes: f.bytes });
    if (d.ok) parsed.push({ file: f.path, json: d.value });
    else issues.push(...d.issues);
  }
  return { survey: surveyDataset(parsed), issues, hasManifest: files.some((f) => /(^|\/)dataset\.json$/i.test(f.path)) };
}

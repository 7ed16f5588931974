// zod schemas for what a dataset folder holds (manifest, snapshot feature properties, places); their issues are
// worded by domain/zod-wording.ts.
import '../domain/zod-config'; // before any schema is built: no eval probe under the CSP
import * as z from 'zod';
import { relativePathProblem } from './fetch-file';
import { MAX_ID_CHARS, SUPPORTED_DATES } from '../domain/limits';

// Custom messages below are phrased as "what is expected": zod-wording.ts appends ", X found".

/**
 * `YYYY-MM-DD`, a real calendar day (zod 4's ISO date rejects 2024-02-30), in the supported range (limits.ts):
 * a single snapshot dated 9999-12-31 once froze the tab.
 */
export const IsoDateSchema = z.iso
  .date({ error: 'ISO date (YYYY-MM-DD)', abort: true })
  .refine((d) => d >= SUPPORTED_DATES.firstIso && d <= SUPPORTED_DATES.lastIso, { error: `date in the supported range ${SUPPORTED_DATES.firstIso} … ${SUPPORTED_DATES.lastIso}` });

/** A path inside the dataset folder: relative, forward slashes, no `..` (a manifest must not reach outside). */
export const RelativePathSchema = z
  .string()
  .min(1, { error: 'file path' })
  .regex(/^(?!\/)(?![A-Za-z]:)(?!.*(?:^|\/)\.\.(?:\/|$))(?!.*:\/\/)[^\\]+$/, {
    error: 'relative path inside the dataset folder (forward slashes, no "..")',
    abort: true,
  })
  // The app's URL policy (fetch-file.ts) on top: no control characters, no scheme, no encoded dots.
  .refine((p) => relativePathProblem(p) === undefined, { error: 'relative path inside the dataset folder (forward slashes, no "..")' });

const Id = z
  .string()
  .regex(/^[A-Za-z0-9_.-]+$/, { error: 'id of letters, digits, "_", "-" or "."', abort: true })
  .max(MAX_ID_CHARS, { error: `id of at most ${MAX_ID_CHARS} characters` });
const Text = z.string().min(1, { error: 'non-empty text' });

const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: '#rrggbb colour' });

/** Text of an item in other UI languages (`{ "uk": { "label": "…" } }`); English is the item's own field. */
function translations<F extends string>(...fields: F[]) {
  const shape = Object.fromEntries(fields.map((f) => [f, Text.optional()])) as Record<F, z.ZodOptional<typeof Text>>;
  return z.strictObject({ uk: z.strictObject(shape).optional() }).optional();
}

/** A label that holds only for some dates, e.g. ISW's "claimed limit of advance" until 2024-12-01. */
export const LabelPeriodSchema = z.strictObject({
  fromIso: IsoDateSchema.optional(),
  untilIso: IsoDateSchema.optional(),
  label: Text,
  note: z.string().optional(),
  translations: translations('label', 'note'),
});

export const ControlClassSchema = z.strictObject({
  id: Id,
  label: Text,
  color: Color,
  description: z.string().optional(),
  hidden: z.boolean({ error: 'true or false' }).optional(),
  /** Whose control the class marks, for place histories and place claims: an ISO 3166-1 alpha-2 code or "contested". */
  heldBy: z.union([z.string().regex(/^[A-Z]{2}$/), z.literal('contested')], { error: 'ISO 3166-1 alpha-2 country code (e.g. "UA") or "contested"' }).optional(),
  labelPeriods: z.array(LabelPeriodSchema).optional(),
  translations: translations('label', 'description'),
});

export const AreaMeasureSchema = z.strictObject({
  id: Id,
  label: Text,
  classes: z.array(Id).min(1, { error: 'at least one class id' }),
  clipTo: Id.optional(),
  shareOfReference: z.boolean({ error: 'true or false' }).optional(),
  labelPeriods: z.array(LabelPeriodSchema).optional(),
  translations: translations('label'),
});

export const ReferenceAreaSchema = z.strictObject({
  label: Text,
  areaKm2: z.number().positive({ error: 'km² > 0' }),
  source: Text,
});

export const RegionBreakdownSchema = z.strictObject({ file: RelativePathSchema, label: Text, measure: Id });

export const DatasetSourceSchema = z.strictObject({
  name: Text,
  url: z.url({ error: 'URL' }).optional(),
  licenceStatus: Text,
  attribution: Text,
});

export const CameraSchema = z.strictObject({
  zoom: z.number().min(0, { error: 'zoom 0–24' }).max(24, { error: 'zoom 0–24' }),
  lat: z.number().min(-90, { error: 'latitude −90…90' }).max(90, { error: 'latitude −90…90' }),
  lon: z.number().min(-180, { error: 'longitude −180…180' }).max(180, { error: 'longitude −180…180' }),
});

export const SnapshotEntrySchema = z.strictObject({ dateIso: IsoDateSchema, file: RelativePathSchema });

export const ClipRegionSchema = z.strictObject({ label: Text, file: RelativePathSchema, translations: translations('label') });

const MappedValues = z.array(z.strictObject({ value: z.string(), class: Id.nullable() }));

/** How features without a `class` get one (see `ClassMapping` in domain/types.ts). */
export const ClassMappingSchema = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('property'), property: Text, values: MappedValues }),
  z.strictObject({ from: z.literal('style-fill'), values: MappedValues }),
  z.strictObject({ from: z.literal('layer'), values: MappedValues }),
], { error: 'class mapping from "property" (with "property"), "style-fill" or "layer"' });

/** The dataset manifest (`dataset.json`); mirrors `DatasetManifest` in domain/types.ts. */
export const DatasetManifestSchema = z.strictObject({
  $schema: z.string().optional(),
  id: Id,
  title: Text,
  shortName: Text.optional(),
  color: Color.optional(),
  region: z.string(),
  description: z.string().optional(),
  classes: z.array(ControlClassSchema).min(1, { error: 'at least one class' }),
  measures: z.array(AreaMeasureSchema),
  clipRegions: z.record(Id, ClipRegionSchema).optional(),
  defaultView: CameraSchema.optional(),
  sources: z.array(DatasetSourceSchema),
  snapshots: z.array(SnapshotEntrySchema),
  /** Days the source published this area without a change (no snapshot file): the snapshot before is confirmed then. */
  publishedUnchanged: z.array(IsoDateSchema).optional(),
  claimsFile: RelativePathSchema.optional(),
  placesFile: RelativePathSchema.optional(),
  snapshotStore: RelativePathSchema.optional(),
  referenceArea: ReferenceAreaSchema.optional(),
  regions: RegionBreakdownSchema.optional(),
  translations: translations('title', 'description', 'region'),
  placeClaimsFile: RelativePathSchema.optional(),
  classMapping: ClassMappingSchema.optional(),
});

/**
 * Properties of a control-area feature. `class` must name a manifest class; it may be left out only
 * when the dataset has a single (default) class. `date`, if given, should equal the snapshot's date.
 * Any other properties are kept as they are (source-specific fields such as `deepstate_fill`).
 */
export function controlPropsSchema(classIds: readonly string[], defaultClass?: string) {
  const cls =
    classIds.length > 0
      ? z.enum(classIds as [string, ...string[]], { error: `one of ${classIds.map((c) => JSON.stringify(c)).join(', ')}` })
      : Id;
  return z.looseObject({
    class: defaultClass !== undefined ? cls.optional() : cls,
    date: IsoDateSchema.optional(),
    name: z.string({ error: 'text' }).optional(),
    id: z.union([z.string(), z.number()], { error: 'text or number' }).optional(),
  });
}

/** The generic form, for the published JSON Schema. */
export const ControlPropsSchema = controlPropsSchema([]);

// Places (`placesFile`) are the gazetteer's input, so their schema lives in domain/ beside it.
export { PlaceFeatureSchema, PlacePropsSchema, type PlaceFeature, type PlaceProps } from '../domain/place-schema';

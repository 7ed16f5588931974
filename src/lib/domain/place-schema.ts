// The schema of a place label (a dataset's `placesFile`): a Point feature with a name; the gazetteer's input.
import './zod-config'; // before any schema is built: no eval probe under the CSP
import * as z from 'zod';
import type { Feature, Point } from 'geojson';

const Lon = z.number().min(-180, { error: 'longitude −180…180' }).max(180, { error: 'longitude −180…180' });
const Lat = z.number().min(-90, { error: 'latitude −90…90' }).max(90, { error: 'latitude −90…90' });

/** Properties of a place label (`placesFile`). */
export const PlacePropsSchema = z.looseObject({
  name: z.string().min(1, { error: 'non-empty text' }),
  'name:en': z.string().nullable().optional(),
  'name:uk': z.string().nullable().optional(),
  'name:ru': z.string().nullable().optional(),
  population: z.number().int({ error: 'whole number' }).min(0, { error: 'population ≥ 0' }).nullable().optional(),
});

/** A place: a Point feature with a name. */
export const PlaceFeatureSchema = z.looseObject({
  type: z.literal('Feature', { error: '"Feature"' }),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: z.looseObject({
    type: z.literal('Point', { error: '"Point"' }),
    coordinates: z.union([z.tuple([Lon, Lat]), z.tuple([Lon, Lat, z.number()])], { error: '[longitude, latitude]' }),
  }),
  properties: PlacePropsSchema,
});

export type PlaceProps = z.infer<typeof PlacePropsSchema>;
/** A loaded place label. */
export type PlaceFeature = Feature<Point, PlaceProps>;

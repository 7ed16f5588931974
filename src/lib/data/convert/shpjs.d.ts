// Types for the two shpjs functions used (shpjs ships none): parse a .shp (reprojected by proj4 from a .prj
// text) and a .dbf (decoded by the code page named in a .cpg).
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string): (Geometry | null)[];
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[];
}

// Types for the one @terraformer/arcgis function used (the package ships none).
declare module '@terraformer/arcgis' {
  export function arcgisToGeoJSON(arcgis: unknown, idAttribute?: string): unknown;
}

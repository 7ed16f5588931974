// Type declarations for vt-pbf 3 (CommonJS, ships no types): only the part the build scripts use.
declare module 'vt-pbf' {
  /** A geojson-vt tile: `getTile()`'s result, features with extent-scaled integer coordinates. */
  interface GeojsonVtLayer {
    features: readonly unknown[];
  }
  interface VtPbf {
    /** Encodes layer name → geojson-vt tile as one uncompressed MVT protobuf. */
    fromGeojsonVt(
      layers: Record<string, GeojsonVtLayer>,
      options?: { version?: 1 | 2; extent?: number },
    ): Uint8Array;
  }
  const vtpbf: VtPbf;
  export default vtpbf;
}

// TopoJSON converter: ISW's layers as Le Monde mirrors them (fixtures/topojson), and broken topologies.
import { describe, expect, it } from 'vitest';
import { convertTopojson } from './topojson';
import { fixtureJson, reference, sumAreaKm2 } from './test-fixtures';
import { provenanceOf } from './provenance';

const UA_LAYER = 'Kursk Incursion Ukrainian Advances in Russia December 15, 2024';

describe('convertTopojson', () => {
  it('reads every object, each feature with its object as layer, areas as the GeoJSON it was made from', () => {
    const r = convertTopojson('2024-12-15.topojson', fixtureJson('topojson/2024-12-15.topojson'));
    expect(r.issues).toEqual([]);
    expect(r.json?.features).toHaveLength(6);
    const layers = r.json!.features.map((f) => provenanceOf(f.properties)?.layer);
    expect(layers.filter((l) => l === UA_LAYER)).toHaveLength(3);
    expect(provenanceOf(r.json!.features[0]!.properties)).toEqual({ format: 'TopoJSON', layer: UA_LAYER });
    const ref = reference('isw', '2024-12-15');
    // Quantized to 1e5 of the extent (≈ 25 m here): areas agree within 0.1 %.
    const cls = (c: string) => (p: Record<string, unknown>) => p.class === c;
    const ua = (p: Record<string, unknown>) => provenanceOf(p)?.layer === UA_LAYER;
    expect(sumAreaKm2(r.json, ua)).toBeCloseTo(sumAreaKm2(ref, cls('ukraine_advance_in_russia')), 0);
    expect(Math.abs(sumAreaKm2(r.json) / sumAreaKm2(ref) - 1)).toBeLessThan(0.001);
  });

  it('reads only the objects asked for, and says when one is missing', () => {
    const r = convertTopojson('x.topojson', fixtureJson('topojson/2024-12-15.topojson'), { objects: [UA_LAYER, 'Nope'] });
    expect(r.json?.features).toHaveLength(3);
    expect(r.issues.map((i) => i.reason)).toEqual([expect.stringMatching(/^object "Nope" asked for but not in the file/)]);
  });

  it('an arc index out of range costs only its geometry, named by object and index', () => {
    const topo = fixtureJson('topojson/2024-12-15.topojson') as { arcs: unknown[]; objects: Record<string, { geometries: { arcs: unknown }[] }> };
    const geoms = topo.objects[UA_LAYER]!.geometries;
    geoms[1]!.arcs = [[topo.arcs.length + 5]];
    const r = convertTopojson('broken.topojson', topo);
    expect(r.json?.features).toHaveLength(5);
    expect(r.issues).toEqual([
      {
        file: 'broken.topojson',
        featureIndex: 1,
        path: `objects["${UA_LAYER}"].geometries[1]`,
        reason: `objects["${UA_LAYER}"].geometries[1]: arcs: arc index ${topo.arcs.length + 5} out of range (the file has ${topo.arcs.length} arcs); left out`,
        severity: 'error',
      },
    ]);
  });

  it('a negative (reversed) arc index is checked as ~i', () => {
    const topo = fixtureJson('topojson/2024-08-25.topojson') as { arcs: unknown[]; objects: Record<string, { geometries: { arcs: unknown }[] }> };
    const name = Object.keys(topo.objects)[0]!;
    topo.objects[name]!.geometries[0]!.arcs = [[~topo.arcs.length]];
    const r = convertTopojson('neg.topojson', topo);
    expect(r.issues.map((i) => i.reason)).toContainEqual(expect.stringContaining(`arc index ${~topo.arcs.length} out of range`));
    expect(r.issues.at(-1)?.reason).toBe('no readable geometry: nothing to show');
  });

  it('refuses what is not a Topology, with the reason', () => {
    expect(convertTopojson('a.topojson', { type: 'FeatureCollection', features: [] }).issues[0]?.reason).toBe('not TopoJSON: type "Topology" expected, "FeatureCollection" found');
    expect(convertTopojson('a.topojson', { type: 'Topology', objects: {} }).issues[0]?.reason).toBe('arcs: array expected, nothing found');
  });
});

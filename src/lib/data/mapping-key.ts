// What a feature can be classed by in the class-mapping step (a property, the fill of its original style, its layer),
// how a key is named, and the value a feature has for it: shared by the survey and the mapping.
import { isRecord } from './issues';
import { provenanceOf } from './convert/provenance';

/** What to class features by. `property` names one of their properties. */
export type MappingKey = { from: 'property'; property: string } | { from: 'style-fill' } | { from: 'layer' };

/** The key as one string (for a <select> and for equality). */
export function keyId(key: MappingKey): string {
  return key.from === 'property' ? `property:${key.property}` : key.from;
}

/** How the dialog and issues name a key. */
export function keyLabel(key: MappingKey): string {
  return key.from === 'style-fill' ? 'style colour (fill)' : key.from === 'layer' ? 'layer or folder' : `property “${key.property}”`;
}

/**
 * The value a feature has for a key, as text: a property's string, number or boolean; the fill of its original
 * style (a converted feature's provenance, else a simplestyle `fill` property), lower-cased; its layer.
 */
export function keyValue(properties: unknown, key: MappingKey): string | undefined {
  if (!isRecord(properties)) return undefined;
  if (key.from === 'layer') return provenanceOf(properties)?.layer;
  if (key.from === 'style-fill') {
    const fill = provenanceOf(properties)?.style?.fill ?? (Object.hasOwn(properties, 'fill') ? properties.fill : undefined);
    return typeof fill === 'string' ? fill.trim().toLowerCase() : undefined;
  }
  if (!Object.hasOwn(properties, key.property)) return undefined;
  const v = properties[key.property];
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

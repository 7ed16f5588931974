import { describe, expect, it } from 'vitest';
import { notTheFile } from './fetch-dataset-files';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('notTheFile', () => {
  it('says "not found" for a 404, and for a host that answers a missing file with an HTML page', () => {
    expect(notTheFile(404, 'text/plain', bytes('Not Found'))).toBe('not found (HTTP 404)');
    expect(notTheFile(200, 'text/html; charset=utf-8', bytes('<!doctype html><html>'))).toMatch(/^not found \(the host answered with an HTML page/);
    expect(notTheFile(200, 'application/octet-stream', bytes('  \n<html>'))).toMatch(/^not found/);
  });
  it('accepts JSON and gzip bytes', () => {
    expect(notTheFile(200, 'application/json', bytes('{"type":"FeatureCollection"}'))).toBeUndefined();
    expect(notTheFile(200, 'application/gzip', new Uint8Array([0x1f, 0x8b, 8, 0]))).toBeUndefined();
  });
  it('names other HTTP failures', () => {
    expect(notTheFile(500, null, bytes(''))).toBe('could not be fetched (HTTP 500)');
  });
});

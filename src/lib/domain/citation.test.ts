// citation.ts: the citation of a view in plain text, BibTeX and CSL-JSON.
import { describe, expect, it } from 'vitest';
import { bibtexEscape, citationBibtex, citationCslJson, citationText } from './citation';
import { testContext } from './fixtures/export-context';

describe('citationText', () => {
  it('cites one date with its snapshot, method, app and version, permalink and access date', () => {
    expect(citationText(testContext({ kind: 'date', dateIso: '2024-12-15' }))).toBe(
      'DeepStateMap. Kursk incursion, 2024–25: control areas on 15 December 2024. ' +
        'Snapshots used: DeepStateMap: 15 December 2024 (snapshot of 14 December 2024). ' +
        'Areas computed by Claimed Ground 0.1.0 with Turf spherical area. ' +
        'https://example.org/cg/#date=2024-12-15&map=9/51.30/35.20 (accessed 1 December 2026).',
    );
  });

  it('cites a comparison with both dates asked for and both snapshots', () => {
    const text = citationText(testContext({ kind: 'compare', fromIso: '2024-09-05', toIso: '2025-02-04', layout: 'side' }));
    expect(text).toContain('Kursk incursion, 2024–25: change in control areas, 5 September 2024 to 4 February 2025.');
    expect(text).toContain('Snapshots used: DeepStateMap: 5 September 2024 (snapshot of 3 September 2024) → 4 February 2025 (snapshot of 4 February 2025).');
    expect(text).toContain('#compare=2024-09-05..2025-02-04&map=9/51.30/35.20 (accessed 1 December 2026).');
  });

  it('says so when no snapshot was in force, and names every source of a view of several', () => {
    const ctx = testContext({ kind: 'date', dateIso: '2024-07-01' });
    ctx.layers = [
      { source: { name: 'DeepStateMap', licenceStatus: '', attribution: '' }, snapshots: [{ askedIso: '2024-07-01', snapshotIso: null }] },
      { source: { name: 'ISW', licenceStatus: '', attribution: '' }, snapshots: [{ askedIso: '2024-07-01', snapshotIso: '2024-06-30' }] },
    ];
    const text = citationText(ctx);
    expect(text.startsWith('DeepStateMap; ISW. ')).toBe(true);
    expect(text).toContain('DeepStateMap: 1 July 2024 (no snapshot yet); ISW: 1 July 2024 (snapshot of 30 June 2024)');
  });
});

describe('citationBibtex', () => {
  it('is one @misc entry with corporate authors, escaped text and a verbatim url', () => {
    const bib = citationBibtex(testContext({ kind: 'date', dateIso: '2024-12-15' }));
    expect(bib).toBe([
      '@misc{kursk2024_20241215,',
      '  author = {{DeepStateMap}},',
      '  title = {Kursk incursion, 2024–25: control areas on 15 December 2024},',
      '  year = 2024,',
      '  howpublished = {Claimed Ground 0.1.0},',
      '  note = {Snapshots used: DeepStateMap: 15 December 2024 (snapshot of 14 December 2024). Areas computed with Turf spherical area. Accessed 2026-12-01.},',
      '  url = {https://example.org/cg/#date=2024-12-15&map=9/51.30/35.20},',
      '  urldate = {2026-12-01}',
      '}',
      '',
    ].join('\n'));
  });

  it('escapes what BibTeX and LaTeX give meaning to, so data cannot close a field', () => {
    expect(bibtexEscape('50% & {x}_#1 $~^\\')).toBe('50\\% \\& \\{x\\}\\_\\#1 \\$\\textasciitilde{}\\textasciicircum{}\\textbackslash{}');
  });
});

describe('citationCslJson', () => {
  it('is a CSL-JSON array of one dataset item', () => {
    const [item] = JSON.parse(citationCslJson(testContext({ kind: 'compare', fromIso: '2024-09-05', toIso: '2025-02-04', layout: 'overlay' })));
    expect(item).toMatchObject({
      type: 'dataset',
      title: 'Kursk incursion, 2024–25: change in control areas, 5 September 2024 to 4 February 2025',
      author: [{ literal: 'DeepStateMap' }],
      issued: { 'date-parts': [[2025, 2, 4]] },
      accessed: { 'date-parts': [[2026, 12, 1]] },
      publisher: 'Claimed Ground',
      version: '0.1.0',
      URL: 'https://example.org/cg/#compare=2024-09-05..2025-02-04&map=9/51.30/35.20',
    });
    expect(item.note).toContain('snapshot of 3 September 2024');
  });
});

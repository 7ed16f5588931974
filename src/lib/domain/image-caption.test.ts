// image-caption.ts: the text of the downloaded picture.
import { describe, expect, it } from 'vitest';
import { dateFigures, imageCaption } from './image-caption';
import { testContext } from './fixtures/export-context';

describe('imageCaption', () => {
  it('says the date, the snapshot in force per source and its age, the figures, credits and link', () => {
    const ctx = testContext({ kind: 'date', dateIso: '2024-12-15' });
    const figures = dateFigures({ measures: [{ id: 'held', label: 'Held', areaKm2: 520.15 }, { id: 'x', label: 'Failed', areaKm2: undefined }], classes: [], issues: [] });
    const c = imageCaption(ctx, figures, 'Areas by Turf.');
    expect(c.title).toBe('Kursk incursion, 2024–25');
    expect(c.dates).toEqual(['15 December 2024', 'Snapshot in force, DeepStateMap: 14 December 2024 (1 day before)']);
    expect(c.figures).toEqual([{ label: 'Held', value: '520.2 km²' }, { label: 'Failed', value: '–' }]);
    expect(c.credits[0]).toBe('Control areas © DeepStateMap. Licence: No licence published');
    expect(c.credits.at(-1)).toMatch(/^Basemap: /);
    expect(c.permalink).toBe(ctx.permalink);
    expect(c.madeWith).toBe('Claimed Ground 0.1.0 · accessed 1 December 2026');
  });

  it('names both dates and the layout of a comparison, and what the overlay draws', () => {
    const ctx = testContext({ kind: 'compare', fromIso: '2024-09-05', toIso: '2025-02-04', layout: 'side' });
    const c = imageCaption(ctx, [], 'm', 'The map shows gained and lost ground for: Held');
    expect(c.dates).toEqual([
      '5 September 2024 → 4 February 2025 (side by side: from left, to right)',
      'Snapshot in force, DeepStateMap: 3 September 2024 (2 days before) → 4 February 2025 (published that day)',
      'The map shows gained and lost ground for: Held',
    ]);
  });
});

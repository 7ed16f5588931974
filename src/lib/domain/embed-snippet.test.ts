// embed-snippet.ts: the iframe snippet, with data kept as text.
import { describe, expect, it } from 'vitest';
import { embedSnippet } from './embed-snippet';
import { appPageUrl } from './permalink';

describe('embedSnippet', () => {
  it('frames embed.html at the view, with a title', () => {
    const src = appPageUrl('https://example.org/cg/index.html#date=2024-01-01', 'embed.html', '#date=2024-12-15&map=9/51.30/35.20');
    expect(src).toBe('https://example.org/cg/embed.html#date=2024-12-15&map=9/51.30/35.20');
    expect(embedSnippet(src, 'Kursk incursion, 2024–25')).toBe(
      '<iframe src="https://example.org/cg/embed.html#date=2024-12-15&amp;map=9/51.30/35.20" width="800" height="520" style="border:0;max-width:100%" title="Kursk incursion, 2024–25" loading="lazy" referrerpolicy="no-referrer"></iframe>',
    );
  });

  it('keeps a title from data as text', () => {
    expect(embedSnippet('https://x.org/embed.html', '"><script>alert(1)</script>')).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('refuses a relative or script URL', () => {
    expect(() => embedSnippet('javascript:alert(1)', 't')).toThrow('"javascript:alert(1)"');
  });
});

describe('appPageUrl', () => {
  it('gives the full app beside the embed page', () => {
    expect(appPageUrl('http://127.0.0.1:4173/embed.html#date=2024-12-15', '', '#date=2024-12-15')).toBe('http://127.0.0.1:4173/#date=2024-12-15');
  });
});

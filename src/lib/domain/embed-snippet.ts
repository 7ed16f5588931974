// The HTML an article pastes to embed the map: an iframe of embed.html at the current view.

/** Text for a double-quoted HTML attribute: the snippet carries a title from data, which must stay text. */
function attr(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * `<iframe src="…/embed.html#date=…" width="…" height="…" title="…" …></iframe>`. Sizes in CSS px; the width
 * also reads `100%` in a page narrower than it, through the style's max-width. `loading="lazy"`: an article
 * below the fold does not load the map until it is scrolled to.
 */
export function embedSnippet(src: string, title: string, widthPx = 800, heightPx = 520): string {
  if (!/^https?:\/\//.test(src)) throw new Error(`embedSnippet: absolute http(s) URL expected, got ${JSON.stringify(src)}`);
  return `<iframe src="${attr(src)}" width="${widthPx}" height="${heightPx}" style="border:0;max-width:100%" title="${attr(title)}" loading="lazy" referrerpolicy="no-referrer"></iframe>`;
}

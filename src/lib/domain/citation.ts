// A citation of the view on screen: plain text, BibTeX and CSL-JSON, from the export context (export.ts).
import { formatDateLong } from './format';
import { snapshotsText, viewDatesIso, type ExportContext } from './export';

/** Who the citation credits as authors: the sources whose polygons are shown, in order, without repeats. */
function authors(ctx: ExportContext): string[] {
  return [...new Set(ctx.layers.map((l) => l.source.name))];
}

/** The view in words: `control areas on 15 December 2024` or `change in control areas, 3 September 2024 to 4 February 2025`. */
function viewText(ctx: ExportContext): string {
  const v = ctx.view;
  if (v.kind === 'date') return `control areas on ${formatDateLong(v.dateIso)}`;
  return `change in control areas, ${formatDateLong(v.fromIso)} to ${formatDateLong(v.toIso)}`;
}

/** The snapshots used, per source: `DeepStateMap (deepstatemap.live): 15 December 2024 (snapshot of 14 December 2024)`. */
function snapshotsUsedText(ctx: ExportContext): string {
  return ctx.layers.map((l) => `${l.source.name}: ${snapshotsText(l)}`).join('; ');
}

/**
 * Plain-text citation, one paragraph:
 * `<sources>. <dataset title>: <view>. Snapshots used: <…>. Areas computed by <app> <version> with <method>.
 * <permalink> (accessed <date>).`
 */
export function citationText(ctx: ExportContext): string {
  return [
    `${authors(ctx).join('; ') || ctx.dataset.title}.`,
    `${ctx.dataset.title}: ${viewText(ctx)}.`,
    `Snapshots used: ${snapshotsUsedText(ctx)}.`,
    `Areas computed by ${ctx.app.name} ${ctx.app.version} with ${ctx.areaMethod}.`,
    `${ctx.permalink} (accessed ${formatDateLong(ctx.accessedIso)}).`,
  ].join(' ');
}

/** A BibTeX key: letters, digits and `_` only, e.g. `kursk2024_20241215`. */
export function citationKey(ctx: ExportContext): string {
  return `${ctx.dataset.id}_${viewDatesIso(ctx.view).join('_')}`.replace(/[^A-Za-z0-9_]/g, '');
}

/**
 * Text for a BibTeX field value in braces. Characters BibTeX and LaTeX give meaning to are escaped; braces become
 * `\{`/`\}` so a value can never close its field early. URLs are not passed through this (`url` is verbatim).
 */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}%&#$_~^]/g, (c) => ({
    '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '%': '\\%', '&': '\\&', '#': '\\#', $: '\\$', _: '\\_', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
  })[c]!);
}

/** A URL for BibTeX's verbatim `url` field: only characters that cannot end the field. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\s]/g, encodeURIComponent);
}

/**
 * BibTeX entry (`@misc`, which every style knows; `urldate` is biblatex's and ignored by plain BibTeX). Each
 * source is one corporate author in double braces, so BibTeX does not split it into first and last names.
 */
export function citationBibtex(ctx: ExportContext): string {
  const dates = viewDatesIso(ctx.view);
  const year = dates[dates.length - 1]!.slice(0, 4);
  const fields: [string, string][] = [
    ['author', `{${(authors(ctx).length > 0 ? authors(ctx) : [ctx.dataset.title]).map((a) => `{${bibtexEscape(a)}}`).join(' and ')}}`],
    ['title', `{${bibtexEscape(`${ctx.dataset.title}: ${viewText(ctx)}`)}}`],
    ['year', year],
    ['howpublished', `{${bibtexEscape(`${ctx.app.name} ${ctx.app.version}`)}}`],
    ['note', `{${bibtexEscape(`Snapshots used: ${snapshotsUsedText(ctx)}. Areas computed with ${ctx.areaMethod}. Accessed ${ctx.accessedIso}.`)}}`],
    ['url', `{${bibtexUrl(ctx.permalink)}}`],
    ['urldate', `{${ctx.accessedIso}}`],
  ];
  return `@misc{${citationKey(ctx)},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}\n`;
}

const dateParts = (iso: string): { 'date-parts': number[][] } => ({ 'date-parts': [iso.split('-').map(Number)] });

/** CSL-JSON (CSL 1.0.2, type `dataset`): an array of one item, as citation managers import it. */
export function citationCslJson(ctx: ExportContext): string {
  const dates = viewDatesIso(ctx.view);
  const item = {
    id: citationKey(ctx),
    type: 'dataset',
    title: `${ctx.dataset.title}: ${viewText(ctx)}`,
    author: (authors(ctx).length > 0 ? authors(ctx) : [ctx.dataset.title]).map((literal) => ({ literal })),
    // The date of the data shown: the last date asked for.
    issued: dateParts(dates[dates.length - 1]!),
    accessed: dateParts(ctx.accessedIso),
    publisher: ctx.app.name,
    version: ctx.app.version,
    URL: ctx.permalink,
    note: `Snapshots used: ${snapshotsUsedText(ctx)}. Areas computed with ${ctx.areaMethod}.`,
  };
  return JSON.stringify([item], null, 2) + '\n';
}

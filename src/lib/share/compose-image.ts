// The downloadable picture: the map image(s) with the legend drawn over them, and below them the caption
// (dates, snapshots, figures, method, credits, permalink), all drawn in one 2D canvas at the chosen scale.
import type { ImageCaption, LegendKey } from '../domain/image-caption';

/** One map of the picture, where it sits in the map area (CSS px), and its label ("From: 5 Sept 2024", "ISW/CTP: …"). */
export interface MapPane {
  canvas: HTMLCanvasElement;
  xCss: number;
  yCss: number;
  label: string | null;
  /** Swipe: only the part left of this fraction of the map area's width is drawn, with the line there. */
  clipToFraction?: number;
  /** Where its label goes: centred at the top (one map per pane), or at the left or right (the two sides of a swipe). */
  labelAt?: 'center' | 'left' | 'right';
}

/**
 * The map area as on screen, drawn at the capture's pixel ratio: one map, or several side by side or stacked (two
 * dates, or one per source), or two split by the swipe line. Panes are drawn in order, later over earlier.
 */
export interface MapImages {
  widthCss: number;
  heightCss: number;
  panes: MapPane[];
}

/** The UI's font stack (app.css), so the picture reads like the page. */
const FONT_FAMILY = "system-ui, 'Noto Sans', 'DejaVu Sans', sans-serif";
const INK = '#1c2a30';
const MUTED = '#455a64';
/** Sizes in CSS px, multiplied by the scale. */
const PAD = 14;
const STYLES = {
  title: { size: 18, weight: 700, color: INK, gap: 4 },
  dates: { size: 14, weight: 400, color: INK, gap: 2 },
  figure: { size: 13, weight: 400, color: INK, gap: 2 },
  small: { size: 11, weight: 400, color: MUTED, gap: 1.5 },
} as const;
type Style = (typeof STYLES)[keyof typeof STYLES];

function font(style: Style, scale: number, weight: number = style.weight): string {
  return `${weight} ${style.size * scale}px ${FONT_FAMILY}`;
}

/** Break text into lines no wider than `maxWidth` (device px); a word longer than a line (a URL) is cut by characters. */
function wrap(g: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (word: string) => {
    const next = line ? `${line} ${word}` : word;
    if (g.measureText(next).width <= maxWidth) {
      line = next;
      return;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (g.measureText(rest).width > maxWidth && rest.length > 1) {
      let n = rest.length - 1;
      while (n > 1 && g.measureText(rest.slice(0, n)).width > maxWidth) n--;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
  };
  for (const word of text.split(/\s+/).filter(Boolean)) push(word);
  if (line) lines.push(line);
  return lines;
}

interface TextBlock {
  style: Style;
  lines: string[];
  /** Extra space before the block, CSS px. */
  before: number;
}

function captionBlocks(g: CanvasRenderingContext2D, caption: ImageCaption, maxWidth: number, scale: number): TextBlock[] {
  const block = (style: Style, texts: readonly string[], before: number): TextBlock => {
    g.font = font(style, scale);
    return { style, lines: texts.flatMap((t) => wrap(g, t, maxWidth)), before };
  };
  return [
    block(STYLES.title, [caption.title], 0),
    block(STYLES.dates, caption.dates, 2),
    block(STYLES.figure, caption.figures.map((f) => `${f.label}: ${f.value}`), 8),
    block(STYLES.small, [caption.method], 8),
    block(STYLES.small, caption.credits, 6),
    block(STYLES.small, [caption.permalink, caption.madeWith], 6),
  ];
}

function blockHeight(b: TextBlock, scale: number): number {
  return (b.before + b.lines.length * (b.style.size + b.style.gap * 2) * 1.15) * scale;
}

/** Draws the legend box at the map's top left; returns its bottom and right edges (device px). */
function drawLegend(g: CanvasRenderingContext2D, keys: readonly LegendKey[], scale: number): { right: number; bottom: number } {
  if (keys.length === 0) return { right: 0, bottom: 0 };
  const size = 12.5 * scale;
  const swatch = 13 * scale;
  const row = 19 * scale;
  const pad = 7 * scale;
  const widthOf = (k: LegendKey) => {
    g.font = `${k.kind === 'head' ? 700 : 400} ${size}px ${FONT_FAMILY}`;
    return g.measureText(k.label).width + (k.kind === 'head' ? 0 : swatch + 6 * scale);
  };
  const width = Math.max(...keys.map(widthOf)) + pad * 2;
  const x = 10 * scale;
  const y = 10 * scale;
  const height = keys.length * row + pad * 2 - (row - swatch);
  g.fillStyle = 'rgba(255, 255, 255, 0.92)';
  g.fillRect(x, y, width, height);
  keys.forEach((k, i) => {
    const top = y + pad + i * row;
    g.font = `${k.kind === 'head' ? 700 : 400} ${size}px ${FONT_FAMILY}`;
    if (k.kind === 'outline') {
      g.strokeStyle = k.color ?? INK;
      g.lineWidth = 2 * scale;
      g.setLineDash([3 * scale, 2 * scale]);
      g.strokeRect(x + pad + scale, top + scale, swatch - 2 * scale, swatch - 2 * scale);
      g.setLineDash([]);
    } else if (k.kind !== 'head') {
      g.globalAlpha = 0.85;
      g.fillStyle = k.color ?? INK;
      g.fillRect(x + pad, top, swatch, swatch);
      g.globalAlpha = 1;
    }
    g.fillStyle = INK;
    g.textBaseline = 'middle';
    g.fillText(k.label, x + pad + (k.kind === 'head' ? 0 : swatch + 6 * scale), top + swatch / 2);
  });
  g.textBaseline = 'alphabetic';
  return { right: x + width, bottom: y + height };
}

/**
 * A map's label as MapView sets it: white on dark, 8 px from the top; centred on `x`, or starting or ending at it.
 * Where it would sit under the legend it goes just below it instead, so that neither hides the other.
 */
function drawMapLabel(g: CanvasRenderingContext2D, text: string, x: number, top: number, align: 'center' | 'left' | 'right', scale: number, legend: { right: number; bottom: number }): void {
  g.font = `400 ${13 * scale}px ${FONT_FAMILY}`;
  const w = g.measureText(text).width + 16 * scale;
  const h = 21 * scale;
  const left = align === 'center' ? x - w / 2 : align === 'left' ? x : x - w;
  if (left < legend.right && top < legend.bottom) top = legend.bottom + 6 * scale;
  g.fillStyle = 'rgba(38, 50, 56, 0.85)';
  g.fillRect(left, top, w, h);
  g.fillStyle = '#fff';
  g.textBaseline = 'middle';
  g.fillText(text, left + 8 * scale, top + h / 2);
  g.textBaseline = 'alphabetic';
}

/**
 * Draw the picture. `scale` is device pixels per CSS pixel of the page (1 on screen, 2 for print); the map
 * images come already rendered at that ratio, so text and map are equally sharp. Returns the canvas.
 */
export function composeImage(maps: MapImages, legend: readonly LegendKey[], caption: ImageCaption, scale: number): HTMLCanvasElement {
  const mapWidth = Math.round(maps.widthCss * scale);
  const mapHeight = Math.round(maps.heightCss * scale);
  const canvas = document.createElement('canvas');
  const g = canvas.getContext('2d');
  if (!g) throw new Error('composeImage: no 2D canvas context');
  const blocks = captionBlocks(g, caption, mapWidth - 2 * PAD * scale, scale);
  const captionHeight = blocks.reduce((h, b) => h + blockHeight(b, scale), 0) + 2 * PAD * scale;
  canvas.width = mapWidth;
  canvas.height = Math.ceil(mapHeight + captionHeight);

  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  for (const p of maps.panes) {
    const x = Math.round(p.xCss * scale);
    const y = Math.round(p.yCss * scale);
    if (p.clipToFraction === undefined) g.drawImage(p.canvas, x, y);
    else {
      const cut = Math.round(p.clipToFraction * mapWidth) - x;
      if (cut > 0) g.drawImage(p.canvas, 0, 0, cut, p.canvas.height, x, y, cut, p.canvas.height);
      g.fillStyle = '#263238';
      g.fillRect(x + cut - 2 * scale, 0, 4 * scale, mapHeight);
    }
    // Maps side by side or stacked: the 2 px line MapView draws between them.
    g.fillStyle = '#263238';
    if (p.clipToFraction === undefined && x > 0) g.fillRect(x - scale, y, 2 * scale, p.canvas.height);
    if (p.clipToFraction === undefined && y > 0) g.fillRect(x, y - scale, p.canvas.width, 2 * scale);
  }
  const legendBox = drawLegend(g, legend, scale);
  for (const p of maps.panes) {
    if (!p.label) continue;
    const x = Math.round(p.xCss * scale);
    const at = p.labelAt ?? 'center';
    const labelX = at === 'left' ? x + 8 * scale : at === 'right' ? mapWidth - 56 * scale : x + p.canvas.width / 2;
    drawMapLabel(g, p.label, labelX, Math.round(p.yCss * scale) + 8 * scale, at, scale, legendBox);
  }

  g.fillStyle = '#cfd8dc';
  g.fillRect(0, mapHeight, canvas.width, scale);
  let y = mapHeight + PAD * scale;
  for (const b of blocks) {
    y += b.before * scale;
    const lineHeight = (b.style.size + b.style.gap * 2) * 1.15 * scale;
    for (const line of b.lines) {
      const isFigure = b.style === STYLES.figure;
      const colon = isFigure ? line.indexOf(': ') : -1;
      g.fillStyle = b.style.color;
      g.textBaseline = 'top';
      if (colon > 0) {
        // "Label: value" with the label in bold, as the area table sets it.
        g.font = font(b.style, scale, 700);
        const label = line.slice(0, colon + 1);
        g.fillText(label, PAD * scale, y);
        const w = g.measureText(`${label} `).width;
        g.font = font(b.style, scale);
        g.fillText(line.slice(colon + 2), PAD * scale + w, y);
      } else {
        g.font = font(b.style, scale);
        g.fillText(line, PAD * scale, y);
      }
      y += lineHeight;
    }
  }
  g.textBaseline = 'alphabetic';
  return canvas;
}

/** The canvas as PNG bytes. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the picture could not be encoded as PNG'))), 'image/png'));
}

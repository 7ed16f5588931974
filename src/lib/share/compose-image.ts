// The downloadable picture: the map image(s) with the legend drawn over them, and below them the caption
// (dates, snapshots, figures, method, credits, permalink), all drawn in one 2D canvas at the chosen scale.
import type { ImageCaption, LegendKey } from '../domain/image-caption';

/** The map part of the picture: one map, two side by side (from, to), or two split at the swipe line. */
export type MapImages =
  | { layout: 'single'; map: HTMLCanvasElement }
  | { layout: 'side'; from: HTMLCanvasElement; to: HTMLCanvasElement; fromLabel: string; toLabel: string }
  | { layout: 'swipe'; from: HTMLCanvasElement; to: HTMLCanvasElement; fraction: number; fromLabel: string; toLabel: string };

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

function drawLegend(g: CanvasRenderingContext2D, keys: readonly LegendKey[], scale: number): void {
  if (keys.length === 0) return;
  const size = 12.5 * scale;
  g.font = `400 ${size}px ${FONT_FAMILY}`;
  const swatch = 13 * scale;
  const row = 19 * scale;
  const pad = 7 * scale;
  const width = Math.max(...keys.map((k) => g.measureText(k.label).width)) + swatch + 6 * scale + pad * 2;
  const x = 10 * scale;
  const y = 10 * scale;
  g.fillStyle = 'rgba(255, 255, 255, 0.92)';
  g.fillRect(x, y, width, keys.length * row + pad * 2 - (row - swatch));
  keys.forEach((k, i) => {
    const top = y + pad + i * row;
    g.globalAlpha = 0.85;
    g.fillStyle = k.color;
    g.fillRect(x + pad, top, swatch, swatch);
    g.globalAlpha = 1;
    g.fillStyle = INK;
    g.textBaseline = 'middle';
    g.fillText(k.label, x + pad + swatch + 6 * scale, top + swatch / 2);
  });
  g.textBaseline = 'alphabetic';
}

function drawMapLabel(g: CanvasRenderingContext2D, text: string, centerX: number, bottomY: number, scale: number): void {
  g.font = `400 ${13 * scale}px ${FONT_FAMILY}`;
  const w = g.measureText(text).width + 16 * scale;
  const h = 21 * scale;
  g.fillStyle = 'rgba(38, 50, 56, 0.85)';
  g.fillRect(centerX - w / 2, bottomY - h, w, h);
  g.fillStyle = '#fff';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(text, centerX, bottomY - h / 2);
  g.textAlign = 'left';
  g.textBaseline = 'alphabetic';
}

/**
 * Draw the picture. `scale` is device pixels per CSS pixel of the page (1 on screen, 2 for print); the map
 * images come already rendered at that ratio, so text and map are equally sharp. Returns the canvas.
 */
export function composeImage(maps: MapImages, legend: readonly LegendKey[], caption: ImageCaption, scale: number): HTMLCanvasElement {
  const mapWidth = maps.layout === 'side' ? maps.from.width + maps.to.width : maps.layout === 'single' ? maps.map.width : maps.to.width;
  const mapHeight = maps.layout === 'single' ? maps.map.height : Math.max(maps.from.height, maps.to.height);
  const canvas = document.createElement('canvas');
  const g = canvas.getContext('2d');
  if (!g) throw new Error('composeImage: no 2D canvas context');
  const blocks = captionBlocks(g, caption, mapWidth - 2 * PAD * scale, scale);
  const captionHeight = blocks.reduce((h, b) => h + blockHeight(b, scale), 0) + 2 * PAD * scale;
  canvas.width = mapWidth;
  canvas.height = Math.ceil(mapHeight + captionHeight);

  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  if (maps.layout === 'single') g.drawImage(maps.map, 0, 0);
  else if (maps.layout === 'side') {
    g.drawImage(maps.from, 0, 0);
    g.drawImage(maps.to, maps.from.width, 0);
    g.fillStyle = '#263238';
    g.fillRect(maps.from.width - scale, 0, 2 * scale, mapHeight);
    drawMapLabel(g, maps.fromLabel, maps.from.width / 2, mapHeight - 40 * scale, scale);
    drawMapLabel(g, maps.toLabel, maps.from.width + maps.to.width / 2, mapHeight - 40 * scale, scale);
  } else {
    const cut = Math.round(maps.fraction * mapWidth);
    g.drawImage(maps.to, 0, 0);
    g.drawImage(maps.from, 0, 0, cut, maps.from.height, 0, 0, cut, maps.from.height);
    g.fillStyle = '#263238';
    g.fillRect(cut - 2 * scale, 0, 4 * scale, mapHeight);
    drawMapLabel(g, maps.fromLabel, Math.max(cut / 2, 60 * scale), mapHeight - 40 * scale, scale);
    drawMapLabel(g, maps.toLabel, Math.min(cut + (mapWidth - cut) / 2, mapWidth - 60 * scale), mapHeight - 40 * scale, scale);
  }
  drawLegend(g, legend, scale);

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

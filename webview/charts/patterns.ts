// Series are told apart by more than colour: each outcome keeps a fill pattern of its own (solid,
// stripes, dots…) in every theme, in the chart and in its legend swatch, and a fixed stacking order.
import { OUTCOMES } from '../../src/vendors/model';
import { cssVariable, themeKind } from '../theme';

export type PatternName = 'solid' | 'diagonal' | 'dots' | 'horizontal' | 'vertical' | 'cross' | 'antidiagonal' | 'grid' | 'checker';

/** In the order of OUTCOMES; other series take them in their own order. */
export const PATTERNS: readonly PatternName[] = ['solid', 'diagonal', 'dots', 'horizontal', 'vertical', 'cross', 'antidiagonal', 'grid', 'checker'];

const TILE = 8;

/** The pattern of a series: by its outcome when it is one, else by its place. */
export function patternOf(key: string, index: number): PatternName {
  const outcome = (OUTCOMES as readonly string[]).indexOf(key);
  return PATTERNS[(outcome >= 0 ? outcome : index) % PATTERNS.length] ?? 'solid';
}

/** A tile of `color` with the pattern drawn over it in the theme's background colour. */
function tile(pattern: PatternName, color: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = TILE;
  canvas.height = TILE;
  const context = canvas.getContext('2d');
  if (!context) return canvas;
  context.fillStyle = color;
  context.fillRect(0, 0, TILE, TILE);
  // In high contrast the marks are fully opaque; otherwise they stay light.
  context.globalAlpha = themeKind().startsWith('high-contrast') ? 1 : 0.55;
  context.strokeStyle = cssVariable('--vscode-editor-background', '#ffffff');
  context.fillStyle = context.strokeStyle;
  context.lineWidth = 1.5;
  const line = (x1: number, y1: number, x2: number, y2: number): void => {
    context.beginPath();
    context.moveTo(x1, y1);
    context.lineTo(x2, y2);
    context.stroke();
  };
  switch (pattern) {
    case 'solid':
      break;
    case 'diagonal':
      line(0, TILE, TILE, 0);
      line(-TILE / 2, TILE / 2, TILE / 2, -TILE / 2);
      line(TILE / 2, TILE * 1.5, TILE * 1.5, TILE / 2);
      break;
    case 'antidiagonal':
      line(0, 0, TILE, TILE);
      line(TILE / 2, -TILE / 2, TILE * 1.5, TILE / 2);
      line(-TILE / 2, TILE / 2, TILE / 2, TILE * 1.5);
      break;
    case 'dots':
      context.beginPath();
      context.arc(TILE / 2, TILE / 2, 1.6, 0, Math.PI * 2);
      context.fill();
      break;
    case 'horizontal':
      line(0, TILE / 2, TILE, TILE / 2);
      break;
    case 'vertical':
      line(TILE / 2, 0, TILE / 2, TILE);
      break;
    case 'cross':
      line(0, 0, TILE, TILE);
      line(0, TILE, TILE, 0);
      break;
    case 'grid':
      line(0, TILE / 2, TILE, TILE / 2);
      line(TILE / 2, 0, TILE / 2, TILE);
      break;
    case 'checker':
      context.fillRect(0, 0, TILE / 2, TILE / 2);
      context.fillRect(TILE / 2, TILE / 2, TILE / 2, TILE / 2);
      break;
  }
  return canvas;
}

/** What a bar is filled with: the colour, patterned (read from the theme at each draw). */
export function patternFill(pattern: PatternName, color: string): string | CanvasPattern {
  if (pattern === 'solid') return color;
  return document.createElement('canvas').getContext('2d')?.createPattern(tile(pattern, color), 'repeat') ?? color;
}

/** The same fill for an HTML swatch (a legend button). */
export function patternCss(pattern: PatternName, color: string): string {
  return pattern === 'solid' ? 'none' : `url("${tile(pattern, color).toDataURL()}")`;
}

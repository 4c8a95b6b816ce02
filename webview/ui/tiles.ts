// The headline numbers at the top of a view, as a description list.
import { h } from '../dom';

export interface Tile {
  label: string;
  value: string;
  detail?: string;
}

export function tiles(items: readonly Tile[]): HTMLElement {
  return h('dl', {
    className: 'tiles',
    children: items.map((item) =>
      h('div', {
        className: 'tile',
        children: [h('dt', { text: item.label }), h('dd', { className: 'tile-value', text: item.value }), item.detail ? h('dd', { className: 'tile-detail', text: item.detail }) : undefined],
      }),
    ),
  });
}

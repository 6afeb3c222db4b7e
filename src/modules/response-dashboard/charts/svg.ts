// Escaping for SVG written as a string (the charts are strings so the PDF can use them too).
export function esc(s: string | number): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Colours: Rijkshuisstijl dark blue for "responded", a light blue for "invited", white for the rest. */
export const COLOURS = { responded: '#01689b', invited: '#cce0f1', other: '#ffffff', outside: '#eeeeee', text: '#000000', line: '#666666' };

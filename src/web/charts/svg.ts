// Shared plumbing for server-side SVG: one linkedom document for Observable Plot, and the finishing
// touches every chart gets (role, accessible name) so it can be inlined in a page under our CSP
// (no inline <style>) and embedded in the PDF (presentation attributes only, no CSS).
import { parseHTML } from 'linkedom';

/** Plot needs a DOM; linkedom's is enough and needs no browser. */
export const chartDocument: Document = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

/** The page's font first; Liberation/DejaVu are what Typst finds on a Linux machine. */
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

export type ChartMeta = {
  /** Unique on the page: ids of <title> and <desc> derive from it. */
  id: string;
  /** The accessible name. */
  title: string;
  /** A one-sentence description; the data table beside the chart is the full alternative. */
  description?: string;
};

/**
 * A word for a picture whose words are set apart from its SVG (the PDF: Typst turns SVG text into
 * outlines, at a high cost per picture; decision 018), in the SVG's units: `y` is the baseline, `x`
 * the left end, or with `w` the box the text is centred in. Fill and size as the SVG would have had.
 */
export type ChartText = { x: number; y: number; w?: number; size: number; text: string; fill: string; bold?: true; italic?: true };
/** A picture for the PDF: an SVG without text, its size in its own units, and its words apart. */
export type SvgPicture = { svg: string; width: number; height: number; texts: ChartText[] };

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** ASCII-safe id part from any key. */
export function idPart(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
}

/**
 * Turns a Plot SVG into the markup we ship: Plot's <style> and its per-mark aria attributes go
 * (the whole picture is one img with a name; the table beside it carries the data), and a
 * <title>/<desc> pair is added and referenced with aria-labelledby.
 */
export function finishPlotSvg(svg: Element, meta: ChartMeta, fontSize = 12): string {
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  for (const el of [...svg.querySelectorAll('[aria-label],[aria-hidden],[aria-description]')]) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-hidden');
    el.removeAttribute('aria-description');
  }
  svg.removeAttribute('class');
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('font-family', FONT_FAMILY);
  svg.setAttribute('font-size', String(fontSize));
  svg.setAttribute('fill', '#1a1a1a');
  return withAccessibleName(svg.outerHTML, meta);
}

/** Adds role="img", the <title> (the name) and <desc> (the description) right after the opening tag. */
export function withAccessibleName(svgMarkup: string, meta: ChartMeta): string {
  const titleId = `${meta.id}-title`;
  const descId = `${meta.id}-desc`;
  const described = meta.description ? ` aria-describedby="${descId}"` : '';
  const head = `<title id="${titleId}">${escapeXml(meta.title)}</title>${meta.description ? `<desc id="${descId}">${escapeXml(meta.description)}</desc>` : ''}`;
  const open = svgMarkup.indexOf('>');
  const tag = svgMarkup.slice(0, open).replace(/^<svg/, `<svg role="img" id="${meta.id}" aria-labelledby="${titleId}"${described}`);
  return `${tag}>${head}${svgMarkup.slice(open + 1)}`;
}

/** Splits a label into lines of at most `max` characters, at spaces. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

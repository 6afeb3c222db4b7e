// Forms of the questionnaire editor in tests: the fields a browser would send (selects included)
// and the error summary's links.
import { parse } from './html.ts';

/** The fields of a form as a browser sends them (selects included), with `over` laid on top. */
export function fieldsOf(html: string, selector: string, over: Record<string, string | string[] | null> = {}): [string, string][] {
  const form = parse(html).querySelector(selector);
  if (!form) throw new Error(`no form ${selector}`);
  const out: [string, string][] = [];
  for (const el of form.querySelectorAll('input, textarea, select')) {
    const name = el.getAttribute('name');
    const type = el.getAttribute('type') ?? '';
    if (!name || name in over || type === 'submit') continue;
    if ((type === 'radio' || type === 'checkbox') && !el.hasAttribute('checked')) continue;
    if (el.tagName === 'SELECT') {
      const options = [...el.querySelectorAll('option')];
      out.push([name, (options.find((o) => o.hasAttribute('selected')) ?? options[0])?.getAttribute('value') ?? '']);
    } else out.push([name, el.tagName === 'TEXTAREA' ? (el.textContent ?? '') : (el.getAttribute('value') ?? '')]);
  }
  for (const [k, v] of Object.entries(over)) {
    if (v === null) continue;
    for (const x of Array.isArray(v) ? v : [v]) out.push([k, x]);
  }
  return out;
}

/** The error summary's links: where each goes and what it says. */
export function summary(html: string): { href: string | null; text: string }[] {
  return [...parse(html).querySelectorAll('.error-summary li a')].map((a) => ({ href: a.getAttribute('href'), text: a.textContent ?? '' }));
}

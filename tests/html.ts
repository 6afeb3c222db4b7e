// Reading pages in tests the way a person does: by heading, label, link text and form fields.
import { parseHTML } from 'linkedom';

export function parse(html: string) {
  const { document } = parseHTML(html);
  return document;
}

export function text(html: string): string {
  return (parse(html).body?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The form fields of the first form with a method=post, as a browser would send them. */
export function formFields(html: string, selector = 'form[method=post]'): [string, string][] {
  const form = parse(html).querySelector(selector);
  if (!form) throw new Error(`no form ${selector}`);
  const out: [string, string][] = [];
  for (const el of form.querySelectorAll('input, textarea, select')) {
    const name = el.getAttribute('name');
    if (!name) continue;
    const type = el.getAttribute('type') ?? '';
    if ((type === 'radio' || type === 'checkbox') && !el.hasAttribute('checked')) continue;
    if (type === 'submit') continue;
    out.push([name, el.tagName === 'TEXTAREA' ? (el.textContent ?? '') : (el.getAttribute('value') ?? '')]);
  }
  return out;
}

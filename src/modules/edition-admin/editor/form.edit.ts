// Reading the questionnaire editor's form fields (pure): bilingual texts, codes, whole numbers.
// Every error names its field (for the error summary's link) and what it is about (for the message).
import type { Text } from '../../questionnaire/index.ts';
import type { EdKey } from '../questionnaire-editor.i18n.ts';
import type { Reference } from './references.edit.ts';

/** A form as sent: each field name with all of its values. */
export type FormFields = Record<string, string[]>;

export const MAX_TEXT = 1000;
export const MAX_CODE = 40;
export const CODE = /^[a-z0-9_]+$/;

/** What a field is about, in words: "de vraagtekst", "antwoordoptie "ja"". */
export type Part = { key: EdKey; params?: Record<string, string | number> };
export type EditError = {
  field: string; key: EdKey; part?: Part; params?: Record<string, string | number>;
  /** What depends on the thing that was to be renamed or removed. */
  refs?: Reference[];
};
/** What was typed, per field, to show back on a page with errors. */
export type Values = Record<string, string>;

/** The result of reading a page: what was typed, what is wrong, and (when nothing is) the changed questionnaire. */
export type Edit<T> = { values: Values; errors: EditError[]; next?: T; notice?: Part };

const clean = (s: string | undefined) => (s ?? '').replace(/\r\n?/g, '\n').trim();

export class FormReader {
  readonly values: Values = {};
  readonly errors: EditError[] = [];
  constructor(private readonly form: FormFields) {}

  has(name: string): boolean {
    return this.form[name] !== undefined;
  }

  /** The first value, trimmed (absent: `fallback`), remembered to show back. */
  raw(name: string, fallback = ''): string {
    const v = this.has(name) ? clean(this.form[name]?.[0]) : fallback;
    this.values[name] = v;
    return v;
  }

  /** Every value of a field sent several times (checkboxes). */
  all(name: string): string[] {
    return (this.form[name] ?? []).map((v) => v.trim()).filter(Boolean);
  }

  checked(name: string): boolean {
    const on = (this.form[name] ?? []).some((v) => v !== '');
    if (on) this.values[name] = '1';
    return on;
  }

  error(field: string, key: EdKey, part?: Part, params?: EditError['params'], refs?: Reference[]): void {
    this.errors.push({ field, key, part, params, ...(refs && { refs }) });
  }

  /**
   * A text in Dutch and English (fields `<id>-nl`, `<id>-en`). Dutch is needed when the text is
   * required or English is given; English left empty takes the Dutch text (listed under
   * "Vertalingen" until translated). Undefined when optional and both are empty.
   */
  text(id: string, part: Part, opts: { required: boolean; current?: Text }): Text | undefined {
    const nl = this.raw(`${id}-nl`, opts.current?.nl);
    const en = this.raw(`${id}-en`, opts.current?.en);
    if (!nl && !en && !opts.required) return undefined;
    let ok = true;
    if (!nl) {
      this.error(`${id}-nl`, 'error.text.empty', part);
      ok = false;
    }
    for (const [lang, v] of [['nl', nl], ['en', en]] as const) {
      if (v.length > MAX_TEXT) {
        this.error(`${id}-${lang}`, lang === 'nl' ? 'error.text.tooLong.nl' : 'error.text.tooLong.en', part, { max: MAX_TEXT });
        ok = false;
      }
    }
    return ok ? { nl, en: en || nl } : undefined;
  }

  /** A code or key: lowercase letters, digits and _, at most MAX_CODE long, not in `taken`. */
  code(name: string, part: Part, taken: ReadonlySet<string> = new Set(), current = ''): string | undefined {
    const v = this.raw(name, current);
    if (!v) this.error(name, 'error.code.empty', part);
    else if (!CODE.test(v)) this.error(name, 'error.code.invalid', part, { code: v });
    else if (v.length > MAX_CODE) this.error(name, 'error.code.tooLong', part, { max: MAX_CODE });
    else if (taken.has(v)) this.error(name, 'error.code.taken', part, { code: v });
    else return v;
    return undefined;
  }

  /** An optional whole number from `min` to `max`; undefined when empty. */
  int(name: string, part: Part, min: number, max: number, current?: number): number | undefined | null {
    const v = this.raw(name, current === undefined ? '' : String(current));
    if (!v) return undefined;
    const n = Number(v);
    if (!/^-?\d+$/.test(v) || n < min || n > max) {
      this.error(name, 'error.int', part, { min, max });
      return null;
    }
    return n;
  }
}

/** The revision a form was rendered from (hidden field `rev`); undefined when missing or malformed. */
export function formRev(form: FormFields): number | undefined {
  const v = form.rev?.[0] ?? '';
  return /^\d{1,12}$/.test(v) ? Number(v) : undefined;
}

/** Moves the element at `index` one place up (-1) or down (+1); unchanged at the ends. */
export function swap<T>(list: readonly T[], index: number, dir: -1 | 1): T[] {
  const out = [...list];
  const j = index + dir;
  if (index < 0 || j < 0 || j >= out.length) return out;
  [out[index], out[j]] = [out[j], out[index]];
  return out;
}

/** "op" / "neer" from a button's value, as -1 / +1. */
export function direction(v: string | undefined): -1 | 1 | undefined {
  return v === 'op' ? -1 : v === 'neer' ? 1 : undefined;
}

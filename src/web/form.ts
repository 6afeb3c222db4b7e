// Form bodies as a plain map of field → values (checkbox groups send a field several times).
import type { Context } from 'hono';

export type FormFields = Record<string, string[]>;

export async function readForm(c: Context): Promise<FormFields> {
  const body = await c.req.parseBody({ all: true });
  const out: FormFields = {};
  for (const [k, v] of Object.entries(body)) {
    const list = Array.isArray(v) ? v : [v];
    out[k] = list.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

export function first(form: FormFields, name: string): string | undefined {
  return form[name]?.[0];
}

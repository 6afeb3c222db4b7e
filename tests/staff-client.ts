// A signed-in member of staff for HTTP tests: an account of the given role with a real session
// (as after following a sign-in link), its cookie and its CSRF token on every POST.
import { createAccount, createSession, type Role } from '../src/modules/auth/index.ts';
import type { Db } from '../src/db/client.ts';

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };
let seq = 0;

export async function signedInAs(app: App, db: Db, role: Role, now = new Date()) {
  const account = await createAccount(db, { email: `${role}${++seq}-${Date.now()}@example.nl`, name: `Test ${role} ${seq}`, role }, now);
  const { id, csrfSecret } = await createSession(db, account.id, now);
  const cookie = `sessie=${id}`;
  const request = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    return app.request(path, { ...init, headers });
  };
  return {
    account,
    csrf: csrfSecret,
    get: (path: string) => request(path),
    post: (path: string, fields: [string, string][], { csrf = true } = {}) =>
      request(path, {
        method: 'POST',
        body: new URLSearchParams(csrf ? [['_csrf', csrfSecret], ...fields] : fields),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    upload: (path: string, fields: Record<string, string | Blob>, fileName = 'upload.csv') => {
      const form = new FormData();
      form.set('_csrf', csrfSecret);
      for (const [k, v] of Object.entries(fields)) {
        if (typeof v === 'string') form.set(k, v);
        else form.set(k, v, fileName);
      }
      return request(path, { method: 'POST', body: form });
    },
  };
}

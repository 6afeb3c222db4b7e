// The invite form: read and check the fields; a duplicate is found by the database, not here.
import type { FormFields } from '../../web/form.ts';
import { isRole, isValidEmail, normalizeEmail, type Role } from '../auth/index.ts';
import type { AdminKey } from './admin.i18n.ts';

export const MAX_NAME = 200;

export type InviteValues = { email: string; name: string; role: string };
export type InviteError = { field: 'email' | 'name' | 'role'; key: AdminKey };
export type Invite = { email: string; name: string; role: Role };

export function readInvite(form: FormFields): { values: InviteValues; errors: InviteError[]; invite?: Invite } {
  const values = {
    email: normalizeEmail(form.email?.[0] ?? ''),
    name: (form.name?.[0] ?? '').trim(),
    role: form.role?.[0] ?? '',
  };
  const errors: InviteError[] = [];
  if (!isValidEmail(values.email)) errors.push({ field: 'email', key: 'invite.error.email' });
  if (values.name === '') errors.push({ field: 'name', key: 'invite.error.name' });
  else if (values.name.length > MAX_NAME) errors.push({ field: 'name', key: 'invite.error.nameLong' });
  if (!isRole(values.role)) errors.push({ field: 'role', key: 'invite.error.role' });
  if (errors.length > 0 || !isRole(values.role)) return { values, errors };
  return { values, errors, invite: { email: values.email, name: values.name, role: values.role } };
}

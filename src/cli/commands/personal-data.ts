import fs from 'node:fs';
import path from 'node:path';
import { isValidEmail, normalizeEmail } from '../../modules/auth/index.ts';
import { applyRetention, countFound, erasePersonalData, findPersonalData, retentionDays } from '../../modules/privacy/index.ts';
import { parse } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

const USAGE = 'personal-data export EMAIL [--out FILE] | erase EMAIL --yes | retention [--days N]';

function address(value: string | undefined): string {
  const email = normalizeEmail(value ?? '');
  if (!isValidEmail(email)) throw new CliError(`Geef een geldig e-mailadres (kreeg: ${value ?? 'niets'})`);
  return email;
}

const summary = (counts: Record<string, number>) =>
  Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ') || 'niets';

export const personalDataCommand: Command = {
  name: 'personal-data',
  usage: USAGE,
  summary: 'AVG: alle gegevens over één e-mailadres als JSON (export), wissen (erase), of de bewaartermijn nu toepassen (retention)',
  async run(args, { db, now, out }) {
    const [action, ...rest] = args;
    if (action === 'export') {
      const { positionals, values } = parse(rest, { out: { type: 'string' } }, 1);
      const data = await findPersonalData(db, address(positionals[0]), now());
      const json = `${JSON.stringify(data, null, 2)}\n`;
      if (!values.out) return out(json.trimEnd());
      // Written whole or not at all; readable by its owner only (it is personal data).
      const tmp = path.join(path.dirname(path.resolve(values.out)), `.${path.basename(values.out)}.${process.pid}.tmp`);
      try {
        fs.writeFileSync(tmp, json, { mode: 0o600 });
        fs.renameSync(tmp, values.out);
      } catch (e) {
        fs.rmSync(tmp, { force: true });
        throw new CliError(`Kan ${values.out} niet schrijven (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      return out(`Geschreven naar ${values.out}: ${summary(countFound(data))}.`);
    }
    if (action === 'erase') {
      const { positionals, values } = parse(rest, { yes: { type: 'boolean' } }, 1);
      const email = address(positionals[0]);
      if (!values.yes) {
        const found = countFound(await findPersonalData(db, email, now()));
        throw new CliError(`Gevonden: ${summary(found)}. Wissen kan niet ongedaan worden gemaakt: herhaal met --yes.`);
      }
      const { counts, logId } = await erasePersonalData(db, email, { now: now(), via: 'cli' });
      return out(`Gewist: ${summary(counts)} (logboek nr. ${logId}).`);
    }
    if (action === 'retention') {
      const { values } = parse(rest, { days: { type: 'string' } });
      let days: number;
      try {
        days = values.days === undefined ? retentionDays() : retentionDays({ RETENTION_DAYS: values.days });
      } catch (e) {
        throw new CliError((e as Error).message.replace('instelling RETENTION_DAYS', '--days'));
      }
      const done = await applyRetention(db, now(), days, 'cli');
      if (done.length === 0) return out(`Bewaartermijn ${days} dagen: niets te wissen.`);
      for (const r of done) {
        out(`Editie ${r.edition ?? '(e-mail zonder editie)'}: ${r.contacts} contactpersonen, ${r.calls} gespreksnotities, ${r.messages} e-mails, ${r.contactImports} wachtende contactlijsten gewist.`);
      }
      return;
    }
    throw new CliError(`Gebruik: ${USAGE}`);
  },
};

import { loadDemo } from '../../modules/demo/index.ts';
import { parse } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo [--seed N]',
  summary: 'laad de demogegevens (fictief, leest als het rapport 2022); nogmaals laden verandert niets',
  async run(args, { db, now, out }) {
    const { values } = parse(args, { seed: { type: 'string' } });
    if (values.seed !== undefined && !/^\d{1,9}$/.test(values.seed)) throw new CliError(`--seed verwacht een geheel getal (kreeg: ${values.seed})`);
    const r = await loadDemo(db, { seed: values.seed ? Number(values.seed) : undefined, now: now() });
    const what = { loaded: 'geladen', replaced: 'vervangen', unchanged: 'waren al geladen (niets veranderd)' }[r.status];
    out(`Demogegevens (seed ${r.seed}) ${what}: ${r.responses} ingevulde vragenlijsten, ${r.answers} antwoorden.`);
  },
};

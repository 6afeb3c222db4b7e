// {code.SLUG.aantal} in the report text: how many municipalities have a text with that code in the
// edition (counted as on the open answers page: submitted questionnaires, a municipality once).
import type { Db } from '../../db/client.ts';
import type { PlaceholderProvider } from '../report-text/placeholder.model.ts';
import { codeCounts } from './open-answers.model.ts';
import { listAssignments, listCodes } from './open-answers.repo.ts';

export const codePlaceholders = {
  prefix: 'code',
  async load(db: Db, edition: number): Promise<PlaceholderProvider> {
    const [codes, assignments] = await Promise.all([listCodes(db), listAssignments(db, [edition])]);
    const counts = codeCounts(assignments);
    return {
      prefix: 'code',
      resolve(segments, lang) {
        const [slug, measure] = segments;
        const code = codes.find((c) => c.slug === slug);
        if (!code || measure !== 'aantal' || segments.length !== 2) return undefined;
        const n = counts.get(code.id)?.get(edition) ?? 0;
        return { ok: true, text: n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB'), value: n };
      },
      list(lang) {
        return codes.map((c) => ({
          name: `code.${c.slug}.aantal`,
          label: lang === 'nl' ? `gemeenten met de code "${c.label}" in ${edition}` : `municipalities with the code "${c.label}" in ${edition}`,
        }));
      },
    };
  },
};

// Statistics from the database for the `stats` command and downloads: reads the submitted
// responses, registers and questionnaires, then hands them to the pure statistics module.
import type { Db } from '../../db/client.ts';
import { listEditions } from '../editions/editions.repo.ts';
import { isSizeClassId, SIZE_CLASS_IDS, sizeClassesByEdition } from '../population/index.ts';
import { provincesByEdition } from '../register/by-edition.ts';
import { listSubmittedResponses } from '../responses/submitted.ts';
import { computeStats, type ScopeKind, type StatsOptions, type StatsRow } from '../statistics/index.ts';

/** A request that cannot be answered (unknown edition, scope, province …); the message is Dutch. */
export class StatsRequestError extends Error {}

export type StatsRequest = {
  edition: number;
  /** national | province | province:PVxx | size | size:ID | panel | municipality:GMxxxx | all */
  scope: string;
  /** "A-B" or "A"; default every edition with responses up to and including `edition`. */
  panelEditions?: string;
};

export const SCOPE_HELP = `national, province, province:PVxx, size, size:ID (${SIZE_CLASS_IDS.join(', ')}), panel, municipality:GMxxxx of all`;

type ParsedScope = { kinds: ScopeKind[]; province?: string; size?: string; municipality?: string };

export function parseScope(scope: string): ParsedScope {
  const s = scope.trim();
  if (s === 'all') return { kinds: ['national', 'province', 'size', 'panel', 'municipality'] };
  if (s === 'national' || s === 'province' || s === 'size' || s === 'panel') return { kinds: [s] };
  const size = /^size:(.+)$/i.exec(s);
  if (size) {
    const id = size[1].toLowerCase();
    if (!isSizeClassId(id)) throw new StatsRequestError(`Onbekende grootteklasse "${size[1]}"; verwacht een van: ${SIZE_CLASS_IDS.join(', ')}`);
    return { kinds: ['size'], size: id };
  }
  const pv = /^province:(PV\d{2})$/i.exec(s);
  if (pv) return { kinds: ['province'], province: pv[1].toUpperCase() };
  const gm = /^municipality:(GM\d{4})$/i.exec(s);
  if (gm) return { kinds: ['municipality'], municipality: gm[1].toUpperCase() };
  throw new StatsRequestError(`Onbekende scope "${scope}"; verwacht ${SCOPE_HELP}`);
}

export function parsePanelRange(range: string, editions: readonly number[]): number[] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(range.trim());
  const from = Number(m?.[1]);
  const to = Number(m?.[2] ?? m?.[1]);
  if (!m || from > to) throw new StatsRequestError(`--panel-editions verwacht JAAR-JAAR, bijvoorbeeld 2019-2022 (kreeg: ${range})`);
  const years: number[] = [];
  for (let y = from; y <= to; y++) {
    if (!editions.includes(y)) throw new StatsRequestError(`--panel-editions: editie ${y} bestaat niet; verwacht jaren uit ${editions.join(', ')}`);
    years.push(y);
  }
  return years;
}

export async function statsFor(db: Db, req: StatsRequest): Promise<StatsRow[]> {
  const scope = parseScope(req.scope);
  const editions = await listEditions(db);
  const years = editions.map((e) => e.year);
  if (!years.includes(req.edition)) throw new StatsRequestError(`Editie ${req.edition} bestaat niet`);
  const register = await provincesByEdition(db);
  const edition = editions.find((e) => e.year === req.edition);
  const own = register.get(req.edition) ?? new Map<string, string>();
  if (scope.province && ![...own.values()].includes(scope.province)) {
    const known = [...new Set(own.values())].sort().join(', ');
    throw new StatsRequestError(`Provincie ${scope.province} komt niet voor in de gemeentelijke indeling van ${edition?.registerYear}; verwacht een van: ${known}`);
  }
  if (scope.municipality && !own.has(scope.municipality)) {
    throw new StatsRequestError(`Gemeente ${scope.municipality} staat niet in de gemeentelijke indeling van ${edition?.registerYear}`);
  }
  const sizeClasses = await sizeClassesByEdition(db);
  // An edition whose register year has no population figures has no size scope; asked for one, say so.
  if (scope.kinds.length === 1 && scope.kinds[0] === 'size' && !sizeClasses.has(req.edition)) {
    throw new StatsRequestError(
      `Editie ${req.edition} heeft geen vergelijking naar grootte: er zijn geen inwonertallen van ${edition?.registerYear} (importeer ze met import-population --year ${edition?.registerYear})`,
    );
  }
  const options: StatsOptions = { editions: [req.edition], scopes: scope.kinds, sizeClasses };
  if (req.panelEditions) options.panelEditions = parsePanelRange(req.panelEditions, years);
  if (scope.municipality) options.municipalities = [scope.municipality];
  // Other editions' responses only matter for the panel.
  const needed = scope.kinds.includes('panel') ? undefined : [req.edition];
  const responses = await listSubmittedResponses(db, needed);
  const rows = computeStats(new Map(editions.map((e) => [e.year, e.questionnaire])), responses, register, options);
  if (scope.province) return rows.filter((r) => r.scope === `province:${scope.province}`);
  if (scope.size) return rows.filter((r) => r.scope === `size:${scope.size}`);
  return rows;
}

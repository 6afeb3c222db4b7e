// Loneliness figures per wijk (GGD/RIVM Gezondheidsmonitor, CBS/RIVM dataset 50120NED): the four
// indicators, their column prefixes in the published CSV, and the labels shown with them.
import type { Lang } from '../questionnaire/questionnaire.model.ts';

export const INDICATORS = ['eenzaam', 'ernstig_eenzaam', 'emotioneel_eenzaam', 'sociaal_eenzaam'] as const;
export type Indicator = (typeof INDICATORS)[number];

/**
 * Column prefixes in the CBS/RIVM CSV. The numeric suffix (Eenzaam_27, Eenzaam_28 …) shifts with
 * every release as columns are added, so columns are found by prefix, never by full name.
 */
export const COLUMN_PREFIX: Record<Indicator, string> = {
  eenzaam: 'Eenzaam_',
  ernstig_eenzaam: 'ErnstigZeerErnstigEenzaam_',
  emotioneel_eenzaam: 'EmotioneelEenzaam_',
  sociaal_eenzaam: 'SociaalEenzaam_',
};

/** The report shows these two; the other two are stored when present (sociaal since 2016). */
export const REQUIRED_INDICATORS: readonly Indicator[] = ['eenzaam', 'ernstig_eenzaam'];

export const INDICATOR_LABEL: Record<Indicator, Record<Lang, string>> = {
  eenzaam: { nl: 'Eenzaam', en: 'Lonely' },
  ernstig_eenzaam: { nl: 'Ernstig of zeer ernstig eenzaam', en: 'Severely or very severely lonely' },
  emotioneel_eenzaam: { nl: 'Emotioneel eenzaam', en: 'Emotionally lonely' },
  sociaal_eenzaam: { nl: 'Sociaal eenzaam', en: 'Socially lonely' },
};

export const SOURCE_LABEL = 'GGD’en, CBS en RIVM: Gezondheidsmonitor Volwassenen en Ouderen (50120NED, Gezondheid per wijk en buurt)';
export const SYNTHETIC_SOURCE_LABEL = 'Synthetische cijfers (demo), gegenereerd; geen echte metingen';

export type RegionKind = 'wijk' | 'gemeente' | 'land';

export function regionKind(code: string): RegionKind | undefined {
  // Wijk codes are WK + municipality number + two characters: digits, or letters for Amsterdam (WK0363AA).
  if (/^WK\d{4}[0-9A-Z]{2}$/.test(code)) return 'wijk';
  if (/^GM\d{4}$/.test(code)) return 'gemeente';
  if (code === 'NL01') return 'land';
  return undefined;
}

/** One figure as stored. */
export type WijkFigure = {
  regionCode: string;
  municipalityCode: string | null;
  regionName: string;
  year: number;
  indicator: Indicator;
  value: number;
};

// Databases made before the questionnaire carried its report rules (status per option, short
// labels, challenge subjects, key results) hold questionnaires without them. This carries them over
// from the shipped definitions, matching questions by key, options by code and scales by name, so
// the factsheet and the national summary keep working after an update. Pure: no database.
import type { Option, Questionnaire } from './questionnaire.model.ts';

/** True when the questionnaire predates the report rules (it has no `keyResults`, not even empty). */
export function needsReportRules(qn: Questionnaire): boolean {
  return qn.keyResults === undefined;
}

function carryOptions(from: readonly Option[] | undefined, to: readonly Option[] | undefined): Option[] | undefined {
  if (!to) return undefined;
  return to.map((o) => {
    const src = from?.find((x) => x.code === o.code);
    if (!src) return o;
    return { ...o, ...(src.short && !o.short && { short: src.short }), ...(src.status && !o.status && { status: src.status }), ...(src.about && !o.about && { about: src.about }) };
  });
}

/** `to` with the report rules of `from` where `to` has none; `keyResults` always set afterwards. */
export function carryReportRules(from: Questionnaire, to: Questionnaire): Questionnaire {
  const scales = Object.fromEntries(Object.entries(to.scales).map(([name, options]) => [name, carryOptions(from.scales[name], options) as Option[]]));
  const questions = to.questions.map((q) => {
    const src = from.questions.find((x) => x.key === q.key && x.type === q.type);
    if (!src) return q;
    const options = carryOptions(src.options, q.options);
    return { ...q, ...(src.short && !q.short && { short: src.short }), ...(options && { options }) };
  });
  const has = (key: string, codes: string[]) => {
    const q = questions.find((x) => x.key === key);
    return q && codes.every((c) => (q.options ?? []).some((o) => o.code === c));
  };
  const keyResults = (from.keyResults ?? []).filter((k) => has(k.question, k.options));
  return { ...to, scales, questions, keyResults };
}

// "Are you sure?": a page with what will happen and one button (works without JavaScript).
import { AdminLayout } from '../../admin/index.ts';
import { CsrfField, ErrorSummary, type Session } from '../../auth/index.ts';
import type { Lang } from '../../questionnaire/index.ts';
import { eaText } from '../edition-admin.i18n.ts';

export type ConfirmPageProps = {
  lang: Lang; path: string; session: Session;
  title: string; body: string[]; action: string; button: string; back: string;
  /** Why it cannot be done now: shown instead of the button. */
  problems?: string[];
  /** The questionnaire revision the confirmation is made on (the questionnaire editor's pages). */
  rev?: number;
  /** Shown above the question, e.g. that a colleague changed something meanwhile. */
  warning?: string;
  /** Something to weigh before confirming (not an error), e.g. few responses before publishing. */
  caution?: string;
};

export function ConfirmPage(p: ConfirmPageProps) {
  const l = p.lang;
  const problems = p.problems ?? [];
  return (
    <AdminLayout lang={l} title={`${problems.length || p.warning ? eaText(l, 'error.prefix') : ''}${p.title}`} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={problems.map((message) => ({ field: 'terug', message }))} />
      {p.warning ? <div class="notice notice--warn" role="alert"><p>{p.warning}</p></div> : null}
      <h1>{p.title}</h1>
      {p.body.map((b) => <p>{b}</p>)}
      {p.caution && !problems.length ? <div class="notice notice--warn"><p><strong>{eaText(l, 'confirm.caution')}</strong> {p.caution}</p></div> : null}
      {problems.length ? (
        <p><a class="utrecht-link" id="terug" href={p.back}>{eaText(l, 'confirm.back')}</a></p>
      ) : (
        <form method="post" action={p.action}>
          <CsrfField session={p.session} />
          {p.rev === undefined ? null : <input type="hidden" name="rev" value={String(p.rev)} />}
          <div class="button-row">
            <button class="utrecht-button utrecht-button--primary-action" type="submit">{p.button}</button>
            <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={p.back}>{eaText(l, 'confirm.cancel')}</a>
          </div>
        </form>
      )}
    </AdminLayout>
  );
}

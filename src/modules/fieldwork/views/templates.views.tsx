// /beheer/edities/:year/sjablonen: the invitation and reminder texts, with a preview.
import { formatDateTime } from '../../../web/i18n.ts';
import { AdminLayout } from '../../admin/index.ts';
import { authText, CsrfField, ErrorSummary, type Session, TextField } from '../../auth/index.ts';
import type { Lang } from '../../questionnaire/questionnaire.model.ts';
import { fwText } from '../fieldwork.i18n.ts';
import { PLACEHOLDERS, TEMPLATE_KINDS, type TemplateError, type TemplateKind } from '../templates.ts';
import { EditionNav, MailText, Notice, TextArea } from './parts.tsx';

export type TemplateForm = { subject: string; body: string; updatedAt?: Date };
export type TemplatesPageProps = {
  lang: Lang; path: string; session: Session; year: number;
  forms: Record<TemplateKind, TemplateForm>;
  /** The kind whose form was posted, with its errors. */
  posted?: { kind: TemplateKind; errors: TemplateError[] };
  previews: Record<TemplateKind, { subject: string; text: string } | undefined>;
  example: string;
  saved?: TemplateKind;
};

export function TemplatesPage(p: TemplatesPageProps) {
  const l = p.lang;
  const errors = p.posted?.errors ?? [];
  const kindName = (k: TemplateKind) => fwText(l, `templates.kind.${k}`);
  const summary = errors.map((e) => ({ field: `${p.posted!.kind}-${e.field}`, message: fwText(l, `tplError.${e.key}`, e.params) }));
  const errorOf = (k: TemplateKind, field: TemplateError['field']) => {
    const e = p.posted?.kind === k ? errors.find((x) => x.field === field) : undefined;
    return e ? fwText(l, `tplError.${e.key}`, e.params) : undefined;
  };
  const title = `${errors.length ? authText(l, 'errors.prefix') : ''}${fwText(l, 'templates.title', { year: p.year })}`;
  return (
    <AdminLayout lang={l} title={title} path={p.path} session={p.session}>
      <ErrorSummary lang={l} errors={summary} intro={fwText(l, 'templates.notSaved')} />
      {p.saved ? <Notice kind="ok" text={fwText(l, 'templates.saved', { kind: kindName(p.saved) })} /> : null}
      <EditionNav lang={l} year={p.year} current="sjablonen" />
      <h1>{fwText(l, 'templates.title', { year: p.year })}</h1>
      <p>{fwText(l, 'templates.intro')}</p>
      <dl>
        {PLACEHOLDERS.map((ph) => <><dt><code>{`{{${ph}}}`}</code></dt><dd>{fwText(l, `placeholder.${ph}`)}</dd></>)}
      </dl>
      {TEMPLATE_KINDS.map((k) => {
        const f = p.forms[k];
        const preview = p.previews[k];
        return (
          <section aria-labelledby={`${k}-title`}>
            <h2 id={`${k}-title`}>{kindName(k)}</h2>
            {f.updatedAt ? <p class="muted">{fwText(l, 'templates.updated', { date: formatDateTime(l, f.updatedAt) })}</p> : null}
            <form method="post" action={`/beheer/edities/${p.year}/sjablonen`} novalidate>
              <CsrfField session={p.session} />
              <input type="hidden" name="soort" value={k} />
              <TextField id={`${k}-subject`} label={fwText(l, 'templates.subject')} value={f.subject} error={errorOf(k, 'subject')} autocomplete="off" />
              <TextArea id={`${k}-body`} label={fwText(l, 'templates.body')} value={f.body} error={errorOf(k, 'body')} rows={16} />
              <div class="button-row">
                <button class="utrecht-button utrecht-button--primary-action" type="submit" name="actie" value="opslaan">{fwText(l, 'templates.save', { kind: kindName(k).toLowerCase() })}</button>
                <button type="submit" name="actie" value="voorbeeld" class="secondary utrecht-button utrecht-button--secondary-action">{fwText(l, 'templates.preview', { kind: kindName(k).toLowerCase() })}</button>
              </div>
            </form>
            {preview ? (
              <div class="notice" id={`${k}-preview`}>
                <h3>{fwText(l, 'templates.previewTitle', { kind: kindName(k), name: p.example })}</h3>
                <p class="muted">{fwText(l, 'templates.previewNote', { name: p.example })}</p>
                <p><strong>{fwText(l, 'templates.subject')}:</strong> {preview.subject}</p>
                <MailText text={preview.text} />
              </div>
            ) : null}
          </section>
        );
      })}
    </AdminLayout>
  );
}

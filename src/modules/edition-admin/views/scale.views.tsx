// /beheer/edities/:year/schalen/:scale: the options of a shared scale, for every matrix question on it.
import type { Questionnaire } from '../../questionnaire/index.ts';
import { eaText } from '../edition-admin.i18n.ts';
import { scaleUsers } from '../editor/items.edit.ts';
import { edText } from '../questionnaire-editor.i18n.ts';
import { Crumb, EditorPage, type EditorBase, FormHead, ReadOnly } from './editor.parts.tsx';
import { DefaultSubmit, OptionRows } from './option-rows.views.tsx';

export function ScalePage(p: EditorBase & { qn: Questionnaire; scale: string }) {
  const l = p.lang;
  const back = `/beheer/edities/${p.year}/vragenlijst`;
  const users = scaleUsers(p.qn, p.scale);
  return (
    <EditorPage {...p} title={edText(l, 'scale.title', { name: p.scale })} problemField="opt-0-code" caption={<Crumb lang={l} year={p.year} />}
      lead={<p>{users.length ? edText(l, 'scale.usedBy', { n: users.length }) : edText(l, 'scale.unused')}</p>}>
      {users.length ? <ul>{users.map((q) => <li><a href={`${back}/${q.key}`}>{q.key}</a></li>)}</ul> : null}
      {p.answered > 0 ? <ReadOnly lang={l} back={back} /> : (
        <form method="post" action={`/beheer/edities/${p.year}/schalen/${p.scale}`} novalidate>
          <FormHead session={p.session} rev={p.rev} />
          <DefaultSubmit label={edText(l, 'save')} />
          <p>{edText(l, 'scale.intro')}</p>
          <OptionRows lang={l} options={p.qn.scales[p.scale] ?? []} kind="scale" values={p.values} errors={p.errors} blank={1} movable />
          <div class="button-row">
            <button type="submit">{edText(l, 'save')}</button>
            <a class="button secondary" href={back}>{eaText(l, 'confirm.cancel')}</a>
          </div>
        </form>
      )}
    </EditorPage>
  );
}

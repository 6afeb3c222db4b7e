// /beheer/edities/:year/schalen/:scale: the options of a shared scale, for every matrix question on it.
import type { Questionnaire } from '../../questionnaire/index.ts';
import { scaleUsers } from '../editor/items.edit.ts';
import { edText } from '../questionnaire-editor.i18n.ts';
import { Crumb, type EditorBase, EditorPage, PartForm } from './editor.parts.tsx';
import { OptionRows } from './option-rows.views.tsx';

export function ScalePage(p: EditorBase & { qn: Questionnaire; scale: string }) {
  const l = p.lang;
  const back = `/beheer/edities/${p.year}/vragenlijst`;
  const users = scaleUsers(p.qn, p.scale);
  return (
    <EditorPage {...p} title={edText(l, 'scale.title', { name: p.scale })} problemField="opt-0-code" caption={<Crumb lang={l} year={p.year} />}
      lead={<p>{users.length ? edText(l, 'scale.usedBy', { n: users.length }) : edText(l, 'scale.unused')}</p>}>
      {users.length ? <ul>{users.map((q) => <li><a class="utrecht-link" href={`${back}/${q.key}`}>{q.key}</a></li>)}</ul> : null}
      <PartForm lang={l} answered={p.answered} back={back} action={`/beheer/edities/${p.year}/schalen/${p.scale}`} session={p.session} rev={p.rev} enterSaves>
        <p>{edText(l, 'scale.intro')}</p>
        <OptionRows lang={l} options={p.qn.scales[p.scale] ?? []} kind="scale" values={p.values} errors={p.errors} blank={1} movable />
      </PartForm>
    </EditorPage>
  );
}

// The bureau's text for the national PDF: each chapter's Markdown as a Typst file (every text a
// string literal, see markdown.model.ts), grouped by where report.typ includes it.
import type { Lang } from '../questionnaire/index.ts';
import type { ResultsData } from '../reports/national/data.ts';
import { themeTitle } from '../reports/national/views/shell.tsx';
import { renderTypst } from './markdown.model.ts';
import { createResolver } from './placeholder.model.ts';
import { ownChapters, placedChapters } from './published.model.ts';

type Own = { title: string; file: string };
export type PdfText = { summary: string[]; beforeResponse: Own[]; response: string[]; themes: Record<string, string[]>; end: Own[] };

/** Files to map under /text and what report.typ reads from data.text. */
export function pdfText(data: ResultsData, lang: Lang): { json: PdfText; files: Map<string, string> } {
  const files = new Map<string, string>();
  const chapters = placedChapters(data, lang);
  const resolvers = new Map<Lang, ReturnType<typeof createResolver>>();
  const fileOf = (c: (typeof chapters)[number]) => {
    let r = resolvers.get(c.lang);
    if (!r) resolvers.set(c.lang, (r = createResolver(data, c.lang)));
    const { typst } = renderTypst(c.body, r.resolve, { headingBase: 2, problem: () => '–' });
    const file = `/text/${c.slug}.typ`;
    // The chapter's own language for hyphenation and the tagged PDF's language spans.
    files.set(file, `#set text(lang: "${c.lang}")\n${typst}\n`);
    return file;
  };
  const json: PdfText = { summary: [], beforeResponse: [], response: [], themes: {}, end: [] };
  const own = ownChapters(chapters, data.text?.chapters ?? []);
  for (const c of chapters) {
    const p = c.placement;
    if (p.kind === 'summary') json.summary.push(fileOf(c));
    else if (p.kind === 'response') json.response.push(fileOf(c));
    else if (p.kind === 'theme') {
      // report.typ's theme chapters carry their title, not their key: the text is found by title.
      const theme = data.questionnaire.themes.find((t) => t.key === p.theme);
      if (theme) (json.themes[themeTitle(lang, theme)] ??= []).push(fileOf(c));
    }
  }
  json.beforeResponse = own.beforeResponse.map((c) => ({ title: c.title, file: fileOf(c) }));
  json.end = own.end.map((c) => ({ title: c.title, file: fileOf(c) }));
  return { json, files };
}

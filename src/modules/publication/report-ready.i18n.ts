// The "uw rapportage staat klaar" e-mail. Contacts have no language of their own, so the mail is
// Dutch with a short English paragraph (the report itself has a language switch).
export const reportReadyText = {
  subject: 'Uw rapportage staat klaar: benchmark Eén tegen eenzaamheid {year} – gemeente {name}',
  body: `Beste {contact},

De resultaten van de benchmark Eén tegen eenzaamheid {year} zijn gepubliceerd. De rapportage van de gemeente {name} staat klaar: eenzaamheid per wijk, wat uw gemeente doet vergeleken met andere gemeenten, en tips. U vindt er ook de factsheet (pdf).

Uw persoonlijke link naar de rapportage:
{link}

Deel deze link alleen met collega's: iedereen met de link kan de rapportage lezen.

The results of the benchmark Eén tegen eenzaamheid {year} have been published. The report of {name} is ready at the link above (choose "English" on the page).

Met vriendelijke groet,

Het onderzoeksbureau van de benchmark Eén tegen eenzaamheid,
namens het ministerie van Volksgezondheid, Welzijn en Sport`,
} as const;

export function fillReportReady(text: string, vars: Record<'year' | 'name' | 'contact' | 'link', string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, k: string) => (Object.hasOwn(vars, k) ? String(vars[k as keyof typeof vars]) : whole));
}

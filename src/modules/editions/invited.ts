// "Uitgenodigde gemeenten": one definition for every page that counts them (the editions list,
// /beheer/veldwerk, the invite page, the response dashboard). A municipality of the edition's
// register counts as invited once it has been told it takes part: its invitation e-mails were
// queued (invitations.invited_at), or it holds a personal link (given by hand: `link`), or it has
// a response (an imported edition has no invitation list of its own). Merely being selected on
// the invite page is not being invited. The fictitious example municipality is never in a
// register, so it never counts.

/**
 * SQL condition: municipality `code` is invited to edition `edition` (both SQL expressions).
 * The caller makes sure `code` is in the edition's register (see INVITED_COUNT).
 */
export function isInvitedSql(edition: string, code: string): string {
  return `(EXISTS (SELECT 1 FROM invitations inv WHERE inv.edition = ${edition} AND inv.municipality_code = ${code}
      AND (inv.invited_at IS NOT NULL OR EXISTS (SELECT 1 FROM personal_links pl WHERE pl.edition = inv.edition AND pl.municipality_code = inv.municipality_code)))
    OR EXISTS (SELECT 1 FROM responses rsp WHERE rsp.edition = ${edition} AND rsp.municipality_code = ${code}))`;
}

/** SQL expression: how many municipalities are invited to the edition in scope as `e` (an editions row). */
export function invitedCountSql(e = 'e'): string {
  return `(SELECT count(*) FROM municipalities mi WHERE mi.year = ${e}.register_year AND ${isInvitedSql(`${e}.year`, 'mi.code')})::int`;
}

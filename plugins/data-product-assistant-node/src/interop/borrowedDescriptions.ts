import type { TableProfile } from '@dpa/plugin-data-product-assistant-common';
import { jaccard } from '../text/similarity';

/**
 * Documentation propagation for undocumented columns. Schemas often describe
 * one column of a family and leave its siblings bare (`ship_end_date` is
 * described, `ship_end_datetime` is not), and describe a key only where it is
 * defined (`store.store_id`), not where it is referenced. A column without a
 * description borrows the description of:
 *  1. the documented column of its own table whose name shares the most words
 *     with its name (at least 40% of the words of both names, Jaccard);
 *  2. else a documented column of the same name elsewhere in its product,
 *     preferring the table the name's first word names (the key's home).
 * What is borrowed weighs less than a column's own words (see columnFeatures).
 */
export function borrowDescriptions(
  tables: readonly TableProfile[],
  words: (name: string) => readonly string[],
): Map<TableProfile['columns'][number], string> {
  const borrowed = new Map<TableProfile['columns'][number], string>();
  const documented = (d: string | undefined): d is string => !!d?.trim();
  // most contracts describe every column: nothing to do
  if (tables.every(t => t.columns.every(c => documented(c.description))))
    return borrowed;
  const byName = new Map<
    string,
    Array<{ table: TableProfile; text: string }>
  >();
  for (const table of tables)
    for (const c of table.columns)
      if (documented(c.description)) {
        const list = byName.get(c.name.toLowerCase()) ?? [];
        list.push({ table, text: c.description });
        byName.set(c.name.toLowerCase(), list);
      }
  for (const table of tables) {
    if (table.columns.every(c => documented(c.description))) continue;
    const own = table.columns.map(c => new Set(words(c.name)));
    table.columns.forEach((c, i) => {
      if (documented(c.description)) return;
      let best: [string, number] | undefined;
      table.columns.forEach((d, j) => {
        if (j === i || !documented(d.description)) return;
        const overlap = jaccard(own[i], own[j]);
        if (overlap >= 0.4 && (!best || overlap > best[1]))
          best = [d.description, overlap];
      });
      if (best) {
        borrowed.set(c, best[0]);
        return;
      }
      const elsewhere = byName.get(c.name.toLowerCase());
      if (!elsewhere) return;
      const head = words(c.name)[0];
      const home =
        elsewhere.find(e => head && words(e.table.name).includes(head)) ??
        elsewhere[0];
      borrowed.set(c, home.text);
    });
  }
  return borrowed;
}

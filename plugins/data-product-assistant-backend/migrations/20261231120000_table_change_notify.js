// @ts-check

/**
 * PostgreSQL only: every write to the knowledge notes or the verified answers
 * notifies channel `dpa_table_changes` with the table's name, from a
 * statement trigger, so inside the writing transaction: every instance that
 * listens (src/database/TableChangeFeed.ts) hears of the change when it
 * commits, whichever code or person made it, and never of one rolled back.
 * Instances keep those tables' reads in memory only while they listen.
 * Other databases have no triggers, and their instances keep nothing.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.dialect !== 'postgresql') return;
  await knex.raw(`
    create or replace function dpa_notify_table_change() returns trigger
    language plpgsql
    as $$
    begin
      perform pg_notify('dpa_table_changes', tg_table_name);
      return null;
    end;
    $$
  `);
  for (const table of ['dpa_knowledge_notes', 'dpa_verified_answers']) {
    await knex.raw(`
      create trigger ${table}_changed
        after insert or update or delete or truncate on ${table}
        for each statement execute procedure dpa_notify_table_change()
    `);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.dialect !== 'postgresql') return;
  for (const table of ['dpa_knowledge_notes', 'dpa_verified_answers']) {
    await knex.raw(`drop trigger if exists ${table}_changed on ${table}`);
  }
  await knex.raw('drop function if exists dpa_notify_table_change()');
};

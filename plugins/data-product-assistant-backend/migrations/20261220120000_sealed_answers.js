// @ts-check

/**
 * Answers stored for every reader: the plain columns (answer, output,
 * citations) hold them at everyone's clearance, and `sealed` holds them with
 * sensitive values as placeholders plus the vault that reveals each value to
 * the readers cleared for it (and the asker's clearance, the most anyone is
 * shown). Null on asks stored before; those are redacted on read.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dpa_asks', table => {
    table
      .text('sealed', 'longtext')
      .nullable()
      .comment('SealedAnswer JSON: texts with placeholders, vault, clearance');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dpa_asks', table => {
    table.dropColumn('sealed');
  });
};

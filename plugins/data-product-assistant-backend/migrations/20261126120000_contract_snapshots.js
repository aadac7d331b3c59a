// @ts-check

/**
 * Last fetched state of every contract URL, so unchanged contracts are not
 * parsed again (the reader's ETag decides) and invalid ones keep their issues.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dpa_contract_snapshots', table => {
    table.comment('Parsed ODCS contracts by source URL');
    table.string('source', 1024).primary().notNullable();
    table.string('etag', 255).nullable();
    table.boolean('valid').notNullable();
    table
      .text('contract', 'longtext')
      .nullable()
      .comment('ContractProfile JSON when valid');
    table
      .text('issues', 'longtext')
      .nullable()
      .comment('ContractIssue[] JSON when invalid');
    table.timestamp('fetched_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dpa_contract_snapshots');
};

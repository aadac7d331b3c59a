// @ts-check

/**
 * Suggest interoperability: the owners' decisions on suggested column
 * relationships (keyed by the suggestion's stable id, so they survive
 * recomputation) and the last scheduled full scan's suggestions.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dpa_interop_decisions', table => {
    table.comment(
      'Accepted or rejected relationship suggestions; the latest decision per suggestion',
    );
    table.string('suggestion_id', 32).primary().notNullable();
    table.string('from_entity_ref', 255).notNullable();
    table.string('from_table', 255).notNullable();
    table.string('from_column', 255).notNullable();
    table.string('to_entity_ref', 255).notNullable();
    table.string('to_table', 255).notNullable();
    table.string('to_column', 255).notNullable();
    table.string('kind', 32).notNullable();
    table.string('status', 16).notNullable().comment('accepted | rejected');
    table.text('comment').nullable();
    table.string('decided_by', 255).notNullable();
    table.timestamp('decided_at', { useTz: true }).notNullable();
    table.index(['from_entity_ref'], 'dpa_interop_decisions_from_idx');
    table.index(['to_entity_ref'], 'dpa_interop_decisions_to_idx');
    table.index(['status'], 'dpa_interop_decisions_status_idx');
  });
  await knex.schema.createTable('dpa_interop_suggestions', table => {
    table.comment(
      'Suggestions of the last scheduled full interoperability scan',
    );
    table.string('suggestion_id', 32).primary().notNullable();
    table.string('from_entity_ref', 255).notNullable();
    table.string('from_table', 255).notNullable();
    table.string('from_column', 255).notNullable();
    table.string('to_entity_ref', 255).notNullable();
    table.string('to_table', 255).notNullable();
    table.string('to_column', 255).notNullable();
    table.string('kind', 32).notNullable();
    table.double('confidence').notNullable();
    table.string('validation_status', 16).notNullable();
    table
      .text('suggestion', 'longtext')
      .notNullable()
      .comment('InteropSuggestion JSON');
    table
      .string('index_key', 64)
      .notNullable()
      .comment('Hash of the contract snapshots the scan saw');
    table.timestamp('computed_at', { useTz: true }).notNullable();
    table.index(['from_entity_ref'], 'dpa_interop_suggestions_from_idx');
    table.index(['to_entity_ref'], 'dpa_interop_suggestions_to_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dpa_interop_suggestions');
  await knex.schema.dropTable('dpa_interop_decisions');
};

// @ts-check

/**
 * Owner knowledge notes: domain knowledge owners attach to a data product
 * (optionally to one of its columns); the ask pipeline cites them as `note:<id>`.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dpa_knowledge_notes', table => {
    table.comment('Owner-curated knowledge notes on data products');
    table.uuid('id').primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('text', 2000).notNullable();
    table.string('column', 255).nullable().comment('table.column or column');
    table.string('author', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['entity_ref'], 'dpa_knowledge_notes_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dpa_knowledge_notes');
};

// @ts-check

/**
 * Budgets: the domain of the product an ask was asked of, so a domain's daily
 * cost can be summed; and an index for counting a user's recent asks.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dpa_asks', table => {
    table
      .string('domain', 255)
      .nullable()
      .comment('spec.domain of the product when asked; null: none');
    table.index(['user_ref', 'created_at'], 'dpa_asks_user_created_idx');
    table.index(['domain', 'created_at'], 'dpa_asks_domain_created_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dpa_asks', table => {
    table.dropIndex(['domain', 'created_at'], 'dpa_asks_domain_created_idx');
    table.dropIndex(['user_ref', 'created_at'], 'dpa_asks_user_created_idx');
    table.dropColumn('domain');
  });
};

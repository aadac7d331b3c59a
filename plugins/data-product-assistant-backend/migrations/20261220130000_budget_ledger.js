// @ts-check

/**
 * The budget ledger: one row per ask, written when the ask is let through
 * (holding the most it may cost) and settled with what it did cost. Limits
 * are checked and the row written in one locked transaction, so parallel
 * asks — on one backend or many — cannot pass a limit together.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dpa_budget_ledger', table => {
    table.comment('Asks counted against rate limits and daily cost caps');
    table.string('id', 36).primary().notNullable();
    table.string('user_ref', 255).notNullable();
    table.string('domain', 255).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table
      .double('cost_usd')
      .notNullable()
      .comment('The most the ask may cost until settled, then what it cost');
    table.boolean('settled').notNullable().defaultTo(false);
    table.index(['user_ref', 'created_at'], 'dpa_budget_ledger_user_idx');
    table.index(['domain', 'created_at'], 'dpa_budget_ledger_domain_idx');
  });
  // Asks of the last two days keep counting against today's budgets.
  const since = new Date(Date.now() - 2 * 86_400_000);
  const asks = await knex('dpa_asks')
    .where('created_at', '>=', since)
    .select('id', 'user_ref', 'domain', 'created_at', 'cost_usd');
  for (let i = 0; i < asks.length; i += 200) {
    await knex('dpa_budget_ledger').insert(
      asks.slice(i, i + 200).map(a => ({ ...a, settled: true })),
    );
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dpa_budget_ledger');
};

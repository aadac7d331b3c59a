// @ts-check

/**
 * Every question asked of a data product, what the models answered, the
 * validator's verdict and what it cost; and the askers' feedback.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('dpa_asks', table => {
    table.comment(
      'Questions asked of data products and their validated answers',
    );
    table.string('id', 36).primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('user_ref', 255).notNullable();
    table.text('question').notNullable();
    table.text('answer').notNullable().comment('What the asker was shown');
    table
      .text('output', 'longtext')
      .notNullable()
      .comment(
        'The answer model output (AnswerOutput JSON), kept for reviewers',
      );
    table.string('status', 16).notNullable();
    table.text('reasons', 'longtext').notNullable();
    table.float('groundedness').notNullable();
    table.text('citations', 'longtext').notNullable();
    table.string('answer_model', 255).notNullable();
    table.string('answer_model_version', 64).notNullable();
    table.string('answer_model_provider', 32).notNullable();
    table.string('validator_model', 255).notNullable();
    table.string('validator_model_version', 64).notNullable();
    table.string('validator_model_provider', 32).notNullable();
    table.integer('prompt_tokens').notNullable();
    table.integer('completion_tokens').notNullable();
    table.double('cost_usd').notNullable();
    table.double('latency_ms').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'created_at'], 'dpa_asks_entity_created_idx');
    table.index(['status'], 'dpa_asks_status_idx');
  });
  await knex.schema.createTable('dpa_ask_feedback', table => {
    table.comment(
      'Helpful / not helpful ratings of answers, one per user and answer',
    );
    table
      .string('ask_id', 36)
      .notNullable()
      .references('id')
      .inTable('dpa_asks')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    table.boolean('helpful').notNullable();
    table.text('comment').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.primary(['ask_id', 'user_ref']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dpa_ask_feedback');
  await knex.schema.dropTable('dpa_asks');
};

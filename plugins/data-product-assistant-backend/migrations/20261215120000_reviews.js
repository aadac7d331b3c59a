// @ts-check

/**
 * People in the loop: the review state of flagged and blocked answers, and
 * the verified answers owners approved or corrected, reused for the same or
 * a near-identical question.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dpa_asks', table => {
    table
      .string('review_state', 16)
      .nullable()
      .comment('pending, approved, corrected, rejected; null: not for review');
    table
      .string('review_reason', 16)
      .nullable()
      .comment('flagged, blocked or demoted (a verified answer contradicted)');
    table
      .text('review', 'longtext')
      .nullable()
      .comment('The reviewer action (AskReview JSON)');
    table
      .string('verified_answer_id', 36)
      .nullable()
      .comment('The verified answer this ask was served from');
    table.index(
      ['entity_ref', 'review_state', 'created_at'],
      'dpa_asks_review_idx',
    );
  });
  // Answers flagged or blocked before reviews existed wait for review too.
  await knex('dpa_asks')
    .whereIn('status', ['flagged', 'blocked'])
    .update({ review_state: 'pending', review_reason: knex.ref('status') });

  await knex.schema.createTable('dpa_verified_answers', table => {
    table.comment(
      'Answers owners approved or corrected, reused for near-identical questions',
    );
    table.string('id', 36).primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table
      .string('ask_id', 36)
      .notNullable()
      .references('id')
      .inTable('dpa_asks')
      .onDelete('CASCADE');
    table.text('question').notNullable();
    table.text('answer').notNullable();
    table.text('claims', 'longtext').notNullable();
    table
      .text('citations', 'longtext')
      .notNullable()
      .comment('Cited facts (id, text) as they read when verified');
    table.text('verdict', 'longtext').notNullable();
    table.string('verified_by', 255).notNullable();
    table.timestamp('verified_at', { useTz: true }).notNullable();
    table.string('status', 16).notNullable().comment('active or demoted');
    table.timestamp('demoted_at', { useTz: true }).nullable();
    table.text('demoted_reason').nullable();
    table.index(['entity_ref', 'status'], 'dpa_verified_entity_status_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dpa_verified_answers');
  await knex.schema.alterTable('dpa_asks', table => {
    table.dropIndex(
      ['entity_ref', 'review_state', 'created_at'],
      'dpa_asks_review_idx',
    );
    table.dropColumn('verified_answer_id');
    table.dropColumn('review');
    table.dropColumn('review_reason');
    table.dropColumn('review_state');
  });
};

// @ts-check

/**
 * PostgreSQL only: `dpa_budget_take`, the budget's check-and-reserve in one
 * round trip. It takes the user's advisory lock (and the domain's when a cost
 * cap applies), then counts and writes with a fresh snapshot per statement
 * (READ COMMITTED, volatile function), so it sees every entry written by an
 * ask that held the lock before; the locks are released when the calling
 * statement's transaction commits, after the entry is visible. The lock keys
 * are the ones the previous three-statement transaction took, so instances
 * of either version count each other's asks during a rolling upgrade.
 * SQLite needs none of this: its single INSERT … SELECT is atomic.
 *
 * The reservation commits without waiting for its WAL flush
 * (`synchronous_commit` off for that transaction only), so the locks are
 * held for the function's work, not for a disk flush: asks of one user (or
 * one capped domain) would otherwise wait for each other's flushes in turn.
 * Nothing that counts is less durable: the entry is visible to every other
 * session at once, and the synchronous commit that stores the ask (and
 * settles the entry) flushes the WAL past it, so every ask that was answered
 * has its entry on disk. Only the entry of an ask still running when the
 * database crashes can be lost, and that ask is not stored either.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.dialect !== 'postgresql') return;
  await knex.raw(`
    create or replace function dpa_budget_take(
      p_id varchar,
      p_user varchar,
      p_domain varchar,
      p_created_at timestamptz,
      p_max_cost_usd double precision,
      p_minute_after timestamptz,
      p_per_minute integer,
      p_day_since timestamptz,
      p_per_day integer,
      p_cap_since timestamptz,
      p_cap_usd double precision
    ) returns boolean
    language plpgsql volatile
    as $$
    declare
      spent double precision;
    begin
      perform set_config('synchronous_commit', 'off', true);
      perform pg_advisory_xact_lock(25712, hashtext('user:' || p_user));
      if p_cap_usd is not null then
        perform pg_advisory_xact_lock(
          25712, hashtext('domain:' || coalesce(p_domain, '')));
      end if;
      if (select count(*) from dpa_budget_ledger
          where user_ref = p_user and created_at > p_minute_after)
          >= p_per_minute then
        return false;
      end if;
      if p_per_day is not null and (select count(*) from dpa_budget_ledger
          where user_ref = p_user and created_at >= p_day_since)
          >= p_per_day then
        return false;
      end if;
      if p_cap_usd is not null then
        if p_domain is null then
          select coalesce(sum(cost_usd), 0) into spent from dpa_budget_ledger
          where domain is null and created_at >= p_cap_since;
        else
          select coalesce(sum(cost_usd), 0) into spent from dpa_budget_ledger
          where domain = p_domain and created_at >= p_cap_since;
        end if;
        if spent >= p_cap_usd then
          return false;
        end if;
      end if;
      insert into dpa_budget_ledger
        (id, user_ref, domain, created_at, cost_usd, settled)
      values (p_id, p_user, p_domain, p_created_at, p_max_cost_usd, false);
      return true;
    end
    $$`);
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.dialect !== 'postgresql') return;
  await knex.raw(
    'drop function if exists dpa_budget_take(varchar, varchar, varchar, timestamptz, double precision, timestamptz, integer, timestamptz, integer, timestamptz, double precision)',
  );
};

import { vi } from 'vitest';

// Backstage's backend test utilities call `jest.fn()`; vitest's `vi` speaks the same API.
(globalThis as any).jest = vi;

// The real PostgreSQL of this machine (and CI) unless the caller points elsewhere.
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

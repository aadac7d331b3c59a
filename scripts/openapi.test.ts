import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from './openapi';

describe('the code generated from the OpenAPI spec', () => {
  it('is what the spec generates today (npm run openapi:generate)', async () => {
    const files = await generate();
    expect(files.size).toBeGreaterThan(0);
    for (const [file, content] of files) {
      expect(fs.existsSync(file), file).toBe(true);
      expect(fs.readFileSync(file, 'utf8'), file).toBe(content);
    }
    // openapi-typescript and prettier over the whole spec: seconds on a busy machine.
  }, 60_000);
});

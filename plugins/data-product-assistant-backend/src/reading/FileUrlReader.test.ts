import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FileUrlReader } from './FileUrlReader';

const dir = mkdtempSync(path.join(tmpdir(), 'dpa-file-reader-'));
const root = path.join(dir, 'root');
const outside = path.join(dir, 'outside');
mkdirSync(root);
mkdirSync(outside);
writeFileSync(path.join(root, 'contract.yaml'), 'id: inside\n');
writeFileSync(path.join(outside, 'secret.yaml'), 'password: hunter2\n');
writeFileSync(path.join(root, 'big.yaml'), 'x'.repeat(2048));
// A link inside the root to a file outside it.
symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'escape.yaml'));
// A root configured through a link (e.g. /srv/catalog -> /data/catalog-v2).
const linkedRoot = path.join(dir, 'linked-root');
symlinkSync(root, linkedRoot);

const url = (file: string) => pathToFileURL(file).toString();
/** The error a read ends in, with the URL taken out of its message. */
const failure = async (reader: FileUrlReader, target: string) => {
  const error = await reader.readUrl(target).then(
    () => undefined,
    (e: Error) => e,
  );
  expect(error, `${target} was read`).toBeInstanceOf(Error);
  return {
    name: error!.name,
    message: error!.message.replace(target, '<url>'),
  };
};

describe('FileUrlReader', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const reader = new FileUrlReader([root], { maxBytes: 1024 });

  it('reads files below its roots', async () => {
    const response = await reader.readUrl(
      url(path.join(root, 'contract.yaml')),
    );
    expect((await response.buffer()).toString()).toBe('id: inside\n');
    expect(response.etag).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a read with the current version as not modified, and a rewrite of the same size as changed', async () => {
    const file = path.join(root, 'versioned.yaml');
    writeFileSync(file, 'id: first\n');
    const first = await reader.readUrl(url(file));
    await expect(
      reader.readUrl(url(file), { etag: first.etag }),
    ).rejects.toMatchObject({ name: 'NotModifiedError' });
    writeFileSync(file, 'id: other\n');
    const second = await reader.readUrl(url(file), { etag: first.etag });
    expect((await second.buffer()).toString()).toBe('id: other\n');
    expect(second.etag).not.toBe(first.etag);
    // an ETag from elsewhere (another reader's content hash) is no match either
    const third = await reader.readUrl(url(file), { etag: 'f'.repeat(64) });
    expect((await third.buffer()).toString()).toBe('id: other\n');
  });

  it('gives the same answer for a file outside its roots whether or not it exists', async () => {
    const exists = await failure(
      reader,
      url(path.join(outside, 'secret.yaml')),
    );
    const missing = await failure(reader, url(path.join(outside, 'nope.yaml')));
    const traversal = await failure(
      reader,
      `${url(root)}/../outside/secret.yaml`,
    );
    expect(exists).toEqual(missing);
    expect(traversal).toEqual(missing);
    expect(exists.name).toBe('NotFoundError');
    // Inside the roots a missing file reads the same way too.
    expect(await failure(reader, url(path.join(root, 'nope.yaml')))).toEqual(
      missing,
    );
  });

  it('refuses a link inside a root that leads outside it, like any outside file', async () => {
    expect(await failure(reader, url(path.join(root, 'escape.yaml')))).toEqual(
      await failure(reader, url(path.join(outside, 'nope.yaml'))),
    );
  });

  it('resolves its roots, so a root configured through a link works both ways', async () => {
    const linked = new FileUrlReader([linkedRoot]);
    for (const file of [
      path.join(linkedRoot, 'contract.yaml'),
      path.join(root, 'contract.yaml'),
    ]) {
      const response = await linked.readUrl(url(file));
      expect((await response.buffer()).toString()).toBe('id: inside\n');
    }
    await expect(
      linked.readUrl(url(path.join(linkedRoot, 'escape.yaml'))),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('refuses files larger than its size cap', async () => {
    await expect(
      reader.readUrl(url(path.join(root, 'big.yaml'))),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/larger than 1024 bytes/),
    });
  });

  it('answers malformed file URLs as unreadable, not with a TypeError', async () => {
    for (const target of ['file://remote-host/etc/passwd', 'file:///%00']) {
      expect((await failure(reader, target)).name).toBe('NotFoundError');
    }
  });
});

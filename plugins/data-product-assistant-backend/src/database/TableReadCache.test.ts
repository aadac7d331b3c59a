import { describe, expect, it } from 'vitest';
import type { TableChangeFeed } from './TableChangeFeed';
import { TableReadCache } from './TableReadCache';

/** A feed the test drives: what a PostgreSQL LISTEN would tell. */
class DrivenFeed implements TableChangeFeed {
  live = true;
  private readonly listeners: Array<(t: string | undefined) => void> = [];
  onChange(listener: (t: string | undefined) => void) {
    this.listeners.push(listener);
  }
  tell(changed: string | undefined) {
    this.listeners.forEach(l => l(changed));
  }
}

/** A table the test writes to, counting reads. */
function table() {
  const rows = { value: ['a'], reads: 0 };
  const load = async () => {
    rows.reads += 1;
    return [...rows.value];
  };
  return { rows, load };
}

describe('TableReadCache', () => {
  it('reads the table once while nothing changes, and again after a change to it', async () => {
    const feed = new DrivenFeed();
    const cache = new TableReadCache<string[]>(feed, 'notes');
    const { rows, load } = table();
    expect(await cache.read('p', load)).toEqual(['a']);
    expect(await cache.read('p', load)).toEqual(['a']);
    expect(rows.reads).toBe(1);
    rows.value = ['a', 'b'];
    feed.tell('other_table');
    expect(await cache.read('p', load)).toEqual(['a']);
    feed.tell('notes');
    expect(await cache.read('p', load)).toEqual(['a', 'b']);
    expect(rows.reads).toBe(2);
  });

  it('reads the table every time while the feed is not live, and drops what it kept when told', async () => {
    const feed = new DrivenFeed();
    const cache = new TableReadCache<string[]>(feed, 'notes');
    const { rows, load } = table();
    await cache.read('p', load);
    feed.live = false;
    feed.tell(undefined);
    rows.value = ['c'];
    expect(await cache.read('p', load)).toEqual(['c']);
    expect(await cache.read('p', load)).toEqual(['c']);
    expect(rows.reads).toBe(3);
    feed.live = true;
    await cache.read('p', load);
    await cache.read('p', load);
    expect(rows.reads).toBe(4);
  });

  it('does not keep a read that a change overlapped', async () => {
    const feed = new DrivenFeed();
    const cache = new TableReadCache<string[]>(feed, 'notes');
    const { rows } = table();
    let finish!: (v: string[]) => void;
    const slow = cache.read('p', () => new Promise(r => (finish = r)));
    // the change commits while the read is under way: what it read may be old
    rows.value = ['new'];
    feed.tell('notes');
    finish(['old']);
    expect(await slow).toEqual(['old']);
    expect(await cache.read('p', async () => [...rows.value])).toEqual(['new']);
  });

  it("reads this instance's own write at once, before any notice", async () => {
    const feed = new DrivenFeed();
    const cache = new TableReadCache<string[]>(feed, 'notes');
    const { rows, load } = table();
    await cache.read('p', load);
    await cache.afterWrite(async () => {
      rows.value = ['written'];
    });
    expect(await cache.read('p', load)).toEqual(['written']);
  });

  it('gives each caller its own copy', async () => {
    const feed = new DrivenFeed();
    const cache = new TableReadCache<string[]>(feed, 'notes');
    const { load } = table();
    (await cache.read('p', load)).push('changed by one request');
    (await cache.read('p', load)).push('and by another');
    expect(await cache.read('p', load)).toEqual(['a']);
  });
});

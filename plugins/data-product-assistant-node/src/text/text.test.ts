import { describe, expect, it } from 'vitest';
import {
  Abbreviations,
  annotate,
  bm25,
  expandQuery,
  FieldIndex,
  foldName,
  isKnownName,
  rawTerms,
  compactName,
  contentTerms,
  entities,
  jaccard,
  jaroWinkler,
  jaroWinklerAtLeast,
  lemma,
  lexicon,
  properNounSpans,
  sentences,
  splitIdentifier,
  tokenise,
} from './index';
import { WordnetFiles, wordnetDir } from './wordnet';

describe('lemma', () => {
  it('folds inflections to the WordNet lemma', () => {
    const cases: Record<string, string> = {
      orders: 'order',
      customers: 'customer',
      addresses: 'address',
      categories: 'category',
      placed: 'place',
      shipped: 'ship',
      shipping: 'ship',
      rating: 'rate',
      identifies: 'identify',
      children: 'child',
      went: 'go',
      was: 'be',
      timestamps: 'timestamp',
    };
    for (const [w, l] of Object.entries(cases)) expect(lemma(w)).toBe(l);
  });

  it('leaves lemmas, non-inflections and codes alone', () => {
    for (const w of [
      'status',
      'analysis',
      'news',
      'customer',
      'data',
      'evening',
    ])
      expect(lemma(w)).toBe(w);
    expect(lemma('SO-2024')).toBe('so-2024');
    expect(lemma('id')).toBe('id');
  });
});

describe('lexicon', () => {
  const lx = lexicon();
  it('gives synonyms, broader terms, derived forms and antonyms from WordNet', () => {
    expect(lx.synonyms('client')).toContain('customer');
    expect(lx.synonyms('hour')).toContain('hr');
    expect(lx.hypernyms('patient', { depth: 2, senses: 1 })).toContain(
      'person',
    );
    expect(lx.derived('daily')).toContain('day');
    expect(lx.antonyms('gross')).toContain('net');
    expect(lx.antonyms('include')).toContain('exclude');
  });

  it('knows what excludes a word and what a word counts', () => {
    expect(lx.opposites('after')).toContain('before');
    expect(lx.opposites('gross')).toContain('net');
    expect(lx.opposites('hourly')).toEqual(
      expect.arrayContaining(['day', 'daily', 'minute']),
    );
    expect(lx.opposites('customer')).toEqual([]);
    expect(lx.quantities('daily')).toContainEqual([24, 'hour']);
    expect(lx.quantities('order')).toEqual([]);
  });

  it('relates words by their most frequent senses only', () => {
    expect(lx.relation('customers', 'customer')).toBe('same');
    expect(lx.relation('client', 'customer')).toBe('synonym');
    expect(lx.relation('patient', 'person')).toBe('broader');
    expect(lx.relation('person', 'patient')).toBe('narrower');
    expect(lx.relation('customer', 'invoice')).toBeUndefined();
    expect(lx.isWord('quantity')).toBe(true);
    expect(lx.isWord('qty')).toBe(false);
  });

  it('reads synsets at their offsets and keeps its caches bounded', () => {
    const files = new WordnetFiles(wordnetDir(), { maxSynsets: 4 });
    const entry = files.entry('hour', 'n')!;
    expect(entry.offsets.length).toBeGreaterThan(1);
    expect(files.synset('n', entry.offsets[0]).words).toEqual(
      expect.arrayContaining(['hour', 'hr']),
    );
    for (const o of entry.offsets) files.synset('n', o);
    files.synset('n', files.entry('day', 'n')!.offsets[0]);
    expect(files.cachedSynsets).toBeLessThanOrEqual(4);
    expect(files.entry('no-such-word-here', 'n')).toBeUndefined();
    files.close();
  });
});

describe('personal names', () => {
  it('knows first and last names in any case, with or without accents', () => {
    expect(foldName('Müller')).toBe('muller');
    for (const name of ['Ingrid', 'HALVORSEN', 'kowalczyk', 'José'])
      expect(isKnownName(name)).toBe(true);
    for (const word of ['Zorblatt', 'Quorvantix', 'x', ''])
      expect(isKnownName(word)).toBe(false);
  });
});

describe('identifiers', () => {
  it('splits case, separators, digits and glued words', () => {
    expect(splitIdentifier('customerEmailAddress')).toEqual([
      'customer',
      'email',
      'address',
    ]);
    expect(splitIdentifier('HTTPStatusCode')).toEqual([
      'http',
      'status',
      'code',
    ]);
    expect(splitIdentifier('order-line-2')).toEqual(['order', 'line', '2']);
    expect(splitIdentifier('starttime')).toEqual(['start', 'time']);
    expect(splitIdentifier('instock')).toEqual(['in', 'stock']);
    expect(splitIdentifier('isactive')).toEqual(['is', 'active']);
    expect(splitIdentifier('businessentityid')).toEqual([
      'business',
      'entity',
      'id',
    ]);
    expect(splitIdentifier('valid')).toEqual(['valid']);
    expect(compactName('Net_Amount')).toBe('netamount');
  });

  it('expands abbreviations from WordNet and from the vocabulary at hand', () => {
    const vocab = new Abbreviations([
      ['customer', 6],
      ['quantity', 3],
      ['quality', 1],
      ['reference', 2],
      ['refund', 2],
    ]);
    expect(vocab.expand('cust')).toBe('customer');
    expect(vocab.expand('qty')).toBe('quantity');
    expect(vocab.expand('hr')).toBe('hour');
    // a common word is not an abbreviation; an unclear one stays as it is
    expect(vocab.expand('order')).toBeUndefined();
    expect(vocab.expand('ref')).toBeUndefined();
    expect(new Abbreviations([]).expand('cust')).toBeUndefined();
  });

  it('learns abbreviations from the text that describes them, then uses them everywhere', () => {
    const learnt = new Abbreviations([]);
    learnt.learn('sku', 'Stock keeping unit of the item.');
    learnt.learn('ts', 'Order timestamp, in UTC.');
    learnt.learn('order', 'Order number.'); // a word, not an abbreviation
    expect(learnt.expand('sku')).toBe('stock keeping unit');
    expect(learnt.expand('ts')).toBe('timestamp');
    expect(learnt.expand('order')).toBeUndefined();
  });
});

describe('tokens and terms', () => {
  it('tokenises words, numbers and identifiers with offsets and normal forms', () => {
    const text = 'The orders.net_amount was 1,200.50 for two Customers';
    const tokens = tokenise(text);
    expect(tokens.map(t => [t.kind, t.norm])).toEqual([
      ['word', 'the'],
      ['identifier', 'orders.net_amount'],
      ['word', 'be'],
      ['number', '1200.5'],
      ['word', 'for'],
      ['number', '2'],
      ['word', 'customer'],
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.raw);
    expect(tokens[6].proper).toBe(true);
  });

  it('gives content terms: lemmas, identifiers whole and split, no stop words', () => {
    expect(contentTerms('Which columns hold the customers netAmount?')).toEqual(
      ['column', 'hold', 'customer', 'netamount', 'net', 'amount'],
    );
  });
});

describe('similarity and retrieval', () => {
  it('computes Jaccard similarity of sets', () => {
    expect(jaccard(new Set([1, 2, 3]), new Set([2, 3, 4]))).toBe(0.5);
    expect(jaccard(new Set(), new Set([1]))).toBe(0);
  });

  it('decides a Jaro-Winkler threshold as the full computation does', () => {
    // near and far variants of a few words: swaps, drops, doubled and replaced letters
    const words = [
      'admission',
      'patient',
      'customer',
      'category',
      'measurement',
    ];
    const variants = new Set<string>(['', 'a', 'ab', 'zzzzzzz']);
    for (const w of words) {
      variants.add(w);
      for (let i = 0; i < w.length; i++) {
        variants.add(w.slice(0, i) + w.slice(i + 1));
        variants.add(w.slice(0, i) + w[i] + w.slice(i));
        variants.add(`${w.slice(0, i)}x${w.slice(i + 1)}`);
        if (i + 1 < w.length)
          variants.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
      }
    }
    const all = [...variants];
    let near = 0;
    const differ: string[] = [];
    for (const a of all)
      for (const b of all)
        for (const min of [0.8, 0.9, 0.94, 0.97]) {
          const full = jaroWinkler(a, b) >= min;
          if (full) near++;
          if (jaroWinklerAtLeast(a, b, min) !== full)
            differ.push(`${a} ${b} ${min}`);
        }
    expect(differ).toEqual([]);
    expect(near).toBeGreaterThan(1000);
  });

  it('ranks fielded documents by BM25 and expands queries from the lexicon', () => {
    const index = new FieldIndex({
      fields: ['name', 'text'],
      boost: { name: 3 },
    });
    index.add([
      { id: 'a', name: 'customer_id', text: 'Identifier of the buyer.' },
      { id: 'b', name: 'order_total', text: 'Total amount of the order.' },
      { id: 'c', name: 'notes', text: 'Free text about the customer.' },
    ]);
    expect(index.query('customer').map(h => h.id)).toEqual(['a', 'c']);
    expect(index.query('client')).toEqual([]);
    const expanded = index.query('client', { expansion: 0.5 });
    expect(expanded.map(h => h.id)).toEqual(['a', 'c']);
    expect(expanded[0].score).toBeLessThan(index.query('customer')[0].score);
  });
});

describe('bm25 without an index', () => {
  it('scores like BM25: rarer terms, shorter fields and boosted fields count more', () => {
    const docs = [
      { id: 'a', fields: { name: ['phone'], text: ['number', 'to', 'call'] } },
      { id: 'b', fields: { name: ['fax'], text: ['number', 'for', 'faxes'] } },
      {
        id: 'c',
        fields: { name: ['notes'], text: ['phone', 'number', 'a', 'b', 'c'] },
      },
    ];
    const scores = bm25(
      [
        { term: 'phone', weight: 1 },
        { term: 'number', weight: 1 },
      ],
      docs,
      { name: 3, text: 1 },
    );
    expect(scores.get('a')!).toBeGreaterThan(scores.get('c')!);
    expect(scores.get('c')!).toBeGreaterThan(scores.get('b')!);
    // an expansion counts at its weight, a term nowhere counts nothing
    const half = bm25([{ term: 'phone', weight: 0.5 }], docs, { name: 3 });
    const full = bm25([{ term: 'phone', weight: 1 }], docs, { name: 3 });
    expect(half.get('a')).toBeCloseTo(full.get('a')! / 2);
    expect(
      bm25([{ term: 'telex', weight: 1 }], docs, { name: 3 }).get('a'),
    ).toBe(0);
  });

  it('expands a query from the lexicon at a reduced weight, names left alone', () => {
    const q = expandQuery(['telephone', 'order_id'], 0.5);
    expect(q[0]).toEqual({ term: 'telephone', weight: 1 });
    expect(q).toContainEqual({ term: 'phone', weight: 0.5 });
    expect(q.filter(t => t.term.startsWith('order'))).toEqual([
      { term: 'order_id', weight: 1 },
    ]);
    expect(expandQuery(['telephone'], 0)).toEqual([
      { term: 'telephone', weight: 1 },
    ]);
  });

  it('reads hyphenated words apart and together', () => {
    expect(rawTerms('E-mail of the ship-to address')).toEqual([
      'E',
      'mail',
      'Email',
      'of',
      'the',
      'ship',
      'to',
      'shipto',
      'address',
    ]);
  });

  it('tells the parts of speech WordNet lists a word under', () => {
    expect(lexicon().partsOfSpeech('exist')).toEqual(['v']);
    expect(lexicon().partsOfSpeech('trains')).toEqual(['n', 'v']);
    expect(lexicon().partsOfSpeech('qzxv')).toEqual([]);
  });
});

describe('wink-nlp', () => {
  it('splits sentences and finds entities with offsets into the text', () => {
    const text = 'Pay $12.50 by 3 March 2024.  Then email a@b.com!';
    const s = sentences(text);
    expect(s.map(x => x.text)).toEqual([
      'Pay $12.50 by 3 March 2024.',
      'Then email a@b.com!',
    ]);
    const e = entities(text);
    expect(e.map(x => [x.type, x.text])).toEqual([
      ['MONEY', '$12.50'],
      ['DATE', '3 March 2024'],
      ['EMAIL', 'a@b.com'],
    ]);
    for (const x of [...s, ...e])
      expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('tags parts of speech and finds runs of proper nouns', () => {
    const text = 'Send it to Jane Miller in Boston today.';
    expect(properNounSpans(text).map(x => x.text)).toEqual([
      'Jane Miller',
      'Boston',
    ]);
    const tokens = annotate(text);
    expect(tokens.find(t => t.text === 'Send')?.pos).toBe('VERB');
    expect(tokens.find(t => t.text === 'it')?.stopWord).toBe(true);
  });
});

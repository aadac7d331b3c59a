import { describe, expect, it } from 'vitest';
import { detectPii } from './detectPii';
import type { PiiSpan } from './types';
import { detectEmails } from './email';
import { detectPhones } from './phone';
import { detectPaymentCards, luhnValid } from './paymentCard';
import { detectIbans, ibanValid } from './iban';
import { detectNationalIds } from './nationalId';
import { detectIpAddresses } from './ipAddress';
import { detectPersonNames } from './personName';
import { detectStreetAddresses } from './streetAddress';
import { detectDatesOfBirth } from './dateOfBirth';
import { detectSecrets } from './secrets';

const texts = (spans: Array<{ text: string }>) => spans.map(s => s.text);

describe('email', () => {
  it('finds addresses and spans them exactly', () => {
    const t =
      'Write to jane.doe+x@example.co.uk, or ops@data-team.example.com.';
    expect(texts(detectEmails(t))).toEqual([
      'jane.doe+x@example.co.uk',
      'ops@data-team.example.com',
    ]);
    const [s] = detectEmails(t);
    expect(t.slice(s.start, s.end)).toBe(s.text);
  });
  it('ignores look-alikes', () => {
    expect(
      detectEmails('user@localhost, @handle, a@b, name@@x.com, x@y.c'),
    ).toEqual([]);
  });
});

describe('phone', () => {
  it('finds international and national formats', () => {
    for (const p of [
      '+44 20 7946 0958',
      '+1-415-555-0132',
      '(555) 234-5678',
      '416-555-0199',
      '+46 (0)8 123 456 78',
      '0612 345 67 89',
    ]) {
      expect(texts(detectPhones(`Call ${p} today`)), p).toEqual([p]);
    }
    expect(texts(detectPhones('Phone: 4155550123'))).toEqual(['4155550123']);
  });
  it('does not take dates, versions, ids or amounts for phones', () => {
    for (const t of [
      'Loaded on 2024-05-01 and 01/02/2024',
      'version 1.2.3.4 released',
      'order id 12345678 shipped',
      'order 4567890123 was late',
      'the table holds 1200000 rows',
      'amount 12345.67 EUR',
      'between 1990-2000',
    ]) {
      expect(detectPhones(t), t).toEqual([]);
    }
  });
});

describe('payment card', () => {
  it('checks Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
  it('finds grouped and compact numbers, rejects Luhn-invalid ones', () => {
    expect(
      texts(
        detectPaymentCards(
          'card 4111 1111 1111 1111 or 4111-1111-1111-1111 or 340376792748116',
        ),
      ),
    ).toEqual([
      '4111 1111 1111 1111',
      '4111-1111-1111-1111',
      '340376792748116',
    ]);
    expect(detectPaymentCards('card 4111 1111 1111 1112')).toEqual([]);
    expect(
      detectPaymentCards('ids 0000000000000000 and 1234-5678 1234-5678'),
    ).toEqual([]);
  });
});

describe('iban', () => {
  it('validates country length and mod-97', () => {
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('GB82WEST12345698765433')).toBe(false);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('DE8937040044053201300')).toBe(false);
  });
  it('finds compact and grouped IBANs only with a valid checksum', () => {
    expect(
      texts(
        detectIbans(
          'pay GB82 WEST 1234 5698 7654 32 or DE89370400440532013000.',
        ),
      ),
    ).toEqual(['GB82 WEST 1234 5698 7654 32', 'DE89370400440532013000']);
    expect(detectIbans('pay GB82 WEST 1234 5698 7654 33')).toEqual([]);
  });
});

describe('national ids', () => {
  it('finds valid US SSNs and UK NINOs', () => {
    const spans = detectNationalIds(
      'SSN 054-28-6917; NINO AB 12 34 56 C; SIN: 046 454 286',
    );
    expect(spans.map(s => [s.subtype, s.text])).toEqual([
      ['us-ssn', '054-28-6917'],
      ['uk-nino', 'AB 12 34 56 C'],
      ['ca-sin', '046 454 286'],
    ]);
  });
  it('rejects invalid SSN areas/groups and bare digits without a cue', () => {
    expect(
      detectNationalIds(
        '000-12-3456 666-12-3456 912-12-3456 123-00-4567 123-45-0000',
      ),
    ).toEqual([]);
    expect(detectNationalIds('batch 054286917')).toEqual([]);
    expect(detectNationalIds('NINO QQ123456C')).toEqual([]); // QQ is not issued? (Q first letter invalid)
  });
});

describe('ip addresses', () => {
  it('finds v4 and v6', () => {
    expect(
      texts(
        detectIpAddresses(
          'from 192.168.1.10 and 2001:db8::8a2e:370:7334 and ::ffff:10.0.0.1',
        ),
      ),
    ).toEqual(['192.168.1.10', '2001:db8::8a2e:370:7334', '::ffff:10.0.0.1']);
  });
  it('rejects invalid octets, versions and times', () => {
    expect(
      detectIpAddresses(
        '999.1.1.1, 256.0.0.1, 1.2.3, v1.2.3.4, at 12:30:45, 1.2.3.4.5',
      ),
    ).toEqual([]);
  });
});

describe('person names', () => {
  it('finds names by cue and title, whatever their spelling', () => {
    expect(texts(detectPersonNames('My name is Vesna Radulović'))).toEqual([
      'Vesna Radulović',
    ]);
    expect(texts(detectPersonNames('my name is jarkko peltonen'))).toEqual([
      'jarkko peltonen',
    ]);
    expect(
      texts(detectPersonNames('Please forward it to Dr. Ilse Marwitz.')),
    ).toEqual(['Ilse Marwitz']);
    expect(texts(detectPersonNames('Name: keiko t. mori'))).toEqual([
      'keiko t. mori',
    ]);
  });
  it('keeps precision on data-product prose', () => {
    expect(
      detectPersonNames(
        'The Orders table holds one row per order. Net Amount is gross minus tax. May values be null? Use the Sales Domain.',
      ),
    ).toEqual([]);
    expect(
      detectPersonNames(
        'Foreign key to BusinessEntity.BusinessEntityID. The Customer Profiles product is owned by the Customer Team.',
      ),
    ).toEqual([]);
    // compounds of English words opening a sentence
    for (const t of [
      'Append-only log of status changes.',
      'Out-of-stock reporting per warehouse.',
    ])
      expect(detectPersonNames(t)).toEqual([]);
    expect(
      texts(detectPersonNames('Signed off by Orla Smith-Brennick today.')),
    ).toEqual(['Orla Smith-Brennick']);
    // English words a list of names also holds, after a verb of speech used as "consult"
    expect(detectPersonNames('Refer to Sales Orders for details.')).toEqual([]);
    // one such word, spoken to, stays a name
    expect(texts(detectPersonNames('I spoke to Ivy yesterday.'))).toEqual([
      'Ivy',
    ]);
  });
  it('reads a former role before a name', () => {
    expect(
      texts(
        detectPersonNames('A documentary by ex-Beatle Hollbrand was shown.'),
      ),
    ).toEqual(['Hollbrand']);
    expect(
      texts(detectPersonNames('The talk by ex-Navy Tamsk was recorded.')),
    ).toEqual(['Tamsk']);
    for (const t of [
      'The ex-dividend date is in May.',
      'Ex-Works Pricing applies to every order line.',
    ])
      expect(detectPersonNames(t)).toEqual([]);
  });
  it('reads the general ways business text mentions people', () => {
    const found = (t: string) => texts(detectPii(t, { types: ['person'] }));
    // a given name ending like a one-word street ("-iela"), a surname that is a street type
    expect(found('Graciela Paredes opened the ticket.')).toEqual([
      'Graciela Paredes',
    ]);
    expect(found('Jin-woo Park signed the NDA.')).toEqual(['Jin-woo Park']);
    expect(found('Harrow Park is closed on Sundays.')).toEqual([]);
    // several particles inside a name
    expect(found('The claim was filed by Ana Paula de la Cruz.')).toEqual([
      'Ana Paula de la Cruz',
    ]);
    expect(found('Pieter van der Berg is the new account manager.')).toEqual([
      'Pieter van der Berg',
    ]);
    // but a line of its own above a country is a town
    expect(found('Orla Brennick\n\nVillanueva de la Sierra\nSpain')).toEqual([
      'Orla Brennick',
    ]);
    // a greeting is no part of the name; an apposition that is a clause is no group
    expect(found('Hey Kemal, can you check this?')).toEqual(['Kemal']);
    expect(found('Our CEO, Helga Bjørnstad, opened the meeting.')).toEqual([
      'Helga Bjørnstad',
    ]);
    // a given name and a surname after "from" or "went to"; not a place before its postcode
    expect(found('Payment received from Olumide Fashola.')).toEqual([
      'Olumide Fashola',
    ]);
    expect(found('The request from Irina Popova is still open.')).toEqual([
      'Irina Popova',
    ]);
    expect(found('The award went to Nnamdi Azikiwe Okeke.')).toEqual([
      'Nnamdi Azikiwe Okeke',
    ]);
    expect(found('The depot in Quinta de Alvarenga 4410 is open.')).toEqual([]);
    // greeted, thanked or apologised to by name; not the end of a list of columns
    expect(found('Sorry Nilufar, the file is gone.')).toEqual(['Nilufar']);
    expect(found('Thank you, Ebere.')).toEqual(['Ebere']);
    expect(found('Hi Lerato and Sizwe, welcome aboard.')).toEqual([
      'Lerato',
      'Sizwe',
    ]);
    for (const t of [
      'Columns: Customer Name, Email Address, Postal Code, Country',
      'Sorry for the delay, the job failed.',
      'Data from Google Analytics is loaded daily.',
    ])
      expect(found(t)).toEqual([]);
  });
  it('an unknown capitalised word needs evidence', () => {
    // alone at the start of a sentence it could be a product, a place or a company
    expect(detectPersonNames('Zorblatt is installed.')).toEqual([]);
    expect(
      texts(detectPersonNames('We asked Zorblatt Quennell twice.')),
    ).toEqual(['Zorblatt Quennell']);
  });
});

describe('person names: known names, mentions and lower-case text', () => {
  it('reads the line above a postal address as its recipient, when it is only name words', () => {
    const names = (t: string) => texts(detectPii(t, { types: ['person'] }));
    expect(names('ORLA BRENNICK\n12 Harrow Street\nLeeds')).toEqual([
      'ORLA BRENNICK',
    ]);
    expect(names('Send to:\nOrla Brennick\n\n7 Harrow Street\nLeeds')).toEqual([
      'Orla Brennick',
    ]);
    for (const t of [
      'Head Office\n1 Harrow Street\nLeeds',
      'Zorblatt GmbH\n12 Harrow Street',
      'The Data Platform Team\n12 Harrow Street',
      'BRENNICK\n12 Harrow Street',
    ])
      expect(names(t)).toEqual([]);
  });
  it('reads text written in lower case', () => {
    expect(
      texts(
        detectPersonNames('please update my profile. my name is ilse marwitz.'),
      ),
    ).toEqual(['ilse marwitz']);
    expect(
      texts(detectPersonNames('follow up with hedda kowalczyk next week.')),
    ).toEqual(['hedda kowalczyk']);
    expect(
      detectPersonNames('what is the primary key of orders? the status column'),
    ).toEqual([]);
  });
  it('finds a name again where it is mentioned alone', () => {
    expect(
      texts(
        detectPersonNames(
          'Ingrid moved to Oslo to keep house for her aunt Ingrid Halvorsen. Later Halvorsen moved to Bergen.',
        ),
      ),
    ).toEqual(['Ingrid', 'Ingrid Halvorsen', 'Halvorsen']);
  });
  it('weighs what the lexicon and the list of names know', () => {
    // an English word that is also a surname, beside a name
    expect(
      texts(detectPersonNames('Novak and Cooper were the reviewers.')),
    ).toEqual(['Novak', 'Cooper']);
    // a place that is also a given name: a person where the sentence says so, a place elsewhere
    expect(
      texts(detectPersonNames('Please add my son Sydney to the account.')),
    ).toEqual(['Sydney']);
    expect(detectPersonNames('We flew to Sydney on Monday.')).toEqual([]);
    // the subject of a sentence that goes on about her
    expect(
      texts(
        detectPersonNames(
          'Quennell began painting early, selling her first canvas at nine.',
        ),
      ),
    ).toEqual(['Quennell']);
    // nationalities, days, teams and ordinary words are not names
    for (const text of [
      'The Dane Team won the cup.',
      'Black Friday campaigns start in November.',
      'Sales and Marketing were merged into one domain.',
      'Status: Active. Owner: Finance Team.',
      'Mobile: 0171 5550123',
      // a redaction is no word for a person beside a capitalised word
      'The rollout covers Zorblatt, <CUSTOMER> and the rest.',
    ])
      expect(detectPersonNames(text)).toEqual([]);
  });
});

describe('street addresses', () => {
  it('finds street, continental, PO box and military forms', () => {
    expect(
      texts(
        detectStreetAddresses('Ship to 221B Baker Street, then PO Box 1234.'),
      ),
    ).toEqual(['221B Baker Street', 'PO Box 1234']);
    expect(
      texts(detectStreetAddresses('He lives on Rua das Flores 12.')),
    ).toEqual(['Rua das Flores 12']);
    expect(texts(detectStreetAddresses('Grazer Bundesstrasse 12'))).toEqual([
      'Grazer Bundesstrasse 12',
    ]);
    expect(texts(detectStreetAddresses('USNS Bergman\nFPO AP 93757'))).toEqual([
      'USNS Bergman\nFPO AP 93757',
    ]);
  });
  it('finds number-name-number streets, towns in capitals and lower-case addresses', () => {
    expect(
      texts(
        detectStreetAddresses(
          'Send the parcel to 4471 Vrbova 19\nApt. 3\nMIRNOV\nCzechia 11800',
        ),
      ),
    ).toEqual(['4471 Vrbova 19\nApt. 3\nMIRNOV\nCzechia 11800']);
    expect(
      texts(
        detectStreetAddresses('Ship to 12 Larkspur Crescent Apt. 4 DUNMORE PA'),
      ),
    ).toEqual(['12 Larkspur Crescent Apt. 4 DUNMORE PA']);
    expect(
      texts(
        detectStreetAddresses('ship it to 4471 vrbova 19, mirnov, czechia'),
      ),
    ).toEqual(['4471 vrbova 19, mirnov, czechia']);
    expect(
      texts(
        detectStreetAddresses('The band played on Quennell Forks every week.'),
      ),
    ).toEqual(['Quennell Forks']);
    expect(
      texts(detectStreetAddresses('Meet me at Kvarnbacka 12, Ostrum.')),
    ).toEqual(['Kvarnbacka 12, Ostrum']);
    expect(
      texts(
        detectStreetAddresses(
          'Please change the address on my account to Kvarnbacka 12.',
        ),
      ),
    ).toEqual(['Kvarnbacka 12']);
    // numbers around a name that is no street, and plain words in lower case
    for (const text of [
      'In 2019 Siemens 45 percent of the orders',
      'Version 2 Kafka 3 and Spark 3',
      'the customer table has 27 join keys and 5 traps',
      'We met in Central Park on Friday.',
      'The service runs at Postgres 16 and Kafka 3 today.',
    ])
      expect(detectStreetAddresses(text)).toEqual([]);
  });
  it('keeps a unit on its own line, short closing numbers and spaced postcodes', () => {
    expect(
      texts(detectStreetAddresses('42 Birch Lane\nFlat 7\nLeeds')),
    ).toEqual(['42 Birch Lane\nFlat 7\nLeeds']);
    expect(
      texts(detectStreetAddresses('14 Kerkstraat 22\nBox 3\nAntwerpen')),
    ).toEqual(['14 Kerkstraat 22\nBox 3\nAntwerpen']);
    expect(
      texts(
        detectStreetAddresses('The office is at Vasagatan 7, 111 20 Stockholm'),
      ),
    ).toEqual(['Vasagatan 7, 111 20 Stockholm']);
    // a floor and door as ordinals write them: the town after them is no person
    expect(
      texts(
        detectPii('We moved to Calle Mayor 12, 3º B, Madrid', {
          types: ['person', 'street-address'],
        }),
      ),
    ).toEqual(['Calle Mayor 12, 3º B, Madrid']);
  });
  it('takes a number and a street of no known type only where an address is announced', () => {
    expect(
      texts(detectStreetAddresses('She lives at 5 Harbour Esplanade, Corvale')),
    ).toEqual(['5 Harbour Esplanade, Corvale']);
    for (const text of [
      'The job runs at 5 PM, daily.',
      'Dinner is at 8 Sunday Evening, then drinks.',
      'Bill Harbour Esplanade 5 times, then stop.',
      'Harbour Esplanade has 5 Corvale rooms.',
    ])
      expect(detectStreetAddresses(text)).toEqual([]);
  });
  it('keeps a house number written with a full stop, and the lines after it', () => {
    for (const [t, want] of [
      [
        'Send it to Kossuth Lajos u. 12.\nBudapest\nHungary 1053',
        'Kossuth Lajos u. 12.\nBudapest\nHungary 1053',
      ],
      [
        'Send it to Largo do Carmo 3.\nLisboa\nPortugal 1200-092',
        'Largo do Carmo 3.\nLisboa\nPortugal 1200-092',
      ],
      [
        'Send it to Ferenc körút 4.\nApt. 2\nBudapest',
        'Ferenc körút 4.\nApt. 2\nBudapest',
      ],
      // the full stop that ends a sentence stays out, and so does the next sentence
      ['He lives at Kirkegata 14.\nThe weather was fine.', 'Kirkegata 14'],
    ])
      expect(texts(detectStreetAddresses(t))).toEqual([want]);
  });
  it('reads street names of other languages: common nouns, types before the name', () => {
    for (const [t, want] of [
      ['The shop is on Zsigmond király útja 7.', 'Zsigmond király útja 7'],
      ['Send it to Rúa do Franco 12, Santiago', 'Rúa do Franco 12, Santiago'],
      [
        'Send it to Laan van Meerdervoort 55, 2517 AE Den Haag',
        'Laan van Meerdervoort 55, 2517 AE Den Haag',
      ],
      [
        'Send it to Passeig de Gràcia 43, 08007 Barcelona',
        'Passeig de Gràcia 43, 08007 Barcelona',
      ],
    ])
      expect(texts(detectStreetAddresses(t))).toEqual([want]);
    // English words before a word that ends some street names are no street
    expect(detectStreetAddresses('Postgres uses a ring 3 times.')).toEqual([]);
  });
  it('keeps house numbers, floors, doors, units, buildings and postcodes of many countries', () => {
    for (const [t, want] of [
      [
        'Send it to 3 bis rue Victor Hugo, 69002 Lyon',
        '3 bis rue Victor Hugo, 69002 Lyon',
      ],
      [
        'Send it to Prinsengracht 263-hs, 1016 GV Amsterdam',
        'Prinsengracht 263-hs, 1016 GV Amsterdam',
      ],
      [
        'Send it to Keizersgracht 123-II, 1015 CJ Amsterdam',
        'Keizersgracht 123-II, 1015 CJ Amsterdam',
      ],
      [
        'Send it to 220 Yonge St, Toronto, ON M5B 2H1',
        '220 Yonge St, Toronto, ON M5B 2H1',
      ],
      [
        'Send it to Calle de Alcalá 48, 2º izq., 28014 Madrid',
        'Calle de Alcalá 48, 2º izq., 28014 Madrid',
      ],
      [
        'Send it to Rua Augusta 100, 3º Esq., 1100-053 Lisboa',
        'Rua Augusta 100, 3º Esq., 1100-053 Lisboa',
      ],
      [
        'Send it to Nørrebrogade 45, 2. tv., 2200 København N',
        'Nørrebrogade 45, 2. tv., 2200 København N',
      ],
      [
        'Send it to Hauptstraße 5, 3. OG, 80331 München',
        'Hauptstraße 5, 3. OG, 80331 München',
      ],
      [
        'Send it to 4 Elm St #12, Boston, MA 02108',
        '4 Elm St #12, Boston, MA 02108',
      ],
      [
        'Send it to Unit 5/12 Smith Street, Fitzroy VIC 3065',
        'Unit 5/12 Smith Street, Fitzroy VIC 3065',
      ],
      [
        'Send it to Level 3, 100 George St, Sydney NSW 2000, Australia',
        'Level 3, 100 George St, Sydney NSW 2000, Australia',
      ],
      [
        'Please send it to Flat 2, Rosewood House, 14 Elmfield Road, Bristol BS6 7TR.',
        'Flat 2, Rosewood House, 14 Elmfield Road, Bristol BS6 7TR',
      ],
      [
        'Kestrel Court\n9 Mill Lane\nYork YO1 6AB',
        'Kestrel Court\n9 Mill Lane\nYork YO1 6AB',
      ],
    ])
      expect(texts(detectStreetAddresses(t))).toEqual([want]);
    for (const t of [
      'The meeting is in the Town Hall, 5 people came.',
      'Level 2 support answers within 4 hours.',
      'Customers: 1200 ON orders and 300 EU orders',
      'Use version 3 ter of the table',
    ])
      expect(detectStreetAddresses(t)).toEqual([]);
  });
  it('ignores numbers followed by ordinary words', () => {
    expect(
      detectStreetAddresses(
        'It keeps 3 days of history and 5 tables in the park.',
      ),
    ).toEqual([]);
  });
});

describe('date of birth', () => {
  it('needs a birth cue', () => {
    expect(
      texts(
        detectDatesOfBirth(
          'DOB: 1980-02-03; born on 17 June 1935; date of birth is 02/03/1980',
        ),
      ),
    ).toEqual(['1980-02-03', '17 June 1935', '02/03/1980']);
    expect(
      detectDatesOfBirth('loaded on 1980-02-03, created 17 June 1935'),
    ).toEqual([]);
  });
});

describe('secrets', () => {
  it('finds keys, tokens, private keys and password assignments', () => {
    const t = [
      'AKIAIOSFODNN7EXAMPLE',
      'sk-proj-abcdefghijklmnopqrstuvwxyz123456',
      'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----',
      'password=hunter22',
    ].join('\n');
    expect(
      detectSecrets(t)
        .map(s => s.subtype)
        .sort(),
    ).toEqual(
      [
        'aws-access-key',
        'github-token',
        'openai-key',
        'password',
        'private-key',
      ].sort(),
    );
    expect(detectSecrets('password=hunter22')[0].text).toBe('hunter22');
  });
  it('ignores prose and placeholders', () => {
    expect(
      detectSecrets(
        'A password is required. Set password=*** or token: <your-token>. The task-oriented sk-learn',
      ),
    ).toEqual([]);
  });
});

describe('detectPii', () => {
  it('resolves overlaps by score and filters by type', () => {
    const t =
      'Mail jane@example.com, call +44 20 7946 0958, card 4111 1111 1111 1111.';
    expect(detectPii(t).map(s => s.type)).toEqual([
      'email',
      'phone',
      'payment-card',
    ]);
    expect(detectPii(t, { types: ['email'] }).map(s => s.type)).toEqual([
      'email',
    ]);
    const spans = detectPii(t);
    for (let i = 1; i < spans.length; i++)
      expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
  });

  it('leaves out names the caller sets aside, and nothing else', () => {
    const names = (text: string, discardedName?: (n: string) => boolean) =>
      texts(
        detectPii(text, { discardedName }).filter(s => s.type === 'person'),
      );
    const asked = 'We asked Zorblatt Quennell twice.';
    expect(names(asked)).toEqual(['Zorblatt Quennell']);
    expect(names(asked, () => true)).toEqual([]);
    expect(names(asked, n => n !== 'Zorblatt Quennell')).toEqual([
      'Zorblatt Quennell',
    ]);
    // a name given by a cue is always weighed
    expect(names('My name is Vesna Radulović', () => true)).toEqual([
      'Vesna Radulović',
    ]);
    // the other values stay as they are, beside a name or overlapping one
    for (const t of [
      `${asked} Mail jane@example.com.`,
      'We asked Orla Brennick@example.com twice.',
      'Ask Zorblatt Quennell 1 Harrow Road.',
    ]) {
      const others = (spans: PiiSpan[]) =>
        spans.filter(s => s.type !== 'person');
      expect(others(detectPii(t, { discardedName: () => true }))).toEqual(
        others(detectPii(t)),
      );
    }
  });
});

describe('recall additions (cues across lines, lists, addresses with tails)', () => {
  it('phones: cue on the previous line, long groups, labels after the number', () => {
    expect(
      texts(detectPhones('Personal Info:\nPhone:\n60-56-85-91\n')),
    ).toEqual(['60-56-85-91']);
    expect(
      texts(
        detectPhones(
          'no message on my registered 0961-7596216. Could you check?',
        ),
      ),
    ).toEqual(['0961-7596216']);
    expect(texts(detectPhones('41-22-73-05 office'))).toEqual(['41-22-73-05']);
    expect(texts(detectPhones('They are not answering at 99 668472'))).toEqual([
      '99 668472',
    ]);
    // Still not phones: years, versions, order numbers.
    expect(
      detectPhones('Between 1990-2000, version 1.2.3, order 12345678.'),
    ).toEqual([]);
  });

  it('person names: what the sentence says of a capitalised run', () => {
    // a word for a person before or after it, a verb of speech, being addressed, a speaker's label
    expect(
      texts(
        detectPersonNames(
          'The report was checked by our auditor Tomasz Wielgosz.',
        ),
      ),
    ).toEqual(['Tomasz Wielgosz']);
    expect(
      texts(
        detectPersonNames('Yesterday Oriane Castellac said the file was late.'),
      ),
    ).toEqual(['Oriane Castellac']);
    expect(
      texts(detectPersonNames('Thanks for the quick reply, Ottavio!')),
    ).toEqual(['Ottavio']);
    expect(
      texts(
        detectPersonNames('Halvard: Is the file ready?\nBeatrix: Not yet.'),
      ),
    ).toEqual(['Halvard', 'Beatrix']);
    expect(
      texts(
        detectPersonNames(
          'Our reviewers: Okonkwo, Brandstetter and Lindqvist.',
        ),
      ),
    ).toEqual(['Okonkwo', 'Brandstetter', 'Lindqvist']);
    // places and organisations are not people
    expect(detectPersonNames('We flew to Reykjavik on Monday.')).toEqual([]);
    expect(
      detectPersonNames('The invoice went to Quennell Holdings Ltd.'),
    ).toEqual([]);
  });

  it('person names: requests, verbs between people, where someone is from, employers', () => {
    const found = (t: string) => texts(detectPersonNames(t));
    // addressed at the start of a request; the one asked or thanked; where a person is from
    expect(found('Saoirse, can you review this?')).toEqual(['Saoirse']);
    expect(found('Can you ask Rohan to call me back?')).toEqual(['Rohan']);
    expect(found('Mateo is from Valtrix Analytics.')).toEqual(['Mateo']);
    // what a person has: a phone, an address
    expect(found("Sven's phone number is in the file.")).toEqual(['Sven']);
    // a generation or a degree closes the name
    expect(found('The pilot, Aurel Brenneke II, landed safely.')).toEqual([
      'Aurel Brenneke II',
    ]);
    expect(found('The form was signed by Ilsabet Varga MD')).toEqual([
      'Ilsabet Varga MD',
    ]);
    // an employer is not the person the role names; "signed" mid-sentence is no sign-off
    expect(
      found('She worked at Pellworth Dunmore as a buyer for ten years.'),
    ).toEqual([]);
    expect(found('Quennell Holdings Ltd signed the lease.')).toEqual([]);
    // a name that is also a word, spoken to or speaking in a dialogue; not a list after "Thanks,"
    expect(
      found('Ivy: Where were you? Rowan: I was out. Bram: Come in, Ivy!'),
    ).toEqual(['Ivy', 'Rowan', 'Bram', 'Ivy']);
    expect(found('Thanks, Greta!')).toEqual(['Greta']);
    expect(found('Summary: Sales grew. Status: Green.')).toEqual([]);
    // a listed name that is also a word, where only a person fits; past an adverb; the one spoken to
    expect(found('Ruby is from Quillbrook.')).toEqual(['Ruby']);
    expect(found('He waited, but Tavish never came back.')).toEqual(['Tavish']);
    expect(found("'Not again!' said Oriane to Hedwig")).toEqual([
      'Oriane',
      'Hedwig',
    ]);
    // a listed name opening a sentence as a verb's subject (not one English word: "Summary")
    expect(found('Fenna works at Brightloom as a nurse.')).toEqual(['Fenna']);
    // the one spoken to, one of a pair with the writer, a passive's agent, greetings and sign-offs
    expect(found('I spoke to Marguerite on the phone.')).toEqual([
      'Marguerite',
    ]);
    expect(found('Cornelius and I will be late.')).toEqual(['Cornelius']);
    expect(found('The refund was approved by Henrietta.')).toEqual([
      'Henrietta',
    ]);
    expect(found('Good morning Rosalind, how are you?')).toEqual(['Rosalind']);
    expect(found('Best,\nIsolde')).toEqual(['Isolde']);
    expect(found('Thanks,\nthe data team')).toEqual([]);
    expect(found("Wilhelmina's account was locked.")).toEqual(['Wilhelmina']);
    // a group, not a person: "X is a design agency", "X, a consulting firm"; an engineer's employer
    expect(
      found('Pellworth Dunmore is a design agency based in Leeds.'),
    ).toEqual([]);
    expect(found('We hired Quillon Harwick, a consulting firm.')).toEqual([]);
    expect(found('Orla Brennick is a data engineer at Quillbrook.')).toEqual([
      'Orla Brennick',
    ]);
    // said of people: born, living somewhere, a person's card; "the new tenant is X"
    expect(found('Tobiah was born in 1987 in Gdansk.')).toEqual(['Tobiah']);
    expect(found('Ximena lives in Valparaíso.')).toEqual(['Ximena']);
    expect(found("Please update Benedikt's IBAN.")).toEqual(['Benedikt']);
    expect(found('The new tenant is Radomir.')).toEqual(['Radomir']);
    expect(found("What is Berlin's population?")).toEqual([]);
    // a form of address inside a cue, a name in capitals after a label, a firm after one
    expect(found('Dear Ms. Vance,')).toEqual(['Vance']);
    expect(found('Card holder: LEOCADIA BRANDT')).toEqual(['LEOCADIA BRANDT']);
    expect(found('Customer: ZORBLATT GMBH')).toEqual([]);
    // the one something is handed to
    expect(found('He sent the files to Thaddeus yesterday.')).toEqual([
      'Thaddeus',
    ]);
    // lower-case text: a cue only people get, never an identifier
    expect(found('sometimes people call me jurgovan')).toEqual(['jurgovan']);
    expect(found('which column is called cust_id')).toEqual([]);
    // an imperative is no part of a name; one of a family; "Who is X?"; a list of names
    expect(found('Tell Cornelius I said hi.')).toEqual(['Cornelius']);
    expect(found('Karolina and her brother visited Oslo.')).toEqual([
      'Karolina',
    ]);
    expect(found('Who is Leocadia?')).toEqual(['Leocadia']);
    expect(found('Henrietta, Ximena and Radomir are on the call.')).toEqual([
      'Henrietta',
      'Ximena',
      'Radomir',
    ]);
    // but one firm named after its partners is not
    expect(
      found('The address of Glover, Lindqvist and Armitage is on file.'),
    ).toEqual([]);
    // the parties of a chat transcript
    expect(found('User: Can you help me? Bot: Yes, I can.')).toEqual([]);
    // tools are not people
    expect(
      found('We deployed the fix with Jenkins and tracked it in Jira.'),
    ).toEqual([]);
  });

  it('street addresses: street types, continental forms, units, intersections', () => {
    expect(
      texts(
        detectStreetAddresses(
          'Ship it to 48 Larkspur Crescent, Apt. 5, Dunmore, PA 18512.',
        ),
      ),
    ).toEqual(['48 Larkspur Crescent, Apt. 5, Dunmore, PA 18512']);
    expect(
      texts(
        detectStreetAddresses('Dalgatan 7\nApt. 12\nVaxholm\nSweden 18530'),
      ),
    ).toEqual(['Dalgatan 7\nApt. 12\nVaxholm\nSweden 18530']);
    expect(texts(detectStreetAddresses('She lives at Kirkegata 14.'))).toEqual([
      'Kirkegata 14',
    ]);
    expect(
      texts(
        detectStreetAddresses(
          'Meet me at the corner of Halsted Street and Fulton Avenue.',
        ),
      ),
    ).toEqual(['the corner of Halsted Street and Fulton Avenue']);
    expect(
      texts(detectStreetAddresses('Send it to 12 rue des Lilas, Lyon')),
    ).toEqual(['12 rue des Lilas, Lyon']);
    // a town on the street's line where the line ends; a field's label after the address is not
    expect(
      texts(
        detectStreetAddresses('Ship to 14 Larkfield Road Apt. 3 Porto Velho'),
      ),
    ).toEqual(['14 Larkfield Road Apt. 3 Porto Velho']);
    expect(
      texts(
        detectStreetAddresses(
          'Send it to 22 Kestrel Avenue Suite 5 Tomorrow I will call.',
        ),
      ),
    ).toEqual(['22 Kestrel Avenue Suite 5']);
    expect(
      texts(
        detectStreetAddresses('Dalgatan 7\nVaxholm\nSweden\nMobile: 555 0101'),
      ),
    ).toEqual(['Dalgatan 7\nVaxholm\nSweden']);
    // postcodes with a space or a hyphen, a floor as an ordinal, a unit before the street,
    // a county's abbreviation; no sentence's full stop after a street type written out
    for (const [t, want] of [
      [
        'My new address is 77 Fenwick Rd, Apt 2B, Hull HU5 3QT',
        '77 Fenwick Rd, Apt 2B, Hull HU5 3QT',
      ],
      [
        'Send to ul. Zielona 14/3, 00-950 Warszawa',
        'ul. Zielona 14/3, 00-950 Warszawa',
      ],
      [
        'Our office: 350 Fifth Avenue, 34th Floor, New York, NY 10118',
        '350 Fifth Avenue, 34th Floor, New York, NY 10118',
      ],
      [
        'Her flat is at Flat 3, 27 Pembury Gardens, Leeds.',
        'Flat 3, 27 Pembury Gardens, Leeds',
      ],
      [
        'We are at 3 Harbour View Road, Cobh, Co. Cork',
        '3 Harbour View Road, Cobh, Co. Cork',
      ],
      ['He lives at 9 Rosemount Terrace.', '9 Rosemount Terrace'],
    ])
      expect(texts(detectStreetAddresses(t))).toEqual([want]);
    // Not addresses: years, dates and amounts, versions, ordinary words with numbers.
    expect(detectStreetAddresses('During 1971, the firm grew.')).toEqual([]);
    expect(detectStreetAddresses('US 60\nUS 60')).toEqual([]);
    expect(detectStreetAddresses('Paid 2024 March 15 and 300 EUR 20')).toEqual(
      [],
    );
    expect(
      detectStreetAddresses(
        'Windows 10 and Python 3 are installed; see Table 5.',
      ),
    ).toEqual([]);
  });
});

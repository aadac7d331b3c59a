import { stem } from '../../context/terms';

/** What a topic word in "which columns hold X" may be called in a contract. */
const SYNONYMS: Record<string, string[]> = {
  email: ['email', 'mail', 'emailaddress'],
  mail: ['email', 'mail'],
  phone: ['phone', 'telephone', 'mobile', 'cell'],
  amount: [
    'amount',
    'total',
    'price',
    'cost',
    'revenue',
    'value',
    'fee',
    'tax',
    'net',
    'gross',
    'sum',
    'due',
    'paid',
    'subtotal',
    'freight',
  ],
  money: ['amount', 'total', 'price', 'cost', 'revenue', 'fee', 'currency'],
  price: ['price', 'cost', 'amount'],
  revenue: ['revenue', 'amount', 'total', 'net', 'gross'],
  date: ['date', 'timestamp', 'time', 'ts', 'day', 'at'],
  time: ['time', 'timestamp', 'ts', 'date'],
  timestamp: ['timestamp', 'time', 'ts', 'date'],
  address: ['address', 'street', 'city', 'postal', 'zip', 'postcode'],
  name: ['name', 'firstname', 'lastname', 'surname'],
  identifier: ['id', 'identifier', 'key', 'number'],
  id: ['id', 'identifier'],
  country: ['country', 'countryregion', 'region'],
  location: [
    'location',
    'country',
    'city',
    'address',
    'region',
    'latitude',
    'longitude',
  ],
  status: ['status', 'state'],
  currency: ['currency'],
  quantity: ['quantity', 'qty', 'count', 'units'],
  birth: ['birth', 'birthdate', 'dob'],
};

/** Topic words expanded with the words columns use for them, plural-folded. */
export function expandTopic(terms: string[]): string[] {
  return [
    ...new Set(terms.flatMap(t => [t, ...(SYNONYMS[t] ?? [])]).map(stem)),
  ];
}

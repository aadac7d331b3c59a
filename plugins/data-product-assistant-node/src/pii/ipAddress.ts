import { before, matchAll, PiiSpan, span } from './types';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(
  `(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\w]|\\.\\d)`,
);
// Candidates for IPv6: hex groups and colons (validated below).
const IPV6 =
  /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4})(?![\w:.])/;

function validIpv6(s: string): boolean {
  if ((s.match(/::/g) ?? []).length > 1) return false;
  let body = s;
  let extra = 0;
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(body);
  if (v4) {
    if (!new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`).test(v4[1])) return false;
    body = `${body.slice(0, -v4[1].length)}0`;
    extra = 1;
  }
  const compressed = body.includes('::');
  const groups = body.split(':');
  const nonEmpty = groups.filter(g => g !== '');
  if (nonEmpty.some(g => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = nonEmpty.length + extra;
  if (compressed) {
    if (body.startsWith(':') && !body.startsWith('::')) return false;
    if (body.endsWith(':') && !body.endsWith('::')) return false;
    return count <= 7;
  }
  return groups.length === 8 && nonEmpty.length === 8;
}

/** IPv4 (octets 0–255, not version-like) and IPv6 addresses. */
export function detectIpAddresses(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of matchAll(IPV4, text)) {
    const pre = before(text, m.index, 12);
    if (/\bv(?:ersion)?\s*$|\bversion\s+$/.test(pre)) continue; // "v1.2.3.4"
    out.push(
      span('ip-address', text, m.index, m.index + m[0].length, 0.8, 'ipv4'),
    );
  }
  for (const m of matchAll(IPV6, text)) {
    const s = m[0];
    if (!validIpv6(s)) continue;
    // Require real hex content: "1:2:3" time-like strings are not addresses.
    if (!s.includes('::') && s.split(':').length < 8) continue;
    if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(s)) continue;
    out.push(
      span('ip-address', text, m.index, m.index + s.length, 0.8, 'ipv6'),
    );
  }
  // An IPv4 tail of an IPv6 address (::ffff:10.0.0.1) is part of the v6 span.
  return out.filter(
    a =>
      !out.some(
        b =>
          b !== a &&
          b.start <= a.start &&
          a.end <= b.end &&
          b.end - b.start > a.end - a.start,
      ),
  );
}

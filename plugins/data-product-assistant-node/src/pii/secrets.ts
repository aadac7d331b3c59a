import { matchAll, PiiSpan, span } from './types';

interface SecretPattern {
  subtype: string;
  re: RegExp;
  score: number;
  /** Capture group holding the secret itself (default: whole match). */
  group?: number;
}

const PATTERNS: SecretPattern[] = [
  {
    subtype: 'private-key',
    re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)/,
    score: 1,
  },
  {
    subtype: 'aws-access-key',
    re: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])/,
    score: 0.95,
  },
  {
    subtype: 'aws-secret-key',
    re: /\baws_?secret_?access_?key\b\s*[:=]\s*["']?([A-Za-z0-9/+]{40})\b/i,
    score: 0.95,
    group: 1,
  },
  {
    subtype: 'openai-key',
    re: /(?<![\w-])sk-(?:proj-|live-|test-|ant-)?[A-Za-z0-9_-]{20,}(?![\w-])/,
    score: 0.95,
  },
  {
    subtype: 'github-token',
    re: /(?<![\w])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?![\w])/,
    score: 0.95,
  },
  {
    subtype: 'slack-token',
    re: /(?<![\w-])xox[abposr]-[A-Za-z0-9-]{10,}(?![\w-])/,
    score: 0.95,
  },
  {
    subtype: 'google-api-key',
    re: /(?<![\w-])AIza[0-9A-Za-z_-]{35}(?![\w-])/,
    score: 0.95,
  },
  {
    subtype: 'stripe-key',
    re: /(?<![\w-])(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{16,}(?![\w-])/,
    score: 0.95,
  },
  {
    subtype: 'jwt',
    re: /(?<![\w-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?![\w-])/,
    score: 0.9,
  },
  {
    subtype: 'bearer-token',
    re: /\bbearer\s+([A-Za-z0-9._~+/-]{20,}=*)/i,
    score: 0.85,
    group: 1,
  },
  {
    subtype: 'connection-string',
    re: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@]+:([^\s@/]{3,})@[^\s]+/i,
    score: 0.9,
    group: 1,
  },
  {
    subtype: 'password',
    re: /\b(?:password|passwd|pwd|pass|secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|client[_-]?secret|token)\b\s*(?:[:=]|is|=>)\s*["'`]?([^\s"'`,;]{4,})["'`]?/i,
    score: 0.85,
    group: 1,
  },
];

const PLACEHOLDER_VALUE =
  /^(?:\*+|x+|\.{3}|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|changeme|redacted|\[redacted.*|none|null|true|false|required|optional|yes|no|set|the|a|an|stored|hashed|masked)$/i;

/** Credentials: cloud keys, API tokens, private key blocks, `password=` style assignments. */
export function detectSecrets(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const p of PATTERNS) {
    for (const m of matchAll(p.re, text)) {
      let start = m.index;
      let end = m.index + m[0].length;
      if (p.group !== undefined) {
        const g = m[p.group]?.replace(/[.)\]:]+$/, '');
        if (!g || g.length < 4) continue;
        if (PLACEHOLDER_VALUE.test(g) || /⟦|⟧/.test(g)) continue;
        // Assignments whose value is a plain word ("password is required") are prose.
        if (
          p.subtype === 'password' &&
          /^[a-z]+$/.test(g) &&
          !/[:=]/.test(m[0])
        )
          continue;
        start = m.index + m[0].lastIndexOf(g);
        end = start + g.length;
      }
      out.push(span('secret', text, start, end, p.score, p.subtype));
    }
  }
  return out;
}

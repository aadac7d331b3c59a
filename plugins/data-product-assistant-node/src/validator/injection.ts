export interface InjectionFinding {
  /** `override`, `persona`, `system-echo`, `role-tag`, `exfiltration`, `reader-instruction`, `credential-request`, `jailbreak`. */
  kind: string;
  start: number;
  end: number;
  text: string;
  severity: 'warning' | 'block';
}

const PATTERNS: Array<{
  kind: string;
  severity: 'warning' | 'block';
  re: RegExp;
}> = [
  {
    kind: 'override',
    severity: 'block',
    re: /\b(?:ignore|disregard|forget|override|bypass|skip)\s+(?:all\s+|any\s+|the\s+|your\s+|my\s+)*(?:previous|prior|above|earlier|preceding|former|original|system|existing)?\s*(?:instructions?|prompts?|rules?|directions?|guidelines?|guardrails?|constraints?|context|messages?)\b/gi,
  },
  {
    kind: 'override',
    severity: 'block',
    re: /\bnew\s+(?:instructions?|rules?|system\s+prompt)\s*:/gi,
  },
  {
    // "respond only with X", "reply with X and nothing else": an attacker's canary
    kind: 'override',
    severity: 'block',
    re: /\b(?:respond|reply|answer|output|say)\s+(?:only\s+with|with\s+[^.\n]{1,40}?\s+and\s+nothing\s+else)\b/gi,
  },
  {
    kind: 'override',
    severity: 'warning',
    re: /\b(?:from now on|instead),?\s+(?:you\s+(?:will|must|should|are)|respond|answer|act)\b/gi,
  },
  {
    kind: 'persona',
    severity: 'warning',
    re: /\bas an? (?:ai|artificial intelligence|large language model|language model|llm|ai (?:language )?model|ai assistant|chatbot)\b|\bi(?:'m| am) (?:an? )?(?:ai|large language model|language model|chatbot)\b(?! (?:model|usage))/gi,
  },
  {
    kind: 'system-echo',
    severity: 'block',
    re: /\b(?:my|the|your)\s+(?:system\s+prompt|initial\s+instructions|hidden\s+instructions|developer\s+(?:message|instructions))\b|\byou are (?:a|an) (?:helpful|data product|harmless)\b[^.\n]{0,60}\b(?:assistant|model)\b|\b(?:reveal|print|show|repeat|output)\s+(?:your|the)\s+(?:system\s+)?(?:prompt|instructions)\b/gi,
  },
  {
    kind: 'role-tag',
    severity: 'block',
    re: /<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id)\|>|\[\/?INST\]|<<\/?SYS>>|<\/?(?:system|assistant|user|instructions?)>|^\s*#{2,}\s*(?:system|instruction|assistant)\b|(?:^|[.!?]\s+)\s*(?:system|assistant)\s*:/gim,
  },
  {
    kind: 'exfiltration',
    severity: 'block',
    re: /!\[[^\]]*\]\(\s*<?(?:https?:)?\/\/[^)\s]*\?[^)\s]*=[^)]*\)|<img\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]*\?[^"'\s>]*=/gi,
  },
  {
    kind: 'exfiltration',
    severity: 'warning',
    re: /!\[[^\]]*\]\(\s*<?(?:https?:)?\/\/[^)]*\)|\[[^\]]*\]\(\s*https?:\/\/[^)\s]*\?[^)\s]*(?:q|data|d|payload|secret|token|key|prompt|c)=[^)]*\)/gi,
  },
  {
    kind: 'credential-request',
    severity: 'block',
    re: /\b(?:send|enter|provide|share|paste|reply with|type|give me)\s+(?:us\s+|me\s+)?(?:your|the)\s+(?:password|passcode|credentials?|api[ -]?key|access[ -]?token|token|secret|one[- ]time code|otp|login)\b/gi,
  },
  {
    kind: 'reader-instruction',
    severity: 'warning',
    re: /\b(?:click|visit|open|go to|navigate to|follow)\s+(?:this|the following|the below|the link|this link|here)\b|\b(?:run|execute|paste)\s+(?:this|the following)\s+(?:command|script|code)\b|\bcurl\s+[^\n|]*\|\s*(?:ba|z)?sh\b|\b(?:tell|inform|instruct)\s+the\s+user\s+(?:to|that)\b|\b(?:do not|don't)\s+(?:tell|inform|mention (?:this )?to)\s+the\s+user\b/gi,
  },
  {
    kind: 'jailbreak',
    severity: 'block',
    re: /\b(?:developer|god|dan|jailbreak|unrestricted)\s+mode\b|\bdo anything now\b|\bjailbroken\b|\bpretend (?:you are|to be) (?:an? )?(?:unfiltered|unrestricted|different)\b/gi,
  },
];

// The patterns as one: most texts (every fact of every contract) hold none, and one pass
// over them is cheaper than one per pattern. Only role tags read `^` per line, so the
// union's `m` flag changes no other pattern.
const ANY = new RegExp(PATTERNS.map(p => `(?:${p.re.source})`).join('|'), 'im');

/**
 * Finds prompt-injection artefacts and instruction-like text. Used on answers, and on
 * contract text, docs and knowledge notes before they become context.
 */
export function detectInjection(text: string): InjectionFinding[] {
  if (!ANY.test(text)) return [];
  const out: InjectionFinding[] = [];
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (
        out.some(f => start < f.end && f.start < end && f.severity === 'block')
      )
        continue;
      out.push({ kind: p.kind, start, end, text: m[0], severity: p.severity });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

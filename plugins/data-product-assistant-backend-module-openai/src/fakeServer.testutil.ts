// Test-only: a local HTTP server speaking the Chat Completions protocol, scripted per request.
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequestBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: {
    type: string;
    json_schema?: { name: string; strict?: boolean; schema: unknown };
  };
  [k: string]: unknown;
}

export type Reply =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | { delayMs: number; then: Reply }
  /** A body written piece by piece, with backpressure, until the client hangs up. */
  | {
      status: number;
      headers?: Record<string, string>;
      chunks: Iterable<string>;
    };

export type Handler = (body: ChatRequestBody, index: number) => Reply;

export function completion(
  content: string,
  usage = { prompt_tokens: 1000, completion_tokens: 200 },
): Reply {
  return {
    status: 200,
    body: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1,
      model: 'test-model',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: null },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage: {
        ...usage,
        total_tokens: usage.prompt_tokens + usage.completion_tokens,
      },
    },
  };
}

/** A completion whose content is `bytes` bytes of filler: far more than any answer. */
export function* hugeCompletion(bytes: number): Generator<string> {
  yield '{"id":"chatcmpl-huge","object":"chat.completion","created":1,"model":"test-model","choices":[{"index":0,"message":{"role":"assistant","refusal":null,"content":"';
  const piece = 'x'.repeat(64 * 1024);
  for (let sent = 0; sent < bytes; sent += piece.length) yield piece;
  yield '"},"finish_reason":"stop","logprobs":null}],"usage":{"prompt_tokens":1000,"completion_tokens":5000000,"total_tokens":5001000}}';
}

export async function startFakeChatServer() {
  const bodies: ChatRequestBody[] = [];
  const raw: string[] = [];
  let handler: Handler = () => completion('{}');
  /** Bytes of response bodies written, and responses the client hung up on before they ended. */
  const stats = { sentBytes: 0, hungUp: 0 };

  const send = async (res: ServerResponse, reply: Reply) => {
    if ('delayMs' in reply) {
      await new Promise(r => setTimeout(r, reply.delayMs));
      if (!res.destroyed && !res.writableEnded) await send(res, reply.then);
      return;
    }
    if ('chunks' in reply) {
      res.writeHead(reply.status, {
        'content-type': 'application/json',
        ...reply.headers,
      });
      for (const chunk of reply.chunks) {
        if (res.destroyed) return;
        stats.sentBytes += Buffer.byteLength(chunk);
        if (!res.write(chunk)) {
          await new Promise(resolve => {
            res.once('drain', resolve);
            res.once('close', resolve);
          });
        }
      }
      if (!res.destroyed) res.end();
      return;
    }
    res.writeHead(reply.status, {
      'content-type': 'application/json',
      ...reply.headers,
    });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    res.on('close', () => {
      if (!res.writableFinished) stats.hungUp++;
    });
    let data = '';
    req.on('data', chunk => (data += chunk));
    req.on('end', () => {
      raw.push(data);
      let body: ChatRequestBody;
      try {
        body = JSON.parse(data);
      } catch {
        res.writeHead(400).end();
        return;
      }
      bodies.push(body);
      void send(res, handler(body, bodies.length - 1)).catch(() =>
        res.destroy(),
      );
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    bodies,
    raw,
    stats,
    setHandler(h: Handler) {
      handler = h;
      bodies.length = 0;
      raw.length = 0;
      stats.sentBytes = 0;
      stats.hungUp = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise(resolve => server.close(resolve));
    },
  };
}

/** Fact ids listed in a request's <facts> block. */
export function factIdsIn(body: ChatRequestBody): string[] {
  const user = body.messages.find(m => m.role === 'user')?.content ?? '';
  return [...user.matchAll(/^\[([^\]]+)\]/gm)].map(m => m[1]);
}

// Preload (NODE_OPTIONS=--require …/noNetwork.cjs) that refuses every connection leaving this
// machine and records the attempt in DPA_NETWORK_LOG, so tests can prove a run stayed offline.
const net = require('node:net');
const fs = require('node:fs');
const local = host =>
  !host ||
  host === 'localhost' ||
  host === '127.0.0.1' ||
  host === '::1' ||
  host.startsWith('/');
const original = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  const opts =
    typeof args[0] === 'object' && args[0] !== null
      ? args[0]
      : {
          port: args[0],
          host: typeof args[1] === 'string' ? args[1] : undefined,
        };
  const host = opts.path ?? opts.host;
  if (!local(host)) {
    if (process.env.DPA_NETWORK_LOG)
      fs.appendFileSync(process.env.DPA_NETWORK_LOG, `${host}:${opts.port}\n`);
    throw new Error(
      `network access to ${host}:${opts.port} is disabled in this run`,
    );
  }
  return original.apply(this, args);
};

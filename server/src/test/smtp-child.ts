import { SMTPServer } from 'smtp-server';

/*
 * A real SMTP server in its own process, so a test can SIGKILL it mid-conversation. Started by
 * `smtp.ts`; reports over IPC. Argument 1: port (0 for any); argument 2: accept this many
 * messages, then leave the next one unanswered (the test kills the process at that moment).
 * Recipients starting with `reject` are refused with a permanent 550.
 */

const port = Number(process.argv[2] ?? 0);
const stallAfter = process.argv[3] ? Number(process.argv[3]) : Number.POSITIVE_INFINITY;
let accepted = 0;

const send = (message: unknown, done?: () => void) => {
  process.send?.(message, undefined, {}, () => done?.());
};

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address.startsWith('reject')) {
      callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }));
      return;
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      if (accepted >= stallAfter) {
        send({ type: 'stalled' });
        return; // never answered: the client waits until the process dies
      }
      accepted += 1;
      // Recorded by the test before the 250 goes out: what the test saw is what was accepted.
      send(
        {
          type: 'message',
          raw: Buffer.concat(chunks).toString('base64'),
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
        },
        () => callback(null, `Ok: queued as m${accepted}`),
      );
    });
  },
});

server.listen(port, '127.0.0.1', () => {
  const address = server.server.address();
  send({ type: 'listening', port: typeof address === 'object' && address ? address.port : port });
});

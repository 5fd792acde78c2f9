import { Writable } from 'node:stream';

/** A log destination (AppPorts.logDestination) keeping every line the service writes, as JSON text. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }

  /** The lines written since `mark` (a previous `lines.length`), parsed. */
  parsedSince(mark = 0): Array<Record<string, unknown>> {
    return this.lines.slice(mark).map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

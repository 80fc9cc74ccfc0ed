// Follows MQTT fixed headers through a byte stream and reports the first
// packet whose declared size is over the limit, as soon as its remaining
// length is read. aedes 1.2 and mqtt-packet 9 have no maximum packet size:
// their parser appends every byte until the declared length has arrived
// (aedes issue #831), so a CONNECT declaring 256 MB was buffered whole.

/** The most a Remaining Length field can hold (MQTT 3.1.1 §2.2.3). */
const MAX_REMAINING_LENGTH = 268_435_455;

export type PacketSizeViolation = {
  /** Fixed header + remaining length, or at least this much when cut short. */
  declaredBytes: number;
  reason: 'too_large' | 'malformed_length';
};

export class PacketSizeWatch {
  private state: 'type' | 'length' | 'body' = 'type';
  private length = 0;
  private multiplier = 1;
  private lengthBytes = 0;
  private bodyLeft = 0;

  constructor(private readonly maxPacketBytes: number) {}

  /** Feeds the next bytes read; returns the first violation, or undefined. */
  feed(chunk: Buffer): PacketSizeViolation | undefined {
    let at = 0;
    while (at < chunk.length) {
      if (this.state === 'body') {
        const skipped = Math.min(this.bodyLeft, chunk.length - at);
        this.bodyLeft -= skipped;
        at += skipped;
        if (this.bodyLeft === 0) this.state = 'type';
        continue;
      }
      const byte = chunk[at++] ?? 0;
      if (this.state === 'type') {
        this.state = 'length';
        this.length = 0;
        this.multiplier = 1;
        this.lengthBytes = 0;
        continue;
      }
      this.length += (byte & 0x7f) * this.multiplier;
      this.multiplier *= 128;
      this.lengthBytes++;
      // What is read so far is a lower bound: refuse before the last length byte arrives.
      const declaredBytes = 1 + this.lengthBytes + this.length;
      if (declaredBytes > this.maxPacketBytes) return { declaredBytes, reason: 'too_large' };
      if ((byte & 0x80) !== 0) {
        if (this.lengthBytes === 4 || this.length > MAX_REMAINING_LENGTH)
          return { declaredBytes, reason: 'malformed_length' };
        continue;
      }
      this.bodyLeft = this.length;
      this.state = this.length > 0 ? 'body' : 'type';
    }
    return undefined;
  }
}

// The lines and records of CSV bytes that arrive in chunks, counted without parsing them: a record is a line
// with anything but blanks on it (the table rules skip blank lines). Exact for lines of ASCII without quotes;
// a quote (a record may span lines) or a byte past ASCII (a Unicode blank may fill a line) makes it unsure.

const [LINE_FEED, QUOTE, ASCII_END] = [10, 34, 0x80];

/** ASCII blanks as String.prototype.trim removes them: tab, line feed, vertical tab, form feed, carriage return, space. */
const isAsciiBlank = (byte: number): boolean => (byte >= 9 && byte <= 13) || byte === 32;

export class RecordCounter {
  lines = 0;
  records = 0;
  /** Whether the counts may be wrong: the bytes held a quote or a byte past ASCII. */
  unsure = false;
  /** Whether the line being read has shown anything but blanks. */
  private filled = false;

  add(bytes: Uint8Array): void {
    if (bytes.indexOf(QUOTE) >= 0) this.unsure = true;
    for (let start = 0; ; ) {
      const feed = bytes.indexOf(LINE_FEED, start);
      const end = feed < 0 ? bytes.length : feed;
      for (let i = start; !this.filled && i < end; i++) {
        if (bytes[i] >= ASCII_END) this.unsure = true;
        if (!isAsciiBlank(bytes[i])) this.filled = true;
      }
      if (feed < 0) return;
      this.lines++;
      if (this.filled) this.records++;
      this.filled = false;
      start = feed + 1;
    }
  }

  /** At the end of the bytes: a last line without a line feed counts too. */
  finish(): void {
    if (this.filled) {
      this.lines++;
      this.records++;
    }
    this.filled = false;
  }
}

// SQLite files for the upload tests: real ones, written by Python's sqlite3
// (on the machine for this), and ones whose header is set byte by byte, for
// the settings Python can't make (reserved bytes for a cipher, UTF-16).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A database file of `pages` pages of 4096 bytes, in WAL mode, as SQLite
 * writes its header, with any header field changed: `pageSize`, `wal`
 * (false for a rollback journal), `reserved` bytes a page, `autoVacuum`,
 * `encoding` (1 UTF-8, 2 UTF-16le). The pages after the first hold `fill`.
 */
export function sqliteFile({ pages = 1, pageSize = 4096, wal = true, reserved = 0, autoVacuum = false, encoding = 1, fill = 0x5a } = {}) {
  const file = Buffer.alloc(pages * 4096, fill);
  file.fill(0, 0, 4096);
  file.write("SQLite format 3\0", 0, "latin1");
  file.writeUInt16BE(pageSize === 65536 ? 1 : pageSize, 16);
  file.set([wal ? 2 : 1, wal ? 2 : 1, reserved, 64, 32, 32], 18);
  file.writeUInt32BE(7, 24);
  file.writeUInt32BE(pages, 28);
  file.writeUInt32BE(autoVacuum ? 3 : 0, 52);
  file.writeUInt32BE(encoding, 56);
  file.writeUInt32BE(7, 92);
  file.writeUInt32BE(3045001, 96);
  return new Uint8Array(file.buffer, file.byteOffset, file.length);
}

/**
 * A real database that Python's sqlite3 writes after `pragmas`, with a table
 * of `rows` rows, checkpointed so that the file holds them all.
 */
export function pythonSqliteFile(pragmas, rows = 50) {
  const dir = mkdtempSync(join(tmpdir(), "turso-upload-"));
  const path = join(dir, "made.db");
  const script = `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for pragma in sys.argv[2].split(";"):
    if pragma.strip(): db.execute("PRAGMA " + pragma)
db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
db.executemany("INSERT INTO notes (body) VALUES (?)", [("note %d " % i * 20,) for i in range(int(sys.argv[3]))])
db.commit()
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
db.close()
`;
  try {
    execFileSync("python3", ["-c", script, path, pragmas.join(";"), String(rows)]);
    return new Uint8Array(readFileSync(path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The checksum database's lookup answers, checked the way `go` checks them: the go.sum lines of a record, and
// the tree head it comes with, signed by the trusted key (note.ts); tlog.ts proves the record is in that tree.
import { decodeStdBase64, decodeText, hasControlCharacter, openSignedNote } from './note.js';
import { HASH_SIZE } from './tlog.js';

/** One go.sum line: `<module> <version>[/go.mod] <hash>`. */
export interface GoSumEntry {
  module: string;
  /** The version as written, `/go.mod` suffix included for go.mod-only hashes. */
  version: string;
  hash: string;
}

/** A tree head the verifier key signed. */
export interface SignedTree {
  /** Name of the server whose signature verified, e.g. `sum.golang.org`. */
  origin: string;
  /** Number of records in the tree. */
  size: number;
  /** Base64 of the 32-byte Merkle root hash. */
  rootHash: string;
}

/** A `/lookup/<module>@<version>` answer whose tree note carries a valid signature by the trusted key. */
export interface LookupRecord {
  recordId: number;
  /** The record exactly as logged (its go.sum lines, each ending in a newline); the tree commits to these bytes. */
  recordText: string;
  lines: GoSumEntry[];
  tree: SignedTree;
}

const TREE_NOTE_HEADER = 'go.sum database tree\n';

/** Parses the text of a tree note: `go.sum database tree\n<size>\n<base64 root hash>\n`, extra lines ignored. */
function parseTreeNote(text: string): { size: number; rootHash: string } {
  const lines = text.split('\n');
  const [, sizeLine = '', hashLine = ''] = lines;
  if (!text.startsWith(TREE_NOTE_HEADER) || lines.length < 4) {
    throw new Error(`signed note is not a go.sum database tree head: "${text.slice(0, 60)}"`);
  }
  const size = Number(sizeLine);
  if (!/^(0|[1-9][0-9]*)$/.test(sizeLine) || !Number.isSafeInteger(size)) {
    throw new Error(`tree head has a malformed size "${sizeLine}"`);
  }
  if (decodeStdBase64(hashLine)?.length !== HASH_SIZE) {
    throw new Error(`tree head has a malformed root hash "${hashLine}"`);
  }
  return { size, rootHash: hashLine };
}

/** Splits a go.sum line into its three fields; undefined when it does not have exactly three. */
export function splitGoSumLine(line: string): GoSumEntry | undefined {
  const fields = line.trim().split(/\s+/);
  if (fields.length !== 3) return undefined;
  const [module = '', version = '', hash = ''] = fields;
  return { module, version, hash };
}

/**
 * Parses a `/lookup/<module>@<version>` answer (record id, go.sum lines, blank line, signed tree note) and returns
 * it only when the tree note verifies with `verifierKey`. The record itself is not signed: call
 * {@link verifyInclusion} to prove the tree holds it.
 */
export function parseLookupResponse(body: string | Uint8Array, verifierKey: string): LookupRecord {
  const response = decodeText(body, 'lookup response');
  const idEnd = response.indexOf('\n');
  const idLine = idEnd < 0 ? response : response.slice(0, idEnd);
  const recordId = Number(idLine);
  if (idEnd < 0 || !/^(0|[1-9][0-9]*)$/.test(idLine) || !Number.isSafeInteger(recordId)) {
    throw new Error(`malformed lookup response: the first line "${idLine.slice(0, 40)}" is not a record id`);
  }
  const afterId = response.slice(idEnd + 1);
  const textEnd = afterId.indexOf('\n\n');
  if (textEnd < 0) throw new Error('malformed lookup response: no blank line after the record');
  const recordText = afterId.slice(0, textEnd + 1);
  if (recordText === '\n' || hasControlCharacter(recordText)) {
    throw new Error('malformed lookup response: the record text is empty or has control characters');
  }
  const lines = recordText
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      const entry = splitGoSumLine(line);
      if (entry === undefined) throw new Error(`malformed lookup response: "${line}" is not a go.sum line`);
      return entry;
    });

  const { text, signedBy } = openSignedNote(afterId.slice(textEnd + 2), verifierKey);
  const { size, rootHash } = parseTreeNote(text);
  if (recordId >= size) {
    throw new Error(`lookup response names record ${recordId}, outside its signed tree of ${size} records`);
  }
  return { recordId, recordText, lines, tree: { origin: signedBy, size, rootHash } };
}

// The Go checksum database's wire formats, checked the way `go` checks them: signed notes
// (golang.org/x/mod/sumdb/note), lookup records and tree heads (sumdb/tlog), and the RFC 6962 proof that a
// record is part of the signed tree, computed from the database's hash tiles.
import { createHash, createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';

/** The verifier key of sum.golang.org, as compiled into `go` (cmd/go/internal/modfetch/key.go). */
export const SUM_GOLANG_ORG_KEY = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';

/** Height of the hash tiles sum.golang.org serves (`tile/8/...`), as `go` requests them. */
export const SUMDB_TILE_HEIGHT = 8;

/** A parsed verifier key: who signs, which of their keys, and the Ed25519 public key itself. */
export interface NoteVerifier {
  name: string;
  /** First four bytes of sha256(name + "\n" + 0x01 + key), big-endian. */
  keyHash: number;
  publicKey: KeyObject;
}

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

/** A tile of hashes to fetch from the database, at `<base>/<path>`. */
export interface TileRef {
  height: number;
  /** Tile level: the tile holds tree hashes of level `level * height`. */
  level: number;
  /** Position of the tile within its level. */
  index: number;
  /** Number of hashes wanted; less than 2^height for the partial tile at the tree's right edge. */
  width: number;
  /** e.g. `tile/8/0/x259/150` or `tile/8/2/000.p/3`. */
  path: string;
}

const HASH_SIZE = 32;
const ED25519_ALGORITHM = 1;
// DER prefix of an SPKI structure holding a raw 32-byte Ed25519 public key (RFC 8410).
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const SIGNATURE_PREFIX = '\u2014 ';
const MAX_SIGNATURES = 100;
const TREE_NOTE_HEADER = 'go.sum database tree\n';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeText(data: string | Uint8Array, what: string): string {
  if (typeof data === 'string') return data;
  try {
    return utf8.decode(data);
  } catch {
    throw new Error(`${what} is not valid UTF-8`);
  }
}

/** Decodes base64 as Go's StdEncoding writes it (padded, no whitespace); undefined for anything else. */
export function decodeStdBase64(text: string): Buffer | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** Notes and records may hold no ASCII control character other than newline. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return true;
  }
  return false;
}

function isValidServerName(name: string): boolean {
  return name !== '' && !/[\s+]/u.test(name);
}

function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

function computeKeyHash(name: string, algorithmAndKey: Uint8Array): number {
  return sha256(Buffer.from(`${name}\n`, 'utf8'), algorithmAndKey).readUInt32BE(0);
}

function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}

/** Parses `<name>+<8 hex digits>+<base64(0x01 || ed25519 public key)>` and checks the hash matches the key. */
export function parseVerifierKey(verifierKey: string): NoteVerifier {
  const [name = '', hashHex = '', keyBase64 = '', ...extra] = verifierKey.trim().split('+');
  // The key's base64 may itself contain '+', so everything after the second '+' is the key.
  const encodedKey = [keyBase64, ...extra].join('+');
  const keyBytes = decodeStdBase64(encodedKey);
  if (
    !isValidServerName(name) ||
    !/^[0-9a-f]{8}$/i.test(hashHex) ||
    keyBytes === undefined ||
    keyBytes.length === 0
  ) {
    throw new Error(
      `malformed verifier key "${verifierKey}": expected <name>+<8 hex digits>+<base64 key>, e.g. ${SUM_GOLANG_ORG_KEY}`,
    );
  }
  const statedHash = Number.parseInt(hashHex, 16);
  const actualHash = computeKeyHash(name, keyBytes);
  if (statedHash !== actualHash) {
    throw new Error(
      `verifier key "${verifierKey}" names key hash ${hashHex} but its key hashes to ${hex8(actualHash)}`,
    );
  }
  if (keyBytes[0] !== ED25519_ALGORITHM) {
    throw new Error(
      `verifier key "${verifierKey}" uses unknown algorithm ${keyBytes[0]} (only 1, Ed25519, exists)`,
    );
  }
  if (keyBytes.length !== 1 + 32) {
    throw new Error(
      `verifier key "${verifierKey}" holds ${keyBytes.length - 1} key bytes; Ed25519 keys have 32`,
    );
  }
  const publicKey = createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, keyBytes.subarray(1)]),
    format: 'der',
    type: 'spki',
  });
  return { name, keyHash: statedHash, publicKey };
}

/**
 * Opens a signed note and returns its text, provided a signature by `verifierKey` verifies over it. Signatures by
 * other keys are ignored, as `go` ignores them; a bad signature by the trusted key is an error.
 */
export function openSignedNote(
  note: string | Uint8Array,
  verifierKey: string,
): { text: string; signedBy: string } {
  const verifier = parseVerifierKey(verifierKey);
  const trusted = `${verifier.name}+${hex8(verifier.keyHash)}`;
  const message = decodeText(note, 'signed note');
  if (hasControlCharacter(message)) throw new Error('malformed signed note: it contains control characters');

  const split = message.lastIndexOf('\n\n');
  if (split < 0) throw new Error('malformed signed note: no blank line before a signature block (unsigned?)');
  const text = message.slice(0, split + 1);
  const signatureBlock = message.slice(split + 2);
  if (signatureBlock === '') throw new Error('signed note has no signatures');
  if (!signatureBlock.endsWith('\n'))
    throw new Error('malformed signed note: the last signature line is cut off');

  const foreign: string[] = [];
  let verified = false;
  const lines = signatureBlock.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES)
    throw new Error(`signed note has more than ${MAX_SIGNATURES} signatures`);
  for (const line of lines) {
    if (!line.startsWith(SIGNATURE_PREFIX)) {
      throw new Error(`malformed signature line "${line}": expected "— <name> <base64 signature>"`);
    }
    const body = line.slice(SIGNATURE_PREFIX.length);
    const space = body.indexOf(' ');
    const name = space < 0 ? body : body.slice(0, space);
    const signature = space < 0 ? undefined : decodeStdBase64(body.slice(space + 1));
    if (!isValidServerName(name) || signature === undefined || signature.length < 5) {
      throw new Error(`malformed signature line "${line}"`);
    }
    const keyHash = signature.readUInt32BE(0);
    if (name !== verifier.name || keyHash !== verifier.keyHash) {
      foreign.push(`${name}+${hex8(keyHash)}`);
      continue;
    }
    if (!verifySignature(null, Buffer.from(text, 'utf8'), verifier.publicKey, signature.subarray(4))) {
      throw new Error(
        `invalid signature for key ${trusted}: the note text was altered or signed by another key`,
      );
    }
    verified = true;
  }
  if (!verified) {
    throw new Error(
      `signed note carries no signature by the trusted key ${trusted} (signed by: ${foreign.join(', ')})`,
    );
  }
  return { text, signedBy: verifier.name };
}

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

/** Go's tile path: tile/H/L/NNN with N in 3-digit groups, all but the last prefixed with x, plus .p/W if partial. */
function tilePath(height: number, level: number, index: number, width: number): string {
  const groups = [String(index % 1000).padStart(3, '0')];
  for (let rest = Math.floor(index / 1000); rest > 0; rest = Math.floor(rest / 1000)) {
    groups.unshift(`x${String(rest % 1000).padStart(3, '0')}`);
  }
  const partial = width === 2 ** height ? '' : `.p/${width}`;
  return `tile/${height}/${level}/${groups.join('/')}${partial}`;
}

/** Where the hash of the complete subtree at (level, position) lives: which tile, and which of its hashes. */
function locateNode(treeSize: number, height: number, level: number, position: number) {
  const tileLevel = Math.floor(level / height);
  const levelInTile = level - tileLevel * height;
  const firstHash = position * 2 ** levelInTile;
  const tileIndex = Math.floor(firstHash / 2 ** height);
  const offset = firstHash - tileIndex * 2 ** height;
  const hashesAtLevel = Math.floor(treeSize / 2 ** (tileLevel * height));
  const width = Math.min(2 ** height, hashesAtLevel - tileIndex * 2 ** height);
  const tile: TileRef = {
    height,
    level: tileLevel,
    index: tileIndex,
    width,
    path: tilePath(height, tileLevel, tileIndex, width),
  };
  return { tile, offset, count: 2 ** levelInTile };
}

/** The complete tile a partial one grows into; servers drop partial tiles once the full tile exists. */
export function fullTile(tile: TileRef): TileRef {
  const width = 2 ** tile.height;
  return { ...tile, width, path: tilePath(tile.height, tile.level, tile.index, width) };
}

function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return sha256(Uint8Array.of(0x01), left, right);
}

/** Hash of the perfect subtree whose bottom-level hashes are `hashes` (a power of two of them). */
function tileSubtreeHash(hashes: Uint8Array): Uint8Array {
  if (hashes.length === HASH_SIZE) return hashes;
  const half = hashes.length / 2;
  return nodeHash(tileSubtreeHash(hashes.subarray(0, half)), tileSubtreeHash(hashes.subarray(half)));
}

/** Largest power of two strictly below n (n ≥ 2), and its exponent. */
function largestPowerOfTwoBelow(n: number): { size: number; level: number } {
  let level = 0;
  while (2 ** (level + 1) < n) level++;
  return { size: 2 ** level, level };
}

type ReadNode = (level: number, position: number) => Uint8Array;

/** RFC 6962 hash of records [lo, hi): its maximal aligned perfect subtrees, folded right to left. */
function rangeHash(lo: number, hi: number, readNode: ReadNode): Uint8Array {
  const parts: Uint8Array[] = [];
  while (lo < hi) {
    const { size, level } = largestPowerOfTwoBelow(hi - lo + 1);
    parts.push(readNode(level, lo / size));
    lo += size;
  }
  return parts.reduceRight((right, left) => nodeHash(left, right));
}

/** Root of the tree over records [lo, hi) when record n hashes to leafHash: the audit path of RFC 6962 §2.1.1. */
function rootThroughRecord(
  lo: number,
  hi: number,
  n: number,
  leafHash: Uint8Array,
  readNode: ReadNode,
): Uint8Array {
  if (hi - lo === 1) return leafHash;
  const mid = lo + largestPowerOfTwoBelow(hi - lo).size;
  return n < mid
    ? nodeHash(rootThroughRecord(lo, mid, n, leafHash, readNode), rangeHash(mid, hi, readNode))
    : nodeHash(rangeHash(lo, mid, readNode), rootThroughRecord(mid, hi, n, leafHash, readNode));
}

/** The tiles whose hashes prove that record `recordId` is in a tree of `treeSize` records. */
export function inclusionTiles(treeSize: number, recordId: number, height = SUMDB_TILE_HEIGHT): TileRef[] {
  if (!(recordId >= 0 && recordId < treeSize))
    throw new Error(`record ${recordId} is not in a tree of ${treeSize}`);
  const tiles = new Map<string, TileRef>();
  const emptyHash = new Uint8Array(HASH_SIZE);
  rootThroughRecord(0, treeSize, recordId, emptyHash, (level, position) => {
    const { tile } = locateNode(treeSize, height, level, position);
    tiles.set(tile.path, tile);
    return emptyHash;
  });
  return [...tiles.values()];
}

/**
 * Proves the lookup's record is record `recordId` of its signed tree: hashes the record text as a leaf, walks the
 * audit path with hashes read from `tiles` (keyed by {@link TileRef.path} as {@link inclusionTiles} names them;
 * data of a wider tile is fine), and compares the result with the signed root. Throws when they differ.
 */
export function verifyInclusion(
  record: LookupRecord,
  tiles: ReadonlyMap<string, Uint8Array>,
  height = SUMDB_TILE_HEIGHT,
): void {
  const { size, rootHash } = record.tree;
  const readNode: ReadNode = (level, position) => {
    const { tile, offset, count } = locateNode(size, height, level, position);
    const data = tiles.get(tile.path);
    if (data === undefined) throw new Error(`tile ${tile.path} is needed to prove record ${record.recordId}`);
    if (data.length % HASH_SIZE !== 0 || data.length < tile.width * HASH_SIZE) {
      throw new Error(`tile ${tile.path} has ${data.length} bytes; expected ${tile.width * HASH_SIZE}`);
    }
    return tileSubtreeHash(data.subarray(offset * HASH_SIZE, (offset + count) * HASH_SIZE));
  };
  const leafHash = sha256(Uint8Array.of(0x00), Buffer.from(record.recordText, 'utf8'));
  const computed = Buffer.from(rootThroughRecord(0, size, record.recordId, leafHash, readNode)).toString(
    'base64',
  );
  if (computed !== rootHash) {
    throw new Error(
      `record ${record.recordId} is not in the signed tree of ${size} records: its audit path leads to root ` +
        `${computed}, the signed root is ${rootHash} (the record or a tile was altered)`,
    );
  }
}

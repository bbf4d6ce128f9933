// The checksum database's transparent log, as golang.org/x/mod/sumdb/tlog computes it: hash tiles, and the
// RFC 6962 proof that a record is part of the signed tree.
import { createHash } from 'node:crypto';

/** Height of the hash tiles sum.golang.org serves (`tile/8/...`), as `go` requests them. */
export const SUMDB_TILE_HEIGHT = 8;

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

/** Bytes of one tree hash (SHA-256). */
export const HASH_SIZE = 32;

/** What an inclusion proof needs of a lookup: the record as logged, its id, and the signed tree. */
export interface LoggedRecord {
  recordId: number;
  recordText: string;
  tree: { size: number; rootHash: string };
}

function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
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
  record: LoggedRecord,
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

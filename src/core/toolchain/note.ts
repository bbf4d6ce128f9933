// Signed notes, checked the way golang.org/x/mod/sumdb/note checks them: a verifier key names a server and its
// Ed25519 key, and a note is trusted only when a signature by that key verifies over its text.
import { createHash, createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';

/** The verifier key of sum.golang.org, as compiled into `go` (cmd/go/internal/modfetch/key.go). */
export const SUM_GOLANG_ORG_KEY = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';

/** A parsed verifier key: who signs, which of their keys, and the Ed25519 public key itself. */
export interface NoteVerifier {
  name: string;
  /** First four bytes of sha256(name + "\n" + 0x01 + key), big-endian. */
  keyHash: number;
  publicKey: KeyObject;
}

const ED25519_ALGORITHM = 1;
// DER prefix of an SPKI structure holding a raw 32-byte Ed25519 public key (RFC 8410).
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const SIGNATURE_PREFIX = '\u2014 ';
const MAX_SIGNATURES = 100;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(data: string | Uint8Array, what: string): string {
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
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return true;
  }
  return false;
}

function isValidServerName(name: string): boolean {
  return name !== '' && !/[\s+]/u.test(name);
}

function computeKeyHash(name: string, algorithmAndKey: Uint8Array): number {
  return createHash('sha256').update(`${name}\n`, 'utf8').update(algorithmAndKey).digest().readUInt32BE(0);
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

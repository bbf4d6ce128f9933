import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { SUM_GOLANG_ORG_KEY, openSignedNote, parseVerifierKey } from '../src/core/toolchain/note.js';
import { parseLookupResponse, type LookupRecord } from '../src/core/toolchain/sumdb.js';
import { inclusionTiles, verifyInclusion } from '../src/core/toolchain/tlog.js';
import { TestLog, generateSigner, lookupResponse, recordText, signNote } from './fixtures/sumdb/test-log.js';

const databaseDir = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures/sumdb/proxy/sumdb/sum.golang.org',
);
const readFixture = (urlPath: string) => readFileSync(path.join(databaseDir, ...urlPath.split('/')));

const realLookups = [
  'lookup/golang.org/toolchain@v0.0.1-go1.25.4.linux-amd64',
  'lookup/github.com/google/uuid@v1.6.0',
  'lookup/github.com/!burnt!sushi/toml@v1.4.0',
];
const toolchainLookup = readFixture(realLookups[0]!).toString('utf8');
// The signed tree note: everything after the record's terminating blank line.
const toolchainNote = toolchainLookup.slice(toolchainLookup.indexOf('\n\n') + 2);

function fixtureTiles(record: LookupRecord): Map<string, Uint8Array> {
  return new Map(
    inclusionTiles(record.tree.size, record.recordId).map((tile) => [tile.path, readFixture(tile.path)]),
  );
}

describe('verifier keys', () => {
  it('carries the sum.golang.org key compiled into the go command on this machine', () => {
    const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
    const keySource = readFileSync(path.join(goroot, 'src/cmd/go/internal/modfetch/key.go'), 'utf8');
    expect(keySource).toContain(`"sum.golang.org": "${SUM_GOLANG_ORG_KEY}"`);
    const verifier = parseVerifierKey(SUM_GOLANG_ORG_KEY);
    expect(verifier.name).toBe('sum.golang.org');
    expect(verifier.keyHash).toBe(0x033de0ae);
  });

  it('refuses a key whose stated hash does not match its name and key', () => {
    expect(() => parseVerifierKey(SUM_GOLANG_ORG_KEY.replace('033de0ae', '033de0af'))).toThrow(
      /names key hash 033de0af but its key hashes to 033de0ae/,
    );
    const renamed = SUM_GOLANG_ORG_KEY.replace('sum.golang.org+', 'sum.golang.org.evil+');
    expect(() => parseVerifierKey(renamed)).toThrow(/but its key hashes to/);
  });

  it('refuses malformed keys with an example of a good one', () => {
    const unpaddedBase64 =
      'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ng+Du/gOAdx5hE7aWIcUW72rWZeE2Gb4K7h0MkNx/S5';
    for (const bad of [
      unpaddedBase64,
      '',
      'sum.golang.org',
      'sum.golang.org+033de0ae',
      'sum golang+033de0ae+AQ==',
      'x+zz+AQ==',
    ]) {
      expect(() => parseVerifierKey(bad)).toThrow(
        /malformed verifier key .*e\.g\. sum\.golang\.org\+033de0ae/,
      );
    }
  });
});

describe('signed notes', () => {
  it('verifies the example note of golang.org/x/mod/sumdb/note', () => {
    const text =
      "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    const note =
      `${text}\n` +
      '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
    expect(
      openSignedNote(note, 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'),
    ).toEqual({
      text,
      signedBy: 'PeterNeumann',
    });
  });

  it('verifies the tree note of a real lookup, given as text or bytes', () => {
    const opened = openSignedNote(Buffer.from(toolchainNote, 'utf8'), SUM_GOLANG_ORG_KEY);
    expect(opened.signedBy).toBe('sum.golang.org');
    expect(opened.text).toBe(toolchainNote.slice(0, toolchainNote.indexOf('\n\n') + 1));
    expect(openSignedNote(toolchainNote, SUM_GOLANG_ORG_KEY)).toEqual(opened);
  });

  it('ignores signatures by keys it does not know, as go does', () => {
    const cosigned = `${toolchainNote}${generateSigner('witness.example').signatureLine(
      toolchainNote.slice(0, toolchainNote.indexOf('\n\n') + 1),
    )}`;
    expect(openSignedNote(cosigned, SUM_GOLANG_ORG_KEY).signedBy).toBe('sum.golang.org');
  });

  it('rejects a note whose text had one byte flipped', () => {
    const flipped = toolchainNote.replace('go.sum database tree\n6', 'go.sum database tree\n7');
    expect(flipped).not.toBe(toolchainNote);
    expect(() => openSignedNote(flipped, SUM_GOLANG_ORG_KEY)).toThrow(
      /invalid signature for key sum\.golang\.org\+033de0ae/,
    );
  });

  it('rejects the real note when a different key is trusted', () => {
    const other = generateSigner('sum.golang.org');
    expect(() => openSignedNote(toolchainNote, other.verifierKey)).toThrow(
      new RegExp(
        `no signature by the trusted key sum\\.golang\\.org\\+${other.verifierKey.split('+')[1]} ` +
          '\\(signed by: sum\\.golang\\.org\\+033de0ae\\)',
      ),
    );
  });

  it('rejects a note signed only by another key name', () => {
    const text = toolchainNote.slice(0, toolchainNote.indexOf('\n\n') + 1);
    const impostor = generateSigner('sum.golang.org.evil');
    expect(() => openSignedNote(signNote(text, impostor), SUM_GOLANG_ORG_KEY)).toThrow(
      /no signature by the trusted key sum\.golang\.org\+033de0ae \(signed by: sum\.golang\.org\.evil\+[0-9a-f]{8}\)/,
    );
  });

  it('rejects a signature that claims the trusted name and key hash but was made with another key', () => {
    const text = toolchainNote.slice(0, toolchainNote.indexOf('\n\n') + 1);
    const forger = generateSigner('sum.golang.org');
    const forgedLine = forger.signatureLine(text);
    const signature = Buffer.from(forgedLine.trim().split(' ')[2]!, 'base64');
    signature.writeUInt32BE(0x033de0ae, 0);
    const note = `${text}\n\u2014 sum.golang.org ${signature.toString('base64')}\n`;
    expect(() => openSignedNote(note, SUM_GOLANG_ORG_KEY)).toThrow(
      /invalid signature for key sum\.golang\.org\+033de0ae/,
    );
  });

  it('rejects truncated notes wherever they are cut', () => {
    const signatureStart = toolchainNote.indexOf('\u2014');
    for (const cut of [
      10,
      toolchainNote.indexOf('\n\n'),
      signatureStart,
      signatureStart + 30,
      toolchainNote.length - 1,
    ]) {
      expect(() => openSignedNote(toolchainNote.slice(0, cut), SUM_GOLANG_ORG_KEY)).toThrow(
        /malformed|no signatures|not signed|cut off/,
      );
    }
  });

  it('rejects a note with no signature', () => {
    const text = toolchainNote.slice(0, toolchainNote.indexOf('\n\n') + 1);
    expect(() => openSignedNote(text, SUM_GOLANG_ORG_KEY)).toThrow(/no blank line before a signature block/);
    expect(() => openSignedNote(`${text}\n`, SUM_GOLANG_ORG_KEY)).toThrow(/has no signatures/);
  });

  it('rejects control characters and lines that are not signatures', () => {
    expect(() => openSignedNote(toolchainNote.replace('tree\n', 'tree\r\n'), SUM_GOLANG_ORG_KEY)).toThrow(
      /control characters/,
    );
    expect(() => openSignedNote(`${toolchainNote}not a signature\n`, SUM_GOLANG_ORG_KEY)).toThrow(
      /malformed signature line "not a signature"/,
    );
    expect(() => openSignedNote(Uint8Array.of(0xff, 0x0a, 0x0a), SUM_GOLANG_ORG_KEY)).toThrow(
      /not valid UTF-8/,
    );
  });
});

describe('lookup responses', () => {
  it.each(realLookups)('parses and verifies the real answer %s', (urlPath) => {
    const body = readFixture(urlPath);
    const record = parseLookupResponse(body, SUM_GOLANG_ORG_KEY);
    const [idLine = '', zipLine = '', modLine = '', , , sizeLine = '', rootLine = ''] = body
      .toString()
      .split('\n');
    expect(record.recordId).toBe(Number(idLine));
    expect(record.recordText).toBe(`${zipLine}\n${modLine}\n`);
    expect(record.lines.map((line) => `${line.module} ${line.version} ${line.hash}`)).toEqual([
      zipLine,
      modLine,
    ]);
    expect(record.tree).toEqual({ origin: 'sum.golang.org', size: Number(sizeLine), rootHash: rootLine });
    expect(record.lines[1]!.version).toMatch(/\/go\.mod$/);
  });

  it('rejects an answer whose tree note is signed by another key', () => {
    const log = new TestLog([recordText(0), recordText(1)]);
    const body = lookupResponse(log, 1, 2, generateSigner('sum.golang.org'));
    expect(() => parseLookupResponse(body, SUM_GOLANG_ORG_KEY)).toThrow(/no signature by the trusted key/);
  });

  it('rejects a record outside the signed tree, and malformed answers', () => {
    const signer = generateSigner('db.example');
    const log = new TestLog([recordText(0), recordText(1), recordText(2)]);
    expect(parseLookupResponse(lookupResponse(log, 2, 3, signer), signer.verifierKey).tree.size).toBe(3);
    expect(() => parseLookupResponse(lookupResponse(log, 2, 2, signer), signer.verifierKey)).toThrow(
      /record 2, outside its signed tree of 2 records/,
    );
    const good = lookupResponse(log, 1, 3, signer);
    expect(() => parseLookupResponse(`x${good}`, signer.verifierKey)).toThrow(/is not a record id/);
    expect(() => parseLookupResponse(good.replace('\n\n', '\n'), signer.verifierKey)).toThrow();
    expect(() => parseLookupResponse('1\nexample.com/m v1.0.0\n\n', signer.verifierKey)).toThrow(
      /"example.com\/m v1.0.0" is not a go.sum line/,
    );
    const notATree = `1\n${recordText(1)}\n${signNote('something else\n', signer)}`;
    expect(() => parseLookupResponse(notATree, signer.verifierKey)).toThrow(
      /not a go.sum database tree head/,
    );
  });
});

describe('inclusion proofs', () => {
  it.each(realLookups)('proves the real record %s is in its signed tree, from real tiles', (urlPath) => {
    const record = parseLookupResponse(readFixture(urlPath), SUM_GOLANG_ORG_KEY);
    expect(() => verifyInclusion(record, fixtureTiles(record))).not.toThrow();
  });

  it('rejects a record whose hash was swapped under a genuine signed tree note', () => {
    const record = parseLookupResponse(toolchainLookup, SUM_GOLANG_ORG_KEY);
    const forgedHash = `h1:${Buffer.alloc(32, 7).toString('base64')}`;
    const forged = { ...record, recordText: record.recordText.replace(record.lines[0]!.hash, forgedHash) };
    expect(forged.recordText).toContain(forgedHash);
    expect(() => verifyInclusion(forged, fixtureTiles(record))).toThrow(
      /record \d+ is not in the signed tree of \d+ records/,
    );
  });

  it('rejects tiles with an altered hash on the audit path, and says which tile is missing', () => {
    const record = parseLookupResponse(toolchainLookup, SUM_GOLANG_ORG_KEY);
    const tiles = fixtureTiles(record);
    for (const [tilePath, data] of tiles) {
      // Every tile feeds the proof through at least one of its hashes, so altering all of them must show.
      const altered = Buffer.from(data);
      for (let offset = 0; offset < altered.length; offset += 32) altered[offset]! ^= 1;
      expect(() => verifyInclusion(record, new Map([...tiles, [tilePath, altered]]))).toThrow(
        /not in the signed tree/,
      );
      const without = new Map(tiles);
      without.delete(tilePath);
      expect(() => verifyInclusion(record, without)).toThrow(`tile ${tilePath} is needed to prove record`);
    }
  });

  it('proves every record of any tree at any tile height, from the tiles a server publishes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.constantFrom(1, 2, 3, 8),
        fc.nat(),
        fc.nat(),
        (treeSize, height, recordSeed, grownBy) => {
          const recordId = recordSeed % treeSize;
          const log = new TestLog(
            Array.from({ length: treeSize + (grownBy % 300) }, (_, i) => recordText(i)),
          );
          const signer = generateSigner('db.example');
          const record = parseLookupResponse(
            lookupResponse(log, recordId, treeSize, signer),
            signer.verifierKey,
          );
          const published = log.tiles(treeSize, height);
          const needed = inclusionTiles(treeSize, recordId, height);
          for (const tile of needed) expect(published.has(tile.path)).toBe(true);
          // A server whose log has grown serves wider tiles; their leading hashes are the same.
          const stem = (tilePath: string) => tilePath.split('.p/')[0];
          const grown = new Map(
            [...log.tiles(log.records.length, height)].map(([p, data]) => [stem(p), data]),
          );
          const wider = new Map(needed.map((tile) => [tile.path, grown.get(stem(tile.path))!]));
          verifyInclusion(record, published, height);
          verifyInclusion(record, wider, height);
          const other = { ...record, recordText: recordText(recordId + 1) };
          expect(() => verifyInclusion(other, published, height)).toThrow(/not in the signed tree/);
        },
      ),
      { numRuns: 100 },
    );
  });
});

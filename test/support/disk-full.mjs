// Loaded into the action's process with `node --import`, where a small tmpfs cannot be mounted (no root): a
// disk that is full below one directory. Files opened for writing under SETUP_GO_ARM64_FULL_DIR may take
// SETUP_GO_ARM64_FULL_BYTES bytes between them; the write that would go past that fails with ENOSPC, as the
// kernel's would. Streams (the download, the extraction) write through fs.open/fs.write/fs.writev, patched here.
import fs from 'node:fs';
import path from 'node:path';
import { syncBuiltinESMExports } from 'node:module';

const fullDir = process.env.SETUP_GO_ARM64_FULL_DIR;
const capacity = Number(process.env.SETUP_GO_ARM64_FULL_BYTES ?? 8 * 1024 * 1024);

if (fullDir) {
  const root = path.resolve(fullDir);
  const watched = new Set();
  let used = 0;
  const below = (file) => {
    const resolved = path.resolve(String(file));
    return resolved === root || resolved.startsWith(root + path.sep);
  };
  const noSpace = () =>
    Object.assign(new Error('ENOSPC: no space left on device, write'), {
      errno: -28,
      code: 'ENOSPC',
      syscall: 'write',
    });
  // Claims `bytes` of the space left; false when they do not fit.
  const claim = (fd, bytes) => {
    if (!watched.has(fd)) return true;
    if (used + bytes > capacity) return false;
    used += bytes;
    return true;
  };

  const { open, write, writev, close } = fs;
  fs.open = function patchedOpen(file, ...rest) {
    const callback = rest.pop();
    return open.call(fs, file, ...rest, (error, fd) => {
      if (!error && below(file)) watched.add(fd);
      callback(error, fd);
    });
  };
  fs.write = function patchedWrite(fd, buffer, ...rest) {
    const callback = rest.pop();
    const bytes = typeof buffer === 'string' ? Buffer.byteLength(buffer) : buffer.byteLength;
    if (!claim(fd, bytes)) return process.nextTick(callback, noSpace());
    return write.call(fs, fd, buffer, ...rest, callback);
  };
  fs.writev = function patchedWritev(fd, buffers, ...rest) {
    const callback = rest.pop();
    const bytes = buffers.reduce((sum, buffer) => sum + buffer.byteLength, 0);
    if (!claim(fd, bytes)) return process.nextTick(callback, noSpace());
    return writev.call(fs, fd, buffers, ...rest, callback);
  };
  fs.close = function patchedClose(fd, ...rest) {
    watched.delete(fd);
    return close.call(fs, fd, ...rest);
  };
  syncBuiltinESMExports();
}

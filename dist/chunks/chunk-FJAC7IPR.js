import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  InputError,
  MAX_COMMENT_CHARS,
  cell,
  compareCodeUnits,
  compareReports,
  debug,
  describeDifferences,
  escapeMarkdown,
  formatDeltaBytes,
  formatDeltaPercent,
  headerSlug,
  humanBytes,
  humanDuration,
  info,
  judge,
  parseReport,
  rowKey,
  storedBaseBuild,
  targetName
} from "./chunk-PM7YWOBP.js";
import {
  endGroup,
  isDebug,
  notice,
  startGroup,
  warning
} from "./chunk-MY3REOT7.js";

// src/io/cache/actions-cache.ts
var loading;
function actionsCache() {
  loading ??= import("./cache-CNCJR7XM.js");
  return loading;
}

// src/io/cache/save.ts
import { mkdir, rm as rm2 } from "node:fs/promises";
import path3 from "node:path";

// node_modules/tar/dist/esm/index.min.js
import Qr from "events";
import I from "fs";
import { EventEmitter as Di } from "node:events";
import Cs from "node:stream";
import { StringDecoder as Hr } from "node:string_decoder";
import cr from "node:path";
import Kt from "node:fs";
import { dirname as Fn, parse as kn } from "path";
import { EventEmitter as Dn } from "events";
import zi from "assert";
import { Buffer as Ot } from "buffer";
import * as Ps from "zlib";
import en from "zlib";
import { posix as Zt } from "node:path";
import { basename as _n } from "node:path";
import mi from "fs";
import X from "fs";
import js from "path";
import { win32 as Pn } from "node:path";
import ar from "path";
import Br from "node:fs";
import co from "node:assert";
import { randomBytes as Mr } from "node:crypto";
import u from "node:fs";
import R from "node:path";
import pr from "fs";
import wi from "node:fs";
import we from "node:path";
import k from "node:fs";
import ro from "node:fs/promises";
import Si from "node:path";
import { join as xr } from "node:path";
import v from "node:fs";
import Pr from "node:path";
var zr = Object.defineProperty;
var Ur = (s3, t) => {
  for (var e in t) zr(s3, e, { get: t[e], enumerable: true });
};
var Ds = typeof process == "object" && process ? process : { stdout: null, stderr: null };
var Wr = (s3) => !!s3 && typeof s3 == "object" && (s3 instanceof A || s3 instanceof Cs || Gr(s3) || Zr(s3));
var Gr = (s3) => !!s3 && typeof s3 == "object" && s3 instanceof Di && typeof s3.pipe == "function" && s3.pipe !== Cs.Writable.prototype.pipe;
var Zr = (s3) => !!s3 && typeof s3 == "object" && s3 instanceof Di && typeof s3.write == "function" && typeof s3.end == "function";
var Q = /* @__PURE__ */ Symbol("EOF");
var J = /* @__PURE__ */ Symbol("maybeEmitEnd");
var nt = /* @__PURE__ */ Symbol("emittedEnd");
var De = /* @__PURE__ */ Symbol("emittingEnd");
var qt = /* @__PURE__ */ Symbol("emittedError");
var Ne = /* @__PURE__ */ Symbol("closed");
var Ns = /* @__PURE__ */ Symbol("read");
var Ae = /* @__PURE__ */ Symbol("flush");
var As = /* @__PURE__ */ Symbol("flushChunk");
var z = /* @__PURE__ */ Symbol("encoding");
var Mt = /* @__PURE__ */ Symbol("decoder");
var g = /* @__PURE__ */ Symbol("flowing");
var Qt = /* @__PURE__ */ Symbol("paused");
var Bt = /* @__PURE__ */ Symbol("resume");
var b = /* @__PURE__ */ Symbol("buffer");
var N = /* @__PURE__ */ Symbol("pipes");
var _ = /* @__PURE__ */ Symbol("bufferLength");
var bi = /* @__PURE__ */ Symbol("bufferPush");
var Ie = /* @__PURE__ */ Symbol("bufferShift");
var L = /* @__PURE__ */ Symbol("objectMode");
var S = /* @__PURE__ */ Symbol("destroyed");
var _i = /* @__PURE__ */ Symbol("error");
var Oi = /* @__PURE__ */ Symbol("emitData");
var Is = /* @__PURE__ */ Symbol("emitEnd");
var Ti = /* @__PURE__ */ Symbol("emitEnd2");
var Z = /* @__PURE__ */ Symbol("async");
var xi = /* @__PURE__ */ Symbol("abort");
var Ce = /* @__PURE__ */ Symbol("aborted");
var Jt = /* @__PURE__ */ Symbol("signal");
var Rt = /* @__PURE__ */ Symbol("dataListeners");
var C = /* @__PURE__ */ Symbol("discarded");
var jt = (s3) => Promise.resolve().then(s3);
var Yr = (s3) => s3();
var Kr = (s3) => s3 === "end" || s3 === "finish" || s3 === "prefinish";
var Vr = (s3) => s3 instanceof ArrayBuffer || !!s3 && typeof s3 == "object" && s3.constructor && s3.constructor.name === "ArrayBuffer" && s3.byteLength >= 0;
var $r = (s3) => !Buffer.isBuffer(s3) && ArrayBuffer.isView(s3);
var Fe = class {
  src;
  dest;
  opts;
  ondrain;
  constructor(t, e, i) {
    this.src = t, this.dest = e, this.opts = i, this.ondrain = () => t[Bt](), this.dest.on("drain", this.ondrain);
  }
  unpipe() {
    this.dest.removeListener("drain", this.ondrain);
  }
  proxyErrors(t) {
  }
  end() {
    this.unpipe(), this.opts.end && this.dest.end();
  }
};
var Li = class extends Fe {
  unpipe() {
    this.src.removeListener("error", this.proxyErrors), super.unpipe();
  }
  constructor(t, e, i) {
    super(t, e, i), this.proxyErrors = (r) => this.dest.emit("error", r), t.on("error", this.proxyErrors);
  }
};
var Xr = (s3) => !!s3.objectMode;
var qr = (s3) => !s3.objectMode && !!s3.encoding && s3.encoding !== "buffer";
var A = class extends Di {
  [g] = false;
  [Qt] = false;
  [N] = [];
  [b] = [];
  [L];
  [z];
  [Z];
  [Mt];
  [Q] = false;
  [nt] = false;
  [De] = false;
  [Ne] = false;
  [qt] = null;
  [_] = 0;
  [S] = false;
  [Jt];
  [Ce] = false;
  [Rt] = 0;
  [C] = false;
  writable = true;
  readable = true;
  constructor(...t) {
    let e = t[0] || {};
    if (super(), e.objectMode && typeof e.encoding == "string") throw new TypeError("Encoding and objectMode may not be used together");
    Xr(e) ? (this[L] = true, this[z] = null) : qr(e) ? (this[z] = e.encoding, this[L] = false) : (this[L] = false, this[z] = null), this[Z] = !!e.async, this[Mt] = this[z] ? new Hr(this[z]) : null, e && e.debugExposeBuffer === true && Object.defineProperty(this, "buffer", { get: () => this[b] }), e && e.debugExposePipes === true && Object.defineProperty(this, "pipes", { get: () => this[N] });
    let { signal: i } = e;
    i && (this[Jt] = i, i.aborted ? this[xi]() : i.addEventListener("abort", () => this[xi]()));
  }
  get bufferLength() {
    return this[_];
  }
  get encoding() {
    return this[z];
  }
  set encoding(t) {
    throw new Error("Encoding must be set at instantiation time");
  }
  setEncoding(t) {
    throw new Error("Encoding must be set at instantiation time");
  }
  get objectMode() {
    return this[L];
  }
  set objectMode(t) {
    throw new Error("objectMode must be set at instantiation time");
  }
  get async() {
    return this[Z];
  }
  set async(t) {
    this[Z] = this[Z] || !!t;
  }
  [xi]() {
    this[Ce] = true, this.emit("abort", this[Jt]?.reason), this.destroy(this[Jt]?.reason);
  }
  get aborted() {
    return this[Ce];
  }
  set aborted(t) {
  }
  write(t, e, i) {
    if (this[Ce]) return false;
    if (this[Q]) throw new Error("write after end");
    if (this[S]) return this.emit("error", Object.assign(new Error("Cannot call write after a stream was destroyed"), { code: "ERR_STREAM_DESTROYED" })), true;
    typeof e == "function" && (i = e, e = "utf8"), e || (e = "utf8");
    let r = this[Z] ? jt : Yr;
    if (!this[L] && !Buffer.isBuffer(t)) {
      if ($r(t)) t = Buffer.from(t.buffer, t.byteOffset, t.byteLength);
      else if (Vr(t)) t = Buffer.from(t);
      else if (typeof t != "string") throw new Error("Non-contiguous data written to non-objectMode stream");
    }
    return this[L] ? (this[g] && this[_] !== 0 && this[Ae](true), this[g] ? this.emit("data", t) : this[bi](t), this[_] !== 0 && this.emit("readable"), i && r(i), this[g]) : t.length ? (typeof t == "string" && !(e === this[z] && !this[Mt]?.lastNeed) && (t = Buffer.from(t, e)), Buffer.isBuffer(t) && this[z] && (t = this[Mt].write(t)), this[g] && this[_] !== 0 && this[Ae](true), this[g] ? this.emit("data", t) : this[bi](t), this[_] !== 0 && this.emit("readable"), i && r(i), this[g]) : (this[_] !== 0 && this.emit("readable"), i && r(i), this[g]);
  }
  read(t) {
    if (this[S]) return null;
    if (this[C] = false, this[_] === 0 || t === 0 || t && t > this[_]) return this[J](), null;
    this[L] && (t = null), this[b].length > 1 && !this[L] && (this[b] = [this[z] ? this[b].join("") : Buffer.concat(this[b], this[_])]);
    let e = this[Ns](t || null, this[b][0]);
    return this[J](), e;
  }
  [Ns](t, e) {
    if (this[L]) this[Ie]();
    else {
      let i = e;
      t === i.length || t === null ? this[Ie]() : typeof i == "string" ? (this[b][0] = i.slice(t), e = i.slice(0, t), this[_] -= t) : (this[b][0] = i.subarray(t), e = i.subarray(0, t), this[_] -= t);
    }
    return this.emit("data", e), !this[b].length && !this[Q] && this.emit("drain"), e;
  }
  end(t, e, i) {
    return typeof t == "function" && (i = t, t = void 0), typeof e == "function" && (i = e, e = "utf8"), t !== void 0 && this.write(t, e), i && this.once("end", i), this[Q] = true, this.writable = false, (this[g] || !this[Qt]) && this[J](), this;
  }
  [Bt]() {
    this[S] || (!this[Rt] && !this[N].length && (this[C] = true), this[Qt] = false, this[g] = true, this.emit("resume"), this[b].length ? this[Ae]() : this[Q] ? this[J]() : this.emit("drain"));
  }
  resume() {
    return this[Bt]();
  }
  pause() {
    this[g] = false, this[Qt] = true, this[C] = false;
  }
  get destroyed() {
    return this[S];
  }
  get flowing() {
    return this[g];
  }
  get paused() {
    return this[Qt];
  }
  [bi](t) {
    this[L] ? this[_] += 1 : this[_] += t.length, this[b].push(t);
  }
  [Ie]() {
    return this[L] ? this[_] -= 1 : this[_] -= this[b][0].length, this[b].shift();
  }
  [Ae](t = false) {
    do
      ;
    while (this[As](this[Ie]()) && this[b].length);
    !t && !this[b].length && !this[Q] && this.emit("drain");
  }
  [As](t) {
    return this.emit("data", t), this[g];
  }
  pipe(t, e) {
    if (this[S]) return t;
    this[C] = false;
    let i = this[nt];
    return e = e || {}, t === Ds.stdout || t === Ds.stderr ? e.end = false : e.end = e.end !== false, e.proxyErrors = !!e.proxyErrors, i ? e.end && t.end() : (this[N].push(e.proxyErrors ? new Li(this, t, e) : new Fe(this, t, e)), this[Z] ? jt(() => this[Bt]()) : this[Bt]()), t;
  }
  unpipe(t) {
    let e = this[N].find((i) => i.dest === t);
    e && (this[N].length === 1 ? (this[g] && this[Rt] === 0 && (this[g] = false), this[N] = []) : this[N].splice(this[N].indexOf(e), 1), e.unpipe());
  }
  addListener(t, e) {
    return this.on(t, e);
  }
  on(t, e) {
    let i = super.on(t, e);
    if (t === "data") this[C] = false, this[Rt]++, !this[N].length && !this[g] && this[Bt]();
    else if (t === "readable" && this[_] !== 0) super.emit("readable");
    else if (Kr(t) && this[nt]) super.emit(t), this.removeAllListeners(t);
    else if (t === "error" && this[qt]) {
      let r = e;
      this[Z] ? jt(() => r.call(this, this[qt])) : r.call(this, this[qt]);
    }
    return i;
  }
  removeListener(t, e) {
    return this.off(t, e);
  }
  off(t, e) {
    let i = super.off(t, e);
    return t === "data" && (this[Rt] = this.listeners("data").length, this[Rt] === 0 && !this[C] && !this[N].length && (this[g] = false)), i;
  }
  removeAllListeners(t) {
    let e = super.removeAllListeners(t);
    return (t === "data" || t === void 0) && (this[Rt] = 0, !this[C] && !this[N].length && (this[g] = false)), e;
  }
  get emittedEnd() {
    return this[nt];
  }
  [J]() {
    !this[De] && !this[nt] && !this[S] && this[b].length === 0 && this[Q] && (this[De] = true, this.emit("end"), this.emit("prefinish"), this.emit("finish"), this[Ne] && this.emit("close"), this[De] = false);
  }
  emit(t, ...e) {
    let i = e[0];
    if (t !== "error" && t !== "close" && t !== S && this[S]) return false;
    if (t === "data") return !this[L] && !i ? false : this[Z] ? (jt(() => this[Oi](i)), true) : this[Oi](i);
    if (t === "end") return this[Is]();
    if (t === "close") {
      if (this[Ne] = true, !this[nt] && !this[S]) return false;
      let n = super.emit("close");
      return this.removeAllListeners("close"), n;
    } else if (t === "error") {
      this[qt] = i, super.emit(_i, i);
      let n = !this[Jt] || this.listeners("error").length ? super.emit("error", i) : false;
      return this[J](), n;
    } else if (t === "resume") {
      let n = super.emit("resume");
      return this[J](), n;
    } else if (t === "finish" || t === "prefinish") {
      let n = super.emit(t);
      return this.removeAllListeners(t), n;
    }
    let r = super.emit(t, ...e);
    return this[J](), r;
  }
  [Oi](t) {
    for (let i of this[N]) i.dest.write(t) === false && this.pause();
    let e = this[C] ? false : super.emit("data", t);
    return this[J](), e;
  }
  [Is]() {
    return this[nt] ? false : (this[nt] = true, this.readable = false, this[Z] ? (jt(() => this[Ti]()), true) : this[Ti]());
  }
  [Ti]() {
    if (this[Mt]) {
      let e = this[Mt].end();
      if (e) {
        for (let i of this[N]) i.dest.write(e);
        this[C] || super.emit("data", e);
      }
    }
    for (let e of this[N]) e.end();
    let t = super.emit("end");
    return this.removeAllListeners("end"), t;
  }
  async collect() {
    let t = Object.assign([], { dataLength: 0 });
    this[L] || (t.dataLength = 0);
    let e = this.promise();
    return this.on("data", (i) => {
      t.push(i), this[L] || (t.dataLength += i.length);
    }), await e, t;
  }
  async concat() {
    if (this[L]) throw new Error("cannot concat in objectMode");
    let t = await this.collect();
    return this[z] ? t.join("") : Buffer.concat(t, t.dataLength);
  }
  async promise() {
    return new Promise((t, e) => {
      this.on(S, () => e(new Error("stream destroyed"))), this.on("error", (i) => e(i)), this.on("end", () => t());
    });
  }
  [Symbol.asyncIterator]() {
    this[C] = false;
    let t = false, e = async () => (this.pause(), t = true, { value: void 0, done: true });
    return { next: () => {
      if (t) return e();
      let r = this.read();
      if (r !== null) return Promise.resolve({ done: false, value: r });
      if (this[Q]) return e();
      let n, o, h = (d) => {
        this.off("data", a), this.off("end", l), this.off(S, c), e(), o(d);
      }, a = (d) => {
        this.off("error", h), this.off("end", l), this.off(S, c), this.pause(), n({ value: d, done: !!this[Q] });
      }, l = () => {
        this.off("error", h), this.off("data", a), this.off(S, c), e(), n({ done: true, value: void 0 });
      }, c = () => h(new Error("stream destroyed"));
      return new Promise((d, y) => {
        o = y, n = d, this.once(S, c), this.once("error", h), this.once("end", l), this.once("data", a);
      });
    }, throw: e, return: e, [Symbol.asyncIterator]() {
      return this;
    }, [Symbol.asyncDispose]: async () => {
    } };
  }
  [Symbol.iterator]() {
    this[C] = false;
    let t = false, e = () => (this.pause(), this.off(_i, e), this.off(S, e), this.off("end", e), t = true, { done: true, value: void 0 }), i = () => {
      if (t) return e();
      let r = this.read();
      return r === null ? e() : { done: false, value: r };
    };
    return this.once("end", e), this.once(_i, e), this.once(S, e), { next: i, throw: e, return: e, [Symbol.iterator]() {
      return this;
    }, [Symbol.dispose]: () => {
    } };
  }
  destroy(t) {
    if (this[S]) return t ? this.emit("error", t) : this.emit(S), this;
    this[S] = true, this[C] = true, this[b].length = 0, this[_] = 0;
    let e = this;
    return typeof e.close == "function" && !this[Ne] && e.close(), t ? this.emit("error", t) : this.emit(S), this;
  }
  static get isStream() {
    return Wr;
  }
};
var Jr = I.writev;
var ht = /* @__PURE__ */ Symbol("_autoClose");
var H = /* @__PURE__ */ Symbol("_close");
var te = /* @__PURE__ */ Symbol("_ended");
var m = /* @__PURE__ */ Symbol("_fd");
var Ni = /* @__PURE__ */ Symbol("_finished");
var tt = /* @__PURE__ */ Symbol("_flags");
var Ai = /* @__PURE__ */ Symbol("_flush");
var ki = /* @__PURE__ */ Symbol("_handleChunk");
var vi = /* @__PURE__ */ Symbol("_makeBuf");
var ie = /* @__PURE__ */ Symbol("_mode");
var ke = /* @__PURE__ */ Symbol("_needDrain");
var Ut = /* @__PURE__ */ Symbol("_onerror");
var Ht = /* @__PURE__ */ Symbol("_onopen");
var Ii = /* @__PURE__ */ Symbol("_onread");
var Pt = /* @__PURE__ */ Symbol("_onwrite");
var at = /* @__PURE__ */ Symbol("_open");
var U = /* @__PURE__ */ Symbol("_path");
var ot = /* @__PURE__ */ Symbol("_pos");
var Y = /* @__PURE__ */ Symbol("_queue");
var zt = /* @__PURE__ */ Symbol("_read");
var Ci = /* @__PURE__ */ Symbol("_readSize");
var j = /* @__PURE__ */ Symbol("_reading");
var ee = /* @__PURE__ */ Symbol("_remain");
var Fi = /* @__PURE__ */ Symbol("_size");
var ve = /* @__PURE__ */ Symbol("_write");
var gt = /* @__PURE__ */ Symbol("_writing");
var Me = /* @__PURE__ */ Symbol("_defaultFlag");
var bt = /* @__PURE__ */ Symbol("_errored");
var _t = class extends A {
  [bt] = false;
  [m];
  [U];
  [Ci];
  [j] = false;
  [Fi];
  [ee];
  [ht];
  constructor(t, e) {
    if (e = e || {}, super(e), this.readable = true, this.writable = false, typeof t != "string") throw new TypeError("path must be a string");
    this[bt] = false, this[m] = typeof e.fd == "number" ? e.fd : void 0, this[U] = t, this[Ci] = e.readSize || 16 * 1024 * 1024, this[j] = false, this[Fi] = typeof e.size == "number" ? e.size : 1 / 0, this[ee] = this[Fi], this[ht] = typeof e.autoClose == "boolean" ? e.autoClose : true, typeof this[m] == "number" ? this[zt]() : this[at]();
  }
  get fd() {
    return this[m];
  }
  get path() {
    return this[U];
  }
  write() {
    throw new TypeError("this is a readable stream");
  }
  end() {
    throw new TypeError("this is a readable stream");
  }
  [at]() {
    I.open(this[U], "r", (t, e) => this[Ht](t, e));
  }
  [Ht](t, e) {
    t ? this[Ut](t) : (this[m] = e, this.emit("open", e), this[zt]());
  }
  [vi]() {
    return Buffer.allocUnsafe(Math.min(this[Ci], this[ee]));
  }
  [zt]() {
    if (!this[j]) {
      this[j] = true;
      let t = this[vi]();
      if (t.length === 0) return process.nextTick(() => this[Ii](null, 0, t));
      I.read(this[m], t, 0, t.length, null, (e, i, r) => this[Ii](e, i, r));
    }
  }
  [Ii](t, e, i) {
    this[j] = false, t ? this[Ut](t) : this[ki](e, i) && this[zt]();
  }
  [H]() {
    if (this[ht] && typeof this[m] == "number") {
      let t = this[m];
      this[m] = void 0, I.close(t, (e) => e ? this.emit("error", e) : this.emit("close"));
    }
  }
  [Ut](t) {
    this[j] = true, this[H](), this.emit("error", t);
  }
  [ki](t, e) {
    let i = false;
    return this[ee] -= t, t > 0 && (i = super.write(t < e.length ? e.subarray(0, t) : e)), (t === 0 || this[ee] <= 0) && (i = false, this[H](), super.end()), i;
  }
  emit(t, ...e) {
    switch (t) {
      case "prefinish":
      case "finish":
        return false;
      case "drain":
        return typeof this[m] == "number" && this[zt](), false;
      case "error":
        return this[bt] ? false : (this[bt] = true, super.emit(t, ...e));
      default:
        return super.emit(t, ...e);
    }
  }
};
var Be = class extends _t {
  [at]() {
    let t = true;
    try {
      this[Ht](null, I.openSync(this[U], "r")), t = false;
    } finally {
      t && this[H]();
    }
  }
  [zt]() {
    let t = true;
    try {
      if (!this[j]) {
        this[j] = true;
        do {
          let e = this[vi](), i = e.length === 0 ? 0 : I.readSync(this[m], e, 0, e.length, null);
          if (!this[ki](i, e)) break;
        } while (true);
        this[j] = false;
      }
      t = false;
    } finally {
      t && this[H]();
    }
  }
  [H]() {
    if (this[ht] && typeof this[m] == "number") {
      let t = this[m];
      this[m] = void 0, I.closeSync(t), this.emit("close");
    }
  }
};
var et = class extends Qr {
  readable = false;
  writable = true;
  [bt] = false;
  [gt] = false;
  [te] = false;
  [Y] = [];
  [ke] = false;
  [U];
  [ie];
  [ht];
  [m];
  [Me];
  [tt];
  [Ni] = false;
  [ot];
  constructor(t, e) {
    e = e || {}, super(e), this[U] = t, this[m] = typeof e.fd == "number" ? e.fd : void 0, this[ie] = e.mode === void 0 ? 438 : e.mode, this[ot] = typeof e.start == "number" ? e.start : void 0, this[ht] = typeof e.autoClose == "boolean" ? e.autoClose : true;
    let i = this[ot] !== void 0 ? "r+" : "w";
    this[Me] = e.flags === void 0, this[tt] = e.flags === void 0 ? i : e.flags, this[m] === void 0 && this[at]();
  }
  emit(t, ...e) {
    if (t === "error") {
      if (this[bt]) return false;
      this[bt] = true;
    }
    return super.emit(t, ...e);
  }
  get fd() {
    return this[m];
  }
  get path() {
    return this[U];
  }
  [Ut](t) {
    this[H](), this[gt] = true, this.emit("error", t);
  }
  [at]() {
    I.open(this[U], this[tt], this[ie], (t, e) => this[Ht](t, e));
  }
  [Ht](t, e) {
    this[Me] && this[tt] === "r+" && t && t.code === "ENOENT" ? (this[tt] = "w", this[at]()) : t ? this[Ut](t) : (this[m] = e, this.emit("open", e), this[gt] || this[Ai]());
  }
  end(t, e) {
    return t && this.write(t, e), this[te] = true, !this[gt] && !this[Y].length && typeof this[m] == "number" && this[Pt](null, 0), this;
  }
  write(t, e) {
    return typeof t == "string" && (t = Buffer.from(t, e)), this[te] ? (this.emit("error", new Error("write() after end()")), false) : this[m] === void 0 || this[gt] || this[Y].length ? (this[Y].push(t), this[ke] = true, false) : (this[gt] = true, this[ve](t), true);
  }
  [ve](t) {
    I.write(this[m], t, 0, t.length, this[ot], (e, i) => this[Pt](e, i));
  }
  [Pt](t, e) {
    t ? this[Ut](t) : (this[ot] !== void 0 && typeof e == "number" && (this[ot] += e), this[Y].length ? this[Ai]() : (this[gt] = false, this[te] && !this[Ni] ? (this[Ni] = true, this[H](), this.emit("finish")) : this[ke] && (this[ke] = false, this.emit("drain"))));
  }
  [Ai]() {
    if (this[Y].length === 0) this[te] && this[Pt](null, 0);
    else if (this[Y].length === 1) this[ve](this[Y].pop());
    else {
      let t = this[Y];
      this[Y] = [], Jr(this[m], t, this[ot], (e, i) => this[Pt](e, i));
    }
  }
  [H]() {
    if (this[ht] && typeof this[m] == "number") {
      let t = this[m];
      this[m] = void 0, I.close(t, (e) => e ? this.emit("error", e) : this.emit("close"));
    }
  }
};
var Wt = class extends et {
  [at]() {
    let t;
    if (this[Me] && this[tt] === "r+") try {
      t = I.openSync(this[U], this[tt], this[ie]);
    } catch (e) {
      if (e?.code === "ENOENT") return this[tt] = "w", this[at]();
      throw e;
    }
    else t = I.openSync(this[U], this[tt], this[ie]);
    this[Ht](null, t);
  }
  [H]() {
    if (this[ht] && typeof this[m] == "number") {
      let t = this[m];
      this[m] = void 0, I.closeSync(t), this.emit("close");
    }
  }
  [ve](t) {
    let e = true;
    try {
      this[Pt](null, I.writeSync(this[m], t, 0, t.length, this[ot])), e = false;
    } finally {
      if (e) try {
        this[H]();
      } catch {
      }
    }
  }
};
var jr = /* @__PURE__ */ new Map([["C", "cwd"], ["f", "file"], ["z", "gzip"], ["P", "preservePaths"], ["U", "unlink"], ["strip-components", "strip"], ["stripComponents", "strip"], ["keep-newer", "newer"], ["keepNewer", "newer"], ["keep-newer-files", "newer"], ["keepNewerFiles", "newer"], ["k", "keep"], ["keep-existing", "keep"], ["keepExisting", "keep"], ["m", "noMtime"], ["no-mtime", "noMtime"], ["p", "preserveOwner"], ["L", "follow"], ["h", "follow"], ["onentry", "onReadEntry"]]);
var Fs = (s3) => !!s3.sync && !!s3.file;
var ks = (s3) => !s3.sync && !!s3.file;
var vs = (s3) => !!s3.sync && !s3.file;
var Ms = (s3) => !s3.sync && !s3.file;
var Bs = (s3) => !!s3.file;
var tn = (s3) => {
  let t = jr.get(s3);
  return t || s3;
};
var se = (s3 = {}) => {
  if (!s3) return {};
  let t = {};
  for (let [e, i] of Object.entries(s3)) {
    let r = tn(e);
    t[r] = i;
  }
  return t.chmod === void 0 && t.noChmod === false && (t.chmod = true), delete t.noChmod, t;
};
var K = (s3, t, e, i, r) => Object.assign((n = [], o, h) => {
  Array.isArray(n) && (o = n, n = {}), typeof o == "function" && (h = o, o = void 0), o = o ? Array.from(o) : [];
  let a = se(n);
  if (r?.(a, o), Fs(a)) {
    if (typeof h == "function") throw new TypeError("callback not supported for sync tar functions");
    return s3(a, o);
  } else if (ks(a)) {
    let l = t(a, o);
    return h ? l.then(() => h(), h) : l;
  } else if (vs(a)) {
    if (typeof h == "function") throw new TypeError("callback not supported for sync tar functions");
    return e(a, o);
  } else if (Ms(a)) {
    if (typeof h == "function") throw new TypeError("callback only supported with file option");
    return i(a, o);
  }
  throw new Error("impossible options??");
}, { syncFile: s3, asyncFile: t, syncNoFile: e, asyncNoFile: i, validate: r });
var sn = en.constants || { ZLIB_VERNUM: 4736 };
var M = Object.freeze(Object.assign(/* @__PURE__ */ Object.create(null), { Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5, Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6, Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1, Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7, BROTLI_DECODE: 8, BROTLI_ENCODE: 9, Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15, Z_MIN_CHUNK: 64, Z_MAX_CHUNK: 1 / 0, Z_DEFAULT_CHUNK: 16384, Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1, BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2, BROTLI_OPERATION_EMIT_METADATA: 3, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2, BROTLI_DEFAULT_MODE: 0, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11, BROTLI_DEFAULT_QUALITY: 11, BROTLI_MIN_WINDOW_BITS: 10, BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30, BROTLI_DEFAULT_WINDOW: 22, BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24, BROTLI_PARAM_MODE: 0, BROTLI_PARAM_QUALITY: 1, BROTLI_PARAM_LGWIN: 2, BROTLI_PARAM_LGBLOCK: 3, BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5, BROTLI_PARAM_LARGE_WINDOW: 6, BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8, BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1, BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0, BROTLI_DECODER_PARAM_LARGE_WINDOW: 1, BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1, BROTLI_DECODER_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1, BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6, BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7, BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10, BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12, BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13, BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14, BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15, BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16, BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30, BROTLI_DECODER_ERROR_UNREACHABLE: -31 }, sn));
var rn = Ot.concat;
var zs = Object.getOwnPropertyDescriptor(Ot, "concat");
var nn = (s3) => s3;
var Bi = zs?.writable === true || zs?.set !== void 0 ? (s3) => {
  Ot.concat = s3 ? nn : rn;
} : (s3) => {
};
var Tt = /* @__PURE__ */ Symbol("_superWrite");
var Gt = class extends Error {
  code;
  errno;
  constructor(t, e) {
    super("zlib: " + t.message, { cause: t }), this.code = t.code, this.errno = t.errno, this.code || (this.code = "ZLIB_ERROR"), this.message = "zlib: " + t.message, Error.captureStackTrace(this, e ?? this.constructor);
  }
  get name() {
    return "ZlibError";
  }
};
var Pi = /* @__PURE__ */ Symbol("flushFlag");
var re = class extends A {
  #t = false;
  #i = false;
  #s;
  #n;
  #r;
  #e;
  #o;
  get sawError() {
    return this.#t;
  }
  get handle() {
    return this.#e;
  }
  get flushFlag() {
    return this.#s;
  }
  constructor(t, e) {
    if (!t || typeof t != "object") throw new TypeError("invalid options for ZlibBase constructor");
    if (super(t), this.#s = t.flush ?? 0, this.#n = t.finishFlush ?? 0, this.#r = t.fullFlushFlag ?? 0, typeof Ps[e] != "function") throw new TypeError("Compression method not supported: " + e);
    try {
      this.#e = new Ps[e](t);
    } catch (i) {
      throw new Gt(i, this.constructor);
    }
    this.#o = (i) => {
      this.#t || (this.#t = true, this.close(), this.emit("error", i));
    }, this.#e?.on("error", (i) => this.#o(new Gt(i))), this.once("end", () => this.close);
  }
  close() {
    this.#e && (this.#e.close(), this.#e = void 0, this.emit("close"));
  }
  reset() {
    if (!this.#t) return zi(this.#e, "zlib binding closed"), this.#e.reset?.();
  }
  flush(t) {
    this.ended || (typeof t != "number" && (t = this.#r), this.write(Object.assign(Ot.alloc(0), { [Pi]: t })));
  }
  end(t, e, i) {
    return typeof t == "function" && (i = t, e = void 0, t = void 0), typeof e == "function" && (i = e, e = void 0), t && (e ? this.write(t, e) : this.write(t)), this.flush(this.#n), this.#i = true, super.end(i);
  }
  get ended() {
    return this.#i;
  }
  [Tt](t) {
    return super.write(t);
  }
  write(t, e, i) {
    if (typeof e == "function" && (i = e, e = "utf8"), typeof t == "string" && (t = Ot.from(t, e)), this.#t) return;
    zi(this.#e, "zlib binding closed");
    let r = this.#e._handle, n = r.close;
    r.close = () => {
    };
    let o = this.#e.close;
    this.#e.close = () => {
    }, Bi(true);
    let h;
    try {
      let l = typeof t[Pi] == "number" ? t[Pi] : this.#s;
      h = this.#e._processChunk(t, l), Bi(false);
    } catch (l) {
      Bi(false), this.#o(new Gt(l, this.write));
    } finally {
      this.#e && (this.#e._handle = r, r.close = n, this.#e.close = o, this.#e.removeAllListeners("error"));
    }
    this.#e && this.#e.on("error", (l) => this.#o(new Gt(l, this.write)));
    let a;
    if (h) if (Array.isArray(h) && h.length > 0) {
      let l = h[0];
      a = this[Tt](Ot.from(l));
      for (let c = 1; c < h.length; c++) a = this[Tt](h[c]);
    } else a = this[Tt](Ot.from(h));
    return i && i(), a;
  }
};
var Pe = class extends re {
  #t;
  #i;
  constructor(t, e) {
    t = t || {}, t.flush = t.flush || M.Z_NO_FLUSH, t.finishFlush = t.finishFlush || M.Z_FINISH, t.fullFlushFlag = M.Z_FULL_FLUSH, super(t, e), this.#t = t.level, this.#i = t.strategy;
  }
  params(t, e) {
    if (!this.sawError) {
      if (!this.handle) throw new Error("cannot switch params when binding is closed");
      if (!this.handle.params) throw new Error("not supported in this implementation");
      if (this.#t !== t || this.#i !== e) {
        this.flush(M.Z_SYNC_FLUSH), zi(this.handle, "zlib binding closed");
        let i = this.handle.flush;
        this.handle.flush = (r, n) => {
          typeof r == "function" && (n = r, r = this.flushFlag), this.flush(r), n?.();
        };
        try {
          this.handle.params(t, e);
        } finally {
          this.handle.flush = i;
        }
        this.handle && (this.#t = t, this.#i = e);
      }
    }
  }
};
var ze = class extends Pe {
  #t;
  constructor(t) {
    super(t, "Gzip"), this.#t = t && !!t.portable;
  }
  [Tt](t) {
    return this.#t ? (this.#t = false, t[9] = 255, super[Tt](t)) : super[Tt](t);
  }
};
var Ue = class extends Pe {
  constructor(t) {
    super(t, "Unzip");
  }
};
var He = class extends re {
  constructor(t, e) {
    t = t || {}, t.flush = t.flush || M.BROTLI_OPERATION_PROCESS, t.finishFlush = t.finishFlush || M.BROTLI_OPERATION_FINISH, t.fullFlushFlag = M.BROTLI_OPERATION_FLUSH, super(t, e);
  }
};
var We = class extends He {
  constructor(t) {
    super(t, "BrotliCompress");
  }
};
var Ge = class extends He {
  constructor(t) {
    super(t, "BrotliDecompress");
  }
};
var Ze = class extends re {
  constructor(t, e) {
    t = t || {}, t.flush = t.flush || M.ZSTD_e_continue, t.finishFlush = t.finishFlush || M.ZSTD_e_end, t.fullFlushFlag = M.ZSTD_e_flush, super(t, e);
  }
};
var Ye = class extends Ze {
  constructor(t) {
    super(t, "ZstdCompress");
  }
};
var Ke = class extends Ze {
  constructor(t) {
    super(t, "ZstdDecompress");
  }
};
var Us = (s3, t) => {
  if (Number.isSafeInteger(s3)) s3 < 0 ? an(s3, t) : hn(s3, t);
  else throw Error("cannot encode number outside of javascript safe integer range");
  return t;
};
var hn = (s3, t) => {
  t[0] = 128;
  for (var e = t.length; e > 1; e--) t[e - 1] = s3 & 255, s3 = Math.floor(s3 / 256);
};
var an = (s3, t) => {
  t[0] = 255;
  var e = false;
  s3 = s3 * -1;
  for (var i = t.length; i > 1; i--) {
    var r = s3 & 255;
    s3 = Math.floor(s3 / 256), e ? t[i - 1] = Ws(r) : r === 0 ? t[i - 1] = 0 : (e = true, t[i - 1] = Gs(r));
  }
};
var Hs = (s3) => {
  let t = s3[0], e = t === 128 ? cn(s3.subarray(1, s3.length)) : t === 255 ? ln(s3) : null;
  if (e === null) throw Error("invalid base256 encoding");
  if (!Number.isSafeInteger(e)) throw Error("parsed number outside of javascript safe integer range");
  return e;
};
var ln = (s3) => {
  for (var t = s3.length, e = 0, i = false, r = t - 1; r > -1; r--) {
    var n = Number(s3[r]), o;
    i ? o = Ws(n) : n === 0 ? o = n : (i = true, o = Gs(n)), o !== 0 && (e -= o * Math.pow(256, t - r - 1));
  }
  return e;
};
var cn = (s3) => {
  for (var t = s3.length, e = 0, i = t - 1; i > -1; i--) {
    var r = Number(s3[i]);
    r !== 0 && (e += r * Math.pow(256, t - i - 1));
  }
  return e;
};
var Ws = (s3) => (255 ^ s3) & 255;
var Gs = (s3) => (255 ^ s3) + 1 & 255;
var Hi = {};
Ur(Hi, { code: () => Ve, isCode: () => ne, isName: () => dn, name: () => oe, normalFsTypes: () => Ui });
var ne = (s3) => oe.has(s3);
var dn = (s3) => Ve.has(s3);
var Ui = /* @__PURE__ */ new Set(["0", "", "1", "2", "3", "4", "5", "6", "7", "D"]);
var oe = /* @__PURE__ */ new Map([["0", "File"], ["", "OldFile"], ["1", "Link"], ["2", "SymbolicLink"], ["3", "CharacterDevice"], ["4", "BlockDevice"], ["5", "Directory"], ["6", "FIFO"], ["7", "ContiguousFile"], ["g", "GlobalExtendedHeader"], ["x", "ExtendedHeader"], ["A", "SolarisACL"], ["D", "GNUDumpDir"], ["I", "Inode"], ["K", "NextFileHasLongLinkpath"], ["L", "NextFileHasLongPath"], ["M", "ContinuationFile"], ["N", "OldGnuLongPath"], ["S", "SparseFile"], ["V", "TapeVolumeHeader"], ["X", "OldExtendedHeader"]]);
var Ve = new Map(Array.from(oe).map((s3) => [s3[1], s3[0]]));
var un = (s3) => s3 === void 0 || s3 < 0 ? void 0 : s3;
var F = class {
  cksumValid = false;
  needPax = false;
  nullBlock = false;
  block;
  path;
  mode;
  uid;
  gid;
  size;
  cksum;
  #t = "Unsupported";
  linkpath;
  uname;
  gname;
  devmaj = 0;
  devmin = 0;
  atime;
  ctime;
  mtime;
  charset;
  comment;
  constructor(t, e = 0, i, r) {
    Buffer.isBuffer(t) ? this.decode(t, e || 0, i, r) : t && this.#i(t);
  }
  decode(t, e, i, r) {
    if (e || (e = 0), !t || !(t.length >= e + 512)) throw new Error("need 512 bytes for header");
    let n = xt(t, e + 156, 1), o = Ui.has(n), h = o ? i : void 0, a = o ? r : void 0;
    if (this.path = h?.path ?? xt(t, e, 100), this.mode = h?.mode ?? a?.mode ?? lt(t, e + 100, 8), this.uid = h?.uid ?? a?.uid ?? lt(t, e + 108, 8), this.gid = h?.gid ?? a?.gid ?? lt(t, e + 116, 8), this.size = un(h?.size ?? a?.size ?? lt(t, e + 124, 12)), this.mtime = h?.mtime ?? a?.mtime ?? Wi(t, e + 136, 12), this.cksum = lt(t, e + 148, 12), a && this.#i(a, true), h && this.#i(h), ne(n) && (this.#t = n || "0"), this.#t === "0" && this.path.slice(-1) === "/" && (this.#t = "5"), this.#t === "5" && (this.size = 0), this.linkpath = xt(t, e + 157, 100), t.subarray(e + 257, e + 265).toString() === "ustar\x0000") if (this.uname = h?.uname ?? a?.uname ?? xt(t, e + 265, 32), this.gname = h?.gname ?? a?.gname ?? xt(t, e + 297, 32), this.devmaj = h?.devmaj ?? a?.devmaj ?? lt(t, e + 329, 8) ?? 0, this.devmin = h?.devmin ?? a?.devmin ?? lt(t, e + 337, 8) ?? 0, t[e + 475] !== 0) {
      let c = xt(t, e + 345, 155);
      this.path = c + "/" + this.path;
    } else {
      let c = xt(t, e + 345, 130);
      c && (this.path = c + "/" + this.path), this.atime = i?.atime ?? r?.atime ?? Wi(t, e + 476, 12), this.ctime = i?.ctime ?? r?.ctime ?? Wi(t, e + 488, 12);
    }
    let l = 256;
    for (let c = e; c < e + 148; c++) l += t[c];
    for (let c = e + 156; c < e + 512; c++) l += t[c];
    this.cksumValid = l === this.cksum, this.cksum === void 0 && l === 256 && (this.nullBlock = true);
  }
  #i(t, e = false) {
    Object.assign(this, Object.fromEntries(Object.entries(t).filter(([i, r]) => !(r == null || i === "size" && Number(r) < 0 || i === "path" && e || i === "linkpath" && e || i === "global"))));
  }
  encode(t, e = 0) {
    if (t || (t = this.block = Buffer.alloc(512)), this.#t === "Unsupported" && (this.#t = "0"), !(t.length >= e + 512)) throw new Error("need 512 bytes for header");
    let i = this.ctime || this.atime ? 130 : 155, r = mn(this.path || "", i), n = r[0], o = r[1];
    this.needPax = !!r[2], this.needPax = Lt(t, e, 100, n) || this.needPax, this.needPax = ct(t, e + 100, 8, this.mode) || this.needPax, this.needPax = ct(t, e + 108, 8, this.uid) || this.needPax, this.needPax = ct(t, e + 116, 8, this.gid) || this.needPax, this.needPax = ct(t, e + 124, 12, this.size) || this.needPax, this.needPax = Gi(t, e + 136, 12, this.mtime) || this.needPax, t[e + 156] = Number(this.#t.codePointAt(0)), this.needPax = Lt(t, e + 157, 100, this.linkpath) || this.needPax, t.write("ustar\x0000", e + 257, 8), this.needPax = Lt(t, e + 265, 32, this.uname) || this.needPax, this.needPax = Lt(t, e + 297, 32, this.gname) || this.needPax, this.needPax = ct(t, e + 329, 8, this.devmaj) || this.needPax, this.needPax = ct(t, e + 337, 8, this.devmin) || this.needPax, this.needPax = Lt(t, e + 345, i, o) || this.needPax, t[e + 475] !== 0 ? this.needPax = Lt(t, e + 345, 155, o) || this.needPax : (this.needPax = Lt(t, e + 345, 130, o) || this.needPax, this.needPax = Gi(t, e + 476, 12, this.atime) || this.needPax, this.needPax = Gi(t, e + 488, 12, this.ctime) || this.needPax);
    let h = 256;
    for (let a = e; a < e + 148; a++) h += t[a];
    for (let a = e + 156; a < e + 512; a++) h += t[a];
    return this.cksum = h, ct(t, e + 148, 8, this.cksum), this.cksumValid = true, this.needPax;
  }
  get type() {
    return this.#t === "Unsupported" ? this.#t : oe.get(this.#t);
  }
  get typeKey() {
    return this.#t;
  }
  set type(t) {
    let e = String(Ve.get(t));
    if (ne(e) || e === "Unsupported") this.#t = e;
    else if (ne(t)) this.#t = t;
    else throw new TypeError("invalid entry type: " + t);
  }
};
var mn = (s3, t) => {
  let i = s3, r = "", n, o = Zt.parse(s3).root || ".";
  if (Buffer.byteLength(i) < 100) n = [i, r, false];
  else {
    r = Zt.dirname(i), i = Zt.basename(i);
    do
      Buffer.byteLength(i) <= 100 && Buffer.byteLength(r) <= t ? n = [i, r, false] : Buffer.byteLength(i) > 100 && Buffer.byteLength(r) <= t ? n = [i.slice(0, 99), r, true] : (i = Zt.join(Zt.basename(r), i), r = Zt.dirname(r));
    while (r !== o && n === void 0);
    n || (n = [s3.slice(0, 99), "", true]);
  }
  return n;
};
var xt = (s3, t, e) => s3.subarray(t, t + e).toString("utf8").replace(/\0.*/, "");
var Wi = (s3, t, e) => pn(lt(s3, t, e));
var pn = (s3) => s3 === void 0 ? void 0 : new Date(s3 * 1e3);
var lt = (s3, t, e) => Number(s3[t]) & 128 ? Hs(s3.subarray(t, t + e)) : wn(s3, t, e);
var En = (s3) => isNaN(s3) ? void 0 : s3;
var wn = (s3, t, e) => En(parseInt(s3.subarray(t, t + e).toString("utf8").replace(/\0.*$/, "").trim(), 8));
var Sn = { 12: 8589934591, 8: 2097151 };
var ct = (s3, t, e, i) => i === void 0 ? false : i > Sn[e] || i < 0 ? (Us(i, s3.subarray(t, t + e)), true) : (yn(s3, t, e, i), false);
var yn = (s3, t, e, i) => s3.write(Rn(i, e), t, e, "ascii");
var Rn = (s3, t) => gn(Math.floor(s3).toString(8), t);
var gn = (s3, t) => (s3.length === t - 1 ? s3 : new Array(t - s3.length - 1).join("0") + s3 + " ") + "\0";
var Gi = (s3, t, e, i) => i === void 0 ? false : ct(s3, t, e, i.getTime() / 1e3);
var bn = new Array(156).join("\0");
var Lt = (s3, t, e, i) => i === void 0 ? false : (s3.write(i + bn, t, e, "utf8"), i.length !== Buffer.byteLength(i) || i.length > e);
var ft = class s {
  atime;
  mtime;
  ctime;
  charset;
  comment;
  gid;
  uid;
  gname;
  uname;
  linkpath;
  dev;
  ino;
  nlink;
  path;
  size;
  mode;
  global;
  constructor(t, e = false) {
    this.atime = t.atime, this.charset = t.charset, this.comment = t.comment, this.ctime = t.ctime, this.dev = t.dev, this.gid = t.gid, this.global = e, this.gname = t.gname, this.ino = t.ino, this.linkpath = t.linkpath, this.mtime = t.mtime, this.nlink = t.nlink, this.path = t.path, this.size = t.size, this.uid = t.uid, this.uname = t.uname;
  }
  encode() {
    let t = this.encodeBody();
    if (t === "") return Buffer.allocUnsafe(0);
    let e = Buffer.byteLength(t), i = 512 * Math.ceil(1 + e / 512), r = Buffer.allocUnsafe(i);
    for (let n = 0; n < 512; n++) r[n] = 0;
    new F({ path: ("PaxHeader/" + _n(this.path ?? "")).slice(0, 99), mode: this.mode || 420, uid: this.uid, gid: this.gid, size: e, mtime: this.mtime, type: this.global ? "GlobalExtendedHeader" : "ExtendedHeader", linkpath: "", uname: this.uname || "", gname: this.gname || "", devmaj: 0, devmin: 0, atime: this.atime, ctime: this.ctime }).encode(r), r.write(t, 512, e, "utf8");
    for (let n = e + 512; n < r.length; n++) r[n] = 0;
    return r;
  }
  encodeBody() {
    return this.encodeField("path") + this.encodeField("ctime") + this.encodeField("atime") + this.encodeField("dev") + this.encodeField("ino") + this.encodeField("nlink") + this.encodeField("charset") + this.encodeField("comment") + this.encodeField("gid") + this.encodeField("gname") + this.encodeField("linkpath") + this.encodeField("mtime") + this.encodeField("size") + this.encodeField("uid") + this.encodeField("uname");
  }
  encodeField(t) {
    if (this[t] === void 0) return "";
    let e = this[t], i = e instanceof Date ? e.getTime() / 1e3 : e, r = " " + (t === "dev" || t === "ino" || t === "nlink" ? "SCHILY." : "") + t + "=" + i + `
`, n = Buffer.byteLength(r), o = Math.floor(Math.log(n) / Math.log(10)) + 1;
    return n + o >= Math.pow(10, o) && (o += 1), o + n + r;
  }
  static parse(t, e, i = false) {
    return new s(On(Tn(t), e), i);
  }
};
var On = (s3, t) => t ? Object.assign({}, t, s3) : s3;
var Tn = (s3) => s3.replace(/\n$/, "").split(`
`).reduce(xn, /* @__PURE__ */ Object.create(null));
var xn = (s3, t) => {
  let e = parseInt(t, 10);
  if (e !== Buffer.byteLength(t) + 1) return s3;
  t = t.slice((e + " ").length);
  let i = t.split("="), r = i.shift();
  if (!r) return s3;
  let n = r.replace(/^SCHILY\.(dev|ino|nlink)/, "$1"), o = i.join("=").replace(/\0.*/, "");
  switch (n) {
    case "path":
    case "linkpath":
    case "type":
    case "charset":
    case "comment":
    case "gname":
    case "uname":
      s3[n] = o;
      break;
    case "ctime":
    case "atime":
    case "mtime":
      s3[n] = new Date(Number(o) * 1e3);
      break;
    case "size":
      let h = +o;
      h >= 0 && (s3[n] = h);
      break;
    case "gid":
    case "uid":
    case "dev":
    case "ino":
    case "nlink":
    case "mode":
      s3[n] = +o;
      break;
  }
  return s3;
};
var Ln = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform;
var f = Ln !== "win32" ? (s3) => String(s3) : (s3) => String(s3).replaceAll(/\\/g, "/");
var $e = class extends A {
  extended;
  globalExtended;
  header;
  startBlockSize;
  blockRemain;
  remain;
  type;
  meta = false;
  ignore = false;
  path;
  mode;
  uid;
  gid;
  uname;
  gname;
  size = 0;
  mtime;
  atime;
  ctime;
  linkpath;
  dev;
  ino;
  nlink;
  invalid = false;
  absolute;
  unsupported = false;
  constructor(t, e, i) {
    switch (super({}), this.pause(), this.extended = e, this.globalExtended = i, this.header = t, this.remain = t.size ?? 0, this.startBlockSize = 512 * Math.ceil(this.remain / 512), this.blockRemain = this.startBlockSize, this.type = t.type, this.type) {
      case "File":
      case "OldFile":
      case "Link":
      case "SymbolicLink":
      case "CharacterDevice":
      case "BlockDevice":
      case "Directory":
      case "FIFO":
      case "ContiguousFile":
      case "GNUDumpDir":
        break;
      case "NextFileHasLongLinkpath":
      case "NextFileHasLongPath":
      case "OldGnuLongPath":
      case "GlobalExtendedHeader":
      case "ExtendedHeader":
      case "OldExtendedHeader":
        this.meta = true;
        break;
      default:
        this.ignore = true;
    }
    if (!t.path) throw new Error("no path provided for tar.ReadEntry");
    this.path = f(t.path), this.mode = t.mode, this.mode && (this.mode = this.mode & 4095), this.uid = t.uid, this.gid = t.gid, this.uname = t.uname, this.gname = t.gname, this.size = this.remain, this.mtime = t.mtime, this.atime = t.atime, this.ctime = t.ctime, this.linkpath = t.linkpath ? f(t.linkpath) : void 0, this.uname = t.uname, this.gname = t.gname, e && this.#t(e), i && this.#t(i, true);
  }
  write(t) {
    let e = t.length;
    if (e > this.blockRemain) throw new Error("writing more to entry than is appropriate");
    let i = this.remain, r = this.blockRemain;
    return this.remain = Math.max(0, i - e), this.blockRemain = Math.max(0, r - e), this.ignore ? true : i >= e ? super.write(t) : super.write(t.subarray(0, i));
  }
  #t(t, e = false) {
    t.path && (t.path = f(t.path)), t.linkpath && (t.linkpath = f(t.linkpath)), Object.assign(this, Object.fromEntries(Object.entries(t).filter(([i, r]) => !(r == null || i === "path" && e))));
  }
};
var Dt = (s3, t, e, i = {}) => {
  s3.file && (i.file = s3.file), s3.cwd && (i.cwd = s3.cwd), i.code = e instanceof Error && e.code || t, i.tarCode = t, !s3.strict && i.recoverable !== false ? (e instanceof Error && (i = Object.assign(e, i), e = e.message), s3.emit("warn", t, e, i)) : e instanceof Error ? s3.emit("error", Object.assign(e, i)) : s3.emit("error", Object.assign(new Error(`${t}: ${e}`), i));
};
var Nn = 1024 * 1024;
var Xi = Buffer.from([31, 139]);
var qi = Buffer.from([40, 181, 47, 253]);
var An = Math.max(Xi.length, qi.length);
var B = /* @__PURE__ */ Symbol("state");
var Nt = /* @__PURE__ */ Symbol("writeEntry");
var it = /* @__PURE__ */ Symbol("readEntry");
var Zi = /* @__PURE__ */ Symbol("nextEntry");
var Zs = /* @__PURE__ */ Symbol("processEntry");
var V = /* @__PURE__ */ Symbol("extendedHeader");
var he = /* @__PURE__ */ Symbol("globalExtendedHeader");
var dt = /* @__PURE__ */ Symbol("meta");
var Ys = /* @__PURE__ */ Symbol("emitMeta");
var p = /* @__PURE__ */ Symbol("buffer");
var st = /* @__PURE__ */ Symbol("queue");
var ut = /* @__PURE__ */ Symbol("ended");
var Yi = /* @__PURE__ */ Symbol("emittedEnd");
var At = /* @__PURE__ */ Symbol("emit");
var w = /* @__PURE__ */ Symbol("unzip");
var Xe = /* @__PURE__ */ Symbol("consumeChunk");
var qe = /* @__PURE__ */ Symbol("consumeChunkSub");
var Ki = /* @__PURE__ */ Symbol("consumeBody");
var Ks = /* @__PURE__ */ Symbol("consumeMeta");
var Vs = /* @__PURE__ */ Symbol("consumeHeader");
var ae = /* @__PURE__ */ Symbol("consuming");
var Vi = /* @__PURE__ */ Symbol("bufferConcat");
var Qe = /* @__PURE__ */ Symbol("maybeEnd");
var Yt = /* @__PURE__ */ Symbol("writing");
var $ = /* @__PURE__ */ Symbol("aborted");
var Je = /* @__PURE__ */ Symbol("onDone");
var It = /* @__PURE__ */ Symbol("sawValidEntry");
var je = /* @__PURE__ */ Symbol("sawNullBlock");
var ti = /* @__PURE__ */ Symbol("sawEOF");
var $s = /* @__PURE__ */ Symbol("closeStream");
var In = 1e3;
var le = /* @__PURE__ */ Symbol("compressedBytesRead");
var $i = /* @__PURE__ */ Symbol("decompressedBytesRead");
var Xs = /* @__PURE__ */ Symbol("checkDecompressionRatio");
var Cn = () => true;
var rt = class extends Dn {
  file;
  strict;
  maxMetaEntrySize;
  filter;
  brotli;
  zstd;
  maxDecompressionRatio;
  writable = true;
  readable = false;
  [st] = [];
  [p];
  [it];
  [Nt];
  [B] = "begin";
  [dt] = "";
  [V];
  [he];
  [ut] = false;
  [w];
  [$] = false;
  [It];
  [je] = false;
  [ti] = false;
  [Yt] = false;
  [ae] = false;
  [Yi] = false;
  [le] = 0;
  [$i] = 0;
  constructor(t = {}) {
    super(), this.file = t.file || "", this.on(Je, () => {
      (this[B] === "begin" || this[It] === false) && this.warn("TAR_BAD_ARCHIVE", "Unrecognized archive format");
    }), t.ondone ? this.on(Je, t.ondone) : this.on(Je, () => {
      this.emit("prefinish"), this.emit("finish"), this.emit("end");
    }), this.strict = !!t.strict, this.maxDecompressionRatio = typeof t.maxDecompressionRatio == "number" ? t.maxDecompressionRatio : In, this.maxMetaEntrySize = t.maxMetaEntrySize || Nn, this.filter = typeof t.filter == "function" ? t.filter : Cn;
    let e = t.file && (t.file.endsWith(".tar.br") || t.file.endsWith(".tbr"));
    this.brotli = !(t.gzip || t.zstd) && t.brotli !== void 0 ? t.brotli : e ? void 0 : false;
    let i = t.file && (t.file.endsWith(".tar.zst") || t.file.endsWith(".tzst"));
    this.zstd = !(t.gzip || t.brotli) && t.zstd !== void 0 ? t.zstd : i ? true : void 0, this.on("end", () => this[$s]()), typeof t.onwarn == "function" && this.on("warn", t.onwarn), typeof t.onReadEntry == "function" && this.on("entry", t.onReadEntry);
  }
  warn(t, e, i = {}) {
    Dt(this, t, e, i);
  }
  [Vs](t, e) {
    this[It] === void 0 && (this[It] = false);
    let i;
    try {
      i = new F(t, e, this[V], this[he]);
    } catch (r) {
      return this.warn("TAR_ENTRY_INVALID", r);
    }
    if (i.nullBlock) this[je] ? (this[ti] = true, this[B] === "begin" && (this[B] = "header"), this[At]("eof")) : (this[je] = true, this[At]("nullBlock"));
    else if (this[je] = false, !i.cksumValid) this.warn("TAR_ENTRY_INVALID", "checksum failure", { header: i });
    else if (!i.path) this.warn("TAR_ENTRY_INVALID", "path is required", { header: i });
    else {
      let r = i.type;
      if (/^(Symbolic)?Link$/.test(r) && !i.linkpath) this.warn("TAR_ENTRY_INVALID", "linkpath required", { header: i });
      else if (!/^(Symbolic)?Link$/.test(r) && !/^(Global)?ExtendedHeader$/.test(r) && i.linkpath) this.warn("TAR_ENTRY_INVALID", "linkpath forbidden", { header: i });
      else {
        let n = this[Nt] = new $e(i, this[V], this[he]);
        if (!this[It]) if (n.remain) {
          let o = () => {
            n.invalid || (this[It] = true);
          };
          n.on("end", o);
        } else this[It] = true;
        n.meta ? n.size > this.maxMetaEntrySize ? (n.ignore = true, this[At]("ignoredEntry", n), this[B] = "ignore", n.resume()) : n.size > 0 && (this[dt] = "", n.on("data", (o) => this[dt] += o), this[B] = "meta") : (this[V] = void 0, n.ignore = n.ignore || !this.filter(n.path, n), n.ignore ? (this[At]("ignoredEntry", n), this[B] = n.remain ? "ignore" : "header", n.resume()) : (n.remain ? this[B] = "body" : (this[B] = "header", n.end()), this[it] ? this[st].push(n) : (this[st].push(n), this[Zi]())));
      }
    }
  }
  [$s]() {
    queueMicrotask(() => this.emit("close"));
  }
  [Zs](t) {
    let e = true;
    if (!t) this[it] = void 0, e = false;
    else if (Array.isArray(t)) {
      let [i, ...r] = t;
      this.emit(i, ...r);
    } else this[it] = t, this.emit("entry", t), t.emittedEnd || (t.on("end", () => this[Zi]()), e = false);
    return e;
  }
  [Zi]() {
    do
      ;
    while (this[Zs](this[st].shift()));
    if (this[st].length === 0) {
      let t = this[it];
      !t || t.flowing || t.size === t.remain ? this[Yt] || this.emit("drain") : t.once("drain", () => this.emit("drain"));
    }
  }
  [Ki](t, e) {
    let i = this[Nt];
    if (!i) throw new Error("attempt to consume body without entry??");
    let r = i.blockRemain ?? 0, n = r >= t.length && e === 0 ? t : t.subarray(e, e + r);
    return i.write(n), i.blockRemain || (this[B] = "header", this[Nt] = void 0, i.end()), n.length;
  }
  [Ks](t, e) {
    let i = this[Nt], r = this[Ki](t, e);
    return !this[Nt] && i && this[Ys](i), r;
  }
  [At](t, e, i) {
    this[st].length === 0 && !this[it] ? this.emit(t, e, i) : this[st].push([t, e, i]);
  }
  [Ys](t) {
    switch (this[At]("meta", this[dt]), t.type) {
      case "ExtendedHeader":
      case "OldExtendedHeader":
        this[V] = ft.parse(this[dt], this[V], false);
        break;
      case "GlobalExtendedHeader":
        this[he] = ft.parse(this[dt], this[he], true);
        break;
      case "NextFileHasLongPath":
      case "OldGnuLongPath": {
        let e = this[V] ?? /* @__PURE__ */ Object.create(null);
        this[V] = e, e.path = this[dt].replace(/\0.*/, "");
        break;
      }
      case "NextFileHasLongLinkpath": {
        let e = this[V] || /* @__PURE__ */ Object.create(null);
        this[V] = e, e.linkpath = this[dt].replace(/\0.*/, "");
        break;
      }
      default:
        throw new Error("unknown meta: " + t.type);
    }
  }
  abort(t) {
    if (!this[$]) {
      if (this[w]) {
        let e = this[w];
        e.write = () => true, e.end = () => e, e.emit = () => false, e.destroy?.();
      }
      this[$] = true, this.emit("abort", t), this.warn("TAR_ABORT", t, { recoverable: false });
    }
  }
  [Xs](t) {
    this[$i] += t.length;
    let e = this[$i] / this[le];
    return e > this.maxDecompressionRatio ? (this.abort(new Error(`max decompression ratio exceeded: ${e.toFixed(2)} > ${this.maxDecompressionRatio}`)), false) : true;
  }
  write(t, e, i) {
    if (typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8")), this[$]) return i?.(), false;
    if ((this[w] === void 0 || this.brotli === void 0 && this[w] === false) && t) {
      if (this[p] && (t = Buffer.concat([this[p], t]), this[p] = void 0), t.length < An) return this[p] = t, i?.(), true;
      for (let a = 0; this[w] === void 0 && a < Xi.length; a++) t[a] !== Xi[a] && (this[w] = false);
      let o = false;
      if (this[w] === false && this.zstd !== false) {
        o = true;
        for (let a = 0; a < qi.length; a++) if (t[a] !== qi[a]) {
          o = false;
          break;
        }
      }
      let h = this.brotli === void 0 && !o;
      if (this[w] === false && h) if (t.length < 512) if (this[ut]) this.brotli = true;
      else return this[p] = t, i?.(), true;
      else try {
        new F(t.subarray(0, 512)), this.brotli = false;
      } catch {
        this.brotli = true;
      }
      if (this[w] === void 0 || this[w] === false && (this.brotli || o)) {
        let a = this[ut];
        this[ut] = false, this[w] = this[w] === void 0 ? new Ue({}) : o ? new Ke({}) : new Ge({}), this[w].on("data", (c) => {
          this[Xs](c) && this[Xe](c);
        }), this[w].on("error", (c) => {
          this[$] || this.abort(c);
        }), this[w].on("end", () => {
          this[ut] = true, this[Xe]();
        }), this[Yt] = true, this[le] += t.length;
        let l = !!this[w][a ? "end" : "write"](t);
        return this[Yt] = false, i?.(), l;
      }
    }
    this[Yt] = true, this[w] ? (this[le] += t.length, this[w].write(t)) : this[Xe](t), this[Yt] = false;
    let n = this[st].length > 0 ? false : this[it] ? this[it].flowing : true;
    return !n && this[st].length === 0 && this[it]?.once("drain", () => this.emit("drain")), i?.(), n;
  }
  [Vi](t) {
    t && !this[$] && (this[p] = this[p] ? Buffer.concat([this[p], t]) : t);
  }
  [Qe]() {
    if (this[ut] && !this[Yi] && !this[$] && !this[ae]) {
      this[Yi] = true;
      let t = this[Nt];
      if (t?.blockRemain) {
        let e = this[p] ? this[p].length : 0;
        this.warn("TAR_BAD_ARCHIVE", `Truncated input (needed ${t.blockRemain} more bytes, only ${e} available)`, { entry: t }), this[p] && t.write(this[p]), t.end();
      }
      this[At](Je);
    }
  }
  [Xe](t) {
    if (this[ae] && t) this[Vi](t);
    else if (!t && !this[p]) this[Qe]();
    else if (t) {
      if (this[ae] = true, this[p]) {
        this[Vi](t);
        let e = this[p];
        this[p] = void 0, this[qe](e);
      } else this[qe](t);
      for (; this[p] && this[p]?.length >= 512 && !this[$] && !this[ti]; ) {
        let e = this[p];
        this[p] = void 0, this[qe](e);
      }
      this[ae] = false;
    }
    (!this[p] || this[ut]) && this[Qe]();
  }
  [qe](t) {
    let e = 0, i = t.length;
    for (; e + 512 <= i && !this[$] && !this[ti]; ) switch (this[B]) {
      case "begin":
      case "header":
        this[Vs](t, e), e += 512;
        break;
      case "ignore":
      case "body":
        e += this[Ki](t, e);
        break;
      case "meta":
        e += this[Ks](t, e);
        break;
      default:
        throw new Error("invalid state: " + this[B]);
    }
    e < i && (this[p] = this[p] ? Buffer.concat([t.subarray(e), this[p]]) : t.subarray(e));
  }
  end(t, e, i) {
    return typeof t == "function" && (i = t, e = void 0, t = void 0), typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, e)), i && this.once("finish", i), this[$] || (this[w] ? (t && (this[le] += t.length, this[w].write(t)), this[w].end()) : (this[ut] = true, (this.brotli === void 0 || this.zstd === void 0) && (t = t || Buffer.alloc(0)), t && this.write(t), this[Qe]())), this;
  }
};
var mt = (s3) => {
  let t = s3.length - 1, e = -1;
  for (; t > -1 && s3.charAt(t) === "/"; ) e = t, t--;
  return e === -1 ? s3 : s3.slice(0, e);
};
var vn = (s3) => {
  let t = s3.onReadEntry;
  s3.onReadEntry = t ? (e) => {
    t(e), e.resume();
  } : (e) => e.resume();
};
var Qi = (s3, t) => {
  let e = new Map(t.map((o) => [mt(o), true])), i = s3.filter, r = 100, n = (o, h = "", a = 0) => {
    if (a >= r) return e.set(o, false), false;
    let l = h || kn(o).root || ".", c;
    if (o === l) c = false;
    else {
      let d = e.get(o);
      c = d !== void 0 ? d : n(Fn(o), l, a + 1);
    }
    return e.set(o, c), c;
  };
  s3.filter = i ? (o, h) => i(o, h) && n(mt(o)) : (o) => n(mt(o));
};
var Mn = (s3) => {
  let t = new rt(s3), e = s3.file, i;
  try {
    i = Kt.openSync(e, "r");
    let r = Kt.fstatSync(i), n = s3.maxReadSize || 16 * 1024 * 1024;
    if (r.size < n) {
      let o = Buffer.allocUnsafe(r.size), h = Kt.readSync(i, o, 0, r.size, 0);
      t.end(h === o.byteLength ? o : o.subarray(0, h));
    } else {
      let o = 0, h = Buffer.allocUnsafe(n);
      for (; o < r.size; ) {
        let a = Kt.readSync(i, h, 0, n, o);
        if (a === 0) break;
        o += a, t.write(h.subarray(0, a));
      }
      t.end();
    }
  } finally {
    if (typeof i == "number") try {
      Kt.closeSync(i);
    } catch {
    }
  }
};
var Bn = (s3, t) => {
  let e = new rt(s3), i = s3.maxReadSize || 16 * 1024 * 1024, r = s3.file;
  return new Promise((o, h) => {
    e.on("error", h), e.on("end", o), Kt.stat(r, (a, l) => {
      if (a) h(a);
      else {
        let c = new _t(r, { readSize: i, size: l.size });
        c.on("error", h), c.pipe(e);
      }
    });
  });
};
var Ct = K(Mn, Bn, (s3) => new rt(s3), (s3) => new rt(s3), (s3, t) => {
  t?.length && Qi(s3, t), s3.noResume || vn(s3);
});
var Ji = (s3, t, e) => (s3 &= 4095, e && (s3 = (s3 | 384) & -19), t && (s3 & 256 && (s3 |= 64), s3 & 32 && (s3 |= 8), s3 & 4 && (s3 |= 1)), s3);
var { isAbsolute: zn, parse: qs } = Pn;
var ce = (s3) => {
  let t = "", e = qs(s3);
  for (; zn(s3) || e.root; ) {
    let i = s3.charAt(0) === "/" && s3.slice(0, 4) !== "//?/" ? "/" : e.root;
    s3 = s3.slice(i.length), t += i, e = qs(s3);
  }
  return [t, s3];
};
var ei = ["|", "<", ">", "?", ":"];
var ji = ei.map((s3) => String.fromCodePoint(61440 + Number(s3.codePointAt(0))));
var Un = new Map(ei.map((s3, t) => [s3, ji[t]]));
var Hn = new Map(ji.map((s3, t) => [s3, ei[t]]));
var ts = (s3) => ei.reduce((t, e) => t.split(e).join(Un.get(e)), s3);
var Qs = (s3) => ji.reduce((t, e) => t.split(e).join(Hn.get(e)), s3);
var rr = (s3, t) => t ? (s3 = f(s3).replace(/^\.(\/|$)/, ""), mt(t) + "/" + s3) : f(s3);
var Wn = 16 * 1024 * 1024;
var tr = /* @__PURE__ */ Symbol("process");
var er = /* @__PURE__ */ Symbol("file");
var ir = /* @__PURE__ */ Symbol("directory");
var is = /* @__PURE__ */ Symbol("symlink");
var sr = /* @__PURE__ */ Symbol("hardlink");
var fe = /* @__PURE__ */ Symbol("header");
var ii = /* @__PURE__ */ Symbol("read");
var ss = /* @__PURE__ */ Symbol("lstat");
var si = /* @__PURE__ */ Symbol("onlstat");
var rs = /* @__PURE__ */ Symbol("onread");
var ns = /* @__PURE__ */ Symbol("onreadlink");
var os = /* @__PURE__ */ Symbol("openfile");
var hs = /* @__PURE__ */ Symbol("onopenfile");
var pt = /* @__PURE__ */ Symbol("close");
var ri = /* @__PURE__ */ Symbol("mode");
var as = /* @__PURE__ */ Symbol("awaitDrain");
var es = /* @__PURE__ */ Symbol("ondrain");
var q = /* @__PURE__ */ Symbol("prefix");
var de = class extends A {
  path;
  portable;
  myuid = process.getuid && process.getuid() || 0;
  myuser = process.env.USER || "";
  maxReadSize;
  linkCache;
  statCache;
  preservePaths;
  cwd;
  strict;
  mtime;
  noPax;
  noMtime;
  prefix;
  fd;
  blockLen = 0;
  blockRemain = 0;
  buf;
  pos = 0;
  remain = 0;
  length = 0;
  offset = 0;
  win32;
  absolute;
  header;
  type;
  linkpath;
  stat;
  onWriteEntry;
  #t = false;
  constructor(t, e = {}) {
    let i = se(e);
    super(), this.path = f(t), this.portable = !!i.portable, this.maxReadSize = i.maxReadSize || Wn, this.linkCache = i.linkCache || /* @__PURE__ */ new Map(), this.statCache = i.statCache || /* @__PURE__ */ new Map(), this.preservePaths = !!i.preservePaths, this.cwd = f(i.cwd || process.cwd()), this.strict = !!i.strict, this.noPax = !!i.noPax, this.noMtime = !!i.noMtime, this.mtime = i.mtime, this.prefix = i.prefix ? f(i.prefix) : void 0, this.onWriteEntry = i.onWriteEntry, typeof i.onwarn == "function" && this.on("warn", i.onwarn);
    let r = false;
    if (!this.preservePaths) {
      let [o, h] = ce(this.path);
      o && typeof h == "string" && (this.path = h, r = o);
    }
    this.win32 = !!i.win32 || process.platform === "win32", this.win32 && (this.path = Qs(this.path.replaceAll(/\\/g, "/")), t = t.replaceAll(/\\/g, "/")), this.absolute = f(i.absolute || js.resolve(this.cwd, t)), this.path === "" && (this.path = "./"), r && this.warn("TAR_ENTRY_INFO", `stripping ${r} from absolute path`, { entry: this, path: r + this.path });
    let n = this.statCache.get(this.absolute);
    n ? this[si](n) : this[ss]();
  }
  warn(t, e, i = {}) {
    return Dt(this, t, e, i);
  }
  emit(t, ...e) {
    return t === "error" && (this.#t = true), super.emit(t, ...e);
  }
  [ss]() {
    X.lstat(this.absolute, (t, e) => {
      if (t) return this.emit("error", t);
      this[si](e);
    });
  }
  [si](t) {
    this.statCache.set(this.absolute, t), this.stat = t, t.isFile() || (t.size = 0), this.type = Gn(t), this.emit("stat", t), this[tr]();
  }
  [tr]() {
    switch (this.type) {
      case "File":
        return this[er]();
      case "Directory":
        return this[ir]();
      case "SymbolicLink":
        return this[is]();
      default:
        return this.end();
    }
  }
  [ri](t) {
    return Ji(t, this.type === "Directory", this.portable);
  }
  [q](t) {
    return rr(t, this.prefix);
  }
  [fe]() {
    if (!this.stat) throw new Error("cannot write header before stat");
    this.type === "Directory" && this.portable && (this.noMtime = true), this.onWriteEntry?.(this), this.header = new F({ path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, mode: this[ri](this.stat.mode), uid: this.portable ? void 0 : this.stat.uid, gid: this.portable ? void 0 : this.stat.gid, size: this.stat.size, mtime: this.noMtime ? void 0 : this.mtime || this.stat.mtime, type: this.type === "Unsupported" ? void 0 : this.type, uname: this.portable ? void 0 : this.stat.uid === this.myuid ? this.myuser : "", atime: this.portable ? void 0 : this.stat.atime, ctime: this.portable ? void 0 : this.stat.ctime }), this.header.encode() && !this.noPax && super.write(new ft({ atime: this.portable ? void 0 : this.header.atime, ctime: this.portable ? void 0 : this.header.ctime, gid: this.portable ? void 0 : this.header.gid, mtime: this.noMtime ? void 0 : this.mtime || this.header.mtime, path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, size: this.header.size, uid: this.portable ? void 0 : this.header.uid, uname: this.portable ? void 0 : this.header.uname, dev: this.portable ? void 0 : this.stat.dev, ino: this.portable ? void 0 : this.stat.ino, nlink: this.portable ? void 0 : this.stat.nlink }).encode());
    let t = this.header?.block;
    if (!t) throw new Error("failed to encode header");
    super.write(t);
  }
  [ir]() {
    if (!this.stat) throw new Error("cannot create directory entry without stat");
    this.path.slice(-1) !== "/" && (this.path += "/"), this.stat.size = 0, this[fe](), this.end();
  }
  [is]() {
    X.readlink(this.absolute, (t, e) => {
      if (t) return this.emit("error", t);
      this[ns](e);
    });
  }
  [ns](t) {
    this.linkpath = f(t), this[fe](), this.end();
  }
  [sr](t) {
    if (!this.stat) throw new Error("cannot create link entry without stat");
    this.type = "Link", this.linkpath = f(js.relative(this.cwd, t)), this.stat.size = 0, this[fe](), this.end();
  }
  [er]() {
    if (!this.stat) throw new Error("cannot create file entry without stat");
    if (this.stat.nlink > 1) {
      let t = `${this.stat.dev}:${this.stat.ino}`, e = this.linkCache.get(t);
      if (e?.indexOf(this.cwd) === 0) return this[sr](e);
      this.linkCache.set(t, this.absolute);
    }
    if (this[fe](), this.stat.size === 0) return this.end();
    this[os]();
  }
  [os]() {
    X.open(this.absolute, "r", (t, e) => {
      if (t) return this.emit("error", t);
      this[hs](e);
    });
  }
  [hs](t) {
    if (this.fd = t, this.#t) return this[pt]();
    if (!this.stat) throw new Error("should stat before calling onopenfile");
    this.blockLen = 512 * Math.ceil(this.stat.size / 512), this.blockRemain = this.blockLen;
    let e = Math.min(this.blockLen, this.maxReadSize);
    this.buf = Buffer.allocUnsafe(e), this.offset = 0, this.pos = 0, this.remain = this.stat.size, this.length = this.buf.length, this[ii]();
  }
  [ii]() {
    let { fd: t, buf: e, offset: i, length: r, pos: n } = this;
    if (t === void 0 || e === void 0) throw new Error("cannot read file without first opening");
    X.read(t, e, i, r, n, (o, h) => {
      if (o) return this[pt](() => this.emit("error", o));
      this[rs](h);
    });
  }
  [pt](t = () => {
  }) {
    this.fd !== void 0 && X.close(this.fd, t);
  }
  [rs](t) {
    if (t <= 0 && this.remain > 0) {
      let r = Object.assign(new Error("encountered unexpected EOF"), { path: this.absolute, syscall: "read", code: "EOF" });
      return this[pt](() => this.emit("error", r));
    }
    if (t > this.remain) {
      let r = Object.assign(new Error("did not encounter expected EOF"), { path: this.absolute, syscall: "read", code: "EOF" });
      return this[pt](() => this.emit("error", r));
    }
    if (!this.buf) throw new Error("should have created buffer prior to reading");
    if (t === this.remain) for (let r = t; r < this.length && t < this.blockRemain; r++) this.buf[r + this.offset] = 0, t++, this.remain++;
    let e = this.offset === 0 && t === this.buf.length ? this.buf : this.buf.subarray(this.offset, this.offset + t);
    this.write(e) ? this[es]() : this[as](() => this[es]());
  }
  [as](t) {
    this.once("drain", t);
  }
  write(t, e, i) {
    if (typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8")), this.blockRemain < t.length) {
      let r = Object.assign(new Error("writing more data than expected"), { path: this.absolute });
      return this.emit("error", r);
    }
    return this.remain -= t.length, this.blockRemain -= t.length, this.pos += t.length, this.offset += t.length, super.write(t, null, i);
  }
  [es]() {
    if (!this.remain) return this.blockRemain && super.write(Buffer.alloc(this.blockRemain)), this[pt]((t) => t ? this.emit("error", t) : this.end());
    if (!this.buf) throw new Error("buffer lost somehow in ONDRAIN");
    this.offset >= this.length && (this.buf = Buffer.allocUnsafe(Math.min(this.blockRemain, this.buf.length)), this.offset = 0), this.length = this.buf.length - this.offset, this[ii]();
  }
};
var ni = class extends de {
  sync = true;
  [ss]() {
    this[si](X.lstatSync(this.absolute));
  }
  [is]() {
    this[ns](X.readlinkSync(this.absolute));
  }
  [os]() {
    this[hs](X.openSync(this.absolute, "r"));
  }
  [ii]() {
    let t = true;
    try {
      let { fd: e, buf: i, offset: r, length: n, pos: o } = this;
      if (e === void 0 || i === void 0) throw new Error("fd and buf must be set in READ method");
      let h = X.readSync(e, i, r, n, o);
      this[rs](h), t = false;
    } finally {
      if (t) try {
        this[pt](() => {
        });
      } catch {
      }
    }
  }
  [as](t) {
    t();
  }
  [pt](t = () => {
  }) {
    this.fd !== void 0 && X.closeSync(this.fd), t();
  }
};
var oi = class extends A {
  blockLen = 0;
  blockRemain = 0;
  buf = 0;
  pos = 0;
  remain = 0;
  length = 0;
  preservePaths;
  portable;
  strict;
  noPax;
  noMtime;
  readEntry;
  type;
  prefix;
  path;
  mode;
  uid;
  gid;
  uname;
  gname;
  header;
  mtime;
  atime;
  ctime;
  linkpath;
  size;
  onWriteEntry;
  warn(t, e, i = {}) {
    return Dt(this, t, e, i);
  }
  constructor(t, e = {}) {
    let i = se(e);
    super(), this.preservePaths = !!i.preservePaths, this.portable = !!i.portable, this.strict = !!i.strict, this.noPax = !!i.noPax, this.noMtime = !!i.noMtime, this.onWriteEntry = i.onWriteEntry, this.readEntry = t;
    let { type: r } = t;
    if (r === "Unsupported") throw new Error("writing entry that should be ignored");
    this.type = r, this.type === "Directory" && this.portable && (this.noMtime = true), this.prefix = i.prefix, this.path = f(t.path), this.mode = t.mode !== void 0 ? this[ri](t.mode) : void 0, this.uid = this.portable ? void 0 : t.uid, this.gid = this.portable ? void 0 : t.gid, this.uname = this.portable ? void 0 : t.uname, this.gname = this.portable ? void 0 : t.gname, this.size = t.size, this.mtime = this.noMtime ? void 0 : i.mtime || t.mtime, this.atime = this.portable ? void 0 : t.atime, this.ctime = this.portable ? void 0 : t.ctime, this.linkpath = t.linkpath !== void 0 ? f(t.linkpath) : void 0, typeof i.onwarn == "function" && this.on("warn", i.onwarn);
    let n = false;
    if (!this.preservePaths) {
      let [h, a] = ce(this.path);
      h && typeof a == "string" && (this.path = a, n = h);
    }
    this.remain = t.size, this.blockRemain = t.startBlockSize, this.onWriteEntry?.(this), this.header = new F({ path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, mode: this.mode, uid: this.portable ? void 0 : this.uid, gid: this.portable ? void 0 : this.gid, size: this.size, mtime: this.noMtime ? void 0 : this.mtime, type: this.type, uname: this.portable ? void 0 : this.uname, atime: this.portable ? void 0 : this.atime, ctime: this.portable ? void 0 : this.ctime }), n && this.warn("TAR_ENTRY_INFO", `stripping ${n} from absolute path`, { entry: this, path: n + this.path }), this.header.encode() && !this.noPax && super.write(new ft({ atime: this.portable ? void 0 : this.atime, ctime: this.portable ? void 0 : this.ctime, gid: this.portable ? void 0 : this.gid, mtime: this.noMtime ? void 0 : this.mtime, path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, size: this.size, uid: this.portable ? void 0 : this.uid, uname: this.portable ? void 0 : this.uname, dev: this.portable ? void 0 : this.readEntry.dev, ino: this.portable ? void 0 : this.readEntry.ino, nlink: this.portable ? void 0 : this.readEntry.nlink }).encode());
    let o = this.header?.block;
    if (!o) throw new Error("failed to encode header");
    super.write(o), t.pipe(this);
  }
  [q](t) {
    return rr(t, this.prefix);
  }
  [ri](t) {
    return Ji(t, this.type === "Directory", this.portable);
  }
  write(t, e, i) {
    typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8"));
    let r = t.length;
    if (r > this.blockRemain) throw new Error("writing more to entry than is appropriate");
    return this.blockRemain -= r, super.write(t, i);
  }
  end(t, e, i) {
    return this.blockRemain && super.write(Buffer.alloc(this.blockRemain)), typeof t == "function" && (i = t, e = void 0, t = void 0), typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, e ?? "utf8")), i && this.once("finish", i), t ? super.end(t, i) : super.end(i), this;
  }
};
var Gn = (s3) => s3.isFile() ? "File" : s3.isDirectory() ? "Directory" : s3.isSymbolicLink() ? "SymbolicLink" : "Unsupported";
var hi = class s2 {
  tail;
  head;
  length = 0;
  static create(t = []) {
    return new s2(t);
  }
  constructor(t = []) {
    for (let e of t) this.push(e);
  }
  *[Symbol.iterator]() {
    for (let t = this.head; t; t = t.next) yield t.value;
  }
  removeNode(t) {
    if (t.list !== this) throw new Error("removing node which does not belong to this list");
    let e = t.next, i = t.prev;
    return e && (e.prev = i), i && (i.next = e), t === this.head && (this.head = e), t === this.tail && (this.tail = i), this.length--, t.next = void 0, t.prev = void 0, t.list = void 0, e;
  }
  unshiftNode(t) {
    if (t === this.head) return;
    t.list && t.list.removeNode(t);
    let e = this.head;
    t.list = this, t.next = e, e && (e.prev = t), this.head = t, this.tail || (this.tail = t), this.length++;
  }
  pushNode(t) {
    if (t === this.tail) return;
    t.list && t.list.removeNode(t);
    let e = this.tail;
    t.list = this, t.prev = e, e && (e.next = t), this.tail = t, this.head || (this.head = t), this.length++;
  }
  push(...t) {
    for (let e = 0, i = t.length; e < i; e++) Yn(this, t[e]);
    return this.length;
  }
  unshift(...t) {
    for (var e = 0, i = t.length; e < i; e++) Kn(this, t[e]);
    return this.length;
  }
  pop() {
    if (!this.tail) return;
    let t = this.tail.value, e = this.tail;
    return this.tail = this.tail.prev, this.tail ? this.tail.next = void 0 : this.head = void 0, e.list = void 0, this.length--, t;
  }
  shift() {
    if (!this.head) return;
    let t = this.head.value, e = this.head;
    return this.head = this.head.next, this.head ? this.head.prev = void 0 : this.tail = void 0, e.list = void 0, this.length--, t;
  }
  forEach(t, e) {
    e = e || this;
    for (let i = this.head, r = 0; i; r++) t.call(e, i.value, r, this), i = i.next;
  }
  forEachReverse(t, e) {
    e = e || this;
    for (let i = this.tail, r = this.length - 1; i; r--) t.call(e, i.value, r, this), i = i.prev;
  }
  get(t) {
    let e = 0, i = this.head;
    for (; i && e < t; e++) i = i.next;
    if (e === t && i) return i.value;
  }
  getReverse(t) {
    let e = 0, i = this.tail;
    for (; i && e < t; e++) i = i.prev;
    if (e === t && i) return i.value;
  }
  map(t, e) {
    e = e || this;
    let i = new s2();
    for (let r = this.head; r; ) i.push(t.call(e, r.value, this)), r = r.next;
    return i;
  }
  mapReverse(t, e) {
    e = e || this;
    var i = new s2();
    for (let r = this.tail; r; ) i.push(t.call(e, r.value, this)), r = r.prev;
    return i;
  }
  reduce(t, e) {
    let i, r = this.head;
    if (arguments.length > 1) i = e;
    else if (this.head) r = this.head.next, i = this.head.value;
    else throw new TypeError("Reduce of empty list with no initial value");
    for (var n = 0; r; n++) i = t(i, r.value, n), r = r.next;
    return i;
  }
  reduceReverse(t, e) {
    let i, r = this.tail;
    if (arguments.length > 1) i = e;
    else if (this.tail) r = this.tail.prev, i = this.tail.value;
    else throw new TypeError("Reduce of empty list with no initial value");
    for (let n = this.length - 1; r; n--) i = t(i, r.value, n), r = r.prev;
    return i;
  }
  toArray() {
    let t = new Array(this.length);
    for (let e = 0, i = this.head; i; e++) t[e] = i.value, i = i.next;
    return t;
  }
  toArrayReverse() {
    let t = new Array(this.length);
    for (let e = 0, i = this.tail; i; e++) t[e] = i.value, i = i.prev;
    return t;
  }
  slice(t = 0, e = this.length) {
    e < 0 && (e += this.length), t < 0 && (t += this.length);
    let i = new s2();
    if (e < t || e < 0) return i;
    t < 0 && (t = 0), e > this.length && (e = this.length);
    let r = this.head, n = 0;
    for (n = 0; r && n < t; n++) r = r.next;
    for (; r && n < e; n++, r = r.next) i.push(r.value);
    return i;
  }
  sliceReverse(t = 0, e = this.length) {
    e < 0 && (e += this.length), t < 0 && (t += this.length);
    let i = new s2();
    if (e < t || e < 0) return i;
    t < 0 && (t = 0), e > this.length && (e = this.length);
    let r = this.length, n = this.tail;
    for (; n && r > e; r--) n = n.prev;
    for (; n && r > t; r--, n = n.prev) i.push(n.value);
    return i;
  }
  splice(t, e = 0, ...i) {
    t > this.length && (t = this.length - 1), t < 0 && (t = this.length + t);
    let r = this.head;
    for (let o = 0; r && o < t; o++) r = r.next;
    let n = [];
    for (let o = 0; r && o < e; o++) n.push(r.value), r = this.removeNode(r);
    r ? r !== this.tail && (r = r.prev) : r = this.tail;
    for (let o of i) r = Zn(this, r, o);
    return n;
  }
  reverse() {
    let t = this.head, e = this.tail;
    for (let i = t; i; i = i.prev) {
      let r = i.prev;
      i.prev = i.next, i.next = r;
    }
    return this.head = e, this.tail = t, this;
  }
};
function Zn(s3, t, e) {
  let i = t, r = t ? t.next : s3.head, n = new ue(e, i, r, s3);
  return n.next === void 0 && (s3.tail = n), n.prev === void 0 && (s3.head = n), s3.length++, n;
}
function Yn(s3, t) {
  s3.tail = new ue(t, s3.tail, void 0, s3), s3.head || (s3.head = s3.tail), s3.length++;
}
function Kn(s3, t) {
  s3.head = new ue(t, void 0, s3.head, s3), s3.tail || (s3.tail = s3.head), s3.length++;
}
var ue = class {
  list;
  next;
  prev;
  value;
  constructor(t, e, i, r) {
    this.list = r, this.value = t, e ? (e.next = this, this.prev = e) : this.prev = void 0, i ? (i.prev = this, this.next = i) : this.next = void 0;
  }
};
var pi = class {
  path;
  absolute;
  entry;
  stat;
  readdir;
  pending = false;
  pendingLink = false;
  ignore = false;
  piped = false;
  constructor(t, e) {
    this.path = t || "./", this.absolute = e;
  }
};
var nr = Buffer.alloc(1024);
var li = /* @__PURE__ */ Symbol("onStat");
var me = /* @__PURE__ */ Symbol("ended");
var W = /* @__PURE__ */ Symbol("queue");
var pe = /* @__PURE__ */ Symbol("pendingLinks");
var Et = /* @__PURE__ */ Symbol("current");
var Ft = /* @__PURE__ */ Symbol("process");
var Ee = /* @__PURE__ */ Symbol("processing");
var ai = /* @__PURE__ */ Symbol("processJob");
var G = /* @__PURE__ */ Symbol("jobs");
var ls = /* @__PURE__ */ Symbol("jobDone");
var ci = /* @__PURE__ */ Symbol("addFSEntry");
var or = /* @__PURE__ */ Symbol("addTarEntry");
var ds = /* @__PURE__ */ Symbol("stat");
var us = /* @__PURE__ */ Symbol("readdir");
var fi = /* @__PURE__ */ Symbol("onreaddir");
var di = /* @__PURE__ */ Symbol("pipe");
var hr = /* @__PURE__ */ Symbol("entry");
var cs = /* @__PURE__ */ Symbol("entryOpt");
var ui = /* @__PURE__ */ Symbol("writeEntryClass");
var lr = /* @__PURE__ */ Symbol("write");
var fs = /* @__PURE__ */ Symbol("ondrain");
var wt = class extends A {
  sync = false;
  opt;
  cwd;
  maxReadSize;
  preservePaths;
  strict;
  noPax;
  prefix;
  linkCache;
  statCache;
  file;
  portable;
  zip;
  readdirCache;
  noDirRecurse;
  follow;
  noMtime;
  mtime;
  filter;
  jobs;
  [ui];
  onWriteEntry;
  [W];
  [pe] = /* @__PURE__ */ new Map();
  [G] = 0;
  [Ee] = false;
  [me] = false;
  constructor(t = {}) {
    if (super(), this.opt = t, this.file = t.file || "", this.cwd = t.cwd || process.cwd(), this.maxReadSize = t.maxReadSize, this.preservePaths = !!t.preservePaths, this.strict = !!t.strict, this.noPax = !!t.noPax, this.prefix = f(t.prefix || ""), this.linkCache = t.linkCache || /* @__PURE__ */ new Map(), this.statCache = t.statCache || /* @__PURE__ */ new Map(), this.readdirCache = t.readdirCache || /* @__PURE__ */ new Map(), this.onWriteEntry = t.onWriteEntry, this[ui] = de, typeof t.onwarn == "function" && this.on("warn", t.onwarn), this.portable = !!t.portable, t.gzip || t.brotli || t.zstd) {
      if ((t.gzip ? 1 : 0) + (t.brotli ? 1 : 0) + (t.zstd ? 1 : 0) > 1) throw new TypeError("gzip, brotli, zstd are mutually exclusive");
      if (t.gzip && (typeof t.gzip != "object" && (t.gzip = {}), this.portable && (t.gzip.portable = true), this.zip = new ze(t.gzip)), t.brotli && (typeof t.brotli != "object" && (t.brotli = {}), this.zip = new We(t.brotli)), t.zstd && (typeof t.zstd != "object" && (t.zstd = {}), this.zip = new Ye(t.zstd)), !this.zip) throw new Error("impossible");
      let e = this.zip;
      e.on("data", (i) => super.write(i)), e.on("end", () => super.end()), e.on("drain", () => this[fs]()), this.on("resume", () => e.resume());
    } else this.on("drain", this[fs]);
    this.noDirRecurse = !!t.noDirRecurse, this.follow = !!t.follow, this.noMtime = !!t.noMtime, t.mtime && (this.mtime = t.mtime), this.filter = typeof t.filter == "function" ? t.filter : () => true, this[W] = new hi(), this[G] = 0, this.jobs = Number(t.jobs) || 4, this[Ee] = false, this[me] = false;
  }
  [lr](t) {
    return super.write(t);
  }
  add(t) {
    return this.write(t), this;
  }
  end(t, e, i) {
    return typeof t == "function" && (i = t, t = void 0), typeof e == "function" && (i = e, e = void 0), t && this.add(t), this[me] = true, this[Ft](), i && i(), this;
  }
  write(t) {
    if (this[me]) throw new Error("write after end");
    return typeof t == "string" ? this[ci](t) : this[or](t), this.flowing;
  }
  [or](t) {
    let e = f(ar.resolve(this.cwd, t.path));
    if (!this.filter(t.path, t)) t.resume();
    else {
      let i = new pi(t.path, e);
      i.entry = new oi(t, this[cs](i)), i.entry.on("end", () => this[ls](i)), this[G] += 1, this[W].push(i);
    }
    this[Ft]();
  }
  [ci](t) {
    let e = f(ar.resolve(this.cwd, t));
    this[W].push(new pi(t, e)), this[Ft]();
  }
  [ds](t) {
    t.pending = true, this[G] += 1;
    let e = this.follow ? "stat" : "lstat";
    mi[e](t.absolute, (i, r) => {
      t.pending = false, this[G] -= 1, i ? this.emit("error", i) : this[li](t, r);
    });
  }
  [li](t, e) {
    if (this.statCache.set(t.absolute, e), t.stat = e, !this.filter(t.path, e)) t.ignore = true;
    else if (e.isFile() && e.nlink > 1 && !this.linkCache.get(`${e.dev}:${e.ino}`) && !this.sync) if (t === this[Et]) this[ai](t);
    else {
      let i = `${e.dev}:${e.ino}`, r = this[pe].get(i);
      r ? r.push(t) : this[pe].set(i, [t]), t.pendingLink = true, t.pending = true;
    }
    this[Ft]();
  }
  [us](t) {
    t.pending = true, this[G] += 1, mi.readdir(t.absolute, (e, i) => {
      if (t.pending = false, this[G] -= 1, e) return this.emit("error", e);
      this[fi](t, i);
    });
  }
  [fi](t, e) {
    this.readdirCache.set(t.absolute, e), t.readdir = e, this[Ft]();
  }
  [Ft]() {
    if (!this[Ee]) {
      this[Ee] = true;
      for (let t = this[W].head; t && this[G] < this.jobs; t = t.next) if (this[ai](t.value), t.value.ignore) {
        let e = t.next;
        this[W].removeNode(t), t.next = e;
      }
      this[Ee] = false, this[me] && this[W].length === 0 && this[G] === 0 && (this.zip ? this.zip.end(nr) : (super.write(nr), super.end()));
    }
  }
  get [Et]() {
    return this[W] && this[W].head && this[W].head.value;
  }
  [ls](t) {
    this[W].shift(), this[G] -= 1;
    let { stat: e } = t;
    if (e && e.isFile() && e.nlink > 1) {
      let i = `${e.dev}:${e.ino}`, r = this[pe].get(i);
      if (r) {
        this[pe].delete(i);
        for (let n of r) n.pending = false, this[ai](n);
      }
    }
    this[Ft]();
  }
  [ai](t) {
    if (t.pending && t.pendingLink && t === this[Et] && (t.pending = false, t.pendingLink = false), !t.pending) {
      if (t.entry) {
        t === this[Et] && !t.piped && this[di](t);
        return;
      }
      if (!t.stat) {
        let e = this.statCache.get(t.absolute);
        e ? this[li](t, e) : this[ds](t);
      }
      if (t.stat && !t.ignore) {
        if (!this.noDirRecurse && t.stat.isDirectory() && !t.readdir) {
          let e = this.readdirCache.get(t.absolute);
          if (e ? this[fi](t, e) : this[us](t), !t.readdir) return;
        }
        if (t.entry = this[hr](t), !t.entry) {
          t.ignore = true;
          return;
        }
        t === this[Et] && !t.piped && this[di](t);
      }
    }
  }
  [cs](t) {
    return { onwarn: (e, i, r) => this.warn(e, i, r), noPax: this.noPax, cwd: this.cwd, absolute: t.absolute, preservePaths: this.preservePaths, maxReadSize: this.maxReadSize, strict: this.strict, portable: this.portable, linkCache: this.linkCache, statCache: this.statCache, noMtime: this.noMtime, mtime: this.mtime, prefix: this.prefix, onWriteEntry: this.onWriteEntry };
  }
  [hr](t) {
    this[G] += 1;
    try {
      return new this[ui](t.path, this[cs](t)).on("end", () => this[ls](t)).on("error", (i) => this.emit("error", i));
    } catch (e) {
      this.emit("error", e);
    }
  }
  [fs]() {
    this[Et] && this[Et].entry && this[Et].entry.resume();
  }
  [di](t) {
    t.piped = true, t.readdir && t.readdir.forEach((r) => {
      let n = t.path, o = n === "./" ? "" : n.replace(/\/*$/, "/");
      this[ci](o + r);
    });
    let e = t.entry, i = this.zip;
    if (!e) throw new Error("cannot pipe without source");
    i ? e.on("data", (r) => {
      i.write(r) || e.pause();
    }) : e.on("data", (r) => {
      super.write(r) || e.pause();
    });
  }
  pause() {
    return this.zip && this.zip.pause(), super.pause();
  }
  warn(t, e, i = {}) {
    Dt(this, t, e, i);
  }
};
var kt = class extends wt {
  sync = true;
  constructor(t) {
    super(t), this[ui] = ni;
  }
  pause() {
  }
  resume() {
  }
  [ds](t) {
    let e = this.follow ? "statSync" : "lstatSync";
    this[li](t, mi[e](t.absolute));
  }
  [us](t) {
    this[fi](t, mi.readdirSync(t.absolute));
  }
  [di](t) {
    let e = t.entry, i = this.zip;
    if (t.readdir && t.readdir.forEach((r) => {
      let n = t.path, o = n === "./" ? "" : n.replace(/\/*$/, "/");
      this[ci](o + r);
    }), !e) throw new Error("Cannot pipe without source");
    i ? e.on("data", (r) => {
      i.write(r);
    }) : e.on("data", (r) => {
      super[lr](r);
    });
  }
};
var Vn = (s3, t) => {
  let e = new kt(s3), i = new Wt(s3.file, { mode: s3.mode || 438 });
  e.pipe(i), fr(e, t);
};
var $n = (s3, t) => {
  let e = new wt(s3), i = new et(s3.file, { mode: s3.mode || 438 });
  e.pipe(i);
  let r = new Promise((n, o) => {
    i.on("error", o), i.on("close", n), e.on("error", o);
  });
  return dr(e, t).catch((n) => e.emit("error", n)), r;
};
var fr = (s3, t) => {
  t.forEach((e) => {
    e.charAt(0) === "@" ? Ct({ file: cr.resolve(s3.cwd, e.slice(1)), sync: true, noResume: true, onReadEntry: (i) => s3.add(i) }) : s3.add(e);
  }), s3.end();
};
var dr = async (s3, t) => {
  for (let e of t) e.charAt(0) === "@" ? await Ct({ file: cr.resolve(String(s3.cwd), e.slice(1)), noResume: true, onReadEntry: (i) => {
    s3.add(i);
  } }) : s3.add(e);
  s3.end();
};
var Xn = (s3, t) => {
  let e = new kt(s3);
  return fr(e, t), e;
};
var qn = (s3, t) => {
  let e = new wt(s3);
  return dr(e, t).catch((i) => e.emit("error", i)), e;
};
var Qn = K(Vn, $n, Xn, qn, (s3, t) => {
  if (!t?.length) throw new TypeError("no paths specified to add to archive");
});
var Jn = process.env.__FAKE_PLATFORM__ || process.platform;
var Er = Jn === "win32";
var { O_CREAT: wr, O_NOFOLLOW: ur, O_TRUNC: Sr, O_WRONLY: yr } = pr.constants;
var Rr = Number(process.env.__FAKE_FS_O_FILENAME__) || pr.constants.UV_FS_O_FILEMAP || 0;
var jn = Er && !!Rr;
var to = 512 * 1024;
var eo = Rr | Sr | wr | yr;
var mr = !Er && typeof ur == "number" ? ur | Sr | wr | yr : null;
var ms = mr !== null ? () => mr : jn ? (s3) => s3 < to ? eo : "w" : () => "w";
var ps = (s3, t, e) => {
  try {
    return wi.lchownSync(s3, t, e);
  } catch (i) {
    if (i?.code !== "ENOENT") throw i;
  }
};
var Ei = (s3, t, e, i) => {
  wi.lchown(s3, t, e, (r) => {
    i(r && r?.code !== "ENOENT" ? r : null);
  });
};
var io = (s3, t, e, i, r) => {
  if (t.isDirectory()) Es(we.resolve(s3, t.name), e, i, (n) => {
    if (n) return r(n);
    let o = we.resolve(s3, t.name);
    Ei(o, e, i, r);
  });
  else {
    let n = we.resolve(s3, t.name);
    Ei(n, e, i, r);
  }
};
var Es = (s3, t, e, i) => {
  wi.readdir(s3, { withFileTypes: true }, (r, n) => {
    if (r) {
      if (r.code === "ENOENT") return i();
      if (r.code !== "ENOTDIR" && r.code !== "ENOTSUP") return i(r);
    }
    if (r || !n.length) return Ei(s3, t, e, i);
    let o = n.length, h = null, a = (l) => {
      if (!h) {
        if (l) return i(h = l);
        if (--o === 0) return Ei(s3, t, e, i);
      }
    };
    for (let l of n) io(s3, l, t, e, a);
  });
};
var so = (s3, t, e, i) => {
  t.isDirectory() && ws(we.resolve(s3, t.name), e, i), ps(we.resolve(s3, t.name), e, i);
};
var ws = (s3, t, e) => {
  let i;
  try {
    i = wi.readdirSync(s3, { withFileTypes: true });
  } catch (r) {
    let n = r;
    if (n?.code === "ENOENT") return;
    if (n?.code === "ENOTDIR" || n?.code === "ENOTSUP") return ps(s3, t, e);
    throw n;
  }
  for (let r of i) so(s3, r, t, e);
  return ps(s3, t, e);
};
var Se = class extends Error {
  path;
  code;
  syscall = "chdir";
  constructor(t, e) {
    super(`${e}: Cannot cd into '${t}'`), this.path = t, this.code = e;
  }
  get name() {
    return "CwdError";
  }
};
var St = class extends Error {
  path;
  symlink;
  syscall = "symlink";
  code = "TAR_SYMLINK_ERROR";
  constructor(t, e) {
    super("TAR_SYMLINK_ERROR: Cannot extract through symbolic link"), this.symlink = t, this.path = e;
  }
  get name() {
    return "SymlinkError";
  }
};
var no = (s3, t) => {
  k.stat(s3, (e, i) => {
    (e || !i.isDirectory()) && (e = new Se(s3, e?.code || "ENOTDIR")), t(e);
  });
};
var gr = (s3, t, e) => {
  s3 = f(s3);
  let i = t.umask ?? 18, r = t.mode | 448, n = (r & i) !== 0, o = t.uid, h = t.gid, a = typeof o == "number" && typeof h == "number" && (o !== t.processUid || h !== t.processGid), l = t.preserve, c = t.unlink, d = f(t.cwd), y = (E, x) => {
    E ? e(E) : x && a ? Es(x, o, h, (Le) => y(Le)) : n ? k.chmod(s3, r, e) : e();
  };
  if (s3 === d) return no(s3, y);
  if (l) return ro.mkdir(s3, { mode: r, recursive: true }).then((E) => y(null, E ?? void 0), y);
  let D = f(Si.relative(d, s3)).split("/");
  Ss(d, D, r, c, d, void 0, y);
};
var Ss = (s3, t, e, i, r, n, o) => {
  if (t.length === 0) return o(null, n);
  let h = t.shift(), a = f(Si.resolve(s3 + "/" + h));
  k.mkdir(a, e, br(a, t, e, i, r, n, o));
};
var br = (s3, t, e, i, r, n, o) => (h) => {
  h ? k.lstat(s3, (a, l) => {
    if (a) a.path = a.path && f(a.path), o(a);
    else if (l.isDirectory()) Ss(s3, t, e, i, r, n, o);
    else if (i) k.unlink(s3, (c) => {
      if (c) return o(c);
      k.mkdir(s3, e, br(s3, t, e, i, r, n, o));
    });
    else {
      if (l.isSymbolicLink()) return o(new St(s3, s3 + "/" + t.join("/")));
      o(h);
    }
  }) : (n = n || s3, Ss(s3, t, e, i, r, n, o));
};
var oo = (s3) => {
  let t = false, e;
  try {
    t = k.statSync(s3).isDirectory();
  } catch (i) {
    e = i?.code;
  } finally {
    if (!t) throw new Se(s3, e ?? "ENOTDIR");
  }
};
var _r = (s3, t) => {
  s3 = f(s3);
  let e = t.umask ?? 18, i = t.mode | 448, r = (i & e) !== 0, n = t.uid, o = t.gid, h = typeof n == "number" && typeof o == "number" && (n !== t.processUid || o !== t.processGid), a = t.preserve, l = t.unlink, c = f(t.cwd), d = (E) => {
    E && h && ws(E, n, o), r && k.chmodSync(s3, i);
  };
  if (s3 === c) return oo(c), d();
  if (a) return d(k.mkdirSync(s3, { mode: i, recursive: true }) ?? void 0);
  let T = f(Si.relative(c, s3)).split("/"), D;
  for (let E = T.shift(), x = c; E && (x += "/" + E); E = T.shift()) {
    x = f(Si.resolve(x));
    try {
      k.mkdirSync(x, i), D = D || x;
    } catch {
      let Le = k.lstatSync(x);
      if (Le.isDirectory()) continue;
      if (l) {
        k.unlinkSync(x), k.mkdirSync(x, i), D = D || x;
        continue;
      } else if (Le.isSymbolicLink()) return new St(x, x + "/" + T.join("/"));
    }
  }
  return d(D);
};
var ys = /* @__PURE__ */ Object.create(null);
var Or = 1e4;
var Vt = /* @__PURE__ */ new Set();
var Tr = (s3) => {
  Vt.has(s3) ? Vt.delete(s3) : ys[s3] = s3.normalize("NFD").toLocaleLowerCase("en").toLocaleUpperCase("en"), Vt.add(s3);
  let t = ys[s3], e = Vt.size - Or;
  if (e > Or / 10) {
    for (let i of Vt) if (Vt.delete(i), delete ys[i], --e <= 0) break;
  }
  return t;
};
var ho = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform;
var ao = ho === "win32";
var lo = (s3) => s3.split("/").slice(0, -1).reduce((e, i) => {
  let r = e.at(-1);
  return r !== void 0 && (i = xr(r, i)), e.push(i || "/"), e;
}, []);
var yi = class {
  #t = /* @__PURE__ */ new Map();
  #i = /* @__PURE__ */ new Map();
  #s = /* @__PURE__ */ new Set();
  reserve(t, e) {
    t = ao ? ["win32 parallelization disabled"] : t.map((r) => mt(xr(Tr(r))));
    let i = new Set(t.map((r) => lo(r)).reduce((r, n) => r.concat(n)));
    this.#i.set(e, { dirs: i, paths: t });
    for (let r of t) {
      let n = this.#t.get(r);
      n ? n.push(e) : this.#t.set(r, [e]);
    }
    for (let r of i) {
      let n = this.#t.get(r);
      if (!n) this.#t.set(r, [/* @__PURE__ */ new Set([e])]);
      else {
        let o = n.at(-1);
        o instanceof Set ? o.add(e) : n.push(/* @__PURE__ */ new Set([e]));
      }
    }
    return this.#r(e);
  }
  #n(t) {
    let e = this.#i.get(t);
    if (!e) throw new Error("function does not have any path reservations");
    return { paths: e.paths.map((i) => this.#t.get(i)), dirs: [...e.dirs].map((i) => this.#t.get(i)) };
  }
  check(t) {
    let { paths: e, dirs: i } = this.#n(t);
    return e.every((r) => r && r[0] === t) && i.every((r) => r && r[0] instanceof Set && r[0].has(t));
  }
  #r(t) {
    return this.#s.has(t) || !this.check(t) ? false : (this.#s.add(t), t(() => this.#e(t)), true);
  }
  #e(t) {
    if (!this.#s.has(t)) return false;
    let e = this.#i.get(t);
    if (!e) throw new Error("invalid reservation");
    let { paths: i, dirs: r } = e, n = /* @__PURE__ */ new Set();
    for (let o of i) {
      let h = this.#t.get(o);
      if (!h || h?.[0] !== t) continue;
      let a = h[1];
      if (!a) {
        this.#t.delete(o);
        continue;
      }
      if (h.shift(), typeof a == "function") n.add(a);
      else for (let l of a) n.add(l);
    }
    for (let o of r) {
      let h = this.#t.get(o), a = h?.[0];
      if (!(!h || !(a instanceof Set))) if (a.size === 1 && h.length === 1) {
        this.#t.delete(o);
        continue;
      } else if (a.size === 1) {
        h.shift();
        let l = h[0];
        typeof l == "function" && n.add(l);
      } else a.delete(t);
    }
    return this.#s.delete(t), n.forEach((o) => this.#r(o)), true;
  }
};
var Lr = () => process.umask();
var Dr = /* @__PURE__ */ Symbol("onEntry");
var _s = /* @__PURE__ */ Symbol("checkFs");
var Nr = /* @__PURE__ */ Symbol("checkFs2");
var Os = /* @__PURE__ */ Symbol("isReusable");
var P = /* @__PURE__ */ Symbol("makeFs");
var Ts = /* @__PURE__ */ Symbol("file");
var xs = /* @__PURE__ */ Symbol("directory");
var gi = /* @__PURE__ */ Symbol("link");
var Ar = /* @__PURE__ */ Symbol("symlink");
var Ir = /* @__PURE__ */ Symbol("hardlink");
var Re = /* @__PURE__ */ Symbol("ensureNoSymlink");
var Cr = /* @__PURE__ */ Symbol("unsupported");
var Fr = /* @__PURE__ */ Symbol("checkPath");
var Rs = /* @__PURE__ */ Symbol("stripAbsolutePath");
var yt = /* @__PURE__ */ Symbol("mkdir");
var O = /* @__PURE__ */ Symbol("onError");
var Ri = /* @__PURE__ */ Symbol("pending");
var kr = /* @__PURE__ */ Symbol("pend");
var $t = /* @__PURE__ */ Symbol("unpend");
var gs = /* @__PURE__ */ Symbol("ended");
var bs = /* @__PURE__ */ Symbol("maybeClose");
var Ls = /* @__PURE__ */ Symbol("skip");
var ge = /* @__PURE__ */ Symbol("doChown");
var be = /* @__PURE__ */ Symbol("uid");
var _e = /* @__PURE__ */ Symbol("gid");
var Oe = /* @__PURE__ */ Symbol("checkedCwd");
var fo = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform;
var Te = fo === "win32";
var uo = 1024;
var mo = (s3, t) => {
  if (!Te) return u.unlink(s3, t);
  let e = s3 + ".DELETE." + Mr(16).toString("hex");
  u.rename(s3, e, (i) => {
    if (i) return t(i);
    u.unlink(e, t);
  });
};
var po = (s3) => {
  if (!Te) return u.unlinkSync(s3);
  let t = s3 + ".DELETE." + Mr(16).toString("hex");
  u.renameSync(s3, t), u.unlinkSync(t);
};
var vr = (s3, t, e) => s3 !== void 0 && s3 === s3 >>> 0 ? s3 : t !== void 0 && t === t >>> 0 ? t : e;
var Xt = class extends rt {
  [gs] = false;
  [Oe] = false;
  [Ri] = 0;
  reservations = new yi();
  transform;
  writable = true;
  readable = false;
  uid;
  gid;
  setOwner;
  preserveOwner;
  processGid;
  processUid;
  maxDepth;
  forceChown;
  win32;
  newer;
  keep;
  noMtime;
  preservePaths;
  unlink;
  cwd;
  strip;
  processUmask;
  umask;
  dmode;
  fmode;
  chmod;
  constructor(t = {}) {
    if (t.ondone = () => {
      this[gs] = true, this[bs]();
    }, super(t), this.transform = t.transform, this.chmod = !!t.chmod, typeof t.uid == "number" || typeof t.gid == "number") {
      if (typeof t.uid != "number" || typeof t.gid != "number") throw new TypeError("cannot set owner without number uid and gid");
      if (t.preserveOwner) throw new TypeError("cannot preserve owner in archive and also set owner explicitly");
      this.uid = t.uid, this.gid = t.gid, this.setOwner = true;
    } else this.uid = void 0, this.gid = void 0, this.setOwner = false;
    this.preserveOwner = t.preserveOwner === void 0 && typeof t.uid != "number" ? process.getuid?.() === 0 : !!t.preserveOwner, this.processUid = (this.preserveOwner || this.setOwner) && process.getuid ? process.getuid() : void 0, this.processGid = (this.preserveOwner || this.setOwner) && process.getgid ? process.getgid() : void 0, this.maxDepth = typeof t.maxDepth == "number" ? t.maxDepth : uo, this.forceChown = t.forceChown === true, this.win32 = !!t.win32 || Te, this.newer = !!t.newer, this.keep = !!t.keep, this.noMtime = !!t.noMtime, this.preservePaths = !!t.preservePaths, this.unlink = !!t.unlink, this.cwd = f(R.resolve(t.cwd || process.cwd())), this.strip = Number(t.strip) || 0, this.processUmask = this.chmod ? typeof t.processUmask == "number" ? t.processUmask : Lr() : 0, this.umask = typeof t.umask == "number" ? t.umask : this.processUmask, this.dmode = t.dmode || 511 & ~this.umask, this.fmode = t.fmode || 438 & ~this.umask, this.on("entry", (e) => this[Dr](e));
  }
  warn(t, e, i = {}) {
    return (t === "TAR_BAD_ARCHIVE" || t === "TAR_ABORT") && (i.recoverable = false), super.warn(t, e, i);
  }
  [bs]() {
    this[gs] && this[Ri] === 0 && (this.emit("prefinish"), this.emit("finish"), this.emit("end"));
  }
  [Rs](t, e) {
    let i = t[e], { type: r } = t;
    if (!i || this.preservePaths) return true;
    let [n, o] = ce(i), h = o.replaceAll(/\\/g, "/").split("/");
    if (h.includes("..") || Te && /^[a-z]:\.\.$/i.test(h[0] ?? "")) {
      if (e === "path" || r === "Link") return this.warn("TAR_ENTRY_ERROR", `${e} contains '..'`, { entry: t, [e]: i }), false;
      let a = R.posix.dirname(t.path), l = R.posix.normalize(R.posix.join(a, h.join("/")));
      if (l.startsWith("../") || l === "..") return this.warn("TAR_ENTRY_ERROR", `${e} escapes extraction directory`, { entry: t, [e]: i }), false;
    }
    return n && (t[e] = String(o), this.warn("TAR_ENTRY_INFO", `stripping ${n} from absolute ${e}`, { entry: t, [e]: i })), true;
  }
  [Fr](t) {
    let e = f(t.path), i = e.split("/");
    if (this.strip) {
      if (i.length < this.strip) return false;
      if (t.type === "Link") {
        let r = f(String(t.linkpath)).split("/");
        if (r.length >= this.strip) t.linkpath = r.slice(this.strip).join("/");
        else return false;
      }
      i.splice(0, this.strip), t.path = i.join("/");
    }
    if (isFinite(this.maxDepth) && i.length > this.maxDepth) return this.warn("TAR_ENTRY_ERROR", "path excessively deep", { entry: t, path: e, depth: i.length, maxDepth: this.maxDepth }), false;
    if (!this[Rs](t, "path") || !this[Rs](t, "linkpath")) return false;
    if (t.absolute = R.isAbsolute(t.path) ? f(R.resolve(t.path)) : f(R.resolve(this.cwd, t.path)), !this.preservePaths && typeof t.absolute == "string" && t.absolute.indexOf(this.cwd + "/") !== 0 && t.absolute !== this.cwd) return this.warn("TAR_ENTRY_ERROR", "path escaped extraction target", { entry: t, path: f(t.path), resolvedPath: t.absolute, cwd: this.cwd }), false;
    if (t.absolute === this.cwd && t.type !== "Directory" && t.type !== "GNUDumpDir") return false;
    if (this.win32) {
      let { root: r } = R.win32.parse(String(t.absolute));
      t.absolute = r + ts(String(t.absolute).slice(r.length));
      let { root: n } = R.win32.parse(t.path);
      t.path = n + ts(t.path.slice(n.length));
    }
    return true;
  }
  [Dr](t) {
    if (!this[Fr](t)) return t.resume();
    switch (co.equal(typeof t.absolute, "string"), t.type) {
      case "Directory":
      case "GNUDumpDir":
        t.mode && (t.mode = t.mode | 448);
      case "File":
      case "OldFile":
      case "ContiguousFile":
      case "Link":
      case "SymbolicLink":
        return this[_s](t);
      default:
        return this[Cr](t);
    }
  }
  [O](t, e) {
    t.name === "CwdError" ? this.emit("error", t) : (this.warn("TAR_ENTRY_ERROR", t, { entry: e }), this[$t](), e.resume());
  }
  [yt](t, e, i) {
    gr(f(t), { uid: this.uid, gid: this.gid, processUid: this.processUid, processGid: this.processGid, umask: this.processUmask, preserve: this.preservePaths, unlink: this.unlink, cwd: this.cwd, mode: e }, i);
  }
  [ge](t) {
    return this.forceChown || this.preserveOwner && (typeof t.uid == "number" && t.uid !== this.processUid || typeof t.gid == "number" && t.gid !== this.processGid) || typeof this.uid == "number" && this.uid !== this.processUid || typeof this.gid == "number" && this.gid !== this.processGid;
  }
  [be](t) {
    return vr(this.uid, t.uid, this.processUid);
  }
  [_e](t) {
    return vr(this.gid, t.gid, this.processGid);
  }
  [Ts](t, e) {
    let i = typeof t.mode == "number" ? t.mode & 4095 : this.fmode, r = new et(String(t.absolute), { flags: ms(t.size), mode: i, autoClose: false });
    r.on("error", (a) => {
      r.fd && u.close(r.fd, () => {
      }), r.write = () => true, this[O](a, t), e();
    });
    let n = 1, o = (a) => {
      if (a) {
        r.fd && u.close(r.fd, () => {
        }), this[O](a, t), e();
        return;
      }
      --n === 0 && r.fd !== void 0 && u.close(r.fd, (l) => {
        l ? this[O](l, t) : this[$t](), e();
      });
    };
    r.on("finish", () => {
      let a = String(t.absolute), l = r.fd;
      if (typeof l == "number" && t.mtime && !this.noMtime) {
        n++;
        let c = t.atime || /* @__PURE__ */ new Date(), d = t.mtime;
        u.futimes(l, c, d, (y) => y ? u.utimes(a, c, d, (T) => o(T && y)) : o());
      }
      if (typeof l == "number" && this[ge](t)) {
        n++;
        let c = this[be](t), d = this[_e](t);
        typeof c == "number" && typeof d == "number" && u.fchown(l, c, d, (y) => y ? u.chown(a, c, d, (T) => o(T && y)) : o());
      }
      o();
    });
    let h = this.transform && this.transform(t) || t;
    h !== t && (h.on("error", (a) => {
      this[O](a, t), e();
    }), t.pipe(h)), h.pipe(r);
  }
  [xs](t, e) {
    let i = typeof t.mode == "number" ? t.mode & 4095 : this.dmode;
    this[yt](String(t.absolute), i, (r) => {
      if (r) {
        this[O](r, t), e();
        return;
      }
      let n = 1, o = () => {
        --n === 0 && (e(), this[$t](), t.resume());
      };
      t.mtime && !this.noMtime && (n++, u.utimes(String(t.absolute), t.atime || /* @__PURE__ */ new Date(), t.mtime, o)), this[ge](t) && (n++, u.chown(String(t.absolute), Number(this[be](t)), Number(this[_e](t)), o)), o();
    });
  }
  [Cr](t) {
    t.unsupported = true, this.warn("TAR_ENTRY_UNSUPPORTED", `unsupported entry type: ${t.type}`, { entry: t }), t.resume();
  }
  [Ar](t, e) {
    let i = f(R.relative(this.cwd, R.resolve(R.dirname(String(t.absolute)), String(t.linkpath)))).split("/");
    this[Re](t, this.cwd, i, () => this[gi](t, String(t.linkpath), "symlink", e), (r) => {
      this[O](r, t), e();
    });
  }
  [Ir](t, e) {
    let i = f(R.resolve(this.cwd, String(t.linkpath))), r = f(String(t.linkpath)).split("/");
    this[Re](t, this.cwd, r, () => this[gi](t, i, "link", e), (n) => {
      this[O](n, t), e();
    });
  }
  [Re](t, e, i, r, n) {
    let o = i.shift();
    if (this.preservePaths || o === void 0) return r();
    let h = R.resolve(e, o);
    u.lstat(h, (a, l) => {
      if (a) return r();
      if (l?.isSymbolicLink()) return n(new St(h, R.resolve(h, i.join("/"))));
      this[Re](t, h, i, r, n);
    });
  }
  [kr]() {
    this[Ri]++;
  }
  [$t]() {
    this[Ri]--, this[bs]();
  }
  [Ls](t) {
    this[$t](), t.resume();
  }
  [Os](t, e) {
    return t.type === "File" && !this.unlink && e.isFile() && e.nlink <= 1 && !Te;
  }
  [_s](t) {
    this[kr]();
    let e = [t.path];
    t.linkpath && e.push(t.linkpath), this.reservations.reserve(e, (i) => this[Nr](t, i));
  }
  [Nr](t, e) {
    let i = (h) => {
      e(h);
    }, r = () => {
      this[yt](this.cwd, this.dmode, (h) => {
        if (h) {
          this[O](h, t), i();
          return;
        }
        this[Oe] = true, n();
      });
    }, n = () => {
      if (t.absolute !== this.cwd) {
        let h = f(R.dirname(String(t.absolute)));
        if (h !== this.cwd) return this[yt](h, this.dmode, (a) => {
          if (a) {
            this[O](a, t), i();
            return;
          }
          o();
        });
      }
      o();
    }, o = () => {
      u.lstat(String(t.absolute), (h, a) => {
        if (a && (this.keep || this.newer && a.mtime > (t.mtime ?? a.mtime))) {
          this[Ls](t), i();
          return;
        }
        if (h || this[Os](t, a)) return this[P](null, t, i);
        if (a.isDirectory()) {
          if (t.type === "Directory") {
            let l = this.chmod && t.mode && (a.mode & 4095) !== t.mode, c = (d) => this[P](d ?? null, t, i);
            return l ? u.chmod(String(t.absolute), Number(t.mode), c) : c();
          }
          if (t.absolute !== this.cwd) return u.rmdir(String(t.absolute), (l) => this[P](l ?? null, t, i));
        }
        if (t.absolute === this.cwd) return this[P](null, t, i);
        mo(String(t.absolute), (l) => this[P](l ?? null, t, i));
      });
    };
    this[Oe] ? n() : r();
  }
  [P](t, e, i) {
    if (t) {
      this[O](t, e), i();
      return;
    }
    switch (e.type) {
      case "File":
      case "OldFile":
      case "ContiguousFile":
        return this[Ts](e, i);
      case "Link":
        return this[Ir](e, i);
      case "SymbolicLink":
        return this[Ar](e, i);
      case "Directory":
      case "GNUDumpDir":
        return this[xs](e, i);
    }
  }
  [gi](t, e, i, r) {
    u[i](e, String(t.absolute), (n) => {
      n ? this[O](n, t) : (this[$t](), t.resume()), r();
    });
  }
};
var ye = (s3) => {
  try {
    return [null, s3()];
  } catch (t) {
    return [t, null];
  }
};
var xe = class extends Xt {
  sync = true;
  [P](t, e) {
    return super[P](t, e, () => {
    });
  }
  [_s](t) {
    if (!this[Oe]) {
      let n = this[yt](this.cwd, this.dmode);
      if (n) return this[O](n, t);
      this[Oe] = true;
    }
    if (t.absolute !== this.cwd) {
      let n = f(R.dirname(String(t.absolute)));
      if (n !== this.cwd) {
        let o = this[yt](n, this.dmode);
        if (o) return this[O](o, t);
      }
    }
    let [e, i] = ye(() => u.lstatSync(String(t.absolute)));
    if (i && (this.keep || this.newer && i.mtime > (t.mtime ?? i.mtime))) return this[Ls](t);
    if (e || this[Os](t, i)) return this[P](null, t);
    if (i.isDirectory()) {
      if (t.type === "Directory") {
        let o = this.chmod && t.mode && (i.mode & 4095) !== t.mode, [h] = o ? ye(() => {
          u.chmodSync(String(t.absolute), Number(t.mode));
        }) : [];
        return this[P](h, t);
      }
      let [n] = ye(() => u.rmdirSync(String(t.absolute)));
      this[P](n, t);
    }
    let [r] = t.absolute === this.cwd ? [] : ye(() => po(String(t.absolute)));
    this[P](r, t);
  }
  [Ts](t, e) {
    let i = typeof t.mode == "number" ? t.mode & 4095 : this.fmode, r = (h) => {
      let a;
      try {
        u.closeSync(n);
      } catch (l) {
        a = l;
      }
      (h || a) && this[O](h || a, t), e();
    }, n;
    try {
      n = u.openSync(String(t.absolute), ms(t.size), i);
    } catch (h) {
      return r(h);
    }
    let o = this.transform && this.transform(t) || t;
    o !== t && (o.on("error", (h) => this[O](h, t)), t.pipe(o)), o.on("data", (h) => {
      try {
        u.writeSync(n, h, 0, h.length);
      } catch (a) {
        r(a);
      }
    }), o.on("end", () => {
      let h = null;
      if (t.mtime && !this.noMtime) {
        let a = t.atime || /* @__PURE__ */ new Date(), l = t.mtime;
        try {
          u.futimesSync(n, a, l);
        } catch (c) {
          try {
            u.utimesSync(String(t.absolute), a, l);
          } catch {
            h = c;
          }
        }
      }
      if (this[ge](t)) {
        let a = this[be](t), l = this[_e](t);
        try {
          u.fchownSync(n, Number(a), Number(l));
        } catch (c) {
          try {
            u.chownSync(String(t.absolute), Number(a), Number(l));
          } catch {
            h = h || c;
          }
        }
      }
      r(h);
    });
  }
  [xs](t, e) {
    let i = typeof t.mode == "number" ? t.mode & 4095 : this.dmode, r = this[yt](String(t.absolute), i);
    if (r) {
      this[O](r, t), e();
      return;
    }
    if (t.mtime && !this.noMtime) try {
      u.utimesSync(String(t.absolute), t.atime || /* @__PURE__ */ new Date(), t.mtime);
    } catch {
    }
    if (this[ge](t)) try {
      u.chownSync(String(t.absolute), Number(this[be](t)), Number(this[_e](t)));
    } catch {
    }
    e(), t.resume();
  }
  [yt](t, e) {
    try {
      return _r(f(t), { uid: this.uid, gid: this.gid, processUid: this.processUid, processGid: this.processGid, umask: this.processUmask, preserve: this.preservePaths, unlink: this.unlink, cwd: this.cwd, mode: e });
    } catch (i) {
      return i;
    }
  }
  [Re](t, e, i, r, n) {
    if (this.preservePaths || i.length === 0) return r();
    let o = e;
    for (let h of i) {
      o = R.resolve(o, h);
      let [a, l] = ye(() => u.lstatSync(o));
      if (a) return r();
      if (l.isSymbolicLink()) return n(new St(o, R.resolve(e, i.join("/"))));
    }
    r();
  }
  [gi](t, e, i, r) {
    let n = `${i}Sync`;
    try {
      u[n](e, String(t.absolute)), r(), t.resume();
    } catch (o) {
      return this[O](o, t);
    }
  }
};
var Eo = (s3) => {
  let t = new xe(s3), e = s3.file, i = Br.statSync(e), r = s3.maxReadSize || 16 * 1024 * 1024;
  new Be(e, { readSize: r, size: i.size }).pipe(t);
};
var wo = (s3, t) => {
  let e = new Xt(s3), i = s3.maxReadSize || 16 * 1024 * 1024, r = s3.file;
  return new Promise((o, h) => {
    e.on("error", h), e.on("close", o), Br.stat(r, (a, l) => {
      if (a) h(a);
      else {
        let c = new _t(r, { readSize: i, size: l.size });
        c.on("error", h), c.pipe(e);
      }
    });
  });
};
var So = K(Eo, wo, (s3) => new xe(s3), (s3) => new Xt(s3), (s3, t) => {
  t?.length && Qi(s3, t);
});
var yo = (s3, t) => {
  let e = new kt(s3), i = true, r, n;
  try {
    try {
      r = v.openSync(s3.file, "r+");
    } catch (a) {
      if (a?.code === "ENOENT") r = v.openSync(s3.file, "w+");
      else throw a;
    }
    let o = v.fstatSync(r), h = Buffer.alloc(512);
    t: for (n = 0; n < o.size; n += 512) {
      for (let c = 0, d = 0; c < 512; c += d) {
        if (d = v.readSync(r, h, c, h.length - c, n + c), n === 0 && h[0] === 31 && h[1] === 139) throw new Error("cannot append to compressed archives");
        if (!d) break t;
      }
      let a = new F(h);
      if (!a.cksumValid) break;
      let l = 512 * Math.ceil((a.size || 0) / 512);
      if (n + l + 512 > o.size) break;
      n += l, s3.mtimeCache && a.mtime && s3.mtimeCache.set(String(a.path), a.mtime);
    }
    i = false, Ro(s3, e, n, r, t);
  } finally {
    if (i) try {
      v.closeSync(r);
    } catch {
    }
  }
};
var Ro = (s3, t, e, i, r) => {
  let n = new Wt(s3.file, { fd: i, start: e });
  t.pipe(n), bo(t, r);
};
var go = (s3, t) => {
  t = Array.from(t);
  let e = new wt(s3), i = (n, o, h) => {
    let a = (T, D) => {
      T ? v.close(n, (E) => h(T)) : h(null, D);
    }, l = 0;
    if (o === 0) return a(null, 0);
    let c = 0, d = Buffer.alloc(512), y = (T, D) => {
      if (T || D === void 0) return a(T);
      if (c += D, c < 512 && D) return v.read(n, d, c, d.length - c, l + c, y);
      if (l === 0 && d[0] === 31 && d[1] === 139) return a(new Error("cannot append to compressed archives"));
      if (c < 512) return a(null, l);
      let E = new F(d);
      if (!E.cksumValid) return a(null, l);
      let x = 512 * Math.ceil((E.size ?? 0) / 512);
      if (l + x + 512 > o || (l += x + 512, l >= o)) return a(null, l);
      s3.mtimeCache && E.mtime && s3.mtimeCache.set(String(E.path), E.mtime), c = 0, v.read(n, d, 0, 512, l, y);
    };
    v.read(n, d, 0, 512, l, y);
  };
  return new Promise((n, o) => {
    e.on("error", o);
    let h = "r+", a = (l, c) => {
      if (l && l.code === "ENOENT" && h === "r+") return h = "w+", v.open(s3.file, h, a);
      if (l || !c) return o(l);
      v.fstat(c, (d, y) => {
        if (d) return v.close(c, () => o(d));
        i(c, y.size, (T, D) => {
          if (T) return o(T);
          let E = new et(s3.file, { fd: c, start: D });
          e.pipe(E), E.on("error", o), E.on("close", n), _o(e, t);
        });
      });
    };
    v.open(s3.file, h, a);
  });
};
var bo = (s3, t) => {
  t.forEach((e) => {
    e.charAt(0) === "@" ? Ct({ file: Pr.resolve(s3.cwd, e.slice(1)), sync: true, noResume: true, onReadEntry: (i) => s3.add(i) }) : s3.add(e);
  }), s3.end();
};
var _o = async (s3, t) => {
  for (let e of t) e.charAt(0) === "@" ? await Ct({ file: Pr.resolve(String(s3.cwd), e.slice(1)), noResume: true, onReadEntry: (i) => s3.add(i) }) : s3.add(e);
  s3.end();
};
var vt = K(yo, go, () => {
  throw new TypeError("file is required");
}, () => {
  throw new TypeError("file is required");
}, (s3, t) => {
  if (!Bs(s3)) throw new TypeError("file is required");
  if (s3.gzip || s3.brotli || s3.zstd || s3.file.endsWith(".br") || s3.file.endsWith(".tbr")) throw new TypeError("cannot append to compressed archives");
  if (!t?.length) throw new TypeError("no paths specified to add/replace");
});
var Oo = K(vt.syncFile, vt.asyncFile, vt.syncNoFile, vt.asyncNoFile, (s3, t = []) => {
  vt.validate?.(s3, t), To(s3);
});
var To = (s3) => {
  let t = s3.filter;
  s3.mtimeCache || (s3.mtimeCache = /* @__PURE__ */ new Map()), s3.filter = t ? (e, i) => t(e, i) && !((s3.mtimeCache?.get(e) ?? i.mtime ?? 0) > (i.mtime ?? 0)) : (e, i) => !((s3.mtimeCache?.get(e) ?? i.mtime ?? 0) > (i.mtime ?? 0));
};

// src/io/cache/entry-files.ts
import { lstat, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path2 from "node:path";

// src/core/cache/prune.ts
import { createHash } from "node:crypto";
import path from "node:path";

// src/core/toolchain/goproxy.ts
function parseGoproxy(value, inputName = "goproxy") {
  const entries = [];
  const pattern = /([^,|]+)([,|]?)/g;
  for (const match of value.trim().matchAll(pattern)) {
    const url = (match[1] ?? "").trim().replace(/\/+$/, "");
    if (!url) continue;
    if (url !== "direct" && url !== "off" && !/^(https?|file):\/\/\S+$/.test(url)) {
      throw new InputError(
        inputName,
        `Entry ${JSON.stringify(url)} in ${inputName} is not a proxy URL`,
        "use URLs and the keywords direct/off separated by , or |, e.g. https://proxy.golang.org,direct"
      );
    }
    entries.push({ url, fallThrough: match[2] === "|" ? "any-error" : "not-found" });
  }
  if (entries.length === 0) {
    throw new InputError(
      inputName,
      `Input ${inputName} is empty`,
      "use e.g. https://proxy.golang.org,direct"
    );
  }
  return entries;
}
function mayFallThrough(entry, status) {
  return entry.fallThrough === "any-error" || status === 404 || status === 410;
}
function escapeModulePath(modulePath) {
  return modulePath.replace(/[A-Z]/g, (letter) => `!${letter.toLowerCase()}`);
}
function toolchainModule(goVersion, goos, goarch) {
  return { path: "golang.org/toolchain", version: `v0.0.1-go${goVersion}.${goos}-${goarch}` };
}
function moduleZipUrl(proxyUrl, module) {
  return `${proxyUrl}/${escapeModulePath(module.path)}/@v/${module.version}.zip`;
}

// src/core/cache/prune.ts
var BUILD_CACHE_BACKDATE_MS = 2 * 60 * 60 * 1e3;
var GO_MTIME_INTERVAL_MS = 60 * 60 * 1e3;
var DOWNLOAD = "cache/download";
var SUMDB = `${DOWNLOAD}/sumdb`;
var ZIP_FILES = ["zip", "ziphash", "mod", "info"];
var GO_MOD_FILES = ["mod", "info"];
var BUILD_CACHE_ENTRY = /^[0-9a-f]{2}\/[0-9a-f]+-[ad]$/;
function parseGoSum(text) {
  const zips = [];
  const goMods = [];
  for (const line of text.split("\n")) {
    const [path12, version, hash] = line.trim().split(/\s+/);
    if (!path12 || !version || !hash || !/^h\d+:/.test(hash)) continue;
    if (version.endsWith("/go.mod")) goMods.push({ path: path12, version: version.slice(0, -"/go.mod".length) });
    else zips.push({ path: path12, version });
  }
  return { zips, goMods };
}
function selectModCache(files, sums) {
  const wanted = /* @__PURE__ */ new Map();
  const want = (module, extensions) => {
    const base = `${escapeModulePath(module.path)}/@v/${escapeModulePath(module.version)}`;
    wanted.set(base, /* @__PURE__ */ new Set([...wanted.get(base) ?? [], ...extensions]));
    wanted.set(`sumdb:${escapeModulePath(module.path)}@${escapeModulePath(module.version)}`, /* @__PURE__ */ new Set());
  };
  for (const sum of sums) {
    for (const module of sum.goMods) want(module, GO_MOD_FILES);
    for (const module of sum.zips) want(module, ZIP_FILES);
  }
  const paths = [];
  const kept = /* @__PURE__ */ new Set();
  const seen = /* @__PURE__ */ new Set();
  let bytes = 0;
  for (const file of files) {
    let keep = false;
    if (file.path.startsWith(`${SUMDB}/`)) {
      const [host, kind, ...rest] = file.path.slice(SUMDB.length + 1).split("/");
      keep = host !== void 0 && (kind === "tile" || kind === "lookup" && wanted.has(`sumdb:${rest.join("/")}`));
    } else if (file.path.startsWith(`${DOWNLOAD}/`)) {
      const download = parseDownloadPath(file.path);
      if (download) {
        seen.add(download.base);
        keep = wanted.get(download.base)?.has(download.extension) ?? false;
        if (keep) kept.add(download.base);
      }
    }
    if (keep) {
      paths.push(file.path);
      bytes += file.sizeBytes;
    }
  }
  return {
    paths: paths.sort(compareCodeUnits),
    bytes,
    modulesKept: kept.size,
    modulesLeftOut: [...seen].filter((base) => !kept.has(base)).length
  };
}
function selectBuildCache(files, usedSince, restore) {
  const paths = [];
  let bytes = 0;
  let leftOut = 0;
  let restoredUnused = 0;
  for (const file of files) {
    if (!BUILD_CACHE_ENTRY.test(file.path)) continue;
    const unmarkedUse = restore?.alreadyPresent.has(file.path) === true && file.mtimeMs >= usedSince - GO_MTIME_INTERVAL_MS;
    if (file.mtimeMs >= usedSince || unmarkedUse) {
      paths.push(file.path);
      bytes += file.sizeBytes;
    } else {
      leftOut++;
      if (restore && Math.abs(file.mtimeMs - restore.backdatedTo) < 1e3) restoredUnused++;
    }
  }
  return {
    paths: paths.sort(compareCodeUnits),
    bytes,
    leftOut,
    restoredUsed: restore && restore.files > 0 ? Math.max(0, restore.files - restoredUnused) : null
  };
}
function parseDownloadPath(relative) {
  const inDownload = relative.slice(DOWNLOAD.length + 1);
  const marker = inDownload.lastIndexOf("/@v/");
  if (marker <= 0) return void 0;
  const file = inDownload.slice(marker + 4);
  const dot = file.lastIndexOf(".");
  if (file.includes("/") || dot <= 0) return void 0;
  return { base: `${inDownload.slice(0, marker)}/@v/${file.slice(0, dot)}`, extension: file.slice(dot + 1) };
}
function modCacheEntry(files, sums, sumFiles, cacheDir) {
  const chosen = selectModCache(files, sums);
  const digest = digestOf(files, chosen.paths);
  const leftOut = `${chosen.modulesLeftOut} module version(s)`;
  return {
    paths: chosen.paths,
    bytes: chosen.bytes,
    leftOut,
    restoredUsed: null,
    digest,
    summary: `GOMODCACHE entry: ${chosen.modulesKept} module version(s) that ${sumFiles.length > 0 ? sumFiles.map((file) => path.basename(file)).join(", ") : "no go.sum"} name, ${humanBytes(chosen.bytes)} in ${chosen.paths.length} files; left out ${leftOut} found in ${cacheDir} (nothing is deleted there).`
  };
}
function buildCacheEntry(files, restored, before, alreadyPresent, cacheDir) {
  const restoredFiles = before?.restoredFiles ?? 0;
  const chosen = selectBuildCache(
    files,
    // Whole seconds: some file systems keep mtimes in seconds.
    Math.floor(restored.runStartedAt / 1e3) * 1e3,
    before?.matchedKey ? {
      backdatedTo: restored.buildCacheBackdatedTo,
      files: restoredFiles,
      alreadyPresent: new Set(alreadyPresent)
    } : null
  );
  const restoredUsed = chosen.restoredUsed === null ? null : { used: chosen.restoredUsed, restored: restoredFiles };
  const usedShare = restoredUsed ? `; this run used ${restoredUsed.used} of the ${restoredUsed.restored} restored files (${Math.round(100 * restoredUsed.used / restoredUsed.restored)}%)` : "";
  return {
    paths: chosen.paths,
    bytes: chosen.bytes,
    leftOut: `${chosen.leftOut} file(s)`,
    restoredUsed,
    digest: digestOf(files, chosen.paths),
    summary: `GOCACHE entry: the ${chosen.paths.length} files this run used or wrote, ${humanBytes(chosen.bytes)}; left out ${chosen.leftOut} file(s) of ${cacheDir} it did not use (nothing is deleted there)${usedShare}.`
  };
}
function contentsDigest(files) {
  const hash = createHash("sha256");
  for (const line of files.map((file) => `${file.path} ${file.sizeBytes}`).sort()) hash.update(`${line}
`);
  return hash.digest("hex");
}
function digestOf(files, chosen) {
  const picked = new Set(chosen);
  return contentsDigest(files.filter((file) => picked.has(file.path)));
}

// src/io/cache/entry-files.ts
async function selectEntryFiles(plan, planned, before, restored) {
  if (planned.kind === "mod") {
    const sums = [];
    for (const file of plan.sumFiles) sums.push(parseGoSum(await readFile(file, "utf8")));
    const files2 = await listFiles(path2.join(planned.cacheDir, "cache", "download"), "cache/download");
    return modCacheEntry(files2, sums, plan.sumFiles, planned.cacheDir);
  }
  const files = await listFiles(planned.cacheDir, "");
  const alreadyPresent = before?.matchedKey ? await readAlreadyPresent(planned) : [];
  return buildCacheEntry(files, restored, before, alreadyPresent, planned.cacheDir);
}
async function noteAlreadyPresent(planned, names) {
  await writeFile(alreadyPresentFile(planned), JSON.stringify(names));
}
function alreadyPresentFile(planned) {
  return `${planned.archiveFile}.present.json`;
}
async function readAlreadyPresent(planned) {
  try {
    return JSON.parse(await readFile(alreadyPresentFile(planned), "utf8"));
  } catch {
    return [];
  } finally {
    await rm(alreadyPresentFile(planned), { force: true });
  }
}
async function listFiles(root, prefix) {
  const files = [];
  for await (const entry of walk(root)) {
    if (entry.isDirectory) continue;
    const stats = await lstat(entry.absolute);
    if (!stats.isFile()) continue;
    files.push({
      path: prefix ? `${prefix}/${entry.relative}` : entry.relative,
      sizeBytes: stats.size,
      mtimeMs: stats.mtimeMs
    });
  }
  return files;
}
async function* walk(root, relativeDir = "") {
  let names;
  try {
    names = await readdir(path2.join(root, relativeDir), { withFileTypes: true });
  } catch (error) {
    if (error.code === "ENOENT") return;
    throw error;
  }
  for (const dirent of names) {
    const relative = relativeDir ? `${relativeDir}/${dirent.name}` : dirent.name;
    const absolute = path2.join(root, relative);
    yield { relative, absolute, isDirectory: dirent.isDirectory() };
    if (dirent.isDirectory()) yield* walk(root, relative);
  }
}

// src/core/cache/key-match.ts
function sameKey(a, b2) {
  return a.localeCompare(b2, void 0, { sensitivity: "accent" }) === 0;
}
function entryHit(planned, matchedKey) {
  if (matchedKey === null) return "none";
  if (sameKey(matchedKey, planned.key)) return "exact";
  const runKey = `${planned.key}-run`;
  return matchedKey.length > runKey.length && sameKey(matchedKey.slice(0, runKey.length), runKey) ? "exact" : "partial";
}
function combineCacheHits(hits) {
  if (hits.length === 0 || hits.every((hit) => hit === "none")) return "none";
  return hits.every((hit) => hit === "exact") ? "exact" : "partial";
}
function cacheOutputs(plan, matched) {
  const entry = (kind) => plan.entries.find((candidate) => candidate.kind === kind);
  const matchedKey = (kind) => matched.find((candidate) => candidate.kind === kind)?.matchedKey ?? "";
  const hits = plan.entries.map((planned) => {
    const found = matched.find((candidate) => candidate.kind === planned.kind);
    return entryHit(planned, found?.matchedKey ?? null);
  });
  return {
    "cache-hit": combineCacheHits(hits),
    "cache-key": entry("mod")?.key ?? "",
    "cache-matched-key": matchedKey("mod"),
    "cache-build-key": entry("build")?.key ?? "",
    "cache-build-matched-key": matchedKey("build")
  };
}
function explainKeyDifference(planned, keyPrefix, matchedKey) {
  if (matchedKey !== null && entryHit(planned, matchedKey) === "exact") return [];
  const wanted = planned.parts;
  if (matchedKey === null) {
    return wanted.filter((part) => part.name !== "runner OS" && part.name !== "GOARCH").map((part) => ({ part: part.name, restored: "", wanted: part.value, meaning: "no entry has it yet" }));
  }
  const base = `${keyPrefix}-${planned.kind}-`;
  const restored = sameKey(matchedKey.slice(0, base.length), base) ? matchedKey.slice(base.length).split("-") : [];
  if (restored.length < wanted.length) {
    return [
      { part: "layout", restored: matchedKey, wanted: planned.key, meaning: "a key of another layout" }
    ];
  }
  return wanted.flatMap((part, index) => {
    const old = restored[index];
    if (sameKey(old, part.value)) return [];
    return [{ part: part.name, restored: old, wanted: part.value, meaning: meaningOf(part, old) }];
  });
}
function describeKeyDifference(differences) {
  return differences.map(
    (difference) => difference.restored === "" ? `${difference.part} ${difference.wanted} (${difference.meaning})` : `${difference.part} ${difference.restored} \u2192 ${difference.wanted}${difference.meaning ? ` (${difference.meaning})` : ""}`
  ).join("; ");
}
function meaningOf(part, restored) {
  if (part.name === "dependencies") return "go.sum or go.work.sum changed";
  if (part.name === "targets") return "another set of targets";
  if (part.name !== "flags") return "";
  const [oldCgo, oldTrim, oldRest] = restored.toLowerCase().split(".");
  const [cgo, trim, rest] = part.value.split(".");
  const changes = [];
  if (oldCgo !== cgo) changes.push(`CGO_ENABLED ${oldCgo?.slice(3) ?? "?"} \u2192 ${cgo?.slice(3) ?? "?"}`);
  if (oldTrim !== trim)
    changes.push(`-trimpath ${oldTrim === "trim1" ? "on" : "off"} \u2192 ${trim === "trim1" ? "on" : "off"}`);
  if (oldRest !== rest) {
    changes.push(
      "build tags, build-flags, GOFLAGS, GOEXPERIMENT or an architecture level (GOARM, GOAMD64, \u2026)"
    );
  }
  return changes.join(", ");
}

// src/io/cache/library-log.ts
var logListeners = /* @__PURE__ */ new Set();
var passThroughWrite;
async function readingLibraryLog(run) {
  let text = "";
  const listener = (chunk) => {
    text += chunk;
  };
  logListeners.add(listener);
  if (!passThroughWrite) {
    const original = process.stdout.write;
    passThroughWrite = original;
    process.stdout.write = function(chunk, ...rest) {
      const piece = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      for (const notify of logListeners) notify(piece);
      return original.call(process.stdout, chunk, ...rest);
    };
  }
  try {
    const value = await run();
    return { value, log: text.split(/\r?\n/) };
  } finally {
    logListeners.delete(listener);
    if (logListeners.size === 0 && passThroughWrite) {
      process.stdout.write = passThroughWrite;
      passThroughWrite = void 0;
    }
  }
}

// src/core/cache/outcomes.ts
var CACHE_LABELS = {
  mod: "Go module cache (GOMODCACHE)",
  build: "Go build cache (GOCACHE)"
};
function describeRestore(planned, entry, flags) {
  const took = `in ${humanDuration(entry.durationMs)}`;
  const why = entry.differences.length > 0 ? ` Differs in: ${describeKeyDifference(entry.differences)}.` : "";
  const builtWith = planned.kind === "build" ? ` Builds use ${flags}.` : "";
  if (entry.matchedKey === null) {
    return `No entry for ${planned.key} or ${planned.restoreKeys.join(", ")}${entry.error ? ` (${entry.error})` : ""}; looked ${took}.${why}${builtWith}`;
  }
  const how = entry.hit === "exact" ? "exact hit" : `partial hit for ${planned.key}`;
  const archive = entry.archiveBytes !== null ? ` from a ${humanBytes(entry.archiveBytes)} archive` : "";
  const kept = entry.entryFiles - entry.restoredFiles;
  return `Restored ${entry.matchedKey} (${how}): ${humanBytes(entry.entryBytes)} in ${entry.entryFiles} files${archive}, ${took}; wrote ${entry.restoredFiles} file(s)${kept > 0 ? `, ${kept} were already in ${planned.cacheDir} and were left as they are` : ""}.${why}${builtWith}`;
}
var CACHE_SIZE_LINE = /Cache Size: ~\d+ MB \((\d+) B\)/;
function readUploadLog(log, cacheId, saveKey) {
  const archiveBytes = archiveSize(log, /File Size: (\d+)/) ?? archiveSize(log, CACHE_SIZE_LINE);
  if (cacheId > 0) return { outcome: "saved", archiveBytes };
  if (log.some((line) => line.startsWith("Cache save skipped:"))) return { outcome: "skipped", archiveBytes };
  const reserveFailed = log.some((line) => line.includes(`Unable to reserve cache with key ${saveKey}`));
  const reason = libraryFailure(log, "Failed to reserve cache") ?? libraryFailure(log, "Failed to save");
  if (reserveFailed && reason?.includes("(409)")) return { outcome: "conflict", archiveBytes };
  if (reason && serviceUnreachable(reason)) return { outcome: "unavailable", reason, archiveBytes };
  const libraryWarned = log.some((line) => line.startsWith("::warning::") || line.startsWith("::error::"));
  return { outcome: "failed", reason, archiveBytes, libraryWarned };
}
function libraryFailure(log, prefix) {
  const lines = log.map((line) => line.replace(/^::(warning|error|debug)::/, "")).filter((line) => line.startsWith(prefix));
  const last = lines[lines.length - 1];
  return last === void 0 ? void 0 : last.slice(prefix.length).replace(/^:\s*/, "").replace(/%0A/g, " ");
}
function serviceUnreachable(reason) {
  return /Unable to make request|Failed to make request after|Failed to GetCacheEntryDownloadURL/.test(
    reason
  );
}
function archiveSize(log, pattern) {
  for (const line of log) {
    const match = pattern.exec(line);
    if (match?.[1]) return Number(match[1]);
  }
  return null;
}

// src/io/cache/save.ts
async function saveGoCaches(plan, restored) {
  if (restored.status === "disabled" || plan.entries.length === 0) return { entries: [] };
  if (restored.status === "unavailable" || !(await actionsCache()).isFeatureAvailable()) {
    const message = restored.message ?? "No cache service is configured for this job, so the Go caches are not saved.";
    info(message);
    return { entries: plan.entries.map((planned) => savedEntry(planned, "unavailable", message)) };
  }
  const entries = [];
  let unavailable;
  for (const planned of plan.entries) {
    if (unavailable) {
      entries.push(savedEntry(planned, "unavailable", unavailable));
      continue;
    }
    startGroup(`Save ${CACHE_LABELS[planned.kind]}`);
    try {
      const saved = await saveAllowedEntry(plan, planned, restored);
      entries.push(saved);
      if (saved.outcome === "unavailable") unavailable = saved.message;
    } finally {
      endGroup();
    }
  }
  return { entries };
}
function savedEntry(planned, outcome, message, measured) {
  return {
    kind: planned.kind,
    key: planned.saveKey,
    outcome,
    durationMs: measured ? Date.now() - measured.started : 0,
    selectedFiles: measured ? measured.selected.paths.length : null,
    selectedBytes: measured ? measured.selected.bytes : null,
    leftOut: measured ? measured.selected.leftOut : null,
    restoredUsed: measured ? measured.selected.restoredUsed : null,
    archiveBytes: measured?.archiveBytes ?? null,
    message
  };
}
async function saveAllowedEntry(plan, planned, restored) {
  const before = restored.entries.find((entry) => entry.kind === planned.kind);
  const started = Date.now();
  const selected = await selectEntryFiles(plan, planned, before, restored);
  info(selected.summary);
  const label = CACHE_LABELS[planned.kind];
  if (plan.cacheSave === "never") {
    const message = `${label} is not saved: cache-save is never.`;
    info(message);
    return savedEntry(planned, "disabled", message, { selected, started });
  }
  if (plan.cacheSave === "auto" && before?.hit === "exact") {
    const message = `${label} was restored from its own key ${before.matchedKey ?? planned.key}; nothing to save (cache-save: auto).`;
    info(message);
    return savedEntry(planned, "exact-hit", message, { selected, started });
  }
  return saveEntry(planned, before, { selected, started });
}
async function saveEntry(planned, before, measured) {
  const cache = await actionsCache();
  const { selected } = measured;
  if (selected.paths.length === 0) {
    const message = `${CACHE_LABELS[planned.kind]} has nothing this module needs; nothing to save.`;
    info(message);
    return savedEntry(planned, "empty", message, measured);
  }
  if (before?.matchedKey && before.contentsDigest === selected.digest) {
    const message = `${CACHE_LABELS[planned.kind]} would hold what was restored from ${before.matchedKey}; not saving ${planned.saveKey}.`;
    info(message);
    return savedEntry(planned, "unchanged", message, measured);
  }
  const lookup = await readingLibraryLog(
    () => cache.restoreCache([planned.archiveFile], planned.saveKey, [], { lookupOnly: true })
  );
  if (lookup.value !== void 0 && sameKey(lookup.value, planned.saveKey)) {
    const message = `Another job already saved ${planned.saveKey}; not saving it again.`;
    notice(message);
    return savedEntry(planned, "conflict", message, measured);
  }
  const lookupFailure = lookup.value === void 0 ? libraryFailure(lookup.log, "Failed to restore") : void 0;
  if (lookupFailure && serviceUnreachable(lookupFailure))
    return unreachable(planned, lookupFailure, measured);
  return uploadEntry(planned, measured);
}
async function uploadEntry(planned, measured) {
  const cache = await actionsCache();
  const { selected, started } = measured;
  await mkdir(path3.dirname(planned.archiveFile), { recursive: true });
  let saving;
  try {
    await Qn({ file: planned.archiveFile, cwd: planned.cacheDir, portable: true }, selected.paths);
    saving = await readingLibraryLog(() => cache.saveCache([planned.archiveFile], planned.saveKey));
  } finally {
    await rm2(planned.archiveFile, { force: true });
  }
  const upload = readUploadLog(saving.log, saving.value, planned.saveKey);
  const label = CACHE_LABELS[planned.kind];
  switch (upload.outcome) {
    case "saved": {
      const { archiveBytes } = upload;
      const message = `Saved ${label} as ${planned.saveKey}: ${humanBytes(selected.bytes)} in ${selected.paths.length} files${archiveBytes !== null ? `, archive ${humanBytes(archiveBytes)}` : ""}, in ${humanDuration(Date.now() - started)}.`;
      info(message);
      return savedEntry(planned, "saved", message, { ...measured, archiveBytes });
    }
    case "skipped":
      return savedEntry(
        planned,
        "skipped",
        `The cache mode does not allow saving ${planned.saveKey}.`,
        measured
      );
    case "conflict": {
      const message = `Another job is saving or has saved ${planned.saveKey}; not saving it again.`;
      notice(message);
      return savedEntry(planned, "conflict", message, measured);
    }
    case "unavailable":
      return unreachable(planned, upload.reason, measured);
    case "failed": {
      const message = `Could not save ${label} as ${planned.saveKey}: ${upload.reason ?? "see the log above"}. The next run restores an older entry or none.`;
      if (upload.libraryWarned) info(message);
      else warning(message);
      return savedEntry(planned, "failed", message, { ...measured, archiveBytes: upload.archiveBytes });
    }
  }
}
function unreachable(planned, reason, measured) {
  const message = `The cache service stopped answering (${reason}); the Go caches are not saved in this run.`;
  notice(message);
  return savedEntry(planned, "unavailable", message, measured);
}

// src/io/cache/go-caches.ts
import { createHash as createHash3 } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat as lstat2 } from "node:fs/promises";
import path7 from "node:path";
import { pipeline } from "node:stream/promises";

// src/core/cache/dependency-paths.ts
import path4 from "node:path";
var DEFAULT_DEPENDENCY_PATTERNS = ["**/go.sum", "**/go.work.sum"];
function dependencyFilePatterns(input, workingDirectory, cacheDirs = []) {
  const given = input.split(/[\n,]/).map((pattern) => pattern.trim()).filter(Boolean);
  const patterns = (given.length > 0 ? given : DEFAULT_DEPENDENCY_PATTERNS).map((pattern) => {
    const negated = pattern.startsWith("!");
    const body = negated ? pattern.slice(1) : pattern;
    return `${negated ? "!" : ""}${path4.resolve(workingDirectory, body)}`;
  });
  for (const dir of cacheDirs) {
    const relative = path4.relative(workingDirectory, dir);
    if (dir && relative && !relative.startsWith("..") && !path4.isAbsolute(relative)) {
      patterns.push(`!${path4.resolve(dir)}/**`);
    }
  }
  return patterns;
}
function isSumFile(relative) {
  return /(^|\/)go\.(work\.)?sum$/.test(relative);
}
function toSlashes(relative) {
  return relative.split(path4.sep).join("/");
}

// src/core/cache/keys.ts
import { createHash as createHash2 } from "node:crypto";
import path5 from "node:path";

// src/core/cache/inputs.ts
var DEFAULT_CACHE_KEY_PREFIX = "setup-go-arm64";
var MAX_KEY_LENGTH = 512;
var MAX_PREFIX_LENGTH = 256;
function validateKeyPrefix(prefix) {
  const trimmed = prefix.trim();
  if (trimmed === "") return DEFAULT_CACHE_KEY_PREFIX;
  if (trimmed.length > MAX_PREFIX_LENGTH || /[,\s]/.test(trimmed)) {
    throw new InputError(
      "cache-key-prefix",
      `Input cache-key-prefix is ${JSON.stringify(prefix)}, which cannot start a cache key (keys allow no commas or spaces and at most ${MAX_KEY_LENGTH} characters)`,
      `use a short word without commas or spaces, e.g. ${DEFAULT_CACHE_KEY_PREFIX}-v2`
    );
  }
  return trimmed;
}
function parseCacheSave(value) {
  const normalized = value.trim().toLowerCase() || "auto";
  if (normalized === "auto" || normalized === "always" || normalized === "never") return normalized;
  throw new InputError(
    "cache-save",
    `Input cache-save is ${JSON.stringify(value)}`,
    "use auto (save after a miss or a partial hit), always (save whenever the contents changed, even after an exact hit) or never (restore only)"
  );
}

// src/core/cache/keys.ts
var NO_DEPENDENCIES = "none";
function digestDependencyFiles(files) {
  if (files.length === 0) return NO_DEPENDENCIES;
  const hash = createHash2("sha256");
  for (const file of [...files].sort((a, b2) => compareCodeUnits(a.path, b2.path))) {
    hash.update(`${file.path}\0${file.sha256}
`);
  }
  return hash.digest("hex");
}
function targetsDigest(targets) {
  const unique = [...new Set(targets.map((target) => target.trim()).filter(Boolean))].sort(compareCodeUnits);
  if (unique.length === 0) return "none";
  const digest = createHash2("sha256").update(unique.join("\n")).digest("hex").slice(0, 8);
  return `t${unique.length}.${digest}`;
}
var BUILD_KEY_ENV = [
  "GOFLAGS",
  "GOEXPERIMENT",
  "GOARM",
  "GOARM64",
  "GOAMD64",
  "GO386",
  "GOMIPS",
  "GOMIPS64",
  "GOPPC64",
  "GORISCV64"
];
function buildFlagsDigest(flags) {
  const env = BUILD_KEY_ENV.filter((name) => flags.env[name]).map((name) => `${name}=${flags.env[name]}`);
  const rest = JSON.stringify({
    tags: [...new Set(flags.tags)].sort(compareCodeUnits),
    flags: flags.buildFlags,
    env
  });
  const digest = createHash2("sha256").update(rest).digest("hex").slice(0, 8);
  return `cgo${flags.cgo ? 1 : 0}.trim${flags.trimpath ? 1 : 0}.${digest}`;
}
function describeBuildFlags(flags) {
  const words = [`CGO_ENABLED=${flags.cgo ? 1 : 0}`];
  if (flags.trimpath) words.push("-trimpath");
  if (flags.tags.length > 0) words.push(`-tags=${flags.tags.join(",")}`);
  words.push(...flags.buildFlags);
  for (const name of BUILD_KEY_ENV) if (flags.env[name]) words.push(`${name}=${flags.env[name]}`);
  return words.join(" ");
}
function planGoCaches(input) {
  const prefix = validateKeyPrefix(input.keyPrefix);
  const os2 = keyPart("runner OS", input.runnerOs);
  const arch = keyPart("GOHOSTARCH", input.goHostArch);
  const goVersion = keyPart("Go version", input.goVersion.replace(/^go/, ""));
  const hash = digestDependencyFiles(input.dependencyFiles);
  const targets = targetsDigest(input.targets);
  const flags = buildFlagsDigest(input.flags);
  const naming = {
    prefix,
    stamp: keyPart("run stamp", input.runStamp),
    always: input.cacheSave === "always",
    stagingDir: input.stagingDir
  };
  const entries = [];
  if (input.cache) {
    const platform = [
      { name: "runner OS", value: os2 },
      { name: "GOARCH", value: arch }
    ];
    entries.push(
      planEntry(naming, "mod", [...platform, { name: "dependencies", value: hash }], input.modCacheDir)
    );
    if (input.cacheBuild) {
      const parts = [
        ...platform,
        { name: "Go version", value: `go${goVersion}` },
        { name: "flags", value: flags },
        { name: "targets", value: targets },
        { name: "dependencies", value: hash }
      ];
      entries.push(planEntry(naming, "build", parts, input.buildCacheDir));
    }
  }
  for (const planned of entries) {
    for (const key of [planned.saveKey, ...planned.restoreKeys]) {
      if (key.length > MAX_KEY_LENGTH)
        throw new Error(`Cache key ${key} is longer than ${MAX_KEY_LENGTH} characters`);
    }
  }
  return {
    entries,
    cacheSave: input.cacheSave,
    keyPrefix: prefix,
    modCacheDir: input.modCacheDir,
    buildCacheDir: input.buildCacheDir,
    sumFiles: [...new Set(input.sumFiles)].sort(compareCodeUnits),
    dependencyFiles: input.dependencyFiles.map((file) => path5.resolve(input.workingDirectory, file.path)),
    flagsDescription: describeBuildFlags(input.flags)
  };
}
function planEntry(naming, kind, parts, cacheDir) {
  const base = `${naming.prefix}-${kind}-`;
  const values = parts.map((part) => part.value);
  const key = base + values.join("-");
  const kept = kind === "mod" ? 2 : 3;
  const restoreKeys = [];
  for (let length = values.length - 1; length >= kept; length--) {
    restoreKeys.push(`${base}${values.slice(0, length).join("-")}-`);
  }
  const saveKey = naming.always ? `${key}-run${naming.stamp}` : key;
  const archiveName = `${kind}-${createHash2("sha256").update(cacheDir).digest("hex").slice(0, 16)}.tar`;
  return {
    kind,
    key,
    lookupKey: saveKey,
    // Servers prefer an entry whose key equals a restore key over newer ones it prefixes, so the per-run
    // entries are asked for first.
    restoreKeys: naming.always ? [`${key}-run`, key, ...restoreKeys] : restoreKeys,
    saveKey,
    parts,
    cacheDir,
    archiveFile: path5.join(naming.stagingDir, archiveName)
  };
}
function keyPart(name, value) {
  if (!/^[A-Za-z0-9._+]+$/.test(value)) {
    throw new Error(`The ${name} ${JSON.stringify(value)} cannot be part of a cache key`);
  }
  return value;
}

// src/io/platform/process.ts
import { spawn } from "node:child_process";

// src/core/platform/child-env.ts
var GO_SETTING = /^GO[A-Z0-9]*$/;
var ALLOWED_PREFIXES = ["CGO_", "LC_"];
var ALLOWED_NAMES = new Set(
  [
    "PATH",
    "HOME",
    "USER",
    "LOGNAME",
    "SHELL",
    "LANG",
    "LANGUAGE",
    "TZ",
    "TERM",
    "TMPDIR",
    "TEMP",
    "TMP",
    "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "NO_PROXY",
    "ALL_PROXY",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "CC",
    "CXX",
    "AR",
    "FC",
    "PKG_CONFIG",
    "PKG_CONFIG_PATH",
    "SOURCE_DATE_EPOCH",
    "DEVELOPER_DIR",
    "SDKROOT",
    "MACOSX_DEPLOYMENT_TARGET",
    "SYSTEMROOT",
    "WINDIR",
    "COMSPEC",
    "PATHEXT",
    "SYSTEMDRIVE",
    "USERPROFILE",
    "APPDATA",
    "LOCALAPPDATA",
    "PROGRAMDATA",
    "PROGRAMFILES",
    "PROGRAMFILES(X86)",
    "HOMEDRIVE",
    "HOMEPATH",
    "NUMBER_OF_PROCESSORS",
    "PROCESSOR_ARCHITECTURE"
  ].map((name) => name.toUpperCase())
);
function childMaySee(name) {
  const upper = name.toUpperCase();
  return GO_SETTING.test(name) || ALLOWED_NAMES.has(upper) || ALLOWED_PREFIXES.some((prefix) => upper.startsWith(prefix));
}
function childEnv(env) {
  const allowed = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== void 0 && childMaySee(name)) allowed[name] = value;
  }
  return allowed;
}

// src/core/platform/command-text.ts
function shellWord(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
function displayCommand(command, args) {
  return [command, ...args].map(shellWord).join(" ");
}

// src/io/platform/process.ts
var DEFAULT_OUTPUT_CAP_BYTES = 64 * 1024 * 1024;
var KILL_GRACE_MS = 2e3;
var CommandError = class extends Error {
  command;
  args;
  exitCode;
  stdout;
  stderr;
  timedOut;
  constructor(command, args, result, message) {
    super(message);
    this.name = "CommandError";
    this.command = command;
    this.args = args;
    this.exitCode = result.exitCode;
    this.stdout = result.stdout;
    this.stderr = result.stderr;
    this.timedOut = result.timedOut;
  }
};
var Capture = class {
  constructor(cap) {
    this.cap = cap;
  }
  cap;
  chunks = [];
  bytes = 0;
  truncated = false;
  /** The part of `chunk` that fits under the cap (empty once it is full). */
  keep(chunk) {
    const room = Math.max(0, this.cap - this.bytes);
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (kept.length < chunk.length) this.truncated = true;
    this.bytes += kept.length;
    if (kept.length > 0) this.chunks.push(kept);
    return kept;
  }
  text() {
    return Buffer.concat(this.chunks).toString("utf8");
  }
};
function startChild(command, args, options) {
  return spawn(command, [...args], {
    ...options.cwd !== void 0 ? { cwd: options.cwd } : {},
    env: childEnv(options.env),
    stdio: ["ignore", "pipe", "pipe"],
    windowsHide: true
  });
}
function killAfter(child, timeoutMs, onTimeout) {
  let grace;
  const timer = setTimeout(() => {
    onTimeout();
    const stopReading = () => {
      child.stdout?.destroy();
      child.stderr?.destroy();
    };
    if (child.exitCode !== null || child.signalCode !== null) stopReading();
    else child.once("exit", stopReading);
    child.kill("SIGTERM");
    grace = setTimeout(() => child.kill("SIGKILL"), KILL_GRACE_MS);
  }, timeoutMs);
  return () => {
    clearTimeout(timer);
    clearTimeout(grace);
  };
}
function execute(command, args, options) {
  const started = process.hrtime.bigint();
  const cap = options.maxOutputBytes ?? DEFAULT_OUTPUT_CAP_BYTES;
  const out = new Capture(cap);
  const err = new Capture(cap);
  const both = [];
  let timedOut = false;
  let disarm = () => {
  };
  return new Promise((resolve) => {
    let settled = false;
    const finish = (exitCode, signal, startError) => {
      if (settled) return;
      settled = true;
      disarm();
      const result = {
        exitCode,
        signal,
        stdout: out.text(),
        stderr: err.text(),
        output: Buffer.concat(both).toString("utf8"),
        ms: Math.max(1, Math.round(Number(process.hrtime.bigint() - started) / 1e6)),
        timedOut,
        truncated: out.truncated || err.truncated
      };
      const ended = startError ? { result, startError } : { result };
      logEnd(command, args, options, ended);
      resolve(ended);
    };
    let child;
    try {
      child = startChild(command, args, options);
    } catch (error) {
      finish(null, null, error);
      return;
    }
    child.stdout?.on("data", (chunk) => both.push(out.keep(chunk)));
    child.stderr?.on("data", (chunk) => both.push(err.keep(chunk)));
    if (options.timeoutMs !== void 0) {
      disarm = killAfter(child, options.timeoutMs, () => timedOut = true);
    }
    child.on("error", (error) => {
      if (child.pid === void 0) finish(null, null, error);
    });
    child.on("close", (code, signal) => finish(code, signal));
  });
}
function abnormalEnd({ result, startError }, options) {
  if (startError) return `did not start: ${startError.message}`;
  if (result.timedOut) return `timed out after ${options.timeoutMs} ms`;
  if (result.truncated)
    return `printed more than ${options.maxOutputBytes ?? DEFAULT_OUTPUT_CAP_BYTES} bytes`;
  if (result.signal) return `killed by ${result.signal}`;
  return void 0;
}
function logEnd(command, args, options, ended) {
  if (!isDebug()) return;
  const where = options.cwd !== void 0 ? ` in ${options.cwd}` : "";
  const how = abnormalEnd(ended, options) ?? `exit ${ended.result.exitCode}`;
  debug(`${displayCommand(command, args)}${where}: ${how} after ${ended.result.ms} ms`);
}
var runCommand = async (command, args, options) => {
  const { result, startError } = await execute(command, args, options);
  if (!startError) return result;
  const note = `failed to start ${command}: ${startError.message}
`;
  return { ...result, stderr: result.stderr + note, output: result.output + note };
};
var runChecked = async (command, args, options) => {
  const ended = await execute(command, args, options);
  const { result } = ended;
  if (!ended.startError && result.exitCode === 0 && !result.timedOut && !result.truncated) return result;
  const reason = abnormalEnd(ended, options);
  const message = `Command failed: ${displayCommand(command, args)}${reason ? ` (${reason})` : ""}
${result.stderr}`;
  throw new CommandError(command, args, result, message);
};

// src/io/cache/restore.ts
import { existsSync } from "node:fs";
import { lutimes, mkdir as mkdir2, rm as rm3 } from "node:fs/promises";
import path6 from "node:path";
async function restoreGoCaches(plan) {
  const runStartedAt = Date.now();
  const buildCacheBackdatedTo = runStartedAt - BUILD_CACHE_BACKDATE_MS;
  const finish = (status, entries2, message) => {
    const outputs = cacheOutputs(plan, entries2);
    return {
      status,
      cacheHit: outputs["cache-hit"],
      entries: entries2,
      outputs,
      runStartedAt,
      buildCacheBackdatedTo,
      ...message ? { message } : {}
    };
  };
  if (plan.entries.length === 0) return finish("disabled", []);
  const cache = await actionsCache();
  if (!cache.isFeatureAvailable()) {
    const message = "No cache service is configured for this job, so the Go caches are neither restored nor saved.";
    notice(message);
    return finish("unavailable", [], message);
  }
  const entries = [];
  for (const planned of plan.entries) {
    startGroup(`Restore ${CACHE_LABELS[planned.kind]}`);
    try {
      const entry = await restoreEntry(plan, planned, buildCacheBackdatedTo);
      if ("unreachable" in entry) {
        const message = `The cache service stopped answering (${entry.unreachable}); the Go caches are not restored or saved in this run.`;
        notice(message);
        return finish("unavailable", entries, message);
      }
      entries.push(entry);
      info(describeRestore(planned, entry, plan.flagsDescription));
    } finally {
      endGroup();
    }
  }
  return finish("attempted", entries);
}
async function restoreEntry(plan, planned, buildCacheBackdatedTo) {
  const cache = await actionsCache();
  const started = Date.now();
  await mkdir2(path6.dirname(planned.archiveFile), { recursive: true });
  await rm3(planned.archiveFile, { force: true });
  const { value, log } = await readingLibraryLog(
    () => cache.restoreCache([planned.archiveFile], planned.lookupKey, [...planned.restoreKeys])
  );
  let matchedKey = value ?? null;
  let failure = value === void 0 ? libraryFailure(log, "Failed to restore") : void 0;
  if (failure && serviceUnreachable(failure)) return { unreachable: failure };
  let unpacked = { files: 0, bytes: 0, written: 0, digest: null };
  if (matchedKey !== null) {
    try {
      unpacked = await unpackEntry(planned, planned.kind === "build" ? buildCacheBackdatedTo : void 0);
    } catch (error) {
      failure = `the archive of ${matchedKey} is unreadable: ${error.message}`;
      warning(
        `Could not restore ${CACHE_LABELS[planned.kind]}: ${failure}. The build starts without it.`
      );
      matchedKey = null;
    }
  }
  await rm3(planned.archiveFile, { force: true });
  return {
    kind: planned.kind,
    key: planned.key,
    matchedKey,
    hit: entryHit(planned, matchedKey),
    differences: explainKeyDifference(planned, plan.keyPrefix, matchedKey),
    durationMs: Date.now() - started,
    archiveBytes: matchedKey === null ? null : archiveSize(log, CACHE_SIZE_LINE),
    entryFiles: unpacked.files,
    entryBytes: unpacked.bytes,
    restoredFiles: unpacked.written,
    contentsDigest: unpacked.digest,
    ...failure ? { error: failure } : {}
  };
}
async function unpackEntry(planned, backdateTo) {
  const listed = [];
  const written = [];
  await mkdir2(planned.cacheDir, { recursive: true });
  try {
    await So({
      file: planned.archiveFile,
      cwd: planned.cacheDir,
      strict: true,
      keep: true,
      filter: (name, entry) => {
        if (!("type" in entry) || entry.type !== "File") return false;
        listed.push({ path: name, sizeBytes: entry.size ?? 0 });
        if (existsSync(path6.join(planned.cacheDir, name))) return false;
        written.push(name);
        return true;
      }
    });
  } catch (error) {
    for (const name of written) await rm3(path6.join(planned.cacheDir, name), { force: true });
    throw error;
  }
  if (backdateTo !== void 0) {
    const when = new Date(backdateTo);
    for (const name of written) await lutimes(path6.join(planned.cacheDir, name), when, when);
    const fresh = new Set(written);
    await noteAlreadyPresent(
      planned,
      listed.map((file) => file.path).filter((name) => !fresh.has(name))
    );
  }
  return {
    files: listed.length,
    bytes: listed.reduce((sum, file) => sum + file.sizeBytes, 0),
    written: written.length,
    digest: listed.length > 0 ? contentsDigest(listed) : null
  };
}

// src/io/cache/go-caches.ts
async function prepareGoCaches(inputs) {
  const { dependencyPath, ...rest } = inputs;
  if (!inputs.cache) return planGoCaches({ ...rest, dependencyFiles: [], sumFiles: [] });
  const dependencyFiles = await dependencyFilesFor(dependencyPath, inputs.workingDirectory, [
    inputs.modCacheDir,
    inputs.buildCacheDir
  ]);
  const sumFiles = dependencyFiles.filter((file) => isSumFile(file.path)).map((file) => path7.resolve(inputs.workingDirectory, file.path));
  for (const name of ["go.sum", "go.work.sum"]) {
    const own = path7.join(inputs.workingDirectory, name);
    const info2 = await lstat2(own).catch(() => void 0);
    if (info2?.isFile() && !sumFiles.includes(own)) sumFiles.push(own);
  }
  return planGoCaches({ ...rest, dependencyFiles, sumFiles });
}
async function buildKeyEnvironment(goBinary) {
  const env = {};
  for (const name of BUILD_KEY_ENV) {
    const value = process.env[name]?.trim();
    if (value) env[name] = value;
  }
  const { stdout } = await runChecked(goBinary, ["env", "-json", "GOFLAGS", "GOEXPERIMENT"], {
    env: { ...process.env, GOTOOLCHAIN: "local" },
    timeoutMs: 6e4
  });
  for (const [name, value] of Object.entries(JSON.parse(stdout))) {
    if (value.trim()) env[name] = value.trim();
    else delete env[name];
  }
  return env;
}
async function dependencyFilesFor(dependencyPath, workingDirectory, cacheDirs = []) {
  const patterns = dependencyFilePatterns(dependencyPath, workingDirectory, cacheDirs);
  const dependencyFiles = await findDependencyFiles(patterns, workingDirectory);
  if (dependencyFiles.length === 0 && dependencyPath.trim() !== "") {
    throw new InputError(
      "cache-dependency-path",
      `Input cache-dependency-path is ${JSON.stringify(dependencyPath)}, which matches no file under ${workingDirectory}`,
      "name your go.sum files, e.g. go.sum or **/go.sum (relative to working-directory)"
    );
  }
  return dependencyFiles;
}
var MAX_DEPENDENCY_FILE_BYTES = 64 * 1024 * 1024;
async function findDependencyFiles(patterns, workingDirectory) {
  const glob = await import("./glob-GAFFHTHU.js");
  const globber = await glob.create(patterns.join("\n"), {
    matchDirectories: false,
    followSymbolicLinks: false
  });
  const files = [...new Set(await globber.glob())].sort();
  const hashed = [];
  for (const file of files) {
    const relative = toSlashes(path7.relative(workingDirectory, file));
    const info2 = await lstat2(file);
    if (!info2.isFile()) {
      warning(
        `Leaving ${relative} out of the cache key: it is ${info2.isSymbolicLink() ? "a symlink" : "not a regular file"}.`
      );
      continue;
    }
    if (info2.size > MAX_DEPENDENCY_FILE_BYTES) {
      throw new InputError(
        "cache-dependency-path",
        `${relative} is ${info2.size} bytes, over the ${MAX_DEPENDENCY_FILE_BYTES}-byte limit for a dependency file`,
        "point cache-dependency-path at your go.sum and go.work.sum files"
      );
    }
    const hash = createHash3("sha256");
    await pipeline(createReadStream(file), hash);
    hashed.push({ path: relative, sha256: hash.digest("hex") });
  }
  return hashed;
}

// src/core/cache/summary.ts
var LABELS = { mod: "GOMODCACHE", build: "GOCACHE" };
function size(bytes) {
  return bytes === null ? "\u2014" : humanBytes(bytes);
}
function renderCacheRestoreSection(restored, flagsDescription = "") {
  if (restored.status !== "attempted") {
    return `### Caches

${cell(restored.message ?? `Caching ${restored.status}.`)}
`;
  }
  return [
    `### Caches: ${restored.cacheHit} hit`,
    "",
    "| Cache | Key | Restored from | Differs in | Restored | Archive | Time |",
    "| --- | --- | --- | --- | ---: | ---: | ---: |",
    ...restored.entries.map((entry) => {
      const from = entry.matchedKey ? `\`${cell(entry.matchedKey)}\` (${entry.hit})` : "miss";
      const differs = entry.differences.length > 0 ? cell(describeKeyDifference(entry.differences)) : "\u2014";
      const files = entry.matchedKey ? `${humanBytes(entry.entryBytes)} in ${entry.entryFiles} files` : "\u2014";
      return `| ${LABELS[entry.kind] ?? entry.kind} | \`${cell(entry.key)}\` | ${from} | ${differs} | ${files} | ${size(entry.archiveBytes)} | ${humanDuration(entry.durationMs)} |`;
    }),
    ...flagsDescription ? ["", `Builds use ${cell(flagsDescription)}.`] : [],
    ""
  ].join("\n");
}
function renderCacheSaveSection(saved) {
  return [
    "### Caches saved",
    "",
    "| Cache | Key | Outcome | Entry holds | Left out | Restored files used | Uploaded | Time |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ...saved.entries.map((entry) => {
      const holds = entry.selectedFiles === null ? "\u2014" : `${humanBytes(entry.selectedBytes ?? 0)} in ${entry.selectedFiles} files`;
      const used = entry.restoredUsed ? `${entry.restoredUsed.used} of ${entry.restoredUsed.restored} (${Math.round(100 * entry.restoredUsed.used / Math.max(1, entry.restoredUsed.restored))}%)` : "\u2014";
      const uploaded = entry.outcome === "saved" ? size(entry.archiveBytes) : "0 B";
      return `| ${LABELS[entry.kind] ?? entry.kind} | \`${cell(entry.key)}\` | ${entry.outcome} | ${holds} | ${entry.leftOut ?? "\u2014"} | ${used} | ${uploaded} | ${humanDuration(entry.durationMs)} |`;
    }),
    ""
  ].join("\n");
}

// src/core/state.ts
var CACHE_STATE = "go-caches";
var REPORT_FILE_STATE = "report-file";
var COMMENT_HEADER_STATE = "comment-header";
var UNTRUSTED_CHECKOUT_STATE = "untrusted-checkout";

// src/core/compare/baselines.ts
var RELEASE_KEY_PREFIX = "go-size-release-";
var HISTORY_KEY_PREFIX = "go-size-history-";
var MAX_HISTORY_POINTS = 10;
var TAG_KEY_CHARACTER = /[A-Za-z0-9._+/-]/;
var MAX_TAG_KEY_CHARS = 200;
function releaseReportKey(tag) {
  const safe = [...tag].map((c) => TAG_KEY_CHARACTER.test(c) ? c : "_").join("");
  return `${RELEASE_KEY_PREFIX}${safe.slice(0, MAX_TAG_KEY_CHARS)}`;
}
function releaseTagOfKey(key) {
  return key.startsWith(RELEASE_KEY_PREFIX) ? key.slice(RELEASE_KEY_PREFIX.length) : key;
}
function historyKey(commit) {
  return `${HISTORY_KEY_PREFIX}${commit}`;
}
function readReleaseRun(eventName, payload) {
  const event = payload ?? {};
  if (eventName === "push" && event.ref?.startsWith("refs/tags/"))
    return { tag: event.ref.slice("refs/tags/".length), visibleToPullRequests: false };
  if (eventName === "release" && event.release?.tag_name)
    return { tag: event.release.tag_name, visibleToPullRequests: false };
  const run = event.workflow_run;
  if (eventName === "workflow_run" && run?.event === "release" && run.head_branch)
    return { tag: run.head_branch, visibleToPullRequests: true };
  return void 0;
}
var HISTORY_SCHEMA = "setup-go-arm64/size-history";
function historyPoint(report) {
  return {
    commit: report.commit,
    sizes: Object.fromEntries(report.targets.map((t) => [rowKey(t), t.sizeBytes]))
  };
}
function appendToHistory(previous, report) {
  const point = historyPoint(report);
  const kept = (previous?.points ?? []).filter((p2) => point.commit === null || p2.commit !== point.commit);
  return { schema: HISTORY_SCHEMA, version: 1, points: [...kept, point].slice(-MAX_HISTORY_POINTS) };
}
var FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
function parseHistory(json, source) {
  const bad = (why) => {
    throw new Error(`${source} is not a size history: ${why}`);
  };
  const history = json;
  if (typeof history !== "object" || history === null) return bad("it is not a JSON object");
  if (history.schema !== HISTORY_SCHEMA || history.version !== 1)
    bad(`its schema is not ${HISTORY_SCHEMA} v1`);
  if (!Array.isArray(history.points) || history.points.length > MAX_HISTORY_POINTS)
    bad(`points is not a list of at most ${MAX_HISTORY_POINTS}`);
  const points = history.points.map((raw, i) => {
    const point = raw;
    if (typeof point !== "object" || point === null) return bad(`points[${i}] is not an object`);
    if (point.commit !== null && (typeof point.commit !== "string" || !FULL_SHA.test(point.commit)))
      bad(`points[${i}].commit is not a full commit SHA or null`);
    const sizes = point.sizes;
    if (typeof sizes !== "object" || sizes === null || Array.isArray(sizes))
      bad(`points[${i}].sizes is not an object`);
    for (const [key, bytes] of Object.entries(sizes))
      if (!Number.isSafeInteger(bytes) || bytes < 0)
        bad(`points[${i}].sizes[${JSON.stringify(key)}] is not a size in bytes`);
    return { commit: point.commit, sizes };
  });
  return { schema: HISTORY_SCHEMA, version: 1, points };
}
function targetTrends(history, head) {
  return head.targets.flatMap((t) => {
    const key = rowKey(t);
    const sizes = history.points.map((p2) => p2.sizes[key] ?? null);
    if (sizes.every((s3) => s3 === null)) return [];
    const target = targetName({
      goos: t.goos,
      goarch: t.goarch,
      ...t.variant ? { variant: t.variant } : {}
    });
    return [{ key, target, package: t.package, history: sizes, head: t.sizeBytes }];
  });
}
var SPARK_BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
function sparkline(values) {
  const known = values.filter((v2) => v2 !== null);
  if (known.length === 0) return "";
  const low = Math.min(...known);
  const span = Math.max(...known) - low;
  return values.map((v2) => {
    if (v2 === null) return "\xB7";
    const level = span === 0 ? 0 : Math.round((v2 - low) / span * (SPARK_BARS.length - 1));
    return SPARK_BARS[level];
  }).join("");
}
function combineVerdicts(base, release, baseHasLimits) {
  if (!release) return base;
  if (!release.regression) return baseHasLimits || base.regression ? base : release;
  if (!base.regression) return release;
  return {
    regression: true,
    breaches: [...base.breaches, ...release.breaches].sort((a, b2) => b2.overBy - a.overBy),
    message: `${base.message} Against the release: ${release.message}`
  };
}

// src/core/compare/base-report-inputs.ts
import path8 from "node:path";
var REPORT_CACHE_KEY_PREFIX = "go-size-report-";
function parseBaseReportSetting(value, workspace) {
  const trimmed = value.trim();
  if (trimmed === "" || trimmed.toLowerCase() === "auto") return { kind: "auto" };
  if (trimmed.toLowerCase() === "none") return { kind: "none" };
  return { kind: "file", path: path8.resolve(workspace, trimmed) };
}
function readPullRequestEvent(eventName, payload) {
  if (eventName !== "pull_request" && eventName !== "pull_request_target") return void 0;
  const event = payload;
  const pr2 = event.pull_request;
  const owner = event.repository?.owner?.login;
  const repo = event.repository?.name;
  if (!pr2?.number || !pr2.base?.sha || !pr2.head?.sha || !owner || !repo) return void 0;
  const headRepo = pr2.head.repo?.full_name;
  return {
    owner,
    repo,
    number: pr2.number,
    baseSha: pr2.base.sha,
    headSha: pr2.head.sha,
    fromFork: !headRepo || headRepo !== pr2.base.repo?.full_name
  };
}
function isDefaultBranchPush(eventName, payload) {
  const event = payload;
  return eventName === "push" && !!event.repository?.default_branch && event.ref === `refs/heads/${event.repository.default_branch}`;
}
function reportCacheKey(commit) {
  return `${REPORT_CACHE_KEY_PREFIX}${commit}`;
}
function reportCacheFile(temp, header) {
  return path8.join(temp, "setup-go-arm64", "size-report", `${headerSlug(header)}.json`);
}

// src/io/github/base-report.ts
import { mkdir as mkdir4, mkdtemp, rm as rm5 } from "node:fs/promises";
import path10 from "node:path";

// src/io/github/cache-entry.ts
import { mkdir as mkdir3, readFile as readFile2, rm as rm4, writeFile as writeFile2 } from "node:fs/promises";
import path9 from "node:path";
async function saveJsonEntry(file, key, data, what) {
  const cache = await actionsCache();
  try {
    await mkdir3(path9.dirname(file), { recursive: true });
    await writeFile2(file, JSON.stringify(data) + "\n");
    const id = await cache.saveCache([file], key);
    if (id === -1) return false;
    info(`Saved ${what} to the cache as ${key}`);
    return true;
  } catch (error) {
    warning(`Could not save ${what} to the cache: ${error.message}`);
    return false;
  }
}
async function restoreJsonEntry(file, keys, what, parse) {
  const cache = await actionsCache();
  if (!cache.isFeatureAvailable()) {
    info(`The cache service is not available here; no ${what} to restore`);
    return void 0;
  }
  await rm4(file, { force: true });
  let matched;
  try {
    matched = await cache.restoreCache([file], keys.key, keys.restoreKeys);
  } catch (error) {
    warning(`Could not restore a ${what} from the cache: ${error.message}`);
    return void 0;
  }
  if (!matched) {
    info(keys.miss);
    return void 0;
  }
  try {
    return { value: parse(JSON.parse(await readFile2(file, "utf8")), `cache entry ${matched}`), matched };
  } catch (error) {
    warning(`Ignoring the cached ${what}: ${error.message}`);
    return void 0;
  }
}

// src/io/github/base-report.ts
async function saveReportToCache(report, commit, temp, header) {
  return saveJsonEntry(
    reportCacheFile(temp, header),
    reportCacheKey(commit),
    report,
    "this commit's size report"
  );
}
async function restoreReportFromCache(baseSha, temp, header) {
  const key = reportCacheKey(baseSha);
  const restored = await restoreJsonEntry(
    reportCacheFile(temp, header),
    {
      key,
      restoreKeys: [REPORT_CACHE_KEY_PREFIX],
      miss: `No size report in the cache for ${key} or any other commit`
    },
    "size report",
    parseReport
  );
  if (!restored) return void 0;
  const { value: report, matched } = restored;
  const commit = matched.slice(REPORT_CACHE_KEY_PREFIX.length);
  if (matched === key) {
    info(`Base sizes: the cache entry ${matched}`);
    return { report, source: `the cache entry for ${baseSha.slice(0, 7)}`, commit };
  }
  notice(
    `No size report was saved for the base commit ${baseSha.slice(0, 7)}; comparing with the newest one in the cache (${matched}), which may differ from the base by other commits`
  );
  return { report, source: `the newest cached report (${commit.slice(0, 7)}, not the base commit)`, commit };
}
async function git(cwd, args) {
  try {
    const { stdout } = await runChecked("git", args, { cwd, env: process.env });
    return stdout.trim();
  } catch (error) {
    const stderr = error.stderr?.trim();
    throw new Error(`git ${args.join(" ")} failed${stderr ? `: ${stderr}` : ""}`, { cause: error });
  }
}
async function hasCommit(repoDir, sha2) {
  return git(repoDir, ["cat-file", "-e", `${sha2}^{commit}`]).then(
    () => true,
    () => false
  );
}
async function isShallow(repoDir) {
  return await git(repoDir, ["rev-parse", "--is-shallow-repository"]) === "true";
}
async function ensureCommit(repoDir, sha2, what) {
  if (await hasCommit(repoDir, sha2)) return;
  const args = ["fetch", "--no-tags", ...await isShallow(repoDir) ? ["--depth=1"] : [], "origin", sha2];
  info(`The ${what} commit ${sha2.slice(0, 7)} is not in this clone; fetching it: git ${args.join(" ")}`);
  await git(repoDir, args);
}
var DEEPEN_STEPS = [50, 200, 1e3];
async function findMergeBase(repoDir, baseSha, headSha) {
  await ensureCommit(repoDir, baseSha, "base");
  await ensureCommit(repoDir, headSha, "head");
  const mergeBase = () => git(repoDir, ["merge-base", baseSha, headSha]).then(
    (sha2) => sha2 || void 0,
    () => void 0
  );
  let found = await mergeBase();
  for (const depth of DEEPEN_STEPS) {
    if (found || !await isShallow(repoDir)) break;
    info(
      `The merge-base of ${baseSha.slice(0, 7)} and ${headSha.slice(0, 7)} is not in this shallow clone; fetching ${depth} more commits: git fetch --deepen=${depth}`
    );
    try {
      await git(repoDir, ["fetch", "--no-tags", `--deepen=${depth}`, "origin", baseSha, headSha]);
    } catch (error) {
      info(error.message);
      break;
    }
    found = await mergeBase();
  }
  if (found) return { commit: found, exact: true };
  notice(
    `Could not find where this pull request branched off (merge-base of ${baseSha.slice(0, 7)} and ${headSha.slice(0, 7)}); comparing against the base commit ${baseSha.slice(0, 7)} instead, so changes on the base branch count too. Checking out with fetch-depth: 0 avoids this.`
  );
  return { commit: baseSha, exact: false };
}
async function buildInWorktree(repoDir, commit, temp, buildAt) {
  const repoRoot = await git(repoDir, ["rev-parse", "--show-toplevel"]);
  await mkdir4(temp, { recursive: true });
  const worktree = await mkdtemp(path10.join(temp, "base-worktree-"));
  info(`Checking out ${commit.slice(0, 7)} into ${worktree}: git worktree add --detach`);
  await git(repoRoot, ["worktree", "add", "--detach", worktree, commit]);
  try {
    const inWorktree = (p2) => path10.join(worktree, path10.relative(repoRoot, path10.resolve(p2)));
    return await buildAt(worktree, inWorktree);
  } finally {
    await git(repoRoot, ["worktree", "remove", "--force", worktree]).catch(async (error) => {
      warning(`Could not remove the worktree ${worktree}: ${error.message}`);
      await rm5(worktree, { recursive: true, force: true });
      await git(repoRoot, ["worktree", "prune"]).catch(() => void 0);
    });
  }
}

// src/io/github/baseline-cache.ts
import path11 from "node:path";

// src/core/compare/baselines-comment.ts
var MAX_SECTION_ROWS = 20;
function compareWithRelease(release, head, limits) {
  const build = storedBaseBuild(
    release.report,
    head,
    "a release\u2019s sizes are taken as the release built them"
  );
  const comparison = compareReports(release.report, head, build);
  return { tag: release.tag, comparison, ...limits ? { verdict: judge(comparison, limits) } : {} };
}
function sha(commit) {
  return commit ? ` (\`${escapeMarkdown(commit.slice(0, 7))}\`)` : "";
}
function renderReleaseSection(release) {
  if (!release) return [];
  const { comparison, verdict } = release;
  const moved = comparison.rows.filter((r) => r.status !== "unchanged");
  const lines = [
    `#### Against the latest release ${escapeMarkdown(release.tag)}${sha(comparison.base.commit)}`,
    ""
  ];
  if (moved.length === 0) lines.push(`No size changed since ${escapeMarkdown(release.tag)}.`, "");
  else
    lines.push(
      "| Target | Package | Release | Head | Change | % |",
      "| :-- | :-- | --: | --: | --: | --: |",
      ...moved.slice(0, MAX_SECTION_ROWS).map((r) => {
        const size2 = (bytes) => bytes === null ? "\u2014" : humanBytes(bytes);
        const change = r.status === "changed" ? formatDeltaBytes(r.deltaBytes) : r.status;
        const percent = r.status === "changed" ? formatDeltaPercent(r.deltaPercent) : "";
        return `| ${escapeMarkdown(r.target)} | ${escapeMarkdown(r.package)} | ${size2(r.baseBytes)} | ${size2(r.headBytes)} | ${change} | ${percent} |`;
      }),
      ...moved.length > MAX_SECTION_ROWS ? [`\u2026 and ${moved.length - MAX_SECTION_ROWS} more.`] : [],
      ""
    );
  if (comparison.baseBuild.kind === "unlike")
    lines.push(
      `> \u26A0\uFE0F The release was built otherwise than head (${escapeMarkdown(describeDifferences(comparison.baseBuild.differences))}): the change mixes the code\u2019s with the build\u2019s.`,
      ""
    );
  if (verdict) lines.push(`**${verdict.regression ? "\u274C" : "\u2705"} ${escapeMarkdown(verdict.message)}**`, "");
  return lines;
}
function trendRow(trend) {
  const oldest = trend.history.find((s3) => s3 !== null);
  const delta = trend.head - oldest;
  const percent = oldest === 0 ? null : delta / oldest * 100;
  return `| ${escapeMarkdown(trend.target)} | ${escapeMarkdown(trend.package)} | ${sparkline([...trend.history, trend.head])} | ${humanBytes(oldest)} | ${humanBytes(trend.head)} | ${formatDeltaBytes(delta)} (${formatDeltaPercent(percent)}) |`;
}
function renderTrendSection(history, head) {
  const trends = history ? targetTrends(history, head) : [];
  if (!history || trends.length === 0) return [];
  const points = history.points.length;
  return [
    `#### Trend over the last ${points} default-branch report${points === 1 ? "" : "s"}, then head`,
    "",
    "| Target | Package | Trend | Oldest | Head | Change |",
    "| :-- | :-- | :-- | --: | --: | --: |",
    ...trends.slice(0, MAX_SECTION_ROWS).map(trendRow),
    ...trends.length > MAX_SECTION_ROWS ? [`\u2026 and ${trends.length - MAX_SECTION_ROWS} more.`] : [],
    ""
  ];
}
function withBaselineSections(body, release, trend) {
  for (const sections of [[...release, ...trend], release]) {
    if (sections.length === 0) continue;
    const longer = `${body.trimEnd()}

${sections.join("\n")}`;
    if (longer.length < MAX_COMMENT_CHARS) return longer;
  }
  return body;
}

// src/io/github/baseline-cache.ts
function entryFile(temp, kind, header) {
  return path11.join(temp, "setup-go-arm64", kind, `${headerSlug(header)}.json`);
}
async function saveReleaseReport(report, release, temp, header) {
  if (!release.visibleToPullRequests)
    info(
      `This run is for the tag ${release.tag}: GitHub scopes what it caches to the tag, where no pull request looks. To compare pull requests with releases, save the report from a workflow_run workflow after the release\u2019s (see the README).`
    );
  const file = entryFile(temp, "size-release", header);
  return saveJsonEntry(file, releaseReportKey(release.tag), report, `the size report of ${release.tag}`);
}
async function restoreLatestRelease(temp, header) {
  const restored = await restoreJsonEntry(
    entryFile(temp, "size-release", header),
    {
      key: RELEASE_KEY_PREFIX,
      restoreKeys: [RELEASE_KEY_PREFIX],
      miss: "No release\u2019s size report in the cache"
    },
    "release size report",
    parseReport
  );
  return restored && { tag: releaseTagOfKey(restored.matched), report: restored.value };
}
async function restoreHistory(commit, file) {
  const restored = await restoreJsonEntry(
    file,
    { key: historyKey(commit), restoreKeys: [HISTORY_KEY_PREFIX], miss: "No size history in the cache" },
    "size history",
    parseHistory
  );
  return restored?.value;
}
async function saveToHistory(report, commit, temp, header) {
  const file = entryFile(temp, "size-history", header);
  const history = appendToHistory(await restoreHistory(commit, file), report);
  const what = `the size history (${history.points.length} default-branch reports)`;
  return saveJsonEntry(file, historyKey(commit), history, what);
}
async function compareWithOtherBaselines(options) {
  const { head, temp, header } = options;
  const latest = await restoreLatestRelease(temp, header);
  const release = latest && compareWithRelease(latest, head, options.limits);
  const history = await restoreHistory(options.baseSha, entryFile(temp, "size-history", header));
  return {
    ...release ? { release } : {},
    sections: { release: renderReleaseSection(release), trend: renderTrendSection(history, head) }
  };
}

export {
  validateKeyPrefix,
  parseCacheSave,
  BUILD_KEY_ENV,
  parseGoproxy,
  mayFallThrough,
  escapeModulePath,
  toolchainModule,
  moduleZipUrl,
  shellWord,
  displayCommand,
  runCommand,
  runChecked,
  rt,
  restoreGoCaches,
  saveGoCaches,
  prepareGoCaches,
  buildKeyEnvironment,
  dependencyFilesFor,
  renderCacheRestoreSection,
  renderCacheSaveSection,
  CACHE_STATE,
  REPORT_FILE_STATE,
  COMMENT_HEADER_STATE,
  UNTRUSTED_CHECKOUT_STATE,
  readReleaseRun,
  combineVerdicts,
  withBaselineSections,
  parseBaseReportSetting,
  readPullRequestEvent,
  isDefaultBranchPush,
  saveReportToCache,
  restoreReportFromCache,
  git,
  findMergeBase,
  buildInWorktree,
  saveReleaseReport,
  saveToHistory,
  compareWithOtherBaselines
};

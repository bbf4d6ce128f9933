import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  BUILD_KEY_ENV,
  CACHE_STATE,
  COMMENT_HEADER_STATE,
  REPORT_FILE_STATE,
  UNTRUSTED_CHECKOUT_STATE,
  buildInWorktree,
  buildKeyEnvironment,
  combineVerdicts,
  compareWithOtherBaselines,
  dependencyFilesFor,
  displayCommand,
  escapeModulePath,
  findMergeBase,
  git,
  mayFallThrough,
  moduleZipUrl,
  parseBaseReportSetting,
  parseCacheSave,
  parseGoproxy,
  prepareGoCaches,
  readPullRequestEvent,
  renderCacheRestoreSection,
  restoreGoCaches,
  restoreReportFromCache,
  rt,
  runChecked,
  runCommand,
  shellWord,
  toolchainModule,
  validateKeyPrefix,
  withBaselineSections
} from "../chunks/chunk-FJAC7IPR.js";
import {
  forkHelpUrl,
  publishSizeComment,
  thresholdTexts,
  untrustedCheckout,
  untrustedCheckoutWarning
} from "../chunks/chunk-TS4QA6TY.js";
import {
  InputError,
  VerificationError,
  addMatcher,
  buildCacheStart,
  buildDifferences,
  buildReport,
  cell,
  checkVariantAnswers,
  code,
  compareReports,
  describeDifferences,
  humanBytes,
  humanDuration,
  info,
  judge,
  parseDistList,
  parseReport,
  parseTargets,
  readCommentOptions,
  readThresholds,
  renderNoBaseComment,
  renderSizeComment,
  targetEnv,
  targetKey,
  targetName,
  validateTargets,
  variantProbeCommand,
  variantProbes,
  variantVariable
} from "../chunks/chunk-PM7YWOBP.js";
import {
  require_semver
} from "../chunks/chunk-AOXPSZOT.js";
import {
  HttpClient,
  addPath,
  endGroup,
  error,
  exportVariable,
  getInput,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  startGroup,
  summary,
  warning
} from "../chunks/chunk-MY3REOT7.js";
import {
  __commonJS,
  __require,
  __toESM
} from "../chunks/chunk-JO4DLYHU.js";

// node_modules/pend/index.js
var require_pend = __commonJS({
  "node_modules/pend/index.js"(exports, module) {
    module.exports = Pend;
    function Pend() {
      this.pending = 0;
      this.max = Infinity;
      this.listeners = [];
      this.waiting = [];
      this.error = null;
    }
    Pend.prototype.go = function(fn) {
      if (this.pending < this.max) {
        pendGo(this, fn);
      } else {
        this.waiting.push(fn);
      }
    };
    Pend.prototype.wait = function(cb) {
      if (this.pending === 0) {
        cb(this.error);
      } else {
        this.listeners.push(cb);
      }
    };
    Pend.prototype.hold = function() {
      return pendHold(this);
    };
    function pendHold(self) {
      self.pending += 1;
      var called = false;
      return onCb;
      function onCb(err) {
        if (called) throw new Error("callback called twice");
        called = true;
        self.error = self.error || err;
        self.pending -= 1;
        if (self.waiting.length > 0 && self.pending < self.max) {
          pendGo(self, self.waiting.shift());
        } else if (self.pending === 0) {
          var listeners = self.listeners;
          self.listeners = [];
          listeners.forEach(cbListener);
        }
      }
      function cbListener(listener) {
        listener(self.error);
      }
    }
    function pendGo(self, fn) {
      fn(pendHold(self));
    }
  }
});

// node_modules/yauzl/fd-slicer.js
var require_fd_slicer = __commonJS({
  "node_modules/yauzl/fd-slicer.js"(exports) {
    var fs = __require("fs");
    var util = __require("util");
    var stream = __require("stream");
    var Readable3 = stream.Readable;
    var PassThrough = stream.PassThrough;
    var Pend = require_pend();
    var EventEmitter = __require("events").EventEmitter;
    exports.BufferSlicer = BufferSlicer;
    exports.FdSlicer = FdSlicer;
    util.inherits(FdSlicer, EventEmitter);
    function FdSlicer(fd) {
      EventEmitter.call(this);
      this.fd = fd;
      this.pend = new Pend();
      this.pend.max = 1;
      this.refCount = 0;
    }
    FdSlicer.prototype.read = function(buffer, offset, length, position, callback) {
      var self = this;
      self.pend.go(function(cb) {
        fs.read(self.fd, buffer, offset, length, position, function(err, bytesRead, buffer2) {
          cb();
          callback(err, bytesRead, buffer2);
        });
      });
    };
    FdSlicer.prototype.createReadStream = function(options2) {
      return new ReadStream(this, options2);
    };
    FdSlicer.prototype.ref = function() {
      this.refCount += 1;
    };
    FdSlicer.prototype.unref = function() {
      var self = this;
      self.refCount -= 1;
      if (self.refCount < 0) throw new Error("invalid unref");
      if (self.refCount > 0) return;
      fs.close(self.fd, onCloseDone);
      function onCloseDone(err) {
        if (err) {
          self.emit("error", err);
        } else {
          self.emit("close");
        }
      }
    };
    util.inherits(ReadStream, Readable3);
    function ReadStream(context, options2) {
      options2 = options2 || {};
      Readable3.call(this, options2);
      this.context = context;
      this.context.ref();
      this.start = options2.start || 0;
      this.endOffset = options2.end;
      this.pos = this.start;
    }
    ReadStream.prototype._read = function(n) {
      var self = this;
      var toRead = Math.min(self._readableState.highWaterMark, n);
      if (self.endOffset != null) {
        toRead = Math.min(toRead, self.endOffset - self.pos);
      }
      if (toRead <= 0) {
        self.push(null);
        this._cleanup();
        return;
      }
      self.context.pend.go(function(cb) {
        var buffer = Buffer.allocUnsafe(toRead);
        fs.read(self.context.fd, buffer, 0, toRead, self.pos, function(err, bytesRead) {
          if (err) {
            self.destroy(err);
          } else if (bytesRead === 0) {
            self.push(null);
            self._cleanup();
          } else {
            self.pos += bytesRead;
            self.push(buffer.slice(0, bytesRead));
          }
          cb();
        });
      });
    };
    ReadStream.prototype._destroy = function(err, cb) {
      this._cleanup();
      cb(err);
    };
    ReadStream.prototype._cleanup = function() {
      if (this.context != null) {
        this.context.unref();
        this.context = null;
      }
    };
    util.inherits(BufferSlicer, EventEmitter);
    function BufferSlicer(buffer) {
      EventEmitter.call(this);
      this.refCount = 0;
      this.buffer = buffer;
    }
    BufferSlicer.prototype.read = function(buffer, offset, length, position, callback) {
      if (!(0 <= offset && offset <= buffer.length)) throw new RangeError("offset outside buffer: 0 <= " + offset + " <= " + buffer.length);
      if (position < 0) throw new RangeError("position is negative: " + position);
      if (offset + length > buffer.length) {
        length = buffer.length - offset;
      }
      if (position + length > this.buffer.length) {
        length = this.buffer.length - position;
      }
      if (length <= 0) {
        setImmediate(function() {
          callback(null, 0);
        });
        return;
      }
      this.buffer.copy(buffer, offset, position, position + length);
      setImmediate(function() {
        callback(null, length);
      });
    };
    BufferSlicer.prototype.createReadStream = function(options2) {
      options2 = options2 || {};
      var readStream = new PassThrough(options2);
      readStream.start = options2.start || 0;
      readStream.endOffset = options2.end;
      readStream.pos = readStream.endOffset || this.buffer.length;
      var entireSlice = this.buffer.slice(readStream.start, readStream.pos);
      var maxChunkSize = 65536;
      var offset = 0;
      while (true) {
        var nextOffset = offset + maxChunkSize;
        if (nextOffset >= entireSlice.length) {
          if (offset < entireSlice.length) {
            readStream.write(entireSlice.slice(offset, entireSlice.length));
          }
          break;
        }
        readStream.write(entireSlice.slice(offset, nextOffset));
        offset = nextOffset;
      }
      readStream.end();
      return readStream;
    };
    BufferSlicer.prototype.ref = function() {
      this.refCount += 1;
    };
    BufferSlicer.prototype.unref = function() {
      this.refCount -= 1;
      if (this.refCount < 0) {
        throw new Error("invalid unref");
      }
    };
  }
});

// node_modules/yauzl/crc32.js
var require_crc32 = __commonJS({
  "node_modules/yauzl/crc32.js"(exports, module) {
    var CRC_TABLE = new Int32Array([
      0,
      1996959894,
      3993919788,
      2567524794,
      124634137,
      1886057615,
      3915621685,
      2657392035,
      249268274,
      2044508324,
      3772115230,
      2547177864,
      162941995,
      2125561021,
      3887607047,
      2428444049,
      498536548,
      1789927666,
      4089016648,
      2227061214,
      450548861,
      1843258603,
      4107580753,
      2211677639,
      325883990,
      1684777152,
      4251122042,
      2321926636,
      335633487,
      1661365465,
      4195302755,
      2366115317,
      997073096,
      1281953886,
      3579855332,
      2724688242,
      1006888145,
      1258607687,
      3524101629,
      2768942443,
      901097722,
      1119000684,
      3686517206,
      2898065728,
      853044451,
      1172266101,
      3705015759,
      2882616665,
      651767980,
      1373503546,
      3369554304,
      3218104598,
      565507253,
      1454621731,
      3485111705,
      3099436303,
      671266974,
      1594198024,
      3322730930,
      2970347812,
      795835527,
      1483230225,
      3244367275,
      3060149565,
      1994146192,
      31158534,
      2563907772,
      4023717930,
      1907459465,
      112637215,
      2680153253,
      3904427059,
      2013776290,
      251722036,
      2517215374,
      3775830040,
      2137656763,
      141376813,
      2439277719,
      3865271297,
      1802195444,
      476864866,
      2238001368,
      4066508878,
      1812370925,
      453092731,
      2181625025,
      4111451223,
      1706088902,
      314042704,
      2344532202,
      4240017532,
      1658658271,
      366619977,
      2362670323,
      4224994405,
      1303535960,
      984961486,
      2747007092,
      3569037538,
      1256170817,
      1037604311,
      2765210733,
      3554079995,
      1131014506,
      879679996,
      2909243462,
      3663771856,
      1141124467,
      855842277,
      2852801631,
      3708648649,
      1342533948,
      654459306,
      3188396048,
      3373015174,
      1466479909,
      544179635,
      3110523913,
      3462522015,
      1591671054,
      702138776,
      2966460450,
      3352799412,
      1504918807,
      783551873,
      3082640443,
      3233442989,
      3988292384,
      2596254646,
      62317068,
      1957810842,
      3939845945,
      2647816111,
      81470997,
      1943803523,
      3814918930,
      2489596804,
      225274430,
      2053790376,
      3826175755,
      2466906013,
      167816743,
      2097651377,
      4027552580,
      2265490386,
      503444072,
      1762050814,
      4150417245,
      2154129355,
      426522225,
      1852507879,
      4275313526,
      2312317920,
      282753626,
      1742555852,
      4189708143,
      2394877945,
      397917763,
      1622183637,
      3604390888,
      2714866558,
      953729732,
      1340076626,
      3518719985,
      2797360999,
      1068828381,
      1219638859,
      3624741850,
      2936675148,
      906185462,
      1090812512,
      3747672003,
      2825379669,
      829329135,
      1181335161,
      3412177804,
      3160834842,
      628085408,
      1382605366,
      3423369109,
      3138078467,
      570562233,
      1426400815,
      3317316542,
      2998733608,
      733239954,
      1555261956,
      3268935591,
      3050360625,
      752459403,
      1541320221,
      2607071920,
      3965973030,
      1969922972,
      40735498,
      2617837225,
      3943577151,
      1913087877,
      83908371,
      2512341634,
      3803740692,
      2075208622,
      213261112,
      2463272603,
      3855990285,
      2094854071,
      198958881,
      2262029012,
      4057260610,
      1759359992,
      534414190,
      2176718541,
      4139329115,
      1873836001,
      414664567,
      2282248934,
      4279200368,
      1711684554,
      285281116,
      2405801727,
      4167216745,
      1634467795,
      376229701,
      2685067896,
      3608007406,
      1308918612,
      956543938,
      2808555105,
      3495958263,
      1231636301,
      1047427035,
      2932959818,
      3654703836,
      1088359270,
      936918e3,
      2847714899,
      3736837829,
      1202900863,
      817233897,
      3183342108,
      3401237130,
      1404277552,
      615818150,
      3134207493,
      3453421203,
      1423857449,
      601450431,
      3009837614,
      3294710456,
      1567103746,
      711928724,
      3020668471,
      3272380065,
      1510334235,
      755167117
    ]);
    function crc32(buf) {
      let crc = -1;
      for (let x of buf) {
        crc = CRC_TABLE[(crc ^ x) & 255] ^ crc >>> 8;
      }
      return (crc ^ -1) >>> 0;
    }
    module.exports = crc32;
  }
});

// node_modules/yauzl/index.js
var require_yauzl = __commonJS({
  "node_modules/yauzl/index.js"(exports) {
    var fs = __require("fs");
    var zlib = __require("zlib");
    var fd_slicer = require_fd_slicer();
    var util = __require("util");
    var EventEmitter = __require("events").EventEmitter;
    var Transform3 = __require("stream").Transform;
    var PassThrough = __require("stream").PassThrough;
    var Writable = __require("stream").Writable;
    var crc32 = typeof zlib.crc32 === "function" ? zlib.crc32 : require_crc32();
    exports.open = open2;
    exports.fromFd = fromFd;
    exports.fromBuffer = fromBuffer;
    exports.fromRandomAccessReader = fromRandomAccessReader;
    exports.openPromise = openPromise;
    exports.fromFdPromise = fromFdPromise;
    exports.fromBufferPromise = fromBufferPromise;
    exports.fromRandomAccessReaderPromise = fromRandomAccessReaderPromise;
    exports.dosDateTimeToDate = dosDateTimeToDate;
    exports.getFileNameLowLevel = getFileNameLowLevel;
    exports.validateFileName = validateFileName;
    exports.parseExtraFields = parseExtraFields;
    exports.ZipFile = ZipFile;
    exports.Entry = Entry;
    exports.LocalFileHeader = LocalFileHeader;
    exports.RandomAccessReader = RandomAccessReader;
    function openPromise(path30, options2) {
      return new Promise((resolve, reject) => {
        open2(path30, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve(zipfile);
        });
      });
    }
    function fromFdPromise(fd, options2) {
      return new Promise((resolve, reject) => {
        fromFd(fd, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve(zipfile);
        });
      });
    }
    function fromBufferPromise(buffer, options2) {
      return new Promise((resolve, reject) => {
        fromBuffer(buffer, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve(zipfile);
        });
      });
    }
    function fromRandomAccessReaderPromise(reader, totalSize, options2) {
      return new Promise((resolve, reject) => {
        fromRandomAccessReader(reader, totalSize, { ...options2, lazyEntries: true }, function(err, zipfile) {
          if (err) return reject(err);
          resolve(zipfile);
        });
      });
    }
    function open2(path30, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      if (options2.autoClose == null) options2.autoClose = true;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      fs.open(path30, "r", function(err, fd) {
        if (err) return callback(err);
        fromFd(fd, options2, function(err2, zipfile) {
          if (err2) fs.close(fd, defaultCallback);
          callback(err2, zipfile);
        });
      });
    }
    function fromFd(fd, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      if (options2.autoClose == null) options2.autoClose = false;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      fs.fstat(fd, function(err, stats) {
        if (err) return callback(err);
        var reader = new fd_slicer.FdSlicer(fd);
        fromRandomAccessReader(reader, stats.size, options2, callback);
      });
    }
    function fromBuffer(buffer, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      options2.autoClose = false;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      var reader = new fd_slicer.BufferSlicer(buffer);
      fromRandomAccessReader(reader, buffer.length, options2, callback);
    }
    function fromRandomAccessReader(reader, totalSize, options2, callback) {
      if (typeof options2 === "function") {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      if (options2.autoClose == null) options2.autoClose = true;
      if (options2.lazyEntries == null) options2.lazyEntries = false;
      if (options2.decodeStrings == null) options2.decodeStrings = true;
      var decodeStrings = !!options2.decodeStrings;
      if (options2.validateEntrySizes == null) options2.validateEntrySizes = true;
      if (options2.strictFileNames == null) options2.strictFileNames = false;
      if (callback == null) callback = defaultCallback;
      if (typeof totalSize !== "number") throw new Error("expected totalSize parameter to be a number");
      if (totalSize > Number.MAX_SAFE_INTEGER) {
        throw new Error("zip file too large. only file sizes up to 2^52 are supported due to JavaScript's Number type being an IEEE 754 double.");
      }
      reader.ref();
      var eocdrWithoutCommentSize = 22;
      var zip64EocdlSize = 20;
      var maxCommentSize = 65535;
      var bufferSize = Math.min(zip64EocdlSize + eocdrWithoutCommentSize + maxCommentSize, totalSize);
      var buffer = newBuffer(bufferSize);
      var bufferReadStart = totalSize - buffer.length;
      readAndAssertNoEof(reader, buffer, 0, bufferSize, bufferReadStart, function(err) {
        if (err) return callback(err);
        for (var i = bufferSize - eocdrWithoutCommentSize; i >= 0; i -= 1) {
          if (buffer.readUInt32LE(i) !== 101010256) continue;
          var eocdrBuffer = buffer.subarray(i);
          var diskNumber = eocdrBuffer.readUInt16LE(4);
          var entryCount = eocdrBuffer.readUInt16LE(10);
          var centralDirectoryOffset = eocdrBuffer.readUInt32LE(16);
          var commentLength = eocdrBuffer.readUInt16LE(20);
          var expectedCommentLength = eocdrBuffer.length - eocdrWithoutCommentSize;
          if (commentLength !== expectedCommentLength) {
            return callback(new Error("Invalid comment length. Expected: " + expectedCommentLength + ". Found: " + commentLength + ". Are there extra bytes at the end of the file? Or is the end of central dir signature `PK\u263A\u263B` in the comment?"));
          }
          var comment = decodeStrings ? decodeBuffer(eocdrBuffer.subarray(22), false) : eocdrBuffer.subarray(22);
          if (i - zip64EocdlSize >= 0 && buffer.readUInt32LE(i - zip64EocdlSize) === 117853008) {
            var zip64EocdlBuffer = buffer.subarray(i - zip64EocdlSize, i - zip64EocdlSize + zip64EocdlSize);
            var zip64EocdrOffset = readUInt64LE(zip64EocdlBuffer, 8);
            var zip64EocdrBuffer = newBuffer(56);
            return readAndAssertNoEof(reader, zip64EocdrBuffer, 0, zip64EocdrBuffer.length, zip64EocdrOffset, function(err2) {
              if (err2) return callback(err2);
              if (zip64EocdrBuffer.readUInt32LE(0) !== 101075792) {
                return callback(new Error("invalid zip64 end of central directory record signature"));
              }
              diskNumber = zip64EocdrBuffer.readUInt32LE(16);
              if (diskNumber !== 0) {
                return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
              }
              entryCount = readUInt64LE(zip64EocdrBuffer, 32);
              centralDirectoryOffset = readUInt64LE(zip64EocdrBuffer, 48);
              return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options2.autoClose, options2.lazyEntries, decodeStrings, options2.validateEntrySizes, options2.strictFileNames));
            });
          }
          if (diskNumber !== 0) {
            return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
          }
          return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options2.autoClose, options2.lazyEntries, decodeStrings, options2.validateEntrySizes, options2.strictFileNames));
        }
        callback(new Error("End of central directory record signature not found. Either not a zip file, or file is truncated."));
      });
    }
    util.inherits(ZipFile, EventEmitter);
    function ZipFile(reader, centralDirectoryOffset, fileSize, entryCount, comment, autoClose, lazyEntries, decodeStrings, validateEntrySizes, strictFileNames) {
      var self = this;
      EventEmitter.call(self);
      self.reader = reader;
      self.reader.on("error", function(err) {
        emitError(self, err);
      });
      self.reader.once("close", function() {
        self.emit("close");
      });
      self.readEntryCursor = centralDirectoryOffset;
      self.fileSize = fileSize;
      self.entryCount = entryCount;
      self.comment = comment;
      self.entriesRead = 0;
      self.autoClose = !!autoClose;
      self.lazyEntries = !!lazyEntries;
      self.decodeStrings = !!decodeStrings;
      self.validateEntrySizes = !!validateEntrySizes;
      self.strictFileNames = !!strictFileNames;
      self.isOpen = true;
      self.emittedError = false;
      self.hasEachEntryBeenCalled = false;
      if (!self.lazyEntries) self._readEntry();
    }
    ZipFile.prototype.close = function() {
      if (!this.isOpen) return;
      this.isOpen = false;
      this.reader.unref();
    };
    function emitErrorAndAutoClose(self, err) {
      if (self.autoClose) self.close();
      emitError(self, err);
    }
    function emitError(self, err) {
      if (self.emittedError) return;
      self.emittedError = true;
      self.emit("error", err);
    }
    ZipFile.prototype.readEntry = function() {
      if (!this.lazyEntries) throw new Error("readEntry() called without lazyEntries:true");
      this._readEntry();
    };
    ZipFile.prototype._readEntry = function() {
      var self = this;
      if (self.entryCount === self.entriesRead) {
        setImmediate(function() {
          if (self.autoClose) self.close();
          if (self.emittedError) return;
          self.emit("end");
        });
        return;
      }
      if (self.emittedError) return;
      var buffer = newBuffer(46);
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
        if (err) return emitErrorAndAutoClose(self, err);
        if (self.emittedError) return;
        var entry = new Entry();
        var signature = buffer.readUInt32LE(0);
        if (signature !== 33639248) return emitErrorAndAutoClose(self, new Error("invalid central directory file header signature: 0x" + signature.toString(16)));
        entry.versionMadeBy = buffer.readUInt16LE(4);
        entry.versionNeededToExtract = buffer.readUInt16LE(6);
        entry.generalPurposeBitFlag = buffer.readUInt16LE(8);
        entry.compressionMethod = buffer.readUInt16LE(10);
        entry.lastModFileTime = buffer.readUInt16LE(12);
        entry.lastModFileDate = buffer.readUInt16LE(14);
        entry.crc32 = buffer.readUInt32LE(16);
        entry.compressedSize = buffer.readUInt32LE(20);
        entry.uncompressedSize = buffer.readUInt32LE(24);
        entry.fileNameLength = buffer.readUInt16LE(28);
        entry.extraFieldLength = buffer.readUInt16LE(30);
        entry.fileCommentLength = buffer.readUInt16LE(32);
        entry.internalFileAttributes = buffer.readUInt16LE(36);
        entry.externalFileAttributes = buffer.readUInt32LE(38);
        entry.relativeOffsetOfLocalHeader = buffer.readUInt32LE(42);
        if (entry.generalPurposeBitFlag & 64) return emitErrorAndAutoClose(self, new Error("strong encryption is not supported"));
        self.readEntryCursor += 46;
        buffer = newBuffer(entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength);
        readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err2) {
          if (err2) return emitErrorAndAutoClose(self, err2);
          if (self.emittedError) return;
          entry.fileNameRaw = buffer.subarray(0, entry.fileNameLength);
          var fileCommentStart = entry.fileNameLength + entry.extraFieldLength;
          entry.extraFieldRaw = buffer.subarray(entry.fileNameLength, fileCommentStart);
          entry.fileCommentRaw = buffer.subarray(fileCommentStart, fileCommentStart + entry.fileCommentLength);
          try {
            entry.extraFields = parseExtraFields(entry.extraFieldRaw);
          } catch (err3) {
            return emitErrorAndAutoClose(self, err3);
          }
          if (self.decodeStrings) {
            var isUtf8 = (entry.generalPurposeBitFlag & 2048) !== 0;
            entry.fileComment = decodeBuffer(entry.fileCommentRaw, isUtf8);
            entry.fileName = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, self.strictFileNames);
            var errorMessage = validateFileName(entry.fileName);
            if (errorMessage != null) return emitErrorAndAutoClose(self, new Error(errorMessage));
          } else {
            entry.fileComment = entry.fileCommentRaw;
            entry.fileName = entry.fileNameRaw;
          }
          entry.comment = entry.fileComment;
          self.readEntryCursor += buffer.length;
          self.entriesRead += 1;
          for (var i = 0; i < entry.extraFields.length; i++) {
            var extraField = entry.extraFields[i];
            if (extraField.id !== 1) continue;
            var zip64EiefBuffer = extraField.data;
            var index = 0;
            if (entry.uncompressedSize === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include uncompressed size"));
              }
              entry.uncompressedSize = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            if (entry.compressedSize === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include compressed size"));
              }
              entry.compressedSize = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            if (entry.relativeOffsetOfLocalHeader === 4294967295) {
              if (index + 8 > zip64EiefBuffer.length) {
                return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include relative header offset"));
              }
              entry.relativeOffsetOfLocalHeader = readUInt64LE(zip64EiefBuffer, index);
              index += 8;
            }
            break;
          }
          if (self.validateEntrySizes && entry.compressionMethod === 0) {
            var expectedCompressedSize = entry.uncompressedSize;
            if (entry.isEncrypted()) {
              expectedCompressedSize += 12;
            }
            if (entry.compressedSize !== expectedCompressedSize) {
              var msg = "compressed/uncompressed size mismatch for stored file: " + entry.compressedSize + " != " + entry.uncompressedSize;
              return emitErrorAndAutoClose(self, new Error(msg));
            }
          }
          self.emit("entry", entry);
          if (!self.lazyEntries) self._readEntry();
        });
      });
    };
    ZipFile.prototype.eachEntry = function() {
      const self = this;
      if (!self.lazyEntries) throw new Error("eachEntry() requires lazyEntries: true");
      if (self.hasEachEntryBeenCalled) throw new Error("eachEntry() must only be called once per ZipFile");
      self.hasEachEntryBeenCalled = true;
      let pendingResolveReject = null;
      self.on("entry", onEntry);
      self.on("end", onEnd);
      self.on("error", onError);
      function cleanup() {
        self.removeListener("entry", onEntry);
        self.removeListener("end", onEnd);
        self.removeListener("error", onError);
        if (self.autoClose) self.close();
      }
      function onEntry(entry) {
        let { resolve } = pendingResolveReject;
        pendingResolveReject = null;
        resolve({ value: entry });
      }
      function onEnd() {
        let { resolve } = pendingResolveReject;
        pendingResolveReject = null;
        cleanup();
        resolve({ done: true });
      }
      function onError(err) {
        let { reject } = pendingResolveReject;
        pendingResolveReject = null;
        cleanup();
        reject(err);
      }
      return {
        [Symbol.asyncIterator]() {
          return this;
        },
        next() {
          const promise = new Promise((resolve, reject) => {
            if (pendingResolveReject != null) throw new Error("next() called before previous Promise was resolved.");
            pendingResolveReject = { resolve, reject };
          });
          self.readEntry();
          return promise;
        },
        return(value) {
          cleanup();
          return Promise.resolve({ done: true, value });
        },
        throw(value) {
          cleanup();
          return Promise.reject(value);
        }
      };
    };
    ZipFile.prototype.openReadStream = function(entry, options2, callback) {
      var self = this;
      var relativeStart = 0;
      var relativeEnd = entry.compressedSize;
      if (callback == null) {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) {
        options2 = {};
      } else {
        if (options2.decodeFileData === false) {
          if (options2.decrypt != null) {
            throw new Error("cannot use options.decrypt when options.decodeFileData === false");
          }
          if (options2.decompress != null) {
            throw new Error("cannot use options.decompress when options.decodeFileData === false");
          }
        } else {
          if (options2.decrypt != null) {
            if (!entry.isEncrypted()) {
              throw new Error("options.decrypt can only be specified for encrypted entries. See also option decodeFileData.");
            }
            if (options2.decrypt !== false) throw new Error("invalid options.decrypt value: " + options2.decrypt);
            if (entry.isCompressed()) {
              if (options2.decompress !== false) throw new Error("entry is encrypted and compressed, and options.decompress !== false. See also option decodeFileData.");
            }
          }
          if (options2.decompress != null) {
            if (!entry.isCompressed()) {
              throw new Error("options.decompress can only be specified for compressed entries. See also option decodeFileData.");
            }
            if (!(options2.decompress === false || options2.decompress === true)) {
              throw new Error("invalid options.decompress value: " + options2.decompress);
            }
            decompress = options2.decompress;
          }
        }
        if (options2.start != null) {
          relativeStart = options2.start;
          if (relativeStart < 0) throw new Error("options.start < 0");
          if (relativeStart > entry.compressedSize) throw new Error("options.start > entry.compressedSize");
        }
        if (options2.end != null) {
          relativeEnd = options2.end;
          if (relativeEnd < 0) throw new Error("options.end < 0");
          if (relativeEnd > entry.compressedSize) throw new Error("options.end > entry.compressedSize");
          if (relativeEnd < relativeStart) throw new Error("options.end < options.start");
        }
      }
      var rawMode = options2.decodeFileData === false || // Explicitly requested raw.
      (entry.compressionMethod === 0 || // Naturally without compression.
      entry.compressionMethod === 8 && options2.decompress === false) && (!entry.isEncrypted() || // Naturally without encryption.
      options2.decrypt === false);
      if (options2.start != null || options2.end != null) {
        if (!rawMode) throw new Error("start/end range require options.decodeFileData === false for non-trivial encoded entries.");
      }
      if (!self.isOpen) return callback(new Error("closed"));
      if (entry.isEncrypted() && !rawMode) {
        if (options2.decrypt !== false) return callback(new Error("entry is encrypted, and options.decodeFileData !== false"));
      }
      var decompress;
      if (rawMode) {
        decompress = false;
      } else if (entry.compressionMethod === 8) {
        decompress = options2.decodeFileData !== true;
      } else {
        return callback(new Error("unsupported compression method: " + entry.compressionMethod));
      }
      self.readLocalFileHeader(entry, { minimal: true }, function(err, localFileHeader) {
        if (err) return callback(err);
        self.openReadStreamLowLevel(
          localFileHeader.fileDataStart,
          entry.compressedSize,
          relativeStart,
          relativeEnd,
          decompress,
          entry.uncompressedSize,
          callback
        );
      });
    };
    ZipFile.prototype.openReadStreamLowLevel = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, callback) {
      var self = this;
      var fileDataEnd = fileDataStart + compressedSize;
      var readStream = self.reader.createReadStream({
        start: fileDataStart + relativeStart,
        end: fileDataStart + relativeEnd
      });
      var endpointStream = readStream;
      if (decompress) {
        var destroyed = false;
        var inflateFilter = zlib.createInflateRaw();
        readStream.on("error", function(err) {
          setImmediate(function() {
            if (!destroyed) inflateFilter.emit("error", err);
          });
        });
        readStream.pipe(inflateFilter);
        if (self.validateEntrySizes) {
          endpointStream = new AssertByteCountStream(uncompressedSize);
          inflateFilter.on("error", function(err) {
            setImmediate(function() {
              if (!destroyed) endpointStream.emit("error", err);
            });
          });
          inflateFilter.pipe(endpointStream);
        } else {
          endpointStream = inflateFilter;
        }
        installDestroyFn(endpointStream, function() {
          destroyed = true;
          if (inflateFilter !== endpointStream) inflateFilter.unpipe(endpointStream);
          readStream.unpipe(inflateFilter);
          readStream.destroy();
        });
      }
      callback(null, endpointStream);
    };
    ZipFile.prototype.readLocalFileHeader = function(entry, options2, callback) {
      var self = this;
      if (callback == null) {
        callback = options2;
        options2 = null;
      }
      if (options2 == null) options2 = {};
      self.reader.ref();
      var buffer = newBuffer(30);
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader, function(err) {
        try {
          if (err) return callback(err);
          var signature = buffer.readUInt32LE(0);
          if (signature !== 67324752) {
            return callback(new Error("invalid local file header signature: 0x" + signature.toString(16)));
          }
          var fileNameLength = buffer.readUInt16LE(26);
          var extraFieldLength = buffer.readUInt16LE(28);
          var fileDataStart = entry.relativeOffsetOfLocalHeader + 30 + fileNameLength + extraFieldLength;
          if (fileDataStart + entry.compressedSize > self.fileSize) {
            return callback(new Error("file data overflows file bounds: " + fileDataStart + " + " + entry.compressedSize + " > " + self.fileSize));
          }
          if (options2.minimal) {
            return callback(null, { fileDataStart });
          }
          var localFileHeader = new LocalFileHeader();
          localFileHeader.fileDataStart = fileDataStart;
          localFileHeader.versionNeededToExtract = buffer.readUInt16LE(4);
          localFileHeader.generalPurposeBitFlag = buffer.readUInt16LE(6);
          localFileHeader.compressionMethod = buffer.readUInt16LE(8);
          localFileHeader.lastModFileTime = buffer.readUInt16LE(10);
          localFileHeader.lastModFileDate = buffer.readUInt16LE(12);
          localFileHeader.crc32 = buffer.readUInt32LE(14);
          localFileHeader.compressedSize = buffer.readUInt32LE(18);
          localFileHeader.uncompressedSize = buffer.readUInt32LE(22);
          localFileHeader.fileNameLength = fileNameLength;
          localFileHeader.extraFieldLength = extraFieldLength;
          buffer = newBuffer(fileNameLength + extraFieldLength);
          self.reader.ref();
          readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader + 30, function(err2) {
            try {
              if (err2) return callback(err2);
              localFileHeader.fileName = buffer.subarray(0, fileNameLength);
              localFileHeader.extraField = buffer.subarray(fileNameLength);
              return callback(null, localFileHeader);
            } finally {
              self.reader.unref();
            }
          });
        } finally {
          self.reader.unref();
        }
      });
    };
    ZipFile.prototype.openReadStreamPromise = function(entry, options2) {
      return new Promise((resolve, reject) => {
        this.openReadStream(entry, options2, function(err, readStream) {
          if (err) return reject(err);
          resolve(readStream);
        });
      });
    };
    ZipFile.prototype.openReadStreamLowLevelPromise = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize) {
      return new Promise((resolve, reject) => {
        this.openReadStream(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, function(err, readStream) {
          if (err) return reject(err);
          resolve(readStream);
        });
      });
    };
    ZipFile.prototype.readLocalFileHeaderPromise = function(entry, options2) {
      return new Promise((resolve, reject) => {
        this.readLocalFileHeader(entry, options2, function(err, localFileHeader) {
          if (err) return reject(err);
          resolve(localFileHeader);
        });
      });
    };
    function Entry() {
    }
    Entry.prototype.getLastModDate = function(options2) {
      if (options2 == null) options2 = {};
      if (!options2.forceDosFormat) {
        for (var i = 0; i < this.extraFields.length; i++) {
          var extraField = this.extraFields[i];
          if (extraField.id === 21589) {
            var data = extraField.data;
            if (data.length < 5) continue;
            var flags = data[0];
            var HAS_MTIME = 1;
            if (!(flags & HAS_MTIME)) continue;
            var posixTimestamp = data.readInt32LE(1);
            return new Date(posixTimestamp * 1e3);
          } else if (extraField.id === 10) {
            var data = extraField.data;
            if (data.length !== 32) continue;
            if (data.readUInt16LE(4) !== 1) continue;
            if (data.readUInt16LE(6) !== 24) continue;
            var hundredNanoSecondsSince1601 = data.readUInt32LE(8) + 4294967296 * data.readInt32LE(12);
            var millisecondsSince1970 = hundredNanoSecondsSince1601 / 1e4 - 116444736e5;
            return new Date(millisecondsSince1970);
          }
        }
      }
      return dosDateTimeToDate(this.lastModFileDate, this.lastModFileTime, options2.timezone);
    };
    Entry.prototype.canDecodeFileData = function() {
      return !this.isEncrypted() && (this.compressionMethod === 0 || this.compressionMethod === 8);
    };
    Entry.prototype.isEncrypted = function() {
      return (this.generalPurposeBitFlag & 1) !== 0;
    };
    Entry.prototype.isCompressed = function() {
      return this.compressionMethod === 8;
    };
    function LocalFileHeader() {
    }
    function dosDateTimeToDate(date, time, timezone) {
      var day = date & 31;
      var month = (date >> 5 & 15) - 1;
      var year = (date >> 9 & 127) + 1980;
      var millisecond = 0;
      var second = (time & 31) * 2;
      var minute = time >> 5 & 63;
      var hour = time >> 11 & 31;
      if (timezone == null || timezone === "local") {
        return new Date(year, month, day, hour, minute, second, millisecond);
      } else if (timezone === "UTC") {
        return new Date(Date.UTC(year, month, day, hour, minute, second, millisecond));
      } else {
        throw new Error("unrecognized options.timezone: " + options.timezone);
      }
    }
    function getFileNameLowLevel(generalPurposeBitFlag, fileNameBuffer, extraFields, strictFileNames) {
      var fileName = null;
      for (var i = 0; i < extraFields.length; i++) {
        var extraField = extraFields[i];
        if (extraField.id === 28789) {
          if (extraField.data.length < 6) {
            continue;
          }
          if (extraField.data.readUInt8(0) !== 1) {
            continue;
          }
          var oldNameCrc32 = extraField.data.readUInt32LE(1);
          if (crc32(fileNameBuffer) !== oldNameCrc32) {
            continue;
          }
          fileName = decodeBuffer(extraField.data.subarray(5), true);
          break;
        }
      }
      if (fileName == null) {
        var isUtf8 = (generalPurposeBitFlag & 2048) !== 0;
        fileName = decodeBuffer(fileNameBuffer, isUtf8);
      }
      if (!strictFileNames) {
        fileName = fileName.replace(/\\/g, "/");
      }
      return fileName;
    }
    function validateFileName(fileName) {
      if (fileName.indexOf("\\") !== -1) {
        return "invalid characters in fileName: " + fileName;
      }
      if (/^[a-zA-Z]:/.test(fileName) || /^\//.test(fileName)) {
        return "absolute path: " + fileName;
      }
      if (fileName.split("/").indexOf("..") !== -1) {
        return "invalid relative path: " + fileName;
      }
      return null;
    }
    function parseExtraFields(extraFieldBuffer) {
      var extraFields = [];
      var i = 0;
      while (i < extraFieldBuffer.length - 3) {
        var headerId = extraFieldBuffer.readUInt16LE(i + 0);
        var dataSize = extraFieldBuffer.readUInt16LE(i + 2);
        var dataStart = i + 4;
        var dataEnd = dataStart + dataSize;
        if (dataEnd > extraFieldBuffer.length) throw new Error("extra field length exceeds extra field buffer size");
        var dataBuffer = extraFieldBuffer.subarray(dataStart, dataEnd);
        extraFields.push({
          id: headerId,
          data: dataBuffer
        });
        i = dataEnd;
      }
      return extraFields;
    }
    function readAndAssertNoEof(reader, buffer, offset, length, position, callback) {
      if (length === 0) {
        return setImmediate(function() {
          callback(null, newBuffer(0));
        });
      }
      reader.read(buffer, offset, length, position, function(err, bytesRead) {
        if (err) return callback(err);
        if (bytesRead < length) {
          return callback(new Error("unexpected EOF"));
        }
        callback();
      });
    }
    util.inherits(AssertByteCountStream, Transform3);
    function AssertByteCountStream(byteCount) {
      Transform3.call(this);
      this.actualByteCount = 0;
      this.expectedByteCount = byteCount;
    }
    AssertByteCountStream.prototype._transform = function(chunk, encoding, cb) {
      this.actualByteCount += chunk.length;
      if (this.actualByteCount > this.expectedByteCount) {
        var msg = "too many bytes in the stream. expected " + this.expectedByteCount + ". got at least " + this.actualByteCount;
        return cb(new Error(msg));
      }
      cb(null, chunk);
    };
    AssertByteCountStream.prototype._flush = function(cb) {
      if (this.actualByteCount < this.expectedByteCount) {
        var msg = "not enough bytes in the stream. expected " + this.expectedByteCount + ". got only " + this.actualByteCount;
        return cb(new Error(msg));
      }
      cb();
    };
    util.inherits(RandomAccessReader, EventEmitter);
    function RandomAccessReader() {
      EventEmitter.call(this);
      this.refCount = 0;
    }
    RandomAccessReader.prototype.ref = function() {
      this.refCount += 1;
    };
    RandomAccessReader.prototype.unref = function() {
      var self = this;
      self.refCount -= 1;
      if (self.refCount > 0) return;
      if (self.refCount < 0) throw new Error("invalid unref");
      self.close(onCloseDone);
      function onCloseDone(err) {
        if (err) return self.emit("error", err);
        self.emit("close");
      }
    };
    RandomAccessReader.prototype.createReadStream = function(options2) {
      if (options2 == null) options2 = {};
      var start = options2.start;
      var end = options2.end;
      if (start === end) {
        var emptyStream = new PassThrough();
        setImmediate(function() {
          emptyStream.end();
        });
        return emptyStream;
      }
      var stream = this._readStreamForRange(start, end);
      var destroyed = false;
      var refUnrefFilter = new RefUnrefFilter(this);
      stream.on("error", function(err) {
        setImmediate(function() {
          if (!destroyed) refUnrefFilter.emit("error", err);
        });
      });
      installDestroyFn(refUnrefFilter, function() {
        stream.unpipe(refUnrefFilter);
        refUnrefFilter.unref();
        stream.destroy();
      });
      var byteCounter = new AssertByteCountStream(end - start);
      refUnrefFilter.on("error", function(err) {
        setImmediate(function() {
          if (!destroyed) byteCounter.emit("error", err);
        });
      });
      installDestroyFn(byteCounter, function() {
        destroyed = true;
        refUnrefFilter.unpipe(byteCounter);
        refUnrefFilter.destroy();
      });
      return stream.pipe(refUnrefFilter).pipe(byteCounter);
    };
    RandomAccessReader.prototype._readStreamForRange = function(start, end) {
      throw new Error("not implemented");
    };
    RandomAccessReader.prototype.read = function(buffer, offset, length, position, callback) {
      var readStream = this.createReadStream({ start: position, end: position + length });
      var writeStream = new Writable();
      var written = 0;
      writeStream._write = function(chunk, encoding, cb) {
        chunk.copy(buffer, offset + written, 0, chunk.length);
        written += chunk.length;
        cb();
      };
      writeStream.on("finish", callback);
      readStream.on("error", function(error2) {
        callback(error2);
      });
      readStream.pipe(writeStream);
    };
    RandomAccessReader.prototype.close = function(callback) {
      setImmediate(callback);
    };
    util.inherits(RefUnrefFilter, PassThrough);
    function RefUnrefFilter(context) {
      PassThrough.call(this);
      this.context = context;
      this.context.ref();
      this.unreffedYet = false;
    }
    RefUnrefFilter.prototype._flush = function(cb) {
      this.unref();
      cb();
    };
    RefUnrefFilter.prototype.unref = function(cb) {
      if (this.unreffedYet) return;
      this.unreffedYet = true;
      this.context.unref();
    };
    var cp437 = "\0\u263A\u263B\u2665\u2666\u2663\u2660\u2022\u25D8\u25CB\u25D9\u2642\u2640\u266A\u266B\u263C\u25BA\u25C4\u2195\u203C\xB6\xA7\u25AC\u21A8\u2191\u2193\u2192\u2190\u221F\u2194\u25B2\u25BC !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u2302\xC7\xFC\xE9\xE2\xE4\xE0\xE5\xE7\xEA\xEB\xE8\xEF\xEE\xEC\xC4\xC5\xC9\xE6\xC6\xF4\xF6\xF2\xFB\xF9\xFF\xD6\xDC\xA2\xA3\xA5\u20A7\u0192\xE1\xED\xF3\xFA\xF1\xD1\xAA\xBA\xBF\u2310\xAC\xBD\xBC\xA1\xAB\xBB\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255D\u255C\u255B\u2510\u2514\u2534\u252C\u251C\u2500\u253C\u255E\u255F\u255A\u2554\u2569\u2566\u2560\u2550\u256C\u2567\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256B\u256A\u2518\u250C\u2588\u2584\u258C\u2590\u2580\u03B1\xDF\u0393\u03C0\u03A3\u03C3\xB5\u03C4\u03A6\u0398\u03A9\u03B4\u221E\u03C6\u03B5\u2229\u2261\xB1\u2265\u2264\u2320\u2321\xF7\u2248\xB0\u2219\xB7\u221A\u207F\xB2\u25A0\xA0";
    function decodeBuffer(buffer, isUtf8) {
      if (isUtf8) {
        return buffer.toString("utf8");
      } else {
        var result = "";
        for (var i = 0; i < buffer.length; i++) {
          result += cp437[buffer[i]];
        }
        return result;
      }
    }
    function readUInt64LE(buffer, offset) {
      var lower32 = buffer.readUInt32LE(offset);
      var upper32 = buffer.readUInt32LE(offset + 4);
      return upper32 * 4294967296 + lower32;
    }
    var newBuffer;
    if (typeof Buffer.allocUnsafe === "function") {
      newBuffer = function(len) {
        return Buffer.allocUnsafe(len);
      };
    } else {
      newBuffer = function(len) {
        return new Buffer(len);
      };
    }
    function installDestroyFn(stream, fn) {
      if (typeof stream.destroy === "function") {
        stream._destroy = function(err, cb) {
          fn();
          if (cb != null) cb(err);
        };
      } else {
        stream.destroy = fn;
      }
    }
    function defaultCallback(err) {
      if (err) throw err;
    }
  }
});

// src/entries/main.ts
import os3 from "node:os";
import path29 from "node:path";

// src/entries/problem-matcher.ts
import path from "node:path";
import { fileURLToPath } from "node:url";
function goProblemMatcherFile(moduleUrl = import.meta.url) {
  return path.resolve(path.dirname(fileURLToPath(moduleUrl)), "../../.github/matchers/go.json");
}

// src/core/config/build.ts
import path4 from "node:path";

// src/core/build/cgo.ts
function parseCompilerMap(value, inputName, targets) {
  const map = {};
  const known = new Set(targets.flatMap((t) => [targetName(t), `${t.goos}/${t.goarch}`]));
  for (const raw of value.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    const at = line.indexOf("=");
    const name = at < 0 ? "" : line.slice(0, at).trim();
    const command = at < 0 ? "" : line.slice(at + 1).trim();
    if (!/^[a-z0-9]+\/[a-z0-9]+(\/[\w.,]+)?$/.test(name) || command === "") {
      throw new InputError(
        inputName,
        `Input ${inputName} holds ${JSON.stringify(line)}, which is not target=command`,
        `write one target a line with its compiler, e.g. linux/arm64=aarch64-linux-gnu-gcc or linux/arm64=zig ${inputName === "cgo-cxx" ? "c++" : "cc"} -target aarch64-linux-gnu`
      );
    }
    if (!known.has(name)) {
      throw new InputError(
        inputName,
        `Input ${inputName} sets a compiler for ${name}, which is not one of the targets (${targets.map(targetName).join(" ") || "none"})`,
        "name a target listed in targets, e.g. linux/arm64=aarch64-linux-gnu-gcc"
      );
    }
    if (map[name] !== void 0) {
      throw new InputError(
        inputName,
        `Input ${inputName} sets the compiler for ${name} twice`,
        "keep one line per target"
      );
    }
    map[name] = command;
  }
  return map;
}
function compilerFor(map, target) {
  return map[targetName(target)] ?? map[`${target.goos}/${target.goarch}`];
}
var C_TOOLCHAIN_LINE = /executable file not found|C compiler .* not found|cgo: |unrecognized command[- ]line option|unknown (target|argument)|no such instruction|Error: |error: unsupported|cannot find -l|ld(\.\w+)?: |linker command failed|fatal error: /;
function cgoFailureMessage(label, target, host, output, compiler) {
  const lines = output.split("\n").map((line) => line.trim()).filter((line) => C_TOOLCHAIN_LINE.test(line));
  if (lines.length === 0) return void 0;
  const cause = lines.slice(0, 2).join(" / ");
  const cross = target.goos !== host.goos || target.goarch !== host.goarch;
  const name = `${target.goos}/${target.goarch}`;
  if (compiler) {
    return `go build failed for ${label} in the C toolchain (cgo-cc for ${name}: ${compiler}): ${cause}. Check that the command compiles for ${name}, or set cgo: false`;
  }
  if (!cross)
    return `go build failed for ${label} in the C toolchain: ${cause}. Install a C compiler, or set cgo: false`;
  return `go build failed for ${label}: cgo: true compiles C code, and this ${host.goos}/${host.goarch} machine's default C compiler does not build for ${name} (${cause}). Set a C cross compiler for it in cgo-cc (e.g. ${name}=${exampleCompiler(target)}), build ${name} on a runner of that platform (the reusable workflow runs each target natively), or set cgo: false`;
}
function exampleCompiler(target) {
  const arch = {
    amd64: "x86_64",
    arm64: "aarch64",
    "386": "x86",
    arm: "arm",
    riscv64: "riscv64"
  };
  const os4 = { linux: "linux-gnu", darwin: "macos", windows: "windows-gnu" };
  return `zig cc -target ${arch[target.goarch] ?? target.goarch}-${os4[target.goos] ?? target.goos}`;
}

// src/core/build/ldflags.ts
var STAMP_PLACEHOLDERS = ["version", "commit", "date"];
var SHORT_COMMIT_LENGTH = 7;
function utcSeconds(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
function stampValues(facts) {
  const values = {};
  const gaps = {};
  const sha = facts.sha?.trim();
  if (sha) values.commit = sha;
  else gaps.commit = "GITHUB_SHA is not set";
  const tag = facts.ref?.startsWith("refs/tags/") ? facts.refName || facts.ref.slice("refs/tags/".length) : void 0;
  if (tag) values.version = tag;
  else if (sha) values.version = sha.slice(0, SHORT_COMMIT_LENGTH);
  else gaps.version = "neither a tag (GITHUB_REF) nor GITHUB_SHA is set";
  const committed = facts.commitDate?.trim() ? new Date(facts.commitDate.trim()) : void 0;
  const epoch = facts.sourceDateEpoch?.trim();
  const wholeSeconds = epoch !== void 0 && /^\d+$/.test(epoch);
  const epochDate = wholeSeconds ? new Date(Number(epoch) * 1e3) : void 0;
  if (committed && !Number.isNaN(committed.getTime())) {
    values.date = utcSeconds(committed);
  } else if (epochDate && !Number.isNaN(epochDate.getTime())) {
    values.date = utcSeconds(epochDate);
  } else {
    gaps.date = `git could not give the commit date (${facts.commitDateError ?? "no answer"})` + (epoch ? ` and SOURCE_DATE_EPOCH is ${JSON.stringify(epoch)}, ${wholeSeconds ? "past the last date a timestamp can hold" : "not whole seconds"}` : "");
  }
  return { values, gaps };
}
var PLACEHOLDER = /\{([A-Za-z_][\w-]*)\}/g;
function usedPlaceholders(ldflags) {
  return [...new Set([...ldflags.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}
function checkLdflags(ldflags, inputName = "ldflags") {
  const unknown = usedPlaceholders(ldflags).filter(
    (name) => !STAMP_PLACEHOLDERS.includes(name)
  );
  if (unknown.length > 0) {
    throw new InputError(
      inputName,
      `Input ${inputName} uses ${unknown.map((name) => `{${name}}`).join(", ")}, which ${unknown.length === 1 ? "is not a placeholder" : "are not placeholders"}`,
      `use {version}, {commit} or {date}, e.g. -s -w -X main.version={version} -X main.commit={commit}`
    );
  }
  for (let rest = ldflags.replace(/^[ \t\n\r]+/, ""); rest !== ""; rest = rest.replace(/^[ \t\n\r]+/, "")) {
    const quote = rest[0];
    if (quote === "'" || quote === '"') {
      const end = rest.indexOf(quote, 1);
      if (end < 0) {
        throw new InputError(
          inputName,
          `Input ${inputName} ${JSON.stringify(ldflags)} has an unterminated ${quote} string, which go refuses`,
          `close it, e.g. -s -w -X 'main.greeting=hello world'`
        );
      }
      rest = rest.slice(end + 1);
    } else {
      const space = rest.search(/[ \t\n\r]/);
      rest = space < 0 ? "" : rest.slice(space);
    }
  }
}
function templateLdflags(ldflags, stamp, inputName = "ldflags") {
  checkLdflags(ldflags, inputName);
  return ldflags.replace(PLACEHOLDER, (_whole, name) => {
    const value = stamp.values[name];
    if (value === void 0) {
      throw new InputError(
        inputName,
        `Input ${inputName} uses {${name}}, but ${stamp.gaps[name] ?? "its value is unknown"}`,
        name === "date" ? "check out the repository (actions/checkout; any fetch-depth) or set SOURCE_DATE_EPOCH" : "run the action in a GitHub Actions job, which sets GITHUB_SHA and GITHUB_REF"
      );
    }
    return value;
  });
}
function stripsSymbolTable(ldflags) {
  let strips = false;
  for (const word of ldflags.split(/\s+/)) {
    if (word === "-s" || word === "--s" || /^--?s=(true|1)$/.test(word)) strips = true;
    else if (/^--?s=(false|0)$/.test(word)) strips = false;
  }
  return strips;
}

// src/core/build/plan.ts
import path2 from "node:path";
function packageBinaryName(pkg, workingDirectory, known) {
  const fromImportPath = known?.[pkg];
  if (fromImportPath) return fromImportPath;
  const trimmed = pkg.replace(/\/\.\.\.$/, "").replace(/\/+$/, "");
  return trimmed === "." || trimmed === "" ? path2.basename(workingDirectory) : path2.posix.basename(trimmed);
}
var NAME_PLACEHOLDERS = ["name", "goos", "goarch", "variant", "ext"];
function renderName(template, values, inputName = "name-template") {
  return template.replace(/\{(\w+)\}/g, (_whole, key) => {
    if (!NAME_PLACEHOLDERS.includes(key)) {
      throw new InputError(
        inputName,
        `Input ${inputName} uses {${key}}, which is not a placeholder`,
        `use ${NAME_PLACEHOLDERS.map((name) => `{${name}}`).join(", ")}, e.g. {name}_{goos}_{goarch}{ext}`
      );
    }
    return values[key];
  });
}
function executableExtension(target) {
  if (target.goos === "windows") return ".exe";
  return target.goarch === "wasm" ? ".wasm" : "";
}
function outputPath(config, pkg, name, target) {
  const fileName = renderName(config.nameTemplate, {
    name,
    goos: target.goos,
    goarch: target.goarch,
    variant: target.variant ?? "",
    ext: executableExtension(target)
  });
  const output = path2.resolve(
    config.outputDir,
    target.variant && !config.nameTemplate.includes("{variant}") ? fileName.replace(/(\.exe|\.wasm)?$/, `_${target.variant}$1`) : fileName
  );
  const inOutputDir = path2.relative(config.outputDir, output);
  if (fileName.trim() === "" || inOutputDir === "" || inOutputDir.startsWith("..") || path2.isAbsolute(inOutputDir)) {
    throw new InputError(
      "name-template",
      `Input name-template ${JSON.stringify(config.nameTemplate)} gives ${JSON.stringify(fileName)} for ${pkg} ${targetName(target)}, which is not a file inside output-dir`,
      "name a file, optionally in a subdirectory, e.g. {name}_{goos}_{goarch}{ext} or {goos}_{goarch}/{name}{ext}"
    );
  }
  return output;
}
function planBuilds(config) {
  const jobs = [];
  const writers = /* @__PURE__ */ new Map();
  for (const pkg of config.packages) {
    if (pkg.startsWith("-")) {
      throw new InputError(
        "packages",
        `Input packages holds ${JSON.stringify(pkg)}, which go would read as a flag`,
        "put flags in build-flags and list package directories in packages, e.g. ./cmd/tool"
      );
    }
    const name = packageBinaryName(pkg, config.workingDirectory, config.binaryNames);
    for (const target of config.targets) {
      const output = outputPath(config, pkg, name, target);
      const args = ["build", "-o", output];
      if (config.trimpath) args.push("-trimpath");
      args.push("-buildvcs=false");
      if (config.ldflags) args.push(`-ldflags=${config.ldflags}`);
      if (config.tags.length > 0) args.push(`-tags=${config.tags.join(",")}`);
      args.push(...config.extraFlags, pkg);
      const job = {
        package: pkg,
        target,
        args,
        env: { ...targetEnv(target), CGO_ENABLED: config.cgo ? "1" : "0", ...cgoCompilers(config, target) },
        output,
        label: `${pkg} ${targetName(target)}`
      };
      const earlier = writers.get(output);
      if (earlier) throw collision(earlier, job, config);
      writers.set(output, job);
      jobs.push(job);
    }
  }
  return jobs;
}
function cgoCompilers(config, target) {
  if (!config.cgo) return {};
  const cc = config.cc && compilerFor(config.cc, target);
  const cxx = config.cxx && compilerFor(config.cxx, target);
  return { ...cc ? { CC: cc } : {}, ...cxx ? { CXX: cxx } : {} };
}
function collision(earlier, later, config) {
  const file = path2.relative(config.outputDir, later.output);
  const problem = `Builds of ${earlier.label} and ${later.label} would both write ${file} in output-dir`;
  if (earlier.package !== later.package && config.nameTemplate.includes("{name}")) {
    return new InputError(
      "packages",
      `${problem}: both packages are named ${packageBinaryName(later.package, config.workingDirectory, config.binaryNames)}`,
      "build them in separate steps with different output-dir values"
    );
  }
  const missing = ["name", "goos", "goarch"].filter((key) => !config.nameTemplate.includes(`{${key}}`));
  return new InputError(
    "name-template",
    `${problem}: name-template ${JSON.stringify(config.nameTemplate)} does not tell them apart`,
    `add ${missing.map((key) => `{${key}}`).join(", ")}, e.g. {name}_{goos}_{goarch}{ext}`
  );
}
function unstrippedBuild(job, output) {
  const args = job.args.map((arg, index) => index > 0 && job.args[index - 1] === "-o" ? output : arg);
  const ldflagsAt = args.findLastIndex((arg) => arg.startsWith("-ldflags="));
  if (ldflagsAt >= 0) args[ldflagsAt] = `${args[ldflagsAt]} -s=false -w`;
  else args.splice(args.indexOf("-buildvcs=false") + 1, 0, "-ldflags=-s=false -w");
  return { ...job, args, output, label: `${job.label} (unstripped)` };
}

// src/core/binary/wasm-header.ts
var WASM_PREAMBLE = [0, 97, 115, 109, 1, 0, 0, 0];
var IMPORT_SECTION = 2;
var GOOS_BY_IMPORT_MODULE = { gojs: "js", wasi_snapshot_preview1: "wasip1" };
function isWasmModule(bytes) {
  return WASM_PREAMBLE.every((byte, index) => bytes[index] === byte);
}
function readUleb(bytes, at) {
  let value = 0;
  for (let shift = 0, index = at; index < bytes.length && shift < 35; shift += 7, index++) {
    const byte = bytes[index] ?? 0;
    value += (byte & 127) * 2 ** shift;
    if ((byte & 128) === 0) return { value, end: index + 1 };
  }
  return void 0;
}
function firstImportModule(bytes) {
  let at = WASM_PREAMBLE.length;
  while (at < bytes.length) {
    const id = bytes[at] ?? 0;
    const size = readUleb(bytes, at + 1);
    if (!size) return void 0;
    if (id === IMPORT_SECTION) {
      const count = readUleb(bytes, size.end);
      const nameLength = count && count.value > 0 ? readUleb(bytes, count.end) : void 0;
      if (!nameLength || nameLength.end + nameLength.value > bytes.length) return void 0;
      return new TextDecoder().decode(bytes.subarray(nameLength.end, nameLength.end + nameLength.value));
    }
    if (id > IMPORT_SECTION) return void 0;
    at = size.end + size.value;
  }
  return void 0;
}
var PRODUCERS_LANGUAGE_GO = Buffer.from("\blanguageGo", "latin1");
function wasmGoVersion(bytes) {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = haystack.indexOf(PRODUCERS_LANGUAGE_GO);
  const length = at < 0 ? void 0 : bytes[at + PRODUCERS_LANGUAGE_GO.length];
  if (length === void 0 || length >= 128) return void 0;
  const start = at + PRODUCERS_LANGUAGE_GO.length + 1;
  const version = haystack.subarray(start, start + length).toString("latin1");
  return /^(go\d|devel )/.test(version) ? version : void 0;
}
function readWasmHeader(bytes) {
  const module = firstImportModule(bytes);
  return {
    format: "wasm",
    os: module !== void 0 && GOOS_BY_IMPORT_MODULE[module] || "unknown",
    arch: "wasm",
    archs: ["wasm"],
    fat: false,
    bits: 32,
    littleEndian: true
  };
}

// src/core/binary/header.ts
var BINARY_HEADER_BYTES = 4096;
function readBinaryHeader(bytes) {
  if (bytes.length === 0) throw new Error("Not an executable: the file is empty");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, ELF_MAGIC)) return readElfHeader(bytes, view);
  if (bytes.length >= 4) {
    const magic = view.getUint32(0, false);
    if (magic === FAT_MAGIC || magic === FAT_MAGIC_64) return readFatMachOHeader(bytes, view, magic);
    if (MACHO_MAGICS.has(magic)) return readThinMachOHeader(bytes, view, magic);
  }
  if (startsWith(bytes, PE_DOS_MAGIC)) return readPeHeader(bytes, view);
  if (isWasmModule(bytes)) return readWasmHeader(bytes);
  throw new Error(`Not an ELF, Mach-O, PE or WebAssembly executable: ${describeBytes(bytes)}`);
}
var ELF_MAGIC = [127, 69, 76, 70];
var ELF_HEADER_PREFIX_BYTES = 20;
var ELFCLASS32 = 1;
var ELFCLASS64 = 2;
var ELFDATA2LSB = 1;
var ELFDATA2MSB = 2;
var ELF_OS_BY_OSABI = /* @__PURE__ */ new Map([
  [2, "netbsd"],
  [6, "solaris"],
  [9, "freebsd"],
  [12, "openbsd"]
]);
function elfArch(machine, bits, littleEndian) {
  switch (machine) {
    case 3:
      return "386";
    case 8:
      return (bits === 64 ? "mips64" : "mips") + (littleEndian ? "le" : "");
    case 20:
      return "ppc";
    case 21:
      return littleEndian ? "ppc64le" : "ppc64";
    case 22:
      return bits === 64 ? "s390x" : "s390";
    case 40:
      return "arm";
    case 43:
      return "sparc64";
    case 62:
      return "amd64";
    case 183:
      return "arm64";
    case 243:
      return bits === 64 ? "riscv64" : "riscv";
    case 258:
      return "loong64";
    default:
      return unknownArch(machine);
  }
}
function readElfHeader(bytes, view) {
  if (bytes.length < ELF_HEADER_PREFIX_BYTES) {
    throw new Error(
      `Truncated ELF file: ${bytes.length} bytes, but the header needs at least ${ELF_HEADER_PREFIX_BYTES}`
    );
  }
  const elfClass = bytes[4];
  const elfData = bytes[5];
  if (elfClass !== ELFCLASS32 && elfClass !== ELFCLASS64) {
    throw new Error(`Malformed ELF file: EI_CLASS is ${elfClass}, neither 1 (32-bit) nor 2 (64-bit)`);
  }
  if (elfData !== ELFDATA2LSB && elfData !== ELFDATA2MSB) {
    throw new Error(
      `Malformed ELF file: EI_DATA is ${elfData}, neither 1 (little-endian) nor 2 (big-endian)`
    );
  }
  const bits = elfClass === ELFCLASS64 ? 64 : 32;
  const littleEndian = elfData === ELFDATA2LSB;
  const arch = elfArch(view.getUint16(18, littleEndian), bits, littleEndian);
  return {
    format: "elf",
    os: ELF_OS_BY_OSABI.get(bytes[7] ?? 0) ?? "linux",
    arch,
    archs: [arch],
    fat: false,
    bits,
    littleEndian
  };
}
var MH_MAGIC = 4277009102;
var MH_MAGIC_64 = 4277009103;
var MH_CIGAM = 3472551422;
var MH_CIGAM_64 = 3489328638;
var MACHO_MAGICS = /* @__PURE__ */ new Set([MH_MAGIC, MH_MAGIC_64, MH_CIGAM, MH_CIGAM_64]);
var FAT_MAGIC = 3405691582;
var FAT_MAGIC_64 = 3405691583;
var FAT_ARCH_BYTES = 20;
var FAT_ARCH_64_BYTES = 32;
var MAX_FAT_ARCHS = 20;
var FIRST_JAVA_CLASS_MAJOR_VERSION = 45;
var CPU_ARCH_ABI64 = 16777216;
var MACHO_ARCH_BY_CPU_TYPE = /* @__PURE__ */ new Map([
  [7, { arch: "386", littleEndian: true }],
  [7 | CPU_ARCH_ABI64, { arch: "amd64", littleEndian: true }],
  [12, { arch: "arm", littleEndian: true }],
  [12 | CPU_ARCH_ABI64, { arch: "arm64", littleEndian: true }],
  [18, { arch: "ppc", littleEndian: false }],
  [18 | CPU_ARCH_ABI64, { arch: "ppc64", littleEndian: false }]
]);
function machOSlice(cpuType) {
  const known = MACHO_ARCH_BY_CPU_TYPE.get(cpuType);
  return {
    arch: known?.arch ?? unknownArch(cpuType),
    bits: (cpuType & CPU_ARCH_ABI64) !== 0 ? 64 : 32,
    littleEndian: known?.littleEndian ?? true
  };
}
function readThinMachOHeader(bytes, view, magic) {
  if (bytes.length < 8) {
    throw new Error(`Truncated Mach-O file: ${bytes.length} bytes, but the header needs at least 8`);
  }
  const littleEndian = magic === MH_CIGAM || magic === MH_CIGAM_64;
  const bits = magic === MH_MAGIC_64 || magic === MH_CIGAM_64 ? 64 : 32;
  const { arch } = machOSlice(view.getUint32(4, littleEndian));
  return { format: "macho", os: "darwin", arch, archs: [arch], fat: false, bits, littleEndian };
}
function readFatMachOHeader(bytes, view, magic) {
  if (bytes.length < 8) {
    throw new Error(
      `Truncated file: ${bytes.length} bytes starting with magic 0x${magic.toString(16)}, too few to tell a Mach-O universal binary (or a Java class file) by its next word`
    );
  }
  const count = view.getUint32(4, false);
  if (magic === FAT_MAGIC && view.getUint16(6, false) >= FIRST_JAVA_CLASS_MAJOR_VERSION) {
    throw new Error(
      `Not an executable: a Java class file (magic 0xcafebabe, class version ${view.getUint16(6, false)}.${view.getUint16(4, false)}), not a Mach-O universal binary`
    );
  }
  if (count === 0 || count > MAX_FAT_ARCHS) {
    throw new Error(
      `Malformed Mach-O universal binary: magic 0x${magic.toString(16)} but ${count} architectures (expected 1 to ${MAX_FAT_ARCHS})`
    );
  }
  const entryBytes = magic === FAT_MAGIC_64 ? FAT_ARCH_64_BYTES : FAT_ARCH_BYTES;
  const tableEnd = 8 + count * entryBytes;
  if (bytes.length < tableEnd) {
    throw new Error(
      `Truncated Mach-O universal binary: ${count} architectures need ${tableEnd} header bytes, got ${bytes.length}`
    );
  }
  const slices = Array.from(
    { length: count },
    (_, index) => machOSlice(view.getUint32(8 + index * entryBytes, false))
  );
  const archs = slices.map((slice) => slice.arch);
  return {
    format: "macho",
    os: "darwin",
    arch: archs.join("+"),
    archs,
    fat: true,
    bits: slices.every((slice) => slice.bits === 64) ? 64 : 32,
    littleEndian: slices.every((slice) => slice.littleEndian)
  };
}
var PE_DOS_MAGIC = [77, 90];
var PE_SIGNATURE = [80, 69, 0, 0];
var DOS_HEADER_BYTES = 64;
var PE32_MAGIC = 267;
var PE32_PLUS_MAGIC = 523;
var PE_ARCH_BY_MACHINE = /* @__PURE__ */ new Map([
  [332, { arch: "386", bits: 32 }],
  [34404, { arch: "amd64", bits: 64 }],
  [448, { arch: "arm", bits: 32 }],
  [452, { arch: "arm", bits: 32 }],
  // ARMNT: Thumb-2, what Go's windows/arm wrote
  [43620, { arch: "arm64", bits: 64 }],
  [20580, { arch: "riscv64", bits: 64 }],
  [25188, { arch: "loong64", bits: 64 }]
]);
function readPeHeader(bytes, view) {
  if (bytes.length < DOS_HEADER_BYTES) {
    throw new Error(
      `Truncated file: 'MZ' magic, but ${bytes.length} bytes are too few for a DOS header (64)`
    );
  }
  const peOffset = view.getUint32(60, true);
  const optionalHeaderOffset = peOffset + 24;
  if (bytes.length < optionalHeaderOffset) {
    throw new Error(
      `Truncated PE file: its PE header is at offset ${peOffset}, beyond the ${bytes.length} bytes given`
    );
  }
  if (!startsWith(bytes.subarray(peOffset), PE_SIGNATURE)) {
    throw new Error(
      `Not a PE executable: 'MZ' magic, but no 'PE\\0\\0' signature at e_lfanew (offset ${peOffset}); a plain DOS program?`
    );
  }
  const machine = view.getUint16(peOffset + 4, true);
  const known = PE_ARCH_BY_MACHINE.get(machine);
  const arch = known?.arch ?? unknownArch(machine);
  const optionalHeaderSize = view.getUint16(peOffset + 20, true);
  let bits = known?.bits ?? 32;
  if (optionalHeaderSize >= 2 && bytes.length >= optionalHeaderOffset + 2) {
    const optionalMagic = view.getUint16(optionalHeaderOffset, true);
    if (optionalMagic === PE32_PLUS_MAGIC) bits = 64;
    else if (optionalMagic === PE32_MAGIC) bits = 32;
  }
  return { format: "pe", os: "windows", arch, archs: [arch], fat: false, bits, littleEndian: true };
}
function unknownArch(code2) {
  return `unknown-0x${code2.toString(16)}`;
}
function startsWith(bytes, prefix) {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}
var SHEBANG = [35, 33];
var KNOWN_NON_EXECUTABLES = [
  { prefix: [80, 75, 3, 4], what: "a zip archive" },
  { prefix: [31, 139], what: "a gzip stream" },
  { prefix: [..."!<arch>\n"].map((c) => c.charCodeAt(0)), what: "an ar archive (a Go package or C library)" }
];
function describeBytes(bytes) {
  const known = KNOWN_NON_EXECUTABLES.find(({ prefix }) => startsWith(bytes, prefix));
  if (known) return known.what;
  const shown = bytes.subarray(0, 40);
  if (startsWith(bytes, SHEBANG)) {
    const lineEnd = shown.indexOf(10);
    return `a script starting ${JSON.stringify(String.fromCharCode(...lineEnd < 0 ? shown : shown.subarray(0, lineEnd)))}`;
  }
  if (shown.every(isPrintableAscii)) {
    return `text ${JSON.stringify(String.fromCharCode(...shown))}${bytes.length > shown.length ? "\u2026" : ""}`;
  }
  const hex = [...bytes.subarray(0, 16)].map((byte) => byte.toString(16).padStart(2, "0")).join(" ");
  return `first bytes ${hex}${bytes.length <= 16 ? ` (${bytes.length} bytes in all)` : ""}`;
}
function isPrintableAscii(byte) {
  return byte === 9 || byte === 10 || byte === 13 || byte >= 32 && byte < 127;
}
function formatName(header) {
  return header.fat ? "macho-fat" : header.format;
}

// src/core/build/universal.ts
var UNIVERSAL_GOARCH = "universal";
var SLICE_ARCHS = ["arm64", "amd64"];
var isSliceTarget = (target, arch) => target.goos === "darwin" && target.goarch === arch && !target.variant;
function checkUniversalTargets(targets) {
  const missing = SLICE_ARCHS.filter((arch) => !targets.some((target) => isSliceTarget(target, arch)));
  if (missing.length === 0) return;
  const listed = targets.map(targetName).join(" ");
  throw new InputError(
    "universal-darwin",
    `Input universal-darwin is true, but targets (${listed ? listed : "empty"}) lack ${missing.map((arch) => `darwin/${arch}`).join(" and ")}`,
    "add darwin/arm64 and darwin/amd64 (without a variant) to targets, which the universal binary is made of, or set universal-darwin: false"
  );
}
function planUniversal(jobs, config) {
  const packages = [...new Set(jobs.map((job) => job.package))];
  return packages.map((pkg) => {
    const slices = SLICE_ARCHS.map(
      (arch) => jobs.find((job) => job.package === pkg && isSliceTarget(job.target, arch))
    ).filter((job) => job !== void 0);
    const name = packageBinaryName(pkg, config.workingDirectory, config.binaryNames);
    const output = outputPath(config, pkg, name, { goos: "darwin", goarch: UNIVERSAL_GOARCH });
    return { package: pkg, output, slices, label: `${pkg} darwin/${UNIVERSAL_GOARCH}` };
  });
}
function sliceResults(inspected) {
  return (inspected.slices ?? []).map((slice) => ({
    arch: slice.arch,
    offset: slice.offset,
    sizeBytes: slice.sizeBytes,
    sha256: slice.sha256,
    ...slice.buildInfo ? {
      goVersion: slice.buildInfo.goVersion,
      goos: slice.buildInfo.settings.GOOS ?? "",
      goarch: slice.buildInfo.settings.GOARCH ?? ""
    } : {}
  }));
}
function universalResult(plan, inspected, thin, file) {
  const slices = sliceResults(inspected);
  const problems = [];
  if (!inspected.header.fat) problems.push(`header says ${inspected.header.format}, not a universal Mach-O`);
  for (const arch of SLICE_ARCHS) {
    const slice = slices.find((s) => s.arch === arch);
    const source = thin.find((t) => t.package === plan.package && isSliceTarget(t, arch));
    if (!slice) problems.push(`it has no ${arch} slice`);
    else if (slice.sha256 !== source?.sha256)
      problems.push(`its ${arch} slice differs from the darwin/${arch} build`);
    else if (slice.goos !== "darwin" || slice.goarch !== arch)
      problems.push(`its ${arch} slice's build info says ${slice.goos ?? "?"}/${slice.goarch ?? "?"}`);
  }
  if (slices.length !== SLICE_ARCHS.length)
    problems.push(`it has ${slices.length} slices, not ${SLICE_ARCHS.length}`);
  if (problems.length > 0) return { problems };
  return {
    result: {
      goos: "darwin",
      goarch: UNIVERSAL_GOARCH,
      package: plan.package,
      path: file.path,
      sizeBytes: inspected.sizeBytes,
      buildMs: file.buildMs,
      sha256: inspected.sha256,
      format: formatName(inspected.header),
      arch: inspected.header.arch,
      slices
    }
  };
}

// src/core/config/values.ts
import path3 from "node:path";
function inWorkspace(workspace, value, inputName) {
  const resolved = path3.resolve(workspace, value);
  const relative = path3.relative(workspace, resolved);
  if (relative.startsWith("..") || path3.isAbsolute(relative)) {
    throw new InputError(
      inputName,
      `Input ${inputName} is ${JSON.stringify(value)}, which is outside the workspace`,
      "give a path relative to the workspace, without .. climbing out of it, e.g. dist or app/go.mod"
    );
  }
  return resolved;
}
function parseBoolean(value, inputName) {
  const normalized = value.trim().toLowerCase();
  if (normalized === "true") return true;
  if (normalized === "false") return false;
  throw new InputError(
    inputName,
    `Input ${inputName} is ${JSON.stringify(value)}, not a boolean`,
    "use true or false"
  );
}
function parsePositiveInteger(value, inputName, fallback) {
  const trimmed = value.trim();
  if (trimmed === "") return fallback;
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) {
    throw new InputError(
      inputName,
      `Input ${inputName} is ${JSON.stringify(value)}, not a positive whole number`,
      `use e.g. 2, or leave it empty for the number of cores (${fallback})`
    );
  }
  return Number(trimmed);
}
function parseList(value) {
  return value.split(/[\s,]+/).map((word) => word.trim()).filter(Boolean);
}
function splitShellWords(value, inputName) {
  const words = [];
  let current = "";
  let inWord = false;
  let quote;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (quote === "'") {
      if (char === "'") quote = void 0;
      else current += char;
    } else if (quote === '"') {
      if (char === '"') quote = void 0;
      else if (char === "\\" && i + 1 < value.length && '"\\$`'.includes(value[i + 1]))
        current += value[++i];
      else current += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === "\\" && i + 1 < value.length) {
      current += value[++i];
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (quote) {
    throw new InputError(
      inputName,
      `Input ${inputName} has an unclosed ${quote} quote`,
      `close it, e.g. -gcflags='all=-N -l'`
    );
  }
  if (inWord) words.push(current);
  return words;
}

// src/core/config/build.ts
function parseBuildTags(value) {
  const tags = parseList(value);
  const bad = tags.filter((tag) => !/^[\p{L}\p{N}_.]+$/u.test(tag));
  if (bad.length > 0) {
    throw new InputError(
      "build-tags",
      `Input build-tags holds ${bad.map((tag) => JSON.stringify(tag)).join(", ")}, which no //go:build line can name`,
      "use tags made of letters, digits, _ and ., separated by spaces or commas, e.g. netgo,osusergo"
    );
  }
  return tags;
}
function parseBuildFlags(value) {
  const flags = splitShellWords(value, "build-flags");
  const output = flags.find((flag) => /^--?o(=|$)/.test(flag));
  if (output !== void 0) {
    throw new InputError(
      "build-flags",
      `Input build-flags sets ${JSON.stringify(output)}, but the action names each binary itself`,
      "choose where binaries go with output-dir and name-template, e.g. name-template: {name}_{goos}_{goarch}{ext}"
    );
  }
  return flags;
}
function parseSbom(value, targets) {
  const sbom = parseBoolean(value || "false", "sbom");
  if (sbom && targets.length === 0) {
    throw new InputError(
      "sbom",
      "Input sbom is true but targets is empty, so no binary is built to describe",
      "set targets, or set sbom in the jobs that build (each writes the SBOMs of its own binaries)"
    );
  }
  return sbom;
}
function readPackages(input) {
  const packages = parseList(input("packages") || ".");
  if (packages.length === 0) {
    throw new InputError(
      "packages",
      `Input packages is ${JSON.stringify(input("packages"))}, which names no package`,
      "list main packages relative to working-directory, e.g. . or ./cmd/tool"
    );
  }
  return packages;
}
function readBuildInputs(input, where) {
  const { workspace, workingDirectory, packages } = where;
  const targets = parseTargets(input("targets"));
  const ldflags = input("ldflags");
  checkLdflags(ldflags);
  const trimpath = parseBoolean(input("trimpath") || "true", "trimpath");
  const cgo = parseBoolean(input("cgo") || "false", "cgo");
  const cgoCc = parseCompilerMap(input("cgo-cc"), "cgo-cc", targets);
  const cgoCxx = parseCompilerMap(input("cgo-cxx"), "cgo-cxx", targets);
  const buildTags = parseBuildTags(input("build-tags"));
  const buildFlags = parseBuildFlags(input("build-flags"));
  const outputDir = input("output-dir").trim() ? inWorkspace(workspace, input("output-dir").trim(), "output-dir") : path4.join(workingDirectory, "dist");
  const nameTemplate = input("name-template") || "{name}_{goos}_{goarch}{ext}";
  const universalDarwin = parseBoolean(input("universal-darwin") || "false", "universal-darwin");
  if (universalDarwin) checkUniversalTargets(targets);
  planBuilds({
    workingDirectory,
    packages,
    targets,
    ldflags,
    trimpath,
    cgo,
    tags: buildTags,
    extraFlags: buildFlags,
    outputDir,
    nameTemplate
  });
  return {
    targets,
    packages,
    ldflags,
    trimpath,
    cgo,
    cgoCc,
    cgoCxx,
    buildTags,
    buildFlags,
    outputDir,
    nameTemplate,
    universalDarwin
  };
}
function readBuildRunInputs(input, cores, targets) {
  return {
    parallel: parsePositiveInteger(input("parallel"), "parallel", cores),
    failFast: parseBoolean(input("fail-fast") || "false", "fail-fast"),
    attribution: parseBoolean(input("attribution") || "false", "attribution"),
    sbom: parseSbom(input("sbom"), targets)
  };
}

// src/core/config/cache.ts
function readCacheInputs(input) {
  return {
    cache: parseBoolean(input("cache") || "true", "cache"),
    cacheBuild: parseBoolean(input("cache-build") || "true", "cache-build"),
    cacheSave: parseCacheSave(input("cache-save")),
    cacheDependencyPath: input("cache-dependency-path"),
    cacheKeyPrefix: validateKeyPrefix(input("cache-key-prefix"))
  };
}

// src/core/config/toolchain.ts
function parseToolchainSource(value) {
  const normalized = value.trim().toLowerCase() || "auto";
  if (normalized === "auto" || normalized === "go.dev" || normalized === "goproxy") return normalized;
  throw new InputError(
    "toolchain-source",
    `Input toolchain-source is ${JSON.stringify(value)}`,
    "use auto (go.dev, then GOPROXY), go.dev or goproxy"
  );
}
function parseChecksumDatabase(value) {
  const normalized = value.trim() || "sum.golang.org";
  if (normalized === "sum.golang.org" || normalized === "off") return normalized;
  throw new InputError(
    "checksum-database",
    `Input checksum-database is ${JSON.stringify(value)}`,
    "use sum.golang.org (the default, reached through each GOPROXY entry first, as go does), or off on a runner that cannot reach it, with toolchain-sum pinning the hash"
  );
}
function parseBaseUrl(value, inputName, fallback) {
  const trimmed = value.trim().replace(/\/+$/, "");
  if (trimmed === "") return fallback;
  if (!/^https?:\/\/[^\s/]+/.test(trimmed)) {
    throw new InputError(
      inputName,
      `Input ${inputName} is ${JSON.stringify(value)}, not an http(s) URL`,
      `use a go.dev-compatible mirror such as ${fallback}`
    );
  }
  const host = new URL(trimmed).hostname;
  if (trimmed.startsWith("http://") && !/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(host)) {
    throw new InputError(
      inputName,
      `Input ${inputName} is ${JSON.stringify(value)}, a plain http:// URL; refusing to download a toolchain over it`,
      `use the mirror's https:// URL, such as ${fallback}`
    );
  }
  return trimmed;
}
function parseGotoolchain(value) {
  const trimmed = value.trim() || "local";
  if (/^(auto|path|(local|go\d+(\.\d+){0,2}((rc|beta)\d+)?(-[^\s+]+)?)(\+(auto|path))?)$/.test(trimmed))
    return trimmed;
  throw new InputError(
    "gotoolchain",
    `Input gotoolchain is ${JSON.stringify(value)}, which go refuses as GOTOOLCHAIN`,
    "use local (the default: never switch toolchains), auto, or a toolchain such as go1.25.4 or go1.25.4+auto"
  );
}
function readGoproxy(input) {
  const goproxy = input("goproxy").trim() || "https://proxy.golang.org,direct";
  parseGoproxy(goproxy);
  return goproxy;
}
function readToolchainInputs(input, workspace, goproxy) {
  return {
    goVersion: input("go-version").trim(),
    goVersionFile: input("go-version-file").trim() ? inWorkspace(workspace, input("go-version-file").trim(), "go-version-file") : "",
    architecture: input("architecture").trim() || "auto",
    checkLatest: parseBoolean(input("check-latest") || "false", "check-latest"),
    toolchainSource: parseToolchainSource(input("toolchain-source")),
    goDownloadBaseUrl: parseBaseUrl(
      input("go-download-base-url"),
      "go-download-base-url",
      "https://go.dev/dl"
    ),
    goproxy,
    toolchainSum: input("toolchain-sum").trim(),
    checksumDatabase: parseChecksumDatabase(input("checksum-database")),
    verify: parseBoolean(input("verify") || "true", "verify"),
    gotoolchain: parseGotoolchain(input("gotoolchain"))
  };
}

// src/core/config.ts
function readConfig(input, runner) {
  const { workspace } = runner;
  const workingDirectory = inWorkspace(workspace, input("working-directory") || ".", "working-directory");
  const packages = readPackages(input);
  const goproxy = readGoproxy(input);
  const build = readBuildInputs(input, { workspace, workingDirectory, packages });
  return {
    ...readToolchainInputs(input, workspace, goproxy),
    workingDirectory,
    ...build,
    ...readBuildRunInputs(input, runner.cores, build.targets),
    reportFile: input("report-file").trim() ? inWorkspace(workspace, input("report-file").trim(), "report-file") : "",
    mergeReports: input("merge-reports").trim(),
    ...readCacheInputs(input)
  };
}

// src/io/platform/facts.ts
var COMMAND_TIMEOUT_MS = 5e3;
async function gatherPlatformFacts() {
  const platform = process.platform;
  const facts = { platform, processArch: process.arch };
  if (platform === "darwin") {
    const [arm64, translated, machine] = await Promise.all([
      answerOf("sysctl", ["-n", "hw.optional.arm64"]),
      answerOf("sysctl", ["-n", "sysctl.proc_translated"]),
      answerOf("uname", ["-m"])
    ]);
    return {
      ...facts,
      ...arm64 !== void 0 ? { sysctlArm64: arm64 } : {},
      ...translated !== void 0 ? { sysctlProcTranslated: translated } : {},
      ...machine !== void 0 ? { unameMachine: machine } : {}
    };
  }
  if (platform !== "win32") {
    const machine = await answerOf("uname", ["-m"]);
    if (machine !== void 0) return { ...facts, unameMachine: machine };
  }
  return facts;
}
async function answerOf(command, args) {
  return runChecked(command, args, { env: process.env, timeoutMs: COMMAND_TIMEOUT_MS }).then(
    (result) => result.stdout,
    () => void 0
  );
}

// src/core/report/sbom.ts
import { createHash } from "node:crypto";

// src/core/report/purl.ts
function goModulePurl(modulePath, version, subpath) {
  if (!modulePath.includes("/") || modulePath.split("/").some((segment) => segment === "")) return void 0;
  const versionPart = version && version !== "(devel)" ? `@${percentEncode(version)}` : "";
  const subpathPart = subpath ? `#${subpath.split("/").map(percentEncode).join("/")}` : "";
  return `pkg:golang/${modulePath.split("/").map(percentEncode).join("/")}${versionPart}${subpathPart}`;
}
function percentEncode(text) {
  let out = "";
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9.\-_~:]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

// src/core/report/sbom.ts
var SBOM_SPEC_VERSION = "1.5";
var PROPERTY_PREFIX = "setup-go-arm64";
var SBOM_LAYOUT = "setup-go-arm64 go-binary-sbom 1";
var SERIAL_NAMESPACE = Buffer.from("5c0e6a1e9b7d4f2a8e3c1b6d7a9f0e42", "hex");
function goBinarySbom(input) {
  const { buildInfo, binaryName, sha256: sha2562 } = input;
  if (!/^[0-9a-f]{64}$/.test(sha2562)) throw new Error(`Not a SHA-256 in hex: ${JSON.stringify(sha2562)}`);
  const application = {
    "bom-ref": `file:${binaryName}`,
    type: "application",
    name: binaryName,
    ...buildInfo.main ? { version: buildInfo.main.version } : {},
    hashes: [{ alg: "SHA-256", content: sha2562 }],
    ...optional("purl", buildInfo.main && mainPackagePurl(buildInfo.main, buildInfo.path)),
    properties: [
      property("target", targetName(input.target)),
      property("go:version", buildInfo.goVersion),
      ...buildInfo.path ? [property("go:package", buildInfo.path)] : [],
      ...sumProperties(buildInfo.main),
      ...Object.entries(buildInfo.settings).map(([key, value]) => property(`build:${key}`, value))
    ]
  };
  const components = [...buildInfo.deps.map(moduleComponent), standardLibrary(buildInfo.goVersion)];
  return {
    $schema: `http://cyclonedx.org/schema/bom-${SBOM_SPEC_VERSION}.schema.json`,
    bomFormat: "CycloneDX",
    specVersion: SBOM_SPEC_VERSION,
    serialNumber: `urn:uuid:${nameBasedUuid(SERIAL_NAMESPACE, `${SBOM_LAYOUT}
${sha2562}
${binaryName}`)}`,
    version: 1,
    metadata: {
      tools: { components: [{ type: "application", name: "setup-go-arm64" }] },
      component: application
    },
    components,
    // The build info lists every module that gave the binary a package, but not who required whom: the file
    // depends on each of them, and the modules' own edges are left unknown rather than guessed.
    dependencies: [
      { ref: application["bom-ref"], dependsOn: components.map((c) => c["bom-ref"]) }
    ]
  };
}
function property(name, value) {
  return { name: `${PROPERTY_PREFIX}:${name}`, value };
}
function optional(key, value) {
  return value === void 0 ? {} : { [key]: value };
}
function sumProperties(module) {
  return module?.sum ? [property("module:sum", module.sum)] : [];
}
function mainPackagePurl(main, mainPackage) {
  const subpath = mainPackage?.startsWith(`${main.path}/`) ? mainPackage.slice(main.path.length + 1) : void 0;
  return goModulePurl(main.path, main.version, subpath);
}
function isDirectoryPath(replacement) {
  return /^(\.{1,2}([/\\]|$)|[/\\]|[A-Za-z]:[/\\])/.test(replacement);
}
function moduleComponent(module) {
  const required = {
    type: "library",
    name: module.path,
    version: module.version,
    ...optional("purl", goModulePurl(module.path, module.version))
  };
  const replacement = module.replace;
  if (!replacement) {
    return {
      "bom-ref": required.purl ?? `golang-module:${module.path}`,
      ...required,
      ...module.sum ? { properties: sumProperties(module) } : {}
    };
  }
  const pedigree = { ancestors: [required] };
  if (isDirectoryPath(replacement.path)) {
    return {
      "bom-ref": `golang-module:${module.path}=>${replacement.path}`,
      type: "library",
      name: module.path,
      version: replacement.version,
      pedigree,
      properties: [property("module:replacement-dir", replacement.path)]
    };
  }
  const purl = goModulePurl(replacement.path, replacement.version);
  const sums = sumProperties(replacement);
  return {
    "bom-ref": purl ?? `golang-module:${module.path}=>${replacement.path}`,
    type: "library",
    name: replacement.path,
    version: replacement.version,
    ...optional("purl", purl),
    pedigree,
    ...sums.length > 0 ? { properties: sums } : {}
  };
}
function standardLibrary(goVersion) {
  const release = /^go(\d+\.\d+(?:\.\d+)?)(?:\s|$)/.exec(goVersion)?.[1];
  return {
    "bom-ref": "golang-stdlib",
    type: "library",
    name: "stdlib",
    version: release ?? goVersion,
    description: `The Go standard library and runtime of ${goVersion}`,
    ...optional("cpe", release && `cpe:2.3:a:golang:go:${release}:*:*:*:*:*:*:*`)
  };
}
function nameBasedUuid(namespace, name) {
  const bytes = createHash("sha1").update(namespace).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = bytes[6] & 15 | 80;
  bytes[8] = bytes[8] & 63 | 128;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
function renderSbomSection(written) {
  if (written.length === 0) return "";
  return [
    `### SBOMs (CycloneDX ${SBOM_SPEC_VERSION}, from each binary's build info)`,
    "",
    "| Package | Target | SBOM | Modules |",
    "| --- | --- | --- | ---: |",
    ...written.map(
      (w) => `| ${code(w.package, true)} | ${cell(targetName(w.target))} | ${code(w.path, true)} | ${w.modules} |`
    ),
    ""
  ].join("\n");
}

// src/core/report/summary.ts
function renderSetupSection(setup) {
  const nativeLine = setup.native ? `native: \`bin/go\` is ${setup.headerFormat} ${setup.headerArch}, \`go env GOHOSTARCH\` is ${setup.goHostArch}, machine is ${setup.machineArch}` : `**not native**: \`bin/go\` is ${setup.headerFormat} ${setup.headerArch} on a ${setup.machineArch} machine${setup.rosetta ? " (runs under Rosetta 2)" : ""}`;
  const lines = [
    `### Go ${cell(setup.version)}`,
    "",
    "| | |",
    "| --- | --- |",
    `| Version decided by | ${cell(setup.decidedBy)} |`,
    `| Source | ${cell(setup.source)} |`,
    `| Verified | ${setup.verifiedHash ? `${code(setup.verifiedHash, true)} (${cell(setup.verifiedBy ?? "")})` : "already installed in the tool cache"} |`,
    `| Native proof | ${nativeLine} |`,
    `| GOROOT | ${code(setup.goroot, true)} |`,
    `| Time | ${Object.entries(setup.timings).map(([phase, ms]) => `${cell(phase)} ${humanDuration(ms)}`).join(", ")} |`
  ];
  return lines.join("\n") + "\n";
}
function targetLabel(t) {
  return targetName({ goos: t.goos, goarch: t.goarch, ...t.variant ? { variant: t.variant } : {} });
}
function mermaidText(text) {
  return text.replace(/["`\r\n]/g, "'");
}
function renderSizeChart(targets, title = "Binary size") {
  const inMiB = targets.some((t) => t.sizeBytes >= 1024 * 1024);
  const unit = inMiB ? "MiB" : "KiB";
  const labels = targets.map((t) => `"${mermaidText(targetLabel(t))}"`).join(", ");
  const values = targets.map((t) => (t.sizeBytes / (inMiB ? 1024 * 1024 : 1024)).toFixed(2)).join(", ");
  return [
    "```mermaid",
    "xychart-beta",
    `  title "${mermaidText(title)} (${unit})"`,
    `  x-axis [${labels}]`,
    `  y-axis "${unit}"`,
    `  bar [${values}]`,
    "```"
  ].join("\n");
}
function renderAttribution(targets) {
  const measured = targets.filter((t) => t.attribution && t.attribution.length > 0);
  if (measured.length === 0) return "";
  const largest = /* @__PURE__ */ new Map();
  for (const t of measured) {
    for (const entry of t.attribution ?? []) {
      largest.set(entry.package, Math.max(largest.get(entry.package) ?? 0, entry.sizeBytes));
    }
  }
  const rows = [...largest].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([pkg]) => pkg);
  const sizeIn = (t, pkg) => {
    const entry = t.attribution?.find((e) => e.package === pkg);
    return entry ? humanBytes(entry.sizeBytes) : "\u2013";
  };
  return [
    "<details><summary>Size by Go package (symbol sizes of an unstripped link)</summary>",
    "",
    `| Package | ${measured.map((t) => cell(targetLabel(t))).join(" | ")} |`,
    `| --- |${" ---: |".repeat(measured.length)}`,
    ...rows.map((pkg) => `| ${code(pkg, true)} | ${measured.map((t) => sizeIn(t, pkg)).join(" | ")} |`),
    "",
    "</details>"
  ].join("\n");
}
function renderFlags(flags) {
  const parts = [
    flags.ldflags ? code(`-ldflags=${flags.stampedLdflags ?? flags.ldflags}`) : "no `-ldflags`",
    flags.trimpath ? "`-trimpath`" : "no `-trimpath`",
    `\`CGO_ENABLED=${flags.cgo ? 1 : 0}\``
  ];
  if (flags.tags && flags.tags.length > 0) parts.push(code(`-tags=${flags.tags.join(",")}`));
  if (flags.buildFlags && flags.buildFlags.length > 0)
    parts.push(`build-flags ${flags.buildFlags.map((flag) => code(flag)).join(" ")}`);
  return `Flags: ${parts.join(", ")}.`;
}
function renderSlices(target) {
  const slices = (target.slices ?? []).map(
    (slice) => `${cell(slice.arch)} (${humanBytes(slice.sizeBytes)} at byte ${slice.offset}, ${slice.goVersion ? `${cell(slice.goVersion)} ${cell(`${slice.goos}/${slice.goarch}`)}` : "no Go build info"}, \`${slice.sha256.slice(0, 12)}\`)`
  );
  return `${cell(targetLabel(target))} is a universal binary of ${slices.join(" and ")}.`;
}
function renderBuildSection(report) {
  const parts = [];
  const packages = [...new Set(report.targets.map((t) => t.package))];
  for (const pkg of packages) {
    const rows = report.targets.filter((t) => t.package === pkg);
    parts.push(
      `### Builds of ${code(pkg)}`,
      "",
      "| Target | Size | Bytes | Build time | Header | sha256 |",
      "| --- | ---: | ---: | ---: | --- | --- |",
      ...rows.map(
        (t) => `| ${cell(targetLabel(t))} | ${humanBytes(t.sizeBytes)} | ${t.sizeBytes} | ${humanDuration(t.buildMs)} | ${t.format} ${t.arch} | \`${t.sha256.slice(0, 12)}\` |`
      ),
      "",
      renderSizeChart(rows, `Binary size of ${pkg}`),
      ""
    );
    const kept = rows.filter((t) => t.keptSymbols);
    if (kept.length > 0) {
      parts.push(
        `${kept.map((t) => `${cell(targetLabel(t))} keeps ${t.keptSymbols} symbols`).join(", ")} although ldflags strip them (-s): Go 1.21 and older keep the Mach-O symbol table under -s. Go 1.22 or later drops it.`,
        ""
      );
    }
    for (const t of rows.filter((row) => row.slices)) parts.push(renderSlices(t), "");
    const attribution = renderAttribution(rows);
    if (attribution) parts.push(attribution, "");
  }
  if (report.failed && report.failed.length > 0) {
    parts.push(
      `### Failed builds (${report.failed.length})`,
      "",
      "| Package | Target | Why |",
      "| --- | --- | --- |",
      ...report.failed.map(
        (f) => `| ${code(f.package, true)} | ${cell(targetLabel(f))} | ${cell(f.reason)} |`
      ),
      ""
    );
  }
  parts.push(
    renderFlags(report.flags),
    "",
    `Total ${humanBytes(report.totals.sizeBytes)} in ${report.targets.length} file(s). The builds took ${humanDuration(report.totals.wallMs)} of wall time; their individual build times add up to ${humanDuration(report.totals.buildMs)}.`,
    ""
  );
  return parts.join("\n");
}

// src/core/build/build-plan.ts
import path5 from "node:path";

// src/core/report/checksums.ts
var CHECKSUMS_FILE = "checksums.txt";
function renderChecksums(files) {
  return [...files].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0).map(
    ({ name, sha256: sha2562 }) => /[\\\n]/.test(name) ? `\\${sha2562}  ${name.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}
` : `${sha2562}  ${name}
`
  ).join("");
}

// src/core/build/build-plan.ts
function planFor(config, ldflags = config.ldflags, resolved) {
  const naming = {
    workingDirectory: config.workingDirectory,
    outputDir: config.outputDir,
    nameTemplate: config.nameTemplate,
    ...resolved ? { binaryNames: resolved.names } : {}
  };
  const jobs = planBuilds({
    ...naming,
    packages: resolved?.packages ?? config.packages,
    targets: config.targets,
    ldflags,
    trimpath: config.trimpath,
    cgo: config.cgo,
    cc: config.cgoCc,
    cxx: config.cgoCxx,
    tags: config.buildTags,
    extraFlags: config.buildFlags
  });
  const universal = config.universalDarwin ? planUniversal(jobs, naming) : [];
  const checksums = path5.join(config.outputDir, CHECKSUMS_FILE);
  const taken = [...jobs, ...universal].find((entry) => entry.output === checksums);
  if (taken) {
    throw new InputError(
      "name-template",
      `Input name-template ${JSON.stringify(config.nameTemplate)} names the binary of ${taken.label} ${CHECKSUMS_FILE}, the checksums file's name in output-dir`,
      "name binaries by package and platform, e.g. {name}_{goos}_{goarch}{ext}"
    );
  }
  return { jobs, universal };
}

// src/phases/build-targets.ts
import { mkdtemp as mkdtemp3, rm as rm4 } from "node:fs/promises";
import os from "node:os";
import path13 from "node:path";

// src/io/binary/inspect-file.ts
import { createHash as createHash2 } from "node:crypto";
import { open, readFile } from "node:fs/promises";

// src/core/binary/buildinfo.ts
function readGoBuildInfo(bytes) {
  if (isWasmModule(bytes)) return readWasmBuildInfo(bytes);
  const blob = findBuildInfoBlob(bytes);
  if (!blob) return void 0;
  return { goVersion: blob.goVersion, ...parseModuleInfo(stripSentinels(blob.moduleInfo)) };
}
var BUILD_INFO_MAGIC = Buffer.from([255, ...Buffer.from(" Go buildinf:", "latin1")]);
var BUILD_INFO_ALIGN = 16;
var BUILD_INFO_HEADER_BYTES = 32;
var FLAG_VERSION_INLINE = 2;
function findBuildInfoBlob(bytes) {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = haystack.indexOf(BUILD_INFO_MAGIC); at >= 0; at = haystack.indexOf(BUILD_INFO_MAGIC, at + 1)) {
    if (at % BUILD_INFO_ALIGN !== 0) continue;
    const blob = decodeInlineBlob(bytes, at);
    if (blob) return blob;
  }
  return void 0;
}
function decodeInlineBlob(bytes, start) {
  const pointerSize = bytes[start + BUILD_INFO_MAGIC.length];
  const flags = bytes[start + BUILD_INFO_MAGIC.length + 1] ?? 0;
  if (pointerSize !== 4 && pointerSize !== 8 || (flags & FLAG_VERSION_INLINE) === 0) return void 0;
  const version = readLengthPrefixed(bytes, start + BUILD_INFO_HEADER_BYTES);
  if (!version) return void 0;
  const goVersion = new TextDecoder().decode(version.value);
  if (!/^(go\d|devel )/.test(goVersion)) return void 0;
  const moduleInfo = readLengthPrefixed(bytes, version.end);
  if (!moduleInfo) return void 0;
  return { goVersion, moduleInfo: moduleInfo.value };
}
function readLengthPrefixed(bytes, start) {
  const length = readUvarint(bytes, start);
  if (!length) return void 0;
  const end = length.end + length.value;
  if (end > bytes.length) return void 0;
  return { value: bytes.subarray(length.end, end), end };
}
function readUvarint(bytes, start) {
  let value = 0;
  for (let index = 0; index < 8; index++) {
    const byte = bytes[start + index];
    if (byte === void 0) return void 0;
    value += (byte & 127) * 2 ** (7 * index);
    if (byte < 128) return { value, end: start + index + 1 };
  }
  return void 0;
}
var MODULE_INFO_START = Buffer.from("3077af0c9274080241e1c107e6d618e6", "hex");
var MODULE_INFO_END = Buffer.from("f932433186182072008242104116d8f2", "hex");
function readWasmBuildInfo(bytes) {
  const goVersion = wasmGoVersion(bytes);
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = haystack.indexOf(MODULE_INFO_START);
  const end = start < 0 ? -1 : haystack.indexOf(MODULE_INFO_END, start);
  if (!goVersion || end < 0) return void 0;
  return {
    goVersion,
    ...parseModuleInfo(stripSentinels(bytes.subarray(start, end + MODULE_INFO_END.length)))
  };
}
function stripSentinels(moduleInfo) {
  const framed = Buffer.from(moduleInfo.buffer, moduleInfo.byteOffset, moduleInfo.byteLength);
  const sentinel = MODULE_INFO_START.length;
  if (framed.length < 2 * sentinel + 1 || framed[framed.length - sentinel - 1] !== 10 || !framed.subarray(0, sentinel).equals(MODULE_INFO_START) || !framed.subarray(framed.length - sentinel).equals(MODULE_INFO_END)) {
    return "";
  }
  return framed.subarray(sentinel, framed.length - sentinel).toString("utf8");
}
function parseModuleInfo(text) {
  let mainPackage;
  let mainModule;
  const deps = [];
  const settings = [];
  let last;
  const lines = text.split("\n");
  lines.pop();
  lines.forEach((line, index) => {
    function fail(problem) {
      throw new Error(`Malformed Go build info, line ${index + 1} (${JSON.stringify(line)}): ${problem}`);
    }
    const [kind, ...fields] = line.split("	");
    const rest = line.slice((kind ?? "").length + 1);
    switch (kind) {
      case "path":
        mainPackage = rest;
        break;
      case "mod":
        mainModule = last = moduleFrom(fields) ?? fail("expected path, version and optional sum");
        break;
      case "dep":
        last = moduleFrom(fields) ?? fail("expected path, version and optional sum");
        deps.push(last);
        break;
      case "=>":
        if (fields.length !== 3) fail("a replacement needs path, version and sum");
        if (!last) fail("a replacement with no module before it");
        last.replace = moduleFrom(fields);
        last = void 0;
        break;
      case "build":
        settings.push(parseBuildSetting(rest) ?? fail("expected key=value, quoted where Go quotes them"));
        break;
    }
  });
  return {
    ...mainPackage !== void 0 ? { path: mainPackage } : {},
    ...mainModule ? { main: mainModule } : {},
    deps,
    // fromEntries defines own properties, so a key such as __proto__ stays a plain setting.
    settings: Object.fromEntries(settings)
  };
}
function moduleFrom(fields) {
  const [path30, version, sum] = fields;
  if (path30 === void 0 || version === void 0 || fields.length > 3) return void 0;
  return { path: path30, version, ...sum ? { sum } : {} };
}
function parseBuildSetting(keyValue) {
  let key;
  let rawValue;
  if (keyValue.startsWith('"') || keyValue.startsWith("`")) {
    const quotedLength = goQuotedPrefixLength(keyValue);
    if (quotedLength === void 0 || keyValue[quotedLength] !== "=") return void 0;
    const unquoted = unquoteGoString(keyValue.slice(0, quotedLength));
    if (unquoted === void 0) return void 0;
    key = unquoted;
    rawValue = keyValue.slice(quotedLength + 1);
  } else {
    const equals = keyValue.indexOf("=");
    if (equals <= 0) return void 0;
    key = keyValue.slice(0, equals);
    rawValue = keyValue.slice(equals + 1);
  }
  const value = rawValue.startsWith('"') || rawValue.startsWith("`") ? unquoteGoString(rawValue) : rawValue;
  return value === void 0 ? void 0 : [key, value];
}
function goQuotedPrefixLength(text) {
  const quote = text[0];
  for (let index = 1; index < text.length; index++) {
    if (quote === '"' && text[index] === "\\") index++;
    else if (text[index] === quote) return index + 1;
  }
  return void 0;
}
var SIMPLE_ESCAPES = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  "\\": 92,
  '"': 34
};
var HEX_ESCAPE_DIGITS = { x: 2, u: 4, U: 8 };
function unquoteGoString(literal) {
  if (literal.length < 2 || literal[literal.length - 1] !== literal[0]) return void 0;
  const body = literal.slice(1, -1);
  if (literal[0] === "`") return body.includes("`") ? void 0 : body.replaceAll("\r", "");
  if (literal[0] !== '"') return void 0;
  const encoder = new TextEncoder();
  const out = [];
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (char === '"' || char === "\n") return void 0;
    if (char !== "\\") {
      const codePoint = body.codePointAt(index);
      if (codePoint > 65535) index++;
      out.push(...encoder.encode(String.fromCodePoint(codePoint)));
      continue;
    }
    const escape = body[++index];
    if (escape === void 0) return void 0;
    const simple = SIMPLE_ESCAPES[escape];
    if (simple !== void 0) {
      out.push(simple);
    } else if (escape === "x" || escape === "u" || escape === "U") {
      const width = HEX_ESCAPE_DIGITS[escape];
      const digits = body.slice(index + 1, index + 1 + width);
      if (digits.length !== width || !/^[0-9a-fA-F]+$/.test(digits)) return void 0;
      const code2 = parseInt(digits, 16);
      if (escape === "x") out.push(code2);
      else if (code2 > 1114111 || code2 >= 55296 && code2 < 57344) return void 0;
      else out.push(...encoder.encode(String.fromCodePoint(code2)));
      index += digits.length;
    } else if (/[0-7]/.test(escape)) {
      const digits = body.slice(index, index + 3);
      if (!/^[0-7]{3}$/.test(digits) || parseInt(digits, 8) > 255) return void 0;
      out.push(parseInt(digits, 8));
      index += 2;
    } else {
      return void 0;
    }
  }
  return new TextDecoder().decode(Uint8Array.from(out));
}

// src/core/binary/fat.ts
var FAT_MAGIC2 = 3405691582;
var FAT_MAGIC_642 = 3405691583;
var FAT_HEADER_BYTES = 8;
var FAT_ARCH_BYTES2 = 20;
var FAT_ARCH_64_BYTES2 = 32;
var MH_MAGIC_642 = 4277009103;
var CPU_ARCH_ABI642 = 16777216;
var CPU_TYPE_X86 = 7;
var CPU_TYPE_ARM = 12;
var CPU_TYPE_POWERPC = 18;
var CPU_TYPE_ARM64 = CPU_TYPE_ARM | CPU_ARCH_ABI642;
var MAX_FAT_OFFSET = 4294967295;
function readMachOCpu(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || view.getUint32(0, true) !== MH_MAGIC_642) {
    throw new Error("Not a thin 64-bit little-endian Mach-O, so it cannot be a slice of a universal binary");
  }
  return { cpuType: view.getUint32(4, true), cpuSubtype: view.getUint32(8, true) };
}
function sliceAlignLog2(cpuType) {
  switch (cpuType & ~CPU_ARCH_ABI642) {
    case CPU_TYPE_ARM:
      return 14;
    case CPU_TYPE_X86:
    case CPU_TYPE_POWERPC:
      return 12;
    default:
      throw new Error(`No universal-binary alignment is known for CPU type 0x${cpuType.toString(16)}`);
  }
}
function lipoOrder(a, b) {
  if (a.cpuType === b.cpuType) return a.cpuSubtype - b.cpuSubtype;
  if (a.cpuType === CPU_TYPE_ARM64) return 1;
  if (b.cpuType === CPU_TYPE_ARM64) return -1;
  return a.alignLog2 - b.alignLog2;
}
function planFatLayout(thin) {
  if (thin.length === 0) throw new Error("A universal binary needs at least one slice");
  const cpus = thin.map(({ cpuType, cpuSubtype }) => `${cpuType}/${cpuSubtype}`);
  const repeated = cpus.find((cpu, index) => cpus.indexOf(cpu) !== index);
  if (repeated) throw new Error(`Two slices have the same CPU type and subtype (${repeated})`);
  const ordered = thin.map((slice, input) => ({ ...slice, input, alignLog2: sliceAlignLog2(slice.cpuType) })).sort(lipoOrder);
  let end = FAT_HEADER_BYTES + thin.length * FAT_ARCH_BYTES2;
  const slices = ordered.map((slice) => {
    const alignment = 2 ** slice.alignLog2;
    const offset = Math.ceil(end / alignment) * alignment;
    end = offset + slice.sizeBytes;
    if (end > MAX_FAT_OFFSET) {
      throw new Error(
        `The universal binary would be ${end} bytes, past the 4 GiB a 32-bit fat header can hold`
      );
    }
    return { ...slice, offset };
  });
  return { header: fatHeader(slices), slices, totalBytes: end };
}
function fatHeader(slices) {
  const header = new Uint8Array(FAT_HEADER_BYTES + slices.length * FAT_ARCH_BYTES2);
  const view = new DataView(header.buffer);
  view.setUint32(0, FAT_MAGIC2, false);
  view.setUint32(4, slices.length, false);
  slices.forEach((slice, index) => {
    const at = FAT_HEADER_BYTES + index * FAT_ARCH_BYTES2;
    [slice.cpuType, slice.cpuSubtype, slice.offset, slice.sizeBytes, slice.alignLog2].forEach(
      (word, field) => view.setUint32(at + field * 4, word, false)
    );
  });
  return header;
}
function readFatSlices(bytes, fileBytes = bytes.length) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = bytes.length >= FAT_HEADER_BYTES ? view.getUint32(0, false) : 0;
  if (magic !== FAT_MAGIC2 && magic !== FAT_MAGIC_642) {
    throw new Error("Not a universal Mach-O (magic 0xcafebabe or 0xcafebabf)");
  }
  const wide = magic === FAT_MAGIC_642;
  const entryBytes = wide ? FAT_ARCH_64_BYTES2 : FAT_ARCH_BYTES2;
  const count = view.getUint32(4, false);
  if (bytes.length < FAT_HEADER_BYTES + count * entryBytes) {
    throw new Error(`Truncated universal Mach-O: its header lists ${count} slices`);
  }
  return Array.from({ length: count }, (_, index) => {
    const at = FAT_HEADER_BYTES + index * entryBytes;
    const word = (field) => view.getUint32(at + field * 4, false);
    const long = (field) => Number(view.getBigUint64(at + field * 4, false));
    const slice = wide ? { offset: long(2), sizeBytes: long(4), alignLog2: word(6) } : { offset: word(2), sizeBytes: word(3), alignLog2: word(4) };
    if (slice.offset + slice.sizeBytes > fileBytes) {
      throw new Error(
        `Malformed universal Mach-O: slice ${index} runs to byte ${slice.offset + slice.sizeBytes} of a ${fileBytes}-byte file`
      );
    }
    return { cpuType: word(0), cpuSubtype: word(1), ...slice };
  });
}

// src/core/binary/macho-layout.ts
var MH_MAGIC_643 = 4277009103;
var LC_SEGMENT_64 = 25;
var LC_SYMTAB = 2;
var LC_DYSYMTAB = 11;
var HEADER_64_BYTES = 32;
var SEGMENT_64_BYTES = 72;
var SECTION_64_BYTES = 80;
function fixedString(bytes, at, length) {
  const raw = bytes.subarray(at, at + length);
  const end = raw.indexOf(0);
  return Buffer.from(end < 0 ? raw : raw.subarray(0, end)).toString("latin1");
}
function readMachOLayout(bytes) {
  if (bytes.length < HEADER_64_BYTES) return void 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MH_MAGIC_643) return void 0;
  const commands = view.getUint32(16, true);
  const commandBytes = view.getUint32(20, true);
  if (HEADER_64_BYTES + commandBytes > bytes.length) return void 0;
  const sections = [];
  let symbolCount = 0;
  let definedSymbolCount = 0;
  let at = HEADER_64_BYTES;
  for (let index = 0; index < commands; index++) {
    if (at + 8 > HEADER_64_BYTES + commandBytes) return void 0;
    const command = view.getUint32(at, true);
    const size = view.getUint32(at + 4, true);
    if (size < 8 || at + size > HEADER_64_BYTES + commandBytes) return void 0;
    if (command === LC_SEGMENT_64 && size >= SEGMENT_64_BYTES) {
      const count = view.getUint32(at + 64, true);
      if (SEGMENT_64_BYTES + count * SECTION_64_BYTES > size) return void 0;
      for (let s = 0; s < count; s++) {
        const section = at + SEGMENT_64_BYTES + s * SECTION_64_BYTES;
        sections.push({
          name: fixedString(bytes, section, 16),
          segment: fixedString(bytes, section + 16, 16),
          address: view.getBigUint64(section + 32, true),
          size: view.getBigUint64(section + 40, true)
        });
      }
    } else if (command === LC_SYMTAB && size >= 24) {
      symbolCount = view.getUint32(at + 12, true);
    } else if (command === LC_DYSYMTAB && size >= 32) {
      definedSymbolCount = view.getUint32(at + 12, true) + view.getUint32(at + 20, true);
    }
    at += size;
  }
  return { sections, symbolCount, definedSymbolCount };
}

// src/io/binary/inspect-file.ts
function sha256Of(bytes) {
  return createHash2("sha256").update(bytes).digest("hex");
}
function inspectSlices(bytes, header) {
  return readFatSlices(bytes).map(({ offset, sizeBytes }, index) => {
    const slice = bytes.subarray(offset, offset + sizeBytes);
    const buildInfo = readGoBuildInfo(slice);
    return {
      arch: header.archs[index] ?? "",
      offset,
      sizeBytes,
      sha256: sha256Of(slice),
      ...buildInfo ? { buildInfo } : {}
    };
  });
}
async function inspectBinaryFile(filePath) {
  const bytes = await readFile(filePath);
  try {
    const header = readBinaryHeader(bytes);
    const buildInfo = readGoBuildInfo(bytes);
    const macho = header.format === "macho" ? readMachOLayout(bytes) : void 0;
    return {
      sizeBytes: bytes.length,
      sha256: sha256Of(bytes),
      header,
      ...buildInfo ? { buildInfo } : {},
      ...macho ? { machoDefinedSymbols: macho.definedSymbolCount } : {},
      ...header.fat ? { slices: inspectSlices(bytes, header) } : {}
    };
  } catch (error2) {
    throw new Error(`${filePath}: ${error2.message}`, { cause: error2 });
  }
}
async function readFileStart(filePath, length) {
  const handle = await open(filePath, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

// src/core/report/attribution.ts
var NM_LINE = /^\s*([0-9a-f]+)\s+(\d+)\s+([A-Za-z])\s+(.+)$/;
function parseNmOutput(output) {
  const symbols = [];
  for (const line of output.split(/\r?\n/)) {
    const match = NM_LINE.exec(line);
    if (!match) continue;
    const [, address, size, kind, name] = match;
    symbols.push({ address: BigInt(`0x${address}`), size: Number(size), kind, name });
  }
  return symbols;
}
function parseLinkedArchives(buildOutput) {
  const lines = buildOutput.split(/\r?\n/);
  const work = lines.find((line) => line.startsWith("WORK="))?.slice("WORK=".length);
  const archives = /* @__PURE__ */ new Set();
  for (const line of lines) {
    const file = /^packagefile [^=]+=(.+)$/.exec(line)?.[1];
    if (file && !(work && file.startsWith(`${work}/`))) archives.add(file);
  }
  return [...archives];
}
function parseObjectSizes(output) {
  const sizes = /* @__PURE__ */ new Map();
  for (const line of output.split(/\r?\n/)) {
    const [symbol] = parseNmOutput(line.slice(line.indexOf(":	") + 1));
    if (!symbol) continue;
    const name = symbol.name.replace(/<\d+>$/, "");
    sizes.set(name, Math.max(sizes.get(name) ?? 0, symbol.size));
  }
  return sizes;
}
function objectName(name) {
  const plain = /^_[^.]*$/.test(name) ? name.slice(1) : name;
  return plain.replace(/\.abi0$/, "");
}
function symbolPackage(symbol) {
  const name = /^_(go|type):/.test(symbol) ? symbol.slice(1) : symbol;
  if (name.startsWith("type:") || name.startsWith("typerel.")) return "type:";
  if (name.startsWith("go:") || name.startsWith("$")) return "go:";
  const bracket = name.indexOf("[");
  const plain = bracket >= 0 ? name.slice(0, bracket) : name;
  const dot = plain.indexOf(".", Math.max(0, plain.lastIndexOf("/")));
  if (dot <= 0) return "(assembly and C)";
  return plain.slice(0, dot).replace(/%([0-9a-fA-F]{2})/g, (_whole, hex) => String.fromCharCode(parseInt(hex, 16)));
}
var SECTION_MARKERS = /* @__PURE__ */ new Set([
  ...[
    "text",
    "rodata",
    "types",
    "pclntab",
    "noptrdata",
    "data",
    "bss",
    "noptrbss",
    "covctrs",
    "symtab"
  ].flatMap((section) => [`runtime.${section}`, `runtime.e${section}`]),
  "type:*",
  "typerel.*",
  "go:string.*",
  "go:funcdesc",
  "go:funcdescrel",
  "runtime.gcbits.*"
]);
function bssRanges(symbols) {
  const addressOf = new Map(symbols.map((symbol) => [symbol.name, symbol.address]));
  const ranges = [];
  for (const [start, end] of [
    ["runtime.bss", "runtime.ebss"],
    ["runtime.noptrbss", "runtime.enoptrbss"]
  ]) {
    const from = addressOf.get(start);
    const to = addressOf.get(end);
    if (from !== void 0 && to !== void 0) ranges.push([from, to]);
  }
  return ranges;
}
function clampedSize(symbol, sections) {
  const holder = sections.find(
    (section) => symbol.address >= section.address && symbol.address < section.address + section.size
  );
  if (!holder) return symbol.size;
  const room = holder.address + holder.size - symbol.address;
  return room < BigInt(symbol.size) ? Number(room) : symbol.size;
}
function attributeSizes(symbols, limit = 15, sections = [], objectSizes2 = /* @__PURE__ */ new Map()) {
  const bss = bssRanges(symbols);
  const counted = /* @__PURE__ */ new Set();
  const totals = /* @__PURE__ */ new Map();
  for (const symbol of symbols) {
    if (symbol.size === 0 || symbol.kind === "B" || symbol.kind === "b" || symbol.kind === "U") continue;
    if (SECTION_MARKERS.has(objectName(symbol.name)) || counted.has(symbol.address)) continue;
    if (bss.some(([from, to]) => symbol.address >= from && symbol.address < to)) continue;
    counted.add(symbol.address);
    const pkg = symbolPackage(symbol.name);
    const size = Math.min(
      clampedSize(symbol, sections),
      objectSizes2.get(objectName(symbol.name)) ?? Infinity
    );
    totals.set(pkg, (totals.get(pkg) ?? 0) + size);
  }
  return [...totals].map(([pkg, sizeBytes]) => ({ package: pkg, sizeBytes })).sort((a, b) => b.sizeBytes - a.sizeBytes || a.package.localeCompare(b.package)).slice(0, limit);
}

// src/io/build/run.ts
import { mkdtemp, rm as rm2 } from "node:fs/promises";
import path7 from "node:path";

// src/io/platform/confine.ts
import { lstat, mkdir, realpath, rename, rm, writeFile } from "node:fs/promises";
import path6 from "node:path";
function isWithin(child, parent) {
  const relative = path6.relative(parent, child);
  return relative === "" || !relative.startsWith("..") && !path6.isAbsolute(relative);
}
async function makeDirectory(dir) {
  await mkdir(dir).catch((error2) => {
    if (error2.code !== "EEXIST") throw error2;
  });
}
async function realRoots(roots) {
  const real = await Promise.all(roots.filter(Boolean).map((root) => realpath(root).catch(() => void 0)));
  return real.filter((root) => root !== void 0);
}
async function confinedDirectory(dir, options2) {
  const missing = [];
  let existing = path6.resolve(dir);
  while (!await lstat(existing).then(
    () => true,
    () => false
  )) {
    missing.unshift(path6.basename(existing));
    const parent = path6.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  const real = await checkResolved(existing, dir, options2, missing);
  let current = real;
  for (const name of missing) {
    current = path6.join(current, name);
    await makeDirectory(current);
    const info2 = await lstat(current);
    if (!info2.isDirectory()) {
      throw new InputError(
        options2.input,
        `${options2.input} ${dir} is not a directory (${current} is ${info2.isSymbolicLink() ? "a symlink" : "a file"})`,
        "point it at a directory inside the workspace"
      );
    }
  }
  return current;
}
async function checkResolved(existing, given, options2, missing = []) {
  const real = await realpath(existing).catch((error2) => {
    throw new InputError(
      options2.input,
      `${options2.input} ${given} cannot be resolved (${existing}: ${error2.code ?? error2.message}), e.g. a symlink to nowhere`,
      "remove the symlink or point the input at a real path inside the workspace"
    );
  });
  const roots = await realRoots(options2.roots);
  const forbidden = await realRoots(options2.forbidden ?? []);
  const through = real === path6.resolve(existing) ? "" : ` (through a symlink, ${existing} is ${real})`;
  if (!roots.some((root) => isWithin(real, root))) {
    throw new InputError(
      options2.input,
      `${options2.input} ${given} resolves outside the workspace${through}; refusing to follow it`,
      "remove the symlink or point the input at a real directory inside the workspace"
    );
  }
  const target = path6.join(real, ...missing);
  const inside = forbidden.find((dir) => isWithin(target, dir) || isWithin(dir, target));
  if (inside) {
    throw new InputError(
      options2.input,
      `${options2.input} ${given} resolves to ${target}, which holds or is inside the toolchain at ${inside}`,
      "point it at a directory of its own inside the workspace"
    );
  }
  return real;
}
async function confinedFile(file, options2) {
  const real = await checkResolved(file, file, options2);
  const info2 = await lstat(real);
  if (!info2.isFile()) {
    throw new InputError(
      options2.input,
      `${options2.input} ${file} is not a regular file`,
      "point it at a regular file inside the workspace"
    );
  }
  return real;
}
async function placeFile(source, root, relative) {
  const parts = relative.split(/[\\/]+/).filter(Boolean);
  if (parts.length === 0 || parts.includes("..")) throw new Error(`${relative} is not a path inside ${root}`);
  let current = root;
  for (const name of parts.slice(0, -1)) {
    current = path6.join(current, name);
    await makeDirectory(current);
    const info2 = await lstat(current);
    if (!info2.isDirectory()) {
      throw new Error(
        `${current} is ${info2.isSymbolicLink() ? "a symlink" : "not a directory"}; refusing to write through it`
      );
    }
  }
  const destination = path6.join(current, parts.at(-1));
  await rename(source, destination);
  return destination;
}
async function replaceFile(file, data) {
  const partial = `${file}.${process.pid}.partial`;
  try {
    await writeFile(partial, data, { flag: "wx" });
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
}
async function replaceFileConfined(file, text, options2) {
  const dir = await confinedDirectory(path6.dirname(file), options2);
  const target = path6.join(dir, path6.basename(file));
  await replaceFile(target, text);
  return target;
}

// src/io/build/run.ts
async function mapPool(items, parallel, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, items.length)) }, worker));
  return results;
}
async function runBuildJob(job, options2) {
  const result = await runCommand(options2.goBinary, job.args, {
    cwd: options2.cwd,
    env: { ...options2.env, ...job.env }
  });
  return {
    job,
    ok: result.exitCode === 0,
    exitCode: result.exitCode,
    output: result.output,
    buildMs: result.ms,
    skipped: false
  };
}
function sharedDirectory(dirs) {
  return dirs.reduce((shared, dir) => {
    while (path7.relative(shared, dir).startsWith("..")) shared = path7.dirname(shared);
    return shared;
  });
}
function writingTo(job, output) {
  return {
    ...job,
    args: job.args.map((arg, index) => job.args[index - 1] === "-o" ? output : arg),
    output
  };
}
async function runBuilds(jobs, options2) {
  if (jobs.length === 0) return [];
  const outputDir = options2.outputDir ?? sharedDirectory(jobs.map((job) => path7.dirname(job.output)));
  const outputRoot = await confinedDirectory(outputDir, {
    input: "output-dir",
    roots: options2.roots ?? [options2.cwd],
    forbidden: options2.forbidden ?? []
  });
  const staging = await mkdtemp(path7.join(outputRoot, ".setup-go-arm64-build-"));
  let stop = false;
  try {
    return await mapPool(jobs, options2.parallel, async (job, index) => {
      if (stop) return { job, ok: false, exitCode: null, output: "", buildMs: 0, skipped: true };
      const staged = path7.join(staging, `${index}${path7.extname(job.output)}`);
      const outcome = { ...await runBuildJob(writingTo(job, staged), options2), job };
      if (outcome.ok) {
        try {
          await placeFile(staged, outputRoot, path7.relative(outputDir, job.output));
        } catch (error2) {
          outcome.ok = false;
          outcome.output += `
not moved into output-dir: ${error2.message}
`;
        }
      }
      if (!outcome.ok && options2.failFast) stop = true;
      options2.onJobEnd?.(outcome);
      return outcome;
    });
  } finally {
    await rm2(staging, { recursive: true, force: true });
  }
}

// src/io/build/attribution.ts
var MACHO_COMMANDS_BYTES = 64 * 1024;
var ARCHIVES_PER_NM = 64;
async function locateNmTool(go) {
  const result = await runCommand(go.goBinary, ["tool", "-n", "nm"], { cwd: go.cwd, env: go.env });
  const tool = result.stdout.trim().split(/\r?\n/).pop() ?? "";
  if (result.exitCode !== 0 || tool === "") {
    throw new Error(`go tool -n nm failed (exit ${result.exitCode}): ${result.output.trim()}`);
  }
  return tool;
}
async function runNm(nmTool, args, go) {
  const nm = await runCommand(nmTool, ["-size", ...args], { cwd: go.cwd, env: go.env });
  if (nm.exitCode !== 0) throw new Error(`nm failed (exit ${nm.exitCode}): ${nm.stderr.trim()}`);
  return nm.stdout;
}
async function objectSizes(nmTool, archives, go) {
  let output = "";
  for (let at = 0; at < archives.length; at += ARCHIVES_PER_NM) {
    output += await runNm(nmTool, archives.slice(at, at + ARCHIVES_PER_NM), go);
  }
  return parseObjectSizes(output);
}
async function measureAttribution(job, go, nmTool, scratchFile, limit = 15) {
  const machO = job.target.goos === "darwin" || job.target.goos === "ios";
  const unstripped = unstrippedBuild(job, scratchFile);
  const [command, ...rest] = unstripped.args;
  const link2 = await runBuildJob(machO ? { ...unstripped, args: [command, "-x", ...rest] } : unstripped, go);
  if (!link2.ok) throw new Error(`the unstripped link failed: ${link2.output.trim()}`);
  const symbols = parseNmOutput(await runNm(nmTool, ["-sort", "size", scratchFile], go));
  if (!machO) return attributeSizes(symbols, limit);
  const layout = readMachOLayout(await readFileStart(scratchFile, MACHO_COMMANDS_BYTES));
  const sizes = await objectSizes(nmTool, parseLinkedArchives(link2.output), go);
  return attributeSizes(symbols, limit, layout?.sections ?? [], sizes);
}

// src/core/build/command-line.ts
function jobCommandLine(job) {
  const assignments = Object.entries(job.env).map(([name, value]) => `${name}=${shellWord(value)}`);
  return [...assignments, displayCommand("go", job.args)].join(" ");
}

// src/core/build/packages.ts
import path8 from "node:path";
var FIELD = "";
var RECORD = "";
var GO_LIST_ARGS = [
  "list",
  // Names and directories need no VCS stamp; without this go runs git (status, log, tags) on every listing.
  "-buildvcs=false",
  "-e",
  "-f",
  `{{.Name}}${FIELD}{{.ImportPath}}${FIELD}{{.Dir}}${FIELD}{{if .Error}}{{.Error}}{{end}}${RECORD}`
];
function parseGoList(output) {
  return output.split(RECORD).map((record) => record.replace(/^\r?\n/, "")).filter((record) => record.includes(FIELD)).map((record) => {
    const [name = "", importPath = "", dir = "", error2 = ""] = record.split(FIELD);
    return { name, importPath, dir, error: error2.trim() };
  });
}
function checkMainPackages(listed, given, workingDirectory, loadedFor, inputName = "packages") {
  const entryFor = (pkg) => given.find((entry) => path8.resolve(workingDirectory, entry) === pkg.dir) ?? pkg.importPath;
  const describe2 = (pkg) => {
    const entry = entryFor(pkg);
    return entry === pkg.importPath || pkg.importPath === "" ? entry : `${entry} (${pkg.importPath})`;
  };
  const unloadable = listed.filter((pkg) => pkg.error && !pkg.name);
  if (unloadable.length > 0) {
    throw new InputError(
      inputName,
      `Input ${inputName}: go cannot load ${unloadable.map((pkg) => `${describe2(pkg)}: ${pkg.error}`).join("; ")} (listed for ${loadedFor})`,
      "name directories of main packages relative to working-directory, e.g. . or ./cmd/tool"
    );
  }
  const notMain = listed.filter((pkg) => pkg.name && pkg.name !== "main");
  if (notMain.length > 0) {
    throw new InputError(
      inputName,
      `Input ${inputName} names ${notMain.map((pkg) => `${describe2(pkg)}, which is package ${pkg.name}`).join("; ")}, not package main`,
      "list only packages that build a program (package main with a func main), e.g. ./cmd/tool"
    );
  }
}
function defaultExecName(importPath) {
  const elements = importPath.split("/").filter(Boolean);
  const last = elements.at(-1) ?? "";
  const previous = elements.at(-2);
  return /^v([2-9]|[1-9]\d+)$/.test(last) && previous ? previous : last;
}
function binaryNames(listed, given, workingDirectory) {
  const names = {};
  for (const entry of given) {
    const pkg = listed.find((candidate) => candidate.dir === path8.resolve(workingDirectory, entry));
    if (pkg?.importPath) names[entry] = defaultExecName(pkg.importPath);
  }
  return names;
}

// src/core/build/patterns.ts
import path9 from "node:path";
function isPackagePattern(entry) {
  return entry.includes("...");
}
function isRelativeEntry(entry) {
  return entry === "." || entry === ".." || entry.startsWith("./") || entry.startsWith("../");
}
function patternWalkRoot(pattern) {
  const literal = pattern.slice(0, pattern.indexOf("..."));
  const root = literal.endsWith("/") ? literal : path9.posix.dirname(literal);
  return path9.posix.normalize(root.replace(/\/+$/, "") || ".");
}
function patternMatcher(pattern) {
  const cleaned = path9.posix.normalize(pattern);
  const escaped = cleaned.split("...").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  const source = escaped.endsWith("/.*") ? `${escaped.slice(0, -3)}(/.*)?` : escaped;
  const matcher = new RegExp(`^${source}$`);
  return (relativeDir) => matcher.test(relativeDir === "" ? "." : relativeDir);
}
function walkSkipsDirectory(name) {
  return name === "testdata" || name.startsWith(".") || name.startsWith("_");
}
function packageClauseName(source) {
  let rest = source.replace(/^\uFEFF/, "");
  for (; ; ) {
    rest = rest.replace(/^\s+/, "");
    if (rest.startsWith("//")) {
      const end = rest.indexOf("\n");
      rest = end < 0 ? "" : rest.slice(end + 1);
    } else if (rest.startsWith("/*")) {
      const end = rest.indexOf("*/");
      if (end < 0) return void 0;
      rest = rest.slice(end + 2);
    } else break;
  }
  return /^package\s+([\p{L}_][\p{L}\p{Nd}_]*)/u.exec(rest)?.[1];
}
function isBuildableGoFile(name) {
  return name.endsWith(".go") && !name.endsWith("_test.go") && !name.startsWith(".") && !name.startsWith("_");
}
function noMainPackageError(pattern, where, inputName = "packages") {
  return new InputError(
    inputName,
    `Input ${inputName} holds the pattern ${pattern}, which matches no main package (${where})`,
    "use a pattern that covers at least one package main, e.g. ./cmd/..., or name the package directories, e.g. ./cmd/tool"
  );
}
function entryForPackage(pkg, workingDirectory) {
  const relative = path9.relative(workingDirectory, pkg.dir);
  if (!pkg.dir || relative.startsWith("..") || path9.isAbsolute(relative)) return pkg.importPath;
  return relative === "" ? "." : `./${relative.split(path9.sep).join("/")}`;
}
function expandPattern(pattern, listed, workingDirectory, loadedFor, inputName = "packages") {
  const unloadable = listed.filter((pkg) => pkg.error && !pkg.name);
  if (unloadable.length > 0) {
    throw new InputError(
      inputName,
      `Input ${inputName}: go cannot load ${unloadable.map((pkg) => `${pkg.importPath || pattern}: ${pkg.error}`).join("; ")} (matched by ${pattern}, listed for ${loadedFor})`,
      "fix those packages, or narrow the pattern to the commands, e.g. ./cmd/..."
    );
  }
  const mains = listed.filter((pkg) => pkg.name === "main");
  if (mains.length === 0) {
    const others = listed.map((pkg) => `${pkg.importPath} is package ${pkg.name}`);
    throw noMainPackageError(
      pattern,
      `go lists ${others.length > 0 ? others.join(", ") : "no package"} for ${loadedFor}`,
      inputName
    );
  }
  return mains.map((pkg) => entryForPackage(pkg, workingDirectory));
}

// src/phases/build-outcomes.ts
import path11 from "node:path";

// src/core/build/diagnostics.ts
import path10 from "node:path";
var POSITION = /^(?:vet: )?(\S.*?\.(?:go|s|c|h|mod|work)):(\d+)(?::(\d+))?: (.+)$/;
function parseGoDiagnostics(output, cwd, repositoryRoot) {
  const diagnostics = [];
  let last;
  for (const line of output.split(/\r?\n/)) {
    const match = POSITION.exec(line.trim());
    if (!match) {
      if (last && /^\s+\S/.test(line)) last.message += `
${line.trim()}`;
      else last = void 0;
      continue;
    }
    const [, file, lineNumber, column, message] = match;
    const absolute = path10.resolve(cwd, file);
    const relative = path10.relative(repositoryRoot, absolute).split(path10.sep).join("/");
    last = {
      file: relative.startsWith("..") ? absolute : relative,
      line: Number(lineNumber),
      ...column ? { column: Number(column) } : {},
      message
    };
    diagnostics.push(last);
  }
  return diagnostics;
}

// src/phases/build-outcomes.ts
function checkAgainstRequest(outcome, inspected) {
  const { goos, goarch, variant } = outcome.job.target;
  const { header, buildInfo } = inspected;
  const problems = [];
  if (header.os !== goos && !(goos === "ios" && header.os === "darwin") && !(goos === "android" && header.os === "linux")) {
    problems.push(`header says ${header.format} for ${header.os}, asked for ${goos}`);
  }
  if (header.arch !== goarch) problems.push(`header says ${header.arch}, asked for ${goarch}`);
  if (buildInfo && (buildInfo.settings.GOOS !== goos || buildInfo.settings.GOARCH !== goarch)) {
    problems.push(`build info says ${buildInfo.settings.GOOS}/${buildInfo.settings.GOARCH}`);
  }
  const variable = variantVariable(goarch);
  if (buildInfo && variant && variable && buildInfo.settings[variable] !== variant) {
    problems.push(
      `build info says ${variable}=${buildInfo.settings[variable] ?? "(unset)"}, asked for ${variant}`
    );
  }
  return problems;
}
async function goHost(go) {
  const answer = await runCommand(go.goBinary, ["env", "GOHOSTOS", "GOHOSTARCH"], {
    cwd: go.cwd,
    env: go.env
  });
  const [goos = "", goarch = ""] = answer.stdout.trim().split("\n");
  return { goos, goarch };
}
function annotateDiagnostics(failures) {
  const seen = /* @__PURE__ */ new Map();
  for (const { outcome, diagnostics } of failures) {
    for (const diagnostic of diagnostics) {
      const key = JSON.stringify([diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.message]);
      const entry = seen.get(key) ?? { diagnostic, targets: [] };
      entry.targets.push(outcome.job.label);
      seen.set(key, entry);
    }
  }
  for (const { diagnostic, targets } of seen.values()) {
    error(diagnostic.message, {
      title: `go build ${targets.join(", ")}`,
      file: diagnostic.file,
      startLine: diagnostic.line,
      ...diagnostic.column ? { startColumn: diagnostic.column } : {}
    });
  }
}
function failedBuild(outcome, reason) {
  const { goos, goarch, variant } = outcome.job.target;
  return { package: outcome.job.package, goos, goarch, ...variant ? { variant } : {}, reason };
}
function buildFailureMessage(outcome, config, host) {
  return host && cgoFailureMessage(
    outcome.job.label,
    outcome.job.target,
    host,
    outcome.output,
    compilerFor(config.cgoCc, outcome.job.target)
  ) || `go build failed for ${outcome.job.label}: ${outcome.output.trim().split("\n").slice(-3).join(" ")}`;
}
function targetResult(outcome, inspected, { workspace, ldflags }) {
  return {
    goos: outcome.job.target.goos,
    goarch: outcome.job.target.goarch,
    ...outcome.job.target.variant ? { variant: outcome.job.target.variant } : {},
    package: outcome.job.package,
    path: path11.relative(workspace, outcome.job.output).split(path11.sep).join("/"),
    sizeBytes: inspected.sizeBytes,
    buildMs: outcome.buildMs,
    sha256: inspected.sha256,
    format: formatName(inspected.header),
    arch: inspected.header.arch,
    ...inspected.machoDefinedSymbols && stripsSymbolTable(ldflags) ? { keptSymbols: inspected.machoDefinedSymbols } : {},
    ...inspected.buildInfo ? { buildInfo: inspected.buildInfo } : {}
  };
}
async function sortOutcomes(outcomes, context) {
  const { config, go, workspace } = context;
  const sorted = { built: [], failed: [], failures: [] };
  const fail = (outcome, label, reason) => {
    sorted.failed.push(label);
    sorted.failures.push(failedBuild(outcome, reason));
  };
  const compileFailures = [];
  let host;
  for (const outcome of outcomes) {
    const { label } = outcome.job;
    if (outcome.skipped) {
      fail(outcome, `${label} (not started: fail-fast)`, "not started: fail-fast");
      continue;
    }
    if (!outcome.ok) {
      const diagnostics = parseGoDiagnostics(outcome.output, config.workingDirectory, workspace);
      if (diagnostics.length > 0) {
        compileFailures.push({ outcome, diagnostics });
        fail(outcome, label, diagnostics[0]?.message ?? "compile error");
        continue;
      }
      host ??= config.cgo ? await goHost(go) : void 0;
      const message = buildFailureMessage(outcome, config, host);
      error(message);
      fail(outcome, label, message);
      continue;
    }
    const inspected = await inspectBinaryFile(outcome.job.output);
    const problems = checkAgainstRequest(outcome, inspected);
    if (problems.length > 0) {
      const message = `${path11.relative(workspace, outcome.job.output)} is not what was asked for: ${problems.join("; ")}`;
      error(message);
      fail(outcome, label, message);
      continue;
    }
    sorted.built.push({ outcome, result: targetResult(outcome, inspected, context) });
  }
  annotateDiagnostics(compileFailures);
  return sorted;
}

// src/phases/check-variants.ts
async function checkVariantsWithToolchain(targets, go) {
  const probes = variantProbes(targets);
  const answers = await mapPool(probes, probes.length, (probe) => {
    const { args, env } = variantProbeCommand(probe);
    return runCommand(go.goBinary, args, { cwd: go.cwd, env: { ...go.env, ...env } });
  });
  checkVariantAnswers(probes, answers);
}

// src/phases/universal.ts
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp as mkdtemp2, rm as rm3, stat } from "node:fs/promises";
import path12 from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
async function* fatBytes(layout, thinFiles) {
  yield layout.header;
  let written = layout.header.length;
  for (const slice of layout.slices) {
    yield new Uint8Array(slice.offset - written);
    for await (const chunk of createReadStream(thinFiles[slice.input])) yield chunk;
    written = slice.offset + slice.sizeBytes;
  }
}
async function writeFatMachO(output, thinFiles) {
  const thin = await Promise.all(
    thinFiles.map(async (file) => {
      try {
        return { ...readMachOCpu(await readFileStart(file, 12)), sizeBytes: (await stat(file)).size };
      } catch (error2) {
        throw new Error(`${file}: ${error2.message}`, { cause: error2 });
      }
    })
  );
  const layout = planFatLayout(thin);
  await pipeline(
    Readable.from(fatBytes(layout, thinFiles)),
    createWriteStream(output, { flags: "wx", mode: 493 })
  );
  const { size } = await stat(output);
  if (size !== layout.totalBytes) {
    throw new Error(`wrote ${size} bytes, expected ${layout.totalBytes}: a slice changed while it was read`);
  }
  return layout;
}
function reportPath(workspace, file) {
  return path12.relative(workspace, file).split(path12.sep).join("/");
}
async function writeUniversalBinaries(plans, thin, where) {
  const targets = [];
  const failures = [];
  if (plans.length === 0) return { targets, failures };
  const fail = (plan, reason) => {
    error(reason);
    failures.push({ package: plan.package, goos: "darwin", goarch: UNIVERSAL_GOARCH, reason });
  };
  const outputRoot = await confinedDirectory(where.outputDir, { ...where, input: "output-dir" });
  const staging = await mkdtemp2(path12.join(outputRoot, ".setup-go-arm64-universal-"));
  try {
    for (const [index, plan] of plans.entries()) {
      const built = (job) => thin.some((t) => t.path === reportPath(where.workspace, job.output));
      const missing = plan.slices.filter((job) => !built(job));
      if (missing.length > 0) {
        fail(
          plan,
          `${plan.label} not written: ${missing.map((job) => job.label).join(" and ")} did not build`
        );
        continue;
      }
      const started = Date.now();
      try {
        const staged = path12.join(staging, String(index));
        await writeFatMachO(
          staged,
          plan.slices.map((job) => job.output)
        );
        const file = { path: reportPath(where.workspace, plan.output), buildMs: Date.now() - started };
        const checked = universalResult(plan, await inspectBinaryFile(staged), thin, file);
        if ("problems" in checked) {
          fail(
            plan,
            `${file.path} is not the universal binary of its slices: ${checked.problems.join("; ")}`
          );
          continue;
        }
        await placeFile(staged, outputRoot, path12.relative(where.outputDir, plan.output));
        info(`Wrote ${file.path} (${checked.result.arch}) in ${file.buildMs} ms`);
        targets.push(checked.result);
      } catch (error2) {
        fail(plan, `${plan.label} not written: ${error2.message}`);
      }
    }
  } finally {
    await rm3(staging, { recursive: true, force: true });
  }
  return { targets, failures };
}

// src/phases/build-targets.ts
async function stampedLdflags(config, env) {
  let commitDate;
  let commitDateError;
  if (usedPlaceholders(config.ldflags).includes("date")) {
    const git2 = await runCommand("git", ["log", "-1", "--format=%cI"], { cwd: config.workingDirectory, env });
    if (git2.exitCode === 0) commitDate = git2.stdout.trim();
    else commitDateError = git2.output.trim().split("\n")[0] || `git exited with ${git2.exitCode}`;
  }
  const stamp = stampValues({
    ref: env.GITHUB_REF,
    refName: env.GITHUB_REF_NAME,
    sha: env.GITHUB_SHA,
    commitDate,
    commitDateError,
    sourceDateEpoch: env.SOURCE_DATE_EPOCH
  });
  return templateLdflags(config.ldflags, stamp);
}
async function checkAgainstToolchain(config, go) {
  const first = config.targets[0];
  const listEnv = first ? { ...go.env, ...targetEnv(first), CGO_ENABLED: config.cgo ? "1" : "0" } : go.env;
  const list = async (entries) => {
    const listed2 = await runCommand(go.goBinary, [...GO_LIST_ARGS, ...entries], {
      cwd: go.cwd,
      env: listEnv
    });
    if (listed2.exitCode !== 0) {
      throw new Error(`go list could not load ${entries.join(" ")}: ${listed2.stderr.trim()}`);
    }
    return parseGoList(listed2.stdout);
  };
  const named = config.packages.filter((entry) => !isPackagePattern(entry));
  const [dist, namedListing] = await Promise.allSettled([
    runCommand(go.goBinary, ["tool", "dist", "list"], { cwd: go.cwd, env: go.env }),
    first && named.length > 0 ? list(named) : Promise.resolve([])
  ]);
  if (dist.status === "rejected") throw dist.reason;
  if (dist.value.exitCode !== 0) throw new Error(`go tool dist list failed: ${dist.value.output.trim()}`);
  validateTargets(config.targets, parseDistList(dist.value.stdout));
  await checkVariantsWithToolchain(config.targets, go);
  if (!first) return { packages: config.packages, names: {} };
  if (namedListing.status === "rejected") throw namedListing.reason;
  const listed = namedListing.value;
  checkMainPackages(listed, named, config.workingDirectory, targetName(first));
  const packages = [];
  for (const entry of config.packages) {
    if (!isPackagePattern(entry)) packages.push(entry);
    else {
      const matched = await list([entry]);
      listed.push(...matched);
      packages.push(...expandPattern(entry, matched, config.workingDirectory, targetName(first)));
    }
  }
  const unique = [...new Set(packages)];
  return { packages: unique, names: binaryNames(listed, unique, config.workingDirectory) };
}
async function addSizeAttribution(results, config, go, temp) {
  const started = Date.now();
  const scratch = await mkdtemp3(path13.join(temp, "setup-go-arm64-nm-"));
  try {
    const nmTool = await locateNmTool(go);
    await mapPool(results, config.parallel, async ({ result, outcome }, index) => {
      try {
        result.attribution = await measureAttribution(
          outcome.job,
          go,
          nmTool,
          path13.join(scratch, `${index}${result.goos === "windows" ? ".exe" : ""}`)
        );
      } catch (error2) {
        warning(`No size attribution for ${outcome.job.label}: ${error2.message}`);
      }
    });
  } catch (error2) {
    warning(`No size attribution: ${error2.message}`);
  } finally {
    await rm4(scratch, { recursive: true, force: true });
  }
  const attributionMs = Date.now() - started;
  info(`Size attribution of ${results.length} file(s) took ${humanDuration(attributionMs)}`);
  return attributionMs;
}
async function runPlannedBuilds(jobs, config, go, confine) {
  info(`Building ${jobs.length} binaries, ${Math.min(config.parallel, jobs.length)} at a time`);
  const started = Date.now();
  const outcomes = await runBuilds(jobs, {
    ...go,
    outputDir: config.outputDir,
    ...confine,
    parallel: config.parallel,
    failFast: config.failFast,
    onJobEnd: (outcome) => {
      startGroup(`${outcome.ok ? "Built" : "Failed"} ${outcome.job.label} in ${outcome.buildMs} ms`);
      info(jobCommandLine(outcome.job));
      if (outcome.output) info(outcome.output.trimEnd());
      endGroup();
    }
  });
  return { outcomes, wallMs: Date.now() - started };
}
function reportFlags(config, ldflags, env) {
  const set = BUILD_KEY_ENV.filter((name) => env[name]?.trim()).map((name) => [name, env[name].trim()]);
  return {
    ldflags: config.ldflags,
    ...ldflags !== config.ldflags ? { stampedLdflags: ldflags } : {},
    trimpath: config.trimpath,
    cgo: config.cgo,
    tags: config.buildTags,
    buildFlags: config.buildFlags,
    ...set.length > 0 ? { env: Object.fromEntries(set) } : {}
  };
}
async function buildTargets(config, goBinary, workspace, env) {
  const go = { goBinary, cwd: config.workingDirectory, env: { ...env, GOTOOLCHAIN: "local" } };
  const ldflags = await stampedLdflags(config, env);
  const plan = planFor(config, ldflags, await checkAgainstToolchain(config, go));
  const confine = {
    roots: [workspace, env.RUNNER_TEMP ?? ""],
    forbidden: [path13.dirname(path13.dirname(goBinary))]
  };
  const { outcomes, wallMs } = await runPlannedBuilds(plan.jobs, config, go, confine);
  const { built, failed, failures } = await sortOutcomes(outcomes, { config, go, workspace, ldflags });
  const thin = built.map((entry) => entry.result);
  const universal = await writeUniversalBinaries(plan.universal, thin, {
    workspace,
    outputDir: config.outputDir,
    ...confine
  });
  failures.push(...universal.failures);
  failed.push(...universal.failures.map((f) => `${f.package} ${f.goos}/${f.goarch}`));
  const attributionMs = config.attribution && built.length > 0 ? await addSizeAttribution(built, config, go, env.RUNNER_TEMP || os.tmpdir()) : 0;
  return {
    targets: [...thin, ...universal.targets],
    failed,
    failures,
    wallMs,
    flags: reportFlags(config, ldflags, env),
    attributionMs
  };
}

// src/phases/check-inputs.ts
import { readdir, readFile as readFile2, stat as stat2 } from "node:fs/promises";
import path14 from "node:path";

// src/core/toolchain/module-hash.ts
import { createHash as createHash5 } from "node:crypto";

// src/core/toolchain/note.ts
import { createHash as createHash3, createPublicKey, verify as verifySignature } from "node:crypto";
var SUM_GOLANG_ORG_KEY = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
var ED25519_ALGORITHM = 1;
var ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
var SIGNATURE_PREFIX = "\u2014 ";
var MAX_SIGNATURES = 100;
var utf8 = new TextDecoder("utf-8", { fatal: true });
function decodeText(data, what) {
  if (typeof data === "string") return data;
  try {
    return utf8.decode(data);
  } catch {
    throw new Error(`${what} is not valid UTF-8`);
  }
}
function decodeStdBase64(text) {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return void 0;
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64") === text ? bytes : void 0;
}
function hasControlCharacter(text) {
  for (let i = 0; i < text.length; i++) {
    const code2 = text.charCodeAt(i);
    if (code2 < 32 && code2 !== 10) return true;
  }
  return false;
}
function isValidServerName(name) {
  return name !== "" && !/[\s+]/u.test(name);
}
function computeKeyHash(name, algorithmAndKey) {
  return createHash3("sha256").update(`${name}
`, "utf8").update(algorithmAndKey).digest().readUInt32BE(0);
}
function hex8(value) {
  return value.toString(16).padStart(8, "0");
}
function parseVerifierKey(verifierKey) {
  const [name = "", hashHex = "", keyBase64 = "", ...extra] = verifierKey.trim().split("+");
  const encodedKey = [keyBase64, ...extra].join("+");
  const keyBytes = decodeStdBase64(encodedKey);
  if (!isValidServerName(name) || !/^[0-9a-f]{8}$/i.test(hashHex) || keyBytes === void 0 || keyBytes.length === 0) {
    throw new Error(
      `malformed verifier key "${verifierKey}": expected <name>+<8 hex digits>+<base64 key>, e.g. ${SUM_GOLANG_ORG_KEY}`
    );
  }
  const statedHash = Number.parseInt(hashHex, 16);
  const actualHash = computeKeyHash(name, keyBytes);
  if (statedHash !== actualHash) {
    throw new Error(
      `verifier key "${verifierKey}" names key hash ${hashHex} but its key hashes to ${hex8(actualHash)}`
    );
  }
  if (keyBytes[0] !== ED25519_ALGORITHM) {
    throw new Error(
      `verifier key "${verifierKey}" uses unknown algorithm ${keyBytes[0]} (only 1, Ed25519, exists)`
    );
  }
  if (keyBytes.length !== 1 + 32) {
    throw new Error(
      `verifier key "${verifierKey}" holds ${keyBytes.length - 1} key bytes; Ed25519 keys have 32`
    );
  }
  const publicKey = createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, keyBytes.subarray(1)]),
    format: "der",
    type: "spki"
  });
  return { name, keyHash: statedHash, publicKey };
}
function openSignedNote(note, verifierKey) {
  const verifier = parseVerifierKey(verifierKey);
  const trusted = `${verifier.name}+${hex8(verifier.keyHash)}`;
  const message = decodeText(note, "signed note");
  if (hasControlCharacter(message)) throw new Error("malformed signed note: it contains control characters");
  const split = message.lastIndexOf("\n\n");
  if (split < 0) throw new Error("malformed signed note: no blank line before a signature block (unsigned?)");
  const text = message.slice(0, split + 1);
  const signatureBlock = message.slice(split + 2);
  if (signatureBlock === "") throw new Error("signed note has no signatures");
  if (!signatureBlock.endsWith("\n"))
    throw new Error("malformed signed note: the last signature line is cut off");
  const foreign = [];
  let verified = false;
  const lines = signatureBlock.slice(0, -1).split("\n");
  if (lines.length > MAX_SIGNATURES)
    throw new Error(`signed note has more than ${MAX_SIGNATURES} signatures`);
  for (const line of lines) {
    if (!line.startsWith(SIGNATURE_PREFIX)) {
      throw new Error(`malformed signature line "${line}": expected "\u2014 <name> <base64 signature>"`);
    }
    const body = line.slice(SIGNATURE_PREFIX.length);
    const space = body.indexOf(" ");
    const name = space < 0 ? body : body.slice(0, space);
    const signature = space < 0 ? void 0 : decodeStdBase64(body.slice(space + 1));
    if (!isValidServerName(name) || signature === void 0 || signature.length < 5) {
      throw new Error(`malformed signature line "${line}"`);
    }
    const keyHash = signature.readUInt32BE(0);
    if (name !== verifier.name || keyHash !== verifier.keyHash) {
      foreign.push(`${name}+${hex8(keyHash)}`);
      continue;
    }
    if (!verifySignature(null, Buffer.from(text, "utf8"), verifier.publicKey, signature.subarray(4))) {
      throw new Error(
        `invalid signature for key ${trusted}: the note text was altered or signed by another key`
      );
    }
    verified = true;
  }
  if (!verified) {
    throw new Error(
      `signed note carries no signature by the trusted key ${trusted} (signed by: ${foreign.join(", ")})`
    );
  }
  return { text, signedBy: verifier.name };
}

// src/core/toolchain/tlog.ts
import { createHash as createHash4 } from "node:crypto";
var SUMDB_TILE_HEIGHT = 8;
var HASH_SIZE = 32;
function sha256(...parts) {
  const hash = createHash4("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
}
function tilePath(height, level, index, width) {
  const groups = [String(index % 1e3).padStart(3, "0")];
  for (let rest = Math.floor(index / 1e3); rest > 0; rest = Math.floor(rest / 1e3)) {
    groups.unshift(`x${String(rest % 1e3).padStart(3, "0")}`);
  }
  const partial = width === 2 ** height ? "" : `.p/${width}`;
  return `tile/${height}/${level}/${groups.join("/")}${partial}`;
}
function locateNode(treeSize, height, level, position) {
  const tileLevel = Math.floor(level / height);
  const levelInTile = level - tileLevel * height;
  const firstHash = position * 2 ** levelInTile;
  const tileIndex = Math.floor(firstHash / 2 ** height);
  const offset = firstHash - tileIndex * 2 ** height;
  const hashesAtLevel = Math.floor(treeSize / 2 ** (tileLevel * height));
  const width = Math.min(2 ** height, hashesAtLevel - tileIndex * 2 ** height);
  const tile = {
    height,
    level: tileLevel,
    index: tileIndex,
    width,
    path: tilePath(height, tileLevel, tileIndex, width)
  };
  return { tile, offset, count: 2 ** levelInTile };
}
function fullTile(tile) {
  const width = 2 ** tile.height;
  return { ...tile, width, path: tilePath(tile.height, tile.level, tile.index, width) };
}
function nodeHash(left, right) {
  return sha256(Uint8Array.of(1), left, right);
}
function tileSubtreeHash(hashes) {
  if (hashes.length === HASH_SIZE) return hashes;
  const half = hashes.length / 2;
  return nodeHash(tileSubtreeHash(hashes.subarray(0, half)), tileSubtreeHash(hashes.subarray(half)));
}
function largestPowerOfTwoBelow(n) {
  let level = 0;
  while (2 ** (level + 1) < n) level++;
  return { size: 2 ** level, level };
}
function rangeHash(lo, hi, readNode) {
  const parts = [];
  while (lo < hi) {
    const { size, level } = largestPowerOfTwoBelow(hi - lo + 1);
    parts.push(readNode(level, lo / size));
    lo += size;
  }
  return parts.reduceRight((right, left) => nodeHash(left, right));
}
function rootThroughRecord(lo, hi, n, leafHash, readNode) {
  if (hi - lo === 1) return leafHash;
  const mid = lo + largestPowerOfTwoBelow(hi - lo).size;
  return n < mid ? nodeHash(rootThroughRecord(lo, mid, n, leafHash, readNode), rangeHash(mid, hi, readNode)) : nodeHash(rangeHash(lo, mid, readNode), rootThroughRecord(mid, hi, n, leafHash, readNode));
}
function inclusionTiles(treeSize, recordId, height = SUMDB_TILE_HEIGHT) {
  if (!(recordId >= 0 && recordId < treeSize))
    throw new Error(`record ${recordId} is not in a tree of ${treeSize}`);
  const tiles = /* @__PURE__ */ new Map();
  const emptyHash = new Uint8Array(HASH_SIZE);
  rootThroughRecord(0, treeSize, recordId, emptyHash, (level, position) => {
    const { tile } = locateNode(treeSize, height, level, position);
    tiles.set(tile.path, tile);
    return emptyHash;
  });
  return [...tiles.values()];
}
function verifyInclusion(record, tiles, height = SUMDB_TILE_HEIGHT) {
  const { size, rootHash } = record.tree;
  const readNode = (level, position) => {
    const { tile, offset, count } = locateNode(size, height, level, position);
    const data = tiles.get(tile.path);
    if (data === void 0) throw new Error(`tile ${tile.path} is needed to prove record ${record.recordId}`);
    if (data.length % HASH_SIZE !== 0 || data.length < tile.width * HASH_SIZE) {
      throw new Error(`tile ${tile.path} has ${data.length} bytes; expected ${tile.width * HASH_SIZE}`);
    }
    return tileSubtreeHash(data.subarray(offset * HASH_SIZE, (offset + count) * HASH_SIZE));
  };
  const leafHash = sha256(Uint8Array.of(0), Buffer.from(record.recordText, "utf8"));
  const computed = Buffer.from(rootThroughRecord(0, size, record.recordId, leafHash, readNode)).toString(
    "base64"
  );
  if (computed !== rootHash) {
    throw new Error(
      `record ${record.recordId} is not in the signed tree of ${size} records: its audit path leads to root ${computed}, the signed root is ${rootHash} (the record or a tile was altered)`
    );
  }
}

// src/core/toolchain/sumdb.ts
var TREE_NOTE_HEADER = "go.sum database tree\n";
function parseTreeNote(text) {
  const lines = text.split("\n");
  const [, sizeLine = "", hashLine = ""] = lines;
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
function splitGoSumLine(line) {
  const fields = line.trim().split(/\s+/);
  if (fields.length !== 3) return void 0;
  const [module = "", version = "", hash = ""] = fields;
  return { module, version, hash };
}
function parseLookupResponse(body, verifierKey) {
  const response = decodeText(body, "lookup response");
  const idEnd = response.indexOf("\n");
  const idLine = idEnd < 0 ? response : response.slice(0, idEnd);
  const recordId = Number(idLine);
  if (idEnd < 0 || !/^(0|[1-9][0-9]*)$/.test(idLine) || !Number.isSafeInteger(recordId)) {
    throw new Error(`malformed lookup response: the first line "${idLine.slice(0, 40)}" is not a record id`);
  }
  const afterId = response.slice(idEnd + 1);
  const textEnd = afterId.indexOf("\n\n");
  if (textEnd < 0) throw new Error("malformed lookup response: no blank line after the record");
  const recordText = afterId.slice(0, textEnd + 1);
  if (recordText === "\n" || hasControlCharacter(recordText)) {
    throw new Error("malformed lookup response: the record text is empty or has control characters");
  }
  const lines = recordText.slice(0, -1).split("\n").map((line) => {
    const entry = splitGoSumLine(line);
    if (entry === void 0) throw new Error(`malformed lookup response: "${line}" is not a go.sum line`);
    return entry;
  });
  const { text, signedBy } = openSignedNote(afterId.slice(textEnd + 2), verifierKey);
  const { size, rootHash } = parseTreeNote(text);
  if (recordId >= size) {
    throw new Error(`lookup response names record ${recordId}, outside its signed tree of ${size} records`);
  }
  return { recordId, recordText, lines, tree: { origin: signedBy, size, rootHash } };
}

// src/core/toolchain/module-hash.ts
var EXAMPLE_SUM_LINE = "golang.org/toolchain v0.0.1-go1.25.4.linux-amd64 h1:5e4fxJf48MqaBmsurT33X8lENq6kLpby4xLNGF0tmEw=";
function hash1(files) {
  const sorted = files.map((file) => ({ ...file, nameBytes: Buffer.from(file.name, "utf8") })).sort((a, b) => Buffer.compare(a.nameBytes, b.nameBytes));
  const summary2 = createHash5("sha256");
  for (const file of sorted) {
    if (file.name.includes("\n"))
      throw new Error(`dirhash: file name ${JSON.stringify(file.name)} has a newline`);
    if (!/^[0-9a-f]{64}$/.test(file.sha256Hex)) {
      throw new Error(`dirhash: "${file.sha256Hex}" for ${file.name} is not a lowercase hex SHA-256`);
    }
    summary2.update(`${file.sha256Hex}  ${file.name}
`, "utf8");
  }
  return `h1:${summary2.digest("base64")}`;
}
function parseGoSumLine(line) {
  const fix = `give one line from go.sum for the module zip, such as "${EXAMPLE_SUM_LINE}"`;
  const entry = splitGoSumLine(line);
  if (entry === void 0) {
    throw new InputError(
      "toolchain-sum",
      `Input toolchain-sum "${line}" is not a go.sum line (<module> <version> <h1:hash>)`,
      fix
    );
  }
  if (entry.version.endsWith("/go.mod")) {
    throw new InputError(
      "toolchain-sum",
      `Input toolchain-sum "${line}" is the hash of the module's go.mod file; verifying the download needs the hash of its zip`,
      `use the line without "/go.mod", such as "${EXAMPLE_SUM_LINE}"`
    );
  }
  if (!/^v[0-9]/.test(entry.version)) {
    throw new InputError(
      "toolchain-sum",
      `"${entry.version}" in toolchain-sum "${line}" is not a module version`,
      fix
    );
  }
  const digest = entry.hash.startsWith("h1:") ? decodeStdBase64(entry.hash.slice(3)) : void 0;
  if (digest?.length !== 32) {
    throw new InputError(
      "toolchain-sum",
      `"${entry.hash}" in toolchain-sum "${line}" is not an h1: hash (h1: and the base64 of 32 bytes)`,
      fix
    );
  }
  return entry;
}
var OMITTED_FROM_MODULE = ["go/.github/", "go/api/", "go/doc/", "go/misc/", "go/test/"];
function toolchainModuleName(archiveName, prefix) {
  if (!archiveName.startsWith("go/")) throw new Error(`${archiveName} is not under go/`);
  if (OMITTED_FROM_MODULE.some((dir) => archiveName.startsWith(dir))) return void 0;
  const renamed = archiveName.endsWith("/go.mod") ? `${archiveName.slice(0, -"go.mod".length)}_go.mod` : archiveName;
  return `${prefix}${renamed.slice("go".length)}`;
}

// src/phases/check-inputs.ts
async function kindOf(file) {
  try {
    return (await stat2(file)).isDirectory() ? "directory" : "file";
  } catch {
    return "missing";
  }
}
async function holdsMainPackage(dir, files) {
  for (const file of files.filter(isBuildableGoFile)) {
    const source = await readFile2(path14.join(dir, file), "utf8").catch(() => "");
    if (packageClauseName(source) === "main") return true;
  }
  return false;
}
async function checkPatternHasMain(pattern, workingDirectory) {
  const root = path14.resolve(workingDirectory, patternWalkRoot(pattern));
  if (await kindOf(root) !== "directory") {
    throw noMainPackageError(pattern, `${patternWalkRoot(pattern)} is not a directory of working-directory`);
  }
  const matches = patternMatcher(pattern);
  const queue = [root];
  for (let dir = queue.shift(); dir !== void 0; dir = queue.shift()) {
    const entries = await readdir(dir, { withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
    if (dir !== workingDirectory && files.includes("go.mod")) continue;
    const relative = path14.relative(workingDirectory, dir).split(path14.sep).join("/") || ".";
    if (matches(relative) && await holdsMainPackage(dir, files)) return;
    for (const entry of entries) {
      if (entry.isDirectory() && !walkSkipsDirectory(entry.name)) queue.push(path14.join(dir, entry.name));
    }
  }
  throw noMainPackageError(
    pattern,
    `no Go file under ${path14.relative(workingDirectory, root) || "."} says package main`
  );
}
async function checkInputsBeforeSetup(config, sizeInputs, workspace) {
  const shown = (file) => path14.relative(workspace, file) || ".";
  if (config.toolchainSum) parseGoSumLine(config.toolchainSum);
  if (!config.mergeReports) {
    if (await kindOf(config.workingDirectory) !== "directory") {
      throw new InputError(
        "working-directory",
        `Input working-directory is ${shown(config.workingDirectory)}, which is not a directory in the workspace`,
        "name the directory of your Go module relative to the workspace, e.g. . or services/api"
      );
    }
    if (config.targets.length > 0) {
      for (const entry of config.packages.filter((p) => isPackagePattern(p) && isRelativeEntry(p))) {
        await checkPatternHasMain(entry, config.workingDirectory);
      }
    }
    if (config.cache) await dependencyFilesFor(config.cacheDependencyPath, config.workingDirectory);
    if (config.targets.length > 0 && await kindOf(config.outputDir) === "file") {
      throw new InputError(
        "output-dir",
        `Input output-dir is ${shown(config.outputDir)}, which is a file, not a directory`,
        "name a directory for the binaries, e.g. dist"
      );
    }
  }
  if (config.reportFile && await kindOf(config.reportFile) === "directory") {
    throw new InputError(
      "report-file",
      `Input report-file is ${shown(config.reportFile)}, which is a directory`,
      "name the file to write, e.g. reports/size.json"
    );
  }
  const { baseReport, comment } = sizeInputs;
  if (baseReport.kind === "file" && comment.mode !== "off" && await kindOf(baseReport.path) !== "file") {
    throw new InputError(
      "base-report",
      `Input base-report names ${shown(baseReport.path)}, which is not a file`,
      "give the path of a report file written by this action (its report-file output), or auto, or none"
    );
  }
}

// src/phases/restore-caches.ts
import os2 from "node:os";
import path15 from "node:path";
async function restoreCaches(config, setup, facts) {
  startGroup("Restore caches");
  const cachePlan = await prepareGoCaches({
    cache: config.cache,
    cacheBuild: config.cacheBuild,
    cacheSave: config.cacheSave,
    keyPrefix: config.cacheKeyPrefix,
    dependencyPath: config.cacheDependencyPath,
    runnerOs: process.env.RUNNER_OS ?? facts.platform,
    goHostArch: setup.proof.goHostArch,
    goVersion: setup.version,
    targets: config.targets.map(targetName),
    flags: {
      cgo: config.cgo,
      trimpath: config.trimpath,
      tags: config.buildTags,
      buildFlags: config.buildFlags,
      env: config.cache ? await buildKeyEnvironment(setup.probe.goBinary) : {}
    },
    runStamp: `${process.env.GITHUB_RUN_ID ?? Date.now()}.${process.env.GITHUB_RUN_ATTEMPT ?? 1}`,
    workingDirectory: config.workingDirectory,
    modCacheDir: setup.probe.env.GOMODCACHE ?? "",
    buildCacheDir: setup.probe.env.GOCACHE ?? "",
    // Its path is part of each entry's version, so it must not change between runs (RUNNER_TEMP may).
    stagingDir: path15.join(os2.tmpdir(), "setup-go-arm64-cache")
  });
  const restored = await restoreGoCaches(cachePlan);
  endGroup();
  for (const [name, value] of Object.entries(restored.outputs)) setOutput(name, value);
  saveState(CACHE_STATE, JSON.stringify({ plan: cachePlan, restored }));
  return { restored, summary: renderCacheRestoreSection(restored, cachePlan.flagsDescription) };
}

// src/phases/publish-report.ts
import { readFile as readFile3 } from "node:fs/promises";
import path16 from "node:path";

// src/core/report/merge.ts
function mergeReports(reports) {
  const first = reports[0];
  if (!first) throw new Error("No reports to merge");
  const versions = new Set(reports.map((r) => r.go.version));
  if (versions.size > 1) {
    throw new Error(
      `The reports were built with different Go versions (${[...versions].join(", ")}); merge reports of one version`
    );
  }
  const seen = /* @__PURE__ */ new Map();
  const targets = [];
  reports.forEach((report, index) => {
    for (const target of report.targets) {
      const key = targetKey(target);
      const earlier = seen.get(key);
      if (earlier !== void 0) {
        throw new Error(
          `Target ${key} appears in report ${earlier + 1} and report ${index + 1}; each target must be built once`
        );
      }
      seen.set(key, index);
      targets.push({
        ...target,
        host: { os: report.go.hostOs, arch: report.go.hostArch, native: report.go.native }
      });
    }
  });
  const merged = buildReport({
    go: { ...first.go, native: reports.every((r) => r.go.native) },
    commit: first.commit,
    flags: first.flags,
    targets,
    wallMs: Math.max(...reports.map((r) => r.totals.wallMs))
  });
  return merged;
}

// src/phases/publish-report.ts
async function publishReport(report, reportFile, roots) {
  await replaceFileConfined(reportFile, JSON.stringify(report, null, 2) + "\n", {
    input: "report-file",
    roots
  });
  setOutput("report", JSON.stringify(report));
  setOutput("report-file", reportFile);
  setOutput("artifacts", JSON.stringify(report.targets.map((t) => t.path)));
  setOutput("total-size-bytes", String(report.totals.sizeBytes));
  setOutput("build-seconds", (report.totals.wallMs / 1e3).toFixed(3));
  return reportFile;
}
async function writeChecksums(targets, where) {
  const files = targets.map((target) => ({
    name: path16.relative(where.outputDir, path16.resolve(where.workspace, target.path)).split(path16.sep).join("/"),
    sha256: target.sha256
  }));
  const file = path16.join(where.outputDir, CHECKSUMS_FILE);
  await replaceFileConfined(file, renderChecksums(files), { input: "output-dir", roots: where.roots });
  setOutput("checksums-file", file);
  info(`Wrote the sha256 of ${files.length} file(s) to ${path16.relative(where.workspace, file)}`);
  return file;
}
async function readAndMergeReports(patterns, workspace) {
  const absolute = patterns.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).map((pattern) => path16.isAbsolute(pattern) ? pattern : path16.join(workspace, pattern));
  const glob = await import("../chunks/glob-GAFFHTHU.js");
  const files = (await (await glob.create(absolute.join("\n"), { matchDirectories: false })).glob()).sort();
  if (files.length === 0) {
    throw new InputError(
      "merge-reports",
      `Input merge-reports (${patterns.trim()}) matches no report file`,
      "point it at the report files downloaded from the build jobs, e.g. ${{ runner.temp }}/reports/*.json"
    );
  }
  const reports = await Promise.all(
    files.map(async (file) => parseReport(JSON.parse(await readFile3(file, "utf8")), file))
  );
  info(`Merging ${reports.length} report(s): ${files.join(", ")}`);
  return mergeReports(reports);
}

// src/phases/setup-toolchain.ts
import { readdir as readdir3 } from "node:fs/promises";
import path25 from "node:path";

// src/core/toolchain/archive-paths.ts
function safeEntryPath(entryName, topDirectory) {
  const name = entryName.replace(/\\/g, "/");
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return { refused: `absolute path ${entryName}` };
  if (name.includes("\0")) return { refused: `NUL byte in ${JSON.stringify(entryName)}` };
  const parts = name.split("/");
  if (parts.some((part) => part === "..")) return { refused: `path ${entryName} climbs out with ..` };
  const top = topDirectory.replace(/\/+$/, "");
  const topParts = top.split("/");
  if (topParts.some((part, index) => parts[index] !== part)) {
    return { refused: `entry ${entryName} is outside ${top}/` };
  }
  const rest = parts.slice(topParts.length).filter((part) => part !== "" && part !== ".");
  if (rest.length === 0) return { skip: true };
  return { path: rest.join("/") };
}
function restoredModuleFileName(relativePath) {
  return /(^|\/)_go\.mod$/.test(relativePath) ? relativePath.replace(/_go\.mod$/, "go.mod") : void 0;
}
function needsExecBit(relativePath) {
  return /^bin\/[^/]+$/.test(relativePath) || /^pkg\/tool\/[^/]+\/[^/]+$/.test(relativePath);
}
function toolCacheArch(goarch) {
  return goarch === "amd64" ? "x64" : goarch;
}
var ArchiveRefusedError = class extends Error {
  constructor(archivePath, reason) {
    super(`Refusing archive ${archivePath}: ${reason}`);
    this.archivePath = archivePath;
    this.reason = reason;
  }
  archivePath;
  reason;
  name = "ArchiveRefusedError";
};
var MAX_ARCHIVE_ENTRIES = 2e5;
function isAbsoluteLinkTarget(target) {
  return target.startsWith("/") || target.startsWith("\\") || /^[A-Za-z]:/.test(target);
}
function refuse(reason) {
  return { action: "refuse", reason };
}
var ArchiveEntryChecker = class {
  constructor(options2) {
    this.options = options2;
  }
  options;
  files = /* @__PURE__ */ new Set();
  links = /* @__PURE__ */ new Set();
  directories = /* @__PURE__ */ new Set();
  expandedBytes = 0;
  entries = 0;
  /** Bytes of the entries accepted so far. */
  get bytes() {
    return this.expandedBytes;
  }
  check(entry) {
    if (++this.entries > MAX_ARCHIVE_ENTRIES)
      return refuse(`it holds more than ${MAX_ARCHIVE_ENTRIES} entries`);
    this.expandedBytes += entry.size;
    if (this.expandedBytes > this.options.maxExtractedBytes) {
      return refuse(`it expands past ${this.options.maxExtractedBytes} bytes`);
    }
    const mapped = this.map(entry.name);
    if ("refused" in mapped) return refuse(mapped.refused);
    if ("skip" in mapped) return { action: "skip" };
    const relative = mapped.path;
    const key = relative.toLowerCase();
    const parts = key.split("/");
    for (let depth = 1; depth < parts.length; depth++) {
      const ancestor = parts.slice(0, depth).join("/");
      if (this.links.has(ancestor)) return refuse(`entry ${entry.name} would be written through a symlink`);
      if (this.files.has(ancestor)) return refuse(`entry ${entry.name} would be written inside a file`);
    }
    if (entry.kind === "directory") {
      if (this.files.has(key) || this.links.has(key)) return refuse(`duplicate entry ${entry.name}`);
      this.addAncestors(parts);
      this.directories.add(key);
      return { action: "directory", path: relative };
    }
    if (entry.kind === "other") return refuse(`${entry.typeName ?? "special file"} entry ${entry.name}`);
    if (this.files.has(key) || this.links.has(key) || this.directories.has(key)) {
      return refuse(`duplicate entry ${entry.name}`);
    }
    if (entry.kind === "file") {
      this.remember(this.files, parts);
      return { action: "file", path: relative };
    }
    return this.checkLink(entry, parts, relative);
  }
  /** A hard link or symlink entry: kept only when links are allowed and it stays within what was extracted. */
  checkLink(entry, parts, relative) {
    if (!this.options.allowLinks) return refuse(`${entry.kind} ${entry.name}`);
    const target = (entry.linkTarget ?? "").replace(/\\/g, "/");
    if (target === "") return refuse(`${entry.kind} ${entry.name} has no target`);
    if (entry.kind === "hardlink") {
      const linked = this.map(target);
      if (!("path" in linked) || !this.files.has(linked.path.toLowerCase())) {
        return refuse(`hard link ${entry.name} -> ${target} does not name a file extracted before it`);
      }
      this.remember(this.files, parts);
      return { action: "hardlink", path: relative, target: linked.path };
    }
    if (isAbsoluteLinkTarget(target))
      return refuse(`symlink ${entry.name} points to the absolute path ${target}`);
    const segments = target.split("/").filter((segment) => segment !== "" && segment !== ".");
    const climbs = segments.findIndex((segment) => segment !== "..");
    const ups = climbs === -1 ? segments.length : climbs;
    if (segments.slice(ups).includes("..")) {
      return refuse(`symlink ${entry.name} -> ${target} climbs with .. after a directory name`);
    }
    if (ups > parts.length - 1) {
      return refuse(`symlink ${entry.name} -> ${target} points outside ${this.options.topDirectory}/`);
    }
    this.remember(this.links, parts);
    return { action: "symlink", path: relative, target };
  }
  map(name) {
    const mapped = safeEntryPath(name, this.options.topDirectory);
    if (!("path" in mapped) || !this.options.rename) return mapped;
    return { path: this.options.rename(mapped.path) };
  }
  remember(set, parts) {
    this.addAncestors(parts);
    set.add(parts.join("/"));
  }
  addAncestors(parts) {
    for (let depth = 1; depth < parts.length; depth++) this.directories.add(parts.slice(0, depth).join("/"));
  }
};

// src/io/toolchain/install.ts
import { randomBytes } from "node:crypto";
import { mkdir as mkdir2, readdir as readdir2, rename as rename2, rm as rm5, stat as stat3, writeFile as writeFile2 } from "node:fs/promises";
import path17 from "node:path";
var INSTALL_MARKER = ".setup-go-arm64-installed.json";
function toolchainDir(slot) {
  return path17.join(slot.toolCache, "go", slot.version, slot.arch);
}
async function exists(file) {
  return stat3(file).then(
    () => true,
    () => false
  );
}
async function findInstalledToolchain(slot) {
  const dir = toolchainDir(slot);
  if (!await exists(path17.join(dir, "bin"))) return void 0;
  if (await exists(path17.join(dir, INSTALL_MARKER))) return dir;
  if (await exists(`${dir}.complete`)) return dir;
  return void 0;
}
function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error2) {
    return error2.code === "EPERM";
  }
}
var STAGING = /^\.(.+)\.(?:staging|leftover)-(\d+)-[0-9a-f]+$/;
function workDirName(slot, kind) {
  return `.${slot.arch}.${kind}-${process.pid}-${randomBytes(4).toString("hex")}`;
}
async function removeAbandonedStaging(slot) {
  const parent = path17.dirname(toolchainDir(slot));
  const names = await readdir2(parent).catch(() => []);
  const removed = [];
  for (const name of names) {
    const match = STAGING.exec(name);
    if (!match || processAlive(Number(match[2]))) continue;
    await rm5(path17.join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
var TARGET_EXISTS = /* @__PURE__ */ new Set(["ENOTEMPTY", "EEXIST", "EPERM", "EACCES", "EBUSY"]);
var RENAME_ATTEMPTS = 5;
async function clearUnfinished(slot) {
  const finalDir = toolchainDir(slot);
  if (!await exists(finalDir) || await findInstalledToolchain(slot)) return;
  const aside = path17.join(path17.dirname(finalDir), workDirName(slot, "leftover"));
  try {
    await rename2(finalDir, aside);
  } catch (error2) {
    if (error2.code === "ENOENT") return;
    throw error2;
  }
  await rm5(aside, { recursive: true, force: true });
}
async function installAtomically(slot, provenance, populate) {
  const finalDir = toolchainDir(slot);
  const parent = path17.dirname(finalDir);
  await mkdir2(parent, { recursive: true });
  await removeAbandonedStaging(slot);
  const staging = path17.join(parent, workDirName(slot, "staging"));
  try {
    await populate(staging);
    await writeFile2(path17.join(staging, INSTALL_MARKER), JSON.stringify(provenance, null, 2));
    for (let attempt = 1; ; attempt++) {
      await clearUnfinished(slot);
      try {
        await rename2(staging, finalDir);
        break;
      } catch (error2) {
        const code2 = error2.code ?? "";
        if (!TARGET_EXISTS.has(code2)) throw error2;
        if (await findInstalledToolchain(slot)) {
          await rm5(staging, { recursive: true, force: true });
          return { goroot: finalDir, installedByUs: false };
        }
        if (attempt === RENAME_ATTEMPTS) throw error2;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
    await writeFile2(`${finalDir}.complete`, "");
    return { goroot: finalDir, installedByUs: true };
  } catch (error2) {
    await rm5(staging, { recursive: true, force: true });
    throw error2;
  }
}

// src/core/toolchain/native.ts
var ARCHITECTURE_ALIASES = /* @__PURE__ */ new Map([
  ["", "auto"],
  ["auto", "auto"],
  ["arm64", "arm64"],
  ["aarch64", "arm64"],
  ["amd64", "amd64"],
  ["x64", "amd64"],
  ["x86_64", "amd64"]
]);
function parseArchitectureInput(value) {
  const parsed = ARCHITECTURE_ALIASES.get(value.trim().toLowerCase());
  if (parsed === void 0) {
    throw new InputError(
      "architecture",
      `architecture ${JSON.stringify(value)} is not an architecture this action installs`,
      "use auto (the machine's own architecture), arm64 (or aarch64), or amd64 (or x64, x86_64)"
    );
  }
  return parsed;
}
var GOOS_BY_PLATFORM = /* @__PURE__ */ new Map([
  ["win32", "windows"],
  ["sunos", "solaris"]
]);
var GOARCH_BY_NODE_ARCH = /* @__PURE__ */ new Map([
  ["x64", "amd64"],
  ["ia32", "386"],
  ["mipsel", "mipsle"]
]);
var GOARCH_BY_UNAME_MACHINE = /* @__PURE__ */ new Map([
  ["x86_64", "amd64"],
  ["amd64", "amd64"],
  ["aarch64", "arm64"],
  ["aarch64_be", "arm64be"],
  ["arm64", "arm64"],
  ["armv6l", "arm"],
  ["armv7l", "arm"],
  ["armv8l", "arm"],
  ["i386", "386"],
  ["i686", "386"],
  ["loongarch64", "loong64"],
  ["mips", "mips"],
  ["mips64", "mips64"],
  ["ppc64", "ppc64"],
  ["ppc64le", "ppc64le"],
  ["riscv64", "riscv64"],
  ["s390x", "s390x"]
]);
function machineArchitecture(facts) {
  const goos = GOOS_BY_PLATFORM.get(facts.platform) ?? facts.platform;
  const processGoarch = GOARCH_BY_NODE_ARCH.get(facts.processArch) ?? facts.processArch;
  const rosetta = facts.platform === "darwin" && facts.sysctlProcTranslated?.trim() === "1";
  const appleSilicon = facts.platform === "darwin" && (facts.sysctlArm64?.trim() === "1" || rosetta);
  const machineArch = appleSilicon ? "arm64" : GOARCH_BY_UNAME_MACHINE.get(facts.unameMachine?.trim().toLowerCase() ?? "") ?? processGoarch;
  return { goos, machineArch, processArch: facts.processArch, rosetta };
}
function toolchainArchFor(input, machine) {
  return input === "auto" ? machine.machineArch : input;
}
function proveNative(input) {
  const { requested, machine, headerArch, goHostArch, goHostOs } = input;
  const rosetta = machine.goos === "darwin" && machine.machineArch === "arm64" && headerArch === "amd64";
  const native = headerArch === goHostArch && goHostArch === machine.machineArch;
  const facts = {
    machineArch: machine.machineArch,
    toolchainArch: headerArch,
    goHostArch,
    goHostOs,
    native,
    rosetta
  };
  const verdict = (v, message) => ({
    ...facts,
    verdict: v,
    message
  });
  const described = `The Go toolchain is ${goHostOs}/${headerArch} on this ${machine.goos}/${machine.machineArch} machine`;
  const emulation = (rosetta ? "it runs under Rosetta 2, several times slower than a native toolchain" : "it does not run natively here") + (machine.rosetta ? " (this node process runs under Rosetta 2 as well, so process.arch says x64)" : "");
  const wrong = wrongToolchain(input, described);
  if (wrong) return verdict("fail", wrong);
  if (native) {
    return verdict("ok", `${described}: native (bin/go's header, GOHOSTARCH and the hardware agree).`);
  }
  if (requested !== "auto") {
    return verdict(
      "warn",
      `${described}; ${emulation}. That is what \`architecture: ${requested}\` asks for; remove it (or set \`architecture: ${machine.machineArch}\`) for a native toolchain.`
    );
  }
  return verdict(
    "fail",
    `${described}; ${emulation}. Set \`architecture: ${machine.machineArch}\` (or remove \`architecture: ${headerArch}\` wherever it is set) and delete the ${headerArch} toolchain from the tool cache so the native one is installed.`
  );
}
function wrongToolchain(input, described) {
  const { requested, machine, headerArch, goHostArch, goHostOs } = input;
  if (goHostOs !== machine.goos) {
    return `${described}: \`go env GOHOSTOS\` says ${goHostOs || "(nothing)"}, not ${machine.goos}. The installed toolchain is for another OS; delete it from the tool cache so the right one is installed.`;
  }
  if (headerArch !== goHostArch) {
    return `The Go toolchain contradicts itself: bin/go is a binary for ${headerArch} but \`go env GOHOSTARCH\` says ${goHostArch || "(nothing)"}. Delete it from the tool cache so it is installed afresh.`;
  }
  if (requested !== "auto" && headerArch !== requested) {
    return `${described}, but \`architecture: ${requested}\` asked for ${requested}. Delete the ${headerArch} toolchain from the tool cache so the ${requested} one is installed.`;
  }
  return void 0;
}

// src/io/toolchain/probe.ts
import path18 from "node:path";
function goBinaryPath(goroot) {
  return path18.join(goroot, "bin", process.platform === "win32" ? "go.exe" : "go");
}
async function goEnv(goBinary, names, env = process.env) {
  const { stdout } = await runChecked(goBinary, ["env", "-json", ...names], {
    env: { ...env, GOTOOLCHAIN: "local" },
    timeoutMs: 6e4
  });
  return JSON.parse(stdout);
}
async function probeToolchain(goroot) {
  const goBinary = goBinaryPath(goroot);
  const header = readBinaryHeader(await readFileStart(goBinary, BINARY_HEADER_BYTES));
  let env;
  try {
    env = await goEnv(goBinary, [
      "GOHOSTOS",
      "GOHOSTARCH",
      "GOVERSION",
      "GOROOT",
      "GOMODCACHE",
      "GOCACHE",
      "GOPATH"
    ]);
  } catch (error2) {
    throw new Error(
      `The toolchain at ${goroot} does not run on this machine (${header.format} ${header.arch}): ${error2.message.split("\n")[0]}`,
      { cause: error2 }
    );
  }
  return { goBinary, header, env };
}

// src/core/version/spec.ts
var import_semver = __toESM(require_semver(), 1);
var VERSION_FORMS = "use a release such as 1.25.4 (or go1.25.4), a minor line such as 1.25 or 1.25.x (its newest patch), a semver range such as ^1.24 or >=1.24 <1.26, a pre-release such as 1.26rc1 or 1.26.0-rc.1, or stable / oldstable";
function cutInt(text) {
  const digits = /^[0-9]+/.exec(text)?.[0];
  if (!digits || digits.length > 1 && digits.startsWith("0")) return void 0;
  return [digits, text.slice(digits.length)];
}
function compareDecimal(a, b) {
  if (a === b) return 0;
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : 1;
}
function parseGoVersion(text) {
  const major = cutInt(text);
  if (!major) return void 0;
  let [, rest] = major;
  const v = { major: major[0], minor: "", patch: "", kind: "", pre: "" };
  if (rest === "") return { ...v, minor: "0", patch: "0" };
  if (!rest.startsWith(".")) return void 0;
  const minor = cutInt(rest.slice(1));
  if (!minor) return void 0;
  [v.minor, rest] = minor;
  if (rest === "") {
    if (compareDecimal(v.minor, "21") < 0) v.patch = "0";
    return v;
  }
  if (rest.startsWith(".")) {
    const patch = cutInt(rest.slice(1));
    if (!patch || patch[1] !== "") return void 0;
    return { ...v, patch: patch[0] };
  }
  const kind = /^[a-z]+/.exec(rest)?.[0];
  if (!kind) return void 0;
  v.kind = kind;
  rest = rest.slice(kind.length);
  if (rest === "") return v;
  const pre = cutInt(rest);
  if (!pre || pre[1] !== "") return void 0;
  v.pre = pre[0];
  return v;
}
function isValidGoVersion(v) {
  return parseGoVersion(v) !== void 0;
}
function isLanguageVersion(v) {
  const parsed = parseGoVersion(v);
  return parsed !== void 0 && parsed.patch === "" && parsed.kind === "";
}
function isGoPrerelease(v) {
  return (parseGoVersion(v)?.kind ?? "") !== "";
}
function goLanguageLine(v) {
  const parsed = parseGoVersion(v);
  if (!parsed) throw new Error(`Not a Go version: ${JSON.stringify(v)}`);
  return `${parsed.major}.${parsed.minor}`;
}
function compareGoVersions(a, b) {
  const x = parseGoVersion(a);
  const y = parseGoVersion(b);
  if (!x || !y) return x ? 1 : y ? -1 : 0;
  return compareDecimal(x.major, y.major) || compareDecimal(x.minor, y.minor) || compareDecimal(x.patch, y.patch) || // '' < 'alpha' < 'beta' < 'rc' happens to be string order.
  (x.kind === y.kind ? 0 : x.kind < y.kind ? -1 : 1) || compareDecimal(x.pre, y.pre);
}
function releaseName(v) {
  if (v.kind === "" && v.patch === "0" && compareDecimal(v.minor, "21") < 0) {
    return v.minor === "0" ? v.major : `${v.major}.${v.minor}`;
  }
  return `${v.major}.${v.minor}${v.patch === "" ? "" : `.${v.patch}`}${v.kind}${v.pre}`;
}
function goToSemver(v) {
  const parsed = parseGoVersion(v);
  if (!parsed) throw new Error(`Not a Go version: ${JSON.stringify(v)}`);
  const core = `${parsed.major}.${parsed.minor}.${parsed.patch || "0"}`;
  if (!parsed.kind) return core;
  return `${core}-${parsed.kind}${parsed.pre ? `.${parsed.pre}` : ""}`;
}
function semverToGo(v) {
  const parsed = import_semver.default.parse(v);
  if (!parsed || parsed.build.length > 0)
    throw new Error(`Not a semver version Go uses: ${JSON.stringify(v)}`);
  const base = {
    major: String(parsed.major),
    minor: String(parsed.minor),
    patch: String(parsed.patch),
    kind: "",
    pre: ""
  };
  if (parsed.prerelease.length === 0) return releaseName(base);
  const tag = /^(alpha|beta|rc)\.?([1-9][0-9]*)$/.exec(parsed.prerelease.join("."));
  if (!tag || parsed.patch !== 0) {
    throw new Error(`No Go release is spelled like ${JSON.stringify(v)}: pre-releases look like 1.23.0-rc.2`);
  }
  return releaseName({ ...base, patch: "", kind: tag[1] ?? "", pre: tag[2] ?? "" });
}
function isWellFormedGoVersion(v) {
  return /^[1-9][0-9]*\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?((alpha|beta|rc)[1-9][0-9]*)?$/.test(v) && isValidGoVersion(v);
}
function parseVersionSpec(input, inputName) {
  const text = input.trim();
  if (text === "") throw new InputError(inputName, `${inputName} is empty`, VERSION_FORMS);
  const lower = text.toLowerCase();
  if (lower === "stable" || lower === "oldstable") return { kind: "alias", alias: lower, input: text };
  const bare = text.replace(/^go\s*(?=[0-9])/i, "");
  if (isWellFormedGoVersion(bare)) {
    const parsed = parseGoVersion(bare);
    if (parsed.kind !== "" || bare.split(".").length === 3) {
      return { kind: "exact", version: releaseName(parsed), input: text };
    }
    return {
      kind: "range",
      range: `${parsed.major}.${parsed.minor}.x`,
      includePrerelease: false,
      input: text
    };
  }
  if (import_semver.default.valid(bare)) {
    try {
      return { kind: "exact", version: semverToGo(bare), input: text };
    } catch (error2) {
      throw new InputError(
        inputName,
        `${inputName} ${JSON.stringify(text)}: ${error2.message}`,
        VERSION_FORMS
      );
    }
  }
  if (import_semver.default.validRange(bare)) {
    const includePrerelease = /[0-9]+\.[0-9]+\.[0-9]+-[0-9A-Za-z]/.test(bare);
    return { kind: "range", range: bare, includePrerelease, input: text };
  }
  throw new InputError(
    inputName,
    `${inputName} ${JSON.stringify(text)} is not a Go version, version range or alias`,
    VERSION_FORMS
  );
}
function describeSpec(spec) {
  if (spec.input !== void 0) return spec.input;
  return spec.kind === "exact" ? spec.version : spec.kind === "alias" ? spec.alias : spec.range;
}

// src/core/version/support.ts
var OLDEST_SETUP_GO = "1.9";
var OLDEST_BUILD_GO = "1.18";
function plainSpecLine(spec) {
  const match = /^(?:go)?(\d+)\.(\d+)(?:\.(?:\d+|x)|(?:rc|beta)\d+)?$/i.exec(spec.trim());
  return match ? `${match[1]}.${match[2]}` : void 0;
}
function yamlFloatOrigin(spec) {
  return /^1\.[1-9]$/.test(spec.trim()) ? `${spec.trim()}0` : void 0;
}
function checkSupportedVersion(version, options2) {
  const oldest = options2.building ? OLDEST_BUILD_GO : OLDEST_SETUP_GO;
  if (compareGoVersions(version, oldest) >= 0) return;
  const why = options2.building ? `builds need Go ${OLDEST_BUILD_GO} or later (-buildvcs=false and the build settings every binary is checked against are new in ${OLDEST_BUILD_GO})` : `setting up needs Go ${OLDEST_SETUP_GO} or later (the action reads the toolchain's go env -json, new in ${OLDEST_SETUP_GO})`;
  const meant = options2.asWritten === void 0 ? void 0 : yamlFloatOrigin(options2.asWritten);
  if (meant) {
    throw new InputError(
      options2.inputName,
      `${options2.from} asks for Go ${version}, which this action does not support: ${why}. YAML reads an unquoted ${meant} as the number ${options2.asWritten}`,
      `quote the version in the workflow, e.g. ${options2.inputName}: '${meant}'`
    );
  }
  throw new InputError(
    options2.inputName,
    `${options2.from} asks for Go ${version}, which this action does not support: ${why}`,
    `ask for Go ${oldest} or later, e.g. ${options2.inputName === "go-version" ? "go-version: '1.25'" : "go 1.25 in go.mod"}`
  );
}

// src/core/version/resolve.ts
var import_semver2 = __toESM(require_semver(), 1);
var SHOWN_CANDIDATES = 5;
function exactVersion(spec) {
  return spec.kind === "exact" ? spec.version : void 0;
}
function runsOn(release, platform) {
  return release.files.some(
    (file) => (file.kind === "archive" || file.kind === "module") && file.os === platform.os && file.arch === platform.arch
  );
}
function newestFirst(releases) {
  return [...releases].sort((a, b) => compareGoVersions(b.version, a.version));
}
function listVersions(releases) {
  return releases.slice(0, SHOWN_CANDIDATES).map((release) => release.version).join(", ");
}
function toGoSpelling(version) {
  const bare = version.trim().replace(/^go/, "");
  if (isValidGoVersion(bare)) return bare;
  try {
    return semverToGo(bare);
  } catch {
    return void 0;
  }
}
function matchesRange(version, spec, stable) {
  if (!spec.includePrerelease && (!stable || isGoPrerelease(version))) return false;
  return import_semver2.default.satisfies(goToSemver(version), spec.range);
}
function resolveVersion(spec, releases, platform, inputName) {
  const where = `${platform.os}/${platform.arch}`;
  const usable = newestFirst(
    releases.filter((release) => runsOn(release, platform) && isValidGoVersion(release.version))
  );
  const stable = usable.filter((release) => release.stable);
  const asked = `${inputName} ${JSON.stringify(describeSpec(spec))}`;
  const none = (message, candidates) => {
    throw new InputError(
      inputName,
      message,
      candidates.length > 0 ? `use one of the newest that fit: ${listVersions(candidates)}` : `no Go release in the index runs on ${where}; check the platform, or the index the action reads`
    );
  };
  if (spec.kind === "exact") {
    const found = usable.find((release) => compareGoVersions(release.version, spec.version) === 0);
    if (found) return found;
    const line = goLanguageLine(spec.version);
    const sameLine = usable.filter((release) => goLanguageLine(release.version) === line);
    const listed = releases.some((release) => compareGoVersions(release.version, spec.version) === 0);
    return none(
      listed ? `${asked}: Go ${spec.version} has no download for ${where}` : `${asked}: the index has no Go ${spec.version}`,
      sameLine.length > 0 ? sameLine : stable
    );
  }
  if (spec.kind === "alias") {
    const newest = stable[0];
    if (!newest) return none(`${asked}: no stable Go release for ${where}`, usable);
    if (spec.alias === "stable") return newest;
    const newestLine = goLanguageLine(newest.version);
    const previous = stable.find(
      (release) => compareGoVersions(goLanguageLine(release.version), newestLine) < 0
    );
    if (previous) return previous;
    return none(`${asked}: no release older than the ${newestLine} line for ${where}`, stable);
  }
  const inRange = usable.find((release) => matchesRange(release.version, spec, release.stable));
  if (inRange) return inRange;
  return none(`${asked} matches no Go release for ${where}`, spec.includePrerelease ? usable : stable);
}
function satisfies(version, spec) {
  const go = toGoSpelling(version);
  if (go === void 0) return false;
  if (spec.kind === "exact") return compareGoVersions(go, spec.version) === 0;
  if (spec.kind === "alias") return false;
  return matchesRange(go, spec, !isGoPrerelease(go));
}

// src/phases/install-from-proxy.ts
import { rm as rm7 } from "node:fs/promises";
import path20 from "node:path";

// src/core/net/attempts.ts
var AttemptError = class extends Error {
  constructor(message, status, retryable, retryAfterMs) {
    super(message);
    this.status = status;
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
  }
  status;
  retryable;
  retryAfterMs;
};
var RETRYABLE_STATUS = /* @__PURE__ */ new Set([408, 425, 429, 500, 502, 503, 504]);
function parseRetryAfter(value, now = Date.now()) {
  if (!value) return void 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1e3;
  const date = Date.parse(value);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
var DEFAULT_RETRY_POLICY = {
  attempts: 5,
  backoffMs: (retry) => Math.min(3e4, 1e3 * 2 ** (retry - 1)),
  maxRetryAfterMs: 6e4
};
function retryDelayMs(error2, attempt, policy) {
  return error2.retryAfterMs !== void 0 ? Math.min(error2.retryAfterMs, policy.maxRetryAfterMs) : policy.backoffMs(attempt);
}
var DownloadError = class extends Error {
  constructor(url, status, message) {
    super(message);
    this.url = url;
    this.status = status;
  }
  url;
  status;
  name = "DownloadError";
};
function statusFailure(response, requested) {
  response.body.resume();
  const from = response.url === requested ? "" : ` from ${response.url}`;
  return new AttemptError(
    `HTTP ${response.status} ${response.statusText}`.trim() + from,
    response.status,
    RETRYABLE_STATUS.has(response.status),
    parseRetryAfter(response.header("retry-after"))
  );
}
async function withRetries(context, attempt) {
  const policy = { ...DEFAULT_RETRY_POLICY, ...context.policy };
  let last;
  for (let n = 1; n <= policy.attempts; n++) {
    try {
      return { value: await attempt(n), attempts: n };
    } catch (error2) {
      if (!(error2 instanceof AttemptError)) throw error2;
      last = error2;
      if (!error2.retryable || n === policy.attempts) break;
      const delay = retryDelayMs(error2, n, policy);
      context.log?.(
        `Attempt ${n} of ${policy.attempts} to ${context.verb} ${context.url} failed: ${error2.message}; retrying in ${Math.round(delay / 100) / 10}s`
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  const status = last?.status;
  throw new DownloadError(
    context.url,
    status,
    `Could not ${context.verb} ${context.url}: ${last?.message ?? "no attempt made"}` + (status !== void 0 ? ` (last HTTP status ${status})` : "") + (context.hint ? `. ${context.hint}` : "")
  );
}

// src/io/net/download.ts
import { createHash as createHash6, randomBytes as randomBytes2 } from "node:crypto";
import { createWriteStream as createWriteStream2 } from "node:fs";
import { rename as rename3, rm as rm6 } from "node:fs/promises";
import { Transform as Transform2 } from "node:stream";
import { pipeline as pipeline2 } from "node:stream/promises";

// src/io/net/http.ts
import { createReadStream as createReadStream2 } from "node:fs";
import { stat as stat4 } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import { Readable as Readable2, Transform } from "node:stream";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import { createGunzip } from "node:zlib";
var DEFAULT_STALL_TIMEOUT_MS = 3e4;
var DEFAULT_MAX_REDIRECTS = 10;
var REDIRECT_STATUS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var USER_AGENT = "setup-go-arm64";
var agentSources = {
  "http:": new HttpClient(USER_AGENT, [], { keepAlive: true }),
  "https:": new HttpClient(USER_AGENT, [], { keepAlive: true })
};
var BodyMeter = class extends Transform {
  constructor(declared, onData) {
    super();
    this.declared = declared;
    this.onData = onData;
  }
  declared;
  onData;
  bytes = 0;
  _transform(chunk, _encoding, callback) {
    this.onData();
    this.bytes += chunk.length;
    callback(null, chunk);
  }
  _flush(callback) {
    if (this.declared !== void 0 && this.bytes !== this.declared) {
      callback(
        new AttemptError(`truncated body: got ${this.bytes} of ${this.declared} bytes`, void 0, true)
      );
      return;
    }
    callback();
  }
};
function describeNetworkError(error2) {
  const { message, code: code2 } = error2;
  return code2 && !message.includes(code2) ? `${message} (${code2})` : message;
}
async function openFile(url) {
  const file = fileURLToPath2(url);
  const info2 = await stat4(file).catch((error2) => {
    if (error2.code === "ENOENT" || error2.code === "ENOTDIR") return void 0;
    throw new AttemptError(`cannot read ${file}: ${error2.message}`, void 0, false);
  });
  const found = info2?.isFile() === true;
  return {
    status: found ? 200 : 404,
    statusText: found ? "OK" : "Not Found",
    url: url.href,
    header: () => void 0,
    declaredLength: found ? info2.size : 0,
    body: found ? createReadStream2(file) : Readable2.from([])
  };
}
function requestOnce(url, headers, decompress, stallTimeoutMs) {
  const transport = url.protocol === "https:" ? https : http;
  const agent = agentSources[url.protocol].getAgent(url.href);
  return new Promise((resolve, reject) => {
    const request = transport.get(url, {
      agent,
      headers: {
        "user-agent": USER_AGENT,
        "accept-encoding": decompress ? "gzip" : "identity",
        ...headers
      }
    });
    const timer = setTimeout(
      () => request.destroy(new AttemptError(`no response within ${stallTimeoutMs / 1e3}s`, void 0, true)),
      stallTimeoutMs
    );
    request.once("error", (error2) => {
      clearTimeout(timer);
      reject(
        error2 instanceof AttemptError ? error2 : new AttemptError(describeNetworkError(error2), void 0, true)
      );
    });
    request.once("response", (response) => {
      clearTimeout(timer);
      resolve({ response, request });
    });
  });
}
function meteredBody(hop, decompress, stallTimeoutMs) {
  const { response, request } = hop;
  const gzip = decompress && /^\s*gzip\s*$/i.test(response.headers["content-encoding"] ?? "");
  const declaredHeader = Number(response.headers["content-length"] ?? NaN);
  const declared = !gzip && Number.isFinite(declaredHeader) ? declaredHeader : void 0;
  let stalled;
  let timer;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = new AttemptError(`stalled: no data for ${stallTimeoutMs / 1e3}s`, void 0, true);
      request.destroy(stalled);
    }, stallTimeoutMs);
  };
  arm();
  const meter = new BodyMeter(declared, arm);
  const fail = (error2) => {
    const failure = stalled ?? (error2 instanceof AttemptError ? error2 : new AttemptError(
      `connection lost after ${meter.bytes} bytes: ${describeNetworkError(error2)}`,
      void 0,
      true
    ));
    meter.destroy(failure);
  };
  response.once("error", fail);
  const source = gzip ? response.pipe(createGunzip()).once("error", fail) : response;
  source.pipe(meter);
  meter.once("close", () => {
    clearTimeout(timer);
    if (!response.complete) request.destroy();
  });
  return { body: meter, declaredLength: declared };
}
async function openUrl(url, options2 = {}) {
  const stallTimeoutMs = options2.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const maxRedirects = options2.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const decompress = options2.decompress ?? false;
  let current = new URL(url);
  if (current.protocol === "file:") return openFile(current);
  if (current.protocol !== "http:" && current.protocol !== "https:") {
    throw new AttemptError(`unsupported URL scheme ${current.protocol}`, void 0, false);
  }
  const visited = [current.href];
  let headers = { ...options2.headers };
  for (; ; ) {
    const hop = await requestOnce(current, headers, decompress, stallTimeoutMs);
    const { response } = hop;
    const status = response.statusCode ?? 0;
    if (!REDIRECT_STATUS.has(status)) {
      return {
        status,
        statusText: response.statusMessage ?? "",
        url: current.href,
        header: (name) => {
          const value = response.headers[name.toLowerCase()];
          return Array.isArray(value) ? value.join(", ") : value;
        },
        ...meteredBody(hop, decompress, stallTimeoutMs)
      };
    }
    response.resume();
    const location = response.headers.location;
    if (!location) throw new AttemptError(`HTTP ${status} redirect without a Location`, status, false);
    const next = new URL(location, current);
    if (visited.includes(next.href)) {
      throw new AttemptError(`redirect loop: ${[...visited, next.href].join(" -> ")}`, status, false);
    }
    if (visited.length > maxRedirects) {
      throw new AttemptError(`more than ${maxRedirects} redirects, last to ${next.href}`, status, false);
    }
    if (next.protocol !== "https:" && next.protocol !== "http:") {
      throw new AttemptError(`refusing a redirect to ${next.href}`, status, false);
    }
    if (current.protocol === "https:" && next.protocol !== "https:") {
      throw new AttemptError(`refusing a redirect from https to ${next.href}`, status, false);
    }
    if (next.origin !== current.origin) headers = {};
    visited.push(next.href);
    current = next;
  }
}
async function readCapped(response, maxBytes) {
  if (response.declaredLength !== void 0 && response.declaredLength > maxBytes) {
    response.body.destroy();
    throw new AttemptError(
      `the body declares ${response.declaredLength} bytes, over the ${maxBytes}-byte limit`,
      response.status,
      false
    );
  }
  const chunks = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.length;
    if (total > maxBytes) {
      response.body.destroy();
      throw new AttemptError(`the body grew past the ${maxBytes}-byte limit`, response.status, false);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
async function getBytes(url, options2) {
  const { value } = await withRetries({ ...options2, url, verb: "fetch" }, async () => {
    const response = await openUrl(url, { decompress: true, ...options2 });
    const accepted = response.status >= 200 && response.status < 300 || options2.acceptStatus?.(response.status);
    if (!accepted) throw statusFailure(response, url);
    return { status: response.status, url: response.url, body: await readCapped(response, options2.maxBytes) };
  });
  return value;
}

// src/io/net/download.ts
var WriteError = class extends Error {
};
function formatBytes(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
async function downloadFile(options2) {
  const partial = `${options2.destination}.${process.pid}-${randomBytes2(4).toString("hex")}.partial`;
  const started = Date.now();
  const context = {
    url: options2.url,
    verb: "download",
    policy: options2,
    log: options2.log,
    hint: "Check that the URL is reachable from the runner, or pick another source"
  };
  try {
    const { value, attempts } = await withRetries(context, async () => {
      try {
        return await downloadOnce(options2, partial);
      } catch (error2) {
        await rm6(partial, { force: true });
        throw error2;
      }
    });
    await rename3(partial, options2.destination);
    return { url: options2.url, ...value, attempts, durationMs: Date.now() - started };
  } catch (error2) {
    if (!(error2 instanceof WriteError)) throw error2;
    throw new Error(
      `Could not save ${options2.url}: ${error2.message}. Free space on that disk (or make it writable) and run again.`,
      { cause: error2 }
    );
  }
}
async function downloadOnce(options2, partial) {
  const response = await openUrl(options2.url, options2);
  const from = response.url === options2.url ? "" : ` from ${response.url}`;
  if (response.status < 200 || response.status >= 300) throw statusFailure(response, options2.url);
  const expected = response.declaredLength;
  const maxBytes = options2.maxBytes ?? Number.POSITIVE_INFINITY;
  if (expected !== void 0 && expected > maxBytes) {
    response.body.destroy();
    throw new AttemptError(
      `the server declares ${expected} bytes, over the ${maxBytes}-byte limit`,
      response.status,
      false
    );
  }
  const meter = bodyMeter(options2, { expected, maxBytes, status: response.status });
  try {
    await pipeline2(response.body, meter.stream, createWriteStream2(partial));
  } catch (error2) {
    if (error2 instanceof AttemptError) {
      throw new AttemptError(`${error2.message}${from}`, error2.status ?? response.status, error2.retryable);
    }
    if (error2.syscall !== void 0) {
      throw new WriteError(
        `writing ${partial} failed after ${meter.bytes()} bytes: ${error2.message}`,
        {
          cause: error2
        }
      );
    }
    throw new AttemptError(
      `unexpected failure after ${meter.bytes()} bytes${from}: ${error2.message}`,
      response.status,
      true
    );
  }
  options2.log(
    `Downloaded ${formatBytes(meter.bytes())} from ${new URL(response.url).host || "a local file"}`
  );
  return { bytes: meter.bytes(), sha256: meter.sha256() };
}
function bodyMeter(options2, body) {
  const hash = createHash6("sha256");
  let bytes = 0;
  const interval = options2.progressIntervalMs ?? 5e3;
  let lastReport = Date.now();
  let lastReportBytes = 0;
  const stream = new Transform2({
    transform(chunk, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > body.maxBytes) {
        callback(new AttemptError(`the body grew past the ${body.maxBytes}-byte limit`, body.status, false));
        return;
      }
      hash.update(chunk);
      const now = Date.now();
      if (now - lastReport >= interval) {
        const rate = ((bytes - lastReportBytes) / ((now - lastReport) / 1e3) / 1024 / 1024).toFixed(1);
        const percent = body.expected ? ` (${Math.floor(bytes / body.expected * 100)}%)` : "";
        options2.log(`Downloaded ${formatBytes(bytes)}${percent} at ${rate} MiB/s`);
        lastReport = now;
        lastReportBytes = bytes;
      }
      callback(null, chunk);
    }
  });
  return { stream, bytes: () => bytes, sha256: () => hash.digest("hex") };
}

// src/io/toolchain/extract-zip.ts
var import_yauzl2 = __toESM(require_yauzl(), 1);
import { createHash as createHash8 } from "node:crypto";
import { createWriteStream as createWriteStream3 } from "node:fs";
import { mkdir as mkdir3 } from "node:fs/promises";
import path19 from "node:path";

// src/io/toolchain/dirhash.ts
var import_yauzl = __toESM(require_yauzl(), 1);
import { createHash as createHash7 } from "node:crypto";

// src/io/toolchain/tar-stream.ts
import { createReadStream as createReadStream3 } from "node:fs";
function streamTarEntries(archivePath, onEntry, onError) {
  const input = createReadStream3(archivePath);
  const parser = new rt({ strict: true });
  const abort = (error2) => {
    input.unpipe(parser);
    input.destroy();
    parser.abort(error2);
  };
  const finished = new Promise((resolve) => {
    const failed = (error2) => {
      onError(error2);
      resolve();
    };
    parser.on("entry", onEntry);
    parser.on("end", resolve);
    parser.on("error", failed);
    input.on("error", failed);
    input.pipe(parser);
  });
  return { finished, abort };
}

// src/io/toolchain/dirhash.ts
var utf82 = new TextDecoder("utf-8", { fatal: true });
function zipEntryName(zipPath, entry) {
  try {
    return utf82.decode(entry.fileNameRaw);
  } catch {
    throw new Error(`${zipPath}: entry name ${entry.fileNameRaw.toString("hex")} (hex) is not valid UTF-8`);
  }
}
async function hashGoArchiveAsModule(archivePath, module, limits) {
  const prefix = `${module.path}@${module.version}`;
  const tally = moduleTally(archivePath, limits);
  if (archivePath.endsWith(".zip")) await tallyZip(archivePath, prefix, tally);
  else await tallyTarGz(archivePath, prefix, tally);
  return hash1(tally.files);
}
function moduleTally(archivePath, limits) {
  const files = [];
  const seen = /* @__PURE__ */ new Set();
  let inflated = 0;
  let entries = 0;
  const add = (name, sha256Hex) => {
    if (seen.has(name)) throw new Error(`${archivePath}: more than one entry is named ${name}`);
    seen.add(name);
    files.push({ name, sha256Hex });
  };
  const count = (bytes) => {
    inflated += bytes;
    if (inflated > limits.maxInflatedBytes)
      throw new Error(
        `${archivePath} inflates past ${limits.maxInflatedBytes} bytes; refusing to hash further`
      );
  };
  const countEntry = () => {
    if (++entries > limits.maxEntries)
      throw new Error(
        `${archivePath} holds more than ${limits.maxEntries} entries; refusing to hash further`
      );
  };
  return { files, add, count, countEntry };
}
async function tallyZip(archivePath, prefix, tally) {
  const { add, count, countEntry } = tally;
  const zip = await import_yauzl.default.openPromise(archivePath, {
    lazyEntries: true,
    decodeStrings: false,
    autoClose: false
  });
  try {
    for await (const entry of zip.eachEntry()) {
      countEntry();
      const name = zipEntryName(archivePath, entry);
      if (name.endsWith("/")) continue;
      const moduleName = toolchainModuleName(name, prefix);
      const content = createHash7("sha256");
      for await (const chunk of await zip.openReadStreamPromise(entry)) {
        count(chunk.length);
        content.update(chunk);
      }
      if (moduleName) add(moduleName, content.digest("hex"));
    }
  } finally {
    zip.close();
  }
}
async function tallyTarGz(archivePath, prefix, tally) {
  const { add, count, countEntry } = tally;
  let failure;
  const fail = (error2) => {
    failure ??= error2;
    tar.abort(error2);
  };
  const guarded = (handler) => (...args) => {
    try {
      handler(...args);
    } catch (error2) {
      fail(error2);
    }
  };
  const hashEntry = (entry) => {
    countEntry();
    if (entry.type !== "File" && entry.type !== "OldFile") {
      entry.resume();
      return;
    }
    const moduleName = toolchainModuleName(entry.path, prefix);
    const content = createHash7("sha256");
    entry.on(
      "data",
      guarded((chunk) => {
        count(chunk.length);
        content.update(chunk);
      })
    );
    entry.on(
      "end",
      guarded(() => {
        if (moduleName && !failure) add(moduleName, content.digest("hex"));
      })
    );
  };
  const tar = streamTarEntries(archivePath, guarded(hashEntry), fail);
  await tar.finished;
  if (failure) throw new Error(`Cannot hash ${archivePath}: ${failure.message}`, { cause: failure });
}

// src/io/toolchain/extract-zip.ts
function openEntry(zip, entry) {
  return new Promise(
    (resolve, reject) => zip.openReadStream(entry, (error2, opened) => error2 ? reject(error2) : resolve(opened))
  );
}
function tapInto(source, hash) {
  source.on("data", (chunk) => hash.update(chunk));
  return source;
}
var S_IFMT = 61440;
var S_IFREG = 32768;
var S_IFDIR = 16384;
var S_IFLNK = 40960;
var CREATOR_UNIX = 3;
var YAUZL_NAME_REFUSAL = /^(absolute path|invalid relative path|invalid characters in fileName): /;
function zipError(zipPath, error2) {
  if (error2 instanceof ArchiveRefusedError) return error2;
  if (YAUZL_NAME_REFUSAL.test(error2.message)) return new ArchiveRefusedError(zipPath, error2.message);
  return new Error(`Cannot extract ${zipPath}: ${error2.message}`, { cause: error2 });
}
function openZip(zipPath) {
  return new Promise(
    (resolve, reject) => import_yauzl2.default.open(
      zipPath,
      { lazyEntries: true, strictFileNames: true, validateEntrySizes: true, autoClose: false },
      (error2, zip) => error2 ? reject(zipError(zipPath, error2)) : resolve(zip)
    )
  );
}
function unixMode(entry) {
  return entry.versionMadeBy >>> 8 === CREATOR_UNIX ? entry.externalFileAttributes >>> 16 & 65535 : 0;
}
function describeEntry(entry) {
  const mode = unixMode(entry);
  const type = mode & S_IFMT;
  const base = { name: entry.fileName, size: entry.uncompressedSize };
  if (entry.fileName.endsWith("/") || type === S_IFDIR) return { ...base, kind: "directory" };
  if (type === S_IFLNK) return { ...base, kind: "symlink" };
  if (type !== 0 && type !== S_IFREG) {
    return { ...base, kind: "other", typeName: `file type 0o${type.toString(8)}` };
  }
  return { ...base, kind: "file" };
}
function directoryMaker() {
  const made = /* @__PURE__ */ new Map();
  return async (directory) => {
    let making = made.get(directory);
    if (!making) {
      making = mkdir3(directory, { recursive: true });
      made.set(directory, making);
    }
    await making;
  };
}
function copyEntry(source, sink) {
  return new Promise((resolve, reject) => {
    let sinkError;
    source.once("error", (error2) => {
      sink.destroy();
      reject(error2);
    });
    sink.once("error", (error2) => {
      sinkError = error2;
      source.unpipe(sink);
      if (source.readableEnded) reject(error2);
      source.once("end", () => reject(error2));
      source.resume();
    });
    sink.once("close", () => {
      if (!sinkError) resolve();
    });
    source.pipe(sink);
  });
}
var PARALLEL_WRITES = 4;
async function extractZip(options2) {
  const zip = await openZip(options2.zipPath);
  if (zip.entryCount > MAX_ARCHIVE_ENTRIES) {
    zip.close();
    throw new ArchiveRefusedError(options2.zipPath, `it holds more than ${MAX_ARCHIVE_ENTRIES} entries`);
  }
  const checker = new ArchiveEntryChecker({
    topDirectory: options2.topDirectory,
    maxExtractedBytes: options2.maxExtractedBytes,
    allowLinks: false,
    ...options2.moduleFixups ? { rename: (file) => restoredModuleFileName(file) ?? file } : {}
  });
  let files = 0;
  const makeDirectory2 = directoryMaker();
  const hashed = [];
  const writeEntry = async (entry, decision) => {
    const hash = options2.moduleHash ? createHash8("sha256") : void 0;
    if (hash) hashed.push({ name: zipEntryName(options2.zipPath, entry), sha256Hex: "" });
    const record = hashed.at(-1);
    if (decision.action === "file") {
      const target = path19.join(options2.destination, decision.path);
      await makeDirectory2(path19.dirname(target));
      const executable = (unixMode(entry) & 73) !== 0 || options2.moduleFixups && needsExecBit(decision.path);
      const stream = await openEntry(zip, entry);
      await copyEntry(
        hash ? tapInto(stream, hash) : stream,
        createWriteStream3(target, { mode: executable ? 493 : 420, flags: "wx" })
      );
      files++;
    } else {
      if (decision.action === "directory") await makeDirectory2(path19.join(options2.destination, decision.path));
      if (hash && entry.uncompressedSize > 0) {
        for await (const chunk of await openEntry(zip, entry)) hash.update(chunk);
      }
    }
    if (hash && record) record.sha256Hex = hash.digest("hex");
  };
  try {
    await makeDirectory2(options2.destination);
    await writeEntries(zip, options2.zipPath, checker, writeEntry);
  } finally {
    zip.close();
  }
  return { files, bytes: checker.bytes, ...options2.moduleHash ? { h1: hash1(hashed) } : {} };
}
function writeEntries(zip, zipPath, checker, writeEntry) {
  return new Promise((resolve, reject) => {
    const writing = /* @__PURE__ */ new Set();
    let failure;
    let waitingForSlot = false;
    const settle = () => void Promise.allSettled([...writing]).then(() => failure ? reject(failure) : resolve());
    const fail = (error2) => {
      if (failure) return;
      failure = zipError(zipPath, error2);
      settle();
    };
    const readNext = () => {
      if (!failure) zip.readEntry();
    };
    zip.on("error", fail);
    zip.on("end", settle);
    zip.on("entry", (entry) => {
      if (failure) return;
      const decision = checker.check(describeEntry(entry));
      if (decision.action === "refuse") {
        fail(new ArchiveRefusedError(zipPath, decision.reason));
        return;
      }
      const write = writeEntry(entry, decision).then(() => {
        writing.delete(write);
        if (waitingForSlot) {
          waitingForSlot = false;
          readNext();
        }
      }, fail);
      writing.add(write);
      if (writing.size < PARALLEL_WRITES) readNext();
      else waitingForSlot = true;
    });
    readNext();
  });
}

// src/io/toolchain/sumdb-client.ts
var DEFAULT_SUMDB_URL = "https://sum.golang.org";
var MAX_ANSWER_BYTES = 1024 * 1024;
function httpGetter(options2) {
  return async (url) => {
    const answer = await getBytes(url, {
      maxBytes: MAX_ANSWER_BYTES,
      acceptStatus: (status) => !RETRYABLE_STATUS.has(status),
      ...options2.policy ? { policy: options2.policy } : {},
      ...options2.stallTimeoutMs !== void 0 ? { stallTimeoutMs: options2.stallTimeoutMs } : {}
    });
    options2.onAnswer?.(answer);
    return answer;
  };
}
function trimSlashes(url) {
  return url.replace(/\/+$/, "");
}
async function databaseBase(get, goproxy, databaseName, sumdbUrl) {
  for (const proxy of goproxy) {
    if (proxy === "direct" || proxy === "off") break;
    const base = `${trimSlashes(proxy)}/sumdb/${databaseName}`;
    const { status } = await get(`${base}/supported`);
    if (status === 200) return base;
    if (status !== 404 && status !== 410) {
      throw new Error(`checksum database unavailable: ${base}/supported answered HTTP ${status}`);
    }
  }
  return trimSlashes(sumdbUrl);
}
async function fetchTiles(get, base, tiles) {
  const fetched = await Promise.all(
    tiles.map(async (tile) => {
      let response = await get(`${base}/${tile.path}`);
      const gone = response.status === 404 || response.status === 410;
      if (gone && tile.width < 2 ** tile.height) {
        response = await get(`${base}/${fullTile(tile).path}`);
      }
      if (response.status !== 200) {
        throw new Error(`GET ${base}/${tile.path} answered HTTP ${response.status}`);
      }
      return [tile.path, response.body];
    })
  );
  return new Map(fetched);
}
function rejectUnlessValid(url, check) {
  try {
    return check();
  } catch (error2) {
    throw new Error(`checksum database answer from ${url} rejected: ${error2.message}`, {
      cause: error2
    });
  }
}
async function lookupModuleHash(options2) {
  const { module, version } = options2;
  const verifierKey = options2.verifierKey ?? SUM_GOLANG_ORG_KEY;
  const get = httpGetter(options2);
  const { name } = parseVerifierKey(verifierKey);
  const base = await databaseBase(get, options2.goproxy, name, options2.sumdbUrl ?? DEFAULT_SUMDB_URL);
  const lookupUrl = `${base}/lookup/${escapeModulePath(module)}@${escapeModulePath(version)}`;
  const response = await get(lookupUrl);
  if (response.status !== 200) {
    const body = new TextDecoder().decode(response.body.subarray(0, 300)).trim();
    throw new Error(`checksum database lookup ${lookupUrl} answered HTTP ${response.status}: ${body}`);
  }
  const record = rejectUnlessValid(lookupUrl, () => parseLookupResponse(response.body, verifierKey));
  const tiles = await fetchTiles(get, base, inclusionTiles(record.tree.size, record.recordId));
  rejectUnlessValid(lookupUrl, () => verifyInclusion(record, tiles));
  const line = record.lines.find((entry) => entry.module === module && entry.version === version);
  if (line === void 0 || !line.hash.startsWith("h1:")) {
    throw new Error(
      `checksum database record from ${lookupUrl} holds no h1: hash for the zip of ${module}@${version}`
    );
  }
  return { hash: line.hash, via: lookupUrl };
}

// src/phases/toolchain-trust.ts
async function timed(timings, phase, work) {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings[phase] = (timings[phase] ?? 0) + (Date.now() - started);
  }
}
async function trustedModuleHash(config, module) {
  const pinned = config.toolchainSum ? pinnedModuleHash(config.toolchainSum, module) : void 0;
  if (config.checksumDatabase === "off") {
    if (pinned) return { hash: pinned, via: "the toolchain-sum input (checksum-database: off)" };
    if (!config.verify) return void 0;
    throw new InputError(
      "checksum-database",
      `Input checksum-database is off and no toolchain-sum pins ${module.path}@${module.version}, so nothing could vouch for the download`,
      `pin its go.sum line with toolchain-sum, or use checksum-database: sum.golang.org`
    );
  }
  let found;
  try {
    found = await lookupModuleHash({
      module: module.path,
      version: module.version,
      goproxy: parseGoproxy(config.goproxy).map((entry) => entry.url)
    });
  } catch (error2) {
    if (config.verify) {
      throw new Error(
        `No trusted hash for ${module.path}@${module.version}: ${error2.message}. Nothing was installed. Make the checksum database reachable (through a GOPROXY entry that serves /sumdb/sum.golang.org, or directly), or on an air-gapped runner pin the hash with toolchain-sum and set checksum-database: off`,
        { cause: error2 }
      );
    }
    return pinned ? { hash: pinned, via: "the toolchain-sum input" } : void 0;
  }
  if (pinned && pinned !== found.hash) {
    throw new VerificationError(
      `Input toolchain-sum pins ${module.path}@${module.version} to ${pinned}, but sum.golang.org (via ${found.via}) says ${found.hash}. Nothing was downloaded; take the line from the checksum database (or a go.sum that go wrote) and fix the pin`
    );
  }
  const via = `sum.golang.org via ${found.via}`;
  return { hash: found.hash, via: pinned ? `${via} and the toolchain-sum input` : via };
}
function pinnedModuleHash(line, module) {
  const pinned = parseGoSumLine(line);
  if (pinned.module !== module.path || pinned.version !== module.version) {
    throw new InputError(
      "toolchain-sum",
      `Input toolchain-sum pins ${pinned.module}@${pinned.version}, but this run installs ${module.path}@${module.version}`,
      `pin the line for ${module.path} ${module.version} (from the go.sum of a module that requires it), or remove toolchain-sum`
    );
  }
  return pinned.hash;
}

// src/phases/install-from-proxy.ts
var MAX_MODULE_ZIP_BYTES = 500 * 1024 * 1024;
var MAX_TOOLCHAIN_BYTES = 1024 * 1024 * 1024;
async function installFromProxy(config, slot, module, temp, timings) {
  let lastError;
  for (const entry of parseGoproxy(config.goproxy)) {
    if (entry.url === "off") break;
    if (entry.url === "direct") {
      info('GOPROXY entry "direct" cannot serve toolchain modules; skipping it.');
      continue;
    }
    try {
      return await installFromProxyEntry(config, slot, module, entry.url, temp, timings);
    } catch (error2) {
      lastError = error2;
      const status = error2 instanceof DownloadError ? error2.status : void 0;
      if (!(error2 instanceof DownloadError) || !mayFallThrough(entry, status)) throw error2;
      info(
        `${entry.url} does not have ${module.version} (HTTP ${status ?? "error"}); trying the next GOPROXY entry.`
      );
    }
  }
  throw new Error(
    `No GOPROXY entry in "${config.goproxy}" could serve ${module.path}@${module.version}` + (lastError ? `: ${lastError.message}` : "") + ". Check the goproxy input, or pick a version the proxy has."
  );
}
async function installFromProxyEntry(config, slot, module, proxyUrl, temp, timings) {
  const url = moduleZipUrl(proxyUrl, module);
  const zipPath = path20.join(temp, `${module.version}.${process.pid}.zip`);
  try {
    const trusted = await timed(timings, "verify", () => trustedModuleHash(config, module));
    info(`Fetching ${module.path}@${module.version} from ${proxyUrl}`);
    await timed(
      timings,
      "fetch",
      () => downloadFile({ url, destination: zipPath, log: info, maxBytes: MAX_MODULE_ZIP_BYTES })
    );
    const provenance = { module: `${module.path}@${module.version}`, hash: "", from: url };
    await timed(
      timings,
      "verify+install",
      () => installAtomically(slot, provenance, async (staging) => {
        const extracted = await extractZip({
          zipPath,
          destination: staging,
          topDirectory: `${module.path}@${module.version}`,
          maxExtractedBytes: MAX_TOOLCHAIN_BYTES,
          moduleFixups: true,
          moduleHash: true
        });
        provenance.hash = extracted.h1 ?? "";
        checkModuleHash(module, proxyUrl, provenance.hash, trusted);
        await probeToolchain(staging);
      })
    );
    return {
      source: `${proxyUrl} (golang.org/toolchain module)`,
      ...trusted ? { verifiedHash: provenance.hash, verifiedBy: trusted.via } : {}
    };
  } finally {
    await rm7(zipPath, { force: true });
  }
}
function checkModuleHash(module, proxyUrl, actual, trusted) {
  if (!trusted) {
    warning(
      `verify is false: installing ${module.path}@${module.version} (${actual}) without checking it against a trusted hash.`
    );
  } else if (actual !== trusted.hash) {
    throw new VerificationError(
      `Checksum mismatch for ${module.path}@${module.version} from ${proxyUrl}: the zip hashes to ${actual}, ${trusted.via} says ${trusted.hash}. The proxy served a tampered or corrupt file; nothing was installed`
    );
  } else {
    info(`Verified ${module.path}@${module.version}: ${actual} (${trusted.via})`);
  }
}

// src/io/toolchain/godev-source.ts
import { randomBytes as randomBytes3 } from "node:crypto";
import { rm as rm8 } from "node:fs/promises";
import path22 from "node:path";

// src/core/toolchain/godev-archive.ts
function goDevArch(goarch) {
  return goarch === "arm" ? "armv6l" : goarch;
}
function selectGoDevArchive(release, goos, goarch) {
  const archives = release.files.filter((file2) => file2.kind === "archive");
  const file = archives.find((candidate) => candidate.os === goos && candidate.arch === goDevArch(goarch));
  if (file) return file;
  const platforms = archives.map((candidate) => `${candidate.os}/${candidate.arch}`).join(", ");
  throw new Error(
    `Go ${release.version} has no archive for ${goos}/${goarch} in the release index` + (platforms ? ` (it has ${platforms})` : " (it lists no archives)") + ". Pick another version or architecture."
  );
}

// src/io/toolchain/extract-tar.ts
import { createWriteStream as createWriteStream4 } from "node:fs";
import { link, symlink } from "node:fs/promises";
import path21 from "node:path";
import { pipeline as pipeline3 } from "node:stream/promises";
function describeEntry2(entry) {
  const base = { name: entry.path, size: 0 };
  switch (entry.type) {
    case "File":
    case "OldFile":
    case "ContiguousFile":
      return { ...base, kind: "file", size: entry.size };
    case "Directory":
      return { ...base, kind: "directory" };
    case "SymbolicLink":
      return { ...base, kind: "symlink", linkTarget: entry.linkpath ?? "" };
    case "Link":
      return { ...base, kind: "hardlink", linkTarget: entry.linkpath ?? "" };
    default:
      return { ...base, kind: "other", typeName: entry.type };
  }
}
async function extractTarGz(options2) {
  const checker = new ArchiveEntryChecker({
    topDirectory: options2.topDirectory,
    maxExtractedBytes: options2.maxExtractedBytes,
    allowLinks: true
  });
  const makeDirectory2 = directoryMaker();
  await makeDirectory2(options2.destination);
  const stop = new AbortController();
  let firstError;
  let files = 0;
  const fail = (error2) => {
    if (firstError) return;
    firstError = error2;
    if (!(error2 instanceof ArchiveRefusedError)) stop.abort(error2);
    tar.abort(error2);
  };
  const extractEntry = async (entry, decision) => {
    if (decision.action !== "skip" && decision.action !== "refuse") {
      const target = path21.join(options2.destination, decision.path);
      if (decision.action === "file") {
        await makeDirectory2(path21.dirname(target));
        const mode = ((entry.mode ?? 420) & 73) !== 0 ? 493 : 420;
        await pipeline3(entry, createWriteStream4(target, { mode, flags: "wx" }), { signal: stop.signal });
        files++;
        return;
      }
      await makeDirectory2(decision.action === "directory" ? target : path21.dirname(target));
      if (decision.action === "symlink") await symlink(decision.target, target);
      if (decision.action === "hardlink") await link(path21.join(options2.destination, decision.target), target);
    }
    entry.resume();
  };
  let work = Promise.resolve();
  const tar = streamTarEntries(
    options2.archivePath,
    (entry) => {
      const decision = checker.check(describeEntry2(entry));
      if (decision.action === "refuse") fail(new ArchiveRefusedError(options2.archivePath, decision.reason));
      work = work.then(() => firstError ? void entry.resume() : extractEntry(entry, decision)).catch(fail);
    },
    fail
  );
  await tar.finished;
  await work;
  if (firstError) throw extractionFailure(options2.archivePath, firstError);
  return { files, bytes: checker.bytes };
}
function extractionFailure(archivePath, error2) {
  if (error2 instanceof ArchiveRefusedError) return error2;
  if (/max decompression ratio exceeded/.test(error2.message)) {
    return new ArchiveRefusedError(archivePath, error2.message);
  }
  return new Error(`Cannot extract ${archivePath}: ${error2.message}`, { cause: error2 });
}

// src/io/toolchain/extract-release-archive.ts
async function extractReleaseArchive(options2) {
  if (options2.archivePath.endsWith(".zip")) {
    return extractZip({
      zipPath: options2.archivePath,
      destination: options2.destination,
      topDirectory: options2.topDirectory,
      maxExtractedBytes: options2.maxExtractedBytes,
      moduleFixups: false
    });
  }
  return extractTarGz(options2);
}

// src/io/toolchain/godev-source.ts
var GO_DEV_DOWNLOAD_BASE = "https://go.dev/dl";
var EXPANSION_FACTOR = 8;
var MAX_ARCHIVE_BYTES = 512 * 1024 * 1024;
var PLAIN_ARCHIVE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*\.(tar\.gz|zip)$/;
async function checkGoVersion(goroot, goVersion, filename) {
  let reported;
  try {
    reported = (await goEnv(goBinaryPath(goroot), ["GOVERSION"], { ...process.env, GOROOT: goroot })).GOVERSION;
  } catch (error2) {
    throw new Error(
      `bin/go from ${filename} does not run on this machine: ${error2.message.split("\n")[0]}`,
      { cause: error2 }
    );
  }
  if (reported !== goVersion) {
    throw new Error(`bin/go from ${filename} reports ${reported ?? "no version"}, not ${goVersion}`);
  }
}
async function installFromGoDev(options2) {
  const { version, file, expected } = archiveToInstall(options2);
  const url = `${(options2.baseUrl ?? GO_DEV_DOWNLOAD_BASE).replace(/\/+$/, "")}/${file.filename}`;
  const archivePath = path22.join(
    options2.temp,
    `${process.pid}-${randomBytes3(4).toString("hex")}-${file.filename}`
  );
  try {
    options2.log(`Downloading ${url}`);
    const download = await downloadFile({
      ...options2.download,
      url,
      destination: archivePath,
      log: options2.log,
      maxBytes: file.size ?? MAX_ARCHIVE_BYTES
    });
    checkAgainstIndex(file, url, download, expected, options2.log);
    if (options2.independent)
      await checkAsModule(archivePath, file.filename, url, download.bytes, options2.independent, options2.log);
    const provenance = {
      source: "go.dev",
      version: `go${version}`,
      url,
      sha256: download.sha256,
      verified: !!expected,
      ...options2.independent ? { h1: options2.independent.hash, h1By: options2.independent.via } : {}
    };
    const installed = await installAtomically(options2.slot, provenance, async (staging) => {
      await extractReleaseArchive({
        archivePath,
        destination: staging,
        topDirectory: "go",
        maxExtractedBytes: download.bytes * EXPANSION_FACTOR
      });
      await checkGoVersion(staging, `go${version}`, file.filename);
    });
    return { url, sha256: download.sha256, goroot: installed.goroot, installedByUs: installed.installedByUs };
  } finally {
    await rm8(archivePath, { force: true });
  }
}
function archiveToInstall(options2) {
  const version = options2.release.version.replace(/^go/, "");
  const file = selectGoDevArchive(options2.release, options2.goos, options2.goarch);
  if (!PLAIN_ARCHIVE_NAME.test(file.filename)) {
    throw new Error(
      `The release index names the go${version} archive ${JSON.stringify(file.filename)}, which is not a plain .tar.gz or .zip file name; refusing to download it.`
    );
  }
  const expected = file.sha256?.toLowerCase();
  if (!expected && options2.verify !== false) {
    throw new Error(
      `The release index publishes no sha256 for ${file.filename}, so the download could not be verified; nothing was installed. Use an index that publishes hashes (go.dev does), or turn verification off.`
    );
  }
  return { version, file, expected };
}
function checkAgainstIndex(file, url, download, expected, log) {
  if (expected && download.sha256 !== expected) {
    throw new VerificationError(
      `Checksum mismatch for ${file.filename} from ${url}: the download hashes to ${download.sha256}, the release index says ${expected}. The server sent a corrupt or tampered file; nothing was installed.`
    );
  }
  if (file.size !== void 0 && download.bytes !== file.size) {
    throw new VerificationError(
      `Size mismatch for ${file.filename} from ${url}: ${download.bytes} bytes, the release index says ${file.size}; nothing was installed.`
    );
  }
  const indexHost = new URL(url).host;
  log(
    expected ? `sha256 ${download.sha256} of ${file.filename} matches the release index at ${indexHost}` : `Not verified: the release index publishes no sha256 for ${file.filename} (sha256 ${download.sha256})`
  );
}
async function checkAsModule(archivePath, filename, url, bytes, independent, log) {
  const { module, hash, via } = independent;
  const actual = await hashGoArchiveAsModule(archivePath, module, {
    maxInflatedBytes: bytes * EXPANSION_FACTOR,
    maxEntries: MAX_ARCHIVE_ENTRIES
  });
  if (actual !== hash) {
    throw new VerificationError(
      `Checksum mismatch for ${filename} from ${url}: its files hash to ${actual} as ${module.path}@${module.version}, ${via} says ${hash}. The mirror served a tampered or corrupt archive (its own index agreeing proves nothing); nothing was installed.`
    );
  }
  log(
    `Verified ${filename}: its files hash to ${actual} as ${module.path}@${module.version}, as ${via} says`
  );
}

// src/core/version/releases.ts
var IndexShapeError = class extends Error {
  name = "IndexShapeError";
};
var FILE_KINDS = /* @__PURE__ */ new Set(["archive", "installer", "source"]);
var TOOLCHAIN_MODULE_PREFIX = "v0.0.1-go";
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function describe(value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
function parseGoDevFile(raw, where) {
  if (!isRecord(raw)) throw new IndexShapeError(`${where} is not an object: ${describe(raw)}`);
  const { filename, os: os4, arch, kind, sha256: sha2562, size } = raw;
  if (typeof filename !== "string" || filename === "" || typeof os4 !== "string" || typeof arch !== "string") {
    throw new IndexShapeError(`${where} lacks a filename, os or arch string: ${describe(raw)}`);
  }
  if (typeof kind !== "string") throw new IndexShapeError(`${where} (${filename}) has no kind`);
  if (!FILE_KINDS.has(kind)) return void 0;
  if (sha2562 !== void 0 && sha2562 !== "" && (typeof sha2562 !== "string" || !/^[0-9a-f]{64}$/.test(sha2562))) {
    throw new IndexShapeError(`${where} (${filename}) has a malformed sha256: ${describe(sha2562)}`);
  }
  if (size !== void 0 && (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0)) {
    throw new IndexShapeError(`${where} (${filename}) has a malformed size: ${describe(size)}`);
  }
  return {
    filename,
    os: os4,
    arch,
    kind,
    ...sha2562 ? { sha256: sha2562 } : {},
    ...size !== void 0 ? { size } : {}
  };
}
function parseGoDevIndex(json) {
  let data;
  try {
    data = JSON.parse(json);
  } catch (error2) {
    throw new IndexShapeError(
      `The Go release index is not JSON (${error2.message}): ${describe(json)}`
    );
  }
  if (!Array.isArray(data))
    throw new IndexShapeError(`The Go release index is not a JSON array: ${describe(data)}`);
  const releases = /* @__PURE__ */ new Map();
  data.forEach((raw, index) => {
    const where = `Release #${index + 1} of the Go release index`;
    if (!isRecord(raw)) throw new IndexShapeError(`${where} is not an object: ${describe(raw)}`);
    const { version, stable, files } = raw;
    if (typeof version !== "string" || !version.startsWith("go")) {
      throw new IndexShapeError(`${where} has no "go\u2026" version: ${describe(version)}`);
    }
    if (typeof stable !== "boolean")
      throw new IndexShapeError(`${where} (${version}) has no boolean "stable"`);
    if (!Array.isArray(files)) throw new IndexShapeError(`${where} (${version}) has no "files" array`);
    const parsedFiles = files.map((file, fileIndex) => parseGoDevFile(file, `File #${fileIndex + 1} of ${version}`)).filter((file) => file !== void 0);
    const bare = version.slice(2);
    if (!isValidGoVersion(bare) || releases.has(bare)) return;
    releases.set(bare, { version: bare, stable, files: parsedFiles });
  });
  return [...releases.values()].sort((a, b) => compareGoVersions(b.version, a.version));
}
function parseToolchainModuleList(text) {
  const releases = /* @__PURE__ */ new Map();
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === "") return;
    const match = /^v[0-9]+\.[0-9]+\.[0-9]+-go([0-9][0-9a-z.]*)\.([a-z0-9]+)-([a-z0-9]+)$/.exec(line);
    if (!match) {
      throw new IndexShapeError(
        `Line ${index + 1} of the toolchain module list is not a toolchain module version: ${describe(line)}`
      );
    }
    const [, version = "", os4 = "", arch = ""] = match;
    if (!line.startsWith(TOOLCHAIN_MODULE_PREFIX) || !isValidGoVersion(version)) return;
    const release = releases.get(version) ?? { version, stable: !isGoPrerelease(version), files: [] };
    releases.set(version, release);
    const filename = `${line}.zip`;
    if (!release.files.some((file) => file.filename === filename)) {
      release.files.push({ filename, os: os4, arch, kind: "module" });
    }
  });
  return [...releases.values()].sort((a, b) => compareGoVersions(b.version, a.version));
}

// src/io/version/fetch-releases.ts
var MAX_INDEX_BYTES = 32 * 1024 * 1024;
async function fetchIndex(url, accept, parse, options2) {
  const { body } = await getBytes(url, {
    maxBytes: options2.maxBytes ?? MAX_INDEX_BYTES,
    headers: { accept },
    ...options2.stallTimeoutMs !== void 0 ? { stallTimeoutMs: options2.stallTimeoutMs } : {},
    ...options2.policy ? { policy: options2.policy } : {},
    ...options2.log ? { log: options2.log } : {}
  });
  try {
    return parse(new TextDecoder().decode(body));
  } catch (error2) {
    if (!(error2 instanceof IndexShapeError)) throw error2;
    throw new DownloadError(url, 200, `${url} did not answer with a Go release index: ${error2.message}`);
  }
}
async function fetchGoDevIndex(baseUrl, options2 = {}) {
  const url = `${baseUrl.replace(/\/+$/, "")}/?mode=json&include=all`;
  return fetchIndex(url, "application/json", parseGoDevIndex, options2);
}
async function fetchToolchainModuleList(proxyUrl, options2 = {}) {
  const url = `${proxyUrl.replace(/\/+$/, "")}/golang.org/toolchain/@v/list`;
  return fetchIndex(url, "text/plain", parseToolchainModuleList, options2);
}

// src/phases/install-from-release.ts
async function fetchReleaseIndex(config, source) {
  if (source === "go.dev") return fetchGoDevIndex(config.goDownloadBaseUrl, { log: info });
  const proxy = parseGoproxy(config.goproxy).find((entry) => /^https?:/.test(entry.url));
  if (!proxy) {
    throw new InputError(
      "goproxy",
      `Input goproxy (${config.goproxy}) has no proxy URL to list toolchains from`,
      "use e.g. https://proxy.golang.org,direct"
    );
  }
  return fetchToolchainModuleList(proxy.url, { log: info });
}
async function installFromReleaseArchive(job) {
  const { config, slot, version, platform, indexes, temp, timings } = job;
  const releases = indexes.get("go.dev") ?? await timed(timings, "resolve", () => fetchReleaseIndex(config, "go.dev"));
  indexes.set("go.dev", releases);
  const release = releases.find((candidate) => candidate.version === version);
  if (!release)
    throw new Error(`The release index at ${config.goDownloadBaseUrl} does not list Go ${version}`);
  const mirror = config.goDownloadBaseUrl !== GO_DEV_DOWNLOAD_BASE;
  const module = toolchainModule(version, platform.goos, platform.goarch);
  const independent = mirror ? await timed(timings, "verify", () => trustedModuleHash(config, module)) : void 0;
  if (mirror && !independent) {
    warning(
      `verify is false: the archive from ${config.goDownloadBaseUrl} is checked against that mirror's own index only.`
    );
  }
  const installed = await timed(
    timings,
    "fetch+verify+install",
    () => installFromGoDev({
      baseUrl: config.goDownloadBaseUrl,
      release,
      goos: platform.goos,
      goarch: platform.goarch,
      slot,
      temp,
      log: info,
      verify: config.verify,
      ...independent ? { independent: { module, ...independent } } : {}
    })
  );
  const file = release.files.find((f) => installed.url.endsWith(`/${f.filename}`));
  if (!file?.sha256)
    warning(
      `verify is false: Go ${version} from ${installed.url} was installed without a published SHA-256.`
    );
  return {
    source: `${config.goDownloadBaseUrl} (release archive)`,
    ...whatVouched(installed, Boolean(file?.sha256), mirror, module, independent)
  };
}
function whatVouched(installed, publishedSha256, mirror, module, independent) {
  return independent ? {
    verifiedHash: independent.hash,
    verifiedBy: `${independent.via}, for the archive's files as ${module.path}@${module.version}; the sha256 matched ${new URL(installed.url).host}'s own index`
  } : publishedSha256 ? {
    verifiedHash: `sha256:${installed.sha256}`,
    verifiedBy: mirror ? `only the release index of ${new URL(installed.url).host}, the mirror that sent the archive` : "the release index at go.dev"
  } : {};
}

// src/phases/version-decision.ts
import { lstat as lstat2, readFile as readFile4 } from "node:fs/promises";
import path24 from "node:path";

// src/core/version/files.ts
function versionFileKind(fileName) {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  if (base === ".tool-versions") return ".tool-versions";
  if (base.endsWith(".work")) return "go.work";
  if (base.endsWith(".mod")) return "go.mod";
  return ".go-version";
}
function numberedLines(text) {
  return text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/).map((raw, index) => ({ number: index + 1, raw }));
}
function modTokens(raw) {
  const tokens = [];
  const pattern = /\s*(?:(\/\/.*)|("(?:[^"\\]|\\.)*"?|`[^`]*`?)|([()])|([^\s()"`]+))/gy;
  for (let match = pattern.exec(raw); match && match[0] !== ""; match = pattern.exec(raw)) {
    if (match[1] !== void 0) break;
    const token = match[2] ?? match[3] ?? match[4];
    if (token !== void 0) tokens.push(token);
  }
  return tokens;
}
function fileError(file, line, message, fix) {
  return new InputError(file, `${file} line ${line}: ${message}`, fix, { file, line });
}
function wholeFileError(file, message, fix) {
  return new InputError(file, message, fix, { file, line: 1 });
}
function modDirectives(file, text) {
  const found = {};
  let blockVerb;
  for (const { number, raw } of numberedLines(text)) {
    const tokens = modTokens(raw);
    const [verb, ...args] = tokens;
    if (verb === void 0) continue;
    if (blockVerb !== void 0) {
      if (verb === ")") blockVerb = void 0;
      continue;
    }
    if (args[args.length - 1] === "(" && args.length === 1) {
      if (verb === "go" || verb === "toolchain") {
        throw fileError(
          file,
          number,
          `a ${verb} directive cannot be a block`,
          verb === "go" ? 'write it on one line, e.g. "go 1.25.4"' : 'write it on one line, e.g. "toolchain go1.25.4"'
        );
      }
      blockVerb = verb;
      continue;
    }
    if (verb !== "go" && verb !== "toolchain") continue;
    const example = verb === "go" ? "go 1.25.4" : "toolchain go1.25.4";
    if (found[verb]) {
      throw fileError(
        file,
        number,
        `repeated ${verb} directive (first on line ${found[verb].line})`,
        `keep one line, e.g. "${example}"`
      );
    }
    if (args.length !== 1) {
      throw fileError(
        file,
        number,
        `"${tokens.join(" ")}": the ${verb} directive takes exactly one version`,
        `write e.g. "${example}"`
      );
    }
    found[verb] = { value: args[0] ?? "", line: number };
  }
  return found;
}
function toolchainVersion(name) {
  if (!name.startsWith("go1") || /[\\/]/.test(name)) return void 0;
  const version = name.slice(2).split(/[-\s]/)[0] ?? "";
  return isWellFormedGoVersion(version) ? version : void 0;
}
function goLineSpec(version) {
  if (isLanguageVersion(version)) return `${version}.0`;
  if (/^[0-9]+\.[0-9]+$/.test(version)) return `${version}.x`;
  return version;
}
function exactSpec(version) {
  return /^[0-9]+\.[0-9]+$/.test(version) ? `${version}.0` : version;
}
function toolchainLine(file, toolchain, go) {
  if (toolchain.value === "default") {
    return { note: ` (toolchain default on line ${toolchain.line} names no toolchain)` };
  }
  const version = toolchainVersion(toolchain.value);
  if (version === void 0) {
    throw fileError(
      file,
      toolchain.line,
      `"toolchain ${toolchain.value}" does not name a Go toolchain`,
      'write e.g. "toolchain go1.25.4", or "toolchain default"'
    );
  }
  const ignored = ` (toolchain ${toolchain.value} on line ${toolchain.line} is not newer, so go ignores it)`;
  if (go && compareGoVersions(version, go.value) <= 0) return { note: ignored };
  if (isLanguageVersion(version)) {
    throw fileError(
      file,
      toolchain.line,
      `"toolchain ${toolchain.value}" names a language version, not a release`,
      `write a release, e.g. "toolchain ${toolchain.value}.0"`
    );
  }
  return {
    spec: exactSpec(version),
    source: `${file} line ${toolchain.line}: toolchain ${toolchain.value}`,
    location: { file, line: toolchain.line }
  };
}
function parseModFile(file, text, kind) {
  if (text.replace(/^\uFEFF/, "").trim() === "") {
    throw wholeFileError(file, `${file} is empty`, `a ${kind} file needs a go line, e.g. "go 1.25.4"`);
  }
  const { go, toolchain } = modDirectives(file, text);
  if (go && !isWellFormedGoVersion(go.value)) {
    throw fileError(
      file,
      go.line,
      `"go ${go.value}" is not a valid Go version`,
      'write a Go version, e.g. "go 1.25.4"'
    );
  }
  const chosen = toolchain ? toolchainLine(file, toolchain, go) : { note: "" };
  if (!("note" in chosen)) return chosen;
  if (!go) {
    throw wholeFileError(
      file,
      `${file} has no go line; go reads such a module as go 1.16, which names no toolchain`,
      'add a line such as "go 1.25.4", or set go-version'
    );
  }
  return {
    spec: goLineSpec(go.value),
    source: `${file} line ${go.line}: go ${go.value}${chosen.note}`,
    location: { file, line: go.line }
  };
}
function contentLines(text, commentPattern) {
  return numberedLines(text).map(({ number, raw }) => ({ number, text: raw.replace(commentPattern, "").trim() })).filter((line) => line.text !== "");
}
function checkedSpec(file, line, value, shown) {
  try {
    parseVersionSpec(value, file);
  } catch (error2) {
    if (!(error2 instanceof InputError)) throw error2;
    throw fileError(file, line, `${JSON.stringify(shown)} is not a Go version`, VERSION_FORMS);
  }
  return value;
}
function parseGoVersionFile(file, text) {
  const lines = contentLines(text, /(#|\/\/)[\s\S]*/);
  const [first, second] = lines;
  if (!first) {
    throw wholeFileError(file, `${file} holds no version`, "write one version, e.g. 1.25.4");
  }
  if (second) {
    throw fileError(
      file,
      second.number,
      `a second version "${second.text}" (the first is "${first.text}" on line ${first.number})`,
      "keep one version, e.g. 1.25.4"
    );
  }
  return {
    spec: checkedSpec(file, first.number, first.text, first.text),
    source: `${file} line ${first.number}: ${first.text}`,
    location: { file, line: first.number }
  };
}
function parseToolVersions(file, text) {
  const line = contentLines(text, /#[\s\S]*/).find(({ text: content }) => /^(golang|go)(\s|$)/.test(content));
  if (!line) {
    throw wholeFileError(
      file,
      `${file} has no golang line`,
      'add a line such as "golang 1.25.4", or set go-version'
    );
  }
  const [tool = "", version = ""] = line.text.split(/\s+/);
  return {
    spec: checkedSpec(file, line.number, version, line.text),
    source: `${file} line ${line.number}: ${tool} ${version}`,
    location: { file, line: line.number }
  };
}
function parseVersionFile(filePath, text) {
  const kind = versionFileKind(filePath);
  if (kind === "go.mod" || kind === "go.work") return parseModFile(filePath, text, kind);
  if (kind === ".tool-versions") return parseToolVersions(filePath, text);
  return parseGoVersionFile(filePath, text);
}

// src/core/version/workspace.ts
import path23 from "node:path";
function workspaceFileCandidates(workingDirectory, gowork) {
  const setting = (gowork ?? "").trim();
  if (setting === "off") return { candidates: [], explicit: false };
  if (setting !== "") {
    if (!path23.isAbsolute(setting)) {
      throw new InputError(
        "GOWORK",
        `The environment variable GOWORK is ${JSON.stringify(setting)}, which is not an absolute path (go refuses it too)`,
        "set GOWORK to the absolute path of a go.work file, to off, or leave it unset"
      );
    }
    return { candidates: [setting], explicit: true };
  }
  const candidates = [];
  for (let dir = path23.resolve(workingDirectory); ; dir = path23.dirname(dir)) {
    candidates.push(path23.join(dir, "go.work"));
    if (path23.dirname(dir) === dir) break;
  }
  return { candidates, explicit: false };
}
function checkIsVersionFile(file, inputName = "go-version-file") {
  const base = path23.basename(file);
  if (base === "go.sum" || base === "go.work.sum") {
    throw new InputError(
      inputName,
      `Input ${inputName} names ${file}, which holds module checksums, not a Go version`,
      "point it at a go.mod, go.work, .go-version or .tool-versions file, e.g. go.mod"
    );
  }
}

// src/phases/version-decision.ts
async function readOptionalFile(file, input, workspace) {
  if (!await lstat2(file).catch(() => void 0)) return void 0;
  return readFile4(await confinedFile(file, { input, roots: [workspace] }), "utf8");
}
async function decideVersionSpec(config, workspace, env = process.env) {
  const building = config.targets.length > 0;
  if (config.goVersion) {
    if (config.goVersionFile) warning("Both go-version and go-version-file are set; go-version wins.");
    const decision = {
      spec: parseVersionSpec(config.goVersion, "go-version"),
      decidedBy: `input go-version: ${config.goVersion}`,
      inputName: "go-version",
      asWritten: config.goVersion
    };
    checkPlainSpec(config.goVersion, decision, building);
    return decision;
  }
  if (config.goVersionFile) checkIsVersionFile(path24.relative(workspace, config.goVersionFile));
  const work = config.goVersionFile ? { candidates: [], explicit: false } : workspaceFileCandidates(config.workingDirectory, env.GOWORK);
  const candidates = config.goVersionFile ? [config.goVersionFile] : [...work.candidates, path24.join(config.workingDirectory, "go.mod")];
  const fromFile = await firstVersionFile(candidates, work, config, workspace);
  if (fromFile) return fromFile;
  if (config.goVersionFile) {
    throw new InputError(
      "go-version-file",
      `Input go-version-file names ${config.goVersionFile}, which does not exist`,
      "point it at a go.mod, go.work, .go-version or .tool-versions file, relative to the workspace"
    );
  }
  return {
    spec: { kind: "alias", alias: "stable" },
    decidedBy: "no go-version, go-version-file, go.work or go.mod: stable",
    inputName: "go-version"
  };
}
async function firstVersionFile(candidates, work, config, workspace) {
  for (const file of candidates) {
    const text = await readOptionalFile(
      file,
      config.goVersionFile ? "go-version-file" : path24.basename(file),
      workspace
    );
    if (text === void 0) {
      if (work.explicit && file === work.candidates[0]) {
        throw new InputError(
          "GOWORK",
          `The environment variable GOWORK names ${file}, which does not exist (go would fail to load the workspace)`,
          "set GOWORK to an existing go.work file, to off, or leave it unset"
        );
      }
      continue;
    }
    const requirement = parseVersionFile(path24.relative(workspace, file).split(path24.sep).join("/"), text);
    const decision = {
      spec: parseVersionSpec(requirement.spec, path24.basename(file)),
      decidedBy: requirement.source,
      inputName: path24.basename(file)
    };
    checkPlainSpec(requirement.spec, decision, config.targets.length > 0);
    return decision;
  }
  return void 0;
}
function checkPlainSpec(text, decision, building) {
  const line = plainSpecLine(text);
  if (line) {
    checkSupportedVersion(line, {
      from: decision.decidedBy,
      inputName: decision.inputName,
      building,
      ...decision.asWritten !== void 0 ? { asWritten: decision.asWritten } : {}
    });
  }
}

// src/phases/setup-toolchain.ts
async function newestInstalled(toolCache, arch, spec) {
  const versions = await readdir3(path25.join(toolCache, "go")).catch(() => []);
  const candidates = [];
  for (const dir of versions) {
    const goVersion = semverToGo(dir);
    if (!satisfies(goVersion, spec)) continue;
    if (await findInstalledToolchain({ toolCache, version: dir, arch })) candidates.push(goVersion);
  }
  return candidates.sort(compareGoVersions).at(-1);
}
function sourcesFor(config) {
  return config.toolchainSource === "auto" ? ["go.dev", "goproxy"] : [config.toolchainSource];
}
async function resolveToInstall(config, spec, platform, indexes, timings) {
  const known = config.checkLatest ? void 0 : exactVersion(spec) ?? await newestInstalled(platform.toolCache, platform.arch, spec);
  if (known) return known;
  const sources = sourcesFor(config);
  for (const source of sources) {
    try {
      const releases = await timed(timings, "resolve", () => fetchReleaseIndex(config, source));
      indexes.set(source, releases);
      return resolveVersion(spec, releases, { os: platform.goos, arch: platform.goarch }, "go-version").version;
    } catch (error2) {
      if (error2 instanceof InputError || source === sources.at(-1)) throw error2;
      info(
        `Could not resolve against the ${source} index (${error2.message}); trying the next source.`
      );
    }
  }
  throw new Error(`Could not resolve ${describeSpec(spec)}`);
}
async function installFromSources(job) {
  const { config, slot, version, platform, temp, timings } = job;
  const sources = sourcesFor(config);
  for (const source of sources) {
    try {
      return source === "goproxy" ? await installFromProxy(
        config,
        slot,
        toolchainModule(version, platform.goos, platform.goarch),
        temp,
        timings
      ) : await installFromReleaseArchive(job);
    } catch (error2) {
      if (source === sources.at(-1) || error2 instanceof VerificationError || error2 instanceof InputError)
        throw error2;
      warning(
        `Could not install Go ${version} from ${source}: ${error2.message}. Trying ${sources.at(-1)}.`
      );
    }
  }
  throw new Error(`No toolchain source is configured for Go ${version}`);
}
async function setupToolchain(config, facts, runner) {
  const timings = {};
  const requested = parseArchitectureInput(config.architecture);
  const machine = machineArchitecture(facts);
  const goarch = toolchainArchFor(requested, machine);
  const goos = machine.goos;
  const decision = await timed(timings, "resolve", () => decideVersionSpec(config, runner.workspace));
  const arch = toolCacheArch(goarch);
  const indexes = /* @__PURE__ */ new Map();
  const platform = { goos, goarch, arch, toolCache: runner.toolCache };
  const version = await resolveToInstall(config, decision.spec, platform, indexes, timings);
  checkSupportedVersion(version, {
    from: decision.decidedBy,
    inputName: decision.inputName,
    building: config.targets.length > 0
  });
  info(`Go ${version} for ${goos}/${goarch}, decided by ${decision.decidedBy}`);
  const slot = { toolCache: runner.toolCache, version: goToSemver(version), arch };
  let goroot = await findInstalledToolchain(slot);
  let fetched;
  if (goroot) {
    info(`Using Go ${version} already in the tool cache: ${goroot}`);
  } else {
    fetched = await installFromSources({
      config,
      slot,
      version,
      platform: { goos, goarch },
      indexes,
      temp: runner.temp,
      timings
    });
    goroot = await findInstalledToolchain(slot);
    if (!goroot)
      throw new Error(`Go ${version} was installed but is not in the tool cache at ${slot.toolCache}`);
  }
  const { probe, proof } = await proveInstalled(goroot, version, requested, machine, timings);
  return {
    version,
    goroot,
    probe,
    proof,
    source: fetched?.source ?? "tool cache",
    decidedBy: decision.decidedBy,
    ...fetched?.verifiedHash ? { verifiedHash: fetched.verifiedHash, verifiedBy: fetched.verifiedBy } : {},
    timings
  };
}
async function proveInstalled(goroot, version, requested, machine, timings) {
  const probe = await timed(timings, "prove", () => probeToolchain(goroot));
  if (probe.env.GOVERSION !== `go${version}`) {
    throw new Error(
      `The tool cache slot for Go ${version} (${goroot}) holds ${probe.env.GOVERSION || "a toolchain that names no version"}, not go${version}; refusing to use it. Remove ${goroot} so the release is installed afresh.`
    );
  }
  const proof = proveNative({
    requested,
    machine,
    headerArch: probe.header.arch,
    goHostArch: probe.env.GOHOSTARCH ?? "",
    goHostOs: probe.env.GOHOSTOS ?? ""
  });
  return { probe, proof };
}

// src/phases/write-sboms.ts
import path26 from "node:path";
function sbomPathOf(binary) {
  return `${binary}.cdx.json`;
}
async function writeSboms(targets, workspace) {
  const written = [];
  for (const target of targets) {
    if (target.format === "macho-fat") continue;
    const binary = path26.join(workspace, target.path);
    const inspected = await inspectBinaryFile(binary);
    if (inspected.sha256 !== target.sha256) {
      throw new Error(
        `${target.path} changed after it was built (sha256 ${inspected.sha256}, measured ${target.sha256}); no SBOM is written for it`
      );
    }
    if (!inspected.buildInfo) throw new Error(`${target.path} holds no Go build info to write an SBOM from`);
    const asked = {
      goos: target.goos,
      goarch: target.goarch,
      ...target.variant ? { variant: target.variant } : {}
    };
    const bom = goBinarySbom({
      buildInfo: inspected.buildInfo,
      binaryName: path26.basename(binary),
      sha256: inspected.sha256,
      target: asked
    });
    await replaceFile(sbomPathOf(binary), JSON.stringify(bom, null, 2) + "\n");
    target.sbom = sbomPathOf(target.path);
    written.push({
      target: asked,
      package: target.package,
      path: target.sbom,
      modules: inspected.buildInfo.deps.length
    });
  }
  info(`Wrote ${written.length} SBOM(s): ${written.map((w) => w.path).join(", ")}`);
  setOutput("sbom-files", JSON.stringify(written.map((w) => w.path)));
  return written;
}

// src/phases/size-comment.ts
import { readFile as readFile6 } from "node:fs/promises";
import path28 from "node:path";

// src/io/github/resolve-base.ts
import { readFile as readFile5 } from "node:fs/promises";
import path27 from "node:path";
var FILE_FIX = "give the path of a report file written by this action (its report-file output), or auto, or none";
async function readReportFile(file) {
  let text;
  try {
    text = await readFile5(file, "utf8");
  } catch (error2) {
    const why = error2.code ?? error2.message;
    throw new InputError(
      "base-report",
      `Input base-report names ${file}, which cannot be read (${why})`,
      FILE_FIX
    );
  }
  try {
    const report = parseReport(JSON.parse(text), file);
    return { report, source: path27.basename(file), commit: report.commit };
  } catch (error2) {
    throw new InputError(
      "base-report",
      `Input base-report names ${file}: ${error2.message}`,
      FILE_FIX
    );
  }
}
async function buildMergeBase(options2) {
  const pr = options2.pullRequest;
  try {
    const mergeBase = await findMergeBase(options2.repoDir, pr.baseSha, pr.headSha);
    const report = await buildInWorktree(
      options2.repoDir,
      mergeBase.commit,
      path27.join(options2.temp, "setup-go-arm64"),
      options2.buildAt
    );
    return {
      report: { ...report, commit: mergeBase.commit },
      source: mergeBase.exact ? "a build of the merge-base" : "a build of the base commit (merge-base not found)",
      commit: mergeBase.commit,
      build: { kind: "rebuilt" }
    };
  } catch (error2) {
    warning(`Could not build the base commit to compare sizes with: ${error2.message}`);
    return { failure: error2.message.split("\n")[0] ?? "" };
  }
}
async function likeForLike(stored, options2, head) {
  const differences = buildDifferences(stored.report, head);
  if (differences.length === 0) return { ...stored, build: { kind: "stored" } };
  const described = describeDifferences(differences);
  const unlike = (why) => {
    warning(
      `The base sizes (${stored.source}) were built otherwise than head: ${described}. They could not be rebuilt with head's toolchain and flags (${why}), so the comment shows the change as it is and size limits are not judged on it.`
    );
    return { ...stored, build: { kind: "unlike", differences, why } };
  };
  const { pullRequest, buildAt } = options2;
  if (!pullRequest) return unlike("this run is not for a pull request, so there is no merge-base to build");
  if (!buildAt) return unlike("this job does not build the targets itself");
  info(
    `The base sizes (${stored.source}) were built otherwise than head: ${described}; rebuilding the merge-base with head's toolchain and flags`
  );
  const rebuilt = await buildMergeBase({ ...options2, pullRequest, buildAt });
  if ("failure" in rebuilt) return unlike(`building the merge-base failed: ${rebuilt.failure}`);
  return { ...rebuilt, build: { kind: "rebuilt", replaced: { source: stored.source, differences } } };
}
async function resolveBaseReport(options2) {
  const { setting, pullRequest, buildAt, head } = options2;
  if (setting.kind === "none") return { reason: "base-report is none" };
  if (setting.kind === "auto" && !pullRequest) return { reason: "this run is not for a pull request" };
  const stored = setting.kind === "file" ? await readReportFile(setting.path) : await restoreReportFromCache(pullRequest.baseSha, options2.temp, options2.header);
  if (stored) return head ? likeForLike(stored, options2, head) : stored;
  if (!pullRequest || !buildAt)
    return { reason: "no report was cached for the base commit, and building it is not possible here" };
  const rebuilt = await buildMergeBase({ ...options2, pullRequest, buildAt });
  if ("failure" in rebuilt)
    return { reason: `no report was cached for the base commit and building it failed (${rebuilt.failure})` };
  return rebuilt;
}

// src/phases/size-comment.ts
function readSizeCommentInputs(input, workspace) {
  let token = input("github-token");
  for (const secret of /* @__PURE__ */ new Set([token, ...token.split(/\r?\n/)])) if (secret.trim()) setSecret(secret);
  if (/\s/.test(token)) {
    warning(
      "Input github-token holds white space or a line break, which no GitHub token does, so GitHub would refuse it; the size comment goes to the job summary instead. Pass one token, e.g. ${{ github.token }} (the default) or a secret holding one."
    );
    token = "";
  }
  return {
    thresholds: readThresholds(input),
    comment: readCommentOptions(input),
    baseReport: parseBaseReportSetting(input("base-report"), workspace),
    token
  };
}
async function readRunEvent() {
  const name = process.env.GITHUB_EVENT_NAME ?? "";
  const eventPath = process.env.GITHUB_EVENT_PATH;
  const payload = eventPath ? JSON.parse(await readFile6(eventPath, "utf8").catch(() => "{}")) : {};
  const pullRequest = readPullRequestEvent(name, payload);
  return { name, payload, ...pullRequest ? { pullRequest } : {} };
}
async function warnAboutUntrustedCheckout(event, repoDir) {
  const checkedOut = await git(repoDir, ["rev-parse", "HEAD"]).catch(() => void 0);
  const checkout = untrustedCheckout(event.name, event.payload, checkedOut?.trim());
  const warning2 = untrustedCheckoutWarning(checkout, forkHelpUrl());
  if (warning2) warning(warning2);
  return checkout !== void 0;
}
async function otherBaselinesFor(options2) {
  const { inputs, event } = options2;
  if (!event.pullRequest) return void 0;
  return compareWithOtherBaselines({
    baseSha: event.pullRequest.baseSha,
    head: options2.report,
    temp: options2.temp,
    header: inputs.comment.header,
    limits: inputs.thresholds.release
  });
}
function judgeAgainstBoth(comparison, thresholds, others) {
  const baseHasLimits = !!(thresholds.perTarget || thresholds.total);
  return combineVerdicts(judge(comparison, thresholds), others?.release?.verdict, baseHasLimits);
}
function judgeAgainstBase(inputs, context, { report, base, others }) {
  let judged;
  if ("reason" in base) {
    const verdict = judgeAgainstBoth(void 0, inputs.thresholds, others);
    judged = { verdict, body: renderNoBaseComment(context, report, base.reason, verdict) };
  } else {
    const comparison = compareReports(base.report, report, base.build);
    const verdict = judgeAgainstBoth(comparison, inputs.thresholds, others);
    const body = renderSizeComment(
      { ...context, baseCommit: base.commit, baseSource: base.source },
      comparison,
      verdict
    );
    judged = { comparison, verdict, body };
  }
  if (!others) return judged;
  return {
    ...judged,
    body: withBaselineSections(judged.body, others.sections.release, others.sections.trend)
  };
}
async function publishOnPullRequest(pr, inputs, { report, base, temp }, { comparison, verdict, body }) {
  const published = await publishSizeComment({
    token: inputs.token,
    pr,
    headSha: pr.headSha,
    body,
    data: {
      head: report,
      ..."reason" in base ? {} : { base: { report: base.report, commit: base.commit } },
      thresholds: thresholdTexts(inputs.thresholds)
    },
    options: inputs.comment,
    facts: { changed: comparison?.changed ?? false, regression: verdict.regression },
    fallbackDir: path28.join(temp, "setup-go-arm64"),
    ...process.env.GITHUB_API_URL ? { client: { baseUrl: process.env.GITHUB_API_URL } } : {}
  });
  if ("url" in published.outcome && published.outcome.url)
    setOutput("comment-url", published.outcome.url);
  if (!published.commentFile) return false;
  setOutput("comment-file", published.commentFile);
  return true;
}
async function compareAndComment(options2) {
  const { inputs, event, report } = options2;
  if (inputs.comment.mode === "off" || inputs.baseReport.kind === "none") {
    setOutput("size-regression", "false");
    return { summary: "" };
  }
  if (!event.pullRequest && inputs.baseReport.kind !== "file") return { summary: "" };
  startGroup("Compare sizes with the base");
  const base = await resolveBaseReport({
    setting: inputs.baseReport,
    ...event.pullRequest ? { pullRequest: event.pullRequest } : {},
    repoDir: options2.repoDir,
    temp: options2.temp,
    header: inputs.comment.header,
    head: report,
    ...options2.buildBase ? { buildAt: options2.buildBase } : {}
  });
  const others = await otherBaselinesFor(options2);
  endGroup();
  const context = { header: inputs.comment.header, headCommit: event.pullRequest?.headSha ?? report.commit };
  const judged = judgeAgainstBase(inputs, context, { report, base, others });
  setOutput("size-delta", JSON.stringify(judged.comparison ?? null));
  setOutput("size-regression", String(judged.verdict.regression));
  setOutput("comment-body", judged.body);
  const kept = event.pullRequest !== void 0 && await publishOnPullRequest(event.pullRequest, inputs, { report, base, temp: options2.temp }, judged);
  const summary2 = kept ? "" : judged.body;
  return { summary: summary2, ...judged.verdict.regression ? { regression: judged.verdict.message } : {} };
}

// src/entries/main.ts
function requireEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: this action must run inside a GitHub Actions job (or the local runner in scripts/).`
    );
  }
  return value;
}
function setupSummary(setup) {
  return renderSetupSection({
    version: setup.version,
    source: setup.source,
    decidedBy: setup.decidedBy,
    goroot: setup.goroot,
    verifiedHash: setup.verifiedHash,
    verifiedBy: setup.verifiedBy,
    headerFormat: setup.probe.header.format,
    headerArch: setup.probe.header.arch,
    goHostOs: setup.proof.goHostOs,
    goHostArch: setup.proof.goHostArch,
    machineArch: setup.proof.machineArch,
    native: setup.proof.native,
    rosetta: setup.proof.rosetta,
    timings: setup.timings
  });
}
async function readInputs(dirs) {
  const input = (name) => getInput(name);
  const config = readConfig(input, { workspace: dirs.workspace, cores: os3.availableParallelism() });
  const sizeInputs = readSizeCommentInputs(input, dirs.workspace);
  planFor(config);
  await checkInputsBeforeSetup(config, sizeInputs, dirs.workspace);
  const event = await readRunEvent();
  const reportFile = config.reportFile || path29.join(dirs.temp, "setup-go-arm64", "report.json");
  return { config, sizeInputs, event, reportFile };
}
async function mergeOnly(config, workspace) {
  if (config.targets.length > 0) {
    throw new InputError(
      "merge-reports",
      `Inputs merge-reports (${config.mergeReports}) and targets (${config.targets.map(targetName).join(" ")}) are both set`,
      "merge reports in a job of their own, with targets empty"
    );
  }
  return { report: await readAndMergeReports(config.mergeReports, workspace), sboms: [] };
}
async function setUpGo({ config, event }, dirs, log) {
  const [untrusted, facts] = await Promise.all([
    warnAboutUntrustedCheckout(event, config.workingDirectory),
    gatherPlatformFacts()
  ]);
  if (untrusted) saveState(UNTRUSTED_CHECKOUT_STATE, "true");
  startGroup("Set up Go");
  const setup = await setupToolchain(config, facts, dirs);
  endGroup();
  if (setup.proof.verdict === "fail") throw new Error(setup.proof.message);
  if (setup.proof.verdict === "warn") warning(setup.proof.message);
  info(setup.proof.message);
  addPath(path29.join(setup.goroot, "bin"));
  if (setup.probe.env.GOPATH) addPath(path29.join(setup.probe.env.GOPATH, "bin"));
  exportVariable("GOTOOLCHAIN", config.gotoolchain);
  setOutput("go-version", setup.version);
  setOutput("go-root", setup.goroot);
  setOutput("architecture", setup.probe.header.arch);
  setOutput("native", String(setup.proof.native));
  setOutput("rosetta", String(setup.proof.rosetta));
  log.summary.push(setupSummary(setup));
  return { setup, facts };
}
async function buildAndMeasure(config, setup, restored, dirs, log) {
  const built = await buildTargets(config, setup.probe.goBinary, dirs.workspace, process.env);
  const sboms = config.sbom ? await writeSboms(built.targets, dirs.workspace) : [];
  const report = buildReport({
    go: {
      version: setup.version,
      hostOs: setup.proof.goHostOs,
      hostArch: setup.proof.goHostArch,
      native: setup.proof.native
    },
    commit: process.env.GITHUB_SHA ?? null,
    flags: built.flags,
    targets: built.targets,
    failed: built.failures,
    ...buildCacheStart(restored.entries),
    wallMs: built.wallMs
  });
  if (report.targets.length > 0) {
    await writeChecksums(report.targets, {
      workspace: dirs.workspace,
      outputDir: config.outputDir,
      roots: [dirs.workspace, dirs.temp]
    });
  }
  if (built.failed.length > 0) {
    log.failures.push(
      `${built.failed.length} of ${built.failed.length + built.targets.length} build(s) failed: ${built.failed.join(", ")}`
    );
  }
  return { report, sboms };
}
async function setUpAndBuild(inputs, dirs, log) {
  const { setup, facts } = await setUpGo(inputs, dirs, log);
  const { restored, summary: summary2 } = await restoreCaches(inputs.config, setup, facts);
  log.summary.push(summary2);
  const built = inputs.config.targets.length > 0 ? await buildAndMeasure(inputs.config, setup, restored, dirs, log) : { sboms: [] };
  addMatcher(goProblemMatcherFile());
  return { setup, ...built };
}
function baseBuilder(config, setup, dirs, head) {
  return async (_root, inWorktree) => {
    const base = await buildTargets(
      {
        ...config,
        workingDirectory: inWorktree(config.workingDirectory),
        outputDir: path29.join(dirs.temp, "setup-go-arm64", "base-bin")
      },
      setup.probe.goBinary,
      inWorktree(dirs.workspace),
      process.env
    );
    if (base.failed.length > 0) throw new Error(`the base build failed: ${base.failed.join(", ")}`);
    return buildReport({
      go: head.go,
      commit: null,
      flags: base.flags,
      targets: base.targets,
      wallMs: base.wallMs
    });
  };
}
async function publishAndCompare(report, { setup, sboms }, { config, sizeInputs, event, reportFile }, dirs, log) {
  await publishReport(report, reportFile, [dirs.workspace, dirs.temp]);
  saveState(REPORT_FILE_STATE, reportFile);
  if (sizeInputs.comment.mode !== "off") saveState(COMMENT_HEADER_STATE, sizeInputs.comment.header);
  log.summary.push(renderBuildSection(report));
  if (sboms.length > 0) log.summary.push(renderSbomSection(sboms));
  if (log.failures.length > 0) return;
  const compared = await compareAndComment({
    inputs: sizeInputs,
    event,
    report,
    repoDir: config.workingDirectory,
    temp: dirs.temp,
    ...setup ? { buildBase: baseBuilder(config, setup, dirs, report) } : {}
  });
  if (compared.summary) log.summary.push(compared.summary);
  if (compared.regression) log.failures.push(compared.regression);
}
async function run() {
  const dirs = {
    workspace: requireEnv("GITHUB_WORKSPACE"),
    toolCache: requireEnv("RUNNER_TOOL_CACHE"),
    temp: requireEnv("RUNNER_TEMP")
  };
  const inputs = await readInputs(dirs);
  const log = { summary: [], failures: [] };
  const produced = inputs.config.mergeReports ? await mergeOnly(inputs.config, dirs.workspace) : await setUpAndBuild(inputs, dirs, log);
  if (produced.report) await publishAndCompare(produced.report, produced, inputs, dirs, log);
  await summary.addRaw(log.summary.join("\n")).write();
  if (log.failures.length > 0) throw new Error(log.failures.join("; "));
}
run().catch((error2) => {
  if (error2 instanceof InputError && error2.location) {
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const file = path29.relative(workspace, path29.resolve(workspace, error2.location.file)).split(path29.sep).join("/");
    error(error2.message, {
      title: `Invalid ${error2.input}`,
      file,
      startLine: error2.location.line,
      ...error2.location.column ? { startColumn: error2.location.column } : {}
    });
    setFailed(error2.message);
  } else {
    setFailed(error2 instanceof Error ? error2.message : String(error2));
  }
});

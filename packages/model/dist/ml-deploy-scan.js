#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 276:
/***/ ((module, exports, __nccwpck_require__) => {

var Stream = __nccwpck_require__(203)

// through
//
// a stream that does nothing but re-emit the input.
// useful for aggregating a series of changing but not ending streams into one stream)

exports = module.exports = through
through.through = through

//create a readable writable stream.

function through (write, end, opts) {
  write = write || function (data) { this.queue(data) }
  end = end || function () { this.queue(null) }

  var ended = false, destroyed = false, buffer = [], _ended = false
  var stream = new Stream()
  stream.readable = stream.writable = true
  stream.paused = false

//  stream.autoPause   = !(opts && opts.autoPause   === false)
  stream.autoDestroy = !(opts && opts.autoDestroy === false)

  stream.write = function (data) {
    write.call(this, data)
    return !stream.paused
  }

  function drain() {
    while(buffer.length && !stream.paused) {
      var data = buffer.shift()
      if(null === data)
        return stream.emit('end')
      else
        stream.emit('data', data)
    }
  }

  stream.queue = stream.push = function (data) {
//    console.error(ended)
    if(_ended) return stream
    if(data === null) _ended = true
    buffer.push(data)
    drain()
    return stream
  }

  //this will be registered as the first 'end' listener
  //must call destroy next tick, to make sure we're after any
  //stream piped from here.
  //this is only a problem if end is not emitted synchronously.
  //a nicer way to do this is to make sure this is the last listener for 'end'

  stream.on('end', function () {
    stream.readable = false
    if(!stream.writable && stream.autoDestroy)
      process.nextTick(function () {
        stream.destroy()
      })
  })

  function _end () {
    stream.writable = false
    end.call(stream)
    if(!stream.readable && stream.autoDestroy)
      stream.destroy()
  }

  stream.end = function (data) {
    if(ended) return
    ended = true
    if(arguments.length) stream.write(data)
    _end() // will emit or queue
    return stream
  }

  stream.destroy = function () {
    if(destroyed) return
    destroyed = true
    ended = true
    buffer.length = 0
    stream.writable = stream.readable = false
    stream.emit('close')
    return stream
  }

  stream.pause = function () {
    if(stream.paused) return
    stream.paused = true
    return stream
  }

  stream.resume = function () {
    if(stream.paused) {
      stream.paused = false
      stream.emit('resume')
    }
    drain()
    //may have become paused again,
    //as drain emits 'data'.
    if(!stream.paused)
      stream.emit('drain')
    return stream
  }
  return stream
}



/***/ }),

/***/ 825:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var through = __nccwpck_require__(276);
var bz2 = __nccwpck_require__(132);
var bitIterator = __nccwpck_require__(915);

module.exports = unbzip2Stream;

function unbzip2Stream() {
    var bufferQueue = [];
    var hasBytes = 0;
    var blockSize = 0;
    var broken = false;
    var done = false;
    var bitReader = null;
    var streamCRC = null;

    function decompressBlock(push){
        if(!blockSize){
            blockSize = bz2.header(bitReader);
            //console.error("got header of", blockSize);
            streamCRC = 0;
            return true;
        }else{
            var bufsize = 100000 * blockSize;
            var buf = new Int32Array(bufsize);
            
            var chunk = [];
            var f = function(b) {
                chunk.push(b);
            };

            streamCRC = bz2.decompress(bitReader, f, buf, bufsize, streamCRC);
            if (streamCRC === null) {
                // reset for next bzip2 header
                blockSize = 0;
                return false;
            }else{
                //console.error('decompressed', chunk.length,'bytes');
                push(Buffer.from(chunk));
                return true;
            }
        }
    }

    var outlength = 0;
    function decompressAndQueue(stream) {
        if (broken) return;
        try {
            return decompressBlock(function(d) {
                stream.queue(d);
                if (d !== null) {
                    //console.error('write at', outlength.toString(16));
                    outlength += d.length;
                } else {
                    //console.error('written EOS');
                }
            });
        } catch(e) {
            //console.error(e);
            stream.emit('error', e);
            broken = true;
            return false;
        }
    }

    return through(
        function write(data) {
            //console.error('received', data.length,'bytes in', typeof data);
            bufferQueue.push(data);
            hasBytes += data.length;
            if (bitReader === null) {
                bitReader = bitIterator(function() {
                    return bufferQueue.shift();
                });
            }
            while (!broken && hasBytes - bitReader.bytesRead + 1 >= ((25000 + 100000 * blockSize) || 4)){
                //console.error('decompressing with', hasBytes - bitReader.bytesRead + 1, 'bytes in buffer');
                decompressAndQueue(this);
            }
        },
        function end(x) {
            //console.error(x,'last compressing with', hasBytes, 'bytes in buffer');
            while (!broken && bitReader && hasBytes > bitReader.bytesRead){
                decompressAndQueue(this);
            }
            if (!broken) {
                if (streamCRC !== null)
                    this.emit('error', new Error("input stream ended prematurely"));
                this.queue(null);
            }
        }
    );
}



/***/ }),

/***/ 915:
/***/ ((module) => {

var BITMASK = [0, 0x01, 0x03, 0x07, 0x0F, 0x1F, 0x3F, 0x7F, 0xFF];

// returns a function that reads bits.
// takes a buffer iterator as input
module.exports = function bitIterator(nextBuffer) {
    var bit = 0, byte = 0;
    var bytes = nextBuffer();
    var f = function(n) {
        if (n === null && bit != 0) {  // align to byte boundary
            bit = 0
            byte++;
            return;
        }
        var result = 0;
        while(n > 0) {
            if (byte >= bytes.length) {
                byte = 0;
                bytes = nextBuffer();
            }
            var left = 8 - bit;
            if (bit === 0 && n > 0)
                f.bytesRead++;
            if (n >= left) {
                result <<= left;
                result |= (BITMASK[left] & bytes[byte++]);
                bit = 0;
                n -= left;
            } else {
                result <<= n;
                result |= ((bytes[byte] & (BITMASK[n] << (8 - n - bit))) >> (8 - n - bit));
                bit += n;
                n = 0;
            }
        }
        return result;
    };
    f.bytesRead = 0;
    return f;
};


/***/ }),

/***/ 132:
/***/ ((module) => {

/* 
  bzip2.js - a small bzip2 decompression implementation
  
  Copyright 2011 by antimatter15 (antimatter15@gmail.com)
  
  Based on micro-bunzip by Rob Landley (rob@landley.net).

  Copyright (c) 2011 by antimatter15 (antimatter15@gmail.com).

  Permission is hereby granted, free of charge, to any person obtaining a
  copy of this software and associated documentation files (the "Software"),
  to deal in the Software without restriction, including without limitation
  the rights to use, copy, modify, merge, publish, distribute, sublicense,
  and/or sell copies of the Software, and to permit persons to whom the
  Software is furnished to do so, subject to the following conditions:
  
  The above copyright notice and this permission notice shall be included
  in all copies or substantial portions of the Software.
  
  THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
  EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
  MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.
  IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
  DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT,
  TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH
  THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
*/
function Bzip2Error(message) {
    this.name = 'Bzip2Error';
    this.message = message;
    this.stack = (new Error()).stack;
}
Bzip2Error.prototype = new Error;
 
var message = {
    Error: function(message) {throw new Bzip2Error(message);}
};

var bzip2 = {};
bzip2.Bzip2Error = Bzip2Error;

bzip2.crcTable =
[
   0x00000000, 0x04c11db7, 0x09823b6e, 0x0d4326d9,
   0x130476dc, 0x17c56b6b, 0x1a864db2, 0x1e475005,
   0x2608edb8, 0x22c9f00f, 0x2f8ad6d6, 0x2b4bcb61,
   0x350c9b64, 0x31cd86d3, 0x3c8ea00a, 0x384fbdbd,
   0x4c11db70, 0x48d0c6c7, 0x4593e01e, 0x4152fda9,
   0x5f15adac, 0x5bd4b01b, 0x569796c2, 0x52568b75,
   0x6a1936c8, 0x6ed82b7f, 0x639b0da6, 0x675a1011,
   0x791d4014, 0x7ddc5da3, 0x709f7b7a, 0x745e66cd,
   0x9823b6e0, 0x9ce2ab57, 0x91a18d8e, 0x95609039,
   0x8b27c03c, 0x8fe6dd8b, 0x82a5fb52, 0x8664e6e5,
   0xbe2b5b58, 0xbaea46ef, 0xb7a96036, 0xb3687d81,
   0xad2f2d84, 0xa9ee3033, 0xa4ad16ea, 0xa06c0b5d,
   0xd4326d90, 0xd0f37027, 0xddb056fe, 0xd9714b49,
   0xc7361b4c, 0xc3f706fb, 0xceb42022, 0xca753d95,
   0xf23a8028, 0xf6fb9d9f, 0xfbb8bb46, 0xff79a6f1,
   0xe13ef6f4, 0xe5ffeb43, 0xe8bccd9a, 0xec7dd02d,
   0x34867077, 0x30476dc0, 0x3d044b19, 0x39c556ae,
   0x278206ab, 0x23431b1c, 0x2e003dc5, 0x2ac12072,
   0x128e9dcf, 0x164f8078, 0x1b0ca6a1, 0x1fcdbb16,
   0x018aeb13, 0x054bf6a4, 0x0808d07d, 0x0cc9cdca,
   0x7897ab07, 0x7c56b6b0, 0x71159069, 0x75d48dde,
   0x6b93dddb, 0x6f52c06c, 0x6211e6b5, 0x66d0fb02,
   0x5e9f46bf, 0x5a5e5b08, 0x571d7dd1, 0x53dc6066,
   0x4d9b3063, 0x495a2dd4, 0x44190b0d, 0x40d816ba,
   0xaca5c697, 0xa864db20, 0xa527fdf9, 0xa1e6e04e,
   0xbfa1b04b, 0xbb60adfc, 0xb6238b25, 0xb2e29692,
   0x8aad2b2f, 0x8e6c3698, 0x832f1041, 0x87ee0df6,
   0x99a95df3, 0x9d684044, 0x902b669d, 0x94ea7b2a,
   0xe0b41de7, 0xe4750050, 0xe9362689, 0xedf73b3e,
   0xf3b06b3b, 0xf771768c, 0xfa325055, 0xfef34de2,
   0xc6bcf05f, 0xc27dede8, 0xcf3ecb31, 0xcbffd686,
   0xd5b88683, 0xd1799b34, 0xdc3abded, 0xd8fba05a,
   0x690ce0ee, 0x6dcdfd59, 0x608edb80, 0x644fc637,
   0x7a089632, 0x7ec98b85, 0x738aad5c, 0x774bb0eb,
   0x4f040d56, 0x4bc510e1, 0x46863638, 0x42472b8f,
   0x5c007b8a, 0x58c1663d, 0x558240e4, 0x51435d53,
   0x251d3b9e, 0x21dc2629, 0x2c9f00f0, 0x285e1d47,
   0x36194d42, 0x32d850f5, 0x3f9b762c, 0x3b5a6b9b,
   0x0315d626, 0x07d4cb91, 0x0a97ed48, 0x0e56f0ff,
   0x1011a0fa, 0x14d0bd4d, 0x19939b94, 0x1d528623,
   0xf12f560e, 0xf5ee4bb9, 0xf8ad6d60, 0xfc6c70d7,
   0xe22b20d2, 0xe6ea3d65, 0xeba91bbc, 0xef68060b,
   0xd727bbb6, 0xd3e6a601, 0xdea580d8, 0xda649d6f,
   0xc423cd6a, 0xc0e2d0dd, 0xcda1f604, 0xc960ebb3,
   0xbd3e8d7e, 0xb9ff90c9, 0xb4bcb610, 0xb07daba7,
   0xae3afba2, 0xaafbe615, 0xa7b8c0cc, 0xa379dd7b,
   0x9b3660c6, 0x9ff77d71, 0x92b45ba8, 0x9675461f,
   0x8832161a, 0x8cf30bad, 0x81b02d74, 0x857130c3,
   0x5d8a9099, 0x594b8d2e, 0x5408abf7, 0x50c9b640,
   0x4e8ee645, 0x4a4ffbf2, 0x470cdd2b, 0x43cdc09c,
   0x7b827d21, 0x7f436096, 0x7200464f, 0x76c15bf8,
   0x68860bfd, 0x6c47164a, 0x61043093, 0x65c52d24,
   0x119b4be9, 0x155a565e, 0x18197087, 0x1cd86d30,
   0x029f3d35, 0x065e2082, 0x0b1d065b, 0x0fdc1bec,
   0x3793a651, 0x3352bbe6, 0x3e119d3f, 0x3ad08088,
   0x2497d08d, 0x2056cd3a, 0x2d15ebe3, 0x29d4f654,
   0xc5a92679, 0xc1683bce, 0xcc2b1d17, 0xc8ea00a0,
   0xd6ad50a5, 0xd26c4d12, 0xdf2f6bcb, 0xdbee767c,
   0xe3a1cbc1, 0xe760d676, 0xea23f0af, 0xeee2ed18,
   0xf0a5bd1d, 0xf464a0aa, 0xf9278673, 0xfde69bc4,
   0x89b8fd09, 0x8d79e0be, 0x803ac667, 0x84fbdbd0,
   0x9abc8bd5, 0x9e7d9662, 0x933eb0bb, 0x97ffad0c,
   0xafb010b1, 0xab710d06, 0xa6322bdf, 0xa2f33668,
   0xbcb4666d, 0xb8757bda, 0xb5365d03, 0xb1f740b4
];

bzip2.array = function(bytes) {
    var bit = 0, byte = 0;
    var BITMASK = [0, 0x01, 0x03, 0x07, 0x0F, 0x1F, 0x3F, 0x7F, 0xFF ];
    return function(n) {
        var result = 0;
        while(n > 0) {
            var left = 8 - bit;
            if (n >= left) {
                result <<= left;
                result |= (BITMASK[left] & bytes[byte++]);
                bit = 0;
                n -= left;
            } else {
                result <<= n;
                result |= ((bytes[byte] & (BITMASK[n] << (8 - n - bit))) >> (8 - n - bit));
                bit += n;
                n = 0;
            }
        }
        return result;
    }
}

    
bzip2.simple = function(srcbuffer, stream) {
    var bits = bzip2.array(srcbuffer);
    var size = bzip2.header(bits);
    var ret = false;
    var bufsize = 100000 * size;
    var buf = new Int32Array(bufsize);
    
    do {
        ret = bzip2.decompress(bits, stream, buf, bufsize);        
    } while(!ret);
}

bzip2.header = function(bits) {
    this.byteCount = new Int32Array(256);
    this.symToByte = new Uint8Array(256);
    this.mtfSymbol = new Int32Array(256);
    this.selectors = new Uint8Array(0x8000);

    if (bits(8*3) != 4348520) message.Error("No magic number found");

    var i = bits(8) - 48;
    if (i < 1 || i > 9) message.Error("Not a BZIP archive");
    return i;
};


//takes a function for reading the block data (starting with 0x314159265359)
//a block size (0-9) (optional, defaults to 9)
//a length at which to stop decompressing and return the output
bzip2.decompress = function(bits, stream, buf, bufsize, streamCRC) {
    var MAX_HUFCODE_BITS = 20;
    var MAX_SYMBOLS = 258;
    var SYMBOL_RUNA = 0;
    var SYMBOL_RUNB = 1;
    var GROUP_SIZE = 50;
    var crc = 0 ^ (-1);
    
    for(var h = '', i = 0; i < 6; i++) h += bits(8).toString(16);
    if (h == "177245385090") {
      var finalCRC = bits(32)|0;
      if (finalCRC !== streamCRC) message.Error("Error in bzip2: crc32 do not match");
      // align stream to byte
      bits(null);
      return null; // reset streamCRC for next call
    }
    if (h != "314159265359") message.Error("eek not valid bzip data");
    var crcblock = bits(32)|0; // CRC code
    if (bits(1)) message.Error("unsupported obsolete version");
    var origPtr = bits(24);
    if (origPtr > bufsize) message.Error("Initial position larger than buffer size");
    var t = bits(16);
    var symTotal = 0;
    for (i = 0; i < 16; i++) {
        if (t & (1 << (15 - i))) {
            var k = bits(16);
            for(j = 0; j < 16; j++) {
                if (k & (1 << (15 - j))) {
                    this.symToByte[symTotal++] = (16 * i) + j;
                }
            }
        }
    }

    var groupCount = bits(3);
    if (groupCount < 2 || groupCount > 6) message.Error("another error");
    var nSelectors = bits(15);
    if (nSelectors == 0) message.Error("meh");
    for(var i = 0; i < groupCount; i++) this.mtfSymbol[i] = i;

    for(var i = 0; i < nSelectors; i++) {
        for(var j = 0; bits(1); j++) if (j >= groupCount) message.Error("whoops another error");
        var uc = this.mtfSymbol[j];
        for(var k = j-1; k>=0; k--) {
            this.mtfSymbol[k+1] = this.mtfSymbol[k];
        }
        this.mtfSymbol[0] = uc;
        this.selectors[i] = uc;
    }

    var symCount = symTotal + 2;
    var groups = [];
    var length = new Uint8Array(MAX_SYMBOLS),
    temp = new Uint16Array(MAX_HUFCODE_BITS+1);

    var hufGroup;

    for(var j = 0; j < groupCount; j++) {
        t = bits(5); //lengths
        for(var i = 0; i < symCount; i++) {
            while(true){
                if (t < 1 || t > MAX_HUFCODE_BITS) message.Error("I gave up a while ago on writing error messages");
                if (!bits(1)) break;
                if (!bits(1)) t++;
                else t--;
            }
            length[i] = t;
        }
        var  minLen,  maxLen;
        minLen = maxLen = length[0];
        for(var i = 1; i < symCount; i++) {
            if (length[i] > maxLen) maxLen = length[i];
            else if (length[i] < minLen) minLen = length[i];
        }
        hufGroup = groups[j] = {};
        hufGroup.permute = new Int32Array(MAX_SYMBOLS);
        hufGroup.limit = new Int32Array(MAX_HUFCODE_BITS + 1);
        hufGroup.base = new Int32Array(MAX_HUFCODE_BITS + 1);

        hufGroup.minLen = minLen;
        hufGroup.maxLen = maxLen;
        var base = hufGroup.base;
        var limit = hufGroup.limit;
        var pp = 0;
        for(var i = minLen; i <= maxLen; i++)
        for(var t = 0; t < symCount; t++)
        if (length[t] == i) hufGroup.permute[pp++] = t;
        for(i = minLen; i <= maxLen; i++) temp[i] = limit[i] = 0;
        for(i = 0; i < symCount; i++) temp[length[i]]++;
        pp = t = 0;
        for(i = minLen; i < maxLen; i++) {
            pp += temp[i];
            limit[i] = pp - 1;
            pp <<= 1;
            base[i+1] = pp - (t += temp[i]);
        }
        limit[maxLen] = pp + temp[maxLen] - 1;
        base[minLen] = 0;
    }

    for(var i = 0; i < 256; i++) { 
        this.mtfSymbol[i] = i;
        this.byteCount[i] = 0;
    }
    var runPos, count, symCount, selector;
    runPos = count = symCount = selector = 0;    
    while(true) {
        if (!(symCount--)) {
            symCount = GROUP_SIZE - 1;
            if (selector >= nSelectors) message.Error("meow i'm a kitty, that's an error");
            hufGroup = groups[this.selectors[selector++]];
            base = hufGroup.base;
            limit = hufGroup.limit;
        }
        i = hufGroup.minLen;
        j = bits(i);
        while(true) {
            if (i > hufGroup.maxLen) message.Error("rawr i'm a dinosaur");
            if (j <= limit[i]) break;
            i++;
            j = (j << 1) | bits(1);
        }
        j -= base[i];
        if (j < 0 || j >= MAX_SYMBOLS) message.Error("moo i'm a cow");
        var nextSym = hufGroup.permute[j];
        if (nextSym == SYMBOL_RUNA || nextSym == SYMBOL_RUNB) {
            if (!runPos){
                runPos = 1;
                t = 0;
            }
            if (nextSym == SYMBOL_RUNA) t += runPos;
            else t += 2 * runPos;
            runPos <<= 1;
            continue;
        }
        if (runPos) {
            runPos = 0;
            if (count + t > bufsize) message.Error("Boom.");
            uc = this.symToByte[this.mtfSymbol[0]];
            this.byteCount[uc] += t;
            while(t--) buf[count++] = uc;
        }
        if (nextSym > symTotal) break;
        if (count >= bufsize) message.Error("I can't think of anything. Error");
        i = nextSym - 1;
        uc = this.mtfSymbol[i];
        for(var k = i-1; k>=0; k--) {
            this.mtfSymbol[k+1] = this.mtfSymbol[k];
        }
        this.mtfSymbol[0] = uc
        uc = this.symToByte[uc];
        this.byteCount[uc]++;
        buf[count++] = uc;
    }
    if (origPtr < 0 || origPtr >= count) message.Error("I'm a monkey and I'm throwing something at someone, namely you");
    var j = 0;
    for(var i = 0; i < 256; i++) {
        k = j + this.byteCount[i];
        this.byteCount[i] = j;
        j = k;
    }
    for(var i = 0; i < count; i++) {
        uc = buf[i] & 0xff;
        buf[this.byteCount[uc]] |= (i << 8);
        this.byteCount[uc]++;
    }
    var pos = 0, current = 0, run = 0;
    if (count) {
        pos = buf[origPtr];
        current = (pos & 0xff);
        pos >>= 8;
        run = -1;
    }
    count = count;
    var copies, previous, outbyte;
    while(count) {
        count--;
        previous = current;
        pos = buf[pos];
        current = pos & 0xff;
        pos >>= 8;
        if (run++ == 3) {
            copies = current;
            outbyte = previous;
            current = -1;
        } else {
            copies = 1;
            outbyte = current;
        }
        while(copies--) {
            crc = ((crc << 8) ^ this.crcTable[((crc>>24) ^ outbyte) & 0xFF])&0xFFFFFFFF; // crc32
            stream(outbyte);
        }
        if (current != previous) run = 0;
    }

    crc = (crc ^ (-1)) >>> 0;
    if ((crc|0) != (crcblock|0)) message.Error("Error in bzip2: crc32 do not match");
    streamCRC = (crc ^ ((streamCRC << 1) | (streamCRC >>> 31))) & 0xFFFFFFFF;
    return streamCRC;
}

module.exports = bzip2;


/***/ }),

/***/ 493:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_ml_deploy_scan__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(611);
/** The `ml-deploy-scan` command (bundled to packages/model/dist/ml-deploy-scan.js); see src/cli. */

process.exitCode = await (0,_cli_ml_deploy_scan__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 611:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// UNUSED EXPORTS: parseCommandLine

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./packages/model/src/types.ts
/**
 * The severities validate-model fails on by default: allow-list first, so the gate's safety does
 * not rest on the deny-list being complete (an import on neither list fails too).
 */
const DEFAULT_FAIL_ON = ['dangerous', 'unknown-import'];

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./packages/model/src/pickle/import-policy.ts
/**
 * Which imports a pickle may perform. Allow-list first: anything not known to be safe is at least
 * `unknown`. The deny-list turns the well-known code-execution, file, network and importer entry
 * points into `dangerous`. It merges what picklescan 1.0.5 and modelscan 0.8.8 flag with the
 * bypasses reported against them (pkgutil.resolve_name, numpy.testing runstring, torch.load via
 * storage._load_from_bytes, operator getattr chains, cProfile/profile/timeit/trace/pdb exec
 * wrappers, io.FileIO, logging.FileHandler, uuid command helpers, idlelib/lib2to3 evaluators, ...).
 */
/** Whole modules (and everything under them) that run code, touch files/processes/network, or import. */
const DANGEROUS_MODULES = [
    'os', 'posix', 'nt', 'posixpath', 'ntpath', 'subprocess', '_posixsubprocess', 'sys', 'importlib', 'imp',
    'runpy', 'socket', '_socket', 'ssl', 'http', 'httplib', 'urllib', 'urllib2', 'urllib3', 'requests',
    'aiohttp', 'httpx', 'ftplib', 'smtplib', 'telnetlib', 'poplib', 'imaplib', 'nntplib', 'xmlrpc', 'socketserver',
    'webbrowser', 'shutil', 'pty', 'code', 'codeop', 'pickle', '_pickle', 'cPickle', 'pickletools', 'dill',
    'cloudpickle', 'marshal', 'ctypes', '_ctypes', 'pip', 'setuptools', 'distutils', 'ensurepip', 'venv',
    'asyncio', 'multiprocessing', '_multiprocessing', 'concurrent', 'threading', '_thread', 'signal',
    'pdb', 'bdb', 'trace', 'profile', 'cProfile', 'timeit', 'pydoc', 'doctest', 'idlelib', 'lib2to3', 'test',
    'tempfile', 'glob', 'pathlib', 'fileinput', 'zipimport', 'pkgutil', 'sysconfig', 'site', 'builtins.__import__',
    '_io', 'io', 'operator', '_operator', 'functools', 'types', 'copyreg', 'copy_reg', 'gc', 'inspect',
    'commands', 'popen2', 'spawn', '_osx_support', '_aix_support', '_pyrepl', 'uuid', 'platform', 'ctypes',
    'numpy.f2py', 'numpy.testing', 'numpy.distutils', 'numpy.ctypeslib', 'numpy.lib.npyio', 'numpy.lib.format',
    'numpy.load', 'numpy.loadtxt', 'numpy.genfromtxt', 'numpy.fromfile', 'numpy.memmap', 'numpy.save',
    'numpy.savez', 'numpy.savetxt', 'numpy.tofile', 'numpy.fromregex',
    'torch.load', 'torch.hub', 'torch._ops', 'torch.ops', 'torch.serialization', 'torch.storage._load_from_bytes',
    'torch._inductor', 'torch._dynamo', 'torch.jit', 'torch.utils.bottleneck', 'torch.utils.collect_env',
    'torch.utils.data.datapipes', 'torch.utils._config_module', 'torch.fx.experimental.symbolic_shapes',
    'torch.package', 'torch.classes', 'torch.compile', 'torch.autograd.profiler',
    'numpy.core._ufunc_reconstruct', 'numpy._core._ufunc_reconstruct',
    'pandas.read_pickle', 'pandas.io', 'pandas.read_csv', 'pandas.read_json', 'pandas.read_parquet',
    'pandas.read_excel', 'pandas.read_html', 'pandas.read_sql', 'pandas.read_table', 'pandas.read_hdf',
    'pandas.read_feather', 'pandas.read_orc', 'pandas.read_sas', 'pandas.read_spss', 'pandas.read_stata',
    'pandas.read_xml', 'pandas.read_fwf', 'pandas.eval', 'pandas.core.computation',
    'sklearn.utils._joblib', 'sklearn.externals', 'sklearn.datasets', 'joblib.load', 'joblib.numpy_pickle.load',
    'joblib.parallel', 'joblib._parallel_backends', 'joblib.externals', 'joblib.pool', 'joblib.memory',
    'keras.models.load_model', 'tensorflow', 'jinja2', 'yaml', 'logging.config', 'logging.FileHandler',
    'logging.handlers', 'codecs.open', 'bz2.open', 'gzip.open', 'lzma.open', 'tarfile', 'zipfile', 'sqlite3',
    'dbm', 'shelve', 'mmap', 'resource', 'fcntl', 'termios', 'tty', 'pwd', 'grp', 'crypt', 'syslog', 'cmd',
    'rlcompleter', 'readline', 'atexit', 'weakref.finalize', 'contextlib', 'sched', 'selectors', 'select',
    'ensurepip', 'compileall', 'py_compile', 'dis', 'ast', 'symtable', 'tokenize', 'linecache',
    // C accelerator twins of modules above, and more gadgets seen in the wild: remote shells and SSH,
    // test helpers that run Python source, loaders moved in numpy 2 (`numpy.lib._npyio_impl.load`),
    // TorchScript loaders, benchmark timers that exec their statement, expression evaluators.
    '_functools', '_collections_abc', 'paramiko', 'fabric', 'pexpect', 'ptyprocess', 'IPython',
    'ipykernel', 'jupyter_client', 'sklearn.utils._testing', 'torch._C._load_for_lite_interpreter',
    'torch._C.import_ir_module', 'torch._C.import_ir_module_from_buffer', 'torch.utils.cpp_extension',
    'torch.utils.benchmark', 'torch.cuda.memory._record_memory_history', 'numpy.lib._npyio_impl',
    'numpy.lib._format_impl', 'numpy.lib._datasource', 'numpy.lib._utils_impl', 'scipy.io', 'h5py', 'tables',
    'sympy.sympify', 'sympy.core.sympify', 'sympy.parsing', 'numexpr', 'fsspec', 'smart_open', 'boto3',
    'botocore', 'mlflow', 'keras.saving', 'keras.src.saving', 'tf_keras',
    // pandas internals that read files or run test suites (their classes would match the pandas pattern).
    'pandas._libs.parsers', 'pandas._libs.sas', 'pandas._testing', 'pandas.util._tester', 'pandas.plotting',
    'pandas.core.config_init', 'pandas._config',
];
/** builtins / __builtin__ members that evaluate, import, reach attributes or touch files. */
const DANGEROUS_BUILTINS = new Set([
    'eval', 'exec', 'execfile', 'compile', 'open', 'file', 'getattr', 'setattr', 'delattr', 'hasattr',
    '__import__', 'globals', 'locals', 'vars', 'breakpoint', 'input', 'raw_input', 'apply', 'reload', 'help',
    'exit', 'quit', 'dir', 'memoryview', 'type', 'super', 'classmethod', 'staticmethod', 'property',
    'print', 'callable', 'iter', 'next', 'map', 'filter', 'reduce', 'sorted', 'min', 'max', 'id', 'copyright',
    'credits', 'license', '__loader__', '__spec__', '__build_class__', 'object.__subclasses__', 'aiter', 'anext',
]);
/** builtins that rebuild plain data. */
const SAFE_BUILTINS = new Set([
    'set', 'frozenset', 'dict', 'list', 'tuple', 'slice', 'complex', 'bytearray', 'bytes', 'range', 'int',
    'float', 'str', 'bool', 'object', 'unicode', 'long', 'NotImplemented', 'Ellipsis', 'xrange',
]);
/** Exact globals known to only rebuild data. */
const SAFE_EXACT = new Set([
    'collections.OrderedDict', 'collections.defaultdict', 'collections.deque', 'collections.Counter',
    'copyreg._reconstructor', 'copy_reg._reconstructor', 'copyreg.__newobj__', 'copyreg.__newobj_ex__',
    '_codecs.encode', 'codecs.encode',
    'numpy.dtype', 'numpy.ndarray', 'numpy.matrix', 'numpy.ma.core.MaskedArray', 'numpy.ma.core._mareconstruct',
    'numpy.core.multiarray._reconstruct', 'numpy._core.multiarray._reconstruct',
    'numpy.core.multiarray.scalar', 'numpy._core.multiarray.scalar',
    'numpy.core.numeric._frombuffer', 'numpy._core.numeric._frombuffer',
    'numpy.core._multiarray_umath._reconstruct', 'numpy._core._multiarray_umath._reconstruct',
    'numpy.random._pickle.__randomstate_ctor', 'numpy.random._pickle.__bit_generator_ctor',
    'numpy.random._pickle.__generator_ctor', 'numpy.random.mtrand.RandomState', 'numpy.random._generator.Generator',
    'numpy.random._mt19937.MT19937', 'numpy.random._pcg64.PCG64', 'numpy.random._pcg64.PCG64DXSM',
    'numpy.random._philox.Philox', 'numpy.random._sfc64.SFC64', 'numpy.random.bit_generator.SeedSequence',
    'numpy.random._bit_generator.SeedSequence',
    'joblib.numpy_pickle.NumpyArrayWrapper', 'sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper',
    'datetime.datetime', 'datetime.date', 'datetime.time', 'datetime.timedelta', 'datetime.timezone',
    'decimal.Decimal', 'fractions.Fraction', 'uuid.UUID', 're._compile',
    'torch.Size', 'torch.device', 'torch.Tensor', 'torch.nn.parameter.Parameter', 'torch._tensor._rebuild_from_type_v2',
    'torch.serialization._get_layout', 'torch.strided', 'torch.sparse_coo', 'torch.sparse_csr', 'torch._C._nn.gelu',
    'torch.contiguous_format', 'torch.channels_last', 'torch.preserve_format', 'torch.storage.UntypedStorage',
    'torch.storage.TypedStorage', 'torch.UntypedStorage', 'torch.TypedStorage',
    'xgboost.core.Booster', 'xgboost.sklearn.XGBClassifier', 'xgboost.sklearn.XGBRegressor',
    'xgboost.sklearn.XGBRanker', 'xgboost.sklearn.XGBRFClassifier', 'xgboost.sklearn.XGBRFRegressor',
    'lightgbm.basic.Booster', 'lightgbm.sklearn.LGBMClassifier', 'lightgbm.sklearn.LGBMRegressor',
    'lightgbm.sklearn.LGBMRanker', 'lightgbm.sklearn.LGBMModel',
    // Reviewed for issue 9: each one only stores what it is given when REDUCE/NEWOBJ/BUILD build it.
    'collections.ChainMap', 'collections.UserDict', 'collections.UserList', 'collections.UserString',
    'argparse.Namespace', 'uuid.SafeUUID', 're.RegexFlag', 'numpy.ma.MaskedArray', 'numpy.ma.core.MaskedConstant',
    // Path objects are pure values until a method runs, and methods stay out of reach: a dotted
    // `Path.write_text` and getattr are dangerous. (pathlib as a whole stays on the deny-list.)
    'pathlib.PurePath', 'pathlib.PurePosixPath', 'pathlib.PureWindowsPath', 'pathlib.Path', 'pathlib.PosixPath',
    'pathlib.WindowsPath', 'pathlib._local.PurePath', 'pathlib._local.PurePosixPath', 'pathlib._local.PureWindowsPath',
    'pathlib._local.Path', 'pathlib._local.PosixPath', 'pathlib._local.WindowsPath',
    'torch.torch_version.TorchVersion',
    // CatBoost's __setstate__ parses the model from the pickled bytes in memory. (catboost.Pool is
    // not here: given a string it reads that file.)
    'catboost.core.CatBoost', 'catboost.core.CatBoostClassifier', 'catboost.core.CatBoostRegressor', 'catboost.core.CatBoostRanker',
    // pandas' unpickling helpers: each rebuilds an index, block or scalar from the values given.
    'pandas.core.indexes.base._new_Index', 'pandas.core.indexes.datetimes._new_DatetimeIndex',
    'pandas.core.indexes.period._new_PeriodIndex', 'pandas.core.indexes.interval._new_IntervalIndex',
    'pandas.core.indexes.multi._new_MultiIndex', 'pandas.core.internals.blocks.new_block', 'pandas._libs.internals._unpickle_block',
    'pandas._libs.tslibs.timestamps._unpickle_timestamp', 'pandas._libs.tslibs.timedeltas._timedelta_unpickle',
    'pandas._libs.tslibs.nattype._nat_unpickle', 'pandas._libs.tslibs.nattype.__nat_unpickle', 'pandas.NA', 'pandas.NaT',
    'pandas._libs.missing.NA', 'pandas._libs.tslibs.nattype.NaT', 'pandas.core.arrays.sparse.array._make_sparse',
]);
/** Functions held by reference in real pickles (SplineTransformer keeps its array namespace's asarray). */
const REF_EXACT = new Set(['scipy._lib.array_api_compat.numpy._aliases.asarray']);
/** numpy functions that only compute on their arguments (pooling functions, ufunc-like reducers). */
const NUMPY_COMPUTE = new Set([
    'mean', 'median', 'sum', 'prod', 'std', 'var', 'amax', 'amin', 'max', 'min', 'average', 'nanmean', 'nanmedian',
    'nansum', 'nanstd', 'nanvar', 'nanmax', 'nanmin', 'ptp', 'percentile', 'quantile', 'argmax', 'argmin', 'cumsum',
    'cumprod', 'round', 'around', 'mod', 'identity',
]);
/**
 * scikit-learn modules whose functions only compute (score functions, metrics, kernels,
 * internal fitting routines stored as parameters). Elsewhere sklearn functions are not listed:
 * some read or write files (datasets, externals, `check_memory` creates cache directories).
 */
const SKLEARN_COMPUTE_MODULE = /^sklearn\.(metrics|feature_selection|cluster|neighbors|preprocessing|decomposition|linear_model|svm|manifold|covariance|kernel_approximation|isotonic|gaussian_process|mixture|tree|ensemble|neural_network|naive_bayes|discriminant_analysis|cross_decomposition|semi_supervised|random_projection|impute)(\.|$)/;
/** pandas top-level classes and dtypes (pandas 3 pickles name them by their public path). */
const PANDAS_PUBLIC = new Set([
    'DataFrame', 'Series', 'Index', 'RangeIndex', 'MultiIndex', 'DatetimeIndex', 'TimedeltaIndex', 'PeriodIndex',
    'IntervalIndex', 'CategoricalIndex', 'Categorical', 'CategoricalDtype', 'DatetimeTZDtype', 'PeriodDtype',
    'IntervalDtype', 'SparseDtype', 'StringDtype', 'BooleanDtype', 'Int8Dtype', 'Int16Dtype', 'Int32Dtype', 'Int64Dtype',
    'UInt8Dtype', 'UInt16Dtype', 'UInt32Dtype', 'UInt64Dtype', 'Float32Dtype', 'Float64Dtype', 'Timestamp', 'Timedelta',
    'Period', 'Interval', 'DateOffset',
]);
const NUMPY_SCALAR_TYPES = new Set([
    'bool_', 'bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float16', 'float32',
    'float64', 'float128', 'complex64', 'complex128', 'complex256', 'str_', 'bytes_', 'object_', 'void',
    'datetime64', 'timedelta64', 'intc', 'uintc', 'longlong', 'ulonglong', 'intp', 'uintp', 'longdouble',
    'clongdouble', 'half', 'single', 'double', 'csingle', 'cdouble', 'byte', 'ubyte', 'short', 'ushort', 'int_',
    'uint', 'float_', 'complex_', 'unicode_', 'string_',
]);
const NUMPY_UFUNCS = new Set([
    'abs', 'absolute', 'add', 'subtract', 'multiply', 'divide', 'true_divide', 'floor_divide', 'negative', 'positive',
    'power', 'float_power', 'remainder', 'mod', 'fmod', 'sqrt', 'cbrt', 'square', 'reciprocal', 'exp', 'exp2', 'expm1',
    'log', 'log2', 'log10', 'log1p', 'logaddexp', 'logaddexp2', 'sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan',
    'arctan2', 'sinh', 'cosh', 'tanh', 'arcsinh', 'arccosh', 'arctanh', 'sign', 'floor', 'ceil', 'trunc', 'rint',
    'maximum', 'minimum', 'fmax', 'fmin', 'clip', 'isnan', 'isinf', 'isfinite', 'hypot', 'deg2rad', 'rad2deg',
]);
const TORCH_DTYPES = new Set([
    'float32', 'float', 'float64', 'double', 'float16', 'half', 'bfloat16', 'complex32', 'complex64', 'cfloat',
    'complex128', 'cdouble', 'uint8', 'int8', 'int16', 'short', 'int32', 'int', 'int64', 'long', 'bool',
    'quint8', 'qint8', 'qint32', 'quint4x2', 'quint2x4', 'float8_e4m3fn', 'float8_e5m2', 'uint16', 'uint32', 'uint64',
]);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CLASS_NAME = /^_?[A-Z][A-Za-z0-9_]*$/;
const SPARSE_CLASS = /^(csr|csc|coo|bsr|dia|dok|lil)_(matrix|array)$/;
/** Segments that, anywhere in a dotted path, mean the path walks into a dangerous module or dunder. */
const DANGEROUS_SEGMENTS = new Set([
    'os', 'posix', 'nt', 'subprocess', 'sys', 'builtins', '__builtin__', '__builtins__', 'importlib', 'runpy',
    'socket', 'shutil', 'pty', 'ctypes', 'pickle', '_pickle', 'marshal', 'eval', 'exec', 'system', 'popen',
    'Popen', 'getattr', '__import__', 'import_module', 'spawn', 'execv', 'execve', 'check_output', 'run',
    'load', 'loads', 'urlopen', 'compile',
]);
/** Dunder names that are fine as the final segment of a vetted safe global; all others are reflection. */
const ALLOWED_DUNDERS = new Set(['__newobj__', '__newobj_ex__', '__randomstate_ctor', '__bit_generator_ctor', '__generator_ctor']);
function matchesPrefix(path, prefix) {
    return path === prefix || path.startsWith(prefix + '.');
}
/**
 * A policy: the built-in lists plus the caller's `allow` patterns (`module.name` or `module.*`)
 * and `allowDangerous` entries. `allow` only ever turns `unknown` into `allowed`: no entry, exact
 * or wildcard, clears a dangerous global (`mypkg.*` never allows `mypkg.os.system`, and
 * `builtins.eval` stays dangerous). A team that must accept a dangerous global names it exactly
 * in `allowDangerous` with a reason; it stays `dangerous`, marked accepted, and reports say so.
 */
class ImportPolicy {
    userExact = new Set();
    userPrefixes = [];
    dangerousAccepted = new Map();
    cache = new Map();
    constructor(allow = [], allowDangerous = []) {
        for (const raw of allow) {
            const entry = raw.trim();
            if (entry.endsWith('.*'))
                this.userPrefixes.push(entry.slice(0, -2));
            else if (entry)
                this.userExact.add(entry);
        }
        for (const { name, reason } of allowDangerous)
            this.dangerousAccepted.set(name.trim(), reason);
    }
    /** Classify the import `module` + `name` (a possibly dotted qualname). */
    classify(module, name) {
        const key = module + '\u0000' + name;
        const hit = this.cache.get(key);
        if (hit)
            return hit;
        const verdict = this.classifyUncached(module, name);
        // Bounded: adversarial pickles can mint unlimited distinct names.
        if (this.cache.size < 65536)
            this.cache.set(key, verdict);
        return verdict;
    }
    classifyUncached(module, name) {
        const builtIn = this.builtInVerdict(module, name);
        const full = `${module}.${name}`;
        const userNamed = this.userExact.has(full) || this.userPrefixes.some((p) => matchesPrefix(full, p));
        if (builtIn.classification === 'dangerous') {
            // Evasions (non-identifier names) are never acceptable: no entry can name them.
            const accepted = builtIn.evasion ? undefined : this.dangerousAccepted.get(full);
            const v = { classification: 'dangerous' };
            if (builtIn.reason !== undefined)
                v.reason = builtIn.reason;
            if (accepted !== undefined)
                v.accepted = accepted;
            if (userNamed)
                v.allowIgnored = true;
            return v;
        }
        if (builtIn.classification === 'safe') {
            if (!builtIn.referenceOnly)
                return { classification: 'safe' };
            // A user who names a reference-only function accepts calls to it as well.
            return userNamed ? { classification: 'allowed' } : { classification: 'safe', referenceOnly: true };
        }
        return userNamed ? { classification: 'allowed' } : { classification: 'unknown' };
    }
    /** The built-in lists alone. */
    builtInVerdict(module, name) {
        const modSegs = module.split('.');
        const nameSegs = name.split('.');
        // Python's find_class imports `module` verbatim and walks `name` by getattr; a scanner that
        // normalises (strips spaces, folds unicode) would judge a different import than Python makes,
        // and legitimate pickles only ever carry ASCII identifiers, so anything else is an evasion.
        for (const seg of [...modSegs, ...nameSegs]) {
            if (!IDENTIFIER.test(seg)) {
                return { classification: 'dangerous', evasion: true, reason: `name is not a plain identifier path (${JSON.stringify(module)} ${JSON.stringify(name)})` };
            }
        }
        const full = `${module}.${name}`;
        // Cython's generated unpickler `__pyx_unpickle_<Class>` only does `Class.__new__(Class)` and
        // restores state: it is exactly as safe as the class itself (numpy's SeedSequence, sklearn trees).
        const pyx = /^__pyx_unpickle_([A-Za-z_][A-Za-z0-9_]*)$/.exec(name);
        if (pyx)
            return this.builtInVerdict(module, pyx[1]);
        if (module === 'builtins' || module === '__builtin__') {
            if (nameSegs.length === 1 && SAFE_BUILTINS.has(name))
                return { classification: 'safe' };
            if (DANGEROUS_BUILTINS.has(nameSegs[0]) || nameSegs.length > 1) {
                return { classification: 'dangerous', reason: `builtins.${name} evaluates, imports, reflects or opens files` };
            }
            return { classification: 'unknown' };
        }
        if (SAFE_EXACT.has(full))
            return { classification: 'safe' };
        for (const seg of nameSegs) {
            if (seg.startsWith('__') && !ALLOWED_DUNDERS.has(seg)) {
                return { classification: 'dangerous', reason: `attribute path reaches ${seg}` };
            }
        }
        for (const prefix of DANGEROUS_MODULES) {
            if (matchesPrefix(full, prefix)) {
                return { classification: 'dangerous', reason: `${prefix} can run code, import, or touch files, processes or the network` };
            }
        }
        // A name path that walks through a re-exported module (`torch.serialization.os.system`,
        // `numpy.core.sys.modules`) reaches the dangerous module without naming it at the front.
        const allSegs = [...modSegs, ...nameSegs];
        for (let i = 1; i < allSegs.length; i++) {
            const seg = allSegs[i];
            if (DANGEROUS_SEGMENTS.has(seg) || seg.startsWith('__')) {
                if (ALLOWED_DUNDERS.has(seg) && i === allSegs.length - 1)
                    continue;
                return { classification: 'dangerous', reason: `path goes through ${seg}` };
            }
        }
        const pattern = this.builtInSafePattern(module, name, nameSegs);
        if (pattern === 'ref')
            return { classification: 'safe', referenceOnly: true };
        if (pattern)
            return { classification: 'safe' };
        return { classification: 'unknown' };
    }
    /** `true`: safe to build; `'ref'`: a function, safe to hold but not to call at load. */
    builtInSafePattern(module, name, nameSegs) {
        if (nameSegs.length !== 1)
            return false;
        if (REF_EXACT.has(`${module}.${name}`))
            return 'ref';
        if (module === 'numpy' && NUMPY_SCALAR_TYPES.has(name))
            return true;
        if (module === 'numpy.dtypes' && CLASS_NAME.test(name))
            return true;
        if (module === 'torch' && (TORCH_DTYPES.has(name) || /^[A-Z][A-Za-z0-9]*Storage$/.test(name)))
            return true;
        // The typed tensor classes the legacy tar format records for each tensor (only referenced).
        if (module === 'torch' && /^(Double|Float|Half|BFloat16|Long|Int|Short|Char|Byte|Bool|ComplexDouble|ComplexFloat)Tensor$/.test(name))
            return true;
        if (module === 'torch._utils' && name.startsWith('_rebuild_'))
            return true;
        if ((module === 'torch.nn.modules' || module.startsWith('torch.nn.modules.')) && CLASS_NAME.test(name))
            return true;
        // scikit-learn estimators, transformers, trees, losses and kernels are classes (CapWords);
        // its functions are not on the list: some load files (datasets, externals.joblib).
        if ((module === 'sklearn' || module.startsWith('sklearn.')) && (CLASS_NAME.test(name) || name === 'newObj'))
            return true;
        // numpy ufuncs pickle by name (FunctionTransformer(np.log1p)); they only compute.
        if (module === 'numpy' && NUMPY_UFUNCS.has(name))
            return 'ref';
        if (module.startsWith('scipy.sparse') && SPARSE_CLASS.test(name))
            return true;
        // Functions stored as parameters (pooling_func=np.mean, score_func=f_classif): a pickle only
        // refers to them. Some take n_jobs and would start worker processes if called, so a call
        // while loading is flagged by the walker.
        if (module === 'numpy' && NUMPY_COMPUTE.has(name))
            return 'ref';
        if (SKLEARN_COMPUTE_MODULE.test(module) && /^[a-z_][a-z0-9_]*$/.test(name))
            return 'ref';
        // scipy.interpolate splines and interpolators (BSpline, PPoly, interp1d...): values only.
        if (module.startsWith('scipy.interpolate') && (CLASS_NAME.test(name) || name === 'interp1d'))
            return true;
        // pandas: frames, series, indexes, arrays, dtypes, blocks, offsets (classes only); pandas.io and
        // pandas.core.computation (eval) are on the deny-list and never get here.
        if (module === 'pandas' && PANDAS_PUBLIC.has(name))
            return true;
        if (module === 'pandas.arrays' && /^[A-Z][A-Za-z]*Array$/.test(name) && !name.startsWith('Arrow'))
            return true;
        if ((module.startsWith('pandas.core.') || module.startsWith('pandas._libs.')) && CLASS_NAME.test(name) && !/arrow/i.test(module + name))
            return true;
        return false;
    }
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: external "module"
const external_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");
;// CONCATENATED MODULE: ./node_modules/.pnpm/fflate@0.8.3/node_modules/fflate/esm/index.mjs

var esm_require = (0,external_module_namespaceObject.createRequire)('/');
// DEFLATE is a complex format; to read this code, you should probably check the RFC first:
// https://tools.ietf.org/html/rfc1951
// You may also wish to take a look at the guide I made about this program:
// https://gist.github.com/101arrowz/253f31eb5abc3d9275ab943003ffecad
// Some of the following code is similar to that of UZIP.js:
// https://github.com/photopea/UZIP.js
// However, the vast majority of the codebase has diverged from UZIP.js to increase performance and reduce bundle size.
// Sometimes 0 will appear where -1 would be more appropriate. This is because using a uint
// is better for memory in most engines (I *think*).
var _a;
// Mediocre shim
var Worker;
var isMarkedAsUntransferable;
var workerAdd = ";var __w=require('worker_threads');__w.parentPort.on('message',function(m){onmessage({data:m})}),postMessage=function(m,t){__w.parentPort.postMessage(m,t)},close=process.exit;self=global";
try {
    (_a = esm_require('worker_threads'), Worker = _a.Worker, isMarkedAsUntransferable = _a.isMarkedAsUntransferable);
}
catch (e) {
}
var wk = (/* unused pure expression or super */ null && (Worker ? function (c, _, msg, transfer, cb) {
    var done = false;
    var w = new Worker(c + workerAdd, { eval: true })
        .on('error', function (e) { return cb(e, null); })
        .on('message', function (m) { return cb(null, m); })
        .on('exit', function (c) {
        if (c && !done)
            cb(new Error('exited with code ' + c), null);
    });
    if (isMarkedAsUntransferable)
        transfer = transfer.filter(function (t) { return !isMarkedAsUntransferable(t); });
    w.postMessage(msg, transfer);
    w.terminate = function () {
        done = true;
        return Worker.prototype.terminate.call(w);
    };
    return w;
} : function (_, __, ___, ____, cb) {
    setImmediate(function () { return cb(new Error('async operations unsupported - update to Node 12+ (or Node 10-11 with the --experimental-worker CLI flag)'), null); });
    var NOP = function () { };
    return {
        terminate: NOP,
        postMessage: NOP
    };
}));

// aliases for shorter compressed code (most minifers don't do this)
var u8 = Uint8Array, u16 = Uint16Array, i32 = Int32Array;
// fixed length extra bits
var fleb = new u8([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0, /* unused */ 0, 0, /* impossible */ 0]);
// fixed distance extra bits
var fdeb = new u8([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, /* unused */ 0, 0]);
// code length index map
var clim = new u8([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);
// get base, reverse index map from extra bits
var freb = function (eb, start) {
    var b = new u16(31);
    for (var i = 0; i < 31; ++i) {
        b[i] = start += 1 << eb[i - 1];
    }
    // numbers here are at max 18 bits
    var r = new i32(b[30]);
    for (var i = 1; i < 30; ++i) {
        for (var j = b[i]; j < b[i + 1]; ++j) {
            r[j] = ((j - b[i]) << 5) | i;
        }
    }
    return { b: b, r: r };
};
var _a = freb(fleb, 2), fl = _a.b, revfl = _a.r;
// we can ignore the fact that the other numbers are wrong; they never happen anyway
fl[28] = 258, revfl[258] = 28;
var _b = freb(fdeb, 0), fd = _b.b, revfd = _b.r;
// map of value to reverse (assuming 16 bits)
var rev = new u16(32768);
for (var i = 0; i < 32768; ++i) {
    // reverse table algorithm from SO
    var x = ((i & 0xAAAA) >> 1) | ((i & 0x5555) << 1);
    x = ((x & 0xCCCC) >> 2) | ((x & 0x3333) << 2);
    x = ((x & 0xF0F0) >> 4) | ((x & 0x0F0F) << 4);
    rev[i] = (((x & 0xFF00) >> 8) | ((x & 0x00FF) << 8)) >> 1;
}
// create huffman tree from u8 "map": index -> code length for code index
// mb (max bits) must be at most 15
// TODO: optimize/split up?
var hMap = (function (cd, mb, r) {
    var s = cd.length;
    // index
    var i = 0;
    // u16 "map": index -> # of codes with bit length = index
    var l = new u16(mb);
    // length of cd must be 288 (total # of codes)
    for (; i < s; ++i) {
        if (cd[i])
            ++l[cd[i] - 1];
    }
    // u16 "map": index -> minimum code for bit length = index
    var le = new u16(mb);
    for (i = 1; i < mb; ++i) {
        le[i] = (le[i - 1] + l[i - 1]) << 1;
    }
    var co;
    if (r) {
        // u16 "map": index -> number of actual bits, symbol for code
        co = new u16(1 << mb);
        // bits to remove for reverser
        var rvb = 15 - mb;
        for (i = 0; i < s; ++i) {
            // ignore 0 lengths
            if (cd[i]) {
                // num encoding both symbol and bits read
                var sv = (i << 4) | cd[i];
                // free bits
                var r_1 = mb - cd[i];
                // start value
                var v = le[cd[i] - 1]++ << r_1;
                // m is end value
                for (var m = v | ((1 << r_1) - 1); v <= m; ++v) {
                    // every 16 bit value starting with the code yields the same result
                    co[rev[v] >> rvb] = sv;
                }
            }
        }
    }
    else {
        co = new u16(s);
        for (i = 0; i < s; ++i) {
            if (cd[i]) {
                co[i] = rev[le[cd[i] - 1]++] >> (15 - cd[i]);
            }
        }
    }
    return co;
});
// fixed length tree
var flt = new u8(288);
for (var i = 0; i < 144; ++i)
    flt[i] = 8;
for (var i = 144; i < 256; ++i)
    flt[i] = 9;
for (var i = 256; i < 280; ++i)
    flt[i] = 7;
for (var i = 280; i < 288; ++i)
    flt[i] = 8;
// fixed distance tree
var fdt = new u8(32);
for (var i = 0; i < 32; ++i)
    fdt[i] = 5;
// fixed length map
var flm = /*#__PURE__*/ (/* unused pure expression or super */ null && (hMap(flt, 9, 0))), flrm = /*#__PURE__*/ hMap(flt, 9, 1);
// fixed distance map
var fdm = /*#__PURE__*/ (/* unused pure expression or super */ null && (hMap(fdt, 5, 0))), fdrm = /*#__PURE__*/ hMap(fdt, 5, 1);
// find max of array
var max = function (a) {
    var m = a[0];
    for (var i = 1; i < a.length; ++i) {
        if (a[i] > m)
            m = a[i];
    }
    return m;
};
// read d, starting at bit p and mask with m
var bits = function (d, p, m) {
    var o = (p / 8) | 0;
    return ((d[o] | (d[o + 1] << 8)) >> (p & 7)) & m;
};
// read d, starting at bit p continuing for at least 16 bits
var bits16 = function (d, p) {
    var o = (p / 8) | 0;
    return ((d[o] | (d[o + 1] << 8) | (d[o + 2] << 16)) >> (p & 7));
};
// get end of byte
var shft = function (p) { return ((p + 7) / 8) | 0; };
// typed array slice - allows garbage collector to free original reference,
// while being more compatible than .slice
var slc = function (v, s, e) {
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    // can't use .constructor in case user-supplied
    return new u8(v.subarray(s, e));
};
/**
 * Codes for errors generated within this library
 */
var FlateErrorCode = {
    UnexpectedEOF: 0,
    InvalidBlockType: 1,
    InvalidLengthLiteral: 2,
    InvalidDistance: 3,
    StreamFinished: 4,
    NoStreamHandler: 5,
    InvalidHeader: 6,
    NoCallback: 7,
    InvalidUTF8: 8,
    ExtraFieldTooLong: 9,
    InvalidDate: 10,
    FilenameTooLong: 11,
    StreamFinishing: 12,
    InvalidZipData: 13,
    UnknownCompressionMethod: 14
};
// error codes
var ec = [
    'unexpected EOF',
    'invalid block type',
    'invalid length/literal',
    'invalid distance',
    'stream finished',
    'no stream handler',
    , // determined by compression function
    'no callback',
    'invalid UTF-8 data',
    'extra field too long',
    'date not in range 1980-2099',
    'filename too long',
    'stream finishing',
    'invalid zip data'
    // determined by unknown compression method
];
;
var err = function (ind, msg, nt) {
    var e = new Error(msg || ec[ind]);
    e.code = ind;
    if (Error.captureStackTrace)
        Error.captureStackTrace(e, err);
    if (!nt)
        throw e;
    return e;
};
// expands raw DEFLATE data
var inflt = function (dat, st, buf, dict) {
    // source length       dict length
    var sl = dat.length, dl = dict ? dict.length : 0;
    if (!sl || st.f && !st.l)
        return buf || new u8(0);
    var noBuf = !buf;
    // have to estimate size
    var resize = noBuf || st.i != 2;
    // no state
    var noSt = st.i;
    // Assumes roughly 33% compression ratio average
    if (noBuf)
        buf = new u8(sl * 3);
    // ensure buffer can fit at least l elements
    var cbuf = function (l) {
        var bl = buf.length;
        // need to increase size to fit
        if (l > bl) {
            // Double or set to necessary, whichever is greater
            var nbuf = new u8(Math.max(bl * 2, l));
            nbuf.set(buf);
            buf = nbuf;
        }
    };
    //  last chunk         bitpos           bytes
    var final = st.f || 0, pos = st.p || 0, bt = st.b || 0, lm = st.l, dm = st.d, lbt = st.m, dbt = st.n;
    // total bits
    var tbts = sl * 8;
    do {
        if (!lm) {
            // BFINAL - this is only 1 when last chunk is next
            final = bits(dat, pos, 1);
            // type: 0 = no compression, 1 = fixed huffman, 2 = dynamic huffman
            var type = bits(dat, pos + 1, 3);
            pos += 3;
            if (!type) {
                // go to end of byte boundary
                var s = shft(pos) + 4, l = dat[s - 4] | (dat[s - 3] << 8), t = s + l;
                if (t > sl) {
                    if (noSt)
                        err(0);
                    break;
                }
                // ensure size
                if (resize)
                    cbuf(bt + l);
                // Copy over uncompressed data
                buf.set(dat.subarray(s, t), bt);
                // Get new bitpos, update byte count
                st.b = bt += l, st.p = pos = t * 8, st.f = final;
                continue;
            }
            else if (type == 1)
                lm = flrm, dm = fdrm, lbt = 9, dbt = 5;
            else if (type == 2) {
                //  literal                            lengths
                var hLit = bits(dat, pos, 31) + 257, hcLen = bits(dat, pos + 10, 15) + 4;
                var tl = hLit + bits(dat, pos + 5, 31) + 1;
                pos += 14;
                // length+distance tree
                var ldt = new u8(tl);
                // code length tree
                var clt = new u8(19);
                for (var i = 0; i < hcLen; ++i) {
                    // use index map to get real code
                    clt[clim[i]] = bits(dat, pos + i * 3, 7);
                }
                pos += hcLen * 3;
                // code lengths bits
                var clb = max(clt), clbmsk = (1 << clb) - 1;
                // code lengths map
                var clm = hMap(clt, clb, 1);
                for (var i = 0; i < tl;) {
                    var r = clm[bits(dat, pos, clbmsk)];
                    // bits read
                    pos += r & 15;
                    // symbol
                    var s = r >> 4;
                    // code length to copy
                    if (s < 16) {
                        ldt[i++] = s;
                    }
                    else {
                        //  copy   count
                        var c = 0, n = 0;
                        if (s == 16)
                            n = 3 + bits(dat, pos, 3), pos += 2, c = ldt[i - 1];
                        else if (s == 17)
                            n = 3 + bits(dat, pos, 7), pos += 3;
                        else if (s == 18)
                            n = 11 + bits(dat, pos, 127), pos += 7;
                        while (n--)
                            ldt[i++] = c;
                    }
                }
                //    length tree                 distance tree
                var lt = ldt.subarray(0, hLit), dt = ldt.subarray(hLit);
                // max length bits
                lbt = max(lt);
                // max dist bits
                dbt = max(dt);
                lm = hMap(lt, lbt, 1);
                dm = hMap(dt, dbt, 1);
            }
            else
                err(1);
            if (pos > tbts) {
                if (noSt)
                    err(0);
                break;
            }
        }
        // Make sure the buffer can hold this + the largest possible addition
        // Maximum chunk size (practically, theoretically infinite) is 2^17
        if (resize)
            cbuf(bt + 131072);
        var lms = (1 << lbt) - 1, dms = (1 << dbt) - 1;
        var lpos = pos;
        for (;; lpos = pos) {
            // bits read, code
            var c = lm[bits16(dat, pos) & lms], sym = c >> 4;
            pos += c & 15;
            if (pos > tbts) {
                if (noSt)
                    err(0);
                break;
            }
            if (!c)
                err(2);
            if (sym < 256)
                buf[bt++] = sym;
            else if (sym == 256) {
                lpos = pos, lm = null;
                break;
            }
            else {
                var add = sym - 254;
                // no extra bits needed if less
                if (sym > 264) {
                    // index
                    var i = sym - 257, b = fleb[i];
                    add = bits(dat, pos, (1 << b) - 1) + fl[i];
                    pos += b;
                }
                // dist
                var d = dm[bits16(dat, pos) & dms], dsym = d >> 4;
                if (!d)
                    err(3);
                pos += d & 15;
                var dt = fd[dsym];
                if (dsym > 3) {
                    var b = fdeb[dsym];
                    dt += bits16(dat, pos) & (1 << b) - 1, pos += b;
                }
                if (pos > tbts) {
                    if (noSt)
                        err(0);
                    break;
                }
                if (resize)
                    cbuf(bt + 131072);
                var end = bt + add;
                if (bt < dt) {
                    var shift = dl - dt, dend = Math.min(dt, end);
                    if (shift + bt < 0)
                        err(3);
                    for (; bt < dend; ++bt)
                        buf[bt] = dict[shift + bt];
                }
                for (; bt < end; ++bt)
                    buf[bt] = buf[bt - dt];
            }
        }
        st.l = lm, st.p = lpos, st.b = bt, st.f = final;
        if (lm)
            final = 1, st.m = lbt, st.d = dm, st.n = dbt;
    } while (!final);
    // don't reallocate for streams or user buffers
    return bt != buf.length && noBuf ? slc(buf, 0, bt) : buf.subarray(0, bt);
};
// starting at p, write the minimum number of bits that can hold v to d
var wbits = function (d, p, v) {
    v <<= p & 7;
    var o = (p / 8) | 0;
    d[o] |= v;
    d[o + 1] |= v >> 8;
};
// starting at p, write the minimum number of bits (>8) that can hold v to d
var wbits16 = function (d, p, v) {
    v <<= p & 7;
    var o = (p / 8) | 0;
    d[o] |= v;
    d[o + 1] |= v >> 8;
    d[o + 2] |= v >> 16;
};
// creates code lengths from a frequency table
var hTree = function (d, mb) {
    // Need extra info to make a tree
    var t = [];
    for (var i = 0; i < d.length; ++i) {
        if (d[i])
            t.push({ s: i, f: d[i] });
    }
    var s = t.length;
    var t2 = t.slice();
    if (!s)
        return { t: et, l: 0 };
    if (s == 1) {
        var v = new u8(t[0].s + 1);
        v[t[0].s] = 1;
        return { t: v, l: 1 };
    }
    t.sort(function (a, b) { return a.f - b.f; });
    // after i2 reaches last ind, will be stopped
    // freq must be greater than largest possible number of symbols
    t.push({ s: -1, f: 25001 });
    var l = t[0], r = t[1], i0 = 0, i1 = 1, i2 = 2;
    t[0] = { s: -1, f: l.f + r.f, l: l, r: r };
    // efficient algorithm from UZIP.js
    // i0 is lookbehind, i2 is lookahead - after processing two low-freq
    // symbols that combined have high freq, will start processing i2 (high-freq,
    // non-composite) symbols instead
    // see https://reddit.com/r/photopea/comments/ikekht/uzipjs_questions/
    while (i1 != s - 1) {
        l = t[t[i0].f < t[i2].f ? i0++ : i2++];
        r = t[i0 != i1 && t[i0].f < t[i2].f ? i0++ : i2++];
        t[i1++] = { s: -1, f: l.f + r.f, l: l, r: r };
    }
    var maxSym = t2[0].s;
    for (var i = 1; i < s; ++i) {
        if (t2[i].s > maxSym)
            maxSym = t2[i].s;
    }
    // code lengths
    var tr = new u16(maxSym + 1);
    // max bits in tree
    var mbt = ln(t[i1 - 1], tr, 0);
    if (mbt > mb) {
        // more algorithms from UZIP.js
        // TODO: find out how this code works (debt)
        //  ind    debt
        var i = 0, dt = 0;
        //    left            cost
        var lft = mbt - mb, cst = 1 << lft;
        t2.sort(function (a, b) { return tr[b.s] - tr[a.s] || a.f - b.f; });
        for (; i < s; ++i) {
            var i2_1 = t2[i].s;
            if (tr[i2_1] > mb) {
                dt += cst - (1 << (mbt - tr[i2_1]));
                tr[i2_1] = mb;
            }
            else
                break;
        }
        dt >>= lft;
        while (dt > 0) {
            var i2_2 = t2[i].s;
            if (tr[i2_2] < mb)
                dt -= 1 << (mb - tr[i2_2]++ - 1);
            else
                ++i;
        }
        for (; i >= 0 && dt; --i) {
            var i2_3 = t2[i].s;
            if (tr[i2_3] == mb) {
                --tr[i2_3];
                ++dt;
            }
        }
        mbt = mb;
    }
    return { t: new u8(tr), l: mbt };
};
// get the max length and assign length codes
var ln = function (n, l, d) {
    return n.s == -1
        ? Math.max(ln(n.l, l, d + 1), ln(n.r, l, d + 1))
        : (l[n.s] = d);
};
// length codes generation
var lc = function (c) {
    var s = c.length;
    // Note that the semicolon was intentional
    while (s && !c[--s])
        ;
    var cl = new u16(++s);
    //  ind      num         streak
    var cli = 0, cln = c[0], cls = 1;
    var w = function (v) { cl[cli++] = v; };
    for (var i = 1; i <= s; ++i) {
        if (c[i] == cln && i != s)
            ++cls;
        else {
            if (!cln && cls > 2) {
                for (; cls > 138; cls -= 138)
                    w(32754);
                if (cls > 2) {
                    w(cls > 10 ? ((cls - 11) << 5) | 28690 : ((cls - 3) << 5) | 12305);
                    cls = 0;
                }
            }
            else if (cls > 3) {
                w(cln), --cls;
                for (; cls > 6; cls -= 6)
                    w(8304);
                if (cls > 2)
                    w(((cls - 3) << 5) | 8208), cls = 0;
            }
            while (cls--)
                w(cln);
            cls = 1;
            cln = c[i];
        }
    }
    return { c: cl.subarray(0, cli), n: s };
};
// calculate the length of output from tree, code lengths
var clen = function (cf, cl) {
    var l = 0;
    for (var i = 0; i < cl.length; ++i)
        l += cf[i] * cl[i];
    return l;
};
// writes a fixed block
// returns the new bit pos
var wfblk = function (out, pos, dat) {
    // no need to write 00 as type: TypedArray defaults to 0
    var s = dat.length;
    var o = shft(pos + 2);
    out[o] = s & 255;
    out[o + 1] = s >> 8;
    out[o + 2] = out[o] ^ 255;
    out[o + 3] = out[o + 1] ^ 255;
    for (var i = 0; i < s; ++i)
        out[o + i + 4] = dat[i];
    return (o + 4 + s) * 8;
};
// writes a block
var wblk = function (dat, out, final, syms, lf, df, eb, li, bs, bl, p) {
    wbits(out, p++, final);
    ++lf[256];
    var _a = hTree(lf, 15), dlt = _a.t, mlb = _a.l;
    var _b = hTree(df, 15), ddt = _b.t, mdb = _b.l;
    var _c = lc(dlt), lclt = _c.c, nlc = _c.n;
    var _d = lc(ddt), lcdt = _d.c, ndc = _d.n;
    var lcfreq = new u16(19);
    for (var i = 0; i < lclt.length; ++i)
        ++lcfreq[lclt[i] & 31];
    for (var i = 0; i < lcdt.length; ++i)
        ++lcfreq[lcdt[i] & 31];
    var _e = hTree(lcfreq, 7), lct = _e.t, mlcb = _e.l;
    var nlcc = 19;
    for (; nlcc > 4 && !lct[clim[nlcc - 1]]; --nlcc)
        ;
    var flen = (bl + 5) << 3;
    var ftlen = clen(lf, flt) + clen(df, fdt) + eb;
    var dtlen = clen(lf, dlt) + clen(df, ddt) + eb + 14 + 3 * nlcc + clen(lcfreq, lct) + 2 * lcfreq[16] + 3 * lcfreq[17] + 7 * lcfreq[18];
    if (bs >= 0 && flen <= ftlen && flen <= dtlen)
        return wfblk(out, p, dat.subarray(bs, bs + bl));
    var lm, ll, dm, dl;
    wbits(out, p, 1 + (dtlen < ftlen)), p += 2;
    if (dtlen < ftlen) {
        lm = hMap(dlt, mlb, 0), ll = dlt, dm = hMap(ddt, mdb, 0), dl = ddt;
        var llm = hMap(lct, mlcb, 0);
        wbits(out, p, nlc - 257);
        wbits(out, p + 5, ndc - 1);
        wbits(out, p + 10, nlcc - 4);
        p += 14;
        for (var i = 0; i < nlcc; ++i)
            wbits(out, p + 3 * i, lct[clim[i]]);
        p += 3 * nlcc;
        var lcts = [lclt, lcdt];
        for (var it = 0; it < 2; ++it) {
            var clct = lcts[it];
            for (var i = 0; i < clct.length; ++i) {
                var len = clct[i] & 31;
                wbits(out, p, llm[len]), p += lct[len];
                if (len > 15)
                    wbits(out, p, (clct[i] >> 5) & 127), p += clct[i] >> 12;
            }
        }
    }
    else {
        lm = flm, ll = flt, dm = fdm, dl = fdt;
    }
    for (var i = 0; i < li; ++i) {
        var sym = syms[i];
        if (sym > 255) {
            var len = (sym >> 18) & 31;
            wbits16(out, p, lm[len + 257]), p += ll[len + 257];
            if (len > 7)
                wbits(out, p, (sym >> 23) & 31), p += fleb[len];
            var dst = sym & 31;
            wbits16(out, p, dm[dst]), p += dl[dst];
            if (dst > 3)
                wbits16(out, p, (sym >> 5) & 8191), p += fdeb[dst];
        }
        else {
            wbits16(out, p, lm[sym]), p += ll[sym];
        }
    }
    wbits16(out, p, lm[256]);
    return p + ll[256];
};
// deflate options (nice << 13) | chain
var deo = /*#__PURE__*/ new i32([65540, 131080, 131088, 131104, 262176, 1048704, 1048832, 2114560, 2117632]);
// empty
var et = /*#__PURE__*/ new u8(0);
// compresses data into a raw DEFLATE buffer
var dflt = function (dat, lvl, plvl, pre, post, st) {
    var s = st.z || dat.length;
    var o = new u8(pre + s + 5 * (1 + Math.ceil(s / 7000)) + post);
    // writing to this writes to the output buffer
    var w = o.subarray(pre, o.length - post);
    var lst = st.l;
    var pos = (st.r || 0) & 7;
    if (lvl) {
        if (pos)
            w[0] = st.r >> 3;
        var opt = deo[lvl - 1];
        var n = opt >> 13, c = opt & 8191;
        var msk_1 = (1 << plvl) - 1;
        //    prev 2-byte val map    curr 2-byte val map
        var prev = st.p || new u16(32768), head = st.h || new u16(msk_1 + 1);
        var bs1_1 = Math.ceil(plvl / 3), bs2_1 = 2 * bs1_1;
        var hsh = function (i) { return (dat[i] ^ (dat[i + 1] << bs1_1) ^ (dat[i + 2] << bs2_1)) & msk_1; };
        // 24576 is an arbitrary number of maximum symbols per block
        // 424 buffer for last block
        var syms = new i32(25000);
        // length/literal freq   distance freq
        var lf = new u16(288), df = new u16(32);
        //  l/lcnt  exbits  index          l/lind  waitdx          blkpos
        var lc_1 = 0, eb = 0, i = st.i || 0, li = 0, wi = st.w || 0, bs = 0;
        for (; i + 2 < s; ++i) {
            // hash value
            var hv = hsh(i);
            // index mod 32768    previous index mod
            var imod = i & 32767, pimod = head[hv];
            prev[imod] = pimod;
            head[hv] = imod;
            // We always should modify head and prev, but only add symbols if
            // this data is not yet processed ("wait" for wait index)
            if (wi <= i) {
                // bytes remaining
                var rem = s - i;
                if ((lc_1 > 7000 || li > 24576) && (rem > 423 || !lst)) {
                    pos = wblk(dat, w, 0, syms, lf, df, eb, li, bs, i - bs, pos);
                    li = lc_1 = eb = 0, bs = i;
                    for (var j = 0; j < 286; ++j)
                        lf[j] = 0;
                    for (var j = 0; j < 30; ++j)
                        df[j] = 0;
                }
                //  len    dist   chain
                var l = 2, d = 0, ch_1 = c, dif = imod - pimod & 32767;
                if (rem > 2 && hv == hsh(i - dif)) {
                    var maxn = Math.min(n, rem) - 1;
                    var maxd = Math.min(32767, i);
                    // max possible length
                    // not capped at dif because decompressors implement "rolling" index population
                    var ml = Math.min(258, rem);
                    while (dif <= maxd && --ch_1 && imod != pimod) {
                        if (dat[i + l] == dat[i + l - dif]) {
                            var nl = 0;
                            for (; nl < ml && dat[i + nl] == dat[i + nl - dif]; ++nl)
                                ;
                            if (nl > l) {
                                l = nl, d = dif;
                                // break out early when we reach "nice" (we are satisfied enough)
                                if (nl > maxn)
                                    break;
                                // now, find the rarest 2-byte sequence within this
                                // length of literals and search for that instead.
                                // Much faster than just using the start
                                var mmd = Math.min(dif, nl - 2);
                                var md = 0;
                                for (var j = 0; j < mmd; ++j) {
                                    var ti = i - dif + j & 32767;
                                    var pti = prev[ti];
                                    var cd = ti - pti & 32767;
                                    if (cd > md)
                                        md = cd, pimod = ti;
                                }
                            }
                        }
                        // check the previous match
                        imod = pimod, pimod = prev[imod];
                        dif += imod - pimod & 32767;
                    }
                }
                // d will be nonzero only when a match was found
                if (d) {
                    // store both dist and len data in one int32
                    // Make sure this is recognized as a len/dist with 28th bit (2^28)
                    syms[li++] = 268435456 | (revfl[l] << 18) | revfd[d];
                    var lin = revfl[l] & 31, din = revfd[d] & 31;
                    eb += fleb[lin] + fdeb[din];
                    ++lf[257 + lin];
                    ++df[din];
                    wi = i + l;
                    ++lc_1;
                }
                else {
                    syms[li++] = dat[i];
                    ++lf[dat[i]];
                }
            }
        }
        for (i = Math.max(i, wi); i < s; ++i) {
            syms[li++] = dat[i];
            ++lf[dat[i]];
        }
        pos = wblk(dat, w, lst, syms, lf, df, eb, li, bs, i - bs, pos);
        if (!lst) {
            st.r = (pos & 7) | w[(pos / 8) | 0] << 3;
            // shft(pos) now 1 less if pos & 7 != 0
            pos -= 7;
            st.h = head, st.p = prev, st.i = i, st.w = wi;
        }
    }
    else {
        for (var i = st.w || 0; i < s + lst; i += 65535) {
            // end
            var e = i + 65535;
            if (e >= s) {
                // write final block
                w[(pos / 8) | 0] = lst;
                e = s;
            }
            pos = wfblk(w, pos + 1, dat.subarray(i, e));
        }
        st.i = s;
    }
    return slc(o, 0, pre + shft(pos) + post);
};
// CRC32 table
var crct = /*#__PURE__*/ (/* unused pure expression or super */ null && ((function () {
    var t = new Int32Array(256);
    for (var i = 0; i < 256; ++i) {
        var c = i, k = 9;
        while (--k)
            c = ((c & 1) && -306674912) ^ (c >>> 1);
        t[i] = c;
    }
    return t;
})()));
// CRC32
var crc = function () {
    var c = -1;
    return {
        p: function (d) {
            // closures have awful performance
            var cr = c;
            for (var i = 0; i < d.length; ++i)
                cr = crct[(cr & 255) ^ d[i]] ^ (cr >>> 8);
            c = cr;
        },
        d: function () { return ~c; }
    };
};
// Adler32
var adler = function () {
    var a = 1, b = 0;
    return {
        p: function (d) {
            // closures have awful performance
            var n = a, m = b;
            var l = d.length | 0;
            for (var i = 0; i != l;) {
                var e = Math.min(i + 2655, l);
                for (; i < e; ++i)
                    m += n += d[i];
                n = (n & 65535) + 15 * (n >> 16), m = (m & 65535) + 15 * (m >> 16);
            }
            a = n, b = m;
        },
        d: function () {
            a %= 65521, b %= 65521;
            return (a & 255) << 24 | (a & 0xFF00) << 8 | (b & 255) << 8 | (b >> 8);
        }
    };
};
;
// deflate with opts
var dopt = function (dat, opt, pre, post, st) {
    if (!st) {
        st = { l: 1 };
        if (opt.dictionary) {
            var dict = opt.dictionary.subarray(-32768);
            var newDat = new u8(dict.length + dat.length);
            newDat.set(dict);
            newDat.set(dat, dict.length);
            dat = newDat;
            st.w = dict.length;
        }
    }
    return dflt(dat, opt.level == null ? 6 : opt.level, opt.mem == null ? (st.l ? Math.ceil(Math.max(8, Math.min(13, Math.log(dat.length))) * 1.5) : 20) : (12 + opt.mem), pre, post, st);
};
// Walmart object spread
var mrg = function (a, b) {
    var o = {};
    for (var k in a)
        o[k] = a[k];
    for (var k in b)
        o[k] = b[k];
    return o;
};
// worker clone
// This is possibly the craziest part of the entire codebase, despite how simple it may seem.
// The only parameter to this function is a closure that returns an array of variables outside of the function scope.
// We're going to try to figure out the variable names used in the closure as strings because that is crucial for workerization.
// We will return an object mapping of true variable name to value (basically, the current scope as a JS object).
// The reason we can't just use the original variable names is minifiers mangling the toplevel scope.
// This took me three weeks to figure out how to do.
var wcln = function (fn, fnStr, td) {
    var dt = fn();
    var st = fn.toString();
    var ks = st.slice(st.indexOf('[') + 1, st.lastIndexOf(']')).replace(/\s+/g, '').split(',');
    for (var i = 0; i < dt.length; ++i) {
        var v = dt[i], k = ks[i];
        if (typeof v == 'function') {
            fnStr += ';' + k + '=';
            var st_1 = v.toString();
            if (v.prototype) {
                // for global objects
                if (st_1.indexOf('[native code]') != -1) {
                    var spInd = st_1.indexOf(' ', 8) + 1;
                    fnStr += st_1.slice(spInd, st_1.indexOf('(', spInd));
                }
                else {
                    fnStr += st_1;
                    for (var t in v.prototype)
                        fnStr += ';' + k + '.prototype.' + t + '=' + v.prototype[t].toString();
                }
            }
            else
                fnStr += st_1;
        }
        else
            td[k] = v;
    }
    return fnStr;
};
var ch = (/* unused pure expression or super */ null && ([]));
// clone bufs
var cbfs = function (v) {
    var tl = [];
    for (var k in v) {
        if (v[k].buffer) {
            tl.push((v[k] = new v[k].constructor(v[k])).buffer);
        }
    }
    return tl;
};
// use a worker to execute code
var wrkr = function (fns, init, id, cb) {
    if (!ch[id]) {
        var fnStr = '', td_1 = {}, m = fns.length - 1;
        for (var i = 0; i < m; ++i)
            fnStr = wcln(fns[i], fnStr, td_1);
        ch[id] = { c: wcln(fns[m], fnStr, td_1), e: td_1 };
    }
    var td = mrg({}, ch[id].e);
    return wk(ch[id].c + ';onmessage=function(e){for(var k in e.data)self[k]=e.data[k];onmessage=' + init.toString() + '}', id, td, cbfs(td), cb);
};
// base async inflate fn
var bInflt = function () { return [u8, u16, i32, fleb, fdeb, clim, fl, fd, flrm, fdrm, rev, ec, hMap, max, bits, bits16, shft, slc, err, inflt, inflateSync, pbf, gopt]; };
var bDflt = function () { return [u8, u16, i32, fleb, fdeb, clim, revfl, revfd, flm, flt, fdm, fdt, rev, deo, et, hMap, wbits, wbits16, hTree, ln, lc, clen, wfblk, wblk, shft, slc, dflt, dopt, deflateSync, pbf]; };
// gzip extra
var gze = function () { return [gzh, gzhl, wbytes, crc, crct]; };
// gunzip extra
var guze = function () { return [gzs, gzl]; };
// zlib extra
var zle = function () { return [zlh, wbytes, adler]; };
// unzlib extra
var zule = function () { return [zls]; };
// post buf
var pbf = function (msg) { return postMessage(msg, [msg.buffer]); };
// get opts
var gopt = function (o) { return o && {
    out: o.size && new u8(o.size),
    dictionary: o.dictionary
}; };
// async helper
var cbify = function (dat, opts, fns, init, id, cb) {
    var w = wrkr(fns, init, id, function (err, dat) {
        w.terminate();
        cb(err, dat);
    });
    w.postMessage([dat, opts], opts.consume ? [dat.buffer] : []);
    return function () { w.terminate(); };
};
// auto stream
var astrm = function (strm) {
    strm.ondata = function (dat, final) { return postMessage([dat, final], [dat.buffer]); };
    return function (ev) {
        if (ev.data[0]) {
            strm.push(ev.data[0], ev.data[1]);
            postMessage([ev.data[0].length]);
        }
        else
            strm.flush(ev.data[1]);
    };
};
// async stream attach
var astrmify = function (fns, strm, opts, init, id, flush, ext) {
    var t;
    var w = wrkr(fns, init, id, function (err, dat) {
        if (err)
            w.terminate(), strm.ondata.call(strm, err);
        else if (!Array.isArray(dat))
            ext(dat);
        else if (dat.length == 1) {
            strm.queuedSize -= dat[0];
            if (strm.ondrain)
                strm.ondrain(dat[0]);
        }
        else {
            if (dat[1])
                w.terminate();
            strm.ondata.call(strm, err, dat[0], dat[1]);
        }
    });
    w.postMessage(opts);
    strm.queuedSize = 0;
    strm.push = function (d, f) {
        if (!strm.ondata)
            err(5);
        if (t)
            strm.ondata(err(4, 0, 1), null, !!f);
        strm.queuedSize += d.length;
        // can fail for cross-realm Uint8Array, but ok - only a small performance penalty
        w.postMessage([d, t = f], d.buffer instanceof ArrayBuffer ? [d.buffer] : []);
    };
    strm.terminate = function () { w.terminate(); };
    if (flush) {
        strm.flush = function (sync) { w.postMessage([0, sync]); };
    }
};
// read 2 bytes
var b2 = function (d, b) { return d[b] | (d[b + 1] << 8); };
// read 4 bytes
var b4 = function (d, b) { return (d[b] | (d[b + 1] << 8) | (d[b + 2] << 16) | (d[b + 3] << 24)) >>> 0; };
// read 8 bytes
var b8 = function (d, b) { return b4(d, b) + (b4(d, b + 4) * 4294967296); };
// write bytes
var wbytes = function (d, b, v) {
    for (; v; ++b)
        d[b] = v, v >>>= 8;
};
// gzip header
var gzh = function (c, o) {
    var fn = o.filename;
    c[0] = 31, c[1] = 139, c[2] = 8, c[8] = o.level < 2 ? 4 : o.level == 9 ? 2 : 0, c[9] = 3; // assume Unix
    if (o.mtime != 0)
        wbytes(c, 4, Math.floor(new Date(o.mtime || Date.now()) / 1000));
    if (fn) {
        c[3] = 8;
        for (var i = 0; i <= fn.length; ++i)
            c[i + 10] = fn.charCodeAt(i);
    }
};
// gzip footer: -8 to -4 = CRC, -4 to -0 is length
// gzip start
var gzs = function (d) {
    if (d[0] != 31 || d[1] != 139 || d[2] != 8)
        err(6, 'invalid gzip data');
    var flg = d[3];
    var st = 10;
    if (flg & 4)
        st += (d[10] | d[11] << 8) + 2;
    for (var zs = (flg >> 3 & 1) + (flg >> 4 & 1); zs > 0; zs -= !d[st++])
        ;
    return st + (flg & 2);
};
// gzip length
var gzl = function (d) {
    var l = d.length;
    return (d[l - 4] | d[l - 3] << 8 | d[l - 2] << 16 | d[l - 1] << 24) >>> 0;
};
// gzip header length
var gzhl = function (o) { return 10 + (o.filename ? o.filename.length + 1 : 0); };
// zlib header
var zlh = function (c, o) {
    var lv = o.level, fl = lv == 0 ? 0 : lv < 6 ? 1 : lv == 9 ? 3 : 2;
    c[0] = 120, c[1] = (fl << 6) | (o.dictionary && 32);
    c[1] |= 31 - ((c[0] << 8) | c[1]) % 31;
    if (o.dictionary) {
        var h = adler();
        h.p(o.dictionary);
        wbytes(c, 2, h.d());
    }
};
// zlib start
var zls = function (d, dict) {
    if ((d[0] & 15) != 8 || (d[0] >> 4) > 7 || ((d[0] << 8 | d[1]) % 31))
        err(6, 'invalid zlib data');
    if ((d[1] >> 5 & 1) == +!dict)
        err(6, 'invalid zlib data: ' + (d[1] & 32 ? 'need' : 'unexpected') + ' dictionary');
    return (d[1] >> 3 & 4) + 2;
};
function StrmOpt(opts, cb) {
    if (typeof opts == 'function')
        cb = opts, opts = {};
    this.ondata = cb;
    return opts;
}
/**
 * Streaming DEFLATE compression
 */
var Deflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Deflate(opts, cb) {
        if (typeof opts == 'function')
            cb = opts, opts = {};
        this.ondata = cb;
        this.o = opts || {};
        this.s = { l: 0, i: 32768, w: 32768, z: 32768 };
        // Buffer length must always be 0 mod 32768 for index calculations to be correct when modifying head and prev
        // 98304 = 32768 (lookback) + 65536 (common chunk size)
        this.b = new u8(98304);
        if (this.o.dictionary) {
            var dict = this.o.dictionary.subarray(-32768);
            this.b.set(dict, 32768 - dict.length);
            this.s.i = 32768 - dict.length;
        }
    }
    Deflate.prototype.p = function (c, f) {
        this.ondata(dopt(c, this.o, 0, 0, this.s), f);
    };
    /**
     * Pushes a chunk to be deflated
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Deflate.prototype.push = function (chunk, final) {
        if (!this.ondata)
            err(5);
        if (this.s.l)
            err(4);
        var endLen = chunk.length + this.s.z;
        if (endLen > this.b.length) {
            if (endLen > 2 * this.b.length - 32768) {
                var newBuf = new u8(endLen & -32768);
                newBuf.set(this.b.subarray(0, this.s.z));
                this.b = newBuf;
            }
            var split = this.b.length - this.s.z;
            this.b.set(chunk.subarray(0, split), this.s.z);
            this.s.z = this.b.length;
            this.p(this.b, false);
            this.b.set(this.b.subarray(-32768));
            this.b.set(chunk.subarray(split), 32768);
            this.s.z = chunk.length - split + 32768;
            this.s.i = 32766, this.s.w = 32768;
        }
        else {
            this.b.set(chunk, this.s.z);
            this.s.z += chunk.length;
        }
        this.s.l = final & 1;
        if (this.s.z > this.s.w + 8191 || final) {
            this.p(this.b, final || false);
            this.s.w = this.s.i, this.s.i -= 2;
        }
        if (final) {
            // cleanup unneeded buffers/state to reduce memory usage
            this.s = this.o = {};
            this.b = et;
        }
    };
    /**
     * Flushes buffered uncompressed data. Useful to immediately retrieve the
     * deflated output for small inputs.
     * @param sync Whether to flush to a byte boundary. A sync flush takes 4-5
     *             extra bytes, but guarantees all pushed data is immediately
     *             decompressible. A separate DEFLATE stream may be concatenated
     *             with the current output after a sync flush.
     */
    Deflate.prototype.flush = function (sync) {
        if (!this.ondata)
            err(5);
        if (this.s.l)
            err(4);
        this.p(this.b, false);
        this.s.w = this.s.i, this.s.i -= 2;
        // could technically skip writing the type-0 block for (this.s.r & 7) == 0,
        // but the deterministic trailer (00 00 FF FF) is useful in some situations
        if (sync) {
            var c = new u8(6);
            c[0] = this.s.r >> 3;
            // write empty, non-final type-0 block
            var ep = wfblk(c, this.s.r, et);
            this.s.r = 0;
            this.ondata(c.subarray(0, ep >> 3), false);
        }
    };
    return Deflate;
}())));

/**
 * Asynchronous streaming DEFLATE compression
 */
var AsyncDeflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncDeflate(opts, cb) {
        astrmify([
            bDflt,
            function () { return [astrm, Deflate]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Deflate(ev.data);
            onmessage = astrm(strm);
        }, 6, 1);
    }
    return AsyncDeflate;
}())));

function deflate(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bDflt,
    ], function (ev) { return pbf(deflateSync(ev.data[0], ev.data[1])); }, 0, cb);
}
/**
 * Compresses data with DEFLATE without any wrapper
 * @param data The data to compress
 * @param opts The compression options
 * @returns The deflated version of the data
 */
function deflateSync(data, opts) {
    return dopt(data, opts || {}, 0, 0);
}
/**
 * Streaming DEFLATE decompression
 */
var Inflate = /*#__PURE__*/ (function () {
    function Inflate(opts, cb) {
        // no StrmOpt here to avoid adding to workerizer
        if (typeof opts == 'function')
            cb = opts, opts = {};
        this.ondata = cb;
        var dict = opts && opts.dictionary && opts.dictionary.subarray(-32768);
        this.s = { i: 0, b: dict ? dict.length : 0 };
        this.o = new u8(32768);
        this.p = new u8(0);
        if (dict)
            this.o.set(dict);
    }
    Inflate.prototype.e = function (c) {
        if (!this.ondata)
            err(5);
        if (this.d)
            err(4);
        if (!this.p.length)
            this.p = c;
        else if (c.length) {
            var n = new u8(this.p.length + c.length);
            n.set(this.p), n.set(c, this.p.length), this.p = n;
        }
    };
    Inflate.prototype.c = function (final) {
        this.s.i = +(this.d = final || false);
        var bts = this.s.b;
        var dt = inflt(this.p, this.s, this.o);
        this.ondata(slc(dt, bts, this.s.b), this.d);
        this.o = slc(dt, this.s.b - 32768), this.s.b = this.o.length;
        this.p = slc(this.p, (this.s.p / 8) | 0), this.s.p &= 7;
    };
    /**
     * Pushes a chunk to be inflated
     * @param chunk The chunk to push
     * @param final Whether this is the final chunk
     */
    Inflate.prototype.push = function (chunk, final) {
        this.e(chunk), this.c(final);
    };
    return Inflate;
}());

/**
 * Asynchronous streaming DEFLATE decompression
 */
var AsyncInflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncInflate(opts, cb) {
        astrmify([
            bInflt,
            function () { return [astrm, Inflate]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Inflate(ev.data);
            onmessage = astrm(strm);
        }, 7, 0);
    }
    return AsyncInflate;
}())));

function inflate(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bInflt
    ], function (ev) { return pbf(inflateSync(ev.data[0], gopt(ev.data[1]))); }, 1, cb);
}
function inflateSync(data, opts) {
    return inflt(data, { i: 2 }, opts && opts.out, opts && opts.dictionary);
}
// before you yell at me for not just using extends, my reason is that TS inheritance is hard to workerize.
/**
 * Streaming GZIP compression
 */
var Gzip = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Gzip(opts, cb) {
        this.c = crc();
        this.l = 0;
        this.v = 1;
        Deflate.call(this, opts, cb);
    }
    /**
     * Pushes a chunk to be GZIPped
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Gzip.prototype.push = function (chunk, final) {
        this.c.p(chunk);
        this.l += chunk.length;
        Deflate.prototype.push.call(this, chunk, final);
    };
    Gzip.prototype.p = function (c, f) {
        var raw = dopt(c, this.o, this.v && gzhl(this.o), f && 8, this.s);
        if (this.v)
            gzh(raw, this.o), this.v = 0;
        if (f)
            wbytes(raw, raw.length - 8, this.c.d()), wbytes(raw, raw.length - 4, this.l);
        this.ondata(raw, f);
    };
    /**
     * Flushes buffered uncompressed data. Useful to immediately retrieve the
     * GZIPped output for small inputs.
     * @param sync Whether to flush to a byte boundary. A sync flush takes 4-5
     *             extra bytes, but guarantees all pushed data is immediately
     *             decompressible.
     */
    Gzip.prototype.flush = function (sync) {
        Deflate.prototype.flush.call(this, sync);
    };
    return Gzip;
}())));

/**
 * Asynchronous streaming GZIP compression
 */
var AsyncGzip = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncGzip(opts, cb) {
        astrmify([
            bDflt,
            gze,
            function () { return [astrm, Deflate, Gzip]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Gzip(ev.data);
            onmessage = astrm(strm);
        }, 8, 1);
    }
    return AsyncGzip;
}())));

function gzip(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bDflt,
        gze,
        function () { return [gzipSync]; }
    ], function (ev) { return pbf(gzipSync(ev.data[0], ev.data[1])); }, 2, cb);
}
/**
 * Compresses data with GZIP
 * @param data The data to compress
 * @param opts The compression options
 * @returns The gzipped version of the data
 */
function gzipSync(data, opts) {
    if (!opts)
        opts = {};
    var c = crc(), l = data.length;
    c.p(data);
    var d = dopt(data, opts, gzhl(opts), 8), s = d.length;
    return gzh(d, opts), wbytes(d, s - 8, c.d()), wbytes(d, s - 4, l), d;
}
/**
 * Streaming single or multi-member GZIP decompression
 */
var Gunzip = /*#__PURE__*/ (function () {
    function Gunzip(opts, cb) {
        this.v = 1;
        this.r = 0;
        Inflate.call(this, opts, cb);
    }
    /**
     * Pushes a chunk to be GUNZIPped
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Gunzip.prototype.push = function (chunk, final) {
        Inflate.prototype.e.call(this, chunk);
        this.r += chunk.length;
        if (this.v) {
            var p = this.p.subarray(this.v - 1);
            var s = p.length > 3 ? gzs(p) : 4;
            if (s > p.length) {
                if (!final)
                    return;
            }
            else if (this.v > 1 && this.onmember) {
                this.onmember(this.r - p.length);
            }
            this.p = p.subarray(s), this.v = 0;
        }
        // necessary to prevent TS from using the closure value
        // This allows for workerization to function correctly
        Inflate.prototype.c.call(this, 0);
        // process concatenated GZIP
        if (this.s.f && !this.s.l) {
            this.v = shft(this.s.p) + 9;
            this.s = { i: 0 };
            this.o = new u8(0);
            this.push(new u8(0), final);
        }
        else if (final) {
            Inflate.prototype.c.call(this, final);
        }
    };
    return Gunzip;
}());

/**
 * Asynchronous streaming single or multi-member GZIP decompression
 */
var AsyncGunzip = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncGunzip(opts, cb) {
        var _this = this;
        astrmify([
            bInflt,
            guze,
            function () { return [astrm, Inflate, Gunzip]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Gunzip(ev.data);
            strm.onmember = function (offset) { return postMessage(offset); };
            onmessage = astrm(strm);
        }, 9, 0, function (offset) { return _this.onmember && _this.onmember(offset); });
    }
    return AsyncGunzip;
}())));

function gunzip(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bInflt,
        guze,
        function () { return [gunzipSync]; }
    ], function (ev) { return pbf(gunzipSync(ev.data[0], ev.data[1])); }, 3, cb);
}
function gunzipSync(data, opts) {
    var st = gzs(data);
    if (st + 8 > data.length)
        err(6, 'invalid gzip data');
    return inflt(data.subarray(st, -8), { i: 2 }, opts && opts.out || new u8(gzl(data)), opts && opts.dictionary);
}
/**
 * Streaming Zlib compression
 */
var Zlib = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Zlib(opts, cb) {
        this.c = adler();
        this.v = 1;
        Deflate.call(this, opts, cb);
    }
    /**
     * Pushes a chunk to be zlibbed
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Zlib.prototype.push = function (chunk, final) {
        this.c.p(chunk);
        Deflate.prototype.push.call(this, chunk, final);
    };
    Zlib.prototype.p = function (c, f) {
        var raw = dopt(c, this.o, this.v && (this.o.dictionary ? 6 : 2), f && 4, this.s);
        if (this.v)
            zlh(raw, this.o), this.v = 0;
        if (f)
            wbytes(raw, raw.length - 4, this.c.d());
        this.ondata(raw, f);
    };
    /**
     * Flushes buffered uncompressed data. Useful to immediately retrieve the
     * zlibbed output for small inputs.
     * @param sync Whether to flush to a byte boundary. A sync flush takes 4-5
     *             extra bytes, but guarantees all pushed data is immediately
     *             decompressible.
     */
    Zlib.prototype.flush = function (sync) {
        Deflate.prototype.flush.call(this, sync);
    };
    return Zlib;
}())));

/**
 * Asynchronous streaming Zlib compression
 */
var AsyncZlib = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncZlib(opts, cb) {
        astrmify([
            bDflt,
            zle,
            function () { return [astrm, Deflate, Zlib]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Zlib(ev.data);
            onmessage = astrm(strm);
        }, 10, 1);
    }
    return AsyncZlib;
}())));

function zlib(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bDflt,
        zle,
        function () { return [zlibSync]; }
    ], function (ev) { return pbf(zlibSync(ev.data[0], ev.data[1])); }, 4, cb);
}
/**
 * Compress data with Zlib
 * @param data The data to compress
 * @param opts The compression options
 * @returns The zlib-compressed version of the data
 */
function zlibSync(data, opts) {
    if (!opts)
        opts = {};
    var a = adler();
    a.p(data);
    var d = dopt(data, opts, opts.dictionary ? 6 : 2, 4);
    return zlh(d, opts), wbytes(d, d.length - 4, a.d()), d;
}
/**
 * Streaming Zlib decompression
 */
var Unzlib = /*#__PURE__*/ (function () {
    function Unzlib(opts, cb) {
        Inflate.call(this, opts, cb);
        this.v = opts && opts.dictionary ? 2 : 1;
    }
    /**
     * Pushes a chunk to be unzlibbed
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Unzlib.prototype.push = function (chunk, final) {
        Inflate.prototype.e.call(this, chunk);
        if (this.v) {
            if (this.p.length < 6 && !final)
                return;
            this.p = this.p.subarray(zls(this.p, this.v - 1)), this.v = 0;
        }
        if (final) {
            if (this.p.length < 4)
                err(6, 'invalid zlib data');
            this.p = this.p.subarray(0, -4);
        }
        // necessary to prevent TS from using the closure value
        // This allows for workerization to function correctly
        Inflate.prototype.c.call(this, final);
    };
    return Unzlib;
}());

/**
 * Asynchronous streaming Zlib decompression
 */
var AsyncUnzlib = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncUnzlib(opts, cb) {
        astrmify([
            bInflt,
            zule,
            function () { return [astrm, Inflate, Unzlib]; }
        ], this, StrmOpt.call(this, opts, cb), function (ev) {
            var strm = new Unzlib(ev.data);
            onmessage = astrm(strm);
        }, 11, 0);
    }
    return AsyncUnzlib;
}())));

function unzlib(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return cbify(data, opts, [
        bInflt,
        zule,
        function () { return [unzlibSync]; }
    ], function (ev) { return pbf(unzlibSync(ev.data[0], gopt(ev.data[1]))); }, 5, cb);
}
function unzlibSync(data, opts) {
    return inflt(data.subarray(zls(data, opts && opts.dictionary), -4), { i: 2 }, opts && opts.out, opts && opts.dictionary);
}
// Default algorithm for compression (used because having a known output size allows faster decompression)


/**
 * Streaming GZIP, Zlib, or raw DEFLATE decompression
 */
var Decompress = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function Decompress(opts, cb) {
        this.o = StrmOpt.call(this, opts, cb) || {};
        this.G = Gunzip;
        this.I = Inflate;
        this.Z = Unzlib;
    }
    // init substream
    // overriden by AsyncDecompress
    Decompress.prototype.i = function () {
        var _this = this;
        this.s.ondata = function (dat, final) {
            _this.ondata(dat, final);
        };
    };
    /**
     * Pushes a chunk to be decompressed
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Decompress.prototype.push = function (chunk, final) {
        if (!this.ondata)
            err(5);
        if (!this.s) {
            if (this.p && this.p.length) {
                var n = new u8(this.p.length + chunk.length);
                n.set(this.p), n.set(chunk, this.p.length);
            }
            else
                this.p = chunk;
            if (this.p.length > 2) {
                this.s = (this.p[0] == 31 && this.p[1] == 139 && this.p[2] == 8)
                    ? new this.G(this.o)
                    : ((this.p[0] & 15) != 8 || (this.p[0] >> 4) > 7 || ((this.p[0] << 8 | this.p[1]) % 31))
                        ? new this.I(this.o)
                        : new this.Z(this.o);
                this.i();
                this.s.push(this.p, final);
                this.p = null;
            }
        }
        else
            this.s.push(chunk, final);
    };
    return Decompress;
}())));

/**
 * Asynchronous streaming GZIP, Zlib, or raw DEFLATE decompression
 */
var AsyncDecompress = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function AsyncDecompress(opts, cb) {
        Decompress.call(this, opts, cb);
        this.queuedSize = 0;
        this.G = AsyncGunzip;
        this.I = AsyncInflate;
        this.Z = AsyncUnzlib;
    }
    AsyncDecompress.prototype.i = function () {
        var _this = this;
        this.s.ondata = function (err, dat, final) {
            _this.ondata(err, dat, final);
        };
        this.s.ondrain = function (size) {
            _this.queuedSize -= size;
            if (_this.ondrain)
                _this.ondrain(size);
        };
    };
    /**
     * Pushes a chunk to be decompressed
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    AsyncDecompress.prototype.push = function (chunk, final) {
        this.queuedSize += chunk.length;
        Decompress.prototype.push.call(this, chunk, final);
    };
    return AsyncDecompress;
}())));

function decompress(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    return (data[0] == 31 && data[1] == 139 && data[2] == 8)
        ? gunzip(data, opts, cb)
        : ((data[0] & 15) != 8 || (data[0] >> 4) > 7 || ((data[0] << 8 | data[1]) % 31))
            ? inflate(data, opts, cb)
            : unzlib(data, opts, cb);
}
/**
 * Expands compressed GZIP, Zlib, or raw DEFLATE data, automatically detecting the format
 * @param data The data to decompress
 * @param opts The decompression options
 * @returns The decompressed version of the data
 */
function decompressSync(data, opts) {
    return (data[0] == 31 && data[1] == 139 && data[2] == 8)
        ? gunzipSync(data, opts)
        : ((data[0] & 15) != 8 || (data[0] >> 4) > 7 || ((data[0] << 8 | data[1]) % 31))
            ? inflateSync(data, opts)
            : unzlibSync(data, opts);
}
// flatten a directory structure
var fltn = function (d, p, t, o) {
    for (var k in d) {
        var val = d[k], n = p + k, op = o;
        if (Array.isArray(val))
            op = mrg(o, val[1]), val = val[0];
        if (ArrayBuffer.isView(val))
            t[n] = [val, op];
        else {
            t[n += '/'] = [new u8(0), op];
            fltn(val, n, t, o);
        }
    }
};
// text encoder
var te = typeof TextEncoder != 'undefined' && /*#__PURE__*/ new TextEncoder();
// text decoder
var td = typeof TextDecoder != 'undefined' && /*#__PURE__*/ new TextDecoder();
// text decoder stream
var tds = 0;
try {
    td.decode(et, { stream: true });
    tds = 1;
}
catch (e) { }
// decode UTF8
var dutf8 = function (d) {
    for (var r = '', i = 0;;) {
        var c = d[i++];
        var eb = (c > 127) + (c > 223) + (c > 239);
        if (i + eb > d.length)
            return { s: r, r: slc(d, i - 1) };
        if (!eb)
            r += String.fromCharCode(c);
        else if (eb == 3) {
            c = ((c & 15) << 18 | (d[i++] & 63) << 12 | (d[i++] & 63) << 6 | (d[i++] & 63)) - 65536,
                r += String.fromCharCode(55296 | (c >> 10), 56320 | (c & 1023));
        }
        else if (eb & 1)
            r += String.fromCharCode((c & 31) << 6 | (d[i++] & 63));
        else
            r += String.fromCharCode((c & 15) << 12 | (d[i++] & 63) << 6 | (d[i++] & 63));
    }
};
/**
 * Streaming UTF-8 decoding
 */
var DecodeUTF8 = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a UTF-8 decoding stream
     * @param cb The callback to call whenever data is decoded
     */
    function DecodeUTF8(cb) {
        this.ondata = cb;
        if (tds)
            this.t = new TextDecoder();
        else
            this.p = et;
    }
    /**
     * Pushes a chunk to be decoded from UTF-8 binary
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    DecodeUTF8.prototype.push = function (chunk, final) {
        if (!this.ondata)
            err(5);
        final = !!final;
        if (this.t) {
            this.ondata(this.t.decode(chunk, { stream: true }), final);
            if (final) {
                if (this.t.decode().length)
                    err(8);
                this.t = null;
            }
            return;
        }
        if (!this.p)
            err(4);
        var dat = new u8(this.p.length + chunk.length);
        dat.set(this.p);
        dat.set(chunk, this.p.length);
        var _a = dutf8(dat), s = _a.s, r = _a.r;
        if (final) {
            if (r.length)
                err(8);
            this.p = null;
        }
        else
            this.p = r;
        this.ondata(s, final);
    };
    return DecodeUTF8;
}())));

/**
 * Streaming UTF-8 encoding
 */
var EncodeUTF8 = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a UTF-8 decoding stream
     * @param cb The callback to call whenever data is encoded
     */
    function EncodeUTF8(cb) {
        this.ondata = cb;
    }
    /**
     * Pushes a chunk to be encoded to UTF-8
     * @param chunk The string data to push
     * @param final Whether this is the last chunk
     */
    EncodeUTF8.prototype.push = function (chunk, final) {
        if (!this.ondata)
            err(5);
        if (this.d)
            err(4);
        this.ondata(strToU8(chunk), this.d = final || false);
    };
    return EncodeUTF8;
}())));

/**
 * Converts a string into a Uint8Array for use with compression/decompression methods
 * @param str The string to encode
 * @param latin1 Whether or not to interpret the data as Latin-1. This should
 *               not need to be true unless decoding a binary string.
 * @returns The string encoded in UTF-8/Latin-1 binary
 */
function strToU8(str, latin1) {
    if (latin1) {
        var ar_1 = new u8(str.length);
        for (var i = 0; i < str.length; ++i)
            ar_1[i] = str.charCodeAt(i);
        return ar_1;
    }
    if (te)
        return te.encode(str);
    var l = str.length;
    var ar = new u8(str.length + (str.length >> 1));
    var ai = 0;
    var w = function (v) { ar[ai++] = v; };
    for (var i = 0; i < l; ++i) {
        if (ai + 5 > ar.length) {
            var n = new u8(ai + 8 + ((l - i) << 1));
            n.set(ar);
            ar = n;
        }
        var c = str.charCodeAt(i);
        if (c < 128 || latin1)
            w(c);
        else if (c < 2048)
            w(192 | (c >> 6)), w(128 | (c & 63));
        else if (c > 55295 && c < 57344)
            c = 65536 + (c & 1023 << 10) | (str.charCodeAt(++i) & 1023),
                w(240 | (c >> 18)), w(128 | ((c >> 12) & 63)), w(128 | ((c >> 6) & 63)), w(128 | (c & 63));
        else
            w(224 | (c >> 12)), w(128 | ((c >> 6) & 63)), w(128 | (c & 63));
    }
    return slc(ar, 0, ai);
}
/**
 * Converts a Uint8Array to a string
 * @param dat The data to decode to string
 * @param latin1 Whether or not to interpret the data as Latin-1. This should
 *               not need to be true unless encoding to binary string.
 * @returns The original UTF-8/Latin-1 string
 */
function strFromU8(dat, latin1) {
    if (latin1) {
        var r = '';
        for (var i = 0; i < dat.length; i += 16384)
            r += String.fromCharCode.apply(null, dat.subarray(i, i + 16384));
        return r;
    }
    else if (td) {
        return td.decode(dat);
    }
    else {
        var _a = dutf8(dat), s = _a.s, r = _a.r;
        if (r.length)
            err(8);
        return s;
    }
}
;
// deflate bit flag
var dbf = function (l) { return l == 1 ? 3 : l < 6 ? 2 : l == 9 ? 1 : 0; };
// skip local zip header
var slzh = function (d, b) { return b + 30 + b2(d, b + 26) + b2(d, b + 28); };
// read zip header
var zh = function (d, b, z) {
    var fnl = b2(d, b + 28), efl = b2(d, b + 30), fn = strFromU8(d.subarray(b + 46, b + 46 + fnl), !(b2(d, b + 8) & 2048)), es = b + 46 + fnl;
    var _a = z64hs(d, es, efl, z, b4(d, b + 20), b4(d, b + 24), b4(d, b + 42)), sc = _a[0], su = _a[1], off = _a[2];
    return [b2(d, b + 10), sc, su, fn, es + efl + b2(d, b + 32), off];
};
// read zip64 header sizes
var z64hs = function (d, b, l, z, sc, su, off) {
    var nsc = sc == 4294967295, nsu = su == 4294967295, noff = off == 4294967295, e = b + l;
    var nf = nsc + nsu + noff;
    if (z && nf) {
        for (; b + 4 < e; b += 4 + b2(d, b + 2)) {
            if (b2(d, b) == 1) {
                return [
                    nsc ? b8(d, b + 4 + 8 * nsu) : sc,
                    nsu ? b8(d, b + 4) : su,
                    noff ? b8(d, b + 4 + 8 * (nsu + nsc)) : off,
                    1
                ];
            }
        }
        // z == 2 for unknown whether or not zip64
        if (z < 2)
            err(13);
    }
    return [sc, su, off, 0];
};
// extra field length
var exfl = function (ex) {
    var le = 0;
    if (ex) {
        for (var k in ex) {
            var l = ex[k].length;
            if (l > 65535)
                err(9);
            le += l + 4;
        }
    }
    return le;
};
// write zip header
var wzh = function (d, b, f, fn, u, c, ce, co) {
    var fl = fn.length, ex = f.extra, col = co && co.length;
    var exl = exfl(ex);
    wbytes(d, b, ce != null ? 0x2014B50 : 0x4034B50), b += 4;
    if (ce != null)
        d[b++] = 20, d[b++] = f.os;
    d[b] = 20, b += 2; // spec compliance? what's that?
    d[b++] = (f.flag << 1) | (c < 0 && 8), d[b++] = u && 8;
    d[b++] = f.compression & 255, d[b++] = f.compression >> 8;
    var dt = new Date(f.mtime == null ? Date.now() : f.mtime), y = dt.getFullYear() - 1980;
    if (y < 0 || y > 119)
        err(10);
    wbytes(d, b, (y << 25) | ((dt.getMonth() + 1) << 21) | (dt.getDate() << 16) | (dt.getHours() << 11) | (dt.getMinutes() << 5) | (dt.getSeconds() >> 1)), b += 4;
    if (c != -1) {
        wbytes(d, b, f.crc);
        wbytes(d, b + 4, c < 0 ? -c - 2 : c);
        wbytes(d, b + 8, f.size);
    }
    wbytes(d, b + 12, fl);
    wbytes(d, b + 14, exl), b += 16;
    if (ce != null) {
        wbytes(d, b, col);
        wbytes(d, b + 6, f.attrs);
        wbytes(d, b + 10, ce), b += 14;
    }
    d.set(fn, b);
    b += fl;
    if (exl) {
        for (var k in ex) {
            var exf = ex[k], l = exf.length;
            wbytes(d, b, +k);
            wbytes(d, b + 2, l);
            d.set(exf, b + 4), b += 4 + l;
        }
    }
    if (col)
        d.set(co, b), b += col;
    return b;
};
// write zip footer (end of central directory)
var wzf = function (o, b, c, d, e) {
    wbytes(o, b, 0x6054B50); // skip disk
    wbytes(o, b + 8, c);
    wbytes(o, b + 10, c);
    wbytes(o, b + 12, d);
    wbytes(o, b + 16, e);
};
/**
 * A pass-through stream to keep data uncompressed in a ZIP archive.
 */
var ZipPassThrough = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a pass-through stream that can be added to ZIP archives
     * @param filename The filename to associate with this data stream
     */
    function ZipPassThrough(filename) {
        this.filename = filename;
        this.c = crc();
        this.size = 0;
        this.compression = 0;
    }
    /**
     * Processes a chunk and pushes to the output stream. You can override this
     * method in a subclass for custom behavior, but by default this passes
     * the data through. You must call this.ondata(err, chunk, final) at some
     * point in this method.
     * @param chunk The chunk to process
     * @param final Whether this is the last chunk
     */
    ZipPassThrough.prototype.process = function (chunk, final) {
        this.ondata(null, chunk, final);
    };
    /**
     * Pushes a chunk to be added. If you are subclassing this with a custom
     * compression algorithm, note that you must push data from the source
     * file only, pre-compression.
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    ZipPassThrough.prototype.push = function (chunk, final) {
        if (!this.ondata)
            err(5);
        this.c.p(chunk);
        this.size += chunk.length;
        if (final)
            this.crc = this.c.d();
        // we shouldn't really do this cast, but properly handling ArrayBufferLike
        // makes the API unergonomic with Buffer
        this.process(chunk, final || false);
    };
    return ZipPassThrough;
}())));

// I don't extend because TypeScript extension adds 1kB of runtime bloat
/**
 * Streaming DEFLATE compression for ZIP archives. Prefer using AsyncZipDeflate
 * for better performance
 */
var ZipDeflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a DEFLATE stream that can be added to ZIP archives
     * @param filename The filename to associate with this data stream
     * @param opts The compression options
     */
    function ZipDeflate(filename, opts) {
        var _this = this;
        if (!opts)
            opts = {};
        ZipPassThrough.call(this, filename);
        this.d = new Deflate(opts, function (dat, final) {
            _this.ondata(null, dat, final);
        });
        this.compression = 8;
        this.flag = dbf(opts.level);
    }
    ZipDeflate.prototype.process = function (chunk, final) {
        try {
            this.d.push(chunk, final);
        }
        catch (e) {
            this.ondata(e, null, final);
        }
    };
    /**
     * Pushes a chunk to be deflated
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    ZipDeflate.prototype.push = function (chunk, final) {
        ZipPassThrough.prototype.push.call(this, chunk, final);
    };
    return ZipDeflate;
}())));

/**
 * Asynchronous streaming DEFLATE compression for ZIP archives
 */
var AsyncZipDeflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates an asynchronous DEFLATE stream that can be added to ZIP archives
     * @param filename The filename to associate with this data stream
     * @param opts The compression options
     */
    function AsyncZipDeflate(filename, opts) {
        var _this = this;
        if (!opts)
            opts = {};
        ZipPassThrough.call(this, filename);
        this.d = new AsyncDeflate(opts, function (err, dat, final) {
            _this.ondata(err, dat, final);
        });
        this.compression = 8;
        this.flag = dbf(opts.level);
        this.terminate = this.d.terminate;
    }
    AsyncZipDeflate.prototype.process = function (chunk, final) {
        this.d.push(chunk, final);
    };
    /**
     * Pushes a chunk to be deflated
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    AsyncZipDeflate.prototype.push = function (chunk, final) {
        ZipPassThrough.prototype.push.call(this, chunk, final);
    };
    return AsyncZipDeflate;
}())));

// TODO: Better tree shaking
/**
 * A zippable archive to which files can incrementally be added
 */
var Zip = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates an empty ZIP archive to which files can be added
     * @param cb The callback to call whenever data for the generated ZIP archive
     *           is available
     */
    function Zip(cb) {
        this.ondata = cb;
        this.u = [];
        this.d = 1;
    }
    /**
     * Adds a file to the ZIP archive
     * @param file The file stream to add
     */
    Zip.prototype.add = function (file) {
        var _this = this;
        if (!this.ondata)
            err(5);
        // finishing or finished
        if (this.d & 2)
            this.ondata(err(4 + (this.d & 1) * 8, 0, 1), null, false);
        else {
            var f = strToU8(file.filename), fl_1 = f.length;
            var com = file.comment, o = com && strToU8(com);
            var u = fl_1 != file.filename.length || (o && (com.length != o.length));
            var hl_1 = fl_1 + exfl(file.extra) + 30;
            if (fl_1 > 65535)
                this.ondata(err(11, 0, 1), null, false);
            var header = new u8(hl_1);
            wzh(header, 0, file, f, u, -1);
            var chks_1 = [header];
            var pAll_1 = function () {
                for (var _i = 0, chks_2 = chks_1; _i < chks_2.length; _i++) {
                    var chk = chks_2[_i];
                    _this.ondata(null, chk, false);
                }
                chks_1 = [];
            };
            var tr_1 = this.d;
            this.d = 0;
            var ind_1 = this.u.length;
            var uf_1 = mrg(file, {
                f: f,
                u: u,
                o: o,
                t: function () {
                    if (file.terminate)
                        file.terminate();
                },
                r: function () {
                    pAll_1();
                    if (tr_1) {
                        var nxt = _this.u[ind_1 + 1];
                        if (nxt)
                            nxt.r();
                        else
                            _this.d = 1;
                    }
                    tr_1 = 1;
                }
            });
            var cl_1 = 0;
            file.ondata = function (err, dat, final) {
                if (err) {
                    _this.ondata(err, dat, final);
                    _this.terminate();
                }
                else {
                    cl_1 += dat.length;
                    chks_1.push(dat);
                    if (final) {
                        var dd = new u8(16);
                        wbytes(dd, 0, 0x8074B50);
                        wbytes(dd, 4, file.crc);
                        wbytes(dd, 8, cl_1);
                        wbytes(dd, 12, file.size);
                        chks_1.push(dd);
                        uf_1.c = cl_1, uf_1.b = hl_1 + cl_1 + 16, uf_1.crc = file.crc, uf_1.size = file.size;
                        if (tr_1)
                            uf_1.r();
                        tr_1 = 1;
                    }
                    else if (tr_1)
                        pAll_1();
                }
            };
            this.u.push(uf_1);
        }
    };
    /**
     * Ends the process of adding files and prepares to emit the final chunks.
     * This *must* be called after adding all desired files for the resulting
     * ZIP file to work properly.
     */
    Zip.prototype.end = function () {
        var _this = this;
        if (this.d & 2) {
            this.ondata(err(4 + (this.d & 1) * 8, 0, 1), null, true);
            return;
        }
        if (this.d)
            this.e();
        else
            this.u.push({
                r: function () {
                    if (!(_this.d & 1))
                        return;
                    _this.u.splice(-1, 1);
                    _this.e();
                },
                t: function () { }
            });
        this.d = 3;
    };
    Zip.prototype.e = function () {
        var bt = 0, l = 0, tl = 0;
        for (var _i = 0, _a = this.u; _i < _a.length; _i++) {
            var f = _a[_i];
            tl += 46 + f.f.length + exfl(f.extra) + (f.o ? f.o.length : 0);
        }
        var out = new u8(tl + 22);
        for (var _b = 0, _c = this.u; _b < _c.length; _b++) {
            var f = _c[_b];
            wzh(out, bt, f, f.f, f.u, -f.c - 2, l, f.o);
            bt += 46 + f.f.length + exfl(f.extra) + (f.o ? f.o.length : 0), l += f.b;
        }
        wzf(out, bt, this.u.length, tl, l);
        this.ondata(null, out, true);
        this.d = 2;
    };
    /**
     * A method to terminate any internal workers used by the stream. Subsequent
     * calls to add() will fail.
     */
    Zip.prototype.terminate = function () {
        for (var _i = 0, _a = this.u; _i < _a.length; _i++) {
            var f = _a[_i];
            f.t();
        }
        this.d = 2;
    };
    return Zip;
}())));

function zip(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    var r = {};
    fltn(data, '', r, opts);
    var k = Object.keys(r);
    var lft = k.length, o = 0, tot = 0;
    var slft = lft, files = new Array(lft);
    var term = [];
    var tAll = function () {
        for (var i = 0; i < term.length; ++i)
            term[i]();
    };
    var cbd = function (a, b) {
        mt(function () { cb(a, b); });
    };
    mt(function () { cbd = cb; });
    var cbf = function () {
        var out = new u8(tot + 22), oe = o, cdl = tot - o;
        tot = 0;
        for (var i = 0; i < slft; ++i) {
            var f = files[i];
            try {
                var l = f.c.length;
                wzh(out, tot, f, f.f, f.u, l);
                var badd = 30 + f.f.length + exfl(f.extra);
                var loc = tot + badd;
                out.set(f.c, loc);
                wzh(out, o, f, f.f, f.u, l, tot, f.m), o += 16 + badd + (f.m ? f.m.length : 0), tot = loc + l;
            }
            catch (e) {
                return cbd(e, null);
            }
        }
        wzf(out, o, files.length, cdl, oe);
        cbd(null, out);
    };
    if (!lft)
        cbf();
    var _loop_1 = function (i) {
        var fn = k[i];
        var _a = r[fn], file = _a[0], p = _a[1];
        var c = crc(), size = file.length;
        c.p(file);
        var f = strToU8(fn), s = f.length;
        var com = p.comment, m = com && strToU8(com), ms = m && m.length;
        var exl = exfl(p.extra);
        var compression = p.level == 0 ? 0 : 8;
        var cbl = function (e, d) {
            if (e) {
                tAll();
                cbd(e, null);
            }
            else {
                var l = d.length;
                files[i] = mrg(p, {
                    size: size,
                    crc: c.d(),
                    c: d,
                    f: f,
                    m: m,
                    u: s != fn.length || (m && (com.length != ms)),
                    compression: compression
                });
                o += 30 + s + exl + l;
                tot += 76 + 2 * (s + exl) + (ms || 0) + l;
                if (!--lft)
                    cbf();
            }
        };
        if (s > 65535)
            cbl(err(11, 0, 1), null);
        if (!compression)
            cbl(null, file);
        else if (size < 160000) {
            try {
                cbl(null, deflateSync(file, p));
            }
            catch (e) {
                cbl(e, null);
            }
        }
        else
            term.push(deflate(file, p, cbl));
    };
    // Cannot use lft because it can decrease
    for (var i = 0; i < slft; ++i) {
        _loop_1(i);
    }
    return tAll;
}
/**
 * Synchronously creates a ZIP file. Prefer using `zip` for better performance
 * with more than one file.
 * @param data The directory structure for the ZIP archive
 * @param opts The main options, merged with per-file options
 * @returns The generated ZIP archive
 */
function zipSync(data, opts) {
    if (!opts)
        opts = {};
    var r = {};
    var files = [];
    fltn(data, '', r, opts);
    var o = 0;
    var tot = 0;
    for (var fn in r) {
        var _a = r[fn], file = _a[0], p = _a[1];
        var compression = p.level == 0 ? 0 : 8;
        var f = strToU8(fn), s = f.length;
        var com = p.comment, m = com && strToU8(com), ms = m && m.length;
        var exl = exfl(p.extra);
        if (s > 65535)
            err(11);
        var d = compression ? deflateSync(file, p) : file, l = d.length;
        var c = crc();
        c.p(file);
        files.push(mrg(p, {
            size: file.length,
            crc: c.d(),
            c: d,
            f: f,
            m: m,
            u: s != fn.length || (m && (com.length != ms)),
            o: o,
            compression: compression
        }));
        o += 30 + s + exl + l;
        tot += 76 + 2 * (s + exl) + (ms || 0) + l;
    }
    var out = new u8(tot + 22), oe = o, cdl = tot - o;
    for (var i = 0; i < files.length; ++i) {
        var f = files[i];
        wzh(out, f.o, f, f.f, f.u, f.c.length);
        var badd = 30 + f.f.length + exfl(f.extra);
        out.set(f.c, f.o + badd);
        wzh(out, o, f, f.f, f.u, f.c.length, f.o, f.m), o += 16 + badd + (f.m ? f.m.length : 0);
    }
    wzf(out, o, files.length, cdl, oe);
    return out;
}
/**
 * Streaming pass-through decompression for ZIP archives
 */
var UnzipPassThrough = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    function UnzipPassThrough() {
    }
    UnzipPassThrough.prototype.push = function (chunk, final) {
        // same as ZipPassThrough: cast to retain Buffer ergonomics
        this.ondata(null, chunk, final);
    };
    UnzipPassThrough.compression = 0;
    return UnzipPassThrough;
}())));

/**
 * Streaming DEFLATE decompression for ZIP archives. Prefer AsyncZipInflate for
 * better performance.
 */
var UnzipInflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a DEFLATE decompression that can be used in ZIP archives
     */
    function UnzipInflate() {
        var _this = this;
        this.i = new Inflate(function (dat, final) {
            _this.ondata(null, dat, final);
        });
    }
    UnzipInflate.prototype.push = function (chunk, final) {
        try {
            this.i.push(chunk, final);
        }
        catch (e) {
            this.ondata(e, null, final);
        }
    };
    UnzipInflate.compression = 8;
    return UnzipInflate;
}())));

/**
 * Asynchronous streaming DEFLATE decompression for ZIP archives
 */
var AsyncUnzipInflate = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a DEFLATE decompression that can be used in ZIP archives
     */
    function AsyncUnzipInflate(_, sz) {
        var _this = this;
        if (sz < 320000) {
            this.i = new Inflate(function (dat, final) {
                _this.ondata(null, dat, final);
            });
        }
        else {
            this.i = new AsyncInflate(function (err, dat, final) {
                _this.ondata(err, dat, final);
            });
            this.terminate = this.i.terminate;
        }
    }
    AsyncUnzipInflate.prototype.push = function (chunk, final) {
        if (this.i.terminate)
            chunk = slc(chunk, 0);
        this.i.push(chunk, final);
    };
    AsyncUnzipInflate.compression = 8;
    return AsyncUnzipInflate;
}())));

/**
 * A ZIP archive decompression stream that emits files as they are discovered
 */
var Unzip = /*#__PURE__*/ ((/* unused pure expression or super */ null && (function () {
    /**
     * Creates a ZIP decompression stream
     * @param cb The callback to call whenever a file in the ZIP archive is found
     */
    function Unzip(cb) {
        this.onfile = cb;
        this.k = [];
        this.o = {
            0: UnzipPassThrough
        };
        this.p = et;
    }
    /**
     * Pushes a chunk to be unzipped
     * @param chunk The chunk to push
     * @param final Whether this is the last chunk
     */
    Unzip.prototype.push = function (chunk, final) {
        var _this = this;
        if (!this.onfile)
            err(5);
        if (!this.p)
            err(4);
        if (this.c > 0) {
            var len = Math.min(this.c, chunk.length);
            var toAdd = chunk.subarray(0, len);
            this.c -= len;
            if (this.d)
                this.d.push(toAdd, !this.c);
            else
                this.k[0].push(toAdd);
            chunk = chunk.subarray(len);
            if (chunk.length)
                return this.push(chunk, final);
        }
        else {
            var f = 0, i = 0, is = void 0, buf = void 0;
            if (!this.p.length)
                buf = chunk;
            else if (!chunk.length)
                buf = this.p;
            else {
                buf = new u8(this.p.length + chunk.length);
                buf.set(this.p), buf.set(chunk, this.p.length);
            }
            var l = buf.length, oc = this.c, add = oc && this.d;
            var _loop_2 = function () {
                var sig = b4(buf, i);
                if (sig == 0x4034B50) {
                    f = 1, is = i;
                    this_1.d = null;
                    this_1.c = 0;
                    var bf = b2(buf, i + 6), cmp_1 = b2(buf, i + 8), u = bf & 2048, dd = bf & 8, fnl = b2(buf, i + 26), es = b2(buf, i + 28);
                    if (l > i + 30 + fnl + es) {
                        var chks_3 = [];
                        this_1.k.unshift(chks_3);
                        f = 2;
                        var lsc = b4(buf, i + 18), lsu = b4(buf, i + 22);
                        var fn_1 = strFromU8(buf.subarray(i + 30, i += 30 + fnl), !u);
                        var _a = z64hs(buf, i, es, 2, lsc, lsu, 0), sc_1 = _a[0], su_1 = _a[1], z64 = _a[3];
                        if (dd)
                            sc_1 = -1 - z64;
                        i += es;
                        this_1.c = sc_1;
                        var d_1;
                        var file_1 = {
                            name: fn_1,
                            compression: cmp_1,
                            start: function () {
                                if (!file_1.ondata)
                                    err(5);
                                if (!sc_1)
                                    file_1.ondata(null, et, true);
                                else {
                                    var ctr = _this.o[cmp_1];
                                    if (!ctr)
                                        file_1.ondata(err(14, 'unknown compression type ' + cmp_1, 1), null, false);
                                    d_1 = sc_1 < 0 ? new ctr(fn_1) : new ctr(fn_1, sc_1, su_1);
                                    d_1.ondata = function (err, dat, final) { file_1.ondata(err, dat, final); };
                                    for (var _i = 0, chks_4 = chks_3; _i < chks_4.length; _i++) {
                                        var dat = chks_4[_i];
                                        d_1.push(dat, false);
                                    }
                                    if (_this.k[0] == chks_3 && _this.c)
                                        _this.d = d_1;
                                    else
                                        d_1.push(et, true);
                                }
                            },
                            terminate: function () {
                                if (d_1 && d_1.terminate)
                                    d_1.terminate();
                            }
                        };
                        if (sc_1 >= 0)
                            file_1.size = sc_1, file_1.originalSize = su_1;
                        this_1.onfile(file_1);
                    }
                    return "break";
                }
                else if (oc) {
                    if (sig == 0x8074B50) {
                        is = i += 12 + (oc == -2 && 8), f = 3, this_1.c = 0;
                        return "break";
                    }
                    else if (sig == 0x2014B50) {
                        is = i -= 4, f = 3, this_1.c = 0;
                        return "break";
                    }
                }
            };
            var this_1 = this;
            for (; i < l - 4; ++i) {
                var state_1 = _loop_2();
                if (state_1 === "break")
                    break;
            }
            this.p = et;
            if (oc < 0) {
                var dat = f ? buf.subarray(0, is - 12 - (oc == -2 && 8) - (b4(buf, is - 16) == 0x8074B50 && 4)) : buf.subarray(0, i);
                if (add)
                    add.push(dat, !!f);
                else
                    this.k[+(f == 2)].push(dat);
            }
            if (f & 2)
                return this.push(buf.subarray(i), final);
            this.p = buf.subarray(i);
        }
        if (final) {
            if (this.c)
                err(13);
            this.p = null;
        }
    };
    /**
     * Registers a decoder with the stream, allowing for files compressed with
     * the compression type provided to be expanded correctly
     * @param decoder The decoder constructor
     */
    Unzip.prototype.register = function (decoder) {
        this.o[decoder.compression] = decoder;
    };
    return Unzip;
}())));

var mt = typeof queueMicrotask == 'function' ? queueMicrotask : typeof setTimeout == 'function' ? setTimeout : function (fn) { fn(); };
function unzip(data, opts, cb) {
    if (!cb)
        cb = opts, opts = {};
    if (typeof cb != 'function')
        err(7);
    var term = [];
    var tAll = function () {
        for (var i = 0; i < term.length; ++i)
            term[i]();
    };
    var files = {};
    var cbd = function (a, b) {
        mt(function () { cb(a, b); });
    };
    mt(function () { cbd = cb; });
    var e = data.length - 22;
    for (; b4(data, e) != 0x6054B50; --e) {
        if (!e || data.length - e > 65558) {
            cbd(err(13, 0, 1), null);
            return tAll;
        }
    }
    ;
    var lft = b2(data, e + 8);
    if (lft) {
        var c = lft;
        var o = b4(data, e + 16);
        var z = b4(data, e - 20) == 0x7064B50;
        if (z) {
            var ze = b4(data, e - 12);
            z = b4(data, ze) == 0x6064B50;
            if (z) {
                c = lft = b4(data, ze + 32);
                o = b4(data, ze + 48);
            }
        }
        var fltr = opts && opts.filter;
        var _loop_3 = function (i) {
            var _a = zh(data, o, z), c_1 = _a[0], sc = _a[1], su = _a[2], fn = _a[3], no = _a[4], off = _a[5], b = slzh(data, off);
            o = no;
            var cbl = function (e, d) {
                if (e) {
                    tAll();
                    cbd(e, null);
                }
                else {
                    if (d)
                        files[fn] = d;
                    if (!--lft)
                        cbd(null, files);
                }
            };
            if (!fltr || fltr({
                name: fn,
                size: sc,
                originalSize: su,
                compression: c_1
            })) {
                if (!c_1)
                    cbl(null, slc(data, b, b + sc));
                else if (c_1 == 8) {
                    var infl = data.subarray(b, b + sc);
                    // Synchronously decompress under 512KB, or barely-compressed data
                    if (su < 524288 || sc > 0.8 * su) {
                        try {
                            cbl(null, inflateSync(infl, { out: new u8(su) }));
                        }
                        catch (e) {
                            cbl(e, null);
                        }
                    }
                    else
                        term.push(inflate(infl, { size: su }, cbl));
                }
                else
                    cbl(err(14, 'unknown compression type ' + c_1, 1), null);
            }
            else
                cbl(null, null);
        };
        for (var i = 0; i < c; ++i) {
            _loop_3(i);
        }
    }
    else
        cbd(null, {});
    return tAll;
}
/**
 * Synchronously decompresses a ZIP archive. Prefer using `unzip` for better
 * performance with more than one file.
 * @param data The raw compressed ZIP file
 * @param opts The ZIP extraction options
 * @returns The decompressed files
 */
function unzipSync(data, opts) {
    var files = {};
    var e = data.length - 22;
    for (; b4(data, e) != 0x6054B50; --e) {
        if (!e || data.length - e > 65558)
            err(13);
    }
    ;
    var c = b2(data, e + 8);
    if (!c)
        return {};
    var o = b4(data, e + 16);
    var z = b4(data, e - 20) == 0x7064B50;
    if (z) {
        var ze = b4(data, e - 12);
        z = b4(data, ze) == 0x6064B50;
        if (z) {
            c = b4(data, ze + 32);
            o = b4(data, ze + 48);
        }
    }
    var fltr = opts && opts.filter;
    for (var i = 0; i < c; ++i) {
        var _a = zh(data, o, z), c_2 = _a[0], sc = _a[1], su = _a[2], fn = _a[3], no = _a[4], off = _a[5], b = slzh(data, off);
        o = no;
        if (!fltr || fltr({
            name: fn,
            size: sc,
            originalSize: su,
            compression: c_2
        })) {
            if (!c_2)
                files[fn] = slc(data, b, b + sc);
            else if (c_2 == 8)
                files[fn] = inflateSync(data.subarray(b, b + sc), { out: new u8(su) });
            else
                err(14, 'unknown compression type ' + c_2);
        }
    }
    return files;
}

;// CONCATENATED MODULE: ./node_modules/.pnpm/fzstd@0.1.1/node_modules/fzstd/esm/index.mjs
// Some numerical data is initialized as -1 even when it doesn't need initialization to help the JIT infer types
// aliases for shorter compressed code (most minifers don't do this)
var ab = ArrayBuffer, esm_u8 = Uint8Array, esm_u16 = Uint16Array, i16 = Int16Array, u32 = (/* unused pure expression or super */ null && (Uint32Array)), esm_i32 = Int32Array;
var esm_slc = function (v, s, e) {
    if (esm_u8.prototype.slice)
        return esm_u8.prototype.slice.call(v, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    var n = new esm_u8(e - s);
    n.set(v.subarray(s, e));
    return n;
};
var fill = function (v, n, s, e) {
    if (esm_u8.prototype.fill)
        return esm_u8.prototype.fill.call(v, n, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    for (; s < e; ++s)
        v[s] = n;
    return v;
};
var cpw = function (v, t, s, e) {
    if (esm_u8.prototype.copyWithin)
        return esm_u8.prototype.copyWithin.call(v, t, s, e);
    if (s == null || s < 0)
        s = 0;
    if (e == null || e > v.length)
        e = v.length;
    while (s < e) {
        v[t++] = v[s++];
    }
};
/**
 * Codes for errors generated within this library
 */
var ZstdErrorCode = {
    InvalidData: 0,
    WindowSizeTooLarge: 1,
    InvalidBlockType: 2,
    FSEAccuracyTooHigh: 3,
    DistanceTooFarBack: 4,
    UnexpectedEOF: 5
};
// error codes
var esm_ec = [
    'invalid zstd data',
    'window size too large (>2046MB)',
    'invalid block type',
    'FSE accuracy too high',
    'match distance too far back',
    'unexpected EOF'
];
var esm_err = function (ind, msg, nt) {
    var e = new Error(msg || esm_ec[ind]);
    e.code = ind;
    if (Error.captureStackTrace)
        Error.captureStackTrace(e, esm_err);
    if (!nt)
        throw e;
    return e;
};
var rb = function (d, b, n) {
    var i = 0, o = 0;
    for (; i < n; ++i)
        o |= d[b++] << (i << 3);
    return o;
};
var esm_b4 = function (d, b) { return (d[b] | (d[b + 1] << 8) | (d[b + 2] << 16) | (d[b + 3] << 24)) >>> 0; };
// read Zstandard frame header
var rzfh = function (dat, w) {
    var n3 = dat[0] | (dat[1] << 8) | (dat[2] << 16);
    if (n3 == 0x2FB528 && dat[3] == 253) {
        // Zstandard
        var flg = dat[4];
        //    single segment       checksum             dict flag     frame content flag
        var ss = (flg >> 5) & 1, cc = (flg >> 2) & 1, df = flg & 3, fcf = flg >> 6;
        if (flg & 8)
            esm_err(0);
        // byte
        var bt = 6 - ss;
        // dict bytes
        var db = df == 3 ? 4 : df;
        // dictionary id
        var di = rb(dat, bt, db);
        bt += db;
        // frame size bytes
        var fsb = fcf ? (1 << fcf) : ss;
        // frame source size
        var fss = rb(dat, bt, fsb) + ((fcf == 1) && 256);
        // window size
        var ws = fss;
        if (!ss) {
            // window descriptor
            var wb = 1 << (10 + (dat[5] >> 3));
            ws = wb + (wb >> 3) * (dat[5] & 7);
        }
        if (ws > 2145386496)
            esm_err(1);
        var buf = new esm_u8((w == 1 ? (fss || ws) : w ? 0 : ws) + 12);
        buf[0] = 1, buf[4] = 4, buf[8] = 8;
        return {
            b: bt + fsb,
            y: 0,
            l: 0,
            d: di,
            w: (w && w != 1) ? w : buf.subarray(12),
            e: ws,
            o: new esm_i32(buf.buffer, 0, 3),
            u: fss,
            c: cc,
            m: Math.min(131072, ws)
        };
    }
    else if (((n3 >> 4) | (dat[3] << 20)) == 0x184D2A5) {
        // skippable
        return esm_b4(dat, 4) + 8;
    }
    esm_err(0);
};
// most significant bit for nonzero
var msb = function (val) {
    var bits = 0;
    for (; (1 << bits) <= val; ++bits)
        ;
    return bits - 1;
};
// read finite state entropy
var rfse = function (dat, bt, mal) {
    // table pos
    var tpos = (bt << 3) + 4;
    // accuracy log
    var al = (dat[bt] & 15) + 5;
    if (al > mal)
        esm_err(3);
    // size
    var sz = 1 << al;
    // probabilities symbols  repeat   index   high threshold
    var probs = sz, sym = -1, re = -1, i = -1, ht = sz;
    // optimization: single allocation is much faster
    var buf = new ab(512 + (sz << 2));
    var freq = new i16(buf, 0, 256);
    // same view as freq
    var dstate = new esm_u16(buf, 0, 256);
    var nstate = new esm_u16(buf, 512, sz);
    var bb1 = 512 + (sz << 1);
    var syms = new esm_u8(buf, bb1, sz);
    var nbits = new esm_u8(buf, bb1 + sz);
    while (sym < 255 && probs > 0) {
        var bits = msb(probs + 1);
        var cbt = tpos >> 3;
        // mask
        var msk = (1 << (bits + 1)) - 1;
        var val = ((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (tpos & 7)) & msk;
        // mask (1 fewer bit)
        var msk1fb = (1 << bits) - 1;
        // max small value
        var msv = msk - probs - 1;
        // small value
        var sval = val & msk1fb;
        if (sval < msv)
            tpos += bits, val = sval;
        else {
            tpos += bits + 1;
            if (val > msk1fb)
                val -= msv;
        }
        freq[++sym] = --val;
        if (val == -1) {
            probs += val;
            syms[--ht] = sym;
        }
        else
            probs -= val;
        if (!val) {
            do {
                // repeat byte
                var rbt = tpos >> 3;
                re = ((dat[rbt] | (dat[rbt + 1] << 8)) >> (tpos & 7)) & 3;
                tpos += 2;
                sym += re;
            } while (re == 3);
        }
    }
    if (sym > 255 || probs)
        esm_err(0);
    var sympos = 0;
    // sym step (coprime with sz - formula from zstd source)
    var sstep = (sz >> 1) + (sz >> 3) + 3;
    // sym mask
    var smask = sz - 1;
    for (var s = 0; s <= sym; ++s) {
        var sf = freq[s];
        if (sf < 1) {
            dstate[s] = -sf;
            continue;
        }
        // This is split into two loops in zstd to avoid branching, but as JS is higher-level that is unnecessary
        for (i = 0; i < sf; ++i) {
            syms[sympos] = s;
            do {
                sympos = (sympos + sstep) & smask;
            } while (sympos >= ht);
        }
    }
    // After spreading symbols, should be zero again
    if (sympos)
        esm_err(0);
    for (i = 0; i < sz; ++i) {
        // next state
        var ns = dstate[syms[i]]++;
        // num bits
        var nb = nbits[i] = al - msb(ns);
        nstate[i] = (ns << nb) - sz;
    }
    return [(tpos + 7) >> 3, {
            b: al,
            s: syms,
            n: nbits,
            t: nstate
        }];
};
// read huffman
var rhu = function (dat, bt) {
    //  index  weight count
    var i = 0, wc = -1;
    //    buffer             header byte
    var buf = new esm_u8(292), hb = dat[bt];
    // huffman weights
    var hw = buf.subarray(0, 256);
    // rank count
    var rc = buf.subarray(256, 268);
    // rank index
    var ri = new esm_u16(buf.buffer, 268);
    // NOTE: at this point bt is 1 less than expected
    if (hb < 128) {
        // end byte, fse decode table
        var _a = rfse(dat, bt + 1, 6), ebt = _a[0], fdt = _a[1];
        bt += hb;
        var epos = ebt << 3;
        // last byte
        var lb = dat[bt];
        if (!lb)
            esm_err(0);
        //  state1   state2   state1 bits   state2 bits
        var st1 = 0, st2 = 0, btr1 = fdt.b, btr2 = btr1;
        // fse pos
        // pre-increment to account for original deficit of 1
        var fpos = (++bt << 3) - 8 + msb(lb);
        for (;;) {
            fpos -= btr1;
            if (fpos < epos)
                break;
            var cbt = fpos >> 3;
            st1 += ((dat[cbt] | (dat[cbt + 1] << 8)) >> (fpos & 7)) & ((1 << btr1) - 1);
            hw[++wc] = fdt.s[st1];
            fpos -= btr2;
            if (fpos < epos)
                break;
            cbt = fpos >> 3;
            st2 += ((dat[cbt] | (dat[cbt + 1] << 8)) >> (fpos & 7)) & ((1 << btr2) - 1);
            hw[++wc] = fdt.s[st2];
            btr1 = fdt.n[st1];
            st1 = fdt.t[st1];
            btr2 = fdt.n[st2];
            st2 = fdt.t[st2];
        }
        if (++wc > 255)
            esm_err(0);
    }
    else {
        wc = hb - 127;
        for (; i < wc; i += 2) {
            var byte = dat[++bt];
            hw[i] = byte >> 4;
            hw[i + 1] = byte & 15;
        }
        ++bt;
    }
    // weight exponential sum
    var wes = 0;
    for (i = 0; i < wc; ++i) {
        var wt = hw[i];
        // bits must be at most 11, same as weight
        if (wt > 11)
            esm_err(0);
        wes += wt && (1 << (wt - 1));
    }
    // max bits
    var mb = msb(wes) + 1;
    // table size
    var ts = 1 << mb;
    // remaining sum
    var rem = ts - wes;
    // must be power of 2
    if (rem & (rem - 1))
        esm_err(0);
    hw[wc++] = msb(rem) + 1;
    for (i = 0; i < wc; ++i) {
        var wt = hw[i];
        ++rc[hw[i] = wt && (mb + 1 - wt)];
    }
    // huf buf
    var hbuf = new esm_u8(ts << 1);
    //    symbols                      num bits
    var syms = hbuf.subarray(0, ts), nb = hbuf.subarray(ts);
    ri[mb] = 0;
    for (i = mb; i > 0; --i) {
        var pv = ri[i];
        fill(nb, i, pv, ri[i - 1] = pv + rc[i] * (1 << (mb - i)));
    }
    if (ri[0] != ts)
        esm_err(0);
    for (i = 0; i < wc; ++i) {
        var bits = hw[i];
        if (bits) {
            var code = ri[bits];
            fill(syms, i, code, ri[bits] = code + (1 << (mb - bits)));
        }
    }
    return [bt, {
            n: nb,
            b: mb,
            s: syms
        }];
};
// Tables generated using this:
// https://gist.github.com/101arrowz/a979452d4355992cbf8f257cbffc9edd
// default literal length table
var dllt = /*#__PURE__*/ rfse(/*#__PURE__*/ new esm_u8([
    81, 16, 99, 140, 49, 198, 24, 99, 12, 33, 196, 24, 99, 102, 102, 134, 70, 146, 4
]), 0, 6)[1];
// default match length table
var dmlt = /*#__PURE__*/ rfse(/*#__PURE__*/ new esm_u8([
    33, 20, 196, 24, 99, 140, 33, 132, 16, 66, 8, 33, 132, 16, 66, 8, 33, 68, 68, 68, 68, 68, 68, 68, 68, 36, 9
]), 0, 6)[1];
// default offset code table
var doct = /*#__PURE__ */ rfse(/*#__PURE__*/ new esm_u8([
    32, 132, 16, 66, 102, 70, 68, 68, 68, 68, 36, 73, 2
]), 0, 5)[1];
// bits to baseline
var b2bl = function (b, s) {
    var len = b.length, bl = new esm_i32(len);
    for (var i = 0; i < len; ++i) {
        bl[i] = s;
        s += 1 << b[i];
    }
    return bl;
};
// literal length bits
var llb = /*#__PURE__ */ new esm_u8(( /*#__PURE__ */new esm_i32([
    0, 0, 0, 0, 16843009, 50528770, 134678020, 202050057, 269422093
])).buffer, 0, 36);
// literal length baseline
var llbl = /*#__PURE__ */ b2bl(llb, 0);
// match length bits
var mlb = /*#__PURE__ */ new esm_u8(( /*#__PURE__ */new esm_i32([
    0, 0, 0, 0, 0, 0, 0, 0, 16843009, 50528770, 117769220, 185207048, 252579084, 16
])).buffer, 0, 53);
// match length baseline
var mlbl = /*#__PURE__ */ b2bl(mlb, 3);
// decode huffman stream
var dhu = function (dat, out, hu) {
    var len = dat.length, ss = out.length, lb = dat[len - 1], msk = (1 << hu.b) - 1, eb = -hu.b;
    if (!lb)
        esm_err(0);
    var st = 0, btr = hu.b, pos = (len << 3) - 8 + msb(lb) - btr, i = -1;
    for (; pos > eb && i < ss;) {
        var cbt = pos >> 3;
        var val = (dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (pos & 7);
        st = ((st << btr) | val) & msk;
        out[++i] = hu.s[st];
        pos -= (btr = hu.n[st]);
    }
    if (pos != eb || i + 1 != ss)
        esm_err(0);
};
// decode huffman stream 4x
// TODO: use workers to parallelize
var dhu4 = function (dat, out, hu) {
    var bt = 6;
    var ss = out.length, sz1 = (ss + 3) >> 2, sz2 = sz1 << 1, sz3 = sz1 + sz2;
    dhu(dat.subarray(bt, bt += dat[0] | (dat[1] << 8)), out.subarray(0, sz1), hu);
    dhu(dat.subarray(bt, bt += dat[2] | (dat[3] << 8)), out.subarray(sz1, sz2), hu);
    dhu(dat.subarray(bt, bt += dat[4] | (dat[5] << 8)), out.subarray(sz2, sz3), hu);
    dhu(dat.subarray(bt), out.subarray(sz3), hu);
};
// read Zstandard block
var rzb = function (dat, st, out) {
    var _a;
    var bt = st.b;
    //    byte 0        block type
    var b0 = dat[bt], btype = (b0 >> 1) & 3;
    st.l = b0 & 1;
    var sz = (b0 >> 3) | (dat[bt + 1] << 5) | (dat[bt + 2] << 13);
    // end byte for block
    var ebt = (bt += 3) + sz;
    if (btype == 1) {
        if (bt >= dat.length)
            return;
        st.b = bt + 1;
        if (out) {
            fill(out, dat[bt], st.y, st.y += sz);
            return out;
        }
        return fill(new esm_u8(sz), dat[bt]);
    }
    if (ebt > dat.length)
        return;
    if (btype == 0) {
        st.b = ebt;
        if (out) {
            out.set(dat.subarray(bt, ebt), st.y);
            st.y += sz;
            return out;
        }
        return esm_slc(dat, bt, ebt);
    }
    if (btype == 2) {
        //    byte 3        lit btype     size format
        var b3 = dat[bt], lbt = b3 & 3, sf = (b3 >> 2) & 3;
        // lit src size  lit cmp sz 4 streams
        var lss = b3 >> 4, lcs = 0, s4 = 0;
        if (lbt < 2) {
            if (sf & 1)
                lss |= (dat[++bt] << 4) | ((sf & 2) && (dat[++bt] << 12));
            else
                lss = b3 >> 3;
        }
        else {
            s4 = sf;
            if (sf < 2)
                lss |= ((dat[++bt] & 63) << 4), lcs = (dat[bt] >> 6) | (dat[++bt] << 2);
            else if (sf == 2)
                lss |= (dat[++bt] << 4) | ((dat[++bt] & 3) << 12), lcs = (dat[bt] >> 2) | (dat[++bt] << 6);
            else
                lss |= (dat[++bt] << 4) | ((dat[++bt] & 63) << 12), lcs = (dat[bt] >> 6) | (dat[++bt] << 2) | (dat[++bt] << 10);
        }
        ++bt;
        // add literals to end - can never overlap with backreferences because unused literals always appended
        var buf = out ? out.subarray(st.y, st.y + st.m) : new esm_u8(st.m);
        // starting point for literals
        var spl = buf.length - lss;
        if (lbt == 0)
            buf.set(dat.subarray(bt, bt += lss), spl);
        else if (lbt == 1)
            fill(buf, dat[bt++], spl);
        else {
            // huffman table
            var hu = st.h;
            if (lbt == 2) {
                var hud = rhu(dat, bt);
                // subtract description length
                lcs += bt - (bt = hud[0]);
                st.h = hu = hud[1];
            }
            else if (!hu)
                esm_err(0);
            (s4 ? dhu4 : dhu)(dat.subarray(bt, bt += lcs), buf.subarray(spl), hu);
        }
        // num sequences
        var ns = dat[bt++];
        if (ns) {
            if (ns == 255)
                ns = (dat[bt++] | (dat[bt++] << 8)) + 0x7F00;
            else if (ns > 127)
                ns = ((ns - 128) << 8) | dat[bt++];
            // symbol compression modes
            var scm = dat[bt++];
            if (scm & 3)
                esm_err(0);
            var dts = [dmlt, doct, dllt];
            for (var i = 2; i > -1; --i) {
                var md = (scm >> ((i << 1) + 2)) & 3;
                if (md == 1) {
                    // rle buf
                    var rbuf = new esm_u8([0, 0, dat[bt++]]);
                    dts[i] = {
                        s: rbuf.subarray(2, 3),
                        n: rbuf.subarray(0, 1),
                        t: new esm_u16(rbuf.buffer, 0, 1),
                        b: 0
                    };
                }
                else if (md == 2) {
                    // accuracy log 8 for offsets, 9 for others
                    _a = rfse(dat, bt, 9 - (i & 1)), bt = _a[0], dts[i] = _a[1];
                }
                else if (md == 3) {
                    if (!st.t)
                        esm_err(0);
                    dts[i] = st.t[i];
                }
            }
            var _b = st.t = dts, mlt = _b[0], oct = _b[1], llt = _b[2];
            var lb = dat[ebt - 1];
            if (!lb)
                esm_err(0);
            var spos = (ebt << 3) - 8 + msb(lb) - llt.b, cbt = spos >> 3, oubt = 0;
            var lst = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << llt.b) - 1);
            cbt = (spos -= oct.b) >> 3;
            var ost = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << oct.b) - 1);
            cbt = (spos -= mlt.b) >> 3;
            var mst = ((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << mlt.b) - 1);
            for (++ns; --ns;) {
                var llc = llt.s[lst];
                var lbtr = llt.n[lst];
                var mlc = mlt.s[mst];
                var mbtr = mlt.n[mst];
                var ofc = oct.s[ost];
                var obtr = oct.n[ost];
                cbt = (spos -= ofc) >> 3;
                var ofp = 1 << ofc;
                var off = ofp + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16) | (dat[cbt + 3] << 24)) >>> (spos & 7)) & (ofp - 1));
                cbt = (spos -= mlb[mlc]) >> 3;
                var ml = mlbl[mlc] + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (spos & 7)) & ((1 << mlb[mlc]) - 1));
                cbt = (spos -= llb[llc]) >> 3;
                var ll = llbl[llc] + (((dat[cbt] | (dat[cbt + 1] << 8) | (dat[cbt + 2] << 16)) >> (spos & 7)) & ((1 << llb[llc]) - 1));
                cbt = (spos -= lbtr) >> 3;
                lst = llt.t[lst] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << lbtr) - 1));
                cbt = (spos -= mbtr) >> 3;
                mst = mlt.t[mst] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << mbtr) - 1));
                cbt = (spos -= obtr) >> 3;
                ost = oct.t[ost] + (((dat[cbt] | (dat[cbt + 1] << 8)) >> (spos & 7)) & ((1 << obtr) - 1));
                if (off > 3) {
                    st.o[2] = st.o[1];
                    st.o[1] = st.o[0];
                    st.o[0] = off -= 3;
                }
                else {
                    var idx = off - (ll != 0);
                    if (idx) {
                        off = idx == 3 ? st.o[0] - 1 : st.o[idx];
                        if (idx > 1)
                            st.o[2] = st.o[1];
                        st.o[1] = st.o[0];
                        st.o[0] = off;
                    }
                    else
                        off = st.o[0];
                }
                for (var i = 0; i < ll; ++i) {
                    buf[oubt + i] = buf[spl + i];
                }
                oubt += ll, spl += ll;
                var stin = oubt - off;
                if (stin < 0) {
                    var len = -stin;
                    var bs = st.e + stin;
                    if (len > ml)
                        len = ml;
                    for (var i = 0; i < len; ++i) {
                        buf[oubt + i] = st.w[bs + i];
                    }
                    oubt += len, ml -= len, stin = 0;
                }
                for (var i = 0; i < ml; ++i) {
                    buf[oubt + i] = buf[stin + i];
                }
                oubt += ml;
            }
            if (oubt != spl) {
                while (spl < buf.length) {
                    buf[oubt++] = buf[spl++];
                }
            }
            else
                oubt = buf.length;
            if (out)
                st.y += oubt;
            else
                buf = esm_slc(buf, 0, oubt);
        }
        else if (out) {
            st.y += lss;
            if (spl) {
                for (var i = 0; i < lss; ++i) {
                    buf[i] = buf[spl + i];
                }
            }
        }
        else if (spl)
            buf = esm_slc(buf, spl);
        st.b = ebt;
        return buf;
    }
    esm_err(2);
};
// concat
var cct = function (bufs, ol) {
    if (bufs.length == 1)
        return bufs[0];
    var buf = new esm_u8(ol);
    for (var i = 0, b = 0; i < bufs.length; ++i) {
        var chk = bufs[i];
        buf.set(chk, b);
        b += chk.length;
    }
    return buf;
};
/**
 * Decompresses Zstandard data
 * @param dat The input data
 * @param buf The output buffer. If unspecified, the function will allocate
 *            exactly enough memory to fit the decompressed data. If your
 *            data has multiple frames and you know the output size, specifying
 *            it will yield better performance.
 * @returns The decompressed data
 */
function esm_decompress(dat, buf) {
    var bufs = [], nb = +!buf;
    var bt = 0, ol = 0;
    for (; dat.length;) {
        var st = rzfh(dat, nb || buf);
        if (typeof st == 'object') {
            if (nb) {
                buf = null;
                if (st.w.length == st.u) {
                    bufs.push(buf = st.w);
                    ol += st.u;
                }
            }
            else {
                bufs.push(buf);
                st.e = 0;
            }
            for (; !st.l;) {
                var blk = rzb(dat, st, buf);
                if (!blk)
                    esm_err(5);
                if (buf)
                    st.e = st.y;
                else {
                    bufs.push(blk);
                    ol += blk.length;
                    cpw(st.w, 0, blk.length);
                    st.w.set(blk, st.w.length - blk.length);
                }
            }
            bt = st.b + (st.c * 4);
        }
        else
            bt = st;
        dat = dat.subarray(bt);
    }
    return cct(bufs, ol);
}
/**
 * Decompressor for Zstandard streamed data
 */
var esm_Decompress = /*#__PURE__*/ (function () {
    /**
     * Creates a Zstandard decompressor
     * @param ondata The handler for stream data
     */
    function Decompress(ondata) {
        this.ondata = ondata;
        this.c = [];
        this.l = 0;
        this.z = 0;
    }
    /**
     * Pushes data to be decompressed
     * @param chunk The chunk of data to push
     * @param final Whether or not this is the last chunk in the stream
     */
    Decompress.prototype.push = function (chunk, final) {
        if (typeof this.s == 'number') {
            var sub = Math.min(chunk.length, this.s);
            chunk = chunk.subarray(sub);
            this.s -= sub;
        }
        var sl = chunk.length;
        var ncs = sl + this.l;
        if (!this.s) {
            if (final) {
                if (!ncs) {
                    this.ondata(new esm_u8(0), true);
                    return;
                }
                // min for frame + one block
                if (ncs < 5)
                    esm_err(5);
            }
            else if (ncs < 18) {
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            if (this.l) {
                this.c.push(chunk);
                chunk = cct(this.c, ncs);
                this.c = [];
                this.l = 0;
            }
            if (typeof (this.s = rzfh(chunk)) == 'number')
                return this.push(chunk, final);
        }
        if (typeof this.s != 'number') {
            if (ncs < (this.z || 3)) {
                if (final)
                    esm_err(5);
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            if (this.l) {
                this.c.push(chunk);
                chunk = cct(this.c, ncs);
                this.c = [];
                this.l = 0;
            }
            if (!this.z && ncs < (this.z = (chunk[this.s.b] & 2) ? 4 : 3 + ((chunk[this.s.b] >> 3) | (chunk[this.s.b + 1] << 5) | (chunk[this.s.b + 2] << 13)))) {
                if (final)
                    esm_err(5);
                this.c.push(chunk);
                this.l = ncs;
                return;
            }
            else
                this.z = 0;
            for (;;) {
                var blk = rzb(chunk, this.s);
                if (!blk) {
                    if (final)
                        esm_err(5);
                    var adc = chunk.subarray(this.s.b);
                    this.s.b = 0;
                    this.c.push(adc), this.l += adc.length;
                    return;
                }
                else {
                    this.ondata(blk, false);
                    cpw(this.s.w, 0, blk.length);
                    this.s.w.set(blk, this.s.w.length - blk.length);
                }
                if (this.s.l) {
                    var rest = chunk.subarray(this.s.b);
                    this.s = this.s.c * 4;
                    this.push(rest, final);
                    return;
                }
            }
        }
        else if (final)
            esm_err(5);
    };
    return Decompress;
}());


;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./node_modules/.pnpm/node-liblzma@5.1.3/node_modules/node-liblzma/lib/errors.js
/**
 * node-liblzma - Node.js bindings for liblzma
 * Copyright (C) Olivier Orabona <olivier.orabona@gmail.com>
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU Lesser General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU Lesser General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 */
/**
 * Base class for all LZMA-related errors
 */
class errors_LZMAError extends Error {
    constructor(message, errno) {
        super(message);
        this.name = 'LZMAError';
        this.errno = errno;
        this.code = errno;
        Error.captureStackTrace(this, this.constructor);
    }
}
/**
 * Memory allocation error - thrown when LZMA cannot allocate required memory
 */
class LZMAMemoryError extends errors_LZMAError {
    constructor(errno) {
        super('Cannot allocate memory', errno);
        this.name = 'LZMAMemoryError';
    }
}
/**
 * Memory limit error - thrown when operation would exceed memory usage limit
 */
class LZMAMemoryLimitError extends errors_LZMAError {
    constructor(errno) {
        super('Memory usage limit was reached', errno);
        this.name = 'LZMAMemoryLimitError';
    }
}
/**
 * Format error - thrown when file format is not recognized
 */
class LZMAFormatError extends errors_LZMAError {
    constructor(errno) {
        super('File format not recognized', errno);
        this.name = 'LZMAFormatError';
    }
}
/**
 * Options error - thrown when invalid or unsupported options are provided
 */
class errors_LZMAOptionsError extends errors_LZMAError {
    constructor(errno, message) {
        super(message ?? 'Invalid or unsupported options', errno);
        this.name = 'LZMAOptionsError';
    }
}
/**
 * Data error - thrown when compressed data is corrupt
 */
class LZMADataError extends errors_LZMAError {
    constructor(errno) {
        super('Data is corrupt', errno);
        this.name = 'LZMADataError';
    }
}
/**
 * Buffer error - thrown when no progress is possible (e.g., buffer too small)
 */
class LZMABufferError extends errors_LZMAError {
    constructor(errno) {
        super('No progress is possible', errno);
        this.name = 'LZMABufferError';
    }
}
/**
 * Programming error - thrown when there's an internal programming error
 */
class LZMAProgrammingError extends errors_LZMAError {
    constructor(errno) {
        super('Programming error', errno);
        this.name = 'LZMAProgrammingError';
    }
}
/**
 * Factory function to create appropriate error instance based on errno
 */
// --- LZMA Return Codes ---
// From liblzma/base.h lzma_ret enum (0-11)
// Codes 0-4 are success/informational status codes, not errors:
const errors_LZMA_OK = 0; // Operation completed successfully
const errors_LZMA_STREAM_END = 1; // End of stream reached
const LZMA_NO_CHECK = 2; // Input stream has no integrity check
const LZMA_UNSUPPORTED_CHECK = 3; // Cannot calculate integrity check
const LZMA_GET_CHECK = 4; // Integrity check type now available
// Codes 5-11 are actual error codes:
const LZMA_MEM_ERROR = 5; // Cannot allocate memory
const LZMA_MEMLIMIT_ERROR = 6; // Memory usage limit reached
const LZMA_FORMAT_ERROR = 7; // File format not recognized
const errors_LZMA_OPTIONS_ERROR = 8; // Invalid or unsupported options
const LZMA_DATA_ERROR = 9; // Data is corrupt
const errors_LZMA_BUF_ERROR = 10; // No progress possible
const LZMA_PROG_ERROR = 11; // Programming error
function errors_createLZMAError(errno, message) {
    // Uses module-level LZMA_* constants defined above (from liblzma/base.h)
    switch (errno) {
        case LZMA_MEM_ERROR:
            return new LZMAMemoryError(errno);
        case LZMA_MEMLIMIT_ERROR:
            return new LZMAMemoryLimitError(errno);
        case LZMA_FORMAT_ERROR:
            return new LZMAFormatError(errno);
        case errors_LZMA_OPTIONS_ERROR:
            return new errors_LZMAOptionsError(errno);
        case LZMA_DATA_ERROR:
            return new LZMADataError(errno);
        case errors_LZMA_BUF_ERROR:
            return new LZMABufferError(errno);
        case LZMA_PROG_ERROR:
            return new LZMAProgrammingError(errno);
        default: {
            // For success codes and unknown errors, use base LZMAError
            const errorMessage = message || getErrorMessage(errno);
            return new errors_LZMAError(errorMessage, errno);
        }
    }
}
/**
 * Get error message for a given errno
 */
function getErrorMessage(errno) {
    const messages = [
        'Operation completed successfully',
        'End of stream was reached',
        'Input stream has no integrity check',
        'Cannot calculate the integrity check',
        'Integrity check type is not available',
        'Cannot allocate memory',
        'Memory usage limit was reached',
        'File format not recognized',
        'Invalid or unsupported options',
        'Data is corrupt',
        'No progress is possible',
        'Programming error',
    ];
    // F-011: Handle out-of-bounds errno explicitly instead of silent clamping
    if (errno < 0 || errno >= messages.length) {
        return `Unknown LZMA error code: ${errno}`;
    }
    const msg = messages[errno];
    /* v8 ignore start: defensive after bounds check on L172 — errno always in [0, messages.length) here */
    if (msg === undefined)
        return `Unknown LZMA error code: ${errno}`;
    /* v8 ignore stop */
    return msg;
}
//# sourceMappingURL=errors.js.map
;// CONCATENATED MODULE: ./node_modules/.pnpm/node-liblzma@5.1.3/node_modules/node-liblzma/lib/wasm/types.js
/**
 * WASM-specific types for the Emscripten-compiled liblzma module.
 */
// --- LZMA Return Codes ---

// --- LZMA Actions ---
const types_LZMA_RUN = 0;
const LZMA_SYNC_FLUSH = 1;
const LZMA_FULL_FLUSH = 2;
const types_LZMA_FINISH = 3;
// --- Check Types ---
const LZMA_CHECK_NONE = 0;
const LZMA_CHECK_CRC32 = 1;
const types_LZMA_CHECK_CRC64 = 4;
const LZMA_CHECK_SHA256 = 10;
/**
 * Layout of lzma_stream struct in WASM32 memory.
 *
 * All offsets are for 32-bit Emscripten (WASM32):
 *   pointer = 4 bytes, size_t = 4 bytes, uint64_t = 8 bytes (8-byte aligned)
 */
const types_LZMA_STREAM_OFFSETS = {
    next_in: 0, // const uint8_t* (4 bytes)
    avail_in: 4, // size_t (4 bytes)
    total_in: 8, // uint64_t (8 bytes, 8-byte aligned)
    next_out: 16, // uint8_t* (4 bytes)
    avail_out: 20, // size_t (4 bytes)
    total_out: 24, // uint64_t (8 bytes, 8-byte aligned)
    allocator: 32, // lzma_allocator* (4 bytes)
    internal: 36, // lzma_internal* (4 bytes)
    reserved_ptr1: 40,
    reserved_ptr2: 44,
    reserved_ptr3: 48,
    reserved_ptr4: 52,
    reserved_int1: 56, // uint64_t (8 bytes)
    reserved_int2: 64,
    reserved_int3: 72,
    reserved_int4: 80,
    reserved_enum1: 88, // lzma_reserved_enum (4 bytes)
    reserved_enum2: 92,
};
/** Total size of lzma_stream struct in WASM32 */
const types_LZMA_STREAM_SIZE = 96;
//# sourceMappingURL=types.js.map
;// CONCATENATED MODULE: ./node_modules/.pnpm/node-liblzma@5.1.3/node_modules/node-liblzma/lib/wasm/memory.js
/**
 * WASM memory management utilities for liblzma.
 *
 * Provides safe allocation/deallocation of WASM heap memory,
 * buffer transfers between JS and WASM, and lzma_stream struct management.
 */

/**
 * Allocate a zeroed block on the WASM heap.
 * @throws Error if allocation fails (returns 0)
 */
function memory_wasmAlloc(module, size) {
    const ptr = module._malloc(size);
    /* v8 ignore start - malloc failure requires exhausting WASM heap */
    if (ptr === 0) {
        throw new Error(`WASM malloc failed for ${size} bytes`);
    }
    /* v8 ignore stop */
    // Zero the allocated memory
    module.HEAPU8.fill(0, ptr, ptr + size);
    return ptr;
}
/**
 * Free a WASM heap pointer. Safe to call with 0 (no-op).
 */
function memory_wasmFree(module, ptr) {
    /* v8 ignore start - ptr is always non-zero from wasmAlloc */
    if (ptr !== 0) {
        module._free(ptr);
    }
    /* v8 ignore stop */
}
/**
 * Copy a JS Uint8Array into the WASM heap.
 * @returns Pointer to the allocated WASM memory containing the data.
 */
function memory_copyToWasm(module, data) {
    const ptr = memory_wasmAlloc(module, data.byteLength);
    module.HEAPU8.set(data, ptr);
    return ptr;
}
/**
 * Copy data from WASM heap into a new JS Uint8Array.
 */
function memory_copyFromWasm(module, ptr, length) {
    return new Uint8Array(module.HEAPU8.buffer, ptr, length).slice();
}
/**
 * Manages an lzma_stream struct allocated on the WASM heap.
 *
 * The struct is allocated zeroed (equivalent to LZMA_STREAM_INIT in C).
 * Call `free()` when done to release the memory.
 */
class memory_WasmLzmaStream {
    constructor(module) {
        this.freed = false;
        this.module = module;
        this.ptr = memory_wasmAlloc(module, LZMA_STREAM_SIZE);
    }
    /** Set the input buffer pointer and available bytes */
    setInput(bufPtr, size) {
        this.module.setValue(this.ptr + LZMA_STREAM_OFFSETS.next_in, bufPtr, 'i32');
        this.module.setValue(this.ptr + LZMA_STREAM_OFFSETS.avail_in, size, 'i32');
    }
    /** Set the output buffer pointer and available bytes */
    setOutput(bufPtr, size) {
        this.module.setValue(this.ptr + LZMA_STREAM_OFFSETS.next_out, bufPtr, 'i32');
        this.module.setValue(this.ptr + LZMA_STREAM_OFFSETS.avail_out, size, 'i32');
    }
    /** Get remaining available input bytes */
    get availIn() {
        return this.module.getValue(this.ptr + LZMA_STREAM_OFFSETS.avail_in, 'i32');
    }
    /** Get remaining available output bytes */
    get availOut() {
        return this.module.getValue(this.ptr + LZMA_STREAM_OFFSETS.avail_out, 'i32');
    }
    /** Get total bytes read from input */
    get totalIn() {
        // Read as two i32 values (low + high) since getValue doesn't support i64 well
        const low = this.module.getValue(this.ptr + LZMA_STREAM_OFFSETS.total_in, 'i32');
        const high = this.module.getValue(this.ptr + LZMA_STREAM_OFFSETS.total_in + 4, 'i32');
        return low + high * 0x100000000;
    }
    /** Get total bytes written to output */
    get totalOut() {
        const low = this.module.getValue(this.ptr + LZMA_STREAM_OFFSETS.total_out, 'i32');
        const high = this.module.getValue(this.ptr + LZMA_STREAM_OFFSETS.total_out + 4, 'i32');
        return low + high * 0x100000000;
    }
    /** Free the struct memory. Safe to call multiple times. */
    free() {
        if (!this.freed) {
            this.freed = true;
            memory_wasmFree(this.module, this.ptr);
        }
    }
}
/**
 * RAII-style helper: allocate a WASM buffer, run a callback, then free it.
 * Ensures the buffer is freed even if the callback throws.
 */
async function withWasmBuffer(module, size, fn) {
    const ptr = memory_wasmAlloc(module, size);
    try {
        return await fn(ptr);
    }
    finally {
        memory_wasmFree(module, ptr);
    }
}
//# sourceMappingURL=memory.js.map
;// CONCATENATED MODULE: ./node_modules/.pnpm/node-liblzma@5.1.3/node_modules/node-liblzma/lib/wasm/bindings.js
/**
 * TypeScript bindings for the Emscripten-compiled liblzma WASM module.
 *
 * Provides typed wrappers around the raw C functions exported by liblzma.wasm,
 * with proper memory management and error handling.
 */



// Default output buffer size for streaming operations (256KB)
const DEFAULT_OUT_BUF_SIZE = (/* unused pure expression or super */ null && (256 * 1024));
// Maximum memory limit for decoder (256MB, matching WASM max)
const DEFAULT_MEMLIMIT = BigInt(256 * 1024 * 1024);
/** Singleton module instance (lazy-initialized) */
let moduleInstance = null;
let modulePromise = null;
/**
 * Dynamically import a Node/Deno built-in without exposing the specifier to
 * browser bundlers' static analysis. Only ever reached after a Node/Deno
 * runtime check (see {@link readLocalWasmBinary}), so a browser bundle never
 * executes it; the variable specifier plus the ignore comments stop
 * Vite/webpack from trying to resolve `node:*` at build time.
 */
function importNodeBuiltin(specifier) {
    return import(/* @vite-ignore */ /* webpackIgnore: true */ specifier);
}
/**
 * Read the sibling `liblzma.wasm` from disk on Node and Deno.
 *
 * The WASM glue is built for `web,worker`, so its default loader resolves the
 * binary via `import.meta.url` and fetches it — which fails on `file://` URLs
 * under Node and Deno. On those runtimes we read the file ourselves so it can be
 * handed to Emscripten as `wasmBinary`. Returns null in browser/worker runtimes,
 * where Emscripten's built-in fetch loader is used instead.
 */
async function readLocalWasmBinary() {
    const g = globalThis;
    const hasDeno = typeof g.Deno !== 'undefined';
    /* v8 ignore start - under Node vitest only the Node arm runs; the Deno arm is covered by the CI runtime smoke and the browser arm (return null) needs a browser env */
    const hasNode = !!g.process?.versions?.node;
    if (!hasNode && !hasDeno) {
        return null;
    }
    /* v8 ignore stop */
    const { readFile } = await importNodeBuiltin('node:fs/promises');
    const { fileURLToPath } = await importNodeBuiltin('node:url');
    const wasmPath = fileURLToPath(__nccwpck_require__.ab + "liblzma.wasm");
    const buf = await readFile(wasmPath);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
/**
 * Default module loader: imports the Emscripten glue and, on Node/Deno, supplies
 * the `.wasm` binary so `node-liblzma/wasm` works with zero configuration.
 * Browsers fall through to Emscripten's built-in fetch loader.
 */
async function loadDefaultModule() {
    const { default: createLZMA } = await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 977));
    const wasmBinary = await readLocalWasmBinary();
    /* v8 ignore start - browser fetch path (wasmBinary === null) only reachable in a browser env */
    if (!wasmBinary) {
        return createLZMA();
    }
    /* v8 ignore stop */
    return createLZMA({ wasmBinary });
}
/**
 * Initialize the WASM module. Must be called before any operation.
 *
 * The module is loaded once and cached. Subsequent calls return the same
 * instance. On Node and Deno the sibling `liblzma.wasm` is loaded automatically
 * (zero config); pass a custom loader only for inline/bundled scenarios or to
 * fetch the binary from a custom location.
 *
 * @param loader - Optional custom module loader (for inline/bundled WASM)
 * @returns The initialized Emscripten module
 */
async function bindings_initModule(loader) {
    if (moduleInstance) {
        return moduleInstance;
    }
    if (modulePromise) {
        return modulePromise;
    }
    modulePromise = (async () => {
        moduleInstance = loader ? await loader() : await loadDefaultModule();
        return moduleInstance;
    })();
    try {
        return await modulePromise;
        /* v8 ignore start - requires WASM binary to be missing or corrupt */
    }
    catch (err) {
        modulePromise = null;
        throw new errors_LZMAError(`Failed to load WASM module: ${err instanceof Error ? err.message : String(err)}`, -1);
    }
    /* v8 ignore stop */
}
/**
 * Get the initialized module, throwing if not yet loaded.
 */
function bindings_getModule() {
    if (!moduleInstance) {
        throw new LZMAError('WASM module not initialized. Call initModule() first.', -1);
    }
    return moduleInstance;
}
/**
 * Reset module state (for testing purposes).
 */
function resetModule() {
    moduleInstance = null;
    modulePromise = null;
}
// --- Encoding ---
/**
 * Initialize an easy encoder on the given lzma_stream.
 *
 * @param stream - Allocated WasmLzmaStream
 * @param preset - Compression preset (0-9, optionally OR'd with EXTREME flag)
 * @param check - Integrity check type (default: CRC64)
 * @throws LZMAError on initialization failure
 */
function bindings_encoderInit(stream, preset, check = LZMA_CHECK_CRC64) {
    const module = bindings_getModule();
    const ret = module._lzma_easy_encoder(stream.ptr, preset, check);
    /* v8 ignore start - requires C-level encoder init failure */
    if (ret !== LZMA_OK) {
        throw createLZMAError(ret);
    }
    /* v8 ignore stop */
}
/**
 * Initialize a stream decoder on the given lzma_stream.
 *
 * @param stream - Allocated WasmLzmaStream
 * @param memlimit - Memory limit in bytes (default: 256MB)
 * @throws LZMAOptionsError if memlimit is invalid
 * @throws LZMAError on initialization failure
 */
function bindings_decoderInit(stream, memlimit = DEFAULT_MEMLIMIT) {
    validateMemlimit(memlimit);
    const module = bindings_getModule();
    const limit = typeof memlimit === 'number' ? BigInt(memlimit) : memlimit;
    const ret = module._lzma_stream_decoder(stream.ptr, limit, 0);
    /* v8 ignore start - requires C-level decoder init failure */
    if (ret !== LZMA_OK) {
        throw createLZMAError(ret);
    }
    /* v8 ignore stop */
}
/**
 * Initialize an auto decoder (detects format) on the given lzma_stream.
 *
 * @param stream - Allocated WasmLzmaStream
 * @param memlimit - Memory limit in bytes (default: 256MB)
 * @throws LZMAOptionsError if memlimit is invalid
 * @throws LZMAError on initialization failure
 */
function autoDecoderInit(stream, memlimit = DEFAULT_MEMLIMIT) {
    validateMemlimit(memlimit);
    const module = bindings_getModule();
    const limit = typeof memlimit === 'number' ? BigInt(memlimit) : memlimit;
    const ret = module._lzma_auto_decoder(stream.ptr, limit, 0);
    /* v8 ignore start - requires C-level auto decoder init failure */
    if (ret !== LZMA_OK) {
        throw createLZMAError(ret);
    }
    /* v8 ignore stop */
}
/**
 * Run lzma_code on a stream (one step of encoding/decoding).
 *
 * @param stream - Active WasmLzmaStream
 * @param action - LZMA_RUN, LZMA_FINISH, etc.
 * @returns The lzma return code (LZMA_OK, LZMA_STREAM_END, or error)
 */
function bindings_code(stream, action) {
    const module = bindings_getModule();
    return module._lzma_code(stream.ptr, action);
}
/**
 * Finalize a stream and free its internal resources.
 */
function bindings_end(stream) {
    const module = bindings_getModule();
    module._lzma_end(stream.ptr);
}
/**
 * Get the memory usage of a stream (in bytes).
 */
function memusage(stream) {
    const module = bindings_getModule();
    return Number(module._lzma_memusage(stream.ptr));
}
// --- Buffer API (one-shot) ---
/**
 * Compress a buffer using lzma_easy_buffer_encode.
 *
 * @param input - Data to compress
 * @param preset - Compression preset (0-9)
 * @param check - Integrity check type (default: CRC64)
 * @returns Compressed data
 * @throws LZMAError on compression failure
 */
function bindings_easyBufferEncode(input, preset, check = LZMA_CHECK_CRC64) {
    const module = bindings_getModule();
    const inPtr = copyToWasm(module, input);
    // Worst case: XZ header (12) + block header (~32) + data + padding + index + footer
    // For incompressible data, output can be slightly larger than input
    const outSize = input.byteLength + 1024;
    const outPtr = wasmAlloc(module, outSize);
    const outPosPtr = wasmAlloc(module, 4);
    try {
        // outPos starts at 0
        module.setValue(outPosPtr, 0, 'i32');
        const ret = module._lzma_easy_buffer_encode(preset, check, 0, // allocator (NULL = default)
        inPtr, input.byteLength, outPtr, outPosPtr, outSize);
        /* v8 ignore start - requires C-level buffer encode failure */
        if (ret !== LZMA_OK) {
            throw createLZMAError(ret);
        }
        /* v8 ignore stop */
        const outPos = module.getValue(outPosPtr, 'i32');
        return copyFromWasm(module, outPtr, outPos);
    }
    finally {
        wasmFree(module, inPtr);
        wasmFree(module, outPtr);
        wasmFree(module, outPosPtr);
    }
}
/**
 * Decompress a buffer using lzma_stream_buffer_decode.
 *
 * @param input - XZ compressed data
 * @param memlimit - Memory limit in bytes (default: 256MB)
 * @returns Decompressed data
 * @throws LZMAError on decompression failure
 */
/**
 * Validate a memlimit value before coercion to BigInt.
 *
 * BigInt() throws a native RangeError for NaN, Infinity, and non-integer
 * numbers (e.g. 1.5). Negative integers produce a huge unsigned value when
 * interpreted by the C ABI (uint64_t wrap-around). Numbers above
 * Number.MAX_SAFE_INTEGER (2^53 - 1) lose precision on coercion to BigInt.
 * All these cases are rejected here with LZMAOptionsError so callers always
 * get an LZMAError subclass.
 *
 * @throws LZMAOptionsError if the value is invalid
 */
function validateMemlimit(memlimit) {
    if (typeof memlimit === 'bigint') {
        if (memlimit < 0n) {
            throw new LZMAOptionsError(LZMA_OPTIONS_ERROR, 'memlimit must be a non-negative value');
        }
        if (memlimit > 18446744073709551615n) {
            throw new LZMAOptionsError(LZMA_OPTIONS_ERROR, 'memlimit bigint exceeds UINT64_MAX (2^64 - 1); use a smaller value (UINT64_MAX = no limit on native; WASM buffer APIs default to 256 MiB when omitted)');
        }
        return;
    }
    if (!Number.isFinite(memlimit)) {
        throw new LZMAOptionsError(LZMA_OPTIONS_ERROR, 'memlimit must be a finite number (NaN and Infinity are not allowed)');
    }
    if (!Number.isInteger(memlimit)) {
        throw new LZMAOptionsError(LZMA_OPTIONS_ERROR, 'memlimit must be an integer (fractional values are not allowed)');
    }
    if (memlimit < 0) {
        throw new LZMAOptionsError(LZMA_OPTIONS_ERROR, 'memlimit must be a non-negative value');
    }
    if (memlimit > Number.MAX_SAFE_INTEGER) {
        throw new LZMAOptionsError(LZMA_OPTIONS_ERROR, 'memlimit number exceeds MAX_SAFE_INTEGER (use bigint for values >= 2^53)');
    }
}
function bindings_streamBufferDecode(input, memlimit = DEFAULT_MEMLIMIT) {
    const module = bindings_getModule();
    const inPtr = copyToWasm(module, input);
    const inPosPtr = wasmAlloc(module, 4);
    const outPosPtr = wasmAlloc(module, 4);
    const memlimitPtr = wasmAlloc(module, 8);
    // Start with 4x input size as estimate, will grow if needed
    let outSize = input.byteLength * 4;
    if (outSize < 4096)
        outSize = 4096;
    let outPtr = wasmAlloc(module, outSize);
    try {
        validateMemlimit(memlimit);
        const limit = typeof memlimit === 'number' ? BigInt(memlimit) : memlimit;
        module.setValue(memlimitPtr, limit, 'i64');
        // Retry with larger buffer if BUF_ERROR
        for (let attempt = 0; attempt < 5; attempt++) {
            module.setValue(inPosPtr, 0, 'i32');
            module.setValue(outPosPtr, 0, 'i32');
            const ret = module._lzma_stream_buffer_decode(memlimitPtr, 0, // flags
            0, // allocator (NULL)
            inPtr, inPosPtr, input.byteLength, outPtr, outPosPtr, outSize);
            if (ret === LZMA_OK) {
                const outPos = module.getValue(outPosPtr, 'i32');
                return copyFromWasm(module, outPtr, outPos);
            }
            /* v8 ignore start - false branch requires C-level error other than OK/BUF_ERROR */
            // Buffer too small — grow and retry
            if (ret === LZMA_BUF_ERROR) {
                wasmFree(module, outPtr);
                outSize *= 4;
                outPtr = wasmAlloc(module, outSize);
                continue;
            }
            throw createLZMAError(ret);
            /* v8 ignore stop */
        }
        /* v8 ignore start */
        throw new LZMAError('Decompression failed: output buffer exhausted', 10);
        /* v8 ignore stop */
    }
    finally {
        wasmFree(module, inPtr);
        wasmFree(module, outPtr);
        wasmFree(module, inPosPtr);
        wasmFree(module, outPosPtr);
        wasmFree(module, memlimitPtr);
    }
}
// --- Streaming helpers ---
/**
 * Process a full input buffer through an initialized encoder/decoder stream,
 * collecting all output chunks.
 *
 * This is used by the buffer APIs (xzAsync/unxzAsync) for streaming
 * encoding/decoding within a single call.
 *
 * @param stream - Initialized WasmLzmaStream (encoder or decoder)
 * @param input - Input data
 * @returns Concatenated output
 * @throws LZMAError on processing failure
 */
function processStream(stream, input) {
    const module = bindings_getModule();
    const inPtr = copyToWasm(module, input);
    const outBufSize = DEFAULT_OUT_BUF_SIZE;
    const outPtr = wasmAlloc(module, outBufSize);
    try {
        stream.setInput(inPtr, input.byteLength);
        const chunks = [];
        let action = LZMA_RUN;
        while (true) {
            // Once all input consumed, switch to FINISH
            if (stream.availIn === 0) {
                action = LZMA_FINISH;
            }
            stream.setOutput(outPtr, outBufSize);
            const ret = bindings_code(stream, action);
            // Collect output produced
            const produced = outBufSize - stream.availOut;
            if (produced > 0) {
                chunks.push(copyFromWasm(module, outPtr, produced));
            }
            if (ret === LZMA_STREAM_END) {
                break;
            }
            if (ret !== LZMA_OK) {
                throw createLZMAError(ret);
            }
        }
        // Concatenate all output chunks
        const totalSize = chunks.reduce((sum, c) => sum + c.byteLength, 0);
        const result = new Uint8Array(totalSize);
        let offset = 0;
        for (const chunk of chunks) {
            result.set(chunk, offset);
            offset += chunk.byteLength;
        }
        return result;
    }
    finally {
        wasmFree(module, inPtr);
        wasmFree(module, outPtr);
        bindings_end(stream);
        stream.free();
    }
}
// --- Utility bindings ---
/**
 * Get the liblzma version string (e.g. "5.6.3").
 */
function versionString() {
    const module = bindings_getModule();
    const ptr = module._lzma_version_string();
    // Read null-terminated C string from WASM memory
    const bytes = module.HEAPU8;
    let end = ptr;
    while (bytes[end] !== 0)
        end++;
    const decoder = new TextDecoder();
    return decoder.decode(bytes.subarray(ptr, end));
}
/**
 * Check if a given integrity check type is supported.
 */
function checkIsSupported(check) {
    const module = bindings_getModule();
    return module._lzma_check_is_supported(check) !== 0;
}
//# sourceMappingURL=bindings.js.map
;// CONCATENATED MODULE: ./node_modules/.pnpm/node-liblzma@5.1.3/node_modules/node-liblzma/lib/wasm/utils.js
/**
 * WASM utility functions for browser usage.
 *
 * Provides isXZ, versionString, versionNumber, parseFileIndex
 * matching the Node.js API signatures.
 */

/** XZ magic bytes: 0xFD + "7zXZ" + 0x00 */
const XZ_MAGIC = new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);
/**
 * Check if a buffer contains XZ compressed data.
 *
 * @param buffer - Data to check
 * @returns true if the buffer starts with the XZ magic bytes
 */
function isXZ(buffer) {
    const data = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
    if (data.byteLength < XZ_MAGIC.length)
        return false;
    for (let i = 0; i < XZ_MAGIC.length; i++) {
        /* v8 ignore start - tests always fail at first byte or match fully */
        if (data[i] !== XZ_MAGIC[i])
            return false;
        /* v8 ignore stop */
    }
    return true;
}
/**
 * Get the liblzma version string (e.g. "5.6.3").
 */
function utils_versionString() {
    return wasmVersionString();
}
/**
 * Get the liblzma version as a number (e.g. 50060030 for 5.6.3).
 */
function versionNumber() {
    const parts = wasmVersionString().split('.');
    const major = Number.parseInt(parts[0], 10);
    const minor = Number.parseInt(parts[1], 10);
    const patch = Number.parseInt(parts[2], 10);
    return major * 10000000 + minor * 10000 + patch * 10;
}
/**
 * Get memory usage estimate for the easy encoder with given preset.
 *
 * Note: In WASM, this is approximated based on preset level.
 * Presets 7-9 require significantly more memory at runtime than reported here
 * and may exceed the default WASM memory limit (256MB).
 */
function easyEncoderMemusage(preset) {
    // Approximate memory usage per preset (from liblzma docs)
    const usageByPreset = {
        0: 1572864, // ~1.5 MB
        1: 2097152, // ~2 MB
        2: 3145728, // ~3 MB
        3: 4194304, // ~4 MB
        4: 5242880, // ~5 MB
        5: 6291456, // ~6 MB
        6: 9437184, // ~9 MB
        7: 17825792, // ~17 MB
        8: 34603008, // ~33 MB
        9: 67108864, // ~64 MB
    };
    /* v8 ignore start - fallback for unsupported preset values */
    return usageByPreset[preset & 0x1f] ?? usageByPreset[6];
    /* v8 ignore stop */
}
/**
 * Get memory usage estimate for the easy decoder.
 */
function easyDecoderMemusage() {
    // Decoder memory usage is typically ~2-65MB depending on the stream
    // Default estimate for typical streams
    return 67108864; // ~64 MB (worst case for preset 9)
}
/**
 * Read a Variable-Length Integer (VLI) from XZ data.
 * XZ VLI: 7 bits per byte, MSB = continuation bit, max 9 bytes (63 bits).
 *
 * @returns [value, bytesConsumed]
 */
function readVLI(data, offset) {
    let value = 0;
    let shift = 0;
    for (let i = 0; i < 9; i++) {
        /* v8 ignore start - unreachable via parseFileIndex: buffer always has enough bytes */
        if (offset + i >= data.byteLength) {
            throw new Error('Truncated VLI in XZ index');
        }
        /* v8 ignore stop */
        const byte = data[offset + i];
        value |= (byte & 0x7f) * 2 ** shift;
        shift += 7;
        if ((byte & 0x80) === 0) {
            return [value, i + 1];
        }
    }
    throw new Error('Invalid VLI in XZ index (too many bytes)');
}
/**
 * Parse the index of an XZ file to extract metadata.
 * Parses the XZ footer and the index section to extract real
 * uncompressed size, block count, and integrity check type.
 *
 * @param buffer - Complete XZ file data
 * @returns File index information
 */
function parseFileIndex(buffer) {
    /* v8 ignore start - tests always pass Uint8Array */
    const data = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
    /* v8 ignore stop */
    if (!isXZ(data)) {
        throw new Error('Not a valid XZ file');
    }
    // XZ footer is last 12 bytes: CRC32(4) + Backward Size(4) + Flags(2) + 'YZ'(2)
    if (data.byteLength < 24) {
        throw new Error('XZ file too small to contain valid index');
    }
    const footer = data.subarray(data.byteLength - 12);
    // Verify footer magic 'YZ' (0x59, 0x5A)
    if (footer[10] !== 0x59 || footer[11] !== 0x5a) {
        throw new Error('Invalid XZ footer');
    }
    // Stream flags (check type is in bits 0-3 of the first flag byte)
    const checkType = footer[8] & 0x0f;
    // Backward size (little-endian uint32, value = (stored + 1) * 4)
    const backwardSize = ((footer[4] | (footer[5] << 8) | (footer[6] << 16) | (footer[7] << 24)) + 1) * 4;
    // Parse the index section
    // Index starts at: footer_position - backwardSize
    const indexStart = data.byteLength - 12 - backwardSize;
    if (indexStart < 12 || indexStart >= data.byteLength - 12) {
        throw new Error('Invalid backward size in XZ footer');
    }
    // Index indicator byte must be 0x00
    if (data[indexStart] !== 0x00) {
        throw new Error('Invalid XZ index indicator');
    }
    // Read number of records (VLI)
    let pos = indexStart + 1;
    const [recordCount, recordCountBytes] = readVLI(data, pos);
    pos += recordCountBytes;
    // Read each record: Unpadded Size (VLI) + Uncompressed Size (VLI)
    let totalUncompressed = 0;
    for (let i = 0; i < recordCount; i++) {
        const [, unpaddedBytes] = readVLI(data, pos);
        pos += unpaddedBytes;
        const [uncompressedSize, uncompressedBytes] = readVLI(data, pos);
        pos += uncompressedBytes;
        totalUncompressed += uncompressedSize;
    }
    return {
        uncompressedSize: totalUncompressed,
        compressedSize: data.byteLength,
        streamCount: 1,
        blockCount: recordCount,
        check: checkType,
        memoryUsage: backwardSize,
    };
}

/** Convert various input types to Uint8Array */
function utils_toUint8Array(input) {
    if (input instanceof Uint8Array)
        return input;
    if (input instanceof ArrayBuffer)
        return new Uint8Array(input);
    return new TextEncoder().encode(input);
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/.pnpm/node-liblzma@5.1.3/node_modules/node-liblzma/lib/wasm/compress.js
/**
 * WASM compression functions for browser usage.
 *
 * Provides xzAsync, xz (callback), and xzSync (throws in browser)
 * matching the Node.js API signatures.
 */




/**
 * Compress a buffer to XZ format (async, Promise-based).
 *
 * @param buffer - Data to compress (Uint8Array, ArrayBuffer, or string)
 * @param opts - Compression options (preset, check)
 * @returns Compressed XZ data
 */
async function xzAsync(buffer, opts) {
    await initModule();
    const input = toUint8Array(buffer);
    const preset = opts?.preset ?? 6;
    const check = opts?.check ?? LZMA_CHECK_CRC64;
    return easyBufferEncode(input, preset, check);
}
function xz(buffer, optsOrCallback, callback) {
    let opts;
    let cb;
    if (typeof optsOrCallback === 'function') {
        cb = optsOrCallback;
        opts = {};
    }
    else {
        opts = optsOrCallback;
        cb = callback;
    }
    xzAsync(buffer, opts).then((result) => cb(null, result), 
    /* v8 ignore start - xzAsync always rejects with Error */
    (error) => cb(error instanceof Error ? error : new Error(String(error)))
    /* v8 ignore stop */
    );
}
/**
 * Synchronous XZ compression — **throws in browser**.
 *
 * Sync operations are not supported in WASM because they would block
 * the main thread. Use xzAsync() instead.
 */
function xzSync(_buffer, _opts) {
    throw new LZMAError('Sync operations not supported in browser. Use xzAsync() instead.', -1);
}
//# sourceMappingURL=compress.js.map
;// CONCATENATED MODULE: ./node_modules/.pnpm/node-liblzma@5.1.3/node_modules/node-liblzma/lib/wasm/decompress.js
/**
 * WASM decompression functions for browser usage.
 *
 * Provides unxzAsync, unxz (callback), and unxzSync (throws in browser)
 * matching the Node.js API signatures.
 */



/**
 * Decompress XZ data (async, Promise-based).
 *
 * @param buffer - XZ compressed data
 * @param opts - Decompression options (memlimit)
 * @returns Decompressed data
 */
async function unxzAsync(buffer, opts) {
    await initModule();
    const input = toUint8Array(buffer);
    return streamBufferDecode(input, opts?.memlimit);
}
function unxz(buffer, optsOrCallback, callback) {
    let opts;
    let cb;
    if (typeof optsOrCallback === 'function') {
        cb = optsOrCallback;
        opts = {};
    }
    else {
        opts = optsOrCallback;
        cb = callback;
    }
    unxzAsync(buffer, opts).then((result) => cb(null, result), 
    /* v8 ignore start - unxzAsync always rejects with Error */
    (error) => cb(error instanceof Error ? error : new Error(String(error)))
    /* v8 ignore stop */
    );
}
/**
 * Synchronous XZ decompression — **throws in browser**.
 *
 * Sync operations are not supported in WASM because they would block
 * the main thread. Use unxzAsync() instead.
 */
function unxzSync(_buffer, _opts) {
    throw new LZMAError('Sync operations not supported in browser. Use unxzAsync() instead.', -1);
}
//# sourceMappingURL=decompress.js.map
;// CONCATENATED MODULE: ./node_modules/.pnpm/node-liblzma@5.1.3/node_modules/node-liblzma/lib/wasm/stream.js
/**
 * Web Streams API for WASM XZ compression/decompression.
 *
 * Returns standard Web TransformStream instances (not Node.js streams).
 * Use `.pipeThrough()` instead of `.pipe()`.
 */




// Chunk size for streaming I/O (64KB)
const CHUNK_SIZE = (/* unused pure expression or super */ null && (64 * 1024));
/**
 * Create a Web TransformStream that compresses data to XZ format.
 *
 * @param opts - Compression options (preset, check)
 * @returns A TransformStream<Uint8Array, Uint8Array>
 *
 * @example
 * ```ts
 * const compressed = await new Response(
 *   readableStream.pipeThrough(createXz())
 * ).arrayBuffer();
 * ```
 */
function createXz(opts) {
    const preset = opts?.preset ?? 6;
    const checkType = opts?.check ?? LZMA_CHECK_CRC64;
    const module = getModule();
    const stream = new WasmLzmaStream(module);
    encoderInit(stream, preset, checkType);
    const outPtr = wasmAlloc(module, CHUNK_SIZE);
    let cleaned = false;
    const doCleanup = () => {
        /* v8 ignore start - guard against double-cleanup */
        if (!cleaned) {
            cleaned = true;
            cleanup(module, stream, outPtr);
        }
        /* v8 ignore stop */
    };
    return new TransformStream({
        transform(chunk, controller) {
            try {
                processChunk(module, stream, outPtr, chunk, LZMA_RUN, controller);
                /* v8 ignore start - requires WASM compressor to error on valid input */
            }
            catch (e) {
                doCleanup();
                throw e;
            }
            /* v8 ignore stop */
        },
        flush(controller) {
            try {
                processChunk(module, stream, outPtr, new Uint8Array(0), LZMA_FINISH, controller);
            }
            finally {
                doCleanup();
            }
        },
        /* cancel() frees WASM resources when the readable side is cancelled.
           Part of the Streams spec; @types/node added `cancel?:` to the Transformer
           interface in 25.7.0. The intersection cast accepts the property on both
           older typings (where it's absent) and newer typings (where it's present),
           keeping the typecheck stable across `@types/node` minor bumps. */
        cancel: doCleanup,
    });
}
/**
 * Create a Web TransformStream that decompresses XZ data.
 *
 * @returns A TransformStream<Uint8Array, Uint8Array>
 *
 * @example
 * ```ts
 * const decompressed = await new Response(
 *   xzStream.pipeThrough(createUnxz())
 * ).arrayBuffer();
 * ```
 */
function createUnxz() {
    const module = getModule();
    const stream = new WasmLzmaStream(module);
    decoderInit(stream);
    const outPtr = wasmAlloc(module, CHUNK_SIZE);
    let finished = false;
    let cleaned = false;
    const doCleanup = () => {
        /* v8 ignore start - guard against double-cleanup */
        if (!cleaned) {
            cleaned = true;
            cleanup(module, stream, outPtr);
        }
        /* v8 ignore stop */
    };
    return new TransformStream({
        transform(chunk, controller) {
            /* v8 ignore start - guard against chunks after STREAM_END */
            if (finished)
                return;
            /* v8 ignore stop */
            try {
                const done = processChunk(module, stream, outPtr, chunk, LZMA_RUN, controller);
                if (done)
                    finished = true;
            }
            catch (e) {
                doCleanup();
                throw e;
            }
        },
        flush(controller) {
            try {
                /* v8 ignore start - requires partial XZ block that doesn't error in transform */
                if (!finished) {
                    processChunk(module, stream, outPtr, new Uint8Array(0), LZMA_FINISH, controller);
                }
                /* v8 ignore stop */
            }
            finally {
                doCleanup();
            }
        },
        /* cancel() frees WASM resources when the readable side is cancelled.
           See createXz() for the rationale on the intersection cast. */
        cancel: doCleanup,
    });
}
/**
 * Process a single chunk through the lzma stream, enqueueing output.
 * Returns true if LZMA_STREAM_END was reached.
 */
function processChunk(module, stream, outPtr, chunk, action, controller) {
    let inPtr = 0;
    try {
        if (chunk.byteLength > 0) {
            inPtr = copyToWasm(module, chunk);
            stream.setInput(inPtr, chunk.byteLength);
        }
        else {
            stream.setInput(0, 0);
        }
        while (true) {
            stream.setOutput(outPtr, CHUNK_SIZE);
            const ret = code(stream, action);
            const produced = CHUNK_SIZE - stream.availOut;
            if (produced > 0) {
                controller.enqueue(copyFromWasm(module, outPtr, produced));
            }
            if (ret === LZMA_STREAM_END) {
                return true;
            }
            if (ret !== LZMA_OK) {
                throw createLZMAError(ret);
            }
            // If all input consumed and no more output, we're done with this chunk
            if (stream.availIn === 0 && stream.availOut > 0) {
                break;
            }
        }
        return false;
    }
    finally {
        if (inPtr)
            wasmFree(module, inPtr);
    }
}
/** Free WASM resources */
function cleanup(module, stream, outPtr) {
    end(stream);
    stream.free();
    wasmFree(module, outPtr);
}
//# sourceMappingURL=stream.js.map
;// CONCATENATED MODULE: ./node_modules/.pnpm/node-liblzma@5.1.3/node_modules/node-liblzma/lib/wasm/index.js
/**
 * WASM liblzma module — public API.
 *
 * This module provides TypeScript bindings to the Emscripten-compiled
 * liblzma WASM binary, enabling XZ/LZMA2 compression in browsers.
 */
// --- Block 2: Low-level bindings ---

// --- Block 3: Buffer API (high-level) ---



// --- Block 4: Streaming API (Web Streams) ---


// --- Block 5: Utility functions ---

//# sourceMappingURL=index.js.map
// EXTERNAL MODULE: ./node_modules/.pnpm/node-liblzma@5.1.3/node_modules/node-liblzma/lib/wasm/liblzma.js
var liblzma = __nccwpck_require__(977);
// EXTERNAL MODULE: ./node_modules/.pnpm/unbzip2-stream@1.4.3/node_modules/unbzip2-stream/index.js
var unbzip2_stream = __nccwpck_require__(825);
var unbzip2_stream_default = /*#__PURE__*/__nccwpck_require__.n(unbzip2_stream);
;// CONCATENATED MODULE: ./packages/model/src/compression/stream-decoders.ts
/**
 * Push-style decompressors for every stream a model loader decompresses before unpickling:
 * zlib/gzip/raw deflate (fflate), bz2 (unbzip2-stream), xz and legacy .lzma (liblzma built to
 * WebAssembly, from node-liblzma) and zstd (fzstd). Each takes chunks as they are read and hands
 * decompressed chunks to `ondata` synchronously, so nothing is held whole in memory: the caller
 * charges every output byte to the scan's decompression budget (a throw from `ondata` stops the
 * decoder). See packages/model/README.md for why each library was chosen.
 */








function isDecodable(kind) {
    return kind === 'zlib' || kind === 'gzip' || kind === 'bz2' || kind === 'xz' || kind === 'lzma' || kind === 'zstd' || kind === 'lz4' || kind === 'deflate';
}
/** The stream is corrupt or truncated: what a loader would also fail to read. */
class CorruptData extends Error {
}
/** The stream is valid but needs more than this scanner allows (a window or dictionary too large to read within bounds). */
class UnreadableData extends Error {
}
/**
 * liblzma's decoder memory limit. xz -9 (64 MiB dictionary) needs about 65 MiB; Python's
 * lzma presets 0-9 all fit. A stream asking for more is refused, not read.
 */
const LZMA_MEMLIMIT = 96 * 1024 * 1024;
/** Largest zstd window read (zstd's own default decoder limit, windowLogMax 27). */
const ZSTD_MAX_WINDOW = 128 * 1024 * 1024;
let lzma = null;
let lzmaLoading = null;
/**
 * Loads the liblzma WebAssembly module (once; about 100 KiB, a few milliseconds). Call before a
 * scan: {@link createDecoder} is synchronous and needs it loaded for `xz` and `lzma`.
 */
function decodersReady() {
    if (lzma)
        return Promise.resolve();
    if (!lzmaLoading) {
        lzmaLoading = bindings_initModule(async () => {
            const wasmBinary = await readLiblzmaWasm();
            // No locateFile: the glue then compares its own (bundler-rewritten) wasm path with itself and
            // takes the bytes given instead of fetching that path (its build targets browsers).
            return (0,liblzma["default"])({ wasmBinary });
        }).then((m) => {
            lzma = m;
        });
        lzmaLoading.catch(() => {
            lzmaLoading = null;
        });
    }
    return lzmaLoading;
}
/**
 * The liblzma WebAssembly binary. Bundled (dist/), ncc has copied it beside the bundle from the
 * Emscripten glue's own `new URL('liblzma.wasm', import.meta.url)`; unbundled, it is in the
 * package. The names are built at run time so the bundler does not emit (and re-encode) a second
 * copy.
 */
async function readLiblzmaWasm() {
    const file = ['liblzma', 'wasm'].join('.');
    const candidates = [(0,external_node_url_namespaceObject.fileURLToPath)(new URL(`./${file}`, import.meta.url))];
    try {
        candidates.push((0,external_node_module_namespaceObject.createRequire)(import.meta.url).resolve(['node-liblzma', 'wasm', file].join('/')));
    }
    catch {
        // not resolvable from here: bundled
    }
    for (const path of candidates) {
        try {
            const bytes = await (0,promises_namespaceObject.readFile)(path);
            // The WebAssembly magic, so a stray file of that name is not taken for it.
            if (bytes[0] === 0x00 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d)
                return bytes;
        }
        catch {
            // try the next place
        }
    }
    throw new Error(`liblzma.wasm not found (looked in ${candidates.join(', ')})`);
}
/** Creates a decoder for `kind`. Errors surface as {@link CorruptData} or {@link UnreadableData}; anything `ondata` throws passes through. */
function createDecoder(kind, ondata) {
    switch (kind) {
        case 'zlib':
        case 'gzip':
        case 'deflate':
            return new FflateDecoder(kind, ondata);
        case 'bz2':
            return new Bz2Decoder(ondata);
        case 'xz':
        case 'lzma':
            return new LiblzmaDecoder(ondata);
        case 'zstd':
            return new ZstdDecoder(ondata);
        case 'lz4':
            return new Lz4FrameDecoder(ondata);
    }
}
/** Errors thrown by `ondata` (the budget) are the caller's; only the library's own errors are rewrapped. */
class Passthrough {
    thrown = null;
    wrap(ondata) {
        return (d) => {
            try {
                ondata(d);
            }
            catch (e) {
                this.thrown = e;
                throw e;
            }
        };
    }
    rethrow(e, label) {
        if (this.thrown !== null && e === this.thrown)
            throw e;
        if (e instanceof CorruptData || e instanceof UnreadableData)
            throw e;
        throw new CorruptData(`corrupt ${label} data: ${e?.message ?? String(e)}`);
    }
}
class FflateDecoder {
    kind;
    d;
    pass = new Passthrough();
    ended = false;
    constructor(kind, ondata) {
        this.kind = kind;
        const cb = this.pass.wrap(ondata);
        const handler = (data, final) => {
            if (final)
                this.ended = true;
            if (data.length > 0)
                cb(data);
        };
        this.d = kind === 'zlib' ? new Unzlib(handler) : kind === 'gzip' ? new Gunzip(handler) : new Inflate(handler);
    }
    push(chunk, final) {
        try {
            this.d.push(chunk, final);
        }
        catch (e) {
            this.pass.rethrow(e, this.kind);
        }
        if (final && !this.ended && this.kind === 'deflate')
            throw new CorruptData('deflate stream ends before its final block (truncated)');
    }
}
/**
 * unbzip2-stream's through-stream is synchronous: `write` decodes every complete block it holds
 * (it buffers at most one block, 900 KB, before decoding) and emits the output before returning.
 */
class Bz2Decoder {
    s;
    error = null;
    pass = new Passthrough();
    constructor(ondata) {
        const cb = this.pass.wrap(ondata);
        this.s = unbzip2_stream_default()();
        this.s.on('data', (d) => {
            if (d && d.length > 0)
                cb(new Uint8Array(d.buffer, d.byteOffset, d.length));
        });
        this.s.on('error', (e) => {
            this.error ??= e;
        });
    }
    push(chunk, final) {
        try {
            if (chunk.length > 0)
                this.s.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
            if (final)
                this.s.end();
        }
        catch (e) {
            this.pass.rethrow(e, 'bz2');
        }
        if (this.error) {
            // An error our own callback threw (the decompression budget, an abort) comes back through the
            // stream's 'error' event: it is not corrupt data and keeps its own class.
            if (this.pass.thrown !== null && this.error === this.pass.thrown)
                throw this.error;
            throw new CorruptData(`corrupt bz2 data: ${this.error.message}`);
        }
    }
}
const stream_decoders_LZMA_OK = 0;
const stream_decoders_LZMA_STREAM_END = 1;
const stream_decoders_LZMA_RUN = 0;
const stream_decoders_LZMA_FINISH = 3;
const LZMA_CONCATENATED = 0x08;
const stream_decoders_LZMA_MEMLIMIT_ERROR = 6;
const LZMA_ERRORS = {
    5: 'memory allocation failed',
    6: `the stream needs more than ${LZMA_MEMLIMIT} bytes of decoder memory`,
    7: 'not an xz or lzma stream',
    8: 'unsupported options',
    9: 'corrupt data',
    10: 'the stream is truncated',
    11: 'internal error',
};
/** lzma_stream layout in the 32-bit WebAssembly build. */
const STRM = { nextIn: 0, availIn: 4, nextOut: 16, availOut: 20, size: 96 };
const IO_BUF = 64 * 1024;
/**
 * liblzma's auto decoder: `.xz` (several concatenated streams, as xz and Python write) and the
 * legacy `.lzma` format (`lzma.FORMAT_ALONE`, what `joblib.dump(compress='lzma')` writes). Like
 * Python's LZMAFile, a new stream right after the end of one is decoded and appended.
 */
class LiblzmaDecoder {
    ondata;
    m;
    strm = 0;
    inPtr;
    outPtr;
    streamEnded = false;
    closed = false;
    constructor(ondata) {
        this.ondata = ondata;
        if (!lzma)
            throw new Error('decodersReady() must resolve before an xz/lzma decoder is created');
        this.m = lzma;
        this.inPtr = this.m._malloc(IO_BUF);
        this.outPtr = this.m._malloc(IO_BUF);
        this.start();
    }
    start() {
        const m = this.m;
        if (this.strm === 0)
            this.strm = m._malloc(STRM.size);
        else
            m._lzma_end(this.strm);
        m.HEAPU8.fill(0, this.strm, this.strm + STRM.size);
        const ret = m._lzma_auto_decoder(this.strm, BigInt(LZMA_MEMLIMIT), LZMA_CONCATENATED);
        if (ret !== stream_decoders_LZMA_OK)
            this.fail(ret);
        this.streamEnded = false;
    }
    u32(off) {
        const h = this.m.HEAPU8;
        const p = this.strm + off;
        return (h[p] | (h[p + 1] << 8) | (h[p + 2] << 16) | (h[p + 3] << 24)) >>> 0;
    }
    setU32(off, v) {
        const h = this.m.HEAPU8;
        const p = this.strm + off;
        h[p] = v & 0xff;
        h[p + 1] = (v >>> 8) & 0xff;
        h[p + 2] = (v >>> 16) & 0xff;
        h[p + 3] = (v >>> 24) & 0xff;
    }
    fail(ret) {
        this.close();
        const text = LZMA_ERRORS[ret] ?? `liblzma error ${ret}`;
        if (ret === stream_decoders_LZMA_MEMLIMIT_ERROR)
            throw new UnreadableData(`xz/lzma stream: ${text}`);
        throw new CorruptData(`corrupt xz/lzma data: ${text}`);
    }
    close() {
        if (this.closed)
            return;
        this.closed = true;
        this.m._lzma_end(this.strm);
        this.m._free(this.strm);
        this.m._free(this.inPtr);
        this.m._free(this.outPtr);
    }
    push(chunk, final) {
        if (this.closed)
            return;
        try {
            for (let o = 0; o < chunk.length; o += IO_BUF)
                this.run(chunk.subarray(o, Math.min(chunk.length, o + IO_BUF)), stream_decoders_LZMA_RUN);
            if (final) {
                if (!this.streamEnded)
                    this.run(new Uint8Array(0), stream_decoders_LZMA_FINISH);
                this.close();
            }
        }
        catch (e) {
            this.close();
            throw e;
        }
    }
    run(piece, action) {
        const m = this.m;
        m.HEAPU8.set(piece, this.inPtr);
        let inAt = this.inPtr;
        let inLeft = piece.length;
        for (;;) {
            if (this.streamEnded) {
                // A new stream starts after the end of the last one (Python's LZMAFile reads on).
                if (inLeft === 0)
                    return;
                this.start();
            }
            this.setU32(STRM.nextIn, inAt);
            this.setU32(STRM.availIn, inLeft);
            this.setU32(STRM.nextOut, this.outPtr);
            this.setU32(STRM.availOut, IO_BUF);
            const ret = m._lzma_code(this.strm, action);
            const availOut = this.u32(STRM.availOut);
            const produced = IO_BUF - availOut;
            const left = this.u32(STRM.availIn);
            inAt += inLeft - left;
            inLeft = left;
            if (produced > 0)
                this.ondata(m.HEAPU8.slice(this.outPtr, this.outPtr + produced));
            if (ret === stream_decoders_LZMA_STREAM_END) {
                this.streamEnded = true;
                if (inLeft === 0)
                    return;
                continue;
            }
            if (ret !== stream_decoders_LZMA_OK)
                this.fail(ret);
            if (action === stream_decoders_LZMA_FINISH)
                continue;
            if (inLeft === 0 && availOut > 0)
                return;
        }
    }
}
/** fzstd, after checking each frame header it can see that the window fits {@link ZSTD_MAX_WINDOW}. */
class ZstdDecoder {
    d;
    pass = new Passthrough();
    headerChecked = false;
    done = false;
    constructor(ondata) {
        const cb = this.pass.wrap(ondata);
        this.d = new esm_Decompress((data, final) => {
            if (final)
                this.done = true;
            if (data.length > 0)
                cb(data);
        });
    }
    push(chunk, final) {
        if (!this.headerChecked && chunk.length >= 6) {
            this.headerChecked = true;
            const window = zstdWindow(chunk);
            if (window !== null && window > ZSTD_MAX_WINDOW)
                throw new UnreadableData(`zstd frame needs a ${window}-byte window, over the ${ZSTD_MAX_WINDOW}-byte bound zstd itself applies by default`);
        }
        try {
            this.d.push(chunk, final);
        }
        catch (e) {
            this.pass.rethrow(e, 'zstd');
        }
        if (final && !this.done)
            throw new CorruptData('zstd stream ends inside a frame (truncated)');
    }
}
/** The window a zstd frame header asks for (single-segment frames: their content size). */
function zstdWindow(b) {
    if (b.length < 6 || b[0] !== 0x28 || b[1] !== 0xb5 || b[2] !== 0x2f || b[3] !== 0xfd)
        return null;
    const fhd = b[4];
    const single = (fhd >> 5) & 1;
    if (!single) {
        const wd = b[5];
        const base = 2 ** (10 + (wd >> 3));
        return base + (base / 8) * (wd & 7);
    }
    const dictBytes = [0, 1, 2, 4][fhd & 3];
    const fcsFlag = fhd >> 6;
    const fcsBytes = fcsFlag === 0 ? 1 : 2 ** fcsFlag;
    const at = 5 + dictBytes;
    if (b.length < at + fcsBytes)
        return null;
    let v = 0;
    for (let i = fcsBytes - 1; i >= 0; i--)
        v = v * 256 + b[at + i];
    return fcsFlag === 1 ? v + 256 : v;
}
const LZ4_WINDOW = 64 * 1024;
/**
 * The LZ4 frame format (what `lz4.frame`, and so joblib's `compress='lz4'`, writes), streamed: one
 * block (at most 4 MiB, as the frame header says) is buffered at a time, plus the 64 KiB window
 * linked blocks may refer back into. Concatenated and skippable frames are read as lz4.frame
 * reads them. Checksums are not verified (they guard against corruption, not what is loaded).
 * No npm library decodes LZ4 frames as a push stream without native code, so this is ours; the
 * block format is the 40 lines of the LZ4 specification.
 */
class Lz4FrameDecoder {
    ondata;
    step = 'magic';
    need = 4;
    acc = new Uint8Array(16);
    have = 0;
    block = new Uint8Array(0);
    blockStored = false;
    maxBlock = 0;
    linked = false;
    blockChecksum = false;
    contentChecksum = false;
    hist = new Uint8Array(0);
    skipLeft = 0;
    frames = 0;
    constructor(ondata) {
        this.ondata = ondata;
    }
    push(chunk, final) {
        let i = 0;
        while (i < chunk.length) {
            if (this.step === 'skip') {
                const take = Math.min(this.skipLeft, chunk.length - i);
                this.skipLeft -= take;
                i += take;
                if (this.skipLeft === 0)
                    this.expect('magic', 4);
                continue;
            }
            const target = this.step === 'block' ? this.block : this.acc;
            const take = Math.min(this.need - this.have, chunk.length - i);
            target.set(chunk.subarray(i, i + take), this.have);
            this.have += take;
            i += take;
            if (this.have === this.need)
                this.complete();
        }
        if (final && !(this.step === 'magic' && this.have === 0 && this.frames > 0))
            throw new CorruptData('lz4 stream ends inside a frame (truncated)');
    }
    expect(step, n) {
        this.step = step;
        this.need = n;
        this.have = 0;
    }
    u32(at = 0) {
        const a = this.acc;
        return (a[at] | (a[at + 1] << 8) | (a[at + 2] << 16) | (a[at + 3] << 24)) >>> 0;
    }
    complete() {
        switch (this.step) {
            case 'magic': {
                const m = this.u32();
                if (m === 0x184d2204)
                    return this.expect('header', 2);
                if (m >>> 4 === 0x184d2a5)
                    return this.expect('skip-size', 4);
                throw new CorruptData(this.frames > 0 ? 'data after the last lz4 frame is not a frame' : 'not an lz4 frame');
            }
            case 'skip-size':
                this.skipLeft = this.u32();
                this.frames++;
                if (this.skipLeft === 0)
                    return this.expect('magic', 4);
                this.step = 'skip';
                return;
            case 'header': {
                if (this.need === 2) {
                    const flg = this.acc[0];
                    if (flg >> 6 !== 1)
                        throw new CorruptData('lz4 frame version is not 01');
                    // FLG, BD, then content size (8) and dictionary id (4) when flagged, then the header checksum.
                    return this.expectMore(1 + ((flg & 0x08) !== 0 ? 8 : 0) + ((flg & 0x01) !== 0 ? 4 : 0));
                }
                const flg = this.acc[0];
                const bd = this.acc[1];
                const bsid = (bd >> 4) & 7;
                if (bsid < 4)
                    throw new CorruptData('lz4 block size id is invalid');
                if ((flg & 0x01) !== 0)
                    throw new UnreadableData('lz4 frame needs a dictionary, which is not part of the file');
                this.maxBlock = 1 << (8 + 2 * bsid);
                this.linked = (flg & 0x20) === 0;
                this.blockChecksum = (flg & 0x10) !== 0;
                this.contentChecksum = (flg & 0x04) !== 0;
                this.hist = new Uint8Array(0);
                return this.expect('block-size', 4);
            }
            case 'block-size': {
                const v = this.u32();
                if (v === 0) {
                    this.frames++;
                    return this.contentChecksum ? this.expect('content-checksum', 4) : this.expect('magic', 4);
                }
                const size = v & 0x7fffffff;
                if (size > this.maxBlock)
                    throw new CorruptData(`lz4 block of ${size} bytes is over the frame's ${this.maxBlock}-byte maximum`);
                this.blockStored = (v & 0x80000000) !== 0;
                this.block = new Uint8Array(size);
                this.expect('block', size);
                if (size === 0)
                    this.complete();
                return;
            }
            case 'block': {
                const out = this.blockStored ? this.block : this.decodeBlock(this.block);
                if (out.length > 0)
                    this.ondata(out);
                if (this.linked) {
                    const joined = new Uint8Array(Math.min(LZ4_WINDOW, this.hist.length + out.length));
                    const fromHist = joined.length - Math.min(out.length, joined.length);
                    joined.set(this.hist.subarray(this.hist.length - fromHist), 0);
                    joined.set(out.subarray(out.length - (joined.length - fromHist)), fromHist);
                    this.hist = joined;
                }
                this.block = new Uint8Array(0);
                return this.blockChecksum ? this.expect('block-checksum', 4) : this.expect('block-size', 4);
            }
            case 'block-checksum':
                return this.expect('block-size', 4);
            case 'content-checksum':
                return this.expect('magic', 4);
            case 'skip':
                return;
        }
    }
    expectMore(n) {
        this.need += n;
    }
    /** One LZ4 block into a fresh buffer (the window of linked blocks in front of it). */
    decodeBlock(src) {
        const base = this.linked ? this.hist.length : 0;
        const buf = new Uint8Array(base + this.maxBlock);
        if (base > 0)
            buf.set(this.hist, 0);
        let ip = 0;
        let op = base;
        const bad = (why) => {
            throw new CorruptData(`corrupt lz4 block: ${why}`);
        };
        while (ip < src.length) {
            const token = src[ip++];
            let lit = token >> 4;
            if (lit === 15) {
                let b = 255;
                while (b === 255) {
                    if (ip >= src.length)
                        bad('literal length runs past the block');
                    b = src[ip++];
                    lit += b;
                }
            }
            if (ip + lit > src.length || op + lit > buf.length)
                bad('literals run past the block');
            buf.set(src.subarray(ip, ip + lit), op);
            ip += lit;
            op += lit;
            if (ip >= src.length)
                break;
            if (ip + 2 > src.length)
                bad('match offset cut off');
            const offset = src[ip] | (src[ip + 1] << 8);
            ip += 2;
            if (offset === 0 || offset > op)
                bad('match offset points before the window');
            let ml = token & 15;
            if (ml === 15) {
                let b = 255;
                while (b === 255) {
                    if (ip >= src.length)
                        bad('match length runs past the block');
                    b = src[ip++];
                    ml += b;
                }
            }
            ml += 4;
            if (op + ml > buf.length)
                bad('match runs past the block size');
            for (let k = 0; k < ml; k++, op++)
                buf[op] = buf[op - offset];
        }
        return buf.slice(base, op);
    }
}

;// CONCATENATED MODULE: ./packages/model/src/byte-source.ts
/**
 * Random-access byte sources. Zip archives must be read from their end (the central directory),
 * so the zip walker takes one of these instead of a stream: a file read by positional reads, a
 * window of another source (a stored zip inside a zip, without copying), or a small buffer
 * (a deflated nested zip that was inflated within the size bound).
 */

/** A file descriptor read with positional reads (no shared file offset). */
class FileByteSource {
    fd;
    size;
    count = 0;
    constructor(fd, size) {
        this.fd = fd;
        this.size = size;
    }
    async read(position, length) {
        const len = Math.max(0, Math.min(length, this.size - position));
        const buf = new Uint8Array(len);
        let got = 0;
        while (got < len) {
            const bytesRead = (0,external_node_fs_namespaceObject.readSync)(this.fd, buf, got, len - got, position + got);
            if (bytesRead === 0)
                break; // the file shrank under us: callers see a short read
            got += bytesRead;
        }
        this.count += got;
        return got === len ? buf : buf.subarray(0, got);
    }
    bytesRead() {
        return this.count;
    }
}
/** A window [start, start+size) of another source. */
class SliceByteSource {
    inner;
    start;
    size;
    constructor(inner, start, size) {
        this.inner = inner;
        this.start = start;
        this.size = size;
    }
    read(position, length) {
        const len = Math.max(0, Math.min(length, this.size - position));
        return this.inner.read(this.start + position, len);
    }
    bytesRead() {
        return 0; // counted by the inner source
    }
}
/** An in-memory buffer. */
class BufferByteSource {
    buf;
    constructor(buf) {
        this.buf = buf;
    }
    get size() {
        return this.buf.length;
    }
    async read(position, length) {
        return this.buf.subarray(position, Math.min(this.buf.length, position + length));
    }
    bytesRead() {
        return 0;
    }
}

;// CONCATENATED MODULE: ./packages/model/src/pickle/pickle-values.ts
const NONE = { t: 'none' };
const SCALAR = { t: 'scalar' };
const BYTES = { t: 'bytes' };
const SET = { t: 'set' };
const BUFFER = { t: 'buffer' };
/** A string too long to capture: never usable as a module or attribute name. */
const LONG_STRING = { t: 'str', s: null, literal: true };
/** Memo entries that hold plain data are kept as this (only whether the index exists matters). */
const MEMO_DATA = { t: 'opaque', why: 'plain data from the memo' };
/** A container too large to keep inside another one. */
const DROPPED = { t: 'opaque', why: 'a value dropped to keep memory bounded' };
const EMPTY_TUPLE = { t: 'tuple', items: [], truncated: false, w: 0, d: 1 };
/** Containers keep at most this many items: enough for shapes and wrapper state, bounded memory. */
const CONTAINER_ITEM_CAP = 64;
/** Bytes a value may retain (itself and what it holds); children past it become {@link DROPPED}. */
const RETAIN_LIMIT = 1024;
/**
 * Real picklers only pop the top few items one by one and take the rest of a MARK frame as a
 * whole (TUPLE, APPENDS, SETITEMS), which keeps only its first items anyway. So entries buried
 * under the top {@link STACK_LIVE_TOP} lose their content when they lie past the first
 * {@link FRAME_HEAD} entries of their frame, and, once the stack is deeper than
 * {@link SHALLOW_STACK}, whenever they weigh more than {@link SETTLED_WEIGHT} bytes. Imported
 * globals are always kept.
 */
const FRAME_HEAD = 2 * 64;
const SHALLOW_STACK = 4096;
const STACK_LIVE_TOP = 64;
const SETTLED_WEIGHT = 160;
/**
 * Containers keep children less deep than this. The deepest structure the walker reads is a
 * joblib wrapper's state: a dict holding a dtype call result holding its argument tuple.
 */
const CHILD_DEPTH_LIMIT = 3;
/** Nesting depth: 0 for a leaf, 1 + the deepest kept child for a container or call result. */
function depthOf(v) {
    switch (v.t) {
        case 'tuple':
        case 'list':
        case 'dict':
        case 'obj':
            return v.d;
        default:
            return 0;
    }
}
/** Approximate bytes `v` keeps alive beyond shared singletons. */
function weightOf(v) {
    switch (v.t) {
        case 'tuple':
        case 'list':
        case 'dict':
        case 'obj':
            return 32 + v.w;
        case 'str':
            return v.s === null ? 0 : 24 + v.s.length;
        case 'int':
            return v.n >= 0 && v.n < 256 ? 0 : 16;
        default:
            return 0;
    }
}
const SMALL_INTS = Array.from({ length: 256 }, (_, n) => ({ t: 'int', n }));
/** An int value, shared for small non-negative ints. */
function intValue(n) {
    return n >= 0 && n < 256 && Number.isInteger(n) ? SMALL_INTS[n] : { t: 'int', n };
}
/** Look a string key up in a simulated dict. */
function dictGet(d, key) {
    if (!d || d.t !== 'dict')
        return undefined;
    for (let i = 0; i < d.keys.length; i++) {
        const k = d.keys[i];
        if (k && k.t === 'str' && k.s === key)
            return d.vals[i];
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/model/src/pickle/string-decoding.ts
/**
 * Decoders for the text forms protocol-0 pickles carry, matching what CPython's unpickler does, so
 * that a name assembled from escapes (`S'o\x73'`, `V\u006fs`) is judged as the string Python sees.
 */
const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');
/** UTF-8 (GLOBAL/INST lines, BINUNICODE payloads), replacing invalid sequences as Python would fail. */
function decodeUtf8(bytes) {
    return asciiFast(bytes) ?? utf8.decode(bytes);
}
/** Short ASCII strings (nearly every module, class and key name) without TextDecoder's call cost. */
function asciiFast(bytes) {
    const n = bytes.length;
    if (n > 64)
        return null;
    for (let i = 0; i < n; i++)
        if (bytes[i] >= 0x80)
            return null;
    // One flat string: `s += char` would build a chain of cons strings (one heap object per
    // character past 13), which a million memoized keys turn into hundreds of MiB.
    return String.fromCharCode.apply(null, bytes);
}
/** Latin-1: byte strings (BINSTRING/SHORT_BINSTRING), which Python 3 decodes as ASCII/latin1. */
function decodeLatin1(bytes) {
    return asciiFast(bytes) ?? latin1.decode(bytes);
}
/** `raw-unicode-escape` as used by the UNICODE opcode: only \uXXXX and \UXXXXXXXX are escapes. */
function decodeRawUnicodeEscape(bytes) {
    let out = '';
    for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i];
        if (b === 0x5c && i + 1 < bytes.length && (bytes[i + 1] === 0x75 || bytes[i + 1] === 0x55)) {
            // An escape only counts after an even number of backslashes; count the run ending here.
            let run = 0;
            for (let j = i; j >= 0 && bytes[j] === 0x5c; j--)
                run++;
            if (run % 2 === 1) {
                const len = bytes[i + 1] === 0x75 ? 4 : 8;
                const hex = latin1.decode(bytes.subarray(i + 2, i + 2 + len));
                if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex))
                    return null;
                const cp = parseInt(hex, 16);
                if (cp > 0x10ffff)
                    return null;
                out += String.fromCodePoint(cp);
                i += 1 + len;
                continue;
            }
        }
        out += String.fromCharCode(b);
    }
    return out;
}
/**
 * The STRING opcode's argument: a Python repr, quoted with ' or ", decoded with `escape_decode`
 * (\\, \', \", \n, \t, \r, \a, \b, \f, \v, \xHH, octal \ooo, backslash-newline).
 * Returns null when the quoting is invalid (CPython raises "the STRING opcode argument must be quoted").
 */
function decodeStringOpcodeArg(bytes) {
    if (bytes.length < 2)
        return null;
    const q = bytes[0];
    if ((q !== 0x27 && q !== 0x22) || bytes[bytes.length - 1] !== q)
        return null;
    let out = '';
    const end = bytes.length - 1;
    for (let i = 1; i < end; i++) {
        const b = bytes[i];
        if (b !== 0x5c) {
            out += String.fromCharCode(b);
            continue;
        }
        i++;
        if (i >= end)
            return null;
        const c = bytes[i];
        switch (c) {
            case 0x0a: break;
            case 0x5c:
                out += '\\';
                break;
            case 0x27:
                out += "'";
                break;
            case 0x22:
                out += '"';
                break;
            case 0x6e:
                out += '\n';
                break;
            case 0x74:
                out += '\t';
                break;
            case 0x72:
                out += '\r';
                break;
            case 0x61:
                out += '\x07';
                break;
            case 0x62:
                out += '\b';
                break;
            case 0x66:
                out += '\f';
                break;
            case 0x76:
                out += '\v';
                break;
            case 0x78: {
                const hex = latin1.decode(bytes.subarray(i + 1, i + 3));
                if (hex.length !== 2 || !/^[0-9a-fA-F]{2}$/.test(hex))
                    return null;
                out += String.fromCharCode(parseInt(hex, 16));
                i += 2;
                break;
            }
            default:
                if (c >= 0x30 && c <= 0x37) {
                    let v = c - 0x30;
                    let k = 0;
                    while (k < 2 && i + 1 < end && bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x37) {
                        v = v * 8 + (bytes[i + 1] - 0x30);
                        i++;
                        k++;
                    }
                    out += String.fromCharCode(v & 0xff);
                }
                else {
                    // Unknown escapes are kept verbatim by escape_decode.
                    out += '\\' + String.fromCharCode(c);
                }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/model/src/pickle/pickle-scanner.ts


// Argument kinds, indexed by opcode byte.
const A_INVALID = 0;
const A_NONE = 1;
const A_FIXED = 2; // fixed-size argument, size in ARG_SIZE
const A_LEN = 3; // length prefix of ARG_SIZE bytes, then that many payload bytes
const A_LINE = 4; // newline-terminated argument(s), count in ARG_SIZE
const ARG_KIND = new Uint8Array(256);
const ARG_SIZE = new Uint8Array(256);
const OP_NAME = new Array(256).fill('');
function def(ch, name, kind, size = 0) {
    const code = typeof ch === 'number' ? ch : ch.charCodeAt(0);
    ARG_KIND[code] = kind;
    ARG_SIZE[code] = size;
    OP_NAME[code] = name;
}
def('(', 'MARK', A_NONE);
def('.', 'STOP', A_NONE);
def('0', 'POP', A_NONE);
def('1', 'POP_MARK', A_NONE);
def('2', 'DUP', A_NONE);
def('F', 'FLOAT', A_LINE, 1);
def('I', 'INT', A_LINE, 1);
def('J', 'BININT', A_FIXED, 4);
def('K', 'BININT1', A_FIXED, 1);
def('L', 'LONG', A_LINE, 1);
def('M', 'BININT2', A_FIXED, 2);
def('N', 'NONE', A_NONE);
def('P', 'PERSID', A_LINE, 1);
def('Q', 'BINPERSID', A_NONE);
def('R', 'REDUCE', A_NONE);
def('S', 'STRING', A_LINE, 1);
def('T', 'BINSTRING', A_LEN, 4);
def('U', 'SHORT_BINSTRING', A_LEN, 1);
def('V', 'UNICODE', A_LINE, 1);
def('X', 'BINUNICODE', A_LEN, 4);
def('a', 'APPEND', A_NONE);
def('b', 'BUILD', A_NONE);
def('c', 'GLOBAL', A_LINE, 2);
def('d', 'DICT', A_NONE);
def('}', 'EMPTY_DICT', A_NONE);
def('e', 'APPENDS', A_NONE);
def('g', 'GET', A_LINE, 1);
def('h', 'BINGET', A_FIXED, 1);
def('i', 'INST', A_LINE, 2);
def('j', 'LONG_BINGET', A_FIXED, 4);
def('l', 'LIST', A_NONE);
def(']', 'EMPTY_LIST', A_NONE);
def('o', 'OBJ', A_NONE);
def('p', 'PUT', A_LINE, 1);
def('q', 'BINPUT', A_FIXED, 1);
def('r', 'LONG_BINPUT', A_FIXED, 4);
def('s', 'SETITEM', A_NONE);
def('t', 'TUPLE', A_NONE);
def(')', 'EMPTY_TUPLE', A_NONE);
def('u', 'SETITEMS', A_NONE);
def('G', 'BINFLOAT', A_FIXED, 8);
def(0x80, 'PROTO', A_FIXED, 1);
def(0x81, 'NEWOBJ', A_NONE);
def(0x82, 'EXT1', A_FIXED, 1);
def(0x83, 'EXT2', A_FIXED, 2);
def(0x84, 'EXT4', A_FIXED, 4);
def(0x85, 'TUPLE1', A_NONE);
def(0x86, 'TUPLE2', A_NONE);
def(0x87, 'TUPLE3', A_NONE);
def(0x88, 'NEWTRUE', A_NONE);
def(0x89, 'NEWFALSE', A_NONE);
def(0x8a, 'LONG1', A_LEN, 1);
def(0x8b, 'LONG4', A_LEN, 4);
def('B', 'BINBYTES', A_LEN, 4);
def('C', 'SHORT_BINBYTES', A_LEN, 1);
def(0x8c, 'SHORT_BINUNICODE', A_LEN, 1);
def(0x8d, 'BINUNICODE8', A_LEN, 8);
def(0x8e, 'BINBYTES8', A_LEN, 8);
def(0x8f, 'EMPTY_SET', A_NONE);
def(0x90, 'ADDITEMS', A_NONE);
def(0x91, 'FROZENSET', A_NONE);
def(0x92, 'NEWOBJ_EX', A_NONE);
def(0x93, 'STACK_GLOBAL', A_NONE);
def(0x94, 'MEMOIZE', A_NONE);
def(0x95, 'FRAME', A_FIXED, 8);
def(0x96, 'BYTEARRAY8', A_LEN, 8);
def(0x97, 'NEXT_BUFFER', A_NONE);
def(0x98, 'READONLY_BUFFER', A_NONE);
/** Payloads whose content matters (strings that may become names, small longs): captured up to this size. */
const CAPTURE_LIMIT = 1024;
/**
 * Strings longer than this are kept as "a long string": no module or qualified name in a real
 * pickle comes near it, and an operand that long is flagged as a computed name.
 */
const NAME_CHARS = 256;
/** ...and this once the stack is deep (a huge MARK frame), so a deep stack stays small. */
const NAME_CHARS_DEEP = 96;
/** Protocol-0 argument lines longer than this are skipped, not buffered. */
const LINE_LIMIT = 65536;
/** Stack growth between two compactions (see compactStack). */
const COMPACT_EVERY = 128;
/** Stack entries (all frames). Real pickles stay far below: batches are 1,000 items. */
const STACK_LIMIT = 1 << 18;
const FINDINGS_LIMIT = 10_000;
/** Distinct imports listed per stream, and the characters of a name shown in a finding. */
const IMPORTS_LIMIT = 20_000;
const NAME_SHOWN = 300;
/** getattr imports whose use is tracked; past this each one is judged dangerous at once. */
const GETATTR_TRACKED = 4096;
/** Memo indices whose existence is tracked by one bit each (16 MiB at most). */
const MEMO_TRACKED = 1 << 27;
/** Memo entries kept with their value (strings, globals, dtypes), and the bytes of the strings. */
const MEMO_KEPT_LIMIT = 1 << 15;
const MEMO_STRING_BUDGET = 2 << 20;
/** Memo entries kept with their full content (numpy dtypes and joblib wrappers). */
const MEMO_FAT_LIMIT = 2048;
/** Strings memoized past the budget are remembered this long, to catch STACK_GLOBAL operands. */
const MEMO_RECENT = 64;
/** Indices beyond MEMO_TRACKED (only hand-made streams use them) remembered as existing. */
const MEMO_FAR_LIMIT = 1 << 16;
const PENDING_SIZE = LINE_LIMIT + 16;
/** Bytes per element of the legacy torch storage classes (torch._utils._element_size). */
const TORCH_STORAGE_ELEMENT_SIZE = {
    DoubleStorage: 8, FloatStorage: 4, HalfStorage: 2, BFloat16Storage: 2, LongStorage: 8, IntStorage: 4, ShortStorage: 2,
    CharStorage: 1, ByteStorage: 1, BoolStorage: 1, ComplexDoubleStorage: 16, ComplexFloatStorage: 8, QInt8Storage: 1,
    QUInt8Storage: 1, QInt32Storage: 4, QUInt4x2Storage: 1, QUInt2x4Storage: 1, UntypedStorage: 1,
};
/** The legacy PyTorch magic number 0x1950a86a20f9469cfc6c, little-endian as LONG1 writes it. */
const TORCH_LEGACY_MAGIC = [0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];
var Phase;
(function (Phase) {
    Phase[Phase["Between"] = 0] = "Between";
    Phase[Phase["Op"] = 1] = "Op";
    Phase[Phase["Need"] = 2] = "Need";
    Phase[Phase["Line"] = 3] = "Line";
    Phase[Phase["SkipPayload"] = 4] = "SkipPayload";
    Phase[Phase["SkipLine"] = 5] = "SkipLine";
    Phase[Phase["RawSkip"] = 6] = "RawSkip";
    Phase[Phase["LegacySize"] = 7] = "LegacySize";
    Phase[Phase["PadLen"] = 8] = "PadLen";
    Phase[Phase["Tail"] = 9] = "Tail";
    Phase[Phase["Dead"] = 10] = "Dead";
    Phase[Phase["Done"] = 11] = "Done";
})(Phase || (Phase = {}));
/**
 * The unpickler's memo, bounded whatever the pickle's object count. Every index's existence is
 * one bit (a GET of an index never PUT is malformed, as in CPython). Values are kept only when
 * they can name or reach a callable: strings (until a byte budget), globals, numpy dtypes and
 * joblib wrappers (their state locates inline array bytes). Plain data (dicts, tuples, lists,
 * numbers, call results) is kept as one shared placeholder. Strings memoized past the budget
 * stay in a short window, and the ones STACK_GLOBAL then uses are pinned, because picklers
 * memoize a module name right before the STACK_GLOBAL that uses it. `size` is CPython's len(memo).
 */
class Memo {
    size = 0;
    /** What a bound made the memo drop, once one was reached. */
    bound = null;
    bits = new Uint8Array(64);
    kept = new Map();
    // Strings memoized past the budget: a ring of the last MEMO_RECENT (index, value) pairs.
    recentIdx = new Float64Array(MEMO_RECENT).fill(-1);
    recentVal = new Array(MEMO_RECENT);
    recentPos = 0;
    recentUsed = false;
    far = null;
    farFull = false;
    stringBytes = 0;
    fat = 0;
    get(idx) {
        const v = this.kept.get(idx);
        if (v !== undefined)
            return v;
        if (this.recentUsed) {
            for (let k = 0; k < MEMO_RECENT; k++)
                if (this.recentIdx[k] === idx)
                    return this.recentVal[k];
        }
        return this.exists(idx) ? MEMO_DATA : this.farFull && idx >= MEMO_TRACKED ? MEMO_DATA : undefined;
    }
    set(idx, v) {
        if (!this.exists(idx)) {
            this.size++;
            this.mark(idx);
        }
        if (this.kept.size > 0 && this.kept.has(idx)) {
            const old = this.kept.get(idx);
            if (old.t === 'str' && old.s !== null)
                this.stringBytes -= 24 + old.s.length;
            this.kept.delete(idx);
        }
        if (this.recentUsed)
            this.forgetRecent(idx);
        switch (v.t) {
            case 'str':
                if (v.s === null)
                    return;
                if (this.stringBytes + 24 + v.s.length <= MEMO_STRING_BUDGET && this.kept.size < MEMO_KEPT_LIMIT) {
                    this.stringBytes += 24 + v.s.length;
                    this.kept.set(idx, v);
                    return;
                }
                this.note(this.kept.size >= MEMO_KEPT_LIMIT ? `more than ${MEMO_KEPT_LIMIT} memoized values` : `more than ${MEMO_STRING_BUDGET >> 20} MiB of memoized strings`);
                this.recentUsed = true;
                this.recentIdx[this.recentPos] = idx;
                this.recentVal[this.recentPos] = v;
                this.recentPos = (this.recentPos + 1) % MEMO_RECENT;
                return;
            case 'global':
                if (this.kept.size < MEMO_KEPT_LIMIT)
                    this.kept.set(idx, v);
                else
                    this.note(`more than ${MEMO_KEPT_LIMIT} memoized names`);
                return;
            case 'obj':
                if (v.callee.t === 'global' && KEPT_RESULTS.has(v.callee.name)) {
                    if (this.fat < MEMO_FAT_LIMIT && this.kept.size < MEMO_KEPT_LIMIT) {
                        this.fat++;
                        this.kept.set(idx, v);
                    }
                    else
                        this.note(`more than ${MEMO_FAT_LIMIT} memoized numpy dtypes or joblib arrays`);
                }
                return;
            default:
        }
    }
    /** Keeps a string the window still holds: STACK_GLOBAL used it as an operand. */
    pin(v) {
        if (!this.recentUsed || this.kept.size >= MEMO_KEPT_LIMIT + MEMO_FAR_LIMIT)
            return;
        for (let k = 0; k < MEMO_RECENT; k++) {
            if (this.recentVal[k] === v) {
                this.kept.set(this.recentIdx[k], v);
                this.recentIdx[k] = -1;
                this.recentVal[k] = undefined;
                return;
            }
        }
    }
    forgetRecent(idx) {
        for (let k = 0; k < MEMO_RECENT; k++) {
            if (this.recentIdx[k] === idx) {
                this.recentIdx[k] = -1;
                this.recentVal[k] = undefined;
            }
        }
    }
    exists(idx) {
        if (idx < MEMO_TRACKED) {
            const byte = idx >>> 3;
            return byte < this.bits.length && (this.bits[byte] & (1 << (idx & 7))) !== 0;
        }
        return this.far?.has(idx) ?? false;
    }
    mark(idx) {
        if (idx < MEMO_TRACKED) {
            const byte = idx >>> 3;
            if (byte >= this.bits.length) {
                const next = new Uint8Array(Math.min(MEMO_TRACKED >>> 3, Math.max(byte + 1, this.bits.length * 2)));
                next.set(this.bits);
                this.bits = next;
            }
            this.bits[byte] = this.bits[byte] | (1 << (idx & 7));
            return;
        }
        this.far ??= new Set();
        if (this.far.size < MEMO_FAR_LIMIT)
            this.far.add(idx);
        else {
            this.farFull = true;
            this.note(`more than ${MEMO_FAR_LIMIT} memo indices above ${MEMO_TRACKED}`);
        }
    }
    note(what) {
        this.bound ??= what;
    }
}
/** Call results whose content the walker reads later (joblib's array layout). */
const KEPT_RESULTS = new Set(['numpy.dtype', 'joblib.numpy_pickle.NumpyArrayWrapper', 'sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper']);
/** A bound of the walker was reached: the rest of the stream is not followed (and not trusted). */
class BoundExceeded extends Error {
}
/** Thrown inside the walker for malformed streams; never escapes {@link PickleScanner.push}. */
class Malformed extends Error {
}
/**
 * Walks one byte stream that holds one or more pickles (and, for joblib, inline array bytes).
 * Results accumulate in {@link imports} and {@link findings}; offsets are stream offsets.
 */
class PickleScanner {
    opts;
    imports = new Map();
    findings = [];
    /** Complete pickles seen (STOP reached at top level). */
    pickles = 0;
    /** True once the stream proved to be a legacy (pre-1.6, non-zip) torch.save file. */
    torchLegacy = false;
    /** True once a joblib NumpyArrayWrapper was seen. */
    joblib = false;
    /** Bytes consumed so far. */
    offset = 0;
    /** Set when the stream could not be parsed (also reported as a finding unless probing). */
    malformed = null;
    opcodes = 0;
    /** `single`: stream offset just after the STOP, once reached. */
    stoppedAt = null;
    /** `single`: the simulated value the pickle returned. */
    result = null;
    phase = Phase.Between;
    stack = [];
    marks = [];
    memo = new Memo();
    saved = [];
    // Grown on demand: most streams never split an argument across chunks, and 10,000 small files
    // should not each pay for a 64 KiB buffer.
    pending = new Uint8Array(64);
    pendingLen = 0;
    needLen = 0;
    needOp = 0;
    needStage = 0; // 0: fixed arg or length prefix; 1: payload
    lines = [];
    linesWanted = 0;
    skipLeft = 0;
    skipOp = 0;
    opStart = 0;
    afterRaw = 'op';
    // Legacy torch.save: storage element sizes declared by persistent ids in the object pickle,
    // the storage keys in the order the fifth pickle lists them, and the walk over their bytes.
    legacyElemSize = new Map();
    legacyKeys = [];
    legacyIndex = 0;
    legacySize = new Uint8Array(8);
    legacySizeHave = 0;
    legacyWalked = false;
    findingsCut = false;
    rawBytesLeft = 0;
    tailStart = -1;
    findingKeys = new Set();
    persistentIds = 0;
    spec = null;
    /** Every getattr import still being judged by how it is used. */
    getattrUses = [];
    /** One shared value per imported name (a pickle may import the same class a million times). */
    globalsByName = new Map();
    memoBoundNoted = false;
    compactAt = COMPACT_EVERY;
    compactedTo = 0;
    constructor(opts) {
        this.opts = opts;
    }
    /** Feed the next chunk. Never throws for bad input: malformed streams become findings. */
    push(chunk) {
        const n = chunk.length;
        let i = 0;
        try {
            while (i < n) {
                switch (this.phase) {
                    case Phase.Op:
                        i = this.runOps(chunk, i);
                        break;
                    case Phase.Between:
                        this.offset = this.chunkBase + i;
                        this.startPickle(chunk[i]);
                        break;
                    case Phase.Need: {
                        const take = Math.min(this.needLen - this.pendingLen, n - i);
                        this.reservePending(this.pendingLen + take);
                        this.pending.set(chunk.subarray(i, i + take), this.pendingLen);
                        this.pendingLen += take;
                        i += take;
                        if (this.pendingLen === this.needLen) {
                            this.phase = Phase.Op;
                            this.offset = this.chunkBase + i;
                            this.afterNeed(this.pending, 0);
                        }
                        break;
                    }
                    case Phase.Line: {
                        const nl = chunk.indexOf(0x0a, i);
                        const end = nl === -1 ? n : nl;
                        const take = end - i;
                        if (this.pendingLen + take > LINE_LIMIT) {
                            this.offset = this.chunkBase + i;
                            // Names longer than this never occur in real pickles; other lines are skipped unread.
                            if (this.linesWanted > 1 || this.needOp === 0x67 || this.needOp === 0x70) {
                                throw new Malformed(`${OP_NAME[this.needOp]} argument longer than ${LINE_LIMIT} bytes`);
                            }
                            this.phase = Phase.SkipLine;
                            this.lines = [];
                            break;
                        }
                        this.reservePending(this.pendingLen + take);
                        this.pending.set(chunk.subarray(i, end), this.pendingLen);
                        this.pendingLen += take;
                        i = end;
                        if (nl !== -1) {
                            i++;
                            this.lines.push(this.pending.slice(0, this.pendingLen));
                            this.pendingLen = 0;
                            if (this.lines.length === this.linesWanted) {
                                this.phase = Phase.Op;
                                this.offset = this.chunkBase + i;
                                const lines = this.lines;
                                this.lines = [];
                                this.execLines(this.needOp, lines);
                            }
                        }
                        break;
                    }
                    case Phase.SkipLine: {
                        const nl = chunk.indexOf(0x0a, i);
                        if (nl === -1) {
                            i = n;
                            break;
                        }
                        i = nl + 1;
                        this.phase = Phase.Op;
                        this.offset = this.chunkBase + i;
                        this.execOverlongLine(this.needOp);
                        break;
                    }
                    case Phase.SkipPayload:
                    case Phase.RawSkip: {
                        const take = Math.min(this.skipLeft, n - i);
                        this.skipLeft -= take;
                        i += take;
                        if (this.skipLeft === 0) {
                            this.offset = this.chunkBase + i;
                            if (this.phase === Phase.SkipPayload) {
                                this.phase = Phase.Op;
                                this.execPayload(this.skipOp, null, 0, 0);
                            }
                            else if (this.afterRaw === 'legacy') {
                                this.nextLegacyStorage();
                            }
                            else {
                                this.phase = this.afterRaw === 'nested' ? Phase.Between : Phase.Op;
                            }
                        }
                        break;
                    }
                    case Phase.PadLen: {
                        const pad = chunk[i];
                        i++;
                        this.skipLeft = pad + this.rawBytesLeft;
                        this.phase = Phase.RawSkip;
                        if (this.skipLeft === 0)
                            this.phase = Phase.Op;
                        break;
                    }
                    case Phase.LegacySize: {
                        const take = Math.min(8 - this.legacySizeHave, n - i);
                        this.legacySize.set(chunk.subarray(i, i + take), this.legacySizeHave);
                        this.legacySizeHave += take;
                        i += take;
                        if (this.legacySizeHave === 8) {
                            this.offset = this.chunkBase + i;
                            this.startLegacyStorage();
                        }
                        break;
                    }
                    case Phase.Tail:
                    case Phase.Dead:
                    case Phase.Done:
                        i = n;
                        break;
                }
            }
        }
        catch (e) {
            if (e instanceof BoundExceeded) {
                this.offset = this.chunkBase + i;
                this.boundExceeded(e.message);
            }
            else {
                if (!(e instanceof Malformed))
                    throw e;
                this.offset = this.chunkBase + i;
                this.fail(e.message);
            }
        }
        this.chunkBase += n;
        this.offset = this.chunkBase;
    }
    /** Signal the end of the stream; reports truncation and trailing data. */
    finish() {
        if (this.opts.probe)
            return;
        if (this.spec && this.insidePickle)
            this.rollbackSpeculation();
        this.judgeGetattrs();
        this.noteMemoBound();
        switch (this.phase) {
            case Phase.Between:
                if (this.pickles === 0)
                    this.addFinding('malformed', 'pickle.empty', 'no pickle opcodes: the stream is empty', this.offset);
                break;
            case Phase.LegacySize:
                this.addFinding('malformed', 'pytorch-legacy.truncated-storage', `stream ends inside the size header of storage ${this.legacyKeys[this.legacyIndex]}`, this.offset);
                break;
            case Phase.RawSkip:
            case Phase.PadLen:
                if (this.afterRaw === 'legacy') {
                    this.addFinding('malformed', 'pytorch-legacy.truncated-storage', `stream ends ${this.skipLeft} bytes before the end of storage ${this.legacyKeys[this.legacyIndex]}`, this.offset);
                    break;
                }
                this.addFinding('malformed', 'joblib.truncated-array', `stream ends ${this.skipLeft} bytes before the end of an inline joblib array`, this.offset);
                break;
            case Phase.Tail:
                if (this.torchLegacy && !this.legacyWalked) {
                    this.addFinding('info', 'pytorch-legacy.storage-data', `${this.offset - this.tailStart} bytes of raw tensor storage follow the pickles (not pickle data)`, this.tailStart);
                }
                else {
                    this.addFinding('warning', 'pickle.trailing-data', `${this.offset - this.tailStart} bytes after the last STOP are not a pickle; a custom loader could read them`, this.tailStart);
                }
                break;
            case Phase.Dead:
            case Phase.Done:
                break;
            default:
                this.addFinding('malformed', 'pickle.truncated', `stream ends inside a pickle (in ${OP_NAME[this.needOp] || 'an opcode'}); a truncated pickle cannot be vouched for`, this.offset);
        }
        if (this.persistentIds > 0 && !this.opts.persistentIdsExpected && !this.torchLegacy) {
            this.addFinding('warning', 'pickle.persistent-id', `${this.persistentIds} persistent id(s): the loader's persistent_load hook receives data from the file`, 0);
        }
    }
    /** Whether the stream parsed cleanly so far (used by format probing). */
    get ok() {
        return this.malformed === null;
    }
    /** Whether a pickle opcode stream has started but not yet stopped. */
    get insidePickle() {
        return this.phase !== Phase.Between && this.phase !== Phase.Tail && this.phase !== Phase.Dead;
    }
    // --- internals -------------------------------------------------------------------------------
    chunkBase = 0;
    startPickle(first) {
        if (this.saved.length > 0) {
            // A nested pickle (joblib object array) must start right here.
            this.resetMachine();
            this.phase = Phase.Op;
            return;
        }
        if (this.pickles > 0) {
            // Another pickle may follow a STOP (torch legacy writes five; `pickle.dump` twice writes two).
            if (this.torchLegacy && this.pickles >= 5 && !this.legacyWalked) {
                this.enterTail();
                return;
            }
            if (ARG_KIND[first] === A_INVALID) {
                this.enterTail();
                return;
            }
            if (first !== 0x80) {
                // Without a PROTO opcode this may be plain data that happens to start like an opcode:
                // parse it speculatively and only keep what it imports if it is a complete pickle.
                this.spec = { start: this.offset, findings: this.findings.length, imports: [], getattrs: this.getattrUses.length };
            }
        }
        this.resetMachine();
        this.phase = Phase.Op;
    }
    /** A speculative parse of bytes after a STOP failed: they are trailing data, not a pickle. */
    rollbackSpeculation() {
        const spec = this.spec;
        this.spec = null;
        const dangerous = spec.imports.filter((n) => this.imports.get(n)?.classification === 'dangerous');
        this.getattrUses.length = Math.min(this.getattrUses.length, spec.getattrs);
        for (const n of spec.imports)
            this.imports.delete(n);
        for (const f of this.findings.splice(spec.findings))
            this.findingKeys.delete(findingKey(f.rule, f.import, f.message));
        this.phase = Phase.Tail;
        this.tailStart = spec.start;
        if (dangerous.length > 0) {
            this.addFinding('warning', 'pickle.trailing-imports', `trailing bytes after the last STOP contain an incomplete pickle naming ${dangerous.join(', ')}`, spec.start);
        }
    }
    reservePending(n) {
        if (n <= this.pending.length)
            return;
        const next = new Uint8Array(Math.min(PENDING_SIZE, Math.max(n, this.pending.length * 2)));
        next.set(this.pending.subarray(0, this.pendingLen));
        this.pending = next;
    }
    enterTail() {
        this.phase = Phase.Tail;
        this.tailStart = this.offset;
    }
    resetMachine() {
        this.noteMemoBound();
        this.compactAt = COMPACT_EVERY;
        this.compactedTo = 0;
        this.stack = [];
        this.marks = [];
        this.memo = new Memo();
    }
    /** Says once that a memo bound was reached (what it dropped is flagged wherever it is used). */
    noteMemoBound() {
        if (this.memo.bound === null || this.memoBoundNoted)
            return;
        this.memoBoundNoted = true;
        this.addFinding('info', 'pickle.memo-bound', `the memo held ${this.memo.bound}; later entries were kept as placeholders, and any use of one as an import name or call target is flagged as dangerous`, this.offset);
    }
    /**
     * A getattr import is dangerous unless every time it reaches the stack it is called as
     * getattr(<imported global>, '<identifier>'), which imports the same thing STACK_GLOBAL would
     * and was judged as that name (enum members and classmethod unpicklers are written this way).
     */
    judgeGetattrs() {
        for (const g of this.getattrUses) {
            if (g.tokens > g.lookups) {
                this.recordImport(g.name, 'dangerous', g.offset);
                this.addFinding('dangerous', 'pickle.dangerous-import', `${g.via} imports ${g.name}: builtins.${g.name.split('.').pop()} evaluates, imports, reflects or opens files`, g.offset, g.name);
            }
        }
        this.getattrUses = [];
    }
    /** The hot loop: opcodes whose arguments lie inside this chunk are handled without copying. */
    runOps(chunk, start) {
        const n = chunk.length;
        let i = start;
        const base = this.chunkBase;
        while (i < n) {
            if (this.phase !== Phase.Op)
                return i;
            const op = chunk[i];
            this.opStart = base + i;
            this.opcodes++;
            const kind = ARG_KIND[op];
            if (kind === A_NONE) {
                i++;
                this.offset = base + i;
                this.execNoArg(op);
                continue;
            }
            if (kind === A_FIXED || kind === A_LEN) {
                const size = ARG_SIZE[op];
                if (i + 1 + size <= n) {
                    i += 1 + size;
                    this.offset = base + i;
                    this.needOp = op;
                    this.needStage = 0;
                    const payloadLen = this.afterArg(op, chunk, i - size);
                    if (payloadLen > 0) {
                        // Payload wanted in memory: take it straight from the chunk when it is all there.
                        if (i + payloadLen <= n) {
                            i += payloadLen;
                            this.offset = base + i;
                            this.phase = Phase.Op;
                            this.execPayload(op, chunk, i - payloadLen, payloadLen);
                        }
                        else {
                            this.needStage = 1;
                            this.needLen = payloadLen;
                            this.pendingLen = 0;
                            this.phase = Phase.Need;
                        }
                    }
                    continue;
                }
                this.needOp = op;
                this.needStage = 0;
                this.needLen = size;
                this.pendingLen = 0;
                this.phase = Phase.Need;
                i++;
                continue;
            }
            if (kind === A_LINE) {
                const wanted = ARG_SIZE[op];
                const nl1 = chunk.indexOf(0x0a, i + 1);
                if (nl1 !== -1 && nl1 - i - 1 <= LINE_LIMIT) {
                    if (wanted === 1) {
                        const line = chunk.subarray(i + 1, nl1);
                        i = nl1 + 1;
                        this.offset = base + i;
                        this.execLines(op, [line]);
                        continue;
                    }
                    const nl2 = chunk.indexOf(0x0a, nl1 + 1);
                    if (nl2 !== -1 && nl2 - nl1 - 1 <= LINE_LIMIT) {
                        const l1 = chunk.subarray(i + 1, nl1);
                        const l2 = chunk.subarray(nl1 + 1, nl2);
                        i = nl2 + 1;
                        this.offset = base + i;
                        this.execLines(op, [l1, l2]);
                        continue;
                    }
                }
                // Slow path: the argument crosses the chunk end (or is absurdly long).
                this.needOp = op;
                this.linesWanted = wanted;
                this.lines = [];
                this.pendingLen = 0;
                this.phase = Phase.Line;
                return i + 1;
            }
            this.offset = base + i;
            throw new Malformed(`invalid opcode 0x${op.toString(16).padStart(2, '0')}`);
        }
        return i;
    }
    /** A fixed argument or length prefix is complete in `pending` (slow path). */
    afterNeed(buf, off) {
        const op = this.needOp;
        if (this.needStage === 1) {
            this.execPayload(op, buf, off, this.needLen);
            return;
        }
        const payloadLen = this.afterArg(op, buf, off);
        if (payloadLen > 0) {
            this.needStage = 1;
            this.needLen = payloadLen;
            this.pendingLen = 0;
            this.phase = Phase.Need;
        }
    }
    /**
     * Handles a complete fixed-size argument. For length-prefixed opcodes returns the payload
     * length to capture (0 when the payload is skipped or empty).
     */
    afterArg(op, buf, off) {
        if (ARG_KIND[op] === A_FIXED) {
            this.execFixed(op, buf, off);
            return 0;
        }
        const size = ARG_SIZE[op];
        let len;
        if (size === 1)
            len = buf[off];
        else if (size === 4) {
            len = readU32(buf, off);
            // BINSTRING and LONG4 lengths are signed in CPython; a negative one is an error there.
            if ((op === 0x54 || op === 0x8b) && len > 0x7fffffff)
                throw new Malformed(`negative length in ${OP_NAME[op]}`);
        }
        else {
            const lo = readU32(buf, off);
            const hi = readU32(buf, off + 4);
            if (hi > 0x1fffff)
                throw new Malformed(`absurd length in ${OP_NAME[op]}`);
            len = hi * 0x100000000 + lo;
        }
        const wanted = op === 0x54 || op === 0x55 || op === 0x58 || op === 0x8c || op === 0x8d || op === 0x8a;
        if (len === 0) {
            this.execPayload(op, buf, off, 0);
            return 0;
        }
        if (wanted && len <= CAPTURE_LIMIT)
            return len;
        this.skipOp = op;
        this.skipLeft = len;
        this.phase = Phase.SkipPayload;
        return 0;
    }
    execFixed(op, buf, off) {
        switch (op) {
            case 0x4a: // BININT
                this.push1(intValue(readI32(buf, off)));
                return;
            case 0x4b: // BININT1
                this.push1(intValue(buf[off]));
                return;
            case 0x4d: // BININT2
                this.push1(intValue(buf[off] | (buf[off + 1] << 8)));
                return;
            case 0x47: // BINFLOAT
                this.push1(SCALAR);
                return;
            case 0x68: // BINGET
                this.get(buf[off]);
                return;
            case 0x6a: // LONG_BINGET
                this.get(readU32(buf, off));
                return;
            case 0x71: // BINPUT
                this.put(buf[off]);
                return;
            case 0x72: // LONG_BINPUT
                this.put(readU32(buf, off));
                return;
            case 0x80: { // PROTO
                const v = buf[off];
                if (v > 5)
                    throw new Malformed(`unsupported pickle protocol ${v}`);
                return;
            }
            case 0x82:
            case 0x83:
            case 0x84: { // EXT1/2/4
                const code = op === 0x82 ? buf[off] : op === 0x83 ? buf[off] | (buf[off + 1] << 8) : readU32(buf, off);
                const name = `<copyreg extension ${code}>`;
                this.recordImport(name, 'dangerous');
                this.addFinding('dangerous', 'pickle.extension-registry', `${OP_NAME[op]} loads the global registered as extension code ${code} in copyreg; the target cannot be known from the file`, this.opStart, name);
                this.push1({ t: 'global', name, module: name, qual: '', classification: 'dangerous' });
                return;
            }
            case 0x95: // FRAME: framing is a read-ahead hint; the opcodes inside are walked normally
                if (readU32(buf, off + 4) > 0x1fffff)
                    throw new Malformed('absurd FRAME length');
                return;
        }
    }
    execPayload(op, buf, off, len) {
        const bytes = buf ? buf.subarray(off, off + len) : null;
        switch (op) {
            case 0x54: // BINSTRING
            case 0x55: // SHORT_BINSTRING
                this.pushStr(bytes ? this.str(decodeLatin1(bytes)) : LONG_STRING);
                return;
            case 0x58:
            case 0x8c:
            case 0x8d: // BINUNICODE, SHORT_BINUNICODE, BINUNICODE8
                this.pushStr(bytes ? this.str(decodeUtf8(bytes)) : LONG_STRING);
                return;
            case 0x8a: // LONG1
                if (bytes && this.pickles === 0 && this.stack.length === 0 && bytes.length === 10 && TORCH_LEGACY_MAGIC.every((b, k) => bytes[k] === b)) {
                    this.torchLegacy = true;
                }
                this.push1(bytes ? intValue(decodeLong(bytes)) : SCALAR);
                return;
            case 0x8b: // LONG4
                this.push1(SCALAR);
                return;
            case 0x42:
            case 0x43:
            case 0x8e:
            case 0x96: // BINBYTES, SHORT_BINBYTES, BINBYTES8, BYTEARRAY8
                this.push1(BYTES);
                return;
        }
    }
    execOverlongLine(op) {
        if (op === 0x63 || op === 0x69)
            throw new Malformed(`${OP_NAME[op]} argument longer than ${LINE_LIMIT} bytes`);
        if (op === 0x53 || op === 0x56)
            this.push1(LONG_STRING);
        else if (op === 0x67 || op === 0x70)
            throw new Malformed(`${OP_NAME[op]} argument longer than ${LINE_LIMIT} bytes`);
        else if (op === 0x50)
            this.persid(LONG_STRING);
        else
            this.push1(SCALAR);
    }
    execLines(op, lines) {
        const l0 = lines[0];
        switch (op) {
            case 0x46: // FLOAT
                this.push1(SCALAR);
                return;
            case 0x49: { // INT (also I00/I01 booleans)
                const s = decodeLatin1(l0);
                if (!/^\s*[-+]?\d+L?\s*$/.test(s))
                    throw new Malformed(`INT argument is not an integer: ${JSON.stringify(s.slice(0, 40))}`);
                this.push1(s === '00' || s === '01' ? SCALAR : intValue(Number.parseInt(s, 10)));
                return;
            }
            case 0x4c: { // LONG
                const s = decodeLatin1(l0);
                if (!/^\s*[-+]?\d+L?\s*$/.test(s))
                    throw new Malformed(`LONG argument is not an integer: ${JSON.stringify(s.slice(0, 40))}`);
                this.push1(intValue(Number.parseInt(s, 10)));
                return;
            }
            case 0x53: { // STRING
                const s = decodeStringOpcodeArg(trimAsciiSpaceEnd(l0));
                if (s === null)
                    throw new Malformed('STRING argument is not a quoted string');
                this.pushStr(this.str(s));
                return;
            }
            case 0x56: { // UNICODE
                const s = decodeRawUnicodeEscape(l0);
                if (s === null)
                    throw new Malformed('UNICODE argument has a bad escape');
                this.pushStr(this.str(s));
                return;
            }
            case 0x50: // PERSID
                this.persid({ t: 'str', s: decodeLatin1(l0), literal: true });
                return;
            case 0x67: // GET
                this.get(parseIndex(l0, 'GET'));
                return;
            case 0x70: // PUT
                this.put(parseIndex(l0, 'PUT'));
                return;
            case 0x63: { // GLOBAL
                const g = this.importGlobal(decodeUtf8(l0), decodeUtf8(lines[1]), 'GLOBAL');
                this.push1(g);
                return;
            }
            case 0x69: { // INST
                const g = this.importGlobal(decodeUtf8(l0), decodeUtf8(lines[1]), 'INST');
                const args = this.popMark();
                this.call(g, tupleOf(args), 'INST');
                return;
            }
        }
    }
    execNoArg(op) {
        switch (op) {
            case 0x28: // MARK
                if (this.marks.length >= STACK_LIMIT)
                    throw new Malformed('too many MARKs');
                this.marks.push(this.stack.length);
                return;
            case 0x2e: // STOP
                this.stop();
                return;
            case 0x30: // POP: with an empty frame CPython pops the mark instead
                if (this.stack.length > this.frameBase())
                    this.stack.pop();
                else
                    this.popMark();
                return;
            case 0x31: // POP_MARK
                this.popMark();
                return;
            case 0x32: { // DUP
                const v = this.top('DUP');
                if (v.t === 'global' && v.getattr)
                    v.getattr.tokens++;
                this.push1(v);
                return;
            }
            case 0x4e: // NONE
                this.push1(NONE);
                return;
            case 0x88:
            case 0x89: // NEWTRUE / NEWFALSE
                this.push1(SCALAR);
                return;
            case 0x51: // BINPERSID
                this.persid(this.pop('BINPERSID'));
                return;
            case 0x52: { // REDUCE
                const args = this.pop('REDUCE');
                const callee = this.pop('REDUCE');
                this.call(callee, args, 'REDUCE');
                return;
            }
            case 0x81: { // NEWOBJ
                const args = this.pop('NEWOBJ');
                const cls = this.pop('NEWOBJ');
                this.call(cls, args, 'NEWOBJ');
                return;
            }
            case 0x92: { // NEWOBJ_EX
                this.pop('NEWOBJ_EX');
                const args = this.pop('NEWOBJ_EX');
                const cls = this.pop('NEWOBJ_EX');
                this.call(cls, args, 'NEWOBJ_EX');
                return;
            }
            case 0x6f: { // OBJ
                const items = this.popMark();
                const cls = items[0];
                if (!cls)
                    throw new Malformed('OBJ without a class');
                this.call(cls, tupleOf(items.slice(1)), 'OBJ');
                return;
            }
            case 0x62: { // BUILD
                const state = this.pop('BUILD');
                const target = this.top('BUILD');
                if (target.t === 'obj')
                    this.build(target, state);
                return;
            }
            case 0x93: { // STACK_GLOBAL
                const name = this.pop('STACK_GLOBAL');
                const module = this.pop('STACK_GLOBAL');
                if (module.t === 'str' && name.t === 'str' && module.literal && name.literal && module.s !== null && name.s !== null) {
                    this.memo.pin(module);
                    this.memo.pin(name);
                    this.push1(this.importGlobal(module.s, name.s, 'STACK_GLOBAL'));
                }
                else {
                    // Python pickles always write the operands as literal strings. Anything else was built
                    // at load time (e.g. `_codecs.encode` output, a REDUCE result) to hide the real name.
                    const shown = clip(`${describe(module)}.${describe(name)}`);
                    this.recordImport(shown, 'dangerous');
                    this.addFinding('dangerous', 'pickle.dynamic-global', `STACK_GLOBAL operands are not literal strings (${shown}): the imported name is computed at load time`, this.opStart, shown);
                    this.push1({ t: 'global', name: shown, module: shown, qual: '', classification: 'dangerous' });
                }
                return;
            }
            case 0x94: // MEMOIZE
                this.put(this.memo.size); // CPython uses len(memo) as the index
                return;
            case 0x29: // EMPTY_TUPLE
                this.push1(EMPTY_TUPLE);
                return;
            case 0x85:
            case 0x86:
            case 0x87: { // TUPLE1/2/3
                const k = op - 0x84;
                if (this.stack.length - this.frameBase() < k)
                    throw new Malformed(`stack underflow in ${OP_NAME[op]}`);
                const items = this.stack.splice(this.stack.length - k, k);
                this.stackShrunk();
                this.push1(tupleOf(items));
                return;
            }
            case 0x74: // TUPLE
                this.push1(tupleOf(this.popMark()));
                return;
            case 0x5d: // EMPTY_LIST
                this.push1({ t: 'list', items: [], truncated: false, w: 0, d: 1 });
                return;
            case 0x6c: { // LIST
                const items = this.popMark();
                const list = { t: 'list', items: [], truncated: false, w: 0, d: 1 };
                for (const v of items)
                    if (!appendCapped(list, v))
                        break;
                this.push1(list);
                return;
            }
            case 0x61: { // APPEND
                const v = this.pop('APPEND');
                const list = this.top('APPEND');
                if (list.t === 'list')
                    appendCapped(list, v);
                return;
            }
            case 0x65: { // APPENDS
                const items = this.popMark();
                const list = this.top('APPENDS');
                if (list.t === 'list')
                    for (const v of items)
                        if (!appendCapped(list, v))
                            break;
                return;
            }
            case 0x7d: // EMPTY_DICT
                this.push1({ t: 'dict', keys: [], vals: [], w: 0, d: 1 });
                return;
            case 0x64: { // DICT
                const items = this.popMark();
                if (items.length % 2 !== 0)
                    throw new Malformed('DICT with an odd number of items');
                const d = { t: 'dict', keys: [], vals: [], w: 0, d: 1 };
                for (let k = 0; k + 1 < items.length; k += 2)
                    if (!setItem(d, items[k], items[k + 1]))
                        break;
                this.push1(d);
                return;
            }
            case 0x73: { // SETITEM
                const v = this.pop('SETITEM');
                const k = this.pop('SETITEM');
                const d = this.top('SETITEM');
                if (d.t === 'dict')
                    setItem(d, k, v);
                return;
            }
            case 0x75: { // SETITEMS
                const items = this.popMark();
                if (items.length % 2 !== 0)
                    throw new Malformed('SETITEMS with an odd number of items');
                const d = this.top('SETITEMS');
                if (d.t === 'dict')
                    for (let k = 0; k + 1 < items.length; k += 2)
                        if (!setItem(d, items[k], items[k + 1]))
                            break;
                return;
            }
            case 0x8f: // EMPTY_SET
                this.push1(SET);
                return;
            case 0x90: // ADDITEMS
                this.popMark();
                this.top('ADDITEMS');
                return;
            case 0x91: // FROZENSET
                this.popMark();
                this.push1(SET);
                return;
            case 0x97: // NEXT_BUFFER
                this.push1(BUFFER);
                return;
            case 0x98: // READONLY_BUFFER
                this.top('READONLY_BUFFER');
                return;
        }
        throw new Malformed(`unhandled opcode 0x${op.toString(16)}`);
    }
    stop() {
        const value = this.pop('STOP');
        if (this.saved.length > 0) {
            const ctx = this.saved.pop();
            this.stack = ctx.stack;
            this.marks = ctx.marks;
            this.memo = ctx.memo;
            this.compactedTo = 0;
            this.compactAt = this.stack.length + COMPACT_EVERY;
            this.phase = Phase.Op;
            return;
        }
        if (this.opts.single) {
            this.pickles++;
            this.result = value;
            this.stoppedAt = this.offset;
            this.phase = Phase.Done;
            return;
        }
        this.pickles++;
        this.spec = null;
        this.judgeGetattrs();
        this.phase = Phase.Between;
        if (this.torchLegacy && this.pickles === 5) {
            // torch's legacy loader now reads each listed storage: an int64 element count, then bytes.
            this.legacyIndex = -1;
            this.nextLegacyStorage();
        }
        if (this.pickles > 1 && !this.torchLegacy) {
            this.addFinding('info', 'pickle.multiple-streams', 'more than one pickle in this stream; every one was scanned', this.opStart);
        }
    }
    importGlobal(module, name, via) {
        const full = `${module}.${name}`;
        const verdict = this.opts.policy.classify(module, name);
        const shown = clip(full);
        if (verdict.classification === 'dangerous' && verdict.accepted === undefined && (full === 'builtins.getattr' || full === '__builtin__.getattr') && this.getattrUses.length < GETATTR_TRACKED) {
            // Judged at the end by how it is used (see judgeGetattrs): one value per import.
            const use = { tokens: 1, lookups: 0, offset: this.opStart, name: full, via };
            this.getattrUses.push(use);
            return { t: 'global', name: full, module, qual: name, classification: 'dangerous', getattr: use };
        }
        this.recordImport(shown, verdict.classification, this.opStart, verdict.accepted);
        if (verdict.classification === 'dangerous') {
            if (verdict.accepted !== undefined) {
                this.addFinding('warning', 'pickle.dangerous-import-accepted', `${via} imports ${shown}, a dangerous global accepted by allow-dangerous-globals: ${verdict.accepted}`, this.opStart, shown);
            }
            else {
                const why = verdict.reason ?? 'dangerous';
                const ignored = verdict.allowIgnored ? ' (allow-globals cannot clear a dangerous global; a team that must load it names it in allow-dangerous-globals with a reason)' : '';
                this.addFinding('dangerous', 'pickle.dangerous-import', `${via} imports ${shown}: ${why}${ignored}`, this.opStart, shown);
            }
        }
        else if (verdict.classification === 'unknown') {
            this.addFinding('unknown-import', 'pickle.unknown-import', `${via} imports ${shown}, which is not on the allow-list. If you trust it, add this line to the validate-model step: allow-globals: ${shown}`, this.opStart, shown);
        }
        const cached = this.globalsByName.get(full);
        if (cached)
            return cached;
        const g = verdict.referenceOnly
            ? { t: 'global', name: shown, module, qual: name, classification: verdict.classification, referenceOnly: true }
            : { t: 'global', name: shown, module, qual: name, classification: verdict.classification };
        if (this.globalsByName.size < IMPORTS_LIMIT)
            this.globalsByName.set(full, g);
        return g;
    }
    /** REDUCE, NEWOBJ, NEWOBJ_EX, OBJ and INST: check what is called, push what it returns. */
    call(callee, args, op) {
        if (callee.t === 'global' && callee.getattr) {
            const target = args.t === 'tuple' && args.items.length === 2 ? args.items[0] : undefined;
            const attr = args.t === 'tuple' && args.items.length === 2 ? args.items[1] : undefined;
            if (op === 'REDUCE' && target?.t === 'global' && !target.getattr && target.qual !== '' && attr?.t === 'str' && attr.literal && attr.s !== null) {
                // getattr(cls, 'name') is the import `module.cls.name`, judged as STACK_GLOBAL would be.
                callee.getattr.lookups++;
                this.push1(this.importGlobal(target.module, `${target.qual}.${attr.s}`, 'getattr'));
                return;
            }
        }
        this.checkCallee(callee, op);
        const a = keepChild(0, args);
        this.push1({ t: 'obj', callee, args: a, state: null, w: weightOf(a), d: 1 + depthOf(a) });
    }
    /** BUILD: only the state the walker reads later is kept (numpy dtypes, joblib wrappers). */
    build(target, state) {
        const callee = target.callee;
        if (callee.t !== 'global' || !KEPT_RESULTS.has(callee.name))
            return;
        // A dtype's state is read only for its top-level ints (itemsize, flags). A structured dtype
        // (scikit-learn's KD and ball trees) also holds its field names and one nested dtype per field:
        // drop those, so the dtype stays small enough to be kept inside the joblib wrapper that uses it.
        if (callee.name === 'numpy.dtype' && state.t === 'tuple')
            state = tupleOf(state.items.map((v) => (v.t === 'int' ? v : NONE)));
        if (target.w + weightOf(state) > RETAIN_LIMIT)
            state = DROPPED;
        target.state = state;
        // The state counts toward the weight, not the depth: only its top-level ints are read (a
        // structured dtype's field dict under it must not make the dtype itself too deep to keep).
        target.w += weightOf(state);
        this.afterBuild(target);
    }
    checkCallee(v, op) {
        if (v.t === 'global') {
            if (v.getattr)
                v.getattr.tokens++; // called any other way than an attribute lookup: dangerous
            if (v.referenceOnly) {
                this.addFinding('unknown-import', 'pickle.reference-called', `${op} calls ${v.name} while loading; it is allowed as a stored function (a parameter), not as something the file runs. If you trust this call, add: allow-globals: ${v.name}`, this.opStart, v.name);
            }
            return;
        }
        // Loaders only ever call imported classes and functions. Calling anything else means a
        // callable was produced at load time (`getattr(obj, 'system')` then REDUCE).
        const shown = clip(describe(v));
        const untracked = v.t === 'opaque' ? ` (${v.why}; a value the walker did not keep is never trusted as a call target)` : '';
        this.addFinding('dangerous', 'pickle.call-computed', `${op} calls a value that is not an imported global (${shown}): a getattr chain or computed callable${untracked}`, this.opStart, shown);
    }
    afterBuild(target) {
        const callee = target.callee;
        if (callee.t !== 'global')
            return;
        if (callee.name !== 'joblib.numpy_pickle.NumpyArrayWrapper' && callee.name !== 'sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper')
            return;
        this.joblib = true;
        // joblib's unpickler reads the array straight from the file right after this BUILD:
        // object arrays as a nested pickle, others as raw bytes (after optional alignment padding).
        const layout = joblibArrayLayout(target.state);
        if (layout === null) {
            // joblib reads on from wherever the real array ends: bytes the walker cannot locate could
            // hold a pickle, so the file fails the gate rather than pass unread.
            this.addFinding('dangerous', 'joblib.unlocated-array', 'a joblib NumpyArrayWrapper state does not give a shape and dtype the walker can follow; the bytes after it are not scanned, so the file cannot be vouched for', this.opStart);
            throw new Malformed('joblib NumpyArrayWrapper state does not give a shape and dtype; the array bytes that follow cannot be located');
        }
        if (layout.hasObject) {
            if (this.saved.length >= 8)
                throw new Malformed('joblib object arrays nested too deeply');
            this.saved.push({ stack: this.stack, marks: this.marks, memo: this.memo });
            this.stack = [];
            this.marks = [];
            this.memo = new Memo();
            this.phase = Phase.Between;
            return;
        }
        this.afterRaw = 'op';
        if (layout.aligned) {
            this.rawBytesLeft = layout.bytes;
            this.phase = Phase.PadLen;
        }
        else if (layout.bytes > 0) {
            this.skipLeft = layout.bytes;
            this.phase = Phase.RawSkip;
        }
    }
    nextLegacyStorage() {
        this.legacyIndex++;
        if (this.legacyIndex >= this.legacyKeys.length) {
            this.legacyWalked = true;
            this.phase = Phase.Between; // anything after the storages is trailing data
            return;
        }
        this.legacySizeHave = 0;
        this.phase = Phase.LegacySize;
    }
    startLegacyStorage() {
        const key = this.legacyKeys[this.legacyIndex];
        const elem = this.legacyElemSize.get(key);
        if (elem === undefined) {
            // A storage class this walker does not know the element size of: count the rest as
            // storage data rather than guess (and claim nothing about it being malformed).
            this.enterTail();
            this.tailStart -= 8;
            return;
        }
        const lo = readU32(this.legacySize, 0);
        const hi = readU32(this.legacySize, 4);
        if (hi > 0x1fffff)
            throw new Malformed(`absurd element count for legacy storage ${JSON.stringify(key)}`);
        this.skipLeft = (hi * 0x100000000 + lo) * elem;
        this.afterRaw = 'legacy';
        if (this.skipLeft === 0)
            this.nextLegacyStorage();
        else
            this.phase = Phase.RawSkip;
    }
    persid(pid) {
        if (this.torchLegacy && this.pickles === 3 && pid.t === 'tuple') {
            const [tag, type, key] = pid.items;
            if (tag?.t === 'str' && tag.s === 'storage' && type?.t === 'global' && key?.t === 'str' && key.s !== null) {
                const size = TORCH_STORAGE_ELEMENT_SIZE[type.name.replace(/^torch\./, '')];
                if (size !== undefined)
                    this.legacyElemSize.set(key.s, size);
            }
        }
        this.persistentIds++;
        this.push1({ t: 'pers', pid });
    }
    frameBase() {
        return this.marks.length > 0 ? this.marks[this.marks.length - 1] : 0;
    }
    push1(v) {
        const n = this.stack.length;
        if (n >= this.compactAt) {
            if (n >= STACK_LIMIT)
                throw new BoundExceeded(`more than ${STACK_LIMIT} values on the stack at once`);
            this.compactStack();
        }
        this.stack.push(v);
    }
    /** Drops the content of values buried in a large frame or a deep stack (see FRAME_HEAD). */
    compactStack() {
        const n = this.stack.length;
        const end = n - STACK_LIVE_TOP;
        const head = this.frameBase() + FRAME_HEAD;
        const deep = n > SHALLOW_STACK;
        for (let k = Math.max(0, this.compactedTo); k < end; k++) {
            const v = this.stack[k];
            if (v.t === 'global')
                continue;
            const w = weightOf(v);
            if ((k >= head && w > 0) || (deep && w > SETTLED_WEIGHT))
                this.stack[k] = DROPPED;
        }
        if (end > this.compactedTo)
            this.compactedTo = end;
        this.compactAt = n + COMPACT_EVERY;
    }
    /** A literal string value; past the length of any real name it is only "a long string". */
    str(s) {
        return s.length > (this.stack.length < SHALLOW_STACK ? NAME_CHARS : NAME_CHARS_DEEP) ? LONG_STRING : { t: 'str', s, literal: true };
    }
    /** Pushes a string; in a legacy torch file's fifth pickle the strings are the storage keys. */
    pushStr(v) {
        if (this.torchLegacy && this.pickles === 4 && v.t === 'str' && v.s !== null && this.legacyKeys.length < 1_000_000)
            this.legacyKeys.push(v.s);
        this.push1(v);
    }
    pop(op) {
        if (this.stack.length <= this.frameBase())
            throw new Malformed(`stack underflow in ${op}`);
        return this.stack.pop();
    }
    top(op) {
        if (this.stack.length <= this.frameBase())
            throw new Malformed(`stack underflow in ${op}`);
        return this.stack[this.stack.length - 1];
    }
    popMark() {
        const m = this.marks.pop();
        if (m === undefined)
            throw new Malformed('MARK expected but none on the stack');
        const items = this.stack.splice(m);
        this.stackShrunk();
        return items;
    }
    stackShrunk() {
        const n = this.stack.length;
        if (this.compactedTo > n)
            this.compactedTo = n;
        if (this.compactAt > n + COMPACT_EVERY)
            this.compactAt = n + COMPACT_EVERY;
    }
    get(idx) {
        const v = this.memo.get(idx);
        if (v === undefined)
            throw new Malformed(`memo value not found at index ${idx}`);
        if (v.t === 'global' && v.getattr)
            v.getattr.tokens++;
        this.push1(v);
    }
    put(idx) {
        if (idx < 0)
            throw new Malformed('negative PUT argument');
        this.memo.set(idx, this.top('PUT'));
    }
    recordImport(name, classification, offset = this.opStart, accepted) {
        const hit = this.imports.get(name);
        if (hit)
            hit.count++;
        else if (this.imports.size < IMPORTS_LIMIT) {
            const rec = { name, classification, offset, count: 1 };
            if (accepted !== undefined)
                rec.accepted = accepted;
            this.imports.set(name, rec);
            this.spec?.imports.push(name);
        }
    }
    addFinding(severity, rule, message, offset, imp) {
        // One finding per rule and import: a model that imports the same unknown class 10,000 times
        // should produce one line, not 10,000.
        const key = findingKey(rule, imp, message);
        if (this.findingKeys.has(key))
            return;
        // Bounded: a hostile stream can mint millions of distinct names. Dangerous findings get more
        // room than the rest; past the bound one finding says the list was cut.
        const cap = severity === 'dangerous' ? FINDINGS_LIMIT * 10 : FINDINGS_LIMIT;
        if (this.findings.length >= cap) {
            if (!this.findingsCut) {
                this.findingsCut = true;
                this.findings.push({ severity: 'warning', rule: 'pickle.too-many-findings', message: `more than ${FINDINGS_LIMIT} distinct findings; the rest are not listed`, offset });
            }
            return;
        }
        this.findingKeys.add(key);
        const f = { severity, rule, message, offset };
        if (imp !== undefined)
            f.import = imp;
        this.findings.push(f);
    }
    /** A walker bound was reached: nothing after this point is followed, so the file fails the gate. */
    boundExceeded(message) {
        if (this.spec) {
            this.rollbackSpeculation();
            return;
        }
        this.malformed = message;
        this.phase = Phase.Dead;
        if (!this.opts.probe) {
            this.addFinding('dangerous', 'pickle.bound-exceeded', `${message}: past this bound the scanner does not follow the stream, so what follows is not scanned and the file cannot be vouched for`, this.opStart);
        }
    }
    fail(message) {
        if (this.spec) {
            this.rollbackSpeculation();
            return;
        }
        this.malformed = message;
        this.phase = Phase.Dead;
        if (!this.opts.probe) {
            this.addFinding('malformed', 'pickle.malformed', `${message}; the rest of the stream cannot be parsed and is not trusted`, this.opStart);
        }
    }
}
function findingKey(rule, imp, message) {
    return `${rule}\u0000${imp ?? message}`;
}
function readU32(b, o) {
    return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}
function readI32(b, o) {
    return b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24);
}
/** Two's-complement little-endian (LONG1); beyond 2^53 the exact value does not matter here. */
function decodeLong(bytes) {
    if (bytes.length === 0)
        return 0;
    let v = 0;
    for (let k = bytes.length - 1; k >= 0; k--)
        v = v * 256 + bytes[k];
    if ((bytes[bytes.length - 1] & 0x80) !== 0)
        v -= 2 ** (8 * bytes.length);
    return v;
}
function parseIndex(line, op) {
    const s = decodeLatin1(line).trim();
    if (!/^\d+$/.test(s))
        throw new Malformed(`${op} argument is not an index`);
    return Number.parseInt(s, 10);
}
function trimAsciiSpaceEnd(b) {
    let end = b.length;
    while (end > 0 && (b[end - 1] === 0x20 || b[end - 1] === 0x0d || b[end - 1] === 0x09))
        end--;
    return b.subarray(0, end);
}
/** A child as a container keeps it: itself while the container stays within RETAIN_LIMIT bytes. */
function keepChild(w, v) {
    return w + weightOf(v) > RETAIN_LIMIT || depthOf(v) >= CHILD_DEPTH_LIMIT ? DROPPED : v;
}
function tupleOf(items) {
    if (items.length === 0)
        return EMPTY_TUPLE;
    const truncated = items.length > CONTAINER_ITEM_CAP;
    const n = Math.min(items.length, CONTAINER_ITEM_CAP);
    let w = 0;
    let d = 1;
    for (let k = 0; k < n; k++) {
        const v = keepChild(w, items[k]);
        if (v !== items[k])
            items[k] = v;
        w += weightOf(v) + 8;
        const vd = depthOf(v);
        if (vd >= d)
            d = vd + 1;
    }
    if (items.length > n)
        items.length = n;
    return { t: 'tuple', items, truncated, w, d };
}
function appendCapped(list, v) {
    if (list.items.length >= CONTAINER_ITEM_CAP) {
        list.truncated = true;
        return false;
    }
    const kept = keepChild(list.w, v);
    list.items.push(kept);
    list.w += weightOf(kept) + 8;
    if (depthOf(kept) >= list.d)
        list.d = depthOf(kept) + 1;
    return true;
}
function setItem(d, k, v) {
    if (d.keys.length >= CONTAINER_ITEM_CAP)
        return false;
    const key = keepChild(d.w, k);
    d.w += weightOf(key) + 8;
    const val = keepChild(d.w, v);
    d.w += weightOf(val) + 8;
    d.keys.push(key);
    d.vals.push(val);
    const kd = Math.max(depthOf(key), depthOf(val));
    if (kd >= d.d)
        d.d = kd + 1;
    return true;
}
function clip(name) {
    return name.length > NAME_SHOWN ? `${name.slice(0, NAME_SHOWN)}…` : name;
}
function describe(v) {
    switch (v.t) {
        case 'str':
            return v.s === null ? '<long string>' : v.literal ? v.s : `<computed ${v.s}>`;
        case 'global':
            return v.name;
        case 'obj':
            return `<result of ${describe(v.callee)}(...)>`;
        case 'pers':
            return '<persistent object>';
        default:
            return `<${v.t}>`;
    }
}
const DTYPE_CHAR_SIZE = {
    '?': 1, b: 1, B: 1, h: 2, H: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8, e: 2, f: 4, d: 8, g: 16, F: 8, D: 16, G: 32, O: 8,
};
function joblibArrayLayout(state) {
    const shape = dictGet(state, 'shape');
    const dtype = dictGet(state, 'dtype');
    if (!shape || shape.t !== 'tuple' || shape.truncated || !dtype || dtype.t !== 'obj')
        return null;
    let count = 1;
    for (const d of shape.items) {
        if (d.t !== 'int' || d.n < 0)
            return null;
        count *= d.n;
    }
    const args = dtype.args;
    const descrV = args && args.t === 'tuple' ? args.items[0] : undefined;
    if (!descrV || descrV.t !== 'str' || descrV.s === null)
        return null;
    const descr = descrV.s;
    const dstate = dtype.state;
    let itemsize = -1;
    let hasObject = /^[<>|=]?O/.test(descr);
    if (dstate && dstate.t === 'tuple') {
        const elsize = dstate.items[5];
        const flags = dstate.items[7];
        if (elsize && elsize.t === 'int' && elsize.n > 0)
            itemsize = elsize.n;
        if (flags && flags.t === 'int' && (flags.n & 1) === 1)
            hasObject = true;
    }
    if (itemsize < 0) {
        const m = /^[<>|=]?([a-zA-Z?])(\d*)$/.exec(descr);
        if (!m)
            return null;
        const ch = m[1];
        if (m[2])
            itemsize = Number.parseInt(m[2], 10) * (ch === 'U' ? 4 : 1);
        else if (DTYPE_CHAR_SIZE[ch] !== undefined)
            itemsize = DTYPE_CHAR_SIZE[ch];
        else
            return null;
    }
    if (hasObject)
        return { bytes: 0, hasObject: true, aligned: false };
    const align = dictGet(state, 'numpy_array_alignment_bytes');
    const bytes = count * itemsize;
    if (!Number.isSafeInteger(bytes))
        return null;
    return { bytes, hasObject: false, aligned: !!align && align.t === 'int' };
}

;// CONCATENATED MODULE: ./packages/model/src/tar/tar-header.ts
/**
 * Tar headers (v7, ustar, GNU, pax) parsed as Python's `tarfile` parses them, since that is the
 * reader that loads model tars (torch's `_legacy_load`, SageMaker's `model.tar.gz` extraction).
 */
/** Tar's record unit: headers and padded member data are multiples of it. */
const TAR_BLOCK = 512;
const tar_header_utf8 = new TextDecoder('utf-8');
/** The bytes up to the first NUL, decoded (tarfile's `nts`). */
function nts(b) {
    const nul = b.indexOf(0);
    return tar_header_utf8.decode(nul === -1 ? b : b.subarray(0, nul));
}
/**
 * A numeric field: base-256 when its first byte is 0x80 (positive) or 0xff (negative), else
 * octal text up to the first NUL, surrounded by optional spaces (tarfile's `nti`). Null when the
 * field is neither, or the value is negative or beyond 2^53.
 */
function parseTarNumber(field) {
    const first = field[0];
    if (first === 0x80 || first === 0xff) {
        let n = 0;
        for (let i = 1; i < field.length; i++) {
            n = n * 256 + field[i];
            if (n > Number.MAX_SAFE_INTEGER && first === 0x80)
                return null;
        }
        // 0xff: two's complement negative (or -0); sizes are never negative.
        if (first === 0xff)
            return null;
        return n;
    }
    const text = nts(field).trim();
    if (text === '')
        return 0;
    if (!/^[0-7]+$/.test(text))
        return null;
    const n = parseInt(text, 8);
    return Number.isSafeInteger(n) ? n : null;
}
/** Whether the block's checksum field matches its unsigned or signed byte sum (both are accepted by tarfile). */
function tarChecksumOk(block) {
    const stored = parseTarNumber(block.subarray(148, 156));
    if (stored === null)
        return false;
    let unsigned = 8 * 0x20;
    let signed = 8 * 0x20;
    for (let i = 0; i < TAR_BLOCK; i++) {
        if (i >= 148 && i < 156)
            continue;
        const b = block[i];
        unsigned += b;
        signed += b > 127 ? b - 256 : b;
    }
    return stored === unsigned || stored === signed;
}
/** Parses one 512-byte header block. */
function parseTarHeader(block) {
    if (block.length !== TAR_BLOCK)
        return { kind: 'bad', reason: 'header block is truncated' };
    if (block.every((b) => b === 0))
        return { kind: 'end' };
    if (!tarChecksumOk(block))
        return { kind: 'bad', reason: 'header checksum does not match' };
    const size = parseTarNumber(block.subarray(124, 136));
    if (size === null)
        return { kind: 'bad', reason: 'size field is not a valid number' };
    const typeflag = String.fromCharCode(block[156]);
    let name = nts(block.subarray(0, 100));
    const prefix = nts(block.subarray(345, 500));
    // As tarfile does: an old-style regular file whose name ends in '/' is a directory, and a
    // ustar prefix joins the name for every type but the GNU extension headers.
    const type = typeflag === '\0' && name.endsWith('/') ? '5' : typeflag;
    if (type === '5')
        name = name.replace(/\/+$/, '');
    if (prefix !== '' && !'LKS'.includes(type))
        name = `${prefix}/${name}`;
    return { kind: 'header', header: { name, linkname: nts(block.subarray(157, 257)), size, typeflag: type } };
}
/**
 * Whether `head` starts with a tar header: a valid checksum (v7 has no other signature), or the
 * ustar magic at 257 (then a bad checksum is reported by the reader, not taken for another format).
 */
function looksLikeTar(head) {
    if (head.length < TAR_BLOCK)
        return false;
    if (parseTarHeader(head.subarray(0, TAR_BLOCK)).kind === 'header')
        return true;
    return head[257] === 0x75 && head[258] === 0x73 && head[259] === 0x74 && head[260] === 0x61 && head[261] === 0x72;
}
/**
 * Parses pax extended-header records (`"<len> <key>=<value>\n"`), as tarfile does. Returns the
 * records, or a reason when a record is malformed (tarfile then refuses the whole archive).
 */
function parsePaxRecords(data) {
    const records = new Map();
    let p = 0;
    while (p < data.length) {
        if (data[p] === 0)
            break; // tarfile stops at padding NULs
        let q = p;
        while (q < data.length && data[q] >= 0x30 && data[q] <= 0x39)
            q++;
        if (q === p || data[q] !== 0x20)
            return `pax record at byte ${p} has no length`;
        const len = parseInt(new TextDecoder('latin1').decode(data.subarray(p, q)), 10);
        const end = p + len;
        if (len < q - p + 4 || end > data.length || data[end - 1] !== 0x0a)
            return `pax record at byte ${p} has a bad length`;
        const rec = data.subarray(q + 1, end - 1);
        const eq = rec.indexOf(0x3d);
        if (eq <= 0)
            return `pax record at byte ${p} has no keyword`;
        records.set(tar_header_utf8.decode(rec.subarray(0, eq)), tar_header_utf8.decode(rec.subarray(eq + 1)));
        p = end;
    }
    return records;
}

;// CONCATENATED MODULE: ./packages/model/src/detect-format.ts
/**
 * Format detection from bytes. A file name may only break a tie between formats the bytes allow;
 * it never overrides them, so a pickle named `model.safetensors` is still a pickle.
 */




/** How many leading bytes callers should pass to {@link detectFormat}. */
const DETECT_HEAD_BYTES = 64 * 1024;
const HDF5_SIG = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
const probePolicy = new ImportPolicy();
function startsWith(b, sig, at = 0) {
    if (b.length < at + sig.length)
        return false;
    for (let i = 0; i < sig.length; i++)
        if (b[at + i] !== sig[i])
            return false;
    return true;
}
function ascii(b, start, end) {
    return new TextDecoder('latin1').decode(b.subarray(start, Math.min(end, b.length)));
}
/**
 * Runs the real pickle walker over a head. It counts as a pickle when the walk finds no
 * malformed opcode before the data runs out (or reaches STOP), and its first opcode is one a
 * pickler emits first, which keeps text and binary formats from passing by accident.
 */
function probePickle(head, scanner) {
    const no = { isPickle: false, joblib: false, torchLegacy: false };
    if (head.length === 0)
        return no;
    const first = head[0];
    // PROTO for protocol 2+; protocol 0/1 pickles start with a container, mark, global or scalar.
    if (first === 0x80) {
        if (head.length < 2 || head[1] > 5)
            return no;
    }
    else if (!'(]})cNIFLSVJKMGTUXBCPlgi'.includes(String.fromCharCode(first)))
        return no;
    const s = scanner ?? new PickleScanner({ policy: probePolicy, probe: true });
    s.push(head);
    // PROTO 0-5 is as close to a magic number as pickles have: a stream that starts with it and
    // then breaks is a malformed pickle (to be reported as one), not some other format.
    if (first === 0x80)
        return { isPickle: true, joblib: s.joblib || [...s.imports.keys()].some((k) => k.endsWith('numpy_pickle.NumpyArrayWrapper')), torchLegacy: s.torchLegacy };
    if (!s.ok || (s.pickles === 0 && !s.insidePickle))
        return no;
    // A protocol 0/1 stream must show some structure within the head, not just one lucky byte.
    if (first !== 0x80 && s.pickles === 0 && s.opcodes < 3)
        return no;
    return { isPickle: true, joblib: s.joblib || [...s.imports.keys()].some((k) => k.endsWith('numpy_pickle.NumpyArrayWrapper')), torchLegacy: s.torchLegacy };
}
/**
 * Decompresses the start of a stream (as much as the head allows), or null when nothing comes out
 * (an xz/lzma head before the liblzma module is loaded, a bz2 block longer than the head).
 */
function inflateHead(head, kind, max = DETECT_HEAD_BYTES) {
    if (!isDecodable(kind))
        return null;
    const parts = [];
    let total = 0;
    const full = new Error('head is full');
    try {
        const d = createDecoder(kind, (c) => {
            parts.push(c);
            total += c.length;
            if (total >= max)
                throw full;
        });
        d.push(head, false);
    }
    catch {
        // corrupt, truncated by the head, the decoder not loaded, or simply enough bytes
    }
    if (total === 0)
        return null;
    const out = new Uint8Array(Math.min(total, max));
    let o = 0;
    for (const p of parts) {
        const take = Math.min(p.length, out.length - o);
        out.set(p.subarray(0, take), o);
        o += take;
        if (o >= out.length)
            break;
    }
    return out;
}
/** The compression a stream starts with, from its magic bytes (what joblib, torch and tar users wrap models in). */
function compressionOf(head) {
    if (head.length >= 2 && head[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(head[1]))
        return 'zlib';
    if (startsWith(head, [0x1f, 0x8b]))
        return 'gzip';
    if (startsWith(head, [0x04, 0x22, 0x4d, 0x18]))
        return 'lz4';
    if (startsWith(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))
        return 'xz';
    if (startsWith(head, [0x28, 0xb5, 0x2f, 0xfd]))
        return 'zstd';
    // 'BZh', a block size digit, then a block (pi) or end-of-stream (sqrt pi) magic.
    if (startsWith(head, [0x42, 0x5a, 0x68]) && head[3] >= 0x31 && head[3] <= 0x39 && (startsWith(head, [0x31, 0x41, 0x59, 0x26, 0x53, 0x59], 4) || startsWith(head, [0x17, 0x72, 0x45, 0x38, 0x50, 0x90], 4)))
        return 'bz2';
    if (looksLikeLzmaAlone(head))
        return 'lzma';
    return null;
}
/**
 * The legacy .lzma header (`lzma.FORMAT_ALONE`, joblib's `compress='lzma'`) has no magic number.
 * These are the checks liblzma's own decoder makes before it reads a byte of data: properties
 * lc/lp/pb in range, a dictionary size of 2^n or 2^n + 2^(n-1), an uncompressed size that is
 * unknown (all ones) or below 2^38, and the range coder's first byte, which is always 0.
 */
function looksLikeLzmaAlone(head) {
    if (head.length < 14 || head[0] >= 9 * 5 * 5 || head[13] !== 0)
        return false;
    const dict = (head[1] | (head[2] << 8) | (head[3] << 16) | (head[4] << 24)) >>> 0;
    if (dict < 4096)
        return false;
    const pow2 = (n) => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
    if (!pow2(dict) && !pow2(dict / 3))
        return false;
    let unknown = true;
    for (let i = 5; i < 13; i++)
        if (head[i] !== 0xff)
            unknown = false;
    if (!unknown && (head[10] !== 0 || head[11] !== 0 || head[12] !== 0 || head[9] >= 0x40))
        return false;
    return true;
}
/** Archive and compression formats recognised by their magic bytes and not read: refused, never passed as unknown. */
const REFUSED_MAGIC = [
    { name: '7-Zip archive', sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
    { name: 'RAR archive', sig: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
    { name: 'lz4 legacy stream', sig: [0x02, 0x21, 0x4c, 0x18] },
    { name: 'lzip stream', sig: [0x4c, 0x5a, 0x49, 0x50] },
    { name: 'lzop stream', sig: [0x89, 0x4c, 0x5a, 0x4f, 0x00, 0x0d, 0x0a, 0x1a, 0x0a] },
    { name: 'Unix compress (.Z) stream', sig: [0x1f, 0x9d] },
    { name: 'Snappy framed stream', sig: [0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59] },
    { name: 'Microsoft Cabinet archive', sig: [0x4d, 0x53, 0x43, 0x46, 0x00, 0x00, 0x00, 0x00] },
    { name: 'xar archive', sig: [0x78, 0x61, 0x72, 0x21] },
    { name: 'ar archive', sig: [0x21, 0x3c, 0x61, 0x72, 0x63, 0x68, 0x3e, 0x0a] },
    { name: 'cpio archive', sig: [0x30, 0x37, 0x30, 0x37, 0x30] },
    { name: 'SquashFS image', sig: [0x68, 0x73, 0x71, 0x73] },
    { name: 'zstd skippable frame', sig: [0x2a, 0x4d, 0x18], at: 1 },
];
/** The archive or compression format a head names that this scanner does not read, if any. */
function refusedContainerOf(head) {
    for (const m of REFUSED_MAGIC) {
        if (m.at !== undefined) {
            // zstd skippable frames: 0x184D2A5? little-endian, low nibble of the first byte free.
            if (head.length >= 4 && (head[0] & 0xf0) === 0x50 && startsWith(head, m.sig, m.at))
                return m.name;
        }
        else if (startsWith(head, m.sig))
            return m.name;
    }
    return null;
}
/** A Git LFS pointer: what a checkout without `lfs: true` leaves in place of the real file. */
function isGitLfsPointer(head) {
    if (head.length > 1024 || head.length < 40)
        return false;
    return /^version https:\/\/(git-lfs\.github\.com|hawser\.github\.com)\/spec\/v1\r?\n/.test(ascii(head, 0, 80));
}
function readVarint(b, p) {
    let v = 0;
    let mul = 1;
    for (let k = 0; k < 10; k++) {
        if (p + k >= b.length)
            return null;
        const byte = b[p + k];
        v += (byte & 0x7f) * mul;
        mul *= 128;
        if ((byte & 0x80) === 0)
            return [v, p + k + 1];
    }
    return null;
}
/** ModelProto fields and their wire types (onnx.proto3). */
const ONNX_FIELDS = { 1: 0, 2: 2, 3: 2, 4: 2, 5: 0, 6: 2, 7: 2, 8: 2, 14: 2, 20: 2, 25: 2, 26: 2 };
/**
 * ONNX has no magic number: walk the protobuf fields in the head and require ModelProto's tags
 * with their wire types, an ir_version, and a producer name that is short printable text (a
 * TensorFlow SavedModel proto has the same first tags but a nested message in field 2).
 */
function looksLikeOnnx(head) {
    let p = 0;
    let fields = 0;
    let sawIrVersion = false;
    let sawGraphOrOpset = false;
    while (p < head.length) {
        const tag = readVarint(head, p);
        if (!tag)
            break;
        const [key, q] = tag;
        const field = Math.floor(key / 8);
        const wire = key & 7;
        if (ONNX_FIELDS[field] === undefined || ONNX_FIELDS[field] !== wire)
            return false;
        if (wire === 0) {
            const v = readVarint(head, q);
            if (!v)
                break;
            if (field === 1) {
                if (v[0] < 1 || v[0] > 100)
                    return false;
                sawIrVersion = true;
            }
            p = v[1];
        }
        else {
            const len = readVarint(head, q);
            if (!len)
                break;
            const start = len[1];
            if (field === 2 || field === 3 || field === 4) {
                if (len[0] > 1024)
                    return false;
                const text = head.subarray(start, Math.min(head.length, start + len[0]));
                for (const c of text)
                    if (c < 0x20 && c !== 0x09)
                        return false;
            }
            if (field === 7 || field === 8)
                sawGraphOrOpset = true;
            p = start + len[0];
        }
        fields++;
    }
    return sawIrVersion && (fields >= 3 || sawGraphOrOpset);
}
function looksLikeSafetensors(head) {
    if (head.length < 10)
        return false;
    const lo = head[0] + head[1] * 256 + head[2] * 65536 + head[3] * 16777216;
    const hi = head[4] | head[5] | head[6] | head[7];
    if (hi !== 0 || lo < 2 || lo > 100 * 1024 * 1024)
        return false;
    if (head[8] !== 0x7b)
        return false;
    const next = head[9];
    return next === 0x22 || next === 0x7d || next === 0x20 || next === 0x0a;
}
/**
 * Detects a model format from the first bytes of a file (pass {@link DETECT_HEAD_BYTES}).
 * `name` only breaks ties the bytes leave open (today: `saved_model.pb` protobufs).
 */
function detectFormat(head, name) {
    return detectFormatUsing(head, name);
}
/**
 * {@link detectFormat}, optionally probing pickles with the caller's real scanner: when the head
 * turns out to be a pickle, that scanner has already walked it and the caller continues feeding
 * it from the end of the head instead of parsing the head twice. (`scanner.offset` tells whether
 * it was fed.)
 */
function detectFormatUsing(head, name, scanner) {
    if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]))
        return 'zip';
    if (startsWith(head, [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]))
        return 'numpy';
    for (let at = 0; at + 8 <= head.length; at = at === 0 ? 512 : at * 2) {
        if (startsWith(head, HDF5_SIG, at))
            return 'hdf5';
    }
    if (startsWith(head, [0x47, 0x47, 0x55, 0x46]) && head.length >= 8) {
        const version = head[4] | (head[5] << 8) | (head[6] << 16) | (head[7] << 24);
        if (version >= 1 && version <= 16)
            return 'gguf';
    }
    if (looksLikeSafetensors(head))
        return 'safetensors';
    // Before the pickle probe: a member name such as `legacy/...` starts with a pickle opcode byte.
    if (looksLikeTar(head))
        return 'tar';
    const probe = probePickle(head, scanner);
    if (probe.isPickle)
        return probe.torchLegacy ? 'pytorch-legacy' : probe.joblib ? 'joblib' : 'pickle';
    const comp = compressionOf(head);
    if (comp !== null) {
        const inner = inflateHead(head, comp);
        // A gzip'd tar (`model.tar.gz`, SageMaker's artifact layout) is walked as a tar.
        if (inner && looksLikeTar(inner))
            return 'tar';
        if (inner && probePickle(inner).isPickle)
            return 'joblib';
        // joblib's compressors all start with these magics; what is inside is found by the scan.
        if (comp !== 'zlib' && comp !== 'gzip')
            return 'joblib';
    }
    const text = ascii(head, 0, 256);
    if (/^\s*\{\s*"learner"\s*:/.test(text))
        return 'xgboost-json';
    if (head[0] === 0x7b && /^\{[iUIlL]\x07learner/.test(ascii(head, 0, 12)))
        return 'xgboost-ubj';
    if (/^\{[iUIlL][\x00-\x7f]{0,8}\x07?learner/.test(ascii(head, 0, 20)) && head[0] === 0x7b)
        return 'xgboost-ubj';
    if (text.startsWith('tree\nversion=') || text.startsWith('tree\r\nversion='))
        return 'lightgbm-text';
    if (looksLikeOnnx(head))
        return 'onnx';
    if (name !== undefined && /(^|\/)saved_model\.pb$/.test(name) && head[0] === 0x08)
        return 'tf-savedmodel';
    return 'unknown';
}

;// CONCATENATED MODULE: ./packages/model/src/numpy-header.ts
/**
 * The `.npy` header: enough to know whether a pickle follows it. numpy stores object arrays
 * (`descr` containing `O`) as a pickle right after the header, which `np.load(allow_pickle=True)`
 * unpickles, so such files are scanned as pickles from the header's end.
 */
/** Parses the header from the file's first bytes; null when it is not a complete, valid header. */
function parseNpyHeader(head) {
    if (head.length < 10)
        return null;
    const major = head[6];
    let len;
    let start;
    if (major === 1) {
        len = head[8] | (head[9] << 8);
        start = 10;
    }
    else if (major === 2 || major === 3) {
        if (head.length < 12)
            return null;
        len = (head[8] | (head[9] << 8) | (head[10] << 16)) + head[11] * 0x1000000;
        start = 12;
    }
    else
        return null;
    if (start + len > head.length)
        return null;
    const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(head.subarray(start, start + len));
    const m = /['"]descr['"]\s*:\s*(.*?)\s*,\s*['"](fortran_order|shape)['"]/s.exec(text);
    if (!m)
        return null;
    const descr = m[1];
    // A structured dtype lists fields as ('name', '<f8'); any field (or the whole dtype) of kind O
    // makes numpy pickle the array.
    const objectArray = /['"][<>|=]?O\d*['"]/.test(descr);
    return { dataOffset: start + len, objectArray, descr };
}

;// CONCATENATED MODULE: ./packages/model/src/safetensors-header.ts
/**
 * Checks a safetensors header the way the safetensors library validates it on load: JSON object,
 * every tensor's dtype/shape/offsets consistent, tensors contiguous and covering the data area
 * exactly. Bytes no tensor claims are where something else could hide, so they are a finding.
 */
const DTYPE_BYTES = {
    BOOL: 1, U8: 1, I8: 1, F8_E4M3: 1, F8_E5M2: 1, F8_E8M0: 1, I16: 2, U16: 2, F16: 2, BF16: 2, I32: 4, U32: 4, F32: 4,
    I64: 8, U64: 8, F64: 8, C64: 8,
};
/** Problems with the header; empty when it is consistent. */
function safetensorsProblems(header, dataLength) {
    let parsed;
    try {
        parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(header));
    }
    catch (e) {
        return [`header is not UTF-8 JSON: ${e.message}`];
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        return ['header is not a JSON object'];
    const problems = [];
    const spans = [];
    for (const [name, v] of Object.entries(parsed)) {
        if (name === '__metadata__') {
            if (!v || typeof v !== 'object' || Object.values(v).some((x) => typeof x !== 'string'))
                problems.push('__metadata__ must map strings to strings');
            continue;
        }
        const t = v;
        const offsets = t?.data_offsets;
        if (typeof t?.dtype !== 'string' || !Array.isArray(t.shape) || !Array.isArray(offsets) || offsets.length !== 2) {
            problems.push(`tensor ${JSON.stringify(name)} lacks dtype, shape or data_offsets`);
            continue;
        }
        const [b, e] = offsets;
        if (!Number.isSafeInteger(b) || !Number.isSafeInteger(e) || b < 0 || b > e || e > dataLength) {
            problems.push(`tensor ${JSON.stringify(name)} has offsets ${JSON.stringify(offsets)} outside the ${dataLength}-byte data area`);
            continue;
        }
        if (!t.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
            problems.push(`tensor ${JSON.stringify(name)} has an invalid shape`);
            continue;
        }
        const size = DTYPE_BYTES[t.dtype];
        const count = t.shape.reduce((a, d) => a * d, 1);
        if (size !== undefined && count * size !== e - b) {
            problems.push(`tensor ${JSON.stringify(name)}: ${t.dtype}${JSON.stringify(t.shape)} needs ${count * size} bytes, offsets give ${e - b}`);
        }
        spans.push([b, e, name]);
    }
    spans.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    let cursor = 0;
    for (const [b, e, name] of spans) {
        if (b < cursor)
            problems.push(`tensor ${JSON.stringify(name)} overlaps the previous one`);
        else if (b > cursor)
            problems.push(`${b - cursor} bytes before tensor ${JSON.stringify(name)} belong to no tensor`);
        cursor = Math.max(cursor, e);
    }
    if (problems.length === 0 && cursor !== dataLength)
        problems.push(`${dataLength - cursor} bytes after the last tensor belong to no tensor`);
    return problems;
}

;// CONCATENATED MODULE: ./packages/model/src/tar/tar-reader.ts

/** Extension headers (pax records, GNU long names) are buffered up to this size. */
const MAX_EXTENSION_BYTES = 1024 * 1024;
const REGULAR = new Set(['0', '\0', '7']);
const NO_DATA = { '1': 'hardlink', '2': 'symlink', '3': 'device', '4': 'device', '5': 'directory', '6': 'fifo' };
var State;
(function (State) {
    State[State["Header"] = 0] = "Header";
    State[State["Data"] = 1] = "Data";
    State[State["Extension"] = 2] = "Extension";
    State[State["Skip"] = 3] = "Skip";
    State[State["End"] = 4] = "End";
    State[State["Dead"] = 5] = "Dead";
})(State || (State = {}));
/** Normalises a slash path; returns null when it climbs above its root. */
function resolveInside(path) {
    const out = [];
    for (const seg of path.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..') {
            if (out.length === 0)
                return null;
            out.pop();
        }
        else
            out.push(seg);
    }
    return out.join('/');
}
/** Push parser over a tar stream. */
class TarReader {
    events;
    state = State.Header;
    block = new Uint8Array(TAR_BLOCK);
    blockLen = 0;
    /** Bytes of data (plus padding) left in the current member or extension. */
    left = 0;
    pad = 0;
    sink = null;
    ext = null;
    globalPax = new Map();
    pendingPax = null;
    pendingName = null;
    pendingLink = null;
    memberStart = -1;
    pos = 0;
    seen = new Set();
    trailingReported = false;
    /** Members handed to `events.member`. */
    members = 0;
    /** Offset of the end-of-archive block, once read: tar readers never look past it. */
    endOffset = null;
    constructor(events) {
        this.events = events;
    }
    /**
     * Whether the stream so far reads as a whole archive: end blocks, or a member boundary (tarfile
     * accepts a missing end block, and missing padding after the last member's data).
     */
    get complete() {
        if (this.state === State.End)
            return true;
        if (this.memberStart !== -1 || this.ext !== null)
            return false;
        return (this.state === State.Header && this.blockLen === 0) || this.state === State.Skip;
    }
    push(chunk) {
        const base = this.pos;
        this.pos += chunk.length;
        let p = 0;
        while (p < chunk.length) {
            switch (this.state) {
                case State.Dead:
                    return;
                case State.End: {
                    // tarfile stops at the first zero block; anything else after it is never read.
                    if (!this.trailingReported && chunk.subarray(p).some((b) => b !== 0)) {
                        this.trailingReported = true;
                        this.events.problem({ severity: 'warning', rule: 'tar.trailing-data', message: 'non-zero bytes after the end-of-archive block: tar readers ignore them, a custom loader could read them', offset: base + p });
                    }
                    return;
                }
                case State.Header: {
                    const take = Math.min(TAR_BLOCK - this.blockLen, chunk.length - p);
                    this.block.set(chunk.subarray(p, p + take), this.blockLen);
                    this.blockLen += take;
                    p += take;
                    if (this.blockLen === TAR_BLOCK) {
                        this.blockLen = 0;
                        this.header(base + p - TAR_BLOCK);
                    }
                    break;
                }
                case State.Data:
                case State.Extension:
                case State.Skip: {
                    const take = Math.min(this.left, chunk.length - p);
                    const part = chunk.subarray(p, p + take);
                    if (this.state === State.Data)
                        this.sink?.write(part);
                    else if (this.state === State.Extension && this.ext) {
                        this.ext.parts.push(part.slice());
                        this.ext.len += take;
                    }
                    p += take;
                    this.left -= take;
                    if (this.left === 0) {
                        if (this.state === State.Data) {
                            this.sink?.end();
                            this.sink = null;
                        }
                        const wasExt = this.state === State.Extension;
                        this.state = State.Skip;
                        this.left = this.pad;
                        this.pad = 0;
                        if (wasExt)
                            this.extensionDone();
                        if (this.left === 0 && this.state === State.Skip)
                            this.state = State.Header;
                    }
                    break;
                }
            }
        }
    }
    /** The stream ended: reports truncation. */
    end() {
        if (this.state === State.Dead || this.complete)
            return;
        const where = this.state === State.Header && this.blockLen > 0 ? 'inside a header block' : this.state === State.Data ? `${this.left} bytes before the end of member data` : 'inside an extension header or padding';
        if (this.sink) {
            this.sink.end();
            this.sink = null;
        }
        this.events.problem({ severity: 'malformed', rule: 'tar.truncated', message: `archive ends ${where}; a truncated archive cannot be vouched for`, offset: this.pos });
        this.state = State.Dead;
    }
    fail(message, offset) {
        this.events.problem({ severity: 'malformed', rule: 'tar.bad-header', message: `${message}; tar readers stop here, so nothing after it is vouched for`, offset });
        this.state = State.Dead;
    }
    header(offset) {
        const r = parseTarHeader(this.block);
        if (r.kind === 'end') {
            if (this.memberStart !== -1)
                this.fail('end-of-archive block right after an extension header', offset);
            else {
                this.state = State.End;
                this.endOffset = offset;
            }
            return;
        }
        if (r.kind === 'bad') {
            this.fail(`${r.reason} at byte ${offset}`, offset);
            return;
        }
        const h = r.header;
        if (this.memberStart === -1)
            this.memberStart = offset;
        const t = h.typeflag;
        if (t === 'x' || t === 'X' || t === 'g' || t === 'L' || t === 'K') {
            if (h.size > MAX_EXTENSION_BYTES) {
                this.fail(`extension header of ${h.size} bytes is larger than ${MAX_EXTENSION_BYTES}`, offset);
                return;
            }
            this.ext = { type: t, parts: [], len: 0 };
            this.enter(State.Extension, h.size);
            return;
        }
        // Apply the overrides collected from the extension headers before this one.
        let path = this.pendingName ?? h.name;
        let linkname = this.pendingLink ?? h.linkname;
        let size = h.size;
        const pax = this.pendingPax;
        if (pax) {
            const pp = pax.get('path') ?? pax.get('GNU.sparse.name');
            if (pp !== undefined && this.pendingName === null)
                path = pp.replace(/\/+$/, '');
            const lp = pax.get('linkpath');
            if (lp !== undefined && this.pendingLink === null)
                linkname = lp;
            const ps = pax.get('size');
            if (ps !== undefined) {
                if (/^\d+$/.test(ps) && Number.isSafeInteger(Number(ps)))
                    size = Number(ps);
                else {
                    // tarfile reads a bad pax size as 0; other readers refuse the archive.
                    this.events.problem({ severity: 'malformed', rule: 'tar.bad-header', message: `pax size '${ps.slice(0, 40)}' is not a number (tarfile reads it as 0)`, path, offset });
                    size = 0;
                }
            }
        }
        const start = this.memberStart;
        this.pendingPax = null;
        this.pendingName = null;
        this.pendingLink = null;
        this.memberStart = -1;
        this.checkPath(path, start);
        if (t === 'S') {
            this.events.problem({ severity: 'malformed', rule: 'tar.unsupported-member', message: 'GNU sparse member: its content is not reassembled here, so it is not vouched for', path, offset: start });
            if (this.block[482] !== 0) {
                this.fail('GNU sparse member with extension blocks', offset);
                return;
            }
            this.enter(State.Skip, size);
            return;
        }
        const noData = NO_DATA[t];
        if (noData !== undefined) {
            if (size > 0) {
                // tarfile reads the next header right after this one; GNU tar skips `size` bytes first.
                this.events.problem({ severity: 'malformed', rule: 'tar.ambiguous-size', message: `${noData} member declares ${size} bytes of data: tar readers disagree on where the next member starts`, path, offset: start });
            }
            if (noData === 'symlink' || noData === 'hardlink')
                this.checkLink(path, noData, linkname, start);
            this.events.member({ path, type: noData, typeflag: t, size, linkname, offset: start });
            return;
        }
        if (!REGULAR.has(t)) {
            // Unknown types are extracted as regular files by tarfile.
            this.events.problem({ severity: 'warning', rule: 'tar.unknown-type', message: `member type '${t.replace(/[^\x20-\x7e]/g, '?')}' is not a standard tar type; tarfile reads it as a regular file (scanned as one)`, path, offset: start });
        }
        if (this.seen.has(path)) {
            this.events.problem({ severity: 'warning', rule: 'tar.duplicate-name', message: 'member name appears more than once: extraction keeps the last, tarfile.getmember returns the last (all are scanned)', path, offset: start });
        }
        else if (this.seen.size < 100_000)
            this.seen.add(path);
        this.members++;
        this.sink = this.events.member({ path, type: 'file', typeflag: t, size, linkname, offset: start });
        this.enter(State.Data, size);
        if (size === 0) {
            this.sink?.end();
            this.sink = null;
        }
    }
    /** Moves to a data-bearing state for `size` bytes plus padding to the next block. */
    enter(state, size) {
        const pad = (TAR_BLOCK - (size % TAR_BLOCK)) % TAR_BLOCK;
        if (size === 0) {
            if (state === State.Extension)
                this.extensionDone();
            if (this.state !== State.Dead)
                this.state = State.Header;
            return;
        }
        this.state = state;
        this.left = size;
        this.pad = pad;
    }
    extensionDone() {
        const ext = this.ext;
        this.ext = null;
        if (!ext)
            return;
        const data = new Uint8Array(ext.len);
        let o = 0;
        for (const part of ext.parts) {
            data.set(part, o);
            o += part.length;
        }
        if (ext.type === 'L' || ext.type === 'K') {
            const nul = data.indexOf(0);
            const text = new TextDecoder('utf-8').decode(nul === -1 ? data : data.subarray(0, nul));
            if (ext.type === 'L' && this.pendingName === null)
                this.pendingName = text;
            if (ext.type === 'K' && this.pendingLink === null)
                this.pendingLink = text;
            return;
        }
        const records = parsePaxRecords(data);
        if (typeof records === 'string') {
            this.fail(records, this.memberStart);
            return;
        }
        if (ext.type === 'g') {
            for (const [k, v] of records)
                this.globalPax.set(k, v);
            // tarfile applies global records only through a later local header; the member that
            // follows a global header is read with its own fields.
            return;
        }
        const merged = this.pendingPax ?? new Map(this.globalPax);
        // Records of an earlier local header win over a later one (tarfile applies the outer last).
        for (const [k, v] of records)
            if (this.pendingPax === null || !this.pendingPax.has(k))
                merged.set(k, v);
        this.pendingPax = merged;
    }
    checkPath(path, offset) {
        if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) {
            this.events.problem({ severity: 'dangerous', rule: 'tar.path-traversal', message: 'member has an absolute path: extracting the archive writes outside the target directory', path, offset });
        }
        else if (path.split(/[\\/]/).includes('..')) {
            this.events.problem({ severity: 'dangerous', rule: 'tar.path-traversal', message: "member path contains '..': extracting the archive can write outside the target directory", path, offset });
        }
    }
    checkLink(path, type, target, offset) {
        // A symlink resolves from its own directory; a hardlink names another member of the archive.
        const base = type === 'symlink' ? path.split('/').slice(0, -1).join('/') : '';
        const escapes = target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target) || resolveInside(base === '' ? target : `${base}/${target}`) === null;
        if (escapes) {
            this.events.problem({ severity: 'dangerous', rule: 'tar.link-escape', message: `${type} points outside the archive (to '${target.slice(0, 200)}'): extraction or a later write through it reaches files elsewhere`, path, offset });
        }
    }
}

;// CONCATENATED MODULE: ./packages/model/src/zip/member-stream.ts

/** Raised when inflating would exceed the budget. */
class BudgetExceeded extends Error {
}
/** Raised when a compressed stream is corrupt. */
class CorruptStream extends Error {
}
/** Raised when a valid compressed stream needs more memory than the scanner allows (not read). */
class UnreadableStream extends Error {
}
const READ_CHUNK = 1 << 20;
const FIRST_READ = 4 * 1024;
const RATIO_LIMIT = 250;
const RATIO_FLOOR_BYTES = 64 * 1024 * 1024;
/** Zip compression methods this reader decompresses, by what Python's zipfile calls them. */
const ZIP_METHODS = { 8: 'deflate', 12: 'bz2', 14: 'lzma', 93: 'zstd', 95: 'xz' };
/**
 * Yields the member's bytes. `method` 0 (stored) or one of {@link ZIP_METHODS}; other methods are
 * the caller's to report. `length` is the compressed length to read from `offset`.
 * `lzmaSize` (method 14 only): the uncompressed size, or -1 when the member ends with an end
 * marker (general purpose flag bit 1), as zipfile's LZMA decompressor needs neither.
 */
async function* memberChunks(src, offset, length, method, budget, signal, onHighRatio, lzmaSize = -1) {
    const end = Math.min(src.size, offset + length);
    if (method === 0) {
        // The first read is small: most members (tensor storages) are only sniffed for their format.
        for (let pos = offset, want = FIRST_READ; pos < end; want = READ_CHUNK) {
            signal?.throwIfAborted();
            const buf = await src.read(pos, Math.min(want, end - pos));
            if (buf.length === 0)
                return;
            pos += buf.length;
            yield buf;
        }
        return;
    }
    const kind = ZIP_METHODS[method];
    if (kind === undefined)
        throw new CorruptStream(`compression method ${method} is not supported`);
    let out = [];
    let inflated = 0;
    let consumed = 0;
    let ratioReported = false;
    const decoder = createDecoder(kind, (data) => {
        budget.left -= data.length;
        inflated += data.length;
        // Real model members rarely inflate past 250:1; bombs sit near deflate's 1032:1 ceiling.
        // The budget is the hard stop; this names the shape of the problem early.
        if (!ratioReported && inflated > RATIO_FLOOR_BYTES && inflated > RATIO_LIMIT * Math.max(consumed, 1)) {
            ratioReported = true;
            onHighRatio?.(inflated, consumed);
        }
        if (budget.left < 0)
            throw new BudgetExceeded(`decompressed data exceeds the ${budget.limit}-byte bound`);
        if (data.length > 0)
            out.push(data);
    });
    let pos = offset;
    if (kind === 'lzma') {
        // zipfile's LZMA members: version (2 bytes), properties size (2), properties (5), raw LZMA.
        // The 13-byte header of the legacy .lzma format (properties, then the size) makes them a
        // stream liblzma's decoder reads.
        const hdr = await src.read(pos, Math.min(9, end - pos));
        const propSize = hdr.length >= 4 ? hdr[2] | (hdr[3] << 8) : 0;
        if (hdr.length < 9 || propSize !== 5)
            throw new CorruptStream('zip LZMA member header is invalid');
        const alone = new Uint8Array(13);
        alone.set(hdr.subarray(4, 9), 0);
        const size = new DataView(alone.buffer);
        if (lzmaSize < 0)
            for (let i = 5; i < 13; i++)
                alone[i] = 0xff;
        else
            size.setBigUint64(5, BigInt(lzmaSize), true);
        pos += 4 + propSize;
        push(alone, false);
    }
    function push(buf, final) {
        try {
            decoder.push(buf, final);
        }
        catch (e) {
            if (e instanceof CorruptData)
                throw new CorruptStream(e.message);
            if (e instanceof UnreadableData)
                throw new UnreadableStream(e.message);
            throw e;
        }
    }
    while (pos < end && !decoder.ended) {
        signal?.throwIfAborted();
        const buf = await src.read(pos, Math.min(READ_CHUNK >> 4, end - pos));
        if (buf.length === 0)
            break;
        pos += buf.length;
        consumed += buf.length;
        push(buf, pos >= end);
        if (out.length > 0) {
            const ready = out;
            out = [];
            for (const c of ready)
                yield c;
        }
    }
    if (pos < end && !decoder.ended)
        push(new Uint8Array(0), true);
    if (out.length > 0)
        yield* out;
    if (kind === 'deflate' && !decoder.ended)
        throw new CorruptStream('deflate stream ends before its final block (truncated)');
}

;// CONCATENATED MODULE: ./packages/model/src/zip/zip-archive.ts
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
/** Central directories larger than this are refused (a 100,000-entry archive needs ~10 MiB). */
const MAX_CENTRAL_DIRECTORY = 256 * 1024 * 1024;
/** Bytes of unaccounted gaps searched for hidden local headers. */
const MAX_GAP_SEARCH = 256 * 1024 * 1024;
function zip_archive_u16(b, o) {
    return b[o] | (b[o + 1] << 8);
}
function zip_archive_u32(b, o) {
    return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}
function u64(b, o) {
    const lo = zip_archive_u32(b, o);
    const hi = zip_archive_u32(b, o + 4);
    // Offsets past 2^53 cannot be real on any disk; treat them as corrupt.
    return hi > 0x1fffff ? Number.MAX_SAFE_INTEGER : hi * 0x100000000 + lo;
}
const zip_archive_utf8 = new TextDecoder('utf-8');
const CP437_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
/** Names as Python's zipfile decodes them: UTF-8 when flag bit 11 is set, else cp437. */
function decodeName(bytes, flags) {
    if ((flags & 0x800) !== 0)
        return zip_archive_utf8.decode(bytes);
    let s = '';
    for (const b of bytes)
        s += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80];
    return s;
}
function sameBytes(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}
const EOCD_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** Finds the end-of-central-directory record, or null when the source is not a zip archive. */
async function findEndOfCentralDirectory(src) {
    if (src.size < 22)
        return null;
    const tailLen = Math.min(src.size, 65535 + 22);
    const tailStart = src.size - tailLen;
    const tail = await src.read(tailStart, tailLen);
    // Native backwards search for "PK\x05\x06": this runs on every file (appended-archive check).
    const haystack = Buffer.from(tail.buffer, tail.byteOffset, tail.length);
    for (let i = haystack.lastIndexOf(EOCD_MAGIC, tail.length - 22); i >= 0; i = i > 0 ? haystack.lastIndexOf(EOCD_MAGIC, i - 1) : -1) {
        if (zip_archive_u32(tail, i) !== SIG_EOCD)
            continue;
        const commentLength = zip_archive_u16(tail, i + 20);
        const pos = tailStart + i;
        if (pos + 22 + commentLength > src.size)
            continue;
        const eocd = {
            pos,
            entries: zip_archive_u16(tail, i + 10),
            cdSize: zip_archive_u32(tail, i + 12),
            cdOffset: zip_archive_u32(tail, i + 16),
            commentLength,
            zip64: false,
        };
        if (zip_archive_u16(tail, i + 4) !== 0 || zip_archive_u16(tail, i + 6) !== 0)
            continue; // multi-disk archives are not models
        if (eocd.entries === 0xffff || eocd.cdSize === 0xffffffff || eocd.cdOffset === 0xffffffff) {
            if (pos >= 20) {
                const loc = await src.read(pos - 20, 20);
                if (zip_archive_u32(loc, 0) === SIG_ZIP64_LOCATOR) {
                    const recOff = u64(loc, 8);
                    const rec = await src.read(recOff, 56);
                    if (rec.length === 56 && zip_archive_u32(rec, 0) === SIG_ZIP64_EOCD) {
                        eocd.entries = u64(rec, 32);
                        eocd.cdSize = u64(rec, 40);
                        eocd.cdOffset = u64(rec, 48);
                        eocd.zip64 = true;
                    }
                }
            }
        }
        return eocd;
    }
    return null;
}
/**
 * Whether an end record points at a real central directory (its first entry's signature, or an
 * empty archive): the check that separates an appended archive from chance bytes.
 */
async function centralDirectoryAt(src, eocd) {
    if (eocd.entries === 0)
        return eocd.cdSize === 0;
    const cdEnd = eocd.zip64 ? eocd.pos - 20 - 56 : eocd.pos;
    const start = cdEnd - eocd.cdSize;
    if (start < 0 || eocd.cdSize < 46)
        return false;
    const sig = await src.read(start, 4);
    return sig.length === 4 && zip_archive_u32(sig, 0) === SIG_CENTRAL;
}
/**
 * Reads the archive structure. Never throws for bad input: problems become findings, and
 * whatever entries could be located are returned so they can still be scanned.
 */
async function readZipListing(src) {
    const findings = [];
    const entries = [];
    let bytesExamined = 0;
    const eocd = await findEndOfCentralDirectory(src);
    if (!eocd) {
        findings.push({ severity: 'malformed', rule: 'zip.no-central-directory', message: 'starts like a zip archive but has no end-of-central-directory record (truncated or forged); only local headers can be scanned' });
        const hidden = await scanGapForLocalHeaders(src, 0, src.size, findings);
        return { entries: hidden.entries, findings, archiveStart: 0, bytesExamined: hidden.bytes };
    }
    const eocdEnd = eocd.pos + 22 + eocd.commentLength;
    if (eocdEnd < src.size) {
        findings.push({ severity: 'warning', rule: 'zip.trailing-data', message: `${src.size - eocdEnd} bytes after the end of the archive (scanned if they hold a pickle)`, offset: eocdEnd });
        // Offered to the member scanner like an entry, so a pickle hidden there is walked too.
        entries.push({
            name: '<data after archive>', method: 0, localMethod: 0, flags: 0, crc: 0, compressedSize: src.size - eocdEnd,
            localCompressedSize: src.size - eocdEnd, uncompressedSize: src.size - eocdEnd, localOffset: eocdEnd, dataOffset: eocdEnd,
            origin: 'trailing', isDirectory: false,
        });
    }
    // The central directory ends where the zip64 records or the EOCD start; any difference from
    // the recorded offset is data prepended to the archive (Python's zipfile tolerates it too).
    const cdEndGuess = eocd.zip64 ? eocd.pos - 20 - 56 : eocd.pos;
    const archiveStart = Math.max(0, cdEndGuess - eocd.cdSize - eocd.cdOffset);
    const cdStart = archiveStart + eocd.cdOffset;
    if (eocd.cdSize > MAX_CENTRAL_DIRECTORY || cdStart + eocd.cdSize > src.size) {
        findings.push({ severity: 'malformed', rule: 'zip.bad-central-directory', message: `central directory of ${eocd.cdSize} bytes at ${cdStart} does not fit the file` });
        const hidden = await scanGapForLocalHeaders(src, 0, Math.min(src.size, eocd.pos), findings);
        return { entries: hidden.entries, findings, archiveStart, bytesExamined: hidden.bytes };
    }
    const cd = await src.read(cdStart, eocd.cdSize);
    bytesExamined += cd.length;
    let p = 0;
    const rawNames = [];
    while (p + 46 <= cd.length && zip_archive_u32(cd, p) === SIG_CENTRAL) {
        const flags = zip_archive_u16(cd, p + 8);
        const method = zip_archive_u16(cd, p + 10);
        const crc = zip_archive_u32(cd, p + 16);
        let csize = zip_archive_u32(cd, p + 20);
        let usize = zip_archive_u32(cd, p + 24);
        const nameLen = zip_archive_u16(cd, p + 28);
        const extraLen = zip_archive_u16(cd, p + 30);
        const commentLen = zip_archive_u16(cd, p + 32);
        let localOffset = zip_archive_u32(cd, p + 42);
        if (p + 46 + nameLen + extraLen + commentLen > cd.length) {
            findings.push({ severity: 'malformed', rule: 'zip.bad-central-directory', message: `central directory entry at ${cdStart + p} runs past the directory` });
            break;
        }
        const nameBytes = cd.subarray(p + 46, p + 46 + nameLen);
        const extra = cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
        // zip64 extra field: the 64-bit values appear only for fields saturated at 0xFFFFFFFF.
        for (let e = 0; e + 4 <= extra.length;) {
            const id = zip_archive_u16(extra, e);
            const len = zip_archive_u16(extra, e + 2);
            if (id === 0x0001) {
                let q = e + 4;
                if (usize === 0xffffffff && q + 8 <= e + 4 + len) {
                    usize = u64(extra, q);
                    q += 8;
                }
                if (csize === 0xffffffff && q + 8 <= e + 4 + len) {
                    csize = u64(extra, q);
                    q += 8;
                }
                if (localOffset === 0xffffffff && q + 8 <= e + 4 + len) {
                    localOffset = u64(extra, q);
                    q += 8;
                }
            }
            e += 4 + len;
        }
        const name = decodeName(nameBytes, flags);
        rawNames.push(nameBytes.slice());
        entries.push({
            name, method, localMethod: method, flags, crc, compressedSize: csize, localCompressedSize: csize,
            uncompressedSize: usize, localOffset: archiveStart + localOffset, dataOffset: -1, origin: 'central',
            isDirectory: name.endsWith('/'),
        });
        p += 46 + nameLen + extraLen + commentLen;
    }
    const trailing = entries.filter((e) => e.origin === 'trailing');
    entries.splice(0, entries.length, ...entries.filter((e) => e.origin !== 'trailing'));
    if (entries.length !== eocd.entries) {
        findings.push({ severity: 'malformed', rule: 'zip.entry-count-mismatch', message: `end record says ${eocd.entries} entries, central directory holds ${entries.length}` });
    }
    const seen = new Map();
    for (const e of entries)
        seen.set(e.name, (seen.get(e.name) ?? 0) + 1);
    for (const [name, count] of seen) {
        if (count > 1)
            findings.push({ severity: 'malformed', rule: 'zip.duplicate-name', message: `${count} entries are named ${JSON.stringify(name)}; readers disagree on which one wins (all are scanned)`, entry: name });
    }
    for (const e of entries) {
        if (e.name.includes('\u0000') || e.name.startsWith('/') || e.name.split(/[\\/]/).includes('..')) {
            findings.push({ severity: 'warning', rule: 'zip.unsafe-path', message: `entry name ${JSON.stringify(e.name)} escapes the extraction directory`, entry: e.name });
        }
    }
    // Check each entry against its local header and work out where its data really is.
    const ranges = [];
    for (let k = 0; k < entries.length; k++) {
        const e = entries[k];
        const lh = await src.read(e.localOffset, 30);
        bytesExamined += lh.length;
        if (lh.length < 30 || zip_archive_u32(lh, 0) !== SIG_LOCAL) {
            findings.push({ severity: 'malformed', rule: 'zip.bad-local-header', message: `no local header where the central directory points (offset ${e.localOffset})`, entry: e.name, offset: e.localOffset });
            continue;
        }
        const lflags = zip_archive_u16(lh, 6);
        const lmethod = zip_archive_u16(lh, 8);
        const lcrc = zip_archive_u32(lh, 14);
        const lcsize = zip_archive_u32(lh, 18);
        const lusize = zip_archive_u32(lh, 22);
        const lnameLen = zip_archive_u16(lh, 26);
        const lextraLen = zip_archive_u16(lh, 28);
        const lname = await src.read(e.localOffset + 30, lnameLen);
        bytesExamined += lname.length;
        e.dataOffset = e.localOffset + 30 + lnameLen + lextraLen;
        e.localMethod = lmethod;
        const problems = [];
        if (!sameBytes(lname, rawNames[k]))
            problems.push(`local name ${JSON.stringify(decodeName(lname, lflags))}`);
        if (lmethod !== e.method)
            problems.push(`local method ${lmethod} vs central ${e.method}`);
        if ((lflags & 1) !== (e.flags & 1))
            problems.push('encryption flag differs');
        if ((lflags & 8) === 0 && (e.flags & 8) === 0) {
            if (lcrc !== e.crc)
                problems.push('crc differs');
            if (lcsize !== 0xffffffff && lcsize !== e.compressedSize) {
                problems.push(`local compressed size ${lcsize} vs central ${e.compressedSize}`);
                e.localCompressedSize = lcsize;
            }
            if (lusize !== 0xffffffff && lusize !== e.uncompressedSize)
                problems.push(`local size ${lusize} vs central ${e.uncompressedSize}`);
        }
        if (problems.length > 0) {
            findings.push({ severity: 'malformed', rule: 'zip.header-mismatch', message: `local header disagrees with the central directory (${problems.join('; ')}); both readings are scanned`, entry: e.name, offset: e.localOffset });
        }
        if ((e.flags & 1) !== 0 || (lflags & 1) !== 0) {
            findings.push({ severity: 'malformed', rule: 'zip.encrypted', message: 'entry is flagged as encrypted; readers that ignore the flag see its bytes, which are scanned as if plain', entry: e.name });
        }
        const dataLen = Math.max(e.compressedSize, e.localCompressedSize);
        let end = e.dataOffset + dataLen;
        if ((e.flags & 8) !== 0)
            end += await dataDescriptorLength(src, end);
        if (end > cdStart) {
            findings.push({ severity: 'malformed', rule: 'zip.entry-out-of-bounds', message: `entry data runs past the start of the central directory`, entry: e.name });
        }
        ranges.push([e.localOffset, end, e.name]);
    }
    // Account for every byte between the archive start and the central directory.
    ranges.sort((a, b) => a[0] - b[0]);
    let cursor = archiveStart;
    const gaps = [];
    for (const [s, e, name] of ranges) {
        if (s < cursor) {
            findings.push({ severity: 'malformed', rule: 'zip.overlapping-entries', message: `entry ${JSON.stringify(name)} overlaps the previous one (a zip-bomb construction)`, entry: name, offset: s });
        }
        else if (s > cursor)
            gaps.push([cursor, s]);
        cursor = Math.max(cursor, e);
    }
    if (cdStart > cursor)
        gaps.push([cursor, cdStart]);
    if (archiveStart > 0) {
        findings.push({ severity: 'warning', rule: 'zip.prefix-data', message: `${archiveStart} bytes precede the archive; loaders that read from the start of the file see them`, offset: 0 });
    }
    let gapBytes = 0;
    for (const [s, e] of gaps) {
        if (gapBytes >= MAX_GAP_SEARCH) {
            findings.push({ severity: 'malformed', rule: 'zip.unaccounted-data', message: `more than ${MAX_GAP_SEARCH} bytes inside the archive belong to no entry; not all were searched` });
            break;
        }
        findings.push({ severity: 'warning', rule: 'zip.unaccounted-data', message: `${e - s} bytes at offset ${s} belong to no listed entry`, offset: s });
        const hidden = await scanGapForLocalHeaders(src, s, Math.min(e, s + MAX_GAP_SEARCH - gapBytes), findings);
        gapBytes += e - s;
        bytesExamined += hidden.bytes;
        entries.push(...hidden.entries);
    }
    entries.push(...trailing);
    return { entries, findings, archiveStart, bytesExamined };
}
/** Length of the data descriptor at `pos` (with or without its optional signature, 32 or 64-bit). */
async function dataDescriptorLength(src, pos) {
    const d = await src.read(pos, 4);
    return d.length === 4 && zip_archive_u32(d, 0) === 0x08074b50 ? 16 : 12;
}
/** Local headers in bytes no central-directory entry claims: entries hidden from zipfile-based scanners. */
async function scanGapForLocalHeaders(src, start, end, findings) {
    const entries = [];
    let bytes = 0;
    const CH = 1 << 20;
    for (let pos = start; pos < end; pos += CH) {
        // Overlap reads by 3 bytes so a signature split across reads is still found.
        const buf = await src.read(pos, Math.min(CH + 3, end - pos));
        bytes += buf.length;
        let i = 0;
        while ((i = buf.indexOf(0x50, i)) !== -1 && i + 4 <= buf.length) {
            if (i < CH && zip_archive_u32(buf, i) === SIG_LOCAL) {
                const at = pos + i;
                const lh = await src.read(at, 30);
                if (lh.length === 30) {
                    const flags = zip_archive_u16(lh, 6);
                    const nameLen = zip_archive_u16(lh, 26);
                    const extraLen = zip_archive_u16(lh, 28);
                    const name = decodeName(await src.read(at + 30, nameLen), flags);
                    const dataOffset = at + 30 + nameLen + extraLen;
                    const known = (flags & 8) === 0;
                    const csize = known ? zip_archive_u32(lh, 18) : Math.max(0, end - dataOffset);
                    entries.push({
                        name, method: zip_archive_u16(lh, 8), localMethod: zip_archive_u16(lh, 8), flags, crc: zip_archive_u32(lh, 14), compressedSize: Math.min(csize, src.size - dataOffset),
                        localCompressedSize: Math.min(csize, src.size - dataOffset), uncompressedSize: known ? zip_archive_u32(lh, 22) : 0, localOffset: at, dataOffset,
                        origin: 'local-only', isDirectory: name.endsWith('/'),
                    });
                    findings.push({ severity: 'malformed', rule: 'zip.local-only-entry', message: `local header for ${JSON.stringify(name)} at offset ${at} is not in the central directory: streaming readers see it, zipfile does not (scanned)`, entry: name, offset: at });
                }
            }
            i++;
        }
    }
    return { entries, bytes };
}

;// CONCATENATED MODULE: ./packages/model/src/scan-file.ts
/**
 * Scans one regular file: a single sequential pass reads it in chunks and feeds the same chunks
 * to sha256 and to whichever streaming scanner the format needs (pickle walker, decompressor in
 * front of it, npy header). Zip archives additionally need their central directory, read by
 * positional reads after that pass; only the members that can hold code are then read again.
 */












const CHUNK = 4 * 1024 * 1024;
const YIELD_EVERY = 64 * 1024 * 1024;
/** Deflated nested zips are inflated into memory up to this size to be walked. */
const NESTED_ZIP_LIMIT = 64 * 1024 * 1024;
const MAX_ZIP_DEPTH = 3;
const MEMBER_SNIFF_BYTES = 4 * 1024;
/** Decompressors are fed slices this small so one push cannot explode (deflate tops out near 1032:1). */
const INFLATE_FEED = 64 * 1024;
/** Members that may hold a pickle get a full detection head. */
const PICKLE_NAME = /(\.(pkl|pickle|joblib|pt|pth|bin|ckpt)$)|((^|\/)data\.pkl$)/i;
/**
 * Members walked as pickles even when their bytes do not look like one, so the failure is
 * reported: names only a pickle loader opens. (`.bin`/`.pt` also name raw weights, e.g. OpenVINO.)
 */
const PICKLE_ONLY_NAME = /(\.(pkl|pickle|joblib)$)|((^|\/)data\.pkl$)/i;
const LAMBDA_PATTERNS = ['"class_name": "Lambda"', '"class_name":"Lambda"'];
/**
 * Members of PyTorch's oldest format (a tar) that torch's `_legacy_load` reads with the pickle
 * loader: walked as pickles even when their bytes do not look like one.
 */
const LEGACY_TAR_MEMBER = /^(pickle|storages|tensors|sys_info)$/;
/** Collects findings and imports for one file, tagging each with where it was found. */
class Collector {
    file;
    findings = [];
    imports = [];
    importKeys = new Set();
    constructor(file) {
        this.file = file;
    }
    add(f) {
        this.findings.push({ ...f, file: this.file });
    }
    /** Moves a pickle scanner's results in, with locations inside `where` (file or member path). */
    absorb(s, where, base = 0) {
        for (const f of s.findings) {
            const finding = { severity: f.severity, rule: f.rule, message: f.message, file: this.file, location: `${where} @ byte ${base + f.offset}` };
            if (f.import !== undefined)
                finding.import = f.import;
            this.findings.push(finding);
        }
        for (const imp of s.imports.values()) {
            const key = `${imp.name}\u0000${where}`;
            if (this.importKeys.has(key))
                continue;
            this.importKeys.add(key);
            const rec = { name: imp.name, classification: imp.classification, location: `${where} @ byte ${base + imp.offset}` };
            if (imp.accepted !== undefined)
                rec.accepted = imp.accepted;
            this.imports.push(rec);
        }
    }
}
async function runJobs(env) {
    while (env.jobs.length > 0)
        await env.jobs.shift()();
}
const DISCARD = { write: () => undefined, end: () => undefined };
/** Feeds a pickle walker (after `skip` leading bytes) and reports it at the end. */
class PickleSink {
    scanner;
    out;
    where;
    skip;
    constructor(scanner, out, where, skip = 0) {
        this.scanner = scanner;
        this.out = out;
        this.where = where;
        this.skip = skip;
    }
    write(c) {
        if (this.skip >= c.length) {
            this.skip -= c.length;
            return;
        }
        this.scanner.push(this.skip > 0 ? c.subarray(this.skip) : c);
        this.skip = 0;
    }
    end() {
        this.scanner.finish();
        this.out.absorb(this.scanner, this.where);
    }
}
/** Decompresses (zlib, gzip, bz2, xz, lzma, zstd) into another sink, charging every byte to the scan's budget. */
class DecompressSink {
    kind;
    inner;
    env;
    where;
    d;
    stopped = false;
    constructor(kind, inner, env, where) {
        this.kind = kind;
        this.inner = inner;
        this.env = env;
        this.where = where;
        this.d = createDecoder(kind, (data) => {
            env.ctx.budget.left -= data.length;
            if (env.ctx.budget.left < 0)
                throw new BudgetExceeded(`decompressed data exceeds the ${env.ctx.budget.limit}-byte bound`);
            inner.write(data);
        });
    }
    write(c) {
        for (let o = 0; o < c.length && !this.stopped; o += INFLATE_FEED)
            this.push(c.subarray(o, Math.min(c.length, o + INFLATE_FEED)), false);
    }
    end() {
        this.push(new Uint8Array(0), true);
        this.inner.end();
    }
    push(c, final) {
        if (this.stopped)
            return;
        try {
            this.d.push(c, final);
        }
        catch (e) {
            this.stopped = true;
            if (e instanceof BudgetExceeded) {
                this.env.out.add({ severity: 'malformed', rule: 'archive.decompression-limit', message: `${e.message}: the rest of the compressed stream was not scanned (bomb, or raise maxDecompressedBytes)`, location: this.where });
            }
            else if (e instanceof UnreadableData) {
                unreadableStream(this.env.out, e.message, this.where);
            }
            else if (e instanceof CorruptData) {
                this.env.out.add({ severity: 'malformed', rule: 'archive.corrupt-stream', message: `${this.kind} stream is corrupt or truncated: ${e.message}`, location: this.where });
            }
            else {
                throw e;
            }
        }
    }
}
/** Buffers a nested zip (bounded) and queues its walk: the central directory is at its end. */
class NestedZipSink {
    where;
    env;
    depth;
    parts = [];
    len = 0;
    over = false;
    constructor(where, env, depth) {
        this.where = where;
        this.env = env;
        this.depth = depth;
    }
    write(c) {
        if (this.over)
            return;
        this.len += c.length;
        if (this.len > NESTED_ZIP_LIMIT) {
            this.over = true;
            this.parts = [];
            this.env.out.add({ severity: 'malformed', rule: 'zip.nested-too-large', message: `nested archive is larger than ${NESTED_ZIP_LIMIT} bytes; not scanned`, location: this.where });
            return;
        }
        this.parts.push(c.slice());
    }
    end() {
        if (this.over)
            return;
        const buf = concatAll(this.parts);
        this.parts = [];
        const { out, ctx } = this.env;
        this.env.jobs.push(async () => {
            await scanZip(new BufferByteSource(buf), `${this.where}!/`, out, ctx, this.depth);
        });
    }
}
/** Walks a tar stream; every regular member is scanned as a file in its own right. */
class TarSink {
    reader;
    /** @param prefix put before member paths in locations (`''` for the scanned file itself). */
    constructor(prefix, env, depth) {
        this.reader = new TarReader({
            member: (m) => (m.type === 'file' ? new ContentSink(m.path, `${prefix}${m.path}`, env, depth, true) : null),
            problem: (p) => {
                const at = p.path !== undefined ? `${prefix}${p.path}` : prefix.replace(/!\/$/, '');
                env.out.add({ severity: p.severity, rule: p.rule, message: p.message, location: at === '' ? `byte ${p.offset}` : `${at} @ byte ${p.offset}` });
            },
        });
    }
    write(c) {
        this.reader.push(c);
    }
    end() {
        this.reader.end();
    }
    /** Offset of the end-of-archive block in the tar stream, once read. */
    get endOffset() {
        return this.reader.endOffset;
    }
}
/**
 * A member of unknown content (tar member, decompressed stream): sniffs its head, detects the
 * format from the bytes, then streams it into the scanner that format needs. Only the head is
 * buffered.
 */
class ContentSink {
    name;
    where;
    env;
    depth;
    inTar;
    onFormat;
    parts = [];
    len = 0;
    target = null;
    sniff;
    /**
     * @param depth archive nesting level of the archive holding this content
     * @param inTar the content is a tar member (torch's legacy tar names apply at its root)
     */
    constructor(name, where, env, depth, inTar, 
    /** Told the format detected from the content's head. */
    onFormat) {
        this.name = name;
        this.where = where;
        this.env = env;
        this.depth = depth;
        this.inTar = inTar;
        this.onFormat = onFormat;
        this.sniff = PICKLE_NAME.test(name) || (inTar && LEGACY_TAR_MEMBER.test(name)) ? DETECT_HEAD_BYTES : MEMBER_SNIFF_BYTES;
    }
    write(c) {
        if (this.target) {
            this.target.write(c);
            return;
        }
        this.parts.push(c.slice());
        this.len += c.length;
        if (this.len >= this.sniff)
            this.start();
    }
    end() {
        if (!this.target)
            this.start();
        this.target.end();
    }
    start() {
        const head = concatAll(this.parts);
        this.parts = [];
        this.target = this.route(head);
        if (head.length > 0)
            this.target.write(head);
    }
    route(head) {
        const { out, ctx } = this.env;
        const sniffed = head.subarray(0, this.sniff);
        const refused = refusedContainerOf(sniffed);
        if (refused !== null) {
            refusedContainer(out, refused, this.where);
            return DISCARD;
        }
        const fmt = detectFormat(sniffed, this.name);
        this.onFormat?.(fmt);
        const comp = compressionOf(sniffed);
        const nests = fmt === 'tar' || fmt === 'zip' || comp !== null;
        if (nests && this.depth >= MAX_ZIP_DEPTH) {
            out.add({ severity: 'malformed', rule: 'archive.nesting-too-deep', message: `archive or compressed stream nested more than ${MAX_ZIP_DEPTH} levels deep is not scanned further`, location: this.where });
            return DISCARD;
        }
        if (comp !== null) {
            const innerName = this.name.replace(/\.(tgz|tbz2?|txz|tzst)$/i, '.tar').replace(/\.(gz|z|zlib|bz2|xz|lzma|zst|zstd)$/i, '');
            return new DecompressSink(comp, new ContentSink(innerName, `${this.where} (decompressed)`, this.env, this.depth + 1, false), this.env, this.where);
        }
        if (fmt === 'tar')
            return new TarSink(`${this.where}!/`, this.env, this.depth + 1);
        if (fmt === 'zip')
            return new NestedZipSink(this.where, this.env, this.depth + 1);
        const legacyName = this.inTar && LEGACY_TAR_MEMBER.test(this.name);
        if (legacyName && (this.name === 'storages' || this.name === 'tensors'))
            return new LegacyTarMemberSink(this.name, this.env, this.where);
        if (fmt === 'pickle' || fmt === 'joblib' || fmt === 'pytorch-legacy' || PICKLE_ONLY_NAME.test(this.name) || legacyName) {
            return new PickleSink(new PickleScanner({ policy: ctx.policy, persistentIdsExpected: legacyName }), out, this.where);
        }
        if (fmt === 'numpy') {
            const h = parseNpyHeader(head);
            if (h?.objectArray)
                return new PickleSink(new PickleScanner({ policy: ctx.policy }), out, this.where, h.dataOffset);
        }
        return DISCARD;
    }
}
/**
 * The `storages` and `tensors` members of torch's legacy tar, framed exactly as `_legacy_load`
 * reads them, so every pickle it loads is walked (not taken for trailing data after the first):
 * - storages: pickle N; N x (pickle (key, location, StorageClass), int64 element count, raw
 *   elements); pickle storage_views.
 * - tensors: pickle N; N x (pickle (key, storage_id, type), int32 ndim, 4 bytes, ndim int64
 *   sizes, ndim int64 strides, int64 offset).
 */
class LegacyTarMemberSink {
    kind;
    env;
    where;
    step = 'count';
    pos = 0;
    scanner = null;
    scanStart = 0;
    fed = 0;
    itemsLeft = 0;
    left = 0;
    elemSize = 0;
    fixed = new Uint8Array(8);
    fixedHave = 0;
    trailingAt = -1;
    constructor(kind, env, where) {
        this.kind = kind;
        this.env = env;
        this.where = where;
    }
    write(c) {
        let i = 0;
        while (i < c.length) {
            switch (this.step) {
                case 'count':
                case 'item':
                case 'views': {
                    if (!this.scanner) {
                        this.scanner = new PickleScanner({ policy: this.env.ctx.policy, persistentIdsExpected: true, single: true });
                        this.scanStart = this.pos + i;
                        this.fed = 0;
                    }
                    const s = this.scanner;
                    const before = this.fed;
                    s.push(c.subarray(i));
                    this.fed += c.length - i;
                    if (s.stoppedAt !== null) {
                        i += s.stoppedAt - before;
                        this.pickleDone();
                    }
                    else {
                        i = c.length;
                        if (!s.ok)
                            this.stopWith(null);
                    }
                    break;
                }
                case 'size':
                case 'ndim': {
                    const need = this.step === 'size' ? 8 : 4;
                    const take = Math.min(need - this.fixedHave, c.length - i);
                    this.fixed.set(c.subarray(i, i + take), this.fixedHave);
                    this.fixedHave += take;
                    i += take;
                    if (this.fixedHave === need) {
                        this.fixedHave = 0;
                        this.fixedDone();
                    }
                    break;
                }
                case 'raw':
                case 'skip': {
                    const take = Math.min(this.left, c.length - i);
                    this.left -= take;
                    i += take;
                    if (this.left === 0)
                        this.nextItem();
                    break;
                }
                case 'done':
                    if (this.trailingAt === -1)
                        this.trailingAt = this.pos + i;
                    i = c.length;
                    break;
                case 'stopped':
                    i = c.length;
                    break;
            }
        }
        this.pos += c.length;
    }
    end() {
        const { out } = this.env;
        if (this.scanner) {
            this.scanner.finish();
            out.absorb(this.scanner, this.where, this.scanStart);
            this.scanner = null;
            return;
        }
        if (this.step === 'done') {
            if (this.trailingAt !== -1)
                out.add({ severity: 'warning', rule: 'pickle.trailing-data', message: `${this.pos - this.trailingAt} bytes after the last record torch reads from this member; a custom loader could read them`, location: `${this.where} @ byte ${this.trailingAt}` });
        }
        else if (this.step !== 'stopped') {
            out.add({ severity: 'malformed', rule: 'pytorch-legacy.truncated-storage', message: `member ends before the records torch reads from it (expecting ${this.step})`, location: `${this.where} @ byte ${this.pos}` });
        }
    }
    stopWith(message) {
        const s = this.scanner;
        if (s) {
            s.finish();
            this.env.out.absorb(s, this.where, this.scanStart);
            this.scanner = null;
        }
        if (message !== null)
            this.env.out.add({ severity: 'malformed', rule: 'pytorch-legacy.bad-layout', message: `${message}; the rest of the member is not walked, so it is not vouched for`, location: `${this.where} @ byte ${this.pos}` });
        this.step = 'stopped';
    }
    pickleDone() {
        const s = this.scanner;
        const v = s.result;
        s.finish();
        this.env.out.absorb(s, this.where, this.scanStart);
        this.scanner = null;
        if (this.step === 'count') {
            if (!v || v.t !== 'int' || v.n < 0)
                return this.stopWith(`first pickle of '${this.kind}' is not a count`);
            this.itemsLeft = v.n;
            this.step = 'item';
            if (this.itemsLeft === 0)
                this.step = this.kind === 'storages' ? 'views' : 'done';
            return;
        }
        if (this.step === 'views') {
            this.step = 'done';
            return;
        }
        // An item record.
        if (this.kind === 'tensors') {
            this.step = 'ndim';
            return;
        }
        const cls = v && v.t === 'tuple' ? v.items[2] : undefined;
        const size = cls && cls.t === 'global' ? TORCH_STORAGE_ELEMENT_SIZE[cls.name.replace(/^torch\./, '')] : undefined;
        if (size === undefined)
            return this.stopWith('storage record does not name a known torch storage class');
        this.elemSize = size;
        this.step = 'size';
    }
    fixedDone() {
        const view = new DataView(this.fixed.buffer);
        if (this.step === 'size') {
            const numel = view.getBigInt64(0, true);
            const bytes = Number(numel) * this.elemSize;
            if (numel < 0n || !Number.isSafeInteger(bytes))
                return this.stopWith(`storage element count ${numel} is not valid`);
            this.left = bytes;
            this.step = 'raw';
            if (bytes === 0)
                this.nextItem();
            return;
        }
        const ndim = view.getInt32(0, true);
        if (ndim < 0 || ndim > 1024)
            return this.stopWith(`tensor rank ${ndim} is not valid`);
        this.left = 4 + 16 * ndim + 8;
        this.step = 'skip';
    }
    nextItem() {
        this.itemsLeft--;
        this.step = this.itemsLeft > 0 ? 'item' : this.kind === 'storages' ? 'views' : 'done';
    }
}
/** A valid compressed stream that needs more than the scanner's bounds allow: not read, so not passed. */
function unreadableStream(out, why, location) {
    const f = { severity: 'dangerous', rule: 'archive.unreadable-stream', message: `${why}; what it holds (a loader would unpickle it) was not checked` };
    if (location !== undefined)
        f.location = location;
    out.add(f);
}
/** An archive or compression format recognised by its magic bytes that this scanner does not walk. */
function refusedContainer(out, name, location) {
    const f = {
        severity: 'dangerous',
        rule: 'archive.unsupported-format',
        message: `${name}: this scanner does not walk it, so what it holds (a loader may extract and unpickle it) was not checked; ship the model as zip, tar or a plain file`,
    };
    if (location !== undefined)
        f.location = location;
    out.add(f);
}
/** Scans one regular file. `rel` is its path relative to the scanned root (for reports). */
async function scanFile(abs, rel, ctx) {
    await decodersReady();
    const out = new Collector(rel);
    // O_NOFOLLOW: the walker already decided this path is a regular file; a swap for a symlink
    // between that check and this open must not redirect the read.
    // Synchronous reads: one file is read strictly in sequence, and skipping the thread-pool round
    // trip per chunk is what makes 10,000 small files fast; the loop yields between chunks.
    const fd = (0,external_node_fs_namespaceObject.openSync)(abs, external_node_fs_namespaceObject.constants.O_RDONLY | external_node_fs_namespaceObject.constants.O_NOFOLLOW | external_node_fs_namespaceObject.constants.O_NONBLOCK);
    try {
        const st = (0,external_node_fs_namespaceObject.fstatSync)(fd);
        const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
        if (!st.isFile())
            throw new Error('not a regular file (replaced while scanning?)');
        const buf = new Uint8Array(st.size < CHUNK ? st.size + 1 : CHUNK);
        let pos = 0;
        let format = 'unknown';
        let head = null;
        let scanner = null;
        let comp = null;
        /** Compressed content and tars: streamed through their sinks from this same pass. */
        let streamFeed = null;
        let streamEnv = null;
        /** What compressed content turned out to be. */
        let innerFormat;
        let plainTar = null;
        let npyPending = null;
        let lambdaSearch = false;
        let headConsumed = false;
        let carry = new Uint8Array(0);
        let firstChunk = null;
        let sinceYield = 0;
        for (;;) {
            ctx.signal?.throwIfAborted();
            const bytesRead = (0,external_node_fs_namespaceObject.readSync)(fd, buf, 0, buf.length, pos);
            if (bytesRead === 0)
                break;
            sinceYield += bytesRead;
            if (sinceYield >= YIELD_EVERY) {
                sinceYield = 0;
                // Let timers and abort signals run during long files.
                await new Promise((r) => setImmediate(r));
            }
            const chunk = buf.subarray(0, bytesRead);
            hash.update(chunk);
            if (head === null) {
                head = chunk.slice(0, Math.min(DETECT_HEAD_BYTES, bytesRead));
                if (pos + bytesRead >= st.size)
                    firstChunk = chunk;
                const candidate = new PickleScanner({ policy: ctx.policy });
                format = detectFormatUsing(head, rel, candidate);
                comp = compressionOf(head);
                const refused = refusedContainerOf(head);
                if (isGitLfsPointer(head)) {
                    format = 'git-lfs-pointer';
                    out.add({ severity: 'malformed', rule: 'file.git-lfs-pointer', message: 'this is a Git LFS pointer, not the model: the checkout did not fetch LFS content. Check out with `lfs: true` (actions/checkout) or run `git lfs pull` before validating' });
                }
                else if (refused !== null) {
                    refusedContainer(out, refused);
                    comp = null;
                }
                else if (format === 'pickle' || format === 'pytorch-legacy' || (format === 'joblib' && comp === null)) {
                    scanner = candidate;
                    if (candidate.offset === head.length) {
                        // The detector already walked the head with this scanner: continue after it.
                        if (bytesRead > head.length)
                            scanner.push(chunk.subarray(head.length));
                        headConsumed = true;
                    }
                }
                else if (comp !== null) {
                    // A compressed stream (joblib's compressors, model.tar.gz, a .pkl.xz): decompressed
                    // within the budget and scanned as content of its own, whatever it turns out to be.
                    streamEnv = { out, ctx, jobs: [] };
                    const innerName = rel.replace(/\.(tgz|tbz2?|txz|tzst)$/i, '.tar').replace(/\.(gz|z|zlib|bz2|xz|lzma|zst|zstd)$/i, '');
                    const inner = format === 'tar' ? new TarSink('', streamEnv, 0) : new ContentSink(innerName, `${rel} (decompressed)`, streamEnv, 0, false, (f) => (innerFormat = f));
                    if (format === 'tar')
                        innerFormat = 'tar';
                    streamFeed = new DecompressSink(comp, inner, streamEnv, format === 'tar' ? `${rel} (decompressed)` : rel);
                }
                else if (format === 'tar') {
                    // A tar (torch's oldest format): every member is scanned as a file of its own,
                    // streamed from this same pass.
                    streamEnv = { out, ctx, jobs: [] };
                    plainTar = new TarSink('', streamEnv, 0);
                    streamFeed = plainTar;
                }
                else if (format === 'numpy') {
                    const h = parseNpyHeader(head);
                    if (!h)
                        out.add({ severity: 'malformed', rule: 'numpy.bad-header', message: 'npy header is invalid or longer than 64 KiB' });
                    else if (h.objectArray)
                        npyPending = { scanner: new PickleScanner({ policy: ctx.policy }), skip: h.dataOffset };
                }
                else if (format === 'hdf5') {
                    lambdaSearch = true;
                }
                else if (format === 'unknown' && /\.(pkl|pickle|joblib)$/i.test(rel)) {
                    // Named as a pickle but not parseable as one: walk it anyway so the failure is reported
                    // (the name never makes bytes a pickle; it only says someone will try to load them so).
                    scanner = new PickleScanner({ policy: ctx.policy });
                }
            }
            if (streamFeed) {
                streamFeed.write(chunk);
                await runJobs(streamEnv);
            }
            else if (headConsumed)
                headConsumed = false;
            else if (scanner)
                scanner.push(chunk);
            else if (npyPending) {
                const { skip } = npyPending;
                if (skip < bytesRead) {
                    npyPending.scanner.push(chunk.subarray(skip));
                    npyPending.skip = 0;
                }
                else
                    npyPending.skip -= bytesRead;
            }
            if (lambdaSearch) {
                // Keras HDF5 models keep their config as JSON text inside the file; a Lambda layer in it
                // carries marshalled Python bytecode that Keras runs when safe_mode is off.
                const window = carry.length > 0 ? concat(carry, chunk) : chunk;
                if (LAMBDA_PATTERNS.some((p) => Buffer.from(window.buffer, window.byteOffset, window.length).indexOf(p) !== -1)) {
                    out.add({ severity: 'dangerous', rule: 'keras.lambda-layer', message: 'Keras model config contains a Lambda layer: it carries Python bytecode that runs when the model is loaded without safe_mode', import: 'keras.layers.Lambda' });
                    lambdaSearch = false;
                }
                carry = chunk.slice(Math.max(0, chunk.length - 32));
            }
            pos += bytesRead;
            // A short read at the recorded size is the end of a regular file: skip the extra read.
            if (bytesRead < buf.length && pos >= st.size)
                break;
        }
        // The file grew after the first read: the buffer was reused, so it no longer holds the file.
        if (firstChunk && pos > firstChunk.length)
            firstChunk = null;
        let bytesRead = pos;
        if (streamFeed) {
            streamFeed.end();
            await runJobs(streamEnv);
        }
        if (comp !== null && innerFormat !== undefined) {
            // Compressed pickles are what joblib writes; anything else compressed is not loadable as is.
            format = innerFormat === 'pickle' || innerFormat === 'joblib' || innerFormat === 'pytorch-legacy' ? 'joblib' : innerFormat === 'tar' ? 'tar' : 'unknown';
        }
        if (scanner) {
            scanner.finish();
            out.absorb(scanner, rel);
            if (scanner.torchLegacy)
                format = 'pytorch-legacy';
            else if (scanner.joblib && format === 'pickle')
                format = 'joblib';
        }
        if (npyPending) {
            npyPending.scanner.finish();
            out.absorb(npyPending.scanner, rel, parseNpyHeader(head)?.dataOffset ?? 0);
            out.add({ severity: 'warning', rule: 'numpy.object-array', message: 'npy file holds an object array, stored as a pickle (scanned); np.load needs allow_pickle=True to read it' });
        }
        // Zip: by signature, or an archive appended to something else (a pickle/zip polyglot).
        const src = firstChunk ? new BufferByteSource(firstChunk) : new FileByteSource(fd, pos);
        if (format === 'safetensors' && head) {
            const headerLength = head[0] + head[1] * 0x100 + head[2] * 0x10000 + head[3] * 0x1000000;
            if (8 + headerLength > pos) {
                out.add({ severity: 'malformed', rule: 'safetensors.bad-header', message: `header of ${headerLength} bytes is longer than the file` });
            }
            else {
                const problems = safetensorsProblems(await src.read(8, headerLength), pos - 8 - headerLength);
                for (const p of problems.slice(0, 20))
                    out.add({ severity: 'malformed', rule: 'safetensors.bad-header', message: p });
            }
        }
        const isZipHead = format === 'zip';
        const eocd = isZipHead || pos >= 22 ? await findEndOfCentralDirectory(src) : null;
        // Without a zip signature at the start, an end record alone could be chance bytes in weights:
        // require what Python's zipfile needs to open it (a central directory where the record says).
        // In a plain tar, a zip end record before the tar's end block belongs to a member (scanned
        // with the tar); one after it is an appended archive only zip readers see.
        const tarEnd = plainTar ? (plainTar.endOffset ?? pos) : null;
        const insideTar = eocd !== null && tarEnd !== null && eocd.pos < tarEnd;
        const appendedZip = !isZipHead && eocd !== null && !insideTar && (await centralDirectoryAt(src, eocd));
        if (isZipHead || appendedZip) {
            if (!isZipHead) {
                out.add({ severity: 'malformed', rule: 'format.polyglot', message: `file reads as ${format} from its start and also ends with a zip archive: loaders disagree on what it is (both were scanned)` });
            }
            const zipFormat = await scanZip(src, '', out, ctx, 0);
            if (isZipHead)
                format = zipFormat;
        }
        bytesRead += src.bytesRead();
        judgeFormat(out, rel, format, head ?? new Uint8Array(0), pos);
        return {
            report: { file: rel, size: pos, sha256: hash.digest('hex'), format, imports: out.imports, findings: out.findings },
            bytesRead,
        };
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
/** What a file's name says it is, and the formats whose bytes fit that name. */
const NAMED_FORMATS = [
    [/\.onnx$/i, 'ONNX', ['onnx']],
    [/\.safetensors$/i, 'safetensors', ['safetensors']],
    [/\.(pt|pth|ckpt)$/i, 'PyTorch', ['pytorch-zip', 'pytorch-legacy', 'pickle', 'joblib', 'tar', 'zip']],
    [/\.(pkl|pickle)$/i, 'pickle', ['pickle', 'joblib', 'pytorch-legacy']],
    [/\.joblib$/i, 'joblib', ['joblib', 'pickle']],
    [/\.keras$/i, 'Keras v3', ['keras-v3']],
    [/\.(h5|hdf5)$/i, 'HDF5/Keras', ['hdf5']],
    [/\.gguf$/i, 'GGUF', ['gguf']],
    [/\.npy$/i, 'NumPy', ['numpy']],
    [/\.npz$/i, 'NumPy npz', ['zip']],
    [/\.ubj$/i, 'XGBoost UBJSON', ['xgboost-ubj']],
    [/\.(tar|tar\.gz|tgz)$/i, 'tar', ['tar']],
];
/**
 * A file whose name says it is a model format but whose bytes are not is `malformed`: a loader will
 * fail on it or read something else. A binary file in no recognised format is a `warning` (not
 * vouched for, and never silent; real model directories hold such files: TensorFlow variable
 * shards, tokenizer models, raw weights), and text files (configs, code, READMEs) stay quiet. Whether a model in which nothing was recognised passes is
 * decided over the whole scan (`model.nothing-scanned`).
 */
function judgeFormat(out, rel, format, head, size) {
    if (format === 'git-lfs-pointer')
        return;
    const named = NAMED_FORMATS.find(([re]) => re.test(rel));
    if (named && !named[2].includes(format)) {
        const what = format === 'unknown' ? (size === 0 ? 'the file is empty' : looksLikeText(head) ? 'the bytes are text' : 'the bytes are in no format this scanner recognises') : `the bytes are ${format}`;
        out.add({ severity: 'malformed', rule: 'format.name-mismatch', message: `the name says ${named[1]}, but ${what}: a loader would fail on it or read something else, so it is not vouched for` });
        return;
    }
    if (format === 'unknown' && size > 0 && !looksLikeText(head) && !out.findings.some((f) => f.severity === 'dangerous' || f.severity === 'malformed')) {
        out.add({ severity: 'warning', rule: 'format.unrecognized', message: `binary file (${size} bytes) in no format this scanner recognises: its content was not checked. If a loader reads it as a model, convert it to a recognised format` });
    }
}
/** UTF-8 text without control characters other than tab, newlines and form feed. */
function looksLikeText(head) {
    const sample = head.subarray(0, 8192);
    let text;
    try {
        // A multi-byte character cut at the sample's end is not a reason to call it binary.
        text = new TextDecoder('utf-8', { fatal: true }).decode(sample.length === head.length ? sample : sample.subarray(0, trimPartialUtf8(sample)));
    }
    catch {
        return false;
    }
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)
            return false;
    }
    return true;
}
function trimPartialUtf8(b) {
    let end = b.length;
    for (let k = 1; k <= 3 && end - k >= 0; k++) {
        const c = b[end - k];
        if ((c & 0xc0) === 0xc0)
            return end - k;
        if ((c & 0x80) === 0)
            break;
    }
    return end;
}
function concat(a, b) {
    const c = new Uint8Array(a.length + b.length);
    c.set(a, 0);
    c.set(b, a.length);
    return c;
}
/** Refines `zip` by what the members say the archive is. */
function zipFormatOf(entries) {
    const names = new Set(entries.map((e) => e.name));
    if (entries.some((e) => /(^|\/)data\.pkl$/.test(e.name)))
        return 'pytorch-zip';
    if (names.has('config.json') && names.has('metadata.json') && names.has('model.weights.h5'))
        return 'keras-v3';
    return 'zip';
}
/** Walks an archive, scanning members that can carry code. Returns the refined format. */
async function scanZip(src, prefix, out, ctx, depth) {
    const listing = await readZipListing(src);
    for (const f of listing.findings) {
        const finding = { severity: f.severity, rule: f.rule, message: f.message };
        if (f.entry !== undefined || f.offset !== undefined)
            finding.location = `${prefix}${f.entry ?? ''}${f.offset !== undefined ? ` @ byte ${f.offset}` : ''}`;
        out.add(finding);
    }
    const format = zipFormatOf(listing.entries);
    const torch = format === 'pytorch-zip';
    for (const entry of listing.entries) {
        if (entry.isDirectory || entry.dataOffset < 0)
            continue;
        ctx.signal?.throwIfAborted();
        const readings = [{ method: entry.method, length: Math.max(entry.compressedSize, entry.localCompressedSize) }];
        if (entry.localMethod !== entry.method)
            readings.push({ method: entry.localMethod, length: Math.max(entry.compressedSize, entry.localCompressedSize) });
        for (const [k, reading] of readings.entries()) {
            const where = `${prefix}${entry.name}`;
            if (reading.method !== 0 && ZIP_METHODS[reading.method] === undefined) {
                out.add({ severity: 'malformed', rule: 'zip.unsupported-method', message: `compression method ${reading.method} is not supported here; the member is not vouched for`, location: where });
                continue;
            }
            try {
                await scanMember(src, entry, reading, where, out, ctx, depth, torch, k === 0);
            }
            catch (e) {
                if (e instanceof BudgetExceeded) {
                    out.add({ severity: 'malformed', rule: 'archive.decompression-limit', message: `${e.message}: scanning stopped (zip bomb, or raise maxDecompressedBytes)`, location: where });
                    return format;
                }
                if (e instanceof UnreadableStream) {
                    unreadableStream(out, e.message, where);
                    continue;
                }
                if (e instanceof CorruptStream) {
                    // With two readings of one member, one of them is expected not to inflate.
                    if (k === 0 || readings.length === 1)
                        out.add({ severity: 'malformed', rule: 'zip.corrupt-member', message: e.message, location: where });
                    continue;
                }
                throw e;
            }
        }
    }
    if (format === 'keras-v3')
        await checkKerasConfig(src, listing.entries, prefix, out, ctx);
    return format;
}
async function scanMember(src, entry, reading, where, out, ctx, depth, torch, primary) {
    const gen = memberChunks(src, entry.dataOffset, reading.length, reading.method, ctx.budget, ctx.signal, (inflated, compressed) => {
        out.add({ severity: 'warning', rule: 'archive.compression-ratio', message: `member inflates more than 250:1 (${inflated} bytes from ${compressed}); a zip-bomb shape (decompression stays bounded by maxDecompressedBytes)`, location: where });
    }, (entry.flags & 2) !== 0 ? -1 : entry.uncompressedSize);
    const headParts = [];
    let headLen = 0;
    let done = false;
    // Members that may be pickles get a full detection head; others (tensor storages, weights)
    // are sniffed with a few KiB, enough for every signature and a pickle probe.
    const sniff = PICKLE_NAME.test(entry.name) ? DETECT_HEAD_BYTES : MEMBER_SNIFF_BYTES;
    while (headLen < sniff) {
        const r = await gen.next();
        if (r.done) {
            done = true;
            break;
        }
        headParts.push(r.value);
        headLen += r.value.length;
    }
    const head = headParts.length === 1 ? headParts[0] : concatAll(headParts);
    const fmt = detectFormat(head.subarray(0, sniff), entry.name);
    if (fmt === 'zip') {
        if (depth >= MAX_ZIP_DEPTH) {
            out.add({ severity: 'malformed', rule: 'zip.nesting-too-deep', message: `archive nested more than ${MAX_ZIP_DEPTH} levels deep is not scanned further`, location: where });
            await gen.return(undefined);
            return;
        }
        let inner;
        if (reading.method === 0) {
            await gen.return(undefined);
            inner = new SliceByteSource(src, entry.dataOffset, Math.min(reading.length, src.size - entry.dataOffset));
        }
        else {
            const parts = [head];
            let total = head.length;
            if (!done) {
                for await (const c of gen) {
                    total += c.length;
                    if (total > NESTED_ZIP_LIMIT) {
                        out.add({ severity: 'malformed', rule: 'zip.nested-too-large', message: `compressed nested archive inflates past ${NESTED_ZIP_LIMIT} bytes; not scanned (store it uncompressed)`, location: where });
                        return;
                    }
                    parts.push(c);
                }
            }
            inner = new BufferByteSource(concatAll(parts));
        }
        await scanZip(inner, `${where}!/`, out, ctx, depth + 1);
        return;
    }
    // Tars and compressed streams inside the zip go through the streaming member pipeline.
    const comp = compressionOf(head.subarray(0, sniff));
    let sink = null;
    const env = { out, ctx, jobs: [] };
    if (refusedContainerOf(head.subarray(0, sniff)) !== null || fmt === 'tar' || comp !== null)
        sink = new ContentSink(entry.name, where, env, depth, false);
    else if (fmt === 'pickle' || fmt === 'joblib' || fmt === 'pytorch-legacy' || (PICKLE_ONLY_NAME.test(entry.name) && !(torch && /\/data\/[^/]+$/.test(entry.name)))) {
        sink = new PickleSink(new PickleScanner({ policy: ctx.policy, persistentIdsExpected: torch }), out, where);
    }
    else if (fmt === 'numpy') {
        const h = parseNpyHeader(head);
        if (h?.objectArray)
            sink = new PickleSink(new PickleScanner({ policy: ctx.policy }), out, where, h.dataOffset);
    }
    if (!sink) {
        await gen.return(undefined);
        return;
    }
    let crc = 0;
    let size = 0;
    const feed = (c) => {
        crc = (0,external_node_zlib_namespaceObject.crc32)(c, crc);
        size += c.length;
        sink.write(c);
    };
    for (const p of headParts)
        feed(p);
    if (!done) {
        for await (const c of gen) {
            feed(c);
            await runJobs(env);
        }
    }
    sink.end();
    await runJobs(env);
    if (primary && entry.origin === 'central' && (entry.flags & 1) === 0) {
        if ((crc >>> 0) !== entry.crc >>> 0)
            out.add({ severity: 'malformed', rule: 'zip.crc-mismatch', message: `member content does not match its recorded CRC-32 (readers that check it refuse the file; others load these bytes)`, location: where });
        if (size !== entry.uncompressedSize)
            out.add({ severity: 'malformed', rule: 'zip.size-mismatch', message: `member inflates to ${size} bytes, the directory says ${entry.uncompressedSize}`, location: where });
    }
}
async function checkKerasConfig(src, entries, prefix, out, ctx) {
    const cfg = entries.find((e) => e.name === 'config.json' && e.origin === 'central');
    if (!cfg || (cfg.method !== 0 && cfg.method !== 8))
        return;
    const parts = [];
    let total = 0;
    try {
        for await (const c of memberChunks(src, cfg.dataOffset, cfg.compressedSize, cfg.method, ctx.budget, ctx.signal)) {
            parts.push(c);
            total += c.length;
            if (total > 64 * 1024 * 1024)
                break;
        }
    }
    catch {
        return; // already reported by the member scan
    }
    const text = Buffer.from(concatAll(parts)).toString('utf8');
    if (LAMBDA_PATTERNS.some((p) => text.includes(p))) {
        out.add({ severity: 'dangerous', rule: 'keras.lambda-layer', message: 'Keras config.json contains a Lambda layer: it carries Python bytecode that runs when the model is loaded without safe_mode', location: `${prefix}config.json`, import: 'keras.layers.Lambda' });
    }
}
function concatAll(parts) {
    if (parts.length === 1)
        return parts[0];
    let n = 0;
    for (const p of parts)
        n += p.length;
    const out = new Uint8Array(n);
    let o = 0;
    for (const p of parts) {
        out.set(p, o);
        o += p.length;
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/model/src/scan-model.ts
/**
 * Entry point: scan a model file or directory. Directories are walked without following
 * symlinks (one that leaves the tree is a finding: packaging it would ship host files), special
 * files are never opened (a FIFO would block forever), and unreadable paths become findings.
 */





/** Default bound on bytes inflated over one scan. */
const DEFAULT_MAX_DECOMPRESSED_BYTES = 8 * 1024 * 1024 * 1024;
/** Default bound on files visited in a directory. */
const DEFAULT_MAX_FILES = 100_000;
const CONCURRENCY = 4;
function errorText(e) {
    const err = e;
    return err?.code ? `${err.code}: ${err.message}` : String(e?.message ?? e);
}
/**
 * Scans a model file or directory: format, sha256 and size of every file (one streaming pass
 * each), and every import any pickle inside would perform, classified against the allow-list.
 * Rejects only on abort; every problem with the input is a finding in the report.
 */
async function scanModel(path, opts = {}) {
    const maxDecompressed = opts.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
    const ctx = { policy: new ImportPolicy(opts.allow ?? [], opts.allowDangerous ?? []), budget: { left: maxDecompressed, limit: maxDecompressed } };
    if (opts.signal)
        ctx.signal = opts.signal;
    const report = await scanPath(path, opts, ctx);
    // What the budget paid for; past the bound the inflating member stopped at its chunk.
    return { ...report, bytesDecompressed: ctx.budget.limit - ctx.budget.left };
}
async function scanPath(path, opts, ctx) {
    const root = (0,external_node_path_namespaceObject.resolve)(path);
    const findings = [];
    let st;
    try {
        // The root itself may be a symlink: the caller named it, so it is followed.
        st = await (0,promises_namespaceObject.stat)(root);
    }
    catch (e) {
        findings.push({ severity: 'malformed', rule: 'fs.unreadable', message: `cannot read ${path}: ${errorText(e)}`, file: '.' });
        return nothingScanned({ root, kind: 'file', format: 'unknown', sha256: '', size: 0, files: [], findings, bytesScanned: 0 });
    }
    if (st.isFile()) {
        const name = (0,external_node_path_namespaceObject.basename)(root);
        try {
            const { report, bytesRead } = await scanFile(root, name, ctx);
            const out = { root, kind: 'file', format: report.format, sha256: report.sha256, size: report.size, files: [report], findings: [...report.findings], bytesScanned: bytesRead };
            return nothingScanned(out);
        }
        catch (e) {
            if (opts.signal?.aborted)
                throw e;
            findings.push({ severity: 'malformed', rule: 'fs.unreadable', message: `cannot read ${path}: ${errorText(e)}`, file: name });
            return nothingScanned({ root, kind: 'file', format: 'unknown', sha256: '', size: 0, files: [], findings, bytesScanned: 0 });
        }
    }
    if (!st.isDirectory()) {
        findings.push({ severity: 'malformed', rule: 'fs.special-file', message: `${path} is neither a regular file nor a directory; not opened`, file: '.' });
        return nothingScanned({ root, kind: 'file', format: 'unknown', sha256: '', size: 0, files: [], findings, bytesScanned: 0 });
    }
    return scanDirectory(root, opts, ctx, findings);
}
async function scanDirectory(root, opts, ctx, findings) {
    const maxFiles = opts.maxFiles ?? DEFAULT_MAX_FILES;
    const realRoot = await (0,promises_namespaceObject.realpath)(root);
    // Paths relative to the root are built while walking (path.relative per file showed in profiles).
    const files = [];
    const dirs = [{ abs: root, rel: '' }];
    let truncated = false;
    while (dirs.length > 0 && !truncated) {
        opts.signal?.throwIfAborted();
        const dir = dirs.pop();
        let entries;
        try {
            entries = await (0,promises_namespaceObject.readdir)(dir.abs, { withFileTypes: true });
        }
        catch (e) {
            findings.push({ severity: 'malformed', rule: 'fs.unreadable', message: `cannot list directory: ${errorText(e)}`, file: dir.rel || '.' });
            continue;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const d of entries) {
            const abs = (0,external_node_path_namespaceObject.join)(dir.abs, d.name);
            const rel = dir.rel ? `${dir.rel}/${d.name}` : d.name;
            if (d.isSymbolicLink()) {
                await judgeSymlink(abs, rel, realRoot, findings);
            }
            else if (d.isDirectory()) {
                dirs.push({ abs, rel });
            }
            else if (d.isFile()) {
                if (files.length >= maxFiles) {
                    findings.push({ severity: 'malformed', rule: 'fs.too-many-files', message: `more than ${maxFiles} files; the rest were not scanned (raise maxFiles)`, file: rel });
                    truncated = true;
                    break;
                }
                files.push({ abs, rel });
            }
            else {
                findings.push({ severity: 'malformed', rule: 'fs.special-file', message: 'FIFO, socket or device in the model directory; not opened', file: rel });
            }
        }
    }
    const reports = new Array(files.length);
    let bytesScanned = 0;
    let next = 0;
    const worker = async () => {
        while (next < files.length) {
            const k = next++;
            const { abs, rel } = files[k];
            try {
                const { report, bytesRead } = await scanFile(abs, rel, ctx);
                reports[k] = report;
                bytesScanned += bytesRead;
            }
            catch (e) {
                if (opts.signal?.aborted)
                    throw e;
                findings.push({ severity: 'malformed', rule: 'fs.unreadable', message: `cannot read file: ${errorText(e)}`, file: rel });
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
    const scanned = reports.filter((r) => r !== undefined).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const digest = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    let size = 0;
    for (const r of scanned) {
        digest.update(`${r.sha256}  ${r.file}\n`);
        size += r.size;
    }
    const all = [...findings, ...scanned.flatMap((r) => r.findings)];
    const { format, formats } = directoryFormat(scanned);
    const out = { root, kind: 'directory', format, sha256: digest.digest('hex'), size, files: scanned, findings: all, bytesScanned };
    if (formats.length > 0)
        out.formats = formats;
    return nothingScanned(out);
}
/** Formats that are a model's content (not its wrapping or a placeholder for it). */
const NOT_MODEL_CONTENT = new Set(['unknown', 'git-lfs-pointer', 'mixed', 'mlflow']);
/**
 * Rules whose findings fail the gate whatever `fail-on` says: the model was not there to check
 * (an LFS pointer) or nothing in it could be checked. A gate never passes what it could not read.
 */
const ALWAYS_FAILING_RULES = new Set(['file.git-lfs-pointer', 'model.nothing-scanned']);
/**
 * Severities that fail the gate whatever `fail-on` says. A `malformed` finding means the scanner
 * could not read the file to its end the way a loader would (a truncated or unparseable stream, a
 * header that lies, a container readers disagree on, a decompression bound reached): what it did
 * not read was not checked, so the file is not vouched for and the gate does not pass it.
 */
const ALWAYS_FAILING_SEVERITIES = new Set(['malformed']);
/** Whether a finding fails a gate that fails on `failOn` severities. */
function failsGate(f, failOn) {
    return failOn.includes(f.severity) || ALWAYS_FAILING_SEVERITIES.has(f.severity) || ALWAYS_FAILING_RULES.has(f.rule);
}
/** Adds `model.nothing-scanned` when no file of the model is in a format the scanner reads. */
function nothingScanned(r) {
    if (r.files.some((f) => !NOT_MODEL_CONTENT.has(f.format)))
        return r;
    if (r.files.some((f) => f.format === 'git-lfs-pointer'))
        return r; // already failing, with the fix
    const what = r.files.length === 0 ? 'no file could be read' : r.kind === 'file' ? 'the file is in no format this scanner recognises' : `none of its ${r.files.length} file(s) is in a format this scanner recognises`;
    r.findings.push({ severity: 'malformed', rule: 'model.nothing-scanned', message: `nothing in the model could be checked: ${what}. The gate does not pass what it could not read; point model-path at the model file or directory`, file: r.kind === 'file' ? (r.files[0]?.file ?? '.') : '.' });
    return r;
}
async function judgeSymlink(abs, rel, realRoot, findings) {
    let target;
    try {
        target = await (0,promises_namespaceObject.realpath)(abs);
    }
    catch (e) {
        findings.push({ severity: 'warning', rule: 'fs.dangling-symlink', message: `symlink does not resolve (${errorText(e)}); not followed`, file: rel });
        return;
    }
    if (target !== realRoot && !target.startsWith(realRoot + external_node_path_namespaceObject.sep)) {
        findings.push({ severity: 'dangerous', rule: 'fs.symlink-escape', message: `symlink points outside the model directory (to ${target}); not followed — packaging it would ship that file`, file: rel });
        return;
    }
    let kind = 'file';
    try {
        kind = (await (0,promises_namespaceObject.lstat)(target)).isDirectory() ? 'directory' : 'file';
    }
    catch {
        // resolved a moment ago; a race here changes nothing about the verdict
    }
    findings.push({ severity: 'info', rule: 'fs.symlink', message: `symlink to ${kind} inside the model directory (${(0,external_node_path_namespaceObject.relative)(realRoot, target) || '.'}); not followed, the target is scanned where it lives`, file: rel });
}
/**
 * A directory's format describes the directory: `mlflow` / `tf-savedmodel` by their marker file,
 * else the one format its model files share, else `mixed`. `formats` lists the formats found
 * (every file's but `unknown`), sorted.
 */
function directoryFormat(files) {
    const formats = [...new Set(files.map((f) => f.format).filter((f) => f !== 'unknown'))].sort();
    const names = new Set(files.map((f) => f.file));
    if (names.has('MLmodel'))
        return { format: 'mlflow', formats };
    if (names.has('saved_model.pb') || names.has('saved_model.pbtxt'))
        return { format: 'tf-savedmodel', formats };
    if (formats.length === 0)
        return { format: 'unknown', formats };
    return { format: formats.length === 1 ? formats[0] : 'mixed', formats };
}

;// CONCATENATED MODULE: ./packages/model/src/scan.ts





;// CONCATENATED MODULE: ./packages/model/src/cli/ml-deploy-scan.ts
/**
 * ml-deploy-scan: validate-model's scan from a shell, before a push. The same scanner, the same
 * default `fail-on` and the same rule that a model nothing could be read from never passes; no
 * ONNX Runtime (it imports `@ml-deploy/model/scan` only).
 *
 *   ml-deploy-scan <path> [--fail-on LIST] [--allow-globals LIST] [--allow-dangerous-globals 'NAME: REASON']... [--json]
 *
 * Exit codes: 0 passed, 1 rejected (a finding fails the gate), 2 bad command line, 3 the scan
 * itself failed (a bug: please report it).
 */


const SEVERITIES = ['dangerous', 'unknown-import', 'malformed', 'warning', 'info'];
const GLOBAL = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(\.\*)?$/;
const DANGEROUS_ENTRY = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+)\s*:\s*(\S.*)$/;
const USAGE = `usage: ml-deploy-scan <model file or directory> [options]

Scans a model the way the validate-model action does, without running it.

options:
  --fail-on LIST                 severities that fail the scan, comma-separated, or 'none'
                                 (default: ${DEFAULT_FAIL_ON.join(',')}); one of ${SEVERITIES.join(', ')}.
                                 malformed findings (a file not read to its end) always fail
  --allow-globals LIST           your own classes a pickle may import: 'module.name' or 'module.*',
                                 comma-separated (never clears a dangerous global)
  --allow-dangerous-globals 'module.name: reason'
                                 accept one dangerous global, with the reason (repeatable)
  --json                         print the scan report and the verdict as JSON on stdout
  -h, --help                     this text

exit codes: 0 passed, 1 rejected, 2 bad command line, 3 the scan itself failed`;
class UsageError extends Error {
}
function shown(v) {
    const s = JSON.stringify(v.length > 80 ? `${v.slice(0, 77)}...` : v);
    return s;
}
function list(raw) {
    return raw.split(/[,\n]/).map((s) => s.trim()).filter((s) => s.length > 0);
}
function parseCommandLine(argv) {
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({
            args: argv,
            allowPositionals: true,
            options: {
                'fail-on': { type: 'string' },
                'allow-globals': { type: 'string', multiple: true },
                'allow-dangerous-globals': { type: 'string', multiple: true },
                json: { type: 'boolean' },
                help: { type: 'boolean', short: 'h' },
            },
        });
    }
    catch (e) {
        throw new UsageError(e.message);
    }
    const { values, positionals } = parsed;
    if (values.help)
        return 'help';
    if (positionals.length !== 1)
        throw new UsageError(`expected one model path, got ${positionals.length === 0 ? 'none' : positionals.map(shown).join(' ')}`);
    let failOn = [...DEFAULT_FAIL_ON];
    if (values['fail-on'] !== undefined) {
        const items = list(values['fail-on']);
        const expected = `'none', or severities from ${SEVERITIES.join(', ')}, comma-separated`;
        if (items.length === 0)
            throw new UsageError(`--fail-on: got ${shown(values['fail-on'])}, expected ${expected}`);
        if (items.includes('none')) {
            if (items.length > 1)
                throw new UsageError(`--fail-on: got ${shown(values['fail-on'])}, expected 'none' alone (report-only) or severities`);
            failOn = [];
        }
        else {
            failOn = [];
            for (const item of items) {
                if (!SEVERITIES.includes(item))
                    throw new UsageError(`--fail-on: got ${shown(item)}, expected ${expected}`);
                if (!failOn.includes(item))
                    failOn.push(item);
            }
        }
    }
    const allow = (values['allow-globals'] ?? []).flatMap(list);
    for (const g of allow)
        if (!GLOBAL.test(g))
            throw new UsageError(`--allow-globals: got ${shown(g)}, expected Python globals as 'module.name' or 'module.*'`);
    const allowDangerous = (values['allow-dangerous-globals'] ?? []).map((entry) => {
        const m = DANGEROUS_ENTRY.exec(entry.trim());
        if (!m)
            throw new UsageError(`--allow-dangerous-globals: got ${shown(entry)}, expected 'module.name: reason' (the exact global, no wildcard, and why your team accepts it)`);
        return { name: m[1], reason: m[2].trim() };
    });
    return { path: positionals[0], failOn, allow, allowDangerous, json: values.json ?? false };
}
function where(f) {
    if (!f.location)
        return f.file;
    return f.location === f.file || f.location.startsWith(`${f.file} `) || f.location.startsWith(`${f.file}/`) ? f.location : `${f.file} @ ${f.location}`;
}
/** Runs the scan; returns the exit code. */
async function main(argv, out, err) {
    let opts;
    try {
        opts = parseCommandLine(argv);
    }
    catch (e) {
        if (!(e instanceof UsageError))
            throw e;
        err(`ml-deploy-scan: ${e.message}\n\n${USAGE}`);
        return 2;
    }
    if (opts === 'help') {
        out(USAGE);
        return 0;
    }
    let report;
    try {
        report = await scanModel(opts.path, { allow: opts.allow, allowDangerous: opts.allowDangerous });
    }
    catch (e) {
        err(`ml-deploy-scan: the scan failed: ${e.stack ?? String(e)}`);
        return 3;
    }
    const { failOn } = opts;
    const failing = report.findings.filter((f) => failsGate(f, failOn));
    const verdict = failing.length === 0 ? 'pass' : 'fail';
    if (opts.json) {
        out(JSON.stringify({ verdict, failOn, failing: failing.length, ...report }, null, 2));
    }
    else {
        out(`${report.root}: ${report.format}${report.formats ? ` (${report.formats.join(', ')})` : ''}, ${report.files.length} file(s), ${report.size} bytes, sha256 ${report.sha256 || '(none)'}`);
        for (const f of report.findings)
            out(`${failsGate(f, failOn) ? 'FAIL' : '    '} [${f.severity}] ${f.rule}: ${f.message}${f.import && !f.message.includes(f.import) ? ` [${f.import}]` : ''} (${where(f)})`);
        out(verdict === 'pass' ? `passed: no finding at ${failOn.length ? failOn.join(', ') : 'any fail-on severity (report-only)'}, nothing malformed` : `rejected: ${failing.length} finding(s) fail the gate (fail-on: ${failOn.join(', ') || 'none'}; malformed always)`);
    }
    return verdict === 'pass' ? 0 : 1;
}


/***/ }),

/***/ 203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 977:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   "default": () => (__WEBPACK_DEFAULT_EXPORT__)
/* harmony export */ });

var createLZMA = (() => {
  var _scriptDir = import.meta.url;
  
  return (
function(moduleArg = {}) {

var b=moduleArg,h,u;b.ready=new Promise((a,c)=>{h=a;u=c});var w=Object.assign({},b),x="object"==typeof window,y="function"==typeof importScripts,z="",A;if(x||y)y?z=self.location.href:"undefined"!=typeof document&&document.currentScript&&(z=document.currentScript.src),_scriptDir&&(z=_scriptDir),0!==z.indexOf("blob:")?z=z.substr(0,z.replace(/[?#].*/,"").lastIndexOf("/")+1):z="",y&&(A=a=>{var c=new XMLHttpRequest;c.open("GET",a,!1);c.responseType="arraybuffer";c.send(null);return new Uint8Array(c.response)});
var B=b.printErr||console.error.bind(console);Object.assign(b,w);w=null;var C;b.wasmBinary&&(C=b.wasmBinary);"object"!=typeof WebAssembly&&D("no native wasm support detected");var E,F=!1,G,I,J,K,L,M,N,O;
function P(){var a=E.buffer;b.HEAP8=G=new Int8Array(a);b.HEAP16=J=new Int16Array(a);b.HEAPU8=I=new Uint8Array(a);b.HEAPU16=new Uint16Array(a);b.HEAP32=K=new Int32Array(a);b.HEAPU32=L=new Uint32Array(a);b.HEAPF32=M=new Float32Array(a);b.HEAPF64=O=new Float64Array(a);b.HEAP64=N=new BigInt64Array(a);b.HEAPU64=new BigUint64Array(a)}var Q=[],R=[],aa=[];function ba(){var a=b.preRun.shift();Q.unshift(a)}var S=0,T=null,U=null;
function D(a){b.onAbort?.(a);a="Aborted("+a+")";B(a);F=!0;a=new WebAssembly.RuntimeError(a+". Build with -sASSERTIONS for more info.");u(a);throw a;}var ca=a=>a.startsWith("data:application/octet-stream;base64,"),V;if(b.locateFile){if(V="liblzma.wasm",!ca(V)){var da=V;V=b.locateFile?b.locateFile(da,z):z+da}}else V=__nccwpck_require__.ab + "liblzma.wasm";function ea(a){if(a==V&&C)return new Uint8Array(C);if(A)return A(a);throw"both async and sync fetching of the wasm failed";}
function fa(a){return C||!x&&!y||"function"!=typeof fetch?Promise.resolve().then(()=>ea(a)):fetch(a,{credentials:"same-origin"}).then(c=>{if(!c.ok)throw"failed to load wasm binary file at '"+a+"'";return c.arrayBuffer()}).catch(()=>ea(a))}function ha(a,c,d){return fa(a).then(e=>WebAssembly.instantiate(e,c)).then(e=>e).then(d,e=>{B(`failed to asynchronously prepare wasm: ${e}`);D(e)})}
function ia(a,c){var d=__nccwpck_require__.ab + "liblzma.wasm";return C||"function"!=typeof WebAssembly.instantiateStreaming||ca(d)||"function"!=typeof fetch?ha(d,a,c):fetch(d,{credentials:"same-origin"}).then(e=>WebAssembly.instantiateStreaming(e,a).then(c,function(p){B(`wasm streaming compile failed: ${p}`);B("falling back to ArrayBuffer instantiation");return ha(d,a,c)}))}
var W=a=>{for(;0<a.length;)a.shift()(b)},ja="undefined"!=typeof TextDecoder?new TextDecoder("utf8"):void 0,ma=(a,c,d,e)=>{var p={string:f=>{var m=0;if(null!==f&&void 0!==f&&0!==f){for(var g=m=0;g<f.length;++g){var l=f.charCodeAt(g);127>=l?m++:2047>=l?m+=2:55296<=l&&57343>=l?(m+=4,++g):m+=3}var k=m+1;g=m=X(k);l=I;if(0<k){k=g+k-1;for(var v=0;v<f.length;++v){var n=f.charCodeAt(v);if(55296<=n&&57343>=n){var oa=f.charCodeAt(++v);n=65536+((n&1023)<<10)|oa&1023}if(127>=n){if(g>=k)break;l[g++]=n}else{if(2047>=
n){if(g+1>=k)break;l[g++]=192|n>>6}else{if(65535>=n){if(g+2>=k)break;l[g++]=224|n>>12}else{if(g+3>=k)break;l[g++]=240|n>>18;l[g++]=128|n>>12&63}l[g++]=128|n>>6&63}l[g++]=128|n&63}}l[g]=0}}return m},array:f=>{var m=X(f.length);G.set(f,m);return m}};a=b["_"+a];var q=[],t=0;if(e)for(var r=0;r<e.length;r++){var H=p[d[r]];H?(0===t&&(t=ka()),q[r]=H(e[r])):q[r]=e[r]}d=a.apply(null,q);return d=function(f){0!==t&&la(t);if("string"===c)if(f){for(var m=I,g=f+NaN,l=f;m[l]&&!(l>=g);)++l;if(16<l-f&&m.buffer&&ja)f=
ja.decode(m.subarray(f,l));else{for(g="";f<l;){var k=m[f++];if(k&128){var v=m[f++]&63;if(192==(k&224))g+=String.fromCharCode((k&31)<<6|v);else{var n=m[f++]&63;k=224==(k&240)?(k&15)<<12|v<<6|n:(k&7)<<18|v<<12|n<<6|m[f++]&63;65536>k?g+=String.fromCharCode(k):(k-=65536,g+=String.fromCharCode(55296|k>>10,56320|k&1023))}}else g+=String.fromCharCode(k)}f=g}}else f="";else f="boolean"===c?!!f:f;return f}(d)},na={a:a=>{var c=I.length;a>>>=0;if(268435456<a)return!1;for(var d=1;4>=d;d*=2){var e=c*(1+.2/d);
e=Math.min(e,a+100663296);var p=Math;e=Math.max(a,e);a:{p=(p.min.call(p,268435456,e+(65536-e%65536)%65536)-E.buffer.byteLength+65535)/65536;try{E.grow(p);P();var q=1;break a}catch(t){}q=void 0}if(q)return!0}return!1}},Y=function(){function a(d){Y=d.exports;E=Y.b;P();R.unshift(Y.c);S--;b.monitorRunDependencies?.(S);0==S&&(null!==T&&(clearInterval(T),T=null),U&&(d=U,U=null,d()));return Y}var c={a:na};S++;b.monitorRunDependencies?.(S);if(b.instantiateWasm)try{return b.instantiateWasm(c,a)}catch(d){B(`Module.instantiateWasm callback failed with error: ${d}`),
u(d)}ia(c,function(d){a(d.instance)}).catch(u);return{}}();b._lzma_check_is_supported=a=>(b._lzma_check_is_supported=Y.d)(a);b._lzma_version_string=()=>(b._lzma_version_string=Y.e)();b._lzma_code=(a,c)=>(b._lzma_code=Y.f)(a,c);b._lzma_end=a=>(b._lzma_end=Y.g)(a);b._lzma_memusage=a=>(b._lzma_memusage=Y.h)(a);b._lzma_memlimit_set=(a,c)=>(b._lzma_memlimit_set=Y.i)(a,c);b._lzma_index_end=(a,c)=>(b._lzma_index_end=Y.j)(a,c);b._lzma_index_uncompressed_size=a=>(b._lzma_index_uncompressed_size=Y.k)(a);
b._lzma_easy_buffer_encode=(a,c,d,e,p,q,t,r)=>(b._lzma_easy_buffer_encode=Y.l)(a,c,d,e,p,q,t,r);b._lzma_easy_encoder=(a,c,d)=>(b._lzma_easy_encoder=Y.m)(a,c,d);b._lzma_stream_buffer_encode=(a,c,d,e,p,q,t,r)=>(b._lzma_stream_buffer_encode=Y.n)(a,c,d,e,p,q,t,r);b._lzma_auto_decoder=(a,c,d)=>(b._lzma_auto_decoder=Y.o)(a,c,d);b._lzma_index_decoder=(a,c,d)=>(b._lzma_index_decoder=Y.p)(a,c,d);b._lzma_stream_buffer_decode=(a,c,d,e,p,q,t,r,H)=>(b._lzma_stream_buffer_decode=Y.q)(a,c,d,e,p,q,t,r,H);
b._lzma_stream_decoder=(a,c,d)=>(b._lzma_stream_decoder=Y.r)(a,c,d);b._malloc=a=>(b._malloc=Y.s)(a);b._free=a=>(b._free=Y.t)(a);var ka=()=>(ka=Y.u)(),la=a=>(la=Y.v)(a),X=a=>(X=Y.w)(a);b.ccall=ma;b.cwrap=(a,c,d,e)=>{var p=!d||d.every(q=>"number"===q||"boolean"===q);return"string"!==c&&p&&!e?b["_"+a]:function(){return ma(a,c,d,arguments,e)}};
b.setValue=function(a,c,d="i8"){d.endsWith("*")&&(d="*");switch(d){case "i1":G[a>>0]=c;break;case "i8":G[a>>0]=c;break;case "i16":J[a>>1]=c;break;case "i32":K[a>>2]=c;break;case "i64":N[a>>3]=BigInt(c);break;case "float":M[a>>2]=c;break;case "double":O[a>>3]=c;break;case "*":L[a>>2]=c;break;default:D(`invalid type for setValue: ${d}`)}};
b.getValue=function(a,c="i8"){c.endsWith("*")&&(c="*");switch(c){case "i1":return G[a>>0];case "i8":return G[a>>0];case "i16":return J[a>>1];case "i32":return K[a>>2];case "i64":return N[a>>3];case "float":return M[a>>2];case "double":return O[a>>3];case "*":return L[a>>2];default:D(`invalid type for getValue: ${c}`)}};var Z;U=function pa(){Z||qa();Z||(U=pa)};
function qa(){function a(){if(!Z&&(Z=!0,b.calledRun=!0,!F)){W(R);h(b);if(b.onRuntimeInitialized)b.onRuntimeInitialized();if(b.postRun)for("function"==typeof b.postRun&&(b.postRun=[b.postRun]);b.postRun.length;){var c=b.postRun.shift();aa.unshift(c)}W(aa)}}if(!(0<S)){if(b.preRun)for("function"==typeof b.preRun&&(b.preRun=[b.preRun]);b.preRun.length;)ba();W(Q);0<S||(b.setStatus?(b.setStatus("Running..."),setTimeout(function(){setTimeout(function(){b.setStatus("")},1);a()},1)):a())}}
if(b.preInit)for("function"==typeof b.preInit&&(b.preInit=[b.preInit]);0<b.preInit.length;)b.preInit.pop()();qa();


  return moduleArg.ready
}
);
})();
;
/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (createLZMA);

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(493);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

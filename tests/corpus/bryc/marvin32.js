// deno-fmt-ignore-file
// deno-lint-ignore-file
// @ts-nocheck: third-party code, kept as its authors wrote it
// Source: https://github.com/bryc/code/blob/fdd2d21471febe58c7879707c0f43a65e1dd8248/jshash/hashes/marvin32.js
// Repository https://github.com/bryc/code, commit fdd2d21471febe58c7879707c0f43a65e1dd8248, path jshash/hashes/marvin32.js.
// Licence: public domain, or MIT where that is not recognised (the LICENSE file in this folder).
// Changes: an export statement added at the end

/*
    Marvin32
    ---------------
    Marvin32 implemented by bryc (github.com/bryc)
    
    Source:
    https://github.com/dotnet/coreclr/blob/master/src/System.Private.CoreLib/shared/System/Marvin.cs

    It's derived from .NET Framework 4.5 and is patented here:
    https://patents.google.com/patent/US20130262421
*/

function Marvin32(key, seed = 0, seed2 = 0) {
    var k, h1 = seed, h2 = seed2;

    for(var i = 0, b = key.length & -4; i < b; i += 4) {
        k = key[i+3] << 24 | key[i+2] << 16 | key[i+1] << 8 | key[i];
        h1 = h1 + k; h2 = h2 ^ h1;
        h1 = h1 << 20 | h1 >>> 12; h1 = h1 + h2;
        h2 = h2 << 9  | h2 >>> 23; h2 = h2 ^ h1;
        h1 = h1 << 27 | h1 >>> 5 ; h1 = h1 + h2;
        h2 = h2 << 19 | h2 >>> 13;
    }

    k = 128;
    switch (key.length & 3) {
        case 3: k = k << 8 | key[i+2];
        case 2: k = k << 8 | key[i+1];
        case 1: k = k << 8 | key[i];
    }

    h1 = h1 + k; h2 = h2 ^ h1;
    h1 = h1 << 20 | h1 >>> 12; h1 = h1 + h2;
    h2 = h2 << 9  | h2 >>> 23; h2 = h2 ^ h1;
    h1 = h1 << 27 | h1 >>> 5 ; h1 = h1 + h2;
    h2 = h2 << 19 | h2 >>> 13;

    h2 = h2 ^ h1;
    h1 = h1 << 20 | h1 >>> 12; h1 = h1 + h2;
    h2 = h2 << 9  | h2 >>> 23; h2 = h2 ^ h1;
    h1 = h1 << 27 | h1 >>> 5 ; h1 = h1 + h2;
    h2 = h2 << 19 | h2 >>> 13;

    return (h1 ^ h2) >>> 0;
}

export { Marvin32 };

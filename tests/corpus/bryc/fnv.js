// deno-fmt-ignore-file
// deno-lint-ignore-file
// @ts-nocheck: third-party code, kept as its authors wrote it
// Source: https://github.com/bryc/code/blob/fdd2d21471febe58c7879707c0f43a65e1dd8248/jshash/hashes/FNV.js
// Repository https://github.com/bryc/code, commit fdd2d21471febe58c7879707c0f43a65e1dd8248, path jshash/hashes/FNV.js.
// Licence: public domain, or MIT where that is not recognised (the LICENSE file in this folder).
// Changes: an export statement added at the end

/*
    FNV (Fowler/Noll/Vo)
    ---------------
    optimized 32-bit FNV hash implementations - github.com/bryc
    ---------------
    FNV0 - FNV-0, original (obsolete)
    FNV1 - FNV-1, first version
    FNV1a - FNV-1a, revised FNV-1
    FNV1a_BM - FNV-1a, "forced avalanche" modification (Mulvey)

    Note: ' | 0' is a optimization for firefox mostly, doubles performance.
*/

function FNV0(key) {
    var hval = 0;
    for(var i = 0; i < key.length; i++) {
        hval = key[i] ^ Math.imul(hval, 16777619);
    }
    return hval >>> 0;
}

function FNV1(key) {
    var hval = 2166136261 | 0;
    for(var i = 0; i < key.length; i++) {
        hval = key[i] ^ Math.imul(hval, 16777619);
    }
    return hval >>> 0;
}

function FNV1a(key) {
    var hval = 2166136261 | 0;
    for(var i = 0; i < key.length; i++) {
        hval = Math.imul(hval ^ key[i], 16777619);
    }
    return hval >>> 0;
}

function FNV1a_BM(key) {
    var hval = 2166136261 | 0;
    for(var i = 0; i < key.length; i++) {
        hval = Math.imul(hval ^ key[i], 16777619);
    }
    hval += hval << 13;
    hval ^= hval >>> 7;
    hval += hval << 3;
    hval ^= hval >>> 17;
    hval += hval << 5;
    return hval >>> 0;
}
export { FNV0, FNV1, FNV1a, FNV1a_BM };

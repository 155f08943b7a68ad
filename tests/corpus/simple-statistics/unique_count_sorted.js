// deno-fmt-ignore-file
// deno-lint-ignore-file
// @ts-nocheck: third-party code, kept as its authors wrote it
// Source: https://github.com/simple-statistics/simple-statistics/blob/7643ea927d0e21f01bb68f60e224f42f10098373/src/unique_count_sorted.js
// Repository https://github.com/simple-statistics/simple-statistics, commit 7643ea927d0e21f01bb68f60e224f42f10098373, path src/unique_count_sorted.js.
// Licence: ISC (the LICENSE file in this folder).
// Changes: none (this header only).

/**
 * For a sorted input, counting the number of unique values
 * is possible in constant time and constant memory. This is
 * a simple implementation of the algorithm.
 *
 * Values are compared with `===`, so objects and non-primitive objects
 * are not handled in any special way.
 *
 * @param {Array<*>} x an array of any kind of value
 * @returns {number} count of unique values
 * @example
 * uniqueCountSorted([1, 2, 3]); // => 3
 * uniqueCountSorted([1, 1, 1]); // => 1
 */
function uniqueCountSorted(x) {
    let uniqueValueCount = 0;
    let lastSeenValue;
    for (let i = 0; i < x.length; i++) {
        if (i === 0 || x[i] !== lastSeenValue) {
            lastSeenValue = x[i];
            uniqueValueCount++;
        }
    }
    return uniqueValueCount;
}

export default uniqueCountSorted;

/** A read-only vector of float64 values. */
export type Vector = readonly number[];

/** A read-only row-major matrix: `A[i][j]` is row i, column j. */
export type Matrix = readonly Vector[];

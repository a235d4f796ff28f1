// Literals rather than `512 * 1024 * 1024`: bundlers keep unused arithmetic, but drop unused literals.

/** The largest file `uploadFile` sends in one request: 512 MB (536870912 bytes); use `uploadLargeFile` above it. */
export const MAX_FILE_BYTES = 536_870_912

/** The largest file the Uploads API accepts: 8 GB (8589934592 bytes). */
export const MAX_UPLOAD_BYTES = 8_589_934_592

/** The largest part the Uploads API accepts: 64 MB (67108864 bytes); also `uploadLargeFile`'s default part size. */
export const MAX_PART_BYTES = 67_108_864

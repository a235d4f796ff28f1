/** The largest file `uploadFile` sends in one request (512 MB); use `uploadLargeFile` above it. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024

/** The largest file the Uploads API accepts (8 GB). */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024 * 1024

/** The largest part the Uploads API accepts (64 MB); also `uploadLargeFile`'s default part size. */
export const MAX_PART_BYTES = 64 * 1024 * 1024

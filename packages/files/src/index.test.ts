import type { APIPromise, PagePromise, RequestOptions } from '@acme/openai-core'
import { describe, expect, expectTypeOf, test } from 'vitest'
import * as main from './index'
import * as node from './node/index'

describe('entry points', () => {
  test('the main entry exports the operations, helpers and errors', () => {
    expect(Object.keys(main).sort()).toEqual([
      'FileProcessingTimeoutError',
      'FileTooLargeError',
      'InvalidUploadError',
      'MAX_FILE_BYTES',
      'MAX_PART_BYTES',
      'MAX_UPLOAD_BYTES',
      'addUploadPart',
      'cancelUpload',
      'completeUpload',
      'createUpload',
      'deleteFile',
      'listFiles',
      'retrieveFile',
      'retrieveFileContent',
      'toFile',
      'uploadFile',
      'uploadLargeFile',
      'waitForProcessing',
    ])
  })

  test('./node re-exports the rest and adds path-aware versions', () => {
    expect(Object.keys(node).sort()).toEqual([...Object.keys(main), 'fileFromPath'].sort())
    expect(node.uploadFile).not.toBe(main.uploadFile)
    expect(node.uploadLargeFile).not.toBe(main.uploadLargeFile)
    expect(node.toFile).not.toBe(main.toFile)
    expect(node.listFiles).toBe(main.listFiles)
    expect(node.InvalidUploadError).toBe(main.InvalidUploadError)
  })

  test('types', () => {
    expectTypeOf(main.uploadFile).returns.toEqualTypeOf<APIPromise<main.FileObject>>()
    expectTypeOf(main.listFiles).returns.toEqualTypeOf<PagePromise<main.FileObject>>()
    expectTypeOf(main.retrieveFileContent).returns.toEqualTypeOf<APIPromise<ReadableStream<Uint8Array>>>()
    expectTypeOf(main.uploadLargeFile).returns.toEqualTypeOf<Promise<main.Upload>>()
    expectTypeOf(main.deleteFile).parameter(2).toEqualTypeOf<RequestOptions | undefined>()
    expectTypeOf<string>().not.toMatchTypeOf<main.Uploadable>()
    expectTypeOf<string>().toMatchTypeOf<node.NodeUploadable>()
    expectTypeOf<['a.txt', string, 'text/plain']>().toMatchTypeOf<main.Uploadable>()
    expectTypeOf<main.FileObject['purpose']>().toMatchTypeOf<string>()
  })
})

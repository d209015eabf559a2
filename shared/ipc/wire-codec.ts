/**
 * Encodes contract messages for the browser host's WebSocket. Plain messages travel as JSON text;
 * messages holding typed arrays (telemetry batches) travel as one binary frame: a JSON header in which
 * each typed array is replaced by a reference, followed by the arrays' raw bytes. This keeps a 50k-asset
 * batch a memcpy rather than 350k numbers printed as text.
 */
type TypedArray = Float64Array | Float32Array | Uint32Array | Uint8Array | Int32Array

const TYPED_ARRAYS = { Float64Array, Float32Array, Uint32Array, Uint8Array, Int32Array } as const
type TypedArrayName = keyof typeof TYPED_ARRAYS

interface TypedArrayRef {
  $ta: TypedArrayName
  offset: number
  length: number
}

function typedArrayName(value: unknown): TypedArrayName | null {
  for (const name of Object.keys(TYPED_ARRAYS) as TypedArrayName[]) {
    if (value instanceof TYPED_ARRAYS[name]) return name
  }
  return null
}

function isTypedArrayRef(value: unknown): value is TypedArrayRef {
  return typeof value === 'object' && value !== null && typeof (value as { $ta?: unknown }).$ta === 'string'
}

/** Text for plain messages, bytes for messages that carry typed arrays. */
export function encodeMessage(message: unknown): string | Uint8Array<ArrayBuffer> {
  const arrays: TypedArray[] = []
  let bodyBytes = 0
  const header = JSON.stringify(message, (_key, value: unknown) => {
    const name = typedArrayName(value)
    if (!name) return value
    const array = value as TypedArray
    bodyBytes = align8(bodyBytes)
    const ref: TypedArrayRef = { $ta: name, offset: bodyBytes, length: array.length }
    bodyBytes += array.byteLength
    arrays.push(array)
    return ref
  })
  if (arrays.length === 0) return header
  const headerBytes = new TextEncoder().encode(header)
  const bodyStart = align8(4 + headerBytes.length)
  const frame = new Uint8Array(bodyStart + bodyBytes)
  new DataView(frame.buffer).setUint32(0, headerBytes.length, true)
  frame.set(headerBytes, 4)
  let offset = 0
  for (const array of arrays) {
    offset = align8(offset)
    frame.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), bodyStart + offset)
    offset += array.byteLength
  }
  return frame
}

/** Inverse of encodeMessage. Throws on a malformed frame (the caller drops the connection). */
export function decodeMessage(data: string | ArrayBuffer | Uint8Array): unknown {
  if (typeof data === 'string') return JSON.parse(data)
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const headerLength = view.getUint32(0, true)
  const header = new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))
  const bodyStart = align8(4 + headerLength)
  return JSON.parse(header, (_key, value: unknown) => {
    if (!isTypedArrayRef(value)) return value
    const Constructor = TYPED_ARRAYS[value.$ta]
    const start = bodyStart + value.offset
    const byteLength = value.length * Constructor.BYTES_PER_ELEMENT
    // Copy into a fresh, aligned buffer: the frame's offset may not suit the element size.
    const copy = bytes.slice(start, start + byteLength)
    return new Constructor(copy.buffer, 0, value.length)
  })
}

function align8(n: number): number {
  return (n + 7) & ~7
}

// Frames for desks, built as text from the JSON NATS already holds: a fix is never parsed and
// re-serialized on the way through (the desk parses each frame once, where it enters).

/** One stored fix: its stream sequence, its asset's subject token, and its JSON as stored. */
export interface FeedItem {
  seq: number
  token: string
  /** `{"seq":N,"fix":{…}}`: the shape of a frame's item, and of a KV value (latest-fixes.ts). */
  json: string
}

/** An item from a stream message: the sequence is the message's, the fix its data. */
export function streamItem(seq: number, subject: string, data: string): FeedItem {
  return { seq, token: subject.slice(subject.lastIndexOf('.') + 1), json: `{"seq":${seq},"fix":${data}}` }
}

/** An item from a KV entry, whose value is already `{"seq":N,"fix":…}` (written by latest-fixes.ts). */
export function latestItem(key: string, value: string): FeedItem | null {
  const seq = /^\{"seq":(\d+),"fix":/.exec(value)?.[1]
  return seq === undefined ? null : { seq: Number(seq), token: key, json: value }
}

export function fixesFrame(items: readonly FeedItem[]): string {
  return `{"t":"fixes","items":[${items.map((item) => item.json).join(',')}]}`
}

export function snapshotFrame(items: readonly FeedItem[]): string {
  return `{"t":"snapshot","items":[${items.map((item) => item.json).join(',')}]}`
}

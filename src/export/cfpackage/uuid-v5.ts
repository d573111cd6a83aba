import { createHash } from "node:crypto";

/** This project's namespace for name-based UUIDs (itself UUID v5 of "onion-course" in the URL namespace). */
export const COURSE_UUID_NAMESPACE = "de5fb010-41dd-5a6d-88d1-b752edee4510";

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ""), "hex");
}

/**
 * An RFC 9562 version-5 UUID: SHA-1 of namespace and name, with the version and variant bits set.
 * The same name always gives the same UUID, so exported identifiers stay put from build to build.
 */
export function deriveUuid(name: string, namespace = COURSE_UUID_NAMESPACE): string {
  const hash = createHash("sha1").update(uuidBytes(namespace)).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An id (lowercase letters, digits, hyphens) from a material's name, or "" when it has no such letters. */
export function slugFromName(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 32 && slug) break;
    slug = next.slice(0, 32);
  }
  return slug;
}

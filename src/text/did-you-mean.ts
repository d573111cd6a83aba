import { closest, distance } from "fastest-levenshtein";

/** The candidate a misspelt `word` most likely meant, if one is close enough to suggest. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, candidates as string[]);
  // Short words need a closer match: two edits turn any two-letter word into any other.
  const limit = Math.min(Math.max(2, Math.floor(best.length / 3)), Math.max(1, word.length - 1));
  return distance(word.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}

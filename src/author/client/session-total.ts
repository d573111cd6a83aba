/** The session plan's arithmetic, as the text is typed: the activities' minutes and the duration. */
export function sessionTotal(text: string): { total: number; duration: number | undefined } {
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "";
  const duration = /^duration:\s*(\d+)\s*$/m.exec(front)?.[1];
  let total = 0;
  for (const match of text.matchAll(/^:{3,}\s*activity\b[^\n]*?\bminutes=(\d+)/gm))
    total += Number(match[1]);
  return { total, duration: duration === undefined ? undefined : Number(duration) };
}

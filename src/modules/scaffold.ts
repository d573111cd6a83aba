export async function scaffoldModule(_courseDir: string, _id: string | undefined): Promise<string[]> {
  throw new Error("not yet");
}

export async function renderPdfs(_options: { siteDir: string }): Promise<void> {
  throw new Error("not yet");
}
